"""attribute() and resolve_publisher() on removed lines and page metadata (no HTML, no cleaner)."""

from __future__ import annotations

import pytest

from newscrawl.attribution import attribute, resolve_publisher
from newscrawl.cleaning.model import LineKind, RemovedLine
from newscrawl.pagemeta import PageMeta

K = LineKind
URL = "https://elrisala.example/news/2024/06/kim-aircraft-factory"


def line(text: str, kind: LineKind) -> RemovedLine:
    return RemovedLine(text, kind, f"test.{kind.value}")


def run(removed: list[RemovedLine], page: PageMeta | None = None, url: str = URL,
        publisher: str = "Elrisala"):  # fmt: skip
    return attribute(removed, page or PageMeta(), url=url, publisher=publisher)


def test_aggregator_copy_credits_outlet_and_images() -> None:
    caption = line("North Korean leader Kim visited a aircraft factory (Image: Getty)", K.CAPTION)
    credit = line("Source of data and images: daily-express", K.SOURCE_CREDIT)
    cta = line("For more news: Elrisala ، For social communication, follow us on Facebook .", K.CTA)
    result = run([caption, cta, credit])
    assert result.original_source == "Daily Express"
    assert result.image_credits == ["Getty", "Daily Express"]
    assert result.evidence == [caption.text, credit.text]
    assert result.original_url is None


def test_arabic_aggregator_copy() -> None:
    caption = line("زعيم كوريا الشمالية كيم يزور مصنعا للطائرات (الصورة: غيتي)", K.CAPTION)
    credit = line("المصدر: ديلي إكسبريس", K.SOURCE_CREDIT)
    result = run([caption, credit])
    assert result.original_source == "Daily Express"
    assert result.image_credits == ["Getty"]
    assert result.evidence == [caption.text, credit.text]


@pytest.mark.parametrize(
    ("lines", "source"),
    [
        ([("LONDON (Reuters) -", K.DATELINE),
          ("Reporting by Andrew Osborn; Editing by Toby Chopra", K.SOURCE_CREDIT)], "Reuters"),
        ([("Reporting by Andrew Osborn and David Milliken; Editing by Toby Chopra",
           K.SOURCE_CREDIT)], "Reuters"),
        ([("WASHINGTON (AP) —", K.DATELINE)], "Associated Press"),
        ([("By JANE SMITH and JOHN DOE, Associated Press", K.BYLINE)], "Associated Press"),
        ([("Copyright 2024 The Associated Press. All rights reserved.", K.SOURCE_CREDIT)],
         "Associated Press"),
        ([("PARIS (AFP) -", K.DATELINE), ("Avec AFP", K.SOURCE_CREDIT)], "AFP"),
        ([("Berlin (dpa) -", K.DATELINE)], "dpa"),
        ([("Quelle: dpa", K.SOURCE_CREDIT)], "dpa"),
        ([("Mit Material von dpa und Reuters", K.SOURCE_CREDIT)], "dpa"),
        ([("Madrid, 5 mar (EFE).-", K.DATELINE)], "EFE"),
        ([("Fuente: Europa Press", K.SOURCE_CREDIT)], "Europa Press"),
        ([("Source : Le Monde", K.SOURCE_CREDIT)], "Le Monde"),
        ([("القاهرة (رويترز) -", K.DATELINE)], "Reuters"),
        ([("الرياض - واس -", K.DATELINE)], "Saudi Press Agency"),
        ([("نقلا عن صحيفة الشرق الأوسط", K.SOURCE_CREDIT)], "Asharq Al-Awsat"),
        ([("This article originally appeared on The Conversation.", K.SOURCE_CREDIT)],
         "The Conversation"),
        ([("This article is republished from The Conversation under a Creative Commons "
           "license.", K.SOURCE_CREDIT)], "The Conversation"),
        ([("Dieser Artikel erschien zuerst bei Spiegel Online.", K.SOURCE_CREDIT)], "Der Spiegel"),
        ([("Cet article a été initialement publié sur The Conversation.", K.SOURCE_CREDIT)],
         "The Conversation"),
        ([("Source: Kyiv Independent", K.SOURCE_CREDIT)], "Kyiv Independent"),
        ([("Source: some-local-paper", K.SOURCE_CREDIT)], "Some Local Paper"),
    ],
)  # fmt: skip
def test_credit_lines_name_the_original_source(
    lines: list[tuple[str, LineKind]], source: str
) -> None:
    removed = [line(text, kind) for text, kind in lines]
    result = run(removed)
    assert result.original_source == source
    assert result.evidence == [r.text for r in removed]


