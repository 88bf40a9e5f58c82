"""Body text: hard-wrapped page text (newlines and mid-sentence <br> are no paragraph breaks),
article parts in blocks whose class holds a boilerplate token."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import lxml.html
import pytest
from lxml import etree

from newscrawl.extraction import extract, make_options, parse_html
from newscrawl.extraction_streamed import reveal_streamed
from newscrawl.extraction_teasers import (
    link_paragraphs,
    teaser_cards,
    teaser_excerpts,
    teaser_lists,
)
from newscrawl.extraction_text import (
    _COLLAPSIBLE,
    PROSE_WORDS,
    _named_accordions,
    body_text,
    drop_repeated_runs,
    prose_divs,
    quote_figures,
    rescue_sections,
    restore_headings,
    text_words,
    unwrap_lines,
)

URL = "https://blog.example/the-beginners-guide-to-gym-equipment"
WRAPPED = (
    "Gym equipment is designed to target different muscle groups, improve<br />\n"
    "cardiovascular health, and enhance overall physical fitness. From cardio<br />\n"
    "machines to strength training equipment, gym equipment comes in a wide<br />\n"
    "variety to cater to the diverse needs and preferences of gym-goers."
)


def text_of(html: str) -> str:
    tree = parse_html(html)
    unwrap_lines(tree)
    return lxml.html.tostring(tree, encoding="unicode")


def test_a_paragraph_hard_wrapped_with_br_comes_out_as_one_paragraph() -> None:
    """WordPress's automatic line breaks of a hard-wrapped post (urgefitness.com): each
    <br> ended a paragraph of the record, mid-sentence."""
    body = "".join(f"<p>{WRAPPED} Part {i}.</p>" for i in range(4))
    text = extract(f"<html><body><article>{body}</article></body></html>", URL).text
    paragraphs = text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("Gym equipment is designed to target different muscle groups,")
    assert "improve cardiovascular health" in paragraphs[0]


def test_a_br_after_a_full_stop_or_before_a_capital_stays() -> None:
    html = "<p>Roses are red.<br>violets are blue<br>Sugar is sweet</p>"
    out = text_of(html)
    assert out.count("<br>") == 2


def test_newlines_in_paragraph_text_become_spaces_but_not_in_pre() -> None:
    html = (
        "<body><p>Part 1 screams HashSet to me. In fact there might have been an even\n"
        "easier way to do it.</p><pre>for x in xs:\n    print(x)</pre></body>"
    )
    out = text_of(html)
    assert "an even easier way" in out
    assert "for x in xs:\n    print(x)" in out


# --- parts of the article in a block whose class holds a boilerplate token -------------------

GUIDE_URL = "https://food.example/2025/11/city-bakeries-guide/"
INTRO = (
    "<p>The city's bakeries had a remarkable year, and we spent the whole autumn visiting "
    "every one of them, from the old family shops to the new sourdough counters downtown.</p>"
    "<p>Below are the twelve places our editors keep returning to, with what to order at each "
    "one and when to arrive before the morning queue gets out of hand.</p>"
)
VENUES = "".join(
    f"<h3>Bakery number {i}</h3><p>Bakery number {i} opened on a quiet corner of the old "
    f"market district and quickly became known for its laminated pastries, its rye loaves "
    f"and a cardamom bun that sells out before nine on most weekday mornings.</p>"
    for i in range(1, 7)
)


def guide_page(venues_block: str, intro: str = INTRO) -> str:
    return (
        "<html><head><title>City bakeries guide</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/guides'>Guides</a></nav>"
        f"<main><div class='post'><h1>The city's best bakeries</h1>{intro}"
        f"{venues_block}</div></main>"
        "<footer><p>Copyright Food Example. All rights reserved.</p></footer></body></html>"
    )


def test_article_sections_in_a_block_named_like_a_footer_are_kept() -> None:
    """A guide's venue list in a block classed "page1-footer" (and an embed holding the rest
    of an article, "w-embed"): trafilatura dropped every venue, the record kept the intro."""
    for name in ("page1-footer", "w-embed"):
        text = extract(guide_page(f"<div class='{name}'>{VENUES}</div>"), GUIDE_URL).text
        assert "Bakery number 6 opened on a quiet corner" in text, name
        assert "twelve places our editors keep returning to" in text


LONG_STORY = "".join(
    f"<p>Part {i} of the story: the bakers start their ovens long before dawn, and by the time "
    f"the first customers arrive the shelves are full of bread that was dough a few hours "
    f"earlier, shaped by hand on long wooden tables.</p>"
    for i in range(12)
)


def test_related_stories_and_hidden_blocks_stay_dropped() -> None:
    """The same prose in a block that names a boilerplate role, or hidden, is not rescued;
    the page's attributes are the same after the extraction."""
    for block in (
        f"<div class='related-posts'>{VENUES}</div>",
        f"<div class='page-footer' style='display: none'>{VENUES}</div>",
    ):
        html = guide_page(block, INTRO + LONG_STORY)
        tree = parse_html(html)
        before = lxml.html.tostring(tree)
        assert rescue_sections(tree) == []
        assert lxml.html.tostring(tree) == before
        assert "Bakery number 6" not in extract(html, GUIDE_URL).text


