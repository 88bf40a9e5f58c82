"""The cleaner removes each kind of boilerplate line, in five languages, and never prose."""

from __future__ import annotations

import pytest

from newscrawl.cleaning import CleanResult, LineKind, RemovedLine, clean
from newscrawl.cleaning.rules import rules_for

K = LineKind
PROSE = "The ministry said the new plan would be presented to parliament before the summer recess."

# (line, kind it must be removed as)
REMOVED_LINES: list[tuple[str, LineKind]] = [
    ("Page 1 of 8", K.NAVIGATION),  # a pager
    # captions with credits
    (
        "North Korean leader Kim visited a aircraft factory while in Russia (Image: Getty)",
        K.CAPTION,
    ),
    ("Firefighters battle the blaze near Athens on Tuesday (Photo: AFP)", K.CAPTION),
    ("Le président lors de sa visite à Marseille (Photo : AFP)", K.CAPTION),
    ("Bundeskanzler Scholz bei der Pressekonferenz in Berlin (Foto: dpa)", K.CAPTION),
    ("El presidente durante la rueda de prensa en Madrid (Foto: EFE)", K.CAPTION),
    ("الرئيس خلال المؤتمر الصحفي في القاهرة (الصورة: رويترز)", K.CAPTION),
    ("Keir Starmer at the conference in Liverpool. Photograph: Stefan Rousseau/PA", K.CAPTION),
    ("Protesters gather outside parliament | Photo: Reuters", K.CAPTION),
    ("A rescue worker in Gaza City (AFP via Getty Images)", K.CAPTION),
    ("Migrants wait at the border near Tijuana. (Photo by John Moore/Getty Images)", K.CAPTION),
    # standalone image credits
    ("Photo: AFP", K.IMAGE_CREDIT),
    ("Photo : AFP", K.IMAGE_CREDIT),
    ("Foto: dpa", K.IMAGE_CREDIT),
    ("Foto: picture alliance / dpa", K.IMAGE_CREDIT),
    ("Image: Getty Images", K.IMAGE_CREDIT),
    ("(Image: Getty)", K.IMAGE_CREDIT),
    ("Getty Images", K.IMAGE_CREDIT),
    ("AFP via Getty Images", K.IMAGE_CREDIT),
    ("REUTERS/Kevin Lamarque", K.IMAGE_CREDIT),
    ("Kevin Lamarque/Reuters", K.IMAGE_CREDIT),
    ("© Getty Images", K.IMAGE_CREDIT),
    ("Crédit photo : Ludovic Marin / AFP", K.IMAGE_CREDIT),
    ("Bild: Imago Images", K.IMAGE_CREDIT),
    ("Imagen: Europa Press", K.IMAGE_CREDIT),
    ("تصوير: محمد علي", K.IMAGE_CREDIT),
    ("Photo by Jane Doe on Unsplash", K.IMAGE_CREDIT),
    # source credits
    ("Source of data and images: daily-express", K.SOURCE_CREDIT),
    ("Source: Daily Express", K.SOURCE_CREDIT),
    ("Source : Le Monde", K.SOURCE_CREDIT),
    ("Sources: AFP, Reuters", K.SOURCE_CREDIT),
    ("المصدر: ديلي إكسبريس", K.SOURCE_CREDIT),
    ("المصدر : وكالات", K.SOURCE_CREDIT),
    ("Quelle: dpa", K.SOURCE_CREDIT),
    ("Fuente: Europa Press", K.SOURCE_CREDIT),
    ("This article originally appeared on The Conversation.", K.SOURCE_CREDIT),
    ("This story was originally published by ProPublica.", K.SOURCE_CREDIT),
    (
        "This article is republished from The Conversation under a Creative Commons license.",
        K.SOURCE_CREDIT,
    ),
    ("Reporting by Andrew Osborn; Editing by Alison Williams", K.SOURCE_CREDIT),
    (
        "(Reporting by Jane Doe in London; additional reporting by John Roe; Editing by Mark Heinrich)",
        K.SOURCE_CREDIT,
    ),
    ("Additional reporting by Maria Garcia", K.SOURCE_CREDIT),
    ("Copyright 2024 The Associated Press. All rights reserved.", K.SOURCE_CREDIT),
    ("(With inputs from PTI)", K.SOURCE_CREDIT),
    ("With AFP", K.SOURCE_CREDIT),
    ("Avec AFP", K.SOURCE_CREDIT),
    ("(dpa)", K.SOURCE_CREDIT),
    ("Mit Material von dpa und Reuters", K.SOURCE_CREDIT),
    ("Con información de EFE", K.SOURCE_CREDIT),
    ("وكالات", K.SOURCE_CREDIT),
    ("Cet article a été initialement publié sur The Conversation.", K.SOURCE_CREDIT),
    ("Dieser Artikel erschien zuerst bei Spiegel Online.", K.SOURCE_CREDIT),
    ("Este artículo fue publicado originalmente en El País.", K.SOURCE_CREDIT),
    ("نقلا عن صحيفة الشرق الأوسط", K.SOURCE_CREDIT),
    ("By The Associated Press", K.SOURCE_CREDIT),
    # bylines
    ("By Jane Smith", K.BYLINE),
    ("By JANE SMITH and JOHN DOE, Associated Press", K.BYLINE),
    ("Written by Cassidy Horton", K.BYLINE),
    ("Von Hans Müller", K.BYLINE),
    ("Par Jean Dupont", K.BYLINE),
    ("Por Juan Pérez", K.BYLINE),
    ("بقلم: محمد أحمد", K.BYLINE),
    # call to action, social
    ("For more news: Elrisala ، For social communication, follow us on Facebook .", K.CTA),
    ("Follow us on Twitter and Instagram", K.CTA),
    ("Click here to download our free app", K.CTA),
    ("Suivez-nous sur Facebook et Twitter", K.CTA),
    ("Folgen Sie uns auf Instagram", K.CTA),
    ("Síguenos en Twitter", K.CTA),
    ("تابعونا على فيسبوك", K.CTA),
    ("لمزيد من الأخبار: الرسالة ، وللتواصل الاجتماعي تابعونا على فيسبوك .", K.CTA),
    # navigation
    ("Back to top button", K.NAVIGATION),
    ("Back to top", K.NAVIGATION),
    ("زر الذهاب إلى الأعلى", K.NAVIGATION),
    ("Retour en haut de la page", K.NAVIGATION),
    ("Zurück nach oben", K.NAVIGATION),
    ("Volver arriba", K.NAVIGATION),
    ("Tags: Russia, North Korea, Kim Jong Un", K.NAVIGATION),
    ("Next article", K.NAVIGATION),
    ("Share this article", K.NAVIGATION),
    ("5 min read", K.NAVIGATION),
    ("Jun 08, 2023 • 11 Minute Read", K.NAVIGATION),
    ("View author page", K.NAVIGATION),
    ("Become a paid subscriber to Every to unlock this piece and learn about:", K.CTA),
    ("Get the Hindustan Times app!", K.CTA),
    ("Download now", K.CTA),
    ("Read more news like this on HindustanTimes.com", K.RELATED),
    (
        "By providing a telephone number and submitting via form on our website, you are"
        " consenting to be contacted by SMS text message. Message & data rates may apply.",
        K.CTA,
    ),
    ("Reply Help for more information. You can reply STOP to opt-out of further messaging.", K.CTA),
    (
        '[[["Easy to understand","easyToUnderstand","thumb-up"],["Solved my problem",'
        '"solvedMyProblem","thumb-up"]],[["Missing the information I need","missingInfo",'
        '"thumb-down"]]]',
        K.TEMPLATE,
    ),
    # related / read more
    ("Related Articles", K.RELATED),
    ("Read more: Kim arrives in Russia by armoured train", K.RELATED),
    ("READ MORE: Putin and Kim sign defence pact", K.RELATED),
    ("You might also like", K.RELATED),
    ("[Read more: A Guide to Small Business Accounting]", K.RELATED),
    ("[ Also read Remote work: 3 cultural benefits – and potential risks. ]", K.RELATED),
    ("Lire aussi : Le gouvernement présente son budget", K.RELATED),
    ("À lire aussi | La réforme des retraites", K.RELATED),
    ("Lesen Sie auch: Die Ampel streitet über den Haushalt", K.RELATED),
    ("Mehr zum Thema", K.RELATED),
    ("Lee también: El Gobierno aprueba los presupuestos", K.RELATED),
    ("Noticias relacionadas", K.RELATED),
    ("اقرأ أيضا: الرئيس يزور موسكو", K.RELATED),
    ("مواضيع ذات صلة", K.RELATED),
    # newsletter
    ("Sign up for our newsletter", K.NEWSLETTER),
    ("Get the best of Creative Boom delivered to your inbox weekly", K.NEWSLETTER),
    ("Subscribe to get the latest posts sent to your email.", K.NEWSLETTER),
    ("Inscrivez-vous à notre newsletter", K.NEWSLETTER),
    ("Jetzt Newsletter abonnieren", K.NEWSLETTER),
    ("Suscríbete a nuestro boletín", K.NEWSLETTER),
    ("اشترك في النشرة البريدية", K.NEWSLETTER),
    # advertisement labels
    ("Advertisement", K.ADVERTISEMENT),
    ("- Advertisement -", K.ADVERTISEMENT),
    ("Story continues below advertisement", K.ADVERTISEMENT),
    ("Anzeige", K.ADVERTISEMENT),
    ("Publicité", K.ADVERTISEMENT),
    ("إعلان", K.ADVERTISEMENT),
    (
        "Products are chosen independently by our editors. Purchases made through our links may earn us a commission.",
        K.ADVERTISEMENT,
    ),
    ("Advertisement: New AI Book!", K.ADVERTISEMENT),
    ("Follow us", K.CTA),
    ("Book a demo", K.CTA),
    ("This story is funded by readers like you", K.CTA),
    ("Thank you! Your submission has been received!", K.CTA),
    ("Oops! Something went wrong while submitting the form.", K.CTA),
    ("If you are a human, ignore this field", K.CTA),
    ("Listen to this article in summarized format", K.CTA),
    ("[CTA_MODULE]", K.TEMPLATE),
    (
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
        "incididunt ut labore et dolore magna aliqua.",
        K.TEMPLATE,
    ),
    ("Lorem Ipsum", K.TEMPLATE),
    ("Lorem ipsum 2", K.TEMPLATE),
    ("- Lorem ipsum 1", K.TEMPLATE),  # a design template's list of filler items
    ("Written by", K.NAVIGATION),
    ("Last updated on:", K.NAVIGATION),
    ("Dec 08, 2023", K.NAVIGATION),
    ("Reviewed by Jo-ann Caballes", K.NAVIGATION),
    ("Medically reviewed by Jane Doe, MD", K.NAVIGATION),
    ("{{ newsletter_signup }}", K.TEMPLATE),
    # share bars printed as text (WordPress/Jetpack), in five languages
    ("Click to share on Facebook (Opens in new window) Facebook", K.NAVIGATION),
    ("Click to print (Opens in new window) Print", K.NAVIGATION),
    ("Share the Blog on:", K.NAVIGATION),
    ("Check Price on Amazon", K.CTA),
    ("Opens in a new window", K.NAVIGATION),
    ("Cliquez pour partager sur Facebook(ouvre dans une nouvelle fenêtre) Facebook", K.NAVIGATION),
    ("Klicken, um auf X zu teilen (Wird in neuem Fenster geöffnet) X", K.NAVIGATION),
    ("Haz clic para compartir en Facebook (Se abre en una ventana nueva) Facebook", K.NAVIGATION),
    ("انقر للمشاركة على فيسبوك (فتح في نافذة جديدة)", K.NAVIGATION),
    # bylines with a date and a reviewer, a handle; a reviewer alone is no byline
    (
        "By Matthew Frankel, CFP – Updated Mar 5, 2026 at 4:28 PM EST | Fact-checked by Frank Bass",
        K.BYLINE,
    ),
    ("Written by TurboTaxLisa", K.BYLINE),
    ("Fact-checked by Frank Bass", K.NAVIGATION),
    ("by:", K.NAVIGATION),
    ("By", K.NAVIGATION),
    # image credits without a label
    ("Wei-An Jin for Quanta Magazine", K.IMAGE_CREDIT),
    ("Samuel Velasco/Quanta Magazine", K.IMAGE_CREDIT),
    ("SolStock/E+ via Getty Images", K.IMAGE_CREDIT),
    ("Image used under license from Shutterstock", K.IMAGE_CREDIT),
    ("Image utilisée sous licence de Shutterstock", K.IMAGE_CREDIT),
    ("Bild unter Lizenz von Shutterstock", K.IMAGE_CREDIT),
    ("Imagen utilizada bajo licencia de Shutterstock", K.IMAGE_CREDIT),
    # newsletter prompts as long as a sentence, anchored on their opening or three keywords
    (
        "Sign up to our newsletter to enjoy New York without spending a thing (as well as"
        " options when you're feeling flush).",
        K.NEWSLETTER,
    ),
    (
        "Love movies? Live for TV? USA TODAY's Watch Party newsletter has all the best"
        " recommendations, delivered right to your inbox. Sign up now and be one of the cool kids.",
        K.NEWSLETTER,
    ),
    ("Thank you for subscribing to our daily newsletter.", K.NEWSLETTER),
    (
        "Inscrivez-vous à notre newsletter pour recevoir chaque matin l'essentiel de l'actualité,"
        " choisi et analysé par notre rédaction.",
        K.NEWSLETTER,
    ),
    (
        "Melden Sie sich für unseren Newsletter an und erhalten Sie jeden Morgen die wichtigsten"
        " Nachrichten des Tages.",
        K.NEWSLETTER,
    ),
    (
        "Suscríbete a nuestro boletín y recibe cada mañana en tu correo las noticias más"
        " importantes del día.",
        K.NEWSLETTER,
    ),
    (
        "اشترك في النشرة البريدية لتصلك أهم الأخبار كل صباح مباشرة إلى بريدك الإلكتروني من فريق التحرير.",
        K.NEWSLETTER,
    ),
    # a date alone on a line, its month's name in any of the five languages
    ("3. März 2026", K.NAVIGATION),
    ("12 décembre 2025", K.NAVIGATION),
    ("5 كانون الثاني 2024", K.NAVIGATION),
    ("-", K.NAVIGATION),  # a list item's marker on its own line, its text below
    ("•", K.NAVIGATION),
    ("Love Tech World With Milan Newsletter? Tell your friends and get rewards.", K.CTA),
    ("Buy on Amazon | Buy on Adorama", K.CTA),
    ("Buy Check Price at Amazon UK Check Price at Amazon US", K.CTA),
    ("$298 on Amazon", K.CTA),
    ("Join Medium for free to get updates from this writer.", K.CTA),
    ("Help me spread the word about this podcast!", K.CTA),
    ("Next article: Go wins 2010 Bossie award", K.NAVIGATION),
    ("Previous Post - Share memory by communicating", K.NAVIGATION),
    ("Already have an account? Log in", K.NAVIGATION),
    ("Get Jane Doe's stories in your inbox", K.NEWSLETTER),
    ("Receive the latest technical articles and release notes in your inbox.", K.NEWSLETTER),
    # affiliate disclosures: the site's or the writer's own links
    ("This post may contain affiliate links.", K.ADVERTISEMENT),
    ("Note: this blog uses affiliate links.", K.ADVERTISEMENT),
    (
        "We also use affiliate links in articles to earn commissions if you make a purchase after"
        " clicking on those links.",
        K.ADVERTISEMENT,
    ),
    ("Some of the products below are linked through our affiliate links.", K.ADVERTISEMENT),
    # an affiliate disclosure under its label, longer than the unlabelled rule's budget
    (
        "Disclosure: As an Affiliate Marketer, I earn from qualifying purchases. If you click a"
        " product affiliate link on A Farmgirl's Kitchen and make a purchase, I may receive a"
        " commission at no additional cost to you! I own every cooking product I recommend and"
        " love how they perform.",
        K.ADVERTISEMENT,
    ),
    # a recipe card's rating prompt, and an appeal for the site that reads like a sentence
    (
        "Did you make one of my recipes? Please take a moment to leave a star rating. Also, if you"
        " are on Pinterest, please feel free to leave a comment there!",
        K.CTA,
    ),
    (
        "The best way to support my work is to like / comment / share for the algorithm and"
        " subscribe for future updates.",
        K.CTA,
    ),
    # a cookie banner's opener and the consent plugin's category texts
    (
        "We use cookies on our website to give you the most relevant experience by remembering"
        " your preferences and repeat visits. By clicking “Accept”, you consent to the use of ALL"
        " the cookies.",
        K.NAVIGATION,
    ),
    (
        "Necessary cookies are absolutely essential for the website to function properly. These"
        " cookies ensure basic functionalities and security features of the website, anonymously.",
        K.NAVIGATION,
    ),
    (
        "This website uses cookies to improve your experience while you navigate through the"
        " website. Out of these, the cookies that are categorized as necessary are stored on your"
        " browser as they are essential for the working of basic functionalities of the website."
        " We also use third-party cookies that help us analyze and understand how you use this"
        " website. These cookies will be stored in your browser only with your consent.",
        K.NAVIGATION,
    ),
    (
        "Cookie Duration Description "
        + " ".join(
            f"cookielawinfo-checkbox-{c} 11 months This cookie is set by GDPR Cookie Consent"
            f" plugin. The cookie is used to store the user consent for the cookies in the"
            f' category "{c}".'
            for c in ("analytics", "functional", "others", "necessary", "performance")
        ),
        K.NAVIGATION,
    ),
]

