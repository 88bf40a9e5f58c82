"""One real ``scrapy crawl news`` over a hostile fake web: every fault handled, counted, logged
once, and the run exits 0 (the sites are built in tests/hostileweb.py, one source per kind)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import hostileweb as hw
import pytest
from crawling import CrawlResult, run_crawl
from fakeweb import FakeWeb

from newscrawl import stats
from newscrawl.traps import MAX_QUERY_PARAMS, MAX_SEGMENT_REPEATS

pytestmark = pytest.mark.e2e

REDIRECT_MAX_TIMES = 5  # newscrawl/settings.py
RETRY_TIMES = 2
DEPTH_LIMIT = 8  # hostileweb.crawl_settings()


class Crawl:
    """The finished crawl and the web it ran on."""

    def __init__(self, web: FakeWeb, result: CrawlResult) -> None:
        self.web = web
        self.result = result
        self.by_url = {r["url"]: r for r in result.records}

    def stat(self, source: str, key: str) -> int:
        """A per-source newscrawl stat (``key`` as in newscrawl.stats)."""
        return self.result.stat(stats.per_source(key, source))

    def fetched(self, url: str) -> int:
        return self.web.fetched(url)

    def fetched_urls(self, host_url: str) -> set[str]:
        return self.web.fetched_urls(urlsplit(host_url).hostname)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawl]:
    workdir = tmp_path_factory.mktemp("hostile")
    with FakeWeb(sites_dir=None) as web:
        hw.build(web)
        sources = hw.write_sources(workdir)
        result = run_crawl(web.proxy_url, workdir, "-a", f"sources={sources}",
                           *hw.crawl_settings(), timeout=120)  # fmt: skip
        yield Crawl(web, result)


def test_the_run_survives_everything_and_exits_0(crawl: Crawl) -> None:
    assert crawl.result.returncode == 0, crawl.result.stderr[-3000:]
    assert crawl.result.stats["finish_reason"] == "finished"


def _tracebacks(log: str) -> str:
    """Tracebacks that are not Scrapy's own report of a failed download."""
    blocks = re.split(r"\n(?=\d{4}-\d{2}-\d{2} )", log)
    return "\n".join(b for b in blocks if "Traceback" in b and "Error downloading" not in b)


def test_no_spider_or_pipeline_error(crawl: Crawl) -> None:
    assert _tracebacks(crawl.result.stderr) == ""
    assert crawl.result.stat("spider_exceptions") == 0
    assert not any(k.startswith("spider_exceptions/") for k in crawl.result.stats)


def test_each_fault_kind_is_logged_once(crawl: Crawl) -> None:
    counted = re.findall(r"further ones are counted in (\S+)\)", crawl.result.stderr)
    assert counted, "no fault was logged"
    assert len(counted) == len(set(counted))
    assert crawl.result.stat(stats.BUDGET_REFUSED) > 1  # many refusals, one log line
    assert counted.count(stats.BUDGET_REFUSED) == 1
    # no line per failed page: Scrapy's own give-up and download-error lines are DEBUG
    assert "Gave up retrying" not in crawl.result.stderr
    assert "Error downloading" not in crawl.result.stderr
    assert crawl.result.stat("log_count/ERROR") == 0


# --- server faults ----------------------------------------------------------------------------
@pytest.mark.parametrize(("path", "status"), [("e500", 500), ("e503", 503)])
def test_server_errors_are_retried_then_counted(crawl: Crawl, path: str, status: int) -> None:
    assert crawl.fetched(f"{hw.SERVER}/2026/01/{path}") == 1 + RETRY_TIMES
    assert crawl.stat("server", f"{stats.ERRORS_HTTP}/{status}") == 1


def test_a_404_is_counted_and_not_retried(crawl: Crawl) -> None:
    assert crawl.fetched(f"{hw.SERVER}/2026/01/e404") == 1
    assert crawl.stat("server", f"{stats.ERRORS_HTTP}/404") == 1
    assert crawl.result.stat(f"{stats.ERRORS_HTTP}/404") == 1  # robots.txt 404s are no fault


def test_slow_and_hanging_pages_time_out_and_are_counted(crawl: Crawl) -> None:
    assert crawl.stat("server", f"{stats.ERRORS_DOWNLOAD}/DownloadTimeoutError") == 2
    assert f"{hw.SERVER}/2026/01/slow" not in crawl.by_url
    assert crawl.by_url[f"{hw.SERVER}/2026/01/bit-slow"]["title"] == "A page just in time"


