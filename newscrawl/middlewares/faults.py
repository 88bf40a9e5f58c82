"""Downloader middlewares that count what Scrapy gives up on, so every fault has a stat.

- ``FaultStats`` (order 540, below RetryMiddleware at 550, so only final outcomes reach it):
  HTTP error responses after retries (500/503 retried first, 404 at once) and download errors
  once retries are exhausted (timeouts, resets, truncated bodies, over DOWNLOAD_MAXSIZE).
- Scrapy's RedirectMiddleware, MetaRefreshMiddleware and HttpCompressionMiddleware refuse a
  redirect loop and a decompression bomb by raising IgnoreRequest from ``process_response``,
  which no other middleware sees and which Scrapy then drops silently; the ``Counting*``
  subclasses replace them at their usual orders, count the refusal and re-raise it.

The first fault of each kind is logged at WARNING, the rest at DEBUG.
"""

from __future__ import annotations

import codecs
import logging
from typing import Any

from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware, RedirectMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse

from newscrawl import stats
from newscrawl.middlewares.faultlog import FaultCounter, request_source
from newscrawl.operations.downloaderrors import DownloadErrorStats

logger = logging.getLogger(__name__)

# MetaRefreshMiddleware looks for the tag in the first 4,096 characters of a page's text
# (scrapy.utils.response.get_meta_refresh), and decodes the whole body to get them. In an
# ASCII-compatible encoding those characters lie within 4 bytes each, the tag's "refresh" in
# ASCII bytes.
REFRESH_SCAN_BYTES = 4 * 4096


class FaultStats(DownloadErrorStats):
    """Counts final HTTP errors and, like DownloadErrorStats, exhausted download errors.

    Stats: ``newscrawl/errors/http/<status>`` (a missing robots.txt excepted),
    ``newscrawl/errors/download/<exception class>``, each with its per-source variant.
    """

    def __init__(self, stats_collector: Any = None) -> None:
        super().__init__(stats_collector)
        self.faults = FaultCounter(None, logger)  # counting of download errors: the base class
        self.http = FaultCounter(stats_collector, logger)

    def process_response(self, request: Any, response: Any) -> Any:
        source = request_source(request)
        robots = source is None and request.meta.get("dont_obey_robotstxt")
        if response.status >= 400 and not robots:  # a missing robots.txt is no fault
            self.http.count(f"{stats.ERRORS_HTTP}/{response.status}", source,
                            "HTTP %d for %s", response.status, request.url)  # fmt: skip
        return response

    def process_exception(self, request: Any, exception: Exception) -> None:
        super().process_exception(request, exception)
        if not isinstance(exception, IgnoreRequest):
            name = type(exception).__name__
            self.faults.count(f"{stats.ERRORS_DOWNLOAD}/{name}", None,
                              "Download failed for %s: %s", request.url, exception)  # fmt: skip
        return None


class _CountsIgnored:
    """Mixin: count an IgnoreRequest raised by the parent's ``process_response``."""

    fault_key = ""
    faults: FaultCounter

    @classmethod
    def from_crawler(cls, crawler: Any) -> Any:
        middleware = super().from_crawler(crawler)  # type: ignore[misc]
        middleware.faults = FaultCounter(crawler.stats, logger)
        return middleware

    def process_response(self, request: Any, response: Any) -> Any:
        try:
            return super().process_response(request, response)  # type: ignore[misc]
        except IgnoreRequest as exc:
            self.faults.count(self.fault_key, request_source(request),
                              "Gave up on %s: %s", request.url, exc)  # fmt: skip
            raise


class CountingRedirectMiddleware(_CountsIgnored, RedirectMiddleware):
    """RedirectMiddleware that counts redirect chains cut at REDIRECT_MAX_TIMES.

    Stats: ``newscrawl/errors/redirect_loop`` and the per-source variant.
    """

    fault_key = stats.ERRORS_REDIRECT_LOOP


class CountingMetaRefreshMiddleware(_CountsIgnored, MetaRefreshMiddleware):
    """MetaRefreshMiddleware that counts meta-refresh chains cut at REDIRECT_MAX_TIMES, and
    leaves a page whose first bytes cannot hold the tag undecoded (``may_refresh``): the
    reactor need not decode an article page, which a worker process decodes anyway (0.45 ms
    a WCXB page, and the text held while the response waits for its worker).

    Stats: ``newscrawl/errors/redirect_loop`` and the per-source variant.
    """

    fault_key = stats.ERRORS_REDIRECT_LOOP

    def process_response(self, request: Any, response: Any) -> Any:
        if isinstance(response, HtmlResponse) and not may_refresh(response.body):
            return response
        return super().process_response(request, response)


def may_refresh(body: bytes) -> bool:
    """``body`` may hold a meta refresh where MetaRefreshMiddleware looks for one: "refresh"
    in its first REFRESH_SCAN_BYTES, or an encoding that is not ASCII-compatible (UTF-16 or
    UTF-32: a BOM or NUL bytes), which only decoding can tell."""
    head = body[:REFRESH_SCAN_BYTES]
    if b"\x00" in head or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    return b"refresh" in head.lower()


class CountingHttpCompressionMiddleware(_CountsIgnored, HttpCompressionMiddleware):
    """HttpCompressionMiddleware that counts bodies over DOWNLOAD_MAXSIZE once decompressed.

    Stats: ``newscrawl/errors/decompression_bomb`` and the per-source variant.
    """

    fault_key = stats.ERRORS_DECOMPRESSION_BOMB
