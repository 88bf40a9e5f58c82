"""newscrawl.readability_bound: trafilatura's readability comparison is skipped only where
readability's text cannot win, and every text stays trafilatura's own."""

from __future__ import annotations

import copy
import logging
from pathlib import Path

import pytest
import trafilatura.core
import trafilatura.external
from lxml import etree
from trafilatura.htmlprocessing import prune_unwanted_nodes, tree_cleaning
from trafilatura.utils import trim
from trafilatura.xpaths import OVERALL_DISCARD_XPATH

from newscrawl import extraction_text, readability_bound
from newscrawl.extraction import extract, make_options, parse_html

assert extraction_text  # importing it installs the bounded comparison
TESTS = Path(__file__).parent
PAGES = sorted([*TESTS.glob("golden/*/*.html"), *TESTS.glob("fakeweb/sites/*/**/*.html")])
URL = "https://express.test/news/world/story"
PROSE = (
    "The council approved the new budget on Tuesday after a long debate about schools, "
    "roads and the future of the harbour, and officials said work would start in spring."
)


def article(paragraphs: int = 8, extra: str = "") -> str:
    """A news page whose article is most of its text."""
    body = "".join(f"<p>{PROSE} Paragraph {i}.</p>" for i in range(paragraphs))
    return (
        "<html><head><title>Budget</title><script>var tracking = 1;</script></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>Budget approved</h1>{body}{extra}"
        "</article><footer>Copyright 2026</footer></body></html>"
    )


def short_text_long_page() -> str:
    """A page where trafilatura's own run keeps a fraction of the page's text (a listing of
    many teaser blocks): the bound cannot rule readability out."""
    cards = "".join(
        f"<div class='card'><a href='/s{i}'>Story {i}</a><div>{PROSE}</div></div>"
        for i in range(12)
    )
    return f"<html><body><h1>Latest</h1><p>{PROSE}</p>{cards}</body></html>"


def readability_length(raw: etree._Element) -> int:
    """The length of readability's text for ``raw``, as trafilatura measures it."""
    result = trafilatura.external.try_readability(raw)
    return len(trim(etree.tostring(result, method="text", encoding="unicode")))


def test_importing_extraction_installs_the_bounded_comparison() -> None:
    assert trafilatura.core.compare_extraction is readability_bound.compare_extraction


def test_the_bound_was_proven_against_the_installed_trafilatura() -> None:
    assert readability_bound.proven_source() == readability_bound.PROVEN_AGAINST


