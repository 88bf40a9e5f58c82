"""Text hygiene of the cleaner: Unicode NFC, invisible characters, whitespace, line keys."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Zero-width space, word joiner, BOM and soft hyphen carry no text (ZWJ/ZWNJ are kept: Arabic,
# Persian and emoji sequences need them), nor do C0/C1 controls other than line breaks and tab.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_PUNCT_KEY = re.compile(r"[\W_]+")


def normalise_text(text: str) -> str:
    """NFC, invisible and control characters removed (line breaks kept)."""
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text))


def normalise_line(line: str) -> str:
    """One paragraph: runs of any Unicode whitespace become one space, ends stripped."""
    return _SPACE.sub(" ", line).strip()


def split_paragraphs(text: str) -> list[str]:
    """Normalised non-empty lines of ``text``; each line is one paragraph."""
    lines = (normalise_line(line) for line in normalise_text(text).splitlines())
    return [line for line in lines if line]


def join_paragraphs(paragraphs: list[str]) -> str:
    """Paragraphs separated by one blank line."""
    return "\n\n".join(paragraphs)


def word_count(line: str) -> int:
    """Words of a line, as ``\\w+`` runs (works for Latin and Arabic script alike)."""
    return len(_WORD.findall(line))


def line_key(line: str) -> str:
    """Matching key of a line: normalised and case-folded (template lines compare on this)."""
    return normalise_line(normalise_text(line)).casefold()


def loose_key(line: str) -> str:
    """Key that ignores case, punctuation and spacing (for headline repetition)."""
    return _PUNCT_KEY.sub(" ", line_key(line)).strip()


def line_hash(line: str) -> str:
    """Stable short hash of a line's key (what the template store keeps)."""
    return hashlib.sha1(line_key(line).encode("utf-8")).hexdigest()[:20]
