"""The throughput benchmark's web: WCXB pages at their URLs plus per-copy variants, on FakeWeb.

Page 0..792 of a run are the 793 WCXB dev article pages at their own URLs (``https``
rewritten to ``http``: the loopback proxy speaks plain HTTP; the two pages without a URL get
``http://wcxb-nourl.test/<id>/``). Page ``n >= 793`` is copy ``k = n // 793`` of real page
``n % 793`` at the same URL plus ``?nc_copy=k``: its rel=canonical and og:url point to that
URL, and in every text run of 12+ words about half of the adjacent word pairs are swapped
(seeded by ``n``). Markup, boilerplate and short lines stay as they were, so extraction,
cleaning and template learning do the same work; the body's 4-word shingles change, so the
near-duplicate stage does not collapse the copies onto the original. Variants are made once
into ``bench/results/pages/`` (gzip, gitignored) and served from there.

Every host also serves ``/nc-bench-sitemap.xml`` listing its pages of the run (the full
crawl's seeds); robots.txt is a 404 on every host (everything allowed).
"""

from __future__ import annotations

import gzip
import json
import multiprocessing
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared/evaldata/wcxb-dev-articles/dev"
PAGES_DIR = ROOT / "bench/results/pages"
SITEMAP_PATH = "/nc-bench-sitemap.xml"

_TEXT_RUN = re.compile(r">([^<>]{60,})<")
_CANONICAL = re.compile(
    r"<link\b[^>]*\brel=[\"']?canonical\b[^>]*>|<meta\b[^>]*\bproperty=[\"']og:url[\"'][^>]*>",
    re.IGNORECASE,
)
_HREF = re.compile(r"\b(href|content)=([\"'])[^\"']*\2", re.IGNORECASE)


@dataclass(frozen=True)
class Corpus:
    """The real pages: ids (file stems) and the URL each is served at."""

    ids: list[str]
    urls: list[str]

    def url(self, n: int) -> str:
        """URL of page ``n`` of a run (real page, or a copy of one)."""
        base = self.urls[n % len(self.ids)]
        copy = n // len(self.ids)
        if not copy:
            return base
        return f"{base}{'&' if '?' in base else '?'}nc_copy={copy}"

    def urls_of_run(self, count: int) -> list[str]:
        """The first ``count`` page URLs (all real pages first, then copies)."""
        return [self.url(n) for n in range(count)]


def load_corpus() -> Corpus:
    """The WCXB dev article pages, their URLs served over plain HTTP."""
    ids, urls = [], []
    for truth in sorted((CORPUS / "ground-truth").glob("*.json")):
        url = json.loads(truth.read_text(encoding="utf-8")).get("url") or ""
        if not url.startswith(("http://", "https://")):
            url = f"http://wcxb-nourl.test/{truth.stem}/"
        ids.append(truth.stem)
        urls.append("http://" + url.split("://", 1)[1])
    if len(set(urls)) != len(urls):
        raise SystemExit("WCXB pages share a URL: cannot serve each at its own")
    return Corpus(ids, urls)


def vary(html: str, url: str, seed: int) -> str:
    """A copy of ``html`` served at ``url``: canonical/og:url -> ``url``, word pairs swapped."""
    rng = random.Random(seed)

    def run(match: re.Match[str]) -> str:
        words = match.group(1).split(" ")
        if len(words) < 12:
            return match.group(0)
        j = 0
        while j < len(words) - 1:
            if rng.random() < 0.5:
                words[j], words[j + 1] = words[j + 1], words[j]
                j += 2
            else:
                j += 1
        return ">" + " ".join(words) + "<"

    def canonical(match: re.Match[str]) -> str:
        return _HREF.sub(lambda h: f"{h.group(1)}={h.group(2)}{url}{h.group(2)}", match.group(0))

    return _CANONICAL.sub(canonical, _TEXT_RUN.sub(run, html))


def page_file(n: int) -> Path:
    """The gzip file holding page ``n`` (real pages are read from the corpus itself)."""
    return PAGES_DIR / f"{n:06d}.html.gz"


def _make_variant(args: tuple[int, str, str]) -> None:
    n, source_id, url = args
    html = gzip.decompress((CORPUS / "html" / f"{source_id}.html.gz").read_bytes())
    text = vary(html.decode("utf-8", errors="replace"), url, n)
    tmp = page_file(n).with_suffix(".tmp")
    tmp.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=1))
    tmp.replace(page_file(n))


def ensure_variants(corpus: Corpus, count: int, processes: int = 2) -> int:
    """Make the missing variant files of the first ``count`` pages; returns how many were made."""
    PAGES_DIR.mkdir(parents=True, exist_ok=True)
    real = len(corpus.ids)
    todo = [
        (n, corpus.ids[n % real], corpus.url(n))
        for n in range(real, count)
        if not page_file(n).exists()
    ]
    if todo:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            pool.map(_make_variant, todo, chunksize=64)
    return len(todo)


def read_page(corpus: Corpus, n: int) -> bytes:
    """Body of page ``n`` (UTF-8 HTML bytes)."""
    real = len(corpus.ids)
    path = CORPUS / "html" / f"{corpus.ids[n]}.html.gz" if n < real else page_file(n)
    return gzip.decompress(path.read_bytes())


def sitemaps(corpus: Corpus, count: int) -> dict[str, list[str]]:
    """Host -> the page URLs of the run on that host."""
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in corpus.urls_of_run(count):
        by_host[urlsplit(url).hostname or ""].append(url)
    return dict(by_host)


def sitemap_xml(urls: list[str]) -> bytes:
    """A plain urlset sitemap."""
    from xml.sax.saxutils import escape

    rows = "".join(f"<url><loc>{escape(u)}</loc></url>" for u in urls)
    xml = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</urlset>'
    return xml.encode("utf-8")


def sources_toml(hosts: list[str]) -> str:
    """One source per host, seeded by that host's sitemap (how a real sources file looks)."""
    blocks = []
    for i, host in enumerate(sorted(hosts)):
        blocks.append(
            f'[[source]]\nname = "site{i:04d}"\nsitemaps = ["http://{host}{SITEMAP_PATH}"]\n'
        )
    return "\n".join(blocks)


def serve(count: int, ready: Any, hits: Any, stop: Any) -> None:
    """Serve the run's ``count`` pages and sitemaps (in a process of its own) until ``stop``."""
    sys.path.insert(0, str(ROOT / "tests"))
    from fakeweb import FakeWeb, Reply

    corpus = load_corpus()
    index = {url: n for n, url in enumerate(corpus.urls_of_run(count))}
    maps = {
        f"http://{host}{SITEMAP_PATH}": sitemap_xml(urls)
        for host, urls in sitemaps(corpus, count).items()
    }

    def handler(url: str) -> Reply | None:
        if url in maps:
            return Reply(maps[url], content_type="application/xml")
        n = index.get(url)
        if n is None:
            return None
        with hits.get_lock():
            hits.value += 1
        return Reply(read_page(corpus, n))

    web = FakeWeb(sites_dir=None)
    web.handle("http://", handler)
    with web:
        ready.put(web.proxy_url)
        stop.wait()


def start_server(count: int) -> tuple[Any, str, Any, Any]:
    """(process, proxy URL, page-hit counter, stop event) of a server for ``count`` pages."""
    ctx = multiprocessing.get_context("fork")
    ready, hits, stop = ctx.Queue(), ctx.Value("l", 0), ctx.Event()
    proc = ctx.Process(target=serve, args=(count, ready, hits, stop), daemon=True)
    proc.start()
    return proc, ready.get(timeout=120), hits, stop
