"""Shared vocabulary of the cleaning rules: agency names, credit labels, name connectors."""

from __future__ import annotations

from newscrawl.cleaning.model import LineKind

# A rule as data: (kind, name, pattern, max_words, flags); flags may hold "anywhere", "names",
# "prefix", "case" (case-sensitive). Patterns are matched against a whole normalised paragraph.
Spec = tuple[LineKind, str, str, int, str]

SEP = r"\s*(?:[:：|»›>•·]|\s[-–—]|[-–—]\s)\s*"  # "Read more: ...", "Lire aussi | ..."
END = r"\s*[:：.!…]?"  # optional trailing punctuation of a standalone label
OPEN, CLOSE = r"[(\[]?\s*", r"\s*[)\]]?\.?"
NAMES = r"(?P<names>\S.{0,150})"
# A user name printed as a byline: one word with a capital inside ("TurboTaxLisa").
HANDLE = r"(?-i:[A-Z][a-z]+[A-Z][A-Za-z0-9]*)"

# News agencies, as they appear in datelines and credit lines (regex alternatives).
NEWS_AGENCIES = (
    r"reuters(?:\s+breakingviews)?|ap|the associated press|associated press|afp"
    r"|agence france[- ]presse|dpa|efe|europa press|ansa|xinhua(?: news agency)?"
    r"|bloomberg(?: news)?|upi|ians|pti|ani"
    r"|kna|epd|dts|anadolu(?: agency)?|aa|spa|wam|mena|qna|kuna|belga|apa|sda|keystone-sda"
    r"|ats|lusa|aap|cp|the canadian press|pa|pa media|yonhap|kyodo|tass|sputnik|irna|sana"
    r"|petra|nna|ina|bna|rttnews|cnn|bbc"
    r"|agencies|agences|agencias|agenturen|nachrichtenagenturen|news agencies|wire services"
    r"|رويترز|أ ف ب|ا ف ب|أ\.ف\.ب|فرانس برس|أسوشيتد برس|الأناضول|د ب أ|سبوتنيك|شينخوا"
    r"|واس|وام|قنا|كونا|بترا|سانا|أ ش أ|وكالات|وكالة الأنباء"
)
# One or several agencies: "dpa/AFP", "Reuters and AP", "رويترز، أ ف ب".
AGENCY_LIST = rf"(?:{NEWS_AGENCIES})(?:\s*(?:,|،|/|&|\+|and|et|und|y|و)\s*(?:{NEWS_AGENCIES}))*"

# Photo agencies and stock libraries: a line naming one of these under an image is a credit.
IMAGE_AGENCIES = (
    r"getty(?: images)?|shutterstock(?:\.com)?|istock(?:photo)?|alamy(?: stock photo)?"
    r"|unsplash|pexels|pixabay|picture[- ]alliance|imago(?: images)?|dpa[- ]bildfunk"
    r"|(?:ap|afp|epa|reuters|efe|dpa|xinhua)\s*(?:photo|foto|images?)|epa-efe|sipa(?: press)?"
    r"|abaca(?:press)?|zuma(?: press| wire)?|wikimedia commons|keystone|sopa images|nurphoto"
    r"|pa (?:images|wire|media)|bridgeman images|mediapunch|rex(?:/shutterstock)?|dreamstime"
    r"|adobe stock|depositphotos|ullstein bild|westend61|ddp(?: images)?|hans lucas"
    r"|غيتي(?: إيماجز)?|جيتي|شترستوك"
)

# Labels that introduce an image credit: "Photo:", "Foto:", "Crédit photo :", "الصورة:".
IMAGE_LABELS = (
    r"photo credit|image credit|picture credit|image source|photo source|photo illustration"
    r"|photos?|photographs?|photography|images?|pictures?|pics?|credits?|illustrations?"
    r"|graphic|footage|crédits? photos?|crédits?|fotos?|fotograf[ií]as?|fotografen?"
    r"|im[aá]gen(?:es)?"
    r"|cr[eé]ditos?|bild(?:er|quelle|nachweis|rechte)?|fotoquelle|fotonachweis"
    r"|مصدر الصورة|الصورة|الصور|صورة|صور|تصوير|الصورة من"
)
IMAGE_LABEL_COLON = rf"(?:{IMAGE_LABELS})\s*[:：]"
# "Photo by Jane Doe", "Foto von X", "Image courtesy of X".
IMAGE_LABEL_BY = (
    r"(?:photos?|photographs?|images?|pictures?|fotos?|bild|imagen|illustration)"
    r"\s+(?:by|courtesy(?:\s+of)?|von|via)\b"
)

