"""Accounting stage (first): counts every item that enters the pipelines, overall and per source.

With ``newscrawl/items/emitted`` (store stage) and Scrapy's ``item_dropped_count`` this gives
the invariant the tests check: processed = emitted + dropped.
"""

from __future__ import annotations

from typing import Any

from newscrawl import stats
from newscrawl.items import ArticleRecord


class AccountingPipeline:
    """Counts ``newscrawl/items/processed`` (and per source); changes nothing."""

    def __init__(self, stats_collector: Any = None) -> None:
        self.stats = stats_collector

    @classmethod
    def from_crawler(cls, crawler: Any) -> AccountingPipeline:
        return cls(crawler.stats)

    def process_item(self, item: ArticleRecord) -> ArticleRecord:
        if self.stats is not None:
            self.stats.inc_value(stats.ITEMS_PROCESSED)
            self.stats.inc_value(stats.per_source(stats.ITEMS_PROCESSED, item.source))
        return item