# Article prose that mentions rule keywords but must stay.
KEPT_LINES = [
    "Reuters reported last week that the two leaders had agreed to meet again in the autumn.",
    "By Monday, the committee had voted to approve the plan.",
    "[Watching the ice melt was the hardest part of the trip, she wrote in her diary.]",
    "[Related] terms are explained in the glossary at the end of this guide.",
    "By the time firefighters arrived, the building had collapsed.",
    "Source: the ministry's own figures, published on Friday, show a sharp rise in arrests.",
    "Residents can sign up for emergency alerts on the county website, officials said on Tuesday.",
    "The photographer, who works for AFP, said he had never seen such destruction in twenty years.",
    "Reporting by the Financial Times showed that the plan had been drafted months earlier.",
    "Copyright law changed in 2019, when the European Union adopted its directive on the matter.",
    "Follow-up talks are planned for next week in Geneva, diplomats said.",
    "He urged young people to follow us on the path of peace and reconciliation in the whole region.",
    "Related to this, the central bank raised interest rates for the third time this year.",
    "Par ailleurs, le ministre a annoncé une hausse du budget de la défense.",
    "Von Montag an gelten in Berlin neue Regeln für den Nahverkehr.",
    "Por eso, el Gobierno ha decidido aplazar la votación hasta septiembre.",
    "كتب الرئيس رسالة إلى نظيره الروسي يدعوه فيها إلى زيارة القاهرة الشهر المقبل.",
    "Stay at home if you feel unwell, the health ministry advised on Sunday.",
    "More than 500 people attended the rally in central London on Saturday afternoon.",
    "Share prices fell sharply after the announcement.",
    "Page 1 of the report lists every school that closed.",
    "Home prices rose by 4% in March compared with a year earlier.",
    "Originally published in March 2022, the report was updated twice after the election.",
    "The agency earned a commission of 3% on every sale, according to court filings.",
    "- CVs in your inbox within 72 hours",  # a service's benefit in a list, no sign-up
    "3. MODEX 2026",  # a numbered heading: a trade show and its year, no date
    "The next story in the series will look at how the city pays for its buses.",
    "Volunteers knocked on doors for weeks to help spread the word about the new clinic.",
    "Buy at the Right Time",  # a shopping guide's subheading, no shop named
    # prose about affiliate marketing, not a disclosure of the site's own links
    "- Affiliate programs: Streamers earn a commission when viewers buy games, gear, or software"
    " via affiliate links.",
    "Also, you can find pinners in your niche to join your marketing efforts through affiliate"
    " links.",
    "Creators use affiliate links to earn money from the products they show in their videos.",
    "Thank you! Your kindness has been received by the whole town, the mayor wrote.",
    "[NASA]",
    "Written by a committee of experts, the report was published in 2019.",
    "The plan was reviewed by the committee on Tuesday and approved with two changes.",
    # prose that mentions sharing, a caption-like sentence, headings, newsletters and cookies
    "Share on Facebook and Instagram grew by 12% last year, according to the company's report.",
    "Click to share on social media was the button readers used most, the study found.",
    "Partager sur les réseaux sociaux est devenu un réflexe pour les jeunes lecteurs.",
    "Wei-An Jin for Quanta Magazine photographed the team in its laboratory last spring.",
    "by",  # Lean's tactic block, alone on its line
    "Best Lenses for Landscape Photography",
    "Tips for Social Media",
    "By TurboTaxLisa's own account, the form takes ten minutes.",
    "Subscribers to our newsletter grew to 40,000 last year, the company said in its report.",
    "The newsletter, delivered to your inbox every Friday morning, now has 40,000 readers, the"
    " company said on Tuesday.",
    "Cookies are small files that a website stores in your browser to remember your settings.",
    "Lorem ipsum is the scrambled Latin that designers have used as filler since the 1500s.",
    "We use cookies and other tracking tools in this study to measure how readers behave online.",
    "Disclosure: the author owns shares in two of the bakeries mentioned in this story, which"
    " opened in 2019 and 2021.",
    "Did you make this recipe with rye flour instead? It works, but the dough needs more water.",
    "Grants from the foundation support our work in the region, the charity's director said.",
    # a list item ending with its photo's credit is a slide of the article, not a caption
    "- How can I charge a PHEV? Because they have smaller batteries, PHEVs take less time to"
    " charge at a Level 2 outlet than a pure EV. Photo: Consumer Reports",
    "- Follow up on RSVPs – contact any guests who haven't responded.",
    # a short JSON object in a code example, a time that is no reading time
    '{"name":"John Doe","email":"john@example.com"}',
    "1 minute",
    "Reading time is the metric editors watch most closely, the survey of newsrooms found.",
    "Standard message and data rates from your carrier are why the app now sends email instead.",
]


