"""An interrupted crawl (SIGINT, SIGTERM) finishes its in-flight items, writes them, exits fast.

The real ``scrapy crawl news`` runs in a subprocess with two worker processes on a slow fake
web (every page takes 1 s to answer, and weighs about 150 KB like a real news page, so
Scrapy's own back-pressure, SCRAPER_SLOT_MAX_ACTIVE_SIZE, bounds what is in flight as it
would in production); once a few records are in the store it gets the signal. It must exit within EXIT_SECONDS, every record of the feed must be in the store and
every stored record in the feed, and no worker process may outlive it.

What the exit waits for is the work in flight: the responses Scrapy already holds (up to
5 MB of pages) are analysed, cleaned and written. On a quiet 2-core machine that takes 3-5
s; EXIT_SECONDS leaves room for a machine shared with other jobs (11-14 s were seen at load
10).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from crawling import ROOT, parse_stats_dump
from fakeweb import FakeWeb

pytestmark = pytest.mark.e2e

HOSTS = ("slow-a.test", "slow-b.test", "slow-c.test")
PAGES_PER_HOST = 60
DELAY = 1.0
EXIT_SECONDS = 20.0
VOCABULARY = (
    "city council budget school river bridge market police report weather storm train "
    "station museum library hospital doctor nurse farmer harvest election minister court "
    "judge festival music theatre football match season player coach stadium energy price "
    "water road traffic village mayor plan housing rent tax business shop factory worker "
    "union strike talks agreement science study university student teacher children park "
    "forest fire rescue team volunteers community history archive photo exhibition local"
)


def article(host: str, n: int) -> tuple[str, str]:
    """(URL, HTML) of a distinct news article."""
    rng = random.Random(f"{host}/{n}")
    words = VOCABULARY.split()
    url = f"http://{host}/2026/11/{n % 28 + 1:02d}/story-{n}-about-the-town-today/"
    title = f"Story {n} of {host}: " + " ".join(rng.choices(words, k=6))
    paragraphs = "".join(
        "<p>" + " ".join(rng.choices(words, k=40)).capitalize() + ".</p>" for _ in range(8)
    )
    ballast = "<script>var tracking = {};</script>".format("0" * 150_000)  # page weight
    html = (
        f'<html lang="en"><head><title>{title}</title><meta property="og:type" content="article">'
        f"{ballast}"
        f'<link rel="canonical" href="{url}"></head><body><article><h1>{title}</h1>'
        f"{paragraphs}</article></body></html>"
    )
    return url, html


def slow_web(web: FakeWeb, tmp_path: Path, delay: float = DELAY) -> Path:
    """Serve the slow sites (each page ``delay`` seconds) and write a sources file seeding
    each from its sitemap."""
    sources = []
    for i, host in enumerate(HOSTS):
        locs = []
        for n in range(PAGES_PER_HOST):
            url, html = article(host, n)
            web.add(url, html, delay=delay)
            locs.append(f"<url><loc>{url}</loc></url>")
        sitemap = (
            '<?xml version="1.0" encoding="UTF-8"?><urlset'
            f' xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{"".join(locs)}</urlset>'
        )
        web.add(f"http://{host}/sitemap.xml", sitemap, content_type="application/xml")
        sources.append(f'[[source]]\nname = "slow{i}"\nsitemaps = ["http://{host}/sitemap.xml"]\n')
    path = tmp_path / "sources.toml"
    path.write_text("\n".join(sources), encoding="utf-8")
    return path


def stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def descendants(pid: int) -> set[int]:
    found: set[int] = set()
    todo = [pid]
    while todo:
        parent = todo.pop()
        kids: list[int] = []
        try:
            for task in os.listdir(f"/proc/{parent}/task"):
                with open(f"/proc/{parent}/task/{task}/children") as fh:
                    kids += [int(c) for c in fh.read().split()]
        except OSError:
            pass
        found.update(kids)
        todo.extend(kids)
    return found


def alive(pid: int) -> bool:
    """True when ``pid`` runs (a zombie waiting for its reaper counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def crawl_command(sources: Path, db: Path, out: Path, *args: str) -> list[str]:
    return [
        sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"sources={sources}",
        "-O", str(out), "-s", f"NEWSCRAWL_STORE=sqlite:///{db}",
        "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=INFO", *args,
    ]  # fmt: skip


def interrupt(
    cmd: list[str], env: dict[str, str], db: Path, log: Path, signum: int
) -> tuple[int, float, set[int]]:
    """Run ``cmd``, send ``signum`` once 5 records are stored; (exit status, seconds to exit
    after the signal, the crawl's worker processes)."""
    with log.open("w") as err:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=err, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 120
            while stored_count(db) < 5 and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.2)
            workers = descendants(proc.pid)
            assert proc.poll() is None, "the crawl ended before it could be interrupted"
            sent = time.monotonic()
            proc.send_signal(signum)
            returncode = proc.wait(timeout=60)
            return returncode, time.monotonic() - sent, workers
        finally:
            if proc.poll() is None:
                proc.kill()


def feed_ids(out: Path) -> list[str]:
    return [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]


