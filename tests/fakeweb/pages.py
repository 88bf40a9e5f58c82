"""Page templates of the fake news sites: article pages and feeds in each site's own layout.

The article pages and RSS feeds under ``sites/`` were rendered with these templates and kept
as plain files (hub pages, robots.txt, sitemaps and the Atom feed were written alongside);
edit the files directly. Tests use the templates to publish new articles at run time
(``web.add(url, express_article(...))``) in the same layout as the static ones.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from html import escape


@dataclass
class Story:
    """What an article page shows; each template lays it out its own way."""

    url: str
    title: str
    paragraphs: list[str]
    published: str = ""  # ISO 8601, "" = the page shows no date
    modified: str = ""
    authors: list[str] = field(default_factory=list)
    section: str = "News"
    standfirst: str = ""
    caption: str = ""  # figure caption under the lead image
    related: list[tuple[str, str]] = field(default_factory=list)  # (title, url)
    canonical: str = ""  # rel=canonical href ("" = the page's own url)
    show_title: bool = True  # False: no <title>, og:title, h1 nor JSON-LD headline


def _jsonld(story: Story, publisher: str, lang: str) -> str:
    data: dict[str, object] = {"@context": "https://schema.org", "@type": "NewsArticle",
                               "mainEntityOfPage": story.canonical or story.url,
                               "inLanguage": lang}  # fmt: skip
    if story.show_title:
        data["headline"] = story.title
    if story.published:
        data["datePublished"] = story.published
    if story.modified:
        data["dateModified"] = story.modified
    if story.authors:
        data["author"] = [{"@type": "Person", "name": a} for a in story.authors]
    data["publisher"] = {"@type": "Organization", "name": publisher}
    return json.dumps(data, ensure_ascii=False)


def _head(story: Story, site_name: str, publisher: str, lang: str, title_suffix: str) -> str:
    e = escape
    parts = ['<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">']  # fmt: skip
    if story.show_title:
        parts += [f"<title>{e(story.title)}{e(title_suffix)}</title>",
                  f'<meta property="og:title" content="{e(story.title)}">']  # fmt: skip
    parts += [
        '<meta property="og:type" content="article">',
        f'<meta property="og:site_name" content="{e(site_name)}">',
        f'<meta property="og:url" content="{e(story.canonical or story.url)}">',
        f'<meta name="description" content="{e(story.standfirst)}">',
        f'<link rel="canonical" href="{e(story.canonical or story.url)}">',
    ]
    if story.published:
        parts.append(f'<meta property="article:published_time" content="{story.published}">')
    parts.append(f'<script type="application/ld+json">{_jsonld(story, publisher, lang)}</script>')
    return "\n".join(parts)


def _paras(story: Story) -> str:
    return "\n".join(f"<p>{p}</p>" for p in story.paragraphs)


def _related(story: Story, heading: str, cls: str) -> str:
    items = "".join(f'<li><a href="{escape(u)}">{escape(t)}</a></li>' for t, u in story.related)
    return f'<div class="{cls}"><h3>{heading}</h3><ul>{items}</ul></div>' if items else ""


def _nice_date(iso: str) -> str:
    return datetime.fromisoformat(iso).strftime("%H:%M, %a, %b %d, %Y") if iso else ""


EXPRESS_NAV = ('<nav class="primary"><a href="/">Home</a> <a href="/news">News</a> '
               '<a href="/news/uk">UK</a> <a href="/news/world">World</a> '
               '<a href="/news/politics">Politics</a> <a href="/news/royal">Royal</a> '
               '<a href="/latest/weather">Weather</a> <a href="/video/latest">Video</a> '
               '<a href="/account/login">Sign in</a> <a href="/search?q=">Search</a></nav>')  # fmt: skip
EXPRESS_COOKIES = ('<div id="cookie-consent" class="consent-banner"><p>We use cookies and similar '
                   'technologies to personalise content and ads. By clicking "Accept all" you '
                   'agree to this.</p><button>Accept all</button><button>Manage options'
                   '</button></div>')  # fmt: skip


def express_article(story: Story) -> str:
    """An express.test (tabloid) article page."""
    byline = ", ".join(story.authors)
    updated = f" | UPDATED: {_nice_date(story.modified)}" if story.modified else ""
    figure = (f'<figure class="lead"><img src="/img/{zlib.crc32(story.url.encode()) % 9999}.jpg" alt="">'
              f"<figcaption>{story.caption}</figcaption></figure>") if story.caption else ""  # fmt: skip
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
{_head(story, "Express.co.uk", "Daily Express", "en-GB", " | UK | News | Express.co.uk")}
</head>
<body class="article-page">
{EXPRESS_COOKIES}
<header class="masthead"><a class="logo" href="/">Daily Express</a>{EXPRESS_NAV}</header>
<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/news">News</a> &gt; <a href="/news/{story.section.lower()}">{story.section}</a></div>
<main class="container">
<article class="story">
<h1>{escape(story.title)}</h1>
<h3 class="standfirst">{escape(story.standfirst)}</h3>
<div class="byline"><span class="author">By <a href="/authors/profile/{byline.lower().replace(" ", "-")}">{escape(byline)}</a></span>
<time datetime="{story.published}">{_nice_date(story.published)}</time>{updated}</div>
<div class="share-bar"><a href="https://facebook.test/share">Share on Facebook</a> <a href="https://twitter.test/share">Share on X</a> <a href="whatsapp://send">WhatsApp</a> <a href="mailto:?">Email</a> <span class="comments">Comments</span></div>
{figure}
<div class="text-description">
{_paras(story)}
</div>
</article>
{_related(story, "Related articles", "related-articles")}
</main>
<aside class="sidebar"><h3>Most Read</h3><ol><li><a href="/news/royal/1890511/king-charles-windsor-christmas-plans">King's Christmas plans revealed</a></li><li><a href="/news/politics/1890652/chancellor-fuel-duty-freeze-budget">Fuel duty frozen again</a></li></ol>
<div class="ad-slot">Advertisement</div></aside>
<footer class="site-footer"><a href="/about">About us</a> <a href="/terms">Terms</a> <a href="/account/subscriptions">Subscriptions</a><p>Copyright ©2026 Express Newspapers. "Daily Express" is a registered trademark. All rights reserved.</p></footer>
</body>
</html>
"""


