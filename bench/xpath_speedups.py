"""newscrawl.xpath_speedups against trafilatura's own XPath expressions, on the WCXB pages.

    .venv/bin/python bench/xpath_speedups.py --check        # the same elements, every call
    .venv/bin/python bench/xpath_speedups.py --step 6       # CPU time, page by page

``--check`` runs our page analysis (both modes) on every page with each of our expressions
evaluated next to trafilatura's own, and counts the calls whose elements (or their order)
differ: it exits 1 if any does. The timing runs ``analyze_page`` + ``clean`` on every STEP-th
page with trafilatura's expressions and with ours, alternating page by page (so the machine's
load falls on both), three rounds, the first not counted.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import alternating  # noqa: E402
import trafilatura.xpaths  # noqa: E402
from alternating import analyse  # noqa: E402

from newscrawl import xpath_speedups  # noqa: E402


class Shadow:
    """One of our expressions, evaluated next to trafilatura's own on every call."""

    def __init__(self, name: str, theirs: Any, ours: Any, calls: Counter, wrong: Counter) -> None:
        self.name, self.theirs, self.ours, self.calls, self.wrong = name, theirs, ours, calls, wrong
        self.path = ours.path

    def __call__(self, tree: Any) -> list[Any]:
        expected, found = self.theirs(tree), self.ours(tree)
        self.calls[self.name] += 1
        if len(expected) != len(found) or any(
            a is not b for a, b in zip(expected, found, strict=True)
        ):
            self.wrong[self.name] += 1
        return found


def check(docs: list[tuple[bytes, str]]) -> int:
    calls: Counter = Counter()
    wrong: Counter = Counter()
    for name, (theirs, ours) in xpath_speedups.INSTALLED.items():
        getattr(trafilatura.xpaths, name)[:] = [
            Shadow(name, t, o, calls, wrong) for t, o in zip(theirs, ours, strict=True)
        ]
    for thorough in (True, False):
        for body, url in docs:
            analyse(body, url, thorough)
    for name in sorted(calls):
        print(f"{name}: {calls[name]} calls, {wrong[name]} with other elements")
    print(
        f"{len(docs)} pages, both modes: {sum(calls.values())} calls, {sum(wrong.values())} differ"
    )
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(
        alternating.main(
            __doc__, xpath_speedups.install, check, xpath_speedups.trafilaturas_own, "trafilatura's"
        )
    )
