"""Pages with a wrong or missing charset decode right; mojibake in extracted text is repaired."""

from __future__ import annotations

import codecs

import pytest

from newscrawl.extraction import extract
from newscrawl.textfix import decode_body, repair_page, repair_text

FRENCH = (
    "Le président a visité l’usine de Marseille. « C’est un succès », a-t-il déclaré – "
    "une naïve résumé à 5 € près."
)
GERMAN = "Die Bürger in München: „Das größte Straßenfest“ sagt er – 20 € pro Person."
ARABIC = "قال الرئيس إن الحكومة ستعلن خطة جديدة لإعادة بناء المدن التي غمرتها الفيضانات."


def page(text: str, head: str = "") -> str:
    return f"<html><head>{head}<title>T</title></head><body><p>{text}</p></body></html>"


def test_windows_1252_page_served_as_utf8() -> None:
    html = page(FRENCH, '<meta charset="utf-8">')
    assert decode_body(html.encode("cp1252"), "utf-8") == html


def test_windows_1252_page_without_any_declaration() -> None:
    for text in (FRENCH, GERMAN):
        html = page(text)
        assert decode_body(html.encode("cp1252"), None) == html


def test_declared_latin1_is_read_as_windows_1252() -> None:
    html = page(GERMAN)
    assert decode_body(html.encode("cp1252"), "ISO-8859-1") == html  # „ “ – € live in cp1252


def test_meta_charset_used_when_header_is_wrong() -> None:
    html = page(
        ARABIC, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
    )
    assert decode_body(html.encode("cp1256"), "utf-8") == html


def test_utf8_page_declared_latin1_stays_utf8() -> None:
    html = page(ARABIC + " " + FRENCH)
    assert decode_body(html.encode("utf-8"), "iso-8859-1") == html


@pytest.mark.parametrize(
    ("bom", "codec"), [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")]
)
def test_byte_order_mark_wins(bom: bytes, codec: str) -> None:
    html = page(FRENCH)
    assert decode_body(bom + html.encode(codec), "cp1252") == html


def test_undecodable_bytes_never_raise() -> None:
    assert isinstance(decode_body(b"\x81\x8d\x8f\x90\x9d" * 10, "no-such-codec"), str)


@pytest.mark.parametrize("text", [FRENCH, GERMAN, ARABIC])
def test_mojibake_is_repaired_and_clean_text_untouched(text: str) -> None:
    broken = text.encode("utf-8").decode("cp1252", errors="replace")
    if "\ufffd" in broken:  # bytes cp1252 lacks: the way browsers show them is latin-1
        broken = text.encode("utf-8").decode("latin-1")
    assert broken != text
    assert repair_text(broken) == text
    assert repair_text(text) == text


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("All solutions\u00c2 are needed.", "All solutions are needed."),
        ("paperwork.\u00c2\n\nLegalZoom", "paperwork.\n\nLegalZoom"),
        ("1.\u00c2 \u00c2 Myth: all fat is bad", "1.  Myth: all fat is bad"),
        ("any other recommendations?\u00c2", "any other recommendations?"),
    ],
)
def test_the_residue_of_a_mojibake_no_break_space_goes(broken: str, fixed: str) -> None:
    """A site that stored "Â\xa0" (UTF-8 no-break space read as cp1252), after trafilatura made
    the no-break space a plain space: the lone "Â" is left for us to remove."""
    assert repair_text(broken) == fixed


@pytest.mark.parametrize("text", ["ÂGE D'OR", "O CHÂ VERDE", "Âme de la ville", "LÂ"])
def test_a_real_a_circumflex_stays(text: str) -> None:
    assert repair_text(text) == text


def test_extraction_drops_the_residue_of_stored_mojibake_no_break_spaces() -> None:
    sentence = "All solutions\u00c2&nbsp;are needed to reach the goals the world has set itself."
    html = f"<html><body><article><p>{' '.join([sentence] * 5)}</p></article></body></html>"
    text = extract(html, "https://example.org/all-solutions-are-needed").text
    assert "All solutions are needed" in text
    assert "\u00c2" not in text


def test_extraction_repairs_stored_mojibake_whose_c1_controls_the_extractor_drops() -> None:
    """A UTF-8 page whose text was stored double-encoded ("â\x80\x99" for "’", as on
    whitecoatinvestor.com): trafilatura drops the C1 controls, so only the page as a whole can
    be repaired."""
    sentence = "Like most investors, I want to know when I can retire — and how it’s done."
    broken = sentence.encode("utf-8").decode("latin-1")
    assert "\x80" in broken or "\x94" in broken
    html = f"<html><body><article><p>{' '.join([broken] * 5)}</p></article></body></html>"
    text = extract(html, "https://example.org/when-can-i-retire-guide").text
    assert sentence in text
    assert "\u00e2" not in text


def test_only_a_page_with_c1_mojibake_is_repaired_as_a_whole() -> None:
    broken = page("how it’s done — done".encode().decode("latin-1"))
    assert repair_page(broken) == page("how it’s done — done")
    for unchanged in (page(FRENCH), page("a lone C1 control \x85 after a space"), page("plain")):
        assert repair_page(unchanged) is unchanged


def test_extraction_repairs_a_page_stored_with_mojibake() -> None:
    body = " ".join([FRENCH] * 4).encode("utf-8").decode("cp1252")
    html = f"<html><head><title>Un succÃ¨s</title></head><body><article><p>{body}</p></article></body></html>"
    result = extract(html, "https://example.fr/article")
    assert FRENCH in result.text
    assert "Ã" not in result.text
