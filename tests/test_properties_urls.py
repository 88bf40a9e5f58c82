"""Properties of URL handling on arbitrary input: canonicalisation never raises and is idempotent,
session stripping is part of it, and the safety and trap checks never raise."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newscrawl.targets import REASONS, unsafe_reason
from newscrawl.traps import REASONS as TRAP_REASONS
from newscrawl.traps import trap_reason
from newscrawl.urls import (
    canonicalize,
    is_session_param,
    record_id,
    registered_domain,
    strip_session,
)

SETTINGS = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])

KEYS = st.sampled_from(["id", "page", "utm_source", "fbclid", "PHPSESSID", "jsessionid", "sid",
                        "q", "a", "amp", "", "date"]) | st.text(max_size=8)  # fmt: skip
VALUES = st.sampled_from(["1", "", "x y", "9a0364b9e99bb480dd25e1f0284c8555", "2099-01",
                          "%20", "a=b"]) | st.text(max_size=12)  # fmt: skip
HOSTS = st.sampled_from(["Example.TEST", "news.bbc.co.uk", "127.0.0.1", "[::1]", "10.0.0.1",
                         "2130706433", "localhost", "", "xn--bcher-kva.test", "a..b",
                         "[::1", "x.test:99999", "x.test:80"]) | st.text(max_size=15)  # fmt: skip
SEGMENTS = st.sampled_from(["news", "2026", "01", "a;jsessionid=ABC", "(S(abc123))", "..",
                            "", "café", "a%2Fb", "index.html"]) | st.text(max_size=10)  # fmt: skip


@st.composite
def urls(draw: st.DrawFn) -> str:
    """URL-shaped strings: real parts (tracking and session ids, odd hosts) and junk."""
    scheme = draw(st.sampled_from(["http", "https", "HTTP", "ftp", "file", "", "javascript"]))
    path = "/".join(draw(st.lists(SEGMENTS, max_size=6)))
    pairs = draw(st.lists(st.tuples(KEYS, VALUES), max_size=5))
    query = "&".join(f"{k}={v}" for k, v in pairs)
    fragment = draw(st.sampled_from(["", "#top", "#"]))
    return f"{scheme}://{draw(HOSTS)}/{path}" + (f"?{query}" if query else "") + fragment


ANY_URL = urls() | st.text(max_size=60)


@SETTINGS
@given(url=ANY_URL)
@example("http://[::1")
@example("http://x.test:99999/a")
def test_canonicalize_never_raises_and_is_idempotent(url: str) -> None:
    once = canonicalize(url)
    assert isinstance(once, str)
    assert canonicalize(once) == once
    assert re.fullmatch(r"[0-9a-f]{32}", record_id(once))


@SETTINGS
@given(url=urls())
@example("http://x.test/a;jsessionid=ABC?PHPSESSID=1&sid=9a0364b9e99bb480dd25e1f0284c8555")
@example("http://Example.TEST/ ?PHPSESSID=1")  # found by hypothesis: a blank left at the end
def test_session_ids_are_stripped_idempotently_and_canonicalisation_agrees(url: str) -> None:
    stripped = strip_session(url)
    assert strip_session(stripped) == stripped
    assert canonicalize(stripped) == canonicalize(url)
    if re.match(r"https?://[^/?#]", stripped.lower()) and _parsable(stripped):  # fetchable
        parts = urlsplit(stripped)
        assert ";jsessionid=" not in parts.path.lower()
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        assert not any(is_session_param(k, v) for k, v in pairs)


def _parsable(url: str) -> bool:
    try:
        urlsplit(url)
    except ValueError:  # "http://]/": no URL anyone can fetch, so nothing to strip
        return False
    return True


@SETTINGS
@given(url=ANY_URL, allow=st.booleans())
def test_the_safety_check_never_raises(url: str, allow: bool) -> None:
    reason = unsafe_reason(url, allow_private=allow)
    assert reason is None or reason in REASONS
    if reason is None:
        assert url.strip().lower().startswith(("http://", "https://"))


@SETTINGS
@given(url=ANY_URL)
def test_the_trap_check_and_registered_domain_never_raise(url: str) -> None:
    assert trap_reason(url, now_year=2026) in (None, *TRAP_REASONS)
    assert isinstance(registered_domain(url), str)
