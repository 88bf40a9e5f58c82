"""``scrapy export``: records from a real store to Parquet, JSON Lines and CSV; read by pandas and DuckDB."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from newscrawl.items import CONTRACT_FIELDS, ArticleRecord, Attribution
from newscrawl.operations.export import parquet_schema, parse_since
from newscrawl.store import open_store

ROOT = Path(__file__).resolve().parent.parent


def record(n: int, source: str, fetched: str, duplicate_of: str | None = None) -> dict:
    rec = ArticleRecord(
        id=f"id{n:03d}",
        url=f"https://{source}.example/2026/01/story-{n}",
        canonical_url=f"https://{source}.example/2026/01/story-{n}",
        source=source,
        domain=f"{source}.example",
        publisher=source.title(),
        title=f"Story {n} – «{source}»",
        text=f'Paragraph one of story {n}.\n\nParagraph two, with ünïcode and, commas "quoted".',
        authors=[f"Author {n}", "Second Author"] if n % 2 else [],
        published="2026-01-05" if n % 2 else "2026-01-05T08:30:00+02:00",
        modified=None,
        language="en",
        language_score=0.99,
        attribution=Attribution(
            original_source="Reuters" if n % 3 == 0 else None,
            original_url=None,
            image_credits=["Getty"] if n % 2 else [],
            evidence=["(Reuters) -"] if n % 3 == 0 else [],
        ),
        word_count=120 + n,
        content_hash=f"h{n:03d}",
        duplicate_of=duplicate_of,
        fetched_at=fetched,
        crawl_id="20260105T050000Z-abcd1234",
    )
    return rec.to_dict()


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path}/store.sqlite3"
    store = open_store(url)
    rows = [
        record(1, "alpha", "2026-01-04T23:59:59+00:00"),
        record(2, "alpha", "2026-01-05T06:00:00+00:00"),
        record(3, "beta", "2026-01-05T07:00:00+00:00"),
        record(4, "beta", "2026-01-06T07:00:00+00:00", duplicate_of="id003"),
    ]
    for rec in rows:
        store.add_article(rec, [rec["url"]])
    store.close()
    return url


def export(store_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "scrapy", "export", "-s", f"NEWSCRAWL_STORE={store_url}", *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)


def test_parquet_export_has_the_documented_schema_and_reads_in_pandas_and_duckdb(
    store_url: str, tmp_path: Path
) -> None:
    out = tmp_path / "records.parquet"
    proc = export(store_url, "--format", "parquet", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "Exported 3 record(s)" in proc.stdout  # the kept duplicate is left out by default
    assert pq.read_schema(out).remove_metadata() == parquet_schema().remove_metadata()

    frame = pd.read_parquet(out)
    assert list(frame.columns) == list(CONTRACT_FIELDS)
    assert list(frame["id"]) == ["id001", "id002", "id003"]
    assert list(frame.loc[0, "authors"]) == ["Author 1", "Second Author"]
    assert list(frame.loc[1, "authors"]) == []
    assert frame.loc[2, "attribution"]["original_source"] == "Reuters"
    assert str(frame["fetched_at"].dt.tz) == "UTC"
    assert frame["word_count"].sum() == 121 + 122 + 123

    con = duckdb.connect()
    rows = con.execute(
        "SELECT source, count(*), max(len(authors)), max(attribution.original_source)"
        " FROM read_parquet(?) GROUP BY source ORDER BY source",
        [str(out)],
    ).fetchall()
    assert rows == [("alpha", 2, 2, None), ("beta", 1, 2, "Reuters")]
    first = con.execute(
        "SELECT fetched_at AT TIME ZONE 'UTC' FROM read_parquet(?) ORDER BY id LIMIT 1", [str(out)]
    ).fetchone()
    assert first is not None
    assert str(first[0]).startswith("2026-01-04 23:59:59")


def test_since_source_and_duplicates_filters(store_url: str, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    proc = export(store_url, "--format", "jsonl", "--since", "2026-01-05", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["id002", "id003"]

    proc = export(store_url, "--source", "beta", "--include-duplicates", "-o", str(out))
    assert proc.returncode == 0, proc.stderr  # format from the .jsonl extension
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == ["id003", "id004"]
    assert records[1]["duplicate_of"] == "id003"
    assert list(records[0]) == list(CONTRACT_FIELDS)


def test_csv_flattens_attribution_and_keeps_lists_as_json(store_url: str, tmp_path: Path) -> None:
    out = tmp_path / "records.csv"
    proc = export(store_url, "--format", "csv", "--source", "alpha", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["id"] for r in rows] == ["id001", "id002"]
    assert json.loads(rows[0]["authors"]) == ["Author 1", "Second Author"]
    assert json.loads(rows[0]["attribution_image_credits"]) == ["Getty"]
    assert rows[0]["text"].endswith('commas "quoted".')
    frame = pd.read_csv(out)
    assert len(frame) == 2
    assert "attribution" not in frame.columns


def test_an_unknown_source_is_warned_about_not_silently_empty(
    store_url: str, tmp_path: Path
) -> None:
    out = tmp_path / "x.jsonl"
    proc = export(store_url, "--source", "alhpa", "-o", str(out))
    assert proc.returncode == 0, proc.stderr  # an empty export is still an export
    assert "Exported 0 record(s)" in proc.stdout
    assert proc.stderr.strip().splitlines()[-1] == (
        "newscrawl: warning: --source 'alhpa': no stored record has this source;"
        " the store has: alpha, beta"
    )
    quiet = export(store_url, "--source", "alpha", "-o", str(out))
    assert "warning" not in quiet.stderr


def test_dash_writes_jsonl_and_csv_to_standard_output(store_url: str, tmp_path: Path) -> None:
    """``-o -`` as Scrapy's ``-O -``: the records on stdout, the count on stderr."""
    to_file = tmp_path / "x.jsonl"
    export(store_url, "--source", "alpha", "-o", str(to_file))
    proc = export(store_url, "--format", "jsonl", "--source", "alpha", "-o", "-")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == to_file.read_text(encoding="utf-8")
    assert "Exported 2 record(s) to standard output (jsonl)" in proc.stderr
    rows = list(csv.DictReader(export(store_url, "--format", "csv", "-o", "-").stdout.splitlines()))
    assert len(rows) == 3
    assert not (ROOT / "-").exists()
    parquet = export(store_url, "--format", "parquet", "-o", "-")
    assert parquet.returncode == 2
    assert "parquet is written to a file only" in parquet.stderr


