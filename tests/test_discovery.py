"""Feed, sitemap and robots.txt parsing, and safety against XML bombs."""

from __future__ import annotations

import gzip

import pytest

from newscrawl.discovery.feeds import language_code, parse_feed, to_iso
from newscrawl.discovery.sitemaps import parse_sitemap, sitemaps_from_robots
from newscrawl.discovery.xmlsafe import XMLError, maybe_gunzip, root_name

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Express</title><language>en-gb</language>
<item><title>Kim visits Russia</title><link>http://express.test/news/2026/11/kim</link>
<pubDate>Mon, 23 Nov 2026 10:00:00 +0000</pubDate></item>
<item><title>Relative</title><link>/news/2026/11/rel</link></item>
<item><title>Guid only</title><guid isPermaLink="true">http://express.test/g</guid></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
<entry><title>Titre</title><link rel="alternate" href="http://lemonde.test/a"/>
<published>2026-11-23T08:30:00Z</published></entry>
<entry><title>Commentaires</title><link rel="replies" href="http://lemonde.test/c"/>
<link href="http://lemonde.test/b"/></entry>
</feed>"""

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>http://elrisala.test/2026/11/kim</loc>
<news:news><news:publication><news:name>Elrisala</news:name><news:language>ar</news:language>
</news:publication><news:publication_date>2026-11-23T09:00:00+00:00</news:publication_date>
<news:title>Kim in Russia</news:title></news:news></url>
<url><loc>http://elrisala.test/2026/11/other</loc><lastmod>2026-11-22</lastmod></url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>http://elrisala.test/sitemap-news.xml</loc></sitemap>
<sitemap><loc>http://elrisala.test/sitemap-2.xml.gz</loc></sitemap>
</sitemapindex>"""

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>&lol3;&xxe;</title><link>http://a.test/x</link></item>
</channel></rss>"""


def test_rss_entries_with_hints() -> None:
    entries = parse_feed(RSS, "http://express.test/feed/")
    assert [e.url for e in entries] == [
        "http://express.test/news/2026/11/kim",
        "http://express.test/news/2026/11/rel",
        "http://express.test/g",
    ]
    assert entries[0].hints() == {
        "title": "Kim visits Russia",
        "published": "2026-11-23T10:00:00+00:00",
        "language": "en",
    }


def test_atom_entries_prefer_alternate_links() -> None:
    entries = parse_feed(ATOM, "http://lemonde.test/atom.xml")
    assert [e.url for e in entries] == ["http://lemonde.test/a", "http://lemonde.test/b"]
    assert entries[0].published == "2026-11-23T08:30:00+00:00"
    assert entries[0].language == "fr"


def test_not_a_feed_is_an_error() -> None:
    with pytest.raises(XMLError, match="not a feed"):
        parse_feed(NEWS_SITEMAP, "http://x.test/")
    with pytest.raises(XMLError):
        parse_feed(b"<html><body>hello</body></html>", "http://x.test/")


def test_entity_bomb_and_external_entities_are_never_expanded() -> None:
    entries = parse_feed(BOMB, "http://a.test/feed")
    assert [e.url for e in entries] == ["http://a.test/x"]
    title = entries[0].title or ""
    assert "lollol" not in title
    assert "root:" not in title


def test_news_sitemap_hints() -> None:
    entries = list(parse_sitemap(NEWS_SITEMAP, "http://elrisala.test/sitemap-news.xml"))
    assert [e.url for e in entries] == [
        "http://elrisala.test/2026/11/kim",
        "http://elrisala.test/2026/11/other",
    ]
    assert entries[0].hints() == {
        "title": "Kim in Russia",
        "published": "2026-11-23T09:00:00+00:00",
        "language": "ar",
    }
    assert entries[1].lastmod == "2026-11-22T00:00:00"
    assert not entries[0].is_sitemap


def test_unreadable_hints_are_left_out_not_passed_on() -> None:
    """A record's ``published`` is ISO 8601 and its ``language`` an ISO 639-1 code: a news
    sitemap's date or language tag that is neither gives no hint at all."""
    body = NEWS_SITEMAP.replace(b"2026-11-23T09:00:00+00:00", b"30/11/2026 08:00").replace(
        b"<news:language>ar<", b"<news:language>arabic<"
    )
    (entry, _) = parse_sitemap(body, "http://elrisala.test/sitemap-news.xml")
    assert entry.hints() == {"title": "Kim in Russia"}
    feed = RSS.replace(b"<language>en-gb<", b"<language>English<")
    assert parse_feed(feed, "http://express.test/feed/")[0].hints() == {
        "title": "Kim visits Russia",
        "published": "2026-11-23T10:00:00+00:00",
    }


@pytest.mark.parametrize(
    ("tag", "code"),
    [("en-gb", "en"), ("fr_FR", "fr"), ("zh-Hant-TW", "zh"), ("AR", "ar"), (" de ", "de"),
     ("english", None), ("eng", None), ("", None), (None, None)],
)  # fmt: skip
def test_language_tags_give_iso_639_1_codes(tag: str | None, code: str | None) -> None:
    assert language_code(tag) == code


def test_sitemap_index_and_gzip() -> None:
    entries = list(parse_sitemap(gzip.compress(INDEX), "http://elrisala.test/sitemap.xml.gz"))
    assert all(e.is_sitemap for e in entries)
    assert entries[1].url == "http://elrisala.test/sitemap-2.xml.gz"


def test_large_sitemap_streams_every_entry() -> None:
    urls = b"".join(b"<url><loc>http://big.test/a/%d</loc></url>" % i for i in range(50_000))
    body = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + urls + b"</urlset>"
    count = sum(1 for _ in parse_sitemap(body, "http://big.test/sitemap.xml"))
    assert count == 50_000


def test_gzip_bomb_is_bounded() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * (2 * 1024 * 1024))
    with pytest.raises(XMLError, match="exceeds"):
        maybe_gunzip(bomb, max_size=1024 * 1024)


def test_robots_sitemap_lines() -> None:
    robots = "User-agent: *\nDisallow: /private/\nSitemap: /sitemap_index.xml\nsitemap: http://a.test/s2.xml\n"
    assert sitemaps_from_robots(robots, "http://a.test/robots.txt") == [
        "http://a.test/sitemap_index.xml",
        "http://a.test/s2.xml",
    ]


def test_root_name() -> None:
    assert root_name(RSS) == "rss"
    assert root_name(ATOM) == "feed"
    assert root_name(INDEX) == "sitemapindex"
    assert root_name(b"not xml") == ""


def test_to_iso() -> None:
    assert to_iso("Tue, 24 Nov 2026 05:43:00 GMT") == "2026-11-24T05:43:00+00:00"
    assert to_iso("2026-11-24") == "2026-11-24T00:00:00"
    assert to_iso("yesterday") is None
