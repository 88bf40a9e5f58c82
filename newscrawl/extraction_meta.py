"""Headline and authors of a page: JSON-LD, meta tags, the visible page or trafilatura's guess."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from newscrawl.authors import clean_authors, house_byline
from newscrawl.pagemeta import PageMeta
from newscrawl.textfix import repair_text

# " - Site", " | Site", " :: Site", " — Site": separators between a headline and a site name.
_TITLE_SEP = re.compile(r"\s+(?:[-|–—·•»]|::)\s+|\s*\|\s*")
_SEPARATORS = ("|", "-", "–", "—", ":", "·", "•", "»")
# An <h1> that names a section or the site, not the article.
_GENERIC_H1 = {"blog", "the blog", "our blog", "search", "contact us", "home", "news", "menu"}
# What an <h1> may carry besides the headline that is page furniture, not a subtitle: a date,
# a counter, "Posted on … by …" (words of the _key()ed text; a bare year is a headline's).
_FURNITURE = re.compile(
    r"(?:\s|\d+(?:st|nd|rd|th)?|posted|published|updated|on|at|\w+ com"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)*(?:\sby(?:\s+\w+){1,3})?\s*"
)
# A character an encoding step could not map: "?" or the replacement character.
_LOST_CHAR = re.compile("[?\ufffd]")
# Words after " | " in a chosen title up to which that part is a section or tagline.
MAX_BAR_WORDS = 8
# Share of common words between a visible <h1> and any metadata title above which the <h1>
# (what readers see) is taken as the same headline, reworded.
H1_OVERLAP = 0.2

_AUTHOR_JUNK = re.compile(
    r"^(?:undefined|null|none|name|admin|administrator|webmaster|editor|author|the author"
    r"|written by|by|staff|guest|anonymous|unknown)$",
    re.I,
)
_AUTHOR_PREFIX = re.compile(
    r"^\s*(?:(?:(?:written|posted)\s+)?by\s*:|by|written by|posted by|author\s*:?|von|par|por)\s+",
    re.I,
)
# A date before the name ("Dec. 19, 2025 · Jane Doe", "2025-12-19 | Jane Doe").
_LEADING_DATE = re.compile(
    r"^(?:\d{4}-\d{2}-\d{2}|(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"\.?(?:\s+\d{1,2})?,?\s+\d{4})\s*[·•|–—-]\s*",
    re.I,
)
# What a byline says after the name about whom it speaks for ("… on behalf of the Core team").
_ON_BEHALF = re.compile(r"\s+(?:on behalf of|for the)\s+.*$", re.I)
_AUTHOR_DATE = re.compile(
    r"\s*(?:[-|,–—·•]\s*)?(?:\b(?:(?:last\s+)?updated|published|posted|on|at)\b)?\s*\b(?:jan|feb|mar|apr|may"
    r"|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?.*$",
    re.I,
)
_HANDLE = re.compile(r"[a-z0-9._-]+")
_HONORIFIC = re.compile(r"^(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+(?=\S+\s+\S)")
_NAME = re.compile(
    r"(?:[A-ZÀ-Ý][\w'’.-]*|de|da|van|von|der|del|la|le|bin|al|el)"
    r"(?:\s+(?:[A-ZÀ-Ý][\w'’.-]*|de|da|van|von|der|del|la|le|bin|al|el)){1,3}"
)
# A byline of one name ("Amanda"): a blog's author known by her given name.
_GIVEN_NAME = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]{2,14}")
# A byline element's text longer than this is a bio or a block of page, not a byline.
MAX_BYLINE_CHARS = 80
MAX_BYLINE_WORDS = 10
# Labels printed before a byline's name, in an element of their own.
_BYLINE_LABELS = (
    "Written by", "Written By", "Written by:", "By", "By:", "Author", "Author:", "Authors",
    "Authors:", "Author(s)", "Author(s):", "Contributors:", "Contributor:", "Article by",
    "Posted by", "Posted By", "WRITTEN BY", "BY", "AUTHOR",
)  # fmt: skip
# "By Jane Doe" / "Written by Jane Doe" as a short line of its own.
# (searched in Python by _by_line_elements; the XPath says what it selects)
_BY_STARTS = ("By ", "by ", "Written by ", "By:", "by:", "Posted by ")
_BY_LINE_TAGS = ("p", "span", "div", "h3", "h4", "h5", "li")
_BY_LINE = (
    f"//*[{' or '.join(f'self::{tag}' for tag in _BY_LINE_TAGS)}][count(*) <= 2]"
    f"[{' or '.join(f'starts-with(normalize-space(.), {start!r})' for start in _BY_STARTS)}]"
)
# Elements whose class or id names an author or a byline: filtered by _BYLINE_ATTR, since
# "author" is also a piece of "authorities", "authorize" and "authorization" (menu entries,
# payment scripts), never bylines.
_BYLINE_CLASS = (
    '//*[contains(translate(@class, "AUTHORBYLINE", "authorbyline"), "author")'
    ' or contains(translate(@class, "BYLINE", "byline"), "byline") or contains(@id, "author")]'
)
_BYLINE_ATTR = re.compile(r"author(?!i[sz]|it)|byline", re.I)
# An author box's bio or description: the author's titles ("Licensed Q Arabica Grader"), no name.
_BIO_ATTR = re.compile(r"desc|(?<![a-z])bio(?![a-z])", re.I)
_AUTHOR_LINKS = (
    '//a[contains(@href, "/author/") or contains(@href, "/authors/")'
    ' or contains(@href, "/writers/")'
    ' or contains(@href, "/people/") or contains(@href, "/profile/")'
    ' or contains(@href, "/contributors/") or contains(@href, "/staff/")'
    ' or contains(@href, "/producers/") or contains(@href, "/journalists/")]'
)
# Where a "by" line or an author link is no byline of the article: comments (a commenter's
# "by Anonymous Coward") and menus (a "/people/current-students" link).
# A menu is looked for among the nearest ancestors only: a page whose <nav> is left open
# swallows the whole article.
_NOT_BYLINE = (
    "ancestor-or-self::*[not(self::body or self::html)]"
    "[contains(translate(@class, 'COMENT', 'coment'), 'comment')"
    " or contains(translate(@id, 'COMENT', 'coment'), 'comment')]"
    " | ancestor-or-self::*[position() <= 4][self::nav"
    " or contains(concat(' ', normalize-space(@class), ' '), ' menu ')"
    " or contains(@class, 'menu-item') or contains(@class, 'megamenu')]"
)
# A link after "written by" opening an element ("<em>This post was written by <a>Jane
# Doe</a>, gastroenterologist</em>"), not inside a sentence about someone's software.
_WRITTEN_BY_LINK = (
    "//a[not(preceding-sibling::*)][string-length(normalize-space(../text()[1])) < 40]"
    "[substring(translate(normalize-space(../text()[1]), 'WRITENBY', 'writenby'),"
    " string-length(normalize-space(../text()[1])) - 9) = 'written by']"
)
_AUTHOR_MARKUP = (
    '//*[@itemprop="author"]',
    '//a[contains(concat(" ", normalize-space(@rel), " "), " author ")]',
)
# A dated line right under the headline whose first piece is the name ("Aaron Ricadela |
# Senior Writer | July 2, 2025"), and a dated meta line naming its author after the date
# ("<time>03/01/2017</time> by Agatha Caleo, Candidate Representative").
_UNDER_HEADLINE = "//h1/following-sibling::*[1][self::p or self::div][count(*) <= 3]"
_DATED_BY = "//*[time][count(*) <= 3][contains(concat(' ', normalize-space(.)), ' by ')]"
_PIECES = re.compile(r"\s+[|·•]\s+")
_BY_WORD = re.compile(r"^.*?\bby\s+", re.I)
_BYLINE_XPATHS = (
    *_AUTHOR_MARKUP,
    # a label alone in its element (one test per element: this runs over every leaf)
    f"//*[not(*)][contains('|{'|'.join(_BYLINE_LABELS)}|',"
    " concat('|', normalize-space(text()), '|'))]",
    _BYLINE_CLASS,
    _AUTHOR_LINKS,
    _BY_LINE,
    _WRITTEN_BY_LINK,
    _DATED_BY,
    _UNDER_HEADLINE,
)
_XML_SPACE = re.compile(r"[ \t\r\n]+")


def _document_elements(tree: etree._Element, *tags: str) -> Iterator[etree._Element]:
    """Every element of ``tree``'s document (``tags`` only, when given) in document order, as
    an XPath "//" sees them: a page libxml2 parsed into two <html> roots gives both."""
    root = tree.getroottree().getroot()
    for top in (root, *root.itersiblings()):
        if isinstance(top.tag, str):
            yield from top.iter(*tags) if tags else top.iter(etree.Element)


def _byline_class_elements(tree: etree._Element) -> list[etree._Element]:
    """What _BYLINE_CLASS selects, found in Python: 4x faster than its XPath, which builds a
    translated copy of every element's class."""
    return [
        el
        for el in _document_elements(tree)
        if "author" in (cls := (el.get("class") or "").lower())
        or "byline" in cls
        or "author" in (el.get("id") or "")
    ]


