"""Publication and modification dates: htmldate, JSON-LD/meta and the date under the headline."""

from __future__ import annotations

import contextlib
import datetime
import re
from collections import deque
from collections.abc import Callable, Collection
from typing import Any

from lxml import etree

from newscrawl.months import LATIN, alternation

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
# Characters of visible text just before the headline searched too: a kicker or date line
# above it ("Published October 14, 2025 in Training").
BEFORE_HEADLINE_CHARS = 80
# ... and there, at most this many words between the date and the headline ("- 11 minutes",
# "| 3 minute read"): a date further up is the masthead's day or a teaser's, not the story's.
BEFORE_HEADLINE_GAP_WORDS = 4
_MONTHS = LATIN
_MONTH = alternation(_MONTHS)
_VISIBLE_DATE = re.compile(
    rf"(?<!\w)(?:(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?(?P<m2>{_MONTH})\.?,?\s+(?:de\s+)?"
    rf"(?P<y2>(?:19|20)\d\d)|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)"
    r"|(?P<a4>\d{1,2})(?P<s4>[./])(?P<b4>\d{1,2})(?P=s4)(?P<y4>(?:19|20)\d\d))(?![\w./]\d)(?!\w)",
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


# A label saying the date after it is the story's first publication ("This article was
# originally published on 26 Sep 2019", "Publié initialement le", "Erstmals erschienen am").
_ORIGINAL_LABEL = re.compile(
    r"(?:originally|first|initially)\s+(?:published|posted)"
    r"|(?:publiée?|parue?)\s+(?:initialement|à\s+l['’]origine|pour\s+la\s+première\s+fois)"
    r"|(?:initialement|originellement)\s+(?:publiée?|parue?)"
    r"|(?:ursprünglich|erstmals|zuerst)\s+(?:veröffentlicht|erschienen)"
    r"|(?:erschien|erschienen|veröffentlicht)\s+(?:ursprünglich|erstmals|zuerst)"
    r"|publicad[oa]\s+(?:originalmente|originariamente|por\s+primera\s+vez)"
    r"|(?:originalmente|originariamente)\s+publicad[oa]",
    re.I,
)
# Words of which _ORIGINAL_LABEL holds one, lower-cased.
_ORIGINAL_KEYS = (
    "originally", "first publ", "first post", "initially", "initialement", "originellement",
    "l'origine", "l’origine", "première fois", "ursprünglich", "erstmals", "zuerst",
    "originalmente", "originariamente", "primera vez",
)  # fmt: skip
# At most two words between that label and its date ("on Wednesday,", "le", "am").
_LABEL_GAP = re.compile(r"\W*(?:\w{1,9}\W+){0,2}")
# What goes before that label when it speaks of the page itself: the piece ("This article
# was", "Cet article a été", "Dieser Beitrag", "Artículo"), or nothing (a note starting
# "Originally published on"). "The study, first published on May 2, 2024," is another text.
_PIECE = (
    r"(?:article|story|post|piece|page|column|essay|interview|review|guide|report|artikel"
    r"|beitrag|text|artículo|nota|entrada|billet|chronique|tribune)"
)
_SELF_NOTE = re.compile(
    rf"(?:^|[.!?:;)\]]\s*|{_PIECE}\s+(?:(?:was|has\s+been|is|a\s+été|est|wurde|ist|fue"
    r"|ha\s+sido)\s+)?)$",
    re.I,
)


def pick_published(
    doc_date: str | Callable[[], str | None] | None,
    article: dict[str, Any],
    meta: dict[str, str],
    tree: etree._Element | None = None,
) -> str | None:
    """Publication date, ISO 8601.

    A date the text says the story was first published on comes first
    (``originally_published``); then the date printed under (or just above) the headline,
    unless it is labelled as an update ("Updated on …", "Last modified …", "Mis à jour …") or
    is the declared modification date;
    then trafilatura's guess (htmldate), which on real pages beats JSON-LD/meta (they often
    carry a republication date), unless it is a modification date (``guessed_published``) or
    a declared date with day and month swapped; then the declared publication date (JSON-LD
    datePublished, article:published_time, …), one not on a modification day first.
    JSON-LD/meta give the time of day when they agree on the day. Without ``tree``: declared
    and guessed only. ``doc_date`` may be a function that makes the guess: it is then called
    only when the headline's date does not decide (htmldate costs a tenth of a fast page).
    """
    declared = _published_dates(article, meta)
    original = originally_published(tree) if tree is not None else None
    if original:
        return _with_time(original, declared)
    lines = _headline_lines(tree, article, meta)
    stale = _stale_days(article, meta, lines)
    seen = next((d for d, update in lines if not update), None)
    if seen and seen not in stale:
        return _with_time(seen, declared)  # a guess on that day adds nothing: both are days
    guess = iso_date(dated_day(doc_date() if callable(doc_date) else doc_date))
    found = _unless_stale(guess, declared, stale)
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
    stale = _stale_days(article, meta, _headline_lines(tree, article, meta))
    return _unless_stale(found, _published_dates(article, meta), stale)


def originally_published(tree: etree._Element) -> str | None:
    """The day the page's text says the story was first published ("This article was
    originally published on 26 Sep 2019 and has been updated"), YYYY-MM-DD, or None. It
    beats every other date: a republished or updated copy names its first day so."""
    body = tree.find(".//body")
    text = body.text_content().lower() if body is not None else ""
    for key in _ORIGINAL_KEYS:  # str.find first: a regex over the whole text is slow
        at = text.find(key)
        while at != -1:
            window = " ".join(text[max(0, at - 30) : at + 150].split())
            for label in _ORIGINAL_LABEL.finditer(window):
                if not _SELF_NOTE.search(window[: label.start()]):
                    continue
                after = window[label.end() : label.end() + 60]
                m = _VISIBLE_DATE.search(after)
                day = _date_of(m) if m and _LABEL_GAP.fullmatch(after[: m.start()]) else None
                if day:
                    return day
            at = text.find(key, at + len(key))
    return None


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
        lines = headline_dates(tree, [published] if published else [])
        values = [day for day, update in lines if update]
    if published:
        values = [v for v in values if v[:10] >= published[:10]]
    return next(iter(values), None)


def headline_dates(tree: etree._Element, hints: Collection[str] = ()) -> list[tuple[str, bool]]:
    """Every date in the first HEADLINE_DATE_CHARS of visible text after the page's first
    <h1>, then in the last BEFORE_HEADLINE_CHARS before it, in order, as (YYYY-MM-DD, labelled
    as an update). "Updated on March 7, 2025", "Last modified on Mon 8 Dec 2025", "Mis à jour
    le 9 mars 2026", "Aktualisiert am 9. März 2026", "Actualizado el 9 de marzo de 2026" are
    updates; "Published March 7, 2025" is not. A <time> shown in a form not read here
    ("03/01/2017 by …") gives its datetime attribute; a numeric date that reads both ways
    ("09.10.2024") counts only as the reading among ``hints`` (dates the page declares)."""
    found = []
    for text, above in ((_after_headline(tree), False), (_before_headline(tree), True)):
        for m in _VISIBLE_DATE.finditer(text):
            day = _date_of(m, hints)
            if above and len(text[m.end() :].split()) > BEFORE_HEADLINE_GAP_WORDS:
                continue
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
    article: dict[str, Any], meta: dict[str, str], lines: list[tuple[str, bool]]
) -> set[str]:
    """Days known to be modification days: declared, or labelled as an update in the
    headline's date ``lines`` (_headline_lines)."""
    return {d[:10] for d in _modified_dates(article, meta)} | {d for d, update in lines if update}


