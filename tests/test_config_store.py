"""Settings checks and the SQLite store's article API."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings

from newscrawl.config import NewscrawlConfig, redact_url_credentials
from newscrawl.exceptions import ConfigError, StoreError
from newscrawl.items import CONTRACT_FIELDS, ArticleRecord
from newscrawl.store import open_store


def test_defaults_and_conversion() -> None:
    config = NewscrawlConfig.from_settings(
        Settings({"NEWSCRAWL_KEEP_DUPLICATES": "True", "NEWSCRAWL_MINHASH_PERMS": "64"})
    )
    assert config.keep_duplicates is True
    assert config.minhash_perms == 64
    assert config.store == "sqlite:///newscrawl.sqlite3"


def test_environment_variables_apply_under_the_project_settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Every NEWSCRAWL_* setting can come from the environment: the project's settings.py
    must not shadow one with its own default."""
    monkeypatch.setenv("NEWSCRAWL_STORE", f"sqlite:///{tmp_path}/cron.sqlite3")
    monkeypatch.setenv("NEWSCRAWL_KEEP_DUPLICATES", "True")
    config = NewscrawlConfig.from_settings(get_project_settings())
    assert config.store == f"sqlite:///{tmp_path}/cron.sqlite3"
    assert config.keep_duplicates is True
    given = get_project_settings()
    given.set("NEWSCRAWL_STORE", "sqlite:///given.sqlite3", priority="cmdline")
    assert NewscrawlConfig.from_settings(given).store == "sqlite:///given.sqlite3"  # -s wins


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://crawler:s3cret@db/news", "postgresql://crawler:***@db/news"),
        ("redis://:s3cret@127.0.0.1:6379/0", "redis://:***@127.0.0.1:6379/0"),
        ("postgresql://crawler@db/news?password=s3cret&sslmode=require",
         "postgresql://crawler@db/news?password=***&sslmode=require"),
        ("redis://127.0.0.1:6379/0?db=1&Password=s3cret", "redis://127.0.0.1:6379/0?db=1&Password=***"),
        ("sqlite:///data/news.sqlite3", "sqlite:///data/news.sqlite3"),
    ],
)  # fmt: skip
def test_passwords_are_masked_in_urls_shown(url: str, shown: str) -> None:
    assert redact_url_credentials(url) == shown


def test_a_mistyped_store_scheme_does_not_show_the_password() -> None:
    with pytest.raises(StoreError) as info:
        open_store("postgress://crawler:s3cret@db/news")
    assert "s3cret" not in str(info.value)
    assert "unknown scheme 'postgress'" in str(info.value)


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("NEWSCRAWL_KEEP_DUPLICATES", "maybe", "expected True or False"),
        ("NEWSCRAWL_NEAR_DUP_THRESHOLD", "1.5", "expected 0 < value <= 1"),
        ("NEWSCRAWL_MINHASH_PERMS", "lots", "expected a number"),
        ("NEWSCRAWL_STORE", "newscrawl.sqlite3", "expected a URL"),
    ],
)
def test_bad_settings_name_the_key(key: str, value: str, expected: str) -> None:
    with pytest.raises(ConfigError) as info:
        NewscrawlConfig.from_settings(Settings({key: value}))
    assert key in str(info.value)
    assert expected in str(info.value)


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("NEWSCRAWL_WORKER", "NEWSCRAWL_WORKER: no such setting; did you mean NEWSCRAWL_WORKERS?"),
        ("NEWSCRAWL_COLOUR", "NEWSCRAWL_COLOUR: no such setting; see docs/settings.md"),
    ],
)
def test_an_unknown_project_setting_is_an_error(key: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        NewscrawlConfig.from_settings(Settings({key: "1"}))
    assert str(info.value) == message


def test_unknown_project_names_in_the_environment_are_left_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Other tools share a cron job's environment; only Scrapy settings are checked."""
    monkeypatch.setenv("NEWSCRAWL_HOME", "/srv/newscrawl")
    assert NewscrawlConfig.from_settings(get_project_settings()).workers == 0


def test_unknown_store_scheme() -> None:
    with pytest.raises(StoreError, match="unknown scheme 'mysql'"):
        open_store("mysql://localhost/db")


def test_store_directory_must_exist(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(f"sqlite:///{tmp_path}/missing/dir/s.sqlite3")


def test_add_article_once_and_remember_urls(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/s.sqlite3")
    record = ArticleRecord(id="a1", url="http://x.test/a?utm_source=t", canonical_url="http://x.test/a",
                           content_hash="h1", title="T", text="body").to_dict()  # fmt: skip
    assert store.add_article(record, [record["url"], record["canonical_url"]])
    assert not store.add_article(record, [record["url"]])
    assert store.known_urls(["http://x.test/a", "http://x.test/b"]) == {"http://x.test/a"}
    assert store.first_with_hash("h1") == "a1"
    assert store.count_articles() == 1
    store.close()
    reopened = open_store(f"sqlite:///{tmp_path}/s.sqlite3")
    (stored,) = reopened.iter_records()
    assert list(stored) == list(CONTRACT_FIELDS)
    assert stored == record


def test_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/s.sqlite3")
    record = ArticleRecord(id="a1", url="u", canonical_url="c", content_hash="h").to_dict()

    def write_then_fail() -> None:
        with store.transaction():
            store.add_article(record, ["u"])
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_then_fail()
    assert store.count_articles() == 0
    assert store.known_urls(["u"]) == set()


def test_judged_pages_are_remembered_across_runs(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/s.sqlite3")
    assert (
        store.judged_before("a", "run1", ["http://a.test/about", "http://a.test/contact"]) == set()
    )
    store.close()
    store = open_store(f"sqlite:///{tmp_path}/s.sqlite3")
    again = store.judged_before("a", "run2", ["http://a.test/about", "http://a.test/new"])
    assert again == {"http://a.test/about"}
    assert store.judged_before("a", "run3", ["http://a.test/new"]) == {"http://a.test/new"}
    store.close()
