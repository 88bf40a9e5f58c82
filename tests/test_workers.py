"""WorkerPool: inline with one worker, other processes with more, robust to signals and crashes."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Iterator
from typing import Any

import pytest

from newscrawl.workers import WorkerPool, default_workers


def pid_and_sum(a: int, b: int = 0) -> tuple[int, int]:
    return os.getpid(), a + b


def interrupt_self() -> int:
    """Send SIGINT and SIGTERM to the running process, then answer."""
    os.kill(os.getpid(), signal.SIGINT)
    os.kill(os.getpid(), signal.SIGTERM)
    return os.getpid()


def die_unless_in(parent: int) -> str:
    """Kill the worker process running this; answer only in the parent (the inline re-run)."""
    if os.getpid() != parent:
        os._exit(1)
    return "ran inline"


def fail() -> None:
    raise ValueError("page work failed")


@pytest.fixture
def pool() -> Iterator[WorkerPool]:
    pool = WorkerPool(2)
    yield pool
    pool.close()


def test_one_worker_runs_inline() -> None:
    pool = WorkerPool(1)
    assert pool.inline
    assert asyncio.run(pool.run(pid_and_sum, 2, b=3)) == (os.getpid(), 5)


def test_zero_workers_means_one_per_cpu() -> None:
    pool = WorkerPool(0)
    try:
        assert pool.size == default_workers()
    finally:
        pool.close()


def test_work_runs_in_other_processes_with_keyword_arguments(pool: WorkerPool) -> None:
    pid, total = asyncio.run(pool.run(pid_and_sum, 2, b=3))
    assert total == 5
    assert pid != os.getpid()


def test_exceptions_of_page_work_propagate(pool: WorkerPool) -> None:
    with pytest.raises(ValueError, match="page work failed"):
        asyncio.run(pool.run(fail))
    assert not pool.inline


def test_workers_survive_sigint_and_sigterm(pool: WorkerPool) -> None:
    async def twice() -> tuple[int, int]:
        first = await pool.run(interrupt_self)
        return first, await pool.run(interrupt_self)

    first, second = asyncio.run(twice())
    assert os.getpid() not in (first, second)
    assert not pool.inline


def test_a_dead_worker_falls_back_to_inline_without_losing_the_call(pool: WorkerPool) -> None:
    assert asyncio.run(pool.run(die_unless_in, os.getpid())) == "ran inline"
    assert pool.inline
    assert asyncio.run(pool.run(pid_and_sum, 1))[0] == os.getpid()


def test_close_is_idempotent(pool: WorkerPool) -> None:
    asyncio.run(pool.run(pid_and_sum, 1))
    pool.close()
    pool.close()
    assert pool.inline


def sleep_and_tag(seconds: float, tag: str) -> str:
    import time

    time.sleep(seconds)
    return tag


def test_item_work_overtakes_queued_page_work(pool: WorkerPool) -> None:
    async def scenario() -> list[str]:
        done: list[str] = []

        async def call(run: Any, tag: str) -> None:
            done.append(await run(sleep_and_tag, 0.3, tag))

        pages = [asyncio.create_task(call(pool.run_page, f"page{i}")) for i in range(8)]
        await asyncio.sleep(0.05)  # the first pages hold every slot; the rest wait
        item = asyncio.create_task(call(pool.run, "item"))
        await asyncio.gather(*pages, item)
        return done

    done = asyncio.run(scenario())
    assert pool.slots == 4
    assert done.index("item") <= pool.slots  # right after the pages already handed over


def test_a_cancelled_waiter_gives_its_turn_away(pool: WorkerPool) -> None:
    async def scenario() -> list[str]:
        busy = [asyncio.create_task(pool.run(sleep_and_tag, 0.3, "busy")) for _ in range(4)]
        await asyncio.sleep(0.05)
        waiter = asyncio.create_task(pool.run(sleep_and_tag, 0.0, "cancelled"))
        await asyncio.sleep(0.05)
        waiter.cancel()
        results = await asyncio.gather(*busy)
        results.append(await pool.run(sleep_and_tag, 0.0, "after"))
        return results

    assert asyncio.run(scenario()) == ["busy"] * 4 + ["after"]
    assert pool._busy == 0


def page_work_then_heavy_modules() -> list[str]:
    """Every kind of call the crawl sends a worker, then the crawl-side modules it holds."""
    import sys

    from newscrawl.analysis import analyze_page
    from newscrawl.cleaning.templates import clean_and_read
    from newscrawl.dedup.fingerprints import fingerprint
    from newscrawl.language import detect_language

    body = "<html><body><article><h1>A title</h1>" + "<p>Words of a story here.</p>" * 40
    analysis = analyze_page(
        f"{body}</article></body></html>".encode(), "utf-8", "http://a.test/x", 5
    )
    assert analysis.extraction is not None
    result, _ = clean_and_read(analysis.extraction.text, analysis.extraction.title, [], 30)
    detect_language(result.text)
    fingerprint(result.text, 16)
    return sorted(m for m in ("scrapy", "twisted", "sqlite3") if m in sys.modules)


MAIN_SCRIPT = """
import asyncio, json, sys
sys.path.insert(0, {root!r})
from scrapy.cmdline import execute  # what the `scrapy` command's own script imports
from newscrawl.workers import WorkerPool
from tests.test_workers import page_work_then_heavy_modules

print("crawl started")  # a script without a __main__ guard: workers must not run this again
pool = WorkerPool(2)
try:
    print(json.dumps(asyncio.run(pool.run(page_work_then_heavy_modules))))
finally:
    pool.close()
"""


@pytest.mark.parametrize("run_as", ["script", "module"])
def test_workers_load_neither_scrapy_nor_the_main_script(tmp_path: Any, run_as: str) -> None:
    import subprocess
    import sys
    from pathlib import Path

    script = tmp_path / "crawl_script.py"
    script.write_text(MAIN_SCRIPT.format(root=str(Path(__file__).resolve().parent.parent)))
    how = [str(script)] if run_as == "script" else ["-m", "crawl_script"]
    done = subprocess.run(
        [sys.executable, *how],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert done.stdout.splitlines() == ["crawl started", "[]"], done.stderr
