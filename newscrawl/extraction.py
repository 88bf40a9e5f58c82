"""trafilatura wrapper: one HTML page -> title, body text and metadata, or a typed failure."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from functools import partial
from typing import Any
from urllib.parse import urljoin

import lxml.html
from htmldate import find_date
from lxml import etree
from trafilatura.metadata import extract_author, extract_title
from trafilatura.settings import Extractor

from newscrawl.authors import clean_authors
from newscrawl.extraction_dates import dated_day, iso_date, pick_modified, pick_published
from newscrawl.extraction_meta import meta_authors, pick_authors, pick_title, site_names
from newscrawl.extraction_streamed import reveal_streamed
from newscrawl.extraction_text import body_text, unwrap_lines
from newscrawl.pagemeta import PageMeta
from newscrawl.textfix import repair_page, repair_text

logger = logging.getLogger(__name__)

MAX_META_TAGS = 200
# htmldate settings: the quick search (markup and meta) for every page, the extensive one
# (free text) only when neither it, the page's declarations nor its date line gave a date.
_FAST_DATES = {"original_date": True, "extensive_search": False}
_EXTENSIVE_DATES = {"original_date": True, "extensive_search": True}
MAX_LINKS = 200
MAX_CAPTIONS = 30
MIN_ARTICLE_CHARS = 500
MAX_CAPTION_CHARS = 300


@dataclass(slots=True)
class Extraction:
    """What extraction found on one page. ``text`` is trafilatura's body, not yet cleaned."""

    title: str = ""
    text: str = ""
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    page: PageMeta = field(default_factory=PageMeta)
    published_declared: bool = False
    """True when the page declares its date (JSON-LD/meta); False: htmldate's guess, or none."""


class ExtractionError(Exception):
    """A page that could not be extracted; ``reason`` is a short stat-friendly word."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


def make_options() -> Extractor:
    """The trafilatura options object shared by a whole crawl."""
    return Extractor(output_format="python", comments=False, tables=True, with_metadata=False)


# lxml.html's own parser picks each element's class in Python, on every element access
# (about a tenth of a page's analysis); a C-level lookup gives every element the same
# HtmlElement class (form and input elements lose their form helpers, which nothing here
# uses). Same output on all 793 WCXB pages.
_PARSER = etree.HTMLParser()
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)


def parse_html(html: str | bytes) -> etree._Element:
    """Parse HTML once; raise ExtractionError("unparsable") on garbage."""
    try:
        tree = lxml.html.fromstring(html, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractionError("unparsable", str(exc)) from exc
    if tree is None:
        raise ExtractionError("unparsable", "empty document")
    return tree


def extract(
    html: str | bytes,
    url: str,
    options: Extractor | None = None,
    *,
    thorough: bool = True,
    guess_date: bool = True,
) -> Extraction:
    """Extract title, text, authors, dates and page metadata from ``html`` fetched at ``url``.

    ``thorough=False`` (the fast mode, ``NEWSCRAWL_EXTRACTION=fast``): one balanced trafilatura
    run for the body, and the recall run only where it can win, instead of three runs
    (extraction_text.body_text). Both modes read the metadata the
    same way: htmldate's quick search for the date, and trafilatura's title and author guesses
    only when the page's declarations and byline name no headline or no person.
    ``guess_date=False``: a feed or sitemap gives the publication date, which beats any date
    guessed from the page's text, so htmldate's slow extensive search is skipped.
    Text, title and authors are repaired when the page carries mojibake (newscrawl.textfix);
    a page whose mojibake carries C1 controls, which trafilatura drops, is repaired first.
    """
    tree = parse_html(repair_page(html) if isinstance(html, str) else html)
    reveal_streamed(tree)
    unwrap_lines(tree)
    objects = list(_jsonld_objects(tree))
    article = _pick_article(objects)
    page = read_page_meta(tree, url, objects)
    opts = options or make_options()
    opts.url = url
    opts.source = url
    try:
        text = body_text(tree, url, opts, thorough=thorough)
        if text is None:
            raise ExtractionError("no_text")
        title = pick_title(tree, page, article, "", url)
        sites = site_names(page, url)
        authors = pick_authors(tree, article, page.meta_tags, None, sites)
        doc_author = None
        if not title:  # trafilatura's guesses only where the page's own sources give none
            title = pick_title(tree, page, article, extract_title(tree) or "", url)
        if not clean_authors(authors)[0]:
            doc_author = extract_author(tree)
            if doc_author:  # else the same sources again: the same answer
                authors = pick_authors(tree, article, page.meta_tags, doc_author, sites)
        dated = _dated_object(article, objects)
        # htmldate's quick search only when the headline's date does not decide
        published = pick_published(partial(_quick_date, tree, url), dated, page.meta_tags, tree)
    except (ValueError, TypeError, etree.LxmlError) as exc:
        raise ExtractionError("trafilatura_error", str(exc)) from exc
    if doc_author:
        page.raw_authors = _unique([*page.raw_authors, *(a.strip() for a in doc_author.split(";"))])
    if published is None and guess_date:  # htmldate's extensive search: slow, so only when
        # all else fails and no feed or sitemap gives the date (which would win over it)
        published = iso_date(dated_day(find_date(tree, url=url, **_EXTENSIVE_DATES)))
    return Extraction(
        title=repair_text(title),
        text=repair_text(normalise_paragraphs(text)),
        authors=[repair_text(a) for a in authors],
        published=published,
        modified=pick_modified(dated, page.meta_tags, tree, published),
        page=page,
        published_declared=pick_published(None, dated, page.meta_tags) is not None,
    )


def _quick_date(tree: etree._Element, url: str) -> str | None:
    """htmldate's quick search (markup and meta, no free text)."""
    return dated_day(find_date(tree, url=url, **_FAST_DATES))


