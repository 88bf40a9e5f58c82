"""Extraction choices measured on real pages: headline, date line, bylines, recall fallback."""

from __future__ import annotations

import json

import lxml.html
import pytest

from newscrawl.authors import record_authors
from newscrawl.extraction import extract
from newscrawl.extraction_dates import headline_dates, pick_published
from newscrawl.extraction_meta import pick_authors
from newscrawl.extraction_text import combine, confirmed_lines, page_words, split_at_blocks

URL = "https://herald.example/2024/budget"
PROSE = (
    "The city council approved the new budget on Tuesday after a long debate about spending"
    " on schools, roads and public transport in the coming year, officials said."
)


def page(head: str = "", top: str = "", jsonld: dict | None = None, paragraphs: int = 3) -> str:
    script = f'<script type="application/ld+json">{json.dumps(jsonld)}</script>' if jsonld else ""
    body = "".join(f"<p>{PROSE} Paragraph {i}.</p>" for i in range(paragraphs))
    return (
        f"<html><head>{head}{script}</head><body><nav><a href='/'>Home</a></nav>"
        f"<article>{top}{body}</article></body></html>"
    )


def og(title: str) -> str:
    return f'<meta property="og:title" content="{title}">'


# --- headline ---------------------------------------------------------------------------------
def test_h1_without_the_metadata_tagline() -> None:
    html = page(og("Best Camping Hammocks of 2026, Tested &amp; Reviewed"),
                "<h1>Best Camping Hammocks of 2026</h1>")  # fmt: skip
    assert extract(html, URL).title == "Best Camping Hammocks of 2026"


def test_h1_that_swallowed_a_date_line_gives_way_to_metadata() -> None:
    html = page(og("Top Strategies for Secure Payments"),
                "<h1>Top Strategies for Secure Payments Posted on July 1, 2024 by infuy</h1>")  # fmt: skip
    assert extract(html, URL).title == "Top Strategies for Secure Payments"


def test_h1_with_a_subtitle_is_kept() -> None:
    html = page(og("Pros and Cons of Tiny House Living"),
                "<h1>Pros and Cons of Tiny House Living: Why Live Small?</h1>")  # fmt: skip
    assert extract(html, URL).title == "Pros and Cons of Tiny House Living: Why Live Small?"


@pytest.mark.parametrize("thorough", [True, False])
def test_h1_line_breaks_read_as_spaces(thorough: bool) -> None:
    """The <h1> in capitals is the <title> without its site: case does not matter there."""
    html = page("<title>Weekend Coding Agent | Focus Labs</title>",
                "<h1>WEEKEND<br>CODING<br><span>AGENT</span></h1>")  # fmt: skip
    assert extract(html, URL, thorough=thorough).title == "WEEKEND CODING AGENT"


def test_h1_naming_a_blog_is_not_the_headline() -> None:
    html = page("<title>Progress Report #39</title>", "<h1>Antoyo's Blog</h1>")
    assert extract(html, URL).title == "Progress Report #39"


def test_cut_off_jsonld_headline_completed_from_og_title() -> None:
    full = "We Help 4 Readers Find Solutions (Including One Universal Trick)"
    jsonld = {"@type": "Article", "headline": "We Help 4 Readers Find Solutions (Including"}
    assert extract(page(og(full), jsonld=jsonld), URL).title == full


def test_site_suffix_stripped_from_mojibake_title() -> None:
    html = page(og("How To Get Toddlers To Sleep | JOHNSONâ\x80\x99SÂ®"))
    assert extract(html, "https://www.johnsonsbaby.example/sleep").title == (
        "How To Get Toddlers To Sleep"
    )


def test_short_part_after_a_bar_is_a_section_not_the_headline() -> None:
    html = page(og("How meditation rewires brains | Opinion"))
    assert extract(html, URL).title == "How meditation rewires brains"
    long_part = (
        "Council approves budget | Schools, roads and buses win the most after a long debate"
    )
    assert extract(page(og(long_part)), URL).title == long_part


