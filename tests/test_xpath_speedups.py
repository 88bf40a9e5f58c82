"""newscrawl.xpath_speedups: our evaluation of trafilatura's discard expressions finds exactly
the elements trafilatura's own XPath finds, in the same order."""

from __future__ import annotations

import copy
import types
from pathlib import Path

import pytest
import trafilatura.xpaths
from lxml import etree
from trafilatura.htmlprocessing import convert_tags, tree_cleaning

from newscrawl import extraction_text, xpath_speedups
from newscrawl.extraction import make_options, parse_html

assert extraction_text  # importing it installs our expressions
TESTS = Path(__file__).parent
PAGES = sorted([*TESTS.glob("golden/*/*.html"), *TESTS.glob("fakeweb/sites/*/**/*.html")])
HOT = {
    "AUTHOR_XPATHS",
    "AUTHOR_DISCARD_XPATHS",
    "BODY_XPATH",
    "RAW_TREE_PRUNE_XPATH",
    "REMOVE_COMMENTS_XPATH",
    "REMOVE_COMMENTS_AND_LISTS_XPATH",
    "OVERALL_DISCARD_XPATH",
    "TEASER_DISCARD_XPATH",
    "PRECISION_DISCARD_XPATH",
    "DISCARD_IMAGE_ELEMENTS",
}
# Every clause of every expression, both ways: id before class and class before id (XPath's
# "@id|@class" reads the first in source order), capitals that translate() folds, tokens at
# the start and inside, converted tags (list, item), comment lists, appended articles with
# and without a headline.
EDGES = """<html><head><link rel="author" href="/me"></head><body>
<div id="share-top" class="content">a</div><div class="content" id="share-top">b</div>
<div class="cookie-bar">c</div><div id="x" class="cookie">d</div><div class="x" id="cookie">e</div>
<span role="Navigation">f</span><p role="banner">g</p><section data-lp-replacement-content="">h</section>
<div data-component="MostPopularStories">i</div><list class="related-posts">j</list>
<item class="widget-area">k</item><div class="post ad-slot">l</div><div class="ad">m</div>
<div class=" ad ">n</div><div class="navbar">o</div><div class="nav-main">p</div><div id="nav">q</div>
<p class="comments-title">r</p><p class="comments-title x">s</p><div id="reply-1">t</div>
<div class="reply-x" id="y">u</div><div id="y" class="reply-x">v</div><b style="display:none">w</b>
<i style="display: none">x</i><i id="hidden-1">y</i><i style="visibility:hidden" id="z">z</i>
<em aria-hidden="true">1</em><em aria-hidden="false">2</em><a class="noprint">3</a>
<div id="Teaser">4</div><div class="big-TEASER">5</div><div class="teaser">6</div>
<header>7</header><div class="bottom">8</div><div class="pagebottom x">9</div>
<div id="link">10</div><div class="links">11</div><div style="border:1px">12</div>
<div class="wp-caption">13</div><div id="caption">14</div>
<div id="comments"><p>15</p></div><section class="commentary">16</section>
<ol id="comment-list"><li>17</li></ol><ul id="disqus_thread"><li>18</li></ul>
<ul class="post-comments"><li>19</li></ul><details id="Comment-3">20</details>
<div class="mvp-post-add-box"><h1>21</h1></div><div class="infinite-scroll"><h1>22</h1></div>
<aside id="infinitescroll"><p>23</p></aside><div class="elementor-share-buttons">24</div>
<section class="x elementor-share-buttons--skin">25</section><div class="plain">26</div>
<div><div class="author-box"><span class="byline">27</span></div></div>
<div class="post"><div class="post">28</div><div class="entry">29</div></div><div class="post">30</div>
<article><p>31</p></article><section class="Story-Content">32</section><div class="FullText">33</div>
<div id="content">34</div><div id="Main-Content">35</div><div class="Page-Content">36</div>
<div class="mainColumn">37</div><main>38</main><section role="main-area">39</section>
<a rel="author">40</a><span class="authorName">41</span><author>42</author><div><rel>me</rel></div>
<p class="byline">43</p><h4 id="xiaobian">44</h4><b data-component="Byline">45</b><i class="writer">46</i>
<div class="comments">47</div><span class="meta-date">48</span><time>49</time><figure>50</figure>
</body></html>"""
# BODY_XPATH's last expression is a union: what it finds must come in document order.
MAIN_FIRST = (
    "<html><body><main><div class='main'>a</div></main><div class='mainx'>b</div></body></html>"
)