def _by_line_elements(tree: etree._Element) -> list[etree._Element]:
    """What _BY_LINE selects, found in Python: its XPath builds the whole text of every
    element with up to two children, and wrappers of one child hold all of the page's text.
    Here only the first characters are read, enough for the longest opening it looks for."""
    need = max(map(len, _BY_STARTS)) + 1
    firsts = {start[0] for start in _BY_STARTS}
    found = []
    for el in _document_elements(tree, *_BY_LINE_TAGS):
        if len(el) > 2 and sum(isinstance(c.tag, str) for c in el) > 2:
            continue
        head = (el.text or "").lstrip(" \t\r\n")
        if head and head[0] not in firsts:
            continue  # most elements: their own text opens with another letter
        opening = ""
        for piece in el.itertext():
            opening = _XML_SPACE.sub(" ", opening + piece).lstrip(" ")
            if opening and opening[0] not in firsts:
                break
            if len(opening) >= need:
                break
        else:
            opening = opening.rstrip(" ")
        if opening.startswith(_BY_STARTS):
            found.append(el)
    return found


# Byline XPaths looked for in Python instead, with the same result (tests/test_byline_finders).
_FINDERS = {_BYLINE_CLASS: _byline_class_elements, _BY_LINE: _by_line_elements}
# Distinct names in a page's "By …" lines from which they are a list's items, not a byline.
LISTING_NAMES = 3
# Index in pick_authors' sources of the last one that may overrule metadata naming the site.
LAST_BYLINE_SOURCE = 3
_META_AUTHORS = ("author", "article:author", "dc.creator", "byl", "parsely-author")


