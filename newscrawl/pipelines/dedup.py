"""Dedup stage: content hash, then URL, exact and near duplicates against the store; drop or keep.

Settings: NEWSCRAWL_KEEP_DUPLICATES, NEWSCRAWL_NEAR_DUP_THRESHOLD, NEWSCRAWL_MINHASH_PERMS
(and NEWSCRAWL_STORE, where the index lives between runs).
Stats: ``newscrawl/duplicate/url|exact|near`` (also per source), ``newscrawl/duplicate/kept``.
"""

from __future__ import annotations

import logging
from typing import Any

from newscrawl import stats
from newscrawl.crawlstate import crawler_config, crawler_pool, crawler_store
from newscrawl.dedup.fingerprints import fingerprint
from newscrawl.dedup.index import URL, NearDupIndex
from newscrawl.drops import DuplicateArticle
from newscrawl.items import ArticleRecord
from newscrawl.pipelines.store import record_urls
from newscrawl.store import Store
from newscrawl.workers import WorkerPool

logger = logging.getLogger(__name__)


class DedupPipeline:
    """Sets ``content_hash``; drops duplicates (or, when kept, sets ``duplicate_of``).

    - url: an article with the same id, or known under one of its URLs, is already stored or
      was seen earlier in this run. Always dropped (the record exists), never stored again;
      its URLs (an AMP or print variant) are added to the stored record's, so the incremental
      middleware does not fetch them on the next run.
    - exact: same content hash as an indexed original.
    - near: estimated Jaccard similarity >= threshold with an indexed original (texts of
      fewer than MIN_NEAR_WORDS words are matched exactly only).

    The first stored copy wins: ``duplicate_of`` is its id. A dropped exact or near duplicate
    is still written to the store (with ``duplicate_of`` set, its attribution evidence
    included) so syndication can be analysed and its URLs are not fetched again; it never
    reaches the feed. With ``keep_duplicates`` it is emitted and the store stage writes it.
    An original is indexed here, at once, so a copy arriving later in the same run is caught
    at once; its record is written in the same transaction as its index entries, so a crash
    cannot leave it indexed but unstored (skipped by every later run).
    """

    def __init__(
        self,
        store: Store,
        threshold: float = 0.45,
        num_perm: int = 128,
        keep_duplicates: bool = False,
        stats_collector: Any = None,
        pool: WorkerPool | None = None,
    ) -> None:
        self.store = store
        self.index = NearDupIndex(store, threshold, num_perm)
        self.keep_duplicates = keep_duplicates
        self.stats = stats_collector
        self.pool = pool or WorkerPool(1)
        self.crawler: Any = None
        self._seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Any) -> DedupPipeline:
        config = crawler_config(crawler)
        pipeline = cls(
            crawler_store(crawler),
            threshold=config.near_dup_threshold,
            num_perm=config.minhash_perms,
            keep_duplicates=config.keep_duplicates,
            stats_collector=crawler.stats,
            pool=crawler_pool(crawler),
        )
        pipeline.crawler = crawler
        return pipeline

    async def process_item(self, item: ArticleRecord) -> ArticleRecord:
        if self._url_seen(item):
            self._count(URL, item)
            if self.store.has_article(item.id):  # next run, this variant is not fetched
                self.store.add_urls(item.id, record_urls(item))
            raise DuplicateArticle(f"already stored: {item.url}", log_level="DEBUG")
        self._seen.add(item.id)
        # MinHash is CPU work (about 1 ms for a 1,000-word text): the worker pool runs it.
        fp = await self.pool.run(fingerprint, item.text, self.index.num_perm, self.index.shingle)
        item.content_hash = fp.content_hash
        # One atomic lookup-or-index (no await, advisory locks between workers): two copies
        # cannot both pass as originals, in one run or in several workers at once. An original
        # is written in the same transaction (the store stage then finds it written).
        kind, original = self.index.match_or_add(
            item.id, fp, write=lambda: self.store.add_article(item.to_dict(), record_urls(item))
        )
        if original is None:
            return item
        if original == item.id:  # another worker indexed this very article meanwhile
            self._count(URL, item)
            self.store.add_urls(item.id, record_urls(item))
            raise DuplicateArticle(f"already stored: {item.url}", log_level="DEBUG")
        item.duplicate_of = original
        self._count(kind, item)
        if self.keep_duplicates:
            self._inc(stats.DUPLICATE_KEPT)
            return item
        self.store.add_article(item.to_dict(), record_urls(item))
        raise DuplicateArticle(f"{kind} duplicate of {original}: {item.url}", log_level="DEBUG")

    def _url_seen(self, item: ArticleRecord) -> bool:
        if item.id in self._seen or self.store.has_article(item.id):
            return True
        return bool(self.store.known_urls(u for u in (item.url, item.canonical_url) if u))

    def _count(self, kind: str, item: ArticleRecord) -> None:
        key = f"{stats.DUPLICATE}/{kind}"
        self._inc(key)
        self._inc(stats.per_source(key, item.source))

    def _inc(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(key)
