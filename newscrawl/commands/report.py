"""``scrapy report [--runs N] -o report.html``: the HTML report of the last N runs in the store."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from newscrawl.config import NewscrawlConfig, redact_url_credentials
from newscrawl.exceptions import NewscrawlError
from newscrawl.operations.htmlreport import render_report
from newscrawl.operations.runs import load_runs
from newscrawl.store import open_existing_store


def positive_int(text: str) -> int:
    """argparse type: an integer >= 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected an integer >= 1, got {text!r}")
    return value


class Command(ScrapyCommand):
    """Write a self-contained HTML report (tables and SVG charts) of the store's recent runs."""

    requires_project = True
    requires_crawler_process = False
    default_settings: ClassVar[dict[str, Any]] = {"LOG_LEVEL": "WARNING"}

    def syntax(self) -> str:
        return "[--runs N] [-o report.html]"

    def short_desc(self) -> str:
        return "Write an HTML report of the last N runs, per source, with charts"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--runs", type=positive_int, default=30, metavar="N",
                            help="how many recent runs (default: 30)")  # fmt: skip
        parser.add_argument("-o", "--output", metavar="FILE", default="report.html",
                            help="HTML file to write (default: report.html)")  # fmt: skip

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if args:
            raise UsageError(f"unexpected arguments: {' '.join(args)}")
        try:
            config = NewscrawlConfig.from_settings(self.settings)
            store = open_existing_store(config.store)
            try:
                runs = load_runs(store, opts.runs)
            finally:
                store.close()
            now = datetime.now(UTC).isoformat(timespec="seconds")
            html = render_report(runs, redact_url_credentials(config.store), now)
            path = Path(opts.output)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_text(html, encoding="utf-8")
            os.replace(tmp, path)
        except (NewscrawlError, OSError) as exc:
            print(f"newscrawl: error: {exc}", file=sys.stderr)
            self.exitcode = 1
            return
        print(f"Report of {len(runs)} run(s) written to {path}")