def test_h1_with_characters_lost_to_an_encoding_gives_way_to_metadata() -> None:
    html = page(og("The Basics Of Event Planning: Beginner&#39;s Guide"),
                "<h1>The Basics Of Event Planning? Beginner? Guide</h1>")  # fmt: skip
    assert extract(html, URL).title == "The Basics Of Event Planning: Beginner's Guide"


def test_h1_that_is_a_question_keeps_its_mark() -> None:
    html = page(og("How Much is Pet Insurance | 2025 Cost Guide for Dogs and Cats"),
                "<h1>How Much is Pet Insurance?</h1>")  # fmt: skip
    assert extract(html, URL).title == "How Much is Pet Insurance?"


def test_section_label_before_the_h1_headline_is_dropped() -> None:
    html = page(og("Best Social Media Agencies in 2025 | Silverback"),
                "<h1><strong>Blog:</strong> Best Social Media Agencies in 2025</h1>")  # fmt: skip
    assert extract(html, URL).title == "Best Social Media Agencies in 2025"


def test_host_name_before_the_title_is_dropped() -> None:
    html = page("<title>davidbau.com Vibe Coding</title>", "<h1>davidbau.com</h1>")
    assert extract(html, "https://davidbau.com/archives/2025/vibe.html").title == "Vibe Coding"


def test_h1_naming_the_blog_before_the_headline_in_the_title_is_not_the_headline() -> None:
    html = page(og("The lean startup") + "<title>Lessons Learned: The lean startup</title>",
                "<h1>Lessons Learned</h1>")  # fmt: skip
    assert extract(html, URL).title == "The lean startup"


def test_site_name_in_brackets_after_the_title_is_dropped() -> None:
    html = page("<title>The Fold-and-Cut Problem (Erik Demaine)</title>",
                "<h1>Erik Demaine's Folding and Unfolding:</h1><h1>The Fold-and-Cut Problem</h1>")  # fmt: skip
    assert extract(html, "https://erikdemaine.org/foldcut").title == "The Fold-and-Cut Problem"


def test_h1_reworded_from_one_of_several_disagreeing_metadata_titles_is_kept() -> None:
    h1 = "After Testing Over 40 Electric Toothbrushes, These Are the Best for Every Need"
    html = page(og("5 Dentist-Backed Electric Toothbrushes To Make Daily Brushing Easier")
                + "<title>The 5 Best Electric Toothbrushes, Tested by Editors</title>",
                f"<h1>{h1}</h1>")  # fmt: skip
    assert extract(html, URL).title == h1


def test_count_of_a_list_left_out_of_the_h1_is_kept() -> None:
    html = page(og("8 Recent Trends in Photography - Herald"),
                "<h1>Recent Trends in Photography</h1>",
                {"@type": "Article", "headline": "Recent Trends in Photography"})  # fmt: skip
    assert extract(html, URL).title == "8 Recent Trends in Photography"


def test_h1_in_capitals_that_is_not_the_metadata_title_is_a_display_line() -> None:
    title = "GAAP Compliance: Applying Accounting Best Practices To Your Business"
    html = page(og(title), "<h1>SUPPORTING GAAP COMPLIANCE</h1>")
    assert extract(html, URL).title == title
    reordered = page(og("Marathon Beginner Plan"), "<h1>BEGINNER MARATHON PLAN</h1>")
    assert extract(reordered, URL).title == "BEGINNER MARATHON PLAN"


def test_h1_naming_the_site_with_its_words_apart_is_not_the_headline() -> None:
    html = page("<title>Reflections on a UI Pipeline | Playful Tones</title>",
                "<h1>Playful Tones</h1>")  # fmt: skip
    assert extract(html, "https://playfultones.com/blog/ui").title == "Reflections on a UI Pipeline"


