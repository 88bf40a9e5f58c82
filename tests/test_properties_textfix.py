"""Properties of page decoding on arbitrary bytes and declarations: never raises, keeps UTF-8."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscrawl.textfix import decode_body, repair_text

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DECLARED = st.none() | st.sampled_from(["utf-8", "UTF8", "latin-1", "windows-1256", "koi8-r",
                                        "utf-16", "no-such", "", " ", "x" * 300])  # fmt: skip
HEADS = st.sampled_from([b"", b'<meta charset="utf-16">', b'<?xml version="1.0" encoding="ebcdic"?>',
                         b"\xef\xbb\xbf", b"\xff\xfe", b'<meta charset="bogus">'])  # fmt: skip


@SETTINGS
@given(head=HEADS, body=st.binary(max_size=300), declared=DECLARED)
def test_decode_body_never_raises(head: bytes, body: bytes, declared: str | None) -> None:
    assert isinstance(decode_body(head + body, declared), str)


@SETTINGS
@given(text=st.text(max_size=200), declared=DECLARED)
def test_valid_utf8_reads_as_itself_whatever_is_declared(text: str, declared: str | None) -> None:
    if text.startswith("\ufeff"):
        text = text[1:]  # a leading BOM is a BOM, not text
    assert decode_body(text.encode("utf-8"), declared) == text


@SETTINGS
@given(text=st.text(max_size=200))
def test_repair_text_never_raises(text: str) -> None:
    assert isinstance(repair_text(text), str)
