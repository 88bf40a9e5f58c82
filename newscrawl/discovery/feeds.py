"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds -> article links with their hints (pure)."""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin

from lxml import etree

from newscrawl.discovery.xmlsafe import XMLError, local, maybe_gunzip, safe_parser

MAX_ENTRIES = 5000


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed item: the article URL and what the feed says about it."""

    url: str
    title: str | None = None
    published: str | None = None
    language: str | None = None

    def hints(self) -> dict[str, str]:
        """Non-empty hints as a plain dict (picklable request meta)."""
        return {k: v for k, v in (("title", self.title), ("published", self.published),
                                  ("language", self.language)) if v}  # fmt: skip


def parse_feed(body: bytes, base_url: str) -> list[FeedEntry]:
    """Entries of an RSS/Atom feed; XMLError when the body is not a feed.

    The parser recovers from errors, so a feed cut short still yields the entries before
    the cut; a broken document that yields none is an XMLError (counted as an invalid feed).
    """
    body = maybe_gunzip(body)
    parser = safe_parser()
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise XMLError(f"invalid XML: {exc}") from None
    if root is None:
        raise XMLError("empty document")
    entries = _entries(root, base_url)
    errors = [e for e in parser.error_log if e.level >= etree.ErrorLevels.ERROR]
    if errors and not entries:
        raise XMLError(f"invalid XML: {errors[0].message.strip()}")
    return entries


def _entries(root: etree._Element, base_url: str) -> list[FeedEntry]:
    kind = local(root.tag)
    if kind not in ("rss", "feed", "rdf"):
        raise XMLError(f"not a feed (root element <{kind}>)")
    channel = next((c for c in root if local(c.tag) == "channel"), root)
    feed_lang = _text(channel, "language") or _attr_lang(root)
    items = [el for el in root.iter() if local(el.tag) in ("item", "entry")]
    entries = []
    for item in items[:MAX_ENTRIES]:
        url = _entry_link(item, base_url)
        if not url:
            continue
        published = _text(item, "pubdate", "published", "date", "updated", "issued")
        entries.append(
            FeedEntry(
                url=url,
                title=_text(item, "title"),
                published=to_iso(published),
                language=language_code(feed_lang),
            )
        )
    return entries


_LANGUAGE_TAG = re.compile(r"([a-z]{2})(?:[-_][a-z0-9]+)*", re.IGNORECASE)


def language_code(tag: str | None) -> str | None:
    """A feed's or news sitemap's language tag ("en-gb", "fr_FR") -> its ISO 639-1 code
    ("en", "fr"), as langdetect names languages; None for anything else ("english", "eng")."""
    match = _LANGUAGE_TAG.fullmatch((tag or "").strip())
    return match[1].lower() if match else None


def to_iso(value: str | None) -> str | None:
    """RFC 822 (RSS) or ISO 8601 (Atom) date -> ISO 8601; None when unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return None


def _children(el: etree._Element, names: tuple[str, ...]) -> list[etree._Element]:
    return [c for c in el if local(c.tag) in names]


def _text(el: etree._Element, *names: str) -> str | None:
    for name in names:
        for child in _children(el, (name,)):
            text = "".join(child.itertext()).strip()
            if text:
                return text
    return None


def _attr_lang(el: etree._Element) -> str | None:
    return el.get("{http://www.w3.org/XML/1998/namespace}lang")


def _entry_link(item: etree._Element, base_url: str) -> str | None:
    links = _children(item, ("link",))
    for link in links:  # Atom: <link rel="alternate" href="..."/>
        href = link.get("href")
        if href and link.get("rel", "alternate") == "alternate":
            return _absolute(href, base_url)
    for link in links:  # RSS: <link>URL</link>
        if link.text and link.text.strip():
            return _absolute(link.text.strip(), base_url)
    for guid in _children(item, ("guid", "id")):
        text = (guid.text or "").strip()
        if text.startswith(("http://", "https://")) and guid.get("isPermaLink", "true") != "false":
            return text
    about = item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
    return _absolute(about, base_url) if about else None


def _absolute(href: str, base_url: str) -> str | None:
    url = urljoin(base_url, href.strip())
    return url if url.startswith(("http://", "https://")) else None