# --- dates ------------------------------------------------------------------------------------
def tree(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(html)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("By Jane Doe · Updated March 9, 2026 · 5 min read", "2026-03-09"),
        ("Publié le 9 mars 2026 à 10h", "2026-03-09"),
        ("Veröffentlicht am 9. März 2026", "2026-03-09"),
        ("Publicado el 9 de marzo de 2026", "2026-03-09"),
        ("Jane Doe 2024-11-06", "2024-11-06"),
        ("Sept 31, 2025", None),  # no such day
        ("Call 555 0100 for 24 hours", None),
    ],
)
def test_headline_date(line: str, day: str | None) -> None:
    html = (
        f"<html><body><h1>Headline</h1><div><span>{line}</span></div><p>{PROSE}</p></body></html>"
    )
    assert next((d for d, _update in headline_dates(tree(html))), None) == day


def test_headline_date_ignores_scripts_and_far_text() -> None:
    html = (
        "<html><body><h1>Headline</h1><script>var d = 'March 9, 2026';</script>"
        f"<p>{PROSE * 3}</p><p>Archived on March 9, 2026</p></body></html>"
    )
    assert headline_dates(tree(html)) == []


def test_date_under_headline_beats_htmldate_guess_and_keeps_declared_time() -> None:
    html = "<html><body><h1>Headline</h1><p>Published: January 3, 2024</p></body></html>"
    meta = {"article:published_time": "2024-01-03T09:30:00+00:00"}
    assert pick_published("2025-09-15", {}, meta, tree(html)) == "2024-01-03T09:30:00+00:00"


def test_date_under_headline_that_is_the_modification_date_is_not_the_publication() -> None:
    html = "<html><body><h1>Headline</h1><p>Updated December 31, 2024</p></body></html>"
    article = {"dateModified": "2024-12-31T08:00:00Z"}
    assert pick_published("2023-04-07", article, {}, tree(html)) == "2023-04-07"


@pytest.mark.parametrize("thorough", [True, False])
def test_a_copyright_year_is_no_publication_date(thorough: bool) -> None:
    """htmldate reads "© 2025" as 2025-01-01: a day nobody published on."""
    html = page(top="<h1>Council approves budget</h1>").replace(
        "</body>", "<footer><p>© 2025 Herald Media. All rights reserved.</p></footer></body>"
    )
    assert extract(html, URL, thorough=thorough).published is None


def test_extract_reads_date_line() -> None:
    html = page(top="<h1>Council approves budget</h1><p class='meta'>October 14, 2025</p>")
    assert extract(html, URL).published == "2025-10-14"


# --- bylines ----------------------------------------------------------------------------------
def test_person_byline_preferred_over_organisation_author() -> None:
    jsonld = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Cleveland Clinic"}}
    top = '<p class="byline">By <a class="authors" href="/staff/1">Brian Truitt</a></p>'
    assert extract(page(top=top, jsonld=jsonld), URL).authors == ["Brian Truitt"]


def test_organisation_author_kept_when_no_person_is_named() -> None:
    jsonld = {"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Reuters"}}
    assert extract(page(jsonld=jsonld), URL).authors == ["Reuters"]


@pytest.mark.parametrize(
    ("top", "authors"),
    [
        ("<p>Written by John Crenshaw</p>", ["John Crenshaw"]),
        ('<a class="author-name" href="#bio">Tracy Parker, Dietitian</a>', ["Tracy Parker"]),
        ('<a href="/blog/author/mk">Moses Kim and Kate Shokurova</a>', ["Moses Kim and Kate Shokurova"]),
        ('<div class="blog-author"><img src="a.jpg"><h4>Bence Kovács</h4><p>Bence writes'
         " about audio plugins and user interfaces for music software.</p></div>", ["Bence Kovács"]),
        ("<p>By signing up, you agree to our <a href='/p'>Privacy Policy</a></p>", []),
        ("<p>By Monday the committee had voted.</p>", []),
        ('<div class="post-author"><div>Scott Matton</div><div>March 2, 2026</div></div>',
         ["Scott Matton"]),
        ('<div class="author_intro"><a href="/author/yucy/"><p class="sr-only">Yucy Lin</p></a>'
         '<a href="/author/yucy/"><p class="name">Yucy Lin</p></a></div>', ["Yucy Lin"]),
    ],
)  # fmt: skip
def test_bylines_in_page(top: str, authors: list[str]) -> None:
    assert extract(page(top=top), URL).authors == authors


