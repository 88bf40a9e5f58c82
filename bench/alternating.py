"""CPU time of our page analysis against a baseline in the same process, page by page.

Each page is analysed (``analyze_page`` + ``clean``) once with the baseline switched on and
once without, the order alternating from page to page and round to round, so the load of a
shared machine falls on both; three rounds, the first (warm-up) not counted.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from contextlib import AbstractContextManager

from wcxb_pages import pages

from newscrawl.analysis import analyze_page
from newscrawl.cleaning import clean

Baseline = Callable[[], AbstractContextManager[None]]


def analyse(body: bytes, url: str, thorough: bool) -> None:
    analysis = analyze_page(body, "utf-8", url, 50, thorough=thorough)
    if analysis.extraction:
        clean(analysis.extraction.text, title=analysis.extraction.title)


def cpu_against(docs: list[tuple[bytes, str]], baseline: Baseline, name: str) -> None:
    """Print, for each mode, the CPU ms a page with ``baseline`` (called ``name``) and with
    ours, and their ratio."""
    for thorough in (True, False):
        spent = {False: 0.0, True: 0.0}  # ours?
        for rnd in range(3):
            for i, (body, url) in enumerate(docs):
                for ours in (False, True) if (i + rnd) % 2 else (True, False):
                    start = time.process_time()
                    if ours:
                        analyse(body, url, thorough)
                    else:
                        with baseline():
                            analyse(body, url, thorough)
                    if rnd:
                        spent[ours] += time.process_time() - start
        n = 2 * len(docs)
        print(
            f"{'thorough' if thorough else 'fast'}: {name} {1000 * spent[False] / n:.1f}"
            f" ms a page, ours {1000 * spent[True] / n:.1f} ms ({spent[True] / spent[False]:.2f}x)"
        )


def main(
    doc: str,
    installed: Callable[[], object],
    check: Callable[[list[tuple[bytes, str]]], int],
    baseline: Baseline,
    name: str,
) -> int:
    """A speed-up's bench: ``--check`` (``check`` on the pages, its exit status) or the CPU
    time against ``baseline``; exit 1 if ``installed()`` put nothing in trafilatura's place."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="the same results, every page")
    ap.add_argument("--step", type=int, default=1, help="every STEP-th page (default: all)")
    args = ap.parse_args()
    if not installed():
        print("nothing installed: trafilatura's code changed")
        return 1
    docs = pages(args.step)
    if args.check:
        return check(docs)
    cpu_against(docs, baseline, name)
    return 0