def test_connection_resets_and_cut_bodies_are_counted(crawl: Crawl) -> None:
    assert crawl.stat("server", f"{stats.ERRORS_DOWNLOAD}/DownloadFailedError") == 1
    assert crawl.stat("server", f"{stats.ERRORS_DOWNLOAD}/ResponseDataLossError") == 1
    assert f"{hw.SERVER}/2026/01/cut" not in crawl.by_url


def test_redirect_chains_are_followed(crawl: Crawl) -> None:
    record = crawl.by_url[f"{hw.SERVER}/2026/01/chain-end"]
    assert record["title"] == "End of a redirect chain"
    for hop in ("chain-1", "chain-2", "chain-3", "chain-end"):
        assert crawl.fetched(f"{hw.SERVER}/2026/01/{hop}") == 1


def test_redirect_loops_are_stopped(crawl: Crawl) -> None:
    assert crawl.fetched(f"{hw.SERVER}/2026/01/loop-a") == 1  # the dupefilter ends it
    assert crawl.fetched(f"{hw.SERVER}/2026/01/loop-b") == 1
    # a seed is never filtered as a duplicate: REDIRECT_MAX_TIMES ends that loop, counted
    assert crawl.fetched(f"{hw.SERVER}/seed-loop") == 1 + REDIRECT_MAX_TIMES
    assert crawl.fetched(f"{hw.SERVER}/seed-refresh") == 1 + REDIRECT_MAX_TIMES  # meta refresh
    assert crawl.stat("server", stats.ERRORS_REDIRECT_LOOP) == 2


def test_healthy_pages_of_a_failing_site_are_kept(crawl: Crawl) -> None:
    assert crawl.by_url[f"{hw.SERVER}/2026/01/fine"]["title"] == "A healthy article"


# --- content faults ---------------------------------------------------------------------------
def test_a_page_over_the_size_limit_is_cancelled_and_counted(crawl: Crawl) -> None:
    assert crawl.stat("content", f"{stats.ERRORS_DOWNLOAD}/DownloadCancelledError") == 1
    assert f"{hw.CONTENT}/2026/01/huge" not in crawl.by_url


def test_a_gzip_bomb_stops_at_the_size_limit_and_is_counted(crawl: Crawl) -> None:
    assert crawl.stat("content", stats.ERRORS_DECOMPRESSION_BOMB) == 1
    so_far = re.findall(r"bomb>.*?(\d+) B decompressed so far", crawl.result.stderr)
    assert so_far  # of 50 MB, decompression stopped just past DOWNLOAD_MAXSIZE
    assert all(int(n) <= 2 * hw.DOWNLOAD_MAXSIZE for n in so_far)


@pytest.mark.parametrize(("path", "title"), [("cp1252", hw.CP1252_TITLE),
                                             ("undeclared", hw.UNDECLARED_TITLE)])  # fmt: skip
def test_wrong_or_missing_charsets_still_give_the_right_text(
    crawl: Crawl, path: str, title: str
) -> None:
    record = crawl.by_url[f"{hw.CONTENT}/2026/01/{path}"]
    assert record["title"] == title
    assert "\ufffd" not in record["text"]
    assert record["text"] == record["text"].encode("utf-8").decode("utf-8")


def test_binary_empty_and_script_only_pages_are_counted_not_stored(crawl: Crawl) -> None:
    for path in ("binary", "empty", "js-shell"):
        assert crawl.fetched(f"{hw.CONTENT}/2026/01/{path}") == 1
        assert f"{hw.CONTENT}/2026/01/{path}" not in crawl.by_url
    assert crawl.stat("content", f"{stats.PAGES_NOT_ARTICLE}/short_body") == 3
    assert crawl.stat("content", f"{stats.EXTRACTION_FAILED}/unparsable") == 1  # the empty body


def test_pdf_links_are_not_fetched_and_pdf_bodies_not_parsed(crawl: Crawl) -> None:
    assert crawl.fetched(f"{hw.CONTENT}/2026/01/report.pdf") == 0  # .pdf link: ignored
    assert crawl.fetched(f"{hw.CONTENT}/2026/01/download") == 1  # a PDF behind an HTML-ish URL
    assert crawl.stat("content", stats.PAGES_NOT_HTML) == 1


def test_truncated_and_malformed_html_still_give_articles(crawl: Crawl) -> None:
    assert crawl.by_url[f"{hw.CONTENT}/2026/01/truncated"]["title"] == hw.TRUNCATED_TITLE
    assert crawl.by_url[f"{hw.CONTENT}/2026/01/malformed"]["title"] == hw.MALFORMED_TITLE


