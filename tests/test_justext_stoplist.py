"""newscrawl.justext_stoplist: trafilatura's jusText fallback classifies every paragraph as it
did with its own stoplist, from one frozenset that jusText no longer copies."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path

import justext.core
import pytest
import trafilatura.external
from justext.core import ParagraphMaker, classify_paragraphs, revise_paragraph_classification
from justext.utils import get_stoplist, get_stoplists
from trafilatura.baseline import basic_cleaning

from newscrawl import extraction_text, justext_stoplist
from newscrawl.extraction import parse_html

assert extraction_text  # importing it installs the stoplist
TESTS = Path(__file__).parent
PAGES = sorted([*TESTS.glob("golden/*/*.html"), *TESTS.glob("fakeweb/sites/*/**/*.html")])
# trafilatura's own arguments to classify_paragraphs and revise_paragraph_classification
CLASSIFY = (50, 150, 0.1, 0.2, 0.25, True)


@cache
def trafilaturas_stoplist() -> tuple[str, ...]:
    """The stoplist trafilatura's own ``jt_stoplist_init`` builds."""
    return tuple({word for language in get_stoplists() for word in get_stoplist(language)})


def classes(page: Path, stoplist: object) -> list[tuple[str, str]]:
    """Each paragraph's context-free and final class, as trafilatura's fallback computes them."""
    tree = basic_cleaning(copy.deepcopy(parse_html(page.read_bytes())))
    paragraphs = ParagraphMaker.make_paragraphs(tree)
    classify_paragraphs(paragraphs, stoplist, *CLASSIFY)
    revise_paragraph_classification(paragraphs, 150)
    return [(paragraph.cf_class, paragraph.class_type) for paragraph in paragraphs]


def test_importing_extraction_installs_both_replacements() -> None:
    assert trafilatura.external.jt_stoplist_init is justext_stoplist.all_languages
    assert justext.core.define_stoplist is justext_stoplist.define_stoplist


def test_install_is_idempotent() -> None:
    justext_stoplist.install()
    justext_stoplist.install()
    assert justext.core.define_stoplist is justext_stoplist.define_stoplist
    assert trafilatura.external.jt_stoplist_init is justext_stoplist.all_languages


def test_all_languages_holds_the_words_jusText_would_hold() -> None:
    stoplist = justext_stoplist.all_languages()
    assert isinstance(stoplist, frozenset)
    assert stoplist == justext_stoplist._JUSTEXTS_OWN(trafilaturas_stoplist())
    assert trafilatura.external.JT_STOPLIST is stoplist


def test_a_lower_case_frozenset_is_not_copied() -> None:
    stoplist = justext_stoplist.all_languages()
    assert justext.core.define_stoplist(stoplist) is stoplist
    words = frozenset({"the", "and", "of", "newscrawl"})
    assert justext.core.define_stoplist(words) is words


def test_the_stoplist_is_built_once() -> None:
    assert justext_stoplist.all_languages() is justext_stoplist.all_languages()


def test_other_stoplists_are_lower_cased_as_jusText_does() -> None:
    mixed = ("The", "AND", "of")
    assert justext_stoplist.define_stoplist(mixed) == frozenset({"the", "and", "of"})
    upper = frozenset({"Der", "die"})
    assert justext_stoplist.define_stoplist(upper) == frozenset({"der", "die"})


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(TESTS)))
def test_paragraph_classes_are_jusTexts_own(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ours = classes(page, justext_stoplist.all_languages())
    monkeypatch.setattr(justext.core, "define_stoplist", justext_stoplist._JUSTEXTS_OWN)
    theirs = classes(page, trafilaturas_stoplist())
    assert ours == theirs


def test_the_fallback_extracts_the_same_text(monkeypatch: pytest.MonkeyPatch) -> None:
    page = next(page for page in PAGES if "golden" in page.parts)
    tree = parse_html(page.read_bytes())
    ours = trafilatura.external.try_justext(copy.deepcopy(tree), None, None)
    monkeypatch.setattr(justext.core, "define_stoplist", justext_stoplist._JUSTEXTS_OWN)
    monkeypatch.setattr(trafilatura.external, "JT_STOPLIST", trafilaturas_stoplist())
    theirs = trafilatura.external.try_justext(copy.deepcopy(tree), None, None)
    assert [p.text for p in ours] == [p.text for p in theirs]
    assert ours.findall("p")


def test_trafilaturas_fallback_takes_our_stoplist(monkeypatch: pytest.MonkeyPatch) -> None:
    """Guards an upgrade of trafilatura or jusText: their own code must still call the hooks."""
    monkeypatch.setattr(trafilatura.external, "JT_STOPLIST", None)
    seen: list[object] = []
    monkeypatch.setattr(
        justext.core, "define_stoplist", lambda words: seen.append(words) or frozenset(words)
    )
    page = next(page for page in PAGES if "golden" in page.parts)
    trafilatura.external.try_justext(parse_html(page.read_bytes()), None, None)
    assert trafilatura.external.JT_STOPLIST is justext_stoplist.all_languages()
    assert seen == [justext_stoplist.all_languages()]
    assert seen[0] is justext_stoplist.all_languages()
