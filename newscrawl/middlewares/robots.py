"""Scrapy's robots.txt middleware, with two fixes: every request that waits for a site's
robots.txt is checked against it, and a failed robots.txt download is logged like a page fault.

- Waiting requests (Scrapy 2.19): requests that arrive while a site's robots.txt downloads
  await one shared Deferred through ``Deferred.asFuture``, whose callback returns None; so
  the first waiter gets the parser and every later one gets None, which Scrapy reads as
  "allowed". Several seeds of one site, or a worker resuming a shared queue, had pages that
  robots.txt forbids fetched. Here each waiter gets its own Deferred, fired with the parser,
  as Scrapy did before scrapy/scrapy#6802 (which noted the branch had no test).
- Failed downloads: Scrapy logs "Error downloading <robots.txt>" at ERROR with a traceback,
  once per site and run; over thousands of sources a dead domain would put a traceback in
  every cron log. The download error is counted under
  ``newscrawl/errors/download/<exception>`` by newscrawl.middlewares.faults.FaultStats like
  any other (the first of each kind logged at WARNING), and the site is crawled as if it had
  no robots.txt, as Scrapy does.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.downloadermiddlewares.robotstxt import logger as robots_logger
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from newscrawl import stats
from newscrawl.middlewares.faultlog import request_source

ROBOTS_FORBIDDEN = f"{stats.PREFIX}/errors/robots_forbidden"  # per source only


class _DownloadErrorsToDebug(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR and str(record.msg).startswith("Error downloading"):
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return True


class CountedRobotsTxtMiddleware(RobotsTxtMiddleware):
    """RobotsTxtMiddleware that checks every waiting request and counts download errors."""

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        if not any(isinstance(f, _DownloadErrorsToDebug) for f in robots_logger.filters):
            robots_logger.addFilter(_DownloadErrorsToDebug())

    async def robot_parser(self, request: Request) -> Any:
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if not isinstance(pending, Deferred):  # first request of the site, or parser known
            return await super().robot_parser(request)
        waiter: Deferred[Any] = Deferred()

        def relay(parser: Any) -> Any:
            if not waiter.called:  # a cancelled waiter (its request dropped) has fired
                waiter.callback(parser)
            return parser  # the shared Deferred keeps the parser for the next waiter

        pending.addCallback(relay)
        return await maybe_deferred_to_future(waiter)

    def process_request_2(self, rp: Any, request: Request) -> None:
        """Scrapy's check, and the refusal counted per source too (Scrapy counts
        ``robotstxt/forbidden`` for the whole run): a source robots.txt shuts out says so."""
        try:
            super().process_request_2(rp, request)
        except IgnoreRequest:
            if (source := request_source(request)) and self._stats is not None:
                self._stats.inc_value(stats.per_source(ROBOTS_FORBIDDEN, source))
            raise
