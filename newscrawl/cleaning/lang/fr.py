"""French cleaning rules: navigation, related, newsletter, call to action, credits, bylines."""

from __future__ import annotations

from newscrawl.cleaning.model import LineKind
from newscrawl.cleaning.vocab import Spec, anywhere, byline, label, lead, whole

K = LineKind

FR: list[Spec] = [
    (
        K.NAVIGATION,
        "label",
        whole(
            r"retour en haut(?: de (?:la )?page)?",
            r"haut de (?:la )?page",
            r"aller au contenu(?: principal)?",
            "article suivant",
            "article précédent",
            "suivant",
            "précédent",
            "accueil",
            "partager",
            "partager cet article",
            "imprimer",
            r"commentaires?",
            r"\d+ commentaires?",
            "laisser un commentaire",
            "répondre",
            "fermer",
            "tous droits réservés",
            "sommaire",
            r"écouter (?:cet )?article",
            "se connecter",
            "connexion",
            "lire la suite",
        ),
        8,
        "",
    ),
    (
        K.NAVIGATION,
        "taxonomy",
        label(
            r"mots[- ]clés",
            r"tags?",
            r"thèmes?",
            r"sujets?",
            r"catégories?",
            r"rubriques?",
        ),
        25,
        "",
    ),
    (
        K.SOURCE_CREDIT,
        "source_label",
        label(r"sources?", r"crédits?", "d'après", "via"),
        25,
        "credit",
    ),
    (
        K.SOURCE_CREDIT,
        "originally",
        r"(?:cet|l') ?(?:article|texte|entretien|tribune)\b.{0,60}?\b(?:a (?:d'abord |initialement"
        r" |originellement )?été|est) (?:d'abord |initialement |originellement )?(?:publié|paru"
        r"|diffusé)e?s?\b.{0,250}",
        60,
        "",
    ),
    (
        K.SOURCE_CREDIT,
        "published_on",
        r"(?:article |texte )?(?:publié|paru) (?:initialement|originellement|d'abord|à l'origine)"
        r" (?:sur|dans|par)\b.{1,150}",
        30,
        "",
    ),
    (
        K.BYLINE,
        "par",
        byline(
            ("par", "propos recueillis par", "rédigé par", "écrit par"),
            ("auteure?", "par", "texte"),
        ),
        14,
        "names",
    ),
    (
        K.RELATED,
        "label",
        lead(
            r"[àa] lire (?:aussi|également|ensuite)",
            r"lire (?:aussi|également|la suite)",
            "voir aussi",
            r"à voir (?:aussi|également)",
            r"sur le même (?:sujet|thème)",
            r"articles? (?:similaires|liés|associés|en lien)",
            "dans la même rubrique",
            "nos articles",
            "les plus lus",
            "les plus populaires",
            "découvrir aussi",
            "à découvrir",
            "plus d'articles",
            "en savoir plus",
            "notre dossier",
            "vous aimerez aussi",
            "vous pourriez aimer",
            "ces articles pourraient vous intéresser",
            "recommandé pour vous",
            "à la une",
        ),
        30,
        "",
    ),
    (
        K.NEWSLETTER,
        "signup",
        r"\b(?:inscrivez-vous|abonnez-vous|inscription|recevez|recevoir)\b.{0,60}"
        r"\b(?:newsletters?|lettres? d'information|infolettres?|courriel|e-mail|boîte mail"
        r"|alertes)\b",
        30,
        "anywhere",
    ),
    (
        K.NEWSLETTER,
        "label",
        r"(?:(?:notre|la) )?(?:newsletters?|lettre d'information|infolettre|abonnez-vous"
        r"(?: maintenant| dès maintenant)?|je m'abonne|s'inscrire)\s*[!.:]?",
        6,
        "",
    ),
    (
        K.CTA,
        "social",
        anywhere(
            "suivez[- ]nous",
            "rejoignez[- ]nous",
            "retrouvez[- ]nous",
            r"abonnez-vous à (?:notre|nos) (?:chaîne|page|compte)",
            "likez notre page",
            r"téléchargez (?:notre|l')application",
            "cliquez ici",
            r"pour plus d'(?:infos|informations|actualités)\s*[:：]",
            r"partagez (?:cet|l') article",
        ),
        30,
        "anywhere",
    ),
]
