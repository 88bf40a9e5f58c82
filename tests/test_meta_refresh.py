"""CountingMetaRefreshMiddleware: Scrapy's meta-refresh handling, without decoding pages that
cannot hold the tag where Scrapy looks for it."""

from __future__ import annotations

from typing import Any

import pytest
from scrapy import Request
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from newscrawl.middlewares.faults import (
    REFRESH_SCAN_BYTES,
    CountingMetaRefreshMiddleware,
    may_refresh,
)

URL = "https://herald.example/story"
REFRESH = '<meta http-equiv="Refresh" content="0; url=/moved">'
PROSE = "<p>The council approved the budget on Tuesday after a long debate.</p>" * 40


class WatchedResponse(HtmlResponse):
    """An HtmlResponse that records whether its text was decoded."""

    decoded = False

    @property
    def text(self) -> str:
        type(self).decoded = True
        return super().text


def html(head: str, body: str = PROSE) -> str:
    return f"<html><head><title>Budget</title>{head}</head><body>{body}</body></html>"


def outcome(middleware: Any, page: str | bytes, encoding: str = "utf-8") -> str:
    body = page if isinstance(page, bytes) else page.encode(encoding)
    response = HtmlResponse(
        URL, body=body, headers={"Content-Type": f"text/html; charset={encoding}"}
    )
    result = middleware.process_response(Request(URL), response)
    return result.url if isinstance(result, Request) else "kept"


PAGES = [
    (html(REFRESH), "utf-8"),
    (html(REFRESH.upper().replace("/MOVED", "/moved")), "utf-8"),
    (html(""), "utf-8"),
    (html("", "<p>Refresh your browser to see the new scores.</p>"), "utf-8"),
    (html(REFRESH, "<p>Déjà vu: ünïcödé text " + "é" * 3000 + "</p>"), "utf-8"),
    (html("<title>" + "é" * 4080 + "</title>" + REFRESH), "utf-8"),  # past 4,096 characters
    (html(REFRESH), "utf-16"),
    (html(REFRESH), "utf-16-le"),
    (html(REFRESH), "cp1252"),
    (html(REFRESH), "shift_jis"),
    (html("<script>var s = '" + REFRESH + "';</script>"), "utf-8"),  # in a script: ignored
]  # fmt: skip


@pytest.mark.parametrize(("page", "encoding"), PAGES)
def test_the_same_outcome_as_scrapys_own_middleware(page: str, encoding: str) -> None:
    crawler = get_crawler()
    ours = CountingMetaRefreshMiddleware.from_crawler(crawler)
    scrapys = MetaRefreshMiddleware.from_crawler(crawler)
    assert outcome(ours, page, encoding) == outcome(scrapys, page, encoding)


def test_a_meta_refresh_is_still_followed() -> None:
    middleware = CountingMetaRefreshMiddleware.from_crawler(get_crawler())
    assert outcome(middleware, html(REFRESH)) == "https://herald.example/moved"
    assert outcome(middleware, html(REFRESH), "utf-16") == "https://herald.example/moved"


def test_a_page_without_the_tag_is_not_decoded() -> None:
    middleware = CountingMetaRefreshMiddleware.from_crawler(get_crawler())
    WatchedResponse.decoded = False
    response = WatchedResponse(URL, body=html("").encode(), headers={"Content-Type": "text/html"})
    assert middleware.process_response(Request(URL), response) is response
    assert not WatchedResponse.decoded
    refreshing = WatchedResponse(URL, body=html(REFRESH).encode())
    assert isinstance(middleware.process_response(Request(URL), refreshing), Request)
    assert WatchedResponse.decoded  # the test can tell: a page with the tag is decoded


def test_may_refresh_looks_where_scrapy_looks() -> None:
    assert may_refresh(html(REFRESH).encode())
    assert not may_refresh(html("").encode())
    assert may_refresh(html("").encode("utf-16"))  # only decoding can tell
    far = ("x" * REFRESH_SCAN_BYTES + REFRESH).encode()
    assert not may_refresh(far)  # past 4 bytes a character for 4,096 characters
