"""PageMeta: what a page says about itself beyond the record fields (for attribution and checks)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class PageMeta:
    """Derived page metadata carried from extraction to the pipelines (never exported).

    Holds plain, picklable data only: no Response, no HTML tree.
    """

    og_type: str | None = None
    """``og:type`` content, lower-cased."""
    jsonld_types: list[str] = field(default_factory=list)
    """``@type`` values of the page's JSON-LD objects (flattened, including @graph)."""
    site_name: str | None = None
    """``og:site_name`` or ``application-name``."""
    jsonld_publisher: str | None = None
    """``publisher.name`` of the JSON-LD article object."""
    canonical_link: str | None = None
    """Absolute ``rel=canonical`` href as written on the page (may point to another site)."""
    raw_authors: list[str] = field(default_factory=list)
    """Author strings as found (JSON-LD author names, meta author, trafilatura's author)."""
    is_based_on: str | None = None
    """JSON-LD ``isBasedOn`` (URL or name) of the article object."""
    source_organization: str | None = None
    """JSON-LD ``sourceOrganization.name`` of the article object."""
    meta_tags: dict[str, str] = field(default_factory=dict)
    """``<meta name|property=... content=...>`` pairs, names lower-cased (bounded)."""
    links: list[tuple[str, str]] = field(default_factory=list)
    """(anchor text, absolute href) of links inside the article body (bounded)."""
    captions: list[str] = field(default_factory=list)
    """Image captions and credits of the article (``<figcaption>``, ``class=*caption*|*credit*``),
    which trafilatura drops from the body text; read for image credits (bounded)."""
    hints: dict[str, str] = field(default_factory=dict)
    """What a feed or news sitemap said of this URL: ``title``, ``published``, ``language``."""
    source_publisher: str | None = None
    """``publisher`` of the sources-file entry, when set."""
    source_languages: list[str] = field(default_factory=list)
    """``languages`` of the sources-file entry (empty: keep all)."""
    requested_url: str | None = None
    """The URL first requested, before redirects (also remembered by the store)."""
