"""Load and validate the sources file (TOML, contract section 2) and ad-hoc ``-a urls=``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newscrawl.exceptions import SourcesError
from newscrawl.urls import host_of, registered_domain

NAME_RE = re.compile(r"^[a-z0-9_-]+$")
DEFAULT_MAX_DEPTH = 2
ADHOC_NAME = "adhoc"

_LIST_KEYS = ("start_urls", "feeds", "sitemaps", "allow", "deny", "languages")
_KNOWN_KEYS = ("name", "publisher", *_LIST_KEYS, "max_depth")
_LANG_RE = re.compile(r"^[a-z]{2}$")  # what langdetect gives: no region, no script
_LANG_TAG_RE = re.compile(r"^([a-zA-Z]{2})[-_][a-zA-Z0-9]+$")  # "en-GB", "pt_BR", "zh-Hant"


@dataclass(frozen=True)
class Source:
    """One validated ``[[source]]`` entry."""

    name: str
    publisher: str | None = None
    start_urls: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    max_depth: int = DEFAULT_MAX_DEPTH
    allow_re: tuple[re.Pattern[str], ...] = field(default=(), repr=False, compare=False)
    deny_re: tuple[re.Pattern[str], ...] = field(default=(), repr=False, compare=False)

    @cached_property  # read for every link and sitemap entry; the URLs never change
    def domains(self) -> frozenset[str]:
        """Registered domains of every URL of the source: links are followed only inside them."""
        urls = (*self.start_urls, *self.feeds, *self.sitemaps)
        return frozenset(registered_domain(host_of(u)) for u in urls)

    def url_allowed(self, url: str) -> bool:
        """True when ``url`` passes the source's allow (if any) and deny regexes."""
        if any(p.search(url) for p in self.deny_re):
            return False
        return not self.allow_re or any(p.search(url) for p in self.allow_re)


def load_sources(path: str | Path) -> list[Source]:
    """Read and validate a sources file; SourcesError names file, entry and key."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourcesError(f"{path}: cannot read sources file: {exc.strerror or exc}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise SourcesError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{path}: invalid TOML: {exc}") from None
    return parse_sources(data, str(path))


def parse_sources(data: dict[str, Any], origin: str) -> list[Source]:
    """Validate parsed TOML ``data`` (from file ``origin``) into Sources."""
    extra = sorted(set(data) - {"source"})
    if extra:
        raise SourcesError(
            f"{origin}: unknown top-level key {extra[0]!r}; expected [[source]] tables"
        )
    entries = data.get("source")
    if isinstance(entries, dict):
        raise SourcesError(f"{origin}: [source] is one table; write [[source]] for each entry")
    if not isinstance(entries, list) or not entries:
        raise SourcesError(f"{origin}: no [[source]] entries; expected at least one")
    sources: list[Source] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        source = _parse_entry(entry, f"{origin}: [[source]] #{index}")
        if source.name in seen:
            raise SourcesError(
                f"{origin}: [[source]] #{index} ({source.name!r}): key 'name': duplicate name"
            )
        seen.add(source.name)
        sources.append(source)
    return sources


ADHOC_MAX_DEPTH = 1


def adhoc_source(urls: str) -> Source:
    """A source named ``adhoc`` from ``-a urls=URL[,URL...]``.

    Each URL is a start URL (an article, a hub, a feed or a sitemap: the content decides);
    links of a hub are followed one level deep, inside the URLs' sites.
    """
    items = tuple(u.strip() for u in urls.split(",") if u.strip())
    if not items:
        raise SourcesError("-a urls: no URL given; expected urls=URL[,URL...]")
    for url in items:
        _check_url(url, "-a urls")
    return Source(name=ADHOC_NAME, start_urls=items, max_depth=ADHOC_MAX_DEPTH)


def _parse_entry(entry: Any, where: str) -> Source:
    if not isinstance(entry, dict):
        raise SourcesError(f"{where}: expected a table")
    name = entry.get("name")
    if name is None:
        raise SourcesError(f"{where}: key 'name': missing; every source needs a name")
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise SourcesError(f"{where}: key 'name': {name!r} must match [a-z0-9_-]+")
    where = f"{where} ({name!r})"
    for key in entry:
        if key not in _KNOWN_KEYS:
            raise SourcesError(
                f"{where}: unknown key {key!r}; expected one of {', '.join(_KNOWN_KEYS)}"
            )
    lists: dict[str, tuple[str, ...]] = {}
    for key in _LIST_KEYS:
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SourcesError(f"{where}: key {key!r}: expected a list of strings")
        lists[key] = tuple(value)
    for key in ("start_urls", "feeds", "sitemaps"):
        for url in lists[key]:
            _check_url(url, f"{where}: key {key!r}")
    if not (lists["start_urls"] or lists["feeds"] or lists["sitemaps"]):
        raise SourcesError(f"{where}: needs at least one of start_urls, feeds, sitemaps")
    for lang in lists["languages"]:
        if not _LANG_RE.match(lang):
            tag = _LANG_TAG_RE.match(lang)
            hint = f" (records carry the two-letter code: {tag[1].lower()!r})" if tag else ""
            raise SourcesError(f"{where}: key 'languages': {lang!r} is not an ISO 639-1 code{hint}")
    publisher = entry.get("publisher")
    if publisher is not None and (not isinstance(publisher, str) or not publisher.strip()):
        raise SourcesError(f"{where}: key 'publisher': expected a non-empty string")
    max_depth = entry.get("max_depth", DEFAULT_MAX_DEPTH)
    if isinstance(max_depth, bool) or not isinstance(max_depth, int) or max_depth < 0:
        raise SourcesError(f"{where}: key 'max_depth': expected an integer >= 0")
    return Source(
        name=name,
        publisher=publisher.strip() if publisher else None,
        max_depth=max_depth,
        allow_re=_compile(lists["allow"], f"{where}: key 'allow'"),
        deny_re=_compile(lists["deny"], f"{where}: key 'deny'"),
        **lists,
    )


def _compile(patterns: tuple[str, ...], where: str) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern))
        except re.error as exc:
            raise SourcesError(f"{where}: bad regex {pattern!r}: {exc}") from None
    return tuple(compiled)


# Characters no host name holds (an IPv6 literal is checked by urlsplit itself).
_BAD_HOST = re.compile(r"[\s<>\"{}|\\^`%]")


def _check_url(url: str, where: str) -> None:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is no number
    except ValueError:
        raise SourcesError(f"{where}: {url!r} is not an http(s) URL") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SourcesError(f"{where}: {url!r} is not an http(s) URL")
    if _BAD_HOST.search(parts.hostname):
        raise SourcesError(f"{where}: {url!r}: {parts.hostname!r} is not a host name")
