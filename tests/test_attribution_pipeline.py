"""AttributionPipeline: publisher, people and attribution set on the item; stats; settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from newscrawl import stats
from newscrawl.attribution import Registry
from newscrawl.cleaning.model import LineKind, RemovedLine
from newscrawl.exceptions import ConfigError
from newscrawl.items import ArticleRecord
from newscrawl.pagemeta import PageMeta
from newscrawl.pipelines.attribution import IMAGE_CREDITED, ORIGINAL_SOURCE, AttributionPipeline


def item(**changes: object) -> ArticleRecord:
    record = ArticleRecord(
        id="id1", url="https://elrisala.example/news/1", domain="elrisala.example",
        title="Kim tours factory", text="North Korean leader Kim Jong Un has toured a factory.",
        authors=["By Jane Smith, Staff Writer"],
        page=PageMeta(site_name="Elrisala", raw_authors=["Jane Smith"]),
        removed=[
            RemovedLine("Kim at the factory (Image: Getty)", LineKind.CAPTION, "t"),
            RemovedLine("Source of data and images: daily-express", LineKind.SOURCE_CREDIT, "t"),
        ],
    )  # fmt: skip
    for key, value in changes.items():
        setattr(record, key, value)
    return record


@pytest.fixture
def crawler():
    crawler = get_crawler()
    crawler.stats.open_spider()
    return crawler


def test_sets_publisher_people_and_attribution(crawler) -> None:
    pipeline = AttributionPipeline(stats_collector=crawler.stats)
    out = pipeline.process_item(item())
    assert out.publisher == "Elrisala"
    assert out.authors == ["Jane Smith"]
    assert out.attribution.original_source == "Daily Express"
    assert out.attribution.image_credits == ["Getty", "Daily Express"]
    assert out.attribution.evidence == [
        "Kim at the factory (Image: Getty)",
        "Source of data and images: daily-express",
    ]
    assert out.to_dict()["attribution"]["original_source"] == "Daily Express"
    assert crawler.stats.get_value(stats.ATTRIBUTION_CREDITED) == 1
    assert crawler.stats.get_value(f"{ORIGINAL_SOURCE}/Daily Express") == 1
    assert crawler.stats.get_value(IMAGE_CREDITED) == 1


def test_agency_author_becomes_the_credit_not_a_person(crawler) -> None:
    pipeline = AttributionPipeline(stats_collector=crawler.stats)
    out = pipeline.process_item(item(authors=["By Associated Press"], removed=[]))
    assert out.authors == []
    assert out.attribution.original_source == "Associated Press"
    assert out.attribution.evidence == ["meta: author=By Associated Press"]


def test_people_from_a_removed_byline_when_extraction_found_none(crawler) -> None:
    byline = RemovedLine("By JANE SMITH and JOHN DOE, Associated Press", LineKind.BYLINE, "t")
    out = AttributionPipeline().process_item(item(authors=[], removed=[byline]))
    assert out.authors == ["Jane Smith", "John Doe"]
    assert out.attribution.original_source == "Associated Press"


def test_original_page_credits_no_one(crawler) -> None:
    pipeline = AttributionPipeline(stats_collector=crawler.stats)
    text = "Reuters reported last week that officials expected the visit, a source said."
    out = pipeline.process_item(item(text=text, removed=[], page=PageMeta()))
    assert out.attribution.original_source is None
    assert out.attribution.evidence == []
    assert out.publisher == "Elrisala.example"
    assert crawler.stats.get_value(stats.ATTRIBUTION_CREDITED) is None


def test_from_crawler_reads_the_user_registry(tmp_path: Path) -> None:
    path = tmp_path / "registry.toml"
    path.write_text('[[outlet]]\nname = "Elrisala"\ndomains = ["elrisala.example"]\n')
    crawler = get_crawler(settings_dict={"NEWSCRAWL_REGISTRY": str(path)})
    pipeline = AttributionPipeline.from_crawler(crawler)
    assert pipeline.crawler is crawler
    assert isinstance(pipeline.registry, Registry)
    out = pipeline.process_item(item(page=PageMeta()))
    assert out.publisher == "Elrisala"


def test_bad_registry_fails_at_start_up_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "registry.toml"
    path.write_text('[[outlet]]\nname = "Elrisala"\nkind = "newspaper"\n')
    crawler = get_crawler(settings_dict={"NEWSCRAWL_REGISTRY": str(path)})
    with pytest.raises(ConfigError) as info:
        AttributionPipeline.from_crawler(crawler)
    assert str(info.value).startswith(f"{path}: outlet[0].kind: expected one of")
    assert "\n" not in str(info.value)
