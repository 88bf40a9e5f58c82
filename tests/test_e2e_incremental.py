"""End to end (issue 5): cron runs on one store fetch and emit only what is new, and a story
syndicated across sites comes out once (or, when duplicates are kept, with ``duplicate_of``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from crawling import (
    DUPLICATE_GROUPS,
    SOURCES,
    UPDATE_GOLDENS,
    CrawlResult,
    expected_record,
    load_goldens,
    run_crawl,
    write_golden,
)
from fakeweb import FakeWeb
from fakeweb.pages import Story, express_article, rss

pytestmark = pytest.mark.e2e

GOLDENS = load_goldens()
EXPRESS = "http://express.test"
FEED = f"{EXPRESS}/posts/rss/1/news"
STORM = f"{EXPRESS}/news/uk/1890123/storm-bram-flood-warnings-yorkshire-rivers"
AMP = f"{STORM}/amp"
TRACKED = f"{STORM}?utm_source=twitter&utm_medium=social&utm_campaign=storm"

NEW_STORIES = [
    Story(
        url=f"{EXPRESS}/news/uk/1890901/pothole-repair-fund-councils-winter",
        title="Councils handed £500m to fix potholes before winter freeze sets in",
        standfirst="Drivers have reported a record number of potholes this year",
        paragraphs=[
            "Councils in England will share an extra £500 million to repair potholes before the worst of the winter weather, the Transport Secretary announced on Monday.",
            "The money comes on top of the existing road maintenance budget and will be handed out according to the length of road each council looks after.",
            "The RAC said its patrols had attended more than 7,000 breakdowns caused by potholes in the last three months, the highest figure for the time of year since it began keeping records.",
            "Local authorities welcomed the cash but warned that a backlog of repairs worth more than £16 billion would take years to clear.",
            '"This will help, but it is a sticking plaster on a problem that has been growing for a decade," said a spokesman for the Local Government Association.',
        ],
        published="2026-12-01T06:30:00+00:00",
        authors=["Sophie Harwood"],
        section="UK",
    ),
    Story(
        url=f"{EXPRESS}/news/world/1890944/iceland-volcano-eruption-grindavik",
        title="Iceland volcano erupts again as town of Grindavik is evacuated",
        standfirst="Lava fountains were seen from the capital Reykjavik",
        paragraphs=[
            "A volcano on Iceland's Reykjanes peninsula erupted for the eighth time in two years overnight, sending fountains of lava into the sky and forcing the evacuation of the fishing town of Grindavik.",
            "The Icelandic Meteorological Office said a fissure about three kilometres long opened shortly after midnight following a series of small earthquakes.",
            "The Blue Lagoon geothermal spa, one of the country's best known tourist attractions, was closed as a precaution, and guests were taken to hotels in Reykjavik.",
            "Flights to and from Keflavik international airport were operating normally, the airport operator said, as the eruption was not producing ash.",
            "Scientists said the eruption could last several weeks, though earlier eruptions in the area had died down within days.",
        ],
        published="2026-12-01T07:05:00+00:00",
        authors=["Richard Palmer"],
        section="World",
    ),
]


@pytest.fixture(scope="module")
def web() -> Iterator[FakeWeb]:
    with FakeWeb() as fake:
        yield fake


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('store')}/store.sqlite3"


def crawl_once(
    web: FakeWeb, workdir: Path, store: str, *args: str
) -> tuple[CrawlResult, Counter[str]]:
    web.reset_hits()
    result = run_crawl(web.proxy_url, workdir, "-a", f"sources={SOURCES}", *args, store=store)
    assert result.returncode == 0, result.stderr[-3000:]
    return result, Counter(web.hits)


@pytest.fixture(scope="module")
def first(
    web: FakeWeb, store: str, tmp_path_factory: pytest.TempPathFactory
) -> tuple[CrawlResult, Counter[str]]:
    return crawl_once(web, tmp_path_factory.mktemp("run1"), store)


@pytest.fixture(scope="module")
def second(first: tuple[CrawlResult, Counter[str]], web: FakeWeb, store: str,
           tmp_path_factory: pytest.TempPathFactory) -> tuple[CrawlResult, Counter[str]]:  # fmt: skip
    """The same web again, on the same store."""
    return crawl_once(web, tmp_path_factory.mktemp("run2"), store)


@pytest.fixture(scope="module")
def third(second: tuple[CrawlResult, Counter[str]], web: FakeWeb, store: str,
          tmp_path_factory: pytest.TempPathFactory) -> tuple[CrawlResult, Counter[str]]:  # fmt: skip
    """Express publishes two new stories; its feed also lists an AMP and a utm-tracked URL
    of a story already stored."""
    for story in NEW_STORIES:
        web.add(story.url, express_article(story))
    amp = Story(url=AMP, canonical=STORM, title="Storm Bram: Flood warnings issued for Yorkshire",
                paragraphs=GOLDENS[STORM]["text"].split("\n\n"),
                published="2026-11-30T07:12:00+00:00")  # fmt: skip
    web.add(AMP, express_article(amp))
    listed = [*NEW_STORIES, amp, Story(url=TRACKED, title=amp.title, paragraphs=[],
                                       published=amp.published)]  # fmt: skip
    web.add(FEED, rss("Express.co.uk - News", f"{EXPRESS}/news", "en-gb", listed),
            content_type="application/rss+xml")  # fmt: skip
    return crawl_once(web, tmp_path_factory.mktemp("run3"), store)


@pytest.fixture(scope="module")
def fourth(third: tuple[CrawlResult, Counter[str]], web: FakeWeb, store: str,
           tmp_path_factory: pytest.TempPathFactory) -> tuple[CrawlResult, Counter[str]]:  # fmt: skip
    """The web of the third run, unchanged."""
    return crawl_once(web, tmp_path_factory.mktemp("run4"), store)


def test_first_run_emits_one_record_per_story(first: tuple[CrawlResult, Counter[str]]) -> None:
    result, hits = first
    assert len(result.records) == len(GOLDENS) - sum(len(g) - 1 for g in DUPLICATE_GROUPS)
    assert all(hits[url] == 1 for url in GOLDENS)


def test_second_run_fetches_no_article_page_and_emits_nothing(
    second: tuple[CrawlResult, Counter[str]],
) -> None:
    result, hits = second
    assert result.records == []
    assert not set(GOLDENS) & set(hits), "an article page already stored was fetched again"
    # Feeds, sitemaps and start pages are re-read: tomorrow's articles are there.
    for seed in (FEED, "http://elrisala.test/feed.rss", "http://valleyherald.test/sitemap-news.xml",
                 "http://lequotidien.test/flux/actualites.atom", "http://express.test/"):  # fmt: skip
        assert hits[seed] == 1, seed
    # each stored article once, however many pages link it (the known column of the summary)
    assert result.stat("newscrawl/incremental/skipped_stored") == len(GOLDENS)
    assert result.stat("newscrawl/items/processed") == 0


def test_second_run_counts_stored_articles_per_source_and_flags_none(
    second: tuple[CrawlResult, Counter[str]],
) -> None:
    """A source whose articles are all stored already is healthy, not "no_articles"."""
    result, _hits = second
    for source in ("express", "elrisala", "valleyherald", "lequotidien"):
        assert result.stat(f"newscrawl/source/{source}/incremental/skipped_stored") > 0, source
    assert "FLAGGED" not in result.stderr
    assert "flagged (no_articles)" not in result.stderr


def test_third_run_emits_exactly_the_new_articles(third: tuple[CrawlResult, Counter[str]]) -> None:
    result, hits = third
    assert sorted(r["url"] for r in result.records) == sorted(s.url for s in NEW_STORIES)
    records = {r["url"]: r for r in result.records}
    for story in NEW_STORIES:
        record = records[story.url]
        assert hits[story.url] == 1
        assert (record["title"], record["published"], record["authors"]) == (
            story.title, story.published, story.authors)  # fmt: skip
        assert record["duplicate_of"] is None
    assert not set(GOLDENS) & set(hits)


def test_tracked_url_of_a_stored_article_is_not_fetched(
    third: tuple[CrawlResult, Counter[str]],
) -> None:
    _, hits = third
    assert hits[TRACKED] == 0


def test_amp_variant_of_a_stored_article_is_not_emitted(
    third: tuple[CrawlResult, Counter[str]],
) -> None:
    """The AMP page is fetched (its URL is new) and resolves through rel=canonical to the
    stored story: a URL duplicate, dropped and counted."""
    result, hits = third
    assert hits[AMP] == 1
    assert AMP not in {r["url"] for r in result.records}
    assert result.stat("newscrawl/duplicate/url") == 1
    assert result.stat("newscrawl/items/processed") == len(NEW_STORIES) + 1
    assert result.stat("item_dropped_reasons_count/DuplicateArticle") == 1


def test_kept_duplicates_carry_duplicate_of(fakeweb: FakeWeb, tmp_path: Path) -> None:
    """With NEWSCRAWL_KEEP_DUPLICATES every copy comes out; the copies of a story point to the
    first stored one, and each record equals its golden."""
    result = run_crawl(fakeweb.proxy_url, tmp_path, "-a", f"sources={SOURCES}",
                       "-s", "NEWSCRAWL_KEEP_DUPLICATES=True")  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    records = {r["url"]: r for r in result.records}
    if UPDATE_GOLDENS:
        for record in result.records:
            write_golden(record)
        pytest.skip("goldens rewritten from this crawl: review the diff")
    assert set(records) == set(GOLDENS)
    in_group = set()
    for group in DUPLICATE_GROUPS:
        copies = [records[url] for url in group]
        originals = [r for r in copies if r["duplicate_of"] is None]
        assert len(originals) == 1, group
        for record in copies:
            assert record["duplicate_of"] in (None, originals[0]["id"])
        in_group.update(group)
    for url, record in records.items():
        if url not in in_group:
            assert record["duplicate_of"] is None
        want = expected_record(GOLDENS[url], record, duplicate_of=record["duplicate_of"])
        assert record == want, url
    assert result.stat("newscrawl/duplicate/kept") == sum(len(g) - 1 for g in DUPLICATE_GROUPS)


def test_fourth_run_fetches_neither_the_new_articles_nor_the_amp_variant(
    fourth: tuple[CrawlResult, Counter[str]],
) -> None:
    result, hits = fourth
    assert result.records == []
    assert hits[AMP] == 0, "the AMP URL was remembered for the stored story"
    assert hits[TRACKED] == 0
    for story in NEW_STORIES:
        assert hits[story.url] == 0
    assert hits[FEED] == 1


def test_a_kept_jobdir_does_not_hide_the_hubs_of_the_next_run(
    fakeweb: FakeWeb, tmp_path: Path
) -> None:
    """JOBDIR set for good (the queue on disk): a finished crawl leaves nothing to resume, and
    its request fingerprints must not make the next run skip the section page where
    tomorrow's story appears."""
    first_story = (
        "http://lequotidien.test/actualite/2026/11/30/senat-adopte-budget-securite-sociale"
    )
    second_story = (
        "http://lequotidien.test/actualite/2026/11/29/greve-sncf-trafic-perturbe-sud-week-end"
    )
    hub = "http://lequotidien.test/rubrique/actualite/"

    def serve(*stories: str) -> None:
        links = "".join(f'<li><a href="{url}">Story</a></li>' for url in stories)
        fakeweb.add(hub, f"<html><body><h1>Actualité</h1><ul>{links}</ul></body></html>")

    fakeweb.add(
        "http://lequotidien.test/", f'<html><body><a href="{hub}">Actualité</a></body></html>'
    )
    path = tmp_path / "sources.toml"
    path.write_text('[[source]]\nname = "lequotidien"\nstart_urls = ["http://lequotidien.test/"]\n',
                    encoding="utf-8")  # fmt: skip
    jobdir = ("-s", f"JOBDIR={tmp_path / 'job'}")
    serve(first_story)
    first = run_crawl(fakeweb.proxy_url, tmp_path, "-a", f"sources={path}", *jobdir)
    assert first.returncode == 0, first.stderr[-3000:]
    assert [r["url"] for r in first.records] == [first_story]
    assert "its request fingerprints are cleared" in first.stderr
    serve(first_story, second_story)
    second = run_crawl(fakeweb.proxy_url, tmp_path, "-a", f"sources={path}", *jobdir)
    assert second.returncode == 0, second.stderr[-3000:]
    assert fakeweb.fetched(hub) == 2
    assert [r["url"] for r in second.records] == [second_story]
