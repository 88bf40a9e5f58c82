"""PromptClose: a closing crawl does not wait out its download delays.

When a crawl closes (SIGINT, SIGTERM, a CLOSESPIDER_* limit), Scrapy finishes every request
its downloader holds. Those waiting in a download slot's queue for their delay
(DOWNLOAD_DELAY, AutoThrottle's up to AUTOTHROTTLE_MAX_DELAY) would each be fetched in turn,
a delay apart: with 32 requests on a few slow sites that is minutes, and a service manager
kills the crawl before its feed is complete. This extension takes them out of the queues as
soon as the crawl is closing and hands each back to the scheduler (``dont_filter``, as it
was never fetched): with JOBDIR or a Redis frontier the next run or another worker fetches
it; otherwise the next run finds it again. Downloads already under way finish as before.

Stat: ``newscrawl/shutdown/requeued``.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from twisted.internet.task import LoopingCall
from twisted.python.failure import Failure

from newscrawl import stats

logger = logging.getLogger(__name__)

CHECK_SECONDS = 0.25
"""How often the extension looks whether the crawl is closing."""


class PromptClose:
    """Empties the download slots' queues of a closing crawl into its scheduler."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self._loop: LoopingCall | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Any) -> PromptClose:
        return cls(crawler)

    def spider_opened(self, spider: Any) -> None:
        self._loop = LoopingCall(self.check)
        self._loop.start(CHECK_SECONDS, now=False)

    def spider_closed(self, spider: Any) -> None:
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        self._loop = None

    def check(self) -> int:
        """Requeue what waits in the download slots when the crawl is closing; how many."""
        engine = self.crawler.engine
        slot = getattr(engine, "_slot", None)  # Scrapy's engine slot: its scheduler, closing
        if engine is None or slot is None:
            return 0
        if engine.running and getattr(slot, "closing", None) is None:
            return 0
        requeued = 0
        for download_slot in list(engine.downloader.slots.values()):
            while download_slot.queue:
                request, deferred = download_slot.queue.popleft()
                slot.scheduler.enqueue_request(request.replace(dont_filter=True))
                deferred.errback(Failure(IgnoreRequest("the crawl is closing: requeued")))
                requeued += 1
        if requeued:
            self.crawler.stats.inc_value(stats.SHUTDOWN_REQUEUED, requeued)
            logger.info("Closing: %d queued request(s) handed back to the scheduler", requeued)
        return requeued
