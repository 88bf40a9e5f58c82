"""Real ``scrapy crawl news`` runs: each run is recorded, summarised, reported and health-checked.

A tiny forward proxy serves two sites (one healthy, one whose feed is gone); between runs the
healthy site switches to a broken template, which the health check must flag.
"""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from crawling import run_crawl

from newscrawl.store import open_store

pytestmark = pytest.mark.e2e

VOCAB = [
    "the",
    "council",
    "said",
    "new",
    "budget",
    "would",
    "fund",
    "schools",
    "roads",
    "and",
    "hospitals",
    "across",
    "region",
    "while",
    "opposition",
    "members",
    "argued",
    "that",
    "taxes",
    "rise",
    "too",
    "fast",
    "for",
    "families",
    "who",
    "already",
    "struggle",
    "with",
    "energy",
    "bills",
    "rent",
    "and",
    "food",
    "prices",
    "after",
    "a",
    "long",
    "winter",
    "of",
    "storms",
    "floods",
    "and",
    "closed",
    "railway",
    "lines",
    "officials",
    "promised",
    "repairs",
    "before",
    "summer",
    "but",
    "workers",
    "unions",
    "warned",
    "about",
    "staff",
    "shortages",
    "delays",
    "and",
    "contracts",
    "signed",
    "without",
    "public",
    "debate",
    "in",
    "parliament",
    "last",
    "month",
]


def prose(seed: int, words: int) -> list[str]:
    rng = random.Random(seed)
    out, para = [], []
    for i in range(words):
        para.append(rng.choice(VOCAB))
        if len(para) == 40 or i == words - 1:
            out.append(" ".join(para).capitalize() + ".")
            para = []
    return out


def article(n: int, words: int) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in prose(n, words))
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Story {n} | Alpha'
        f'</title><meta property="og:type" content="article"><meta property="og:title"'
        f' content="Council story number {n}"></head><body><nav><a href="/">Home</a></nav>'
        f"<article><h1>Council story number {n}</h1>{paras}</article>"
        f"<footer>Alpha News</footer></body></html>"
    ).encode()


def feed(site: str, numbers: list[int]) -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><link>http://{site}/2026/01/story-{n}</link></item>"
        for n in numbers
    )
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{site}</title>'
            f"<link>http://{site}/</link>{items}</channel></rss>").encode()  # fmt: skip


