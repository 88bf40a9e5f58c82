"""Headline, authors and dates of a page: choosing among JSON-LD, meta tags, the visible page
and trafilatura's guesses, as measured on real pages (bench/extraction_quality.py)."""

from __future__ import annotations

import datetime
import html
import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from newscrawl.pagemeta import PageMeta

# " - Site", " | Site", " :: Site", " — Site": separators between a headline and a site name.
_TITLE_SEP = re.compile(r"\s+(?:[-|–—·•»]|::)\s+|\s*\|\s*")
_SEPARATORS = ("|", "-", "–", "—", ":", "·", "•", "»")
# An <h1> that names a section or the site, not the article.
_GENERIC_H1 = {"blog", "the blog", "our blog", "search", "contact us", "home", "news", "menu"}
# Share of common words between a visible <h1> and the metadata title above which the <h1>
# (what readers see) is taken as the same headline, reworded.
H1_OVERLAP = 0.2

_AUTHOR_JUNK = re.compile(
    r"^(?:undefined|null|none|name|admin|administrator|webmaster|editor|author|the author"
    r"|written by|by|staff|guest|anonymous|unknown)$",
    re.I,
)
_AUTHOR_PREFIX = re.compile(r"^\s*(?:by|written by|posted by|author\s*:?|von|par|por)\s+", re.I)
_AUTHOR_DATE = re.compile(
    r"\s*(?:[-|,–—]\s*)?(?:(?:last\s+)?updated|published|posted|on)?\s*(?:jan|feb|mar|apr|may"
    r"|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?.*$",
    re.I,
)
_HANDLE = re.compile(r"[a-z0-9._-]+")
_NAME = re.compile(
    r"(?:[A-ZÀ-Ý][\w'’.-]*|de|da|van|von|der|del|la|le|bin|al|el)"
    r"(?:\s+(?:[A-ZÀ-Ý][\w'’.-]*|de|da|van|von|der|del|la|le|bin|al|el)){1,3}"
)
_BYLINE_LABELS = ("Written by", "By", "Author", "Author:")
_BYLINE_XPATHS = (
    '//*[@itemprop="author"]',
    '//a[contains(concat(" ", normalize-space(@rel), " "), " author ")]',
    '//*[not(*)][normalize-space(text())="Written by" or normalize-space(text())="By"'
    ' or normalize-space(text())="Author" or normalize-space(text())="Author:"]',
    '//*[contains(translate(@class, "AUTHORBYLINE", "authorbyline"), "author")'
    ' or contains(translate(@class, "BYLINE", "byline"), "byline") or contains(@id, "author")]',
    '//a[contains(@href, "/author/") or contains(@href, "/authors/")'
    ' or contains(@href, "/writers/")'
    ' or contains(@href, "/people/") or contains(@href, "/profile/")'
    ' or contains(@href, "/contributors/") or contains(@href, "/staff/")]',
)
_META_PUBLISHED = (
    "article:published_time", "og:published_time", "published_time", "datepublished",
    "pubdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued",
    "dcterms.created", "sailthru.date", "parsely-pub-date",
)  # fmt: skip
_META_MODIFIED = (
    "article:modified_time", "og:updated_time", "modified_time", "datemodified",
    "dc.date.modified", "dcterms.modified",
)  # fmt: skip
_META_AUTHORS = ("author", "article:author", "dc.creator", "byl", "parsely-author")


# --- headline ---------------------------------------------------------------------------------
def pick_title(tree: etree._Element, page: PageMeta, article: dict[str, Any], fallback: str,
               url: str) -> str:  # fmt: skip
    """The headline: the visible <h1> when metadata agrees, else the metadata title without
    its " - Site name" suffix (og:site_name, JSON-LD publisher, domain)."""
    sites = _site_names(page, url)
    meta = page.meta_tags
    sources = [_text(article.get("headline")), meta.get("og:title"), meta.get("twitter:title")]
    sources += [_title_tag(tree), fallback]
    titles = [strip_site_suffix(_clean(t), sites) for t in sources if t and _clean(t)]
    h1s = [_clean(h.text_content()) for h in tree.iterfind(".//h1")][:3]
    h1s = [h for h in h1s if _key(h) and _key(h) not in _GENERIC_H1 and _key(h) not in sites]
    for h1 in h1s:
        if any(_key(h1) == _key(t) for t in titles):
            return h1
    for h1 in h1s:  # the <h1> is the metadata title minus a suffix this page adds
        for t in titles:
            if t.startswith(h1) and t[len(h1) :].strip()[:1] in _SEPARATORS:
                return h1
    best = titles[0] if titles else ""
    if not h1s:
        return best
    if not best:
        return h1s[0]
    h1_key, best_key = _key(h1s[0]), _key(best)
    if h1_key in best_key or best_key in h1_key:
        return best if len(best) >= len(h1s[0]) else h1s[0]
    a, b = set(h1_key.split()), set(best_key.split())
    return h1s[0] if len(a & b) / max(1, len(a | b)) >= H1_OVERLAP else best


def strip_site_suffix(title: str, sites: set[str]) -> str:
    """Drop leading/trailing " | Site name" parts of a title that name the site."""
    parts = _TITLE_SEP.split(title)
    if len(parts) < 2 or not sites:
        return title

    def names_site(part: str) -> bool:
        k = _key(part)
        squeezed = k.replace(" ", "")
        return bool(k) and any(
            k == s
            or squeezed == s.replace(" ", "")
            or (len(s) > 3 and s in k and len(k) <= len(s) + 12)
            or (len(k) > 3 and k in s)
            for s in sites
        )  # fmt: skip

    while len(parts) > 1 and names_site(parts[-1]):
        parts.pop()
    while len(parts) > 1 and names_site(parts[0]):
        parts.pop(0)
    start, end = title.find(parts[0]), title.rfind(parts[-1])
    return title[start : end + len(parts[-1])].strip() if start >= 0 <= end else title


