"""``scrapy crawl``, with newscrawl's start-up checks: one clear line and exit 1 on bad input.

The sources file, NEWSCRAWL_* settings, the outlet registry, the store (and its run lock:
no second crawl on one SQLite store) and the local feed files are checked before the crawler
starts, so a bad configuration never sends a request and never prints a traceback.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from typing import Any

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.utils.conf import feed_process_params_from_cli

from newscrawl.addons import check_redis
from newscrawl.attribution.registry import load_registry
from newscrawl.config import NewscrawlConfig
from newscrawl.exceptions import NewscrawlError
from newscrawl.feedcheck import check_feed_targets
from newscrawl.operations.health import run_failed
from newscrawl.operations.lock import RunLock, acquire_run_lock
from newscrawl.spiders.news import NewsSpider, check_spider_arguments, resolve_sources
from newscrawl.store import open_store


def preflight(spargs: dict[str, str], settings: object) -> RunLock | None:
    """Validate everything a news crawl needs and take the store's run lock (None where the
    store needs none); raise NewscrawlError with a one-line message."""
    check_spider_arguments(spargs)
    resolve_sources(spargs.get("sources"), spargs.get("urls"))
    config = NewscrawlConfig.from_settings(settings)
    load_registry(config.registry)
    open_store(config.store).close()
    check_redis(config.redis_url)
    check_feed_targets(settings)
    return acquire_run_lock(config.store)


UNCLEAN_STOP = (
    "the crawl was stopped before it closed (a second interrupt, or a kill): the feed may lack"
    " records the store holds; scrapy export --since <this run's start> recovers them"
)


def closed_cleanly(crawler: Any) -> bool:
    """True when the spider went through its close (Scrapy's CoreStats records the reason
    then), or never opened; False after a forced stop (a second SIGINT) cut it short."""
    stats = crawler.stats
    if stats is None or stats.get_value("start_time") is None:
        return True
    return stats.get_value("finish_reason") is not None


class Command(ScrapyCrawlCommand):
    """Run a spider; for ``news``, check sources, settings and store first.

    Exit status 1 also when NEWSCRAWL_FAIL_ON_HEALTH is set and the run flagged a source
    (the records are written all the same).
    """

    _crawler: Any = None

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        if opts.output or opts.overwrite_output:
            # Scrapy adds -o/-O to the project's FEEDS; here they replace it (contract 4),
            # so `-O out.jsonl` does not also write output/news-<time>.jsonl.
            cli_only = self.settings.copy()
            cli_only.set("FEEDS", {}, priority="cmdline")
            feeds = feed_process_params_from_cli(
                cli_only, opts.output, overwrite_output=opts.overwrite_output
            )
            self.settings.set("FEEDS", feeds, priority="cmdline")

    def _create_crawler(self, spname: str) -> Any:
        self._crawler = super()._create_crawler(spname)
        return self._crawler

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if args and args[0] == NewsSpider.name:
            try:
                lock = preflight(opts.spargs, self.settings)
            except NewscrawlError as exc:
                print(f"newscrawl: error: {exc}", file=sys.stderr)
                self.exitcode = 1
                return
            with lock if lock is not None else nullcontext():  # RunRecorder holds it too
                super().run(args, opts)
            if self._crawler is not None and not closed_cleanly(self._crawler):
                print(f"newscrawl: error: {UNCLEAN_STOP}", file=sys.stderr)
                self.exitcode = 1
        else:
            super().run(args, opts)
        if self._crawler is not None and run_failed(self._crawler):
            self.exitcode = 1
