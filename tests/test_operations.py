"""Run counts, health rules, the runs tables in a real store, the log summary, the report folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newscrawl.drops import DuplicateArticle
from newscrawl.operations.counts import RunSummary, SourceCounts
from newscrawl.operations.health import check_source
from newscrawl.operations.recorder import duplicate_kind, merge_source_stats
from newscrawl.operations.runs import load_run, load_runs, save_run, source_history
from newscrawl.operations.summary import format_summary, report_dir, write_json_report
from newscrawl.store import open_store


def counts(name: str = "site", **kw: object) -> SourceCounts:
    return SourceCounts(name, **kw)  # type: ignore[arg-type]


def healthy(name: str = "site", articles: int = 20, words: float = 400.0) -> SourceCounts:
    return counts(
        name,
        fetched=articles + 2,
        article_pages=articles,
        emitted=articles,
        not_article={"home_page": 1, "short_body": 1},
        median_words=words,
    )


def run_at(
    crawl_id: str, started: str, *sources: SourceCounts, finished: bool = True
) -> RunSummary:
    run = RunSummary(
        crawl_id,
        started_at=started,
        host="h",
        pid=1,
        finished_at=started.replace(":00+", ":30+") if finished else None,
        finish_reason="finished" if finished else None,
    )
    for c in sources:
        run.sources[c.source] = c
    return run


# --- derived rates ------------------------------------------------------------------------------
def test_rates_are_none_without_a_denominator_and_exact_otherwise() -> None:
    empty = counts()
    assert (empty.extraction_yield, empty.duplicate_rate, empty.error_rate) == (None, None, None)
    c = counts(
        fetched=8,
        article_pages=6,
        emitted=4,
        duplicates={"exact": 1, "near": 1, "kept": 0},
        errors={"http/404": 2, "download/TimeoutError": 2, "extraction/no_text": 1},
        not_article={"short_body": 1, "hub_url": 5},
    )
    # articles + extraction failure + short body; hub_url is not judged by the body
    assert c.extracted == 6 + 1 + 1
    assert c.extraction_yield == pytest.approx(6 / 8)
    assert c.duplicate_rate == pytest.approx(2 / 6)
    assert c.error_rate == pytest.approx(4 / 10)
    assert SourceCounts.from_dict(json.loads(json.dumps(c.to_dict()))) == c


def test_pages_judged_no_article_before_are_left_out_of_the_yield() -> None:
    """An incremental run re-reads a site's about and contact pages, and its stored articles
    are skipped: judged on those pages alone, its yield would read 0%."""
    again = SourceCounts(source="a", known=8, not_article={"short_body": 6}, recurring=6)
    assert again.extracted == 0
    assert again.extraction_yield is None
    broken = SourceCounts(source="a", not_article={"short_body": 26}, recurring=6)
    assert broken.extraction_yield == 0.0  # 20 new pages, none an article: still a drop
    assert broken.extracted == 20


def test_duplicate_kind_is_the_first_word_of_the_message() -> None:
    assert duplicate_kind(DuplicateArticle("near duplicate of abc (0.91): https://x/1")) == "near"
    assert duplicate_kind(DuplicateArticle("exact: same text as abc")) == "exact"
    assert duplicate_kind(DuplicateArticle("URL already stored")) == "url"
    assert duplicate_kind(DuplicateArticle("something else")) == "other"


def test_per_source_stats_are_folded_into_the_counts() -> None:
    run = RunSummary("r")
    merge_source_stats(run, {
        "newscrawl/source/a/pages/article": 5,
        "newscrawl/source/a/pages/not_article/short_body": 2,
        "newscrawl/source/a/pages/not_article/hub_url": 3,
        "newscrawl/source/a/pages/not_html": 1,
        "newscrawl/source/a/extraction/failed/no_text": 4,
        "newscrawl/source/a/errors/download/TimeoutError": 2,
        "newscrawl/source/a/errors/seed": 1,  # one of the two timeouts was a seed's
        "newscrawl/source/a/errors/robots_forbidden": 3,
        "newscrawl/source/a/errors/decompression_bomb": 1,
        "newscrawl/source/a/incremental/skipped_stored": 7,
        "newscrawl/source/a/discovery/feed_entries": 9,
        "newscrawl/source/b/pages/article": 1,
        "newscrawl/pages/article": 6,  # run-wide: not a source
    })  # fmt: skip
    a = run.sources["a"]
    assert (a.article_pages, a.known, a.short, a.empty) == (5, 7, 2, 4)
    assert a.not_article == {"short_body": 2, "hub_url": 3, "not_html": 1}
    assert a.errors == {"extraction/no_text": 4, "download/TimeoutError": 2,
                        "download/robots_forbidden": 3, "download/decompression_bomb": 1}  # fmt: skip
    assert a.discovery == {"feed_entries": 9}
    assert a.seeds == 1
    assert set(run.sources) == {"a", "b"}


# --- health rules -------------------------------------------------------------------------------
def test_a_source_that_finds_no_article_is_flagged() -> None:
    flags = check_source(counts(fetched=3, errors={"http/500": 3}), [])
    assert [f.kind for f in flags] == ["no_articles"]
    assert "3 pages fetched, 3 fetch errors" in flags[0].message


def test_a_no_articles_flag_names_the_errors_behind_it() -> None:
    shut_out = counts(fetched=0, errors={"download/robots_forbidden": 4, "http/404": 1})
    (flag,) = check_source(shut_out, [])
    assert flag.message.endswith("extraction failures); robots_forbidden 4, http/404 1")


def test_a_source_that_only_found_stored_articles_is_not_flagged() -> None:
    assert check_source(counts(fetched=1, known=12), []) == []


def test_a_shared_crawl_worker_is_judged_only_on_what_its_share_shows() -> None:
    """With a Redis frontier, another worker may have fetched the source's articles."""
    idle = counts(fetched=0)
    assert check_source(idle, [], shared=True) == []
    assert [f.kind for f in check_source(idle, [])] == ["no_articles"]  # alone: broken
    seeds_only = counts(fetched=2, discovery={"feed_entries": 9})  # queued for the others
    assert check_source(seeds_only, [], shared=True) == []
    dead_feed = counts(fetched=2, seeds=2, errors={"http/500": 2})  # read, nothing to follow
    assert [f.kind for f in check_source(dead_feed, [], shared=True)] == ["no_articles"]
    # Its only request was one of the links another worker found: a 404, a page too big.
    one_link = counts(fetched=1, errors={"http/404": 1})
    assert check_source(one_link, [], shared=True) == []
    assert [f.kind for f in check_source(one_link, [])] == ["no_articles"]


