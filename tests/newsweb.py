"""A generated multi-site news web (served by FakeWeb) for distributed crawls and bench/workers.py.

Each host has a start page linking to section hubs, the hubs linking to its articles, an RSS
feed of half of them, and articles that link to two others (one link carries a utm_ tracking
parameter: same canonical URL, another request). The next host republishes ``syndicated`` of
each host's articles word for word under its own URLs (exact duplicates). Texts are seeded
by host and number, so every run of a test or benchmark sees the same web.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from xml.sax.saxutils import escape as xml_escape

from fakeweb import FakeWeb, Reply

VOCAB = [
    "council", "budget", "river", "bridge", "school", "teacher", "protest", "minister",
    "harbour", "ferry", "storm", "power", "grid", "farmer", "market", "price", "election",
    "mayor", "court", "ruling", "hospital", "nurse", "strike", "train", "station", "airport",
    "flight", "tourism", "museum", "festival", "library", "garden", "police", "fire", "brigade",
    "village", "city", "region", "province", "border", "trade", "export", "import", "factory",
    "worker", "union", "wage", "pension", "tax", "road", "tunnel", "water", "drought", "flood",
    "rain", "snow", "winter", "summer", "harvest", "wheat", "coffee", "bank", "loan", "rate",
    "inflation", "housing", "rent", "tenant", "landlord", "student", "university", "research",
    "doctor", "vaccine", "clinic", "football", "league", "coach", "match", "season", "player",
    "stadium", "ticket", "fan", "concert", "theatre", "film", "award", "novel", "author",
    "poet", "painter", "gallery", "bus", "tram", "cycle", "lane", "parking", "permit", "noise",
    "fishery", "coast",
]  # fmt: skip

SECTIONS = 3


def _words(rng: random.Random, n: int) -> list[str]:
    return [rng.choice(VOCAB) for _ in range(n)]


@dataclass
class NewsWeb:
    """``hosts`` sites of ``per_host`` articles each; ``syndicated`` copies per host."""

    hosts: list[str]
    per_host: int = 10
    syndicated: int = 2
    paragraph_words: int = 45
    paragraphs: int = 4
    copies: dict[str, str] = field(default_factory=dict)
    """Republished copy URL -> URL of its original."""

    def __post_init__(self) -> None:
        for i, host in enumerate(self.hosts):
            if len(self.hosts) < 2:
                break
            origin = self.hosts[i - 1]
            for k in range(self.syndicated):
                self.copies[self.copy_url(host, origin, k)] = self.article_url(origin, k)

    # --- URLs -------------------------------------------------------------------------------
    def article_url(self, host: str, k: int) -> str:
        slug = "-".join(_words(random.Random(f"slug/{host}/{k}"), 4))
        return f"http://{host}/2026/12/{1 + k % 28:02d}/{slug}-{k}.html"

    def copy_url(self, host: str, origin: str, k: int) -> str:
        return f"http://{host}/2026/12/01/wire-{origin.split('.')[0]}-story-number-{k}.html"

    def articles(self, host: str) -> list[str]:
        return [self.article_url(host, k) for k in range(self.per_host)]

    @property
    def originals(self) -> set[str]:
        """Every original article URL: the records a complete crawl emits."""
        return {url for host in self.hosts for url in self.articles(host)}

    @property
    def article_pages(self) -> set[str]:
        """Every article page a complete crawl fetches (originals and republished copies)."""
        return self.originals | set(self.copies)

    # --- content ----------------------------------------------------------------------------
    def text(self, url: str) -> list[str]:
        rng = random.Random(f"text/{self.copies.get(url, url)}")
        return [" ".join(_words(rng, self.paragraph_words)).capitalize() + "." for _ in
                range(self.paragraphs)]  # fmt: skip

    def _page(self, title: str, body: str, canonical: str = "", og_type: str = "website") -> str:
        link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
        return (
            f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}"
            f"</title><meta property='og:type' content='{og_type}'>{link}</head><body>"
            "<nav><a href='/'>Home</a> <a href='/section/1/'>News</a></nav>"
            f"{body}<footer>Copyright the publishers</footer></body></html>"
        )

    def _article(self, url: str) -> str:
        host = url.split("/")[2]
        k = self._number(url)
        title = " ".join(self.text(url)[0].split()[:8])
        paras = "".join(f"<p>{escape(p)}</p>" for p in self.text(url))
        n = self.per_host
        related = (
            f"<a href='{self.article_url(host, (k + 1) % n)}'>Next story</a> "
            f"<a href='{self.article_url(host, (k + 2) % n)}?utm_source=related'>More</a>"
        )
        body = (f"<article><h1>{escape(title)}</h1><p class='byline'>By Staff Reporter</p>"
                f"{paras}</article><aside>{related}</aside>")  # fmt: skip
        return self._page(title, body, canonical=url, og_type="article")

    @staticmethod
    def _number(url: str) -> int:
        return int(url.rsplit("-", 1)[1].split(".")[0])

    def _hub(self, host: str, section: int) -> str:
        urls = [u for k, u in enumerate(self.articles(host)) if k % SECTIONS == section - 1]
        urls += [u for u in self.copies if u.split("/")[2] == host]
        urls += [u + "?utm_source=hub" for u in urls[:1]]  # same article, another URL
        links = "".join(f"<li><a href='{u}'>Story {i}</a></li>" for i, u in enumerate(urls))
        return self._page(f"Section {section}", f"<ul>{links}</ul>")

    def _home(self) -> str:
        links = "".join(f"<li><a href='/section/{s}/'>Section {s}</a></li>"
                        for s in range(1, SECTIONS + 1))  # fmt: skip
        return self._page("Home", f"<ul>{links}</ul>")

    def _feed(self, host: str) -> str:
        items = "".join(
            f"<item><title>Story {k}</title><link>{xml_escape(self.article_url(host, k))}</link>"
            "<pubDate>Tue, 01 Dec 2026 06:00:00 GMT</pubDate></item>"
            for k in range(0, self.per_host, 2)
        )
        return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>{host}</title>"
                f"<link>http://{host}/</link>{items}</channel></rss>")  # fmt: skip

    def reply(self, url: str) -> Reply | None:
        """FakeWeb handler: the page at ``url``, or None (404)."""
        host, path = url.split("/")[2], "/" + url.split("/", 3)[3].split("?")[0]
        if path == "/":
            return Reply(self._home().encode())
        if path == "/feed.xml":
            return Reply(self._feed(host).encode(), content_type="application/rss+xml")
        if path.startswith("/section/"):
            section = int(path.strip("/").split("/")[1])
            return Reply(self._hub(host, section).encode()) if section <= SECTIONS else None
        clean = url.split("?")[0]
        if clean in self.article_pages and clean.split("/")[2] == host:
            return Reply(self._article(clean).encode())
        return None

    def install(self, web: FakeWeb, gate: Callable[[], None] | None = None) -> None:
        """Serve every host from ``web``; ``gate()`` runs before each article page is served."""

        def handler(url: str) -> Reply | None:
            if gate is not None and url.split("?")[0] in self.article_pages:
                gate()
            return self.reply(url)

        for host in self.hosts:
            web.handle(f"http://{host}/", handler)

    def sources_toml(self) -> str:
        """A sources file crawling every host through its feed and start page."""
        return "".join(
            f'[[source]]\nname = "{host.split(".")[0]}"\nfeeds = ["http://{host}/feed.xml"]\n'
            f'start_urls = ["http://{host}/"]\nmax_depth = 2\n\n'
            for host in self.hosts
        )
