"""newscrawl.readability_bound against trafilatura's own readability comparison, on WCXB.

    .venv/bin/python bench/readability_bound.py --check     # the same records, every page
    .venv/bin/python bench/readability_bound.py --step 2    # CPU time, page by page

``--check`` extracts every page in both modes with the bounded comparison and with
trafilatura's own, and counts the pages whose text, title, authors or dates differ (exit 1 if
any does), and the comparisons the bound skipped. The timing is bench/alternating.py's.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import alternating  # noqa: E402
import trafilatura.core  # noqa: E402

from newscrawl import readability_bound  # noqa: E402
from newscrawl.analysis import analyze_page  # noqa: E402


def record(body: bytes, url: str, thorough: bool) -> tuple | None:
    ex = analyze_page(body, "utf-8", url, 50, thorough=thorough).extraction
    return None if ex is None else (ex.text, ex.title, tuple(ex.authors), ex.published, ex.modified)


class Counting:
    """trafilatura's comparisons, counted: all of them, and those the bound skipped."""

    def __init__(self) -> None:
        self.calls = self.skipped = 0
        self.bounded = readability_bound.compare_extraction
        self.cannot_win = readability_bound.readability_cannot_win

    def compare(self, *args: object) -> object:
        self.calls += 1
        return self.bounded(*args)  # type: ignore[arg-type]

    def verdict(self, *args: object) -> bool:
        skip = self.cannot_win(*args)  # type: ignore[arg-type]
        self.skipped += skip
        return skip


def check(docs: list[tuple[bytes, str]]) -> int:
    differ = 0
    for thorough in (True, False):
        counting = Counting()
        trafilatura.core.compare_extraction = counting.compare
        readability_bound.readability_cannot_win = counting.verdict
        ours = [record(body, url, thorough) for body, url in docs]
        readability_bound.readability_cannot_win = counting.cannot_win
        with readability_bound.trafilaturas_own():
            theirs = [record(body, url, thorough) for body, url in docs]
        readability_bound.install()
        changed = sum(a != b for a, b in zip(ours, theirs, strict=True))
        differ += changed
        print(
            f"{'thorough' if thorough else 'fast'}: {len(docs)} pages, {counting.calls}"
            f" comparisons, {counting.skipped} without readability, {changed} pages differ"
        )
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(
        alternating.main(
            __doc__,
            readability_bound.install,
            check,
            readability_bound.trafilaturas_own,
            "trafilatura's own comparison",
        )
    )
