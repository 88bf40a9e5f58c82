"""Golden pages: extract() -> clean() -> AttributionPipeline give the expected attribution.

Each case in tests/golden/attribution/ is a page (<name>.html, a real-looking template in
en/ar/fr/de/es: wire copies, aggregator copies, republished articles, metadata-credited copies,
originals, and originals that merely mention agencies in prose) and its expectation
(<name>.json: publisher, original_source, original_url, image_credits, authors), written from
what the page says. The chain is the production one: the cleaner runs without a language, as
CleaningPipeline runs it (the language is only known after cleaning).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newscrawl.attribution import load_registry
from newscrawl.cleaning import clean
from newscrawl.extraction import extract
from newscrawl.items import ArticleRecord
from newscrawl.pipelines.attribution import AttributionPipeline

GOLDEN = Path(__file__).parent / "golden" / "attribution"
CASES = sorted(p.stem for p in GOLDEN.glob("*.json"))
FIELDS = ("publisher", "original_source", "original_url", "image_credits", "authors")


def run_chain(html: str, url: str) -> tuple[ArticleRecord, list[str]]:
    """The record after attribution, and the texts of the lines the cleaner removed."""
    extraction = extract(html, url)
    result = clean(extraction.text, title=extraction.title)
    record = ArticleRecord(
        url=url,
        title=extraction.title,
        text=result.text,
        authors=extraction.authors,
        page=extraction.page,
        removed=result.removed,
    )
    return AttributionPipeline().process_item(record), [r.text for r in result.removed]


def load(name: str) -> tuple[dict[str, Any], str]:
    expected = json.loads((GOLDEN / f"{name}.json").read_text("utf-8"))
    return expected, (GOLDEN / f"{name}.html").read_text("utf-8")


def test_enough_cases_in_five_languages_and_all_templates() -> None:
    assert len(CASES) >= 40
    kinds = [load(name)[0]["kind"] for name in CASES]
    assert {name.split("_")[0] for name in CASES} == {"en", "ar", "fr", "de", "es"}
    assert {"wire", "aggregator", "republished", "metadata", "original", "mention"} <= set(kinds)
    assert kinds.count("mention") >= 5


@pytest.mark.parametrize("name", CASES)
def test_golden_page(name: str) -> None:
    expected, html = load(name)
    record, removed = run_chain(html, expected["url"])
    found = record.to_dict()
    got = {
        "publisher": found["publisher"],
        "authors": found["authors"],
        **{k: v for k, v in found["attribution"].items() if k != "evidence"},
    }
    assert got == {k: expected[k] for k in FIELDS}
    evidence = record.attribution.evidence
    # Evidence is exactly removed lines (verbatim) or named metadata items, and backs each tag.
    assert all(e in removed or e.startswith("meta: ") for e in evidence)
    if expected["original_source"] or expected["image_credits"]:
        assert evidence
    else:
        assert evidence == []


@pytest.mark.parametrize("name", [n for n in CASES if load(n)[0]["kind"] == "mention"])
def test_mention_pages_name_an_outlet_in_the_kept_text(name: str) -> None:
    """The prose of a mention-only page does name an agency, and it stays in the text."""
    expected, html = load(name)
    record, _ = run_chain(html, expected["url"])
    registry = load_registry()
    words = record.text.replace("،", " ").replace(",", " ").split()
    named = {
        outlet.name
        for i in range(len(words))
        for n in (1, 2, 3)
        if (outlet := registry.lookup(" ".join(words[i : i + n]).strip(".\"'()"))) is not None
        and outlet.kind == "agency"
    }
    assert named, "a mention-only page must mention an agency in its prose"
    assert record.attribution.original_source is None
