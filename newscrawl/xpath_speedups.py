"""trafilatura's hot XPath expressions, evaluated in Python: the same elements, same order.

trafilatura evaluates its discard, body and author expressions (``trafilatura.xpaths``) on
whole pages, up to nine times a page in the default mode. libxml2 spends most of that time
calling back into Python for each EXSLT ``re:test`` on each element; walking the tree once
and reading two attributes is several times faster. Each expression here is written once,
as clauses that both render its XPath text and test an element, and it replaces
trafilatura's own only where the rendered text is trafilatura's, whitespace aside
(``install``): a trafilatura upgrade that changes an expression keeps its own XPath for it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import trafilatura.xpaths
from lxml import etree
from trafilatura.xpaths import REGEXP_NS

logger = logging.getLogger(__name__)

Attributes = dict[str, str]
Test = Callable[[etree._Element], bool]
VERDICT_CACHE = 1024  # (tag, read attributes) verdicts an expression remembers


def _first(attributes: Attributes, names: tuple[str, ...]) -> str:
    """XPath's string value of ``@a|@b``: the first of these attributes in source order."""
    if len(names) == 1:
        return attributes.get(names[0], "")
    return next((value for key, value in attributes.items() if key in names), "")


def _attrs(names: tuple[str, ...]) -> str:
    return "|".join(f"@{name}" for name in names)


READ: set[str] = set()
"""Every attribute a clause reads: a verdict is remembered per the element's tag and these
attributes only (not its href, src or data blobs), which keeps the remembered keys small."""


def _reads(*names: str) -> None:
    READ.update(names)


def _key(items: Any) -> tuple[tuple[str, str], ...]:
    """The attributes of ``items`` (name, value pairs in source order) a clause reads."""
    return tuple([item for item in items if item[0] in READ])


@dataclass(frozen=True)
class Clause:
    """One XPath predicate term: its text (``xpath``) and its test (``test``) of an element's
    tag and attributes, or, when ``structural``, of the element itself (its descendants)."""

    xpath: str
    test: Callable[[str, Attributes, etree._Element | None], bool]
    structural: bool = False


def regex(names: tuple[str, ...], pattern: str, flags: str = "") -> Clause:
    """``re:test(@a|@b, 'pattern')`` or ``re:test(@a, 'pattern', 'i')``: lxml's EXSLT test is
    Python's ``re.search`` ("i": ignoring case)."""
    search = re.compile(pattern, re.IGNORECASE if "i" in flags else 0).search
    _reads(*names)
    return Clause(
        f"re:test({_attrs(names)}, '{pattern}'" + (f", '{flags}')" if flags else ")"),
        lambda tag, attributes, el: search(_first(attributes, names)) is not None,
    )


def contains(name: str, part: str, fold: tuple[str, str] | None = None) -> Clause:
    """``contains(@name, 'part')``, or ``contains(translate(@name, 'N', 'n'), 'part')``."""
    _reads(name)
    if fold is None:
        return Clause(
            f"contains(@{name}, '{part}')",
            lambda tag, attributes, el: part in attributes.get(name, ""),
        )
    upper, lower = fold
    table = str.maketrans(upper, lower)
    return Clause(
        f"contains(translate(@{name}, '{upper}', '{lower}'), '{part}')",
        lambda tag, attributes, el: part in attributes.get(name, "").translate(table),
    )


def starts_with(names: tuple[str, ...], prefix: str) -> Clause:
    _reads(*names)
    return Clause(
        f"starts-with({_attrs(names)}, '{prefix}')",
        lambda tag, attributes, el: _first(attributes, names).startswith(prefix),
    )


def equals(name: str, value: str) -> Clause:
    _reads(name)
    return Clause(f"@{name}='{value}'", lambda tag, attributes, el: attributes.get(name) == value)


def has(name: str) -> Clause:
    _reads(name)
    return Clause(f"@{name}", lambda tag, attributes, el: name in attributes)


def is_tag(*tags: str) -> Clause:
    return Clause(
        " or ".join(f"self::{tag}" for tag in tags), lambda tag, attributes, el: tag in tags
    )


def without(tag: str) -> Clause:
    """``not(.//tag)``: no descendant of that tag."""
    return Clause(
        f"not(.//{tag})",
        lambda _, attributes, el: next(el.iterdescendants(tag), None) is None,  # type: ignore[union-attr]
        structural=True,
    )