# --- headline ---------------------------------------------------------------------------------
def pick_title(tree: etree._Element, page: PageMeta, article: dict[str, Any], fallback: str,
               url: str) -> str:  # fmt: skip
    """The headline: the visible <h1> when metadata agrees, else the metadata title without
    its " - Site name" suffix (og:site_name, JSON-LD publisher, domain); a short part after
    " | " (a section, a tagline) goes too: headlines use dashes, not bars."""
    title = _pick_title(tree, page, article, fallback, url)
    head, bar, rest = title.partition(" | ")
    return head if bar and head and len(rest.split()) <= MAX_BAR_WORDS else title


def _pick_title(tree: etree._Element, page: PageMeta, article: dict[str, Any], fallback: str,
                url: str) -> str:  # fmt: skip
    sites = site_names(page, url)
    meta = page.meta_tags
    sources = [_text(article.get("headline")), meta.get("og:title"), meta.get("twitter:title")]
    sources += [_title_tag(tree), fallback]
    titles = [strip_site_suffix(repair_text(_clean(t)), sites) for t in sources if t and _clean(t)]
    h1s = [_drop_label(strip_site_suffix(_element_text(h), sites), sites)
           for h in tree.iterfind(".//h1")]  # fmt: skip
    h1s = [h for h in h1s[:3] if _key(h) and not _generic_h1(_key(h), sites)]
    for h1 in h1s:
        if any(_key(h1) == _key(t) for t in titles):
            return _with_count(h1, titles)
    for h1 in h1s:  # the <h1> lost characters to a wrong encoding ("Beginner? Guide")
        lost = _lossy_pattern(h1)
        for t in titles if lost else ():
            if lost.fullmatch(t):
                return t
    keys = {_key(t) for t in titles}
    for h1 in h1s:  # the <h1> is the metadata title minus a suffix this page adds
        for t in titles:
            rest = t[len(h1) :].strip()  # the <h1> may be set in capitals
            if t[: len(h1)].casefold() == h1.casefold() and rest[:1] in _SEPARATORS:
                # unless the rest is another metadata title: the <h1> names the blog
                return rest[1:].strip() if _key(rest) in keys else h1
    best = _untruncated(titles)
    if not h1s:
        return best
    if not best:
        return h1s[0]
    h1_key, best_key = _key(h1s[0]), _key(best)
    if _shouting(h1s[0]) and set(h1_key.split()) != set(best_key.split()):
        return best  # a display line in capitals ("SUPPORTING GAAP COMPLIANCE"), not reworded
    if h1_key in best_key:  # the metadata adds a tagline ("…, Tested & Reviewed", "[2025]")
        return h1s[0]
    if best_key in h1_key:  # the <h1> adds a subtitle, or swallowed a date or a byline
        extra = h1_key.replace(best_key, " ", 1)
        furniture = _FURNITURE.fullmatch(extra) and re.search(r"[a-z]", extra)
        return best if furniture else h1s[0]
    a = set(h1_key.split())
    overlaps = [len(a & b) / max(1, len(a | b)) for b in (set(_key(t).split()) for t in titles)]
    return h1s[0] if max(overlaps) >= H1_OVERLAP else best


