"""Publication vs update dates (newscrawl.extraction_dates): a date labelled as an update, or
declared as the modification date, is not the publication date."""

from __future__ import annotations

import lxml.html
import pytest

from newscrawl.extraction_dates import (
    guessed_published,
    headline_dates,
    iso_date,
    originally_published,
    pick_modified,
    pick_published,
)

PROSE = "The council approved the budget after a long debate about roads and schools. " * 3


def tree(line: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(
        f"<html><body><h1>Headline</h1><div><span>{line}</span></div><p>{PROSE}</p></body></html>"
    )


@pytest.mark.parametrize(
    ("line", "dates"),
    [
        ("By Jillian Kubala · Updated on March 7, 2025", [("2025-03-07", True)]),
        ("Last updated: Sep 4, 2025", [("2025-09-04", True)]),
        ("Adam Roberts Last modified on Mon 8 Dec 2025", [("2025-12-08", True)]),
        ("Mis à jour le 9 mars 2026", [("2026-03-09", True)]),
        ("Aktualisiert am 9. März 2026", [("2026-03-09", True)]),
        ("Actualizado el 9 de marzo de 2026", [("2026-03-09", True)]),
        ("Published March 2, 2024 · Updated March 7, 2025", [("2024-03-02", False), ("2025-03-07", True)]),
        ("Published | Oct 10, 2025", [("2025-10-10", False)]),
        ("Jane Doe March 7, 2025", [("2025-03-07", False)]),
    ],
)  # fmt: skip
def test_headline_dates_tell_updates_from_publications(line: str, dates: list) -> None:
    assert headline_dates(tree(line)) == dates


def test_an_updated_date_under_the_headline_loses_to_the_declared_publication() -> None:
    """healthline: "Updated on March 7, 2025", article:published_time 2018-06-12."""
    meta = {"article:published_time": "2018-06-12T07:00:00.000Z"}
    page = tree("Written by Jillian Kubala, MS, RD Updated on March 7, 2025")
    assert pick_published("2025-03-07", {}, meta, page) == "2018-06-12T07:00:00+00:00"
    assert pick_published(None, {}, meta, page) == "2018-06-12T07:00:00+00:00"


def test_an_unlabelled_date_under_the_headline_still_beats_the_declared_one() -> None:
    meta = {"article:published_time": "2018-06-12T07:00:00.000Z"}
    assert pick_published(None, {}, meta, tree("By Jane Doe March 7, 2025")) == "2025-03-07"


def test_the_publication_date_after_an_update_label_is_taken() -> None:
    page = tree("Updated March 7, 2025 · Published March 2, 2024")
    assert pick_published("2025-03-07", {}, {}, page) == "2024-03-02"


def test_an_updated_date_with_nothing_declared_is_no_publication_date() -> None:
    page = tree("By Jane Doe Updated on March 7, 2025")
    assert pick_published("2025-03-07", {}, {}, page) is None
    assert pick_modified({}, {}, page) == "2025-03-07"


def test_an_updated_date_fills_modified_only_when_none_is_declared() -> None:
    page = tree("Updated on March 7, 2025")
    assert pick_modified({"dateModified": "2025-04-01"}, {}, page) == "2025-04-01"
    assert pick_modified({}, {}, tree("By Jane Doe March 7, 2025")) is None


def test_the_declared_modification_date_is_no_publication_date() -> None:
    """htmldate falls back to article:modified_time when nothing else is on the page."""
    meta = {"article:modified_time": "2025-12-19T12:59:51+00:00"}
    assert pick_published("2025-12-19", {}, meta, tree("")) is None
    assert guessed_published("2025-12-19", {}, meta) is None


def test_the_modification_day_is_kept_when_declared_as_the_publication_day_too() -> None:
    article = {"datePublished": "2025-12-19T08:00:00Z", "dateModified": "2025-12-19T12:59:51Z"}
    assert pick_published("2025-12-19", article, {}, tree("")) == "2025-12-19T08:00:00+00:00"
    assert guessed_published("2025-12-19", article, {}) == "2025-12-19"


def test_a_guess_that_is_no_modification_date_is_kept() -> None:
    meta = {"article:modified_time": "2025-12-19T12:59:51+00:00"}
    assert guessed_published("2025-11-02", {}, meta) == "2025-11-02"
    assert pick_published("2025-11-02", {}, meta, tree("")) == "2025-11-02"


def test_the_declared_publication_beats_a_guess_that_is_the_modification_date() -> None:
    """theguardian /2025/dec/05/: htmldate reads "Last modified on Mon 8 Dec 2025"."""
    meta = {
        "article:published_time": "2025-12-05T11:00:22.000Z",
        "article:modified_time": "2025-12-08T15:40:43.000Z",
    }
    page = tree("Adam Roberts Last modified on Mon 8 Dec 2025")
    assert pick_published("2025-12-08", {}, meta, page) == "2025-12-05T11:00:22+00:00"


def test_htmldate_still_beats_a_declared_date_that_is_no_modification_date() -> None:
    meta = {"article:published_time": "2021-08-12T19:35:44+00:00"}
    assert pick_published("2025-02-22", {}, meta, tree("")) == "2025-02-22"


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("03-09-2026", "2026-03-09"),  # nationalgeographic: month first
        ("09/25/2025", "2025-09-25"),
        ("Thu, 09/25/2025 - 11:38", "2025-09-25"),
        ("13/11/2025 09:21:40", "2025-11-13"),  # no 13th month: day first
        ("02-30-2026", None),
        ("12-5-26", None),
    ],
)
def test_iso_date_reads_the_us_form(value: str, day: str | None) -> None:
    assert iso_date(value) == day