@pytest.mark.parametrize(
    "lines",
    [
        [],
        [("Related Articles", K.RELATED), ("Read more: Reuters reports on the summit", K.RELATED)],
        [("Follow us on Facebook", K.CTA), ("Back to top button", K.NAVIGATION)],
        [("المصدر: وكالات", K.SOURCE_CREDIT)],
        [("Source: Ministry of Health annual report", K.SOURCE_CREDIT)],
        [("Quelle: Statistisches Bundesamt", K.SOURCE_CREDIT)],
        [("© 2024 Elrisala", K.SOURCE_CREDIT)],
        [("Copyright 2024 Example Media Group Ltd", K.SOURCE_CREDIT)],
        [("Additional reporting by Jane Smith", K.SOURCE_CREDIT)],
        [("Von Hans Müller", K.BYLINE)],
        [("Photo: AFP", K.IMAGE_CREDIT)],
    ],
)
def test_no_credit_without_a_credit_line(lines: list[tuple[str, LineKind]]) -> None:
    assert run([line(text, kind) for text, kind in lines]).original_source is None


def test_publisher_is_never_its_own_original_source() -> None:
    signoff = line("Reporting by Andrew Osborn; Editing by Toby Chopra", K.SOURCE_CREDIT)
    result = run([signoff, line("LONDON (Reuters) -", K.DATELINE)],
                 url="https://www.reuters.com/world/x-2024-06-19/", publisher="Reuters")  # fmt: skip
    assert result.original_source is None
    assert result.evidence == []
    page = PageMeta(canonical_link="https://express.co.uk/news/1", raw_authors=["Daily Express"])
    own = run([line("Source: Express.co.uk", K.SOURCE_CREDIT)], page,
              url="https://www.express.co.uk/news/1", publisher="Express")  # fmt: skip
    assert own.original_source is None


def test_originally_published_beats_contributing_agency() -> None:
    agency = line("Con información de Reuters", K.SOURCE_CREDIT)
    origin = line("Este artículo fue publicado originalmente en El País.", K.SOURCE_CREDIT)
    result = run([agency, origin])
    assert result.original_source == "El País"
    assert result.evidence == [origin.text]


def test_original_url_from_a_body_link_named_in_the_credit_line() -> None:
    credit = line("This article originally appeared on The Conversation.", K.SOURCE_CREDIT)
    page = PageMeta(links=[("Home", "https://elrisala.example/"),
                           ("The Conversation", "https://theconversation.com/"),
                           ("The Conversation", "https://theconversation.com/kim-visit-12345")])  # fmt: skip
    result = run([credit], page)
    assert result.original_url == "https://theconversation.com/kim-visit-12345"


def test_original_url_from_a_link_to_the_credited_domain() -> None:
    credit = line("Source of data and images: daily-express", K.SOURCE_CREDIT)
    page = PageMeta(links=[("Russia", "https://elrisala.example/tag/russia"),
                           ("here", "https://www.express.co.uk/news/world/1234/kim-factory")])  # fmt: skip
    assert (
        run([credit], page).original_url == "https://www.express.co.uk/news/world/1234/kim-factory"
    )


def test_no_original_url_to_an_outlet_not_credited() -> None:
    credit = line("Source: Le Monde", K.SOURCE_CREDIT)
    page = PageMeta(links=[("AFP", "https://www.afp.com/fr/actus/123")])
    assert run([credit], page).original_url is None


@pytest.mark.parametrize(
    ("page", "source", "original_url", "evidence"),
    [
        (PageMeta(is_based_on="https://www.reuters.com/world/kim-visit-2024-06-19/"), "Reuters",
         "https://www.reuters.com/world/kim-visit-2024-06-19/",
         "meta: isBasedOn=https://www.reuters.com/world/kim-visit-2024-06-19/"),
        (PageMeta(source_organization="Agence France-Presse"), "AFP", None,
         "meta: sourceOrganization=Agence France-Presse"),
        (PageMeta(meta_tags={"syndication-source": "https://www.express.co.uk/news/1"}),
         "Daily Express", "https://www.express.co.uk/news/1",
         "meta: syndication-source=https://www.express.co.uk/news/1"),
        (PageMeta(meta_tags={"dc.source": "Kyiv Independent"}), "Kyiv Independent", None,
         "meta: dc.source=Kyiv Independent"),
        (PageMeta(canonical_link="https://www.express.co.uk/news/world/1"), "Daily Express",
         "https://www.express.co.uk/news/world/1",
         "meta: canonical=https://www.express.co.uk/news/world/1"),
        (PageMeta(canonical_link="https://www.unknown-paper.com/story/1"), "Unknown-Paper.com",
         "https://www.unknown-paper.com/story/1", "meta: canonical=https://www.unknown-paper.com/story/1"),
        (PageMeta(raw_authors=["By Reuters"]), "Reuters", None, "meta: author=By Reuters"),
    ],
)  # fmt: skip
def test_metadata_credits(page: PageMeta, source: str, original_url: str | None,
                          evidence: str) -> None:  # fmt: skip
    result = run([], page)
    assert result.original_source == source
    assert result.original_url == original_url
    assert result.evidence == [evidence]