def test_an_article_made_only_of_blocks_named_like_boilerplate_is_kept() -> None:
    """Every section of the article in a block whose class holds a dropped token (Statamic's
    rich-text "bard" blocks, "bar"): no prose paragraph stood beside any of them, so none was
    rescued and the record kept a few headings."""
    html = guide_page(
        f"<div class='space-y bard'>{INTRO}{LONG_STORY}</div><div class='bard'>{VENUES}</div>", ""
    )
    assert len(rescue_sections(parse_html(html))) == 2
    text = extract(html, GUIDE_URL).text
    assert "twelve places our editors keep returning to" in text
    assert "Bakery number 6 opened on a quiet corner" in text


CHECKLIST = (
    "<ul>"
    + "".join(
        f"<li>Check the starter on day {i}</li><li>Feed it flour and water</li>" for i in range(12)
    )
    + "</ul>"
)


def test_a_block_of_prose_and_lists_named_like_boilerplate_is_kept() -> None:
    """A "bard" block of two prose paragraphs and a long checklist (easy-lms.com): its prose
    was under RESCUE_SHARE of its words, so it was not rescued; its items count as its text."""
    prose = INTRO + LONG_STORY[: LONG_STORY.index("<p>Part 2")]
    html = guide_page(f"<div class='bard'>{prose}{CHECKLIST}</div><div>{LONG_STORY}</div>", "")
    text = extract(html, GUIDE_URL).text
    assert "twelve places our editors keep returning to" in text
    assert "Check the starter on day 11" in text


FAQ = "".join(
    f"<div class='accordion-item'><button class='accordion-title'>Question {i}?</button>"
    f"<div class='accordion-panel' style='display: none' aria-hidden='true'><p>Answer {i}: "
    f"most bakeries start shaping the dough around three in the morning, so the first loaves "
    f"are out of the oven when the doors open at seven.</p></div></div>"
    for i in range(1, 4)
)


def test_collapsed_accordion_answers_are_kept() -> None:
    """An FAQ's answers, hidden until a click (display: none, aria-hidden), are the page's;
    a collapsed menu of links is not."""
    menu = "".join(f"<a href='/guides/{i}'>Guide number {i} of the city</a> " for i in range(9))
    html = guide_page(
        f"<div class='faq-accordion'>{FAQ}</div>"
        f"<div class='navbar-collapse collapse' style='display: none'>{menu}</div>",
        INTRO + LONG_STORY,
    )
    text = extract(html, GUIDE_URL).text
    assert "Answer 3: most bakeries start shaping the dough" in text
    assert "Guide number 4" not in text
    tree = parse_html(html)
    assert {e.get("class") for e, _ in rescue_sections(tree)} == {None}  # popped while hidden
    assert not tree.xpath("//div[@class='accordion-panel']")


def test_a_quotation_set_as_a_figure_is_kept() -> None:
    """A pull quote in <figure><blockquote> (WordPress's quote blocks): trafilatura drops
    every figure; the page keeps its figure after the runs."""
    quote = (
        "<figure class='wp-block-pullquote'><blockquote><p>We bake for the neighbourhood "
        "first and for the guidebooks second, and that is why the queue is out the door every "
        "single Saturday.</p><cite>Ana Ruiz, owner</cite></blockquote></figure>"
    )
    html = guide_page(quote + VENUES)
    tree = parse_html(html)
    assert len(quote_figures(tree)) == 1
    assert "We bake for the neighbourhood first" in (
        body_text(tree, GUIDE_URL, make_options()) or ""
    )
    assert tree.xpath("//figure[@class='wp-block-pullquote']")


