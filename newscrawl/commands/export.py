"""``scrapy export --format parquet|jsonl|csv [--since DATE] [--source NAME] -o PATH``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, ClassVar

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from newscrawl.config import NewscrawlConfig
from newscrawl.exceptions import NewscrawlError
from newscrawl.operations.export import (
    FORMATS,
    STDOUT,
    export_records,
    parse_since,
    select_records,
    stored_sources,
)
from newscrawl.store import open_existing_store


class Command(ScrapyCommand):
    """Export stored records (originals only by default) for pandas, DuckDB, spreadsheets."""

    requires_project = True
    requires_crawler_process = False
    default_settings: ClassVar[dict[str, Any]] = {"LOG_LEVEL": "WARNING"}

    def syntax(self) -> str:
        return "--format parquet|jsonl|csv [--since DATE] [--source NAME] -o PATH"

    def short_desc(self) -> str:
        return "Export stored records as Parquet, JSON Lines or CSV"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--format", choices=FORMATS, default=None,
                            help="output format (default: from the -o extension)")  # fmt: skip
        parser.add_argument("--since", metavar="DATE",
                            help="only records fetched since DATE (UTC, ISO 8601)")  # fmt: skip
        parser.add_argument("--source", metavar="NAME", help="only records of this source")
        parser.add_argument("--include-duplicates", action="store_true",
                            help="also stored duplicates (duplicate_of set)")  # fmt: skip
        parser.add_argument("-o", "--output", metavar="PATH", required=True,
                            help="file to write; - for standard output (jsonl, csv)")  # fmt: skip

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if args:
            raise UsageError(f"unexpected arguments: {' '.join(args)}")
        path = Path(opts.output)
        fmt = opts.format or path.suffix.lstrip(".").lower()
        if fmt not in FORMATS:
            raise UsageError(f"--format: expected one of {', '.join(FORMATS)}")
        to_stdout = opts.output == STDOUT
        if to_stdout and fmt == "parquet":
            raise UsageError("-o -: parquet is written to a file only; give a path")
        if path.is_dir():
            raise UsageError(f"-o {path}: is a directory; give a file name")
        try:
            since = parse_since(opts.since) if opts.since else None
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        try:
            config = NewscrawlConfig.from_settings(self.settings)
            store = open_existing_store(config.store)
            try:
                records = select_records(store, since, opts.source, opts.include_duplicates)
                count = export_records(records, path, fmt)
                known = stored_sources(store) if opts.source and not count else None
            finally:
                store.close()
        except (NewscrawlError, OSError) as exc:
            print(f"newscrawl: error: {exc}", file=sys.stderr)
            self.exitcode = 1
            return
        shown = "standard output" if to_stdout else path
        print(f"Exported {count} record(s) to {shown} ({fmt})",
              file=sys.stderr if to_stdout else sys.stdout)  # fmt: skip
        if known is not None and opts.source not in known:
            print(f"newscrawl: warning: --source {opts.source!r}: no stored record has this"
                  f" source; the store has: {', '.join(known) or 'no records'}",
                  file=sys.stderr)  # fmt: skip
