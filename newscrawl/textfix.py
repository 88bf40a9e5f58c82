"""Text hygiene before extraction: decode page bytes right, repair mojibake in extracted text.

Sites often declare the wrong charset (a windows-1252 page served as UTF-8) or none at all,
and some store text that was already decoded wrongly once ("CafÃ©"). ``decode_body`` picks the
encoding the way browsers do, most reliable evidence first; ``repair_text`` undoes mojibake
with ftfy, only when the text shows its signature (so clean text costs almost nothing).
"""

from __future__ import annotations

import codecs
import logging
import re

import ftfy

logger = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.\-]+)""", re.I)
_UTF = {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32"}
# Latin single-byte guesses are read as windows-1252, the superset browsers use for them.
_LATIN = {"latin-1", "iso8859-1", "ascii", "cp1252", "iso8859-15", "cp1250", "iso8859-2"}
_LATIN |= {"mac-roman", "cp1257", "iso8859-9", "cp1254"}

# A UTF-8 lead byte read as latin-1/cp1252 ("Ã", "Â", "â", "Ø") followed by what a UTF-8
# continuation byte becomes: the signature of mojibake.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]"
)
# Mojibake whose second character is a C1 control ("â\x80\x99" for "’"): no page has those
# in its text, and the extractors drop them, leaving a lone "â" the text repair cannot undo,
# so such a page is repaired as a whole before extraction (12 of the 793 WCXB pages).
_C1_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u009f]")
_C1_CONTROLS = tuple(map(chr, range(0x80, 0xA0)))
# What is left of a mojibake no-break space ("Â\xa0") once the no-break space itself became a
# plain space or a line break (trafilatura does that before our repair can see the pair): a
# lone "Â" before whitespace. A word in capitals may end in "Â" (Portuguese, Vietnamese), so
# one after a capital letter stays.
_NBSP_RESIDUE = re.compile(r"(?<![A-Z\u00c0-\u00de])\u00c2(?=\s|$)")
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,  # "&amp;" in extracted text is text
    uncurl_quotes=False,  # typographic quotes are content
    fix_latin_ligatures=False,
    fix_character_width=False,
    normalization="NFC",
    explain=False,
)


def decode_body(body: bytes, declared_encoding: str | None) -> str:
    """Decode an HTML body: BOM, valid UTF-8, declared charset, <meta>, detection, cp1252.

    UTF-8 is tried before the declared charset because a strict UTF-8 decode of non-UTF-8
    bytes almost always fails, while pages declaring latin-1 but sending UTF-8 are common. A
    declared or detected latin-1/ascii is read as windows-1252, as browsers do (WHATWG).
    """
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(encoding, errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    head = body[:4096]
    sniffed = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    candidates = [
        declared_encoding,
        sniffed.group(1).decode("ascii", "ignore") if sniffed else None,
    ]
    for name in candidates:
        text = _try(body, _codec(name))
        if text is not None:
            return text
    text = _detect(body)
    if text is not None:
        return text
    return body.decode("cp1252", errors="replace")


def repair_page(html: str) -> str:
    """A page stored with mojibake that carries C1 controls, repaired before extraction; other
    pages are returned unchanged."""
    # a page with no C1 control cannot hold the pair: 32 substring searches cost about a
    # third of the pattern's scan of a whole page
    if not any(control in html for control in _C1_CONTROLS) or not _C1_MOJIBAKE.search(html):
        return html
    return ftfy.fix_text(html, _FTFY)


def repair_text(text: str) -> str:
    """Undo mojibake ("CafÃ©" -> "Café", "Ø§Ù„" -> "ال", "solutionsÂ are" -> "solutions are");
    other text is returned unchanged."""
    if not text:
        return text
    if _MOJIBAKE.search(text):
        text = ftfy.fix_text(text, _FTFY)
    if "\u00c2" in text:
        text = _NBSP_RESIDUE.sub("", text)
    return text


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except (LookupError, ValueError):
        return None
    if codec in _UTF:
        return None  # already failed as UTF-8: the declaration is wrong
    return "cp1252" if codec in _LATIN else codec


def _try(body: bytes, codec: str | None) -> str | None:
    if codec is None:
        return None
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(body: bytes) -> str | None:
    """charset_normalizer's guess (installed with trafilatura); None when unsure."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - optional
        return None
    best = from_bytes(body[:65536]).best()
    if best is None:
        return None
    codec = _codec(best.encoding) or best.encoding
    return _try(body, codec) or _try(body, best.encoding)