def _site_names(page: PageMeta, url: str) -> set[str]:
    host = re.sub(r"^www\d?\.", "", urlsplit(url).hostname or "")
    meta = page.meta_tags
    names = [page.site_name, page.jsonld_publisher, meta.get("application-name"),
             meta.get("twitter:site", "").lstrip("@"), host, host.split(".")[0]]  # fmt: skip
    return {_key(n) for n in names if n and _key(n)}


def _title_tag(tree: etree._Element) -> str:
    el = tree.find(".//title")
    return el.text_content() if el is not None else ""


# --- dates ------------------------------------------------------------------------------------
def pick_published(
    doc_date: str | None, article: dict[str, Any], meta: dict[str, str]
) -> str | None:
    """Publication date, ISO 8601. trafilatura's (htmldate) comes first: on real pages it beats
    JSON-LD/meta, which often carry a republication date; JSON-LD/meta give the time of day
    when they agree on the day, and the date when trafilatura found none."""
    declared = [iso_date(_text(article.get("datePublished")))]
    declared += [iso_date(meta.get(k)) for k in _META_PUBLISHED]
    declared = [d for d in declared if d]
    found = iso_date(doc_date)
    if found:
        same_day = [d for d in declared if d[:10] == found[:10] and len(d) > len(found)]
        return same_day[0] if same_day else found
    return declared[0] if declared else None


def pick_modified(article: dict[str, Any], meta: dict[str, str]) -> str | None:
    """Last modification date, ISO 8601, from JSON-LD or meta tags."""
    values = [iso_date(_text(article.get("dateModified")))]
    values += [iso_date(meta.get(k)) for k in _META_MODIFIED]
    return next((v for v in values if v), None)


def iso_date(value: str | None) -> str | None:
    """ISO 8601 date or datetime from common date strings; None when unparsable."""
    if not value:
        return None
    value = value.strip()
    try:
        parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value) or re.match(
            r"(\d{4})(\d{2})(\d{2})$", value
        )
        if not m:
            return None
        try:
            return datetime.date(*map(int, m.groups())).isoformat()
        except ValueError:
            return None
    if len(value) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


# --- authors ----------------------------------------------------------------------------------
def pick_authors(tree: etree._Element, article: dict[str, Any], meta: dict[str, str],
                 doc_author: str | None) -> list[str]:  # fmt: skip
    """Byline names: JSON-LD people, meta author, the page's byline, trafilatura's guess, and
    only then JSON-LD organisations; the first source that yields a clean name wins."""
    people, orgs = _jsonld_people_and_orgs(article.get("author"))
    meta_authors = [v for k in _META_AUTHORS if (v := meta.get(k)) and not v.startswith("http")]
    for source in (people, meta_authors[:1], _html_bylines(tree),
                   [a for a in (doc_author or "").split(";") if a.strip()], orgs):  # fmt: skip
        names = _unique_names(clean_author(a) for a in source)
        if names:
            return names
    return []


def clean_author(raw: str) -> str | None:
    """One author string without "By", trailing dates, placeholders, handles or e-mails."""
    text = " ".join(html.unescape(raw).split()).strip("\"' ")
    text = _AUTHOR_DATE.sub("", _AUTHOR_PREFIX.sub("", text)).strip(" ,-|–—")
    if not text or _AUTHOR_JUNK.match(text) or "@" in text or text.startswith("http"):
        return None
    if re.fullmatch(r"[\d\W]+", text):
        return None
    if _HANDLE.fullmatch(text) and (len(text) > 12 or re.search(r"[\d._]", text)):
        return None  # a user handle ("jsmith_84"), not a byline
    return text


def _jsonld_people_and_orgs(value: Any) -> tuple[list[str], list[str]]:
    people: list[str] = []
    orgs: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            people.append(item)
        elif isinstance(item, dict):
            kind = item.get("@type")
            kind = " ".join(kind) if isinstance(kind, list) else str(kind or "")
            name = _text(item.get("name"))
            if name:
                (orgs if "organization" in kind.lower() else people).append(name)
    return people, orgs


def _html_bylines(tree: etree._Element) -> list[str]:
    """The first name-like byline in the page: itemprop/rel=author, "Written by", classes."""
    for xpath in _BYLINE_XPATHS:
        for el in tree.xpath(xpath):
            if el.tag in ("script", "style", "meta", "link", "img"):
                continue
            if (el.text or "").strip() in _BYLINE_LABELS and not len(el):
                parent = el.getparent()
                el = el.getnext() if el.getnext() is not None else parent.getnext()
                if el is None:
                    continue
            names = el.xpath('.//*[@itemprop="name"]')
            raw = (
                (names[0].get("content") or names[0].text_content()) if names else el.text_content()
            )
            name = clean_author(" ".join(raw.split())[:80])
            if name and _NAME.fullmatch(name):
                return [name]
    return []


def _unique_names(values: Any) -> list[str]:
    seen: dict[str, str] = {}
    for v in values:
        if v and _key(v) not in seen:
            seen[_key(v)] = v
    return list(seen.values())


# --- text helpers -----------------------------------------------------------------------------
def _clean(value: str) -> str:
    return " ".join(html.unescape(value).split())


def _key(value: str) -> str:
    return re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", value).casefold()).strip()


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return value.strip() if isinstance(value, str) else ""
