"""A pool of worker processes for CPU-heavy page work, awaitable from Scrapy callbacks.

trafilatura, langdetect and MinHash are pure CPU work; run inline they stall the reactor
and leave the other cores idle. ``WorkerPool.run(fn, *args)`` sends a picklable call to a
process pool and awaits it on the asyncio reactor; with one worker it runs inline (no
pickling, same semantics), which is also what tests of single stages use.

Workers fork from a bare forkserver and import what their work needs on first use (a
forkserver preloading trafilatura, langdetect and numpy was measured: copy-on-write sharing
does not survive reference counting, the tree grew by the forkserver's own 47 MB PSS and the
workers shrank by less). Neither the forkserver nor a worker runs the crawl's main script,
which multiprocessing does by default: the ``scrapy`` command's script imports all of Scrapy
and Twisted (about 23 MB a worker that page work never uses), and a user's own script
without a ``__main__`` guard would start a crawl in each worker; what the workers run must
come from an importable module. Workers ignore SIGINT and SIGTERM: a Ctrl-C reaches the
whole process group, and the crawl's graceful shutdown needs its workers alive to finish the
items in flight; the pool is closed when the engine stops.

Work on items already in the pipeline goes first: ``run_page`` (a fresh page's analysis, the
spider's call) waits behind ``run`` (cleaning, language, fingerprints of items in flight),
so items are finished and written as soon as they can be instead of queueing behind every
downloaded page; that keeps latency and shutdown time short. At most ``2 * size`` calls are
handed to the processes at once (each worker has the next one ready); the rest wait here,
by priority, then in order. A worker that dies (out of memory, a
crash in C code) breaks the pool: the call that saw it and every later call run
inline, so no item is lost.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import os
import signal
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing.context import ForkServerContext, ForkServerProcess
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")

ITEM, PAGE = 0, 1
"""Priorities: work on an item in the pipeline, then a fresh page."""


def default_workers() -> int:
    """Worker processes for ``NEWSCRAWL_WORKERS=0``: one per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _ignore_signals() -> None:
    """Worker initializer: shutdown signals are the crawl's to handle, not the workers'."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


@contextmanager
def _main_script_hidden() -> Iterator[None]:
    """While a worker starts, ``__main__`` names neither a script nor a module (``-m``):
    multiprocessing then sends the child nothing of the main module to import and run."""
    main = sys.modules["__main__"]
    path = main.__dict__.pop("__file__", None)
    spec = main.__dict__.get("__spec__")
    main.__spec__ = None
    try:
        yield
    finally:
        main.__spec__ = spec
        if path is not None:
            main.__file__ = path


class _LeanProcess(ForkServerProcess):
    """A forkserver worker process that does not import the parent's main script."""

    def start(self) -> None:
        with _main_script_hidden():
            super().start()


class _LeanForkServerContext(ForkServerContext):
    """The forkserver start method, with workers that do not import the main script."""

    Process = _LeanProcess  # type: ignore[assignment]


class WorkerPool:
    """Runs page work in ``size`` processes (``size == 1``: inline, in the calling thread)."""

    def __init__(self, size: int) -> None:
        self.size = size if size > 0 else default_workers()
        self._executor: ProcessPoolExecutor | None = None
        self.slots = 2 * self.size
        self._busy = 0
        self._waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self._order = itertools.count()
        if self.size > 1:
            # forkserver: children never inherit the reactor, its threads or open sockets.
            self._executor = ProcessPoolExecutor(
                max_workers=self.size,
                mp_context=_LeanForkServerContext(),
                initializer=_ignore_signals,
            )
            logger.info("Page work runs in %d worker processes", self.size)

    @property
    def inline(self) -> bool:
        """True when work runs in the calling process."""
        return self._executor is None

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` in a worker process (or inline); exceptions propagate."""
        return await self._run(ITEM, fn, args, kwargs)

    async def run_page(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Like ``run``, for the work that starts a new item: it waits behind item work."""
        return await self._run(PAGE, fn, args, kwargs)

    async def _run(
        self, priority: int, fn: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> T:
        if self._executor is None:
            return fn(*args, **kwargs)
        await self._acquire(priority)
        try:
            executor = self._executor
            if executor is None:  # the pool broke while this call waited
                return fn(*args, **kwargs)
            return await asyncio.wrap_future(executor.submit(fn, *args, **kwargs))
        except BrokenProcessPool:
            self._broken()
            return fn(*args, **kwargs)
        finally:
            self._release()

    async def _acquire(self, priority: int) -> None:
        if self._busy < self.slots and not self._waiting:
            self._busy += 1
            return
        turn = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (priority, next(self._order), turn))
        try:
            await turn  # _release hands its slot over
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():
                self._release()  # handed a slot, then cancelled: pass it on
            raise

    def _release(self) -> None:
        while self._waiting:
            _, _, turn = heapq.heappop(self._waiting)
            if not turn.done():
                turn.set_result(None)
                return
        self._busy -= 1

    def _broken(self) -> None:
        if self._executor is not None:
            logger.error("Worker pool broke; running page work inline from now on")
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def close(self) -> None:
        """Stop the worker processes (running tasks finish first)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=False)
            self._executor = None
            logger.debug("Worker pool closed")