@pytest.mark.parametrize(
    "top",
    [
        '<div class="author-tools"><strong>Text Size</strong></div>',
        '<div class="author-bio"><a href="#bio">Full Bio</a></div>',
        '<div class="author"><a href="/staff/7">NOC Admin</a></div>',
    ],
)
def test_page_widgets_in_author_boxes_are_no_byline(top: str) -> None:
    assert record_authors(extract(page(top=top), URL).authors) == []


def authors_of(top: str, meta_author: str = "", jsonld: dict | None = None) -> list[str]:
    """The record's authors of a page, from the page alone (no trafilatura guess)."""
    html = page(top=top, jsonld=jsonld)
    doc = lxml.html.fromstring(html)
    article = jsonld or {}
    meta = {"author": meta_author} if meta_author else {}
    return record_authors(pick_authors(doc, article, meta, None))


@pytest.mark.parametrize(
    "top",
    [
        # lsc.gov: a menu entry whose class holds "authorities"
        '<ul><li class="authorities-governing-board-actions"><span>Authorities Governing'
        " Board Actions</span></li></ul>",
        '<div class="authorization-link"><span>Payment Gateway Settings</span></div>',
        # publichealth.columbia.edu: a /people/ link in a menu
        '<ul class="menu"><li class="leaf"><a href="/people/current-students">Current'
        " Students</a></li></ul>",
        '<nav><ul><li><a href="/people/alumni">Alumni Relations</a></li></ul></nav>',
        # slashdot: a commenter's "by" line
        '<div id="comments"><div class="details"><span class="by">by Anonymous Coward</span>'
        "</div></div>",
        '<ol class="comment-list"><li><div class="comment-author vcard"><cite>Andre Alexis'
        "</cite> says:</div></li></ol>",
        # coffeechronicler: an author box's description is the author's titles, no name
        '<div class="dynamic-author-description">Licensed Q Arabica Grader, M.A. Journalism</div>',
    ],
)
def test_page_chrome_and_comments_give_no_byline(top: str) -> None:
    assert authors_of(top) == []


@pytest.mark.parametrize(
    ("top", "authors"),
    [
        ('<span class="author">Jane Doe</span>', ["Jane Doe"]),
        ('<div class="td-post-author-name">By Jane Doe</div>', ["Jane Doe"]),
        ('<div class="wp-block-coauthors-is-layout-flow">Jane Doe</div>', ["Jane Doe"]),
        ('<div class="authorbox"><h4>Jane Doe</h4></div>', ["Jane Doe"]),
        ('<p class="ArticleByLine_name">Jane Doe</p>', ["Jane Doe"]),
        ('<div class="author-box"><p>Asser Christensen</p><div class="author-description">'
         "Licensed Q Arabica Grader</div></div>", ["Asser Christensen"]),
        # a story byline beside comments, and a post's comment count in its meta line
        ('<p class="byline">By <a href="/author/jd">Jane Doe</a> <a href="#comments">3'
         ' comments</a></p><div id="comments"><span class="by">by Anonymous Coward</span></div>',
         ["Jane Doe"]),
        ('<span class="author">Jane Doe, MD, FACP</span>', ["Jane Doe"]),
        ('<span class="author">Jane Doe, M.A. Journalism</span>', ["Jane Doe"]),
        ('<span class="author">Jane Doe, Senior Reporter, The Times</span>', ["Jane Doe"]),
    ],
)  # fmt: skip
def test_real_bylines_still_found(top: str, authors: list[str]) -> None:
    assert authors_of(top) == authors


def test_meta_author_of_one_word_with_digits_gives_way_to_the_byline() -> None:
    # rapid7: meta author "Rapid7" (the company) became "Rapid"; the byline names the author
    top = '<a href="/blog/author/spencer-mcintyre/"><div>Spencer McIntyre</div></a>'
    assert authors_of(top, meta_author="Rapid7") == ["Spencer McIntyre"]


