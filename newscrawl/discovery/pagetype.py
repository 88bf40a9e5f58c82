"""Article or not: decide from page evidence (og:type, JSON-LD, URL shape, body length). Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from newscrawl.pagemeta import PageMeta

ARTICLE_JSONLD = {
    "newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
}  # fmt: skip
HUB_JSONLD = {"collectionpage", "itemlist", "searchresultspage", "profilepage", "website"}

# Paths of pages that list other pages: followed for links, never records. A hub word
# followed by a dated path ("/archive/2014/04/plato-to-plumbers/361373/", "/opinion/
# contributors/2025/11/28/...") and a date after an article's slug ("/why-tutoring-has-not-
# worked/2025/11") name an article, not the hub.
HUB_WORD = re.compile(
    r"/(tag|tags|topic|topics|category|categories|section|author|authors|writer|search|archive"
    r"|archives|page|label|labels|profile|people|contributors)(?=/|$)",
    re.IGNORECASE,
)
PAGINATION = re.compile(r"/page/\d+/?$", re.IGNORECASE)
DATE_ARCHIVE = re.compile(
    r"/(?:19|20)\d{2}(?:/(?:0?[1-9]|1[0-2])(?:/(?:0?[1-9]|[12]\d|3[01]))?)?/?$"
)
HUB_QUERY = re.compile(r"(^|&)(page|p|s|q|query|search|paged|offset|start)=", re.IGNORECASE)
DATED_PATH = re.compile(
    r"/(19|20)\d{2}/(0?[1-9]|1[0-2])(/|-)|/(19|20)\d{2}-\d{2}-\d{2}|/(19|20)\d{6}"
)
ARTICLE_SLUG = re.compile(
    r"/[^/]*[a-z0-9]+(-[a-z0-9]+){3,}[^/]*/?$|\d{5,}(\.html?)?/?$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class PageVerdict:
    """Whether a page is an article, and the evidence (a short stat-friendly reason)."""

    is_article: bool
    reason: str


def classify_url(url: str) -> PageVerdict | None:
    """A verdict from the URL alone (hub shapes, home page), or None when the page must tell."""
    parts = urlsplit(url)
    if hub_path(parts.path):
        return PageVerdict(False, "hub_url")
    if parts.query and HUB_QUERY.search(parts.query):
        return PageVerdict(False, "hub_url")
    if parts.path in ("", "/"):
        return PageVerdict(False, "home_page")
    return None


def hub_path(path: str) -> bool:
    """A path that lists other pages: pagination, a tag/author/section/archive page, a date
    archive ("/2026/11/")."""
    if PAGINATION.search(path):
        return True
    word = HUB_WORD.search(path)
    if word is not None and not DATED_PATH.search(path[word.end() :]):
        return True
    date = DATE_ARCHIVE.search(path)
    return date is not None and not ARTICLE_SLUG.search(path[: date.start()])


def classify(url: str, page: PageMeta, word_count: int, min_words: int = 50) -> PageVerdict:
    """Decide whether the page at ``url`` is an article.

    Hub URL shapes (tag/author/category/pagination/search) and hub schema types are never
    articles. Otherwise a page needs a real body (``min_words``) and at least one positive
    signal: og:type article, a JSON-LD article type, a dated URL or an article-like slug.
    """
    by_url = classify_url(url)
    if by_url is not None:
        return by_url
    parts = urlsplit(url)
    types = {t.lower() for t in page.jsonld_types}
    if types & {"collectionpage", "searchresultspage", "profilepage", "itemlist"} and not (
        types & ARTICLE_JSONLD
    ):
        return PageVerdict(False, "hub_schema")
    if word_count < min_words:
        return PageVerdict(False, "short_body")
    if types & ARTICLE_JSONLD:
        return PageVerdict(True, "jsonld")
    if page.og_type == "article":
        return PageVerdict(True, "og_type")
    if page.og_type in ("website", "profile", "video.other", "product"):
        return PageVerdict(False, "og_type_" + page.og_type.replace(".", "_"))
    if DATED_PATH.search(parts.path):
        return PageVerdict(True, "dated_url")
    if ARTICLE_SLUG.search(parts.path) and word_count >= 2 * min_words:
        return PageVerdict(True, "slug_and_body")
    return PageVerdict(False, "no_article_signal")