def test_a_us_form_declaration_beats_htmldate_reading_it_day_first() -> None:
    meta = {"article:published_time": "03-09-2026"}
    assert pick_published("2026-09-03", {}, meta, tree("")) == "2026-03-09"


def test_modified_is_never_before_published() -> None:
    meta = {"article:modified_time": "2026-03-07"}
    assert pick_modified({}, meta, published="2026-03-09") is None
    assert pick_modified({}, meta, published="2026-03-07T10:00:00") == "2026-03-07"
    assert pick_modified({}, meta, published="2026-03-01") == "2026-03-07"
    assert pick_modified({}, meta) == "2026-03-07"


def page(top: str, line: str = "") -> lxml.html.HtmlElement:
    """A page with ``top`` just above the headline and ``line`` under it."""
    return lxml.html.fromstring(
        "<html><body><nav><a href='/'>Home</a> <a href='/blog'>Blog</a></nav>"
        f"<div class='hero'>{top}<h1>Headline</h1></div><div>{line}</div><p>{PROSE}</p>"
        "</body></html>"
    )


def test_a_time_shown_in_a_numeric_form_gives_its_datetime() -> None:
    """ "03/01/2017" reads both ways; the <time> element says which."""
    line = '<time datetime="2017-03-01T12:00:00Z">03/01/2017</time> by Jane Doe'
    assert headline_dates(tree(line)) == [("2017-03-01", False)]
    assert pick_published("2025-06-01", {}, {}, tree(line)) == "2017-03-01"


def test_a_time_whose_datetime_is_no_iso_date_is_read_from_its_text() -> None:
    line = '<time datetime="02-12-2025">December 02, 2025</time>'
    assert headline_dates(tree(line)) == [("2025-12-02", False)]
    assert headline_dates(tree('<time datetime="02-12-2025">02-12-2025</time>')) == []


def test_a_date_line_just_above_the_headline_is_the_date_shown() -> None:
    top = "<div><span>Published</span> <span>October 14, 2025</span> in Training</div>"
    assert headline_dates(page(top, "By Jane Doe")) == [("2025-10-14", False)]
    assert pick_published("2024-02-11", {}, {}, page(top, "By Jane Doe")) == "2025-10-14"


def test_a_date_above_the_headline_comes_after_the_one_under_it() -> None:
    top = "<small>Updated <time datetime='2025-12-12'>12/12/2025</time></small>"
    lines = headline_dates(page(top, "By Jane Doe March 2, 2024"))
    assert lines == [("2024-03-02", False), ("2025-12-12", True)]


def test_a_date_far_above_the_headline_is_no_date_line() -> None:
    top = f"<p>Friday, December 19, 2025</p><p>{PROSE}</p>"
    assert headline_dates(page(top, "By Jane Doe")) == []


@pytest.mark.parametrize(
    ("line", "hints", "dates"),
    [
        ("By The Editors 12.12.2025", [], [("2025-12-12", False)]),
        ("Veröffentlicht am 25.09.2025", [], [("2025-09-25", False)]),
        ("Publié le 25/09/2025", [], [("2025-09-25", False)]),
        ("Posted 9/25/2025", [], [("2025-09-25", False)]),
        ("By Block Staff 09.10.2024", ["2024-09-10T16:07:00+00:00"], [("2024-09-10", False)]),
        ("Publié le 09/10/2024", ["2024-10-09"], [("2024-10-09", False)]),
        ("By Jane Doe 09.10.2024", [], []),  # September 10th or October 9th
        ("Version 1.2.2025", [], []),
    ],
)  # fmt: skip
def test_numeric_dates_are_read_only_when_their_order_is_known(
    line: str, hints: list[str], dates: list
) -> None:
    assert headline_dates(tree(line), hints) == dates


