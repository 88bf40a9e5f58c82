"""The near-duplicate index in a real SQLite store: claims, lookups, layout rebuilds."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np

from newscrawl.dedup.fingerprints import band_keys, fingerprint, minhash, normalize
from newscrawl.dedup.index import NearDupIndex
from newscrawl.items import ArticleRecord
from newscrawl.store import Store, open_store


def story(seed: int, words: int = 300) -> str:
    rng = random.Random(seed)
    return " ".join(f"w{rng.randrange(3000)}" for _ in range(words))


def edited(text: str, seed: int, changes: int = 8) -> str:
    """A light edit: a few words replaced, a short line added."""
    rng = random.Random(seed)
    words = text.split()
    for _ in range(changes):
        words[rng.randrange(len(words))] = f"edit{rng.randrange(100)}"
    return " ".join(words) + "\n\nSign up for our newsletter."


def sig(text: str, num_perm: int = 128) -> np.ndarray:
    return minhash(normalize(text), num_perm)


def open_tmp(tmp_path: Path) -> Store:
    return open_store(f"sqlite:///{tmp_path}/s.sqlite3")


def test_near_copy_found_unrelated_not(tmp_path: Path) -> None:
    store = open_tmp(tmp_path)
    index = NearDupIndex(store, threshold=0.45, num_perm=128)
    index.add("a", sig(story(1)), "hash-a")
    assert index.find(sig(edited(story(1), 7))) == "a"
    assert index.find(sig(story(2))) is None
    store.close()


def test_earliest_original_wins(tmp_path: Path) -> None:
    store = open_tmp(tmp_path)
    index = NearDupIndex(store, threshold=0.45, num_perm=128)
    # Two near-identical originals (as if indexed by two workers); "z" came first.
    index.add("z", sig(story(1)))
    index.add("b", sig(edited(story(1), 3)))
    assert index.find(sig(edited(story(1), 9))) == "z"
    store.close()


def test_band_collision_alone_is_not_a_duplicate(tmp_path: Path) -> None:
    store = open_tmp(tmp_path)
    index = NearDupIndex(store, threshold=0.45, num_perm=128)
    stored = sig(story(1))
    index.add("a", stored)
    rows = index.banding.rows
    probe = sig(story(2))
    probe[:rows] = stored[:rows]  # shares band 0 only: a candidate, similarity ~0.02
    assert band_keys(probe, index.banding)[0] == band_keys(stored, index.banding)[0]
    assert index.find(probe) is None
    store.close()


def test_hash_claim_first_wins(tmp_path: Path) -> None:
    store = open_tmp(tmp_path)
    index = NearDupIndex(store, threshold=0.45, num_perm=128)
    assert index.hash_owner("h") is None
    assert index.claim_hash("h", "first") == "first"
    assert index.claim_hash("h", "second") == "first"
    index.add("short", None, "h2")  # a short text: hash only, no signature
    assert index.hash_owner("h2") == "short"
    assert store.query("SELECT COUNT(*) FROM dedup_signatures")[0][0] == 0
    store.close()


def test_lookup_is_index_probes_only(tmp_path: Path) -> None:
    """The lookup plan searches indexes and never scans a table (cost flat in store size)."""
    store = open_tmp(tmp_path)
    index = NearDupIndex(store, threshold=0.45, num_perm=128)
    for n in range(50):
        index.add(f"id{n}", sig(story(n)))
    keys = [int(k) for k in band_keys(sig(story(1)), index.banding)]
    marks = ",".join("?" * len(keys))
    plan = store.query(
        "EXPLAIN QUERY PLAN SELECT article_id, added, signature FROM dedup_signatures"
        f" WHERE doc IN (SELECT doc FROM dedup_bands WHERE band_key IN ({marks}))",
        keys,
    )
    details = [row[-1] for row in plan]
    assert not [d for d in details if d.startswith("SCAN")], details
    assert any("dedup_bands USING" in d and "INDEX" in d for d in details), details
    store.close()


def test_index_survives_reopen_and_threshold_change(tmp_path: Path) -> None:
    store = open_tmp(tmp_path)
    NearDupIndex(store, threshold=0.45, num_perm=128).add("a", sig(story(1)), "ha")
    store.close()
    store = open_tmp(tmp_path)
    index = NearDupIndex(store, threshold=0.6, num_perm=128)  # other banding: re-banded
    assert index.layout()["rows"] != 3
    assert index.find(sig(edited(story(1), 2, changes=4))) == "a"
    assert index.hash_owner("ha") == "a"
    store.close()


def stored_record(article_id: str, text: str, duplicate_of: str | None = None) -> dict:
    return ArticleRecord(
        id=article_id, url=f"https://x.example/{article_id}",
        canonical_url=f"https://x.example/{article_id}", text=text,
        content_hash=fingerprint(text, 128).content_hash, duplicate_of=duplicate_of,
        fetched_at=f"2025-01-01T00:00:0{article_id[-1]}Z",
    ).to_dict()  # fmt: skip


def test_articles_stored_before_the_index_are_indexed(tmp_path: Path) -> None:
    """A store without index (or with a new signature length) is indexed from its texts."""
    store = open_tmp(tmp_path)
    store.add_article(stored_record("a1", story(1)), [])
    store.add_article(stored_record("a2", edited(story(1), 5), duplicate_of="a1"), [])
    store.add_article(stored_record("a3", "too short to near-match"), [])
    index = NearDupIndex(store, threshold=0.45, num_perm=128)
    assert index.find(sig(edited(story(1), 6))) == "a1"
    assert store.query("SELECT COUNT(*) FROM dedup_signatures")[0][0] == 1  # originals only
    assert index.hash_owner(fingerprint("too short to near-match", 128).content_hash) == "a3"
    index = NearDupIndex(store, threshold=0.45, num_perm=64)  # signatures recomputed
    assert index.find(sig(edited(story(1), 6), num_perm=64)) == "a1"
    store.close()
