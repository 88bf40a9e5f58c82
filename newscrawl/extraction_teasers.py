"""Teasers of the site's other posts beside the article: excerpt cards, dated title cards and
lists of teaser cards, and directories of the site's pages set as paragraphs, which
trafilatura keeps as the article's paragraphs.

extraction_text.body_text prunes what these find from each trafilatura run (PRUNE_MARK).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree

# Teasers of the site's other posts beside the article (a posts widget, "latest posts", inline
# "read also" cards): trafilatura kept their paragraphs as the article's. Pruned from the
# runs (body_text, PRUNE_MARK), found three ways; WCXB, each alone: page-equivalents of F1
# gained, pages better / worse:
# - an excerpt (class holding "excerpt": Elementor's "elementor-post__excerpt", Qode's
#   "qodef-e-excerpt", "display-card-excerpt") on a card that links one other page twice, or
#   inside a link to another page (teaser_excerpts): +0.38, 3 / 0;
# - a dated card: a title link in a heading and another link to that page of the site, at most
#   CARD_WORDS words with a date (teaser_cards): +0.58, 5 / 0; without the heading a byline's
#   avatar and name were taken (2 pages worse);
# - a list of TEASER_ITEMS or more cards of one class, each a heading, at most TEASER_WORDS
#   words and links to one or two pages of the site (teaser_lists): +0.44, 15 / 2; when the
#   prose outside has less than TEASER_SHARE times their words they are the page (a course
#   catalogue, a recipe round-up, a guide's steps; against 1.5 times the words of the lists'
#   paragraphs only: 3 more pages worse, a course catalogue 0.64 -> 0.33).
# Together: +1.01, 20 / 2 (0187 -0.015, 4106 -0.002, where trafilatura then took other lines).
_EXCERPTS = etree.XPath("//@class[contains(., 'excerpt')]/..")  # 0.7 ms a page; //*[...] 1.2
_LINK_ABOVE = etree.XPath("ancestor::a[@href]")
CARD_LEVELS = 4  # an excerpt's card: at most this many levels above it
CARD_WORDS = 120
CARD_DEPTH = 6  # a title link's card: at most this many levels above it
TEASER_ITEMS = 3
TEASER_MOST = 0.8  # the share of a list's items that must be teasers
TEASER_WORDS = 80
TEASER_SHARE = 2
ITEM_DEPTH = 4  # a list item: at most this many levels above its heading
# A directory of the site's pages set as paragraphs, one link each (link_paragraphs): WCXB
# thorough, on top of the rules above: 1 page better (70 such paragraphs, F1 0.81 -> 1.00),
# none worse; about 2 ms a page on a loaded machine where named_parts took 15 (so ~0.4 ms).
LINK_RUN = 5
_LINK_PARAGRAPHS = etree.XPath(  # a <p> whose whole text is the text of its one link
    "//body//p[count(.//a) = 1][normalize-space(.) != '']"
    "[normalize-space(.) = normalize-space(.//a)]"
)
_NUMBERED = re.compile(r"\S*\d\S*")  # a class token that numbers its element
_COMMENT = re.compile("comment", re.I)  # a comment's avatar and name link its author twice
TITLE_TAGS = ("h2", "h3", "h4", "h5", "h6")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_CARD_DATE = re.compile(  # the year may run into the title: "Dec 19, 2025Long in the shadow"
    rf"\b{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}(?!\d)|\b\d{{1,2}} {_MONTH} \d{{4}}(?!\d)"
    r"|\b\d{4}-\d\d-\d\d(?!\d)"
)


def teaser_excerpts(tree: etree._Element, url: str) -> list[etree._Element]:
    """Excerpts of other posts (class holding "excerpt") on teaser cards: the card, the
    excerpt's largest ancestor up to CARD_LEVELS up that holds no other excerpt, links one
    other page twice (its title and a "Read more" or an image), or the excerpt sits inside a
    link to another page. A listicle's item linking its subject once (a venue's booking page)
    stays; so does the page's own card in a slider of posts."""
    page = _page_key(url, url)
    excerpts = _outermost(_EXCERPTS(tree))
    holders = Counter(a for e in excerpts for a in e.iterancestors())
    found = []
    for excerpt in excerpts:
        card = excerpt
        for parent in excerpt.iterancestors():
            if holders[parent] > 1 or parent.tag in ("body", "html"):
                break
            card = parent
        else:
            continue
        if holders[parent] < 2 or _depth(excerpt) - _depth(card) > CARD_LEVELS:
            continue  # a lone excerpt: the page's own summary; or no card around it
        above = _LINK_ABOVE(excerpt)
        links = [a for a in card.iter("a") if excerpt not in a.iterancestors()]
        targets = Counter(_page_key(a.get("href"), url) for a in links + above)
        targets.pop("", None)
        targets.pop(page, None)
        if targets and (above or max(targets.values()) >= 2):
            found.append(excerpt)
    return found


