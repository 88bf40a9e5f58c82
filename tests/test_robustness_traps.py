"""Crawler-trap shapes, the trap guard on followed requests, and logging a fault kind once."""

from __future__ import annotations

import logging

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from newscrawl import stats
from newscrawl.middlewares.faultlog import FaultCounter
from newscrawl.middlewares.traps import TrapGuardMiddleware
from newscrawl.traps import trap_reason


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://t.test/calendar/2036/01", "calendar_date"),
        ("http://t.test/events/1650-03/", "calendar_date"),
        ("http://t.test/agenda?date=2099-12-01", "calendar_date"),
        ("http://t.test/list?" + "&".join(f"f{i}=v" for i in range(9)), "query_params"),
        ("http://t.test/a/b/a/b/a/b/a/b/", "repeated_segments"),
        ("http://t.test/" + "x" * 2100, "url_length"),
    ],
)
def test_trap_shapes(url: str, reason: str) -> None:
    assert trap_reason(url, now_year=2026) == reason


@pytest.mark.parametrize(
    "url",
    [
        "http://t.test/calendar/2027/05",  # next year's events are real
        "http://t.test/2026/01/15/story-slug",
        "http://t.test/1985/03/12/archive-story",  # archives reach back to the 1850s
        "http://t.test/news/the-1500-richest-people",  # a number, not a date
        "http://t.test/story/2500/slug",  # an id, not a year: no month follows
        "http://t.test/2609-2/",  # WordPress's second post with slug "2609": no date
        "http://t.test/list?" + "&".join(f"f{i}=v" for i in range(8)),
        "http://t.test/news/news/news/",
        "http://[::1",
    ],
)
def test_real_pages_are_not_traps(url: str) -> None:
    assert trap_reason(url, now_year=2026) is None


def test_trap_guard_strips_session_ids_drops_traps_and_spares_seeds() -> None:
    crawler = get_crawler()
    crawler.stats.open_spider()
    guard = TrapGuardMiddleware(crawler)
    kwargs = {"cb_kwargs": {"source": "s"}}
    cleaned = guard.get_processed_request(
        Request("http://t.test/a;jsessionid=XYZ123", **kwargs), None
    )
    assert cleaned is not None
    assert cleaned.url == "http://t.test/a"
    assert (
        guard.get_processed_request(Request("http://t.test/calendar/2099/01", **kwargs), None)
        is None
    )
    seed = Request("http://t.test/calendar/2099/01", meta={"newscrawl_seed": "page"}, **kwargs)
    assert guard.get_processed_request(seed, None) is seed  # the user asked for it
    assert crawler.stats.get_value(stats.per_source(stats.TRAPS_STRIPPED, "s")) == 1
    assert crawler.stats.get_value(f"{stats.TRAPS_REFUSED}/calendar_date") == 1


def test_a_fault_kind_is_logged_once_and_counted_every_time(
    caplog: pytest.LogCaptureFixture,
) -> None:
    crawler = get_crawler()
    crawler.stats.open_spider()
    counter = FaultCounter(crawler.stats, logging.getLogger("newscrawl.test"))
    with caplog.at_level(logging.WARNING, logger="newscrawl.test"):
        for n in range(5):
            counter.count("newscrawl/errors/http/500", "s", "HTTP 500 for %s", f"http://t.test/{n}")
        counter.count("newscrawl/errors/http/404", "s", "HTTP 404 for %s", "http://t.test/x")
    assert [r.getMessage() for r in caplog.records] == [
        "HTTP 500 for http://t.test/0 (further ones are counted in newscrawl/errors/http/500)",
        "HTTP 404 for http://t.test/x (further ones are counted in newscrawl/errors/http/404)",
    ]
    assert crawler.stats.get_value("newscrawl/errors/http/500") == 5
    assert crawler.stats.get_value("newscrawl/source/s/errors/http/500") == 5