def normalise_paragraphs(text: str) -> str:
    """One paragraph per line from trafilatura -> paragraphs separated by one blank line."""
    lines = (re.sub(r"\s+", " ", line).strip() for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def read_page_meta(
    tree: etree._Element, url: str, jsonld: list[dict[str, Any]] | None = None
) -> PageMeta:
    """Read og/meta tags, JSON-LD, rel=canonical and body links from a parsed page
    (``jsonld``: the page's JSON-LD objects, when the caller has already read them)."""
    meta: dict[str, str] = {}
    for el in tree.iterfind(".//meta"):
        name = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if name and content and name not in meta and len(meta) < MAX_META_TAGS:
            meta[name] = content
    objects = list(_jsonld_objects(tree)) if jsonld is None else jsonld
    article = _pick_article(objects)
    scope = _content_scope(tree)
    page = PageMeta(
        og_type=(meta.get("og:type") or "").lower() or None,
        jsonld_types=_unique(t for obj in objects for t in _types(obj)),
        site_name=meta.get("og:site_name") or meta.get("application-name"),
        jsonld_publisher=_name(article.get("publisher")),
        canonical_link=_canonical(tree, url),
        raw_authors=_jsonld_authors(article) + meta_authors(meta)[:1],
        is_based_on=_name(article.get("isBasedOn")) or _str(article.get("isBasedOn")),
        source_organization=_name(article.get("sourceOrganization")),
        meta_tags=meta,
        links=_body_links(scope, url),
        captions=_captions(scope),
    )
    return page


# --- helpers -----------------------------------------------------------------------------

ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "liveblogposting",
    "techarticle",
    "scholarlyarticle",
}


def _jsonld_objects(tree: etree._Element) -> Any:
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        raw = script.text or ""
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack = [data]
        while stack:
            obj = stack.pop()
            if isinstance(obj, list):
                stack.extend(obj)
            elif isinstance(obj, dict):
                yield obj
                graph = obj.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)