def _shouting(text: str) -> bool:
    """All capitals: a display line, whose words are no evidence of a headline's."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 5 and all(c.isupper() for c in letters)


def _with_count(h1: str, titles: list[str]) -> str:
    """``h1``, or a metadata title that is ``h1`` after the count of its list ("8 Recent Trends
    in Photography" where the <h1> says "Recent Trends in Photography")."""
    counted = re.compile(r"\d+ " + re.escape(_key(h1)))
    return next((t for t in titles if counted.fullmatch(_key(t))), h1)


def _drop_label(h1: str, sites: set[str]) -> str:
    """An <h1> without a leading section label ("Blog: How we …" -> "How we …")."""
    label, colon, rest = h1.partition(":")
    return rest.strip() if colon and rest.strip() and _generic_h1(_key(label), sites) else h1


def _lossy_pattern(h1: str) -> re.Pattern[str] | None:
    """A pattern matching ``h1`` with each "?" or U+FFFD inside it (a character, or two, lost
    to a wrong encoding) read as one or two other characters; None when it has none."""
    body = h1.rstrip("?")  # a question's own mark stays one
    if not _LOST_CHAR.search(body):
        return None
    parts = [re.escape(p) for p in _LOST_CHAR.split(body)]
    return re.compile(r"[^\s?\ufffd]{1,2}".join(parts) + re.escape(h1[len(body) :]), re.I)


def _generic_h1(key: str, sites: set[str]) -> bool:
    """An <h1> naming a section or the site ("Antoyo's Blog"), not the article."""
    return key in _GENERIC_H1 or key.endswith(" blog") or _is_site(key, sites)


def _is_site(key: str, sites: set[str]) -> bool:
    """``key`` is one of the site's names, spaced or not ("playful tones" for playfultones)."""
    squeezed = key.replace(" ", "")
    return any(key == s or squeezed == s.replace(" ", "") for s in sites)


def _untruncated(titles: list[str]) -> str:
    """The first metadata title, or a later one that it is a cut-off start of (JSON-LD
    headlines are often cut at a fixed length: "… Find Solutions (Including")."""
    if not titles:
        return ""
    first = titles[0]
    for other in titles[1:]:
        rest = other[len(first) :].strip()
        if other.startswith(first) and rest and rest[:1] not in _SEPARATORS:
            return other
    return first


def _element_text(el: etree._Element) -> str:
    """Visible text of an element, a line break read as a space ("WEEKEND<br>CODING")."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.tag == "br":
            parts.append(" ")
        elif isinstance(node.tag, str):
            parts.append(node.text or "")
            for child in node:
                walk(child)
                parts.append(child.tail or "")

    walk(el)
    return _clean("".join(parts))


def strip_site_suffix(title: str, sites: set[str]) -> str:
    """Drop leading/trailing " | Site name" parts of a title that name the site, and a site's
    host name before or after it with no separator ("example.com Vibe Coding")."""
    parts = _TITLE_SEP.split(title)
    if len(parts) < 2 or not sites:
        return _without_host(_without_paren_site(title, sites), sites)

    def names_site(part: str) -> bool:
        k = _key(part)
        squeezed = k.replace(" ", "")
        return bool(k) and (_is_site(k, sites) or any(
            (len(s) > 3 and s in k and len(k) <= len(s) + 12)
            or (len(k) > 3 and k in s)
            or (len(squeezed) > 5 and squeezed in s.replace(" ", ""))
            for s in sites
        ))  # fmt: skip

    while len(parts) > 1 and names_site(parts[-1]):
        parts.pop()
    while len(parts) > 1 and names_site(parts[0]):
        parts.pop(0)
    start, end = title.find(parts[0]), title.rfind(parts[-1])
    return title[start : end + len(parts[-1])].strip() if start >= 0 <= end else title


def _without_paren_site(title: str, sites: set[str]) -> str:
    """``title`` without a site name in brackets after it ("The Fold-and-Cut Problem (Erik
    Demaine)" on erikdemaine.org)."""
    head, paren, rest = title.rstrip().rpartition(" (")
    named = paren and head.strip() and rest.endswith(")") and _is_site(_key(rest[:-1]), sites)
    return head.strip() if named else title


def _without_host(title: str, sites: set[str]) -> str:
    """``title`` without the site's host name written before or after it."""
    words = title.split()
    if len(words) > 2 and "." in words[0] and _key(words[0]) in sites:
        return " ".join(words[1:])
    if len(words) > 2 and "." in words[-1] and _key(words[-1]) in sites:
        return " ".join(words[:-1])
    return title


def site_names(page: PageMeta, url: str) -> set[str]:
    """The site's names, ``_key``ed: og:site_name, application-name, twitter:site, the JSON-LD
    publisher, the host and each of its labels but the last ("blog", "resy")."""
    host = re.sub(r"^www\d?\.", "", urlsplit(url).hostname or "")
    meta = page.meta_tags
    names = [page.site_name, page.jsonld_publisher, meta.get("application-name"),
             meta.get("twitter:site", "").lstrip("@"), host, *host.split(".")[:-1]]  # fmt: skip
    return {_key(n) for n in names if n and _key(n)}


def _title_tag(tree: etree._Element) -> str:
    el = tree.find(".//title")
    return el.text_content() if el is not None else ""


# --- authors ----------------------------------------------------------------------------------
def pick_authors(tree: etree._Element, article: dict[str, Any], meta: dict[str, str],
                 doc_author: str | None, sites: set[str] = frozenset()) -> list[str]:  # fmt: skip
    """Byline names: JSON-LD people, meta author, the page's byline, trafilatura's guess, and
    only then JSON-LD organisations; the first source that yields a clean name wins.

    Metadata that names the site itself ("One Tree Planted" on onetreeplanted.org) yields to
    a person that the page's byline or trafilatura names, and stays when the page's byline
    names the site too; metadata signed by the publication ("The Investopedia Team") wins
    over any person the page names (a reviewer, an editor). ``sites``: the site's names
    (site_names)."""
    people, orgs = _jsonld_people_and_orgs(article.get("author"))
    declared = meta_authors(meta) + _labelled_meta(meta)
    sources = (
        lambda: people,
        lambda: _repeated_meta(tree) or declared[:1],
        lambda: _html_bylines(tree, sites),
        lambda: [a for a in (doc_author or "").split(";") if a.strip()],
        lambda: orgs,
    )
    first: list[str] = []
    site_named: list[str] = []  # metadata naming the site: the byline may name a person
    for i, source in enumerate(sources):
        names = _unique_names(clean_author(a) for a in source())
        own = [n for n in names if _names_site(n, sites)]
        if i < 2 and own and len(own) == len(names):
            site_named = site_named or names
            continue
        if site_named and (i > LAST_BYLINE_SOURCE or own):
            return site_named  # no byline naming anyone else, or the byline names the site too
        people_found = clean_authors(names)[0] if names else []
        if people_found:
            if i < 2 and len(people_found) == 1:  # metadata often names the first author only
                return _with_coauthors(names, people_found[0], tree, sites)
            return names
        if i < 2 and names and house_byline(names):
            return names  # the publication signs ("The Investopedia Team"): no person's byline
        first = first or names
    return site_named or first  # no person anywhere: an organisation or agency, for attribution


def meta_authors(meta: dict[str, str]) -> list[str]:
    """The author meta tags' values, in _META_AUTHORS order (links to profiles left out)."""
    return [v for k in _META_AUTHORS if (v := meta.get(k)) and not v.startswith("http")]


def _names_site(name: str, sites: set[str]) -> bool:
    """``name`` is the site's, alone or with a word the byline adds ("Help Net Security
    Sponsored" on Help Net Security)."""
    key = _key(name)
    return _is_site(key, sites) or any(
        len(s.split()) > 1 and key.startswith(s + " ") and len(key.split()) == len(s.split()) + 1
        for s in sites
    )


_AUTHOR_METAS = etree.XPath(
    "//meta[@name][contains(' author citation_author citation_authors dc.creator ',"
    " concat(' ', translate(@name, 'ACDEHINORSTU', 'acdehinorstu'), ' '))]/@content"
)


def _repeated_meta(tree: etree._Element) -> list[str]:
    """The authors of a page that gives each its own author meta tag (scholarly pages: one
    ``citation_author`` per author), when there are several; else []. "Doe, Jane" forms
    are left to the first tag alone."""
    values = _unique_names(v.strip() for v in _AUTHOR_METAS(tree))
    if len(values) < 2 or any("," in v for v in values):
        return []
    return values


def _labelled_meta(meta: dict[str, str]) -> list[str]:
    """The author of a link preview's label/data pair ("twitter:label1" = "Written by",
    "twitter:data1" = "Jane Doe"), which blog engines write for unfurling."""
    return [
        value
        for n in "1234"
        if meta.get(f"twitter:label{n}", "").strip().casefold() in ("written by", "author", "by")
        and (value := meta.get(f"twitter:data{n}", "").strip())
    ]


def _with_coauthors(
    names: list[str], person: str, tree: etree._Element, sites: set[str] = frozenset()
) -> list[str]:
    """The page's visible byline instead of metadata's one name when it lists that person
    and others ("Rui Ma, Heba Ledwon & Suparn Patra" where the meta author is "Rui Ma")."""
    if not _listed_with_others(tree, person):
        return names  # the byline search costs 4 ms a page: only where a list may be
    byline = _unique_names(clean_author(a) for a in _html_bylines(tree, sites))
    people = clean_authors(byline)[0] if byline else []
    if len(people) > 1 and _key(person) in {_key(_HONORIFIC.sub("", p)) for p in people}:
        return byline
    return names


_PEOPLE_SPLIT = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b)\s*")
_TEXT_WITH = etree.XPath("//body//text()[contains(., $name)]")
_LIST_SEPARATOR = re.compile(r",|&|\band\b|\bund\b|\bet\b|\by\b")