def _outermost(elements: list[etree._Element]) -> list[etree._Element]:
    """``elements`` without those inside another of them."""
    chosen = set(elements)
    return [e for e in elements if not any(a in chosen for a in e.iterancestors())]


def _depth(element: etree._Element) -> int:
    """How many ancestors ``element`` has."""
    return sum(1 for _ in element.iterancestors())


def teaser_cards(tree: etree._Element, url: str) -> list[etree._Element]:
    """Dated teaser cards of other posts: the smallest element, up to CARD_DEPTH levels above a
    link in a heading (the post's title), that holds another link to the same page of the
    site (its image, a "Read more"), when it has at most CARD_WORDS words and shows a date (a
    ``<time>`` or a written date). Kept when at least two cards share a tag and class (a grid
    or a list of posts), and then a card of that kind with no date goes with them (a
    sponsored post's card shows a label instead). A listicle's items (schools, plants,
    venues) show no date; a byline's avatar and name link an author page outside any
    heading; comments are no cards."""
    page, host = _page_key(url, url), urlsplit(url).hostname
    cards: dict[etree._Element, bool] = {}  # card -> dated
    titles = (a for h in tree.iter(TITLE_TAGS) for a in h.iter("a"))  # 0.3 ms; an XPath 2
    for title in dict.fromkeys(titles):  # a heading in a heading: each link once
        href = _raw_target(title.get("href"))
        target = _page_key(href, url)
        if not target or target == page or urlsplit(target).hostname != host:
            continue
        card = _card_of(title, href)
        if card is None or card in cards or _COMMENT.search(card.get("class") or ""):
            continue
        text = card.text_content()
        if len(text.split()) <= CARD_WORDS:
            cards[card] = card.find(".//time") is not None or bool(_CARD_DATE.search(text))
    kinds = Counter(_card_kind(c) for c, dated in cards.items() if dated)
    return _outermost([c for c in cards if kinds[_card_kind(c)] >= 2])


def teaser_lists(tree: etree._Element, url: str, prose_words: int) -> list[etree._Element]:
    """A list of teasers: TEASER_ITEMS or more siblings of one tag and class (numbers aside),
    at least TEASER_MOST of them each a heading and at most TEASER_WORDS words that link one or
    two other pages of the site and nothing else (no sponsored product link). Found from the
    page's headings, up to ITEM_DEPTH levels above each. Kept only when the page's prose
    paragraphs (``prose_words`` or more) outside such lists have TEASER_SHARE times the
    words of the teasers: a hub
    page made of such cards (a course catalogue, a guide's steps, a recipe round-up) is the
    article."""
    body = tree.find(".//body")
    if body is None:
        return []
    page, host = _page_key(url, url), urlsplit(url).hostname
    tested: dict[etree._Element, list[etree._Element]] = {}
    for heading in body.iter(TITLE_TAGS):
        node = heading
        for _ in range(ITEM_DEPTH):
            parent = node.getparent()
            if parent is None or parent is body:
                break
            if parent not in tested:
                tested[parent] = _teaser_items(parent, page, host, url)
            if tested[parent]:
                break
            node = parent
    lists = [parent for parent, items in tested.items() if items]
    if not lists:
        return []
    inside = set(lists)
    outer = sum(
        words
        for p in body.iter("p")
        if (words := len(p.text_content().split())) >= prose_words
        and not any(a in inside for a in p.iterancestors())
    )
    items = [item for parent in lists for item in tested[parent]]
    if outer < TEASER_SHARE * sum(len(item.text_content().split()) for item in items):
        return []
    return items


