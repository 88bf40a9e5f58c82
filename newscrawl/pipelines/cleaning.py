"""Cleaning stage: static rules plus the domain's learned template lines; learns new ones.

Settings: NEWSCRAWL_TEMPLATE_MIN_PAGES, NEWSCRAWL_TEMPLATE_MAX_WORDS (and NEWSCRAWL_STORE,
where template lines are remembered across runs).
Stats: ``newscrawl/cleaning/removed/<kind>`` per removed piece,
``newscrawl/cleaning/templates_learned``, ``newscrawl/cleaning/empty`` (item dropped with
ExtractionFailed because nothing was left).
"""

from __future__ import annotations

import logging
from typing import Any

from newscrawl import stats
from newscrawl.cleaning.templates import TemplateMemory, clean_and_read
from newscrawl.crawlstate import crawler_config, crawler_pool, crawler_store
from newscrawl.drops import ExtractionFailed
from newscrawl.items import ArticleRecord
from newscrawl.store import Store
from newscrawl.workers import WorkerPool

logger = logging.getLogger(__name__)

TEMPLATES_LEARNED = f"{stats.PREFIX}/cleaning/templates_learned"
CLEANING_EMPTY = f"{stats.PREFIX}/cleaning/empty"


class CleaningPipeline:
    """Sets ``item.text`` (clean) and ``item.removed`` (every removed piece, with its kind).

    Reads ``item.text``, ``item.title`` and ``item.domain``. All languages' rules apply: the
    language is only known after this stage, and every rule is anchored on its own keywords.
    Template lines are learned online: a line is removed from the pages that come after the
    one on which it was learned (and from every page of later runs). The rules run in the
    crawl's worker pool (about 9 ms a page); learning stays here, with the store.
    """

    def __init__(
        self,
        store: Store,
        template_min_pages: int = 4,
        template_max_words: int = 40,
        stats_collector: Any = None,
        pool: WorkerPool | None = None,
    ) -> None:
        self.store = store
        self.pool = pool or WorkerPool(1)
        self.templates = TemplateMemory(template_min_pages, template_max_words)
        self.stats = stats_collector
        self.crawler: Any = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> CleaningPipeline:
        config = crawler_config(crawler)
        pipeline = cls(
            crawler_store(crawler),
            template_min_pages=config.template_min_pages,
            template_max_words=config.template_max_words,
            stats_collector=crawler.stats,
            pool=crawler_pool(crawler),
        )
        pipeline.crawler = crawler
        return pipeline

    async def process_item(self, item: ArticleRecord) -> ArticleRecord:
        learned = self.templates.lines(self.store, item.domain)
        result, page = await self.pool.run(
            clean_and_read, item.text, item.title, learned, self.templates.max_words
        )
        item.text = result.text
        item.removed = result.removed
        for piece in result.removed:
            self._inc(f"{stats.CLEANING_REMOVED}/{piece.kind.value}")
        if not result.text:
            self._inc(CLEANING_EMPTY)
            raise ExtractionFailed(f"nothing left after cleaning: {item.url}")
        new = self.templates.observe(self.store, item.domain, page)
        if new:
            self._inc(TEMPLATES_LEARNED, len(new))
        return item

    def _inc(self, key: str, count: int = 1) -> None:
        if self.stats is not None:
            self.stats.inc_value(key, count)
