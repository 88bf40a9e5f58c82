"""Month names, by month number, of the languages newscrawl reads dates in."""

from __future__ import annotations

import re
from collections.abc import Iterable


def _numbered(*months: str) -> dict[str, int]:
    return {name: number for number, names in enumerate(months, 1) for name in names.split()}


# English, French, German and Spanish names and abbreviations, lower-case
LATIN = _numbered(
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
)
# Arabic: the Egyptian and Gulf names of the Gregorian months, and the Levantine ones
ARABIC = _numbered(
    "يناير كانون_الثاني",
    "فبراير شباط",
    "مارس آذار",
    "أبريل إبريل نيسان",
    "مايو أيار",
    "يونيو يونيه حزيران",
    "يوليو يوليه تموز",
    "أغسطس آب",
    "سبتمبر أيلول",
    "أكتوبر تشرين_الأول",
    "نوفمبر تشرين_الثاني",
    "ديسمبر كانون_الأول",
)


def alternation(names: Iterable[str]) -> str:
    """A regex alternation of ``names``, longest first ("_" matches a space)."""
    escaped = (re.escape(name).replace("_", r"\s+") for name in names)
    return "|".join(sorted(escaped, key=len, reverse=True))
