"""Scrapy's robots.txt middleware, with a failed robots.txt download logged like a page fault.

Scrapy logs "Error downloading <robots.txt>" at ERROR with a traceback, once per site and
run: over thousands of sources, a dead domain would put a traceback in every cron log. The
download error is counted under ``newscrawl/errors/download/<exception>`` by
newscrawl.middlewares.faults.FaultStats like any other (the first of each kind logged at
WARNING), and the site is crawled as if it had no robots.txt, as Scrapy does.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.downloadermiddlewares.robotstxt import logger as robots_logger


class _DownloadErrorsToDebug(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR and str(record.msg).startswith("Error downloading"):
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return True


class CountedRobotsTxtMiddleware(RobotsTxtMiddleware):
    """RobotsTxtMiddleware whose robots.txt download errors go to DEBUG (counted elsewhere)."""

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        if not any(isinstance(f, _DownloadErrorsToDebug) for f in robots_logger.filters):
            robots_logger.addFilter(_DownloadErrorsToDebug())
