"""German cleaning rules: navigation, related, newsletter, call to action, credits, bylines."""

from __future__ import annotations

from newscrawl.cleaning.model import LineKind
from newscrawl.cleaning.vocab import Spec, anywhere, bio, bio_more, byline, label, lead, whole

K = LineKind
# The person of an author's bio, taken up again.
_PRONOUNS = ("er", "sie", r"sein(?:e[mnrs]?)?", r"ihr(?:e[mnrs]?)?")

DE: list[Spec] = [
    (
        K.NAVIGATION,
        "label",
        whole(
            "nach oben",
            "zurück nach oben",
            "zum seitenanfang",
            "seitenanfang",
            "zum inhalt springen",
            "zum hauptinhalt",
            "nächster artikel",
            "vorheriger artikel",
            "weiter",
            "zurück",
            "startseite",
            "teilen",
            "artikel teilen",
            "drucken",
            "kommentare",
            r"\d+ kommentare",
            "kommentieren",
            "schließen",
            "alle rechte vorbehalten",
            "inhaltsverzeichnis",
            "artikel anhören",
            "anmelden",
            "mehr anzeigen",
        ),
        8,
        "",
    ),
    (
        K.NAVIGATION,
        "taxonomy",
        label(
            "schlagworte",
            "schlagwörter",
            "stichworte",
            "themen",
            r"tags?",
            r"kategorien?",
            r"rubriken?",
        ),
        25,
        "",
    ),
    (
        K.SOURCE_CREDIT,
        "source_label",
        label(
            r"quellen?",
            r"quellenangaben?",
            "nach angaben von",
            "mit material von",
        ),
        25,
        "credit",
    ),
    (
        K.SOURCE_CREDIT,
        "originally",
        r"(?:dieser|der) (?:artikel|beitrag|text|kommentar|gastbeitrag)\b.{0,60}?\b(?:erschien"
        r"|ist|wurde)\b.{0,30}?\b(?:zuerst|ursprünglich|erstmals|bereits|zunächst)\b.{0,250}",
        60,
        "",
    ),
    (
        K.SOURCE_CREDIT,
        "first_published",
        r"(?:zuerst|ursprünglich|erstmals) (?:erschienen|veröffentlicht) (?:bei|auf|in|im)\b"
        r".{1,150}",
        30,
        "",
    ),
    (
        K.BYLINE,
        "von",
        byline(
            ("von", r"ein (?:beitrag|artikel|kommentar) von", "geschrieben von"),
            ("autor(?:in)?", "text", "von"),
        ),
        14,
        "names",
    ),
    (  # an author box's label: the name under it is a byline (rules.py, "labelled_name")
        K.NAVIGATION,
        "author_label",
        r"(?:geschrieben von|über (?:den autor|die autorin|die autoren)|zum autor|zur autorin"
        r"|autor(?:in)?(?:nen|en)?)\s*[:：]?",
        4,
        "",
    ),
    (  # a reviewer's box: the name under it is no author (rules.py, "reviewer_name")
        K.NAVIGATION,
        "reviewer_label",
        r"(?:(?:medizinisch|fachlich) )?(?:geprüft|überprüft|redigiert) von\s*[:：]?",
        4,
        "",
    ),
    (  # an author's bio closing the text: the cleaner tries it on the last paragraphs only
        K.AUTHOR_BIO,
        "bio",
        bio(
            copulas=(r"ist|war|arbeitet als|schreibt als|sind",),
            writing_roles=(  # compounds too: "Wirtschaftsredakteurin", "Auslandskorrespondent"
                r"\w*(?:journalist|redakteur|korrespondent|reporter|kolumnist|fotograf|blogger)"
                r"(?:in|innen|en)?",
                r"autor(?:in)? (?:des|der|von|mehrerer|zahlreicher)",
                r"freie[rn]? (?:mitarbeiter|autor)(?:in)?",
            ),
            roles=(
                r"\w*(?:gründer|geschäftsführer|direktor|professor|wissenschaftler|berater|leiter"
                r"|inhaber|trainer|ökonom|historiker|dozent|mitarbeiter)(?:in)?",
                r"\w*(?:anwalt|anwältin|arzt|ärztin|experte|expertin)|coach",
            ),
            verbs=(r"schreibt|berichtet|gründete|lehrt|leitet|studierte|arbeitete|arbeitet",),
            reporting=(r"sagte|sagt|erklärte|betonte|so (?:er|sie)|laut",),
            pronouns=_PRONOUNS,
            # German names a profession without an article: "ist Redakteurin im Ressort Politik"
            role_gap=r"(?:(?:auch|derzeit|seit \d{4}) )?(?:(?:ein|eine|der|die)\s+)?"
            r"(?:[\w'’-]+\s+){0,3}?",
            author_nouns=(r"(?:der|unser) autor|(?:die|unsere) autorin|die autor(?:en|innen)",),
            labels=(r"über (?:den autor|die autorin)", "zum autor", "zur autorin"),
        ),
        150,
        "tail",
    ),
    (K.AUTHOR_BIO, "bio_more", bio_more(_PRONOUNS), 120, "tail after:bio after:bio_more"),
    (
        K.RELATED,
        "label",
        lead(
            r"lesen sie (?:auch|mehr|hier|weiter)",
            "mehr zum thema",
            "mehr dazu",
            "zum thema",
            "auch interessant",
            r"das könnte sie (?:auch )?interessieren",
            "weitere artikel",
            "ähnliche artikel",
            "verwandte artikel",
            r"meistgelesen(?:e artikel)?",
            "weiterlesen",
            "empfehlungen",
            r"mehr aus (?:dem ressort|der rubrik)",
            r"mehr (?:news|nachrichten"
            r"|artikel)",
            "auch lesenswert",
            "top-themen",
        ),
        30,
        "",
    ),
    (  # a share bar printed as text ("Klick, um auf Facebook zu teilen (Wird in neuem Fenster
        # geöffnet)")
        K.NAVIGATION,
        "share_widget",
        r"(?:klick(?:en)?(?: sie)?, um (?:auf|über) \S+ zu teilen"
        r"|klick(?:en)?(?: sie)?, um zu drucken"
        r"|klick(?:en)?(?: sie)?, um einem freund einen link per e-mail zu senden)"
        r"(?:\s*\(?wird in neuem fenster geöffnet\)?)?(?:\s+\S+)?"
        r"|\(?(?:wird )?in (?:einem )?neuen? fenster geöffnet\)?|\(?öffnet in neuem fenster\)?"
        r"|(?:(?:auf|bei) \S+ teilen|teilen (?:auf|über|via) \S+)\.?",
        14,
        "",
    ),
    (  # a sign-up prompt that opens the line, however long
        K.NEWSLETTER,
        "signup_lead",
        r"(?:melden sie sich|melde dich|abonnieren sie|abonniere|registrieren sie sich)(?: jetzt)?"
        r"(?: kostenlos)?(?: für| zu)? (?:unseren|den|unsere|zum) (?:[\w'’-]+ ){0,3}?"
        r"newsletter\b.*",
        45,
        "",
    ),
    (
        K.NEWSLETTER,
        "signup",
        r"\b(?:abonnieren|anmelden|registrieren|bestellen)\b.{0,60}\b(?:newsletters?"
        r"|postfach|e-mail)\b|\bnewsletters?\b.{0,60}\b(?:abonnieren|anmelden"
        r"|bestellen)\b",
        30,
        "anywhere",
    ),
    (
        K.NEWSLETTER,
        "label",
        r"(?:(?:unser|der|zum) )?(?:newsletters?|jetzt abonnieren|newsletter abonnieren"
        r"|jetzt anmelden)\s*[!.:]?",
        6,
        "",
    ),
    (
        K.CTA,
        "social",
        anywhere(
            "folgen sie uns",
            "folg(?:e|t) uns",
            "besuchen sie uns auf",
            "hier klicken",
            "klicken sie hier",
            r"laden sie (?:unsere|die) app",
            r"jetzt (?:teilen|herunterladen)",
            r"teilen sie (?:diesen|den) artikel",
            r"mehr nachrichten\s*[:：]",
        ),
        30,
        "anywhere",
    ),
]
