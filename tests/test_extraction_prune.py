"""Page parts pruned from trafilatura's runs: dialogs, blocks named as disclosures, tooltips,
consent forms or author boxes, calls to action (teasers of other posts: test_extraction_text)."""

from __future__ import annotations

import lxml.html

from newscrawl.extraction import extract, make_options, parse_html
from newscrawl.extraction_prune import PRUNE_MARK, named_parts
from newscrawl.extraction_text import body_text

URL = "https://food.example/2025/11/city-bakeries-guide/"
STORY = "".join(
    f"<p>Part {i} of the story: the bakers start their ovens long before dawn, and by the time "
    f"the first customers arrive the shelves are full of bread that was dough a few hours "
    f"earlier, shaped by hand on long wooden tables.</p>"
    for i in range(8)
)


def cards(host: str = "https://food.example", n: int = 4) -> str:
    return "".join(
        f"<div class='post-card'><a href='{host}/2025/10/story-{i}/'><h4 class='post-card-title'>"
        f"Story number {i} from the archive</h4></a><div class='post-card-subtitle'><p>A short "
        f"blurb about the bakery story number {i}, with a lazy image above it.</p></div>"
        f"<div>Dec {i}, 2025 ⋅ 7 min read</div></div>"
        for i in range(n)
    )


def page(article: str, after: str = "") -> str:
    return (
        "<html><head><title>City bakeries</title></head><body>"
        f"<main><div class='content'><h1>The city's bakers</h1>{article}"
        f"<div id='recent-posts'><div class='post-list'>{after}</div></div></div></main>"
        "<footer><p>Copyright Food Example.</p></footer></body></html>"
    )


REPUBLISH = (
    "<div class='widget republication_tracker_tool'><div id='republish-modal' "
    "style='display:none;' role='dialog' aria-modal='true'><p>We are happy for our stories "
    "to be shared, and encourage you to republish our articles for your audience, as long as "
    "you credit us and link back to the original story.</p><p>Please make sure to include a "
    "link back to either our home page or the article URL, and do not edit the story.</p>"
    "</div></div>"
)


def test_a_hidden_dialog_inside_a_wrapper_trafilatura_would_drop_is_pruned() -> None:
    """A republishing dialog in a sidebar of the article, whose wrapper's class holds
    "sidebar" ("sidebar-layout"): trafilatura would prune nothing of the article (its guard
    against removing almost all the text), so it kept the hidden dialog."""
    html = (
        "<html><body><main><article class='post'><div class='sidebar-layout'>"
        f"<div class='sidebar-wrap'><div class='sidebar'>{REPUBLISH}</div></div>"
        f"<div class='entry-content'><h1>The city's bakers</h1>{STORY}</div></div></article>"
        "</main></body></html>"
    )
    text = extract(html, URL).text
    assert "Part 7 of the story" in text
    assert "republish our articles" not in text


def test_a_name_that_lower_cases_longer_does_not_shift_the_parts_found() -> None:
    """Class names are searched lower-cased and as one string: a Turkish "İletişim" (its "İ"
    lower-cases to two characters) before a popup neither moves the match to another element
    nor past the last one."""
    turkish = "".join(
        f"<li class='İletişim-İçerik-{i}'><a href='/{i}'>Bölüm {i}</a></li>" for i in range(3)
    )
    popup = "<div class='x'><div class='modal'><p>Subscribe to read more.</p></div></div>"
    tree = parse_html(page(f"<ul>{turkish}</ul>" + STORY + popup))
    assert [e.get("class") for e in named_parts(tree)] == ["modal"]


def test_disclosures_tooltips_and_author_boxes_are_pruned() -> None:
    """Blocks named as a disclosure, a tooltip (a glossary term's bubble inside a sentence)
    or an author box; a wrapper of the whole page with such a name is no part."""
    tooltip = (
        "<p>Search <dfn>rankings</dfn><span class='term-tooltip'>Rankings in SEO refers to a "
        "position in the results page. Learn more</span> are now only directional indicators "
        "rather than definitive measures of success for most of the bakeries we talked to.</p>"
    )
    disclosure = (
        "<div class='dcom-c-disclosure'><p>All investing is subject to risk, including the "
        "possible loss of the money you invest. Past performance is no guarantee of future "
        "returns.</p></div>"
    )
    author = (
        "<div class='author-box'><p>Jane Doe has covered food and drink for the paper for "
        "twelve years and writes the weekly column on bread.</p></div>"
    )
    text = extract(page(STORY + tooltip + disclosure + author), URL).text
    assert "are now only directional indicators" in text
    assert "Rankings in SEO refers" not in text
    assert "All investing is subject to risk" not in text
    assert "Jane Doe has covered food" not in text
    whole = f"<html><body><div class='disclaimer-wrap'>{STORY}</div></body></html>"
    assert named_parts(parse_html(whole)) == []