def negate(clause: Clause) -> Clause:
    return Clause(
        f"not({clause.xpath})",
        lambda tag, attributes, el: not clause.test(tag, attributes, el),
        clause.structural,
    )


def child_text(tag: str, value: str) -> Clause:
    """``tag='value'``: a child element ``tag`` whose text is ``value``."""
    return Clause(
        f"{tag}='{value}'",
        lambda _, attributes, el: any(
            "".join(child.itertext()) == value
            for child in el.iterchildren(tag)  # type: ignore[union-attr]
        ),
        structural=True,
    )


def _remembered(
    tests: tuple[Callable[..., bool], ...], combine: Callable[[Any], bool]
) -> Callable[[str, tuple[tuple[str, str], ...]], bool]:
    """``combine`` (any or all) of ``tests`` on a tag and its read attributes (_key),
    remembered for the last VERDICT_CACHE of them."""

    @lru_cache(maxsize=VERDICT_CACHE)
    def verdict(tag: str, items: tuple[tuple[str, str], ...]) -> bool:
        attributes = dict(items)
        return combine(t(tag, attributes, None) for t in tests)

    return verdict


def either(*clauses: Clause) -> Clause:
    """``a or b``. Where some terms read the element's children, the others' verdict is still
    remembered per tag and read attributes."""
    xpath = " or ".join(c.xpath for c in clauses)
    plain = tuple(c.test for c in clauses if not c.structural)
    structural = tuple(c.test for c in clauses if c.structural)
    if not structural:
        return Clause(xpath, lambda tag, attributes, el: any(t(tag, attributes, el) for t in plain))
    verdict = _remembered(plain, any)
    return Clause(
        xpath,
        lambda tag, attributes, el: (
            verdict(tag, _key(attributes.items()))
            or any(t(tag, attributes, el) for t in structural)
        ),
        structural=True,
    )


class Descendants:
    """``.//tag`` or ``.//*[self::a or self::b][...][...]``, callable like an lxml XPath:
    tree -> the matching descendants in document order. ``position``: "first" for
    ``(...)[1]``, the first match of all; "child" for ``...[1]``, each first match among its
    siblings. Pages repeat their elements' tags and attributes, and the runs test each page
    several times: the verdict of the predicates that read only those is remembered per tag
    and read attributes (_key), VERDICT_CACHE of them."""

    def __init__(
        self,
        tags: tuple[str, ...],
        *predicates: Clause,
        any_tag: bool = True,
        position: str = "",
        absolute: bool = False,
    ) -> None:
        self.tags = tags
        self.predicates = predicates
        self.any_tag = any_tag  # ".//*[self::a or self::b]" rather than ".//a"
        self.position = position
        self.absolute = absolute  # "//": the whole document, its root element included
        plain = tuple(p.test for p in predicates if not p.structural)
        self._structural = tuple(p.test for p in predicates if p.structural)
        self._verdict = _remembered(plain, all)

    def matches(self, element: etree._Element) -> bool:
        """The expression's test of one element (its tag and its predicates)."""
        tag = element.tag
        if self.tags and tag not in self.tags:
            return False
        items = element.items()
        if not self._verdict(tag, _key(items)):
            return False
        return all(t(tag, dict(items), element) for t in self._structural)

    @property
    def path(self) -> str:  # lxml's XPath attribute, for code that reads it
        return self.xpath

    @property
    def xpath(self) -> str:
        axis = "//" if self.absolute else ".//"
        if not self.any_tag:
            path = f"{axis}{self.tags[0]}" + "".join(f"[{p.xpath}]" for p in self.predicates)
        else:
            head = f"[{is_tag(*self.tags).xpath}]" if self.tags else ""
            path = f"{axis}*" + head + "".join(f"[{p.xpath}]" for p in self.predicates)
        return {"first": f"({path})[1]", "child": f"{path}[1]"}.get(self.position, path)

    def __call__(self, tree: etree._Element) -> list[etree._Element]:
        tags = self.tags or (etree.Element,)  # elements only, as "*"
        if self.absolute:
            candidates = tree.getroottree().getroot().iter(*tags)
        else:
            candidates = tree.iterdescendants(*tags)
        verdict, structural = self._verdict, self._structural
        found = (el for el in candidates if verdict(el.tag, _key(el.items())))
        if structural:
            found = (el for el in found if all(t(el.tag, dict(el.items()), el) for t in structural))
        if self.position == "first":
            return _first_of(found)
        if self.position == "child":
            return [
                el for el in found if not any(map(self.matches, el.itersiblings(preceding=True)))
            ]
        return list(found)


