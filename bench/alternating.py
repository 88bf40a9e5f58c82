"""CPU time of our page analysis against a baseline in the same process, page by page.

Each page is analysed (``analyze_page`` + ``clean``) once with the baseline switched on and
once without, the order alternating from page to page and round to round, so the load of a
shared machine falls on both; three rounds, the first (warm-up) not counted.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager

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
