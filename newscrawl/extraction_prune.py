"""Page parts that trafilatura keeps but that are no article text: dialogs, blocks named as
disclosures, tooltips, consent forms, author boxes, calls to action, promotions or citation
lists, small banners, and embedded social posts (the teasers of other posts are found in
extraction_text). body_text marks them (PRUNE_MARK) and each run prunes them from
trafilatura's copy of the page; the page itself is left as it was."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import Any

from lxml import etree

PRUNE_MARK = "data-newscrawl-pruned"  # set on the parts during the runs, removed after


# A dialog (a popup, a modal: a republishing form, a cookie or newsletter prompt) that
# trafilatura's discard expressions leave when one of them matches a wrapper of the whole
# article (it then prunes nothing; WCXB: 18 pages better, 1 worse): a div, section, aside,
# dialog or form with a dialog's role, or a class or id naming a modal or popup.
_DIALOG_TAGS = frozenset(("div", "section", "aside", "dialog", "form"))
_BLOCK_TAGS = _DIALOG_TAGS | {"ol", "ul"}  # a list of citations
_DIALOG_NAME = re.compile(r"modal|popup|^(?:alert)?dialog$", re.M)  # "$": a role's whole value
# Any element whose class or id names a part no article text is: a disclosure or disclaimer
# (affiliate, legal, editorial standards), a tooltip or popover (a glossary term's bubble
# inside a sentence), a consent form, an author box. On WCXB (dev, the words of our text in
# such blocks): disclosures 0 in the ground truth and 1130 not, disclaimers 206 and 1493,
# tooltips and popovers 0 and 342, author boxes 57 and 415, consent 0 and 120. Footnotes
# (1237 and 3675) are left: the ground truth keeps them on some sites and not on others.
# Sign-up and opt-in forms (4 and 86) and recent-posts lists (0 and 127): +5 pages, -2.
# An embedded tweet, Instagram or TikTok post (its blockquote's class) is another site's.
_ROLE_NAME = re.compile(
    r"disclos|disclaim|tooltip|popover|consent|author-?box|about-?(?:the-?)?author|author-?bio"
    r"|twitter-tweet|instagram-media|tiktok-embed"
)
# A block (a dialog's tags, or a list) whose class or id names a call to action or a promotion
# ("inline-cta", "post-cta-wrapper", "et_pb_cta_0", "promo-bar": a pitch with its button;
# "promoted", a CMS's flag for a featured post, is no such name), says it is no content
# (Google's "nocontent"), or names a list of citations ("citation-container"). Not on
# inline tags: a link's "cta" class is a button inside the text, a "citation-wrapper" span
# holds a sentence's last word. "above-cta" is a wrapper's place, not its role; Ghost's
# "kg-cta-card" is a card the author put in the post. WCXB words of our text in such
# blocks: calls to action 96 in the ground truth (Ghost's card) and 512 not, promotions 0
# and 520, "nocontent" 0 and 224, citation lists 0 and 408.
# The word first, its start checked after (_names_a_block): a pattern opening with
# lookbehinds is tried at every character of the page's class names (3 ms a page).
_BLOCK_NAME = re.compile(r"(?:cta|promo|nocontent|citations?)(?![^\s_-])")
_NOT_A_ROLE = ("above-", "below-", "kg-")
# A banner block (a class or id holding "banner": a "promo-banner", a "borderedBanner" pitch
# for the site's services) of at most BANNER_CHARS characters (a hero banner may hold the
# headline and the lead); not role="banner", the page's header landmark (pruning it made
# trafilatura drop an intro). WCXB thorough: 6 pages better (0.96 -> 0.99, 0.85 -> 0.87 ...),
# none worse. Without the size limit: banners hold 7,872 words of the ground truths.
_BANNER_NAME = re.compile(r"banner")
BANNER_CHARS = 1000
# Both only where the part holds less than PART_SHARE of the page's text: a wrapper of the
# whole page that happens to carry such a name is no part of it.
PART_SHARE = 0.5
_NAMES = etree.XPath("//body//@class | //body//@id | //body//@role")
_SIZE = etree.XPath("string-length(.)")  # characters of an element's text


class JoinedValues:
    """Attribute values (lxml's smart strings, which know their element) joined by newlines
    and lower-cased, to be searched as one string: ``value_at(p)`` is the value a match at
    position ``p`` lies in (a pattern without a newline matches within one value)."""

    def __init__(self, values: list[Any]) -> None:
        self.values = values
        joined = "\n".join(values)
        self.ascii = joined.isascii()
        self.text = joined.lower()
        parts = values
        if len(self.text) != len(joined):  # "İ" lower-cases to two characters
            parts = [v.lower() for v in values]
            self.text = "\n".join(parts)
        self._ends = list(accumulate(len(v) + 1 for v in parts))

    def value_at(self, position: int) -> Any:
        """The value holding ``position`` of ``text``."""
        return self.values[bisect_right(self._ends, position)]


def named_parts(tree: etree._Element) -> list[etree._Element]:
    """The dialogs and named parts of ``tree``'s body (_ROLE_NAME on any element,
    _DIALOG_NAME and _BLOCK_NAME on block tags, _BANNER_NAME on block tags up to BANNER_CHARS)
    holding less than PART_SHARE of its text, outermost only. The class, id and role values
    are searched as one lower-cased string with case-sensitive patterns, and only the
    elements of the values that match are looked at: element by element, or
    case-insensitive, it cost 3 to 8 times the time (2 to 3 ms a page on WCXB this way)."""
    names = JoinedValues(_NAMES(tree))
    found: dict[etree._Element, float] = {}  # element -> the most characters it may hold
    tagged = ((_ROLE_NAME, None), (_DIALOG_NAME, _DIALOG_TAGS), (_BLOCK_NAME, _BLOCK_TAGS))
    for pattern, tags in tagged:
        for match in pattern.finditer(names.text):
            element = names.value_at(match.start()).getparent()
            if (tags is None or element.tag in tags) and (
                pattern is not _BLOCK_NAME or _names_a_block(names.text, match.start())
            ):
                found[element] = float("inf")
    for match in _BANNER_NAME.finditer(names.text):
        value = names.value_at(match.start())
        element = value.getparent()
        if element.tag in _BLOCK_TAGS and value.attrname != "role":
            found.setdefault(element, BANNER_CHARS)
    body = tree.find(".//body")
    if not found or body is None:
        return []
    total = _SIZE(body)
    kept: dict[etree._Element, None] = {}
    for element in sorted(found, key=lambda e: sum(1 for _ in e.iterancestors())):
        if any(a in kept for a in element.iterancestors()):
            continue  # outer ones first: the depth is the sort key
        if _SIZE(element) < min(PART_SHARE * total, found[element]):
            kept[element] = None
    return list(kept)


def _names_a_block(joined: str, start: int) -> bool:
    """The _BLOCK_NAME word at ``start`` of ``joined`` opens a class token or a part of one
    ("inline-cta", "et_pb_cta_0"), and no _NOT_A_ROLE word comes before it."""
    if start and joined[start - 1] not in " \t\n_-":
        return False
    return not joined.endswith(_NOT_A_ROLE, 0, start)
