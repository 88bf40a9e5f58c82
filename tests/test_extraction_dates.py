"""Publication vs update dates (newscrawl.extraction_dates): a date labelled as an update, or
declared as the modification date, is not the publication date."""

from __future__ import annotations

import lxml.html
import pytest

from newscrawl.extraction_dates import (
    guessed_published,
    headline_dates,
    iso_date,
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
