"""Unsafe targets: which URLs are refused, the middlewares that refuse them, and the intranet
switch (NEWSCRAWL_ALLOW_PRIVATE_TARGETS) in a real crawl."""

from __future__ import annotations

from pathlib import Path

import hostileweb as hw
import pytest
from crawling import run_crawl
from fakeweb import FakeWeb
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from newscrawl import stats
from newscrawl.middlewares.budget import PageBudgetMiddleware
from newscrawl.middlewares.safety import UnsafeTargetMiddleware
from newscrawl.targets import REASONS, unsafe_reason


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://169.254.169.254/latest/meta-data/", "link_local"),
        ("http://[fe80::1%25eth0]/", "link_local"),
        ("http://127.0.0.1:8080/", "loopback"),
        ("http://127.1/", "loopback"),
        ("http://2130706433/", "loopback"),
        ("http://0x7f.0.0.1/", "loopback"),
        ("http://0177.0.0.1/", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://10.0.0.1/", "private"),
        ("http://172.16.5.4/", "private"),
        ("http://192.168.1.1/", "private"),
        ("http://[fd00::1]/", "private"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://224.0.0.1/", "multicast"),
        ("http://100.64.0.1/", "reserved"),
        ("http://localhost/", "local_name"),
        ("http://LOCALHOST./", "local_name"),
        ("http://app.localhost/", "local_name"),
        ("http://metadata.google.internal/computeMetadata/v1/", "local_name"),
        ("http://printer.local/", "local_name"),
        ("file:///etc/passwd", "scheme"),
        ("ftp://example.test/x", "scheme"),
        ("gopher://example.test/", "scheme"),
        ("javascript:alert(1)", "scheme"),
        ("data:text/html,hi", "scheme"),
        ("http:///path-only", "no_host"),
        ("http://[::1", "no_host"),
    ],
)
def test_unsafe_targets(url: str, reason: str) -> None:
    assert unsafe_reason(url) == reason
    assert reason in REASONS


@pytest.mark.parametrize(
    "url",
    [
        "http://example.test/",
        "https://news.example.co.uk/2026/01/a",
        "http://8.8.8.8/",
        "http://[2001:4860:4860::8888]/",
        "http://1.2.3.4.5/",  # a name, not an address: the proxy resolves it
        "http://123.example/",
        "http://deadbeef/",
    ],
)
def test_public_targets(url: str) -> None:
    assert unsafe_reason(url) is None


def test_private_targets_are_allowed_for_intranets_but_other_schemes_never() -> None:
    assert unsafe_reason("http://10.0.0.1/", allow_private=True) is None
    assert unsafe_reason("http://localhost/", allow_private=True) is None
    assert unsafe_reason("file:///etc/passwd", allow_private=True) == "scheme"


def _request(url: str, **meta: object) -> Request:
    return Request(url, cb_kwargs={"source": "s1"}, meta=dict(meta))


def test_safety_middleware_refuses_and_counts_per_source() -> None:
    collector = MemoryStatsCollector(get_crawler())
    middleware = UnsafeTargetMiddleware(collector)
    assert middleware.process_request(_request("http://example.test/")) is None
    with pytest.raises(IgnoreRequest):
        middleware.process_request(_request("http://169.254.169.254/"))
    assert collector.get_value(f"{stats.UNSAFE_REFUSED}/link_local") == 1
    key = stats.per_source(f"{stats.UNSAFE_REFUSED}/link_local", "s1")
    assert collector.get_value(key) == 1


def test_safety_middleware_counts_a_redirect_scrapy_will_not_follow() -> None:
    collector = MemoryStatsCollector(get_crawler())
    middleware = UnsafeTargetMiddleware(collector)
    request = _request("http://example.test/a")
    response = Response(request.url, status=302, headers={"Location": "file:///etc/passwd"})
    assert middleware.process_response(request, response) is response
    assert collector.get_value(f"{stats.UNSAFE_REFUSED}/scheme") == 1


def test_the_safety_middleware_is_enabled_before_robots_txt(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path}/store.sqlite3"  # never the repo's default store
    crawler = get_crawler(settings_dict={**_project_settings(), "NEWSCRAWL_STORE": store})
    order = crawler.settings.getwithbase("DOWNLOADER_MIDDLEWARES")
    name = "newscrawl.middlewares.safety.UnsafeTargetMiddleware"
    assert order["scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware"] is None
    assert order[name] < order["newscrawl.middlewares.robots.CountedRobotsTxtMiddleware"]


def _project_settings() -> dict[str, object]:
    from newscrawl import settings as project

    return {k: getattr(project, k) for k in dir(project) if k.isupper()}


def test_budget_counts_a_request_once_and_spares_seeds() -> None:
    collector = MemoryStatsCollector(get_crawler())
    budget = PageBudgetMiddleware(2, collector)
    first = _request("http://example.test/1")
    budget.process_request(first)
    budget.process_request(first.replace(dont_filter=True))  # its retry: same meta, free
    budget.process_request(_request("http://example.test/2"))
    budget.process_request(_request("http://example.test/feed", newscrawl_seed="feed"))
    with pytest.raises(IgnoreRequest):
        budget.process_request(_request("http://example.test/3"))
    assert budget.fetched["s1"] == 2
    assert collector.get_value(stats.per_source(stats.BUDGET_REFUSED, "s1")) == 1


@pytest.mark.e2e
def test_allow_private_targets_lets_an_intranet_crawl_reach_them(tmp_path: Path) -> None:
    sources = f'[[source]]\nname = "unsafe"\nstart_urls = ["{hw.UNSAFE}/"]\nfeeds = ["{hw.UNSAFE}/feed.xml"]\n'
    with FakeWeb(sites_dir=None) as web:
        hw.add_unsafe(web)
        result = run_crawl(web.proxy_url, tmp_path, "-a", f"sources={hw.write_sources(tmp_path, sources)}",
                           "-s", "NEWSCRAWL_ALLOW_PRIVATE_TARGETS=True", "-s", "ROBOTSTXT_OBEY=False",
                           "-s", "DOWNLOAD_TIMEOUT=5")  # fmt: skip
        assert result.returncode == 0, result.stderr[-3000:]
        for url in hw.PRIVATE_URLS:  # through the proxy, which resolves (here: serves) them
            assert web.fetched(url) == 1, url
    for reason in REASONS:
        if reason != "scheme":
            assert result.stat(f"{stats.UNSAFE_REFUSED}/{reason}") == 0
    assert result.stat(f"{stats.UNSAFE_REFUSED}/scheme") == 3  # ftp link, file and gopher redirects
