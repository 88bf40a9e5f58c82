"""Article detection: hubs never become records; articles need evidence and a body."""

from __future__ import annotations

import pytest

from newscrawl.discovery.pagetype import classify, classify_url
from newscrawl.pagemeta import PageMeta

ARTICLE_META = PageMeta(og_type="article", jsonld_types=["NewsArticle"])


@pytest.mark.parametrize(
    "url",
    [
        "http://express.test/",
        "http://express.test/tag/russia",
        "http://express.test/author/jane-smith",
        "http://express.test/news/world?page=2",
        "http://express.test/category/sport/",
        "http://express.test/search?q=kim",
        "http://express.test/news/page/3",
        "http://express.test/2026/11/",
        "http://express.test/archives/2025/11/",
        "http://express.test/tag/some-long-topic-name-here",
    ],
)
def test_hub_urls_are_never_articles(url: str) -> None:
    verdict = classify(url, ARTICLE_META, word_count=900)
    assert not verdict.is_article
    assert classify_url(url) is not None


@pytest.mark.parametrize(
    "url",
    [  # real article URLs (WCXB pages) that once read as hubs
        "https://www.theatlantic.com/education/archive/2014/04/plato-to-plumbers/361373/",
        "https://www.commercialappeal.com/story/opinion/contributors/2025/11/28/memphis-schools/87654321007/",
        "https://www.edweek.org/leadership/why-hasnt-tutoring-been-more-effective/2025/11",
        "https://svs.gsfc.nasa.gov/4974",  # a page id, not a year
    ],
)  # fmt: skip
def test_article_urls_with_hub_words_or_numbers_are_left_to_the_page(url: str) -> None:
    assert classify_url(url) is None
    assert classify(url, ARTICLE_META, word_count=900).is_article


@pytest.mark.parametrize(
    ("meta", "url", "reason"),
    [
        (PageMeta(jsonld_types=["NewsArticle"]), "http://a.test/x", "jsonld"),
        (PageMeta(og_type="article"), "http://a.test/x", "og_type"),
        (PageMeta(), "http://a.test/news/2026/11/kim-visits", "dated_url"),
        (PageMeta(), "http://a.test/news/kim-visits-russian-aircraft-factory", "slug_and_body"),
    ],
)
def test_article_evidence(meta: PageMeta, url: str, reason: str) -> None:
    verdict = classify(url, meta, word_count=300)
    assert verdict.is_article
    assert verdict.reason == reason


def test_short_body_is_not_an_article() -> None:
    assert classify("http://a.test/news/2026/11/x", ARTICLE_META, 12).reason == "short_body"


def test_website_pages_without_article_signal() -> None:
    assert not classify("http://a.test/about-us", PageMeta(og_type="website"), 400).is_article
    assert not classify("http://a.test/contact", PageMeta(), 400).is_article
    hub = PageMeta(jsonld_types=["CollectionPage"])
    assert classify("http://a.test/news/world", hub, 400).reason == "hub_schema"
