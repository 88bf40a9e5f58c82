"""A pool of worker processes for CPU-heavy page work, awaitable from Scrapy callbacks.

trafilatura, langdetect and MinHash are pure CPU work; run inline they stall the reactor
and leave the other cores idle. ``WorkerPool.run(fn, *args)`` sends a picklable call to a
process pool and awaits it on the asyncio reactor; with one worker it runs inline (no
pickling, same semantics), which is also what tests of single stages use.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")


def default_workers() -> int:
    """Worker processes for ``NEWSCRAWL_WORKERS=0``: one per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class WorkerPool:
    """Runs page work in ``size`` processes (``size == 1``: inline, in the calling thread)."""

    def __init__(self, size: int) -> None:
        self.size = size if size > 0 else default_workers()
        self._executor: ProcessPoolExecutor | None = None
        if self.size > 1:
            # forkserver: children never inherit the reactor, its threads or open sockets.
            context = multiprocessing.get_context("forkserver")
            self._executor = ProcessPoolExecutor(max_workers=self.size, mp_context=context)
            logger.info("Page work runs in %d worker processes", self.size)

    @property
    def inline(self) -> bool:
        """True when work runs in the calling process."""
        return self._executor is None

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)`` in a worker process (or inline); exceptions propagate unchanged."""
        if self._executor is None:
            return fn(*args)
        try:
            future = self._executor.submit(fn, *args)
        except BrokenProcessPool:
            logger.error("Worker pool broke; running page work inline from now on")
            self._executor = None
            return fn(*args)
        return await asyncio.wrap_future(future)

    def close(self) -> None:
        """Stop the worker processes (running tasks finish first)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=False)
            self._executor = None