def _first_of(elements: Iterator[etree._Element]) -> list[etree._Element]:
    first = next(elements, None)
    return [] if first is None else [first]


class Union:
    """``a|b``: what either finds, in document order."""

    def __init__(self, *parts: Descendants) -> None:
        self.parts = parts

    @property
    def xpath(self) -> str:
        return "|".join(part.xpath for part in self.parts)

    path = xpath

    def __call__(self, tree: etree._Element) -> list[etree._Element]:
        found = {el: None for part in self.parts for el in part(tree)}
        if len(found) < 2:
            return list(found)
        return sorted(found, key=_document_position)


def _document_position(element: etree._Element) -> list[int]:
    """Where ``element`` is in its document: its child index and each ancestor's, from the
    root down. Sorted, such lists are in document order (an ancestor's is a prefix)."""
    position = []
    parent = element.getparent()
    while parent is not None:
        position.append(parent.index(element))
        element, parent = parent, parent.getparent()
    position.reverse()
    return position


_BLOCKS = ("div", "item", "list", "p", "section", "span")
_WRAPPERS = ("div", "section", "aside")
_ID, _CLASS, _ID_CLASS = ("id",), ("class",), ("id", "class")
_COMMENT_ID = "[Cc]omment(?!ary)|comol"
_COMMENT_CLASS = "^[Cc]omment(?!ary)|(?:article|post)-comments"
_APPENDED = "mvp-post-add-(?:box|wrap)"


def _comment_blocks(*tags: str) -> tuple[Clause, ...]:
    id_or_class = either(
        regex(_ID, f"^(?:{_COMMENT_ID}|disqus_thread|dsq-comments)"), regex(_CLASS, _COMMENT_CLASS)
    )
    if "ol" not in tags:
        return (id_or_class,)
    lists_only_by_name = either(
        negate(is_tag("ol", "ul")), regex(_ID, f"^(?:{_COMMENT_ID})"), regex(_CLASS, _COMMENT_CLASS)
    )
    return (id_or_class, lists_only_by_name)


def _alt(tokens: tuple[str, ...]) -> str:
    return "|".join(tokens)


def _tokens(x: object, name: str) -> str:
    """One of trafilatura's token lists (``x._NAME``) as the alternation its XPath uses."""
    return _alt(getattr(x, name))


def _overall(x: object) -> list[Descendants]:
    """OVERALL_DISCARD_XPATH, with its token lists read from trafilatura itself."""
    both = _tokens(x, "_OVERALL_DISCARD_BOTH_TOKENS")
    return [
        Descendants(
            _BLOCKS,
            either(
                has("data-lp-replacement-content"),
                contains("role", "nav", fold=("N", "n")),
                contains("data-component", "MostPopularStories"),
                regex(_ID_CLASS, _tokens(x, "_CONSENT_ID_CLASS_TOKENS")),
                regex(_ID, f"{both}|{_tokens(x, '_OVERALL_DISCARD_ID_TOKENS')}"),
                regex(_CLASS, f"{both}|{_tokens(x, '_OVERALL_DISCARD_CLASS_TOKENS')}"),
            ),
        ),
        Descendants(
            (),
            either(
                equals("class", "comments-title"),
                starts_with(_ID_CLASS, "reply-"),
                regex(("id", "style"), "hidden"),
                contains("style", "display:none"),
                contains("style", "display: none"),
                regex(_ID, "reader-comments|akismet"),
                regex(
                    _CLASS,
                    "^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links"
                    "|-hide-|hide-print| hidden| hide|noprint|notloaded",
                ),
                equals("aria-hidden", "true"),
            ),
        ),
    ]