@pytest.mark.parametrize(("line", "kind"), REMOVED_LINES)
def test_removes_line_with_its_kind_and_exact_text(line: str, kind: LineKind) -> None:
    result = clean(f"{PROSE}\n\n{line}\n\n{PROSE} Again.")
    assert result.text == f"{PROSE}\n\n{PROSE} Again."
    assert [(r.text, r.kind) for r in result.removed] == [(line, kind)]
    assert result.removed[0].rule.split(".")[1] == kind.value


def test_byline_with_a_reviewer_names_the_author_only() -> None:
    from newscrawl.authors import clean_authors

    line = (
        "By Matthew Frankel, CFP – Updated Mar 5, 2026 at 4:28 PM EST | Fact-checked by Frank Bass"
    )
    result = clean(f"{line}\n\n{PROSE}")
    assert [(r.text, r.kind) for r in result.removed] == [(line, K.BYLINE)]
    assert clean_authors([result.removed[0].text])[0] == ["Matthew Frankel"]


def test_a_reading_time_printed_under_its_label_goes() -> None:
    result = clean(f"Estimated reading time:\n\n1 minute\n\n{PROSE}\n\n1 minute")
    assert result.text == f"{PROSE}\n\n1 minute"
    assert [(r.text, r.kind) for r in result.removed] == [
        ("Estimated reading time:", K.NAVIGATION),
        ("1 minute", K.NAVIGATION),
    ]


