"""RunRecorder: the Scrapy extension that records every run in the store and reports its health.

Settings: NEWSCRAWL_STORE, NEWSCRAWL_MIN_WORDS, NEWSCRAWL_FAIL_ON_HEALTH, FEEDS (the JSON
report goes next to the first local feed file, else ``output/``).
Signals: spider_opened (run row written as running, lock owner set), response_received
(pages, HTTP errors per ``cb_kwargs["source"]``), item_scraped / item_dropped (records,
duplicates by kind, drops per ``item.source``), spider_closed (per-source stats merged, health
checked, run saved, summary logged, JSON report written), engine_stopped (lock released).
Stats read at close: ``newscrawl/source/<name>/...`` (spider, incremental, download errors).
Stats written: ``newscrawl/health/flagged``, ``newscrawl/health/failed``.
Reporting never stops a crawl: a failure here is logged as a warning and the crawl goes on.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from scrapy import __version__ as scrapy_version
from scrapy import signals
from scrapy.utils.log import LogCounterHandler

from newscrawl import stats
from newscrawl.config import NewscrawlConfig, redact_url_credentials
from newscrawl.crawlstate import crawler_config, crawler_store
from newscrawl.drops import DuplicateArticle, ExtractionFailed, NotAnArticle
from newscrawl.operations import health
from newscrawl.operations.counts import DUPLICATE_KINDS, RunSummary, median
from newscrawl.operations.lock import RunLock, acquire_run_lock
from newscrawl.operations.runs import save_run, source_history
from newscrawl.operations.summary import (
    format_summary,
    report_dir,
    write_json_report,
)
from newscrawl.store import Store

logger = logging.getLogger(__name__)

RECORDED_SETTINGS = (
    "CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN", "DOWNLOAD_DELAY",
    "AUTOTHROTTLE_ENABLED", "DEPTH_LIMIT", "DOWNLOAD_TIMEOUT", "RETRY_TIMES", "ROBOTSTXT_OBEY",
    "USER_AGENT", "CLOSESPIDER_TIMEOUT", "CLOSESPIDER_ITEMCOUNT", "CLOSESPIDER_PAGECOUNT",
    "JOBDIR", "LOG_LEVEL", "LOG_FILE",
)  # fmt: skip
"""Scrapy settings stored with each run (next to every NEWSCRAWL_* value)."""

_SOURCE_PREFIX = f"{stats.PREFIX}/source/"
FETCH_FAULTS = ("errors/redirect_loop", "errors/decompression_bomb", "errors/robots_forbidden")
"""Per-source faults of a request that got no usable page (robots.txt refused it too)."""


def duplicate_kind(exc: BaseException) -> str:
    """url / exact / near from a DuplicateArticle message ("near duplicate of ..."), else other."""
    words = str(exc).split(maxsplit=1)
    kind = words[0].strip(":,;").lower() if words else ""
    return kind if kind in DUPLICATE_KINDS else "other"


def merge_source_stats(run: RunSummary, all_stats: dict[str, Any]) -> None:
    """Fold the per-source stats of the spider, middlewares and pipelines into the counts.

    The dedup stage's ``duplicate/<kind>`` stats (dropped and kept copies) replace the kinds
    read from DuplicateArticle messages when present.
    """
    dup_stats: dict[str, dict[str, int]] = {}
    for key, value in all_stats.items():
        if not key.startswith(_SOURCE_PREFIX) or not isinstance(value, int):
            continue
        name, _, rest = key[len(_SOURCE_PREFIX) :].partition("/")
        c = run.source(name)
        head, _, detail = rest.partition("/")
        if rest == "pages/article":
            c.article_pages += value
        elif rest == "pages/not_html":
            c.bump("not_article", "not_html", value)
        elif rest.startswith("pages/not_article/"):
            reason = rest.removeprefix("pages/not_article/")
            c.bump("not_article", reason, value)
            if reason == "short_body":
                c.short += value
        elif rest.startswith("extraction/failed/"):
            reason = rest.removeprefix("extraction/failed/")
            c.bump("errors", f"extraction/{reason}", value)
            if reason == "no_text":
                c.empty += value
        elif rest == "errors/seed":
            c.seeds += value
        elif rest.startswith("errors/download/"):
            c.bump("errors", f"download/{rest.removeprefix('errors/download/')}", value)
        elif rest in FETCH_FAULTS:  # fetched in vain: counted as download errors
            c.bump("errors", f"download/{detail}", value)
        elif rest == "incremental/skipped_stored":
            c.known += value
        elif head == "discovery" and detail:
            c.bump("discovery", detail, value)
        elif head == "duplicate" and detail and detail != "kept":
            dup_stats.setdefault(name, {})[detail] = value
    for name, kinds in dup_stats.items():
        c = run.source(name)
        c.duplicates = {
            **kinds,
            **({"kept": c.duplicates["kept"]} if "kept" in c.duplicates else {}),
        }


def settings_snapshot(crawler: Any, config: NewscrawlConfig, spider: Any) -> dict[str, Any]:
    """The settings that explain a run: NEWSCRAWL_*, the crawl-shaping Scrapy ones, arguments."""
    newscrawl = {f"NEWSCRAWL_{k.upper()}": v for k, v in asdict(config).items()}
    for key in ("NEWSCRAWL_STORE", "NEWSCRAWL_REDIS_URL"):
        newscrawl[key] = redact_url_credentials(str(newscrawl[key]))
    scrapy_settings = {k: crawler.settings.get(k) for k in RECORDED_SETTINGS}
    return {
        **newscrawl,
        **{k: v for k, v in scrapy_settings.items() if v is not None},
        "FEEDS": [str(uri) for uri in crawler.settings.getdict("FEEDS")],
        "spider_args": {k: getattr(spider, k, None) for k in ("sources_arg", "urls_arg")},
        "sources": sorted(getattr(spider, "sources", {}) or {}),
        "scrapy_version": scrapy_version,
    }


class RunRecorder:
    """Counts a run per source, records it in the store, logs and writes its report."""

    def __init__(self, crawler: Any, store: Store, config: NewscrawlConfig,
                 lock: RunLock | None = None) -> None:  # fmt: skip
        self.crawler = crawler
        self.store = store
        self.config = config
        self.lock = lock
        self.run = RunSummary(crawl_id="", host=socket.gethostname(), pid=os.getpid())
        self.words: dict[str, list[int]] = {}
        self._warned: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Any) -> RunRecorder:
        config = crawler_config(crawler)
        # Refuse an overlapping run on the same SQLite store before any request is sent.
        lock = acquire_run_lock(config.store)
        ext = cls(crawler, crawler_store(crawler), config, lock)
        for handler, signal in (
            (ext.spider_opened, signals.spider_opened),
            (ext.response_received, signals.response_received),
            (ext.item_scraped, signals.item_scraped),
            (ext.item_dropped, signals.item_dropped),
            (ext.spider_closed, signals.spider_closed),
            (ext.engine_stopped, signals.engine_stopped),
        ):
            crawler.signals.connect(handler, signal=signal)
        return ext

    # --- signal handlers (each guarded: reporting must never break the crawl) ---------------
    def _guard(self, what: str, exc: Exception) -> None:
        if what not in self._warned:
            self._warned.add(what)
            logger.warning("Run report: %s failed (%s); the crawl goes on", what, exc, exc_info=exc)

    def spider_opened(self, spider: Any) -> None:
        try:
            run = self.run
            run.crawl_id = str(getattr(spider, "crawl_id", "") or _fallback_id())
            run.spider = spider.name
            run.started_at = _now()
            run.settings = settings_snapshot(self.crawler, self.config, spider)
            for name in getattr(spider, "sources", {}) or {}:
                run.source(name)
            if self.lock is not None:
                self.lock.set_owner(run.crawl_id)
            save_run(self.store, run)  # a run that dies keeps a row with no finished_at
        except Exception as exc:
            self._guard("recording the run start", exc)

    def response_received(self, response: Any, request: Any, spider: Any) -> None:
        try:
            source = request.cb_kwargs.get("source")
            if not source:
                return  # robots.txt and other requests of no source
            c = self.run.source(source)
            c.fetched += 1
            if request.meta.get("newscrawl_seed"):
                c.seeds += 1
            if response.status >= 400:
                c.bump("errors", f"http/{response.status}")
        except Exception as exc:
            self._guard("counting a response", exc)

    def item_scraped(self, item: Any, response: Any, spider: Any) -> None:
        try:
            c = self.run.source(_item_source(item))
            c.emitted += 1
            c.bump("languages", str(getattr(item, "language", "") or "und"))
            words = int(getattr(item, "word_count", 0) or 0)
            self.words.setdefault(c.source, []).append(words)
            if words < self.config.min_words:
                c.short += 1
            if getattr(item, "duplicate_of", None):
                c.bump("duplicates", "kept")
        except Exception as exc:
            self._guard("counting a record", exc)

    def item_dropped(self, item: Any, response: Any, exception: BaseException,
                     spider: Any) -> None:  # fmt: skip
        try:
            c = self.run.source(_item_source(item))
            c.bump("dropped", type(exception).__name__)
            if isinstance(exception, DuplicateArticle):
                c.bump("duplicates", duplicate_kind(exception))
            elif isinstance(exception, NotAnArticle):
                c.bump("not_article", "dropped")
            elif isinstance(exception, ExtractionFailed):
                c.bump("errors", "extraction/empty_after_cleaning")
                c.empty += 1
        except Exception as exc:
            self._guard("counting a dropped item", exc)

    def spider_closed(self, spider: Any, reason: str) -> None:
        with self._counting_own_logs():
            self._close_run(spider, reason)

    def _close_run(self, spider: Any, reason: str) -> None:
        run = self.run
        try:
            run.finished_at = _now()
            run.finish_reason = reason
            merge_source_stats(run, self.crawler.stats.get_stats())
            for name, urls in (getattr(spider, "judged_pages", None) or {}).items():
                run.source(name).recurring = len(self.store.judged_before(name, run.crawl_id, urls))
            for name, words in self.words.items():
                run.source(name).median_words = median([float(w) for w in words])
        except Exception as exc:
            self._guard("summing the run", exc)
        try:
            self._check_health()
            self._log_flags()  # before the totals, so that log_count/WARNING counts these too
        except Exception as exc:
            self._guard("checking source health", exc)
        try:
            run.totals = _totals(self.crawler.stats.get_stats())
            save_run(self.store, run)
        except Exception as exc:
            self._guard("saving the run in the store", exc)
        try:
            logger.info("%s", format_summary(run))
            folder = report_dir(self.crawler.settings.getdict("FEEDS"), _uri_params(spider))
            path = write_json_report(run, folder)
            logger.info("Run report written to %s", path)
        except Exception as exc:
            self._guard("writing the run report", exc)

    def engine_stopped(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    # --- helpers ------------------------------------------------------------------------------
    @contextmanager
    def _counting_own_logs(self) -> Iterator[None]:
        """Scrapy's LogCount extension (2.14+) stops counting at spider_closed, before this
        extension's turn: count the recorder's own lines meanwhile, so that the health warnings
        are in log_count/WARNING (the run row's and Scrapy's final stats)."""
        if any(isinstance(h, LogCounterHandler) and h.crawler is self.crawler
               for h in logging.root.handlers):  # fmt: skip
            yield
            return
        handler = LogCounterHandler(self.crawler, level=self.crawler.settings.get("LOG_LEVEL"))
        logger.addHandler(handler)
        try:
            yield
        finally:
            logger.removeHandler(handler)

    def _check_health(self) -> None:
        run = self.run
        for name, counts in run.sources.items():
            history = source_history(self.store, name, before=run.started_at or _now(),
                                     exclude=run.crawl_id, limit=health.HISTORY_RUNS)  # fmt: skip
            flags = health.check_source(counts, history, shared=bool(self.config.redis_url))
            counts.health = [f.to_dict() for f in flags]
        flagged = len(run.flagged)
        self.crawler.stats.set_value(health.STAT_FLAGGED, flagged)
        if flagged and self.config.fail_on_health:
            self.crawler.stats.set_value(health.STAT_FAILED, 1)
            setattr(self.crawler, health.FAILED_ATTR, True)

    def _log_flags(self) -> None:
        for name in self.run.flagged:
            for flag in self.run.sources[name].health:
                logger.warning("Source %s flagged (%s): %s", name, flag["kind"], flag["message"])
        if self.run.flagged and self.config.fail_on_health:
            logger.error("NEWSCRAWL_FAIL_ON_HEALTH: %d source(s) flagged, the run fails",
                         len(self.run.flagged))  # fmt: skip


def _item_source(item: Any) -> str:
    source = getattr(item, "source", None)
    if source is None and hasattr(item, "get"):
        source = item.get("source")
    return str(source or "(none)")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _fallback_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + f"-pid{os.getpid()}"


def _uri_params(spider: Any) -> dict[str, Any]:
    params = {k: v for k, v in vars(spider).items() if not k.startswith("_")}
    params.update(name=spider.name, time=datetime.now(UTC).replace(microsecond=0)
                  .isoformat().replace(":", "-"))  # fmt: skip
    return params


_TOTAL_KEYS = (
    "downloader/request_count", "downloader/response_count", "response_received_count",
    "item_scraped_count", "item_dropped_count", "log_count/ERROR", "log_count/WARNING",
    "elapsed_time_seconds", "robotstxt/forbidden", "retry/max_reached",
)  # fmt: skip


def _totals(all_stats: dict[str, Any]) -> dict[str, Any]:
    """Run-wide numbers: Scrapy's headline stats and newscrawl's own (not per source)."""
    out = {k: all_stats[k] for k in _TOTAL_KEYS if k in all_stats}
    for key, value in all_stats.items():
        if (key.startswith(stats.PREFIX + "/") and not key.startswith(_SOURCE_PREFIX)
                and isinstance(value, int | float)):  # fmt: skip
            out[key] = value
    return out
