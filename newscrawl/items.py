"""The clean record: the contract of ../shared/contract.md section 3, as dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from newscrawl.cleaning.model import RemovedLine
from newscrawl.pagemeta import PageMeta

SCHEMA_VERSION = 1


@dataclass
class Attribution:
    """Who this copy credits, and the evidence for it."""

    original_source: str | None = None
    """Display name of the outlet this copy credits ("Daily Express", "Reuters"), or None."""
    original_url: str | None = None
    """URL of the original article when the page links it, or None."""
    image_credits: list[str] = field(default_factory=list)
    """Agencies or people credited for images ("Getty", "AFP"), in order of appearance."""
    evidence: list[str] = field(default_factory=list)
    """Exact lines removed from the text that said so, plus ``meta: <name>=<value>`` items."""

    def to_dict(self) -> dict[str, Any]:
        """Plain dict in contract order."""
        return {
            "original_source": self.original_source,
            "original_url": self.original_url,
            "image_credits": list(self.image_credits),
            "evidence": list(self.evidence),
        }


@dataclass
class ArticleRecord:
    """One clean article. Contract fields first, in contract order; transient fields last."""

    schema_version: int = SCHEMA_VERSION
    """Version of this record layout (contract section 3)."""
    id: str = ""
    """Stable id: hex hash of ``canonical_url``."""
    url: str = ""
    """URL the article was fetched from, after redirects."""
    canonical_url: str = ""
    """Normalized canonical URL (same-site rel=canonical, tracking parameters removed)."""
    source: str = ""
    """``name`` of the sources-file entry that found it."""
    domain: str = ""
    """Registered host of ``url``."""
    publisher: str = ""
    """The site that published this copy."""
    title: str = ""
    """Headline."""
    text: str = ""
    """Clean body text, paragraphs separated by a blank line."""
    authors: list[str] = field(default_factory=list)
    """Bylines: the people who signed, else the house byline; never an agency; may be empty."""
    published: str | None = None
    """ISO 8601 date or datetime of publication, or None."""
    modified: str | None = None
    """ISO 8601 date or datetime of the last modification, or None."""
    language: str = "und"
    """ISO 639-1 code from langdetect, or "und"."""
    language_score: float = 0.0
    """langdetect probability of ``language``."""
    attribution: Attribution = field(default_factory=Attribution)
    """Original source, original URL, image credits and evidence."""
    word_count: int = 0
    """Words in ``text``."""
    content_hash: str = ""
    """Hash of the normalized text; exact duplicates share it."""
    duplicate_of: str | None = None
    """``id`` of the earlier record this one duplicates (only when duplicates are kept)."""
    fetched_at: str = ""
    """ISO 8601 UTC time of the fetch."""
    crawl_id: str = ""
    """Id of the run that produced this record."""

    # Transient: carried between pipeline stages, never exported nor stored.
    page: PageMeta | None = field(default=None, repr=False, metadata={"transient": True})
    removed: list[RemovedLine] = field(
        default_factory=list, repr=False, metadata={"transient": True}
    )

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain dict with exactly the contract fields, in order."""
        out: dict[str, Any] = {}
        for name in CONTRACT_FIELDS:
            value = getattr(self, name)
            if isinstance(value, Attribution):
                value = value.to_dict()
            elif isinstance(value, list):
                value = list(value)
            out[name] = value
        return out


CONTRACT_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(ArticleRecord) if not f.metadata.get("transient")
)
"""Names of the contract fields, in contract order (used by FEED_EXPORT_FIELDS and the store)."""
