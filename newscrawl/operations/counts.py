"""What one run did, per source and in total: plain dataclasses and the rates derived from them.

Pure: no Scrapy, no store. The recorder fills these from signals and stats; the store,
the summary, the health checks and the HTML report read them.
"""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from typing import Any

DUPLICATE_KINDS = ("url", "exact", "near")
"""Kinds of duplicates the dedup stage drops (first word of its DuplicateArticle message)."""
ERROR_KINDS = ("download", "http", "extraction")
"""Error families; keys of ``SourceCounts.errors`` are ``<kind>/<detail>``."""
EXTRACTION_JUDGED = ("short_body", "no_article_signal")
"""Non-article reasons decided by the extracted body rather than by URL shape or page type."""


def median(values: list[float]) -> float | None:
    """Median of ``values``, or None when there are none."""
    return float(statistics.median(values)) if values else None


def ratio(part: float, whole: float) -> float | None:
    """``part / whole``, or None when ``whole`` is 0 (a rate of nothing is not 0)."""
    return part / whole if whole else None


@dataclass
class SourceCounts:
    """Counts of one source in one run (see docs/operations.md for each field)."""

    source: str
    fetched: int = 0
    """Responses received for the source's requests (any HTTP status)."""
    seeds: int = 0
    """Of the source's seed requests (start URLs, feeds, sitemaps), those answered (any
    status) or given up on: with a shared frontier, whether this worker read the source."""
    article_pages: int = 0
    """Pages recognised as articles (each became an item for the pipelines)."""
    emitted: int = 0
    """Records emitted (passed every pipeline stage)."""
    known: int = 0
    """Article URLs not fetched because the store already holds them (incremental)."""
    recurring: int = 0
    """Body-judged pages that were no article, judged so in an earlier run too (an about
    page fetched again): left out of ``extracted``, as they say nothing of this run."""
    duplicates: dict[str, int] = field(default_factory=dict)
    """Duplicates found, by kind (url, exact, near, other); ``kept``: how many were emitted."""
    not_article: dict[str, int] = field(default_factory=dict)
    """Pages that were not articles, by reason (hub_url, short_body, not_html, ...)."""
    errors: dict[str, int] = field(default_factory=dict)
    """Errors by ``<kind>/<detail>``: download/<exception>, http/<status>, extraction/<reason>."""
    dropped: dict[str, int] = field(default_factory=dict)
    """Items dropped by the pipelines, by DropItem class."""
    empty: int = 0
    """Extractions with no text (no_text) or nothing left after cleaning."""
    short: int = 0
    """Bodies under NEWSCRAWL_MIN_WORDS: short_body pages plus emitted records that short."""
    languages: dict[str, int] = field(default_factory=dict)
    """Emitted records by language code."""
    median_words: float | None = None
    """Median ``word_count`` of the emitted records (None without records)."""
    discovery: dict[str, int] = field(default_factory=dict)
    """Discovery counts from the spider (feed_entries, sitemap_entries, links_followed...)."""
    health: list[dict[str, str]] = field(default_factory=list)
    """Health flags: ``{"kind": ..., "message": ...}`` (empty when healthy)."""

    def bump(self, name: str, key: str, count: int = 1) -> None:
        """Add ``count`` to ``self.<name>[key]`` (one of the dict fields)."""
        table: dict[str, int] = getattr(self, name)
        table[key] = table.get(key, 0) + count

    def error_count(self, kind: str) -> int:
        """Errors of one family (download, http or extraction)."""
        return sum(n for key, n in self.errors.items() if key.split("/", 1)[0] == kind)

    @property
    def duplicates_dropped(self) -> int:
        """Duplicates that were not emitted."""
        return self.duplicates_found - self.duplicates.get("kept", 0)

    @property
    def duplicates_found(self) -> int:
        """Duplicates of every kind, dropped or kept."""
        return sum(n for kind, n in self.duplicates.items() if kind != "kept")

    @property
    def not_articles(self) -> int:
        """Pages that were not articles, all reasons."""
        return sum(self.not_article.values())

    @property
    def extracted(self) -> int:
        """Pages judged by their extracted body: articles, failures, short or signal-less
        bodies, less the ``recurring`` ones."""
        judged = sum(self.not_article.get(reason, 0) for reason in EXTRACTION_JUDGED)
        return max(0, self.article_pages + self.error_count("extraction") + judged - self.recurring)

    @property
    def extraction_yield(self) -> float | None:
        """Share of body-judged pages that became articles (a changed template lowers it)."""
        return ratio(self.article_pages, self.extracted)

    @property
    def duplicate_rate(self) -> float | None:
        """Duplicates (dropped or kept) per article that reached the dedup stage."""
        return ratio(self.duplicates_found, self.emitted + self.duplicates_dropped)

    @property
    def error_rate(self) -> float | None:
        """Download and HTTP errors per request that got an answer or failed."""
        failed = self.error_count("download")
        return ratio(failed + self.error_count("http"), self.fetched + failed)

    @property
    def healthy(self) -> bool:
        """True when no health flag is set."""
        return not self.health

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict: every field plus the derived rates."""
        out = asdict(self)
        out.update(
            duplicates_found=self.duplicates_found,
            duplicates_dropped=self.duplicates_dropped,
            not_articles=self.not_articles,
            errors_download=self.error_count("download"),
            errors_http=self.error_count("http"),
            errors_extraction=self.error_count("extraction"),
            extraction_yield=self.extraction_yield,
            duplicate_rate=self.duplicate_rate,
            error_rate=self.error_rate,
        )
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SourceCounts:
        """Inverse of ``to_dict`` (derived values and unknown keys are ignored)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class RunSummary:
    """One run: identity, timing, exit reason, the settings that matter, counts per source."""

    crawl_id: str
    spider: str = "news"
    started_at: str = ""
    """ISO 8601 UTC."""
    finished_at: str | None = None
    """ISO 8601 UTC; None while running (or when the process died)."""
    finish_reason: str | None = None
    """Scrapy's close reason: finished, shutdown, closespider_timeout, ..."""
    host: str = ""
    pid: int = 0
    settings: dict[str, Any] = field(default_factory=dict)
    totals: dict[str, Any] = field(default_factory=dict)
    """Run-wide numeric stats (requests, items, log counts, elapsed time)."""
    sources: dict[str, SourceCounts] = field(default_factory=dict)

    def source(self, name: str) -> SourceCounts:
        """The counts of ``name``, created on first use."""
        counts = self.sources.get(name)
        if counts is None:
            counts = self.sources[name] = SourceCounts(name)
        return counts

    def total(self, attr: str) -> int:
        """Sum of an int attribute or property over the sources."""
        return sum(int(getattr(c, attr)) for c in self.sources.values())

    @property
    def flagged(self) -> list[str]:
        """Names of the sources with health flags."""
        return sorted(name for name, c in self.sources.items() if c.health)

    @property
    def duration_s(self) -> float | None:
        """Seconds between start and finish, or None when not finished."""
        if not self.started_at or not self.finished_at:
            return None
        start = datetime.fromisoformat(self.started_at)
        return (datetime.fromisoformat(self.finished_at) - start).total_seconds()

    def to_dict(self) -> dict[str, Any]:
        """The JSON report of the run (docs/operations.md)."""
        return {
            "crawl_id": self.crawl_id,
            "spider": self.spider,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "duration_s": self.duration_s,
            "finish_reason": self.finish_reason,
            "host": self.host,
            "pid": self.pid,
            "healthy": not self.flagged,
            "flagged": self.flagged,
            "settings": self.settings,
            "totals": self.totals,
            "sources": {name: c.to_dict() for name, c in sorted(self.sources.items())},
        }
