"""End to end (issue 2): the real ``scrapy crawl news`` on the fake news web, from the sources
file to whole records, what was fetched, the stats and the exit status.

The expected records live in tests/fakeweb/expected. After a deliberate change of extraction,
cleaning or attribution, rewrite them from a crawl that keeps duplicates and review the diff:
``NEWSCRAWL_UPDATE_GOLDENS=1 .venv/bin/python -m pytest tests/test_e2e_incremental.py -k kept``.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from crawling import (
    DUPLICATE_GROUPS,
    FAKEWEB,
    SOURCES,
    CrawlResult,
    expected_record,
    load_goldens,
    run_crawl,
)
from fakeweb import FakeWeb
from lxml import etree

from newscrawl.operations.export import CSV_FIELDS, csv_row

pytestmark = pytest.mark.e2e

GOLDENS = load_goldens()
SYNDICATED = {url for group in DUPLICATE_GROUPS for url in group}

# Pages the crawl reaches that list articles: followed for links, never records.
HUBS = (
    "http://express.test/",
    "http://express.test/news/uk",
    "http://express.test/news/uk/page/2",
    "http://express.test/latest/weather",
    "http://express.test/authors/profile/sophie-harwood",
    "http://elrisala.test/",
    "http://elrisala.test/category/world/",
    "http://elrisala.test/tag/weather/",
    "http://elrisala.test/author/admin/",
    "http://elrisala.test/page/2/",
    "http://lequotidien.test/",
    "http://lequotidien.test/rubrique/actualite/",
    "http://lequotidien.test/mot-cle/greve/",
)
# Linked from the pages, but robots.txt disallows them (or the source denies them).
NEVER_FETCHED = (
    "http://express.test/account/login",
    "http://express.test/account/subscriptions",
    "http://express.test/search?q=",
    "http://express.test/video/latest",  # deny = ['/video/']
    "http://elrisala.test/wp-admin/",
    "http://lequotidien.test/abonnement/offre",
)
ERROR_LINE = re.compile(r"^newscrawl: error: .+$", re.MULTILINE)


@pytest.fixture(scope="module")
def web() -> Iterator[FakeWeb]:
    with FakeWeb() as fake:
        yield fake


@pytest.fixture(scope="module")
def crawl(
    web: FakeWeb, tmp_path_factory: pytest.TempPathFactory
) -> tuple[CrawlResult, Counter[str]]:
    """One crawl of the whole fake web with the default policy, and what it requested."""
    result = run_crawl(web.proxy_url, tmp_path_factory.mktemp("crawl"), "-a", f"sources={SOURCES}")
    return result, Counter(web.hits)


def by_url(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    urls = [r["url"] for r in records]
    assert len(urls) == len(set(urls)), "a URL came out twice"
    return {r["url"]: r for r in records}


# --- the main crawl ------------------------------------------------------------------------------
def test_crawl_exits_0(crawl: tuple[CrawlResult, Counter[str]]) -> None:
    result, _ = crawl
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stats["finish_reason"] == "finished"


def test_a_clean_crawl_logs_no_warning(crawl: tuple[CrawlResult, Counter[str]]) -> None:
    """Under LOG_LEVEL=WARNING a cron log shows only problems: options left at their
    defaults (no page budget, no Redis) are no warning."""
    result, _ = crawl
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert not [w for w in warnings if "Disabled" in w], warnings


def test_dash_o_replaces_the_default_feed(crawl: tuple[CrawlResult, Counter[str]]) -> None:
    """``-O out.jsonl`` is the run's only feed: no output/news-<time>.jsonl besides (contract 4)."""
    result, _ = crawl
    stored = re.findall(r"Stored (\w+) feed \((\d+) items\) in: (\S+)", result.stderr)
    assert len(stored) == 1, stored
    assert stored[0][2].endswith("/out.jsonl")
    assert int(stored[0][1]) == len(result.records)


def test_every_record_equals_its_golden(crawl: tuple[CrawlResult, Counter[str]]) -> None:
    result, _ = crawl
    records = by_url(result.records)
    assert set(records) <= set(GOLDENS)
    for url, record in records.items():
        assert record == expected_record(GOLDENS[url], record), url


