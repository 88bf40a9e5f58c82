"""Byline rules of newscrawl.extraction_meta.pick_authors, on small pages written for them."""

from __future__ import annotations

import json
from typing import Any

import lxml.html
import pytest

from newscrawl.authors import record_authors
from newscrawl.extraction import extract, read_page_meta
from newscrawl.extraction_meta import pick_authors, site_names

URL = "https://news.example.org/2025/12/19/a-story"


def page(body: str, head: str = "", jsonld: Any = None) -> str:
    """A page with ``head`` tags, an optional JSON-LD block and ``body`` above a story."""
    script = ""
    if jsonld is not None:
        script = f'<script type="application/ld+json">{json.dumps(jsonld)}</script>'
    return (
        f"<html><head><title>A story</title>{head}{script}</head><body>"
        f"<article><h1>A story about the harbour</h1>{body}"
        "<p>The harbour reopened on Monday after two weeks of repairs to the sea wall, and"
        " the first ferries came in before noon.</p></article></body></html>"
    )


def authors(html: str, article: dict[str, Any] | None = None, doc_author: str | None = None) -> list[str]:  # fmt: skip
    """The record's authors of ``html`` as extract() forms them (meta tags read the same way)."""
    tree = lxml.html.fromstring(html)
    meta: dict[str, str] = {}
    for el in tree.iterfind(".//meta"):
        name = (el.get("property") or el.get("name") or "").strip().lower()
        if name and el.get("content") and name not in meta:
            meta[name] = el.get("content", "").strip()
    sites = site_names(read_page_meta(tree, URL), URL)
    return record_authors(pick_authors(tree, article or {}, meta, doc_author, sites))


# --- the forms of a "By" line -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<p class="text-xl">by: Jane Doe, Dec 17, 2025</p>', ["Jane Doe"]),
        ('<div class="publish-date-author">Dec. 19, 2025 &middot; Jane Doe on behalf of'
         ' <a href="/teams/docs">the Docs team</a></div>', ["Jane Doe"]),
        ('<span class="posted">Posted by Jane Doe at December 16, 2025 11:15 AM</span>',
         ["Jane Doe"]),
        ('<p>By <a href="/magazine/contributor/j_doe">J. R. Doe</a> <a class="btn"'
         ' href="/digital/33">View In Digital Edition</a></p>', ["J. R. Doe"]),
    ],
)  # fmt: skip
def test_by_line_forms(body: str, expected: list[str]) -> None:
    assert authors(page(body)) == expected


def test_a_by_line_of_consent_is_no_byline() -> None:
    body = '<p>By signing up you agree to our <a href="/privacy">Privacy Policy</a></p>'
    assert authors(page(body)) == []


# --- a given name alone -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "body",
    [
        '<p class="entry-meta">by <a href="/author/amanda/">Amanda</a> · Dec 20, 2025 at 3:00 am'
        " · One comment so far</p>",
        '<footer><span class="entry-author">Posted By: <a class="entry-author-link"'
        ' href="/about/" rel="author"><span>Amanda</span></a></span></footer>',
    ],
)
def test_a_byline_may_be_a_given_name(body: str) -> None:
    assert authors(page(body)) == ["Amanda"]


def test_a_given_name_under_a_written_by_label_is_the_byline() -> None:
    """An author box's "Written by" over a given name and a role in their own elements
    (easy-lms.com): the cleaner read it from the body text only while the extraction took
    that box for the article; "Author" over one word stays no byline (a select's options)."""
    body = (
        '<div class="meta"><span class="font-bold">Written by</span><div class="flex">'
        '<span class="font-bold">Eliz</span><span class="ms-1">- Product marketer</span>'
        "</div></div>"
    )
    assert authors(page(body)) == ["Eliz"]


