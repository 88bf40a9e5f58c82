"""The cleaning rules as data: one pattern per (language, kind, name), compiled once.

A LINE rule removes a whole paragraph when its pattern matches the whole line (``fullmatch``);
a PREFIX rule (datelines) removes only the matched start of a paragraph. Every rule has a word
budget: a longer line is never touched by it. Rules whose keyword may sit anywhere in the line
(``anywhere=True``) also skip lines that read like prose; ``search=True`` rules look for their
phrase anywhere without that guard (phrases no article prose uses: affiliate disclosures).
``names=True`` rules check that the ``names`` group is a list of names (capitalised words and
connectors), so "By Monday, the committee had voted." stays while "By Jane Smith" goes;
``credit=True`` rules allow a few common words there ("Source: Ministry of Health annual
report") but not a sentence.

Two rule shapes look at a line's place as well as its words. An ``after`` rule (flag
``after:<name>``) fires only on the paragraph right after one removed by the rule called
``<name>`` (in any language), so the name printed under a "Written by" label is a byline while
the same name elsewhere stays. A TAIL rule (flag ``tail``) is tried only on the last
``TAIL_PARAGRAPHS`` kept paragraphs of the text: an author's bio closes an article, while the
same sentence inside a profile is the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from newscrawl.cleaning.lang import LANGUAGES
from newscrawl.cleaning.model import LineKind
from newscrawl.cleaning.vocab import (
    AGENCY_LIST,
    CLOSE,
    IMAGE_AGENCIES,
    IMAGE_LABEL_BY,
    IMAGE_LABEL_COLON,
    NAME_LINE,
    OPEN,
    Spec,
    alt,
)

K = LineKind


class Scope(StrEnum):
    """What a rule removes."""

    LINE = "line"  # the whole paragraph
    PREFIX = "prefix"  # the matched start of the paragraph (datelines)
    TAIL = "tail"  # the whole paragraph, among the last few kept paragraphs only (bios)


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled pattern of one kind, for one language (``*`` = any)."""

    name: str
    kind: LineKind
    language: str
    pattern: re.Pattern[str]
    max_words: int
    scope: Scope = Scope.LINE
    anywhere: bool = False
    search: bool = False
    names: bool = False
    credit: bool = False
    # fires only right after a line removed by one of these rules (names without language and
    # kind: "author_label")
    after: frozenset[str] = frozenset()


# Order in which kinds are tried on a line: the first matching rule names the kind, so the
# precise credit kinds come before the broad phrase kinds.
ORDER: tuple[LineKind, ...] = (
    K.NAVIGATION,
    K.ADVERTISEMENT,
    K.IMAGE_CREDIT,
    K.SOURCE_CREDIT,
    K.BYLINE,
    K.AUTHOR_BIO,
    K.CAPTION,
    K.RELATED,
    K.NEWSLETTER,
    K.CTA,
    K.DATELINE,
    K.TITLE,
    K.TEMPLATE,
)


_CREDIT = rf"(?:{IMAGE_LABEL_COLON}|{IMAGE_LABEL_BY})"
_AGENCY_OR_IMAGE = rf"(?:{IMAGE_AGENCIES}|{AGENCY_LIST})"
_PERSON = r"[\w.'’ -]{2,40}"
# A list item (trafilatura's "- " line) is no caption: a gallery's or a carousel's slide of
# text that ends with its photo's credit is the article's (WCXB: 1 page, 7 items, better).
_NOT_ITEM = r"(?!-\s)"
_CITY = (  # "LONDON", "New York", "Rio de Janeiro": capitalised words, case-sensitive
    r"(?-i:[A-ZÀ-ÖØ-Þ][^\s(),]*(?:[ -](?:[A-ZÀ-ÖØ-Þ][^\s(),]*|de|del|da|do|am|an|sur|on|el|la"
    r"|al)){0,3})"
)
# A person's name: two or three capitalised words ("Wei-An Jin", "Kristina Armitage").
_NAME = r"(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2})"
# The last word of a publication's name under a photo credit.
# Words that also close a heading ("Best Lenses for Landscape Photography", "Tips for Social
# Media") are left out.
_OUTLET_WORD = r"(?:Magazine|Magazin|Times|Post|Journal|Tribune|Herald|Gazette|Chronicle)"
_AR_WORDS = r"[\u0600-\u06FF]+(?:\s+[\u0600-\u06FF]+)"
_DASH = r"(?:[-–—:]+|\.-)"