def test_one_record_per_story(crawl: tuple[CrawlResult, Counter[str]]) -> None:
    """Every article that is not syndicated comes out; of each syndicated story, one copy."""
    result, _ = crawl
    urls = set(by_url(result.records))
    assert set(GOLDENS) - SYNDICATED <= urls
    for group in DUPLICATE_GROUPS:
        assert len(urls & set(group)) == 1, group
    assert len(urls) == len(GOLDENS) - sum(len(g) - 1 for g in DUPLICATE_GROUPS)


def test_dynamic_fields(crawl: tuple[CrawlResult, Counter[str]]) -> None:
    result, _ = crawl
    crawl_ids = {r["crawl_id"] for r in result.records}
    assert len(crawl_ids) == 1
    assert re.fullmatch(r"\d{8}T\d{6}Z-[0-9a-f]{8}", crawl_ids.pop())
    for record in result.records:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", record["fetched_at"])


def test_hubs_are_followed_but_never_records(crawl: tuple[CrawlResult, Counter[str]]) -> None:
    result, hits = crawl
    for hub in HUBS:
        assert hits[hub] >= 1, hub
    assert not set(HUBS) & {r["url"] for r in result.records}
    assert result.stat("newscrawl/pages/not_article/hub_url") >= 5
    assert result.stat("newscrawl/pages/not_article/hub_schema") >= 5


def test_robots_disallowed_and_denied_paths_are_never_requested(
    crawl: tuple[CrawlResult, Counter[str]],
) -> None:
    result, hits = crawl
    for url in NEVER_FETCHED:
        assert hits[url] == 0, url
    for host in ("express.test", "elrisala.test", "lequotidien.test"):
        assert hits[f"http://{host}/robots.txt"] == 1
    # Read by RobotsTxtMiddleware, and by the spider for its Sitemap: line (the source's seed).
    assert hits["http://valleyherald.test/robots.txt"] == 2
    assert result.stat("robotstxt/forbidden") >= 5  # the links were there, and refused


def test_each_article_page_is_fetched_once(crawl: tuple[CrawlResult, Counter[str]]) -> None:
    _, hits = crawl
    for url in GOLDENS:
        assert hits[url] == 1, url


def test_stats_sum_and_count_per_source(crawl: tuple[CrawlResult, Counter[str]]) -> None:
    result, _ = crawl
    processed = result.stat("newscrawl/items/processed")
    emitted = result.stat("newscrawl/items/emitted")
    assert processed == len(GOLDENS)
    assert emitted == len(result.records) == result.stat("item_scraped_count")
    assert processed == emitted + result.stat("item_dropped_count")
    duplicates = sum(len(g) - 1 for g in DUPLICATE_GROUPS)
    assert result.stat("item_dropped_reasons_count/DuplicateArticle") == duplicates
    assert result.stat("newscrawl/duplicate/exact") + result.stat("newscrawl/duplicate/near") == (
        duplicates
    )
    pages = Counter(g["source"] for g in GOLDENS.values())
    out = Counter(r["source"] for r in result.records)
    for source in ("express", "elrisala", "valleyherald", "lequotidien"):
        assert result.stat(f"newscrawl/source/{source}/items/processed") == pages[source]
        assert result.stat(f"newscrawl/source/{source}/pages/article") == pages[source]
        assert result.stat(f"newscrawl/source/{source}/items/emitted") == out[source]
    assert result.stat("newscrawl/source/express/discovery/feed_entries") == 4
    assert result.stat("newscrawl/source/valleyherald/discovery/robots_sitemaps") == 1
    assert result.stat("newscrawl/source/valleyherald/discovery/sitemap_parsed") == 3
    assert result.stat("newscrawl/source/valleyherald/discovery/offsite_skipped") == 1
    assert result.stat("newscrawl/source/lequotidien/discovery/feed_parsed") == 1  # Atom
    assert result.stat("newscrawl/store/written") == emitted


def test_news_sitemap_hints_fill_what_the_page_lacks(
    crawl: tuple[CrawlResult, Counter[str]],
) -> None:
    """The harbour page has no title and no declared date; the Google News sitemap has both."""
    result, _ = crawl
    url = "http://valleyherald.test/news/local/harbour-swing-bridge-reopens-after-repairs"
    page = FAKEWEB / "sites/valleyherald.test/news/local/harbour-swing-bridge-reopens-after-repairs"
    html = page.read_text(encoding="utf-8")
    assert "<title>" not in html
    assert "<h1" not in html
    assert "datePublished" not in html
    record = by_url(result.records)[url]
    assert record["title"] == "Harbour swing bridge reopens after eight months of repairs"
    assert record["published"] == "2026-11-28T09:30:00+00:00"


