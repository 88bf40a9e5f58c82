"""End-of-run output: the compact per-source table for the log and the JSON report file. Pure."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from newscrawl.operations.counts import RunSummary, SourceCounts

DEFAULT_REPORT_DIR = Path("output")

_COLUMNS = ("source", "pages", "articles", "known", "dups", "non-art", "errors", "empty/short",
            "yield", "words", "languages", "health")  # fmt: skip


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _languages(counts: SourceCounts, top: int = 3) -> str:
    ranked = sorted(counts.languages.items(), key=lambda kv: (-kv[1], kv[0]))
    text = ",".join(f"{code}:{n}" for code, n in ranked[:top])
    return text + (",..." if len(ranked) > top else "") or "-"


def _row(c: SourceCounts) -> tuple[str, ...]:
    errors = c.error_count("download") + c.error_count("http") + c.error_count("extraction")
    health = "ok" if c.healthy else "FLAGGED: " + ", ".join(f["kind"] for f in c.health)
    words = "-" if c.median_words is None else f"{c.median_words:.0f}"
    return (c.source, str(c.fetched), str(c.emitted), str(c.known), str(c.duplicates_found),
            str(c.not_articles), str(errors), f"{c.empty}/{c.short}", _pct(c.extraction_yield),
            words, _languages(c), health)  # fmt: skip


def format_duration(seconds: float | None) -> str:
    """``1h02m03s`` / ``4m05s`` / ``6s``; ``-`` when unknown."""
    if seconds is None:
        return "-"
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m{secs:02d}s"
    return f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


def format_summary(run: RunSummary) -> str:
    """Headline plus one line per source, aligned, for the log (cron mail)."""
    errors = sum(
        c.error_count(k) for c in run.sources.values() for k in ("download", "http", "extraction")
    )
    flagged = run.flagged
    health = f"{len(flagged)} flagged: " + ", ".join(flagged) if flagged else "all healthy"
    kept = sum(c.duplicates.get("kept", 0) for c in run.sources.values())
    head = (
        f"Run {run.crawl_id} {run.finish_reason or 'running'} in"
        f" {format_duration(run.duration_s)}: {len(run.sources)} sources,"
        f" {run.total('fetched')} pages, {run.total('emitted')} articles,"
        f" {run.total('duplicates_found')} duplicates{f' ({kept} kept)' if kept else ''},"
        f" {errors} errors; {health}"
    )
    rows = [_COLUMNS] + [_row(run.sources[name]) for name in sorted(run.sources)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(_COLUMNS))]
    lines = [head]
    for row in rows:
        cells = [
            cell.ljust(w) if i in (0, len(row) - 2, len(row) - 1) else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  " + "  ".join(cells).rstrip())
    return "\n".join(lines)


def _local_path(uri: str) -> Path | None:
    parts = urlsplit(uri)
    if parts.scheme == "file":
        return Path(unquote(parts.path))
    if parts.scheme and len(parts.scheme) > 1:  # s3://, ftp://, stdout:, ...
        return None
    return Path(uri)


def report_dir(feeds: Mapping[Any, Any] | None, params: Mapping[str, Any]) -> Path:
    """The folder of the first local file feed (``%(name)s``-style params filled), else output/."""
    for uri in feeds or {}:
        path = _local_path(str(uri))
        if path is None:
            continue
        folder = str(path.parent)
        if "%(" in folder:
            try:
                folder = folder % params
            except (KeyError, ValueError, TypeError):
                continue
        return Path(folder)
    return DEFAULT_REPORT_DIR


def write_json_report(run: RunSummary, folder: Path) -> Path:
    """Write ``<folder>/<crawl_id>.report.json`` (atomically) and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{run.crawl_id}.report.json"
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(run.to_dict(), ensure_ascii=False, indent=2, default=str) + "\n",
                   encoding="utf-8")  # fmt: skip
    os.replace(tmp, path)
    return path
