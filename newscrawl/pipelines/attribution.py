"""Attribution stage: publisher, people in the byline, and the outlet this copy credits.

Settings: NEWSCRAWL_REGISTRY (TOML file extending the outlet registry; a bad file stops the
crawl at start-up with a one-line ConfigError naming the file and key).
Stats: ``newscrawl/attribution/credited`` (items with an original source),
``newscrawl/attribution/original_source/<display name>``,
``newscrawl/attribution/image_credited`` (items with at least one image credit).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from newscrawl import stats
from newscrawl.attribution import Registry, attribute, load_registry, resolve_publisher
from newscrawl.authors import record_authors
from newscrawl.cleaning.model import LineKind
from newscrawl.crawlstate import crawler_config
from newscrawl.items import ArticleRecord
from newscrawl.pagemeta import PageMeta

ORIGINAL_SOURCE = f"{stats.PREFIX}/attribution/original_source"  # + "/<display name>"
IMAGE_CREDITED = f"{stats.PREFIX}/attribution/image_credited"


class AttributionPipeline:
    """Sets ``publisher``, ``authors`` (people; a house byline when no person signs) and
    ``attribution``.

    Reads ``url``, ``authors`` (raw, from extraction), ``page`` and ``removed`` (the cleaner's
    removed lines): never the clean text, so prose that mentions an agency credits no one.
    Agencies found among the authors count as credits (``meta: author=...`` evidence); when
    extraction found no person, the names of a byline the cleaner removed are used, then a
    publication's own byline ("The Investopedia Team", newscrawl.authors.record_authors).
    """

    def __init__(self, registry: Registry | None = None, stats_collector: Any = None) -> None:
        self.registry = registry or load_registry()
        self.stats = stats_collector
        self.crawler: Any = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> AttributionPipeline:
        registry = load_registry(crawler_config(crawler).registry)  # ConfigError on a bad file
        pipeline = cls(registry, crawler.stats)
        pipeline.crawler = crawler
        return pipeline

    def process_item(self, item: ArticleRecord) -> ArticleRecord:
        page = item.page or PageMeta()
        publisher = resolve_publisher(page, item.url, registry=self.registry)
        bylines = [r.text for r in item.removed if r.kind is LineKind.BYLINE]
        people = record_authors(item.authors, bylines, registry=self.registry)
        # The extracted authors may hold an agency the page metadata did not ("By AFP").
        raw_authors = list(dict.fromkeys([*page.raw_authors, *item.authors]))
        page = dataclasses.replace(page, raw_authors=raw_authors)
        attribution = attribute(
            item.removed, page, url=item.url, publisher=publisher, registry=self.registry
        )
        item.publisher, item.authors, item.attribution = publisher, people, attribution
        if attribution.original_source:
            self._inc(stats.ATTRIBUTION_CREDITED)
            self._inc(f"{ORIGINAL_SOURCE}/{attribution.original_source}")
        if attribution.image_credits:
            self._inc(IMAGE_CREDITED)
        return item

    def _inc(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(key)