def _listed_with_others(tree: etree._Element, person: str) -> bool:
    """The person's name is printed right before or after a list separator, in an element of
    a byline's length around it: a quick test before the byline search of _with_coauthors."""
    for text in _TEXT_WITH(tree, name=person):
        holder = text.getparent()  # the element whose text (or a child's tail) it is
        if holder is not None and text.is_tail:
            holder = holder.getparent()
        box = holder.getparent() if holder is not None else None
        box = box if box is not None else holder
        if box is None or not isinstance(box.tag, str):
            continue
        around = " ".join(_spaced_text(box).split())
        if len(around) <= 3 * MAX_BYLINE_CHARS and re.search(
            rf"{re.escape(person)}\s*(?:{_LIST_SEPARATOR.pattern})"
            rf"|(?:{_LIST_SEPARATOR.pattern})\s*(?:\w+\.?\s+)?{re.escape(person)}",
            around,
        ):
            return True
    return False


def clean_author(raw: str) -> str | None:
    """One author string without "By", trailing dates, placeholders, handles or e-mails."""
    text = " ".join(html.unescape(raw).split()).strip("\"' ")
    text = _LEADING_DATE.sub("", _AUTHOR_PREFIX.sub("", text))
    text = _ON_BEHALF.sub("", _AUTHOR_DATE.sub("", text)).strip(" ,-|–—·•")
    if not text or _AUTHOR_JUNK.match(text) or "@" in text or text.startswith("http"):
        return None
    if re.fullmatch(r"[\d\W]+", text):
        return None
    if _HANDLE.fullmatch(text) and (len(text) > 12 or re.search(r"[\d._]", text)):
        return None  # a user handle ("jsmith_84"), not a byline
    return text