# Lower-case words allowed inside a list of names ("Jane Smith and John de Souza in Paris").
_CONNECTORS = """and by in from with of the at on for de del della der den di da do dos das du
des la le les los van von vom zu y e et und al el bin ben ibn abu editing reporting writing
additional further compiled research graphics photos staff correspondent mit con avec por par"""
NAME_CONNECTORS = frozenset(_CONNECTORS.split())

# First words that make "By <Word>" prose, not a byline ("By Monday, ...").
NOT_NAMES = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may"
    r"|june|july|august|september|october|november|december|the|this|that|these|those|then"
    r"|now|far|contrast|comparison|law|default|design|mistake|chance|way|day|night|noon"
    r"|midnight|early|late|mid|next|last|all|some|most|many|one|two|three|ten|early|2\d|1\d"
)

# --- pattern builders: rules are phrase lists, these give them their shape ---------------


def alt(*phrases: str) -> str:
    """Regex alternatives, one phrase (itself a regex) per argument."""
    return "|".join(phrases)


def whole(*phrases: str) -> str:
    """A line that is only one of the phrases, with optional arrows and final punctuation."""
    return rf"[«‹<←↑▲\s]*(?:{alt(*phrases)})[\s»›>→↑▲]*{END}"


def lead(*phrases: str) -> str:
    """A phrase alone, or followed by a separator and anything ("Read more: <headline>")."""
    return rf"(?:{alt(*phrases)})(?:{SEP}.{{0,200}}|{END})"


def label(*keywords: str) -> str:
    """A keyword, a colon and credited names ("Source: X", "Quelle : X")."""
    return rf"{OPEN}(?:{alt(*keywords)})\s*[:：]\s*{NAMES}"


# A byline's trailing date clause, whose date the extractor may have dropped ("Par Marie
# Dupont — publié le", "By Jane Smith | Updated 10:15").
BYLINE_DATE_TAIL = (
    r"(?:\s*[—–|·,-]\s*(?:published|updated|posted|publié|mis à jour|modifié|publicado"
    r"|actualizado|veröffentlicht|aktualisiert|نشر|تحديث)\b.{0,60}?)?"
    # and a reviewer after a bar ("By X – Updated Mar 5, 2026 | Fact-checked by Frank Bass"),
    # who is no author: the attribution stage reads the names before the first separator
    r"(?:\s*[|·]\s*(?:(?:medically |expert )?reviewed|fact[- ]checked|edited|relu|vérifié"
    r"|geprüft|revisado|verificado) (?:by|par|von|por)\s+[^|]{2,60})?"
)


def byline(keywords: tuple[str, ...], labels: tuple[str, ...] = ()) -> str:
    """Names after a byline keyword ("By Jane Smith": two words at least) or a label with a
    colon ("Author: Jane"), maybe with a date clause; the cleaner checks they are names, not
    a common word."""
    # two words at least ("By Functionality" stays), or one handle in camel case ("Written by
    # TurboTaxLisa")
    spoken = rf"(?:{alt(*keywords)})\s+(?=\S+\s+\S|{HANDLE}$)"
    labelled = rf"(?:{alt(*labels)})\s*[:：]\s*" if labels else "(?!)"
    names = NAMES.replace("}", "}?", 1)  # lazy: the date clause is not part of the names
    return rf"(?:{spoken}|{labelled})(?!(?:{NOT_NAMES})\b){names}{BYLINE_DATE_TAIL}"


def anywhere(*phrases: str) -> str:
    """One of the phrases anywhere in a short line (searched, not matched; prose guard applies)."""
    return rf"(?<!\w)(?:{alt(*phrases)})(?!\w)"


# --- author boxes: the label, the name under it, the bio ------------------------------------

# The name printed on its own line under a "Written by" label: a few words, maybe followed by
# credentials or a role after a comma ("Doris Munoz-Mantilla, MD, FOMA, DABOM"); the cleaner
# checks the ``names`` part reads as names.
NAME_LINE = (
    r"(?P<names>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,4})"
    r"(?:\s*[,|]\s*[^,|]{1,40}){0,4}\.?"
)

