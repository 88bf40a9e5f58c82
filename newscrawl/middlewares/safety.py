"""Downloader middleware that refuses unsafe targets: non-HTTP schemes, loopback, private and
link-local hosts (cloud metadata endpoints such as 169.254.169.254).

Enabled at order 60, before RobotsTxtMiddleware (100): a refused host is not even asked for
its robots.txt, and the robots.txt requests Scrapy makes itself pass through here too. A
followed redirect is a new request that comes back through the scheduler and every
downloader middleware, so redirects to unsafe hosts are refused the same way; a redirect to
a non-HTTP scheme, which Scrapy's RedirectMiddleware declines to follow, is counted in
``process_response``. The host is checked as written in the URL (newscrawl.targets): names
are not resolved, so a forward proxy keeps resolving them.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urljoin

from scrapy.exceptions import IgnoreRequest

from newscrawl import stats
from newscrawl.crawlstate import crawler_config
from newscrawl.middlewares.faultlog import FaultCounter, request_source
from newscrawl.targets import unsafe_reason

logger = logging.getLogger(__name__)


class UnsafeTargetMiddleware:
    """Raises IgnoreRequest for requests to unsafe targets, counting each by reason.

    Settings: ``NEWSCRAWL_ALLOW_PRIVATE_TARGETS`` (True admits local names and non-public
    addresses, for intranet crawls; non-HTTP schemes stay refused).
    Stats: ``newscrawl/unsafe/refused/<reason>`` (reasons in newscrawl.targets.REASONS) and
    the per-source variant.
    """

    def __init__(self, stats_collector: Any = None, allow_private: bool = False) -> None:
        self.faults = FaultCounter(stats_collector, logger)
        self.allow_private = allow_private

    @classmethod
    def from_crawler(cls, crawler: Any) -> UnsafeTargetMiddleware:
        return cls(crawler.stats, crawler_config(crawler).allow_private_targets)

    def process_request(self, request: Any) -> None:
        reason = unsafe_reason(request.url, self.allow_private)
        if reason is None:
            return None
        self.faults.count(f"{stats.UNSAFE_REFUSED}/{reason}", request_source(request),
                          "Refused unsafe target %s (%s)", request.url, reason)  # fmt: skip
        raise IgnoreRequest(f"unsafe target ({reason}): {request.url}")

    def process_response(self, request: Any, response: Any) -> Any:
        location = response.headers.get(b"Location") if 300 <= response.status < 400 else None
        if location:
            target = urljoin(request.url, location.decode("latin-1").strip())
            if unsafe_reason(target, allow_private=True) == "scheme":  # not followed by Scrapy
                key, source = f"{stats.UNSAFE_REFUSED}/scheme", request_source(request)
                self.faults.count(key, source, "Refused redirect %s -> %s", request.url, target)
        return response
