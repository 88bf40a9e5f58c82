"""Spider middleware that keeps crawler traps out of the frontier.

On every request the spider yields except seeds (meta ``newscrawl_seed``): session ids are
stripped from the URL (newscrawl.urls.strip_session), so one page linked under endless ids
is fetched once; URLs with a trap shape (newscrawl.traps: far-off calendar dates, query
explosions, repeating path segments, overlong URLs) are dropped. Enabled at order 950, so the
incremental and depth middlewares (900) see the cleaned URL.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware

from newscrawl import stats
from newscrawl.middlewares.faultlog import FaultCounter, request_source
from newscrawl.traps import trap_reason
from newscrawl.urls import strip_session

logger = logging.getLogger(__name__)


class TrapGuardMiddleware(BaseSpiderMiddleware):
    """Strips session ids from followed URLs and drops trap-shaped ones.

    Request meta: reads ``newscrawl_seed`` (seeds pass untouched).
    Stats: ``newscrawl/traps/session_stripped``, ``newscrawl/traps/refused/<reason>`` and
    their per-source variants.
    """

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        self.faults = FaultCounter(crawler.stats if crawler else None, logger)

    def get_processed_request(self, request: Request, response: Any) -> Request | None:
        if request.meta.get("newscrawl_seed"):
            return request
        source = request_source(request)
        url = strip_session(request.url)
        if url != request.url:
            self.faults.count(stats.TRAPS_STRIPPED, source, "Session id stripped: %s -> %s",
                              request.url, url)  # fmt: skip
            request = request.replace(url=url)
        reason = trap_reason(request.url)
        if reason is not None:
            key = f"{stats.TRAPS_REFUSED}/{reason}"
            self.faults.count(key, source, "Crawler trap (%s): %s", reason, request.url)
            return None
        return request
