"""Count a fault globally and per source, and log its first occurrence of each kind only."""

from __future__ import annotations

import logging
import weakref
from typing import Any

from newscrawl import stats

_SEEN: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()


class FaultCounter:
    """Increments ``key`` and ``newscrawl/source/<source>/...``; logs the first of each key.

    A cron log that repeats one line per failed page hides everything else: the first
    occurrence of a kind is logged at WARNING with the stat that counts the rest, later
    ones only at DEBUG.
    """

    def __init__(self, stats_collector: Any, logger: logging.Logger) -> None:
        self.stats = stats_collector
        self.logger = logger
        # One crawl's counters share what was logged: two middlewares may count one kind.
        self._seen: set[str] = (
            set() if stats_collector is None else _SEEN.setdefault(stats_collector, set())
        )

    def count(self, key: str, source: str | None, message: str, *args: Any) -> None:
        """Count one fault of kind ``key``; ``message % args`` describes this occurrence."""
        if self.stats is not None:
            self.stats.inc_value(key)
            if source:
                self.stats.inc_value(stats.per_source(key, source))
        if key in self._seen:
            self.logger.debug(message, *args)
            return
        self._seen.add(key)
        self.logger.warning("%s (further ones are counted in %s)", message % args, key)


def request_source(request: Any) -> str | None:
    """The sources-file name a request was made for (``cb_kwargs["source"]``), if any."""
    source = request.cb_kwargs.get("source") if request.cb_kwargs else None
    return source if isinstance(source, str) else None
