"""Store stage: write every record that survived the pipeline into the article store.

Settings: NEWSCRAWL_STORE. Stats: ``newscrawl/store/written``, ``newscrawl/items/emitted``.
"""

from __future__ import annotations

from typing import Any

from newscrawl import stats
from newscrawl.crawlstate import crawler_store
from newscrawl.items import ArticleRecord
from newscrawl.store import Store


def record_urls(item: ArticleRecord) -> list[str]:
    """Every URL the record is known under: fetched, canonical, and first requested."""
    urls = [item.url, item.canonical_url]
    if item.page and item.page.requested_url:
        urls.append(item.page.requested_url)
    return urls


class StorePipeline:
    """Last stage: one small transaction per record, so a crash never loses written records.

    An original has already been written by the dedup stage, in the transaction that indexed
    it (``add_article`` then changes nothing); this stage writes kept duplicates, and every
    record when the dedup stage is not in ITEM_PIPELINES.

    Batching was measured (docs/benchmarks.md, Throughput): on SQLite it saves 0.3 ms of wall
    time a record, 0.2% of what a page costs, and would hold records counted as written in an
    open transaction; not worth it.
    """

    def __init__(self, store: Store, stats_collector: Any = None) -> None:
        self.store = store
        self.stats = stats_collector

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        return cls(crawler_store(crawler), crawler.stats)

    def process_item(self, item: ArticleRecord) -> ArticleRecord:
        self.store.add_article(item.to_dict(), record_urls(item))
        if self.stats is not None:
            self.stats.inc_value(stats.STORE_WRITTEN)
            self.stats.inc_value(stats.ITEMS_EMITTED)
            self.stats.inc_value(stats.per_source(stats.ITEMS_EMITTED, item.source))
        return item
