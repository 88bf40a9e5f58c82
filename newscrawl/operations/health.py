"""Per-source health: no articles, or extraction yield / median length down by half vs history.

The rules are pure (counts in, flags out). ``run_failed(crawler)`` tells the crawl command
whether NEWSCRAWL_FAIL_ON_HEALTH should turn this run's flags into a non-zero exit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newscrawl.operations.counts import SourceCounts, median

HISTORY_RUNS = 5
"""Earlier runs of a source its current run is compared with (their median)."""
MIN_EXTRACTED = 5
"""Body-judged pages a run needs before its extraction yield is judged."""
MIN_ARTICLES = 3
"""Emitted records a run needs before its median length is judged."""
DROP_FACTOR = 0.5
"""A value below this share of its recent median is a drop."""

DISCOVERED = ("feed_entries", "sitemap_entries", "links_followed")
"""Discovery counts (``newscrawl/discovery/<name>``) that queue article candidates."""

FAILED_ATTR = "_newscrawl_health_failed"
STAT_FLAGGED = "newscrawl/health/flagged"
STAT_FAILED = "newscrawl/health/failed"


@dataclass(frozen=True)
class HealthFlag:
    """One reason a source looks broken in a run."""

    kind: str  # "no_articles" | "yield_drop" | "length_drop"
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "message": self.message}


def _left_to_others(counts: SourceCounts) -> bool:
    """A worker's share of a source that says nothing of its health: none of its seeds read
    (another worker read them: this one may have fetched a few of its links, a failed one
    too), or links found and queued for the other workers to fetch."""
    found = sum(counts.discovery.get(k, 0) for k in DISCOVERED)
    return counts.seeds == 0 or found > 0


def _top_errors(counts: SourceCounts, top: int = 3) -> str:
    """The most frequent errors of a source, for a flag's message: "; robots_forbidden 4,
    http/404 1" (empty when none)."""
    ranked = sorted(counts.errors.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return (
        "; " + ", ".join(f"{k.removeprefix('download/')} {n}" for k, n in ranked) if ranked else ""
    )


def _baseline(values: list[float | None]) -> float | None:
    return median([v for v in values if v is not None])


def check_source(current: SourceCounts, history: list[SourceCounts], *,
                 shared: bool = False) -> list[HealthFlag]:  # fmt: skip
    """Health flags of a source's run, given its earlier runs (newest first).

    ``shared``: one worker's run of a crawl several workers share (Redis frontier). Its share
    of a source may hold no article while the crawl's does: "no articles" then needs this
    worker to have fetched the source and found nothing to follow either.
    """
    flags: list[HealthFlag] = []
    if current.article_pages + current.known == 0 and not (shared and _left_to_others(current)):
        flags.append(HealthFlag(
            "no_articles",
            f"no article found ({current.fetched} pages fetched,"
            f" {current.error_count('download') + current.error_count('http')} fetch errors,"
            f" {current.error_count('extraction')} extraction failures){_top_errors(current)}",
        ))  # fmt: skip
    if current.extracted >= MIN_EXTRACTED and current.extraction_yield is not None:
        base = _baseline(
            [h.extraction_yield for h in history if h.extracted >= MIN_EXTRACTED][:HISTORY_RUNS]
        )
        if base and current.extraction_yield < DROP_FACTOR * base:
            flags.append(HealthFlag(
                "yield_drop",
                f"extraction yield {current.extraction_yield:.0%} vs {base:.0%} in recent runs"
                " (changed template?)",
            ))  # fmt: skip
    if current.emitted >= MIN_ARTICLES and current.median_words is not None:
        base = _baseline(
            [h.median_words for h in history if h.emitted >= MIN_ARTICLES][:HISTORY_RUNS]
        )
        if base and current.median_words < DROP_FACTOR * base:
            flags.append(HealthFlag(
                "length_drop",
                f"median length {current.median_words:.0f} words vs {base:.0f} in recent runs"
                " (changed template?)",
            ))  # fmt: skip
    return flags


def run_failed(crawler: Any) -> bool:
    """True when NEWSCRAWL_FAIL_ON_HEALTH is set and this crawler's run flagged a source."""
    return bool(getattr(crawler, FAILED_ATTR, False))
