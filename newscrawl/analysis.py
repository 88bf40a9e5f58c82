"""One fetched page -> article verdict and extraction: the spider's CPU work, pure and picklable.

Runs in a worker process (newscrawl.workers) so the reactor keeps downloading.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from trafilatura.settings import Extractor

from newscrawl.discovery.pagetype import PageVerdict, classify
from newscrawl.extraction import Extraction, ExtractionError, extract, make_options
from newscrawl.pagemeta import PageMeta
from newscrawl.textfix import decode_body


@dataclass(slots=True)
class PageAnalysis:
    """What the spider needs to know about a page: verdict, extraction, failure reason."""

    verdict: PageVerdict
    extraction: Extraction | None = None
    failure: str | None = None


@lru_cache(maxsize=1)
def _options() -> Extractor:
    """One trafilatura options object per process (so per crawl and per worker)."""
    return make_options()


def decode_page(body: bytes, encoding: str) -> str:
    """The page's text from its bytes and the encoding Scrapy inferred.

    newscrawl.textfix.decode_body checks that guess against the bytes: a windows-1252 page
    served as UTF-8, or one with no declaration at all, still reads right.
    """
    return decode_body(body, encoding or None)


def analyze_page(
    body: bytes,
    encoding: str,
    url: str,
    min_words: int,
    thorough: bool = True,
    guess_date: bool = True,
) -> PageAnalysis:
    """Extract the page and decide whether it is an article (``thorough``, ``guess_date``:
    newscrawl.extraction.extract)."""
    try:
        page = decode_page(body, encoding)
        extraction = extract(page, url, _options(), thorough=thorough, guess_date=guess_date)
    except ExtractionError as exc:
        return PageAnalysis(classify(url, PageMeta(), 0, min_words), None, exc.reason)
    words = len(extraction.text.split())
    return PageAnalysis(classify(url, extraction.page, words, min_words), extraction)
