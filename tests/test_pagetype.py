"""Article detection: hubs never become records; articles need evidence and a body."""

from __future__ import annotations

import pytest

from newscrawl.discovery.pagetype import classify, classify_url
from newscrawl.pagemeta import PageMeta

ARTICLE_META = PageMeta(og_type="article", jsonld_types=["NewsArticle"])


@pytest.mark.parametrize(
    "url",
    [
        "http://express.test/",
        "http://express.test/tag/russia",
        "http://express.test/author/jane-smith",
        "http://express.test/news/world?page=2",
        "http://express.test/category/sport/",
        "http://express.test/search?q=kim",
        "http://express.test/news/page/3",
        "http://express.test/2026/11/",
        "http://express.test/archives/2025/11/",
        "http://express.test/tag/some-long-topic-name-here",
    ],
)
def test_hub_urls_are_never_articles(url: str) -> None:
    verdict = classify(url, ARTICLE_META, word_count=900)
    assert not verdict.is_article
    assert classify_url(url) is not None


@pytest.mark.parametrize(
    "url",
    [  # real article URLs (WCXB pages) that once read as hubs
        "https://www.theatlantic.com/education/archive/2014/04/plato-to-plumbers/361373/",
        "https://www.commercialappeal.com/story/opinion/contributors/2025/11/28/memphis-schools/87654321007/",
        "https://www.edweek.org/leadership/why-hasnt-tutoring-been-more-effective/2025/11",
        "https://svs.gsfc.nasa.gov/4974",  # a page id, not a year
    ],
)  # fmt: skip
def test_article_urls_with_hub_words_or_numbers_are_left_to_the_page(url: str) -> None:
    assert classify_url(url) is None
    assert classify(url, ARTICLE_META, word_count=900).is_article


@pytest.mark.parametrize(
    "url",
    [  # real articles (WCXB pages, og:type article) once dropped as hub_url
        "https://www.outdoorgearlab.com/topics/camping-and-hiking/best-backpacking-gear-list",
        "https://www.techgearlab.com/topics/cool-gadgets/best-electric-scooter",
        "https://example.org/category/news/council-approves-the-new-budget",  # WordPress
        "https://gdevelop.io/page/how-to-make-a-good-game-the-tips-and-mistakes-to-avoid",
    ],
)
def test_a_post_slug_after_a_hub_word_is_an_article_when_the_page_says_so(url: str) -> None:
    assert classify_url(url) is None
    assert classify(url, PageMeta(og_type="article"), word_count=900).is_article
    if "/page/" not in url:  # without the page's word, the hub word stands
        assert classify(url, WEBSITE, word_count=900).reason == "hub_url"
        assert classify(url, PageMeta(), word_count=900).reason == "hub_url"


def test_pagination_and_listing_slugs_stay_hubs() -> None:
    for url in ("http://express.test/page/2/", "http://express.test/tag/russia/page/4",
                "http://express.test/category/world/middle-east"):  # fmt: skip
        assert classify_url(url) is not None


@pytest.mark.parametrize(
    ("meta", "url", "reason"),
    [
        (PageMeta(jsonld_types=["NewsArticle"]), "http://a.test/x", "jsonld"),
        (PageMeta(og_type="article"), "http://a.test/x", "og_type"),
        (PageMeta(), "http://a.test/news/2026/11/kim-visits", "dated_url"),
        (PageMeta(), "http://a.test/news/kim-visits-russian-aircraft-factory", "slug_and_body"),
    ],
)
def test_article_evidence(meta: PageMeta, url: str, reason: str) -> None:
    verdict = classify(url, meta, word_count=300)
    assert verdict.is_article
    assert verdict.reason == reason


def test_short_body_is_not_an_article() -> None:
    assert classify("http://a.test/news/2026/11/x", ARTICLE_META, 12).reason == "short_body"


def test_website_pages_without_article_signal() -> None:
    assert not classify("http://a.test/about-us", PageMeta(og_type="website"), 400).is_article
    assert not classify("http://a.test/contact", PageMeta(), 400).is_article
    hub = PageMeta(jsonld_types=["CollectionPage"])
    assert classify("http://a.test/news/world", hub, 400).reason == "hub_schema"


