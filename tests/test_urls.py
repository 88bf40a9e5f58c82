"""URL identity: canonical form, registered domain, canonical choice and record id."""

from __future__ import annotations

import pytest

from newscrawl.urls import (
    canonicalize,
    choose_canonical,
    is_tracking_param,
    record_id,
    registered_domain,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://Express.TEST:80/news/a/", "http://express.test/news/a"),
        ("https://x.test:443/a?utm_source=tw&utm_medium=social&id=7", "https://x.test/a?id=7"),
        ("http://x.test/a?fbclid=abc&gclid=1&b=2&a=1#comments", "http://x.test/a?a=1&b=2"),
        ("https://x.test/a?srsltid=AfmBOo&wbraid=1&ttclid=2&p=3", "https://x.test/a?p=3"),
        ("http://x.test/a;jsessionid=ABC123?x=1", "http://x.test/a?x=1"),
        ("http://x.test", "http://x.test/"),
        ("http://x.test//a//b/", "http://x.test/a/b"),
        ("http://x.test:8080/a", "http://x.test:8080/a"),
    ],
)
def test_canonicalize(url: str, expected: str) -> None:
    assert canonicalize(url) == expected


def test_canonicalize_is_idempotent() -> None:
    url = "http://Express.test/news/2026/11/x/?utm_campaign=a&page=2#top"
    assert canonicalize(canonicalize(url)) == canonicalize(url)


def test_tracking_params() -> None:
    assert is_tracking_param("utm_source")
    assert is_tracking_param("FBCLID")
    assert not is_tracking_param("id")
    assert not is_tracking_param("page")


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("www.daily-express.co.uk", "daily-express.co.uk"),
        ("news.bbc.co.uk", "bbc.co.uk"),
        ("express.test", "express.test"),
        ("www.express.test", "express.test"),
        ("127.0.0.1", "127.0.0.1"),
        ("http://www.elrisala.example/x", "elrisala.example"),
    ],
)
def test_registered_domain(host: str, expected: str) -> None:
    assert registered_domain(host) == expected


def test_choose_canonical_same_site_only() -> None:
    amp = "http://courier.test/amp/flood-warning"
    assert choose_canonical(amp, "http://courier.test/news/flood-warning/") == (
        "http://courier.test/news/flood-warning"
    )
    # A canonical on another site is attribution evidence, not this copy's identity.
    copy = "http://elrisala.test/2026/11/kim?utm_source=x"
    assert (
        choose_canonical(copy, "http://express.test/news/kim") == "http://elrisala.test/2026/11/kim"
    )
    assert choose_canonical(copy, None) == "http://elrisala.test/2026/11/kim"


def test_record_id_is_stable_hash_of_canonical_url() -> None:
    a = record_id("http://express.test/news/a")
    assert a == record_id("http://express.test/news/a")
    assert a != record_id("http://express.test/news/b")
    assert len(a) == 32
    assert int(a, 16) >= 0