def _body(x: object) -> list[Descendants | Union]:
    """BODY_XPATH, with its token lists read from trafilatura itself."""
    containers = ("article", "div", "main", "section")
    return [
        Descendants(
            containers,
            either(
                equals("class", "post"),
                equals("class", "entry"),
                equals("itemprop", "articleBody"),
                equals("id", "articleContent"),
                regex(_ID, _tokens(x, "_ARTICLE_CONTENT_ID_TOKENS")),
                regex(_CLASS, _tokens(x, "_ARTICLE_CONTENT_CLASS_TOKENS")),
            ),
            position="child",
        ),
        Descendants(("article",), any_tag=False, position="first"),
        Descendants(
            containers,
            either(
                equals("role", "article"),
                equals("id", "article"),
                equals("id", "story"),
                *(equals("class", c) for c in ("postarea", "art-postcontent", "text", "cell")),
                equals("class", "story"),
                regex(_ID, _tokens(x, "_STORY_ID_TOKENS")),
                regex(_CLASS, "fulltext", "i"),
                regex(_CLASS, _tokens(x, "_STORY_CLASS_TOKENS")),
            ),
            position="first",
        ),
        Descendants(
            containers,
            either(
                equals("id", "content"),
                equals("class", "content"),
                regex(_ID, _tokens(x, "_MAIN_CONTENT_ID_TOKENS")),
                regex(_CLASS, _tokens(x, "_MAIN_CONTENT_CLASS_TOKENS")),
                contains("id", "main-content", fold=("CM", "cm")),
                contains("class", "main-content", fold=("CM", "cm")),
                contains("class", "page-content", fold=("CP", "cp")),
            ),
            position="first",
        ),
        Union(
            Descendants(
                ("article", "div", "section"),
                either(
                    starts_with(_CLASS, "main"),
                    starts_with(_ID, "main"),
                    starts_with(("role",), "main"),
                ),
                position="first",
            ),
            Descendants(("main",), any_tag=False, position="first"),
        ),
    ]


def _authors() -> dict[str, list[Descendants | Union]]:
    """AUTHOR_XPATHS and AUTHOR_DISCARD_XPATHS (trafilatura.metadata.extract_author)."""
    return {
        "AUTHOR_XPATHS": [
            Union(
                Descendants(
                    ("a", "address", "div", "link", "p", "span", "strong"),
                    either(
                        equals("rel", "author"),
                        equals("id", "author"),
                        equals("class", "author"),
                        equals("itemprop", "author name"),
                        child_text("rel", "me"),
                        equals("data-testid", "AuthorCard"),
                        equals("data-testid", "AuthorURL"),
                        regex(_CLASS, "author-?name|AuthorName|authorName"),
                    ),
                    absolute=True,
                ),
                Descendants(("author",), any_tag=False, absolute=True),
            ),
            Descendants(
                ("a", "div", "h3", "h4", "p", "span"),
                either(
                    *(equals("class", c) for c in ("byline", "username", "byl", "BBL")),
                    contains("itemprop", "author"),
                    regex(_ID, "author|zuozhe|bianji|xiaobian"),
                    regex(
                        _CLASS,
                        "author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by"
                        "|journalist-name",
                    ),
                ),
                absolute=True,
            ),
            Descendants(
                (),
                either(
                    contains("data-component", "Byline"),
                    contains("itemprop", "author"),
                    regex(_ID, "[Aa]uthor"),
                    regex(_CLASS, "[Aa]uthor|screenname|writer|[Bb]yline"),
                ),
                absolute=True,
            ),
        ],
        "AUTHOR_DISCARD_XPATHS": [
            Descendants(
                ("a", "div", "section", "span"),
                either(
                    *(equals(n, v) for n, v in (("id", "comments"), ("class", "comments"))),
                    equals("class", "title"),
                    equals("class", "date"),
                    regex(_ID, "^comments|comment-?list|ProductReviews"),
                    regex(
                        _CLASS,
                        "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote"
                        "|embedly-instagram|article-(?:share|support)|print|category|meta-date"
                        "|meta-reviewer",
                    ),
                    contains("data-component", "Figure"),
                ),
            ),
            Union(
                Descendants(("time",), any_tag=False, absolute=True),
                Descendants(("figure",), any_tag=False, absolute=True),
            ),
        ],
    }