def test_a_paragraph_set_as_a_div_is_kept_and_a_sign_up_note_is_not() -> None:
    """A callout whose text sits in a <div> beside the article's paragraphs (softjourn's
    "Updates:" boxes): trafilatura reads divs only on a page with too few <p>, so it was
    lost. A sign-up box's small print (beside its input), a promo asking to subscribe and a
    contributor's bio stay out; the page keeps its divs after the runs."""
    callout = (
        "<div class='special-container'><strong>Updates:</strong> the oldest bakery moved "
        "to a bigger shop on the square in October, and it now bakes twice a day, at dawn and "
        "again at four in the afternoon.</div>"
    )
    signup = (
        "<div class='box'><input type='email'><div>By signing up, you agree to receive "
        "recurring automated messages from the bakery at the number provided. Msg and data "
        "rates may apply.</div></div>"
        "<div>Want the latest openings first? The free weekly bakery letter is the city's top "
        "source for fresh bread news. <a href='/letter'>Subscribe here</a>.</div>"
        "<div class='blog_contributorshortbio'>Ana Ruiz worked in radio for ten years before "
        "she started writing about the city's food, its markets and its oldest bakeries.</div>"
    )
    html = guide_page(callout + VENUES + signup)
    tree = parse_html(html)
    assert [d.get("class") for d in prose_divs(tree)] == ["special-container"]
    text = body_text(tree, GUIDE_URL, make_options()) or ""
    assert "the oldest bakery moved to a bigger shop" in text
    assert "By signing up" not in text
    assert "Want the latest openings first" not in text
    assert "Ana Ruiz worked in radio" not in text
    assert tree.xpath("//div[@class='special-container']")


def test_rescued_attributes_are_put_back_after_the_runs() -> None:
    html = guide_page(f"<div class='page1-footer' id='venues'>{VENUES}</div>")
    saved = rescue_sections(parse_html(html))
    assert [attributes for _, attributes in saved] == [{"class": "page1-footer", "id": "venues"}]
    tree = parse_html(html)
    assert "Bakery number 6 opened" in (body_text(tree, GUIDE_URL, make_options()) or "")
    assert tree.xpath("//div[@class='page1-footer' and @id='venues']")


def test_a_section_printed_twice_is_kept_once() -> None:
    """A section rendered in two hidden variants (desktop and mobile) came out twice, in the
    same order; a short line said twice (a plan's "Rest day") stays."""
    section = "".join(
        f"<h2>Step {i}</h2><p>Step {i} of the remodel: the crew clears the room, checks the "
        f"wiring and plumbing behind the walls and writes down what has to be replaced before "
        f"any new cabinet or tile goes in.</p><p>Rest day.</p>"
        for i in range(1, 4)
    )
    html = (
        "<html><body><main><article><h1>Remodel steps</h1>"
        f"<div class='variant desktop'>{section}</div><div class='variant mobile'>{section}</div>"
        "</article></main></body></html>"
    )
    text = extract(html, "https://build.example/remodel-steps").text
    assert text.count("Step 3 of the remodel") == 1
    assert text.count("Rest day.") >= 3
    assert drop_repeated_runs("A\nRest day.\nB\nRest day.") == "A\nRest day.\nB\nRest day."


# --- teasers of the site's other posts beside the article ------------------------------------

POST_URL = "https://law.example/blog/hurt-at-the-gym/"
STORY = "".join(
    f"<p>Part {i} of the guide: a gym must keep its floors, machines and weights safe, and a "
    f"member who is hurt because staff ignored a broken cable may have a claim even after "
    f"signing the waiver at the front desk.</p>"
    for i in range(8)
)
TEASER = (
    "Navigating the disability claims process can be overwhelming while dealing with a "
    "debilitating condition, and the system is complex, with strict deadlines"
)


def post_page(aside: str) -> str:
    """A page builder's layout (Elementor): the story and the posts widget in sections."""
    return (
        "<html><head><title>Hurt at the gym</title></head><body><div class='elementor'>"
        f"<div class='elementor-section'><div class='elementor-widget-container'>"
        f"<h1>Hurt at the gym</h1>{STORY}</div></div><div class='elementor-section'>"
        f"<div class='elementor-widget-container'>{aside}</div></div></div>"
        "<footer><p>Copyright Law Example.</p></footer></body></html>"
    )


