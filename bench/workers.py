"""Distributed crawl: 1, 2 and 3 ``scrapy crawl news`` workers on one Redis and one PostgreSQL.

Starts a redis-server and a PostgreSQL cluster (tests/servers.py: loopback ports, temp dirs)
and a fake web (tests/newsweb.py: ``--hosts`` sites of ``--articles`` articles each, hubs,
feeds, syndicated copies; every page answered after ``--delay`` seconds, a stand-in for
network latency). For each worker count, in every round (the order rotates between rounds),
Redis is emptied and a fresh database created, then N workers start at once, each the real
``scrapy crawl news`` in its own process with NEWSCRAWL_WORKERS=1 (extraction inline, so
extra throughput comes from extra workers only) and AutoThrottle off. Worker CPU s: user +
system seconds of the worker processes (start-up included, about 4 s per worker here).

pages/s = pages served by the fake web / wall time (first worker started to last worker
exited: start-up and the NEWSCRAWL_IDLE_TIMEOUT wait included) and / crawl window (first to
last page served). Ratios are against 1 worker in the same run (medians over rounds). Each
run is checked: one stored original per story, no article page fetched twice.

    python bench/workers.py [--hosts 6] [--articles 40] [--delay 0.2] [--per-domain 4]
                            [--workers 1,2,3] [--rounds 2]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]

from crawling import CrawlResult, run_crawl  # noqa: E402
from fakeweb import FakeWeb, Reply  # noqa: E402
from newsweb import NewsWeb  # noqa: E402
from servers import PostgresServer, RedisServer, pg_bin  # noqa: E402

from newscrawl.store import open_store  # noqa: E402

IDLE_TIMEOUT = 3


class TimedWeb:
    """The NewsWeb behind a fixed latency, with the time of every page served."""

    def __init__(self, nw: NewsWeb, delay: float) -> None:
        self.nw = nw
        self.delay = delay
        self.times: list[float] = []
        self._lock = threading.Lock()

    def handler(self, url: str) -> Reply | None:
        reply = self.nw.reply(url)
        with self._lock:
            self.times.append(time.monotonic())
        if reply is not None:
            reply.delay = self.delay
        return reply


def run_workers(
    n: int, web: FakeWeb, timed: TimedWeb, redis: RedisServer, pg: PostgresServer, work: Path,
    per_domain: int,
) -> dict[str, Any]:  # fmt: skip
    """One crawl by ``n`` workers from an empty frontier and store; its figures."""
    redis.client().flushall()  # type: ignore[attr-defined]
    store = pg.new_database()
    web.reset_hits()
    timed.times.clear()
    sources = work / "sources.toml"
    sources.write_text(timed.nw.sources_toml(), encoding="utf-8")
    results: list[CrawlResult | None] = [None] * n

    def worker(i: int) -> None:
        results[i] = run_crawl(
            web.proxy_url, work / f"n{n}-w{i}", "-a", f"sources={sources}",
            "-s", f"NEWSCRAWL_REDIS_URL={redis.url}",
            "-s", f"NEWSCRAWL_IDLE_TIMEOUT={IDLE_TIMEOUT}", "-s", "LOG_LEVEL=WARNING",
            "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={per_domain}",
            store=store, env={"NEWSCRAWL_WORKERS": "1"}, timeout=900,
        )  # fmt: skip

    started = time.monotonic()
    cpu_before = _children_cpu()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - started
    cpu = _children_cpu() - cpu_before
    done = [r for r in results if r is not None]
    assert all(r.returncode == 0 for r in done), [r.stderr[-2000:] for r in done]
    return {
        "pages": len(timed.times),
        "wall": wall,
        "window": max(timed.times) - min(timed.times),
        "cpu": cpu,
        "per_worker": [r.stat("response_received_count") for r in done],
        **check(timed.nw, web, store),
    }


def _children_cpu() -> float:
    """User + system CPU seconds of every finished child process (the workers and theirs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def check(nw: NewsWeb, web: FakeWeb, store_url: str) -> dict[str, Any]:
    """Correctness of the run: one original per story, no article page fetched twice."""
    store = open_store(store_url)
    originals = [r for r in store.iter_records() if r["duplicate_of"] is None]
    store.close()
    stories = Counter(nw.copies.get(r["canonical_url"], r["canonical_url"]) for r in originals)
    pages = {u: c for u, c in web.hits.items() if u.split("?")[0] in nw.article_pages}
    return {
        "stories_ok": set(stories) == nw.originals and max(stories.values()) == 1,
        "fetched_twice": sum(1 for c in pages.values() if c > 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=6)
    parser.add_argument("--articles", type=int, default=40, help="articles per host")
    parser.add_argument("--delay", type=float, default=0.2, help="seconds per page served")
    parser.add_argument("--per-domain", type=int, default=4, help="CONCURRENT_REQUESTS_PER_DOMAIN")
    parser.add_argument("--workers", default="1,2,3")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stop the servers on kill, too
    counts = [int(x) for x in args.workers.split(",")]
    hosts = [f"site{i}.test" for i in range(args.hosts)]
    nw = NewsWeb(hosts, per_host=args.articles)
    timed = TimedWeb(nw, args.delay)
    redis_bin, initdb, pg_ctl = shutil.which("redis-server"), pg_bin("initdb"), pg_bin("pg_ctl")
    if not (redis_bin and initdb and pg_ctl):
        sys.exit("bench/workers.py needs redis-server, initdb and pg_ctl")
    redis = RedisServer(redis_bin).start()
    pg = PostgresServer(initdb, pg_ctl).start()
    work = Path(tempfile.mkdtemp(prefix="newscrawl-bench-workers-"))
    figures: dict[int, list[dict[str, Any]]] = {n: [] for n in counts}
    try:
        with FakeWeb(sites_dir=None) as web:
            for host in hosts:
                web.handle(f"http://{host}/", timed.handler)
            for r in range(args.rounds):
                order = counts[r % len(counts) :] + counts[: r % len(counts)]
                for n in order:
                    fig = run_workers(n, web, timed, redis, pg, work, args.per_domain)
                    figures[n].append(fig)
                    print(f"round {r + 1}, {n} worker(s): {fig}", file=sys.stderr, flush=True)
    finally:
        pg.stop()
        redis.stop()
        shutil.rmtree(work, ignore_errors=True)
    report(figures, args, len(nw.article_pages))


def report(figures: dict[int, list[dict[str, Any]]], args: Any, articles: int) -> None:
    base_wall = statistics.median(f["pages"] / f["wall"] for f in figures[min(figures)])
    base_win = statistics.median(f["pages"] / f["window"] for f in figures[min(figures)])
    print(f"{args.hosts} hosts x {args.articles} articles ({articles} article pages),"
          f" {args.delay}s per page, CONCURRENT_REQUESTS_PER_DOMAIN={args.per_domain},"
          f" {args.rounds} round(s), cores: {os.cpu_count()},"
          f" load average at end: {os.getloadavg()[0]:.1f}\n")  # fmt: skip
    print(
        "| workers | pages | wall s | pages/s (wall) | ratio | pages/s (crawl window) | ratio"
        " | worker CPU s | pages per worker | one original per story"
        " | article pages fetched twice |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for n, figs in figures.items():
        wall = statistics.median(f["pages"] / f["wall"] for f in figs)
        win = statistics.median(f["pages"] / f["window"] for f in figs)
        last = figs[-1]
        print(f"| {n} | {last['pages']} | {statistics.median(f['wall'] for f in figs):.1f}"
              f" | {wall:.1f} | {wall / base_wall:.2f} | {win:.1f} | {win / base_win:.2f}"
              f" | {statistics.median(f['cpu'] for f in figs):.1f}"
              f" | {'/'.join(str(p) for p in last['per_worker'])}"
              f" | {all(f['stories_ok'] for f in figs)}"
              f" | {sum(f['fetched_twice'] for f in figs)} |")  # fmt: skip


if __name__ == "__main__":
    main()
