"""The outlet registry: spellings, slugs and domains -> one display name per outlet (TOML data)."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from newscrawl.exceptions import ConfigError
from newscrawl.urls import registered_domain

BUNDLED = Path(__file__).with_name("outlets.toml")
KINDS = ("agency", "photo", "outlet")
TOP_KEYS = {"generic", "not_outlet_words", "outlet_words", "outlet"}
OUTLET_KEYS = {"name", "kind", "domains", "variants"}
# A squeezed key ("dailyexpress") shorter than this is too ambiguous to match on.
MIN_SQUEEZED = 4
MAX_NAME_CHARS = 80

_AR_FOLD = str.maketrans({"ة": "ه", "ى": "ي", "ـ": None})
_DOMAIN = re.compile(r"(?:https?://)?(?:www\d?\.)?((?:[\w-]+\.)+[a-z]{2,})(?:[:/?#]\S*)?/?", re.I)
# Words that describe the kind of outlet before its name ("صحيفة الشرق الأوسط", "the newspaper X").
# Only words that never start an outlet's own name ("Daily Monitor", "Diario Libre" keep theirs).
_DESCRIPTOR = re.compile(
    r"^(?:(?:the |le |la )?(?:newspaper|news ?site|news portal|website|quotidien|journal en ligne)"
    r"|صحيفة|جريدة|موقع|مجلة|قناة|شبكة|بوابة)\s+"
    r"(?!(?:du|de|des|of)\s|d['’])",  # "Le Quotidien du Sud" is a name, not a descriptor
    re.I,
)
# Arabic writes an outlet's nationality after its name ("الغارديان البريطانية", "رويترز للأنباء").
_QUALIFIER = re.compile(r"\s+(?:ال[\u0600-\u06FF]+ي[ةه]|للأنباء)$")


def name_key(text: str) -> str:
    """Matching key of a name: case, accents, Arabic hamza forms, punctuation and "the" ignored."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_AR_FOLD)
    key = re.sub(r"[\W_]+", " ", bare).strip()
    return key[4:] if key.startswith("the ") else key


def squeeze(key: str) -> str:
    return key.replace(" ", "")


def site_domain(host_or_url: str) -> str:
    """Registered domain of a host or URL; "" when there is none or the URL is malformed."""
    if not host_or_url:
        return ""
    try:
        return registered_domain(host_or_url.lower())
    except ValueError:  # "http://[::1": urlsplit refuses it
        return ""


def domain_of(text: str) -> str | None:
    """Registered domain when ``text`` is a URL or a bare domain ("www.express.co.uk/news")."""
    m = _DOMAIN.fullmatch(text.strip())
    if m is None:
        return None
    return site_domain(m.group(1)) or None


@dataclass(frozen=True, slots=True)
class Outlet:
    """One registered outlet: its display name, kind, domains and other spellings."""

    name: str
    kind: str = "outlet"
    domains: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()


@dataclass(slots=True)
class Registry:
    """Lookup of outlets by any spelling or domain, plus the credits that name no outlet."""

    outlets: list[Outlet] = field(default_factory=list)
    generic: set[str] = field(default_factory=set)
    not_outlet_words: set[str] = field(default_factory=set)
    outlet_words: set[str] = field(default_factory=set)
    _by_key: dict[str, Outlet] = field(default_factory=dict)
    _by_squeezed: dict[str, Outlet] = field(default_factory=dict)
    _by_domain: dict[str, Outlet] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Registry:
        """The bundled registry, extended (and overridden) by the TOML file at ``path``."""
        registry = cls()
        registry.add(_read(BUNDLED), BUNDLED)
        if path:
            registry.add(_read(Path(path)), Path(path))
        return registry

    def add(self, data: dict[str, Any], source: Path) -> None:
        """Merge one parsed registry file; later files win on conflicting spellings."""
        unknown = sorted(set(data) - TOP_KEYS)
        if unknown:
            raise ConfigError(f"{source}: unknown key {unknown[0]!r}: expected one of "
                              f"{', '.join(sorted(TOP_KEYS))}")  # fmt: skip
        self.generic |= {name_key(g) for g in _strings(data, "generic", source)}
        self.not_outlet_words |= {name_key(w) for w in _strings(data, "not_outlet_words", source)}
        self.outlet_words |= {name_key(w) for w in _strings(data, "outlet_words", source)}
        entries = data.get("outlet", [])
        if not isinstance(entries, list):
            raise ConfigError(f"{source}: outlet: expected an array of tables [[outlet]]")
        for i, entry in enumerate(entries):
            self._add_outlet(_outlet(entry, f"outlet[{i}]", source))

    def _add_outlet(self, outlet: Outlet) -> None:
        known = self._by_key.get(name_key(outlet.name))
        if known is not None and known.name == outlet.name:  # same outlet: extend it
            outlet = Outlet(
                outlet.name,
                outlet.kind or known.kind,
                tuple(dict.fromkeys(known.domains + outlet.domains)),
                tuple(dict.fromkeys(known.variants + outlet.variants)),
            )
            self.outlets = [o for o in self.outlets if o.name != outlet.name]
        elif not outlet.kind:
            outlet = Outlet(outlet.name, "outlet", outlet.domains, outlet.variants)
        self.outlets.append(outlet)
        for spelling in (outlet.name, *outlet.variants):
            key = name_key(spelling)
            if key:
                self._by_key[key] = outlet
                if len(squeeze(key)) >= MIN_SQUEEZED:
                    self._by_squeezed[squeeze(key)] = outlet
        for domain in outlet.domains:
            self._by_domain[site_domain(domain)] = outlet

    # --- lookups -------------------------------------------------------------------------
    def lookup(self, name: str) -> Outlet | None:
        """The outlet a name, slug, URL or domain stands for, or None."""
        text = " ".join(name.split())
        if not text:
            return None
        domain = domain_of(text)
        if domain is not None:
            return self.by_domain(domain)
        key = name_key(text)
        found = self._by_key.get(key) or self._by_squeezed.get(squeeze(key))
        if found is None and _DESCRIPTOR.match(text):
            return self.lookup(_DESCRIPTOR.sub("", text))
        if found is None and _QUALIFIER.search(text):
            return self.lookup(_QUALIFIER.sub("", text))
        return found

    def by_domain(self, host_or_url: str) -> Outlet | None:
        """The outlet owning a domain: listed domains first, then a multi-word slug such as
        "daily-express.co.uk" (single words are too ambiguous: "express.pk")."""
        domain = site_domain(host_or_url)
        if not domain:
            return None
        found = self._by_domain.get(domain)
        if found is not None:
            return found
        label = name_key(domain.split(".")[0])
        return self._by_key.get(label) if " " in label else None

    def is_generic(self, name: str) -> bool:
        """True for credits that name no identifiable outlet ("agencies", "وكالات")."""
        return name_key(name) in self.generic

    def is_data_source(self, name: str) -> bool:
        """True for names of data sources rather than outlets ("Ministry of Health")."""
        words = name_key(name).split()
        joined = f" {' '.join(words)} "
        return any(f" {w} " in joined for w in self.not_outlet_words)

    def reads_as_outlet(self, name: str) -> bool:
        """True when an unknown name says it is an outlet: "Kyiv Independent", "صحيفة النهار"
        (an outlet word or a descriptor), unlike "G2" or "NewVantage Partners"."""
        if _DESCRIPTOR.match(" ".join(name.split())):
            return True
        return any(word in self.outlet_words for word in name_key(name).split())

    def display(self, name: str) -> str:
        """Display name of a credited outlet: the registry's name, else the name tidied."""
        outlet = self.lookup(name)
        return outlet.name if outlet is not None else tidy_name(name)