class Web:
    """URL -> (status, content type, body), served through a forward proxy; hits counted."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes]] = {}
        self.hits: dict[str, int] = {}
        web = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                web.hits[self.path] = web.hits.get(self.path, 0) + 1
                status, ctype, body = web.pages.get(self.path, (404, "text/plain", b"not found"))
                if status == 0:  # a server that hangs up without answering
                    self.close_connection = True
                    return
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def publish(self, numbers: list[int], words: dict[int, int]) -> None:
        self.pages["http://alpha.example/feed.xml"] = (200, "application/rss+xml",
                                                       feed("alpha.example", numbers))  # fmt: skip
        for n in numbers:
            self.pages[f"http://alpha.example/2026/01/story-{n}"] = (
                200, "text/html; charset=utf-8", article(n, words.get(n, 240)))  # fmt: skip


@pytest.fixture
def web() -> Iterator[Web]:
    w = Web()
    yield w
    w.server.shutdown()
    w.server.server_close()


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(
        '[[source]]\nname = "alpha"\nfeeds = ["http://alpha.example/feed.xml"]\n\n'
        '[[source]]\nname = "beta"\nfeeds = ["http://beta.example/feed.xml"]\n'
    )
    return path


def runs_rows(db: Path) -> list[dict]:
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in con.execute("SELECT * FROM runs ORDER BY started_at")]
    finally:
        con.close()


def source_rows(db: Path, crawl_id: str) -> dict[str, dict]:
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    try:
        rows = con.execute("SELECT * FROM run_sources WHERE crawl_id = ?", (crawl_id,))
        return {r["source"]: dict(r) for r in rows}
    finally:
        con.close()


def test_runs_are_recorded_reported_and_a_changed_template_is_flagged(
    web: Web, sources: Path, tmp_path: Path
) -> None:
    web.publish(list(range(1, 7)), {})
    first = run_crawl(web.url, tmp_path, "-a", f"sources={sources}")
    assert first.returncode == 0, first.stderr[-3000:]
    assert len(first.records) == 6
    crawl_id = first.records[0]["crawl_id"]

    (run,) = runs_rows(tmp_path / "store.sqlite3")
    assert (run["crawl_id"], run["finish_reason"], run["articles"]) == (crawl_id, "finished", 6)
    assert run["finished_at"] >= run["started_at"]
    settings = json.loads(run["settings"])
    assert settings["sources"] == ["alpha", "beta"]
    assert settings["NEWSCRAWL_STORE"] == f"sqlite:///{tmp_path}/store.sqlite3"
    per_source = source_rows(tmp_path / "store.sqlite3", crawl_id)
    alpha, beta = per_source["alpha"], per_source["beta"]
    assert (alpha["fetched"], alpha["article_pages"], alpha["emitted"]) == (7, 6, 6)
    assert alpha["errors_http"] == 0
    assert alpha["health"] == "[]"
    assert 200 <= alpha["median_words"] <= 260
    assert json.loads(alpha["detail"])["languages"] == {"en": 6}
    assert (beta["fetched"], beta["emitted"], beta["errors_http"]) == (1, 0, 1)
    assert json.loads(alpha["detail"])["seeds"] == json.loads(beta["detail"])["seeds"] == 1
    assert json.loads(beta["health"])[0]["kind"] == "no_articles"

    # The JSON report sits next to the -O feed; the log carries the summary and the warning.
    report = json.loads((tmp_path / f"{crawl_id}.report.json").read_text(encoding="utf-8"))
    assert (report["crawl_id"], report["healthy"], report["flagged"]) == (crawl_id, False, ["beta"])
    assert report["sources"]["alpha"]["extraction_yield"] == 1.0
    assert f"Run {crawl_id} finished in" in first.stderr
    assert "Source beta flagged (no_articles): no article found (1 pages fetched" in first.stderr
    summary = first.stderr.split(f"Run {crawl_id} finished in", 1)[1].splitlines()
    assert summary[1].split()[:3] == ["source", "pages", "articles"]
    assert summary[2].split()[:3] == ["alpha", "7", "6"]
    assert summary[3].split()[0] == "beta"
    assert summary[3].endswith("FLAGGED: no_articles")
    assert first.stat("newscrawl/health/flagged") == 1
    # The warning counts (the run row's and Scrapy's) include the health warnings.
    warnings = first.stderr.count("] WARNING: ")  # the 404 of beta's feed, beta's flag
    assert warnings == 2
    assert json.loads(run["totals"])["log_count/WARNING"] == warnings
    assert first.stat("log_count/WARNING") == warnings
    assert json.loads(run["totals"])["log_count/WARNING"] == first.stat("log_count/WARNING")

    # Night two: alpha's template changed; most bodies come out short. FAIL_ON_HEALTH is on.
    web.publish(list(range(1, 14)), {n: 20 if n % 2 else 70 for n in range(7, 14)})
    second = run_crawl(web.url, tmp_path, "-a", f"sources={sources}", "-s",
                       "NEWSCRAWL_FAIL_ON_HEALTH=True")  # fmt: skip
    assert all(web.hits[f"http://alpha.example/2026/01/story-{n}"] == 1 for n in range(1, 7))
    crawl_id2 = second.records[0]["crawl_id"]
    alpha2 = source_rows(tmp_path / "store.sqlite3", crawl_id2)["alpha"]
    assert (alpha2["fetched"], alpha2["article_pages"], alpha2["emitted"]) == (8, 3, 3)
    kinds = [flag["kind"] for flag in json.loads(alpha2["health"])]
    assert kinds == ["yield_drop", "length_drop"]
    assert second.stat("newscrawl/health/failed") == 1
    assert "NEWSCRAWL_FAIL_ON_HEALTH: 2 source(s) flagged, the run fails" in second.stderr
    assert len(runs_rows(tmp_path / "store.sqlite3")) == 2


def test_a_site_with_nothing_new_is_not_flagged(web: Web, tmp_path: Path) -> None:
    """Night two finds no new story: the stored ones are skipped and only the footer's short
    pages are fetched again. That is no fall of the extraction yield."""
    footer = ("about", "contact", "privacy", "terms", "careers", "advertise")
    links = "".join(f'<a href="/2026/01/story-{n}">Story {n}</a>' for n in (1, 2, 3))
    links += "".join(f'<a href="/{page}">{page}</a>' for page in footer)
    home = f"<html><body><h1>Alpha</h1><p>{links}</p></body></html>".encode()
    web.pages["http://alpha.example/"] = (200, "text/html; charset=utf-8", home)
    for page in footer:
        body = f"<html><body><h1>{page}</h1><p>Write to us at desk@alpha.example.</p></body></html>"
        web.pages[f"http://alpha.example/{page}"] = (200, "text/html; charset=utf-8", body.encode())
    web.publish([1, 2, 3], {})
    path = tmp_path / "sources.toml"
    path.write_text('[[source]]\nname = "alpha"\nstart_urls = ["http://alpha.example/"]\n')
    first = run_crawl(web.url, tmp_path, "-a", f"sources={path}")
    assert first.returncode == 0, first.stderr[-3000:]
    assert len(first.records) == 3
    assert first.stat("newscrawl/source/alpha/pages/not_article/short_body") == 6
    for night in (2, 3):
        again = run_crawl(web.url, tmp_path, "-a", f"sources={path}",
                          "-s", "NEWSCRAWL_FAIL_ON_HEALTH=True")  # fmt: skip
        assert again.returncode == 0, (night, again.stderr[-3000:])
        assert (
            web.hits["http://alpha.example/about"] == night
        )  # fetched again, judged again: no article
        assert again.stat("newscrawl/source/alpha/incremental/skipped_stored") == 3
        run = runs_rows(tmp_path / "store.sqlite3")[-1]
        detail = json.loads(
            source_rows(tmp_path / "store.sqlite3", run["crawl_id"])["alpha"]["detail"]
        )
        assert (detail["recurring"], detail["extraction_yield"], detail["health"]) == (6, None, [])


def test_fail_on_health_makes_the_crawl_exit_non_zero(web: Web, sources: Path,
                                                      tmp_path: Path) -> None:  # fmt: skip
    web.publish([1, 2, 3], {})
    result = run_crawl(web.url, tmp_path, "-a", f"sources={sources}",
                       "-s", "NEWSCRAWL_FAIL_ON_HEALTH=True")  # fmt: skip
    assert len(result.records) == 3  # the records are written all the same
    assert result.returncode != 0


def test_a_run_stopped_early_is_recorded_with_its_reason(
    web: Web, sources: Path, tmp_path: Path
) -> None:
    web.publish(list(range(1, 7)), {})
    result = run_crawl(web.url, tmp_path, "-a", f"sources={sources}",
                       "-s", "CLOSESPIDER_ITEMCOUNT=2", "-s", "CONCURRENT_REQUESTS=1")  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    (run,) = runs_rows(tmp_path / "store.sqlite3")
    assert run["finish_reason"] == "closespider_itemcount"
    assert run["finished_at"] is not None
    assert run["articles"] == len(result.records)


def test_a_second_crawl_on_a_locked_store_is_refused_before_any_request(
    web: Web, sources: Path, tmp_path: Path
) -> None:
    web.publish([1], {})
    store = f"sqlite:///{tmp_path}/store.sqlite3"
    holder = ("import sys; from newscrawl.operations.lock import acquire_run_lock as a;"
              " l = a(sys.argv[1], crawl_id='nightly-1'); print('locked', flush=True);"
              " sys.stdin.readline()")  # fmt: skip
    with subprocess.Popen([sys.executable, "-c", holder, store], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as proc:  # fmt: skip
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "locked"
        try:
            result = run_crawl(web.url, tmp_path, "-a", f"sources={sources}", store=store)
        finally:
            proc.kill()
            proc.wait(timeout=10)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"newscrawl: error: NEWSCRAWL_STORE='{store}': another crawl")
    assert f"another crawl (pid {proc.pid}, crawl_id nightly-1" in last
    assert web.hits == {}


def test_a_reporting_failure_does_not_stop_the_crawl(
    web: Web, sources: Path, tmp_path: Path
) -> None:
    web.publish([1, 2], {})
    open_store(f"sqlite:///{tmp_path}/store.sqlite3").close()
    con = sqlite3.connect(tmp_path / "store.sqlite3")
    # Every write of a run row fails, as a full disk or a locked table would make it.
    con.execute("CREATE TRIGGER runs_fail BEFORE INSERT ON runs"
                " BEGIN SELECT RAISE(ABORT, 'no space left'); END")  # fmt: skip
    con.commit()
    con.close()
    result = run_crawl(web.url, tmp_path, "-a", f"sources={sources}")
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(result.records) == 2
    assert "Run report: recording the run start failed" in result.stderr
    assert "Run report: saving the run in the store failed" in result.stderr
    crawl_id = result.records[0]["crawl_id"]
    assert (tmp_path / f"{crawl_id}.report.json").exists()  # the other outputs still happen


def test_download_errors_are_counted_per_source_once_retries_are_exhausted(
    web: Web, tmp_path: Path
) -> None:
    web.publish([1], {})
    web.pages["http://gamma.example/feed.xml"] = (0, "", b"")
    sources = tmp_path / "sources.toml"
    sources.write_text(
        '[[source]]\nname = "alpha"\nfeeds = ["http://alpha.example/feed.xml"]\n\n'
        '[[source]]\nname = "gamma"\nfeeds = ["http://gamma.example/feed.xml"]\n'
    )
    middleware = '{"newscrawl.operations.downloaderrors.DownloadErrorStats": 540}'
    result = run_crawl(web.url, tmp_path, "-a", f"sources={sources}",
                       "-s", f"DOWNLOADER_MIDDLEWARES={middleware}")  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert web.hits["http://gamma.example/feed.xml"] == 3  # first try and RETRY_TIMES=2
    (run,) = runs_rows(tmp_path / "store.sqlite3")
    gamma = source_rows(tmp_path / "store.sqlite3", run["crawl_id"])["gamma"]
    assert (gamma["fetched"], gamma["errors_download"]) == (0, 1)
    assert json.loads(gamma["detail"])["errors"] == {"download/DownloadFailedError": 1}
    assert "no article found (0 pages fetched, 1 fetch errors" in gamma["health"]
    assert result.stat("newscrawl/errors/download/DownloadFailedError") == 1