def stored_ids(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT id FROM articles")}


def assert_resumed_once(sources: Path, db: Path, job: str, first: Path, second: Path,
                        env: dict[str, str]) -> None:  # fmt: skip
    """Resume the interrupted crawl from JOBDIR ``job`` into the feed ``second``: it reads its
    disk queue, and the two runs' feeds hold every page once, as the store does."""
    resumed = subprocess.run(
        crawl_command(sources, db, second, "-s", f"JOBDIR={job}"),
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert parse_stats_dump(resumed.stderr)["scheduler/dequeued/disk"] > 0
    before, after = feed_ids(first), feed_ids(second)
    assert before
    assert after
    assert not set(before) & set(after)
    assert len(before) + len(after) == len(HOSTS) * PAGES_PER_HOST
    assert set(before) | set(after) == stored_ids(db)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupted_crawl_writes_in_flight_items_and_exits(
    fakeweb: FakeWeb, tmp_path: Path, signum: int
) -> None:
    sources = slow_web(fakeweb, tmp_path)
    db, out, log = tmp_path / "store.sqlite3", tmp_path / "out.jsonl", tmp_path / "crawl.log"
    env = {**os.environ, **fakeweb.proxy_env(), "NEWSCRAWL_WORKERS": "2"}
    returncode, took, workers = interrupt(crawl_command(sources, db, out), env, db, log, signum)
    text = log.read_text(encoding="utf-8")
    assert took < EXIT_SECONDS, f"exit took {took:.1f}s"
    assert returncode == 0, text[-2000:]
    assert parse_stats_dump(text)["finish_reason"] == "shutdown"
    assert "Traceback" not in text
    assert "Worker pool broke" not in text
    assert len(workers) >= 2, "expected worker processes under the crawl"
    time.sleep(0.5)  # let the forkserver's children notice their parent is gone
    assert not [pid for pid in workers if alive(pid)]
    feed = set(feed_ids(out))
    assert feed == stored_ids(db)
    assert 5 <= len(feed) < len(HOSTS) * PAGES_PER_HOST


def test_interrupted_crawl_with_jobdir_resumes_from_its_disk_queue(
    fakeweb: FakeWeb, tmp_path: Path
) -> None:
    sources = slow_web(fakeweb, tmp_path)
    db, job = tmp_path / "store.sqlite3", str(tmp_path / "job")
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    env = {**os.environ, **fakeweb.proxy_env(), "NEWSCRAWL_WORKERS": "2"}
    cmd = crawl_command(sources, db, first, "-s", f"JOBDIR={job}")
    returncode, _, _ = interrupt(cmd, env, db, tmp_path / "first.log", signal.SIGINT)
    text = (tmp_path / "first.log").read_text(encoding="utf-8")
    assert returncode == 0, text[-2000:]
    assert parse_stats_dump(text)["scheduler/enqueued/disk"] > 0
    assert "Unable to serialize" not in text

    assert_resumed_once(sources, db, job, first, second, env)


def test_a_crawl_with_download_delays_stops_without_waiting_them_out(
    fakeweb: FakeWeb, tmp_path: Path
) -> None:
    """With DOWNLOAD_DELAY (or AutoThrottle) Scrapy's downloader holds up to
    CONCURRENT_REQUESTS requests queued a delay apart per site: fetched in turn on closing,
    3 s apart over 3 sites, that is half a minute. They go back to the scheduler instead;
    with JOBDIR the resumed run fetches them, every page exactly once over the two runs."""
    sources = slow_web(fakeweb, tmp_path, delay=0.0)
    db, job = tmp_path / "store.sqlite3", str(tmp_path / "job")
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    env = {**os.environ, **fakeweb.proxy_env(), "NEWSCRAWL_WORKERS": "2"}
    cmd = crawl_command(sources, db, first, "-s", f"JOBDIR={job}", "-s", "DOWNLOAD_DELAY=3",
                        "-s", "RANDOMIZE_DOWNLOAD_DELAY=False")  # fmt: skip
    returncode, took, _ = interrupt(cmd, env, db, tmp_path / "first.log", signal.SIGINT)
    text = (tmp_path / "first.log").read_text(encoding="utf-8")
    assert returncode == 0, text[-2000:]
    assert took < EXIT_SECONDS / 2, f"exit took {took:.1f}s"
    dump = parse_stats_dump(text)
    assert dump["finish_reason"] == "shutdown"
    assert dump["newscrawl/shutdown/requeued"] > 0
    assert "Traceback" not in text

    assert_resumed_once(sources, db, job, first, second, env)


def test_a_second_interrupt_forces_the_stop_and_fails_the_run(
    fakeweb: FakeWeb, tmp_path: Path
) -> None:
    """Scrapy stops at once on a second SIGINT, without closing: what the pipelines hold is
    lost for the feed (the store may have it). A cron job must see that: exit status 1."""
    sources = slow_web(fakeweb, tmp_path)
    db, out, log = tmp_path / "store.sqlite3", tmp_path / "out.jsonl", tmp_path / "crawl.log"
    env = {**os.environ, **fakeweb.proxy_env(), "NEWSCRAWL_WORKERS": "2"}
    with log.open("w") as err:
        proc = subprocess.Popen(crawl_command(sources, db, out), cwd=ROOT, env=env,
                                stdout=err, stderr=subprocess.STDOUT)  # fmt: skip
        try:
            deadline = time.monotonic() + 120
            while stored_count(db) < 5 and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.2)
            assert proc.poll() is None, "the crawl ended before it could be interrupted"
            proc.send_signal(signal.SIGINT)
            time.sleep(0.1)  # closing: the in-flight pages (1 s each) are still downloading
            proc.send_signal(signal.SIGINT)
            returncode = proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
    text = log.read_text(encoding="utf-8")
    assert "forcing unclean shutdown" in text
    assert returncode == 1, text[-2000:]
    assert "newscrawl: error: the crawl was stopped before it closed" in text
