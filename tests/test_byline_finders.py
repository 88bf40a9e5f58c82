"""The byline searches done in Python (extraction_meta._FINDERS) select exactly the elements
of the XPaths they stand for, in the same order."""

from __future__ import annotations

import lxml.html
import pytest

from newscrawl.extraction import parse_html
from newscrawl.extraction_meta import _BY_LINE, _BYLINE_CLASS, _FINDERS

CLASS_PAGES = [
    # classes and ids in any case; "authorities" is selected here too (filtered later)
    '<div class="Post-AUTHOR">Jane Doe</div><span class="bYlInE">By Max</span>'
    '<nav class="authorities-menu">x</nav><p id="author-box">A</p><p id="Author">no</p>',
]
BY_LINE_PAGES = [
    # "By" lines: nbsp is no XPath space, comments are no text, wrappers of one child
    "<div><div><div><p>By Jane Doe</p></div></div></div><p>By\u00a0Jane</p>"
    "<p><!-- By x -->by: Max Mustermann</p><li>  \n Written by <a>Ann Lee</a></li>"
    "<span><b>Posted</b> by Ann</span><h4>By</h4><h3>By </h3><div>Byron Bay</div>"
    "<p>By <a>A</a> <a>B</a> <a>C</a></p><h5><i>B</i>y Jane</h5>"
    "<p>B<!-- c --><?pi x?>y Jane</p>",
    # a wrapper whose text opens with a long word, then a "By" line split over elements
    "<div><p>" + "x" * 50 + "</p></div><div><span>By</span> the way</div>",
]
CASES = [(_BYLINE_CLASS, page) for page in CLASS_PAGES] + [
    (_BY_LINE, page) for page in BY_LINE_PAGES
]
TWO_ROOTS = "<html><body><p>x</p></body></html><!-- cache --><html><body><div class='author'>" \
            "Jane</div><p>By Jane Doe</p></body></html>"  # fmt: skip


@pytest.mark.parametrize(("xpath", "html"), CASES)
def test_finder_selects_what_its_xpath_selects(xpath: str, html: str) -> None:
    tree = lxml.html.fromstring(f"<html><body>{html}</body></html>")
    expected = tree.xpath(xpath)
    assert expected, "each page has something for each search"
    assert _FINDERS[xpath](tree) == expected


@pytest.mark.parametrize("xpath", [_BYLINE_CLASS, _BY_LINE])
def test_finder_reads_every_root_of_a_page_parsed_into_two(xpath: str) -> None:
    """A page cached with a second <html> after the first (WP-Optimize): XPath's "//" sees
    both roots, and so must the finder."""
    tree = parse_html(TWO_ROOTS)
    expected = tree.xpath(xpath)
    assert expected
    assert all(el not in set(tree.iter()) for el in expected), "all in the second root"
    assert _FINDERS[xpath](tree) == expected