def _unless_stale(guess: str | None, declared: list[str], stale: set[str]) -> str | None:
    """``guess``, or None when it falls on a modification day no declared publication
    date shares."""
    if not guess or guess[:10] not in stale or guess[:10] in {d[:10] for d in declared}:
        return guess
    return None


def _headline_lines(
    tree: etree._Element | None, article: dict[str, Any], meta: dict[str, str]
) -> list[tuple[str, bool]]:
    """headline_dates, the page's declared dates telling day from month in a numeric date;
    [] without ``tree``."""
    if tree is None:
        return []
    hints = [*_published_dates(article, meta), *_modified_dates(article, meta)]
    return headline_dates(tree, hints)


def _after_headline(tree: etree._Element) -> str:
    h1 = tree.find(".//h1")
    if h1 is None:
        return ""
    pieces: list[str] = [h1.tail or ""]
    size = 0
    started = False
    inside_time: etree._Element | None = None
    for el in tree.iter():
        if el is h1:
            started = True
            continue
        if not started or not isinstance(el.tag, str):
            continue
        if inside_time is not None and _inside(el, inside_time):
            continue  # already read as its <time>'s machine date
        text, timed = _shown_text(el, _inside(el, h1))
        inside_time = inside_time if timed is None else timed
        pieces += [text, el.tail or ""]
        size += len(text) + len(el.tail or "")
        if size > 3 * HEADLINE_DATE_CHARS:
            break
    return " ".join(" ".join(pieces).split())[:HEADLINE_DATE_CHARS]


