"""Language stage: tag language (langdetect, deterministic), count words, apply the source's filter.

Stats: ``newscrawl/language/<code>``, ``newscrawl/language/dropped``.
"""

from __future__ import annotations

from typing import Any

from newscrawl import stats
from newscrawl.crawlstate import crawler_pool
from newscrawl.drops import LanguageNotWanted
from newscrawl.items import ArticleRecord
from newscrawl.language import UNDETERMINED, detect_language
from newscrawl.workers import WorkerPool


class LanguagePipeline:
    """Sets ``language``, ``language_score`` and ``word_count``; drops unwanted languages.

    langdetect is CPU work (about 10 ms a page): it runs in the crawl's worker pool.
    """

    def __init__(self, stats_collector: Any = None, pool: WorkerPool | None = None) -> None:
        self.stats = stats_collector
        self.pool = pool or WorkerPool(1)

    @classmethod
    def from_crawler(cls, crawler: Any) -> LanguagePipeline:
        return cls(crawler.stats, crawler_pool(crawler))

    async def process_item(self, item: ArticleRecord) -> ArticleRecord:
        code, score = await self.pool.run(detect_language, item.text)
        hint = item.page.hints.get("language") if item.page else None
        if code == UNDETERMINED and hint:
            code = hint  # the feed or news sitemap knows; langdetect could not tell
        item.language, item.language_score = code, score
        item.word_count = len(item.text.split())
        self._inc(f"{stats.LANGUAGE_DETECTED}/{code}")
        wanted = item.page.source_languages if item.page else []
        if wanted and code not in wanted:
            self._inc(stats.LANGUAGE_DROPPED)
            raise LanguageNotWanted(f"language {code!r} not in {wanted} for {item.url}")
        return item

    def _inc(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(key)
