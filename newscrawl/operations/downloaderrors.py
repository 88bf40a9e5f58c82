"""Downloader middleware that counts download errors (DNS, refused, timeout...) per source.

Scrapy sends no signal for a failed download, and its own ``downloader/exception_*`` stats
are neither per source nor net of retries. Placed below RetryMiddleware (550), e.g. at 540,
this sees only the errors Scrapy gave up on.
Stats: ``newscrawl/errors/download/<exception class>`` and the per-source variant, and per
source ``errors/seed`` for the seed requests among them.
"""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import IgnoreRequest

from newscrawl import stats

DOWNLOAD_ERRORS = f"{stats.PREFIX}/errors/download"  # + "/<exception class>"
SEED_ERRORS = f"{stats.PREFIX}/errors/seed"  # per source only: seed requests that failed


class DownloadErrorStats:
    """Counts, per ``cb_kwargs["source"]``, each request that ended in a download error."""

    def __init__(self, stats_collector: Any = None) -> None:
        self.stats = stats_collector

    @classmethod
    def from_crawler(cls, crawler: Any) -> DownloadErrorStats:
        return cls(crawler.stats)

    def process_exception(self, request: Any, exception: Exception) -> None:
        if self.stats is None or isinstance(exception, IgnoreRequest):
            return None  # robots.txt refusals and deliberate skips are not errors
        key = f"{DOWNLOAD_ERRORS}/{type(exception).__name__}"
        self.stats.inc_value(key)
        source = request.cb_kwargs.get("source")
        if source:
            self.stats.inc_value(stats.per_source(key, source))
            if request.meta.get("newscrawl_seed"):  # the source's health reads it (seeds)
                self.stats.inc_value(stats.per_source(SEED_ERRORS, source))
        return None