# --- feed and sitemap faults ------------------------------------------------------------------
def test_invalid_feeds_are_counted(crawl: Crawl) -> None:
    assert crawl.stat("feeds", stats.FEED_INVALID) == 2  # broken.xml and the entity bomb
    assert crawl.stat("feeds", stats.PAGES_NOT_HTML) == 1  # not-xml.xml: not XML at all


def test_an_entity_bomb_is_never_expanded(crawl: Crawl) -> None:
    assert "lollollol" not in crawl.result.stderr
    assert crawl.fetched(f"{hw.FEEDS}/2026/01/laughs") == 0  # refused as a whole


def test_external_entities_are_never_fetched(crawl: Crawl) -> None:
    assert crawl.fetched_urls(hw.EVIL) == set()
    record = crawl.by_url[f"{hw.FEEDS}/2026/01/xxe"]
    assert "SECRET" not in str(record)


def test_gzipped_sitemaps_are_read(crawl: Crawl) -> None:
    for name in ("gz-a", "gz-b"):
        assert crawl.by_url[f"{hw.FEEDS}/2026/01/{name}"]["source"] == "feeds"


def test_a_cut_sitemap_keeps_the_entries_before_the_cut(crawl: Crawl) -> None:
    assert f"{hw.FEEDS}/2026/01/before-cut" in crawl.by_url
    assert crawl.fetched(f"{hw.FEEDS}/2026/01/after-cut") == 0
    assert crawl.stat("feeds", stats.SITEMAP_INVALID) == 1


def test_a_sitemap_index_listing_itself_is_read_once(crawl: Crawl) -> None:
    assert crawl.fetched(f"{hw.FEEDS}/sitemap-self.xml") == 1  # not again until DEPTH_LIMIT


def test_feed_links_to_other_domains_are_fetched_but_not_crawled(crawl: Crawl) -> None:
    record = crawl.by_url[f"{hw.OTHER}/2026/01/syndicated"]
    assert (record["source"], record["domain"]) == ("feeds", "other.test")
    assert crawl.fetched(f"{hw.OTHER}/2026/01/deeper") == 0


# --- crawler traps ----------------------------------------------------------------------------
def _years(urls: set[str]) -> list[int]:
    return [int(m.group(1)) for u in urls if (m := re.search(r"/calendar/(\d{4})/", u))]


def test_an_infinite_calendar_is_bounded(crawl: Crawl) -> None:
    years = _years(crawl.fetched_urls(hw.TRAPS))
    assert years
    assert max(years) <= 2027  # the +10-years links were refused as traps
    assert crawl.stat("traps", f"{stats.TRAPS_REFUSED}/calendar_date") > 0
    assert len(years) <= 2 * 8 + 1  # next/previous month, within max_depth = 8


def test_infinite_pagination_is_bounded_by_depth(crawl: Crawl) -> None:
    pages = [u for u in crawl.fetched_urls(hw.TRAPS) if "/list?page=" in u]
    assert 1 < len(pages) <= 8
    assert crawl.result.stat("request_depth_max") <= 8


def test_session_ids_are_stripped_so_the_page_is_fetched_once(crawl: Crawl) -> None:
    assert crawl.fetched(f"{hw.TRAPS}/2026/02/session-story") == 1
    fetched = " ".join(crawl.fetched_urls(hw.TRAPS)).lower()
    for marker in ("jsessionid", "phpsessid", "sid=", "(s("):
        assert marker not in fetched
    assert crawl.stat("traps", stats.TRAPS_STRIPPED) == len(hw.SESSION_VARIANTS)
    assert f"{hw.TRAPS}/2026/02/session-story" in crawl.by_url


def test_exploding_query_strings_are_refused(crawl: Crawl) -> None:
    filters = [u for u in crawl.fetched_urls(hw.TRAPS) if "/filter?" in u]
    assert filters
    assert max(len(parse_qsl(urlsplit(u).query)) for u in filters) <= MAX_QUERY_PARAMS
    assert crawl.stat("traps", f"{stats.TRAPS_REFUSED}/query_params") > 0


def test_repeating_relative_paths_are_refused(crawl: Crawl) -> None:
    for url in crawl.fetched_urls(hw.TRAPS):
        segments = [s for s in urlsplit(url).path.split("/") if s]
        assert all(segments.count(s) <= MAX_SEGMENT_REPEATS for s in segments), url
    assert crawl.stat("traps", f"{stats.TRAPS_REFUSED}/repeated_segments") > 0


