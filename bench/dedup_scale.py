"""Per-article dedup cost as the SQLite store grows to 10k, 100k and 1M articles.

Synthetic articles are random runs of 15-40 real sentences (from the WCXB dev texts), so
unrelated articles share a sentence now and then, as real ones share stock phrases: that
is what makes LSH candidates appear by chance, the cost that could grow with the store.
Their signatures come from per-sentence MinHash minima (the minima of a union are the
element-wise minimum), and the index rows are bulk-inserted in the index's own layout;
the store lives in a temp dir and is deleted at the end.

One store per size. Then ``--probes`` new articles per size go through the real
NearDupIndex, on fresh store connections with the store's own settings, as the
DedupPipeline calls it (exact-hash lookup, near lookup, add when original), in rounds that
alternate between the sizes so that background load on the machine hits all of them alike.
One probe in ten is a light edit of a stored article and must be found.

    python bench/dedup_scale.py [--sizes 10000,100000,1000000] [--probes 3000] [--rounds 10]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newscrawl.config import NewscrawlConfig
from newscrawl.dedup.fingerprints import (
    band_keys,
    minima,
    normalize,
    pack_signature,
    reduce_minima,
)
from newscrawl.dedup.index import NearDupIndex, doc_key
from newscrawl.store import Store, open_store

CORPUS = Path(__file__).resolve().parents[2] / "shared/evaldata/wcxb-dev-articles/dev"
SENTENCES_PER_ARTICLE = (15, 40)
CHUNK = 4000
_SPLIT = re.compile(r"(?<=[.!?])\s+")


def sentence_minima(num_perm: int) -> np.ndarray:
    """64-bit MinHash minima of every distinct corpus sentence of 6 to 60 words.

    Longer "sentences" are lists or unpunctuated blocks: an article drawing one would share
    most of its text with every other article that drew it.
    """
    seen: dict[str, None] = {}
    for path in sorted((CORPUS / "ground-truth").glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8")).get("ground_truth") or {}
        for sentence in _SPLIT.split(truth.get("main_content") or ""):
            norm = normalize(sentence)
            if 6 <= len(norm.split()) <= 60:
                seen.setdefault(norm)
    return np.stack([minima(s, num_perm) for s in seen])


def article_id(n: int) -> str:
    return hashlib.sha256(f"synthetic-{n}".encode()).hexdigest()[:32]


class Corpus:
    """Synthetic articles as lists of sentence numbers, with their signatures."""

    def __init__(self, mins: np.ndarray, seed: int) -> None:
        self.mins = mins
        self.rng = np.random.default_rng(seed)

    def sentences(self, count: int) -> np.ndarray:
        """``count`` articles as padded sentence-number rows (-1 = no sentence)."""
        low, high = SENTENCES_PER_ARTICLE
        rows = self.rng.integers(0, len(self.mins), size=(count, high))
        lengths = self.rng.integers(low, high + 1, size=count)
        rows[np.arange(high)[None, :] >= lengths[:, None]] = -1
        return rows

    def signatures(self, rows: np.ndarray) -> np.ndarray:
        """16-bit signatures of articles given as sentence-number rows."""
        padded = np.vstack([self.mins, np.full(self.mins.shape[1], np.uint64(2**64 - 1))])
        return reduce_minima(padded[rows].min(axis=1))


def fill(db: Path, corpus: Corpus, start: int, stop: int, index: NearDupIndex) -> np.ndarray:
    """Bulk-insert articles number start..stop-1 into the index tables; returns a sample.

    Band rows are inserted last, sorted by key, so the B-tree is written in order.
    """
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-500000")  # 500 MB, for the fill only
    sample, band_parts = [], []
    added = time.time_ns()
    for first in range(start, stop, CHUNK):
        count = min(CHUNK, stop - first)
        rows = corpus.sentences(count)
        sigs = corpus.signatures(rows)
        ids = [article_id(first + i) for i in range(count)]
        docs = np.array([doc_key(a) for a in ids], dtype=np.int64)
        conn.executemany(
            "INSERT INTO dedup_signatures (doc, article_id, added, signature) VALUES (?,?,?,?)",
            [(int(d), a, added + first + i, pack_signature(s))
             for i, (d, a, s) in enumerate(zip(docs, ids, sigs, strict=True))],
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO dedup_hashes (content_hash, article_id) VALUES (?, ?)",
            [(hashlib.md5(a.encode()).hexdigest(), a) for a in ids],
        )
        keys = band_keys(sigs, index.banding)
        band_parts.append(np.column_stack([keys.ravel(), np.repeat(docs, keys.shape[1])]))
        sample.append(rows[:: max(1, count // 50)])
        if (first + count - start) % 100_000 < CHUNK or first + count == stop:
            print(f"  signatures {first + count:>9,}", flush=True)
    conn.commit()
    bands = np.vstack(band_parts)
    del band_parts
    bands = bands[np.argsort(bands[:, 0], kind="stable")]
    step = 1_000_000
    for begin in range(0, len(bands), step):
        conn.executemany(
            "INSERT INTO dedup_bands (band_key, doc) VALUES (?, ?)",
            bands[begin : begin + step].tolist(),
        )
        conn.commit()
        print(f"  band rows {min(begin + step, len(bands)):>11,}", flush=True)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return np.vstack(sample)


def light_edit(rows: np.ndarray, corpus: Corpus) -> np.ndarray:
    """Replace 3 sentences of each article (about 10% of its text)."""
    edited = rows.copy()
    for row in edited:
        used = np.flatnonzero(row >= 0)
        row[corpus.rng.choice(used, 3, replace=False)] = corpus.rng.integers(0, len(corpus.mins), 3)
    return edited


@dataclass
class Sample:
    """Timings and outcomes of probe rounds on one store."""

    find_s: list[float] = field(default_factory=list)
    add_s: list[float] = field(default_factory=list)
    near: int = 0
    found: int = 0
    false_hits: int = 0
    candidates: list[float] = field(default_factory=list)


def probe(db: Path, corpus: Corpus, config: NewscrawlConfig, stored: np.ndarray, count: int,
          serial: int, sample: Sample) -> None:  # fmt: skip
    """Time exact lookup + near lookup + add of ``count`` new articles on a fresh connection."""
    store = open_store(f"sqlite:///{db}")
    index = NearDupIndex(store, config.near_dup_threshold, config.minhash_perms)
    near_rows = light_edit(stored[corpus.rng.choice(len(stored), count // 10)], corpus)
    rows = np.vstack([corpus.sentences(count - len(near_rows)), near_rows])
    order = corpus.rng.permutation(len(rows))
    sigs = corpus.signatures(rows[order])
    is_near = order >= count - len(near_rows)
    for sig in corpus.signatures(corpus.sentences(50)):  # warm-up, not timed
        index.find(sig)
    sample.candidates.append(_candidates(store, index, sigs[:100]))
    for i, sig in enumerate(sigs):
        claim = f"probe-{serial + i}"
        t0 = time.perf_counter()
        owner = index.hash_owner(claim) or index.find(sig)
        t1 = time.perf_counter()
        if owner is None:
            index.add(article_id(serial + i), sig, claim)
        t2 = time.perf_counter()
        sample.find_s.append(t1 - t0)
        sample.add_s.append(t2 - t1)
        sample.near += bool(is_near[i])
        sample.found += bool(owner) and is_near[i]
        sample.false_hits += bool(owner) and not is_near[i]
    store.close()


def _candidates(store: Store, index: NearDupIndex, sigs: np.ndarray) -> float:
    """Average number of LSH candidates (rows the lookup reads and verifies)."""
    total = 0
    for sig in sigs:
        keys = [int(k) for k in band_keys(sig, index.banding)]
        marks = ",".join("?" * len(keys))
        total += store.query(
            f"SELECT COUNT(DISTINCT doc) FROM dedup_bands WHERE band_key IN ({marks})", keys
        )[0][0]
    return total / len(sigs)


def count_indexed(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM dedup_signatures").fetchone()[0])


def size_mb(db: Path) -> float:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--probes", type=int, default=3000, help="per store size")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    config = NewscrawlConfig()
    started = time.perf_counter()
    mins = sentence_minima(config.minhash_perms)
    corpus = Corpus(mins, args.seed)
    print(f"{len(mins):,} corpus sentences; threshold {config.near_dup_threshold},"
          f" {config.minhash_perms} permutations", flush=True)  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        stores: list[tuple[int, Path, np.ndarray]] = []
        for size in sizes:
            db = Path(tmp) / f"scale-{size}.sqlite3"
            store = open_store(f"sqlite:///{db}")
            index = NearDupIndex(store, config.near_dup_threshold, config.minhash_perms)
            store.close()
            print(f"filling {size:,} ({index.banding.bands} bands x {index.banding.rows} rows)")
            fill_start = time.perf_counter()
            stored = fill(db, corpus, 0, size, index)
            print(f"  {size:,} in {time.perf_counter() - fill_start:.0f} s,"
                  f" {size_mb(db):.0f} MB", flush=True)  # fmt: skip
            stores.append((size, db, stored))
        # Rounds alternate between the stores, so background load hits every size alike.
        samples = {size: Sample() for size in sizes}
        per_round = max(10, args.probes // args.rounds)
        for r in range(args.rounds):
            for size, db, stored in stores:
                serial = 10**9 + size + r * per_round
                probe(db, corpus, config, stored, per_round, serial, samples[size])
            print(f"  probe round {r + 1}/{args.rounds}", flush=True)
        rows = [(size, samples[size], count_indexed(db), size_mb(db)) for size, db, _ in stores]
    report(rows)
    print(f"\ntotal {time.perf_counter() - started:.0f} s")


def report(rows: list[tuple[int, Sample, int, float]]) -> None:
    """The benchmark table (markdown)."""
    base = None
    print("\n| articles filled | find (ms) | add (ms) | find + add (ms) | vs first"
          " | median find + add (ms) | LSH candidates per find | near copies found"
          " | store MB | bytes per article |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|")
    for size, sample, count, mb in rows:
        find, add = np.array(sample.find_s) * 1000, np.array(sample.add_s) * 1000
        total = find.mean() + add.mean()
        base = base or total
        print(f"| {size:,} | {find.mean():.3f} | {add.mean():.3f} | {total:.3f}"
              f" | {total / base:.2f}x | {np.median(find + add):.3f}"
              f" | {np.mean(sample.candidates):.2f} | {sample.found}/{sample.near}"
              f" | {mb:.0f} | {mb * 1e6 / count:.0f} |")  # fmt: skip
    false_hits = sum(sample.false_hits for _, sample, _, _ in rows)
    print(f"\nunrelated articles reported as duplicates: {false_hits}")


if __name__ == "__main__":
    main()
