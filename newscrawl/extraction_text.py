"""Body text from three trafilatura runs (balanced, precision, recall), combined as measured."""

from __future__ import annotations

import copy
import re

from lxml import etree
from trafilatura import bare_extraction
from trafilatura.settings import Extractor

from newscrawl import justext_stoplist, readability_bound, xpath_speedups
from newscrawl.extraction_prune import PRUNE_MARK, JoinedValues, named_parts
from newscrawl.extraction_teasers import (
    TITLE_TAGS,
    link_paragraphs,
    teaser_cards,
    teaser_excerpts,
    teaser_lists,
)

# A line only the balanced (or recall) run kept stays when it has this many words; shorter
# ones must be confirmed by another run: they are mostly widgets, menus and teasers.
PROSE_WORDS = 16
# An unconfirmed line of at most HEADING_WORDS words right between two prose lines stays: a
# subheading. WCXB: 88 pages better, 29 worse (headings the truth leaves out), F1 +0.0006,
# with% up, leaks equal once "Page 1 of 8" is a cleaning rule; at 6 / 8 words 71 / 80 better
# and +0.0004 / +0.0006; any length (a call to action between paragraphs): leaks up; a run
# of up to 3 such lines: leaks up.
HEADING_WORDS = 10
# The recall run replaces the balanced one when its confirmed text has this many times the
# words: the balanced run then missed part of the article (a second column, a table, the
# sections after an embedded widget).
RECALL_GAIN = 1.2
# The recall run is taken for the text the others missed, so its own lines pass at fewer
# words (on WCXB: F1 0.9440 against 0.9432 at 16, with% 85.69 against 85.56, leaks equal).
RECALL_PROSE_WORDS = 8
# The precision run, too, sometimes keeps a part the other two drop (a list's headings, a
# block of cards): its lines (confirmed, or RECALL_PROSE_WORDS long) replace the text when they
# hold PRECISION_GAIN times its words. WCXB: 6 pages better (F1 0.64 -> 0.79, 0.76 -> 0.84,
# 0.90 -> 0.98, 0.95 -> 1.00, 0.91 -> 0.96, 0.94 -> 0.97), none worse, leaks unchanged; at
# 1.2x 3 better; at 1.05x one more page worse; with lines of 16 words 1 worse.
PRECISION_GAIN = 1.1
# The recall run skips trafilatura's fallback comparison (about a fifth of a run's cost): on
# WCXB F1 0.9440 -> 0.9436, with% 85.69 -> 85.59, without% 2.87 -> 2.93.
# A text of one line this long is no paragraph but trafilatura's last resort, a dump of the
# page (a JSON-LD articleBody, an <article>'s or the body's whole text): one line that the
# line-based cleaner cannot cut. The recall run then usually has the paragraphs: taken when
# it holds DUMP_SHARE of the dump's words (WCXB: 7 of 9 dumps, F1 0.78-0.97 -> 0.88-1.0; the
# one it would lose a third of the words on is split instead).
DUMP_WORDS = 150
DUMP_SHARE = 0.8
# Elements whose text is one paragraph, to split a dump at (nested ones are in their parent).
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dt", "dd")
# Hard-wrapped source text: a newline inside a text node is a space to a browser, but the
# fallback extractors keep it and every kept newline becomes a paragraph; and a <br> in the
# middle of a sentence (WordPress's automatic line breaks of a hard-wrapped post) is no
# paragraph break either: "improve<br>cardiovascular health".
_WRAPPED_TEXT = etree.XPath(
    '//p//text()[contains(., "\n") and normalize-space(.) != ""]'
)  # in paragraphs only: 0.3 ms a page, a fifth of looking at every text node of the page
_KEEPS_NEWLINES = ("pre", "textarea", "script", "style")
_BR_IN_PARAGRAPH = etree.XPath("//p//br")
_OPEN_END = re.compile(r"[^\W_],?$")  # a sentence going on: a word or a comma, no full stop
# trafilatura drops every block whose class or id holds a boilerplate token anywhere in it:
# "footer" in "page1-footer", "embed" in Webflow's "w-embed" (a table embed whose unclosed
# markup holds the rest of the article), "menu" in an anchor id "menu-innovation-...". Such a
# block is kept (its attributes hidden from trafilatura during the runs) when it reads as a
# part of the article: at least RESCUE_WORDS words in at least two prose paragraphs (p of
# PROSE_WORDS words, at most half of them link text), which are RESCUE_SHARE of its words,
# link text at most RESCUE_LINKS of them, inside a block (not the body), its class naming no
# boilerplate role, not hidden. WCXB: 4 pages better (F1 0.03 -> 0.95, 0.49 -> 0.99, 0.85 ->
# 0.96, 0.91 -> 0.96), none worse; leaks unchanged. A prose paragraph of its parent beside it
# was required at first; without that (a page whose every section is such a block, Statamic's
# "bard" sections, a listicle's "listicle-slides"): 7 pages better (0.11 -> 0.80, 0.35 ->
# 0.95, 0.65 -> 0.70, 0.91 -> 0.97 ...), 2 worse (0.96 -> 0.95, and a page whose rescued
# block is a design template's "Lorem ipsum", which the cleaner now drops).
RESCUE_WORDS = 100
RESCUE_SHARE = 0.6
RESCUE_LINKS = 0.2
_ROLES = (
    r"related|comment|author|nav|modal|cookie|consent|popup|newsletter|share"
    r"|social|sidebar|testimonial|review|widget|banner|menu|promo|\bad\b"
)
_BOILERPLATE_ROLE = re.compile(_ROLES + r"|hidden|hide", re.I)
# A collapsed accordion's panel (an FAQ's answers, a guide's steps) is hidden or carries a
# token trafilatura drops ("-icon" in "kt-accordion-...-icon-style"), yet the page shows it on
# a click and it is the article's. A dropped element is a panel when its class or id, or its
# parent's or grandparent's, names an accordion, a collapse or an FAQ; it is kept (as above)
# when it holds PROSE_WORDS words, link text at most RESCUE_LINKS of them, and its own class
# names no boilerplate role (being hidden is the panel's state, not a role). WCXB: 7 pages
# better (F1 0.35 -> 0.99, 0.70 -> 0.96, 0.86 -> 0.93, 0.87 -> 0.95, 0.95 -> 0.99,
# 0.95 -> 0.97, 0.95 -> 0.97), none worse.
_COLLAPSIBLE = re.compile(r"accordion|collaps|faq", re.I)  # "toggle" too: no page changed
_COLLAPSIBLE_LOWER = re.compile(_COLLAPSIBLE.pattern)  # the same, on lower-case ASCII
_NAME_VALUES = etree.XPath("./descendant::*/@class | ./descendant::*/@id")  # for _panels
_PANEL_ROLE = re.compile(_ROLES, re.I)
PANEL_LEVELS = 2  # ancestors of a panel that may name the accordion
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_MATCHED_ATTRIBUTES = (
    "class",
    "id",
    "style",
    "role",
    "aria-hidden",
    "data-lp-replacement-content",
    "data-component",
)