def test_same_site_canonical_and_people_credit_no_one() -> None:
    page = PageMeta(canonical_link="https://www.elrisala.example/news/x", raw_authors=["Jane Doe"],
                    meta_tags={"dc.source": "Elrisala"})  # fmt: skip
    assert run([], page).original_source is None


def test_text_credit_wins_over_metadata_and_metadata_agreeing_is_evidence() -> None:
    credit = line("LONDON (Reuters) -", K.DATELINE)
    page = PageMeta(raw_authors=["Reuters"], canonical_link="https://www.bbc.co.uk/news/x")
    result = run([credit], page)
    assert result.original_source == "Reuters"
    assert result.evidence == [credit.text, "meta: author=Reuters"]


@pytest.mark.parametrize(
    ("text", "kind", "credits"),
    [
        ("Kim at the factory (Image: Getty)", K.CAPTION, ["Getty"]),
        ("Photo: AFP", K.IMAGE_CREDIT, ["AFP"]),
        ("Credit: Reuters/Jane Doe", K.IMAGE_CREDIT, ["Reuters", "Jane Doe"]),
        ("Foto: dpa", K.IMAGE_CREDIT, ["dpa"]),
        ("Crédit photo : Valery Hache / AFP", K.IMAGE_CREDIT, ["Valery Hache", "AFP"]),
        ("Photo by Jane Doe on Unsplash", K.IMAGE_CREDIT, ["Jane Doe", "Unsplash"]),
        ("Getty Images", K.IMAGE_CREDIT, ["Getty"]),
        ("AFP via Getty Images", K.IMAGE_CREDIT, ["AFP", "Getty"]),
        ("Scholz in Berlin (Foto: picture alliance/dpa)", K.CAPTION, ["picture alliance", "dpa"]),
        ("Putin and Kim in Pyongyang (AP Photo/Jane Doe)", K.CAPTION, ["Associated Press", "Jane Doe"]),
        ("El presidente en Madrid (Foto: EFE)", K.CAPTION, ["EFE"]),
        ("تصوير: أحمد علي", K.IMAGE_CREDIT, ["أحمد علي"]),
        ("Protesters in Paris. Photograph: Jane Doe/AFP/File", K.CAPTION, ["Jane Doe", "AFP"]),
        ("The minister at the summit", K.CAPTION, []),
    ],
)  # fmt: skip
def test_image_credits(text: str, kind: LineKind, credits: list[str]) -> None:
    result = run([line(text, kind)])
    assert result.image_credits == credits
    assert result.evidence == ([text] if credits else [])
    assert result.original_source is None


def test_evidence_is_verbatim_and_ordered_as_removed() -> None:
    removed = [
        line("Kim at the factory (Image: Getty)", K.CAPTION),
        line("Related Articles", K.RELATED),
        line("Source: Daily Express", K.SOURCE_CREDIT),
        line("Another view of the plant (Image: Getty)", K.CAPTION),
    ]
    result = run(removed)
    assert result.evidence == [removed[0].text, removed[2].text, removed[3].text]
    assert result.image_credits == ["Getty"]