def test_page_furniture_printed_as_a_list_goes_with_its_marker() -> None:
    text = f"- Home\n\n- 2 min read\n\n{PROSE}\n\n- See also: A Brief History of Photography"
    result = clean(text)
    assert result.text == PROSE
    assert [(r.text, r.kind) for r in result.removed] == [
        ("- Home", K.NAVIGATION),
        ("- 2 min read", K.NAVIGATION),
        ("- See also: A Brief History of Photography", K.RELATED),
    ]


def test_an_articles_list_item_is_not_judged_as_a_call_to_action_or_credit() -> None:
    items = "- Buy now, pay later purchases\n\n- Photo: Jane Doe/AFP"
    assert clean(f"{PROSE}\n\n{items}").text == f"{PROSE}\n\n{items}"
    # the same lines without the marker are what those rules remove
    assert [r.kind for r in clean(f"{PROSE}\n\nBuy now, pay later purchases").removed] == [K.CTA]


def test_a_lone_by_goes_the_name_under_it_stays() -> None:
    result = clean(f"By:\n\nRose Potter, Betsy Arnold\n\n{PROSE}")
    assert result.text == f"Rose Potter, Betsy Arnold\n\n{PROSE}"
    assert [(r.text, r.kind) for r in result.removed] == [("By:", K.NAVIGATION)]