# A div of text and inline markup only is a paragraph to a reader; trafilatura reads divs
# only on a page with too few <p>. prose_divs shows such a div to the runs as a <p> when a
# prose <p> sits within PROSE_LEVELS levels above it (the article's container). WCXB
# thorough: 17 pages better (0.88 -> 0.99, 0.68 -> 0.78, 0.93 -> 0.98, 0.96 -> 0.99 ...),
# 9 worse (0.90 -> 0.83: the new paragraphs are the truth's, but the runs then pick other
# parts), F1 +0.0004 (+0.29 page-equivalents), with% +0.07, without% equal; 0.65 ms a page.
# At 1 level: +0.13; at 4: +0.34 but 15 worse and without% +0.04. Without the input and
# call-to-action checks a sign-up box's small print and a "Subscribe here" promo leaked
# (without% +0.06); without the contributor and bio roles (fast mode) an author's bio set
# in a div made the run keep it and lose the article's list (0.97 -> 0.66).
PROSE_LEVELS = 3
_INLINE = {"a", "b", "strong", "em", "i", "u", "s", "span", "br", "code", "sup", "sub"}
_INLINE |= {"small", "mark", "abbr", "time", "q", "cite"}
_BLOCK_TAGS = {"p", "div", "ul", "ol", "li", "table", "blockquote", "pre", "h1", "h2", "h3"}
_BLOCK_TAGS |= {"h4", "h5", "h6"}
# divs with text of their own (a paragraph's words, not only a wrapper's children): XPath,
# as a Python loop over every div of the page cost about 1 ms a page
_TEXT_DIVS = etree.XPath(".//div[text()[string-length(normalize-space()) > 15]]")
_MAX_INLINE_CHILDREN = 40
# a sign-up box's small print sits beside its input; a promo's link asks to act
FORM_LEVELS = 2
_CTA_LINK = re.compile(
    r"\W*(?:subscribe|sign ?up|download|register|get started|join|book a|try|shop|buy)\b", re.I
)
# roles of a div of text that is no paragraph of the article: a caption, a call to action
_DIV_ROLE = re.compile(
    _ROLES + r"|hidden|hide|caption|credit|image|disclaimer|cta|subscribe|signup|contributor"
    r"|bio\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?:\"\u201d)]$")


