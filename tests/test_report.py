"""``scrapy report``: one self-contained HTML file with run and source tables and four SVG charts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html as lxml_html

from newscrawl.operations.charts import PALETTE, line_chart, nice_max
from newscrawl.operations.counts import RunSummary, SourceCounts
from newscrawl.operations.htmlreport import render_report
from newscrawl.operations.runs import save_run
from newscrawl.store import open_store

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"


def source(name: str, articles: int, *, dups: int = 0, errors: int = 0, words: float = 300.0,
           flag: str = "") -> SourceCounts:  # fmt: skip
    c = SourceCounts(name, fetched=articles + 3 + errors, article_pages=articles + dups,
                     emitted=articles, duplicates={"exact": dups} if dups else {},
                     errors={"http/500": errors} if errors else {},
                     not_article={"home_page": 1, "short_body": 2},
                     languages={"en": articles}, median_words=words if articles else None)  # fmt: skip
    if flag:
        c.health = [{"kind": flag, "message": f"{flag} <explained>"}]
    return c


def make_runs() -> list[RunSummary]:
    runs = []
    for day in range(1, 5):
        run = RunSummary(f"2026010{day}T050000Z-run{day}", started_at=f"2026-01-0{day}T05:00:00+00:00",
                         finished_at=f"2026-01-0{day}T05:03:10+00:00", finish_reason="finished",
                         host="cron1", pid=100 + day)  # fmt: skip
        broken = day == 4
        run.sources = {
            "alpha": source("alpha", 20 + day, dups=day),
            "beta": source(
                "beta",
                0 if broken else 8,
                errors=5 if broken else 0,
                flag="no_articles" if broken else "",
            ),
        }
        runs.append(run)
    return runs


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path}/store.sqlite3"
    store = open_store(url)
    for run in make_runs():
        save_run(store, run)
    store.close()
    return url


def run_report(store_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "scrapy", "report", "-s", f"NEWSCRAWL_STORE={store_url}", *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)


def test_report_command_writes_the_last_n_runs(store_url: str, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    proc = run_report(store_url, "--runs", "3", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert f"Report of 3 run(s) written to {out}" in proc.stdout
    doc = lxml_html.fromstring(out.read_text(encoding="utf-8"))
    runs_table = doc.xpath("//h2[text()='Runs']/following-sibling::table[1]")[0]
    crawl_ids = [row.xpath("td[2]/text()")[0] for row in runs_table.xpath("tr[td]")]
    assert crawl_ids == ["20260104T050000Z-run4", "20260103T050000Z-run3", "20260102T050000Z-run2"]
    status = doc.xpath("//div[contains(@class,'status')]")[0]
    assert "bad" in status.get("class")
    assert "1 source(s) flagged: beta" in status.text_content()
    # The flagged source's row says why, escaped, and its history is open.
    latest = doc.xpath(
        "//h2[starts-with(text(),'Sources in the latest run')]/following-sibling::table[1]"
    )[0]
    flagged = latest.xpath("tr[@class='flagged']")
    assert [r.xpath("td[1]/text()")[0] for r in flagged] == ["beta"]
    assert "no_articles: no_articles <explained>" in flagged[0].text_content()
    assert len(doc.xpath("//details[@id='source-beta'][@open]")) == 1
    assert doc.xpath("//details[@id='source-alpha'][@open]") == []


def test_report_has_four_charts_with_a_line_per_source(store_url: str, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert run_report(store_url, "-o", str(out)).returncode == 0
    doc = lxml_html.fromstring(out.read_text(encoding="utf-8"))
    charts = {svg.get("id"): svg for svg in doc.xpath("//svg")}
    assert list(charts) == ["chart-articles", "chart-duplicates", "chart-errors", "chart-yield"]
    articles = charts["chart-articles"]
    series = {g.get("data-series"): g for g in articles.xpath(".//g[@class='series']")}
    assert list(series) == ["beta", "alpha"]  # the flagged source first
    alpha_points = [c.xpath("title/text()")[0] for c in series["alpha"].xpath("circle")]
    assert alpha_points == ["alpha · 01-01 05:00: 21", "alpha · 01-02 05:00: 22",
                            "alpha · 01-03 05:00: 23", "alpha · 01-04 05:00: 24"]  # fmt: skip
    errors = {g.get("data-series"): g for g in charts["chart-errors"].xpath(".//g")}
    beta_errors = [
        c.xpath("title/text()")[0].rsplit(": ", 1)[1] for c in errors["beta"].xpath("circle")
    ]
    assert beta_errors == ["0%", "0%", "0%", "62%"]  # 5 errors of 8 answers in the broken run


def test_report_is_self_contained(store_url: str, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert run_report(store_url, "-o", str(out)).returncode == 0
    doc = lxml_html.fromstring(out.read_text(encoding="utf-8"))
    assert doc.xpath("//script") == []
    assert doc.xpath("//link | //img | //iframe | //object") == []
    refs = doc.xpath("//@src | //@href")
    assert refs == []


def test_empty_store_and_bad_store_are_reported_plainly(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    proc = run_report(f"sqlite:///{tmp_path}/empty.sqlite3", "-o", str(out))
    assert proc.returncode == 1  # a mistyped path is no new, empty store
    assert proc.stderr.strip().splitlines()[-1].startswith("newscrawl: error: NEWSCRAWL_STORE=")
    assert "no store at" in proc.stderr
    assert not (tmp_path / "empty.sqlite3").exists()
    open_store(f"sqlite:///{tmp_path}/empty.sqlite3").close()
    proc = run_report(f"sqlite:///{tmp_path}/empty.sqlite3", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "No run recorded in this store yet." in out.read_text(encoding="utf-8")
    proc = run_report("sqlite:////nonexistent/dir/s.sqlite3", "-o", str(tmp_path / "r.html"))
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1].startswith("newscrawl: error: NEWSCRAWL_STORE=")
    proc = run_report(f"sqlite:///{tmp_path}/empty.sqlite3", "--runs", "0", "-o", str(out))
    assert proc.returncode == 2
    assert "expected an integer >= 1" in proc.stderr


def test_an_unfinished_run_is_shown_as_did_not_finish() -> None:
    runs = make_runs()[:2]
    runs[-1].finished_at = runs[-1].finish_reason = None
    for c in runs[-1].sources.values():
        c.health = []
    doc = lxml_html.fromstring(render_report(runs, "sqlite:///s", "now"))
    assert "did not finish" in doc.xpath("//div[contains(@class,'status')]")[0].text_content()
    first_row = doc.xpath("//h2[text()='Runs']/following-sibling::table[1]/tr[td]")[0]
    assert first_row.get("class") == "flagged"


def test_chart_scales_gaps_and_colours() -> None:
    assert [nice_max(v) for v in (0, 0.7, 3, 21, 240, 1000)] == [1.0, 1.0, 5, 25, 250, 1000]
    svg = line_chart("c", "T", ["a", "b", "c"], {"s1": [1.0, None, 3.0], "s2": [2.0, 2.0, 2.0]})
    doc = lxml_html.fromstring(svg)
    s1, s2 = doc.xpath("//g[@class='series']")
    assert s1.xpath("polyline") == []  # a gap splits the line; single points stay as dots
    assert len(s1.xpath("circle")) == 2
    assert len(s2.xpath("polyline")) == 1
    assert s2.xpath("circle/@fill")[0] == PALETTE[1]
