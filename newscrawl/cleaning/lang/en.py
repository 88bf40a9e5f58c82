"""English cleaning rules: navigation, related, newsletter, call to action, credits, bylines."""

from __future__ import annotations

from newscrawl.cleaning.model import LineKind
from newscrawl.cleaning.vocab import (
    CLOSE,
    NAMES,
    OPEN,
    Spec,
    alt,
    anywhere,
    bio,
    bio_more,
    byline,
    label,
    lead,
    whole,
)
from newscrawl.months import ARABIC, LATIN, alternation

K = LineKind

# A date: a month's name (any of the five languages'), not any word ("3. MODEX 2026", a
# numbered heading, is no date), or numbers.
_MONTH_NAME = rf"(?:{alternation(LATIN | ARABIC)})\.?"
_DATE = rf"(?:{_MONTH_NAME}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\.?\s+{_MONTH_NAME}\s+\d{{4}}"
_DATE += r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
_TIME = r"(?:[ ,]+(?:at\s+|um\s+|à\s+|a las\s+)?\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?m\.?)?"
_TIME += r"\s*(?:[A-Z]{2,4})?)?"
# "Originally published in March 2022" dates the page; it credits no one.
_NOT_A_DATE = rf"(?!\s+(?:(?:on|in|at)\s+)?(?:\d|{_MONTH_NAME}\s+\d))"
# The person of an author's bio, taken up again.
_PRONOUNS = ("he", "she", "they", "his", "her", "their", "him")
# Labels of a pointer to other stories ("Related Articles", "Read more: <headline>").
_RELATED = (
    r"related(?: articles?| stories| posts| news| content| coverage| reading| topics| links"
    r"| videos?)?",
    "browse related articles",
    r"read (?:more|also|next|this next|the latest|full (?:story|article))",
    "also read",
    "must read",
    "see also",
    r"more (?:from|on|about|in)\s+(?-i:[A-Z0-9\"“])[^.!?]{0,60}",
    r"more (?:news|stories|articles|like this|coverage)",
    r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)",
    r"recommended(?: for you| stories| reading| articles| videos)?",
    r"most (?:read|popular|viewed|shared)",
    r"trending(?: now| stories| news)?",
    r"popular (?:posts|stories|articles)",
    "further reading",
    "keep reading",
    "continue reading",
    "what to read next",
    r"editor'?s picks?",
    "top stories",
    r"latest (?:news|stories|articles|posts|videos)",
    r"don'?t miss",
    "watch",
    "listen",
    "explore more",
    "discover more",
    "in case you missed it",
    "icymi",
    r"also on \w+",
    "related links",
)

# what an affiliate disclosure says (phrases article prose does not use): the site or the
# writer uses affiliate links, not someone the article is about ("Streamers earn a commission
# when viewers buy gear via affiliate links" is prose about affiliate marketing, WCXB 0231)
_DISCLOSURE = (
    r"(?:contains?|includes?) (?:some |our )?affiliate links?",
    r"(?:we|i|blog|site|website|post|page|article) (?:also |may )?uses? (?:some )?affiliate links?",
    r"(?:through|via|from) our affiliate links?",
    r"affiliate (?:disclosure|disclaimer|commissions?)",
    r"(?:we|i) (?:may )?(?:earn|receive|get) (?:a )?(?:small )?(?:commissions?|fees?)",
    r"as an amazon associate",
    r"advertiser disclosure",
    r"products are (?:chosen|selected) independently",
    r"(?:this|the) (?:post|article|story|page) (?:is|was) sponsored",
    r"supported by (?:commissions|affiliate)",
)

# Shops a product box's buttons send the reader to.
_RETAILERS = (
    "amazon", "walmart", "best buy", "target", "ebay", "adorama", r"b&h(?: photo)?", "newegg",
    "etsy", "home depot", "lowe's", "costco", "wayfair", "sephora", "ulta", "rei", "macy's",
    "nordstrom", "zappos",
)  # fmt: skip