xpath_speedups.install()
justext_stoplist.install()
readability_bound.install()
_DISCARDED = xpath_speedups.element_tests("OVERALL_DISCARD_XPATH")
_PRUNED = f"//*[@{PRUNE_MARK}]"  # trafilatura prunes these from its copy of the page
# A passage printed twice (a page's responsive or hidden variants of a section, a tab and its
# copy): two paragraphs or more in a row, 100 words together, repeating earlier ones in order.
# WCXB (final texts): 4 pages better (F1 0.52 -> 0.97, 0.66 -> 0.99, 0.79 -> 0.93, 0.73 ->
# 0.78), none worse; at 3 lines and 50 words also 4 better, 2 slightly worse; any repeat: 9
# better, 13 worse (a plan's weekly lines, a repeated call to action, which the truth keeps).
REPEAT_LINES = 2
REPEAT_WORDS = 100
# restore_headings: a subheading of at most HEADING_LIMIT words, put back before the prose
# paragraph under it (found by its first PREFIX_WORDS words) when the one above it is kept too,
# both among its siblings (a run of headings goes back whole). WCXB thorough: 83 pages better
# (0.84 -> 0.95, 0.81 -> 0.87, 0.85 -> 0.90, 0.97 -> 1.00 ...), 12 worse (at most -0.009:
# headings the truth leaves out), +0.88 page-equivalents, leaks equal. Dropped: climbing two
# wrappers up to find the paragraphs (+0.93 without the runs, but a related block's heading
# leaked), only the paragraph under it required (+1.08, without% 2.38 -> 2.54), any heading
# between two kept paragraphs in page order (+1.19, CTA headings "Stay Connected", "Get the
# FREE eBook!" leaked).
HEADING_LIMIT = 15
PREFIX_WORDS = 8
_PREFIX_CHARS = 200  # enough text for PREFIX_WORDS words (a longer word: a shorter prefix)
_WORD = re.compile(r"\w+")
_UNSHOWN = frozenset({"script", "style", "noscript", "template"})


def body_text(
    tree: etree._Element, url: str, opts: Extractor, *, thorough: bool = True
) -> str | None:
    """The article body, one paragraph per line, or None when no run found any text.

    ``thorough=False``: one balanced run, with trafilatura's fallback comparison (without it F1
    falls below plain trafilatura), and the recall run where it can win (combine without a
    precision run): a balanced run that found nothing, or missed a part of the article
    (lists in a page that names no content container), is made good.
    Both: the recall run is skipped when it cannot win: when the balanced text (thorough:
    the lines the precision run confirms) already holds more than 1/RECALL_GAIN of all the
    words of the page.
    Both: a balanced run that gave a dump of the page is replaced (undump); blocks that
    trafilatura would drop for a token in their class, and collapsed accordion panels, are kept
    when they read as the article's (rescue_sections); a quotation set as a figure is kept
    (quote_figures), and so is a paragraph set as a div (prose_divs); teasers of the site's
    other posts are left out (teaser_excerpts, teaser_cards, teaser_lists, link_paragraphs),
    and dialogs and disclosures (extraction_prune), both pruned from each run's copy of the
    page; a passage printed twice is kept once (drop_repeated_runs); subheadings the runs
    dropped between two kept paragraphs are put back (restore_headings).
    """
    saved = rescue_sections(tree)
    quotes = quote_figures(tree)
    paragraphs = prose_divs(tree)
    for div in paragraphs:
        div.tag = "p"
    pruned = [
        *teaser_excerpts(tree, url),
        *teaser_cards(tree, url),
        *teaser_lists(tree, url, PROSE_WORDS),
        *link_paragraphs(tree, url),
        *named_parts(tree),
    ]
    for figure in quotes:
        figure.tag = "div"
    for element in pruned:
        element.set(PRUNE_MARK, "")
    try:
        text = _body_text(tree, url, opts, thorough=thorough)
    finally:
        for element, attributes in saved:
            element.attrib.update(attributes)
        for figure in quotes:
            figure.tag = "figure"
        for element in pruned:
            element.attrib.pop(PRUNE_MARK, None)  # an element found twice is marked once
        for div in paragraphs:
            div.tag = "div"
    if not text:
        return text
    text = drop_repeated_runs(text)
    return restore_headings(text, tree)


