"""Run the real ``scrapy crawl news`` in a subprocess against the fake web, and read results."""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

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
        records = [
            json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line
        ]
    return CrawlResult(proc.returncode, records, parse_stats_dump(proc.stderr), proc.stderr)


def parse_stats_dump(log: str) -> dict[str, Any]:
    """The dict Scrapy logs after "Dumping Scrapy stats:" (our own log, so eval is safe)."""
    marker = "Dumping Scrapy stats:"
    if marker not in log:
        return {}
    text = log.split(marker, 1)[1]
    text = text[text.index("{") : text.index("}\n") + 1]
    return eval(text, {"__builtins__": {}}, {"datetime": datetime})


# --- the fake web's goldens -------------------------------------------------------------------
FAKEWEB = ROOT / "tests" / "fakeweb"
SOURCES = FAKEWEB / "sources.toml"
EXPECTED = FAKEWEB / "expected"
DYNAMIC = ("fetched_at", "crawl_id")
UPDATE_GOLDENS = os.environ.get("NEWSCRAWL_UPDATE_GOLDENS") == "1"
"""Set to 1 to rewrite tests/fakeweb/expected from a crawl (then review the diff)."""

# Stories the fake web publishes more than once: the first URL is the original. With the
# default policy exactly one record per group comes out (whichever copy the crawl stored first).
DUPLICATE_GROUPS: tuple[tuple[str, ...], ...] = (
    (  # Express story republished by the aggregator
        "http://express.test/news/uk/1890123/storm-bram-flood-warnings-yorkshire-rivers",
        "http://elrisala.test/2026/11/30/storm-bram-flood-warnings-issued-for-yorkshire-as-rivers-burst-banks/",
    ),
    (  # Reuters wire story on three sites, lightly edited
        "http://valleyherald.test/news/world/2026/11/30/shipping-giants-reroute-vessels-red-sea-insurance/",
        "http://express.test/news/world/1890777/red-sea-shipping-insurance-costs-reroute",
        "http://elrisala.test/2026/11/30/shipping-giants-reroute-ships-as-red-sea-insurance-soars/",
    ),
)


def golden_name(url: str) -> str:
    """File name of an article's golden: ``<site>--<last path segment>.json``."""
    parts = urlsplit(url)
    slug = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])
    if not slug.isascii():
        slug = hashlib.sha256(url.encode()).hexdigest()[:12]
    return f"{parts.hostname.split('.')[0]}--{slug}.json"


def load_goldens() -> dict[str, dict[str, Any]]:
    """Expected records of every article of the fake web, by URL."""
    goldens = {}
    for path in sorted(EXPECTED.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        goldens[record["url"]] = record
    return goldens


def write_golden(record: dict[str, Any]) -> None:
    """Store ``record`` as its golden (dynamic fields blanked, no duplicate_of)."""
    EXPECTED.mkdir(exist_ok=True)
    golden = {**record, "duplicate_of": None, **{k: f"<{k}>" for k in DYNAMIC}}
    text = json.dumps(golden, ensure_ascii=False, indent=2) + "\n"
    (EXPECTED / golden_name(record["url"])).write_text(text, encoding="utf-8")


def expected_record(
    golden: dict[str, Any], actual: dict[str, Any], **fields: Any
) -> dict[str, Any]:
    """The golden with the dynamic fields (and any ``fields`` given) taken from ``actual``."""
    return {**golden, **{k: actual[k] for k in DYNAMIC}, **fields}