def test_changed_trafilatura_code_keeps_its_own_comparison(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(readability_bound, "PROVEN_AGAINST", "another trafilatura")
    with readability_bound.trafilaturas_own():
        with caplog.at_level(logging.WARNING, logger="newscrawl.readability_bound"):
            assert readability_bound.install() is False
        assert trafilatura.core.compare_extraction is trafilatura.external.compare_extraction
        assert "runs in full" in caplog.text
    monkeypatch.undo()
    assert readability_bound.install() is True  # idempotent
    assert trafilatura.core.compare_extraction is readability_bound.compare_extraction


def test_unreadable_trafilatura_source_keeps_its_own_comparison(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_source(obj: object) -> str:
        raise OSError("could not get source code")

    monkeypatch.setattr(readability_bound.inspect, "getsource", no_source)
    assert readability_bound.proven_source() == ""
    with readability_bound.trafilaturas_own():
        assert readability_bound.install() is False
        assert trafilatura.core.compare_extraction is trafilatura.external.compare_extraction


VIDEO = "<iframe src='https://www.youtube.com/embed/abc'></iframe>"
BOUND_PAGES = [
    article(),
    article(extra=VIDEO * 3),  # readability writes "VIDEO" into each
    f"<html><body><div>{VIDEO}<p>{PROSE}</p>{VIDEO}</div></body></html>",
    short_text_long_page(),
    "<html><body><style>p {color: red}</style><p>Short.</p></body></html>",
]


@pytest.mark.parametrize(
    "html",
    [*BOUND_PAGES, *(page.read_text(errors="replace") for page in PAGES)],
    ids=[*(f"made{i}" for i in range(len(BOUND_PAGES))), *(p.name for p in PAGES)],
)
@pytest.mark.parametrize("precision", [False, True])
def test_readabilitys_text_is_never_longer_than_the_bound(html: str, precision: bool) -> None:
    tree = parse_html(html)
    readable = copy.copy(tree)
    if precision:  # what compare_extraction gives readability in a precision run
        readable = prune_unwanted_nodes(readable, OVERALL_DISCARD_XPATH)
    assert readability_length(readable) <= readability_bound.readability_bound(copy.copy(tree))


def test_a_video_page_needs_the_filled_iframes_in_its_bound() -> None:
    html = f"<html><body><div>{VIDEO}<p>{PROSE}</p>{VIDEO}</div></body></html>"
    tree = parse_html(html)
    bound = readability_bound.readability_bound(copy.copy(tree))
    assert readability_length(copy.copy(tree)) > bound - 2 * len(" VIDEO")


class ReadabilitySpy:
    """Counts the pages readability reads (an empty page is no reading)."""

    def __init__(self) -> None:
        self.pages: list[int] = []
        self.real = trafilatura.external.try_readability

    def __call__(self, raw: etree._Element) -> object:
        self.pages.append(len(trim(raw.text_content())))
        return self.real(raw)

    def reads(self) -> int:
        return sum(1 for length in self.pages if length)


def test_readability_is_not_run_where_the_article_is_the_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spy = ReadabilitySpy()
    monkeypatch.setattr(trafilatura.external, "try_readability", spy)
    extract(article(), URL, thorough=True)  # balanced and precision runs compare
    assert spy.pages  # trafilatura compared...
    assert spy.reads() == 0  # ...but gave readability only empty pages
    spy.pages.clear()
    extract(short_text_long_page(), URL, thorough=False)
    assert spy.reads() >= 1


@pytest.mark.parametrize(
    ("text_length", "bound", "paragraphs", "focus", "cannot_win"),
    [
        (1000, 2000, True, "balanced", True),
        (1000, 2001, True, "balanced", False),  # readability could be twice as long
        (0, 0, True, "balanced", False),  # an empty run always compares
        (300, 500, False, "balanced", True),  # no paragraphs, yet too short to win
        (300, 501, False, "balanced", False),  # no paragraphs: wins past 2 x 250 characters
        (1000, 1000, True, "recall", True),
        (1000, 1001, True, "recall", False),  # recall takes a longer headed text
    ],
)
def test_cannot_win_follows_each_reason_of_trafilatura(
    text_length: int, bound: int, paragraphs: bool, focus: str, cannot_win: bool
) -> None:
    body = etree.fromstring("<body><p>Text.</p></body>" if paragraphs else "<body>Text.</body>")
    options = make_options()
    options.focus = focus
    verdict = readability_bound.readability_cannot_win(bound, body, text_length, options)
    assert verdict is cannot_win


def test_a_table_page_is_not_taken_for_paragraphs() -> None:
    tables = etree.fromstring("<body><p>Text.</p><table/><table/></body>")
    options = make_options()
    assert not readability_bound.readability_cannot_win(1000, tables, 600, options)


@pytest.mark.parametrize("thorough", [True, False])
@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(TESTS)))
def test_texts_are_trafilaturas_own(page: Path, thorough: bool) -> None:
    html = page.read_text(errors="replace")
    url = f"https://{page.parts[-2]}/story" if "fakeweb" in page.parts else URL
    bounded = extract(html, url, thorough=thorough)
    with readability_bound.trafilaturas_own():
        own = extract(html, url, thorough=thorough)
    assert (bounded.text, bounded.title, bounded.authors) == (own.text, own.title, own.authors)


def first_paragraphs(count: int) -> tuple[etree._Element, str]:
    """A run's result that kept the first ``count`` paragraphs of ``article()``: body, text."""
    body = etree.Element("body")
    for i in range(count):
        etree.SubElement(body, "p").text = f"{PROSE} Paragraph {i}."
    return body, "\n".join(p.text for p in body)


@pytest.mark.parametrize("focus", ["balanced", "precision", "recall"])
def test_the_comparison_decides_as_trafilaturas_for_any_length_of_own_text(focus: str) -> None:
    """The run's text cut to 0..8 of the article's paragraphs crosses every threshold of
    trafilatura's decision: both comparisons must give the same text at each length, and
    readability must win at the short ones."""
    tree = parse_html(article(paragraphs=8))
    options = make_options()
    options.focus = focus
    cleaned = tree_cleaning(copy.copy(tree), options)
    readability_won = 0
    for count in range(9):
        body, text = first_paragraphs(count)
        ours = readability_bound.compare_extraction(
            copy.copy(cleaned), copy.copy(tree), copy.copy(body), text, options
        )[1]
        theirs = readability_bound._TRAFILATURAS_OWN(
            copy.copy(cleaned), copy.copy(tree), copy.copy(body), text, options
        )[1]
        assert ours == theirs, count
        readability_won += len(theirs) > len(text)
    assert readability_won >= 2