UNIVERSAL: list[Spec] = [
    # --- a CMS placeholder printed as is: "[CTA_MODULE]", "{{ newsletter_box }}" --------------
    (K.TEMPLATE, "placeholder", r"\[[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\]|\{\{\s*[\w.]+\s*\}\}", 2, ""),
    # a design template's filler text left in: "Lorem ipsum dolor sit amet, consectetur …",
    # "Lorem Ipsum", "Lorem ipsum 2", also as a list item ("- Lorem ipsum 1"); a text about the
    # filler, "Lorem ipsum is …", stays
    (
        K.TEMPLATE,
        "lorem_ipsum",
        r"(?:[-•*]\s+)?Lorem ipsum(?:\s+\d+|\s+dolor\s+sit\s+amet\b.*)?",
        120,
        "",
    ),
    # a page's data printed as text: a JSON array of arrays or objects of 150 characters or
    # more (a feedback widget's options left in a <template>); a short object in a code
    # example ('{"name": "John Doe"}') stays
    (K.TEMPLATE, "json_data", r'\[(?:\s*[\[{])+\s*"[^\n]{150,}[\]}](?:\s*\])+', 400, ""),
    # --- image credits: a whole line that only credits an image ----------------------------
    (K.IMAGE_CREDIT, "label", rf"{OPEN}{_CREDIT}\s*\S.{{0,100}}?{CLOSE}", 14, ""),
    (
        K.IMAGE_CREDIT,
        "agency",
        rf"{OPEN}(?:©\s*)?(?:\d{{4}}\s+)?(?:{IMAGE_AGENCIES})\b(?:\s*(?:/|via|,|-|–)\s*[^.]{{0,60}})?"
        rf"{CLOSE}",
        10,
        "",
    ),
    (
        K.IMAGE_CREDIT,
        "via_agency",
        rf"{OPEN}[\w.'’ /+-]{{1,40}}?\s+via\s+(?:{IMAGE_AGENCIES}){CLOSE}",
        10,
        "",
    ),
    (
        K.IMAGE_CREDIT,
        "agency_person",
        rf"{OPEN}{_AGENCY_OR_IMAGE}\s*/\s*(?!(?:{AGENCY_LIST})\s*[)\]]?\.?$){_PERSON}{CLOSE}",
        8,
        "",
    ),
    (
        K.IMAGE_CREDIT,
        "person_agency",
        rf"{OPEN}{_PERSON}\s*/\s*{_AGENCY_OR_IMAGE}(?:\s+via\s+getty\s+images)?{CLOSE}",
        8,
        "",
    ),
    (
        K.IMAGE_CREDIT,
        "copyright_agency",
        rf"{OPEN}©\s*(?:\d{{4}}\s+)?(?:{AGENCY_LIST})(?:\s*/\s*{_PERSON})?{CLOSE}",
        8,
        "",
    ),
    (  # "Image used under license from Shutterstock"
        K.IMAGE_CREDIT,
        "licensed",
        rf"{OPEN}(?:images?|photos?|pictures?|illustrations?|fotos?|bild(?:er)?|imagen(?:es)?)"
        rf"\s+(?:used\s+|utilisées?\s+|verwendet\s+|utilizadas?\s+)?(?:under\s+licen[cs]e"
        rf"|sous licence|unter lizenz|bajo licencia|licensed)\s+(?:from|by|de|von|via)"
        rf"\s+\S.{{0,60}}{CLOSE}",
        12,
        "",
    ),
    (  # a photographer credited to a magazine: "Wei-An Jin for Quanta Magazine", "Samuel
        # Velasco/Quanta Magazine" (case-sensitive: a name, then a publication's name)
        K.IMAGE_CREDIT,
        "person_for_outlet",
        rf"{OPEN}{_NAME}(?:\s+(?:for|für|pour|para)\s+|\s*/\s*)(?-i:(?:The\s+)?(?:[A-Z][\w'’.&-]*"
        rf"\s+){{0,3}}{_OUTLET_WORD})(?:\s*;\s*.{{0,300}})?{CLOSE}",
        50,
        "",
    ),
    # --- author boxes: the name under a "Written by" label (each language's author_label) is
    # a byline; under a "Reviewed by" label (reviewer_label) a reviewer's, who is no author -----
    (K.BYLINE, "labelled_name", rf"{OPEN}{NAME_LINE}{CLOSE}", 10, "names after:author_label"),
    (K.NAVIGATION, "reviewer_name", rf"{OPEN}{NAME_LINE}{CLOSE}", 10, "names after:reviewer_label"),
    # --- source credits ------------------------------------------------------------------------
    (K.SOURCE_CREDIT, "agency_alone", rf"{OPEN}[-–—]?\s*(?:{AGENCY_LIST}){CLOSE}", 6, ""),
    (K.SOURCE_CREDIT, "by_agency", rf"(?:by|von|par|por|بقلم)\s+(?:{AGENCY_LIST}){CLOSE}", 8, ""),
    (
        K.SOURCE_CREDIT,
        "with_agency",
        rf"{OPEN}[-–—]?\s*(?:with|with (?:inputs?|reporting|files|additional reporting"
        rf"|agency inputs) from|inputs from|avec|mit material (?:von|der|des)|mit"
        rf"|con informaci(?:ón|ones) de|con"
        rf"|بمشاركة|مع)\s+(?:the\s+)?(?:{AGENCY_LIST}){CLOSE}",
        12,
        "",
    ),
    (
        K.SOURCE_CREDIT,
        "copyright",
        rf"{OPEN}(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{{4}}|by\b|of\b|[:：]))\s*.{{0,250}}",
        45,
        "",
    ),
    # --- advertisement labels ------------------------------------------------------------------
    (
        K.ADVERTISEMENT,
        "ad_label",
        r"[-–—_*\s]*(?:"
        + alt(
            r"advertisements?",
            r"advertisement\s*[-–—:]\s*scroll to continue",
            "ads?",
            r"sponsored(?: content| post| links?)?",
            r"paid (?:content|post|partnership)",
            r"promoted(?: content)?",
            r"anzeigen?",
            "werbung",
            r"publicit[ée]",
            "publicidade?",
            "contenido patrocinado",
            r"contenu sponsoris[ée]",
            "[إا]علان",
            "محتوى مدعوم",
        )
        + r")[-–—_*\s]*",
        5,
        "",
    ),
    (
        K.ADVERTISEMENT,
        "ad_prefix",
        r"(?:advertisement|sponsored|anzeige|publicit[ée]|publicidad|[إا]علان)\s*[:：|]\s*\S.{0,120}",
        20,
        "",
    ),
    (
        K.ADVERTISEMENT,
        "continues_below",
        alt(
            r"(?:story|article|text|content) continues (?:below|after)"
            r"(?: (?:this )?(?:advertisement|ad|the ad))?\.?",
            r"continue reading (?:below|after)(?: the)? ?(?:advertisement|ad)?\.?",
            r"scroll (?:down )?to continue(?: (?:reading|with content))?\.?",
            "weiter nach der anzeige",
            r"la suite apr[eè]s (?:cette )?(?:la )?publicit[ée]",
            r"sigue leyendo despu[eé]s del anuncio",
            "تابع القراءة بعد الإعلان",
        ),
        12,
        "",
    ),
    # --- navigation fragments common to all languages ------------------------------------------
    (K.NAVIGATION, "symbols", r"[\W_]*(?:↑|▲|⬆)[\W_]*", 3, ""),
    # a list item's marker left on a line of its own, its text on the next ("-" / "What is
    # the best travel insurance?"): trafilatura's "- " of an item that opens with a block
    (K.NAVIGATION, "list_marker", r"[-•]", 1, ""),
    (
        K.NAVIGATION,
        "reading_time",
        alt(
            r"\d+\s*(?:min(?:ute)?s?|mins?\.?)\s+"
            r"(?:read|reading time|de lecture|lesezeit|de lectura)",
            r"(?:reading time|lesezeit|temps de lecture|tiempo de lectura)\s*[:：]?\s*\d+\s*"
            r"(?:min(?:ute)?s?|minuten|minutos)\.?",
            r"(?:\d+\s*)?(?:دقائق|دقيقة)\s+(?:للقراءة|قراءة)",
        ),
        8,
        "",
    ),
    # --- datelines: prefix of the first paragraph ----------------------------------------------
    (
        K.DATELINE,
        "city_agency",
        rf"{_CITY}(?:\s*,\s*[^()\n]{{1,30}}?)?\s*\(\s*(?:{AGENCY_LIST})\s*\)\s*\.?\s*{_DASH}\s*",
        14,
        "prefix",
    ),
    (K.DATELINE, "agency", rf"\(\s*(?:{AGENCY_LIST})\s*\)\s*\.?\s*{_DASH}\s*", 6, "prefix"),
    (
        K.DATELINE,
        "ar_city_agency",
        rf"{_AR_WORDS}{{0,3}}\s*[-–—]?\s*\(\s*(?:{AGENCY_LIST})\s*\)\s*[-–—:]+\s*",
        10,
        "prefix",
    ),
    (
        K.DATELINE,
        "ar_city_agency_dash",
        rf"{_AR_WORDS}{{0,2}}\s*[-–—]\s*(?:{AGENCY_LIST})\s*[-–—:]+\s*",
        8,
        "prefix",
    ),
    # --- captions: a line that ends with an image credit ---------------------------------------
    (
        K.CAPTION,
        "paren_credit",
        rf"{_NOT_ITEM}.*\S\s*[(\[]\s*(?:{_CREDIT}|(?:{IMAGE_AGENCIES})\b)"
        r"[^()\[\]]{0,100}[)\]]\s*\.?",
        70,
        "",
    ),
    (
        K.CAPTION,
        "sep_credit",
        rf"{_NOT_ITEM}.*\S\s*(?:[|/•·]|\s[-–—])\s*{_CREDIT}\s*\S[^|]{{0,100}}",
        70,
        "",
    ),
    (
        K.CAPTION,
        "sentence_credit",
        rf"{_NOT_ITEM}.*[.!?…]\s+{_CREDIT}\s*\S[^.!?]{{0,100}}\.?",
        70,
        "",
    ),
    (
        K.CAPTION,
        "photograph_credit",
        rf"{_NOT_ITEM}.*\S\s+(?-i:Photograph|Photo|Illustration|Composite|Photo illustration"
        r"|Foto|Bild|Fotografía)\s*:\s*\S[^.!?]{0,80}",
        70,
        "",
    ),
    (
        K.CAPTION,
        "agency_paren",
        rf"{_NOT_ITEM}.*\S\s*\(\s*(?:{IMAGE_AGENCIES}|[\w.'’ /-]{{1,40}}?\s+via"
        rf"\s+(?:{IMAGE_AGENCIES}))\b"
        rf"[^()]{{0,60}}\)\s*\.?",
        40,
        "",
    ),
    (
        K.CAPTION,
        "copyright_end",
        rf"{_NOT_ITEM}.*\S\s*©\s*(?:\d{{4}}\s+)?"
        rf"(?:{_AGENCY_OR_IMAGE}|{_PERSON}\s*/\s*{_AGENCY_OR_IMAGE})\s*\.?",
        60,
        "",
    ),
]


