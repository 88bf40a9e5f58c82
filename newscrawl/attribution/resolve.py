"""attribute() and resolve_publisher(): removed credit lines and page metadata -> attribution."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from newscrawl import authors
from newscrawl.attribution.credits import LineCredit, candidates, image_parties, read_line
from newscrawl.attribution.registry import (
    Registry,
    domain_of,
    load_registry,
    name_key,
    site_domain,
    squeeze,
    tidy_domain,
    tidy_name,
)
from newscrawl.cleaning.model import LineKind, RemovedLine
from newscrawl.items import Attribution
from newscrawl.pagemeta import PageMeta

logger = logging.getLogger(__name__)

SOURCE_KINDS = (LineKind.SOURCE_CREDIT, LineKind.DATELINE, LineKind.BYLINE)
# Precedence of the ways a page credits an outlet (lower wins; ties: lines in removal order,
# then metadata). "Originally appeared on X" names this copy's original; "Source: X" names
# its source; a dateline or Reuters' sign-off names the wire; "Avec AFP", an agency byline or
# author name the contributing agency; a copyright line or a bare name only when registered.
RANKS = {
    "origin": 0, "isBasedOn": 0, "syndication-source": 0, "original-source": 0,
    "label": 1, "dc.source": 1, "dcterms.source": 1, "sourceOrganization": 1,
    "dateline": 2, "signoff": 2, "canonical": 2,
    "byline": 3, "lead": 3, "author": 3,
    "copyright": 4, "bare": 4,
}  # fmt: skip
IMAGE_KINDS = (LineKind.CAPTION, LineKind.IMAGE_CREDIT, LineKind.SOURCE_CREDIT)
# Meta tags publishers use to point at the original of a syndicated copy.
SYNDICATION_TAGS = ("syndication-source", "original-source", "dc.source", "dcterms.source")
MAX_META_VALUE = 300
# A publisher name or domain label this long found inside a credit means the same site.
MIN_SELF_KEY = 5


@dataclass(frozen=True, slots=True)
class _Signal:
    """One place that credits an outlet: a removed line or a metadata item."""

    name: str  # display name of the credited outlet
    evidence: str  # the removed line verbatim, or "meta: <name>=<value>"
    rank: int  # precedence (RANKS)
    url: str | None = None  # the original's URL when this signal gives one


def attribute(
    removed: Sequence[RemovedLine],
    page: PageMeta,
    *,
    url: str,
    publisher: str,
    registry: Registry | None = None,
) -> Attribution:
    """Whom this copy credits, from the cleaner's removed lines and the page's metadata only.

    Never reads the clean text, so prose that mentions an agency credits no one. The
    publisher of this copy is never its own original source. Pure; never raises on data.
    """
    reg = registry or load_registry()
    own_domain = site_domain(url)
    signals: list[_Signal] = []
    images: list[str] = []
    image_lines: list[str] = []
    credits = {id(line): read_line(line, reg) for line in removed}
    for line in removed:
        if line.kind in SOURCE_KINDS:
            signals += _line_signals(line, credits[id(line)], reg)
    for line in removed:
        if line.kind in IMAGE_KINDS:
            credit = credits[id(line)]
            if credit.images:
                image_lines.append(line.text)
            images += [name for name in credit.images if name not in images]
    lines = {line.text for line in removed}
    caption_items: list[str] = []
    for caption in page.captions:  # captions trafilatura dropped from the body
        parties = image_parties(caption, reg, known=True) if caption not in lines else ()
        if parties:
            caption_items.append(f"meta: caption={caption}")
        images += [name for name in parties if name not in images]
    signals += _meta_signals(page, reg, own_domain)
    signals.sort(key=lambda s: s.rank)  # stable: document order within a rank
    credited = [s for s in signals if not _is_publisher(s, publisher, own_domain, reg)]
    source = credited[0].name if credited else None
    chosen = [s for s in credited if source is not None and _same(s.name, source)]
    evidence = list(dict.fromkeys([s.evidence for s in chosen]))
    # Removed lines first (in the order they were removed), then metadata items.
    ordered = [t for t in dict.fromkeys([line.text for line in removed]) if t in evidence
               or t in image_lines]  # fmt: skip
    ordered += [e for e in evidence if e not in lines]
    ordered += list(dict.fromkeys(caption_items))
    original_url = _original_url(chosen, source, page, own_domain, reg) if source else None
    if len(credited) > len(chosen):
        logger.debug("Credits other than %s on %s: %s", source, url,
                     sorted({s.name for s in credited} - {source}))  # fmt: skip
    return Attribution(
        original_source=source,
        original_url=original_url,
        image_credits=images,
        evidence=ordered,
    )


# og:site_name values that name a section or nothing ("Blog" on a company's blog).
GENERIC_SITE_NAMES = frozenset({"blog", "the blog", "news", "home", "homepage", "website"})
_TAGLINE_SEP = re.compile(r"\s+[-|–—·]\s+")
MAX_NAME_WORDS = 5
MIN_TAGLINE_WORDS = 4  # fewer is a second name ("The Times | The Sunday Times")


def _without_tagline(name: str) -> str:
    """A site name without the tagline written after it ("Housecall Pro - The #1 all-in-one
    solution for home services" -> "Housecall Pro"); a name of two parts stays whole."""
    head, *rest = _TAGLINE_SEP.split(name, maxsplit=1)
    tagline = rest[0] if rest else ""
    if head and len(head.split()) <= MAX_NAME_WORDS and len(tagline.split()) >= MIN_TAGLINE_WORDS:
        return head
    return name


def resolve_publisher(page: PageMeta, url: str, *, registry: Registry | None = None) -> str:
    """The site that published this copy: the sources file's ``publisher`` when set, else
    og:site_name, else the JSON-LD publisher, else the domain (registry name or tidied)."""
    reg = registry or load_registry()
    if page.source_publisher and page.source_publisher.strip():
        return " ".join(page.source_publisher.split())
    for value in (page.site_name, page.jsonld_publisher):
        name = _without_tagline(" ".join((value or "").split()))
        if name and len(name) <= 100 and name.casefold() not in GENERIC_SITE_NAMES:
            outlet = reg.lookup(name)
            return outlet.name if outlet is not None else tidy_name(name) or name
    outlet = reg.by_domain(url) if url else None
    if outlet is not None:
        return outlet.name
    return tidy_domain(url) if url else ""


# --- signals ---------------------------------------------------------------------------
def _line_signals(line: RemovedLine, credit: LineCredit, reg: Registry) -> list[_Signal]:
    out = []
    url = credit.urls[0] if credit.urls else None
    open_name = credit.form == "origin"  # "originally appeared on X" always names an outlet
    for raw in credit.sources:
        outlet = reg.lookup(raw)
        if outlet is None and (credit.strict or not _outlet_like(raw, reg, open_name)):
            continue
        name = outlet.name if outlet is not None else _tidy_credit(raw)
        if name:
            out.append(_Signal(name, line.text, RANKS[credit.form], url))
    return out


def _meta_signals(page: PageMeta, reg: Registry, own_domain: str) -> list[_Signal]:
    items: list[tuple[str, str]] = []
    if page.is_based_on:
        items.append(("isBasedOn", page.is_based_on))
    if page.source_organization:
        items.append(("sourceOrganization", page.source_organization))
    items += [(tag, page.meta_tags[tag]) for tag in SYNDICATION_TAGS if page.meta_tags.get(tag)]
    canonical = page.canonical_link or ""
    cross_site = site_domain(canonical) not in ("", own_domain)
    if canonical.startswith(("http://", "https://")) and cross_site:
        items.append(("canonical", canonical))
    out = []
    for key, raw in items:
        value = " ".join(raw.split())[:MAX_META_VALUE]
        evidence = f"meta: {key}={value}"
        if domain_of(value) is not None:
            outlet = reg.by_domain(value)
            name = outlet.name if outlet is not None else tidy_domain(value)
            is_url = value.startswith(("http://", "https://"))
            out.append(_Signal(name, evidence, RANKS[key], value if is_url else None))
            continue
        for raw_name in candidates(value, reg):
            outlet = reg.lookup(raw_name)
            if outlet is not None or _outlet_like(raw_name, reg):
                name = outlet.name if outlet else _tidy_credit(raw_name)
                out.append(_Signal(name, evidence, RANKS[key]))
                break
    for raw in page.raw_authors:  # "By Reuters", "AFP" as the article's author
        _people, agencies = authors.clean_authors([raw], registry=reg)
        value = " ".join(raw.split())[:MAX_META_VALUE]
        out += [_Signal(name, f"meta: author={value}", RANKS["author"]) for name in agencies[:1]]
    return out


def _outlet_like(raw: str, reg: Registry, open_name: bool = False) -> bool:
    """An unknown credited name that may stand as an outlet: not generic, not a data source,
    and (unless the credit form names an outlet for sure) reading as an outlet."""
    name = _tidy_credit(raw)
    letters = sum(c.isalpha() for c in name)
    if letters < 2 or reg.is_generic(name) or reg.is_data_source(name):
        return False
    return open_name or reg.reads_as_outlet(raw)


def _tidy_credit(raw: str) -> str:
    domain = domain_of(raw)
    return tidy_domain(domain) if domain else tidy_name(raw)


# --- publisher and original URL ----------------------------------------------------------
def _same(a: str, b: str) -> bool:
    ka, kb = name_key(a), name_key(b)
    return bool(ka) and (ka == kb or squeeze(ka) == squeeze(kb))


def _is_publisher(signal: _Signal, publisher: str, own_domain: str, reg: Registry) -> bool:
    """True when the signal names the site that published this copy: same name, registered
    outlet or domain, a longer form of its name ("DigitalOcean Community"), or a host that
    carries its name ("m.economictimes.com" for The Economic Times)."""
    name = signal.name
    if publisher and _same(name, publisher):
        return True
    outlet = reg.lookup(name)
    if outlet is not None and outlet is (reg.by_domain(own_domain) or reg.lookup(publisher)):
        return True
    own_label = squeeze(name_key(own_domain.split(".")[0])) if own_domain else ""
    mine = {k for k in (own_label, squeeze(name_key(publisher))) if len(k) >= MIN_SELF_KEY}
    if domain_of(name) == own_domain or own_label == squeeze(name_key(name)):
        return True
    words, pub_words = name_key(name).split(), name_key(publisher).split()
    if words and pub_words and len(pub_words[0]) >= MIN_SELF_KEY:
        shorter = min(len(words), len(pub_words))
        if words[:shorter] == pub_words[:shorter]:
            return True
    host = (domain_of(signal.url) or "") if signal.url else ""
    host = squeeze(name_key(host or (domain_of(name) or "")))
    return bool(host) and any(key in host for key in mine)


def _original_url(
    chosen: list[_Signal], source: str, page: PageMeta, own_domain: str, reg: Registry
) -> str | None:
    """The original's URL: one a chosen signal gives, else a body link to the credited outlet
    (by the link's domain, or its anchor text naming the outlet or quoted in a credit line)."""
    for signal in chosen:
        if signal.url and _article_url(signal.url, own_domain):
            return signal.url
    outlet = reg.lookup(source)
    quoted = " ".join(s.evidence for s in chosen if not s.evidence.startswith("meta: "))
    found = []
    for anchor, href in page.links:
        if not _article_url(href, own_domain):
            continue
        linked = reg.by_domain(href)
        anchor_text = " ".join(anchor.split())
        if (
            (outlet is not None and linked is outlet)
            or _same(tidy_domain(href), source)
            or (anchor_text and _same(reg.display(anchor_text), source))
            or (len(anchor_text) >= 3 and anchor_text in quoted)
        ):
            found.append(href)
    # An article's URL over a section page of the same outlet ("/uk" vs "/why-bees-231456").
    return max(found, key=_article_likeness) if found else None


def _article_likeness(href: str) -> tuple[bool, int]:
    path = _path(href)
    slug = max(path.split("/"), key=len)
    return (any(c.isdigit() for c in path) or slug.count("-") >= 2, len(path))


def _article_url(href: str, own_domain: str) -> bool:
    """An http(s) URL on another site with a path (a home page is not the original article)."""
    if not href.startswith(("http://", "https://")):
        return False
    return site_domain(href) not in ("", own_domain) and _path(href).strip("/") != ""


def _path(href: str) -> str:
    try:
        return urlsplit(href).path
    except ValueError:
        return ""