def test_the_declared_date_tells_the_order_of_a_numeric_date() -> None:
    article = {"datePublished": "2024-09-10T16:07:00.000Z"}
    page_ = tree("By Block Renovation 09.10.2024")
    assert pick_published("2024-09-10", article, {}, page_) == "2024-09-10T16:07:00+00:00"


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("This article was originally published on 26 Sep 2019 and has been updated.", "2019-09-26"),
        ("This page was originally published on Wednesday, March 2, 2022.", "2022-03-02"),
        ("Cet article a été publié initialement le 3 mars 2020.", "2020-03-03"),
        ("Dieser Beitrag erschien erstmals am 9. März 2020.", "2020-03-09"),
        ("Artículo publicado originalmente el 9 de marzo de 2020.", "2020-03-09"),
        ("Originally published in JMIR Mhealth and Uhealth (http://mhealth.jmir.org), 25.06.2019.", None),
        ("Originally published in March 2022.", None),
        ("These cameras first appeared in 2004.", None),
        ("The study, first published on May 2, 2024 in Nature, found that sleep helps.", None),
        ("Results were first posted on March 3, 2021 by the agency.", None),
    ],
)  # fmt: skip
def test_originally_published(line: str, day: str | None) -> None:
    assert originally_published(tree(line)) == day


def test_the_first_publication_named_in_the_text_beats_the_date_under_the_headline() -> None:
    """A copy kept up to date shows its last revision under the byline and names the day it
    was first published at its end."""
    html = (
        "<html><body><h1>Living in a tiny home</h1><p>Chris Carroll 30 Sep 2022, 11:07am</p>"
        f"<p>{PROSE}</p><p><em>This article was originally published on 26 Sep 2019 at 4:12pm"
        " but has been regularly updated.</em></p></body></html>"
    )
    page_ = lxml.html.fromstring(html)
    assert pick_published("2022-09-30", {}, {}, page_) == "2019-09-26"


def test_a_dotted_date_under_the_headline_beats_a_guess() -> None:
    """htmldate takes today's date from the page header when it cannot read "12.12.2025"."""
    assert pick_published("2025-12-19", {}, {}, tree("By The Editors 12.12.2025")) == "2025-12-12"


WEBPAGE_LD = """{"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "@id": "https://renovate.example/home-networks/",
   "name": "Home networks and cyber security",
   "datePublished": "2021-01-27T06:00:00+00:00", "dateModified": "2021-04-15T00:07:20+00:00"},
  {"@type": "WebSite", "@id": "https://renovate.example/#website", "name": "Renovate"}]}"""


@pytest.mark.parametrize("thorough", [True, False])
def test_the_webpage_dates_the_story_when_no_article_does(thorough: bool) -> None:
    """Yoast and Rank Math put datePublished on the WebPage; htmldate finds only
    article:modified_time."""
    from newscrawl.extraction import extract

    paragraphs = "".join(
        f"<p>{PROSE} Paragraph {i} about routers and firewalls.</p>" for i in range(6)
    )
    html = (
        "<html><head><title>Home networks</title>"
        '<meta property="article:modified_time" content="2021-04-15T00:07:20+00:00">'
        f'<script type="application/ld+json">{WEBPAGE_LD}</script></head>'
        f"<body><article><h1>Home networks and cyber security</h1>{paragraphs}</article>"
        "</body></html>"
    )
    ex = extract(html, "https://renovate.example/home-networks/", thorough=thorough)
    assert ex.published == "2021-01-27T06:00:00+00:00"
    assert ex.modified == "2021-04-15T00:07:20+00:00"
    assert ex.published_declared


def test_a_declared_datetime_of_the_shown_day_in_another_time_zone_gives_the_instant() -> None:
    """The page shows its local day, the declaration the same instant in UTC."""
    meta = {"article:published_time": "2025-07-05T00:04:00+00:00"}
    page_ = tree("By Alec Smith July 4, 2025")
    assert pick_published("2025-07-05", {}, meta, page_) == "2025-07-05T00:04:00+00:00"
    far = {"article:published_time": "2025-07-06T18:00:00+00:00"}  # no zone makes it July 4
    assert pick_published("2025-07-05", {}, far, page_) == "2025-07-04"


def test_a_masthead_day_above_the_menu_is_no_date_line() -> None:
    """Today's date in the masthead, then the section menu, then the headline: within the
    characters read above the headline, but the menu's words stand between."""
    top = "<p>Tuesday, December 1, 2026</p><p>World Business Sport Culture Travel</p>"
    assert headline_dates(page(top, "By Jane Doe")) == []
    assert pick_published("2024-02-11", {}, {}, page(top, "By Jane Doe")) == "2024-02-11"


def test_the_guess_is_made_only_when_the_headline_date_does_not_decide() -> None:
    """The fast mode hands pick_published htmldate as a function: a page dated under its
    headline never pays for htmldate's search."""
    calls: list[int] = []

    def guess() -> str:
        calls.append(1)
        return "2025-03-09"

    assert pick_published(guess, {}, {}, tree("Jane Doe March 7, 2025")) == "2025-03-07"
    assert calls == []
    assert pick_published(guess, {}, {}, tree("Jane Doe")) == "2025-03-09"
    assert calls == [1]