@lru_cache(maxsize=16)
def rules_for(language: str | None) -> tuple[Rule, ...]:
    """Compiled rules for ``language`` (None or unknown: every language), in matching order."""
    if language and language in LANGUAGES:
        tables = [("*", UNIVERSAL), (language, LANGUAGES[language])]
    else:
        tables = [("*", UNIVERSAL), *LANGUAGES.items()]
    compiled = [_compile(lang, spec) for lang, specs in tables for spec in specs]
    rank = {kind: i for i, kind in enumerate(ORDER)}
    return tuple(sorted(compiled, key=lambda r: rank[r.kind]))  # stable: table order within kind


def _compile(language: str, spec: Spec) -> Rule:
    kind, name, pattern, max_words, flag_text = spec
    flags = set(flag_text.split())
    after = frozenset(f.split(":", 1)[1] for f in flags if f.startswith("after:"))
    re_flags = 0 if "case" in flags else re.IGNORECASE
    scope = Scope.PREFIX if "prefix" in flags else Scope.TAIL if "tail" in flags else Scope.LINE
    return Rule(
        name=f"{language}.{kind.value}.{name}",
        kind=kind,
        language=language,
        pattern=re.compile(pattern, re_flags),
        max_words=max_words,
        scope=scope,
        anywhere="anywhere" in flags,
        search="search" in flags or "anywhere" in flags,
        names="names" in flags,
        credit="credit" in flags,
        after=after,
    )
