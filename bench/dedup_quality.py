"""Near-duplicate detection quality on the syndication test set (bench/syndication.py).

Two measurements, both as precision and recall over document pairs:

- pairs: every pair of documents is a duplicate when the two share an LSH band and their
  estimated Jaccard similarity reaches the threshold (the decision NearDupIndex makes for a
  pair), at the configured threshold and a sweep around it;
  The last column is the lookup cost driver: unrelated pairs (follow-ups excluded) that
  share a band; per million pairs, it is the number of candidates a lookup would verify
  in a store of a million such articles;
- online: the real pipeline order, NearDupIndex on a SQLite store in a temp dir, documents
  arriving in a seeded random order; each duplicate is attributed to the first stored copy
  (as the DedupPipeline does), and the resulting clusters are scored as pairs.

    python bench/dedup_quality.py [--threshold T] [--shingle K] [--stories 150] [--seed 5]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import syndication  # bench/ is sys.path[0] when run as a script

from newscrawl.config import NewscrawlConfig
from newscrawl.dedup.fingerprints import (
    MIN_NEAR_WORDS,
    SHINGLE_WORDS,
    Banding,
    band_keys,
    choose_banding,
    fingerprint,
)
from newscrawl.dedup.index import NearDupIndex
from newscrawl.store import open_store

SWEEP = (0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8)


def similarity_matrix(sigs: np.ndarray) -> np.ndarray:
    """Estimated Jaccard of every pair (share of equal 16-bit MinHash values)."""
    n = len(sigs)
    out = np.empty((n, n), dtype=np.float32)
    for i in range(n):
        out[i] = (sigs == sigs[i]).mean(axis=1)
    return out


def candidate_matrix(sigs: np.ndarray, banding: Banding) -> np.ndarray:
    """True where two documents share at least one LSH band key."""
    keys = band_keys(sigs, banding)
    n = len(sigs)
    out = np.zeros((n, n), dtype=bool)
    for band in range(banding.bands):
        column = keys[:, band]
        order = np.argsort(column, kind="stable")
        sorted_keys = column[order]
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        ends = np.r_[starts[1:], n]
        for s, e in zip(starts, ends, strict=True):
            if e - s > 1:
                members = order[s:e]
                out[np.ix_(members, members)] = True
    return out


def score(predicted: np.ndarray, truth: np.ndarray) -> tuple[float, float, int, int]:
    """Precision, recall, false positives, false negatives over the upper triangle."""
    upper = np.triu(np.ones_like(truth, dtype=bool), 1)
    tp = int((predicted & truth & upper).sum())
    fp = int((predicted & ~truth & upper).sum())
    fn = int((~predicted & truth & upper).sum())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, fp, fn


def online(docs: list[syndication.Doc], threshold: float, num_perm: int, shingle: int,
           seed: int) -> tuple[np.ndarray, float]:  # fmt: skip
    """Cluster matrix produced by the real index in arrival order, and ms per document."""
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    root = list(range(len(docs)))
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/quality.sqlite3")
        index = NearDupIndex(store, threshold, num_perm, shingle)
        ids = {d.doc_id: i for i, d in enumerate(docs)}
        start = time.perf_counter()
        for i in order:
            fp = fingerprint(docs[i].text, num_perm, shingle)
            owner = index.hash_owner(fp.content_hash)
            if owner is None and fp.signature is not None:
                owner = index.find(fp.signature)
            if owner is None:
                index.add(docs[i].doc_id, fp.signature, fp.content_hash)
            else:
                root[i] = ids[owner]
        per_doc = (time.perf_counter() - start) / len(docs) * 1000
        store.close()
    labels = np.array(root)
    return labels[:, None] == labels[None, :], per_doc


def main() -> None:
    config = NewscrawlConfig()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=config.near_dup_threshold)
    parser.add_argument("--perms", type=int, default=config.minhash_perms)
    parser.add_argument("--shingle", type=int, default=SHINGLE_WORDS)
    parser.add_argument("--stories", type=int, default=150)
    parser.add_argument("--variants", type=int, default=4)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()

    docs = syndication.generate(stories=args.stories, variants=args.variants, seed=args.seed)
    stories = np.array([d.story for d in docs])
    truth = stories[:, None] == stories[None, :]
    upper = np.triu(np.ones_like(truth), 1)
    prints = [fingerprint(d.text, args.perms, args.shingle) for d in docs]
    short = sum(p.signature is None for p in prints)
    sigs = np.stack([p.signature for p in prints if p.signature is not None])
    if short:
        raise SystemExit(f"{short} documents under {MIN_NEAR_WORDS} words: not near-matchable")
    sim = similarity_matrix(sigs)
    positives, negatives = int((truth & upper).sum()), int((~truth & upper).sum())
    neg_sim = sim[~truth & upper]
    # Pairs with no shared text by construction (follow-ups quote their family on purpose).
    follow = np.array([d.kind == "follow-up" for d in docs])
    unrelated = ~truth & upper & ~follow[:, None] & ~follow[None, :]
    pos_sim = sim[truth & upper]
    print(f"test set: {len(docs)} documents, {len(set(stories))} stories,"
          f" {sum(d.kind == 'original' for d in docs)} with {args.variants} copies;"
          f" {positives} duplicate pairs, {negatives} other pairs")  # fmt: skip
    print(
        f"estimated Jaccard (shingle={args.shingle}, perms={args.perms}):"
        f" duplicate pairs p1 {np.percentile(pos_sim, 1):.2f}"
        f" p5 {np.percentile(pos_sim, 5):.2f} median {np.median(pos_sim):.2f};"
        f" other pairs max {neg_sim.max():.2f}, p99.99 {np.percentile(neg_sim, 99.99):.3f}"
    )

    print("\npairs (LSH candidate and estimated Jaccard >= threshold):")
    print("| threshold | bands x rows | precision | recall | false pos | false neg"
          " | unrelated pairs sharing a band (per million) |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for threshold in sorted({*SWEEP, args.threshold}):
        banding = choose_banding(threshold, args.perms)
        cand = candidate_matrix(sigs, banding)
        precision, recall, fp, fn = score(cand & (sim >= threshold), truth)
        # Unrelated pairs that share a band cost a verification each; scaled to 1M stored.
        shared = int((cand & unrelated).sum())
        chance = f"{shared} ({shared / unrelated.sum() * 1_000_000:.1f})"
        mark = " (configured)" if threshold == args.threshold else ""
        print(f"| {threshold:.2f}{mark} | {banding.bands} x {banding.rows} | {precision:.4f}"
              f" | {recall:.4f} | {fp} | {fn} | {chance} |")  # fmt: skip

    print()
    for order_seed in (args.seed, args.seed + 1, args.seed + 2):
        clusters, per_doc = online(docs, args.threshold, args.perms, args.shingle, order_seed)
        precision, recall, fp, fn = score(clusters, truth)
        print(f"online (NearDupIndex on SQLite, threshold {args.threshold}, arrival order"
              f" seed {order_seed}): precision {precision:.4f}, recall {recall:.4f}"
              f" ({fp} false pos, {fn} false neg); {per_doc:.2f} ms per document"
              " (fingerprint + lookup + add)")  # fmt: skip


if __name__ == "__main__":
    main()