def _shown_text(el: etree._Element, skip: bool) -> tuple[str, etree._Element | None]:
    """An element's own text for dating, and the element itself when that text is its
    <time>'s machine date (_machine_date; its descendants are then read already); "" for
    scripts and styles and where ``skip``."""
    machine = _machine_date(el) if el.tag == "time" else None
    if machine:
        return machine, el
    return ("" if skip or el.tag in _SKIP else el.text or ""), None


def _machine_date(el: etree._Element) -> str | None:
    """The day of a <time datetime="…"> whose shown text is no date the page's readers'
    forms give ("03/01/2017", "10/12/2023 7:38:01 PM", an Arabic month), else None."""
    shown = " ".join(el.text_content().split())
    if any(_date_of(m) for m in _VISIBLE_DATE.finditer(shown)):
        return None
    value = (el.get("datetime") or "").strip()
    return iso_date(value[:10]) if re.match(r"\d{4}-\d\d-\d\d", value) else None


def _before_headline(tree: etree._Element) -> str:
    """The last BEFORE_HEADLINE_CHARS of visible text before the page's first <h1> (a kicker
    or date line above the headline: "Published October 14, 2025 in Training")."""
    h1 = tree.find(".//h1")
    body = tree.find(".//body")
    if h1 is None or body is None:
        return ""
    above = {id(a) for a in h1.iterancestors()}
    pieces: deque[str] = deque(maxlen=64)  # the last text pieces, well over the window
    inside_time: etree._Element | None = None
    for el in body.iter():
        if el is h1:
            break
        if not isinstance(el.tag, str):
            pieces.append(el.tail or "")
            continue
        if inside_time is not None and _inside(el, inside_time):
            continue
        text, timed = _shown_text(el, False)
        inside_time = inside_time if timed is None else timed
        pieces += [text, "" if id(el) in above else (el.tail or "")]
    return " ".join(" ".join(pieces).split())[-BEFORE_HEADLINE_CHARS:]


def _with_time(day: str, declared: list[str]) -> str:
    """``day``, or a declared datetime of the same day (it carries the time of day), else
    one that is that day in some time zone: the page shows its local day ("July 4, 2025"),
    the declaration the instant in UTC ("2025-07-05T00:04:00+00:00")."""
    same_day = [d for d in declared if d[:10] == day[:10] and len(d) > len(day)]
    if same_day or len(day) > 10:
        return same_day[0] if same_day else day
    zoned = [d for d in declared if _local_day_possible(d, day)]
    return zoned[0] if zoned else day


def _local_day_possible(value: str, day: str) -> bool:
    """``value`` is a datetime with a UTC offset whose instant is ``day`` somewhere on Earth
    (UTC-12 to UTC+14)."""
    try:
        moment = datetime.datetime.fromisoformat(value)
        shown = datetime.date.fromisoformat(day[:10])
    except ValueError:
        return False
    if moment.tzinfo is None or moment.date() == shown:
        return False
    utc = moment.astimezone(datetime.UTC).replace(tzinfo=None)
    earliest = (utc - datetime.timedelta(hours=12)).date()
    latest = (utc + datetime.timedelta(hours=14)).date()
    return earliest <= shown <= latest


def _inside(el: etree._Element, ancestor: etree._Element) -> bool:
    return any(a is ancestor for a in el.iterancestors())


def _date_of(m: re.Match[str], hints: Collection[str] = ()) -> str | None:
    try:
        if m.group("y1"):
            day = (int(m.group("y1")), _MONTHS[m.group("m1").lower()], int(m.group("d1")))
        elif m.group("y2"):
            day = (int(m.group("y2")), _MONTHS[m.group("m2").lower()], int(m.group("d2")))
        elif m.group("y3"):
            day = (int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
        else:
            return _numeric_day(int(m.group("y4")), int(m.group("a4")), int(m.group("b4")), hints)
        return datetime.date(*day).isoformat()
    except (ValueError, KeyError):
        return None


def _numeric_day(year: int, first: int, second: int, hints: Collection[str]) -> str | None:
    """The day of "12.12.2025", "25/09/2025", "3/4/2025": day first when the first number is
    over 12, month first when the second is; else (day first in Europe, month first in the
    US) the one reading that is a day in ``hints`` (dates the page declares), or None."""
    readings = set()
    for month, day in ((second, first), (first, second)):
        with contextlib.suppress(ValueError):
            readings.add(datetime.date(year, month, day).isoformat())
    if len(readings) == 1:
        return readings.pop()
    agreed = readings & {h[:10] for h in hints}
    return agreed.pop() if len(agreed) == 1 else None


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return value.strip() if isinstance(value, str) else ""
