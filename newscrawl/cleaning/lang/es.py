"""Spanish cleaning rules: navigation, related, newsletter, call to action, credits, bylines."""

from __future__ import annotations

from newscrawl.cleaning.model import LineKind
from newscrawl.cleaning.vocab import OPEN, Spec, anywhere, bio, bio_more, byline, label, lead, whole

K = LineKind
# The person of an author's bio, taken up again.
_PRONOUNS = ("él", "ella", "ellos", "su", "sus")

ES: list[Spec] = [
    (
        K.NAVIGATION,
        "label",
        whole(
            "volver arriba",
            "ir arriba",
            "subir",
            "volver al inicio",
            r"ir al contenido(?: principal)?",
            r"siguiente (?:artículo|noticia)",
            r"(?:artículo|noticia) anterior",
            "siguiente",
            "anterior",
            "inicio",
            "portada",
            "compartir",
            r"compartir (?:este artículo|esta noticia)",
            "imprimir",
            "comentarios",
            r"\d+ comentarios",
            r"deja (?:un|tu) comentario",
            "responder",
            "cerrar",
            "todos los derechos reservados",
            "índice",
            r"escuchar (?:este )?artículo",
            "iniciar sesión",
            "regístrate",
        ),
        8,
        "",
    ),
    (
        K.NAVIGATION,
        "taxonomy",
        label(
            "etiquetas",
            "temas",
            r"tags?",
            r"categorías?",
            r"secciones?",
            "palabras clave",
        ),
        25,
        "",
    ),
    (
        K.SOURCE_CREDIT,
        "source_label",
        label(
            r"fuentes?",
            r"créditos?",
            "vía",
            "con informaciones? de",
            "información de",
        ),
        25,
        "credit",
    ),
    (
        K.SOURCE_CREDIT,
        "originally",
        r"(?:este|el) (?:artículo|texto|reportaje|contenido|análisis)\b.{0,60}?\b(?:fue|ha sido"
        r"|se) (?:publicado|publicó|apareció) (?:originalmente|primero|inicialmente"
        r"|por primera vez)?\b.{0,250}",
        60,
        "",
    ),
    (
        K.SOURCE_CREDIT,
        "published_on",
        r"(?:publicado|aparecido) (?:originalmente|primero|inicialmente) (?:en|por)\b.{1,150}",
        30,
        "",
    ),
    (
        K.SOURCE_CREDIT,
        "con_info",
        rf"{OPEN}con (?:información|informaciones|datos) de\s+.{{2,80}}?\s*[)\]]?\.?",
        14,
        "",
    ),
    (
        K.BYLINE,
        "por",
        byline(("por", "escrito por"), ("autora?", "redacción", "por", "texto")),
        14,
        "names",
    ),
    (  # an author box's label: the name under it is a byline (rules.py, "labelled_name")
        K.NAVIGATION,
        "author_label",
        r"(?:escrito por|(?:sobre|acerca) (?:el autor|la autora|de la autora|del autor)"
        r"|(?:el |la )?autora?(?:es)?)\s*[:：]?",
        4,
        "",
    ),
    (  # a reviewer's box: the name under it is no author (rules.py, "reviewer_name")
        K.NAVIGATION,
        "reviewer_label",
        r"(?:revisado|verificado|supervisado)(?: médicamente)? por\s*[:：]?",
        4,
        "",
    ),
    (  # an author's bio closing the text: the cleaner tries it on the last paragraphs only
        K.AUTHOR_BIO,
        "bio",
        bio(
            copulas=(r"es|fue|era|ha sido|trabaja como|son",),
            writing_roles=(
                r"periodistas?|redactora?|escritora?|columnista|corresponsal|reportera?",
                r"fotógrafa?|bloguera?|cronista|autora? de",
            ),
            roles=(
                r"colaboradora?|(?:co)?fundadora?|directora?|presidenta?|profesora?",
                r"investigadora?|consultora?|abogada?|médic[oa]|experta?|especialista",
                r"analista|doctora? en|economista|historiadora?|empresaria?|emprendedora?",
                r"gerente|docente|catedrática?|ingenier[oa]|psicólog[oa]|sociólog[oa]",
            ),
            verbs=(r"escribe|cubre|(?:co)?fundó|ha trabajado|trabajó|trabaja|dirige|enseña",),
            reporting=(r"dijo|afirmó|declaró|explicó|señaló|según|aseguró",),
            pronouns=_PRONOUNS,
            # Spanish names a profession without an article: "es periodista y escritora"
            role_gap=r"(?:(?:también|actualmente) )?(?:(?:un|una|el|la)\s+)?"
            r"(?:[\w'’-]+\s+){0,3}?",
            author_nouns=(r"el autor|la autora|los autores|las autoras",),
            labels=(r"sobre (?:el autor|la autora)", r"acerca (?:del autor|de la autora)"),
        ),
        150,
        "tail",
    ),
    (K.AUTHOR_BIO, "bio_more", bio_more(_PRONOUNS), 120, "tail after:bio after:bio_more"),
    (
        K.RELATED,
        "label",
        lead(
            r"lee (?:también|además|más)",
            r"lea (?:también|además)",
            r"leer (?:más|también)",
            r"(?:también )?(?:te|le) puede interesar",
            "noticias relacionadas",
            "artículos relacionados",
            r"relacionad[oa]s?",
            "más noticias",
            "más información",
            "lo más leído",
            "ver también",
            "ver más",
            "sigue leyendo",
            "te recomendamos",
            "recomendamos",
            "no te pierdas",
            "mira también",
            "en video",
            "te sugerimos",
        ),
        30,
        "",
    ),
    (  # a share bar printed as text ("Haz clic para compartir en Facebook (Se abre en una
        # ventana nueva)")
        K.NAVIGATION,
        "share_widget",
        r"(?:haz clic para (?:compartir en \S+|imprimir|enviar un enlace por correo electrónico"
        r" a un amigo))(?:\s*\(?se abre en una (?:ventana nueva|nueva ventana)\)?)?(?:\s+\S+)?"
        r"|\(?se abre en una (?:ventana nueva|nueva ventana)\)?"
        r"|compartir (?:(?:este artículo|esta noticia) )?en\s*[:：]?(?:\s+\S+)?",
        14,
        "",
    ),
    (  # a sign-up prompt that opens the line, however long
        K.NEWSLETTER,
        "signup_lead",
        r"(?:suscríbete|suscríbase|regístrate|regístrese|apúntate)(?: gratis| ahora)? (?:a|en)"
        r" (?:nuestro|nuestra|nuestros|el|la) (?:[\w'’-]+ ){0,3}?(?:newsletters?|boletín"
        r"|boletines)\b.*",
        45,
        "",
    ),
    (
        K.NEWSLETTER,
        "signup",
        r"\b(?:suscríbete|suscribirse|suscríbase|regístrate|apúntate|recibe)\b.{0,60}"
        r"\b(?:newsletters?|boletín|boletines|correo|email|e-mail)\b",
        30,
        "anywhere",
    ),
    (
        K.NEWSLETTER,
        "label",
        r"(?:(?:nuestro|el) )?(?:newsletters?|boletín(?: informativo)?|suscríbete(?: ahora"
        r"| gratis)?|suscríbase)\s*[!.:]?",
        6,
        "",
    ),
    (
        K.CTA,
        "social",
        anywhere(
            "síguenos",
            "siguenos",
            "síganos",
            "sígueme",
            r"únete a nuestro (?:canal|grupo)",
            r"ha(?:z|ga) clic aquí",
            "pincha aquí",
            r"descarga (?:nuestra|la) app",
            r"comparte (?:esta|este)",
            r"para más noticias\s*[:：]",
        ),
        30,
        "anywhere",
    ),
]
