"""The duplicate index kept in the store: content-hash claims, MinHash signatures, LSH bands.

Tables are in the DEDUP section of newscrawl/store/schema.py. A near-duplicate lookup is one
query: a probe of the ``dedup_bands`` primary-key index per band, then one primary-key read
per candidate; its cost depends on the number of bands and candidates, not on how many
articles are stored. Candidates are verified by estimated Jaccard similarity, so a chance
band collision never makes a duplicate.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from newscrawl.dedup.fingerprints import (
    SHINGLE_WORDS,
    Fingerprint,
    band_keys,
    choose_banding,
    fingerprint,
    jaccard,
    pack_signature,
    unpack_signature,
)
from newscrawl.store import Store
from newscrawl.store.base import lock_key

logger = logging.getLogger(__name__)

LAYOUT_VERSION = 1
"""Bumped when fingerprints change incompatibly: stored signatures are then recomputed."""
_LAYOUT = "layout"
_SIGNATURE_KEYS = ("version", "num_perm", "shingle")  # a change here needs the texts again
_REBUILD_CHUNK = 2000
URL, EXACT, NEAR = "url", "exact", "near"


def doc_key(article_id: str) -> int:
    """63-bit integer key of an article id: the compact join column of the band table."""
    digest = hashlib.blake2b(article_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little") >> 1


class NearDupIndex:
    """Exact and near-duplicate lookups against the originals already indexed in the store.

    ``threshold`` is the estimated Jaccard similarity (of word shingles) from which two texts
    are the same story; ``num_perm`` the MinHash signature length. Both fix the LSH banding
    (see fingerprints.choose_banding). Only originals are indexed: every duplicate points to
    the first stored copy of its story.
    """

    def __init__(
        self, store: Store, threshold: float, num_perm: int, shingle: int = SHINGLE_WORDS
    ) -> None:
        self.store = store
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        self.banding = choose_banding(threshold, num_perm)
        self._last_added = 0
        self._sync_layout()

    # --- exact duplicates -------------------------------------------------------------------
    def hash_owner(self, content_hash: str) -> str | None:
        """Id of the original that claimed this content hash, or None."""
        rows = self.store.query(
            "SELECT article_id FROM dedup_hashes WHERE content_hash = ?", (content_hash,)
        )
        return rows[0][0] if rows else None

    def claim_hash(self, content_hash: str, article_id: str) -> str:
        """Claim ``content_hash`` for ``article_id`` unless already claimed; returns the owner."""
        with self.store.transaction():
            self.store.execute(
                "INSERT INTO dedup_hashes (content_hash, article_id) VALUES (?, ?)"
                " ON CONFLICT (content_hash) DO NOTHING",
                (content_hash, article_id),
            )
            return self.hash_owner(content_hash) or article_id

    # --- the race-safe decision --------------------------------------------------------------
    def match_or_add(
        self, article_id: str, fp: Fingerprint, write: Callable[[], object] | None = None
    ) -> tuple[str, str | None]:
        """Find the original of ``fp``, or index ``article_id`` as one: one atomic decision.

        Returns ``(kind, original_id)``; ``original_id`` is None when this article is now the
        indexed original. Kind ``url`` with ``original_id == article_id``: another worker has
        indexed this very article meanwhile. Workers sharing a store serialize on advisory
        locks of the article id, the content hash and every LSH band key of the signature: two
        near copies share a band key (that is how they are found), so the second waits for
        the first to commit and then finds it.

        ``write`` is called inside that transaction when ``article_id`` becomes the original,
        so the record commits with its index entries: a crash or a failed write between two
        transactions would leave entries that point at no record, and every later run would
        drop the article as already indexed.
        """
        keys = [doc_key(article_id), lock_key(fp.content_hash)]
        if fp.signature is not None:
            keys.extend(int(k) for k in band_keys(fp.signature, self.banding))
        with self.store.transaction():
            self.store.lock(*keys)
            if self.store.query(
                "SELECT 1 FROM dedup_signatures WHERE doc = ?", (doc_key(article_id),)
            ) or self.store.has_article(article_id):
                return URL, article_id
            original = self.hash_owner(fp.content_hash)
            if original is not None:
                return (URL if original == article_id else EXACT), original
            if fp.signature is not None:
                original = self.find(fp.signature)
                if original is not None:
                    return NEAR, original
            self.add(article_id, fp.signature, fp.content_hash)
            if write is not None:
                write()
            return NEAR, None

    # --- near duplicates --------------------------------------------------------------------
    def find(self, signature: np.ndarray) -> str | None:
        """Id of the earliest indexed original within the threshold of ``signature``, or None."""
        keys = [int(k) for k in band_keys(signature, self.banding)]
        marks = ",".join("?" * len(keys))
        rows = self.store.query(
            "SELECT article_id, added, signature FROM dedup_signatures WHERE doc IN"
            f" (SELECT doc FROM dedup_bands WHERE band_key IN ({marks}))",
            keys,
        )
        best: tuple[int, str] | None = None
        for article_id, added, packed in rows:
            if jaccard(signature, unpack_signature(packed)) < self.threshold:
                continue
            if best is None or (added, article_id) < best:
                best = (added, article_id)
        return best[1] if best else None

    def add(
        self, article_id: str, signature: np.ndarray | None, content_hash: str | None = None
    ) -> None:
        """Index an original: claim its content hash (if given) and store its signature/bands.

        One transaction; ``signature`` None (a text too short to near-match) indexes the hash
        only.
        """
        with self.store.transaction():
            if content_hash:
                self.claim_hash(content_hash, article_id)
            if signature is not None:
                self._insert(article_id, signature, self._now())

    def _insert(self, article_id: str, signature: np.ndarray, added: int) -> None:
        doc = doc_key(article_id)
        cur = self.store.execute(
            "INSERT INTO dedup_signatures (doc, article_id, added, signature) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (doc) DO NOTHING",
            (doc, article_id, added, pack_signature(signature)),
        )
        if cur.rowcount == 0:
            logger.debug("Near-dup index already holds %s (or its 63-bit key)", article_id)
            return
        self._insert_bands([doc], band_keys(signature, self.banding)[None, :])

    def _insert_bands(self, docs: list[int], keys: np.ndarray) -> None:
        self.store.executemany(
            "INSERT INTO dedup_bands (band_key, doc) VALUES (?, ?)"
            " ON CONFLICT (band_key, doc) DO NOTHING",
            ((int(k), doc) for doc, row in zip(docs, keys, strict=True) for k in row),
        )

    def _now(self) -> int:
        """Insertion time in ns, strictly increasing within this process."""
        self._last_added = max(time.time_ns(), self._last_added + 1)
        return self._last_added

    # --- layout and rebuilds -------------------------------------------------------------------
    def layout(self) -> dict[str, int]:
        """What stored signatures and band keys depend on."""
        return {
            "version": LAYOUT_VERSION,
            "num_perm": self.num_perm,
            "shingle": self.shingle,
            "bands": self.banding.bands,
            "rows": self.banding.rows,
        }

    def _sync_layout(self) -> None:
        """Make the stored index match this layout, rebuilding what a settings change broke."""
        want = self.layout()
        rows = self.store.query("SELECT value FROM dedup_meta WHERE name = ?", (_LAYOUT,))
        have: dict[str, Any] | None = json.loads(rows[0][0]) if rows else None
        if have == want:
            return
        with self.store.transaction():
            self.store.lock(lock_key("newscrawl:dedup-layout"))  # one worker rebuilds
            rows = self.store.query("SELECT value FROM dedup_meta WHERE name = ?", (_LAYOUT,))
            have = json.loads(rows[0][0]) if rows else None
            if have == want:
                return
            if have is not None and all(have.get(k) == want[k] for k in _SIGNATURE_KEYS):
                self._rebuild_bands()
            else:
                self._reindex_articles()
            self.store.execute(
                "INSERT INTO dedup_meta (name, value) VALUES (?, ?)"
                " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (_LAYOUT, json.dumps(want, sort_keys=True)),
            )

    def _rebuild_bands(self) -> None:
        """Recompute every band key from the stored signatures (the threshold changed)."""
        logger.info("Near-dup index: re-banding stored signatures as %s", self.banding)
        self.store.execute("DELETE FROM dedup_bands")
        cur = self.store.execute("SELECT doc, signature FROM dedup_signatures")
        while chunk := cur.fetchmany(_REBUILD_CHUNK):
            sigs = np.stack([unpack_signature(packed) for _, packed in chunk])
            self._insert_bands([doc for doc, _ in chunk], band_keys(sigs, self.banding))

    def _reindex_articles(self) -> None:
        """Fingerprint every stored original again (new store, or signatures changed)."""
        for table in ("dedup_bands", "dedup_signatures", "dedup_hashes"):
            self.store.execute(f"DELETE FROM {table}")
        count = 0
        for record in self.store.iter_records("duplicate_of IS NULL"):
            fp = fingerprint(record.get("text") or "", self.num_perm, self.shingle)
            self.claim_hash(fp.content_hash, record["id"])
            if fp.signature is not None:
                self._insert(record["id"], fp.signature, self._now())
            count += 1
        if count:
            logger.info("Near-dup index: indexed %d stored articles (%s)", count, self.layout())