@pytest.mark.parametrize("line", KEPT_LINES)
def test_keeps_prose_that_mentions_rule_keywords(line: str) -> None:
    result = clean(f"{PROSE}\n\n{line}")
    assert result.removed == []
    assert result.text == f"{PROSE}\n\n{line}"


@pytest.mark.parametrize(
    ("first", "prefix", "rest"),
    [
        (
            "LONDON (Reuters) - The Bank of England raised rates.",
            "LONDON (Reuters) -",
            "The Bank of England raised rates.",
        ),
        ("(AP) — Voters head to the polls today.", "(AP) —", "Voters head to the polls today."),
        (
            "PARIS (AFP) - Le gouvernement a démissionné.",
            "PARIS (AFP) -",
            "Le gouvernement a démissionné.",
        ),
        (
            "WASHINGTON, March 3 (Reuters) - The Senate voted.",
            "WASHINGTON, March 3 (Reuters) -",
            "The Senate voted.",
        ),
        (
            "Berlin (dpa) - Die Regierung hat beschlossen.",
            "Berlin (dpa) -",
            "Die Regierung hat beschlossen.",
        ),
        (
            "Madrid, 5 mar (EFE).- El Gobierno aprobó el plan.",
            "Madrid, 5 mar (EFE).-",
            "El Gobierno aprobó el plan.",
        ),
        (
            "القاهرة (رويترز) - قالت الحكومة المصرية اليوم إن",
            "القاهرة (رويترز) -",
            "قالت الحكومة المصرية اليوم إن",
        ),
        (
            "NEW YORK (AP) — Stocks fell on Wall Street.",
            "NEW YORK (AP) —",
            "Stocks fell on Wall Street.",
        ),
    ],
)
def test_dateline_prefix_goes_rest_of_paragraph_stays(first: str, prefix: str, rest: str) -> None:
    result = clean(f"{first}\n\n{PROSE}")
    assert result.text == f"{rest}\n\n{PROSE}"
    assert [(r.text, r.kind) for r in result.removed] == [(prefix, K.DATELINE)]