def test_divi_calls_to_action_promo_bars_and_small_banners_are_pruned() -> None:
    """Boxes named as a call to action, a promo or a banner (Divi's "et_pb_cta_0", a shipping
    "promo-bar", a "borderedBanner" pitch) go; a layout wrapper with the token around the
    whole article ("above-cta"), a heading whose id is its slug and role="banner" (the page's
    header landmark) are no such box."""
    boxes = (
        "<div class='et_pb_module et_pb_cta_0'><h3>Sell your bakery</h3><p>Get a free valuation "
        "of your business from our brokers today.</p></div>"
        "<div class='promo-bar'><span>Free standard shipping on orders $40+ for a while.</span>"
        "</div><div class='CMSRichComponent_borderedBanner__e4Olj'><p>Interested in our "
        "services? Ask our team for a quote.</p></div>"
    )
    text = extract(page(STORY[: len(STORY) // 2] + boxes + STORY[len(STORY) // 2 :]), URL).text
    assert "Part 7 of the story" in text
    for gone in ("free valuation", "Free standard shipping", "Ask our team"):
        assert gone not in text
    layout = f"<html><body><div class='above-cta'>{STORY}</div></body></html>"
    assert named_parts(parse_html(layout)) == []
    slug = f"<html><body>{STORY}<h2 id='why-a-cta-works'>Why a CTA works</h2>{STORY}</body></html>"
    assert named_parts(parse_html(slug)) == []
    header = f"<html><body><div role='banner'><p>Food Example</p></div>{STORY}</body></html>"
    assert named_parts(parse_html(header)) == []


def test_call_to_action_and_promotion_blocks_are_pruned() -> None:
    """A block whose class names a call to action or a promotion ("inline-cta", "promo-bar")
    or no content ("nocontent") is pruned; a wrapper named for its place above the call to
    action ("above-cta") and a button link with a "cta" class inside the story stay."""
    pitch = (
        "<div class='container inline-cta'><p class='cta-content'>Thinking of selling your "
        "bakery? Get a free, individually tailored valuation and readiness assessment from "
        "our team of brokers today.</p><a href='/valuation/'>Get my valuation</a></div>"
    )
    promo = (
        "<div class='promo-bar'><p>Score free shipping on qualifying orders of flour and "
        "yeast, and see our shipping rates and timelines for more information.</p></div>"
    )
    sidebar = (
        "<div class='nocontent sb-update'><p>Get better results with a skillfully applied "
        "customer-first marketing strategy from the agency behind this magazine.</p></div>"
    )
    button = (
        "<p>The bakers' guild lists every member bakery on its website, and readers can "
        "<a class='cta-link' href='/guild/'>visit the guild</a> to find one near them.</p>"
    )
    html = page(f"<div class='above-cta'>{STORY}{button}</div>{pitch}{promo}{sidebar}")
    text = extract(html, URL).text
    assert "Part 7 of the story" in text
    assert "visit the guild" in text
    assert "Thinking of selling your bakery" not in text
    assert "Score free shipping" not in text
    assert "customer-first marketing strategy" not in text


def test_embedded_posts_and_citation_lists_are_pruned_a_note_marker_stays() -> None:
    """An embedded tweet (a "twitter-tweet" blockquote) and a list of citations (a block
    named "citation-container", an ordered list named "…_citations") are pruned; an inline
    span named "citation-wrapper" around a sentence's last word and its note number stays
    with the sentence."""
    tweet = (
        "<blockquote class='twitter-tweet'><p>This is the ugliest but potentially the most "
        "important loaf of bread I have baked this year, and I have baked many.</p>"
        "&mdash; A Baker (@baker) <a href='https://twitter.com/baker/status/1'>May 1</a>"
        "</blockquote>"
    )
    sources = (
        "<div class='citation-container'><div class='citation-title'>Citations</div><ol>"
        "<li>Bakers Guild. (April 23, 2025) Annual Report on the City's Bakeries 2024. "
        "https://guild.example/reports/2024.pdf</li><li>City Statistics Office. (2025). "
        "Small Food Businesses Data Book. https://stats.example/data-book-2024.pdf</li></ol></div>"
        "<section><h2>Article Sources</h2><ol class='Footnotes_citations__x1'><li>Flour Mills "
        "Association. “Milling Report 2025: Prices and Supply.” https://mills.example/report. "
        "Accessed 4 Nov. 2025.</li></ol></section>"
    )
    marked = (
        "<p>The city counts more bakeries every year, and the guild says most of them now "
        "bake through the night to keep up with their <span class='citation-wrapper'>"
        "customers.<span class='citation'>1</span></span></p>"
    )
    text = extract(page(STORY + marked + tweet + sources), URL).text
    assert "Part 7 of the story" in text
    assert "keep up with their customers." in text
    assert "ugliest but potentially" not in text
    assert "Annual Report on the City's Bakeries" not in text
    assert "Milling Report 2025" not in text


def test_pruned_parts_are_marked_only_during_the_runs() -> None:
    """A dialog and a list of teaser cards (marked by body_text too) are pruned from the
    runs; the page is as it was afterwards, marks gone."""
    html = page(STORY + "<div class='modal newsletter'><p>Join us now.</p></div>", cards())
    tree = parse_html(html)
    before = lxml.html.tostring(tree)
    assert len(named_parts(tree)) == 1
    text = body_text(tree, URL, make_options()) or ""
    assert "Part 7 of the story" in text
    assert "Join us now" not in text
    assert "A short blurb about the bakery story" not in text
    assert lxml.html.tostring(tree) == before
    assert not tree.xpath(f"//*[@{PRUNE_MARK}]")