# --- resolve_publisher --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("page", "url", "publisher"),
    [
        (PageMeta(source_publisher="Elrisala News", site_name="Elrisala"), URL, "Elrisala News"),
        (PageMeta(site_name="Elrisala", jsonld_publisher="Elrisala Media"), URL, "Elrisala"),
        (PageMeta(jsonld_publisher="Elrisala Media"), URL, "Elrisala Media"),
        (PageMeta(site_name="Express.co.uk"), "https://www.express.co.uk/news/1", "Daily Express"),
        (PageMeta(), "https://www.express.co.uk/news/1", "Daily Express"),
        (PageMeta(), "https://www.daily-express.co.uk/news/1", "Daily Express"),
        (PageMeta(), URL, "Elrisala.example"),
        (PageMeta(), "https://news.some-paper.co.uk/a", "Some-Paper.co.uk"),
        (PageMeta(site_name="   "), URL, "Elrisala.example"),
        # a tagline after the name goes; a second name stays; "Blog" names no site
        (PageMeta(site_name="Housecall Pro - The #1 all-in-one solution for home services"),
         URL, "Housecall Pro"),
        (PageMeta(site_name="The Times | The Sunday Times"), URL, "The Times | The Sunday Times"),
        (PageMeta(site_name="Blog", jsonld_publisher="Intuit TurboTax"), URL, "Intuit TurboTax"),
        (PageMeta(site_name="Blog"), URL, "Elrisala.example"),
    ],
)  # fmt: skip
def test_resolve_publisher(page: PageMeta, url: str, publisher: str) -> None:
    assert resolve_publisher(page, url) == publisher


@pytest.mark.parametrize(
    ("site_name", "url", "publisher"),
    [
        # of several parts, the one that matches the domain's name
        ("How to Design a Website: a Complete Guide for 2026 | Clay",
         "https://clay.global/blog/web-design-guide", "Clay"),
        ("Find a Provider Near You - Book Online - Sofia Health",
         "https://sofia-health.com/c/meditation-cost/", "Sofia Health"),
        ("Fermyon • Experience the next wave of cloud computing.",
         "https://www.fermyon.com/blog/startup-lessons", "Fermyon"),
        ("Resy | Right This Way", "https://blog.resy.com/2025/11/nyc", "Resy"),
        ("CNX Software - Embedded Systems News", "https://www.cnx-software.com/2025/12/20/x",
         "CNX Software"),
        ("Office of Career Strategy - Yale University", "https://ocs.yale.edu/job-offers/",
         "Yale University"),
        # no part matches the domain: the name before a long tagline
        ("Wirecutter: Reviews for the Real World", "https://www.nytimes.com/wirecutter/x",
         "Wirecutter"),
    ],
)  # fmt: skip
def test_publisher_part_that_names_the_domain(site_name: str, url: str, publisher: str) -> None:
    assert resolve_publisher(PageMeta(site_name=site_name), url) == publisher


@pytest.mark.parametrize(
    ("page", "url", "publisher"),
    [
        (PageMeta(site_name="Bookkeeping Services Made For Entrepreneurs"),
         "https://www.lessaccounting.com/accounting-software/", "Lessaccounting.com"),
        (PageMeta(site_name="Find a Provider Near You"), "https://sofia-health.com/c/x",
         "Sofia-Health.com"),
        (PageMeta(site_name="Your daily dose of the best deals", jsonld_publisher="Acme Media"),
         "https://acme.example/a", "Acme Media"),
        (PageMeta(site_name="news and views from around the world"), URL, "Elrisala.example"),
        (PageMeta(site_name="/"), "https://www.kaspersky.com/resource-center/x", "Kaspersky.com"),
    ],
)  # fmt: skip
def test_publisher_slogan_unlike_the_domain_is_no_name(
    page: PageMeta, url: str, publisher: str
) -> None:
    assert resolve_publisher(page, url) == publisher


@pytest.mark.parametrize(
    ("site_name", "url"),
    [
        ("the Guardian", "https://www.theguardian.com/world/2024/x"),
        ("BBC News", "https://www.bbc.co.uk/news/x"),
        ("Le Monde.fr", "https://www.lemonde.fr/international/x"),
        ("Süddeutsche Zeitung", "https://www.sueddeutsche.de/politik/x"),
        ("The New York Times", "https://www.nytimes.com/2024/06/01/x.html"),
        ("The Wall Street Journal", "https://www.wsj.com/articles/x"),
        ("Los Angeles Times", "https://www.latimes.com/x"),
        ("British Heart Foundation", "https://www.bhf.org.uk/x"),
        ("Frankfurter Allgemeine Zeitung", "https://www.faz.net/aktuell/x"),
        # real names that do not match their domain and read as no slogan
        ("Mine Health and Safety Administration", "https://www.msha.gov/x"),
        ("Schmid College of Science and Technology", "https://www.chapman.edu/x"),
        ("Human in the Loop", "https://smarterarticles.co.uk/x"),
        ("Website Builder Expert", "https://www.websitebuilderexpert.com/x"),
        ("The Times | The Sunday Times", URL),
    ],
)
def test_publisher_keeps_real_site_names(site_name: str, url: str) -> None:
    expected = "The Guardian" if site_name == "the Guardian" else site_name
    assert resolve_publisher(PageMeta(site_name=site_name), url) == expected


