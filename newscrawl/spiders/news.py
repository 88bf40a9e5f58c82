"""The ``news`` spider: seeds from the sources file, discovers through feeds, sitemaps and
links, recognises article pages and yields ArticleRecord items for the pipelines.

Arguments: ``-a sources=PATH`` (default: the project's sources.toml), ``-a urls=URL[,URL]``.
Request meta it sets: ``newscrawl_candidate`` (an article URL the incremental middleware may
skip), ``newscrawl_hints`` (what a feed or news sitemap said of the URL), ``newscrawl_onsite``
(a link or sitemap entry: its page is used only if no redirect took it off the source's
sites).
Stats: ``newscrawl/discovery/*``, ``newscrawl/pages/*``, ``newscrawl/extraction/failed/*``.
"""

from __future__ import annotations

import difflib
import logging
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.conf import closest_scrapy_cfg

from newscrawl import stats
from newscrawl.analysis import analyze_page
from newscrawl.crawlstate import crawler_config, crawler_pool, crawler_store
from newscrawl.discovery.feeds import parse_feed
from newscrawl.discovery.pagetype import classify_url
from newscrawl.discovery.sitemaps import parse_sitemap, sitemaps_from_robots
from newscrawl.discovery.xmlsafe import MAX_XML_BYTES, XMLError, maybe_gunzip, root_name
from newscrawl.exceptions import SourcesError
from newscrawl.extraction import Extraction
from newscrawl.items import ArticleRecord
from newscrawl.operations.counts import EXTRACTION_JUDGED
from newscrawl.sources import Source, adhoc_source, load_sources
from newscrawl.urls import (
    canonicalize,
    choose_canonical,
    host_of,
    record_id,
    registered_domain,
)
from newscrawl.workers import WorkerPool

logger = logging.getLogger(__name__)

FEED_ROOTS = ("rss", "feed", "rdf")
SITEMAP_ROOTS = ("urlset", "sitemapindex")
SEED_PRIORITY = 100  # discovery documents first, so articles are found early
HTML_TYPES = (b"text/html", b"application/xhtml+xml")
MAX_HINTS = 200_000  # about 40 MB at most; beyond it, hints ride on the requests only
ONSITE = "newscrawl_onsite"  # request meta: a link or sitemap entry, kept to the source's sites
MAX_JUDGED = 100_000  # body-judged non-article URLs remembered a run (about 10 MB)


def default_sources_path() -> Path:
    """The project's sources.toml, next to scrapy.cfg (else in the working directory)."""
    cfg = closest_scrapy_cfg()
    return (Path(cfg).parent if cfg else Path.cwd()) / "sources.toml"


def sources_origin(sources: str | None, urls: str | None) -> str:
    """Where this run's sources come from, for the log: the file's path, or ``-a urls=``."""
    return "-a urls=" if urls else str(Path(sources) if sources else default_sources_path())


def resolve_sources(sources: str | None, urls: str | None) -> list[Source]:
    """The sources of this run: ``-a urls=``, else ``-a sources=``, else the default file;
    both given is an error (which one the user meant is a guess), and so is an empty one
    (an unset variable in a crontab: the default file is not what was meant)."""
    for name, value in (("sources", sources), ("urls", urls)):
        if value is not None and not value.strip():
            raise SourcesError(f"-a {name}= is empty")
    if urls and sources:
        raise SourcesError("-a sources= and -a urls= both given: crawl one or the other")
    if urls:
        return [adhoc_source(urls)]
    path = Path(sources) if sources else default_sources_path()
    if not path.is_file():
        raise SourcesError(f"{path}: sources file not found")
    return load_sources(path)


SPIDER_ARGUMENTS = ("sources", "urls")
# Spider attributes Scrapy's own components read, which ``-a`` may set (scrapyd passes _job).
SCRAPY_SPIDER_ATTRIBUTES = ("_job", "user_agent", "download_delay", "download_timeout",
                            "download_maxsize", "download_warnsize", "http_user", "http_pass",
                            "http_auth_domain")  # fmt: skip


def check_spider_arguments(spargs: dict[str, str]) -> None:
    """SourcesError for a ``-a NAME=`` the spider does not take: ``-a source=`` (a typo)
    would otherwise crawl the default sources file."""
    for name in spargs:
        if name in SPIDER_ARGUMENTS or name in SCRAPY_SPIDER_ATTRIBUTES:
            continue
        close = difflib.get_close_matches(name, SPIDER_ARGUMENTS, n=1)
        hint = f"did you mean -a {close[0]}=?" if close else "the spider takes sources= or urls="
        raise SourcesError(f"-a {name}=: no such spider argument; {hint}")