def crawl_sources(web: FakeWeb, tmp_path: Path, sources: str, *args: str) -> CrawlResult:
    """``scrapy crawl news`` on the fake web with a sources file of ``sources``; it must
    succeed."""
    path = tmp_path / "sources.toml"
    path.write_text(sources, encoding="utf-8")
    result = run_crawl(web.proxy_url, tmp_path, "-a", f"sources={path}", *args)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


# --- other runs ------------------------------------------------------------------------------------
BAD_SOURCES = [
    (
        'feedz = ["http://elrisala.test/feed.rss"]',
        "[[source]] #2 ('elrisala'): unknown key 'feedz'",
    ),
    ("allow = ['(']", "[[source]] #2 ('elrisala'): key 'allow': bad regex '('"),
    (
        'start_urls = ["elrisala.test/"]',
        "[[source]] #2 ('elrisala'): key 'start_urls': 'elrisala.test/' is not an http(s) URL",
    ),
]


@pytest.mark.parametrize(
    ("line", "message"), BAD_SOURCES, ids=["unknown_key", "bad_regex", "not_url"]
)
def test_bad_sources_file_fails_before_any_request(
    fakeweb: FakeWeb, tmp_path: Path, line: str, message: str
) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(
        '[[source]]\nname = "express"\nfeeds = ["http://express.test/posts/rss/1/news"]\n\n'
        f'[[source]]\nname = "elrisala"\nfeeds = ["http://elrisala.test/feed.rss"]\n{line}\n',
        encoding="utf-8",
    )
    result = run_crawl(fakeweb.proxy_url, tmp_path, "-a", f"sources={path}")
    assert result.returncode != 0
    (line_out,) = ERROR_LINE.findall(result.stderr)  # one line, naming file, entry and key
    assert line_out.startswith(f"newscrawl: error: {path}: {message}")
    assert not fakeweb.hits, "no request before the sources file is valid"


def test_missing_registry_file_fails_before_any_request(fakeweb: FakeWeb, tmp_path: Path) -> None:
    missing = tmp_path / "outlets.toml"
    result = run_crawl(fakeweb.proxy_url, tmp_path, "-a", "urls=http://express.test/",
                       "-s", f"NEWSCRAWL_REGISTRY={missing}")  # fmt: skip
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    (line_out,) = ERROR_LINE.findall(result.stderr)
    assert line_out == f"newscrawl: error: {missing}: registry file not found (NEWSCRAWL_REGISTRY)"
    assert not fakeweb.hits


def test_sources_and_urls_together_fail_before_any_request(
    fakeweb: FakeWeb, tmp_path: Path
) -> None:
    result = run_crawl(fakeweb.proxy_url, tmp_path, "-a", f"sources={SOURCES}",
                       "-a", "urls=http://express.test/")  # fmt: skip
    assert result.returncode == 1
    (line_out,) = ERROR_LINE.findall(result.stderr)
    assert line_out == (
        "newscrawl: error: -a sources= and -a urls= both given: crawl one or the other"
    )
    assert not fakeweb.hits


def test_an_unwritable_feed_fails_before_any_request(fakeweb: FakeWeb, tmp_path: Path) -> None:
    """Scrapy would skip the feed and go on, and the records it stores would never be
    emitted: a later run skips them as stored."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    target = blocker / "out.jsonl"
    result = run_crawl(fakeweb.proxy_url, tmp_path, "-a", f"sources={SOURCES}", "-O", str(target))
    assert result.returncode == 1
    (line_out,) = ERROR_LINE.findall(result.stderr)
    assert (
        line_out == f"newscrawl: error: FEEDS: cannot write {target}: {blocker} is not a directory"
    )
    assert not fakeweb.hits


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        (f"source={SOURCES}", "-a source=: no such spider argument; did you mean -a sources=?"),
        ("sources=", "-a sources= is empty"),
        (
            "max_depth=0",
            "-a max_depth=: no such spider argument; the spider takes sources= or urls=",
        ),
    ],
)
def test_a_wrong_spider_argument_fails_before_any_request(
    fakeweb: FakeWeb, tmp_path: Path, argument: str, message: str
) -> None:
    """Each of these used to crawl the repo's own sources.toml, the real web included."""
    result = run_crawl(fakeweb.proxy_url, tmp_path, "-a", argument)
    assert result.returncode == 1
    (line_out,) = ERROR_LINE.findall(result.stderr)
    assert line_out == f"newscrawl: error: {message}"
    assert not fakeweb.hits


