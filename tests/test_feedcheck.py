"""The start-up check of local feed files: a feed that cannot be written stops the run."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.settings import Settings

from newscrawl.exceptions import ConfigError
from newscrawl.feedcheck import check_feed_targets, local_feed_path


@pytest.mark.parametrize(
    ("uri", "path"),
    [
        ("output/%(name)s-%(time)s.jsonl", Path("output/x-x.jsonl")),
        ("file:///srv/feeds/%(name)s/out%20put.jsonl", Path("/srv/feeds/x/out put.jsonl")),
        ("/tmp/out.csv", Path("/tmp/out.csv")),
        ("s3://bucket/%(name)s.jsonl", None),
        ("stdout:", None),
    ],
)
def test_local_feed_paths(uri: str, path: Path | None) -> None:
    assert local_feed_path(uri) == path


def test_writable_targets_pass_missing_folders_included(tmp_path: Path) -> None:
    (tmp_path / "old.jsonl").write_text("")
    feeds = {f"{tmp_path}/new/deeper/%(name)s.jsonl": {}, f"{tmp_path}/old.jsonl": {},
             "s3://bucket/x.jsonl": {}}  # fmt: skip
    check_feed_targets(Settings({"FEEDS": feeds}))


def test_a_file_in_the_way_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "sources.toml"
    blocker.write_text("")
    uri = f"{blocker}/out/%(name)s.jsonl"
    with pytest.raises(ConfigError) as info:
        check_feed_targets(Settings({"FEEDS": {uri: {}}}))
    assert str(info.value) == f"FEEDS: cannot write {uri}: {blocker} is not a directory"


def test_a_directory_as_the_feed_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=f"{tmp_path} is a directory"):
        check_feed_targets(Settings({"FEEDS": {str(tmp_path): {}}}))