def test_dateline_only_near_the_start() -> None:
    late = "The minister said (Reuters) - that was wrong."
    text = f"{PROSE}\n\n{PROSE} Two.\n\n{PROSE} Three.\n\nLONDON (Reuters) - {late}"
    assert clean(text).removed == []


def test_headline_repeated_as_first_paragraph_is_removed() -> None:
    title = "Kim visits Russian aircraft factory"
    result = clean(f"Kim visits Russian  aircraft factory.\n\n{PROSE}", title=title)
    assert result.text == PROSE
    assert result.removed == [
        RemovedLine("Kim visits Russian aircraft factory.", K.TITLE, "title.repeated")
    ]
    # the headline further down is a quote of it, not a repetition
    assert clean(f"{PROSE}\n\n{title}", title=title).removed == []


def test_headline_repeated_under_a_byline_and_a_date_is_removed_and_they_stay() -> None:
    title = "Kim visits Russian aircraft factory"
    result = clean(f"Written by Jane Doe\n\nDec 08, 2023\n\n{title}\n\n{PROSE}", title=title)
    assert (K.TITLE, title) in [(r.kind, r.text) for r in result.removed]
    assert title not in result.text
    assert result.text.endswith(PROSE)


def test_template_lines_are_removed_after_static_rules() -> None:
    footer = "Elrisala is an independent news website founded in 2010."
    text = (
        f"{PROSE}\n\nSource: Reuters\n\nELRISALA is an independent news website founded in 2010.\n"
    )
    result = clean(text, template_lines=[footer, "Source: Reuters"])
    assert result.text == PROSE
    assert [(r.kind, r.rule) for r in result.removed] == [
        (K.SOURCE_CREDIT, "en.source_credit.source_label"),  # static rule wins: credit kept
        (K.TEMPLATE, "template"),
    ]


def test_hygiene_nfc_whitespace_invisible_characters() -> None:
    raw = "  Cafe\u0301\u00a0au   lait\u200b\u00ad here.\t\r\n\n\n\nSecond\u2003para\x07graph.  "
    result = clean(raw)
    assert result.text == "Café au lait here.\n\nSecond paragraph."
    assert result.removed == []