def _jsonld_people_and_orgs(value: Any) -> tuple[list[str], list[str]]:
    people: list[str] = []
    orgs: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            people.append(item)
        elif isinstance(item, dict):
            kind = item.get("@type")
            kind = " ".join(kind) if isinstance(kind, list) else str(kind or "")
            name = _text(item.get("name"))
            if name:
                (orgs if "organization" in kind.lower() else people).append(name)
    return people, orgs


def _html_bylines(tree: etree._Element, sites: set[str] = frozenset()) -> list[str]:
    """The first byline in the page that names a person: itemprop/rel=author, "Written by",
    author/byline classes, author links, a short "By …" line; else the first of these that
    is the publication's house byline ("NETGEAR Orbi Team", authors.house_byline)."""
    house = ""
    for xpath in _BYLINE_XPATHS:
        finder = _FINDERS.get(xpath)
        found = finder(tree) if finder else tree.xpath(xpath)
        for el in found:
            if el.tag in ("script", "style", "meta", "link", "img", "body", "html"):
                continue  # code, or a page whose body class names its template ("…-author")
            attrs = f"{el.get('class') or ''} {el.get('id') or ''}"
            if xpath is _BYLINE_CLASS and (
                not _BYLINE_ATTR.search(attrs) or _BIO_ATTR.search(attrs)
            ):
                continue  # "authorities-governing-board-actions" (a menu), "author-description"
            if el.xpath(_NOT_BYLINE):
                continue  # a commenter's name or a menu link
            tail = (el.tail or "").strip()
            if tail and len(_spaced_text(el.getparent())) > len(tail) + MAX_BYLINE_CHARS:
                tail = ""  # a label in a list of facts ("Author: … Released: … Genre: …")
            labelled = (el.text or "").strip() in _BYLINE_LABELS and not len(el)
            written = labelled and (el.text or "").strip().rstrip(":").casefold() == "written by"
            if labelled and not tail:  # the name is the next element's
                el = _next_text(el)
                if el is None:
                    continue
            names = el.xpath('.//*[@itemprop="name"]')
            if labelled and tail:  # "<strong>Contributors:</strong> Jane Doe"
                candidates = [tail]
            elif el.tag in ("ul", "ol"):  # a label over a list of names
                candidates = [", ".join(_spaced_text(li).strip() for li in el.iterfind("li"))]
            elif names:
                candidates = [names[0].get("content") or names[0].text_content()]
            elif xpath is _BY_LINE:
                # the line, else the link right after its label ("By <a>Jane</a> <a>PDF</a>")
                candidates = [_spaced_text(el)]
                if len(el) and el[0].tag == "a" and (el.text or "").strip() in _BYLINE_LABELS:
                    candidates.append(_spaced_text(el[0]))
            elif xpath in (_DATED_BY, _UNDER_HEADLINE):
                candidates = _dated_byline(_spaced_text(el), after_by=xpath is _DATED_BY)
            else:  # the element, else its first short pieces (a name inside an author box)
                candidates = [_spaced_text(el), *el.xpath(".//*[not(*)]/text()")[:6]]
            glued = ""
            for k, raw in enumerate(candidates):
                one = written or (k == 0 and (_names_one(xpath, raw) or _is_site(_key(raw), sites)))
                name = _byline_name(raw, single=one)
                if name and (_whole(name) or k == len(candidates) - 1):
                    break
                glued = glued or name or ""
            else:  # "Jane Doe Staff Writer" when no piece of the box is her name alone
                name = glued
            if name and xpath in (_BY_LINE, _BYLINE_CLASS) and _listing(found):
                break  # one of a list page's items: none of these is the article's byline
            if name:
                return _coauthor_links(el, xpath) or [name]
            if not house and candidates and xpath not in (_BYLINE_CLASS, _AUTHOR_LINKS):
                house = house_byline([_clean(candidates[0])]) or ""  # not "Meet Our Staff"
    return [house] if house else []


