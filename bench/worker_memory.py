"""A page-work worker's memory: what it holds after its imports and after N real pages.

Runs, in one fresh process, what a crawl's worker process runs (``analyze_page``, then
``clean_and_read``, ``detect_language`` and ``fingerprint`` on its text) on every STEP-th
WCXB dev page (../shared/evaldata), and prints its RSS after each stage: the imports, the
langdetect profiles, then every 100 pages. The pages are read before the first figure, so
their bytes are in every figure; the growth after the imports is the worker's. ``--trace``
adds what the pages left behind (tracemalloc, grouped by the package that allocated it).

    .venv/bin/python bench/worker_memory.py [--step 2] [--mode fast|thorough] [--trace]

Also prints whether the worker-side modules pulled in Scrapy or Twisted (they should not:
newscrawl.workers keeps the crawl's main script out of the workers too).
"""

from __future__ import annotations

import argparse
import collections
import gc
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]

from wcxb_pages import pages  # noqa: E402


def rss_mb() -> float:
    """This process's resident set size, in MB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def by_package(before: tracemalloc.Snapshot, after: tracemalloc.Snapshot) -> collections.Counter:
    """Bytes kept between two snapshots, by the innermost third-party package or our module."""
    kept: collections.Counter = collections.Counter()
    for stat in after.compare_to(before, "traceback"):
        where = "other"
        for frame in reversed(stat.traceback):
            name = frame.filename
            if "site-packages/" in name:
                where = name.split("site-packages/")[1].split("/")[0]
                break
            if "/newscrawl/" in name:
                where = "newscrawl/" + name.split("/newscrawl/")[1]
                break
        kept[where] += stat.size_diff
    return kept


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--step", type=int, default=2)
    parser.add_argument("--mode", choices=("fast", "thorough"), default="fast")
    parser.add_argument("--trace", action="store_true")
    args = parser.parse_args()
    docs = pages(args.step)
    print(f"python, {len(docs)} pages read: {rss_mb():.0f} MB")

    from newscrawl.analysis import analyze_page
    from newscrawl.cleaning.templates import clean_and_read
    from newscrawl.dedup.fingerprints import fingerprint
    from newscrawl.language import _factory, detect_language

    heavy = [name for name in ("scrapy", "twisted") if name in sys.modules]
    print(f"imports: {rss_mb():.0f} MB (Scrapy or Twisted loaded: {heavy or 'none'})")
    _factory()
    print(f"langdetect profiles: {rss_mb():.0f} MB")

    def work(batch: list[tuple[bytes, str]], report: bool) -> None:
        for done, (body, url) in enumerate(batch, 1):
            analysis = analyze_page(body, "utf-8", url, 50, thorough=args.mode == "thorough")
            if analysis.extraction:
                ex = analysis.extraction
                result, _ = clean_and_read(ex.text, ex.title, [], 30)
                detect_language(result.text)
                fingerprint(result.text, 128)
            if report and done % 100 == 0:
                print(f"after {done} pages: {rss_mb():.0f} MB")

    if args.trace:
        work(docs[:3], report=False)
        gc.collect()
        tracemalloc.start(25)
        before = tracemalloc.take_snapshot()
    start = time.process_time()
    work(docs, report=not args.trace)
    spent = time.process_time() - start
    print(f"end ({args.mode}): {rss_mb():.0f} MB, {spent / len(docs) * 1e3:.0f} CPU ms a page")
    if args.trace:
        gc.collect()
        kept = by_package(before, tracemalloc.take_snapshot())
        for where, size in kept.most_common(12):
            print(f"  {size / 2**20:7.1f} MB  {where}")
        print(f"  {sum(kept.values()) / 2**20:7.1f} MB kept in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