EN: list[Spec] = [
    (
        K.NAVIGATION,
        "label",
        whole(
            r"back to top(?: button)?",
            r"skip to (?:main )?content",
            r"next (?:article|story|post|page)",
            r"previous (?:article|story|post|page)",
            r"page \d+ (?:of|/) \d+",  # a pager
            "prev",
            "next",
            "home",
            "menu",
            "search",
            "share",
            r"share this(?: article| story| post)?",
            r"share on \w+",
            "print",
            "e-?mail",
            "tweet",
            "pin it",
            "whatsapp",
            r"comments?",
            r"\d+ comments?",
            "no comments",
            r"(?:view|show) comments",
            r"leave a (?:comment|reply)",
            "reply",
            r"loading\.*",
            "close",
            "go to top",
            "scroll to top",
            "top of page",
            r"back to (?:home|homepage|blogs?|news|articles?)",
            "all rights reserved",
            "cookie settings",
            r"accept(?: all)? cookies",
            "table of contents",
            "contents",
            "in this article",
            r"jump to(?: section)?",
            r"listen to (?:this )?article",
            "play",
            "like this",
            "like",
            "you are here",
            r"breadcrumbs?",
            "sign in",
            "log ?in",
            r"already have an account\?\s*(?:log ?in|sign in)",
            "log out",
            "register",
            r"tags?",
            "topics",
            "pin (?:it|this|for later)",
            r"view (?:the )?author(?:'s)? (?:page|profile)",
        ),
        8,
        "",
    ),
    (
        K.NAVIGATION,
        "taxonomy",
        label(
            r"tags?",
            r"topics?",
            "filed under",
            "categories",
            "category",
            "posted in",
        ),
        25,
        "",
    ),
    (
        K.NAVIGATION,
        "updated",
        rf"(?:published|posted|updated|last updated|first published)"
        rf"\s*(?:on|at)?\s*[:：]?\s*{_DATE}{_TIME}\.?",
        12,
        "",
    ),
    (  # the labels of a byline box, each printed on a line of its own ("Updated on" / date)
        K.NAVIGATION,
        "byline_label",
        # a lone "By" or "by:" (not Lean's "by"): the name under it stays, since a listing
        # prints "By:" over the names it credits
        r"(?:(?:last )?updated on|published on|posted on)\s*[:：]?|(?-i:By)|by\s*[:：]",
        4,
        "",
    ),
    (  # an author box's label: the name under it is a byline (rules.py, "labelled_name")
        K.NAVIGATION,
        "author_label",
        r"(?:(?:(?:article|post|story) )?written by|about the authors?|(?:the )?authors?"
        r"|meet the author|author bio|article by)\s*[:：]?",
        4,
        "",
    ),
    (  # a reviewer's box: the name under it is no author (rules.py, "reviewer_name")
        K.NAVIGATION,
        "reviewer_label",
        r"(?:(?:(?:article|medically|expert) )?(?:reviewed|fact[- ]checked|edited) by"
        r"|about the (?:medical )?reviewer|(?:medical )?reviewer)\s*[:：]?",
        4,
        "",
    ),
    # a date alone on a line, under the headline or above a teaser ("Dec 08, 2023")
    (K.NAVIGATION, "date_only", rf"{_DATE}{_TIME}", 6, ""),
    # a date with the reading time ("Jun 08, 2023 • 11 Minute Read"); the label of a reading
    # time printed on a line of its own and the time under it ("Estimated reading time:" /
    # "1 minute")
    (
        K.NAVIGATION,
        "date_reading_time",
        rf"{_DATE}\s*[•·|–—-]\s*\d+\s*(?:min(?:ute)?s?|mins?)\.?\s+read",
        10,
        "",
    ),
    (K.NAVIGATION, "reading_time_label", r"(?:estimated )?reading time\s*[:：]?", 3, ""),
    (
        K.NAVIGATION,
        "reading_time_value",
        r"(?:less than |about )?(?:an?|\d+)\s*(?:min(?:ute)?s?|mins?)\.?",
        4,
        "after:reading_time_label",
    ),
    (  # a reviewer is no author: not a byline for the attribution stage to read
        K.NAVIGATION,
        "reviewed_by",
        r"(?:(?:medically |expert |fact[- ]checked and )?reviewed"
        r"|(?:edited (?:and|&) )?fact[- ]checked) by\s+[\w.'’ -]{2,60}?(?:,\s*[\w.]{2,10}){0,3}",
        10,
        "",
    ),
    (  # a share bar printed as text ("Click to share on Facebook (Opens in new window) Facebook")
        K.NAVIGATION,
        "share_widget",
        rf"{OPEN}(?:click to (?:share on \S+|share with \S+|print|email a link to a friend)"
        rf"(?:\s*\(?opens? in (?:a )?new (?:window|tab)\)?)?(?:\s+\S+)?"
        rf"|\(?opens? in (?:a )?new (?:window|tab)\)?"
        rf"|share (?:(?:this|the) (?:article|post|story|blog|page) )?(?:on|via)\s*[:：]?"
        rf"|(?:read the article\s+)?open share drawer(?:\s+share this)?\s*[:：]?){CLOSE}",
        14,
        "",
    ),
    (
        K.SOURCE_CREDIT,
        "source_label",
        label(
            r"sources?",
            r"source of [\w ,&-]{1,40}",
            "via",
            "credit to",
            r"courtesy(?: of)?",
            r"originally published (?:at|on|in|by)",
            r"original (?:article|story|source)",
        ),
        25,
        "credit",
    ),
    (
        K.SOURCE_CREDIT,
        "originally",
        r"(?:this|the) (?:article|story|post|piece|report|interview|op-ed|column|essay|content)\b"
        r".{0,60}?\b(?:was )?(?:originally|first|initially) (?:appeared|published|posted|ran|run"
        rf"|featured|written)\b{_NOT_A_DATE}.{{0,250}}",
        60,
        "",
    ),
    (
        K.SOURCE_CREDIT,
        "version_of",
        r"(?:a|an earlier|another) version of this (?:article|story|report|piece|post)\b.{0,250}",
        60,
        "",
    ),
    (
        K.SOURCE_CREDIT,
        "originally_short",
        rf"(?:originally|first) (?:published|appeared|posted){_NOT_A_DATE}\s+(?:on|in|at|by)\b"
        r".{1,150}",
        30,
        "",
    ),
    (
        K.SOURCE_CREDIT,
        "republished",
        r"(?:this (?:article|story|piece|post) (?:is|was|has been) )?(?:republished|reprinted"
        r"|reproduced|syndicated|reposted)\s+(?:from|with (?:the )?permission|by permission"
        r"|courtesy|under)\b.{0,250}",
        60,
        "",
    ),
    (
        K.SOURCE_CREDIT,
        "reporting_by",
        rf"{OPEN}(?:(?:additional|further)\s+)?(?:reporting|writing|editing|compiled|research"
        rf"|graphics|produced|translation|translated|fact[- ]checked)\s+by\s+{NAMES}",
        60,
        "names",
    ),
    (
        K.BYLINE,
        "by",
        byline(
            ("by", "written by", "words by", "story by", "text by", "reported by", "posted by"),
            ("authors?", "by", "written by"),
        ),
        22,
        "names",
    ),
    (  # an author's bio closing the text: the cleaner tries it on the last paragraphs only
        K.AUTHOR_BIO,
        "bio",
        bio(
            copulas=(r"is|was|are|were|has been|had been|serves as|works as|is currently",),
            writing_roles=(
                r"writer|journalist|reporter|correspondent|columnist|blogger|photographer",
                r"videographer|content creator|copywriter|author of",
                # "senior editor", not "a free code editor"
                r"(?<!code )(?<!text )(?<!video )(?<!photo )(?<!image )(?<!html )(?<!source )"
                r"editor",
            ),
            roles=(
                r"contributor|co-?founder|founder|owner|ceo|cto|cfo|coo|cmo|vice president",
                r"director|manager",
                r"executive|consultant|advis[eo]r|attorney|lawyer|physician|doctor|surgeon|nurse",
                r"pediatrician|dietitian|nutritionist|therapist|psychologist|psychiatrist",
                r"professor|lecturer|faculty|teacher|educator|researcher|scientist|analyst",
                r"economist|expert|specialist|strategist|marketer|coach|trainer|designer",
                r"developer|engineer|entrepreneur|historian|critic|veteran|scholar|practitioner",
                r"provider",
            ),
            verbs=(
                r"co-?founded|founded|started|covers|writes|has written|has covered|has worked",
                r"worked|specializes|specialises|studied|holds|joined|leads|teaches",
            ),
            reporting=(r"said|says|told|tells|according to|added|stated|asked",),
            pronouns=_PRONOUNS,
            # "is the co-founder", "is an Associate Attorney", not "is dedicated to ... expert"
            role_gap=r"(?:also |currently |now )?(?:a|an|the|one of the)\s+(?:[\w'’&/-]+\s+){0,6}?",
            author_nouns=("the authors?",),
            labels=("about the authors?", "author bio"),
        ),
        150,
        "tail",
    ),
    (K.AUTHOR_BIO, "bio_more", bio_more(_PRONOUNS), 120, "tail after:bio after:bio_more"),
    (K.RELATED, "label", lead(*_RELATED), 30, ""),
    # a pager to the neighbouring story, with its headline ("Next article: Go wins 2010 Bossie
    # award", "Previous Post - Share memory by communicating")
    (
        K.NAVIGATION,
        "pager_headline",
        lead(r"(?:next|previous|prev|older|newer) (?:article|story|post|entry)"),
        30,
        "",
    ),
    # a pointer set in square brackets inside the text, with or without a separator: "[Read
    # more: A Guide to Small Business Accounting]", "[ Also read Remote work: … ]"
    (K.RELATED, "bracketed", rf"\[\s*(?:{alt(*_RELATED)})\b.{{0,200}}\]", 40, ""),
    # a pointer to the outlet's site closing a syndicated story ("Read more news like this on
    # HindustanTimes.com")
    (
        K.RELATED,
        "more_on_site",
        r"read more (?:news|stories|articles)(?: like this)? on \S+",
        10,
        "",
    ),
    (
        K.NEWSLETTER,
        "signup",
        r"\b(?:sign up|signup|subscribe|register|join|opt in)\b.{0,40}\b(?:newsletters?"
        r"|mailing list|email list|inbox|our (?:\w+ ){0,2}(?:updates|alerts|briefing|digest|list"
        r"|emails?))\b",
        30,
        "anywhere",
    ),
    (
        K.NEWSLETTER,
        "inbox",
        anywhere(
            r"(?:delivered|sent|straight|directly|right) (?:(?:straight|directly|right) )?"
            r"(?:to|into) your (?:inbox|email|e-mail)",
            # what lands in your inbox is sent to you: "Get X's stories in your inbox"; a
            # benefit listed in the article ("CVs in your inbox within 72 hours") stays
            r"(?:get|receive|look out for)\b.{0,80}? in your inbox",
            r"enter your e-?mail(?: address)?",
            "your email address",
            r"by (?:signing up|subscribing)",
            "unsubscribe at any time",
            "you can unsubscribe",
            r"thanks for (?:signing up|subscribing)",
        ),
        30,
        "anywhere",
    ),
    (  # a sign-up prompt that opens the line: no prose guard, so a long pitch goes too ("Sign up
        # to our newsletter to enjoy New York without spending a thing (as well as ...)")
        K.NEWSLETTER,
        "signup_lead",
        r"(?:sign up|subscribe|register|join)(?: now| today| here| for free)?(?: to| for)?"
        r" (?:our|the|my) (?:free |daily |weekly )?(?:[\w'’&-]+ ){0,3}?(?:newsletters?"
        r"|mailing list|email list)\b.*",
        45,
        "",
    ),
    (  # a newsletter's pitch: the newsletter and its delivery to the inbox in one line ("USA
        # TODAY's Watch Party newsletter has all the best recommendations, delivered right to
        # your inbox. Sign up now ..."): the newsletter, the inbox and the sign-up in one line
        K.NEWSLETTER,
        "pitch",
        r"^(?=.*\bnewsletters?\b)(?=.*\b(?:sign up|subscribe)\b).*\b(?:delivered|sent|straight"
        r"|directly|right) (?:(?:straight|directly|right) )?(?:to|into) your inbox\b"
        r"|\bthank you for (?:signing up|subscribing)\b",
        45,
        "search",
    ),
    (
        K.NEWSLETTER,
        "label",
        r"(?:(?:our|the|free|daily|weekly|\w+) )?(?:newsletters?|subscribe to (?:get access"
        r"|continue reading|read (?:more|the full (?:story|article)))|subscribe(?: now| today| here"
        r"| for free| to (?:us|our \w+|the \w+))?|sign up(?: now| today| here| for free)?"
        r"|join (?:now|today|our (?:newsletter|mailing list|community))"
        r"|get (?:our|the) newsletter)\s*[!.:]?",
        6,
        "",
    ),
    (
        K.CTA,
        "social",
        anywhere(
            r"follow (?:us|me|(?!up\b)\w+) (?:on|at)",  # "Follow up on RSVPs" stays
            "like us on",
            "find us on",
            "connect with us",
            "join us on",
            r"join (?:our|the) (?:\w+ ){0,2}(?:channel|group|community|whatsapp"
            r"|telegram|discord)",
            r"follow (?:our|the) (?:\w+ )?(?:channel|page|account)",
            r"subscribe to (?:our|the|my) (?:youtube|channel|podcast)",
        ),
        30,
        "anywhere",
    ),
    (
        K.CTA,
        "click",
        anywhere(
            "click here",
            "tap here",
            "click the link",
            "click below",
            r"download (?:our|the) (?:free )?(?:\w+ )?app",
            r"get the (?:[\w.]+ ){0,3}app",
            r"for more (?:news|stories|updates|information)\s*[:：]",
            r"for the latest (?:news|updates|stories)",
            r"stay (?:up to date|updated|informed|connected) with (?:us|our)",
            r"share (?:this|your) (?:article|story|post|thoughts|story with us)",
            r"send us your (?:news|tips|stories)",
            r"have a (?:news )?tip",
            "we want to hear from you",
            "let us know in the comments",
            r"please (?:like|share|comment|subscribe)",
            r"if you (?:liked|enjoyed) this",
        ),
        30,
        "anywhere",
    ),
    (
        K.CTA,
        "support",
        anywhere(
            r"support (?:our|independent) journalism",
            r"become a (?:paid )?(?:member|subscriber|patron|supporter)",
            r"donate (?:now|today)",
            r"make a (?:donation|contribution)",
            r"(?:funded|supported) by readers(?: like you)?",
            r"reader-supported",
            r"(?:receive|turn on|enable|get) (?:push )?notifications",
            # the platforms' own prompts under a post (Substack's referral line, Medium's
            # follow box) and a writer's appeal to pass the post on
            "tell your friends and get rewards",
            r"get updates from this (?:writer|author|publication)",
            r"help (?:me|us) spread the word",
        ),
        30,
        "anywhere",
    ),
    # an appeal for the site itself, which may read like a sentence ("The best way to support
    # my work is to like / comment / share …", "Support our mission to keep content open …")
    # (opening the line, or asked for: "the best way to", "please", "you can"; "Grants from the
    # foundation support our work …" stays)
    (
        K.CTA,
        "support_us",
        r"(?:.*\b(?:the (?:best|easiest) way to|please|you can) )?support (?:my|our) (?:work"
        r"|mission)\b.*",
        30,
        "",
    ),
    (K.CTA, "label", whole("follow us", "join us", r"follow (?:me|us) on \w+"), 6, ""),
    (  # a recipe card's prompt: "Did you make one of my recipes? Please take a moment to leave
        # a star rating. Also, if you are on Pinterest, …" (the question opens the line)
        K.CTA,
        "recipe_rating",
        r"(?:did|have) you (?:make|made|try|tried) (?:this|one of (?:my|our|these)) recipes?\s*\?"
        r".*\b(?:rat(?:e|ing)|review|comment|tag)\b.*",
        60,
        "",
    ),
    # a text-message sign-up's consent clause ("Message & data rates may apply.", "Reply STOP
    # to opt-out")
    (
        K.CTA,
        "sms_consent",
        r"\bmessage (?:&|and) data rates (?:may|will) apply\b"
        r"|\b(?:reply|text) stop to (?:opt[- ]?out|unsubscribe|cancel|stop)\b",
        80,
        "search",
    ),
    (  # what a form or a player widget prints into the page (Webflow forms, honeypots)
        K.CTA,
        "widget",
        whole(
            r"thank you!? your submission has been received",
            r"oops!? something went wrong(?: while submitting the form)?",
            r"if you are a human,? (?:please )?ignore this field",
            r"listen to (?:this|the) (?:article|story)(?: in (?:a )?summari[sz]ed format)?",
        ),
        12,
        "",
    ),
    (
        K.CTA,
        "commerce",
        r"(?:book a (?:demo|call|consultation)|request a (?:quote|demo|consultation|callback)"
        r"|get (?:a |your )?free (?:quote|trial|consultation|demo)|get started(?: today| now"
        r"| for free)?|start (?:your )?free trial"
        r"|(?:view (?:it )?|check (?:the )?(?:latest )?price )on amazon|shop now|buy now"
        # a product box's buttons: "Buy on Adorama", "(Buy) Check Price at Amazon UK", "$299 at
        # Amazon"
        r"|(?:buy )?(?:buy(?: it)?|check (?:the )?(?:latest )?price|see it|view it|\$\d[\d,.]*)"
        rf" (?:on|at) (?:{alt(*_RETAILERS)})"
        r"|see (?:packages|pricing|plans|deal)|try it (?:free|now|for free)|download now)\b.{0,80}",
        12,
        "",
    ),
    (  # a cookie banner: the opener with its consent clause (the plugin's runs to 400 characters
        # before "your consent"), the consent plugin's category texts
        K.NAVIGATION,
        "cookie_banner",
        r"^(?:(?:we use cookies|(?:this|our) (?:web)?site uses cookies)\b.{0,600}"
        r"\b(?:accept|consent|agree|cookie (?:settings|policy)|privacy policy|opt[- ]out)"
        r"|(?:necessary|functional|performance|analytical|advertisement|other uncategorized|any)"
        r" cookies (?:are absolutely essential for the website to function properly"
        r"|help to perform certain functionalities|are used to understand|are used to provide"
        r" visitors|are those that are being analyzed|that may not be particularly necessary)"
        r"|cookie duration description\b)",
        200,  # the plugin's table of cookies is one line of about 170 words
        "search",
    ),
    (K.ADVERTISEMENT, "disclosure", anywhere(*_DISCLOSURE), 45, "search"),
    # the same under its label, a paragraph of its own that may run longer ("Disclosure: As an
    # Affiliate Marketer, I earn from qualifying purchases. If you click …", 48 words)
    (
        K.ADVERTISEMENT,
        "disclosure_labelled",
        rf"(?:affiliate )?disclosures?\s*[:：].*{anywhere(*_DISCLOSURE)}.*",
        80,
        "",
    ),
    # a site's legal notice closing the text (among the last paragraphs only, so a
    # disclaimer the article discusses stays): "Disclaimer:" and the paragraph under it, and
    # paragraphs that say what the content is not ("for informational purposes only", "not
    # a substitute for medical advice", "does not provide tax, legal or accounting advice")
    (K.ADVERTISEMENT, "disclaimer_label", whole(r"disclaimers?\s*[:：]?"), 2, "tail"),
    (K.ADVERTISEMENT, "disclaimer_more", r".+", 80, "tail after:disclaimer_label"),
    (
        K.ADVERTISEMENT,
        "disclaimer",
        anywhere(
            r"(?:is|are) not (?:meant|intended) to (?:constitute|provide|be|replace)"
            r" (?:[\w,]+ ){0,5}advice",
            r"does not constitute (?:an? )?(?:endorsement|legal|financial|tax|medical|investment"
            r"|professional)",
            r"(?:do|does) not (?:provide|offer|give) (?:(?:tax|legal|accounting|investment"
            r"|financial|medical)(?:,| or| and)* ){1,4}advice",
            r"(?:a )?substitute for (?:professional|direct|qualified|legal|medical|personal)"
            r"(?: medical| legal)? (?:advice|counsel|diagnosis)",
            r"past performance is (?:not|no) (?:a )?(?:guarantee|indication)",
            r"owns the certification marks",
        ),
        150,
        "tail search",
    ),
]