def restore_headings(text: str, tree: etree._Element) -> str:
    """``text`` with the page's subheadings that the runs dropped put back: an h2-h6 of at
    most HEADING_LIMIT words is inserted before the line of the prose paragraph that follows it
    when the prose paragraph before it is in ``text`` too (a heading inside the article, not
    a widget's title at its edge). trafilatura loses every heading when it falls back to
    collecting paragraphs, and the confirmation drops short unconfirmed lines."""
    body = tree.find(".//body")
    headings = [] if body is None else list(body.iter(TITLE_TAGS))
    if not headings:
        return text
    lines = text.splitlines()
    present: set[str] = set()  # the words of the lines short enough to be a heading
    at: dict[str, int] = {}  # a line's first PREFIX_WORDS words -> its index
    for i, line in enumerate(lines):
        words = _WORD.findall(line[:_PREFIX_CHARS].casefold())
        at.setdefault(" ".join(words[:PREFIX_WORDS]), i)
        if len(line) <= _PREFIX_CHARS:
            present.add(" ".join(words))
    holders: set[etree._Element] = set()  # the elements that hold a heading
    for heading in headings:
        for parent in heading.iterancestors():
            if parent in holders:
                break
            holders.add(parent)
    inserted: dict[int, list[str]] = {}
    for heading in headings:
        title = " ".join(heading.text_content().split())
        key = " ".join(_WORD.findall(title.casefold()))
        if not key or key.count(" ") >= HEADING_LIMIT or key in present:
            continue
        after = _prose_next(heading, at, holders, following=True)
        if after is None or _prose_next(heading, at, holders, following=False) is None:
            continue
        near = lines[max(0, after - 1) : after + 1]
        if any(key in " ".join(_WORD.findall(line.casefold())) for line in near):
            continue  # the heading is part of a line already
        inserted.setdefault(after, []).append(title)
        present.add(key)
    if not inserted:
        return text
    return "\n".join(x for i, line in enumerate(lines) for x in (*inserted.get(i, ()), line))


def _prose_next(
    heading: etree._Element, at: dict[str, int], holders: set[etree._Element], *, following: bool
) -> int | None:
    """The line in ``at`` of the first prose paragraph (a p or li of PREFIX_WORDS words) after
    (or before) ``heading`` among its siblings and in them, past other headings but not past
    an element holding one (``holders``: another section); None when there is none or it is
    not in the text."""
    for sibling in heading.itersiblings(preceding=not following):
        if not isinstance(sibling.tag, str):
            continue
        blocks = sibling.iter("p", "li")  # the sibling itself first when it is one
        for block in blocks if following else reversed(list(blocks)):
            words = _WORD.findall(block.text_content()[:_PREFIX_CHARS].casefold())
            if len(words) >= PREFIX_WORDS:
                return at.get(" ".join(words[:PREFIX_WORDS]))
        if sibling.tag in TITLE_TAGS:
            continue  # a run of headings: a section's and its first subsection's
        if sibling in holders:
            return None
    return None


def quote_figures(tree: etree._Element) -> list[etree._Element]:
    """The ``<figure>`` elements that hold a ``<blockquote>``: a quotation set as a figure
    (a pull quote, a testimonial), which trafilatura would drop with every figure. body_text
    shows them to its runs as ``<div>``. WCXB: 3 pages better (F1 0.75 -> 0.91, 0.90 -> 0.95,
    0.975 -> 0.988), 1 worse (0.917 -> 0.912)."""
    return [f for f in tree.iter("figure") if f.find(".//blockquote") is not None]


