"""Run the real ``scrapy crawl news`` in a subprocess against the fake web, and read results."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class CrawlResult:
    """Exit status, records of the -O feed, final stats and stderr of one crawl."""

    returncode: int
    records: list[dict[str, Any]] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    stderr: str = ""

    def stat(self, key: str) -> int:
        """A numeric stat (0 when absent)."""
        return int(self.stats.get(key, 0))


def run_crawl(
    proxy_url: str,
    workdir: Path,
    *args: str,
    store: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 180,
) -> CrawlResult:
    """``scrapy crawl news ARGS`` from the project root, through ``proxy_url``.

    Writes the feed to ``workdir/out.jsonl`` (``-O``); the stats come from Scrapy's stats
    dump at the end of the log; the store defaults to ``workdir/store.sqlite3``.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    out = workdir / "out.jsonl"
    out.unlink(missing_ok=True)
    cmd = [
        sys.executable, "-m", "scrapy", "crawl", "news", *args,
        "-O", str(out),
        "-s", f"NEWSCRAWL_STORE={store or f'sqlite:///{workdir}/store.sqlite3'}",
        "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "LOG_LEVEL=INFO",
    ]  # fmt: skip
    full_env = {**os.environ, **(env or {})}
    full_env.update({"http_proxy": proxy_url, "HTTP_PROXY": proxy_url,
                     "no_proxy": "", "NO_PROXY": ""})  # fmt: skip
    full_env.setdefault("NEWSCRAWL_WORKERS", "2")
    proc = subprocess.run(cmd, cwd=ROOT, env=full_env, capture_output=True, text=True,
                          timeout=timeout, check=False)  # fmt: skip
    records = []
    if out.exists():
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line]
    return CrawlResult(proc.returncode, records, parse_stats_dump(proc.stderr), proc.stderr)


def parse_stats_dump(log: str) -> dict[str, Any]:
    """The dict Scrapy logs after "Dumping Scrapy stats:" (our own log, so eval is safe)."""
    marker = "Dumping Scrapy stats:"
    if marker not in log:
        return {}
    text = log.split(marker, 1)[1]
    text = text[text.index("{") : text.index("}\n") + 1]
    return eval(text, {"__builtins__": {}}, {"datetime": datetime})
