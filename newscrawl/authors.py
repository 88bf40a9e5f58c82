"""Byline cleaning: raw author strings -> people's names, with agencies and outlets set apart."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence

from newscrawl.attribution.registry import Outlet, Registry, load_registry, name_key

MAX_NAME_WORDS = 5  # a longer piece is a sentence or a bio, not a name
MAX_RAW_CHARS = 400

_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|(?<![\w@])@\w[\w.]*", re.I)
_NOISE = re.compile(
    r"\b(?:e-?mail (?:the |this )?author|contact (?:the )?author|author profile|(?:view|see) (?:all"
    r" )?(?:posts|articles|stories)(?: by)?|more (?:articles |stories )?(?:from|by)"
    r"|read more(?: about)?"
    r"|learn more|follow(?: me| us)?(?: on)?(?: twitter| x| facebook| linkedin| instagram)?"
    r"|about the author|share|(?:on )?(?:twitter|facebook|linkedin|instagram|threads|bluesky))\b",
    re.I,
)
# Words glued to a name by page markup ("Reyan PerumalPublished", "Harry RabinowitzTech").
_GLUED = re.compile(
    r"(?<=[a-zà-ÿ])(?=(?:Published|Updated|Posted|Follow|Share|Writer|Reporter|Editor|Senior"
    r"|Staff|Contributing|Contributor|Tech|Marketing|Author|Last|Read)\b)"
)
_MONTH_NAMES = (
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july"
    r"|august|september|october|november|december|janvier|février|fevrier|mars|avril|mai|juin"
    r"|juillet|août|aout|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli"
    r"|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre"
    r"|noviembre|diciembre"
)
_MONTHS = rf"(?:{_MONTH_NAMES}|may)\.?"
_DATE = re.compile(
    rf"(?:\b(?:last\s+)?(?:updated|published|posted|modified|aktualisiert|veröffentlicht|publié"
    rf"|mis à jour|actualizado|publicado)\b.*$)"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+{_MONTHS}(?:\s+\d{{2,4}})?\b"
    rf"|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"
    rf"|\b\d{{4}}-\d{{2}}-\d{{2}}(?:[T ][\d:.+Z-]+)?|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b"
    rf"|\b\d{{1,2}}[:.h]\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}}\b)?",
    re.I,
)
_MONTH_ONLY = re.compile(rf"(?:{_MONTH_NAMES}|may)\.?", re.I)
# A trailing month ("ServiceTitan November"); "May" is left alone (a surname as often as not).
_TRAILING_MONTH = re.compile(rf"\s+(?:{_MONTH_NAMES})\.?$", re.I)
_LEAD = re.compile(
    r"^\s*(?:(?:written|posted|reported|words|story|text|compiled|edited|produced|reviewed)\s+by"
    r"|by|authors?|autor(?:in|en)?|auteurs?|autores?|bylines?|بقلم|كتب|كتبت|إعداد|تحرير"
    r"|(?:von|par|por)(?=\s+(?-i:[A-ZÀ-ÖØ-Þ])))(?!\w)\s*[:：-]?\s*",
    re.I,
)
# "This post was written by Jane Doe", "Texas Mattress Makers Reviewed by Jane Doe".
_INNER_BY = re.compile(r"^.*?\b(?:written|posted|reviewed|reported)\s+by\s+(?=\S)", re.I)
_SPLIT = re.compile(r"\s*(?:[;|/•·]|\s(?:and|&|und|et|y|e|و)\s|،|\s+[-–—]\s+)\s*", re.I)
_ROLE_WORDS = (
    r"reporter|writer|correspondent|editor|columnist|contributor|journalist|photographer|analyst"
    r"|producer|director|expert|dietitian|nutritionist|founder|co-founder|ceo|cto|cfo|manager"
    r"|consultant|specialist|strategist|officer|president|coach|intern|blogger|host|anchor|author"
    r"|attorney|lawyer|reviewer|educators?|redakteur(?:in)?|korrespondent(?:in)?|journaliste|rédacteur"
    r"|rédactrice|envoyée? spéciale?|periodista|redactor(?:a)?|corresponsal|مراسل|مراسلة|محرر"
    r"|صحفي"
)
_ROLE = re.compile(
    r"\b(?:(?:senior|junior|chief|deputy|executive|managing|contributing|special|staff|foreign"
    r"|political|business|sports?|tech(?:nology)?|health|science|news|digital|social media|web"
    r"|freelance|guest|associate|assistant|lead|head|sr\.?|jr\.?|trial|marketing|travel|autos?"
    r"|food|fashion|beauty|shopping|commerce|deals|content|communications|product|sales|community"
    r"|seo|video|audio|photo|data|investigative|legal|medical|wellness|lifestyle|entertainment"
    r"|culture|music|film|arts|opinion|features|finance|money|markets|energy|climate|education"
    rf"|extension|horticulture|luxury)\s+)*(?:{_ROLE_WORDS})\b",
    re.I,
)
# Bylines that name nobody: placeholders and generic desks.
_JUNK = frozenset(
    name_key(w)
    for w in (
        "admin", "administrator", "webmaster", "editor", "editors", "author", "authors", "staff",
        "guest", "guest author", "anonymous", "unknown", "null", "none", "undefined", "name",
        "team", "newsroom", "redaktion", "rédaction", "la rédaction", "redacción", "editorial",
        "desk", "web desk", "news desk", "contributor", "contributors", "writer", "user",
        "sign in", "log in", "login", "sign up", "subscribe", "menu", "home", "search", "share",
        "التحرير", "المحرر", "هيئة التحرير", "محرر",
    )
)  # fmt: skip
# Words that make a byline an organisation, a site or a page widget, not a person.
_ORG_WORDS = frozenset(
    (
        "university", "college", "school", "institute", "foundation", "association", "society",
        "corporation", "corp", "inc", "llc", "ltd", "gmbh", "plc", "pc", "clinic", "hospital",
        "center", "centre", "department", "ministry", "agency", "council", "committee", "group",
        "media", "news", "network", "blog", "magazine", "official", "solutions", "services",
        "studio", "labs", "team", "staff", "editors", "desk", "newsroom", "directory", "faculty",
        "login", "submenu", "menu", "data", "tips", "wire", "press", "development", "strategy",
        "bio", "size", "admin",
    )
)  # fmt: skip
# Credentials and suffixes written after a name ("Jane Doe, MS, RD", "Jane Doe, Ph.D.").
_CREDENTIALS = frozenset(
    (
        "md", "phd", "ms", "msc", "ma", "mba", "rd", "rdn", "ld", "ldn", "cpa", "cfp", "cfa", "rn",
        "np", "do", "dds", "dmd", "jd", "esq", "llm", "bsc", "ba", "bs", "mph", "mpp", "cscs",
        "cpt", "cns", "fand", "faan", "facp", "facs", "faclm", "foma", "dabom", "cepf", "ryt",
        "eryt", "lmft", "lcsw", "lpc", "pharmd", "edd", "psyd", "mfa", "ibclc", "cde", "cdces",
        "jr", "sr", "ii", "iii", "iv", "mbbs", "frcp", "frcs", "smt",
    )
)  # fmt: skip
# Words that may sit in lower case inside a name ("Ursula von der Leyen", "Rafael de la Torre").
_PARTICLES = frozenset(
    (
        "de", "da", "do", "dos", "das", "du", "des", "del", "della", "der", "den", "di", "la",
        "le", "les", "van", "von", "vom", "zu", "y", "e", "al", "el", "bin", "ben", "ibn", "abu",
        "st", "st.",
    )
)  # fmt: skip
_TRAILING_STAFF = re.compile(r"\s+(?:staff|staff writers?|staff reporters?|wire|team|editors"
                             r"|journalists|newsroom|news desk|desk)$", re.I)  # fmt: skip


# A publication's own byline, signed by no person: "The Investopedia Team", "EcoCult Staff",
# "Great Day Editorial Team", "TOI Lifestyle Desk", "Team SimplyThrilled".
_HOUSE = re.compile(
    r"(?:the\s+)?(?P<name>[\w'’.&+-]+(?:\s+[\w'’.&+-]+){0,3})\s+(?:editorial\s+)?"
    r"(?:team|staff|editors|desk|newsroom)|team\s+(?P<lead>[\w'’.&+-]+(?:\s+[\w'’.&+-]+){0,2})",
    re.I,
)
# Names of a house byline that name no publication ("Our Editors", "News Desk").
_HOUSE_GENERIC = frozenset(
    ("our", "news", "web", "editorial", "digital", "online", "content", "site", "blog", "the",
     "marketing", "staff", "team", "editors", "desk", "newsroom", "all", "my", "your")
)  # fmt: skip


def record_authors(
    extracted: Sequence[str], bylines: Sequence[str] = (), *, registry: Registry | None = None
) -> list[str]:
    """The record's ``authors``: the people of the extracted bylines, else of the byline lines
    the cleaner removed, else the publication's house byline when no person signs."""
    reg = registry or load_registry()
    people, _agencies = clean_authors(extracted, registry=reg)
    if not people:
        people, _agencies = clean_authors(bylines, registry=reg)
    if not people:
        house = house_byline([*extracted, *bylines], registry=reg)
        people = [house] if house else []
    return people


