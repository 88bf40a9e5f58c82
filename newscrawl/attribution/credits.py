"""Reading credit lines: which outlets a removed line credits, and whom it credits for images."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newscrawl import authors  # module import: authors itself imports the registry
from newscrawl.attribution.registry import Registry
from newscrawl.cleaning.model import LineKind, RemovedLine

MAX_CREDIT_CHARS = 300  # longer lines are read only up to here
MAX_PARTY_WORDS = 6  # a longer "credit" is a sentence, not a name

_URL = re.compile(r"https?://[^\s<>\"')\]]+", re.I)
# Reuters' sign-off: "Reporting by X in Y; Writing by Z; Editing by W".
_REUTERS_SIGNOFF = re.compile(
    r"\b(?:reporting|writing)\s+by\b.*[;,]\s*(?:additional\s+)?(?:editing|writing)\s+by\b", re.I
)
_COPYRIGHT = re.compile(
    r"^[(\[]?\s*(?:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?P<name>.+)$",
    re.I,
)
_ORIGIN_VERB = (
    r"(?:appeared|published|posted|ran|featured|republished|reprinted|reproduced|syndicated"
    r"|reposted|erschien(?:en)?|veröffentlicht|publicad[oa]|publiée?s?|parue?s?|نشرت?|نُشرت?|ظهر)"
)
_ORIGIN = re.compile(
    rf"{_ORIGIN_VERB}(?!\w).*?(?<!\w)(?:on|in|at|by|from|bei|auf|im|von|en|sur|dans|par|por|في"
    r"|على|عن|من)\s+(?P<name>\S.*)$",
    re.I,
)
_LABEL = re.compile(
    r"^[(\[]?\s*(?P<label>(?:original\s+)?sources?(?:\s+of\s+[^:：]{1,40})?|quellen?|fuentes?"
    r"|المصدر|مصدر الخبر|مصدر|المصادر|نقلاً? عن|عن|via|original (?:article|story)"
    r"|article original|artículo original"
    r"|originalartikel)\s*[:：]\s*(?P<name>.+)$",
    re.I,
)
_LEAD = re.compile(
    r"^[(\[]?\s*[-–—]?\s*(?P<lead>with (?:additional )?(?:inputs?|reporting|files|material"
    r"|agency inputs) from|(?:additional |further )?reporting (?:by|from)|inputs from|with"
    r"|avec|mit material (?:von|der|des)|mit|con informaci[oó]n(?:es)? de|con|by|von|par|por"
    r"|بقلم|بمشاركة|مع|نقلاً? (?:عن|من)|بتصرف (?:عن|من)|منقول (?:عن|من)|عن|courtesy(?: of)?"
    r"|credit to|via)\s+(?:the\s+)?"
    r"(?P<name>.+)$",
    re.I,
)
_PLURAL_LABEL = re.compile(r"(?:sources|quellen|fuentes|المصادر)\b", re.I)
_LIST = re.compile(r"\s*[|,;،]\s*")
MIN_CITATION_LIST = 3  # names in a "Source:" line from which it is a list of citations
_IMAGE_WORDS = re.compile(r"image|photo|picture|foto|bild|imagen|صور", re.I)
_STOP = re.compile(
    r"\s+(?:under|with|unter|sous|bajo|and is|und ist|et a été|y fue|am|le|el|on|in)\s+(?:\d|a\b"
    r"|an\b|the\b|creative|license|licence|lizenz|permission|genehmigung|autorisation|permiso).*$"
    r"|\s+(?:under|unter|sous|bajo)\s.*$|\s+(?:on|am|le|el)\s+\d.*$|\s*[([].*$|[.;](?:\s.*)?$"
    r"|\s+[-–—|]\s.*$",
    re.I,
)
_SEPARATORS = re.compile(r"\s*(?:,|،|/|&|\+|\band\b|\bund\b|\bet\b|\by\b|(?<=\s)و(?=\s))\s*", re.I)
_IMAGE_LABEL = (
    r"(?:photo credit|image credit|picture credit|image source|photo source|photo illustration"
    r"|photos?|photographs?|photography|images?|pictures?|pics?|credits?|illustrations?|graphic"
    r"|footage|crédits? photos?|crédits?|fotos?|fotograf[ií]as?|im[aá]gen(?:es)?|cr[eé]ditos?"
    r"|bild(?:er|quelle|nachweis|rechte)?|fotoquelle|fotonachweis|مصدر الصورة|الصورة من|الصورة"
    r"|الصور|صورة|صور|تصوير)"
)
_IMAGE_COLON = re.compile(rf"(?<!\w){_IMAGE_LABEL}\s*[:：]\s*(?P<credit>[^()\[\]|]+)", re.I)
_IMAGE_BY = re.compile(
    r"(?<!\w)(?:photos?|photographs?|images?|pictures?|fotos?|bild|imagen|illustration)\s+"
    r"(?:by|courtesy(?:\s+of)?|von|via|de|par|por)\s+(?P<credit>[^()\[\]|]+)",
    re.I,
)
_COPYRIGHT_MARK = re.compile(r"©\s*(?:\d{4}\s+)?(?P<credit>[^()\[\]|©]+)")
_LAST_PARENS = re.compile(r"[(\[](?P<credit>[^()\[\]]+)[)\]]\s*\.?\s*$")
_PARTY_SPLIT = re.compile(r"\s*(?:/|;|,|\s(?:via|on|über|sur|en|vía)\s|\s\|\s)\s*", re.I)
# What precedes a credited name inside a credit: "©", a year, "Courtesy of", "Photo by".
_PARTY_LEAD = re.compile(
    r"^(?:\s*(?:©|\(c\)|\d{4}\b|and\b|und\b|et\b|y\b|courtesy(?:\s+of)?\b|(?:photo(?:graph)?s?"
    r"|images?|pictures?|fotos?|fotograf[ií]a|illustrations?|design)(?:\s+(?:credit|by|de|von|par"
    r"|por))?\b)[\s:]*)+",
    re.I,
)
_RIGHTS = re.compile(r"[.,]?\s*(?:all rights reserved|used (?:by|with) permission).*$", re.I)
_COMPANY_SUFFIXES = frozenset(("inc", "ltd", "llc", "gmbh", "co", "corp", "plc", "sa", "ag"))
_PARTY_TAIL = re.compile(r"\s+(?:for|für|pour|para)\s.*$", re.I)


@dataclass(frozen=True, slots=True)
class LineCredit:
    """What one removed line credits: outlet names (as written, in order) and image parties."""

    sources: tuple[str, ...] = ()
    strict: bool = False  # only registry-known outlets count (copyright and bare lines)
    images: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    form: str = (
        ""  # how it credits: origin, label, dateline, signoff, byline, lead, copyright, bare
    )


def read_line(line: RemovedLine, registry: Registry) -> LineCredit:
    """The credits one removed line carries (empty for kinds that credit no one)."""
    text = line.text[:MAX_CREDIT_CHARS]
    urls = tuple(_URL.findall(text))
    if line.kind is LineKind.SOURCE_CREDIT:
        return _source_line(_URL.sub(" ", text), registry, urls)
    if line.kind is LineKind.DATELINE:
        return LineCredit(sources=_dateline(text), urls=urls, form="dateline")
    if line.kind is LineKind.BYLINE:
        _people, agencies = authors.clean_authors([text], registry=registry)
        return LineCredit(sources=tuple(agencies), urls=urls, form="byline")
    if line.kind in (LineKind.CAPTION, LineKind.IMAGE_CREDIT):
        whole = line.kind is LineKind.IMAGE_CREDIT
        return LineCredit(images=image_parties(text, registry, whole=whole))
    return LineCredit()


def _source_line(text: str, registry: Registry, urls: tuple[str, ...]) -> LineCredit:
    text = " ".join(text.split())
    if _REUTERS_SIGNOFF.search(text):
        return LineCredit(sources=("Reuters",), strict=True, urls=urls, form="signoff")
    m = _COPYRIGHT.match(text)
    if m:
        names = candidates(m.group("name"), registry)
        return LineCredit(sources=names, strict=True, urls=urls, form="copyright")
    m = _LABEL.match(text)
    if m:
        names = candidates(m.group("name"), registry)
        # "Sources: A | B | C" cites where figures came from: only registered outlets count.
        listed = len(_LIST.split(_URL.sub(" ", m.group("name")))) >= MIN_CITATION_LIST
        strict = listed or bool(_PLURAL_LABEL.match(m.group("label")))
        images = tuple(registry.display(n) for n in names if _IMAGE_WORDS.search(m.group("label")))
        return LineCredit(sources=names, strict=strict, images=images, urls=urls, form="label")
    m = _ORIGIN.search(text)
    if m:
        return LineCredit(sources=candidates(m.group("name"), registry), urls=urls, form="origin")
    m = _LEAD.match(text)
    if m:
        strict = "report" in m.group("lead").lower()  # "Additional reporting by Jane Smith"
        names = candidates(m.group("name"), registry)
        return LineCredit(sources=names, strict=strict, urls=urls, form="lead")
    if urls and not text.strip(" ()[]-–—:"):
        return LineCredit(sources=urls[:1], urls=urls, form="label")  # a bare URL credit
    return LineCredit(sources=candidates(text, registry), strict=True, urls=urls, form="bare")


def _dateline(text: str) -> tuple[str, ...]:
    m = re.search(r"\(\s*([^()]+?)\s*\)", text)
    if m:
        inner = m.group(1)
    else:  # "القاهرة - رويترز -": the last segment between dashes
        parts = [p for p in re.split(r"\s*[-–—:]+\s*", text) if p.strip()]
        inner = parts[-1] if parts else ""
    return tuple(p for p in _SEPARATORS.split(inner) if p.strip())


def candidates(text: str, registry: Registry) -> tuple[str, ...]:
    """Outlet names credited in ``text``: the whole name when the registry knows it, else the
    known names in a list ("dpa und Reuters"), else the whole name as written."""
    name = _STOP.sub("", " ".join(text.split())).strip(" \"'“”‘’«»()[]{},;:-–—|*")
    if not name or len(name.split()) > MAX_PARTY_WORDS + 2:
        return ()
    if registry.lookup(name) is not None:
        return (name,)
    parts = [p.strip(" \"'“”‘’«».") for p in _SEPARATORS.split(name)]
    known = tuple(p for p in parts if p and registry.lookup(p) is not None)
    return known or (name,)


def image_parties(
    text: str, registry: Registry, *, whole: bool = False, known: bool = False
) -> tuple[str, ...]:
    """Agencies and people credited for an image in a caption or credit line, display names.

    ``whole``: the line only credits (a removed image-credit line), so a bare name counts;
    ``known``: a bare short text counts when it names a registered outlet ("Jane Doe/AFP").
    """
    credit = _image_credit(" ".join(_URL.sub(" ", text).split()), registry, whole, known)
    if not credit:
        return ()
    out: list[str] = []
    for part in _PARTY_SPLIT.split(_PARTY_TAIL.sub("", _RIGHTS.sub("", credit))):
        part = part.strip(" \"'“”‘’«».,:;-–—()[]")
        if registry.lookup(part) is None:  # "picture alliance" is a name, "Photo by X" is not
            part = _PARTY_LEAD.sub("", part).strip(" \"'“”‘’«».,:;-–—()[]")
        if not part or len(part.split()) > MAX_PARTY_WORDS or registry.is_generic(part):
            continue
        if sum(c.isalpha() for c in part) < 2 or part.casefold().rstrip(".") in _COMPANY_SUFFIXES:
            continue
        name = registry.display(part)
        if name and name not in out:
            out.append(name)
    return tuple(out)


def _image_credit(text: str, registry: Registry, whole: bool, known: bool) -> str:
    for pattern in (_IMAGE_COLON, _IMAGE_BY):
        found = list(pattern.finditer(text))
        if found:
            return found[-1].group("credit")
    m = _COPYRIGHT_MARK.search(text)
    if m:
        return m.group("credit")
    m = _LAST_PARENS.search(text)
    if m and any(registry.lookup(p) is not None for p in _PARTY_SPLIT.split(m.group("credit"))):
        return m.group("credit")  # "(Getty Images)", "(AP Photo/Jane Doe)"
    if whole:  # a line that only credits an image: "Getty Images", "Jane Doe/AFP"
        return text.strip(" ()[]")
    short = len(text.split()) <= MAX_PARTY_WORDS
    if known and short and any(registry.lookup(p) for p in _PARTY_SPLIT.split(text.strip(" ()[]"))):
        return text.strip(" ()[]")
    return ""