def _dated_byline(line: str, *, after_by: bool) -> list[str]:
    """The name of a dated byline line: what follows "by" (``after_by``), else the first of
    its "|"/"·" pieces; [] when the line carries no date."""
    line = " ".join(line.split())
    if not _AUTHOR_DATE.search(line) and not re.search(r"\d{1,2}[/.]\d{1,2}[/.]\d{4}", line):
        return []
    if after_by:
        return [_BY_WORD.sub("", line, count=1)]
    pieces = _PIECES.split(line)
    return pieces[:1] if len(pieces) > 1 else []


def _whole(name: str) -> bool:
    """The byline cleaner keeps ``name`` as it is: no role or credential glued to it
    ("Jane Doe AI Writer" is, in an author box whose first piece may be "Jane Doe")."""
    people = clean_authors([name])[0]
    return {_key(p) for p in people} == {_key(p) for p in _PEOPLE_SPLIT.split(name) if p}


def _listing(lines: list[etree._Element]) -> bool:
    """Byline elements naming three people or more: the items of a list page (materials,
    books, related posts), not the article's byline."""
    names = {
        _key(n) for el in lines[:12] if (n := _byline_name(" ".join(_spaced_text(el).split())))
    }
    # "Jane Doe" inside "Jane Doe Head Winemaker" (a box and its pieces) is one person
    people = [n for n in names if not any(n != other and n in other for other in names)]
    return len(people) >= LISTING_NAMES


def _next_text(label: etree._Element) -> etree._Element | None:
    """The element after a byline label that has text (a spacer between them skipped), else
    the label's parent's next one ("<div><b>Author</b><i></i></div><div>Jane Doe</div>")."""
    for el in label.itersiblings():
        if isinstance(el.tag, str) and _spaced_text(el).strip():
            return el
    parent = label.getparent()
    return parent.getnext() if parent is not None else None


