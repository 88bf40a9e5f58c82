"""Hard-wrapped page text: newlines and mid-sentence <br> are no paragraph breaks."""

from __future__ import annotations

import lxml.html

from newscrawl.extraction import extract, parse_html
from newscrawl.extraction_text import unwrap_lines

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