def test_excerpts_of_other_posts_on_teaser_cards_are_left_out() -> None:
    """A posts widget's cards (Elementor's "elementor-post__excerpt"): each card links its post
    twice (title and "Read More"), and its excerpt came out as article paragraphs. A venue
    card of a listicle linking its subject once keeps its excerpt; the page is unchanged."""
    cards = "".join(
        f"<article class='elementor-post post-{i}'><h3><a href='/blog/claim-{i}/'>Claim {i}"
        f"</a></h3><div class='elementor-post__excerpt'><p>{TEASER} number {i}.</p></div>"
        f"<a class='read-more' href='/blog/claim-{i}/'>Read More</a></article>"
        for i in range(2)
    )
    html = post_page(f"<div class='elementor-posts-container'>{cards}</div>")
    tree = parse_html(html)
    before = lxml.html.tostring(tree)
    assert len(teaser_excerpts(tree, POST_URL)) == 2
    text = body_text(tree, POST_URL, make_options()) or ""
    assert "Part 7 of the guide" in text
    assert "disability claims process" not in text
    assert lxml.html.tostring(tree) == before
    venues = "".join(
        f"<article class='venue'><h3><a href='https://book.example/v/{i}'>Venue {i}</a></h3>"
        f"<div class='venue-excerpt'><p>{TEASER} number {i}.</p></div></article>"
        for i in range(3)
    )
    assert teaser_excerpts(parse_html(post_page(f"<div>{venues}</div>")), POST_URL) == []


def assert_left_out(finder: Callable[[Any, str], list[Any]], html: str, count: int) -> None:
    """``finder`` finds ``count`` teasers on ``html``; the text keeps the story, not them."""
    assert len(finder(parse_html(html), POST_URL)) == count
    text = extract(html, POST_URL).text
    assert "Part 7 of the guide" in text
    assert "disability claims process" not in text


def test_dated_teaser_cards_of_other_posts_are_left_out() -> None:
    """A list of the site's latest posts after the article: each card an image and a title
    linking the post, a date and a teaser paragraph, no class naming an excerpt."""
    cards = "".join(
        f"<div class='post-item row'><a class='image' href='/blog/claim-{i}/'></a>"
        f"<div class='copy'><span class='date'>Dec 1{i}, 2025</span><h3 class='title'>"
        f"<a href='/blog/claim-{i}/'>Claim {i}</a></h3><p>{TEASER} number {i}.</p></div></div>"
        for i in range(2)
    )
    assert_left_out(teaser_cards, post_page(f"<div class='post-list'>{cards}</div>"), 2)


def test_an_undated_card_among_dated_cards_of_its_kind_is_left_out() -> None:
    """A sponsored post's card in the list of latest posts shows a label where the others show
    a date; its kind (tag and class) is a dated card's, so it goes with them. Alone, an
    undated card is no teaser (a listicle's items show no date)."""
    dated = "".join(
        f"<div class='post-item row'><a class='image' href='/blog/claim-{i}/'></a>"
        f"<div class='copy'><span class='date'>Dec 1{i}, 2025</span><h3 class='title'>"
        f"<a href='/blog/claim-{i}/'>Claim {i}</a></h3><p>Another post number {i}.</p></div>"
        "</div>"
        for i in range(2)
    )
    sponsored = (
        "<div class='post-item row'><a class='image' href='/blog/partner/'></a>"
        "<div class='copy'><h5>Sponsored Content</h5><h3 class='title'>"
        f"<a href='/blog/partner/'>A partner's post</a></h3><p>{TEASER}.</p></div></div>"
    )
    html = post_page(f"<div class='post-list'>{dated}{sponsored}</div>")
    assert_left_out(teaser_cards, html, 3)
    assert teaser_cards(parse_html(post_page(f"<div>{sponsored}</div>")), POST_URL) == []


