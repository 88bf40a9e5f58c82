"""Template lines are learned per domain across different pages, remembered, and guarded."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from newscrawl.cleaning import LineKind
from newscrawl.cleaning.templates import TemplateMemory
from newscrawl.drops import ExtractionFailed
from newscrawl.items import ArticleRecord
from newscrawl.pipelines.cleaning import CLEANING_EMPTY, TEMPLATES_LEARNED, CleaningPipeline
from newscrawl.store import Store, open_store

FOOTER = "Elrisala is an independent news website founded in 2010 in Cairo."
TOPICS = ["floods", "elections", "football", "markets", "space", "music", "health", "trains"]


def article(n: int, extra: str = FOOTER) -> str:
    """A different body for each n: two long paragraphs, then a short site line."""
    topic = TOPICS[n % len(TOPICS)]
    long_one = f"Story {n} about {topic}: " + " ".join(f"{topic}{n}word{i}" for i in range(45))
    long_two = f"More on {topic} number {n}, " + " ".join(f"detail{n}x{i}" for i in range(45))
    return f"{long_one}\n\n{long_two}\n\n{extra}"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(f"sqlite:///{tmp_path}/s.sqlite3")
    yield s
    s.close()


def test_line_on_four_different_pages_is_learned(store: Store) -> None:
    memory = TemplateMemory(min_pages=4, max_words=40)
    learned_at = [memory.observe(store, "elrisala.example", article(n)) for n in range(5)]
    assert learned_at == [[], [], [], [FOOTER], []]
    assert memory.lines(store, "elrisala.example") == [FOOTER]
    assert memory.lines(store, "other.example") == []


def test_same_article_fetched_again_does_not_count(store: Store) -> None:
    memory = TemplateMemory(min_pages=3, max_words=40)
    for _ in range(6):
        assert memory.observe(store, "a.example", article(1)) == []
    # a lightly edited copy (same long paragraphs, another short line) is the same page
    for extra in ("Updated at 10:00", "Updated at 11:00"):
        assert memory.observe(store, "a.example", article(1, f"{FOOTER}\n\n{extra}")) == []
    assert memory.lines(store, "a.example") == []


def test_long_prose_is_never_learned(store: Store) -> None:
    memory = TemplateMemory(min_pages=2, max_words=10)
    sentence = "The company did not respond to a request for comment on the matter."
    for n in range(6):
        memory.observe(store, "a.example", article(n, sentence))
    assert memory.lines(store, "a.example") == []


def test_rare_recurring_sentence_is_not_learned(store: Store) -> None:
    memory = TemplateMemory(min_pages=4, max_words=40)
    quote = "The White House did not respond to a request for comment."
    for n in range(40):
        memory.observe(store, "a.example", article(n, quote if n % 10 == 0 else "Thanks."))
    assert quote not in memory.lines(store, "a.example")


def test_learned_lines_survive_a_new_run(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/s.sqlite3"
    first = open_store(url)
    memory = TemplateMemory(min_pages=2, max_words=40)
    for n in range(2):
        memory.observe(first, "a.example", article(n))
    first.close()
    second = open_store(url)
    try:
        assert TemplateMemory(min_pages=2, max_words=40).lines(second, "a.example") == [FOOTER]
    finally:
        second.close()


def test_memory_is_bounded(store: Store) -> None:
    memory = TemplateMemory(min_pages=4, max_words=40, window=20, refresh_every=10, cache_domains=2)
    for n in range(60):
        memory.observe(store, "a.example", article(n, f"Unique short line {n}"))
    rows = store.query(
        "SELECT COUNT(*), MIN(seq) FROM template_candidates WHERE domain = ?", ("a.example",)
    )
    count, oldest = rows[0]
    assert count <= 30  # only the window of recent pages is kept
    assert oldest > 60 - 30
    for domain in ("b.example", "c.example", "d.example"):
        memory.lines(store, domain)
    assert len(memory._cache) == 2


def test_pipeline_cleans_learns_and_counts(tmp_path: Path) -> None:
    crawler = get_crawler(
        settings_dict={
            "NEWSCRAWL_STORE": f"sqlite:///{tmp_path}/s.sqlite3",
            "NEWSCRAWL_TEMPLATE_MIN_PAGES": 3,
            "NEWSCRAWL_WORKERS": 2,  # the rules run in real worker processes
        }
    )
    crawler.stats.open_spider()
    pipeline = CleaningPipeline.from_crawler(crawler)
    assert pipeline.crawler is crawler
    assert not pipeline.pool.inline
    items = []
    for n in range(5):
        body = f"Headline {n}\n\n{article(n)}\n\nSource: Daily Express\n\nBack to top button"
        item = ArticleRecord(
            url=f"https://elrisala.example/{n}",
            domain="elrisala.example",
            title=f"Headline {n}",
            text=body,
        )
        items.append(asyncio.run(pipeline.process_item(item)))
    pipeline.pool.close()
    for item in items[:3]:
        assert item.text == "\n\n".join(article(items.index(item)).split("\n\n"))
    assert items[4].text == "\n\n".join(article(4).split("\n\n")[:2])
    assert [(r.kind, r.text) for r in items[4].removed] == [
        (LineKind.TITLE, "Headline 4"),
        (LineKind.TEMPLATE, FOOTER),  # in text order; static rules keep their credit kinds
        (LineKind.SOURCE_CREDIT, "Source: Daily Express"),
        (LineKind.NAVIGATION, "Back to top button"),
    ]
    get = crawler.stats.get_value
    assert get("newscrawl/cleaning/removed/title") == 5
    assert get("newscrawl/cleaning/removed/source_credit") == 5
    assert get("newscrawl/cleaning/removed/template") == 2
    assert get(TEMPLATES_LEARNED) == 1


def test_pipeline_drops_an_item_with_nothing_left(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/s.sqlite3")
    crawler = get_crawler()
    crawler.stats.open_spider()
    pipeline = CleaningPipeline(store, stats_collector=crawler.stats)
    item = ArticleRecord(
        url="https://a.example/x", domain="a.example", text="Related Articles\n\nPhoto: AFP"
    )
    with pytest.raises(ExtractionFailed):
        asyncio.run(pipeline.process_item(item))
    assert crawler.stats.get_value(CLEANING_EMPTY) == 1
    assert [r.kind for r in item.removed] == [LineKind.RELATED, LineKind.IMAGE_CREDIT]
    store.close()