@pytest.mark.parametrize(
    ("top", "meta_author", "authors"),
    [
        # classcentral: one link per author, the meta author names the first
        ('<div class="byline"><a href="/report/author/ruima/">Rui Ma</a><span>, </span>'
         '<a href="/report/author/heba/">Heba Ledwon</a><span>, </span>'
         '<a href="/report/author/manoel/">Manoel Cortes Mendez</a><span> &amp;</span>'
         '<a href="/report/author/suparn/">Suparn Patra</a></div>', "Rui Ma",
         ["Rui Ma", "Heba Ledwon", "Manoel Cortes Mendez", "Suparn Patra"]),
        # aihr: "Written by" and three names, the first with a title
        ('<div class="hero-information-author">Written by <span>Dr Marna van der Merwe</span>,'
         " <span>Dr Dieter Veldsman</span>, <span>Erik van Vulpen</span></div>",
         "Marna van der Merwe",
         ["Dr Marna van der Merwe", "Dr Dieter Veldsman", "Erik van Vulpen"]),
        # no metadata: the byline's links
        ('<span>Written by: <ul><li><a href="/authors/emily-walker/">Emily Walker</a></li>'
         '<li><a href="/authors/casey-mcdevitt/">Casey McDevitt</a></li></ul></span>', "",
         ["Emily Walker", "Casey McDevitt"]),
        # an editor's link beside the author's is no co-author
        ('<p><a href="/author/jd">Jane Doe</a> Reviewed by <a href="/author/jr">John Roe</a>'
         "</p>", "", ["Jane Doe"]),
        # a byline naming someone else than the meta author: metadata wins
        ('<p class="byline">By Jane Doe and John Roe</p>', "Mary Major", ["Mary Major"]),
        # credentials after the meta author's name are no co-authors
        ('<span class="author">Jane Doe, RD, LDN</span>', "Jane Doe", ["Jane Doe"]),
    ],
)  # fmt: skip
def test_visible_byline_completes_a_first_author_from_metadata(
    top: str, meta_author: str, authors: list[str]
) -> None:
    assert authors_of(top, meta_author=meta_author) == authors


# --- body text --------------------------------------------------------------------------------
def test_short_lines_need_confirmation() -> None:
    balanced = f"{PROSE}\nShare this\nRead our guide"
    assert confirmed_lines(balanced, ["Read our guide"]) == f"{PROSE}\nRead our guide"
    assert confirmed_lines(balanced, [None]) == balanced


def test_recall_run_taken_when_it_finds_much_more() -> None:
    balanced = PROSE
    recall = f"{PROSE}\n{PROSE} More.\nMenu"
    assert combine(balanced, PROSE, recall) == f"{PROSE}\n{PROSE} More."
    assert combine(balanced, PROSE, f"{PROSE}\nOne more short line") == PROSE


def test_a_short_line_between_two_prose_lines_is_a_subheading() -> None:
    balanced = f"{PROSE}\nWhat the budget pays for\n{PROSE} Two.\nShare this\nRead more"
    assert confirmed_lines(balanced, [PROSE]) == f"{PROSE}\nWhat the budget pays for\n{PROSE} Two."


def test_precision_run_taken_when_it_finds_more() -> None:
    # the precision run kept a list's headings that the balanced run dropped
    heading = "1. Buy in Bulk to Cut Down on Packaging Waste"
    precise = f"{PROSE}\n{heading}\nMenu"
    assert combine(PROSE, precise, None) == f"{PROSE}\n{heading}"
    assert combine(PROSE, f"{PROSE}\nBuy in Bulk", None) == PROSE  # too little to win


def test_recall_run_that_is_a_dump_never_replaces_paragraphs() -> None:
    balanced = f"{PROSE}\n{PROSE} Two."
    dump = " ".join([PROSE] * 8)  # one line: trafilatura's last resort, the whole page
    assert combine(balanced, None, dump) == balanced


def test_recall_run_when_balanced_finds_nothing() -> None:
    assert combine(None, None, PROSE) == PROSE
    assert combine(None, None, None) is None


