"""Sources file validation: every bad input is one SourcesError naming file, entry and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawl.exceptions import SourcesError
from newscrawl.sources import DEFAULT_MAX_DEPTH, adhoc_source, load_sources

GOOD = """
[[source]]
name = "elrisala"
publisher = "Elrisala"
start_urls = ["https://elrisala.example/"]
feeds = ["https://elrisala.example/feed/"]
sitemaps = ["https://elrisala.example/robots.txt"]
allow = ['/\\d{4}/\\d{2}/']
deny = ['/tag/', '/author/']
languages = ["en", "ar"]
max_depth = 2

[[source]]
name = "express"
feeds = ["https://www.express.co.uk/posts/rss/1/news"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_contract_example_loads(tmp_path: Path) -> None:
    first, second = load_sources(write(tmp_path, GOOD))
    assert first.name == "elrisala"
    assert first.publisher == "Elrisala"
    assert first.languages == ("en", "ar")
    assert first.max_depth == 2
    assert first.domains == frozenset({"elrisala.example"})
    assert first.url_allowed("https://elrisala.example/2026/11/story")
    assert not first.url_allowed("https://elrisala.example/tag/2026/11/")
    assert not first.url_allowed("https://elrisala.example/about")
    assert second.publisher is None
    assert second.max_depth == DEFAULT_MAX_DEPTH


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('[[source]]\nname = "a"\nfeedz = ["http://a.test/"]\n', "#1 ('a'): unknown key 'feedz'"),
        ('[[source]]\nfeeds = ["http://a.test/"]\n', "#1: key 'name': missing"),
        ('[[source]]\nname = "A b"\nfeeds = ["http://a.test/"]\n', "key 'name': 'A b' must match"),
        (
            '[[source]]\nname = "a"\nfeeds = ["http://a.test/"]\n'
            '[[source]]\nname = "a"\nfeeds = ["http://b.test/"]\n',
            "#2 ('a'): key 'name': duplicate name",
        ),
        (
            '[[source]]\nname = "a"\nfeeds = ["http://a.test/"]\nallow = ["("]\n',
            "key 'allow': bad regex",
        ),
        (
            '[[source]]\nname = "a"\nfeeds = ["ftp://a.test/"]\n',
            "key 'feeds': 'ftp://a.test/' is not",
        ),
        (
            '[[source]]\nname = "a"\nstart_urls = ["http://express .test/"]\n',
            "key 'start_urls': 'http://express .test/': 'express .test' is not a host name",
        ),
        (
            '[[source]]\nname = "a"\nstart_urls = ["http://a.test:80a/"]\n',
            "key 'start_urls': 'http://a.test:80a/' is not an http(s) URL",
        ),
        (
            '[[source]]\nname = "a"\nfeeds = "http://a.test/"\n',
            "key 'feeds': expected a list of strings",
        ),
        ('[[source]]\nname = "a"\nfeeds = ["http://a.test/"]\nmax_depth = -1\n', "key 'max_depth'"),
        (
            '[[source]]\nname = "a"\nfeeds = ["http://a.test/"]\nmax_depth = "2"\n',
            "key 'max_depth'",
        ),
        ('[[source]]\nname = "a"\nlanguages = ["en"]\n', "needs at least one of start_urls"),
        (
            '[[source]]\nname = "a"\nfeeds = ["http://a.test/"]\nlanguages = ["English"]\n',
            "not an ISO 639-1",
        ),
        (  # langdetect names no region: every record would be dropped as not wanted
            '[[source]]\nname = "a"\nfeeds = ["http://a.test/"]\nlanguages = ["en-gb"]\n',
            "'en-gb' is not an ISO 639-1 code (records carry the two-letter code: 'en')",
        ),
        (
            '[[source]]\nname = "a"\nfeeds = ["http://a.test/"]\nlanguages = ["EN"]\n',
            "'EN' is not an ISO 639-1 code",
        ),
        ('[[source]]\nname = "a"\nfeeds = ["http://a.test/"]\npublisher = ""\n', "key 'publisher'"),
        ("[[source]\n", "invalid TOML"),
        ('title = "x"\n', "unknown top-level key 'title'"),
        ("", "no [[source]] entries"),
        ('[source]\nname = "a"\nfeeds = ["http://a.test/"]\n', "write [[source]] for each entry"),
    ],
)
def test_bad_sources_name_file_entry_and_key(tmp_path: Path, body: str, expected: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(SourcesError) as info:
        load_sources(path)
    message = str(info.value)
    assert expected in message
    assert str(path) in message
    assert "\n" not in message


def test_missing_file_is_a_sources_error(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match="cannot read sources file"):
        load_sources(tmp_path / "nope.toml")


def test_adhoc_urls() -> None:
    source = adhoc_source("http://a.test/x, http://b.test/y")
    assert source.name == "adhoc"
    assert source.start_urls == ("http://a.test/x", "http://b.test/y")
    assert source.domains == frozenset({"a.test", "b.test"})
    with pytest.raises(SourcesError, match="not an http"):
        adhoc_source("file:///etc/passwd")
    with pytest.raises(SourcesError, match="no URL given"):
        adhoc_source(" , ")


def test_default_sources_file_is_valid() -> None:
    sources = load_sources(Path(__file__).parent.parent / "sources.toml")
    assert len(sources) >= 5
    assert all(s.feeds or s.sitemaps or s.start_urls for s in sources)