@pytest.mark.parametrize(
    ("page", "url", "publisher"),
    [
        (PageMeta(), "https://nathanbenaich.substack.com/about", "Nathanbenaich.substack.com"),
        (PageMeta(), "https://jane-doe.github.io/posts/x", "Jane-Doe.github.io"),
        (PageMeta(), "https://brianjenney.medium.com/advice-c7cd15f4e06d",
         "Brianjenney.medium.com"),
        (PageMeta(), "https://cooking.blogspot.com/2024/06/x.html", "Cooking.blogspot.com"),
        (PageMeta(), "https://www.substack.com/p/x", "Substack.com"),  # never "www"
        (PageMeta(), "https://medium.com/@jane/x", "Medium.com"),
        # og:site_name and the JSON-LD publisher still come first
        (PageMeta(jsonld_publisher="Marcus on AI"), "https://garymarcus.substack.com/p/x",
         "Marcus on AI"),
        (PageMeta(jsonld_publisher="Learning Loom - Tales of Technology and the Human Spirit"),
         "https://learningloom.substack.com/p/x", "Learning Loom"),
    ],
)  # fmt: skip
def test_publisher_of_a_hosted_blog_is_its_subdomain(
    page: PageMeta, url: str, publisher: str
) -> None:
    assert resolve_publisher(page, url) == publisher


def test_image_credits_from_page_captions() -> None:
    page = PageMeta(captions=[
        "Children read in the new reading room. (Photo: Tom Baker/Valley Times)",
        "Jane Doe/AFP",
        "The minister at the summit in Brussels",
        "Kim at the factory (Image: Getty)",
    ])  # fmt: skip
    caption = line("Kim at the factory (Image: Getty)", K.CAPTION)
    result = run([caption], page)
    assert result.image_credits == ["Getty", "Tom Baker", "Valley Times", "Jane Doe", "AFP"]
    assert result.evidence == [
        caption.text,
        "meta: caption=Children read in the new reading room. (Photo: Tom Baker/Valley Times)",
        "meta: caption=Jane Doe/AFP",
    ]
    assert result.original_source is None


@pytest.mark.parametrize(
    "text",
    [
        "Source: G2",
        "Source: NewVantage Partners",
        "Source: www.backlinko.com",
        "(Source: Power BI Dashboard Templates, AnyInstructor)",
        "Sources: Architectural Digest | Forbes HOME | Angi",
        "Source: Office for National Statistics",
        "Fuente: elaboración propia con datos del INE",
        "Quelle: eigene Recherche",
    ],
)
def test_data_citations_credit_no_outlet(text: str) -> None:
    assert run([line(text, K.SOURCE_CREDIT)]).original_source is None


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A version of this post also appeared in the Orange County Register.",
         "Orange County Register"),
        ("(With inputs from ANI)", "ANI"),
        ("Sources: Reuters, AFP", "Reuters"),
        ("نُشر هذا التقرير أولا في صحيفة الغارديان البريطانية", "The Guardian"),
    ],
)  # fmt: skip
def test_more_credit_forms(text: str, source: str) -> None:
    assert run([line(text, K.SOURCE_CREDIT)]).original_source == source


@pytest.mark.parametrize(
    ("page", "url", "publisher"),
    [
        (PageMeta(source_organization="DigitalOcean Community"),
         "https://www.digitalocean.com/community/tutorials/x", "DigitalOcean"),
        (PageMeta(canonical_link="https://m.economictimes.com/us/life/x/articleshow/1.cms"),
         "https://economictimes.indiatimes.com/us/life/x/articleshow/1.cms", "The Economic Times"),
        (PageMeta(canonical_link="http://os-system-com-blog.ossystem-cluster-1.org/blog/x/"),
         "https://os-system.com/blog/x", "OSSystem Blog"),
        (PageMeta(canonical_link="https://jans-woodworking-projects-blog"),
         "https://blog.of.jan.bechste.in/", "Jan's Blog"),
        (PageMeta(meta_tags={"original-source": "1"}), "https://abduzeedo.com/x", "Abduzeedo"),
    ],
)  # fmt: skip
def test_self_references_and_junk_metadata_credit_no_one(
    page: PageMeta, url: str, publisher: str
) -> None:
    assert run([], page, url=url, publisher=publisher).original_source is None