def test_the_page_budget_bounds_a_source(crawl: Crawl) -> None:
    pages = crawl.fetched_urls(hw.BUDGET) - {f"{hw.BUDGET}/", f"{hw.BUDGET}/robots.txt"}
    assert len(pages) == hw.PAGE_BUDGET  # the seed is free; its links are not
    assert crawl.stat("budget", stats.BUDGET_REFUSED) > 0


def test_sources_within_budget_are_not_refused(crawl: Crawl) -> None:
    for source in ("server", "content", "feeds", "unsafe"):
        assert crawl.stat(source, stats.BUDGET_REFUSED) == 0


# --- unsafe targets ---------------------------------------------------------------------------
def test_private_targets_are_never_fetched(crawl: Crawl) -> None:
    for url in hw.PRIVATE_URLS:
        assert crawl.fetched(url) == 0, url
    assert not any(host in u for u in crawl.web.hits for host in ("169.254", "127.0.0.1", "10.1"))


@pytest.mark.parametrize(
    ("reason", "count"),
    [("link_local", 2), ("loopback", 3), ("private", 1), ("local_name", 1), ("scheme", 3)],
)
def test_unsafe_targets_are_counted_by_reason(crawl: Crawl, reason: str, count: int) -> None:
    # link_local: a redirect and a robots.txt Sitemap: line to 169.254.169.254; loopback: a
    # redirect to 127.0.0.1, feed entries [::1] and 2130706433; scheme: an ftp:// link,
    # redirects to file:// and gopher://
    assert crawl.stat("unsafe", f"{stats.UNSAFE_REFUSED}/{reason}") == count


def test_the_safe_pages_of_an_unsafe_site_are_kept(crawl: Crawl) -> None:
    assert crawl.by_url[f"{hw.UNSAFE}/2026/03/public"]["title"] == "A public article"


def test_every_article_is_emitted_once(crawl: Crawl) -> None:
    urls: list[Any] = [r["url"] for r in crawl.result.records]
    assert len(urls) == len(set(urls))


def test_workdir_holds_the_store(crawl: Crawl) -> None:
    assert crawl.result.stat(stats.STORE_WRITTEN) == len(crawl.result.records)


def test_a_site_whose_robots_txt_fails_is_crawled_with_no_error_line(tmp_path: Path) -> None:
    """A dead robots.txt is a counted fault like a dead page: no ERROR and no traceback in
    the cron log, and the site is crawled as if it had none."""
    site = "http://norobots.test"
    with FakeWeb(sites_dir=None) as web:
        web.add(f"{site}/robots.txt", b"", fault="reset")
        web.add(f"{site}/", f'<html><body><a href="{site}/2026/01/story">Story</a></body></html>')
        web.add(f"{site}/2026/01/story", hw.article("A story behind a dead robots.txt"))
        result = run_crawl(web.proxy_url, tmp_path, "-a", f"urls={site}/", timeout=120)
        assert web.fetched(f"{site}/robots.txt") == 1 + RETRY_TIMES
    assert result.returncode == 0, result.stderr[-3000:]
    assert [r["title"] for r in result.records] == ["A story behind a dead robots.txt"]
    assert "Traceback" not in result.stderr
    assert "Error downloading" not in result.stderr
    assert result.stat("log_count/ERROR") == 0
    assert result.stat(f"{stats.ERRORS_DOWNLOAD}/DownloadFailedError") == 1


def test_requests_waiting_for_a_slow_robots_txt_are_all_checked(tmp_path: Path) -> None:
    """Start pages of one site, some disallowed, all sent while its robots.txt downloads:
    every one is checked against it (Scrapy 2.19 let all but the first two waiters through)."""
    site = "http://slowrobots.test"
    allowed = f"{site}/2026/01/open"
    private = [f"{site}/private/{i}" for i in range(4)]
    with FakeWeb(sites_dir=None) as web:
        web.add(f"{site}/robots.txt", "User-agent: *\nDisallow: /private/\n",
                content_type="text/plain", delay=0.5)  # fmt: skip
        for url in [allowed, *private]:
            web.add(url, hw.article(f"Page {url.rsplit('/', 1)[-1]}"))
        urls = ",".join([allowed, *private])
        result = run_crawl(web.proxy_url, tmp_path, "-a", f"urls={urls}", timeout=120)
        fetched = web.fetched_urls("slowrobots.test")
    assert result.returncode == 0, result.stderr[-3000:]
    assert not set(private) & fetched, "a page robots.txt forbids was fetched"
    assert allowed in fetched
    assert result.stat("robotstxt/forbidden") == len(private)