def _same(found: list[etree._Element], expected: list[etree._Element]) -> bool:
    return len(found) == len(expected) and all(a is b for a, b in zip(found, expected, strict=True))


def _trees(html: str | bytes) -> list[etree._Element]:
    """The page as trafilatura sees it: raw, and cleaned with its tags converted."""
    raw = parse_html(html)
    options = make_options()
    converted = convert_tags(tree_cleaning(copy.deepcopy(raw), options), options)
    return [raw, converted, raw.find(".//body")]  # "//" reads the whole document from there


def test_every_hot_expression_is_ours_with_the_pinned_trafilatura() -> None:
    assert set(xpath_speedups.install()) == HOT
    for name in HOT:
        assert all(
            isinstance(x, xpath_speedups.Descendants | xpath_speedups.Union)
            for x in getattr(trafilatura.xpaths, name)
        )


@pytest.mark.parametrize(
    "source", ["edges", "main first", *(p.relative_to(TESTS).as_posix() for p in PAGES)]
)
def test_our_expressions_find_what_trafilaturas_find(source: str) -> None:
    html = {"edges": EDGES, "main first": MAIN_FIRST}.get(source) or (TESTS / source).read_bytes()
    for tree in _trees(html):
        for name, (theirs, ours) in xpath_speedups.INSTALLED.items():
            for their, our in zip(theirs, ours, strict=True):
                assert _same(our(tree), their(tree)), (name, their.path)


def test_the_edge_page_exercises_every_expression() -> None:
    raw, converted, _ = _trees(EDGES)
    for name, (theirs, _) in xpath_speedups.INSTALLED.items():
        for their in theirs:
            assert their(raw) or their(converted), (name, their.path)


def test_one_element_tests_agree_with_trafilaturas_expressions() -> None:
    theirs = [
        etree.XPath(
            x.path.replace(".//*", "self::*", 1), namespaces={"re": trafilatura.xpaths.REGEXP_NS}
        )
        for x in xpath_speedups.INSTALLED["OVERALL_DISCARD_XPATH"][0]
    ]
    ours = xpath_speedups.element_tests("OVERALL_DISCARD_XPATH")
    elements = [el for tree in _trees(EDGES) for el in tree.iter(etree.Element)]
    assert any(ours[0](el) for el in elements)
    assert any(ours[1](el) for el in elements)
    for el in elements:
        assert [bool(t(el)) for t in theirs] == [t(el) for t in ours]


def test_a_changed_expression_keeps_trafilaturas_own() -> None:
    originals = {name: list(theirs) for name, (theirs, _) in xpath_speedups.INSTALLED.items()}
    changed = etree.XPath(originals["TEASER_DISCARD_XPATH"][0].path.replace("teaser", "teasers"))
    module = types.SimpleNamespace(**{**originals, "TEASER_DISCARD_XPATH": [changed]})
    module.__dict__.update(
        {k: getattr(trafilatura.xpaths, k) for k in dir(trafilatura.xpaths) if k.startswith("_")}
    )
    installed = xpath_speedups.install_into(module, {})
    assert "TEASER_DISCARD_XPATH" not in installed
    assert module.TEASER_DISCARD_XPATH[0] is changed
    assert set(installed) == HOT - {"TEASER_DISCARD_XPATH"}
    assert isinstance(module.OVERALL_DISCARD_XPATH[0], xpath_speedups.Descendants)


def test_whitespace_inside_a_literal_is_part_of_the_expression() -> None:
    assert xpath_speedups.normalised(".//*[ contains(@class, ' ad ') ]") == (
        ".//*[contains(@class,' ad ')]"
    )
    assert xpath_speedups.normalised("contains(@class, 'ad')") != (
        xpath_speedups.normalised("contains(@class, ' ad ')")
    )


def test_trafilaturas_own_expressions_come_back_for_a_baseline_and_go_again() -> None:
    with xpath_speedups.trafilaturas_own():
        assert all(isinstance(x, etree.XPath) for x in trafilatura.xpaths.OVERALL_DISCARD_XPATH)
    assert all(
        isinstance(x, xpath_speedups.Descendants) for x in trafilatura.xpaths.OVERALL_DISCARD_XPATH
    )
