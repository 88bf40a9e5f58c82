"""Incremental crawling: article URLs already in the store are not fetched again.

Honours request meta ``newscrawl_candidate`` (set by the spider on article links and
feed/sitemap entries); seeds (feeds, sitemaps, start pages) are never skipped.
Stats: ``newscrawl/incremental/skipped_stored``, also per source (the run's ``known`` count:
a source whose articles are all stored already is not flagged ``no_articles``): each stored
URL once a run, however many pages link it.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware

from newscrawl import stats
from newscrawl.crawlstate import crawler_store
from newscrawl.middlewares.faultlog import request_source
from newscrawl.store import Store
from newscrawl.urls import canonicalize

logger = logging.getLogger(__name__)

REMEMBERED = 200_000


class IncrementalMiddleware(BaseSpiderMiddleware):
    """Drops requests for article URLs the store already holds."""

    def __init__(self, crawler: Any, store: Store | None = None) -> None:
        super().__init__(crawler)
        self.store = store if store is not None else crawler_store(crawler)
        # Stored URLs skipped this run, per source: one linked from many pages is counted
        # (and looked up) once; REMEMBERED at most (about 150 bytes each).
        self._skipped: set[tuple[str | None, str]] = set()

    def get_processed_request(self, request: Request, response: Any) -> Request | None:
        if not request.meta.get("newscrawl_candidate"):
            return request
        url, source = canonicalize(request.url), request_source(request)
        if (source, url) in self._skipped:
            return None
        if self.store.known_urls([request.url, url]):
            if len(self._skipped) < REMEMBERED:
                self._skipped.add((source, url))
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value(stats.INCREMENTAL_SKIPPED)
            if source:
                self.crawler.stats.inc_value(stats.per_source(stats.INCREMENTAL_SKIPPED, source))
            logger.debug("Already stored, not fetched: %s", request.url)
            return None
        return request
