"""Article or not: decide from page evidence (og:type, JSON-LD, URL shape, body length). Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from newscrawl.pagemeta import PageMeta

ARTICLE_JSONLD = {
    "newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
    "techarticle", "scholarlyarticle",
}  # fmt: skip
HUB_JSONLD = {"collectionpage", "itemlist", "searchresultspage", "profilepage", "website"}

# Paths of pages that list other pages: followed for links, never records ("/page/" only with
# a number: "/page/how-to-make-a-good-game" is a CMS page). A hub word followed by a dated
# path ("/archive/2014/04/plato-to-plumbers/361373/", "/opinion/contributors/2025/11/28/...")
# and a date after an article's slug ("/why-tutoring-has-not-
# worked/2025/11") name an article, not the hub.
HUB_WORD = re.compile(
    r"/(tag|tags|topic|topics|category|categories|section|author|authors|writer|search|archive"
    r"|archives|label|labels|profile|people|contributors)(?=/|$)",
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
# The last path segment as a headline-like slug of three words or more ("/proofs-as-types";
# "/world", "/middle-east" are sections), unless it is a section's "A-and-B" name
# ("/food-and-drink", "/middle-east-and-africa"). Under a blog path ("/post/proofs-as-types",
# "/blog/restaurant-tips/trends-in-catering") it names a post; "/news/" is no such path: on
# news sites "/news/world-us-canada" is a section front.
SHORT_SLUG = re.compile(r"/[^/]*[a-z0-9]+(-[a-z0-9]+){2,}[^/]*/?$", re.IGNORECASE)
SECTION_NAME = re.compile(r"/[a-z0-9]+(-[a-z0-9]+)?-and-[a-z0-9]+/?$", re.IGNORECASE)
POST_PATH = re.compile(r"/(blogs?|posts?|articles?|stor(y|ies))/", re.IGNORECASE)
# Meta tags that declare a publication date (article:published_time, itemprop=datePublished).
DATE_META = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "citation_publication_date", "parsely-pub-date",
)  # fmt: skip


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
        return not _deep_slug(path[word.end() :])
    date = DATE_ARCHIVE.search(path)
    return date is not None and not ARTICLE_SLUG.search(path[: date.start()])


def _deep_slug(rest: str) -> bool:
    """Two segments or more after a hub word, the last a post's slug of three words or more
    ("/topics/camping-and-hiking/best-backpacking-gear-list", a WordPress "/category/<section>/
    <post>" permalink): the page must say it is an article (classify)."""
    segments = [s for s in rest.split("/") if s]
    return len(segments) >= 2 and SHORT_SLUG.search("/" + segments[-1]) is not None


def classify(url: str, page: PageMeta, word_count: int, min_words: int = 50) -> PageVerdict:
    """Decide whether the page at ``url`` is an article.

    Hub URL shapes (tag/author/category/pagination/search) and hub schema types are never
    articles; a hub word followed by a post's slug is one only when the page says so.
    Otherwise a page needs a real body (``min_words``) and at least one positive
    signal: og:type article, a JSON-LD article type, a dated URL; with a body of twice
    ``min_words``, an article-like slug, a post slug under a blog path or a declared
    publication date; without og:type website, a three-word slug and a body of ten times
    ``min_words``. og:type website, which many CMSs put on every page, does not refute the
    other signals; but section fronts say website too, with a long body and a short name.
    og:type profile, video or product is never an article.
    """
    by_url = classify_url(url)
    if by_url is not None:
        return by_url
    path = urlsplit(url).path
    types = {t.lower() for t in page.jsonld_types}
    word = HUB_WORD.search(path)  # with a post's slug after it (_deep_slug) or classify_url
    said = bool(types & ARTICLE_JSONLD) or page.og_type == "article"  # would have refused it
    if word and not DATED_PATH.search(path[word.end() :]) and not said:
        return PageVerdict(False, "hub_url")
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
    if page.og_type in ("profile", "video.other", "product"):
        return PageVerdict(False, "og_type_" + page.og_type.replace(".", "_"))
    if DATED_PATH.search(path):
        return PageVerdict(True, "dated_url")
    section = SECTION_NAME.search(path) is not None
    if page.og_type == "website" and section:
        return PageVerdict(False, "og_type_website")
    slug = None if section else SHORT_SLUG.search(path)
    if word_count >= 2 * min_words:
        if ARTICLE_SLUG.search(path):
            return PageVerdict(True, "slug_and_body")
        if slug is not None and POST_PATH.search(path[: slug.start() + 1]):
            return PageVerdict(True, "post_url")
        if any(page.meta_tags.get(name) for name in DATE_META):
            return PageVerdict(True, "declared_date")
    if page.og_type == "website":
        return PageVerdict(False, "og_type_website")
    if slug is not None and word_count >= 10 * min_words:
        return PageVerdict(True, "slug_and_long_body")
    return PageVerdict(False, "no_article_signal")
