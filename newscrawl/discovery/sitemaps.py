"""Sitemaps (urlset, sitemap index, Google News sitemap) and robots.txt ``Sitemap:`` lines (pure).

Parsing streams with iterparse and clears elements, so a 50,000-URL sitemap stays small.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree

from newscrawl.discovery.feeds import language_code, to_iso
from newscrawl.discovery.xmlsafe import XMLError, local, maybe_gunzip

MAX_ENTRIES = 50_000


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """A ``<url>`` or ``<sitemap>`` entry; news fields only in Google News sitemaps."""

    url: str
    is_sitemap: bool = False
    lastmod: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None

    def hints(self) -> dict[str, str]:
        """Non-empty hints as a plain dict (picklable request meta)."""
        return {k: v for k, v in (("title", self.title), ("published", self.published),
                                  ("language", self.language)) if v}  # fmt: skip


def parse_sitemap(body: bytes, base_url: str) -> Iterator[SitemapEntry]:
    """Entries of a sitemap or sitemap index; XMLError when the body is not a sitemap."""
    body = maybe_gunzip(body)
    seen_root = False
    count = 0
    try:
        for event, el in etree.iterparse(
            io.BytesIO(body),
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
        ):
            name = local(el.tag)
            if event == "start":
                if not seen_root:
                    seen_root = True
                    if name not in ("urlset", "sitemapindex"):
                        raise XMLError(f"not a sitemap (root element <{name}>)")
                continue
            if name not in ("url", "sitemap"):
                continue
            entry = _entry(el, name == "sitemap", base_url)
            el.clear(keep_tail=False)
            parent = el.getparent()
            if parent is not None:
                while el.getprevious() is not None:
                    del parent[0]
            if entry is not None:
                yield entry
                count += 1
                if count >= MAX_ENTRIES:
                    return
    except etree.XMLSyntaxError as exc:
        if not seen_root:
            raise XMLError(f"invalid XML: {exc}") from None
        raise XMLError(f"invalid XML after {count} entries: {exc}") from None
    if not seen_root:
        raise XMLError("empty document")


def sitemaps_from_robots(text: str, base_url: str) -> list[str]:
    """URLs of the ``Sitemap:`` lines of a robots.txt."""
    urls = []
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap" and value.strip():
            urls.append(urljoin(base_url, value.strip()))
    return urls


def _entry(el: etree._Element, is_sitemap: bool, base_url: str) -> SitemapEntry | None:
    loc = lastmod = title = published = language = None
    for child in el.iter():
        name = local(child.tag)
        text = (child.text or "").strip()
        if name == "loc" and loc is None:
            loc = text
        elif name == "lastmod":
            lastmod = to_iso(text) or text or None
        elif name == "title":
            title = text or None
        elif name == "publication_date":
            published = to_iso(text)  # an unreadable date is no date: records carry ISO 8601
        elif name == "language":
            language = language_code(text)
    if not loc:
        return None
    url = urljoin(base_url, loc)
    if not url.startswith(("http://", "https://")):
        return None
    return SitemapEntry(url, is_sitemap, lastmod, title, published, language)
