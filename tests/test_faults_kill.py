"""``kill -9`` in the middle of a crawl: the store stays sound and the next run completes the
crawl with every article stored exactly once."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import hostileweb as hw
import pytest
from crawling import ROOT, run_crawl
from fakeweb import FakeWeb, Reply

pytestmark = pytest.mark.e2e

BULK = "http://bulk.test"
ARTICLES = 80
KILL_AFTER = 15  # stored articles


def bulk_page(url: str) -> Reply | None:
    """``/2026/04/story-<n>``: a distinct article each, a little slow so the kill lands mid-crawl."""
    name = url.rsplit("/", 1)[-1]
    if not name.startswith("story-"):
        return None
    return Reply(hw.article(f"Bulk story {name}", seed=name).encode(), delay=0.05)


def stored(db: Path) -> list[str]:
    """URLs of the stored articles (read while the crawl writes: WAL readers never block)."""
    if not db.exists():
        return []
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)) as con:
        try:
            return [row[0] for row in con.execute("SELECT url FROM articles")]
        except sqlite3.OperationalError:  # schema not created yet
            return []


def start_crawl(web: FakeWeb, workdir: Path, sources: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"sources={sources}",
           "-s", f"NEWSCRAWL_STORE=sqlite:///{workdir}/store.sqlite3",
           "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "FEEDS={}", "-s", "LOG_LEVEL=WARNING"]  # fmt: skip
    env = {**os.environ, **web.proxy_env(), "NEWSCRAWL_WORKERS": "2"}
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip


def test_kill_9_mid_crawl_loses_nothing_and_doubles_nothing(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite3"
    urls = [f"{BULK}/2026/04/story-{n}" for n in range(ARTICLES)]
    sources = hw.write_sources(
        tmp_path, f'[[source]]\nname = "bulk"\nsitemaps = ["{BULK}/sitemap.xml"]\n'
    )
    with FakeWeb(sites_dir=None) as web:
        web.add(f"{BULK}/sitemap.xml", hw.urlset(*urls), content_type="application/xml")
        web.handle(f"{BULK}/2026/04/", bulk_page)
        proc = start_crawl(web, tmp_path, sources)
        try:
            deadline = time.monotonic() + 90
            while len(stored(db)) < KILL_AFTER and proc.poll() is None:
                assert time.monotonic() < deadline, "the crawl stored nothing in time"
                time.sleep(0.1)
            os.kill(proc.pid, signal.SIGKILL)  # the crawl process itself, as `kill -9 PID`
            proc.wait(timeout=10)
        finally:  # and whatever it left behind (its page workers)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
        assert proc.returncode == -signal.SIGKILL
        before = stored(db)
        assert KILL_AFTER <= len(before) < ARTICLES, "the kill did not land mid-crawl"

        with contextlib.closing(sqlite3.connect(db)) as con:
            assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

        again = run_crawl(web.proxy_url, tmp_path, "-a", f"sources={sources}", timeout=120)
        assert again.returncode == 0, again.stderr[-3000:]

    after = stored(db)
    assert sorted(after) == sorted(urls)  # none lost, none doubled
    emitted = [r["url"] for r in again.records]
    assert not set(emitted) & set(before)  # the rerun did not emit what was already stored
    assert sorted(emitted + before) == sorted(urls)
    with contextlib.closing(sqlite3.connect(db)) as con:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        (orphans,) = con.execute(
            "SELECT COUNT(*) FROM article_urls u LEFT JOIN articles a ON a.id = u.article_id"
            " WHERE a.id IS NULL"
        ).fetchone()
        assert orphans == 0
