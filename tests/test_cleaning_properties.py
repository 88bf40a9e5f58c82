"""Properties of clean(): never raises, idempotent, only removes (never gains characters)."""

from __future__ import annotations

import unicodedata
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscrawl.cleaning import clean
from newscrawl.cleaning.normalize import normalise_text
from tests.test_cleaning import KEPT_LINES, REMOVED_LINES

LINES = [line for line, _ in REMOVED_LINES] + KEPT_LINES
SPACES = st.sampled_from([" ", "  ", "\t", "\u00a0", "\u2003", "\u200b", "\u00ad", ""])
BREAKS = st.sampled_from(["\n", "\n\n", "\r\n", "\n \n", "\u2029", "\n\n\n"])
TITLES = st.sampled_from(["", "Kim visits Russian aircraft factory", LINES[0]])


@st.composite
def bodies(draw: st.DrawFn) -> str:
    """Bodies made of real boilerplate and prose lines, with messy spacing and fragments."""
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        line = draw(st.sampled_from(LINES) | st.text(max_size=40))
        if draw(st.booleans()):  # glue two lines or cut one: near-misses for the rules
            line = line[: draw(st.integers(0, len(line)))] + draw(st.sampled_from(LINES))
        parts.append(draw(SPACES) + line + draw(SPACES))
        parts.append(draw(BREAKS))
    return "".join(parts)


def _chars(text: str) -> Counter[str]:
    return Counter(c for c in text if not c.isspace())


PROPERTY_SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(text=st.text() | bodies(), title=TITLES)
def test_idempotent_and_never_gains_characters(text: str, title: str) -> None:
    first = clean(text, title=title)
    again = clean(first.text, title=title)
    assert again.text == first.text
    assert again.removed == []
    source = unicodedata.normalize("NFC", text)
    # only removes: no new visible character, and no growth beyond the paragraph separators
    assert not _chars(first.text) - _chars(source)
    assert len(first.text.replace("\n\n", "\n")) <= len(source)
    assert all(r.text and r.text == r.text.strip() for r in first.removed)


@PROPERTY_SETTINGS
@given(text=bodies(), language=st.sampled_from([None, "en", "fr", "de", "es", "ar", "zz"]))
def test_removed_pieces_come_from_the_text(text: str, language: str | None) -> None:
    result = clean(text, language=language, template_lines=LINES[:3])
    source = " ".join(normalise_text(text).split())
    for piece in result.removed:
        assert piece.text in source
    assert result.text == result.text.strip()
    assert "\n\n\n" not in result.text
