"""Publication and modification dates: htmldate, JSON-LD/meta and the date under the headline."""

from __future__ import annotations

import datetime
import re
from typing import Any

from lxml import etree

_META_PUBLISHED = (
    "article:published_time", "og:published_time", "published_time", "datepublished",
    "pubdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued",
    "dcterms.created", "sailthru.date", "parsely-pub-date",
)  # fmt: skip
_META_MODIFIED = (
    "article:modified_time", "og:updated_time", "modified_time", "datemodified",
    "dc.date.modified", "dcterms.modified",
)  # fmt: skip
# Characters of visible text after the headline searched for the date a reader sees
# ("By Jane Doe · Updated March 9, 2026 · 5 min read").
HEADLINE_DATE_CHARS = 300
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "january jan janvier janv januar jän enero ene",
            "february feb février fevrier févr fevr februar febrero",
            "march mar mars märz maerz marzo",
            "april apr avril avr abril",
            "may mai mayo",
            "june jun juin juni junio",
            "july jul juillet juil juli julio",
            "august aug août aout agosto ago",
            "september sep sept septembre septiembre setiembre",
            "october oct octobre oktober okt octubre",
            "november nov novembre noviembre",
            "december dec décembre decembre déc dezember dez diciembre dic",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_VISIBLE_DATE = re.compile(
    rf"(?<!\w)(?:(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?(?P<m2>{_MONTH})\.?,?\s+(?:de\s+)?"
    rf"(?P<y2>(?:19|20)\d\d)|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d))(?!\w)",
    re.I,
)
_SKIP = {"script", "style", "noscript", "template"}


# A label just before a date under the headline saying it is the date of an update, with at
# most two words between ("Updated on", "Last modified on Mon", "Mis à jour le").
_UPDATE_LABEL = re.compile(
    r"(?:updated|modified|revised|mis\s+à\s+jour|mise\s+à\s+jour|actualisé|aktualisiert"
    r"|geändert|actualizado|actualizada|actualización)\W*(?:(?:on|le|am|el|\w{2,9})\W+){0,2}$",
    re.I,
)


def pick_published(
    doc_date: str | None,
    article: dict[str, Any],
    meta: dict[str, str],
    tree: etree._Element | None = None,
) -> str | None:
    """Publication date, ISO 8601.

    The date printed under the headline comes first, unless it is labelled as an update
    ("Updated on …", "Last modified …", "Mis à jour …") or is the declared modification date;
    then trafilatura's guess (htmldate), which on real pages beats JSON-LD/meta (they often
    carry a republication date), unless it is a modification date (``guessed_published``) or
    a declared date with day and month swapped; then the declared publication date (JSON-LD
    datePublished, article:published_time, …), one not on a modification day first.
    JSON-LD/meta give the time of day when they agree on the day. Without ``tree``: declared
    and guessed only.
    """
    declared = _published_dates(article, meta)
    stale = _stale_days(article, meta, tree)
    seen = (
        next((d for d, update in headline_dates(tree) if not update), None)
        if tree is not None
        else None
    )
    found = guessed_published(doc_date, article, meta, tree)
    if seen and seen not in stale:
        if found and found[:10] == seen:
            return _with_time(found, declared)
        return _with_time(seen, declared)
    fresh = [d for d in declared if d[:10] not in stale]
    if found and not any(_swapped(found, d) for d in fresh):
        return _with_time(found, declared)
    return (fresh or declared or [None])[0]


def guessed_published(
    value: str | None,
    article: dict[str, Any],
    meta: dict[str, str],
    tree: etree._Element | None = None,
) -> str | None:
    """htmldate's guess ``value`` as ISO 8601, or None when it is a modification date (the
    declared dateModified/article:modified_time, or a date labelled as an update under the
    headline) and no declared publication date falls on the same day."""
    found = iso_date(dated_day(value))
    if not found or found[:10] not in _stale_days(article, meta, tree):
        return found
    return found if found[:10] in {d[:10] for d in _published_dates(article, meta)} else None


def pick_modified(
    article: dict[str, Any],
    meta: dict[str, str],
    tree: etree._Element | None = None,
    published: str | None = None,
) -> str | None:
    """Last modification date, ISO 8601, from JSON-LD or meta tags, else (with ``tree``) the
    date labelled as an update under the headline ("Updated on March 7, 2025"). Never a date
    before ``published``: such a value is dropped."""
    values = _modified_dates(article, meta)
    if not values and tree is not None:
        values = [day for day, update in headline_dates(tree) if update]
    if published:
        values = [v for v in values if v[:10] >= published[:10]]
    return next(iter(values), None)