def _teaser_items(
    parent: etree._Element, page: str, host: str | None, url: str
) -> list[etree._Element]:
    """``parent``'s children that are teasers (teaser_lists), or [] when they are no list."""
    kids = [k for k in parent if isinstance(k.tag, str)]
    if len(kids) < TEASER_ITEMS or max(Counter(k.tag for k in kids).values()) < TEASER_ITEMS:
        return []
    kinds = [_card_kind(k) for k in kids]
    kind, count = Counter(kinds).most_common(1)[0]
    if count < TEASER_ITEMS:
        return []
    items = [k for k, k_kind in zip(kids, kinds, strict=True) if k_kind == kind]
    need = max(TEASER_ITEMS, TEASER_MOST * len(items))
    teasers, misses = [], 0
    for item in items:
        if _is_teaser(item, page, host, url):
            teasers.append(item)
        else:
            misses += 1
            if len(items) - misses < need:
                return []
    return teasers


def _is_teaser(item: etree._Element, page: str, host: str | None, url: str) -> bool:
    """A heading, few words, links to one or two other pages of the site only."""
    if next(item.iter(TITLE_TAGS), None) is None:
        return False
    links = list(item.iter("a"))
    hrefs = {_raw_target(a.get("href")) for a in links} - {""}
    if not 0 < len(hrefs) <= 2 or len(item.text_content().split()) > TEASER_WORDS:
        return False
    if any(word in (a.get("rel") or "") for a in links for word in ("sponsored", "nofollow")):
        return False
    targets = {_page_key(href, url) for href in hrefs} - {""}
    return (
        0 < len(targets) <= 2
        and page not in targets
        and all(urlsplit(t).hostname == host for t in targets)
    )


def link_paragraphs(tree: etree._Element, url: str) -> list[etree._Element]:
    """Runs of LINK_RUN or more sibling paragraphs that are each one link to another page of
    the site and nothing else: a directory of the site's pages set as paragraphs ("Average
    Costs for Cleaning Services in Austin", one paragraph per city)."""
    candidates = _LINK_PARAGRAPHS(tree)  # in XPath: a loop over every <p> cost 5 times more
    if len(candidates) < LINK_RUN:
        return []
    page, host = _page_key(url, url), urlsplit(url).hostname
    by_parent = Counter(p.getparent() for p in candidates)
    links = set(candidates)
    found: list[etree._Element] = []
    for parent, count in by_parent.items():
        if parent is None or count < LINK_RUN:
            continue
        run: list[etree._Element] = []
        for kid in [*parent, None]:
            if kid is not None and not isinstance(kid.tag, str):
                continue  # a comment or a processing instruction
            if kid in links and _links_the_site(kid, page, host, url):
                run.append(kid)
                continue
            if len(run) >= LINK_RUN:
                found.extend(run)
            run = []
    return found


def _links_the_site(paragraph: etree._Element, page: str, host: str | None, url: str) -> bool:
    """True when ``paragraph``'s one link points to another page of the site."""
    link = paragraph.find(".//a")
    target = _page_key(link.get("href") if link is not None else None, url)
    return bool(target) and target != page and urlsplit(target).hostname == host


def _raw_target(href: str | None) -> str:
    """An href as written, without its fragment and final slash."""
    return (href or "").split("#")[0].strip().rstrip("/")


def _card_of(title: etree._Element, href: str) -> etree._Element | None:
    """The innermost ancestor of ``title``, at most CARD_DEPTH levels up, that holds another
    link to ``href``."""
    for level, parent in enumerate(title.iterancestors()):
        if level >= CARD_DEPTH or parent.tag in ("body", "html"):
            return None
        if any(a is not title and _raw_target(a.get("href")) == href for a in parent.iter("a")):
            return parent
    return None


def _card_kind(card: etree._Element) -> tuple[str, str]:
    """A card's tag and class, without the tokens that number it ("post-4185")."""
    return card.tag, _unnumbered(card.get("class") or "")


@lru_cache(maxsize=4096)
def _unnumbered(classes: str) -> str:
    """``classes`` without the tokens holding a digit (siblings share their class string)."""
    return " ".join(_NUMBERED.sub("", classes).split())


def _page_key(href: str | None, url: str) -> str:
    """The page a link points to, without its fragment and final slash; "" for none
    (an anchor on this page, a phone number, a script)."""
    href = (href or "").strip()
    if not href or href.startswith(("#", "javascript:", "tel:", "mailto:")):
        return ""
    return urldefrag(urljoin(url, href))[0].rstrip("/")