def tidy_name(name: str) -> str:
    """An unknown credited name as written, tidied: spacing, quotes, "www.", slugs, descriptors."""
    edges = " \"'“”‘’«».,;:-–—|"
    text = _unwrapped(" ".join(name.split()).strip(edges)).strip(edges)
    domain = _DOMAIN.fullmatch(text)
    if domain is not None:
        host = domain.group(1).lower()
        return host[4:] if host.startswith("www.") else host
    text = _DESCRIPTOR.sub("", text) or text
    if text.startswith("the "):  # "appeared in the Orange County Register"
        text = text[4:]
    if re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)+", text):  # a slug: "some-outlet"
        text = " ".join(part.capitalize() for part in re.split(r"[-_]", text))
    return text[:MAX_NAME_CHARS].strip()


_BRACKETS = {"(": ")", "[": "]", "{": "}"}


def _unwrapped(text: str) -> str:
    """``text`` without brackets around the whole of it ("(Reuters)" -> "Reuters") or a
    stray one at an end; a bracketed part that closes stays ("PubMed Central (PMC)")."""
    while text and text[0] in _BRACKETS and text.endswith(_BRACKETS[text[0]]):
        text = text[1:-1].strip()
    for opening, closing in _BRACKETS.items():
        if text.endswith(closing) and opening not in text:
            text = text[:-1].rstrip()
        if text.startswith(opening) and closing not in text:
            text = text[1:].lstrip()
    return text


def tidy_domain(host_or_url: str) -> str:
    """A readable form of a domain: "www.daily-express.co.uk" -> "Daily-Express.co.uk"."""
    domain = site_domain(host_or_url)
    if not domain:
        return ""
    label, _, suffix = domain.partition(".")
    pretty = "-".join(part.capitalize() for part in label.split("-"))
    return f"{pretty}.{suffix}" if suffix else pretty


@lru_cache(maxsize=8)
def load_registry(path: str = "") -> Registry:
    """The registry for a NEWSCRAWL_REGISTRY value ("" = bundled only), built once per path."""
    return Registry.load(path or None)


# --- file reading and checks -------------------------------------------------------------
def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: registry file not found (NEWSCRAWL_REGISTRY)") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read registry file: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _strings(data: dict[str, Any], key: str, source: Path) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source}: {key}: expected a list of strings")
    return value


def _outlet(entry: Any, where: str, source: Path) -> Outlet:
    if not isinstance(entry, dict):
        raise ConfigError(f"{source}: {where}: expected a table with name, kind, domains, variants")
    unknown = sorted(set(entry) - OUTLET_KEYS)
    if unknown:
        raise ConfigError(f"{source}: {where}.{unknown[0]}: unknown key; expected one of "
                          f"{', '.join(sorted(OUTLET_KEYS))}")  # fmt: skip
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip() or not name_key(name):
        raise ConfigError(f"{source}: {where}.name: expected a non-empty outlet name")
    kind = entry.get("kind", "")  # "": unchanged when extending, else "outlet"
    if kind and kind not in KINDS:
        raise ConfigError(f"{source}: {where}.kind: expected one of {', '.join(KINDS)}, "
                          f"got {kind!r}")  # fmt: skip
    lists = {}
    for key in ("domains", "variants"):
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ConfigError(f"{source}: {where}.{key}: expected a list of non-empty strings")
        lists[key] = tuple(v.strip() for v in value)
    for domain in lists["domains"]:
        if not re.fullmatch(r"(?:[\w-]+\.)+[\w-]{2,}", domain):
            raise ConfigError(f"{source}: {where}.domains: {domain!r} is not a domain name")
    return Outlet(name.strip(), kind, lists["domains"], lists["variants"])