# A person named at the start of a bio, case-sensitive: capitalised words with particles and a
# nickname in brackets ("Ludovic (Ludo) Fourrage", "Jean de La Fontaine"), maybe a title, then
# credentials or a role after commas ("Mr. Jeffrey A. Slotnick, CPP, PSP,"). Words that start
# a sentence about something else ("The", "This", "She") are no name.
_NOT_A_PERSON = (
    r"the|this|that|these|those|it|its|he|she|they|we|you|i|our|his|her|their|there|here|what"
    r"|which|who|a|an|each|every|today|now|also|and|but|so|le|la|les|il|elle|ce|cette|un|une"
    r"|der|die|das|er|sie|es|ein|eine|el|los|las|ella|este|esta|una"
)


def _person(more: str) -> str:
    return (
        rf"(?-i:(?!(?i:{_NOT_A_PERSON})\b)"
        r"(?:(?:Mr|Mrs|Ms|Dr|Prof|M|Mme|Herr|Frau|Sr|Sra)\.?\s+)?"
        r"[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+(?:\([^()]{1,30}\)|[A-ZÀ-ÖØ-Þ][\w'’.-]*"
        rf"|de|del|der|den|van|von|da|di|du|la|le|al|bin|ibn|y)){more})"
    )


BIO_PERSON = _person("{0,4}")  # "Joe", "Jean-Luc", "Ludovic (Ludo) Fourrage"
BIO_FULL_NAME = _person("{1,4}")  # a first and a last name at least: "Nina Koziol"
_CREDENTIALS = r"(?:\s*,\s*(?-i:[A-Z])[\w.&'’ -]{0,40}?){0,4}\s*,?"
BIO_START = r"[(*\[]?\s*"  # "(Paul Fenaroli is ...)", "*Angela Holliday-Bell, MD, is ..."
BIO_ROLE_GAP = r"(?:[\w'’,&/.()-]+\s+){0,10}?"  # "is a full-time freelance ... writer"


def bio(
    *,
    copulas: tuple[str, ...],
    writing_roles: tuple[str, ...],
    roles: tuple[str, ...],
    verbs: tuple[str, ...],
    pronouns: tuple[str, ...],
    role_gap: str,
    author_nouns: tuple[str, ...] = (),
    labels: tuple[str, ...] = (),
    reporting: tuple[str, ...] = (),
    person: str = BIO_PERSON,
    full_name: str = BIO_FULL_NAME,
) -> str:
    """An author's bio, three shapes: a full name and "is a <writing role>" ("Jane Doe is a
    senior writer at X"); a name and "is <role_gap> <role>" (an article and a few words: "is
    the co-founder of X") or a bio verb ("co-founded"), with the person taken up again by a
    pronoun ("... With experience creating businesses, he ..."); "The author is a <role>". A
    label may come first ("About the author: ..."). A paragraph with a reporting verb ("said",
    "told") is news about the person, not a bio ("Smith is the director of the institute. He
    said ..."). The cleaner tries it on the text's last paragraphs only."""
    lead_in = rf"{BIO_START}(?:(?:{alt(*labels)})\s*[:：.-]\s*)?" if labels else BIO_START
    # checked once the person and the role are found (cheaper than on every paragraph)
    rest = rf"(?!.*(?<!\w)(?:{alt(*reporting)})(?!\w))" if reporting else ""
    copula = rf"(?:{alt(*copulas)})\s+"
    any_role = alt(*writing_roles, *roles)
    writing_role = alt(*writing_roles)
    writing = rf"{full_name}{_CREDENTIALS}\s+{copula}{BIO_ROLE_GAP}(?:{writing_role})(?!\w){rest}.*"
    other = (
        rf"{person}{_CREDENTIALS}\s+(?:{copula}{role_gap}(?:{any_role})|(?:{alt(*verbs)}))(?!\w)"
        rf"{rest}.*?(?<!\w)(?:{alt(*pronouns)})(?!\w).*"
    )
    shapes = [writing, other]
    if author_nouns:
        noun = alt(*author_nouns)
        shapes.append(rf"(?:{noun})\s+{copula}{BIO_ROLE_GAP}(?:{any_role})(?!\w){rest}.*")
    return rf"{lead_in}(?:{alt(*shapes)})"


def bio_more(pronouns: tuple[str, ...]) -> str:
    """A paragraph that goes on about the person of the bio before it: a pronoun in its first
    few words ("She lives in Denver", "In his free time, ...")."""
    return rf"{BIO_START}(?:[\w'’.,-]+\s+){{0,4}}?(?:{alt(*pronouns)})(?!\w).*"