@pytest.mark.parametrize(
    "body",
    [
        '<ul class="filters"><li>By State</li><li>By Style</li></ul>',
        '<div class="byline">Sat, 20 Dec, 2025 - 06:36</div>',
        "<select><option>Author</option><option>Abstract</option></select>",
    ],
)
def test_one_word_is_no_byline_without_author_markup(body: str) -> None:
    assert authors(page(body)) == []


# --- labels -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<div class="tags"><div><strong>Contributors:</strong> Jane Doe</div></div>',
         ["Jane Doe"]),
        ('<h2 class="text-3xl">Article by</h2><div class="leading-relaxed">Jane Doe</div>',
         ["Jane Doe"]),
        ('<div class="hero-metadata__content"><h6>Author(s)</h6><ul><li><a href="/lib?a=1">'
         'Jane A. Doe</a></li><li><a href="/lib?a=2">John B. Roe</a></li></ul></div>',
         ["Jane A. Doe", "John B. Roe"]),
        # a spacer between the label and the name
        ('<div class="post-header_wrapper"><div><div class="bold">Author</div><div'
         ' class="spacer"></div></div><div>Jane Doe</div></div>', ["Jane Doe"]),
    ],
)  # fmt: skip
def test_labelled_bylines(body: str, expected: list[str]) -> None:
    assert authors(page(body)) == expected


def test_a_label_in_a_list_of_facts_is_no_byline() -> None:
    body = (
        '<div class="callout"><p><strong>Author:</strong> H. G. Parry <br><strong>Released:'
        "</strong> June 17, 2025 by Tor Books <br><strong>Genre:</strong> Historical fantasy,"
        " romance and a long list of other things</p></div>"
    )
    assert authors(page(body)) == []


def test_a_role_glued_to_a_name_yields_to_the_name_alone() -> None:
    body = (
        '<div class="label">Written By</div><div class="author-and-date"><div class="name">'
        'Jane Doe</div><div class="name weight">AI Writer, Example Corp</div></div>'
    )
    assert authors(page(body)) == ["Jane Doe"]


def test_written_by_link_opening_a_paragraph() -> None:
    body = (
        '<p><em>This post was written by <a href="/providers/2838">Jane Doe, MD</a>,'
        " gastroenterologist.</em></p>"
    )
    assert authors(page(body)) == ["Jane Doe"]


def test_written_by_inside_a_sentence_is_no_byline() -> None:
    body = (
        "<p>Python has a separate regex library written by <a href='https://git.example/mb'>"
        "John Roe</a> in C, which handles case folding.</p>"
    )
    assert authors(page(body)) == []


def test_by_lines_of_a_listing_are_no_byline() -> None:
    items = "".join(
        f'<h3>Materials {n}</h3><div class="item"><p>By {name}</p></div>'
        for n, name in enumerate(["Rose Potts", "Betty Arne", "Carla Mendes", "Dan Oro"])
    )
    assert authors(page(items)) == []


def test_by_label_of_a_listing_is_no_byline() -> None:
    items = "".join(
        f'<h3>Materials {n}</h3><div class="item"><p>By:&nbsp;</p><p> {name}</p></div>'
        for n, name in enumerate(["Rose Potts", "Betty Arne", "Carla Mendes", "Dan Oro"])
    )
    assert authors(page(items)) == []


# --- metadata ---------------------------------------------------------------------------------
def test_jsonld_author_by_reference() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Article", "author": [{"@id": "https://ex.org/#/person/1"}]},
            {"@type": "Person", "@id": "https://ex.org/#/person/1", "name": "Jane Doe"},
        ],
    }
    html = page("", head='<meta name="author" content="exjdoe">', jsonld=graph)
    ex = extract(html, URL)
    assert ex.authors == ["Jane Doe"]
    assert "Jane Doe" in ex.page.raw_authors  # what attribution reads


def test_link_preview_label_names_the_author() -> None:
    head = (
        '<meta name="twitter:label1" content="Written by">'
        '<meta name="twitter:data1" content="Jane Doe">'
        '<meta name="twitter:label2" content="Est. reading time">'
        '<meta name="twitter:data2" content="15 minutes">'
    )
    assert authors(page("", head=head)) == ["Jane Doe"]