def _types(obj: dict[str, Any]) -> list[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return [t]
    if isinstance(t, list):
        return [x for x in t if isinstance(x, str)]
    return []


def _pick_article(objects: list[dict[str, Any]]) -> dict[str, Any]:
    """The page's first article object, its authors resolved (_with_authors)."""
    for obj in objects:
        if any(t.lower() in ARTICLE_TYPES for t in _types(obj)):
            return _with_authors(obj, objects)
    return {}


def _with_authors(article: dict[str, Any], objects: list[dict[str, Any]]) -> dict[str, Any]:
    """``article`` with each author given only as a reference (``{"@id": …}``, as Yoast's
    @graph writes them) replaced by the page's object of that @id that has a name."""
    value = article.get("author")
    items = value if isinstance(value, list) else [value]
    refs = {i["@id"] for i in items if isinstance(i, dict) and isinstance(i.get("@id"), str)
            and not i.get("name")}  # fmt: skip
    if not refs:
        return article
    named = {o["@id"]: o for o in objects if o.get("@id") in refs and o.get("name")}
    authors = [named.get(i["@id"], i) if isinstance(i, dict) and i.get("@id") in refs else i
               for i in items]  # fmt: skip
    return {**article, "author": authors}


# JSON-LD page types that date a page of their own rather than a list of other pages.
_LISTING_PAGES = {"collectionpage", "searchresultspage", "profilepage"}


def _dated_object(article: dict[str, Any], objects: list[dict[str, Any]]) -> dict[str, Any]:
    """The JSON-LD object that dates the story: ``article``, or when it declares no
    datePublished, the page's WebPage (or ItemPage, FAQPage, …) that does (Yoast and Rank
    Math declare the dates there), with the article's dateModified if it has one."""
    if article.get("datePublished"):
        return article
    for obj in objects:
        types = [t.lower() for t in _types(obj)]
        if obj.get("datePublished") and any(
            t.endswith("page") and t not in _LISTING_PAGES for t in types
        ):
            modified = article.get("dateModified") or obj.get("dateModified")
            return {"datePublished": obj["datePublished"], "dateModified": modified}
    return article


def _str(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list) and value and isinstance(value[0], str):
        return value[0].strip()
    return ""


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        name = value.get("name")
        return name.strip() if isinstance(name, str) and name.strip() else None
    return None


def _jsonld_authors(article: dict[str, Any]) -> list[str]:
    value = article.get("author")
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, dict):
            name = item.get("name")
            if isinstance(name, str) and name.strip():
                out.append(name.strip())
        elif isinstance(item, str) and item.strip():
            out.append(item.strip())
    return out


def _canonical(tree: etree._Element, url: str) -> str | None:
    for el in tree.iterfind(".//link[@rel]"):
        if el.get("rel", "").strip().lower() == "canonical" and el.get("href"):
            return urljoin(url, el.get("href", "").strip())
    return None


def _body_links(scope: etree._Element | None, url: str) -> list[tuple[str, str]]:
    if scope is None:
        return []
    out = []
    for a in scope.iterfind(".//a[@href]"):
        href = a.get("href", "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        out.append((" ".join(a.text_content().split()), urljoin(url, href)))
        if len(out) >= MAX_LINKS:
            break
    return out


def _content_scope(tree: etree._Element) -> etree._Element | None:
    """The page's largest <article> when it holds a story, else <body>: on many sites the
    first <article> is a teaser of another story (attribution reads links and captions here)."""
    articles = [(len(a.text_content()), a) for a in tree.iterfind(".//article")]
    if articles:
        size, best = max(articles, key=lambda pair: pair[0])
        if size >= MIN_ARTICLE_CHARS:
            return best
    return tree.find(".//body")


def _captions(scope: etree._Element | None) -> list[str]:
    """Caption and credit texts inside the article (``scope``, see _content_scope):
    trafilatura drops them from the body."""
    if scope is None:
        return []
    found = [el for el in scope.iterdescendants(etree.Element) if _caption_like(el)]
    texts = (" ".join(el.text_content().split())[:MAX_CAPTION_CHARS] for el in found)
    return _unique(texts)[:MAX_CAPTIONS]


def _caption_like(el: etree._Element) -> bool:
    """A <figcaption>, or an element whose class says caption or credit (in any case), not in
    a footer, menu, aside or header. In Python: 3x faster than the XPath that says so, which
    builds a translated copy of every element's class."""
    cls = (el.get("class") or "").lower()
    return (el.tag == "figcaption" or "caption" in cls or "credit" in cls) and next(
        el.iterancestors("footer", "nav", "aside", "header"), None
    ) is None


def _unique(values: Any) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        if v and v not in seen:
            seen[v] = None
    return list(seen)
