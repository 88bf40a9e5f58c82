"""trafilatura's comparison with readability, skipped where readability cannot win.

Unless told ``fast``, each trafilatura text run ends in ``compare_extraction``: it runs its
readability fork on a raw copy of the page (about 4 ms a WCXB page, a twelfth of a fast
page analysis) and takes readability's text only where ``_prefer_readability`` says so. Each
of its reasons needs readability's text to be long: more than twice the run's own text, or
more than twice trafilatura's MIN_EXTRACTED_SIZE when the run's body has no paragraph text
or more tables than paragraphs (in recall runs, longer than the run's text). readability's
text is made of the page's text nodes, scripts and styles dropped, so it can be no longer
than that page text (whitespace collapsed as trafilatura's ``trim`` does; plus "VIDEO" for
each iframe readability fills). Where that bound already rules every reason out,
``compare_extraction`` gets an empty page for readability: it keeps the run's text as it
would have and goes on to its jusText check unchanged. On the 793 WCXB pages the bound
holds on 657 balanced runs and 629 precision runs, and no text changes.

Installed only over the trafilatura code it was proven against (``install``): an upgrade
that changes the decision keeps trafilatura's own comparison.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import lxml.html
import trafilatura.core
import trafilatura.external
from lxml import etree
from trafilatura.settings import Extractor
from trafilatura.utils import trim

logger = logging.getLogger(__name__)

_TRAFILATURAS_OWN = trafilatura.external.compare_extraction
# sha256 of the source of trafilatura.external's compare_extraction, _prefer_readability and
# try_readability, and of its readability fork's Document.summary and sanitize (2.3.1)
PROVEN_AGAINST = "80939165e682738f0756c98c9b6019bd3fa9a4cb88bf5b961c25b5f0686e4c56"
_DROPPED = ("script", "style", "fencedframe")  # what readability drops before it reads
_FILLED = " VIDEO"  # readability's text for an iframe that embeds a video


def proven_source() -> str:
    """The sha256 of the trafilatura code the bound depends on (see PROVEN_AGAINST); "" when
    that code's source cannot be read (an install without .py files)."""
    readability = trafilatura.external.ReadabilityDocument
    parts = (
        _TRAFILATURAS_OWN,
        trafilatura.external._prefer_readability,
        trafilatura.external.try_readability,
        readability.summary,
        readability.sanitize,
    )
    try:
        source = "".join(map(inspect.getsource, parts))
    except (OSError, TypeError):
        return ""
    return hashlib.sha256(source.encode()).hexdigest()


def readability_bound(raw_tree: etree._Element) -> int:
    """The longest text readability can return for ``raw_tree``, after dropping what
    readability drops first (the same call, so readability then finds nothing to drop). A
    precision run prunes trafilatura's discard expressions from the page before readability
    reads it: less text still."""
    for element in list(raw_tree.iter(*_DROPPED)):
        element.drop_tree()
    text = etree.tostring(raw_tree, method="text", encoding="unicode")
    return len(trim(text)) + len(_FILLED) * sum(1 for _ in raw_tree.iter("iframe"))


def readability_cannot_win(
    bound: int, body: etree._Element, len_text: int, options: Extractor
) -> bool:
    """No reason of ``_prefer_readability`` can hold for a readability text of at most
    ``bound`` characters against the run's ``body`` and text of ``len_text``."""
    if len_text == 0 or bound > 2 * len_text:
        return False
    if options.focus == "recall" and bound > len_text:
        return False
    return bound <= 2 * options.min_extracted_size or _has_paragraphs(body)


def _has_paragraphs(body: etree._Element) -> bool:
    """The run's body has paragraph text and no more tables than paragraphs."""
    return bool(body.xpath(".//p//text()")) and len(body.findall(".//table")) <= len(
        body.findall(".//p")
    )


def compare_extraction(
    cleaned_tree: Any, raw_tree: Any, body: etree._Element, text: str, options: Extractor
) -> tuple[etree._Element, str]:
    """trafilatura's ``compare_extraction``, with readability given an empty page where it
    cannot win (``raw_tree`` is trafilatura's copy, made for readability to change)."""
    if options.focus == "recall" and len(text) > options.min_extracted_size * 10:
        return _TRAFILATURAS_OWN(cleaned_tree, raw_tree, body, text, options)  # its bypass
    if readability_cannot_win(readability_bound(raw_tree), body, len(text), options):
        raw_tree = lxml.html.document_fromstring("<html><body></body></html>")
    return _TRAFILATURAS_OWN(cleaned_tree, raw_tree, body, text, options)


def install() -> bool:
    """Put ``compare_extraction`` in trafilatura's place, if its code is the one the bound was
    proven against; else keep trafilatura's and log a warning. Idempotent."""
    if proven_source() != PROVEN_AGAINST:
        logger.warning(
            "trafilatura's readability comparison changed (or its source cannot be read):"
            " it runs in full (slower)"
        )
        return False
    trafilatura.core.compare_extraction = compare_extraction
    return True


@contextmanager
def trafilaturas_own() -> Iterator[None]:
    """trafilatura's own comparison back for a while (a baseline to compare with, in the same
    process), ours again after if it was installed."""
    installed = trafilatura.core.compare_extraction
    trafilatura.core.compare_extraction = _TRAFILATURAS_OWN
    try:
        yield
    finally:
        trafilatura.core.compare_extraction = installed
