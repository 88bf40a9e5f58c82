"""Site template lines: short lines a domain repeats across different pages, learned in the store.

A line becomes a template line of its domain when it is seen on ``min_pages`` pages whose
bodies otherwise differ, and on a fair share of the domain's pages observed since it first
appeared. Guards against removing genuine content:

- only lines of at most ``max_words`` words are candidates (never long prose);
- each page is counted once per line, under a *page signature*: the smallest hash of its
  long paragraphs (one-permutation MinHash), so a re-fetched or lightly edited copy of the same
  article does not count as another page, while different articles do;
- the line must recur on at least ``min_share`` of the pages seen since its first sighting,
  so a stock sentence quoted in a handful of unrelated articles is not learned.

Memory is bounded: candidates live in the store in a sliding window of ``window`` pages per
domain, learned lines are capped per domain, and the in-process cache holds ``cache_domains``
domains (LRU), refreshed from the store every ``refresh_every`` pages of a domain so workers
sharing a store pick up each other's lines.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newscrawl.cleaning.cleaner import clean
from newscrawl.cleaning.model import CleanResult
from newscrawl.cleaning.normalize import line_hash, line_key, split_paragraphs, word_count

if TYPE_CHECKING:
    from newscrawl.store import Store

logger = logging.getLogger(__name__)

MIN_SHARE = 0.25
WINDOW_PAGES = 200
MAX_LINES_PER_DOMAIN = 300
MAX_CANDIDATES_PER_PAGE = 60
CACHE_DOMAINS = 512
REFRESH_EVERY = 50


@dataclass(frozen=True, slots=True)
class PageLines:
    """One clean page as template learning sees it."""

    signature: str
    """Smallest hash of the page's long paragraphs (whole text when it has none); "" when
    the page is empty."""
    short_lines: tuple[tuple[str, str], ...]
    """(line hash, line) of every distinct line of at most ``max_words`` words, in order."""


def read_page_lines(text: str, max_words: int) -> PageLines:
    """``text``'s signature and short lines (the candidates for template lines)."""
    if not text:
        return PageLines("", ())
    paragraphs = split_paragraphs(text)
    counts = [(p, word_count(p)) for p in paragraphs]
    short: dict[str, str] = {}
    for line, words in counts:
        if 0 < words <= max_words:
            short.setdefault(line_hash(line), line)
    keys = [line_key(p) for p, words in counts if words > max_words] or [line_key(text)]
    signature = min(hashlib.sha1(k.encode("utf-8")).hexdigest()[:20] for k in keys)
    return PageLines(signature, tuple(short.items()))


def clean_and_read(
    text: str, title: str, template_lines: list[str], max_words: int
) -> tuple[CleanResult, PageLines]:
    """The rules on one page, and what template learning needs of the result: one call to
    a worker process (which imports neither Scrapy nor the store)."""
    result = clean(text, title=title, template_lines=template_lines)
    return result, read_page_lines(result.text, max_words)


