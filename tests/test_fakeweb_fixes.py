"""Rules fixed after the fake web's end-to-end goldens showed them wrong (small, general)."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, XmlResponse
from scrapy.utils.test import get_crawler

from newscrawl.attribution.registry import tidy_name
from newscrawl.cleaning import clean
from newscrawl.cleaning.model import LineKind
from newscrawl.extraction import Extraction
from newscrawl.sources import Source
from newscrawl.spiders.news import NewsSpider

TITLE = "Grève à la SNCF : le trafic fortement perturbé dans le Sud"
BODY = (
    "Les usagers du rail devront s'armer de patience ce week-end, à l'appel de plusieurs syndicats."
)


def test_headline_under_a_section_kicker_is_removed_with_the_kicker() -> None:
    result = clean(f"Actualité\n\n{TITLE}\n\n{BODY}", title=TITLE)
    assert result.text == BODY
    assert [(r.kind, r.text) for r in result.removed] == [
        (LineKind.NAVIGATION, "Actualité"),
        (LineKind.TITLE, TITLE),
    ]


def test_a_sentence_before_the_headline_is_not_a_kicker() -> None:
    lead = "Le trafic sera perturbé, a prévenu la direction."
    result = clean(f"{lead}\n\n{TITLE}\n\n{BODY}", title=TITLE)
    assert result.text == f"{lead}\n\n{TITLE}\n\n{BODY}"


@pytest.mark.parametrize(
    "line",
    ["Par Marie Dupont — publié le", "By Jane Smith | Updated 10:15, Sun, Nov 30, 2026"],
)
def test_byline_with_a_date_clause_is_removed(line: str) -> None:
    result = clean(f"{line}\n\n{BODY}")
    assert result.text == BODY
    assert [r.kind for r in result.removed] == [LineKind.BYLINE]


def test_byline_rule_still_leaves_prose_alone() -> None:
    line = "Par ailleurs, la direction a publié un communiqué — publié le soir même."
    assert clean(f"{line}\n\n{BODY}").text == f"{line}\n\n{BODY}"


def test_outlet_named_quotidien_de_is_a_name_not_a_descriptor() -> None:
    assert tidy_name("Le Quotidien du Sud") == "Le Quotidien du Sud"
    assert tidy_name("Le Quotidien d'Oran") == "Le Quotidien d'Oran"
    assert tidy_name("le quotidien Ouest-France") == "Ouest-France"


@pytest.mark.parametrize(
    ("declared", "hint", "expected"),
    [
        (True, "2026-11-28T09:30:00+00:00", "2026-11-29"),  # the page declares its date
        (False, "2026-11-28T09:30:00+00:00", "2026-11-28T09:30:00+00:00"),  # htmldate guessed
        (False, None, "2026-11-29"),  # a guess beats nothing
    ],
)
def test_feed_date_beats_a_guessed_page_date(
    declared: bool, hint: str | None, expected: str
) -> None:
    ex = Extraction(published="2026-11-29", published_declared=declared)
    hints = {"published": hint} if hint else {}
    assert NewsSpider._published(ex, hints) == expected


def test_feed_hints_reach_a_page_first_requested_from_a_link() -> None:
    """An article linked from a start page and listed in the feed is fetched once, through
    whichever request came first; the feed's hints apply all the same."""
    url = "http://valleyherald.test/news/local/harbour-swing-bridge-reopens-after-repairs"
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Herald</title>'
        f"<item><title>Harbour bridge reopens</title><link>{url}</link>"
        "<pubDate>Sat, 28 Nov 2026 09:30:00 +0000</pubDate></item></channel></rss>"
    )
    spider = NewsSpider()
    spider._set_crawler(get_crawler(NewsSpider))  # no store, no worker pool: not needed here
    source = Source(name="herald", start_urls=("http://valleyherald.test/",))
    spider.sources = {"herald": source}
    feed_url = "http://valleyherald.test/feed.rss"
    list(spider.parse_feed(XmlResponse(feed_url, body=feed.encode()), "herald"))
    page = HtmlResponse(url, body=b"<html></html>", request=Request(url, meta={}))
    hints = spider._hints_of(page)  # as parse_page reads them
    record = spider._item(page, source, Extraction(text="The swing bridge reopened."), hints)
    assert record.title == "Harbour bridge reopens"
    assert record.published == "2026-11-28T09:30:00+00:00"
