"""attribute() and resolve_publisher(): removed credit lines and page metadata -> attribution."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
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
_TAGLINE_SEP = re.compile(r"\s+[-|–—·•]\s+|:\s+")
_EDGES = " \"'“”‘’«».,;:-–—|·•"
MAX_NAME_WORDS = 5
MIN_TAGLINE_WORDS = 4  # fewer is a second name ("The Times | The Sunday Times")
# Hosted-blog platforms: each subdomain is its own publication ("nathanbenaich.substack.com").
BLOG_PLATFORMS = frozenset({
    "substack.com", "medium.com", "wordpress.com", "blogspot.com", "github.io", "ghost.io",
    "beehiiv.com", "tumblr.com", "bearblog.dev",
})  # fmt: skip
# Words that make a site name read as a slogan or a page title rather than a name.
_NAME_STOPWORDS = frozenset({
    "a", "an", "and", "of", "for", "the", "in", "on", "at", "to", "by", "with", "from", "&",
    "de", "la", "le", "les", "du", "des", "et", "y", "e", "und", "der", "die", "das",
})  # fmt: skip
_SECOND_PERSON = frozenset({"you", "your", "yours", "youre"})
# Openings of a slogan or a page title ("Find a Provider Near You", "How to Design a Website").
_SLOGAN_VERBS = frozenset({
    "find", "discover", "get", "learn", "explore", "shop", "book", "buy", "compare", "save",
    "make", "build", "create", "start", "grow", "join", "try", "hire", "see", "watch", "read",
    "meet", "let", "how", "why", "what", "when", "where",
})  # fmt: skip
_SLOGAN_PHRASE = re.compile(
    r"\b(?:made|built|designed|powered|trusted|crafted|loved)\s+(?:for|by|with)\b", re.I
)
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def _without_tagline(name: str) -> str:
    """A site name without the tagline written after it ("Housecall Pro - The #1 all-in-one
    solution for home services" -> "Housecall Pro"); a name of two parts stays whole."""
    head, *rest = _TAGLINE_SEP.split(name, maxsplit=1)
    tagline = rest[0] if rest else ""
    if head and len(head.split()) <= MAX_NAME_WORDS and len(tagline.split()) >= MIN_TAGLINE_WORDS:
        return head
    return name


def _blog_label(url: str) -> str:
    """The publication's subdomain on a hosted-blog platform ("nathanbenaich" for
    nathanbenaich.substack.com); "" elsewhere and for "www"."""
    domain = site_domain(url)
    if domain not in BLOG_PLATFORMS and not domain.startswith("blogspot."):
        return ""
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""
    label = host.removesuffix(domain).rstrip(".").rpartition(".")[2]
    return "" if label in ("", "www") else label


def _site_label(url: str) -> str:
    """The squeezed label that names the site: the registered domain's first label
    ("clay.global" -> "clay"), or the publication's subdomain on a blog platform."""
    label = _blog_label(url) or site_domain(url).split(".")[0]
    return squeeze(name_key(label))


def _resemblance(name: str, label: str) -> int:
    """How closely a site name matches its domain label: 3 the same ("LessAccounting" on
    lessaccounting.com), 2 one begins the other ("BBC News" on bbc.co.uk), 1 the label holds
    a word or the initials of the name ("The New York Times" on nytimes.com), 0 unrelated."""
    if not label:
        return 0
    best = 0
    for folded in {name_key(name), name_key(name.casefold().translate(_UMLAUTS))}:
        key, words = squeeze(folded), folded.split()
        for lab in {label, label[3:] if label.startswith("the") and len(label) > 6 else label}:
            if key == lab:
                return 3
            if (key.startswith(lab) and len(lab) >= 3) or (lab.startswith(key) and len(key) >= 3):
                best = max(best, 2)
            elif (len(lab) >= 4 and lab in key) or _abbreviates(lab, words):
                best = max(best, 1)
    return best


def _abbreviates(label: str, words: list[str]) -> bool:
    """True when the label is made of the name's words or their beginnings ("nytimes" of
    "new york times", "bhf" of "british heart foundation"), or holds one of its longer words."""
    if any(len(w) >= 4 and w in label for w in words):
        return True
    content = [w for w in words if w not in _NAME_STOPWORDS]
    initials = "".join(w[0] for w in content)
    if len(initials) >= 3 and (initials in label or label.startswith(initials[:3])):
        return True

    @cache
    def spelled(start: int, i: int) -> bool:  # label[start:] = beginnings of content[i:]
        if start == len(label):
            return True
        if i == len(content):
            return False
        word = content[i]
        return any(label.startswith(word[:n], start) and spelled(start + n, i + 1)
                   for n in range(len(word), 0, -1))  # fmt: skip

    return len(content) >= 2 and spelled(0, 0)


def _reads_as_slogan(name: str) -> bool:
    """A page title, slogan or sentence rather than a name: several words, and a "you", an
    imperative or question opening, a "made for" phrase, or lower-case words of prose
    ("Find a Provider Near You", "Bookkeeping Services Made For Entrepreneurs")."""
    words = name.split()
    if len(words) < 3:
        return False
    keys = name_key(name).split()
    lower = [w for w in words if len(w) > 2 and w.isalpha() and w.islower()
             and w not in _NAME_STOPWORDS]  # fmt: skip
    return bool(
        any(k in _SECOND_PERSON for k in keys)
        or (keys and keys[0] in _SLOGAN_VERBS)
        or _SLOGAN_PHRASE.search(name)
        or len(lower) >= 2
        or (words[-1][:1].islower() and words[-1].endswith((".", "!")))
    )


def _site_name(value: str, label: str) -> str:
    """og:site_name or the JSON-LD publisher read as the site's name ("" when it names none).

    A value of several parts ("How to Design a Website | Clay") gives the part closest to the
    domain label, else the name before a long tagline; a slogan unlike the domain is no name.
    """
    parts = [p for p in (part.strip(_EDGES) for part in _TAGLINE_SEP.split(value)) if p]
    if len(parts) > 1:
        score, part = max(((_resemblance(p, label), -i), p) for i, p in enumerate(parts))
        if score[0] > 0:
            return part
        head = _without_tagline(value)
        if head != value:  # "hello stranger midwest adventure - exploring the midwest"
            return head
    if _reads_as_slogan(value) and not _resemblance(value, label):
        return ""
    return value


def _names_site(name: str) -> bool:
    """Not empty, not overlong, not a section ("Blog") and not bare punctuation ("/")."""
    return (
        bool(name)
        and len(name) <= 100
        and name.casefold() not in GENERIC_SITE_NAMES
        and any(c.isalnum() for c in name)
    )


def resolve_publisher(page: PageMeta, url: str, *, registry: Registry | None = None) -> str:
    """The site that published this copy: the sources file's ``publisher`` when set, else
    og:site_name, else the JSON-LD publisher, else the domain (registry name or tidied; the
    publication's subdomain on a blog platform such as Substack)."""
    reg = registry or load_registry()
    if page.source_publisher and page.source_publisher.strip():
        return " ".join(page.source_publisher.split())
    label = _site_label(url) if url else ""
    for value in (page.site_name, page.jsonld_publisher):
        whole = " ".join((value or "").split())
        outlet = reg.lookup(whole) if whole else None
        if outlet is not None:
            return outlet.name
        name = _site_name(whole, label) if whole else ""
        if _names_site(name):
            outlet = reg.lookup(name)
            if outlet is not None:
                return outlet.name
            tidied = tidy_name(name) or name
            # tidy_name drops a leading descriptor ("Website Builder Expert" -> "Builder
            # Expert"): not when the name as written is the one that matches the domain.
            if _resemblance(tidied, label) < _resemblance(name, label):
                return name.strip(_EDGES)
            return tidied
    blog = _blog_label(url) if url else ""
    if blog:
        pretty = "-".join(part.capitalize() for part in blog.split("-"))
        return f"{pretty}.{site_domain(url)}"
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