def headline_dates(tree: etree._Element) -> list[tuple[str, bool]]:
    """Every date in the first HEADLINE_DATE_CHARS of visible text after the page's first
    <h1>, in order, as (YYYY-MM-DD, labelled as an update). "Updated on March 7, 2025", "Last
    modified on Mon 8 Dec 2025", "Mis à jour le 9 mars 2026", "Aktualisiert am 9. März 2026",
    "Actualizado el 9 de marzo de 2026" are updates; "Published March 7, 2025" is not."""
    text = _after_headline(tree)
    found = []
    for m in _VISIBLE_DATE.finditer(text):
        day = _date_of(m)
        if day:
            label = _UPDATE_LABEL.search(text[max(0, m.start() - 40) : m.start()])
            found.append((day, label is not None))
    return found


def dated_day(value: str | None) -> str | None:
    """htmldate's guess, or None when it is a bare "YYYY-01-01": htmldate fills a day it only
    knows the year of (a "© 2025" line) with January 1st. On the 793 WCXB pages none of the 63
    such guesses was a page's date."""
    return None if value and re.fullmatch(r"\d{4}-01-01", value.strip()) else value


def iso_date(value: str | None) -> str | None:
    """ISO 8601 date or datetime from common date strings; None when unparsable. "03-09-2026"
    and "09/25/2025" are read month first (the US form) unless the first number is over 12."""
    if not value:
        return None
    value = value.strip()
    try:
        parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value) or re.match(
            r"(\d{4})(\d{2})(\d{2})$", value
        )
        if not m:
            return _us_date(value)
        try:
            return datetime.date(*map(int, m.groups())).isoformat()
        except ValueError:
            return None
    if len(value) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


def _us_date(value: str) -> str | None:
    m = re.match(r"(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})([-/])(\d{1,2})\2((?:19|20)\d\d)(?!\d)", value)
    if not m:
        return None
    first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    month, day = (second, first) if first > 12 else (first, second)
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _swapped(day: str, other: str) -> bool:
    """``day`` is ``other`` with month and day exchanged (htmldate misreading "03-09-2026")."""
    return (
        day[:10] != other[:10]
        and day[:4] == other[:4]
        and (day[8:10], day[5:7])
        == (
            other[5:7],
            other[8:10],
        )
    )


def _published_dates(article: dict[str, Any], meta: dict[str, str]) -> list[str]:
    values = [iso_date(_text(article.get("datePublished")))]
    values += [iso_date(meta.get(k)) for k in _META_PUBLISHED]
    return [v for v in values if v]


def _modified_dates(article: dict[str, Any], meta: dict[str, str]) -> list[str]:
    values = [iso_date(_text(article.get("dateModified")))]
    values += [iso_date(meta.get(k)) for k in _META_MODIFIED]
    return [v for v in values if v]


def _stale_days(
    article: dict[str, Any], meta: dict[str, str], tree: etree._Element | None
) -> set[str]:
    """Days known to be modification days: declared, or labelled as an update under the
    headline."""
    days = {d[:10] for d in _modified_dates(article, meta)}
    if tree is not None:
        days |= {day for day, update in headline_dates(tree) if update}
    return days


def _after_headline(tree: etree._Element) -> str:
    h1 = tree.find(".//h1")
    if h1 is None:
        return ""
    pieces: list[str] = [h1.tail or ""]
    size = 0
    started = False
    for el in tree.iter():
        if el is h1:
            started = True
            continue
        if not started or not isinstance(el.tag, str):
            continue
        text = "" if el.tag in _SKIP or _inside(el, h1) else (el.text or "")
        pieces += [text, el.tail or ""]
        size += len(text) + len(el.tail or "")
        if size > 3 * HEADLINE_DATE_CHARS:
            break
    return " ".join(" ".join(pieces).split())[:HEADLINE_DATE_CHARS]


def _with_time(day: str, declared: list[str]) -> str:
    """``day``, or a declared datetime of the same day (it carries the time of day)."""
    same_day = [d for d in declared if d[:10] == day[:10] and len(d) > len(day)]
    return same_day[0] if same_day else day


def _inside(el: etree._Element, ancestor: etree._Element) -> bool:
    return any(a is ancestor for a in el.iterancestors())


def _date_of(m: re.Match[str]) -> str | None:
    try:
        if m.group("y1"):
            day = (int(m.group("y1")), _MONTHS[m.group("m1").lower()], int(m.group("d1")))
        elif m.group("y2"):
            day = (int(m.group("y2")), _MONTHS[m.group("m2").lower()], int(m.group("d2")))
        else:
            day = (int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
        return datetime.date(*day).isoformat()
    except (ValueError, KeyError):
        return None


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return value.strip() if isinstance(value, str) else ""