def test_one_author_meta_tag_per_author() -> None:
    head = "".join(
        f'<meta name="citation_authors" content="{n}">' for n in ("Jane Doe", "John Roe", "Ann Poe")
    )
    assert authors(page("", head=head)) == ["Jane Doe", "John Roe", "Ann Poe"]


def test_metadata_house_byline_beats_a_reviewer_in_the_page() -> None:
    body = '<div class="byline">Reviewed by <a href="/contributors/9">Mary Major</a></div>'
    article = {"@type": "Article", "author": [{"@type": "Person", "name": "The Example Team"}]}
    assert authors(page(body), article) == ["The Example Team"]


# --- the site signing its own page ------------------------------------------------------------
SITE = '<meta property="og:site_name" content="Green Leaf Works">'


def test_site_named_author_yields_to_the_byline_of_a_person() -> None:
    head = SITE + '<meta name="author" content="Green Leaf Works">'
    body = '<div class="my-meta"><span><a href="/blogs/mw">by Mary Major</a></span></div>'
    assert authors(page(body, head=head)) == ["Mary Major"]


def test_site_named_author_stays_when_the_byline_names_the_site() -> None:
    head = SITE + '<meta name="author" content="Green Leaf Works">'
    body = (
        '<div class="post-header_author-wrapper"><div><div class="bold">Author</div></div>'
        '<div>Green Leaf Works</div></div><div class="related"><div class="blog_author-text">'
        "Mary Major December 4, 2025</div></div>"
    )
    assert authors(page(body, head=head)) == ["Green Leaf Works"]


def test_a_body_class_naming_a_template_is_no_byline() -> None:
    html = page("").replace("<body>", '<body class="tweak-blog-item-author-profile">')
    html = html.replace("<article>", "<div><a href='/tours'>PHOTO TOURS</a></div><article>")
    assert authors(html) == []


# --- house bylines in the page ----------------------------------------------------------------
def test_a_labelled_house_byline_is_the_byline_when_no_person_signs() -> None:
    body = (
        "<div class='bio'><small>WRITTEN BY</small><p><strong>Harbour Works Team</strong></p></div>"
    )
    assert authors(page(body)) == ["Harbour Works Team"]


def test_a_person_further_down_beats_a_house_byline() -> None:
    body = (
        "<div><span>By</span><span>Harbour Works Team</span></div><p class='byline'>By Jane Doe</p>"
    )
    assert authors(page(body)) == ["Jane Doe"]


def test_a_staff_link_in_the_menu_is_no_house_byline() -> None:
    body = "<nav><a class='author-link' href='/staff'>Meet Harbour Staff</a></nav>"
    assert authors(page(body)) == []


# --- dated byline lines -----------------------------------------------------------------------
def bare(body: str) -> str:
    """A page whose ``body`` holds the headline and what follows it."""
    return (
        "<html><head><title>A story</title></head><body><header>" + body + "</header><p>The"
        " harbour reopened on Monday after two weeks of repairs to the sea wall.</p></body></html>"
    )


def test_a_dated_line_under_the_headline_names_its_author_first() -> None:
    html = bare("<h1>How AI is changing ports</h1><p>Jane Doe | Senior Writer | July 2, 2025</p>")
    assert authors(html) == ["Jane Doe"]


def test_a_line_under_the_headline_without_a_date_is_no_byline() -> None:
    html = bare("<h1>How AI is changing ports</h1><p>Harbour News | Port Life</p>")
    assert authors(html) == []


def test_a_meta_line_names_its_author_after_the_date() -> None:
    html = bare(
        "<h1>Candidate experience</h1><div class='node__meta'><time datetime='2017-03-01'>"
        "03/01/2017</time> by Jane Doe, Candidate Representative to the Committee</div>"
    )
    assert authors(html) == ["Jane Doe"]
