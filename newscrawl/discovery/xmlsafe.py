"""Safe XML for feeds and sitemaps: no entity expansion, no network, bounded, gzip-aware."""

from __future__ import annotations

import gzip
import io
import zlib

from lxml import etree

MAX_XML_BYTES = 50 * 1024 * 1024  # a sitemap may hold 50,000 URLs / 50 MB uncompressed

GZIP_MAGIC = b"\x1f\x8b"


class XMLError(ValueError):
    """The document is not usable XML (invalid, too large, or an entity bomb)."""


def maybe_gunzip(body: bytes, max_size: int = MAX_XML_BYTES) -> bytes:
    """Decompress gzip bodies (sitemap.xml.gz) up to ``max_size`` bytes; others unchanged."""
    if not body.startswith(GZIP_MAGIC):
        return body
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as stream:
            while chunk := stream.read(65536):
                out.write(chunk)
                if out.tell() > max_size:
                    raise XMLError(f"gzip body exceeds {max_size} bytes when decompressed")
    except (OSError, EOFError, zlib.error) as exc:
        raise XMLError(f"bad gzip data: {exc}") from None
    return out.getvalue()


def safe_parser() -> etree.XMLParser:
    """An lxml parser that never expands entities nor touches the network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        recover=True,
        remove_comments=True,
        remove_pis=True,
    )


def local(tag: object) -> str:
    """Local name of an element tag, without namespace."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def root_name(body: bytes) -> str:
    """Local name of the document's root element ("rss", "feed", "urlset"...), "" if none."""
    head = body[:4096].lstrip()
    if not head.startswith(b"<"):
        return ""
    try:
        for _event, el in etree.iterparse(
            io.BytesIO(body[:65536]),
            events=("start",),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            recover=True,
        ):
            return local(el.tag)
    except etree.XMLSyntaxError:
        return ""
    return ""