def elrisala_article(story: Story, lang: str = "en") -> str:
    """An elrisala.test (WordPress aggregator theme) article page; ``lang`` "en" or "ar"."""
    direction = "rtl" if lang == "ar" else "ltr"
    return f"""<!DOCTYPE html>
<html lang="{lang}" dir="{direction}">
<head>
{_head(story, "Elrisala", "Elrisala", lang, " - Elrisala")}
</head>
<body class="post-template-default single single-post">
<div class="top-bar"><span class="today-date">Sunday, 30 November 2026</span> <a href="/wp-admin/">Log in</a></div>
<div class="breaking-news"><span>Breaking news</span><ul><li><a href="/category/world/">World leaders gather for climate talks</a></li></ul></div>
<header id="theme-header"><div class="logo"><a href="/">Elrisala</a></div>
<nav id="main-nav"><ul class="menu"><li><a href="/">Home</a></li><li><a href="/category/world/">World</a></li><li><a href="/category/economy/">Economy</a></li><li><a href="/category/sports/">Sports</a></li><li><a href="/ar/">العربية</a></li><li><a href="/?s=">Search for</a></li></ul></nav></header>
<div id="content" class="container">
<article id="the-post" class="post type-post">
<h1 class="post-title entry-title">{escape(story.title)}</h1>
<div class="post-meta"><span class="meta-author"><a href="/author/admin/">admin</a></span> <span class="date meta-item">{story.published[:10]}</span></div>
<div class="share-links"><a href="https://facebook.test/sharer">Facebook</a> <a href="https://twitter.test/intent">X</a> <a href="https://linkedin.test/share">LinkedIn</a> <a href="whatsapp://send">WhatsApp</a></div>
<div class="entry-content entry clearfix">
{_paras(story)}
<p>{"مقالات ذات صلة" if lang == "ar" else "Related Articles"}</p>
<p><span class="go-to-top">{"زر الذهاب إلى الأعلى" if lang == "ar" else "Back to top button"}</span></p>
</div>
<div class="post-bottom-meta post-bottom-tags"><span class="tagcloud"><a href="/tag/{story.section.lower()}/">{story.section}</a></span></div>
</article>
{_related(story, "", "related-posts-list")}
</div>
<aside class="sidebar"><div class="widget"><h4>Most popular</h4><ul><li><a href="/category/economy/">Gold prices hold near record</a></li></ul></div></aside>
<footer id="footer"><div class="copyright">© Copyright 2026, All Rights Reserved</div></footer>
</body>
</html>
"""


