"""Golden pages: extract() + clean() give exactly the expected headline, text and removed lines.

Each case in tests/golden/cleaning/ is a page (<name>.html, written to look like a real news
template in en/ar/fr/de/es) and its expectation (<name>.json: url, title, text, removed with
kind and exact text), written from what the article says, not from what the code printed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newscrawl.cleaning import LineKind, clean
from newscrawl.extraction import extract

GOLDEN = Path(__file__).parent / "golden" / "cleaning"
CASES = sorted(p.stem for p in GOLDEN.glob("*.json"))


def test_enough_cases_in_five_languages() -> None:
    assert len(CASES) >= 25
    assert {name.split("_")[0] for name in CASES} == {"en", "ar", "fr", "de", "es"}


@pytest.mark.parametrize("name", CASES)
def test_golden_page(name: str) -> None:
    expected = json.loads((GOLDEN / f"{name}.json").read_text("utf-8"))
    html = (GOLDEN / f"{name}.html").read_text("utf-8")
    extraction = extract(html, expected["url"])
    result = clean(extraction.text, title=extraction.title)
    assert extraction.title == expected["title"]
    assert result.text == expected["text"]
    assert [(r.kind, r.text) for r in result.removed] == [
        (LineKind(r["kind"]), r["text"]) for r in expected["removed"]
    ]