class TemplateMemory:
    """Learns and remembers per-domain template lines in a Store (SQL via ``?`` placeholders)."""

    def __init__(
        self,
        min_pages: int,
        max_words: int,
        *,
        min_share: float = MIN_SHARE,
        window: int = WINDOW_PAGES,
        max_lines: int = MAX_LINES_PER_DOMAIN,
        cache_domains: int = CACHE_DOMAINS,
        refresh_every: int = REFRESH_EVERY,
    ) -> None:
        self.min_pages = min_pages
        self.max_words = max_words
        self.min_share = min_share
        self.window = max(window, min_pages)
        self.max_lines = max_lines
        self.cache_domains = cache_domains
        self.refresh_every = refresh_every
        self._cache: OrderedDict[str, dict[str, str]] = OrderedDict()

    # --- reading ---------------------------------------------------------------------------
    def lines(self, store: Store, domain: str) -> list[str]:
        """The learned template lines of ``domain`` (cached)."""
        return list(self._learned(store, domain).values())

    def _learned(self, store: Store, domain: str) -> dict[str, str]:
        learned = self._cache.get(domain)
        if learned is None:
            learned = self._load(store, domain)
        else:
            self._cache.move_to_end(domain)
        return learned

    def _load(self, store: Store, domain: str) -> dict[str, str]:
        rows = store.query(
            "SELECT line_hash, line FROM template_lines WHERE domain = ? ORDER BY line_hash",
            (domain,),
        )
        learned = dict(rows)
        self._cache[domain] = learned
        self._cache.move_to_end(domain)
        while len(self._cache) > self.cache_domains:
            self._cache.popitem(last=False)
        return learned

    # --- learning ----------------------------------------------------------------------------
    def observe(self, store: Store, domain: str, page: str | PageLines) -> list[str]:
        """Record the short lines of one page of ``domain`` (its clean text, or what
        read_page_lines made of it in a worker process); return the lines learned now."""
        if isinstance(page, str):
            page = read_page_lines(page, self.max_words)
        if not domain or not page.signature:
            return []
        learned = self._learned(store, domain)
        found: dict[str, str] = {}
        if len(learned) < self.max_lines:
            for h, line in page.short_lines:
                if h not in learned:
                    found[h] = line
                    if len(found) >= MAX_CANDIDATES_PER_PAGE:
                        break
        new: list[str] = []
        with store.transaction():
            seq = self._next_seq(store, domain)  # every page counts, for the share guard
            if found:
                new = self._record(store, domain, seq, page.signature, found)
                learned.update((line_hash(line), line) for line in new)
            if seq % self.refresh_every == 0:
                store.execute(
                    "DELETE FROM template_candidates WHERE domain = ? AND seq <= ?",
                    (domain, seq - self.window),
                )
        if seq % self.refresh_every == 0:
            self._load(store, domain)  # pick up lines other workers learned
        for line in new:
            logger.info("Learned template line of %s: %r", domain, line)
        return new

    def _record(
        self, store: Store, domain: str, seq: int, sig: str, found: dict[str, str]
    ) -> list[str]:
        store.executemany(
            "INSERT INTO template_candidates (domain, line_hash, page_sig, seq)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (domain, line_hash, page_sig) DO NOTHING",
            [(domain, h, sig, seq) for h in found],
        )
        new = []
        for h, pages, first_seq in self._counts(store, domain, list(found)):
            share = pages / max(1, seq - first_seq + 1)
            if pages >= self.min_pages and share >= self.min_share:
                self._learn(store, domain, h, found[h], pages)
                new.append(found[h])
        return new

    def _next_seq(self, store: Store, domain: str) -> int:
        store.execute(
            "INSERT INTO template_domains (domain, pages) VALUES (?, 1)"
            " ON CONFLICT (domain) DO UPDATE SET pages = template_domains.pages + 1",
            (domain,),
        )
        rows = store.query("SELECT pages FROM template_domains WHERE domain = ?", (domain,))
        return int(rows[0][0])

    def _counts(self, store: Store, domain: str, hashes: list[str]) -> list[tuple[str, int, int]]:
        marks = ",".join("?" * len(hashes))
        rows = store.query(
            "SELECT line_hash, COUNT(*), MIN(seq) FROM template_candidates"
            f" WHERE domain = ? AND line_hash IN ({marks}) GROUP BY line_hash",
            [domain, *hashes],
        )
        return [(h, int(n), int(first)) for h, n, first in rows]

    def _learn(self, store: Store, domain: str, h: str, line: str, pages: int) -> None:
        now = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        store.execute(
            "INSERT INTO template_lines (domain, line_hash, line, pages, learned_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (domain, line_hash) DO NOTHING",
            (domain, h, line, pages, now),
        )
        store.execute(
            "DELETE FROM template_candidates WHERE domain = ? AND line_hash = ?", (domain, h)
        )
