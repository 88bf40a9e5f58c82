"""The HTML report of recent runs: one self-contained file (inline CSS and SVG, no script). Pure."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from newscrawl.operations.charts import line_chart
from newscrawl.operations.counts import RunSummary, SourceCounts
from newscrawl.operations.summary import format_duration

CSS = """
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 24px;
       color: #1d2733; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; }
.meta { color: #5b6b7b; margin-bottom: 16px; }
.status { padding: 10px 14px; border-radius: 6px; margin: 12px 0; font-weight: 600; }
.status.ok { background: #e6f4ea; color: #1e6b34; }
.status.bad { background: #fde7e7; color: #9b1c1c; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; }
svg.chart { border: 1px solid #dde3ea; border-radius: 6px; background: #fbfcfd; }
.chart-title { font-size: 14px; font-weight: 600; fill: #1d2733; }
.tick, .legend { font-size: 11px; fill: #4a5868; }
.grid { stroke: #e3e8ee; } .axis { stroke: #9aa6b2; }
table { border-collapse: collapse; margin: 6px 0 14px; font-size: 13px; }
th, td { padding: 4px 8px; border-bottom: 1px solid #e3e8ee; text-align: right;
         white-space: nowrap; }
th { background: #f3f6f9; } th:first-child, td:first-child, .text { text-align: left; }
tr.flagged td { background: #fff4f4; } td.bad { color: #9b1c1c; font-weight: 600; }
details { margin: 6px 0; } summary { cursor: pointer; font-weight: 600; }
"""

Column = tuple[str, Callable[[SourceCounts], str]]


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _words(c: SourceCounts) -> str:
    return "–" if c.median_words is None else f"{c.median_words:.0f}"


def _langs(c: SourceCounts) -> str:
    ranked = sorted(c.languages.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{code} {n}" for code, n in ranked[:4]) or "–"


def _health(c: SourceCounts) -> str:
    return "; ".join(f"{f['kind']}: {f['message']}" for f in c.health) or "ok"


SOURCE_COLUMNS: list[Column] = [
    ("pages", lambda c: str(c.fetched)),
    ("articles", lambda c: str(c.emitted)),
    ("already stored", lambda c: str(c.known)),
    (
        "dup url/exact/near",
        lambda c: "/".join(str(c.duplicates.get(k, 0)) for k in ("url", "exact", "near")),
    ),
    ("dup rate", lambda c: _pct(c.duplicate_rate)),
    ("non-articles", lambda c: str(c.not_articles)),
    (
        "errors dl/http/extr",
        lambda c: "/".join(str(c.error_count(k)) for k in ("download", "http", "extraction")),
    ),
    ("error rate", lambda c: _pct(c.error_rate)),
    ("empty/short", lambda c: f"{c.empty}/{c.short}"),
    ("yield", lambda c: _pct(c.extraction_yield)),
    ("median words", _words),
    ("languages", _langs),
]


def _run_label(run: RunSummary) -> str:
    return run.started_at[5:16].replace("T", " ") if run.started_at else run.crawl_id


def _source_order(runs: list[RunSummary]) -> list[str]:
    """Flagged sources of the latest run first, then by articles over all runs."""
    latest = runs[-1] if runs else RunSummary("")
    totals: dict[str, int] = {}
    for run in runs:
        for name, c in run.sources.items():
            totals[name] = totals.get(name, 0) + c.emitted
    return sorted(totals, key=lambda s: (s not in latest.flagged, -totals[s], s))


def _series(
    runs: list[RunSummary], order: list[str], value: Callable[[SourceCounts], float | None]
) -> dict[str, list[float | None]]:
    return {
        name: [value(run.sources[name]) if name in run.sources else None for run in runs]
        for name in order
    }


def _table(head: list[str], rows: list[tuple[list[str], bool]], text_cols: set[int]) -> str:
    ths = "".join(
        f'<th class="text">{escape(h)}</th>' if i in text_cols else f"<th>{escape(h)}</th>"
        for i, h in enumerate(head)
    )
    out = ["<table>", f"<tr>{ths}</tr>"]
    for cells, flagged in rows:
        tds = "".join(
            f'<td class="text">{escape(c)}</td>' if i in text_cols else f"<td>{escape(c)}</td>"
            for i, c in enumerate(cells)
        )
        out.append(f'<tr class="flagged">{tds}</tr>' if flagged else f"<tr>{tds}</tr>")
    out.append("</table>")
    return "\n".join(out)


def _runs_table(runs: list[RunSummary]) -> str:
    head = ["started (UTC)", "crawl id", "duration", "exit", "pages", "articles",
            "duplicates", "errors", "flagged sources"]  # fmt: skip
    rows = []
    for run in reversed(runs):
        errors = sum(c.error_count(k) for c in run.sources.values()
                     for k in ("download", "http", "extraction"))  # fmt: skip
        exit_reason = run.finish_reason or "did not finish"
        rows.append(([
            run.started_at.replace("T", " ")[:19], run.crawl_id,
            format_duration(run.duration_s), exit_reason, str(run.total("fetched")),
            str(run.total("emitted")), str(run.total("duplicates_dropped")), str(errors),
            ", ".join(run.flagged) or "–",
        ], bool(run.flagged) or exit_reason != "finished"))  # fmt: skip
    return _table(head, rows, {0, 1, 3, 8})


def _latest_table(run: RunSummary, order: list[str]) -> str:
    head = ["source"] + [name for name, _ in SOURCE_COLUMNS] + ["health"]
    rows = []
    for name in order:
        if name in run.sources:
            c = run.sources[name]
            rows.append(([name] + [fmt(c) for _, fmt in SOURCE_COLUMNS] + [_health(c)],
                         not c.healthy))  # fmt: skip
    return _table(head, rows, {0, len(head) - 2, len(head) - 1})


def _history_tables(runs: list[RunSummary], order: list[str], latest: RunSummary) -> str:
    out = []
    head = ["run started"] + [name for name, _ in SOURCE_COLUMNS] + ["health"]
    for name in order:
        rows = [
            ([_run_label(run)] + [fmt(run.sources[name]) for _, fmt in SOURCE_COLUMNS]
             + [_health(run.sources[name])], not run.sources[name].healthy)
            for run in reversed(runs) if name in run.sources
        ]  # fmt: skip
        open_attr = " open" if name in latest.flagged else ""
        out.append(f'<details class="source" id="source-{escape(name)}"{open_attr}>'
                   f"<summary>{escape(name)}</summary>")  # fmt: skip
        out.append(_table(head, rows, {0, len(head) - 2, len(head) - 1}))
        out.append("</details>")
    return "\n".join(out)


def render_report(runs: list[RunSummary], store_label: str, generated_at: str) -> str:
    """The whole HTML document for ``runs`` (oldest first)."""
    order = _source_order(runs)
    labels = [_run_label(run) for run in runs]
    if runs:
        latest = runs[-1]
        if latest.flagged:
            status = (f'<div class="status bad">Latest run {escape(latest.crawl_id)}:'
                      f" {len(latest.flagged)} source(s) flagged:"
                      f" {escape(', '.join(latest.flagged))}</div>")  # fmt: skip
        elif latest.finish_reason != "finished":
            status = (f'<div class="status bad">Latest run {escape(latest.crawl_id)} ended:'
                      f" {escape(latest.finish_reason or 'did not finish')}</div>")  # fmt: skip
        else:
            status = (f'<div class="status ok">Latest run {escape(latest.crawl_id)}: finished,'
                      " all sources healthy</div>")  # fmt: skip
    else:
        latest = RunSummary("")
        status = '<div class="status bad">No run recorded in this store yet.</div>'
    charts = [
        line_chart("chart-articles", "Articles per run", labels,
                   _series(runs, order, lambda c: float(c.emitted))),
        line_chart("chart-duplicates", "Duplicate rate", labels,
                   _series(runs, order, lambda c: c.duplicate_rate), percent=True),
        line_chart("chart-errors", "Error rate (download + HTTP)", labels,
                   _series(runs, order, lambda c: c.error_rate), percent=True),
        line_chart("chart-yield", "Extraction yield", labels,
                   _series(runs, order, lambda c: c.extraction_yield), percent=True),
    ]  # fmt: skip
    span = f"{runs[0].started_at[:16]} to {runs[-1].started_at[:16]}" if runs else "no runs"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>newscrawl report</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>newscrawl report</h1>",
        f'<div class="meta">Last {len(runs)} run(s), {escape(span)} UTC · store'
        f" {escape(store_label)} · generated {escape(generated_at)}</div>",
        status,
        "<h2>Trends</h2>",
        '<div class="charts">',
        *charts,
        "</div>",
        "<h2>Runs</h2>",
        _runs_table(runs),
    ]
    if runs:
        parts += [
            f"<h2>Sources in the latest run ({escape(latest.crawl_id)})</h2>",
            _latest_table(latest, order),
            "<h2>Each source over time</h2>",
            _history_tables(runs, order, latest),
        ]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
