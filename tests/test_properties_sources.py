"""Properties of the sources parser on arbitrary input: it returns Sources or raises SourcesError
(one line naming the file), never anything else; valid entries always load."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscrawl.exceptions import SourcesError
from newscrawl.sources import Source, adhoc_source, load_sources, parse_sources

T = TypeVar("T")
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

KEYS = st.sampled_from(["name", "publisher", "start_urls", "feeds", "sitemaps", "allow", "deny",
                        "languages", "max_depth", "bogus"])  # fmt: skip
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-3, 10)
    | st.floats(allow_nan=True)
    | st.sampled_from(["site-a", "x", "http://a.test/", "ftp://a.test/", "(", "[a-z]+", "en", "EN"])
    | st.text(max_size=20)
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3), max_leaves=6)
ENTRIES = st.dictionaries(KEYS, VALUES, max_size=6)
DOCUMENTS = st.dictionaries(
    st.sampled_from(["source", "sources", "x"]),
    st.lists(ENTRIES | SCALARS, max_size=3) | SCALARS,
    max_size=2,
)


def _outcome(fn: Callable[..., T], *args: Any) -> tuple[T | None, str | None]:
    """``(result, None)``, or ``(None, message)`` when ``fn`` raised SourcesError."""
    try:
        return fn(*args), None
    except SourcesError as exc:
        return None, str(exc)


@SETTINGS
@given(data=DOCUMENTS)
def test_parse_sources_returns_sources_or_raises_sources_error(data: dict[str, object]) -> None:
    sources, error = _outcome(parse_sources, data, "prop.toml")
    if error is not None:
        assert error.startswith("prop.toml: ")
        assert "\n" not in error
        return
    assert sources
    assert all(isinstance(s, Source) for s in sources)
    assert len({s.name for s in sources}) == len(sources)


@SETTINGS
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_any_file_content_loads_or_fails_with_one_line(tmp_path_factory: pytest.TempPathFactory,
                                                       raw: bytes) -> None:  # fmt: skip
    path = Path(tmp_path_factory.mktemp("src")) / "sources.toml"
    path.write_bytes(raw)
    _, error = _outcome(load_sources, path)
    if error is not None:
        assert error.startswith(str(path))
        assert "\n" not in error.strip()


NAMES = st.from_regex(r"[a-z0-9_-]{1,12}", fullmatch=True)
HTTP_URLS = st.builds(lambda host, path: f"https://{host}.test/{path}",
                      st.from_regex(r"[a-z]{1,8}", fullmatch=True),
                      st.from_regex(r"[a-z0-9/]{0,10}", fullmatch=True))  # fmt: skip


@SETTINGS
@given(names=st.lists(NAMES, min_size=1, max_size=4, unique=True), url=HTTP_URLS,
       depth=st.integers(0, 5))  # fmt: skip
def test_valid_files_always_load(names: list[str], url: str, depth: int) -> None:
    text = "".join(
        f'[[source]]\nname = "{n}"\nstart_urls = ["{url}"]\nmax_depth = {depth}\n' for n in names
    )
    sources = parse_sources(tomllib.loads(text), "ok.toml")
    assert [s.name for s in sources] == names
    assert all(s.max_depth == depth and s.start_urls == (url,) for s in sources)


@SETTINGS
@given(urls=st.text(max_size=80))
def test_adhoc_urls_load_or_fail_with_one_line(urls: str) -> None:
    source, error = _outcome(adhoc_source, urls)
    if error is not None:
        assert error.startswith("-a urls")
        return
    assert source is not None
    assert source.start_urls