def test_adhoc_urls_crawl_a_hub_and_its_articles(fakeweb: FakeWeb, tmp_path: Path) -> None:
    hub = "http://lequotidien.test/rubrique/actualite/"
    result = run_crawl(fakeweb.proxy_url, tmp_path, "-a", f"urls={hub}")
    assert result.returncode == 0, result.stderr[-3000:]
    articles = {
        "http://lequotidien.test/actualite/2026/11/30/senat-adopte-budget-securite-sociale",
        "http://lequotidien.test/actualite/2026/11/29/greve-sncf-trafic-perturbe-sud-week-end",
    }
    records = by_url(result.records)
    assert set(records) == articles
    for url, record in records.items():
        assert record == expected_record(GOLDENS[url], record, source="adhoc")
    assert fakeweb.fetched(hub) == 1
    assert fakeweb.fetched("http://lequotidien.test/rubrique/actualite/?page=2") == 1  # depth 1
    assert result.stat("newscrawl/source/adhoc/items/emitted") == 2


def test_languages_filter_drops_and_counts(fakeweb: FakeWeb, tmp_path: Path) -> None:
    """elrisala's feed has two English stories and one Arabic; only Arabic is wanted."""
    result = crawl_sources(
        fakeweb,
        tmp_path,
        (
            '[[source]]\nname = "elrisala"\nfeeds = ["http://elrisala.test/feed.rss"]\n'
            'languages = ["ar"]\n'
        ),
    )
    assert [r["language"] for r in result.records] == ["ar"]
    assert f": 1 source(s) from {tmp_path / 'sources.toml'}" in result.stderr  # the log says
    (record,) = result.records
    assert record == expected_record(GOLDENS[record["url"]], record)
    assert result.stat("newscrawl/language/dropped") == 2
    assert result.stat("item_dropped_reasons_count/LanguageNotWanted") == 2
    assert result.stat("newscrawl/items/processed") == 3
    assert result.stat("newscrawl/items/emitted") + result.stat("item_dropped_count") == 3


def test_allow_and_deny_apply_to_feed_and_sitemap_entries(fakeweb: FakeWeb, tmp_path: Path) -> None:
    """``deny`` means never follow, whichever way the URL was found: elrisala's feed lists
    its Arabic story under /ar/, lequotidien's sitemap three stories, one under /societe/."""
    result = crawl_sources(
        fakeweb,
        tmp_path,
        (
            '[[source]]\nname = "elrisala"\nfeeds = ["http://elrisala.test/feed.rss"]\n'
            "deny = ['/ar/']\n\n"
            '[[source]]\nname = "lequotidien"\nsitemaps = ["http://lequotidien.test/sitemap.xml"]\n'
            "allow = ['/actualite/']\n"
        ),
    )
    fetched = fakeweb.fetched_urls()
    assert not any("/ar/" in url or "/societe/" in url for url in fetched)
    records = result.records
    assert len([r for r in records if r["source"] == "elrisala"]) == 2
    assert {r["url"] for r in records if r["source"] == "lequotidien"} == {
        "http://lequotidien.test/actualite/2026/11/29/greve-sncf-trafic-perturbe-sud-week-end",
        "http://lequotidien.test/actualite/2026/11/30/senat-adopte-budget-securite-sociale",
    }
    assert result.stat("newscrawl/source/elrisala/discovery/denied") == 1
    assert result.stat("newscrawl/source/lequotidien/discovery/denied") == 1