def test_yield_and_length_falling_by_more_than_half_are_flagged() -> None:
    history = [healthy(words=400), healthy(words=420), healthy(words=380)]
    broken = counts(
        fetched=22,
        article_pages=4,
        emitted=4,
        median_words=150.0,
        not_article={"short_body": 14, "no_article_signal": 2},
    )
    kinds = [f.kind for f in check_source(broken, history)]
    assert kinds == ["yield_drop", "length_drop"]
    # Just above half is not a drop.
    ok = counts(
        fetched=22, article_pages=10, emitted=10, median_words=210.0, not_article={"short_body": 8}
    )
    assert check_source(ok, history) == []


def test_no_history_or_too_small_samples_are_not_judged() -> None:
    broken = counts(
        fetched=22, article_pages=4, emitted=4, median_words=50.0, not_article={"short_body": 16}
    )
    assert check_source(broken, []) == []
    tiny = counts(
        fetched=3, article_pages=1, emitted=1, median_words=10.0, not_article={"short_body": 2}
    )
    assert check_source(tiny, [healthy()]) == []


# --- runs in the store --------------------------------------------------------------------------
def test_runs_round_trip_through_the_store(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/s.sqlite3")
    a = healthy("a")
    a.languages = {"en": 20}
    a.health = [{"kind": "length_drop", "message": "m"}]
    run = run_at("r1", "2026-01-01T05:00:00+00:00", a, counts("b", errors={"http/503": 1}))
    run.settings = {"NEWSCRAWL_STORE": "sqlite:///x"}
    run.totals = {"item_scraped_count": 20}
    save_run(store, run)
    save_run(store, run)  # saving again replaces (start row, then final row)
    loaded = load_run(store, "r1")
    assert loaded is not None
    assert loaded.to_dict() == run.to_dict()
    row = store.query("SELECT pages, articles, errors, flagged FROM runs WHERE crawl_id = 'r1'")
    assert row == [(22, 20, 1, 1)]
    cols = store.query("SELECT emitted, errors_http, health FROM run_sources WHERE source = 'b'")
    assert cols == [(0, 1, "[]")]
    store.close()


def test_recent_runs_and_source_history_order(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/s.sqlite3")
    for day in range(1, 5):
        save_run(
            store, run_at(f"r{day}", f"2026-01-0{day}T05:00:00+00:00", healthy(words=100 * day))
        )
    save_run(store, run_at("dead", "2026-01-05T05:00:00+00:00", healthy(), finished=False))
    assert [r.crawl_id for r in load_runs(store, 3)] == ["r3", "r4", "dead"]
    history = source_history(store, "site", before="2026-01-04T05:00:00+00:00", limit=2)
    assert [h.median_words for h in history] == [300.0, 200.0]  # newest first, unfinished skipped
    assert (
        source_history(store, "site", before="2026-01-09", exclude="r4", limit=9)[0].median_words
        == 300.0
    )
    store.close()


# --- summary and JSON report ----------------------------------------------------------------------
def test_log_summary_has_one_aligned_line_per_source_and_names_flags() -> None:
    bad = counts("zeta", fetched=3, errors={"download/DNSLookupError": 2})
    bad.health = [{"kind": "no_articles", "message": "no article found"}]
    good = healthy("alpha")
    good.languages = {"en": 15, "fr": 5}
    text = format_summary(run_at("r1", "2026-01-01T05:00:00+00:00", bad, good))
    head, header, alpha, zeta = text.splitlines()
    assert head.startswith("Run r1 finished in 30s: 2 sources, 25 pages, 20 articles")
    assert head.endswith("1 flagged: zeta")
    assert header.split()[:3] == ["source", "pages", "articles"]
    assert alpha.split()[0] == "alpha"
    assert "en:15,fr:5" in alpha
    assert alpha.endswith("ok")
    assert zeta.split()[0] == "zeta"
    assert zeta.endswith("FLAGGED: no_articles")
    assert alpha.index("20") < zeta.index("FLAGGED")  # columns aligned across rows


def test_duplicates_kept_are_counted_in_the_summary() -> None:
    """With NEWSCRAWL_KEEP_DUPLICATES the copies are emitted with duplicate_of set: found
    all the same, and the summary says so."""
    kept = healthy("alpha")
    kept.duplicates = {"exact": 1, "near": 2, "kept": 3}
    head, header, alpha = format_summary(
        run_at("r1", "2026-01-01T05:00:00+00:00", kept)
    ).splitlines()
    assert ", 3 duplicates (3 kept), " in head
    assert alpha.split()[header.split().index("dups")] == "3"


def test_report_folder_follows_the_first_local_feed() -> None:
    params = {"name": "news", "time": "t"}
    assert report_dir({"out/x.jsonl": {}}, params) == Path("out")
    assert report_dir({"s3://b/x.jsonl": {}, "file:///tmp/f/%(name)s.jsonl": {}}, params) == Path(
        "/tmp/f"
    )
    assert report_dir({"feeds/%(name)s/%(time)s.jsonl": {}}, params) == Path("feeds/news")
    assert report_dir({"stdout:": {}}, params) == Path("output")
    assert report_dir({}, params) == Path("output")


def test_json_report_is_written_next_to_the_feed(tmp_path: Path) -> None:
    run = run_at("r1", "2026-01-01T05:00:00+00:00", healthy("a"))
    path = write_json_report(run, tmp_path / "out")
    assert path == tmp_path / "out" / "r1.report.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["crawl_id"], data["healthy"], data["duration_s"]) == ("r1", True, 30.0)
    assert data["sources"]["a"]["emitted"] == 20
    assert data["sources"]["a"]["extraction_yield"] == pytest.approx(20 / 21)


def test_dedup_stats_give_the_duplicate_kinds_of_a_source() -> None:
    run = RunSummary("r")
    c = run.source("a")
    c.emitted = 5
    c.duplicates = {"other": 3, "kept": 1}  # read from messages; the stats know better
    merge_source_stats(run, {"newscrawl/source/a/duplicate/url": 1,
                             "newscrawl/source/a/duplicate/near": 2,
                             "newscrawl/source/a/duplicate/exact": 1})  # fmt: skip
    assert c.duplicates == {"url": 1, "near": 2, "exact": 1, "kept": 1}
    assert (c.duplicates_found, c.duplicates_dropped) == (4, 3)
    assert c.duplicate_rate == pytest.approx(4 / 8)
