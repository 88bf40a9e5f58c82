"""Page parts that trafilatura keeps but that are no article text: dialogs, blocks named as
disclosures, tooltips, consent forms or author boxes, and calls to action (the teasers of
other posts are found in extraction_text). body_text marks them (PRUNE_MARK) and each run
prunes them from trafilatura's copy of the page; the page itself is left as it was."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from lxml import etree

PRUNE_MARK = "data-newscrawl-pruned"  # set on the parts during the runs, removed after


# A dialog (a popup, a modal: a republishing form, a cookie or newsletter prompt) that
# trafilatura's discard expressions leave when one of them matches a wrapper of the whole
# article (it then prunes nothing; WCXB: 18 pages better, 1 worse): a div, section, aside,
# dialog or form with a dialog's role, or a class or id naming a modal or popup.
_DIALOG_TAGS = frozenset(("div", "section", "aside", "dialog", "form"))
_DIALOG_NAME = re.compile(r"modal|popup|^(?:alert)?dialog$", re.M)  # "$": a role's whole value
# Any element whose class or id names a part no article text is: a disclosure or disclaimer
# (affiliate, legal, editorial standards), a tooltip or popover (a glossary term's bubble
# inside a sentence), a consent form, an author box. On WCXB (dev, the words of our text in
# such blocks): disclosures 0 in the ground truth and 1130 not, disclaimers 206 and 1493,
# tooltips and popovers 0 and 342, author boxes 57 and 415, consent 0 and 120. Footnotes
# (1237 and 3675) are left: the ground truth keeps them on some sites and not on others.
# Sign-up and opt-in forms (4 and 86) and recent-posts lists (0 and 127): +5 pages, -2.
_ROLE_NAME = re.compile(
    r"disclos|disclaim|tooltip|popover|consent|author-?box|about-?(?:the-?)?author|author-?bio"
)
# A call to action, a promo box or a banner (a class or id token "cta" or "promo", or
# "banner" anywhere: Divi's "et_pb_cta_0", Ghost's "kg-cta-card", "inline-cta", "promo-bar",
# "borderedBanner"): a pitch for the site's product, a donation appeal, a shipping banner.
# Only up to CTA_CHARS characters (about 150 words), since a layout's wrapper may carry the
# token too ("above-cta" around a whole article); no link (a "cta-link" inside a sentence is
# the sentence's) and no heading (its id is its slug: "why-every-page-needs-a-cta").
# WCXB thorough: "cta" and "promo" 24 pages better (a shipping banner 0.42 -> 0.98, "Find
# care" and sign-up boxes 0.85 -> 0.98, a donation appeal 0.73 -> 0.77 ...), 8 worse (Divi CTA
# cards titling resources the truth keeps 0.95 -> 0.92, an author's appeal in a Ghost
# "kg-cta-card" the truth keeps 0.996 -> 0.976, with% -0.03), F1 +0.0011, without% -0.08;
# "banner" on top: 6 better (0.96 -> 0.99, 0.85 -> 0.87 ...), none worse, without% -0.03.
_CTA_NAME = re.compile(r"cta|promo|banner")  # a plain search, then _is_cta_token: 4x faster
_LETTER = re.compile(r"[a-z]")
_NOT_CTA = frozenset(("a", "h1", "h2", "h3", "h4", "h5", "h6"))
CTA_CHARS = 1000
# All only where the part holds less than PART_SHARE of the page's text: a wrapper of the
# whole page that happens to carry such a name is no part of it.
PART_SHARE = 0.5
_NAMES = etree.XPath("//body//@class | //body//@id | //body//@role")
_SIZE = etree.XPath("string-length(.)")  # characters of an element's text


def named_parts(tree: etree._Element) -> list[etree._Element]:
    """The dialogs, named parts and calls to action of ``tree``'s body (_DIALOG_NAME,
    _ROLE_NAME, _CTA_NAME) holding less than PART_SHARE of its text (a call to action at most
    CTA_CHARS characters), outermost only. The class, id and role values are searched
    as one lower-cased string with case-sensitive patterns, and only the elements of the
    values that match are looked at: element by element, or case-insensitive, it cost 3 to
    8 times the time (2 to 3 ms a page on WCXB this way)."""
    values = _NAMES(tree)
    joined = "\n".join(values).lower()
    ends = list(accumulate(len(v) + 1 for v in values))
    found: dict[etree._Element, float] = {}  # element -> the most text it may hold
    for pattern, kind in ((_ROLE_NAME, ""), (_DIALOG_NAME, "dialog"), (_CTA_NAME, "cta")):
        for match in pattern.finditer(joined):
            value = values[bisect_right(ends, match.start())]
            element = value.getparent()
            if kind == "dialog" and element.tag not in _DIALOG_TAGS:
                continue
            if kind == "cta" and (
                element.tag in _NOT_CTA
                or value.attrname == "role"  # role="banner" is the page's header landmark
                or not _is_cta_token(joined, match)
            ):
                continue
            limit = CTA_CHARS if kind == "cta" else float("inf")
            found[element] = max(found.get(element, 0.0), limit)
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


def _is_cta_token(joined: str, match: re.Match[str]) -> bool:
    """True for "cta" and "promo" as a token of their own ("et_pb_cta_0", not "octal") and
    for "banner" anywhere ("borderedbanner")."""
    if match.group() == "banner":
        return True
    before = joined[match.start() - 1 : match.start()]
    after = joined[match.end() : match.end() + 1]
    return not _LETTER.match(before) and not _LETTER.match(after)
