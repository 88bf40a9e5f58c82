"""Runs in the store: write a run at start and at close, read recent runs and a source's history.

Tables ``runs`` and ``run_sources`` (RUNS section of newscrawl/store/schema.py). Plain SQL
with ``?`` placeholders through Store, so it works on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import json
from typing import Any

from newscrawl.operations.counts import RunSummary, SourceCounts
from newscrawl.store import Store

_RUN_COLUMNS = (
    "crawl_id, spider, started_at, finished_at, finish_reason, host, pid, pages, articles,"
    " duplicates, errors, flagged, settings, totals"
)
_SOURCE_COLUMNS = (
    "crawl_id, source, fetched, article_pages, emitted, known, duplicates_url,"
    " duplicates_exact, duplicates_near, duplicates_kept, not_articles, errors_download,"
    " errors_http, errors_extraction, empty, short, median_words, extraction_yield, health,"
    " detail"
)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _run_row(run: RunSummary) -> tuple[Any, ...]:
    errors = sum(c.error_count(kind) for c in run.sources.values() for kind in ("download", "http"))
    return (
        run.crawl_id, run.spider, run.started_at, run.finished_at, run.finish_reason,
        run.host, run.pid, run.total("fetched"), run.total("emitted"),
        run.total("duplicates_dropped"), errors, len(run.flagged),
        _dumps(run.settings), _dumps(run.totals),
    )  # fmt: skip


def _source_row(crawl_id: str, c: SourceCounts) -> tuple[Any, ...]:
    return (
        crawl_id, c.source, c.fetched, c.article_pages, c.emitted, c.known,
        c.duplicates.get("url", 0), c.duplicates.get("exact", 0), c.duplicates.get("near", 0),
        c.duplicates.get("kept", 0), c.not_articles, c.error_count("download"),
        c.error_count("http"), c.error_count("extraction"), c.empty, c.short, c.median_words,
        c.extraction_yield, _dumps(c.health), _dumps(c.to_dict()),
    )  # fmt: skip


def save_run(store: Store, run: RunSummary) -> None:
    """Insert or replace the run and its per-source rows, in one transaction."""
    marks = ",".join("?" * 14)
    with store.transaction():
        store.execute("DELETE FROM run_sources WHERE crawl_id = ?", (run.crawl_id,))
        store.execute("DELETE FROM runs WHERE crawl_id = ?", (run.crawl_id,))
        store.execute(f"INSERT INTO runs ({_RUN_COLUMNS}) VALUES ({marks})", _run_row(run))
        if run.sources:
            store.executemany(
                f"INSERT INTO run_sources ({_SOURCE_COLUMNS}) VALUES ({','.join('?' * 20)})",
                [_source_row(run.crawl_id, c) for c in run.sources.values()],
            )


def _run_from_row(row: tuple[Any, ...]) -> RunSummary:
    (crawl_id, spider, started_at, finished_at, finish_reason, host, pid, *_counts,
     settings, totals) = row  # fmt: skip
    return RunSummary(
        crawl_id=crawl_id,
        spider=spider,
        started_at=started_at,
        finished_at=finished_at,
        finish_reason=finish_reason,
        host=host,
        pid=int(pid),
        settings=json.loads(settings),
        totals=json.loads(totals),
    )


def _attach_sources(store: Store, runs: list[RunSummary]) -> None:
    by_id = {run.crawl_id: run for run in runs}
    ids = list(by_id)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = store.query(
            "SELECT crawl_id, detail FROM run_sources"
            f" WHERE crawl_id IN ({','.join('?' * len(chunk))})",
            chunk,
        )
        for crawl_id, detail in rows:
            counts = SourceCounts.from_dict(json.loads(detail))
            by_id[crawl_id].sources[counts.source] = counts


def load_runs(store: Store, limit: int = 30) -> list[RunSummary]:
    """The last ``limit`` runs by start time, oldest first, with their per-source counts."""
    rows = store.query(
        f"SELECT {_RUN_COLUMNS} FROM runs ORDER BY started_at DESC, crawl_id DESC LIMIT ?",
        (int(limit),),
    )
    runs = [_run_from_row(row) for row in reversed(rows)]
    _attach_sources(store, runs)
    return runs


def load_run(store: Store, crawl_id: str) -> RunSummary | None:
    """One run by id, or None."""
    rows = store.query(f"SELECT {_RUN_COLUMNS} FROM runs WHERE crawl_id = ?", (crawl_id,))
    if not rows:
        return None
    run = _run_from_row(rows[0])
    _attach_sources(store, [run])
    return run


def source_history(
    store: Store, source: str, before: str, exclude: str = "", limit: int = 5
) -> list[SourceCounts]:
    """The source's counts in its last ``limit`` finished runs started before ``before``."""
    rows = store.query(
        "SELECT rs.detail FROM run_sources rs JOIN runs r ON r.crawl_id = rs.crawl_id"
        " WHERE rs.source = ? AND r.started_at < ? AND r.crawl_id <> ?"
        " AND r.finished_at IS NOT NULL"
        " ORDER BY r.started_at DESC LIMIT ?",
        (source, before, exclude, int(limit)),
    )
    return [SourceCounts.from_dict(json.loads(detail)) for (detail,) in rows]
