"""German cleaning rules: navigation, related, newsletter, call to action, credits, bylines."""

from __future__ import annotations

from newscrawl.cleaning.model import LineKind
from newscrawl.cleaning.vocab import Spec, anywhere, byline, label, lead, whole

K = LineKind

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
