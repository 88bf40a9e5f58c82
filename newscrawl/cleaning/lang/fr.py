"""French cleaning rules: navigation, related, newsletter, call to action, credits, bylines."""

from __future__ import annotations

from newscrawl.cleaning.model import LineKind
from newscrawl.cleaning.vocab import Spec, anywhere, bio, bio_more, byline, label, lead, whole

K = LineKind
# The person of an author's bio, taken up again.
_PRONOUNS = ("il", "elle", "ils", "elles", "lui", "son", "sa", "ses")

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
    (  # an author box's label: the name under it is a byline (rules.py, "labelled_name")
        K.NAVIGATION,
        "author_label",
        r"(?:(?:écrit|rédigé) par|à propos de l['’](?:auteure?|autrice)|l['’](?:auteure?|autrice)"
        r"|auteure?s?|autrices?)\s*[:：]?",
        5,
        "",
    ),
    (  # a reviewer's box: the name under it is no author (rules.py, "reviewer_name")
        K.NAVIGATION,
        "reviewer_label",
        r"(?:relu|vérifié|révisé|validé)e? par\s*[:：]?",
        4,
        "",
    ),
    (  # an author's bio closing the text: the cleaner tries it on the last paragraphs only
        K.AUTHOR_BIO,
        "bio",
        bio(
            copulas=(r"est|était|a été|travaille comme|est actuellement|sont",),
            writing_roles=(
                r"journalistes?|rédact(?:eur|rice)s?(?: en chef)?|écrivaine?|chroniqueu(?:r|se)",
                r"correspondante?|reporter|photographe|blogueu(?:r|se)|pigiste",
                r"(?:auteure?|autrice) de",
            ),
            roles=(
                r"contribut(?:eur|rice)|(?:co-?)?fondat(?:eur|rice)|direct(?:eur|rice)",
                r"présidente?|professeure?|chercheu(?:r|se)|consultante?|avocate?|médecin",
                r"experte?|spécialiste|maîtresse de conférences|maître de conférences",
                r"enseignante?|doctorante?|analyste|économiste|historienne?|entrepreneu(?:r|se)",
                r"gérante?|ingénieure?|psychologue|sociologue|politologue|philosophe",
            ),
            verbs=(
                r"a (?:co-?)?fondé|couvre|écrit pour|a travaillé|travaille|enseigne|dirige",
                r"a rejoint|a étudié",
            ),
            reporting=(r"a déclaré|a dit|a affirmé|a expliqué|selon|a-t-il|a-t-elle|estime",),
            pronouns=_PRONOUNS,
            # French names a profession without an article: "est professeur à Lyon"
            role_gap=r"(?:(?:aussi|également|actuellement) )?(?:(?:un|une|le|la|l['’])\s*)?"
            r"(?:[\w'’-]+\s+){0,3}?",
            author_nouns=(r"l['’](?:auteure?|autrice)", "les auteurs"),
            labels=(r"à propos de l['’](?:auteure?|autrice)", r"l['’](?:auteure?|autrice)"),
        ),
        150,
        "tail",
    ),
    (K.AUTHOR_BIO, "bio_more", bio_more(_PRONOUNS), 120, "tail after:bio after:bio_more"),
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
    (  # a share bar printed as text ("Cliquez pour partager sur Facebook(ouvre dans une nouvelle
        # fenêtre) Facebook")
        K.NAVIGATION,
        "share_widget",
        r"(?:cliquez pour (?:partager sur \S+|imprimer|envoyer un lien par e-mail à un ami)"
        r"(?:\s*\(?(?:s')?ouvre dans une nouvelle fenêtre\)?)?(?:\s+\S+)?"
        r"|\(?(?:s')?ouvre dans une nouvelle fenêtre\)?"
        r"|partager (?:(?:cet|l') article )?sur\s*[:：]?(?:\s+\S+)?)\.?",
        14,
        "",
    ),
    (  # a sign-up prompt that opens the line, however long
        K.NEWSLETTER,
        "signup_lead",
        r"(?:inscrivez-vous|abonnez-vous)(?: gratuitement| dès maintenant)? (?:à|a)"
        r" (?:notre|la|nos) (?:[\w'’-]+ ){0,3}?(?:newsletters?|lettres? d'information"
        r"|infolettres?)\b.*",
        45,
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
