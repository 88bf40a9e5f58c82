"""Crawler-trap shapes in URLs: far-off calendar dates, query explosions, repeating paths (pure).

Depth limits and the per-source page budget bound every trap; these checks stop the common
ones early so the budget goes to real pages: calendars that page on past the sensible range
of years, faceted navigation that appends one more parameter per click, and relative links
that nest the same path segments again and again. Session ids are the remaining trap shape;
newscrawl.urls.strip_session removes them.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime
from urllib.parse import parse_qsl, urlsplit

MAX_QUERY_PARAMS = 8
MAX_SEGMENT_REPEATS = 3
MAX_URL_LENGTH = 2000  # below Scrapy's URLLENGTH_LIMIT (2083), so the refusal is ours to count
MIN_YEAR = 1800  # newspaper archives online reach back to the 1850s; earlier is a calendar trap
FUTURE_YEARS = 1  # next year's calendar may hold announced events; later ones are a trap

# A year and a month: "/2036/1", "/2036/01", "/1650-03"; with a hyphen the month has two digits,
# since WordPress numbers a reused slug "/2609-2/" (a post id and a copy number, no date).
_PATH_DATE = re.compile(r"/([12]\d{3})(?:/(?:0?[1-9]|1[0-2])|-(?:0[1-9]|1[0-2]))(?=[/-]|$)")
_DATE_KEYS = frozenset({"date", "year", "y", "month", "day", "cal", "calendar", "from", "to"})
_QUERY_DATE = re.compile(r"^([12]\d{3})(?:-(0?[1-9]|1[0-2]))?(?:-\d{1,2})?$")

REASONS = ("url_length", "query_params", "repeated_segments", "calendar_date")
"""Every reason :func:`trap_reason` may return (stat-key friendly)."""


def trap_reason(url: str, now_year: int | None = None) -> str | None:
    """Why ``url`` looks like a crawler trap, or None."""
    if len(url) > MAX_URL_LENGTH:
        return "url_length"
    try:
        parts = urlsplit(url)
    except ValueError:
        return None  # not ours to judge: the safety check refuses unparsable URLs
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    if len(pairs) > MAX_QUERY_PARAMS:
        return "query_params"
    segments = [s for s in parts.path.split("/") if s]
    if segments and Counter(segments).most_common(1)[0][1] > MAX_SEGMENT_REPEATS:
        return "repeated_segments"
    year_now = now_year if now_year is not None else datetime.now(UTC).year
    years = [int(m.group(1)) for m in _PATH_DATE.finditer(parts.path)]
    for key, value in pairs:
        match = _QUERY_DATE.match(value.strip()) if key.lower() in _DATE_KEYS else None
        if match:
            years.append(int(match.group(1)))
    if any(y < MIN_YEAR or y > year_now + FUTURE_YEARS for y in years):
        return "calendar_date"
    return None
