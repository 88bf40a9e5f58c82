"""Properties: attribute(), resolve_publisher() and clean_authors() never raise on any input,
and what they return keeps its promises (publisher never credited, evidence from the input)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscrawl.attribution import attribute, resolve_publisher
from newscrawl.authors import clean_authors
from newscrawl.cleaning.model import LineKind, RemovedLine
from newscrawl.pagemeta import PageMeta

CREDIT_LINES = [
    "LONDON (Reuters) -", "(AP) —", "Source of data and images: daily-express", "المصدر: وكالات",
    "Quelle: dpa", "Fuente: Europa Press", "Source : Le Monde", "Avec AFP", "(Image: Getty)",
    "Credit: Reuters/Jane Doe", "Foto: dpa", "Reporting by X; Editing by Y", "© 2024 Elrisala",
    "This article originally appeared on The Conversation.", "By JANE SMITH, Associated Press",
    "Photo by Jane Doe on Unsplash", "نقلا عن صحيفة الشرق الأوسط", "Source: https://x.example/a",
]  # fmt: skip
TEXT = st.sampled_from(CREDIT_LINES) | st.text(max_size=120)
URLS = st.sampled_from(
    [
        "https://elrisala.example/a",
        "https://www.express.co.uk/news/1",
        "",
        "not a url",
        "http://[::1",
    ]
) | st.text(max_size=40)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def removed_lines(draw: st.DrawFn) -> list[RemovedLine]:
    kinds = st.sampled_from(list(LineKind))
    return [RemovedLine(draw(TEXT), draw(kinds), "prop") for _ in range(draw(st.integers(0, 6)))]


@st.composite
def pages(draw: st.DrawFn) -> PageMeta:
    maybe = st.none() | TEXT | URLS
    return PageMeta(
        site_name=draw(maybe),
        jsonld_publisher=draw(maybe),
        canonical_link=draw(maybe),
        raw_authors=draw(st.lists(TEXT, max_size=3)),
        is_based_on=draw(maybe),
        source_organization=draw(maybe),
        meta_tags=draw(
            st.dictionaries(
                st.sampled_from(["dc.source", "syndication-source", "x"]), TEXT | URLS, max_size=2
            )
        ),
        links=draw(st.lists(st.tuples(TEXT, URLS), max_size=3)),
        captions=draw(st.lists(TEXT, max_size=3)),
        source_publisher=draw(st.none() | TEXT),
    )


@SETTINGS
@given(removed=removed_lines(), page=pages(), url=URLS)
def test_attribute_never_raises_and_never_credits_the_publisher(
    removed: list[RemovedLine], page: PageMeta, url: str
) -> None:
    publisher = resolve_publisher(page, url)
    result = attribute(removed, page, url=url, publisher=publisher)
    assert isinstance(publisher, str)
    if result.original_source is not None:
        assert result.original_source.casefold() != publisher.casefold()
        assert result.evidence
    texts = {line.text for line in removed}
    assert all(e in texts or e.startswith("meta: ") for e in result.evidence)
    assert len(result.image_credits) == len(set(result.image_credits))


@SETTINGS
@given(raw=st.lists(TEXT | st.sampled_from(["Jane Doe, MS, RD", "By Reuters", "@x"]), max_size=5))
def test_clean_authors_never_raises(raw: list[str]) -> None:
    people, agencies = clean_authors(raw)
    assert all(isinstance(p, str) and p.strip() for p in people)
    assert not {p.casefold() for p in people} & {a.casefold() for a in agencies}
