"""Several real ``scrapy crawl news`` workers sharing one Redis frontier and one PostgreSQL store."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from crawling import CrawlResult, run_crawl
from fakeweb import FakeWeb
from newsweb import NewsWeb

from newscrawl.store import open_store

if TYPE_CHECKING:
    from servers import PostgresServer, RedisServer

pytest_plugins = ["servers"]  # redis/PostgreSQL server fixtures
pytestmark = [pytest.mark.e2e, pytest.mark.redis, pytest.mark.postgres]

HOSTS = ["alpha.test", "beta.test", "gamma.test"]
IDLE = "1.5"


@pytest.fixture
def web() -> Iterator[FakeWeb]:
    """A fake web with no static sites: each test installs its generated NewsWeb."""
    with FakeWeb(sites_dir=None) as fake:
        yield fake


class FetchGate:
    """A fake-web gate: article pages wait until ``workers`` workers each asked for one.

    Each test worker sends its own User-Agent. A worker holds at most CONCURRENT_REQUESTS
    pages, so while the first ones wait the others find the rest in the shared queue: the
    crawl is shared whatever the start-up times of the workers are on a loaded machine
    (the first worker up would otherwise fetch a small web alone). ``workers = 0`` opens it.
    """

    def __init__(self, web: FakeWeb, nw: NewsWeb, workers: int) -> None:
        self.web, self.nw, self.workers = web, nw, workers

    def __call__(self) -> None:
        deadline = time.monotonic() + 30
        while (
            len(self.web.agents_of(self.nw.article_pages)) < self.workers
            and time.monotonic() < deadline
        ):
            time.sleep(0.05)


def crawl(
    workers: int, web: FakeWeb, nw: NewsWeb, tmp_path: Path, redis_url: str, pg_url: str,
    tag: str = "run", during: Any = None,
) -> list[CrawlResult]:  # fmt: skip
    """Start ``workers`` crawls at once; ``during()`` runs in a thread meanwhile."""
    sources = tmp_path / "sources.toml"
    sources.write_text(nw.sources_toml(), encoding="utf-8")
    results: list[CrawlResult | None] = [None] * workers

    def worker(i: int) -> None:
        results[i] = run_crawl(
            web.proxy_url, tmp_path / f"{tag}-w{i}", "-a", f"sources={sources}",
            "-s", f"NEWSCRAWL_REDIS_URL={redis_url}", "-s", f"NEWSCRAWL_IDLE_TIMEOUT={IDLE}",
            "-s", "CONCURRENT_REQUESTS=4",  # a worker takes no more than it can fetch at once
            "-s", f"USER_AGENT=newscrawl-test-worker-{i}",  # the gate tells workers apart
            # A worker's share of a source may hold no article: that is no broken source.
            "-s", "NEWSCRAWL_FAIL_ON_HEALTH=True",
            store=pg_url, env={"NEWSCRAWL_WORKERS": "1"}, timeout=90,
        )  # fmt: skip

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(workers)]
    if during is not None:
        threads.append(threading.Thread(target=during))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done = [r for r in results if r is not None]
    for r in done:
        assert r.returncode == 0, r.stderr[-3000:]
        assert "flagged (no_articles)" not in r.stderr
    return done


def story(nw: NewsWeb, url: str) -> str:
    """The original URL of the story a page carries (copies map to their original)."""
    return nw.copies.get(url, url)


def assert_one_record_per_story(nw: NewsWeb, results: list[CrawlResult], pg_url: str) -> None:
    records = [r for res in results for r in res.records]
    ids = Counter(r["id"] for r in records)
    assert [i for i, n in ids.items() if n > 1] == []  # no worker emitted another's record
    errors = [line for res in results for line in res.stderr.splitlines() if "ERROR" in line]
    emitted = sorted(story(nw, r["canonical_url"]) for r in records)
    assert emitted == sorted(nw.originals), errors  # the workers' errors say why one is missing
    store = open_store(pg_url)
    originals = [r for r in store.iter_records() if r["duplicate_of"] is None]
    store.close()
    assert sorted(story(nw, r["canonical_url"]) for r in originals) == sorted(nw.originals)


def assert_every_worker_exited_idle(results: list[CrawlResult]) -> None:
    for r in results:
        assert r.stats.get("finish_reason") == "finished"
        assert float(r.stats["newscrawl/frontier/idle_exit_seconds"]) >= float(IDLE)


def article_hits(web: FakeWeb, nw: NewsWeb) -> Counter[str]:
    pages = nw.article_pages
    return Counter({u: n for u, n in web.hits.items() if u.split("?")[0] in pages})


def assert_shared_crawl(
    nw: NewsWeb, web: FakeWeb, results: list[CrawlResult], pg_url: str, hosts: list[str]
) -> None:
    """One record per story, each article page fetched once, seeds once, workers exited."""
    assert_one_record_per_story(nw, results, pg_url)
    hits = article_hits(web, nw)
    assert {u.split("?")[0] for u in hits} == nw.article_pages  # every article page fetched
    assert max(hits.values()) == 1  # ... and none twice, by any worker
    for host in hosts:  # seeds are claimed once per crawl, not once per worker
        assert web.hits[f"http://{host}/feed.xml"] == 1
        assert web.hits[f"http://{host}/section/1/"] == 1
    claimed = sum(r.stat("newscrawl/frontier/seeds_claimed") for r in results)
    assert claimed == 2 * len(hosts)
    skipped = sum(r.stat("newscrawl/frontier/seeds_skipped") for r in results)
    assert skipped == claimed * (len(results) - 1)
    assert_every_worker_exited_idle(results)
    assert sum(1 for r in results if r.stat("scheduler/dequeued/redis")) >= 2  # work was shared


def test_three_workers_share_one_crawl_through_lost_connections(
    web: FakeWeb, tmp_path: Path, redis_server: RedisServer, redis_url: str,
    pg_server: PostgresServer, pg_url: str,
) -> None:  # fmt: skip
    nw = NewsWeb(HOSTS, per_host=6)
    nw.install(web, gate=FetchGate(web, nw, 3))
    pages = len(nw.article_pages)

    def faults() -> None:  # a third of the way in: cut every Redis and PostgreSQL connection
        deadline = time.monotonic() + 60
        while sum(article_hits(web, nw).values()) < pages // 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        redis_server.client().client_kill_filter(_type="normal")  # type: ignore[attr-defined]
        pg_server.restart()

    results = crawl(3, web, nw, tmp_path, redis_url, pg_url, during=faults)
    assert len(results) == 3
    assert_shared_crawl(nw, web, results, pg_url, HOSTS)
    assert sum(r.stat("newscrawl/store/reconnects") for r in results) >= 1


def test_two_workers_today_and_tomorrow(
    web: FakeWeb, tmp_path: Path, redis_url: str, pg_url: str
) -> None:
    nw = NewsWeb(HOSTS[:2], per_host=5)
    gate = FetchGate(web, nw, 2)
    nw.install(web, gate=gate)
    results = crawl(2, web, nw, tmp_path, redis_url, pg_url, tag="day1")
    assert_shared_crawl(nw, web, results, pg_url, HOSTS[:2])
    before = set(nw.article_pages)
    web.reset_hits()
    nw.per_host = 7  # tomorrow: two new articles per site, in its feed and its hubs
    gate.workers = 0  # four new pages: one worker may take them all

    results = crawl(2, web, nw, tmp_path, redis_url, pg_url, tag="day2")
    for host in HOSTS[:2]:  # a new crawl reads its seeds and hubs again, once
        assert web.hits[f"http://{host}/feed.xml"] == 1
        assert web.hits[f"http://{host}/section/2/"] == 1
    hits = article_hits(web, nw)
    assert {u.split("?")[0] for u in hits} == nw.article_pages - before  # only the new ones
    assert max(hits.values()) == 1
    emitted = sorted(r["url"] for res in results for r in res.records)
    assert emitted == sorted(nw.originals - before)
    assert_every_worker_exited_idle(results)


def test_unreachable_redis_stops_at_start_with_one_line(
    web: FakeWeb, tmp_path: Path, pg_url: str
) -> None:
    from servers import free_port

    url = f"redis://127.0.0.1:{free_port()}/0"
    result = run_crawl(web.proxy_url, tmp_path, "-a", "urls=http://alpha.test/",
                       "-s", f"NEWSCRAWL_REDIS_URL={url}", store=pg_url)  # fmt: skip
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "error" in line.lower()]
    assert len(errors) == 1
    assert errors[0].startswith(
        f"newscrawl: error: NEWSCRAWL_REDIS_URL='{url}': cannot reach Redis:"
    )
    assert "Connection refused" in errors[0]
    assert "Traceback" not in result.stderr
    assert web.hits == Counter()


def test_unreachable_postgres_stops_at_start_with_one_line(
    web: FakeWeb, tmp_path: Path, redis_url: str
) -> None:
    from servers import free_port

    url = f"postgresql://crawler:pw@127.0.0.1:{free_port()}/news"
    result = run_crawl(web.proxy_url, tmp_path, "-a", "urls=http://alpha.test/",
                       "-s", f"NEWSCRAWL_REDIS_URL={redis_url}", store=url)  # fmt: skip
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "error" in line.lower()]
    assert len(errors) == 1
    assert errors[0].startswith("newscrawl: error: NEWSCRAWL_STORE='postgresql://crawler:***@")
    assert "cannot connect to PostgreSQL" in errors[0]
    assert "Connection refused" in errors[0]
    assert "Traceback" not in result.stderr
    assert web.hits == Counter()