def test_a_sources_publisher_names_its_own_sites_only(fakeweb: FakeWeb, tmp_path: Path) -> None:
    """An aggregator's feed lists its own story and another outlet's: ``publisher`` names
    the aggregator's copy, not the page on the other outlet's site."""
    own = (
        "http://elrisala.test/2026/11/30/shipping-giants-reroute-ships-as-red-sea-insurance-soars/"
    )
    other = "http://lequotidien.test/actualite/2026/11/30/senat-adopte-budget-securite-sociale"
    items = "".join(f"<item><title>t</title><link>{url}</link></item>" for url in (own, other))
    fakeweb.add("http://elrisala.test/mixed.rss", f'<rss version="2.0"><channel>{items}</channel></rss>',
                content_type="application/rss+xml")  # fmt: skip
    result = crawl_sources(
        fakeweb,
        tmp_path,
        (
            '[[source]]\nname = "elrisala"\npublisher = "Elrisala News"\n'
            'feeds = ["http://elrisala.test/mixed.rss"]\n'
        ),
    )
    records = by_url(result.records)
    assert records[own]["publisher"] == "Elrisala News"
    assert records[other]["publisher"] == GOLDENS[other]["publisher"] != "Elrisala News"


def test_csv_and_xml_feeds_hold_plain_data(fakeweb: FakeWeb, tmp_path: Path) -> None:
    """``-O out.csv`` has ``scrapy export --format csv``'s columns, ``-O out.xml`` nested
    elements: neither holds a Python repr ("Attribution(...)", "None")."""
    csv_out, xml_out = tmp_path / "out.csv", tmp_path / "out.xml"
    result = run_crawl(fakeweb.proxy_url, tmp_path, "-a", "urls=http://express.test/posts/rss/1/news",
                       "-O", str(csv_out), "-O", str(xml_out))  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    records = {r["id"]: r for r in result.records}
    assert records
    with csv_out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == CSV_FIELDS
    assert {row["id"]: row for row in rows} == {
        id_: {k: "" if v is None else str(v) for k, v in csv_row(r).items()}
        for id_, r in records.items()
    }
    root = etree.parse(str(xml_out)).getroot()
    items = root.findall("item")
    assert len(items) == len(records)
    for item in items:
        record = records[item.findtext("id")]
        assert [child.tag for child in item] == list(record)
        assert [v.text for v in item.find("authors")] == record["authors"]
        attribution = item.find("attribution")
        assert (attribution.findtext("original_source") or None) == record["attribution"][
            "original_source"
        ]
        assert (item.findtext("modified") or None) == record["modified"]
    assert "None" not in xml_out.read_text(encoding="utf-8")


def test_a_feed_or_sitemap_that_is_none_is_named_in_the_log(
    fakeweb: FakeWeb, tmp_path: Path
) -> None:
    """A feed URL that serves the home page, a robots.txt with no Sitemap: line: the crawl
    goes on (the page is read as a start page), and the log says why nothing came of them."""
    result = crawl_sources(
        fakeweb,
        tmp_path,
        (
            '[[source]]\nname = "express"\nfeeds = ["http://express.test/"]\n'
            'sitemaps = ["http://express.test/robots.txt"]\nmax_depth = 0\n'
        ),
    )
    assert (
        "WARNING: Source express: the feed http://express.test/ is no feed (text/html):"
        " read as a start page" in result.stderr
    )
    assert "WARNING: Source express: http://express.test/robots.txt lists no Sitemap: line" in (
        result.stderr
    )


def test_fast_extraction_gives_the_golden_records_on_the_fake_web(
    web: FakeWeb, tmp_path: Path
) -> None:
    """``NEWSCRAWL_EXTRACTION=fast`` (no precision run) on well-marked-up news pages: the
    default's records, one per story (which syndicated copy arrives first may differ); what
    it gives up shows on harder pages (benchmarks.md)."""
    fast = run_crawl(web.proxy_url, tmp_path, "-a", f"sources={SOURCES}",
                     "-s", "NEWSCRAWL_EXTRACTION=fast")  # fmt: skip
    assert fast.returncode == 0, fast.stderr[-3000:]
    records = by_url(fast.records)
    for group in DUPLICATE_GROUPS:
        assert len(set(records) & set(group)) == 1, group
    assert set(GOLDENS) - SYNDICATED <= set(records)
    for url, record in records.items():
        assert record == expected_record(GOLDENS[url], record), url


def test_unknown_extraction_mode_fails_in_one_line(fakeweb: FakeWeb, tmp_path: Path) -> None:
    result = run_crawl(fakeweb.proxy_url, tmp_path, "-a", f"sources={SOURCES}",
                       "-s", "NEWSCRAWL_EXTRACTION=quick")  # fmt: skip
    assert result.returncode == 1
    assert "NEWSCRAWL_EXTRACTION='quick': expected thorough or fast" in result.stderr
    assert not fakeweb.hits