def house_byline(raw: Sequence[str], *, registry: Registry | None = None) -> str | None:
    """The first byline that is a publication's own ("The Investopedia Team", "EcoCult
    Staff"); None for a generic one ("Our Editors", "Staff"), a wire desk ("Metro Digest Wire
    Desk": agency copy) or an agency the registry knows ("Reuters Staff": a credit, not an
    author)."""
    reg = registry or load_registry()
    for value in raw:
        if not isinstance(value, str):
            continue
        text = " ".join(_NOISE.sub(" ", html.unescape(value[:MAX_RAW_CHARS])).split())
        text = _strip_lead(text)
        m = _HOUSE.fullmatch(text)
        name = (m.group("name") or m.group("lead")) if m else ""
        if not name or (not name[0].isupper() and not name[0].isdigit()):
            continue
        words = set(name_key(name).split())
        if words <= _HOUSE_GENERIC or "wire" in words:
            continue  # "Our Editors" names no one; a "Wire Desk" signs agency copy
        if reg.lookup(name) is None and reg.lookup(text) is None:
            return text
    return None


def clean_authors(
    raw: Sequence[str], *, registry: Registry | None = None
) -> tuple[list[str], list[str]]:
    """Split and clean raw author strings into (people, agencies), each de-duplicated.

    "By Jane Smith and John Doe, Reuters" -> (["Jane Smith", "John Doe"], ["Reuters"]).
    Drops "By", roles, credentials, "Email the author", dates, handles, URLs, site domains
    and organisations; agencies and outlets known to the registry go to ``agencies`` under
    their display name. A one-word name is dropped when another string gave a full name (it
    is then a fragment: "Morgan", "Hardware"). Never raises; non-strings are ignored.
    """
    reg = registry or load_registry()
    people: dict[str, str] = {}
    agencies: dict[str, str] = {}
    for value in raw:
        if not isinstance(value, str):
            continue
        for kind, name in _pieces(value[:MAX_RAW_CHARS], reg):
            target = agencies if kind == "agency" else people
            key = name_key(name)
            if key and key not in people and key not in agencies:
                target[key] = name
    names = list(people.values())
    if any(len(n.split()) > 1 for n in names):
        names = [n for n in names if len(n.split()) > 1]
    return names, list(agencies.values())


