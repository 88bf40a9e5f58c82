"""The run lock refuses a second crawl process on one SQLite store and dies with its holder."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from newscrawl.exceptions import StoreError
from newscrawl.operations.lock import acquire_run_lock, lock_path

HOLDER = """
import sys
from newscrawl.operations.lock import acquire_run_lock
lock = acquire_run_lock(sys.argv[1], crawl_id="20260101T050000Z-holder")
print("locked", flush=True)
sys.stdin.readline()
"""


@contextmanager
def other_process_holding(url: str) -> Iterator[subprocess.Popen[str]]:
    with subprocess.Popen([sys.executable, "-c", HOLDER, url], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as proc:  # fmt: skip
        try:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "locked"
            yield proc
        finally:
            proc.kill()  # SIGKILL: no clean-up code runs, only the kernel frees the lock
            proc.wait(timeout=10)


def test_a_second_process_is_refused_with_the_holder_named(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/store.sqlite3"
    with other_process_holding(url) as holder:
        with pytest.raises(StoreError) as err:
            acquire_run_lock(url)
        message = str(err.value)
        assert f"another crawl (pid {holder.pid}, crawl_id 20260101T050000Z-holder" in message
        assert str(tmp_path / "store.sqlite3.lock") in message
        assert "\n" not in message
    # The kernel dropped the lock with the killed process: the next run starts.
    lock = acquire_run_lock(url)
    assert lock is not None
    lock.release()


def test_the_lock_is_reentrant_in_one_process_and_released_by_its_last_user(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path}/store.sqlite3"
    first = acquire_run_lock(url, crawl_id="c1")
    second = acquire_run_lock(url)
    assert first is second
    assert first is not None
    first.release()
    # Still held for the second user: another process is refused.
    probe = [sys.executable, "-c",
             "import sys; from newscrawl.operations.lock import acquire_run_lock as a; a(sys.argv[1])",
             url]  # fmt: skip
    refused = subprocess.run(probe, capture_output=True, text=True, check=False)
    assert refused.returncode != 0
    assert "crawl_id c1" in refused.stderr
    second.release()
    assert subprocess.run(probe, capture_output=True, text=True, check=False).returncode == 0


def test_postgresql_and_memory_stores_take_no_lock(tmp_path: Path) -> None:
    assert acquire_run_lock("postgresql://u@localhost/db") is None
    assert acquire_run_lock("sqlite:///:memory:") is None
    assert lock_path(f"sqlite:///{tmp_path}/a.db") == tmp_path / "a.db.lock"
