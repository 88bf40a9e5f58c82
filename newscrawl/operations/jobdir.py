"""FinishedJobReset: a JOBDIR whose crawl finished starts the next run afresh.

JOBDIR keeps one crawl's state on disk so that an interrupted crawl can resume: its queue
and the fingerprints of every request it made (``requests.seen``). Scrapy keeps both after
the crawl has finished, so a JOBDIR set for good (to keep a long crawl's queue on disk, a
cron job's usual choice) made every later run drop the hubs and section pages the first run
had read: they are how new articles are found. When the crawl closes as ``finished`` (its
queue is empty: there is nothing to resume) this extension removes ``requests.seen``; an
interrupted crawl (``shutdown``, a CLOSESPIDER_* limit) keeps it, to resume. Stored articles
are still not fetched again: the store remembers them (incremental crawling).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from scrapy import signals

logger = logging.getLogger(__name__)

SEEN_FILE = "requests.seen"  # scrapy.dupefilters.RFPDupeFilter's file in JOBDIR


class FinishedJobReset:
    """Removes a finished crawl's request fingerprints from its JOBDIR."""

    def __init__(self, jobdir: str) -> None:
        self.jobdir = jobdir

    @classmethod
    def from_crawler(cls, crawler: Any) -> FinishedJobReset:
        ext = cls(crawler.settings.get("JOBDIR") or "")
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, spider: Any, reason: str) -> None:
        if not self.jobdir or reason != "finished":
            return
        seen = Path(self.jobdir) / SEEN_FILE
        try:
            seen.unlink(missing_ok=True)
        except OSError as exc:
            logger.warning("JOBDIR: could not remove %s (%s): the next run will skip the"
                           " pages this one read", seen, exc)  # fmt: skip
            return
        logger.info("JOBDIR: the crawl finished; its request fingerprints are cleared, so the"
                    " next run reads hubs and section pages again")  # fmt: skip