def _pieces(value: str, reg: Registry) -> list[tuple[str, str]]:
    text = " ".join(unicodedata.normalize("NFKC", html.unescape(value)).split())
    out: list[tuple[str, str]] = []
    for inner in re.findall(r"\(([^()]{1,60})\)", text):  # "Jane Doe (Reuters)"
        outlet = reg.lookup(inner)
        if outlet is not None:
            out.append(("agency", outlet.name))
    text = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", text)
    text = _DATE.sub(" ", _NOISE.sub(" ", _URL.sub(" ", _GLUED.sub(" ", text))))
    text = _INNER_BY.sub("", text)
    whole = reg.lookup(_strip_lead(text))
    if whole is not None:  # "Associated Press", "Agence France-Presse"
        return [*out, ("agency", whole.name)]
    parts = _SPLIT.split(text)
    alone = len(parts) == 1 and "," not in text  # the string is one piece, not a list
    for part in parts:
        role_seen = False
        for i, piece in enumerate(part.split(",")):
            piece = _strip_lead(piece)
            if not piece:
                continue
            outlet = reg.lookup(piece) or reg.lookup(_TRAILING_STAFF.sub("", piece))
            if outlet is not None:
                out.append(("agency", outlet.name))
                continue
            if role_seen:
                continue  # after "Jane Doe, Senior Reporter", the rest is her affiliation
            piece, outlet = _trailing_outlet(piece, reg)
            if outlet is not None:  # "Brian Truitt USA TODAY"
                out.append(("agency", outlet.name))
            name = _person(piece)
            if name is not None and not alone and name.islower() and " " not in name:
                name = None  # a lower-case word cut from a phrase ("... food and travel")
            if name is None:
                role_seen = role_seen or bool(_ROLE.search(piece)) or i > 0
                continue
            if i > 0 and len(name.split()) < 2:
                continue  # "Jane Doe, MS" and "Jane Doe, Oxford": not a second person
            out.append(("person", name))
    return out