def prose_divs(tree: etree._Element) -> list[etree._Element]:
    """The ``<div>`` elements that are a paragraph: only text and inline markup in them,
    PROSE_WORDS words or more ending like a sentence, little link text, no boilerplate role
    or hidden state, and a prose ``<p>`` beside them (PROSE_LEVELS up: the article's own
    container). trafilatura reads a div only when a page has too few paragraphs, so a
    callout or a card's text set in a div was lost; body_text shows them to its runs as
    ``<p>``."""
    body = tree.find(".//body")
    if body is None:
        return []
    found = []
    has_prose: dict[etree._Element, bool] = {}  # an ancestor -> holds a prose <p>
    for div in _TEXT_DIVS(body):
        if len(div) > _MAX_INLINE_CHILDREN or any(
            isinstance(c.tag, str) and c.tag not in _INLINE for c in div
        ):
            continue
        text = " ".join(div.text_content().split())
        words = len(text.split())
        if words < PROSE_WORDS or not _SENTENCE_END.search(text):
            continue
        if _is_prose_div(div, words, has_prose):
            found.append(div)
    return found


def _is_prose_div(div: etree._Element, words: int, has_prose: dict[etree._Element, bool]) -> bool:
    """No link-heavy, hidden or boilerplate div (itself or PROSE_LEVELS ancestors), and a
    prose paragraph among its ancestors' PROSE_LEVELS levels (``has_prose``: those seen)."""
    if (
        any(d.tag in _BLOCK_TAGS for d in div.iterdescendants())
        or next(div.iterancestors("form"), None) is not None
    ):
        return False
    links = [" ".join(a.text_content().split()) for a in div.iter("a")]
    if sum(len(t.split()) for t in links) > RESCUE_LINKS * words or any(
        _CTA_LINK.match(t) for t in links
    ):
        return False
    element = div
    for level in range(PROSE_LEVELS):
        if level < FORM_LEVELS and _has_input(element):
            return False
        if (
            _DIV_ROLE.search(element.get("class") or "")
            or _DIV_ROLE.search(element.get("id") or "")
            or _HIDDEN_STYLE.search(element.get("style") or "")
            or element.get("aria-hidden") == "true"
        ):
            return False
        parent = element.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return False
        element = parent
        if element not in has_prose:
            has_prose[element] = any(
                len(p.text_content().split()) >= PROSE_WORDS for p in element.iter("p")
            )
        if has_prose[element]:
            return True
    return False


def _has_input(element: etree._Element) -> bool:
    """``element`` holds a form field: a sign-up box, whose small print is no paragraph."""
    return next(element.iter("input", "select", "textarea"), None) is not None


def _body_text(tree: etree._Element, url: str, opts: Extractor, *, thorough: bool) -> str | None:
    balanced = run(tree, url, opts, "balanced")
    if balanced is not None and is_dump(balanced):
        return undump(balanced, tree, url, opts)
    if not thorough:
        if _recall_cannot_win(balanced, tree):
            return balanced
        return combine(balanced, None, run(tree, url, opts, "recall", fast=True))
    precise = run(tree, url, opts, "precision")
    kept = confirmed_lines(balanced, [precise]) if balanced else None
    if _recall_cannot_win(kept, tree):
        return combine(balanced, precise, None)
    return combine(balanced, precise, run(tree, url, opts, "recall", fast=True))


def _recall_cannot_win(kept: str | None, tree: etree._Element) -> bool:
    """The recall run replaces ``kept`` only with RECALL_GAIN times its words (combine), and
    no run finds more words than the page holds (page_words): then it need not run."""
    return bool(kept) and RECALL_GAIN * _words(kept) > page_words(tree)


def drop_repeated_runs(text: str) -> str:
    """``text`` without the second copy of a passage: REPEAT_LINES lines or more in a row, of
    REPEAT_WORDS words together, that repeat earlier lines in the same order."""
    lines = [line for line in text.splitlines() if line.strip()]
    keys = [_key(line) for line in lines]
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        first.setdefault(key, i)
    kept, i = [], 0
    while i < len(lines):
        j, n = first[keys[i]], 0
        while j + n < i and i + n < len(lines) and keys[i + n] == keys[j + n]:
            n += 1
        if n >= REPEAT_LINES and _words("\n".join(lines[i : i + n])) >= REPEAT_WORDS:
            i += n
            continue
        kept.append(lines[i])
        i += 1
    return "\n".join(kept)