def test_a_mistyped_setting_fails_in_one_line(fakeweb: FakeWeb, tmp_path: Path) -> None:
    """``-s NEWSCRAWL_KEEP_DUPLICATE=True`` would otherwise run and drop the duplicates the
    user asked to keep."""
    result = run_crawl(fakeweb.proxy_url, tmp_path, "-a", f"sources={SOURCES}",
                       "-s", "NEWSCRAWL_KEEP_DUPLICATE=True")  # fmt: skip
    assert result.returncode == 1
    (line_out,) = ERROR_LINE.findall(result.stderr)
    assert line_out == ("newscrawl: error: NEWSCRAWL_KEEP_DUPLICATE: no such setting;"
                        " did you mean NEWSCRAWL_KEEP_DUPLICATES?")  # fmt: skip
    assert not fakeweb.hits


def test_sitemaps_up_to_50_mb_are_read_and_each_sitemap_once(
    fakeweb: FakeWeb, tmp_path: Path
) -> None:
    """A 50,000-URL sitemap weighs about 10 MB, over the 8 MiB page limit; an index that
    lists itself is read once, not again and again until DEPTH_LIMIT."""
    story = "http://lequotidien.test/actualite/2026/11/30/senat-adopte-budget-securite-sociale"
    padding = "<!-- " + "x" * (9 * 1024 * 1024) + " -->"
    urlset = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
              f"{padding}<url><loc>{story}</loc></url></urlset>")  # fmt: skip
    index = ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             "<sitemap><loc>http://lequotidien.test/index.xml</loc></sitemap>"
             "<sitemap><loc>http://lequotidien.test/big.xml</loc></sitemap></sitemapindex>")  # fmt: skip
    fakeweb.add("http://lequotidien.test/index.xml", index, content_type="application/xml")
    fakeweb.add("http://lequotidien.test/big.xml", urlset, content_type="application/xml")
    result = crawl_sources(
        fakeweb,
        tmp_path,
        '[[source]]\nname = "lequotidien"\nsitemaps = ["http://lequotidien.test/index.xml"]\n',
    )
    assert [r["url"] for r in result.records] == [story]
    assert fakeweb.fetched("http://lequotidien.test/index.xml") == 1
    assert fakeweb.fetched("http://lequotidien.test/big.xml") == 1
    assert "larger than download max size" not in result.stderr


def test_a_redirect_off_the_sources_sites_is_not_used(fakeweb: FakeWeb, tmp_path: Path) -> None:
    """Links and sitemap entries stay on the source's sites, redirects included: a sitemap
    entry that 301s to another outlet's story gives no record under this source."""
    away = "http://lequotidien.test/actualite/2026/11/30/senat-adopte-budget-securite-sociale"
    here = "http://lequotidien.test/actualite/2026/11/29/greve-sncf-trafic-perturbe-sud-week-end"
    fakeweb.redirect("http://valleyherald.test/go/senat", away)
    sitemap = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               "<url><loc>http://valleyherald.test/go/senat</loc></url></urlset>")  # fmt: skip
    fakeweb.add("http://valleyherald.test/moved.xml", sitemap, content_type="application/xml")
    result = crawl_sources(
        fakeweb,
        tmp_path,
        (
            '[[source]]\nname = "herald"\nsitemaps = ["http://valleyherald.test/moved.xml"]\n\n'
            f'[[source]]\nname = "quotidien"\nstart_urls = ["{here}"]\nmax_depth = 0\n'
        ),
    )
    assert fakeweb.fetched(away) == 1  # followed, then not used
    assert [(r["source"], r["url"]) for r in result.records] == [("quotidien", here)]
    assert result.stat("newscrawl/source/herald/discovery/offsite_skipped") == 1


def test_a_source_robots_txt_shuts_out_is_flagged_with_the_reason(
    fakeweb: FakeWeb, tmp_path: Path
) -> None:
    result = crawl_sources(
        fakeweb,
        tmp_path,
        '[[source]]\nname = "express"\nstart_urls = ["http://express.test/search"]\n',
    )
    assert fakeweb.fetched("http://express.test/search") == 0
    assert result.stat("newscrawl/source/express/errors/robots_forbidden") == 1
    assert (
        "Source express flagged (no_articles): no article found (0 pages fetched, 1 fetch errors,"
        in (result.stderr)
    )
    assert "extraction failures); robots_forbidden 1" in result.stderr
