"""Hostile XML at the parser level: external entities never fetched, entity bombs never expanded,
a 50,000-URL sitemap parsed in bounded memory (measured against building the whole tree)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import hostileweb as hw
import pytest
from crawling import ROOT
from fakeweb import FakeWeb
from lxml import etree

from newscrawl.discovery.feeds import parse_feed
from newscrawl.discovery.sitemaps import parse_sitemap
from newscrawl.discovery.xmlsafe import XMLError, root_name


def _external(secret_file: Path) -> dict[str, bytes]:
    """Documents that reference an external entity, a parameter entity and a local file."""
    doctype = (
        f'<!DOCTYPE x [<!ENTITY web SYSTEM "{hw.EVIL}/xxe"><!ENTITY file SYSTEM "file://{secret_file}">'
        f'<!ENTITY % dtd SYSTEM "{hw.EVIL}/dtd"> %dtd;]>'
    )
    return {
        "feed": (
            f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><item>'
            "<title>&web;&file;</title><link>http://feeds.test/a</link></item></channel></rss>"
        ).encode(),
        "sitemap": (
            f'<?xml version="1.0"?>{doctype}<urlset><url><loc>http://feeds.test/b</loc>'
            "<lastmod>&web;&file;</lastmod></url></urlset>"
        ).encode(),
    }


def test_external_entities_are_never_fetched_nor_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET FILE")
    with FakeWeb(sites_dir=None) as web:
        hw.add_feed_faults(web)
        for name, value in web.proxy_env().items():  # libxml2 would fetch through the proxy
            monkeypatch.setenv(name, value)
        docs = _external(secret)
        feed = parse_feed(docs["feed"], "http://feeds.test/feed")
        sitemap = list(parse_sitemap(docs["sitemap"], "http://feeds.test/sitemap.xml"))
        roots = [root_name(body) for body in docs.values()]
        assert web.hits == {}
    # The control: a permissive parser does read the local file from the same document, so
    # the assertions below can see a leak. (libxml2 >= 2.13 has no HTTP client any more, so
    # on this build even a permissive parser could not fetch the web entities.)
    permissive = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)
    leaked = etree.fromstring(docs["feed"].replace(b" %dtd;", b""), permissive)
    assert "TOP SECRET FILE" in "".join(leaked.itertext())
    assert [e.url for e in feed] == ["http://feeds.test/a"]
    assert [e.url for e in sitemap] == ["http://feeds.test/b"]
    assert roots == ["rss", "urlset"]
    for text in (repr(feed), repr(sitemap)):
        assert "SECRET" not in text


def _laughs(root: str, inner: str) -> bytes:
    entities = '<!ENTITY a "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )  # &j; would be 10**9 "lol"s: 3 GB
    return f'<?xml version="1.0"?><!DOCTYPE {root} [{entities}]><{root}>{inner}</{root}>'.encode()


def test_a_billion_laughs_is_refused_fast_without_expansion() -> None:
    feed = _laughs(
        "rss", "<channel><item><title>&j;</title><link>http://a.test/x</link></item></channel>"
    )
    sitemap = _laughs("urlset", "<url><loc>http://a.test/y</loc><lastmod>&j;</lastmod></url>")
    started = time.perf_counter()
    with pytest.raises(XMLError, match="amplification"):
        parse_feed(feed, "http://a.test/feed")
    try:
        entries = list(parse_sitemap(sitemap, "http://a.test/sitemap.xml"))
    except XMLError:
        entries = []
    assert all("lollol" not in repr(e) for e in entries)
    assert root_name(feed) == "rss"
    assert time.perf_counter() - started < 2.0  # expanding 3 GB would take far longer


MEASURE = r"""
import gc, json, sys
from lxml import etree
from newscrawl.discovery.sitemaps import parse_sitemap

def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1]) * 1024

def peak_growth(work):
    gc.collect()
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")  # reset the peak RSS (VmHWM) to the current RSS
    base = status("VmRSS")
    result = work()
    return status("VmHWM") - base, result

n = int(sys.argv[1])
body = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>http://big.test/2026/05/story-{i}</loc><lastmod>2026-05-01</lastmod>"
                  f"</url>" for i in range(n)) + "</urlset>").encode()
stream, count = peak_growth(lambda: sum(1 for _ in parse_sitemap(body, "http://big.test/")))
tree, size = peak_growth(lambda: len(etree.fromstring(body)))
print(json.dumps({"body": len(body), "count": count, "stream": stream, "tree": tree}))
"""


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="needs Linux /proc")
def test_a_50000_url_sitemap_is_parsed_in_bounded_memory() -> None:
    proc = subprocess.run([sys.executable, "-c", MEASURE, "50000"], cwd=ROOT, capture_output=True,
                          text=True, check=True, timeout=120)  # fmt: skip
    m = json.loads(proc.stdout)
    assert m["count"] == 50_000
    # Peak RSS growth while streaming every entry, against building the whole tree from the
    # same 4 MB body in the same process (about 30 MB): streaming keeps well under a tenth.
    assert m["stream"] < m["tree"] / 10, m
    assert m["stream"] < 4 * 1024 * 1024, m