def rescue_sections(tree: etree._Element) -> list[tuple[etree._Element, dict[str, str]]]:
    """Hide from trafilatura the attributes that make it drop an article's part (see
    RESCUE_WORDS) or an accordion's panel (see _COLLAPSIBLE): removed in place; returns the
    elements with their removed attributes. Only the containers of prose paragraphs and the
    elements in or under an accordion are tested against trafilatura's expressions: its own
    search tests every element of the page (about 18 ms a page on WCXB)."""
    body = tree.find(".//body")
    if body is None:
        return []
    prose: dict[etree._Element, list[int]] = {}  # container -> its prose paragraphs' words
    for p in body.iter("p"):
        words = len(p.text_content().split())
        if (
            words < PROSE_WORDS
            or 2 * sum(len(a.text_content().split()) for a in p.iter("a")) > words
        ):
            continue
        for container in p.iterancestors():
            if container is body:
                break
            prose.setdefault(container, []).append(words)
    dropped: dict[etree._Element, bool] = {}

    def is_dropped(element: etree._Element) -> bool:  # trafilatura's test, once an element
        if element not in dropped:
            dropped[element] = any(test(element) for test in _DISCARDED)
        return dropped[element]

    kept = [
        element
        for element, words in prose.items()
        if len(words) >= 2
        and sum(words) >= RESCUE_WORDS
        and is_dropped(element)
        and _is_article_part(element, words)
    ]
    kept += [e for e in _panels(body) if is_dropped(e) and _is_panel_text(e)]
    saved = []
    for element in dict.fromkeys(kept):  # each once, in order
        removed = {k: element.attrib.pop(k) for k in _MATCHED_ATTRIBUTES if k in element.attrib}
        saved.append((element, removed))
    return saved


def _panels(body: etree._Element) -> list[etree._Element]:
    """Elements whose class or id, or an ancestor's up to PANEL_LEVELS up, names an accordion
    (_COLLAPSIBLE), or that are under a panel after a toggle heading (_toggled_panels)."""
    found: dict[etree._Element, None] = {}
    for element in [*_named_accordions(body), *_toggled_panels(body)]:
        level = [element]
        for _ in range(PANEL_LEVELS + 1):
            found.update(dict.fromkeys(level))
            level = [c for e in level for c in e if isinstance(c.tag, str)]
    return list(found)


def _named_accordions(body: etree._Element) -> list[etree._Element]:
    """The elements under ``body`` whose class or id names an accordion (_COLLAPSIBLE), in
    document order. ASCII values are searched as one lower-cased string with a case-sensitive
    pattern (which then matches as _COLLAPSIBLE does) and only the elements of the values that
    match are looked at: 0.8 ms a WCXB page against 1.1 element by element (XPath
    contains(): 10 ms). Other values are searched one by one as they are (re.IGNORECASE
    matches "ſ" to "s")."""
    names = JoinedValues(_NAME_VALUES(body))
    if names.ascii:
        matched = (names.value_at(m.start()) for m in _COLLAPSIBLE_LOWER.finditer(names.text))
    else:
        matched = (v for v in names.values if _COLLAPSIBLE.search(v))
    return list(dict.fromkeys(value.getparent() for value in matched))


def _toggled_panels(body: etree._Element) -> list[etree._Element]:
    """The panels of accordions built as WAI-ARIA's pattern, whatever their class: the element
    right after a heading that holds a toggle button (``<h3><button aria-expanded>``). WCXB: 1
    page better (0.84 -> 0.98, a buying guide's collapsed sections), none worse. Any element a
    toggle names in ``aria-controls``, or the one right after the toggle: menus (0 words of
    the ground truths, 2,400 not)."""
    found = []
    for button in body.iter("button"):
        if button.get("aria-expanded") is None:
            continue
        heading = button.getparent()
        if heading is not None and heading.tag not in TITLE_TAGS:
            heading = heading.getparent()
        if heading is None or heading.tag not in TITLE_TAGS:
            continue
        panel = heading.getnext()
        while panel is not None and not isinstance(panel.tag, str):
            panel = panel.getnext()
        if panel is not None:
            found.append(panel)
    return found


