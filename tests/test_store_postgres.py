"""PostgreSQL store on a real server: same behaviour as SQLite, race-safe, survives lost links."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from test_dedup_pipeline import (  # noqa: F401  (re-run against PostgreSQL via `store` below)
    test_a_crash_after_the_dedup_decision_loses_no_article,
    test_copy_in_the_same_run_caught_before_the_store_stage,
    test_duplicates_dropped_but_stored_with_evidence,
    test_keep_duplicates_emits_with_duplicate_of,
    test_near_duplicate_found_in_a_later_run,
    test_originals_pass_with_content_hash,
    test_short_texts_match_exactly_only,
    test_url_duplicates_within_the_run_and_across_runs,
)

from newscrawl.dedup.fingerprints import fingerprint
from newscrawl.dedup.index import NearDupIndex
from newscrawl.exceptions import StoreError
from newscrawl.operations.lock import acquire_run_lock
from newscrawl.store import Store, open_store
from newscrawl.store.postgres import PostgresStore

if TYPE_CHECKING:
    from servers import PostgresServer

pytest_plugins = ["servers"]  # redis/PostgreSQL server fixtures
pytestmark = pytest.mark.postgres

WORDS = [
    "council", "budget", "river", "bridge", "school", "teachers", "protest", "minister",
    "harbour", "ferry", "storm", "power", "grid", "farmers", "market", "prices", "election",
    "mayor", "court", "ruling", "hospital", "nurses", "strike", "train",
]  # fmt: skip


def story(seed: int, n: int = 120) -> str:
    """A deterministic text of ``n`` words, different for each seed."""
    return " ".join(
        WORDS[(seed * 7 + i * (seed % 5 + 1)) % len(WORDS)] + str(i % 13) for i in range(n)
    )


def record(article_id: str, text: str = "body", **extra: Any) -> dict[str, Any]:
    base = {
        "id": article_id, "canonical_url": f"http://a.test/{article_id}",
        "url": f"http://a.test/{article_id}?x=1", "source": "a", "domain": "a.test",
        "publisher": "A", "title": "T", "language": "en", "published": None,
        "fetched_at": "2026-12-01T00:00:00+00:00", "crawl_id": "c1", "content_hash": "h-" + article_id,
        "duplicate_of": None, "word_count": 1, "text": text,
    }  # fmt: skip
    return {**base, **extra}


@pytest.fixture
def store(pg_url: str) -> Iterator[Store]:
    """An open PostgresStore on a fresh database (also used by the re-run pipeline tests)."""
    opened = open_store(pg_url)
    yield opened
    opened.close()


def test_open_store_picks_postgres(store: Store) -> None:
    assert isinstance(store, PostgresStore)


def test_unreachable_server_is_one_line_naming_the_url() -> None:
    from servers import free_port

    url = f"postgresql://crawler:s3cret@127.0.0.1:{free_port()}/news"
    with pytest.raises(StoreError) as err:
        open_store(url)
    message = str(err.value)
    assert "\n" not in message
    assert f"127.0.0.1:{url.rsplit(':', 1)[1].split('/')[0]}/news" in message
    assert "cannot connect to PostgreSQL" in message
    assert "s3cret" not in message


def test_add_article_once_and_remember_urls(store: Store) -> None:
    assert store.add_article(record("x1"), ["http://a.test/x1", "http://a.test/x1?x=1"])
    assert not store.add_article(record("x1", title="other"), ["http://a.test/other"])
    assert store.count_articles() == 1
    assert store.known_urls(["http://a.test/x1", "http://a.test/nope"]) == {"http://a.test/x1"}
    assert [r["id"] for r in store.iter_records()] == ["x1"]


def test_transaction_rolls_back_on_error(store: Store) -> None:
    def failing() -> None:
        with store.transaction():
            store.add_article(record("r1"), ["http://a.test/r1"])
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        failing()
    assert store.count_articles() == 0


def test_schema_created_by_workers_starting_at_once(pg_url: str) -> None:
    errors: list[BaseException] = []
    stores: list[Store] = []
    barrier = threading.Barrier(4)

    def worker() -> None:
        barrier.wait()
        try:
            stores.append(open_store(pg_url))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in stores:
        s.close()
    assert errors == []
    assert len(stores) == 4


def test_several_workers_may_share_the_store(pg_url: str) -> None:
    assert acquire_run_lock(pg_url, "c1") is None
    assert acquire_run_lock(pg_url, "c2") is None


def _race(pg_url: str, texts: list[str], ids: list[str]) -> list[tuple[str, str | None]]:
    """Each worker (own connection) decides on its copy at the same moment."""
    stores = [open_store(pg_url) for _ in texts]
    indexes = [NearDupIndex(s, 0.45, 128) for s in stores]
    fps = [fingerprint(t, 128) for t in texts]
    barrier = threading.Barrier(len(texts))
    results: list[tuple[str, str | None]] = [("", None)] * len(texts)

    def worker(i: int) -> None:
        barrier.wait()
        results[i] = indexes[i].match_or_add(ids[i], fps[i])

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in stores:
        s.close()
    return results


@pytest.mark.parametrize("round_", range(5))
def test_exact_copies_decided_at_once_yield_one_original(pg_url: str, round_: int) -> None:
    text = story(round_)
    results = _race(pg_url, [text] * 3, [f"e{round_}-{i}" for i in range(3)])
    originals = [r for r in results if r[1] is None]
    assert len(originals) == 1
    winner = next(f"e{round_}-{i}" for i, r in enumerate(results) if r[1] is None)
    assert sorted(r for r in results if r[1] is not None) == [("exact", winner)] * 2


@pytest.mark.parametrize("round_", range(5))
def test_near_copies_decided_at_once_yield_one_original(pg_url: str, round_: int) -> None:
    base = story(round_ + 10)
    texts = [base, base + " Updated at noon.", "Breaking: " + base]
    results = _race(pg_url, texts, [f"n{round_}-{i}" for i in range(3)])
    assert sum(1 for _, original in results if original is None) == 1
    assert {kind for kind, original in results if original is not None} <= {"exact", "near"}


def test_same_article_from_two_workers_is_one_original(pg_url: str) -> None:
    results = _race(pg_url, [story(3)] * 2, ["same", "same"])
    assert sorted(results, key=str) == sorted([("near", None), ("url", "same")], key=str)


def test_killed_connection_between_statements_is_reconnected(
    store: PostgresStore, pg_server: PostgresServer, pg_url: str
) -> None:
    store.add_article(record("k1"), ["http://a.test/k1"])
    assert pg_server.terminate_connections(pg_url) >= 1
    assert store.add_article(record("k2"), ["http://a.test/k2"])
    assert store.count_articles() == 2
    assert store.reconnects == 1


def test_killed_connection_mid_transaction_is_replayed(
    store: PostgresStore, pg_server: PostgresServer, pg_url: str
) -> None:
    with store.transaction():
        store.add_article(record("t1"), ["http://a.test/t1"])
        pg_server.terminate_connections(pg_url)
        store.add_article(record("t2"), ["http://a.test/t2"])
    assert sorted(r["id"] for r in store.iter_records()) == ["t1", "t2"]
    assert store.known_urls(["http://a.test/t1", "http://a.test/t2"]) == {
        "http://a.test/t1", "http://a.test/t2"
    }  # fmt: skip


def test_replay_that_reads_changed_data_fails_loudly(
    store: PostgresStore, pg_server: PostgresServer, pg_url: str
) -> None:
    other = open_store(pg_url)

    def decide_then_lose_the_connection() -> None:
        with store.transaction():
            assert not store.has_article("c1")
            pg_server.terminate_connections(pg_url)
            other.add_article(record("c1"), ["http://a.test/c1"])  # reconnects, then writes
            store.add_article(record("c2"), ["http://a.test/c2"])

    with pytest.raises(StoreError, match="data changed meanwhile"):
        decide_then_lose_the_connection()
    assert [r["id"] for r in other.iter_records()] == ["c1"]
    other.close()


def test_server_restart_mid_run_loses_no_record(
    store: PostgresStore, pg_server: PostgresServer
) -> None:
    restarted = threading.Event()

    def restart() -> None:
        pg_server.restart()
        restarted.set()

    stored = 0
    thread: threading.Thread | None = None
    for i in range(300):
        if i == 50:
            thread = threading.Thread(target=restart)
            thread.start()
        stored += store.add_article(record(f"s{i}"), [f"http://a.test/s{i}"])
    assert thread is not None
    thread.join()
    assert restarted.is_set()
    assert stored == 300
    assert store.count_articles() == 300
    assert store.reconnects >= 1


def test_export_reads_the_shared_store(store: Store, tmp_path: Path) -> None:
    from newscrawl.operations.export import export_records, select_records

    store.add_article(record("x1", source="a"), ["http://a.test/x1"])
    store.add_article(record("x2", source="b", fetched_at="2026-12-02T00:00:00+00:00"), [])
    store.add_article(record("x3", duplicate_of="x1"), [])
    chosen = select_records(store, since="2026-12-02", source="b")
    assert export_records(chosen, tmp_path / "out.jsonl", "jsonl") == 1
    assert [r["id"] for r in select_records(store)] == ["x1", "x2"]


@contextlib.contextmanager
def commits_cut(pg_url: str) -> Iterator[tuple[PostgresStore, Any]]:
    """A store reaching the server through a proxy that cuts connections at COMMITs (its
    ``plan``: tests/servers.py CuttingProxy)."""
    from urllib.parse import urlsplit

    from servers import CuttingProxy

    port = urlsplit(pg_url).port
    assert port is not None
    proxy = CuttingProxy(port, b"COMMIT")
    store = open_store(pg_url.replace(f":{port}/", f":{proxy.port}/"))
    try:
        assert isinstance(store, PostgresStore)
        yield store, proxy
    finally:
        store.close()
        proxy.close()


def test_a_commit_whose_reply_is_lost_is_not_replayed(pg_url: str) -> None:
    """The connection dies after the server committed but before it said so: the store asks
    the server (txid_status) and counts the record once, instead of replaying the
    transaction, reading its own insert, and refusing the write as a conflict."""
    with commits_cut(pg_url) as (store, proxy):
        assert store.add_article(record("c0"), ["http://a.test/c0"])
        proxy.plan.append("after")
        assert store.add_article(record("c1"), ["http://a.test/c1"])
        assert not proxy.plan, "the COMMIT went through the proxy"
        assert store.reconnects == 1
        assert store.count_articles() == 2
        assert store.add_article(record("c2"), ["http://a.test/c2"])


def test_a_commit_lost_again_after_its_replay_asks_about_the_replay(pg_url: str) -> None:
    """The first COMMIT never reaches the server (the transaction aborts and is replayed);
    the replay's COMMIT takes but its reply is lost: the store asks about the replayed
    transaction, not the aborted first one, and counts the record once instead of replaying
    a second time and refusing the write as a conflict."""
    with commits_cut(pg_url) as (store, proxy):
        proxy.plan += ["before", "after"]
        assert store.add_article(record("c1"), ["http://a.test/c1"])
        assert not proxy.plan, "both COMMITs went through the proxy"
        assert store.reconnects == 2
        assert store.count_articles() == 1


def test_judged_pages_are_remembered_across_runs(store: Store) -> None:
    assert (
        store.judged_before("a", "run1", ["http://a.test/about", "http://a.test/contact"]) == set()
    )
    again = store.judged_before("a", "run2", ["http://a.test/about", "http://a.test/new"])
    assert again == {"http://a.test/about"}