WEBSITE = PageMeta(og_type="website")  # what Wix, Squarespace, HubSpot, Webflow put on every page
PUBLISHED = {"article:published_time": "2024-03-12T11:15:01-04:00"}


@pytest.mark.parametrize(
    ("url", "meta", "reason"),
    [  # real articles (WCXB pages) once dropped as og_type_website
        ("https://blog.rust-lang.org/2025/12/19/what-do-people-love-about-rust", WEBSITE,
         "dated_url"),
        ("https://sweat.com/blogs/fitness/how-to-use-gym-equipment", WEBSITE, "slug_and_body"),
        ("https://www.splunk.com/en_us/blog/learn/data-analysis-tools.html", WEBSITE, "post_url"),
        ("https://online.stanford.edu/certificate-vs-certification",
         PageMeta(og_type="website", meta_tags=PUBLISHED), "declared_date"),
    ],
)  # fmt: skip
def test_og_type_website_gives_way_to_article_evidence(
    url: str, meta: PageMeta, reason: str
) -> None:
    verdict = classify(url, meta, word_count=600)
    assert verdict.is_article
    assert verdict.reason == reason


@pytest.mark.parametrize(
    "url",
    [  # real articles (WCXB pages) once dropped as no_article_signal
        "https://bytesauna.com/post/proofs-as-types",
        "https://garnix.io/blog/attested-nix-builds",
        "https://www.tryotter.com/blog/restaurant-tips/trends-in-catering",
        "https://www.podium.com/article/plumbing-industry-trends",
    ],
)
def test_post_slug_under_a_blog_path(url: str) -> None:
    assert classify(url, PageMeta(), word_count=300).reason == "post_url"
    assert classify(url, WEBSITE, word_count=300).reason == "post_url"
    assert not classify(url, PageMeta(), word_count=80).is_article  # body under 2 x min_words


@pytest.mark.parametrize("name", ["article:published_time", "datepublished"])
def test_declared_publication_date(name: str) -> None:
    meta = PageMeta(meta_tags={name: "2024-03-12"})
    url = "https://gurussolutions.com/crm-comparison-chart"
    assert classify(url, meta, word_count=300).reason == "declared_date"
    assert classify(url, PageMeta(), word_count=300).reason == "no_article_signal"
    assert not classify(url, meta, word_count=80).is_article


def test_three_word_slug_with_a_long_body() -> None:
    url = "https://mitsloan.mit.edu/ideas-made-to-matter/machine-learning-explained"
    assert classify(url, PageMeta(), word_count=3000).reason == "slug_and_long_body"
    assert classify(url, PageMeta(), word_count=300).reason == "no_article_signal"
    assert classify(url, WEBSITE, word_count=3000).reason == "og_type_website"


def test_tech_and_scholarly_articles_are_article_types() -> None:
    listicle = PageMeta(og_type="article", jsonld_types=["WebPage", "TechArticle", "ItemList"])
    url = "https://www.learningrevolution.net/best-online-course-platforms/"
    assert classify(url, listicle, word_count=900).reason == "jsonld"
    paper = PageMeta(og_type="website", jsonld_types=["ScholarlyArticle"])
    assert classify("https://journal.test/abs/2512.16245", paper, 400).reason == "jsonld"


@pytest.mark.parametrize(
    "path",
    [  # section fronts: og:type website, no date, a short name, a long list of teasers
        "/world/middle-east", "/news/world", "/news/world-us-canada", "/uk-news",
        "/lifeandstyle/food-and-drink", "/middle-east-and-africa", "/blog/engineering",
        "/blog/product-updates", "/stories/", "/blog/science-and-technology",
    ],
)  # fmt: skip
def test_section_fronts_saying_website_stay_hubs(path: str) -> None:
    verdict = classify("https://paper.test" + path, WEBSITE, word_count=1200)
    assert not verdict.is_article
    assert verdict.reason == "og_type_website"


@pytest.mark.parametrize(
    "path", ["/news/world", "/world/middle-east", "/lifestyle/food-and-drink", "/blog/bolmo"]
)
def test_short_names_without_og_type_stay_hubs(path: str) -> None:
    verdict = classify("https://paper.test" + path, PageMeta(), word_count=1200)
    assert verdict.reason == "no_article_signal"