def test_a_list_of_teasers_is_left_out_but_a_hub_page_of_them_stays() -> None:
    """Cards of the site's other pages (a heading, a line, a link) after the article go; on a
    page made of such cards (a course catalogue) they are the article and stay."""
    cards = "".join(
        f"<li class='card'><h2><a href='/learn/course-{i}/'>Course {i}</a></h2>"
        f"<p>{TEASER} number {i}.</p></li>"
        for i in range(4)
    )
    assert_left_out(
        partial(teaser_lists, prose_words=PROSE_WORDS),
        post_page(f"<ul class='cards'>{cards}</ul>"),
        4,
    )
    hub = (
        "<html><body><main><h1>Learn</h1><p>Our courses, each written by an expert.</p>"
        f"<ul class='cards'>{cards}</ul></main></body></html>"
    )
    assert teaser_lists(parse_html(hub), "https://law.example/learn/", PROSE_WORDS) == []


def test_a_directory_of_the_sites_pages_set_as_paragraphs_is_left_out() -> None:
    """Paragraphs that are each only a link to another page of the site, one per city
    (cleaningservicesseattle.me), came out as the article's; fewer than LINK_RUN of them, a
    link to another site or a link inside a sentence stay."""
    cities = ("Austin", "Boston", "Chicago", "Dallas", "Denver", "Houston", "Miami", "Omaha")
    cities += ("Phoenix", "Seattle")
    directory = "".join(
        f"<p><a href='/blog/gym-claims-in-{c.lower()}/'><strong>Average Costs for Gym Injury "
        f"Claims in {c} Texas</strong></a></p>"
        for c in cities
    )
    html = post_page(f"<div class='content'>{STORY}{directory}</div>")
    assert len(link_paragraphs(parse_html(html), POST_URL)) == len(cities)
    text = extract(html, POST_URL).text
    assert "Part 7 of the guide" in text
    assert "Gym Injury Claims in Houston" not in text
    few = post_page(f"<div>{directory.split('</p>', 6)[6]}</div>")  # four of them
    assert link_paragraphs(parse_html(few), POST_URL) == []
    elsewhere = directory.replace("href='/blog/", "href='https://other.example/blog/")
    assert link_paragraphs(parse_html(post_page(f"<div>{elsewhere}</div>")), POST_URL) == []
    sentences = directory.replace("</a></p>", "</a> has a guide for you.</p>")
    assert link_paragraphs(parse_html(post_page(f"<div>{sentences}</div>")), POST_URL) == []


PROSE = (
    "Global cloud computing spending is projected to rise from 752 billion dollars in 2024 to"
    " 2.4 trillion dollars in 2030, driven by artificial intelligence and mobile networks."
)
STREAMED = (
    f"<html><body><main><article><p>{PROSE} One.</p>"
    '<!--$?--><template id="B:0"></template><div>Loading paragraph...</div><!--/$-->'
    f"<p>{PROSE} Three.</p></article></main>"
    f'<div hidden id="S:0"><p>{PROSE} Two.</p><template id="P:1"></template></div>'
    f'<div hidden id="S:1"><p>{PROSE} Inner.</p></div>'
    '<script>$RS("S:1","P:1")</script><script>$RC("B:0","S:0")</script></body></html>'
)


def test_parts_of_a_streamed_react_page_are_put_in_their_place() -> None:
    """React's streamed rendering (fool.com): a part comes late in a hidden <div id="S:n">
    that a script moves to its template, replacing the "Loading" fallback; trafilatura saw
    it far from the article and dropped it."""
    paragraphs = extract(STREAMED, URL).text.split("\n\n")
    assert [p.removeprefix(PROSE) for p in paragraphs] == [" One.", " Two.", " Three."]


def test_a_template_inside_a_streamed_part_is_left_alone() -> None:
    tree = parse_html(STREAMED)
    reveal_streamed(tree)
    html = lxml.html.tostring(tree, encoding="unicode")
    for gone in ("Loading", 'id="S:0"', 'id="B:0"'):  # moved, the fallback dropped
        assert gone not in html
    for kept in ('id="S:1"', 'id="P:1"'):  # its place came inside a part: not moved
        assert kept in html