def test_bad_arguments_are_one_line_errors(store_url: str, tmp_path: Path) -> None:
    proc = export(
        store_url, "--format", "parquet", "--since", "yesterday", "-o", str(tmp_path / "x")
    )
    assert proc.returncode == 2
    assert "--since 'yesterday': expected a date" in proc.stderr
    proc = export("sqlite:////nonexistent/dir/s.sqlite3", "-o", str(tmp_path / "x.csv"))
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1].startswith("newscrawl: error: NEWSCRAWL_STORE=")
    assert not (tmp_path / "x.csv").exists()
    proc = export(f"sqlite:///{tmp_path}/typo.sqlite3", "-o", str(tmp_path / "x.csv"))
    assert proc.returncode == 1
    assert "no store at" in proc.stderr.strip().splitlines()[-1]
    assert not (tmp_path / "typo.sqlite3").exists()
    proc = export(store_url, "--format", "csv", "-o", str(tmp_path))
    assert proc.returncode == 2
    assert f"-o {tmp_path}: is a directory; give a file name" in proc.stderr


def test_since_accepts_dates_and_datetimes_as_utc() -> None:
    assert parse_since("2026-01-05") == "2026-01-05T00:00:00+00:00"
    assert parse_since("2026-01-05T08:00:00+02:00") == "2026-01-05T06:00:00+00:00"
    with pytest.raises(ValueError, match="expected a date"):
        parse_since("05/01/2026")


def test_an_empty_selection_is_still_a_valid_parquet_file(store_url: str, tmp_path: Path) -> None:
    out = tmp_path / "none.parquet"
    proc = export(store_url, "--source", "nobody", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert pd.read_parquet(out).empty
    assert duckdb.connect().execute(
        "SELECT count(*) FROM read_parquet(?)", [str(out)]
    ).fetchall() == [(0,)]