def test_language_selects_rules_and_none_means_all() -> None:
    assert clean("Zurück nach oben", language="de").text == ""
    assert clean("Zurück nach oben", language="en").text == "Zurück nach oben"
    assert clean("Zurück nach oben").text == ""
    assert clean("Zurück nach oben", language="xx").text == ""  # unknown: all languages
    names = [r.name for r in rules_for(None)]
    assert len(names) == len(set(names))
    for lang in ("en", "fr", "de", "es", "ar"):
        assert any(n.startswith(f"{lang}.") for n in names)


def test_everything_removed_gives_empty_text() -> None:
    result = clean("Related Articles\n\nBack to top button")
    assert result == CleanResult(
        "",
        [
            RemovedLine("Related Articles", K.RELATED, "en.related.label"),
            RemovedLine("Back to top button", K.NAVIGATION, "en.navigation.label"),
        ],
    )


# --- author boxes: the name under a "Written by" label, the bio closing the text -------------
@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Written by", "Scott Matton"),
        ("Article written by:", "Doris Munoz-Mantilla, MD, FOMA, DABOM"),
        ("About the Author", "Maureen Salamon, Executive Editor, Harvard Women's Health Watch"),
        ("Author", "Eliz"),
        ("Écrit par", "Marie Dupont"),
        ("À propos de l'auteur", "Jean-Pierre Martin"),
        ("Geschrieben von", "Hans Müller"),
        ("Über die Autorin", "Anna Schmidt"),
        ("Escrito por", "Juan Pérez"),
        ("Sobre la autora", "María García"),
        ("بقلم", "محمد أحمد"),
        ("عن الكاتب", "سارة علي"),
    ],
)
def test_name_under_an_author_label_is_a_byline(label: str, name: str) -> None:
    result = clean(f"{label}\n\n{name}\n\n{PROSE}")
    assert result.text == PROSE
    assert [(r.text, r.kind) for r in result.removed] == [
        (label, K.NAVIGATION),
        (name, K.BYLINE),
    ]
    assert result.removed[1].rule == "*.byline.labelled_name"


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Article reviewed by:", "Anila Chadha MD, DABOM"),
        ("Medically reviewed by", "Jane Doe, MD"),
        ("Relu par", "Claire Petit"),
        ("Medizinisch geprüft von", "Dr. Jonas Weber"),
        ("Revisado por", "Lucía Torres"),
    ],
)
def test_name_under_a_reviewer_label_is_no_byline(label: str, name: str) -> None:
    result = clean(f"{PROSE}\n\n{label}\n\n{name}")
    assert result.text == PROSE
    assert [(r.text, r.kind) for r in result.removed] == [
        (label, K.NAVIGATION),
        (name, K.NAVIGATION),
    ]


def test_a_name_or_a_sentence_not_under_an_author_label_stays() -> None:
    # the same name elsewhere, and a sentence under the label, are text
    text = f"Scott Matton\n\n{PROSE}\n\nWritten by\n\nthe committee, the report took two years."
    result = clean(text)
    assert result.text == f"Scott Matton\n\n{PROSE}\n\nthe committee, the report took two years."
    assert [(r.text, r.kind) for r in result.removed] == [("Written by", K.NAVIGATION)]
    # under the label, the name goes as the byline the attribution stage reads
    assert [r.kind for r in clean("Written by\n\nScott Matton").removed] == [
        K.NAVIGATION,
        K.BYLINE,
    ]


CLOSING_BIOS = [
    (
        "Jane Doe is a senior writer at The Daily Courier who covers health policy. She previously"
        " reported on City Hall for the Boston Globe.",
        "en",
    ),
    ("Sam Lee is a freelance journalist based in Nairobi.", "en"),
    (
        "Joe Kindness is the co-founder and CEO of AgencyAnalytics, a marketing reporting"
        " platform. With experience creating multiple businesses, he thrives on hard problems.",
        "en",
    ),
    (
        "About the author: Craig Hull is a freelance photographer and videographer based in"
        " Eastern Europe. You can find more of his work on his website.",
        "en",
    ),
    (
        "(Paul Fenaroli is an Associate Attorney at Pastore. He advises private companies on"
        " mergers and acquisitions.)",
        "en",
    ),
    ("The author is a professor of history at the University of Leeds.", "en"),
    (
        "Marie Dupont est journaliste au service politique du Monde. Elle a auparavant travaillé"
        " pour Libération.",
        "fr",
    ),
    ("L'auteur est professeur de science politique à l'université de Lyon.", "fr"),
    (
        "Hans Müller ist Wirtschaftsredakteur der Frankfurter Rundschau. Zuvor arbeitete er für"
        " das Handelsblatt.",
        "de",
    ),
    ("Zur Autorin: Anna Schmidt ist freie Journalistin in Hamburg.", "de"),
    (
        "Juan Pérez es periodista especializado en economía. Antes trabajó en El País, donde"
        " cubrió la crisis financiera.",
        "es",
    ),
    ("El autor es profesor de Economía en la Universidad de Salamanca.", "es"),
    ("محمد أحمد هو كاتب وصحفي مصري، يكتب في الشؤون السياسية.", "ar"),
    ("عن الكاتب: سارة علي هي باحثة في الاقتصاد السياسي، ولها عدة كتب.", "ar"),
]