def test_page_words_bound_leaves_scripts_out() -> None:
    html = "<html><body><p>One two three</p><script>var a = 1; var b = 2;</script></body></html>"
    assert page_words(tree(html)) == 3


def test_recall_skipped_only_when_it_cannot_win() -> None:
    # the body is all article: the balanced text holds more than 1/RECALL_GAIN of the page
    assert extract(page(paragraphs=4), URL).text.count("Paragraph") == 4


def lists_in_unnamed_rows() -> str:
    """A page built of grid rows in a section whose class names no content container (as
    citizensbank.com's is): trafilatura's balanced run then collects the paragraphs and drops
    the lists between them; its recall run keeps them."""
    item = (
        "<li>Step {}: ask yourself why you are budgeting, what goals you are working toward"
        " and what you need this year.</li>"
    )
    rows = "".join(
        f"<div class='grid__row'><div class='grid__col'><p>{PROSE} {k}.</p>"
        f"<p>{PROSE} {k} again.</p><ul>{''.join(item.format(3 * k + i) for i in range(3))}"
        "</ul></div></div>"
        for k in range(3)
    )
    return f"<html><body><div class='wrap'><section class='textblock'>{rows}</section></div></body></html>"


@pytest.mark.parametrize("thorough", [True, False])
def test_a_list_the_balanced_run_dropped_is_kept_by_the_recall_run(thorough: bool) -> None:
    text = extract(lists_in_unnamed_rows(), URL, thorough=thorough).text
    assert "Step 0: ask yourself why you are budgeting" in text
    assert text.count(f"{PROSE} 2 again.") == 1


def test_the_fast_mode_runs_recall_only_where_it_can_win(monkeypatch: pytest.MonkeyPatch) -> None:
    from newscrawl import extraction_text

    focuses: list[str] = []
    real_run = extraction_text.run

    def counting_run(*args: object, **kwargs: object) -> str | None:
        focuses.append(str(args[3]))
        return real_run(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(extraction_text, "run", counting_run)
    extract(page(paragraphs=4), URL, thorough=False)  # all article: recall cannot win
    assert focuses == ["balanced"]
    focuses.clear()
    extract(lists_in_unnamed_rows(), URL, thorough=False)
    assert focuses == ["balanced", "recall"]


def trapped_in_menu(paragraphs: int = 8) -> str:
    """A page whose unclosed header menu button holds the whole article (as cio.com's and
    treehugger.com's markup does): trafilatura drops the menu, finds no text and falls back
    to a dump of the page, one line."""
    body = "".join(f"<p>{PROSE} Paragraph {i}.</p>" for i in range(paragraphs))
    return (
        "<html><head><title>Budget</title></head><body><header><button class='menu-button'>"
        f"<div><main><article><h1>Budget approved</h1>{body}</article></main></div></body></html>"
    )


@pytest.mark.parametrize("thorough", [True, False])
def test_a_dump_of_the_page_gives_way_to_its_paragraphs(thorough: bool) -> None:
    text = extract(trapped_in_menu(), URL, thorough=thorough).text
    paragraphs = text.split("\n\n")
    assert len(paragraphs) == 9
    assert paragraphs[1] == f"{PROSE} Paragraph 0."


def test_a_dump_is_split_where_the_page_paragraphs_end() -> None:
    html = (
        "<html><body><div><h2>Step one here</h2><p>Dig the bed in spring, when the soil is dry."
        "</p><ul><li>A spade and a fork</li><li>Compost, <b>well rotted</b></li></ul></div>"
        "<p>ok</p></body></html>"
    )
    dump = (
        "Step one here Dig the bed in spring, when the soil is dry. Tools: A spade and a fork "
        "Compost, well rotted Was this page helpful?"
    )
    assert split_at_blocks(dump, tree(html)).splitlines() == [
        "Step one here",
        "Dig the bed in spring, when the soil is dry.",
        "Tools:",
        "A spade and a fork",
        "Compost, well rotted",
        "Was this page helpful?",
    ]