def test_a_collapsed_panel_under_a_toggle_heading_is_kept() -> None:
    """WAI-ARIA's accordion, ``<h3><button aria-expanded>`` and the panel after it, with no
    accordion in any class (runnersworld's buying advice, hidden until a click); a menu after
    a toggle heading still goes."""
    panels = "".join(
        f"<div class='css-p1fz9n'><h3><button aria-expanded='false'>How to pick shoe {i}</button>"
        f"</h3><div class='css-1k075w5' hidden aria-hidden='true'><p>Advice {i}: a daily "
        f"trainer should feel comfortable from the first run, with room for the toes to splay "
        f"and no pinching at the heel.</p></div></div>"
        for i in range(1, 4)
    )
    menu = "".join(f"<a href='/guides/{i}'>Guide number {i} of the city</a> " for i in range(9))
    html = guide_page(
        panels + "<h3><button aria-expanded='false'>Guides</button></h3>"
        f"<div class='menu-panel' aria-hidden='true'>{menu}</div>",
        INTRO + LONG_STORY,
    )
    text = extract(html, GUIDE_URL).text
    assert "Advice 3: a daily trainer should feel comfortable" in text
    assert "Guide number 4" not in text


@pytest.mark.parametrize(
    "names",
    [
        [("FAQ-Section", "a"), ("content", "Collapsible"), ("nav", "b"), ("x", "main-accordion")],
        [("Häufige-FAQ", "a"), ("menü", "b"), ("collapſe", "c"), ("ACCORDION-ü", "d")],
        [("İİİİİİ", "a"), ("faq", "b"), ("plain", "c"), ("COLLAPS", "faq\nfaq")],
        [("nothing", "a"), ("here", "b")],
    ],
)
def test_accordion_names_are_found_as_one_search_of_every_class_and_id_would(
    names: list[tuple[str, str]],
) -> None:
    """The class and id values are searched as one string (lower-cased when it is ASCII; as
    it is otherwise: "ſ" matches "s" case-insensitively, "İ" lower-cases to two characters):
    the same elements, in document order, as searching each element's class and id, the
    body's own names not among them."""
    inner = "".join(f"<div class='{c}' id='{i}'><p>Block</p></div>" for c, i in names)
    html = f"<html><body class='faq-body'><div>{inner}</div></body></html>"
    body = parse_html(html).find(".//body")
    by_element = [
        e
        for e in body.iterdescendants()
        if isinstance(e.tag, str)
        and any(_COLLAPSIBLE.search(e.get(k) or "") for k in ("class", "id"))
    ]
    assert _named_accordions(body) == by_element
    assert len(by_element) == sum(any(_COLLAPSIBLE.search(v) for v in pair) for pair in names)


def test_subheadings_the_runs_dropped_are_put_back_between_kept_paragraphs() -> None:
    """trafilatura's paragraph fallback keeps no heading (insurancebusinessmag's sections):
    a heading (or a run of them) goes back before the paragraph under it when the one above
    it is in the text; one at the text's edge (a widget's title), or already part of a line,
    does not."""
    one, two, three = (
        f"Paragraph {n} tells how the bakery grew from a single oven to three shops."
        for n in ("one", "two", "three")
    )
    html = (
        f"<html><body><div><h2>Latest news</h2><p>{one}</p><h2>The first oven</h2>"
        f"<h3>What it baked</h3><p>{two}</p>"
        f"<h3>Paragraph three tells</h3><p>{three}</p><h3>More stories</h3>"
        "<ul><li>A short teaser</li></ul></div></body></html>"
    )
    text = f"{one}\n{two}\nParagraph three tells {three}"
    assert restore_headings(text, parse_html(html)).splitlines() == [
        one,
        "The first oven",
        "What it baked",
        two,
        f"Paragraph three tells {three}",
    ]


def test_text_words_counts_what_a_reader_sees_as_the_xpath_did() -> None:
    """text_words walks the tree in Python; it counts the words of the text nodes XPath's
    ``.//text()[not(ancestor::script or ancestor::style or ...)]`` finds, tails included."""
    html = (
        "<html><body>one <b>two three</b> four<script>var no = 1;</script> five"
        "<!-- not a word --> six<noscript><p>no no</p></noscript><template>no</template>"
        "<div><style>.no {}</style>seven <i>eight</i></div> nine</body></html>"
    )
    tree = parse_html(html)
    words = etree.XPath(
        ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
        " or ancestor::template)]"
    )
    for element in tree.iter(etree.Element):
        assert text_words(element) == sum(len(t.split()) for t in words(element)), element.tag
    assert text_words(tree.find("body")) == 9
    assert text_words(tree.find(".//noscript/p")) == 0  # under a noscript, however deep