@pytest.mark.parametrize(("bio", "lang"), CLOSING_BIOS)
def test_author_bio_closing_the_text_is_removed(bio: str, lang: str) -> None:
    result = clean(f"{PROSE}\n\n{PROSE} Again.\n\n{bio}")
    assert result.text == f"{PROSE}\n\n{PROSE} Again."
    assert result.removed == [RemovedLine(bio, K.AUTHOR_BIO, f"{lang}.author_bio.bio")]
    # and before a last short line of the page ("Read more posts by")
    assert clean(f"{PROSE}\n\n{bio}\n\nRead more posts by").text == (
        f"{PROSE}\n\nRead more posts by"
    )


def test_bio_sentence_inside_a_profile_stays_the_closing_bio_goes() -> None:
    profile = (
        "Jane Doe is a senior writer at The Daily Courier who covers City Hall. She joined the"
        " paper in 2010, after six years at a local radio station."
    )
    body = [PROSE, profile, f"{PROSE} Two.", f"{PROSE} Three.", f"{PROSE} Four."]
    closing = "John Roe is a staff writer at The Daily Courier. He covers education."
    result = clean("\n\n".join([*body, closing]))
    assert result.text == "\n\n".join(body)
    assert [(r.text, r.kind) for r in result.removed] == [(closing, K.AUTHOR_BIO)]


@pytest.mark.parametrize(
    "last",
    [
        # long prose at the end, without the shape
        "In the end, the ministry said, the plan would cost less than the one it replaces, and"
        " it would be reviewed every two years by an independent panel of experts.",
        # news about a person, not a bio: a reporting verb
        "Smith is the director of the institute. He said the results were surprising.",
        # "is a ... editor / contributor" about a thing
        "Visual Studio Code is a free code editor made by Microsoft.",
        "Methane is a major contributor to global warming, scientists say.",
        # a role with no person taken up again
        "Putin is the president of Russia and has held power since 2000.",
        "She is a writer and lives in Maine.",
    ],
)
def test_prose_closing_the_text_stays_a_bio_after_it_goes(last: str) -> None:
    bio = "Jane Doe is a senior writer at The Daily Courier. She covers health policy."
    result = clean(f"{PROSE}\n\n{last}\n\n{bio}")
    assert result.text == f"{PROSE}\n\n{last}"
    assert [(r.text, r.kind) for r in result.removed] == [(bio, K.AUTHOR_BIO)]


def test_paragraphs_going_on_about_the_bio_person_go_with_it() -> None:
    bio = (
        "Karina Cohen is the owner of CR Maids, a cleaning company in Denver. With a background"
        " in retail, she has led business strategy for twenty years."
    )
    more = "When she is not leading CR Maids, she serves on the board of a local charity."
    result = clean(f"{PROSE}\n\n{bio}\n\n{more}")
    assert result.text == PROSE
    assert [(r.kind, r.rule) for r in result.removed] == [
        (K.AUTHOR_BIO, "en.author_bio.bio"),
        (K.AUTHOR_BIO, "en.author_bio.bio_more"),
    ]
    # without a bio before it, the same paragraph is text
    assert clean(f"{PROSE}\n\n{more}").removed == []


def test_two_closing_bios_both_go() -> None:
    first = "Jane Doe is a reporter at The Daily Courier."
    second = "John Roe is a photographer based in Leeds."
    result = clean(f"{PROSE}\n\n{first}\n\n{second}")
    assert result.text == PROSE
    assert [r.text for r in result.removed] == [first, second]


def test_a_legal_disclaimer_closing_the_text_goes_one_inside_it_stays() -> None:
    """A site's notice under the article ("Disclaimer:" and its paragraphs, an adviser's
    "does not provide tax, legal or accounting advice"); the same words in the body stay."""
    label = "Disclaimer:"
    service = (
        "As a service to our readers, Health Publishing provides access to our library of"
        " archived content. Please note the date of last review on all articles."
    )
    notice = (
        "No content on this site, regardless of date, should ever be used as a substitute for"
        " direct medical advice from your doctor or other qualified clinician."
    )
    adviser = (
        "Example Wealth, LLC and its affiliates do not provide tax, legal or accounting advice."
        " This material should not be relied on for tax, legal or accounting decisions."
    )
    result = clean("\n\n".join([PROSE, label, service, notice]))
    assert result.text == PROSE
    assert {(r.text, r.rule) for r in result.removed} == {
        (label, "en.advertisement.disclaimer_label"),
        (service, "en.advertisement.disclaimer_more"),
        (notice, "en.advertisement.disclaimer"),
    }
    assert clean(f"{PROSE}\n\n{adviser}").text == PROSE
    body = [PROSE, notice, f"{PROSE} Two.", f"{PROSE} Three."]
    assert clean("\n\n".join(body)).text == "\n\n".join(body)
    assert clean(f"{PROSE}\n\n{service}").text == f"{PROSE}\n\n{service}"
