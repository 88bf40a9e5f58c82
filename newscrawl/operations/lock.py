"""The run lock: one crawl at a time on an SQLite store (an exclusive flock on ``<db>.lock``).

Overlapping cron runs on one SQLite file would interleave writes and dedup state; the
second one is refused with a message naming the holder. The kernel drops the lock when
the holding process exits, however it exits, so a crash never leaves a stale lock.
PostgreSQL stores take no lock: several workers may share one store.

Within one process the lock is re-entrant (the crawl command's start-up check and the
recorder extension both ask for it; flock locks are per open file, so a second open in the
same process would otherwise refuse itself).
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path

from newscrawl.exceptions import StoreError
from newscrawl.store.sqlite import sqlite_path

logger = logging.getLogger(__name__)

_HELD: dict[str, RunLock] = {}


class RunLock:
    """An exclusive flock held on ``path`` by this process; ``release()`` when the run ends."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self.fd = fd
        self.users = 1

    def set_owner(self, crawl_id: str) -> None:
        """Write who holds the lock (pid, crawl id, since when) for the refusal message."""
        info = {
            "pid": os.getpid(),
            "crawl_id": crawl_id,
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, json.dumps(info).encode(), 0)

    def release(self) -> None:
        """Give up one use; the lock is dropped when the last user releases it."""
        self.users -= 1
        if self.users > 0:
            return
        _HELD.pop(str(self.path), None)
        try:
            os.ftruncate(self.fd, 0)
            fcntl.flock(self.fd, fcntl.LOCK_UN)
        finally:
            os.close(self.fd)

    def __enter__(self) -> RunLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def lock_path(store_url: str) -> Path | None:
    """``<database path>.lock`` for an SQLite file store, else None (PostgreSQL, memory)."""
    if not store_url.lower().startswith("sqlite:"):
        return None
    path = sqlite_path(store_url)
    if path == ":memory:":
        return None
    return Path(path).expanduser().resolve().with_name(Path(path).name + ".lock")


def _holder(fd: int) -> str:
    try:
        info = json.loads(os.pread(fd, 4096, 0) or b"{}")
    except ValueError:
        info = {}
    pid = info.get("pid", "?")
    crawl_id = info.get("crawl_id") or "starting"
    since = f", since {info['since']}" if info.get("since") else ""
    return f"pid {pid}, crawl_id {crawl_id}{since}"


def acquire_run_lock(store_url: str, crawl_id: str = "") -> RunLock | None:
    """Take the store's run lock, or raise StoreError naming the crawl that holds it.

    Returns None for stores that allow several workers (PostgreSQL) or need no lock.
    """
    path = lock_path(store_url)
    if path is None:
        return None
    held = _HELD.get(str(path))
    if held is not None:
        held.users += 1
        return held
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(
            f"NEWSCRAWL_STORE={store_url!r}: cannot open lock file {path}: {exc}"
        ) from exc
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = _holder(fd)
        os.close(fd)
        raise StoreError(
            f"NEWSCRAWL_STORE={store_url!r}: another crawl ({holder}) holds the lock {path};"
            " not starting a second crawl on the same SQLite store"
        ) from None
    lock = RunLock(path, fd)
    _HELD[str(path)] = lock
    lock.set_owner(crawl_id)
    logger.debug("Run lock taken: %s", path)
    return lock