def _is_panel_text(element: etree._Element) -> bool:
    """A panel's answer: PROSE_WORDS words or more, little link text, no boilerplate role
    (being hidden is a panel's state, not a role)."""
    if _PANEL_ROLE.search(element.get("class") or ""):
        return False
    total, links = _words_and_link_words(element)
    return total >= PROSE_WORDS and links <= RESCUE_LINKS * total


def _words_and_link_words(element: etree._Element) -> tuple[int, int]:
    """Words of ``element``'s text (scripts and styles left out), and of its links' text."""
    total = text_words(element)
    return total, sum(len(a.text_content().split()) for a in element.iter("a"))


def _is_article_part(element: etree._Element, prose: list[int]) -> bool:
    """Prose enough, little link text, no boilerplate role, not hidden (RESCUE_WORDS)."""
    parent = element.getparent()
    if parent is None or parent.tag in ("body", "html") or element.get("aria-hidden") == "true":
        return False
    if _BOILERPLATE_ROLE.search(element.get("class") or "") or _HIDDEN_STYLE.search(
        element.get("style") or ""
    ):
        return False
    words = sum(prose)
    if len(prose) < 2 or words < RESCUE_WORDS:
        return False
    total, links = _words_and_link_words(element)
    return words + _list_words(element) >= RESCUE_SHARE * total and links <= RESCUE_LINKS * total


def _list_words(element: etree._Element) -> int:
    """Words of ``element``'s list items and subheadings (an item in an item counted once):
    the article's own text between its prose paragraphs, counted with them towards
    RESCUE_SHARE (WCXB: 1 page better, 0.80 -> 0.92, none worse)."""
    return sum(
        len(x.text_content().split())
        for x in element.iter("li", "h2", "h3", "h4", "h5", "h6")
        if next(x.iterancestors("li"), None) is None
    )


def unwrap_lines(tree: etree._Element) -> None:
    """Undo hard wraps in ``tree`` before extraction (in place): newlines in the text of
    paragraphs become spaces (not in pre or textarea), and a <br> inside a paragraph goes
    where the line before it ends mid-sentence and the next starts in lower case."""
    for text in _WRAPPED_TEXT(tree):
        parent = text.getparent()
        if parent.tag in _KEEPS_NEWLINES or any(
            a.tag in _KEEPS_NEWLINES for a in parent.iterancestors()
        ):
            continue
        flat = text.replace("\n", " ")
        if text.is_tail:
            parent.tail = flat
        else:
            parent.text = flat
    for br in _BR_IN_PARAGRAPH(tree):
        before = br.getprevious()
        line = before.tail if before is not None else br.getparent().text
        after = (br.tail or "").lstrip()
        if line and after[:1].islower() and _OPEN_END.search(line.rstrip()) and not len(br):
            br.tail = " " + after
            br.drop_tag()


def is_dump(text: str) -> bool:
    """One line of DUMP_WORDS words or more: a dump of the page, not a paragraph."""
    return "\n" not in text.strip() and _words(text) >= DUMP_WORDS


def undump(dump: str, tree: etree._Element, url: str, opts: Extractor) -> str:
    """The paragraphs of a page whose balanced run gave a dump: the recall run's, when it
    found paragraphs holding DUMP_SHARE of the dump's words; else the dump itself, split where
    the page's paragraphs end (split_at_blocks)."""
    recall = run(tree, url, opts, "recall", fast=True)
    if recall and not is_dump(recall) and _words(recall) >= DUMP_SHARE * _words(dump):
        return recall
    return split_at_blocks(dump, tree)


def split_at_blocks(text: str, tree: etree._Element) -> str:
    """``text`` with a line break before and after each paragraph element of ``tree`` (p, li,
    headings...) found in it, in page order. The words are those of ``text``; only the lines
    change, so that the cleaner can judge each paragraph on its own."""
    line = " ".join(text.split())
    parts: list[str] = []
    pos = 0
    taken: set[etree._Element] = set()
    for element in tree.iter(*_BLOCKS):
        if any(parent in taken for parent in element.iterancestors()):
            continue
        block = " ".join(element.text_content().split())
        if len(block.split()) < 3:
            continue
        start = line.find(block, pos)
        if start < 0:
            continue
        taken.add(element)
        parts += [line[pos:start].strip(), block]
        pos = start + len(block)
    parts.append(line[pos:].strip())
    return "\n".join(part for part in parts if part)