def _trailing_outlet(piece: str, reg: Registry) -> tuple[str, Outlet | None]:
    """``piece`` without an outlet's name glued after a two-word name ("Brian Truitt USA
    TODAY"), and that outlet; one word counts only in capitals ("Jane Doe CNN")."""
    words = piece.split()
    for size in (3, 2, 1):
        tail = words[-size:]
        if len(words) - size < 2 or (size == 1 and not tail[0].isupper()):
            continue
        outlet = reg.lookup(" ".join(tail))
        if outlet is not None:
            return " ".join(words[:-size]), outlet
    return piece, None


def _strip_lead(piece: str) -> str:
    piece = piece.strip(" \t\"'“”‘’«».,:;-–—|*")
    while True:
        stripped = _LEAD.sub("", piece, count=1).strip(" \t\"'“”‘’«».,:;-–—|*")
        if stripped == piece:
            return piece
        piece = stripped


def _person(piece: str) -> str | None:
    """The piece as a person's name, or None when it is a role, credential, handle or junk."""
    role = _ROLE.search(piece)
    if role is not None:  # "Staff Writer Jane Doe" / "Jane Doe Senior Reporter"
        before, after = piece[: role.start()].strip(), piece[role.end() :].strip()
        piece = before if len(before.split()) >= len(after.split()) else after
        piece = piece.strip(" .,:;-–—|")
        if len(piece.split()) < 2:
            return None  # "Community Editor", "SFist Contributor": a role, no name
    piece = re.sub(r"\s+(?:is|was|ist|est|es)\s.*$", "", piece)  # "Jane Doe is a reporter..."
    if re.fullmatch(r"[^\W\d_]+\d+", piece):
        return None  # one word with digits: a brand or a login ("Rapid7", "jdoe84"), no name
    piece = re.sub(r"(?:\s+|(?<=[a-z]))\d+$", "", _TRAILING_MONTH.sub("", piece))  # "Carroll30"
    words = piece.split()
    if not words or len(words) > MAX_NAME_WORDS or name_key(piece) in _JUNK:
        return None
    if _MONTH_ONLY.fullmatch(piece) or {"www", "com"} & set(name_key(piece).split()):
        return None  # a date's month ("Dec") or a URL's pieces ("Www Facebook Com")
    domain = re.fullmatch(r"(?:[\w-]+\.)+[a-z]{2,}", piece, re.I)
    if domain or re.search(r"\d|[@#?!=<>{}©®]", piece):
        return None  # credentials with numbers, handles, site domains ("Example.com")
    letters = [c for c in piece if c.isalpha()]
    keys = name_key(piece).split()
    if len(letters) < 2 or words[0].casefold() == "the" or any(k in _ORG_WORDS for k in keys):
        return None
    if all(_credential(w) for w in words) or re.fullmatch(r"[A-Z]{2,5}", piece):
        return None  # "MS", "Ph.D.", "CDC"
    if any(len(w) >= 8 and w.casefold().endswith("ist") for w in words):
        return None  # a role ("Master Horticulturalist"), not a name
    if len(words) == 1 and re.search(r"[_.]", piece):
        return None  # a user handle ("jsmith_84"), not a byline
    cased = [w for w in words if w[0].isalpha() and w[0].lower() != w[0].upper()]
    lower = [w for w in cased if w[0].islower() and w.lower() not in _PARTICLES]
    if lower and len(lower) < len(cased):
        return None  # a phrase ("Jane Doe writes about food"), not a name
    if piece.isupper() and len(letters) > 3:
        piece = " ".join(w.capitalize() if w.isalpha() else w for w in words)
    return " ".join(piece.split())


def _credential(word: str) -> bool:
    bare = word.strip(".,®™").casefold()
    return bare.replace(".", "").replace("-", "") in _CREDENTIALS or bool(
        re.fullmatch(r"(?:[a-z]{1,3}\.){2,4}[a-z]{0,2}", bare)
    )