def replacements(x: object = trafilatura.xpaths) -> dict[str, list[Descendants | Union]]:
    """Our expression for each of trafilatura's hot lists, by the list's name."""
    return {
        "RAW_TREE_PRUNE_XPATH": [
            Descendants(
                _WRAPPERS,
                either(
                    regex(_ID, f"{_APPENDED}|infinite-?scroll"),
                    regex(_CLASS, f"{_APPENDED}|infinite-?scroll"),
                ),
                either(without("h1"), regex(_ID, _APPENDED), regex(_CLASS, _APPENDED)),
            ),
            Descendants(_WRAPPERS, contains("class", "elementor-share-buttons")),
        ],
        "REMOVE_COMMENTS_XPATH": [
            Descendants(
                ("div", "list", "section", "details"),
                *_comment_blocks("div", "list", "section", "details"),
            ),
        ],
        "REMOVE_COMMENTS_AND_LISTS_XPATH": [
            Descendants(
                ("div", "list", "section", "details", "ol", "ul"),
                *_comment_blocks("div", "list", "section", "details", "ol", "ul"),
            ),
        ],
        "OVERALL_DISCARD_XPATH": _overall(x),
        "TEASER_DISCARD_XPATH": [
            Descendants(
                _BLOCKS,
                either(
                    contains("id", "teaser", fold=("T", "t")),
                    contains("class", "teaser", fold=("T", "t")),
                ),
            ),
        ],
        "PRECISION_DISCARD_XPATH": [
            Descendants(("header",), any_tag=False),
            Descendants(
                _BLOCKS,
                either(
                    regex(_ID_CLASS, r"(^|\s)bottom|bottom(\s|$)"),
                    regex(_ID_CLASS, r"(^|\s)link(\s|$)"),
                    contains("style", "border"),
                ),
            ),
        ],
        **_authors(),
        "BODY_XPATH": _body(x),
        "DISCARD_IMAGE_ELEMENTS": [
            Descendants(_BLOCKS, either(contains("id", "caption"), contains("class", "caption"))),
        ],
    }


_LITERAL = re.compile(r"('[^']*')")


def normalised(xpath: str) -> str:
    """``xpath`` without whitespace outside its string literals."""
    parts = _LITERAL.split(xpath)
    return "".join(p if i % 2 else re.sub(r"\s+", "", p) for i, p in enumerate(parts))


def same_expression(ours: Descendants, theirs: object) -> bool:
    return normalised(ours.xpath) == normalised(getattr(theirs, "path", ""))


INSTALLED: dict[str, tuple[list[etree.XPath], list[Descendants]]] = {}
"""trafilatura's own expressions and ours, for each list ``install`` replaced."""


def install() -> list[str]:
    """Put our expressions into trafilatura's lists (install_into). Idempotent."""
    return install_into(trafilatura.xpaths, INSTALLED)


def install_into(
    module: object, installed: dict[str, tuple[list[etree.XPath], list[Descendants]]]
) -> list[str]:
    """Replace the expressions in ``module``'s lists in place (every trafilatura module that
    imported a list sees the change), only for lists whose every expression we render
    exactly; record them in ``installed``. Returns the names replaced."""
    for name, ours in replacements(module).items():
        theirs = getattr(module, name)
        if name in installed:
            continue
        if len(ours) != len(theirs) or not all(map(same_expression, ours, theirs)):
            logger.warning("trafilatura's %s changed: its own XPath is kept (slower)", name)
            continue
        installed[name] = (list(theirs), ours)
        theirs[:] = ours
    return list(installed)


@contextmanager
def trafilaturas_own() -> Iterator[None]:
    """trafilatura's own expressions back in its lists for a while (a baseline to compare
    with, in the same process), ours again after."""
    for name, (theirs, _) in INSTALLED.items():
        getattr(trafilatura.xpaths, name)[:] = theirs
    try:
        yield
    finally:
        for name, (_, ours) in INSTALLED.items():
            getattr(trafilatura.xpaths, name)[:] = ours


def element_tests(name: str) -> list[Test]:
    """Each expression of trafilatura's list ``name`` tested on one element: ours where
    installed, else trafilatura's XPath from the element itself (``self::*``)."""
    if name in INSTALLED:
        return [ours.matches for ours in INSTALLED[name][1]]
    return [_on_one_element(x.path) for x in getattr(trafilatura.xpaths, name)]


def _on_one_element(path: str) -> Test:
    if not path.strip().startswith(".//*"):  # a trafilatura upgrade changed their form
        raise ImportError(f"trafilatura's discard expression changed form: {path[:60]!r}")
    test = etree.XPath(path.replace(".//*", "self::*", 1), namespaces={"re": REGEXP_NS})
    return lambda element: bool(test(element))
