"""Log formatter for cron logs: a failed download is a counted fault, not an ERROR per page."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.logformatter import LogFormatter, LogFormatterResult


class FaultLogFormatter(LogFormatter):
    """Scrapy's LogFormatter with "Error downloading <request>" (and its traceback) at DEBUG.

    Every download error is counted under ``newscrawl/errors/download/<exception>`` by
    newscrawl.middlewares.faults.FaultStats, which logs the first of each kind at WARNING;
    one ERROR line with a traceback per failed page would bury everything else in the log.
    Settings: ``LOG_FORMATTER`` (set in newscrawl/settings.py).
    """

    def download_error(self, failure: Any, request: Any, spider: Any,
                       errmsg: str | None = None) -> LogFormatterResult:  # fmt: skip
        entry = super().download_error(failure, request, spider, errmsg)
        entry["level"] = logging.DEBUG
        return entry
