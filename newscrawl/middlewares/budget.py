"""Downloader middleware that bounds the pages fetched per source and run (a crawler-trap net).

Each request made for a source (``cb_kwargs["source"]``) counts once, when it first reaches
the downloader; its retries and redirects carry ``newscrawl_budget_counted`` in meta and do not
count again. Once a source has fetched its budget, further pages are refused. Seeds (meta
``newscrawl_seed``: the feeds, sitemaps and start pages of the sources file) are neither
counted nor refused, so tomorrow's feed is always read. Enabled at order 110, after
RobotsTxtMiddleware: a page robots.txt forbids costs nothing.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from scrapy.exceptions import IgnoreRequest, NotConfigured

from newscrawl import stats
from newscrawl.crawlstate import crawler_config
from newscrawl.middlewares.faultlog import FaultCounter, request_source

logger = logging.getLogger(__name__)

COUNTED = "newscrawl_budget_counted"


class PageBudgetMiddleware:
    """Refuses a source's requests beyond its page budget for this run.

    Settings: ``NEWSCRAWL_MAX_PAGES_PER_SOURCE`` (0 = unlimited: the middleware is off).
    Request meta: reads ``newscrawl_seed``; sets ``newscrawl_budget_counted``.
    Stats: ``newscrawl/budget/refused`` and the per-source variant.
    """

    def __init__(self, budget: int, stats_collector: Any = None) -> None:
        self.budget = budget
        self.fetched: Counter[str] = Counter()
        self.faults = FaultCounter(stats_collector, logger)

    @classmethod
    def from_crawler(cls, crawler: Any) -> PageBudgetMiddleware:
        budget = crawler_config(crawler).max_pages_per_source
        if budget <= 0:
            raise NotConfigured  # 0 = unlimited, the default; no args: Scrapy would log a WARNING
        return cls(budget, crawler.stats)

    def process_request(self, request: Any) -> None:
        source = request_source(request)
        if source is None or request.meta.get("newscrawl_seed") or request.meta.get(COUNTED):
            return None
        if self.fetched[source] >= self.budget:
            self.faults.count(stats.BUDGET_REFUSED, source,
                              "Source %s used its budget of %d pages; not fetched: %s",
                              source, self.budget, request.url)  # fmt: skip
            raise IgnoreRequest(f"page budget of source {source!r} used up")
        self.fetched[source] += 1
        request.meta[COUNTED] = True
        return None