def _names_one(xpath: str, raw: str) -> bool:
    """A byline that may be a single given name: marked up as the author (itemprop or
    rel=author), or a "By Amanda · Dec 20, 2025" line with its date; not "By State" (a
    filter menu) nor an "Author" label's neighbour."""
    return xpath in _AUTHOR_MARKUP or (
        xpath is _BY_LINE and bool(_AUTHOR_DATE.search(" ".join(raw.split())))
    )


def _coauthor_links(el: etree._Element, xpath: str) -> list[str]:
    """The names of the author links of a byline that links each of its authors ("Rui Ma,
    Heba Ledwon & Suparn Patra" as three links), when there are several; else []."""
    box = el
    if xpath is _AUTHOR_LINKS:  # the link's byline: the nearest parent holding other links
        for _ in range(2):
            box = box.getparent()
            if box is None or len(_spaced_text(box)) > 3 * MAX_BYLINE_CHARS:
                return []
            if len(box.xpath("." + _AUTHOR_LINKS)) > 1:
                break
    links = box.xpath("." + _AUTHOR_LINKS)
    text = _spaced_text(box)  # besides the links' names: separators and "By" only
    for a in links:
        text = text.replace(_spaced_text(a), " ", 1)
    if not re.fullmatch(r"(?:\s|,|&|\band\b|(?:written\s+)?by\b|:)*", text, re.I):
        return []  # "Reviewed by", a bio, "View profile": not a list of co-authors
    names = _unique_names(_byline_name(_spaced_text(a)) for a in links)
    return names if len(names) > 1 else []


def _spaced_text(el: etree._Element) -> str:
    """An element's text with its pieces apart ("Scott Matton" and "March 2, 2026" in two
    children are not "Scott MattonMarch 2, 2026")."""
    return " ".join(el.itertext())


def _byline_name(raw: str, single: bool = False) -> str | None:
    """The name(s) of a byline text ("Jane Doe, RD", "Moses Kim and Kate Shokurova"), or None
    when it is no byline: every name capitalised, 2-4 words; credentials after a comma go.
    A name written twice (a screen-reader copy: "Yucy Yucy") is one."""
    words = raw.split()
    half = len(words) // 2
    text = " ".join(words[:half] if half and words[:half] == words[half:] else words)
    most = MAX_BYLINE_WORDS + 4 * min(text.count(","), 3)  # a list of names is longer
    if not text or len(text) > MAX_BYLINE_CHARS or len(re.findall(r"\w+", text)) > most:
        return None
    name = clean_author(text)
    if not name:
        return None
    head, *rest = (p.strip() for p in name.split(","))
    if not _byline_names(head) and not (single and _GIVEN_NAME.fullmatch(head)):
        return None
    names = [head]
    for piece in rest:  # "Rui Ma, Heba Ledwon and Manoel Cortes Mendez": all of them
        piece = re.sub(r"^(?:and|&)\s+", "", piece)
        if not piece or (not _HONORIFIC.match(piece) and _credentials(piece.split()[0])):
            continue  # "Jane Doe, MD, FACP", "Jane Doe, M.A. Journalism": one person
        if not _byline_names(piece):
            break  # "Jane Doe, Senior Reporter, The Times": the rest is her affiliation
        names.append(piece)
    return ", ".join(names)


def _byline_names(text: str) -> bool:
    """``text`` is one or more names ("Jane Doe", "Moses Kim and Kate Shokurova")."""
    parts = [_HONORIFIC.sub("", p) for p in re.split(r"\s+(?:and|&|und|et|y)\s+", text)]
    return all(_NAME.fullmatch(p) for p in parts) and bool(clean_authors([text])[0])


def _credentials(piece: str) -> bool:
    """Credentials after a name: short all-caps tokens ("MD", "FACP", "Ph.D.", "MS, RD")."""
    return all(re.fullmatch(r"(?:[A-Z][A-Za-z]?\.?){1,4}|[A-Z]{2,6}", w) for w in piece.split())


def _unique_names(values: Any) -> list[str]:
    seen: dict[str, str] = {}
    for v in values:
        if v and _key(v) not in seen:
            seen[_key(v)] = v
    return list(seen.values())


# --- text helpers -----------------------------------------------------------------------------
def _clean(value: str) -> str:
    return " ".join(html.unescape(value).split())


def _key(value: str) -> str:
    return re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", value).casefold()).strip()


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return value.strip() if isinstance(value, str) else ""