def new_crawl_id() -> str:
    """A run id that sorts by start time: ``20261124T054327Z-1a2b3c4d``."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:8]


class NewsSpider(scrapy.Spider):
    """Crawl news sites and aggregators into clean article records."""

    name = "news"

    def __init__(self, *args: Any, sources: str | None = None, urls: str | None = None,
                 **kwargs: Any) -> None:  # fmt: skip
        super().__init__(*args, **kwargs)
        self.sources_arg = sources
        self.urls_arg = urls
        self.sources: dict[str, Source] = {}
        self.crawl_id = new_crawl_id()
        self.min_words = 50
        self.thorough = True
        self._link_extractors: dict[str, LinkExtractor] = {}
        # Seeds bypass the dupefilter (dont_filter), so it never learns them: links back to
        # a start page ("Home", the section's own tab) would fetch it a second time.
        self._seed_urls: set[str] = set()
        # Hints of every feed/sitemap entry, for a page whose own request carried none.
        self._hints: dict[str, dict[str, str]] = {}
        # Sitemaps requested this run (seeds, robots.txt lines, index entries): each once.
        self._sitemaps_requested: set[str] = set()
        # Per source, the pages judged no article by their body (RunRecorder reads them).
        self.judged_pages: dict[str, list[str]] = {}
        self._judged_count = 0
        self.pool = WorkerPool(1)

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> NewsSpider:
        spider: NewsSpider = super().from_crawler(crawler, *args, **kwargs)
        config = crawler_config(crawler)
        spider.min_words = config.min_words
        spider.thorough = config.extraction == "thorough"
        spider.sources = {s.name: s for s in resolve_sources(spider.sources_arg, spider.urls_arg)}
        crawler_store(crawler)  # an unusable store fails now, before any request
        spider.pool = crawler_pool(crawler)
        logger.info("Crawl %s: %d source(s) from %s", spider.crawl_id, len(spider.sources),
                    sources_origin(spider.sources_arg, spider.urls_arg))  # fmt: skip
        return spider

    def log(self, message: Any, level: int = logging.INFO, **kw: Any) -> None:
        """Scrapy deprecated ``Spider.log()`` (a warning each call), but scrapy-redis still
        reports a resumed queue with it: "Resuming crawl (N requests scheduled)", at INFO."""
        self.logger.log(level, message, **kw)

    # --- seeding --------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        for source in self.sources.values():
            for kind, urls in (("feed", source.feeds), ("sitemap", source.sitemaps),
                               ("page", source.start_urls)):  # fmt: skip
                for url in urls:
                    self._seed_urls.add(canonicalize(url))
                    meta: dict[str, Any] = {"newscrawl_seed": kind}
                    if kind != "page":  # a sitemap may hold 50,000 URLs, 50 MB
                        meta["download_maxsize"] = MAX_XML_BYTES
                        self._sitemaps_requested.add(canonicalize(url))
                    yield scrapy.Request(
                        url,
                        callback=self.parse_start,
                        cb_kwargs={"source": source.name},
                        dont_filter=True,  # always re-read: tomorrow's articles are there
                        priority=SEED_PRIORITY,
                        meta=meta,
                    )

    # --- dispatch ---------------------------------------------------------------------------
    async def parse_start(self, response: Response, source: str) -> AsyncIterator[Any]:
        """A seed: robots.txt, feed, sitemap or HTML page, told apart by its content."""
        root = self._xml_root(response)
        if response.url.rstrip("/").endswith("/robots.txt"):
            outputs: Iterator[Any] = self.parse_robots(response, source)
        elif root in FEED_ROOTS:
            outputs = self.parse_feed(response, source)
        elif root in SITEMAP_ROOTS:
            outputs = self.parse_sitemap(response, source)
        else:
            kind = response.meta.get("newscrawl_seed")
            if kind in ("feed", "sitemap"):
                ctype = (response.headers.get(b"Content-Type") or b"?").split(b";")[0]
                logger.warning(
                    "Source %s: the %s %s is no %s (%s): read as a start page",
                    source, kind, response.url, kind, ctype.decode("latin-1"),
                )  # fmt: skip
            async for output in self.parse_page(response, source):
                yield output
            return
        for output in outputs:
            yield output

    def parse_robots(self, response: Response, source: str) -> Iterator[Any]:
        """``Sitemap:`` lines of a robots.txt -> sitemap requests."""
        text = (
            response.text
            if isinstance(response, TextResponse)
            else response.body.decode("utf-8", "replace")
        )
        urls = sitemaps_from_robots(text, response.url)
        if not urls:
            logger.warning("Source %s: %s lists no Sitemap: line (status %d)",
                           source, response.url, response.status)  # fmt: skip
        for url in urls:
            self._inc(stats.ROBOTS_SITEMAPS, source)
            request = self._sitemap_request(response, url, source)
            if request is not None:
                yield request

    def parse_feed(self, response: Response, source: str) -> Iterator[Any]:
        """RSS/Atom feed -> article requests carrying the feed's hints."""
        try:
            entries = parse_feed(response.body, response.url)
        except XMLError as exc:
            self._inc(stats.FEED_INVALID, source)
            logger.warning("Invalid feed %s: %s", response.url, exc)
            return
        self._inc(stats.FEED_PARSED, source)
        src = self.sources[source]
        for entry in entries:
            self._inc(stats.FEED_ENTRIES, source)
            if self._allowed(src, entry.url):
                yield self._article_request(entry.url, source, entry.hints(), onsite=False)

    def parse_sitemap(self, response: Response, source: str) -> Iterator[Any]:
        """Sitemap index -> child sitemaps; urlset / news sitemap -> article requests."""
        src = self.sources[source]
        domains = src.domains
        try:
            for entry in parse_sitemap(response.body, response.url):
                if registered_domain(host_of(entry.url)) not in domains:
                    self._inc(stats.OFFSITE_SKIPPED, source)
                    continue
                if entry.is_sitemap:
                    request = self._sitemap_request(response, entry.url, source)
                    if request is not None:
                        yield request
                else:
                    self._inc(stats.SITEMAP_ENTRIES, source)
                    if self._allowed(src, entry.url):
                        yield self._article_request(entry.url, source, entry.hints(), onsite=True)
        except XMLError as exc:
            self._inc(stats.SITEMAP_INVALID, source)
            logger.warning("Invalid sitemap %s: %s", response.url, exc)
            return
        self._inc(stats.SITEMAP_PARSED, source)

    async def parse_page(
        self, response: Response, source: str, leaf: bool = False
    ) -> AsyncIterator[Any]:
        """An HTML page: an article becomes an item; links are followed within max_depth."""
        if not self._is_html(response):
            self._inc(stats.PAGES_NOT_HTML, source)
            return
        assert isinstance(response, TextResponse)
        src = self.sources[source]
        if (
            response.meta.get(ONSITE)
            and registered_domain(host_of(response.url)) not in src.domains
        ):
            self._inc(stats.OFFSITE_SKIPPED, source)  # a link or sitemap entry redirected away
            logger.debug("Redirected off the source's sites, not used: %s", response.url)
            return
        verdict = classify_url(response.url)
        if verdict is None:  # the URL does not tell: extract (in a worker process) and look
            hints = self._hints_of(response)
            analysis = await self.pool.run_page(
                analyze_page, response.body, response.encoding, response.url, self.min_words,
                self.thorough, not hints.get("published"),
            )  # fmt: skip
            verdict = analysis.verdict
            if analysis.failure:
                self._inc(f"{stats.EXTRACTION_FAILED}/{analysis.failure}", source)
            if not verdict.is_article and (analysis.failure or verdict.reason in EXTRACTION_JUDGED):
                self._note_judged(source, response.url)
            if verdict.is_article and analysis.extraction is not None:
                self._inc(stats.PAGES_ARTICLE, source)
                yield self._item(response, src, analysis.extraction, hints)
        if not verdict.is_article:
            self._inc(f"{stats.PAGES_NOT_ARTICLE}/{verdict.reason}", source)
        if not leaf and response.meta.get("depth", 0) < src.max_depth:
            for request in self._follow_links(response, src):
                yield request

    # --- helpers ------------------------------------------------------------------------------
    def _sitemap_request(self, response: Response, url: str, source: str) -> scrapy.Request | None:
        """A request for a sitemap that robots.txt or an index names, once a run: an index
        that lists itself, or two that list each other, are read once each."""
        key = canonicalize(response.urljoin(url))
        if key in self._sitemaps_requested:
            return None
        self._sitemaps_requested.add(key)
        return response.follow(url, callback=self.parse_sitemap, cb_kwargs={"source": source},
                               dont_filter=True, priority=SEED_PRIORITY,
                               meta={"download_maxsize": MAX_XML_BYTES})  # fmt: skip

    def _note_judged(self, source: str, url: str) -> None:
        """Remember a page its body showed to be no article (the run recorder asks the store
        which of them an earlier run judged so too), MAX_JUDGED a run at most."""
        if self._judged_count < MAX_JUDGED:
            self._judged_count += 1
            self.judged_pages.setdefault(source, []).append(canonicalize(url))

    def _allowed(self, src: Source, url: str) -> bool:
        """A feed's or sitemap's entry passes the source's allow and deny regexes, as links
        do (the link extractor applies them there); counted when it does not."""
        if src.url_allowed(url):
            return True
        self._inc(stats.DENIED, src.name)
        return False

    def _article_request(
        self, url: str, source: str, hints: dict[str, str], *, onsite: bool
    ) -> scrapy.Request:
        if hints and len(self._hints) < MAX_HINTS:
            self._hints.setdefault(canonicalize(url), hints)
        return scrapy.Request(
            url,
            callback=self.parse_page,
            cb_kwargs={"source": source, "leaf": True},
            meta={"newscrawl_candidate": True, "newscrawl_hints": hints, ONSITE: onsite},
        )

    def _follow_links(self, response: TextResponse, src: Source) -> Iterator[scrapy.Request]:
        extractor = self._link_extractors.get(src.name)
        if extractor is None:
            extractor = LinkExtractor(allow=src.allow, deny=src.deny, unique=True)
            self._link_extractors[src.name] = extractor
        domains = src.domains
        for link in extractor.extract_links(response):
            if registered_domain(host_of(link.url)) not in domains:
                continue  # links leave the source's sites only through feeds
            if canonicalize(link.url) in self._seed_urls:
                continue  # fetched as a seed on every run
            self._inc(stats.LINKS_FOLLOWED, src.name)
            yield scrapy.Request(
                link.url,
                callback=self.parse_page,
                cb_kwargs={"source": src.name},
                meta={"newscrawl_candidate": True, ONSITE: True},
            )

    def _item(self, response: TextResponse, src: Source, ex: Extraction,
              hints: dict[str, str]) -> ArticleRecord:  # fmt: skip
        page = ex.page
        page.hints = hints
        if registered_domain(host_of(response.url)) in src.domains:  # not an aggregator
            page.source_publisher = src.publisher  # feed's entry on another outlet's site
        page.source_languages = list(src.languages)
        page.requested_url = (response.meta.get("redirect_urls") or [response.url])[0]
        canonical = choose_canonical(response.url, page.canonical_link)
        return ArticleRecord(
            id=record_id(canonical),
            url=response.url,
            canonical_url=canonical,
            source=src.name,
            domain=registered_domain(host_of(response.url)),
            title=ex.title or hints.get("title", ""),
            text=ex.text,
            authors=list(ex.authors),
            published=self._published(ex, hints),
            modified=ex.modified,
            fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
            crawl_id=self.crawl_id,
            page=page,
        )

    def _hints_of(self, response: Response) -> dict[str, str]:
        """The feed's or news sitemap's hints for this page (title, date, language)."""
        hints: dict[str, str] = dict(response.meta.get("newscrawl_hints") or {})
        if not hints:  # the URL was requested from a link first; the feed's request was a dupe
            first = (response.meta.get("redirect_urls") or [response.url])[0]
            hints = dict(self._hints.get(canonicalize(first), {}))
        return hints

    @staticmethod
    def _published(ex: Extraction, hints: dict[str, str]) -> str | None:
        """The page's declared date, else the feed's or news sitemap's, else htmldate's guess
        (which may come from another article's link on the page)."""
        if ex.published and ex.published_declared:
            return ex.published
        return hints.get("published") or ex.published

    @staticmethod
    def _is_html(response: Response) -> bool:
        if not isinstance(response, TextResponse):
            return False
        ctype = (response.headers.get(b"Content-Type") or b"text/html").lower()
        return ctype.startswith(HTML_TYPES)

    @staticmethod
    def _xml_root(response: Response) -> str:
        head = response.body[:512].lstrip()
        if not head.startswith((b"<?xml", b"<rss", b"<feed", b"<urlset", b"<sitemapindex",
                                b"<rdf", b"\x1f\x8b")):  # fmt: skip
            return ""
        try:
            return root_name(maybe_gunzip(response.body))
        except XMLError:
            return ""

    def _inc(self, key: str, source: str) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(key)
        self.crawler.stats.inc_value(stats.per_source(key, source))