def combine(balanced: str | None, precise: str | None, recall: str | None) -> str | None:
    """The balanced run's lines that the precision run confirms or that read as prose
    (PROSE_WORDS); the recall run's (confirmed by either, or RECALL_PROSE_WORDS long) instead
    when they hold RECALL_GAIN times more words and are no dump (is_dump), or when the
    balanced run found nothing; the precision run's when they hold PRECISION_GAIN times more
    than that (_wider_precise)."""
    if not balanced:
        return recall or precise or None
    kept = confirmed_lines(balanced, [precise])
    if recall and not is_dump(recall):  # a dump's one line would beat paragraphs by words
        wider = confirmed_lines(recall, [precise, balanced], RECALL_PROSE_WORDS)
        if _words(wider) >= RECALL_GAIN * max(1, _words(kept)):
            kept = wider
    return _wider_precise(kept, balanced, precise, recall)


def _wider_precise(kept: str, balanced: str, precise: str | None, recall: str | None) -> str:
    """The precision run's lines (confirmed by the others, or RECALL_PROSE_WORDS long) when
    they hold PRECISION_GAIN times the words of ``kept``, the text combine chose; else
    ``kept``."""
    least = PRECISION_GAIN * max(1, _words(kept))
    if not precise or _words(precise) < least or is_dump(precise):  # cannot win: no more work
        return kept
    wider = confirmed_lines(precise, [balanced, recall], RECALL_PROSE_WORDS)
    return wider if _words(wider) >= least else kept


def run(
    tree: etree._Element, url: str, opts: Extractor, focus: str, *, fast: bool = False
) -> str | None:
    """One trafilatura text extraction with ``focus`` (no metadata); None on failure. ``fast``
    skips trafilatura's comparison with its fallback extractors (readability, jusText)."""
    options = copy.copy(opts)
    options.focus = focus
    options.fast = fast or options.fast
    options.with_metadata = False
    try:
        doc = bare_extraction(tree, url=url, options=options, prune_xpath=_PRUNED)
    except (ValueError, TypeError, etree.LxmlError):
        return None
    text = doc.text if doc is not None else None
    return text if text and text.strip() else None


def confirmed_lines(text: str, others: list[str | None], prose_words: int = PROSE_WORDS) -> str:
    """Lines of ``text`` that another run also kept, or long enough to be prose. Measured on
    real pages (bench/extraction_quality.py, docs/cleaning.md): boilerplate leaks drop by
    a third while F1 holds."""
    if not any(o and o.strip() for o in others):
        return text
    confirmed = {_key(line) for other in others if other for line in other.splitlines()}
    lines = text.splitlines()
    sizes = [len(line.split()) for line in lines]
    kept = [
        line
        for i, line in enumerate(lines)
        if sizes[i] >= prose_words
        or _key(line) in confirmed
        or _is_subheading(sizes, i, prose_words)
    ]
    return "\n".join(kept)


def _is_subheading(sizes: list[int], i: int, prose_words: int) -> bool:
    """Line ``i`` (of ``sizes`` words each) is a short line right between two prose lines: a
    subheading of the article, not a widget (those come in runs, or at the edges)."""
    return (
        0 < i < len(sizes) - 1
        and sizes[i] <= HEADING_WORDS
        and sizes[i - 1] >= prose_words
        and sizes[i + 1] >= prose_words
    )


def page_words(tree: etree._Element) -> int:
    """Words of the page's body text, scripts and styles left out: an upper bound of what any
    run can extract (a word split by markup counts twice)."""
    body = tree.find(".//body")
    return text_words(body if body is not None else tree)


def text_words(element: etree._Element) -> int:
    """Words of the text under ``element``, none under a script, style, noscript or template
    (XPath's ``.//text()[not(ancestor::script or ...)]``, walked in Python: its ancestor
    tests cost libxml2 about 8 ms a page)."""
    if element.tag in _UNSHOWN or any(a.tag in _UNSHOWN for a in element.iterancestors()):
        return 0
    total, stack = 0, [element]
    while stack:
        node = stack.pop()
        if node.text:
            total += len(node.text.split())
        for child in node:
            if child.tail:
                total += len(child.tail.split())
            if isinstance(child.tag, str) and child.tag not in _UNSHOWN:
                stack.append(child)  # a comment's text is no text node; its tail is
    return total


def _key(line: str) -> str:
    return " ".join(line.split()).casefold()


def _words(text: str) -> int:
    return len(text.split())
