"""Extraction: headline without the site suffix, ISO dates, clean authors, typed failures."""

from __future__ import annotations

import json

import pytest

from newscrawl.extraction import ExtractionError, extract
from newscrawl.extraction_dates import iso_date
from newscrawl.extraction_meta import clean_author, strip_site_suffix

BODY = " ".join(
    [
        "The city council approved the new budget on Tuesday after a long debate about",
        "spending on schools, roads and public transport in the coming year.",
    ]
    * 4
)


def page(head: str = "", body_top: str = "", jsonld: dict | None = None) -> str:
    script = f'<script type="application/ld+json">{json.dumps(jsonld)}</script>' if jsonld else ""
    return (
        f"<html><head>{head}{script}</head><body><nav><a href='/'>Home</a></nav><article>"
        f"{body_top}<p>{BODY}</p><p>{BODY}</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("head", "jsonld", "url"),
    [
        (
            '<title>Council approves budget - The Herald</title><meta property="og:site_name" content="The Herald">',
            None,
            "https://herald.example/a",
        ),
        (
            "<title>Council approves budget | Herald News</title>",
            {"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Herald News"}},
            "https://x.example/a",
        ),
        (
            "<title>Council approves budget :: heraldnews.example</title>",
            None,
            "https://www.heraldnews.example/a",
        ),
        (
            "<title>The Herald | Council approves budget</title>",
            {"@type": "Article", "publisher": {"name": "The Herald"}},
            "https://x.example/a",
        ),
    ],
)
def test_title_without_site_name(head: str, jsonld: dict | None, url: str) -> None:
    assert extract(page(head, jsonld=jsonld), url).title == "Council approves budget"


def test_visible_headline_preferred_when_metadata_agrees() -> None:
    head = '<meta property="og:title" content="Council approves budget | Opinion | The Herald">'
    html = page(head, body_top="<h1>Council approves budget</h1>")
    assert extract(html, "https://herald.example/a").title == "Council approves budget"


def test_suffix_kept_when_it_is_not_the_site() -> None:
    sites = {"the herald"}
    assert strip_site_suffix("Budget: what changes - The Herald", sites) == "Budget: what changes"
    assert strip_site_suffix("Schools - a debate", sites) == "Schools - a debate"


def test_dates_are_iso_and_refined_by_jsonld() -> None:
    jsonld = {
        "@type": "NewsArticle",
        "datePublished": "2024-03-05T08:30:00+01:00",
        "dateModified": "2024-03-06T10:00:00Z",
    }
    html = page('<meta property="article:published_time" content="2024-03-05">', jsonld=jsonld)
    ex = extract(html, "https://herald.example/2024/03/05/budget")
    assert ex.published == "2024-03-05T08:30:00+01:00"
    assert ex.modified == "2024-03-06T10:00:00+00:00"


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T08:30:00Z", "2024-03-05T08:30:00+00:00"),
        ("20240305", "2024-03-05"),
        ("2024-02-30", None),
        ("last Tuesday", None),
        ("", None),
    ],
)
def test_iso_date(raw: str, iso: str | None) -> None:
    assert iso_date(raw) == iso


def test_authors_people_first_and_cleaned() -> None:
    jsonld = {
        "@type": "NewsArticle",
        "author": [
            {"@type": "Person", "name": "By Jane Smith"},
            {"@type": "Person", "name": "John O&#39;Neil"},
            {"@type": "Organization", "name": "Herald Staff"},
        ],
    }
    html = page('<meta name="author" content="admin">', jsonld=jsonld)
    assert extract(html, "https://herald.example/a").authors == ["Jane Smith", "John O'Neil"]


def test_byline_in_page_when_metadata_has_none() -> None:
    byline = '<div class="post-meta"><span class="author-name"><a href="/author/jane">Jane Smith</a></span></div>'
    assert extract(page(body_top=byline), "https://herald.example/a").authors == ["Jane Smith"]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("By Jane Smith", "Jane Smith"),
        ("Supermove February 8, 2024", "Supermove"),
        ("undefined", None),
        ("jsmith_84", None),
        ("news@herald.example", None),
        ("https://herald.example/author/jane", None),
        ("Maria &amp; Katerina", "Maria & Katerina"),
    ],
)
def test_clean_author(raw: str, clean: str | None) -> None:
    assert clean_author(raw) == clean


def test_failures_are_typed() -> None:
    with pytest.raises(ExtractionError) as err:
        extract("", "https://herald.example/a")
    assert err.value.reason == "unparsable"
    with pytest.raises(ExtractionError) as err:
        extract("<html></html>", "https://herald.example/a")
    assert err.value.reason == "no_text"


def test_a_date_only_in_free_text_is_searched_for_only_without_a_feed_date() -> None:
    """htmldate's extensive search finds a date in running text; with ``guess_date=False``
    (the feed or sitemap gives the date, and it would win) the slow search is skipped."""
    prose = "<p>" + "The council met again to discuss the budget and the library. " * 8 + "</p>"
    filed = "<p>This story was filed on March 5, 2024 by our desk, updated later.</p>"
    html = (
        "<html><head><title>Budget</title></head><body><article><h1>Budget</h1>"
        f"{prose}{prose}{filed}</article></body></html>"
    )
    assert extract(html, "https://herald.example/a").published == "2024-03-05"
    assert extract(html, "https://herald.example/a", guess_date=False).published is None


@pytest.mark.parametrize("thorough", [True, False])
def test_both_extraction_modes_read_the_same_metadata(thorough: bool) -> None:
    byline = '<p class="byline">By Jane Smith</p>'
    html = page(head='<meta property="og:title" content="Council approves budget">',
                body_top=byline)  # fmt: skip
    ex = extract(html, "https://herald.example/a", thorough=thorough)
    assert ex.title == "Council approves budget"
    assert ex.authors == ["Jane Smith"]
    assert len(ex.text.split()) > 50


def test_captions_and_credits_are_read_from_the_article_not_from_page_furniture() -> None:
    from newscrawl.extraction import parse_html, read_page_meta

    story = "The council approved the budget after a long debate about roads. " * 10
    html = (
        "<html><body><header><span class='caption'>Site logo</span></header>"
        f"<article><p>{story}</p><figure><img src='a.jpg'><figcaption>Kim in Moscow"
        " (Image: Getty)</figcaption></figure><span class='Photo-CREDIT'>Photo: AP</span>"
        "<aside><p class='caption'>Related: other story</p></aside>"
        "<div class='wp-caption-text'>  The factory\n floor </div></article>"
        "<footer><p class='credit'>Site by Agency</p></footer></body></html>"
    )
    page = read_page_meta(parse_html(html), "https://example.com/a")
    assert page.captions == ["Kim in Moscow (Image: Getty)", "Photo: AP", "The factory floor"]
