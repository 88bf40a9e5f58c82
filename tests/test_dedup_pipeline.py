"""DedupPipeline with a real SQLite store: url/exact/near duplicates, drop vs keep, stats."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from newscrawl import stats
from newscrawl.dedup.fingerprints import content_hash
from newscrawl.drops import DuplicateArticle
from newscrawl.items import ArticleRecord, Attribution
from newscrawl.pipelines.dedup import DedupPipeline
from newscrawl.pipelines.store import StorePipeline
from newscrawl.store import Store, open_store
from newscrawl.workers import WorkerPool


def story(seed: int, words: int = 300) -> str:
    rng = random.Random(seed)
    sentences = [
        " ".join(f"w{rng.randrange(3000)}" for _ in range(15)) + "." for _ in range(words // 15)
    ]
    return "\n\n".join(" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4))


def syndicated(text: str) -> str:
    """The same story elsewhere: one sentence reworded, a paragraph cut, boilerplate added."""
    paras = text.split("\n\n")
    paras[1] = paras[1].replace("w", "v", 3)
    del paras[-1]
    return "By Staff Writer\n\n" + "\n\n".join(paras) + "\n\n© 2025 Other Site. All rights."


def item(n: int, text: str, source: str = "site_a") -> ArticleRecord:
    return ArticleRecord(
        id=f"id{n}", url=f"https://{source}.example/{n}?utm_source=x",
        canonical_url=f"https://{source}.example/{n}", source=source,
        domain=f"{source}.example", publisher=source, title=f"Story {n}", text=text,
        fetched_at=f"2025-05-01T00:00:{n:02d}Z", crawl_id="run1",
        attribution=Attribution(original_source="Reuters", evidence=["(Reuters) -"]),
    )  # fmt: skip


class Stages:
    """DedupPipeline followed by StorePipeline, as ITEM_PIPELINES runs them."""

    def __init__(self, store: Store, keep: bool = False) -> None:
        self.crawler = get_crawler()
        self.crawler.stats.open_spider()
        self.dedup = DedupPipeline(store, keep_duplicates=keep, stats_collector=self.crawler.stats)
        self.store = StorePipeline(store, self.crawler.stats)

    def run(self, record: ArticleRecord) -> ArticleRecord | None:
        try:
            out = asyncio.run(self.dedup.process_item(record))
        except DuplicateArticle:
            return None
        return self.store.process_item(out)

    def stat(self, key: str) -> int:
        return int(self.crawler.stats.get_value(key, 0))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path}/s.sqlite3")
    yield opened
    opened.close()


def test_originals_pass_with_content_hash(store: Store) -> None:
    stages = Stages(store)
    first = stages.run(item(1, story(1)))
    second = stages.run(item(2, story(2)))
    assert first is not None
    assert second is not None
    assert len(first.content_hash) == 32
    assert first.content_hash != second.content_hash
    assert first.duplicate_of is None
    assert store.count_articles() == 2
    assert stages.stat(f"{stats.DUPLICATE}/near") == 0


def test_duplicates_dropped_but_stored_with_evidence(store: Store) -> None:
    stages = Stages(store)
    assert stages.run(item(1, story(1))) is not None
    exact = item(2, story(1).upper() + "  ", source="site_b")  # same words, other formatting
    near = item(3, syndicated(story(1)), source="site_c")
    assert stages.run(exact) is None
    assert stages.run(near) is None
    assert (exact.duplicate_of, near.duplicate_of) == ("id1", "id1")
    assert stages.stat(f"{stats.DUPLICATE}/exact") == 1
    assert stages.stat(f"{stats.DUPLICATE}/near") == 1
    assert stages.stat(stats.per_source(f"{stats.DUPLICATE}/near", "site_c")) == 1
    assert stages.stat(stats.DUPLICATE_KEPT) == 0
    assert stages.stat(stats.ITEMS_EMITTED) == 1  # only the original reached the feed stage
    records = {r["id"]: r for r in store.iter_records()}
    assert records["id1"]["duplicate_of"] is None
    assert records["id3"]["duplicate_of"] == "id1"
    assert records["id3"]["attribution"]["evidence"] == ["(Reuters) -"]
    assert store.known_urls(["https://site_c.example/3?utm_source=x"])  # not fetched again


def test_url_duplicates_within_the_run_and_across_runs(store: Store) -> None:
    stages = Stages(store)
    assert stages.run(item(1, story(1))) is not None
    assert stages.run(item(1, story(5))) is None  # same id, later in this run
    next_run = Stages(store)
    assert next_run.run(item(1, story(6))) is None  # same id, stored by an earlier run
    assert stages.stat(f"{stats.DUPLICATE}/url") == 1
    assert next_run.stat(f"{stats.DUPLICATE}/url") == 1
    assert store.count_articles() == 1


def test_copy_in_the_same_run_caught_before_the_store_stage(store: Store) -> None:
    dedup = DedupPipeline(store)
    original = asyncio.run(dedup.process_item(item(1, story(1))))
    with pytest.raises(DuplicateArticle, match="near duplicate of id1"):
        asyncio.run(dedup.process_item(item(2, syndicated(story(1)), source="site_b")))
    assert original.duplicate_of is None


def test_a_crash_after_the_dedup_decision_loses_no_article(store: Store) -> None:
    """The original's record commits with its index entries: a crawl killed before the store
    stage has the article stored (before, the entries alone were committed, and every later
    run dropped the article as already indexed: stored never)."""
    asyncio.run(DedupPipeline(store).process_item(item(1, story(1))))  # killed here
    assert store.has_article("id1")
    next_run = Stages(store)
    assert next_run.run(item(1, story(1))) is None  # already stored: not emitted twice
    assert store.count_articles() == 1


def test_a_failed_write_leaves_no_index_entry(store: Store) -> None:
    """A record the database refuses (here a trigger, as a full disk would) takes its index
    entries with it, so the next run stores the article instead of dropping it."""
    store.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON articles BEGIN SELECT RAISE(ABORT, 'full'); END"
    )
    store.conn.commit()
    with pytest.raises(Exception, match="full"):
        Stages(store).run(item(1, story(1)))
    assert store.query("SELECT COUNT(*) FROM dedup_signatures") == [(0,)]
    assert store.query("SELECT COUNT(*) FROM dedup_hashes") == [(0,)]
    store.execute("DROP TRIGGER refuse")
    store.conn.commit()
    assert Stages(store).run(item(1, story(1))) is not None
    assert store.has_article("id1")


def test_near_duplicate_found_in_a_later_run(store: Store) -> None:
    assert Stages(store).run(item(1, story(1))) is not None
    later = Stages(store)
    assert later.run(item(2, syndicated(story(1)), source="site_b")) is None
    assert later.stat(f"{stats.DUPLICATE}/near") == 1


def test_keep_duplicates_emits_with_duplicate_of(store: Store) -> None:
    stages = Stages(store, keep=True)
    assert stages.run(item(1, story(1))) is not None
    kept = stages.run(item(2, syndicated(story(1)), source="site_b"))
    assert kept is not None
    assert kept.duplicate_of == "id1"
    assert stages.stat(stats.DUPLICATE_KEPT) == 1
    assert stages.stat(f"{stats.DUPLICATE}/near") == 1
    assert stages.stat(stats.ITEMS_EMITTED) == 2
    third = stages.run(item(3, syndicated(story(1)), source="site_c"))
    assert third is not None
    assert third.duplicate_of == "id1"  # the first stored copy, not the kept duplicate


def test_short_texts_match_exactly_only(store: Store) -> None:
    stages = Stages(store)
    brief = "Markets closed higher on Friday after a volatile week."
    assert stages.run(item(1, brief)) is not None
    assert stages.run(item(2, brief.replace("Friday", "Thursday"))) is not None
    assert stages.run(item(3, brief + " ")) is None
    assert stages.stat(f"{stats.DUPLICATE}/exact") == 1
    assert stages.stat(f"{stats.DUPLICATE}/near") == 0


def test_from_crawler_reads_settings(tmp_path: Path) -> None:
    crawler = get_crawler(
        settings_dict={
            "NEWSCRAWL_STORE": f"sqlite:///{tmp_path}/c.sqlite3",
            "NEWSCRAWL_KEEP_DUPLICATES": "True",
            "NEWSCRAWL_NEAR_DUP_THRESHOLD": "0.6",
            "NEWSCRAWL_MINHASH_PERMS": "64",
            "NEWSCRAWL_WORKERS": "1",
        }
    )
    pipeline = DedupPipeline.from_crawler(crawler)
    assert pipeline.crawler is crawler
    assert pipeline.keep_duplicates is True
    assert (pipeline.index.threshold, pipeline.index.num_perm) == (0.6, 64)
    pipeline.store.close()


def test_fingerprints_computed_in_worker_processes(store: Store) -> None:
    pool = WorkerPool(2)
    try:
        dedup = DedupPipeline(store, pool=pool)
        first = asyncio.run(dedup.process_item(item(1, story(1))))
        with pytest.raises(DuplicateArticle, match="near duplicate of id1"):
            asyncio.run(dedup.process_item(item(2, syndicated(story(1)), source="site_b")))
    finally:
        pool.close()
    assert first.content_hash == content_hash(story(1))