def valley_article(story: Story) -> str:
    """A valleyherald.test (regional paper running wire copy) article page."""
    dateline = (f'<p class="dateline">Published {story.published[:10]}</p>'
                if story.published else "")  # fmt: skip
    h1 = f'<h1 class="headline">{escape(story.title)}</h1>' if story.show_title else ""
    authors = ", ".join(story.authors)
    by = f'<p class="byline">By {escape(authors)}</p>' if authors else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
{_head(story, "The Valley Herald", "The Valley Herald", "en", " - The Valley Herald")}
</head>
<body>
<div class="gdpr-notice">This site uses cookies. <a href="/privacy">Find out more</a> <button>OK</button></div>
<header><div class="brand"><a href="/">The Valley Herald</a> <span>Serving the valley since 1871</span></div>
<ul class="nav"><li><a href="/news/">News</a></li><li><a href="/news/local/">Local</a></li><li><a href="/news/world/">World</a></li><li><a href="/business/">Business</a></li><li><a href="/members/login">Members</a></li></ul></header>
<div class="page">
<div class="story-wrap">
{h1}
{by}
{dateline}
<div class="story-body">
{_paras(story)}
</div>
<ul class="social"><li><a href="https://facebook.test/share">Facebook</a></li><li><a href="https://twitter.test/share">Twitter</a></li><li><a href="/members/newsletter">Newsletter</a></li></ul>
</div>
{_related(story, "More from the Herald", "more-stories")}
<div class="sidebar"><h4>Weather</h4><p>Valley: 7C, showers</p><h4>Notices</h4><p><a href="/members/notices">Family notices</a></p></div>
</div>
<footer><p>© 2026 Valley Herald Media Ltd. Registered in England.</p><a href="/contact">Contact</a></footer>
</body>
</html>
"""


def quotidien_article(story: Story) -> str:
    """A lequotidien.test (French regional daily) article page."""
    auteurs = ", ".join(story.authors)
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
{_head(story, "Le Quotidien du Sud", "Le Quotidien du Sud", "fr", " | Le Quotidien du Sud")}
</head>
<body>
<div id="didomi-notice"><p>Nous utilisons des cookies pour améliorer votre expérience et mesurer l'audience.</p><button>Accepter</button> <button>Paramétrer</button></div>
<header class="entete"><a href="/" class="logo">Le Quotidien du Sud</a>
<nav><a href="/">Accueil</a> <a href="/rubrique/actualite/">Actualité</a> <a href="/rubrique/economie/">Économie</a> <a href="/rubrique/societe/">Société</a> <a href="/abonnement/offre">S'abonner</a></nav></header>
<main>
<article class="article">
<p class="surtitre">{escape(story.section)}</p>
<h1 class="titre">{escape(story.title)}</h1>
<p class="chapo">{escape(story.standfirst)}</p>
<p class="signature">Par <a href="/auteur/{auteurs.lower().replace(" ", "-")}/">{escape(auteurs)}</a> — publié le <time datetime="{story.published}">{story.published[:10]}</time></p>
<div class="partage"><a href="https://facebook.test/share">Partager</a> <a href="https://twitter.test/share">Tweeter</a> <a href="mailto:?">Envoyer</a></div>
<div class="corps">
{_paras(story)}
</div>
</article>
{_related(story, "À lire aussi", "a-lire-aussi")}
</main>
<aside><h3>Les plus lus</h3><ul><li><a href="/rubrique/societe/">Société</a></li></ul></aside>
<footer><p>© Le Quotidien du Sud 2026 — Tous droits réservés</p><a href="/mentions-legales">Mentions légales</a></footer>
</body>
</html>
"""


def rss(title: str, link: str, lang: str, items: list[Story]) -> str:
    """An RSS 2.0 feed of ``items`` (newest first, as given)."""
    entries = []
    for s in items:
        date = format_datetime(datetime.fromisoformat(s.published)) if s.published else ""
        entries.append(f"<item><title>{escape(s.title)}</title><link>{escape(s.url)}</link>"
                       f"<guid isPermaLink=\"true\">{escape(s.url)}</guid>"
                       f"<pubDate>{date}</pubDate>"
                       f"<description>{escape(s.standfirst)}</description></item>")  # fmt: skip
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>{escape(title)}</title><link>{link}</link><language>{lang}</language>\n"
            + "\n".join(entries) + "\n</channel></rss>\n")  # fmt: skip
