"""The line-level furniture filter: what a page wraps around an article, dropped line by line.

Every rule is written to miss rather than to over-reach: a kept "Share this article" costs little,
a dropped body sentence loses a statement for good. What the dropped header lines say (title,
byline, date stamp, the article's own URL, the copyright holder) is handed on as ``Signals`` for the
metadata step instead of being thrown away.

The output text is the coordinate system for every later offset, so it depends on the input alone.
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass
from enum import Enum
from typing import Final, Literal

from claimgraph.clean.bylines import is_role_line, parse_byline, parse_credit_trailer, parse_staff_credit
from claimgraph.clean.dates import (
    Stamp,
    is_clock_time,
    placed_stamp,
    read_stamp,
    stamp_prefix,
    trailing_stamp,
)

Layout = Literal["plain", "markdown", "lines"]
"""How the input's lines make paragraphs: ``plain`` text (blank-line paragraphs, maybe hard-wrapped),
``markdown``, or ``lines`` (one paragraph a line, as trafilatura writes its text)."""


class Kind(Enum):
    BODY = "body"
    TITLE = "title"
    BYLINE = "byline"
    STAMP = "date stamp"
    RELATED = "related links"
    URL = "url"
    CAPTION = "caption"
    COPYRIGHT = "copyright"
    CONSENT = "cookie or privacy notice"
    PLEA = "plea or call to action"
    NOTICE = "reprint, funding or disclaimer notice"
    CREDIT = "credit trailer"
    TAGS = "tags"
    INTERFACE = "page interface"
    RULE = "separator"
    LINKS = "link list"
    MASTHEAD = "masthead or navigation"


# A site's header naming its owner: "President of Ukraine Official website", "Ministry of Defence of
# Ukraine | official site", "Government portal of the Cabinet of Ministers" is left alone (no name first).
_OFFICIAL_SITE: Final = re.compile(
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,8}?)\s*[|:–—-]?\s*(?:the\s+)?(?i:official)\s+"
    r"(?i:web\s*site|site|web\s+portal|portal|internet\s+(?:resource|representation))\.?"
)


@dataclass(frozen=True, slots=True)
class Signals:
    """What the dropped header and footer lines said about the article."""

    title: str | None = None
    authors: tuple[str, ...] = ()  # from the first byline
    trailer_authors: tuple[str, ...] = ()  # from "Reporting by ..." credits, a fallback
    stamps: tuple[Stamp, ...] = ()  # header date stamps, and labelled stamps anywhere
    urls: tuple[str, ...] = ()  # the article's own address, labelled ones first
    credits: tuple[str, ...] = ()  # holders named by copyright lines


@dataclass(frozen=True, slots=True)
class Filtered:
    text: str
    dropped: tuple[str, ...]
    signals: Signals


# --- markdown and markup, removed from kept lines but their words kept -------------------------
_IMAGE = re.compile(r"!\[[^\]]*\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[([^\[\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?://|www\.)[^<>\s]+)>")
_TAG = re.compile(
    r"</?(?:a|abbr|article|aside|b|blockquote|br|button|center|cite|code|del|div|em|figcaption|figure|font"
    r"|footer|form|h[1-6]|header|hr|i|iframe|img|input|ins|label|li|link|mark|meta|nav|ol|p|picture|q|s"
    r"|script|section|small|source|span|strike|strong|style|sub|sup|table|tbody|td|th|thead|time|tr|u|ul"
    r"|video)\b[^<>]*>",
    re.IGNORECASE,
)
_STRONG = re.compile(r"(\*\*|__)(?=[^\s*_])(.+?)(?<=[^\s*_])\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![\w*])")
_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])([^_]+?)(?<=[^\s_])_(?![\w_])")
_CODE = re.compile(r"`([^`]+)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_QUOTE_MARK = re.compile(r"^\s{0,3}(?:>\s?)+")
_BULLET = re.compile(r"^\s*(?:[-*+•●▪◦‣·►]|\d{1,3}[.)])\s+")
_BULLET_STARTS: Final = frozenset("-*+•●▪◦‣·►0123456789")
_SPACE_BEFORE_PUNCT = re.compile(r" +(?=[,.;:!?](?:\s|$))")
_SPACE_BEFORE_PUNCT_HINT = re.compile(r" [,.;:!?]")
_WORD_END: Final = frozenset("_\"'”’)]")
_ALNUM = re.compile(r"[^\W_]")

# --- the rules -----------------------------------------------------------------------------------
_RELATED_HEAD = re.compile(
    r"^(?:read\s+also|also\s+read|read\s+more|see\s+also|read\s+next|up\s+next|more\s+stories"
    r"|more\s+on\s+(?:this|the)\s+(?:story|topic|subject)|further\s+reading"
    r"|most\s+(?:read|popular)(?:\s+in\s+[\w ]+)?|popular\s+on\s+[\w .]+"
    r"|latest\s+news|top\s+stories|editor'?s\s+picks|what\s+to\s+read\s+next|you\s+(?:may|might)\s+also"
    r"\s+(?:like|be\s+interested\s+in)|recommended(?:\s+(?:for\s+you|reading|articles?|stories))?"
    r"|related(?:\s+(?:articles?|posts?|stories|story|news|content|reading|coverage|links?|topics))?)"
    r"\s*[:.\-—–»›|]*\s*$",
    re.IGNORECASE,
)
_RELATED_INLINE = re.compile(
    r"^[\[(]?(?:read\s+also|also\s+read|see\s+also|read\s+more|read\s+next"
    r"|related(?:\s+(?:articles?|posts?|stories|story|news|content|reading|coverage))?)\s*[:\-—–»›|]\s*\S",
    re.IGNORECASE,
)
_READ_MORE = re.compile(r"^(?:read|see|watch)\s+more\b", re.IGNORECASE)
_URL_LABEL = re.compile(
    r"^(?:original\s+(?:url|link|article|source|post)|source\s+(?:url|link)|article\s+url|permalink|url)"
    r"\s*:\s*(?P<url>\S*)\s*$",
    re.IGNORECASE,
)
_URL_ONLY = re.compile(
    r"^(?:(?:https?://|www\.)\S+|\[(?:https?://|www\.)[^\]]*\]\([^)]*\)|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*)$",
    re.IGNORECASE,
)
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]+", re.IGNORECASE)
# "Source: https://...", "Listen: http://...": a label and a link, nothing to read.
_LABELLED_URL = re.compile(r"^\w+(?:\s\w+)?\s*:\s*<?(?:https?://|www\.)\S+$", re.IGNORECASE)
_CREDIT_START = re.compile(
    r"^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|translated|translation|research"
    r"|fact-checking|production|graphics)\b",
    re.IGNORECASE,
)
_SOURCE_CREDIT = re.compile(r"^sources?\s*:", re.IGNORECASE)
_CONTRIBUTED = re.compile(
    r"\bcontributed\s+(?:reporting|to\s+this\s+(?:report|story|article))\b", re.IGNORECASE
)
_TIME_STAMP = re.compile(
    r"^(?:updated|last\s+updated|published|posted)\b[\s:]*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:[a-z]{2,4}\.?)?$",
    re.IGNORECASE,
)
_READING_TIME = re.compile(
    r"^(?:(?:estimated\s+)?read(?:ing)?\s+time\s*:?\s*\d+\s*min\w*|\d+[\s-]*min(?:ute)?s?\.?\s+read(?:ing)?"
    r"(?:\s+time)?)$",
    re.IGNORECASE,
)
# "Updated 3 hours ago", "Published: 20 min ago", "2 days ago": a stamp relative to when the page was seen.
_RELATIVE_STAMP = re.compile(
    r"^(?:(?:last\s+)?(?:updated|modified|edited|published|posted)\s*:?\s*)?(?:\d{1,3}|an?|one)\s+"
    r"(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|months?)\s+ago\.?$",
    re.IGNORECASE,
)
_LINKS_ONLY = re.compile(r"^\s*(?:[-*+•●▪◦‣·►]\s+)?(?:\[[^\[\]]+\]\((?:[^()\s]|\([^()\s]*\))*\)[\s,|·•]*)+$")
_COPYRIGHT = re.compile(r"^(?:[©ⓒ]|\(c\)|copyright\s*(?:[©ⓒ]|\(c\)|\d{4}|by\b|of\b|:))", re.IGNORECASE)
_COPYRIGHT_YEAR = re.compile(r"^copyright\b.*\b(?:19|20)\d\d\b", re.IGNORECASE)
_RIGHTS = re.compile(r"\ball\s+rights\s+reserved\b", re.IGNORECASE)
_CREDIT_NOISE = re.compile(
    r"©|\(c\)|\bcopyright\b|\ball\s+rights\s+reserved\b|\b(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\b",
    re.IGNORECASE,
)
_CORPORATE = re.compile(
    r"(?:[\s,]+(?:ltd|limited|llc|inc|plc|gmbh|corp|corporation|co|company|group|media|holdings"
    r"|publishing|digital|llp|pty|s\.a|sa|ag)\.?)+$",
    re.IGNORECASE,
)
# Cues: a phrase to find in the lower-cased line, a pattern that must match from where it starts
# (or None), and whether it must open a sentence. Finding a literal first is what keeps a body line,
# which no rule fires on, cheap. Appeals such as "Become a member" or "Support us" count only as
# commands opening a sentence: "Ukraine wants to become a member of NATO" is news.
_Cue = tuple[str, re.Pattern[str] | None, bool]
_NEWS_PRODUCTS = r"(?:newsletters?|channel|updates|digest|briefing|podcast|mailing\s+list|alerts|edition)\b"
_SOCIAL = r"(?:telegram|twitter|facebook|instagram|youtube|whatsapp|viber|tiktok|google\s+news|x)\b"
_CONSENT_CUES: Final[tuple[_Cue, ...]] = (
    ("we use cookies", None, False),
    ("site uses cookies", None, False),
    ("use cookies to", None, False),
    ("uses cookies to", None, False),
    ("accept cookies", None, False),
    ("accept all cookies", None, False),
    ("cookie", re.compile(r"cookie\s+(?:policy|settings|preferences|consent|notice)"), False),
    ("by continuing", re.compile(r"by\s+continuing\s+to\s+(?:browse|use|visit|read)"), False),
    ("by using", re.compile(r"by\s+using\s+(?:this|our)\s+(?:web)?site"), False),
    (
        "by clicking",
        re.compile(r"by\s+clicking\s+(?:[\"“]?(?:accept|agree|ok|continue|i\s+agree)|here)"),
        False,
    ),
    ("you agree to", re.compile(r"you\s+agree\s+to\s+(?:our|the)\s+use"), False),
    ("you consent to", re.compile(r"you\s+consent\s+to\s+(?:our|the)\s+use"), False),
    ("our privacy", re.compile(r"our\s+privacy\s+(?:policy|notice|statement)"), False),
    ("manage", re.compile(r"manage\s+(?:your\s+)?(?:preferences|consent|cookies)"), False),
)
_PLEA_CUES: Final[tuple[_Cue, ...]] = (
    ("support", re.compile(r"support\s+(?:us|our|independent|(?:the\s+)?[\w ’'-]{1,40}!)"), True),
    ("donate", re.compile(r"donate\s+(?:now|today|here|to\s+(?:us|our)\b)"), True),
    ("please donate", None, False),
    (
        "subscribe",
        re.compile(
            rf"subscribe\s+(?:now|today|here|(?:to|for)\b[^.]{{0,60}}?\b(?:{_NEWS_PRODUCTS}|{_SOCIAL}))"
        ),
        True,
    ),
    (
        "sign up",
        re.compile(rf"sign\s+up\s+(?:now|today|here|(?:to|for)\b[^.]{{0,60}}?\b{_NEWS_PRODUCTS})"),
        True,
    ),
    ("register", re.compile(rf"register\s+(?:to|for)\b[^.]{{0,60}}?\b{_NEWS_PRODUCTS}"), True),
    (
        "become a",
        re.compile(r"become\s+an?\s+(?:member|patron|paid\s+subscriber|subscriber|supporter|donor)\b"),
        True,
    ),
    (
        "make a",
        re.compile(r"make\s+a\s+(?:(?:one-time|monthly|small|regular)\s+)?(?:donation|contribution)\b"),
        True,
    ),
    (
        "your ",
        re.compile(r"your\s+(?:support|donations?|contributions?)\b[^.]{0,40}?\b(?:us|our|we)\b"),
        True,
    ),
    ("follow us on", None, False),
    (
        "follow ",
        re.compile(rf"follow\s+(?:(?:him|her|them|me)\s+(?:on\b|@)|.{{1,60}}?\s+on\s+{_SOCIAL})"),
        True,
    ),
    # "Follow AP's coverage of the war in Ukraine at https://...": a plug for the outlet's other pages.
    ("follow ", re.compile(r"follow\s+(?:\S+\s+){0,2}coverage\b[^.]{0,80}?\s(?:at|on|here)\b"), True),
    ("join ", re.compile(rf"join\s+(?:us|our\s+\w+(?:\s+\w+)?)\s+on\s+{_SOCIAL}"), True),
    ("read us on", None, False),
    ("subscribe to our", re.compile(rf"subscribe\s+to\s+our\s+(?:{_SOCIAL}|{_NEWS_PRODUCTS})"), False),
    ("patreon.com", None, False),
    ("buymeacoffee", None, False),
    ("paypal.me", None, False),
    ("click here", None, False),
    ("thanks for signing up", None, False),
    ("thank you for signing up", None, False),
    ("thanks for subscribing", None, False),
    ("thank you for subscribing", None, False),
    ("processing your subscription", None, False),
    ("your inbox", None, False),
    ("share it with", None, False),
    ("share this story with", None, False),
    ("share this article with", None, False),
    ("if you buy something", None, False),
    (
        "we may",
        re.compile(r"we\s+may\s+(?:earn|receive|get)\s+(?:an?\s+)?(?:small\s+)?(?:commission|share)\b"),
        False,
    ),
    ("affiliate link", None, False),
    ("affiliate commission", None, False),
    ("dear readers", None, True),
    # "Help us keep reporting: card 4149 6090 1122 3344": a payment card's number is always a plea.
    ("help us", re.compile(r"help\s+us\s+(?:keep|continue|stay|remain)\b"), True),
    ("card", re.compile(r"card\s+(?:no\.?\s*|number\s*)?\d{4}[\s-]?\d{4}[\s-]?\d{4}[\s-]?\d{4}\b"), False),
    # "We hope you're enjoying The Week's journalism", "Subscribed to X? Register your account":
    # a paywall's pitch between two paragraphs of the story.
    ("we hope you", re.compile(r"we\s+hope\s+you(?:'|’)?(?:re|\s+are|\s+have\s+been)\s+enjoying\b"), True),
    ("register your account", None, False),
    # "you could close this page, but ...": an appeal anywhere in the text, however long.
    ("close this page", None, False),
    (
        "becoming a",
        re.compile(r"becoming\s+an?\s+(?:patron|paid\s+subscriber|subscriber|supporter|donor)\b"),
        False,
    ),
    (
        "if you",
        re.compile(r"if\s+you\s+(?:value|like|enjoy|appreciate)\s+(?:our|this|independent|what\s+we)\b"),
        True,
    ),
    ("remind me later", None, False),
    ("every donation", None, False),
    ("support my work", None, False),
    ("ko-fi.com", None, False),
    ("donation helps", None, False),
    ("receiving this email", None, False),
    ("listener-supported", None, False),
    ("reader-supported", None, False),
    ("support the show", None, False),
    ("on patreon", None, False),
    ("press ctrl", re.compile(r"press\s+ctrl\s*\+\s*enter"), False),
)
# A person's name alone on a line: two to four capitalised words.
_PERSON_NAME_LINE: Final = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*){1,3}")
# Reprint permissions and funders' disclaimers: "Reprinting is permitted only with an active hyperlink",
# "Its contents are the sole responsibility of the authors".
_NOTICE_CUES: Final[tuple[_Cue, ...]] = (
    ("hyperlink", re.compile(r"hyperlink\s+to\s+(?:the\s+)?(?:source|original|our|the\s+site)"), False),
    (
        "hyperlink",
        re.compile(r"hyperlink\s+to\s+(?:\S+|[^.]{1,60}?)\s+is\s+(?:mandatory|required|obligatory)"),
        False,
    ),
    # "Reproduction prohibited without authorization", "All materials ... under the license Creative Commons"
    (
        "reproduction",
        re.compile(
            r"reproduction\s+(?:is\s+)?(?:prohibited|forbidden|not\s+allowed|(?:[a-z]+\s+){0,3}without)"
        ),
        False,
    ),
    # "All materials of the site are available under the license Creative Commons ...", "Content is
    # licensed under CC BY 4.0": the site's licence, said by the site itself at a sentence's start.
    (
        "all materials",
        re.compile(
            r"all\s+materials\s+(?:[\w-]+\s+){0,4}(?:are\s+)?(?:available|licensed|published)\s+under"
        ),
        True,
    ),
    (
        "content",
        re.compile(r"content\s+(?:[\w-]+\s+){0,3}(?:is|are)\s+(?:available|licensed|published)\s+under"),
        True,
    ),
    (
        "reprinting",
        re.compile(r"reprinting\s+(?:[a-z]+\s+){0,3}without\s+(?:the\s+)?(?:written\s+)?permission"),
        False,
    ),
    ("active hyperlink", None, False),
    ("active link to", None, False),
    (
        "reprint",
        re.compile(
            r"reprint(?:ing|s)?\s+(?:of\s+(?:our\s+)?(?:materials?|articles?|content)|and\s+permissions)"
        ),
        False,
    ),
    (
        "full or partial",
        re.compile(r"full\s+or\s+partial\s+(?:reprint|reproduction|copying|use|republication)"),
        False,
    ),
    (
        "sole responsibility",
        re.compile(
            r"sole\s+responsibility\s+of\s+(?:the\s+)?(?:authors?|publishers?|editors?|editorial|organi[sz]ers)"
        ),
        False,
    ),
    (
        "necessarily reflect",
        re.compile(r"necessarily\s+reflect\s+the\s+(?:views?|positions?|opinions?)"),
        False,
    ),
    # "The editorial office does not share the positions of the quoted sources", "Automatic
    # translation from Russian", "The use of the materials is allowed only with the hyperlink".
    ("does not share", re.compile(r"does\s+not\s+share\s+the\s+(?:views?|positions?|opinions?)"), False),
    ("automatic translation", re.compile(r"automatic\s+translation\s+from\s+\w+\s*(?:[,.)]|$)"), True),
    ("machine translation", re.compile(r"machine\s+translation\s+from\s+\w+\s*(?:[,.)]|$)"), True),
    (
        "the use of",
        re.compile(
            r"(?:the|any)\s+use\s+of\s+(?:the\s+|our\s+|site\s+)?materials\s+is\s+(?:allowed|permitted|possible)"
            r"\s+only"
        ),
        False,
    ),
    (
        "any use of",
        re.compile(
            r"any\s+use\s+of\s+(?:the\s+|our\s+|site\s+)?materials\s+is\s+(?:allowed|permitted|possible)\s+only"
        ),
        True,
    ),
    (
        "for further",
        re.compile(r"for\s+further\s+information,?\s+(?:please\s+)?(?:contact|write|call|email)"),
        True,
    ),
    (
        "views expressed",
        re.compile(
            r"views\s+expressed\s+(?:in\s+this\s+\w+\s+|here\s+)?(?:are|is)\s+(?:those\s+of\s+)?(?:the\s+)?"
            r"(?:authors?|writers?|contributors?)"
        ),
        False,
    ),
    ("code of principles", None, False),
    # A serial's schedule: "The next issue - 13.11.2026", "Next edition: Monday".
    (
        "next ",
        re.compile(
            r"next\s+(?:issue|edition|digest|bulletin|briefing|review|monitoring)\s*(?:[-–—:]|(?:is|will\s+be)"
            r"\s+(?:out|due|published|released))"
        ),
        False,
    ),
)
# A sentence opens at the line's start or after one of these (never after an opening quote: what
# follows a quote mark is somebody's words, not the page's).
_SENTENCE_OPENERS: Final = frozenset(".!?:;—–-|•»›")
_WORDS = re.compile(r"\w+")
_PUNCTUATION: Final = "\"'“”‘’«»()[]{}<>.,;:!?/|—–-…*_#@"
_SHORT_LEGAL = re.compile(
    r"\b(?:privacy\s+(?:policy|notice|settings)|terms\s+of\s+(?:use|service))\b", re.IGNORECASE
)
_PLEA_START = re.compile(
    r"^(?:please\s+)?(?:donate|subscribe|sign\s+up|sign\s+in|log\s+in|register)\b", re.IGNORECASE
)
_NEWSLETTER = re.compile(r"\bnewsletters?\b", re.IGNORECASE)
# "Newsletter: Sign up for the World Brief, delivered every morning."
_NEWSLETTER_LABEL = re.compile(r"^newsletters?\s*:\s*(?:sign\s+up|subscribe|get)\b", re.IGNORECASE)
_PHOTO_LABEL = re.compile(
    r"^(?:photos?|photograph|image|picture|illustration|video|credits?|photo\s+credit|image\s+credit|pictured"
    r"|(?:main|cover|file|header|top)\s+(?:photo|image|picture))\s*(?::|\||—|–|-\s|by\b|credit\b|courtesy\b)"
    # "Map: ...", "Photo gallery: 18 photos"; never "Maps by Google show ...".
    r"|^(?:maps?|graphics?|infographics?|charts?|diagram|slideshow|(?:photo\s+|video\s+)?gallery"
    r"|(?:photo|video)\s+report)\s*(?::|\||—|–|-\s)",
    re.IGNORECASE,
)
# "18 photos", "Gallery (12 images)": the count a slideshow shows under its pictures.
_PHOTO_COUNT = re.compile(
    r"^(?:(?:photo\s+)?gallery\s*[(:]?\s*)?\d{1,4}\s+(?:photos|pictures|images|videos)\)?$", re.IGNORECASE
)
# A row of share buttons, as text: nothing but the networks' names ("Facebook X Telegram", "Twitter | Email").
_SHARE_ROW_SPLIT = re.compile(r"[\s|·•,/:]+")
_NETWORKS: Final = frozenset(
    {
        "facebook",
        "twitter",
        "telegram",
        "whatsapp",
        "viber",
        "linkedin",
        "reddit",
        "vk",
        "vkontakte",
        "odnoklassniki",
        "pinterest",
        "messenger",
        "bluesky",
        "mastodon",
        "flipboard",
        "tumblr",
        "threads",
        "instagram",
        "youtube",
        "tiktok",
    }
)
_SHARE_BUTTONS: Final = _NETWORKS | {"x", "email", "e-mail", "mail", "print", "copy", "link", "sms", "share"}
# Both credit patterns are anchored at the line's end; they are only tried on its last characters.
_CREDIT_TAIL: Final = 160
_PHOTO_WORDS: Final = ("photo", "image", "picture", "illustration", "credit")
_AGENCY_WORDS: Final = ("getty", "shutterstock", "/")
_PHOTO_CREDIT_END = re.compile(
    r"(?:^|[.!?…\"”’')\]]\s+|[(\[]\s*)(?:photos?|photograph|image|picture|illustration|credit)\s*"
    r"(?::|by\b|credit\b|courtesy\b)[^()\[\]]{1,100}[)\]]?\s*\.?\s*$",
    re.IGNORECASE,
)
# A photographer's name joined to an agency by a slash, or a stock library, closing the line:
# case-sensitive, so that "a Reuters/Ipsos poll found support at 40 percent" stays a sentence.
_NAME_RUN = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_AGENCY_CREDIT_END = re.compile(
    rf"(?:(?i:getty\s+images|shutterstock)"
    rf"|{_NAME_RUN}\s?/\s?(?:AFP|AP|Reuters|REUTERS|EPA(?:-EFE)?|TASS|Sputnik|SPUTNIK|RIA\s+Novosti|Anadolu"
    rf"(?:\s+Agency)?|Ukrinform|UNIAN|EFE|dpa|Xinhua)"
    rf"|(?:AP\s+Photo|Reuters|REUTERS|EPA(?:-EFE)?|Sputnik|SPUTNIK|Anadolu\s+Agency)\s?/\s?{_NAME_RUN})"
    r"\s*[)\]]?\s*\.?\s*$"
)
_BOLD_CREDIT = re.compile(
    r"^(?P<caption>.*[.!?…\"”’')\]])\s+(?P<mark>\*\*|__)(?P<credit>[^*_]{1,80}?)(?P=mark)\s*$"
)
_TAGS = re.compile(
    r"^(?:tags|topics|keywords|filed\s+under|categories|related\s+topics"
    r"|(?:explore\s+|read\s+|see\s+)?more\s+on\s+(?:these|this|the)\s+topics?)\s*:",
    re.IGNORECASE,
)
# "Translated automatically from Russian.", "Automatic translation from Ukrainian", "This article was
# machine-translated": a notice only as a whole sentence opening the line, never inside one.
_TRANSLATION = re.compile(
    r"^\(?(?:this\s+(?:article|text|material|story|news|report|page|post|publication|interview|release)\s+"
    r"(?:was|has\s+been|is|had\s+been)\s+)?"
    r"(?:(?:automatically|machine)[\s-]translated"
    r"|translated\s+(?:automatically|by\s+(?:a\s+)?machine|(?:by|with|using)\s+(?:google(?:\s+translate)?|deepl"
    r"|machine\s+translation|an?\s+(?:automatic|automated|machine)\s+translat\w+))"
    r"|(?:automatic|automated|machine)\s+translation"
    r"|(?:the\s+)?translation\s+(?:is|was)\s+(?:automatic|automated|machine[\s-]made|made\s+by\s+(?:a\s+)?machine)"
    r"(?:\s+and\s+(?:was\s+|has\s+)?(?:not|never|un)\s*(?:been\s+)?(?:edited|reviewed|checked|proofread))?"
    # "Translated from French by the editorial staff."
    r"|translated\s+from\s+[A-Z][\w-]*\s+by\s+(?:the\s+|our\s+)?(?:editorial\s+(?:staff|team|board|office)"
    r"|editors?|newsroom|desk))"
    r"(?:\s+(?:from|of)\s+(?:the\s+)?[A-Z][\w-]*)?(?:\s+(?:in)?to\s+(?:the\s+)?[A-Z][\w-]*)?"
    r"\s*(?:[.!]\)?|\)\.?)?(?=\s|$)",
    re.IGNORECASE,
)
# What may follow a translation notice on its line: where the text came from, or what it was.
_SOURCE_NOTE = re.compile(
    r"^(?:sources?|original(?:\s+(?:text|article|source|language))?)\s*:", re.IGNORECASE
)
# A remark on the translated text itself ("The wording of the sources is preserved.").
_TEXT_REMARK = re.compile(
    r"^[^.!?]*\b(?:wording|spell\w*|original|translat\w*|edit(?:ed|ing)|unedited|errors|inaccuracies"
    r"|reproduction\s+(?:prohibited|forbidden))\b[^.!?]*[.!]?$",
    re.IGNORECASE,
)
# "Our Standards: The ... Trust Principles.", "Editorial policy", "Corrections policy: ...".
_STANDARDS = re.compile(
    r"^(?:our\s+(?:editorial\s+)?standards|editorial\s+(?:standards|polic(?:y|ies)|guidelines)"
    r"|(?:ethics|corrections?)\s+polic(?:y|ies)|(?:the\s+)?(?-i:[A-Z][\w'’.&-]*\s+){1,3}trust\s+principles)"
    r"\s*(?::|\.?$)",
    re.IGNORECASE,
)
# "This interview has been edited for length and clarity."
_EDITED_NOTE = re.compile(
    r"^(?:this|the)\s+(?:interview|conversation|transcript|q\s*&\s*a|exchange|discussion)\s+"
    r"(?:has\s+been|was|have\s+been)\s+(?:lightly\s+|slightly\s+)?(?:edited|condensed|abridged|shortened)"
    r"(?:\s+and\s+(?:condensed|edited|translated|abridged|shortened))?"
    r"(?:\s+for\s+(?:length|clarity|brevity|space|style)(?:\s+and\s+(?:length|clarity|brevity|space|style))?)?\.?$",
    re.IGNORECASE,
)
# "Read other interviews from the series ...", "See all stories by this author": links to more of the same.
_MORE_FROM = re.compile(
    r"^(?:read|see|watch|listen\s+to|explore|browse)\s+(?:all\s+|our\s+|the\s+)?(?:other|more|all|previous|earlier|the\s+rest"
    r"\s+of\s+the)\s+(?:\w+\s+){0,2}?(?:interviews|articles|stories|reports|columns|episodes|materials|posts|texts"
    r"|pieces|podcasts|videos|parts|issues|editions|news)\b",
    re.IGNORECASE,
)
# Navigation and breadcrumbs: short capitalised items between spaced separators ("Home / News / Kyiv",
# "About | Contacts | Advertising"). A markdown table row starts with its separator and is no such line.
_MENU_LABEL = re.compile(r"^(?:Sections?|Topics?|Categories|Rubrics?|Menu|Tags?)\s*:\s*", re.IGNORECASE)
_NAV_SPLIT = re.compile(r"\s+(?:[|·•/›»>→]|->)\s+")
_NAV_ITEM = re.compile(r"^(?:[^\d:;.!?,\"“”«»()]+|\d{1,2}\+)$")  # "18+": an age rating in the menu
# Footers: an appeal to support the outlet by name, and what the outlet says about itself.
_SUPPORT_PLEA = re.compile(
    r"^(?i:support)\s+(?:the\s+)?(?P<name>[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3})\s*(?:[:!—–]|-\s|$)(?P<rest>.*)$"
)
_JOURNALISM = re.compile(
    r"\b(?:journalism|journalists|newsroom|reporting|media|newspaper|magazine|publication|our\s+work|donat\w*"
    r"|subscri\w*|patrons?|membership)\b",
    re.IGNORECASE,
)
_SELF_SUBJECT = re.compile(
    r"^(?:[Tt]he\s+)?(?P<name>[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3})\s+(?P<verb>\w+)(?:\s+(?P<next>\w+))?",
)
# What an outlet says of itself in a footer: what it is and does, present tense. "Reports" is not
# among them: "X reports that ..." is news.
_SELF_VERBS: Final = frozenset(
    {
        "is",
        "relays",
        "summarises",
        "summarizes",
        "publishes",
        "republishes",
        "translates",
        "compiles",
        "aggregates",
        "collects",
        "curates",
        "monitors",
        "reviews",
        "receives",
        "accepts",
        "relies",
        "operates",
        "has",
        "does",
    }
)
_NOT_AFFILIATED = re.compile(
    r"^(?:we\s+are|this\s+(?:web)?(?:site|page|publication|newsletter|blog|channel|project|outlet))\s+"
    r"(?:not|in\s+no\s+way)\s+(?:affiliated|associated|connected)\s+with\b",
    re.IGNORECASE,
)
_SPEECH_CUE = re.compile(
    r"\b(?:said|says|say|told|tells|stated|states|according\s+to|claimed|claims|announced|added|noted|insisted"
    r"|argued|warned|wrote|confirmed|denied|reported)\b|[\"“”«»]",
    re.IGNORECASE,
)
_INTERFACE_KEY = re.compile(r"[^\w\s]+")


def _interface_key(text: str) -> str:
    """``text`` reduced to lower-case words, so "Share this article »" matches "share this article"."""
    return " ".join(_INTERFACE_KEY.sub(" ", text.replace("'", "").replace("’", "")).casefold().split())


_INTERFACE: Final = frozenset(
    _interface_key(label)
    for label in (
        "advertisement",
        "advert",
        "ad",
        "sponsored",
        "sponsored content",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share on facebook",
        "share on twitter",
        "tweet",
        "email",
        "print",
        "comments",
        "comment",
        "listen",
        "listen to this article",
        "skip to content",
        "skip to main content",
        "loading",
        "menu",
        "search",
        "close",
        "back to top",
        "show more",
        "load more",
        "continue reading",
        "see more",
        "more",
        "next",
        "previous",
        "subscribe",
        "donate",
        "log in",
        "login",
        "sign in",
        "sign up",
        "register",
        "accept",
        "accept all",
        "reject all",
        "manage preferences",
        "home",
        "follow us",
        "photo",
        "image",
        "video",
        "gallery",
        "watch",
        "play video",
        "getty images",
        "open in app",
        "don't miss",
        "most read",
        "once",
        "monthly",
        "annually",
        "continue",
        "remind me later",
        "illustrative photo",
        "illustrative image",
        "photo illustration",
        "illustration",
        "show key events only",
        "reuse this content",
        "most viewed",
        "most popular",
        "table of contents",
        "contents",
        "print version",
        "version for the visually impaired",
        "editorial staff",
        "editorial team",
        "editorial board",
    )
)
# Interface lines with more in them: "Please turn on JavaScript ...", "Comments (14)", "Listen to this
# article | 4 mins", "Found an error? Write to us: ...", "Follow Al Jazeera English:".
_INTERFACE_LINE = re.compile(
    r"^(?:(?:please\s+)?(?:turn\s+on|enable)\s+javascript\b.*|comments?\s*\(\d+\)"
    r"|listen\s+to\s+this\s+(?:article|story)\b.*|forward\s+this\s+(?:email|newsletter|issue|to\s+a\s+friend)\b.*"
    r"|found\s+an?\s+(?:error|mistake|typo)\b.*|follow\s+[\w’'&.\s-]{1,40}:"
    # "#Dnipro #attack #Kupiansk": tags alone; "ks/np/dc": a wire desk's initials
    r"|#[\w-]+(?:[\s,]+#[\w-]+)+|[a-z]{2,3}(?:/[a-z]{2,3}){1,4})$",
    re.IGNORECASE,
)
# Credits of a show or a release: "Music: ... Produced by ...", "Press service of the Ministry of ...",
# "By our correspondent in Port Sudan".
_PRODUCTION_CREDIT = re.compile(
    r"^(?:(?:theme\s+)?music|produced\s+by|sound(?:\s+design)?|mixing)\s*:?\s|^press\s+(?:service|office)\s+of\b"
    r"|^by\s+(?:our|an?)\s+(?:own\s+)?(?:special\s+)?(?:correspondents?|reporters?|staff)\b"
    r"|^\(?(?:compiled|written|edited)\s+(?:from|with|using)\s+(?:agency|wire|news)\s+reports\)?\.?$"
    r"|^(?:author|authors|written\s+by)\s*:\s",
    re.IGNORECASE,
)
_SHARE = re.compile(r"^(?:share|share\s+this(?:\s+[a-z-]+){0,2}|follow\s+us)\s*:", re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?…:;][\"'”’)\]»]*$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]»]*$")
_STATEMENT_END = re.compile(r"[.!…:;,][\"'”’)\]»]*$")
_TITLE_END = re.compile(r"[.,;:]$")
_QUOTE_CHARS = re.compile(r"[\"“”«»„]")
_META_SPLIT = re.compile(r"\s*[|·•]\s*")
# A serial's number beside its date: "Issue 211", "No. 45", "Vol. 3".
_ISSUE = re.compile(r"^(?:issue|no\.?|number|vol\.?|volume|edition|#)\s*\d+$", re.IGNORECASE)
_LIST_SPLIT = re.compile(r",\s*|\s+and\s+|;\s*")

_DIGIT = re.compile(r"\d")

_PLACE_WORDS: Final = 3  # "Kramatorsk, Donetsk region," before a date: a place, not a heading
_MAX_FURNITURE_WORDS: Final = 60
"""Longer lines are body text whatever words they contain: furniture is terse."""


def plain(line: str) -> str:
    """``line`` without markdown and markup, whitespace collapsed, and the words kept."""
    if "&" in line:
        line = html.unescape(line)
    line = _INVISIBLE.sub("", line)
    if "\\" in line:
        line = _ESCAPE.sub(r"\1", line)
    if "[" in line:
        line = _IMAGE.sub(" ", line)
        line = _LINK.sub(r"\1", line)
        line = _REF_LINK.sub(r"\1", line)
    if "<" in line:
        line = _AUTOLINK.sub(r"\1", line)
        line = _TAG.sub(" ", line)
    if "*" in line or "_" in line:
        line = _STRONG.sub(r"\2", line)
        line = _EM_STAR.sub(r"\1", line)
        line = _EM_UNDERSCORE.sub(r"\1", line)
    if "`" in line:
        line = _CODE.sub(r"\1", line)
    start = line.lstrip()[:1]
    if start == "#":
        heading = _HEADING.match(line)
        if heading:
            line = heading[2]
    elif start == ">":
        line = _QUOTE_MARK.sub("", line)
    elif start in _BULLET_STARTS:
        line = _BULLET.sub("", line)
    return " ".join(line.split())


def _credit_holder(text: str) -> str | None:
    """The copyright holder a copyright line names (``© 2024 Eastline News. All rights reserved.``)."""
    rest = _CREDIT_NOISE.sub(" ", text)
    for chunk in re.split(r"[.|;·•]", rest):
        holder = _CORPORATE.sub("", chunk.strip(" ,-–—:"))
        holder = holder.strip(" ,-–—:")
        if holder and holder[0].isupper() and len(holder.split()) <= 6:
            return holder
        if holder:
            return None
    return None


@dataclass(slots=True)
class _Line:
    raw: str
    text: str  # plain() of raw
    block: int  # index of the blank-line separated block the line sits in
    bullet: bool
    heading: int  # markdown heading level, 0 for none
    kind: Kind = Kind.BODY


class _Scan:
    """One pass over the lines, with the little context the rules need."""

    def __init__(self, lines: list[_Line], *, known_title: str | None, layout: Layout = "plain") -> None:
        self.lines = lines
        self.layout = layout
        self.known_title = _interface_key(known_title) if known_title else None
        self.title: str | None = None
        self.authors: tuple[str, ...] = ()
        self.trailer_authors: list[str] = []
        self.stamps: list[Stamp] = []
        self.labelled_urls: list[str] = []
        self.bare_urls: list[tuple[int, str]] = []
        self.credits: list[str] = []
        self.in_header = True
        self.in_related = False
        self.related_titles = False
        self.expect_url = False
        self.position = 0
        self.header_end: int | None = None  # the first line of prose, where the header ends
        # The outlet's names from its staff bylines ("Eastline staff"); copyright holders are in credits.
        # Never a masthead or breadcrumb line: those may be a section or a kicker ("Ukraine").
        self.self_names: set[str] = set()

    def run(self) -> None:
        for index, line in enumerate(self.lines):
            self.position = index
            if self.in_header:
                self._cut_stamp_prefix(line)
            line.kind = self._classify(line)
            if (
                line.kind is Kind.BODY
                and self.in_header
                and _is_prose(line.text)
                and not self._standfirst(index)
            ):
                self.in_header = False
                self.header_end = index
        self._plain_title()
        self._name_above_its_role()
        if self.layout != "lines":
            self._masthead()
        self._footer()

    def _name_above_its_role(self) -> None:
        """A header line holding only a name, above a journalist's role ("Helen Ashworth" over "Europe
        digital reporter"), is the byline's name."""
        end = self.header_end if self.header_end is not None else len(self.lines)
        for above, line in itertools.pairwise(self.lines[:end]):
            if (
                line.kind is Kind.BYLINE
                and above.kind is Kind.BODY
                and is_role_line(line.text)
                and _PERSON_NAME_LINE.fullmatch(above.text.strip())
            ):
                above.kind = Kind.BYLINE
                if not self.authors:
                    self.authors = (above.text.strip(),)

    def _cut_stamp_prefix(self, line: _Line) -> None:
        """A header date running into the first sentence ("March 3, 2023 The mayor said ...") is the
        article's stamp, never part of what follows: the line keeps the sentence alone."""
        found = stamp_prefix(line.raw.strip())
        if found is None or _header_meta(line.text, in_header=True) is not None:
            return
        stamp, rest = found
        self._stamp(stamp)
        line.raw, line.text = rest, plain(rest)

    def _classify(self, line: _Line) -> Kind:
        text, raw = line.text, line.raw.strip()
        if not _ALNUM.search(text):
            return Kind.RULE
        words = len(text.split())
        if self.in_related:
            if line.bullet or _LINKS_ONLY.match(raw):
                # A bulleted list ends with its bullets: a headline after it is the article's own.
                self.related_titles = False
                return Kind.RELATED
            if self.related_titles and _headline_like(text, words):
                return Kind.RELATED
            self.in_related = self.related_titles = False
        expect_url, self.expect_url = self.expect_url, False
        if " " not in text and (_URL_ONLY.match(text) or _URL_ONLY.match(raw.strip("<>"))):
            url = _WEB_ADDRESS.search(raw)
            if url is not None:
                if expect_url:
                    self.labelled_urls.append(url[0].rstrip(".,;"))
                else:
                    self.bare_urls.append((self.position, url[0].rstrip(".,;")))
            return Kind.URL
        if line.heading == 1 and self.in_header and self.title is None:
            self.title = text
            return Kind.TITLE
        if (
            self.known_title is not None
            and self.in_header
            and self.title is None
            and _interface_key(text) == self.known_title
        ):
            self.title = text
            return Kind.TITLE
        if words <= 8 and _RELATED_HEAD.match(text):
            # Under a bare "Read also:" header the list may be plain headlines, not bullets.
            self.in_related = self.related_titles = True
            return Kind.RELATED
        if words <= _MAX_FURNITURE_WORDS and _RELATED_INLINE.match(text):
            self.in_related = True
            return Kind.RELATED
        if words <= 15 and _READ_MORE.match(text):
            return Kind.RELATED
        label = _URL_LABEL.match(text)
        if label:
            url = _WEB_ADDRESS.search(label["url"])
            if url is not None:
                self.labelled_urls.append(url[0].rstrip(".,;"))
            else:
                self.expect_url = True
            return Kind.URL
        if _LABELLED_URL.match(text):
            return Kind.URL
        if raw.startswith("!["):
            return Kind.CAPTION
        if words > _MAX_FURNITURE_WORDS:
            return Kind.BODY
        return self._short_line(text, raw, words)

    def _short_line(self, text: str, raw: str, words: int) -> Kind:
        # The cheap substring tests in front of the regular expressions keep a body line, which
        # passes every rule, at a few microseconds.
        low = text.lower()
        byline = parse_byline(text)
        if byline is not None:
            if not self.authors:
                self.authors = byline.names
            if byline.stamp is not None:
                self._stamp(byline.stamp)
            return Kind.BYLINE
        if self.in_header and words <= 5 and is_role_line(text):
            return Kind.BYLINE
        if self.in_header and words <= 12 and (site := _OFFICIAL_SITE.fullmatch(text)) is not None:
            # "President of Ukraine Official website": the publisher names itself
            self.credits.append(site["name"].strip())
            return Kind.MASTHEAD
        if self.in_header and words <= 7:
            staff = parse_staff_credit(text)
            if staff is not None:
                self._credit_staff(text, staff)
                return Kind.BYLINE
        meta = (
            _header_meta(text, in_header=self.in_header) if words <= 20 and _META_SPLIT.search(text) else None
        )
        if meta is not None:
            stamps, authors, staff_names = meta
            for found in stamps:
                self._stamp(found)
            if authors and not self.authors:
                self.authors = authors
            self.self_names.update(staff_names)
            return Kind.STAMP if stamps else Kind.BYLINE
        stamp = _stamp_of(text, words)
        if stamp is None and self.in_header and words <= 12 and _DIGIT.search(text):
            stamp = placed_stamp(text)
        if stamp is None and self.in_header and words <= 25 and _DIGIT.search(text):
            trailing = trailing_stamp(text)
            if trailing is not None:
                self._stamp(trailing[0])
                if trailing[1] is not None and trailing[1] <= _PLACE_WORDS:
                    # "Geneva, 20 November 2026": where and when, nothing else; not "Lyman said on
                    # March 3, 2023.", a sentence
                    return Kind.STAMP
                # A heading ending in its date stays: it says what the text is.
        # Below the header a bare date can be content (an exhibition's dates); a labelled one never is.
        if stamp is not None and (self.in_header or stamp.labelled or stamp.updated):
            self._stamp(stamp)
            return Kind.STAMP
        reporters = parse_credit_trailer(text) if _CREDIT_START.match(text) else None
        if reporters is not None:
            self.trailer_authors.extend(a for a in reporters if a not in self.trailer_authors)
            return Kind.CREDIT
        if (_SOURCE_CREDIT.match(text) and _source_list(text)) or (
            "contributed" in low and _CONTRIBUTED.search(text)
        ):
            return Kind.CREDIT
        if (
            _COPYRIGHT.match(text)
            or (words <= 40 and "reserved" in low and _RIGHTS.search(text))
            or (words <= 8 and _COPYRIGHT_YEAR.match(text) and not _SENTENCE_END.search(text))
        ):
            holder = _credit_holder(text)
            if holder:
                self.credits.append(holder)
            return Kind.COPYRIGHT
        words_in = {word.strip(_PUNCTUATION) for word in low.split()}
        # A sentence about a privacy policy or a newsletter is news; a terse label is page furniture.
        terse = words <= 8 and not _SENTENCE_END.search(text)
        if _cued(low, words_in, _CONSENT_INDEX) or (terse and _SHORT_LEGAL.search(text)):
            return Kind.CONSENT
        if (
            _cued(low, words_in, _PLEA_INDEX)
            or (terse and (_PLEA_START.match(text) or _NEWSLETTER.search(text)))
            or _NEWSLETTER_LABEL.match(text)
        ):
            return Kind.PLEA
        if _cued(low, words_in, _NOTICE_INDEX) or _is_notice(text, words):
            return Kind.NOTICE
        if self._is_caption(text, raw, low, words):
            return Kind.CAPTION
        if _TAGS.match(text):
            return Kind.TAGS
        if words <= 15 and _MORE_FROM.match(text) and not _SENTENCE_END.search(text):
            # A link's label has no full stop: "Read other reports first, he said." is a sentence.
            return Kind.RELATED
        if words <= 15 and (_INTERFACE_LINE.match(text) or self._interface_row(text)):
            return Kind.INTERFACE
        if words <= 20 and _PRODUCTION_CREDIT.match(text):
            return Kind.CREDIT
        if words <= 8 and (
            _interface_key(text) in _INTERFACE
            or _SHARE.match(text)
            or _READING_TIME.match(text)
            or _TIME_STAMP.match(text)
            or _RELATIVE_STAMP.match(text)
            or _share_row(low)
        ):
            return Kind.INTERFACE
        if (share := _SHARE.match(low)) is not None and _share_row(low[share.end() :].strip()):
            return Kind.INTERFACE  # "Share this brief: X · Facebook · LinkedIn · Email"
        if words <= 16 and self._navigation(text):
            return Kind.MASTHEAD
        if "](" in raw and _LINKS_ONLY.match(raw):
            return Kind.LINKS
        return Kind.BODY

    def _credit_staff(self, text: str, outlet: str) -> None:
        if not self.authors:
            self.authors = (text.removeprefix("By ").removeprefix("by ").strip(),)
        self.self_names.add(outlet)

    @staticmethod
    def _interface_row(text: str) -> bool:
        """Interface labels parted by bars: "Print version | Version for the visually impaired", "Print |
        Share: Facebook | Telegram | X"."""
        items = [item.strip() for item in _META_SPLIT.split(text)]
        if len(items) < 2:
            return False
        return all(
            _interface_key(item) in _INTERFACE
            or item.lower() in _NETWORKS
            or (
                (share := _SHARE.match(item)) is not None
                and all(n.strip().lower() in _NETWORKS for n in item[share.end() :].split(",") if n.strip())
            )
            for item in items
        )

    def _navigation(self, text: str) -> bool:
        """A breadcrumb or menu: capitalised items of a few words between spaced separators. Three
        items anywhere; two ("Skhid Weekly · Interviews") only in the header and never parted by a
        slash, which also means "or" ("Leasing / Rental")."""
        # "Sections: Army | Politics | Economy": a menu may carry its label.
        items = _NAV_SPLIT.split(_MENU_LABEL.sub("", text, count=1))
        if len(items) < 2 or (len(items) == 2 and (not self.in_header or " / " in text)):
            return False
        return all(
            len(item.split()) <= 4 and (item[:1].isupper() or item[:1].isdigit()) and _NAV_ITEM.match(item)
            for item in items
        )

    @staticmethod
    def _is_caption(text: str, raw: str, low: str, words: int) -> bool:
        tail = max(0, len(text) - _CREDIT_TAIL)
        end = low[tail:]
        if (
            _PHOTO_LABEL.match(text)
            or (words <= 6 and _PHOTO_COUNT.match(text))
            or (any(word in end for word in _PHOTO_WORDS) and _PHOTO_CREDIT_END.search(text, tail))
            or (any(word in end for word in _AGENCY_WORDS) and _AGENCY_CREDIT_END.search(text, tail))
        ):
            return True
        if words > 30 or not raw.endswith(("**", "__")):
            return False
        credited = _BOLD_CREDIT.match(raw)
        if credited is None:
            return False
        credit = credited["credit"].strip()
        # An emphasised closing sentence is the article's own voice; a credit is a bare name.
        return bool(credit) and len(credit.split()) <= 8 and not _SENTENCE_END.search(credit)

    def _standfirst(self, index: int) -> bool:
        """Whether a prose line is a standfirst: the header's byline or date stamp still follows it, maybe
        after one short line ("Hannah Lister in Nikopol" above "Sun 29 Nov 2026 06.00 GMT")."""
        for ahead in (1, 2):
            if index + ahead >= len(self.lines):
                return False
            following = self.lines[index + ahead].text
            words = len(following.split())
            if parse_byline(following) is not None or _stamp_of(following, words) is not None:
                return True
            if words > 6:
                return False
        return False

    def _stamp(self, stamp: Stamp) -> None:
        if self.in_header and not self.in_related:
            self.stamps.append(stamp)
        elif stamp.labelled and not self.in_related:
            self.stamps.append(Stamp(published=stamp.published, updated=None, labelled=True))

    def _masthead(self) -> None:
        """Plain text and markdown: the short lines above the title (the site's name, its tagline, "Official
        website") are the masthead. Only when every line above the title is furniture or such a line."""
        end = self.header_end if self.header_end is not None else len(self.lines)
        title_at = next((i for i in range(end) if self.lines[i].kind is Kind.TITLE), None)
        if title_at is None:
            title_at = self._title_below_stamp(end)
        if title_at is None:
            return
        above = [line for line in self.lines[:title_at] if line.kind is Kind.BODY]
        if not above or not all(_masthead_like(line) for line in above):
            return
        for line in above:
            line.kind = Kind.MASTHEAD

    def _title_below_stamp(self, end: int) -> int | None:
        """A plain headline under the masthead: the first header line followed by the byline or stamp,
        or by the first prose line when a byline or stamp stands above it. Sets the title.

        Where a short line stands above the stamp and a longer one below it, the first is taken: it
        may be the site's name, but the other may be a standfirst under a short headline, and a
        headline left in the text costs less than a standfirst lost."""
        if self.title is not None or self.header_end is None:
            return None
        header = [i for i in range(end) if self.lines[i].kind is not Kind.RULE]
        if not header:
            return None
        candidates: list[int] = []
        dated = False
        for at, following in zip(header, [*header[1:], end], strict=True):
            line = self.lines[at]
            if line.kind in (Kind.BYLINE, Kind.STAMP):
                dated = True
            elif line.kind is Kind.BODY and (
                self.lines[following].kind in (Kind.BYLINE, Kind.STAMP) or (following == end and dated)
            ):
                candidates.append(at)
        if not candidates:
            return None
        at = candidates[0]
        title = self.lines[at]
        if not _title_like(title.text):
            return None
        title.kind = Kind.TITLE
        self.title = title.text
        return at

    def _footer(self) -> None:
        """The lines closing the text, up from its end while they are furniture: an appeal naming the
        outlet, and what the outlet says about itself ("X relays ... and is not affiliated with them")."""
        for line in reversed(self.lines):
            if line.kind is Kind.BODY:
                kind = self._footer_kind(line.text)
                if kind is None:
                    return
                line.kind = kind

    def _footer_kind(self, text: str) -> Kind | None:
        words = len(text.split())
        if words > 40 or _SPEECH_CUE.search(text):
            return None
        names = {_outlet_key(name) for name in (*self.self_names, *self.credits)}
        plea = _SUPPORT_PLEA.match(text)
        if (
            plea is not None
            and words <= 20
            and (_outlet_key(plea["name"]) in names or _JOURNALISM.search(plea["rest"]))
        ):
            return Kind.PLEA
        if _NOT_AFFILIATED.match(text):
            return Kind.NOTICE
        subject = _SELF_SUBJECT.match(text)
        if (
            subject is not None
            and _outlet_key(subject["name"]) in names
            and subject["verb"].casefold() in _SELF_VERBS
            and (
                subject["verb"].casefold() not in ("has", "does")
                or (subject["next"] or "").casefold() in ("no", "not")
            )
        ):
            return Kind.NOTICE
        return None

    def _plain_title(self) -> None:
        """A plain-text headline: the first line, short and unpunctuated, right above a byline or stamp."""
        if self.title is not None:
            return
        content = [line for line in self.lines if line.kind is not Kind.RULE]
        if len(content) < 2 or content[0].kind is not Kind.BODY:
            return
        first, second = content[0], content[1]
        if second.kind not in (Kind.BYLINE, Kind.STAMP):
            return
        if len(first.text.split()) > 20 or _TITLE_END.search(first.text) or _is_prose(first.text):
            return
        first.kind = Kind.TITLE
        self.title = first.text

    def signals(self) -> Signals:
        last_body = max((i for i, line in enumerate(self.lines) if line.kind is Kind.BODY), default=-1)
        first_body = next((i for i, line in enumerate(self.lines) if line.kind is Kind.BODY), len(self.lines))
        # A bare URL names the article itself only above or below the text, never inside it.
        own = [url for i, url in self.bare_urls if i < first_body or i > last_body]
        return Signals(
            title=self.title,
            authors=self.authors,
            trailer_authors=tuple(self.trailer_authors),
            stamps=tuple(self.stamps),
            urls=tuple(dict.fromkeys([*self.labelled_urls, *own])),
            credits=tuple(self.credits),
        )


def _index_cues(cues: tuple[_Cue, ...]) -> dict[str, tuple[_Cue, ...]]:
    """The cues by their phrase's first word, so a line is only searched for cues it could hold."""
    index: dict[str, list[_Cue]] = {}
    for cue in cues:
        index.setdefault(_WORDS.findall(cue[0])[0], []).append(cue)
    return {word: tuple(group) for word, group in index.items()}


def _cued(low: str, words: set[str], index: dict[str, tuple[_Cue, ...]]) -> bool:
    """Whether a cue's phrase starts a word of ``low`` and its pattern, if any, matches there.

    ``words`` are the words of ``low``: only cues whose first word is among them are looked for.
    """
    for word in words.intersection(index):
        for needle, pattern, opens_sentence in index[word]:
            at = low.find(needle)
            while at >= 0:
                if (
                    (at == 0 or not low[at - 1].isalnum())
                    and (not opens_sentence or at == 0 or low[:at].rstrip()[-1:] in _SENTENCE_OPENERS)
                    and (pattern is None or pattern.match(low, at))
                ):
                    return True
                at = low.find(needle, at + 1)
    return False


def _stamp_of(text: str, words: int) -> Stamp | None:
    # A stamp line is short and has digits; skipping the rest spares the date scanner long lines.
    return read_stamp(text) if words <= 20 and _DIGIT.search(text) else None


def _source_list(text: str) -> bool:
    """A "Sources:" label with a few words after it, or with a list of names ("Sources: TASS, RIA
    Novosti, Izvestia"), never a sentence."""
    listed = text.split(":", 1)[1].strip().rstrip(".")
    if len(listed.split()) <= 5:
        return True
    items = [item.strip() for item in _LIST_SPLIT.split(listed)]
    items = [item.removeprefix("the ") for item in items]
    return len(items) >= 2 and all(
        item[:1].isupper() and len(item.split()) <= 4 and not _SENTENCE_END.search(item) for item in items
    )


def _headline_like(text: str, words: int) -> bool:
    """A headline: short, capitalised and not closed like a sentence ("Who is X?" is one too)."""
    first = text[:1]
    return words <= 20 and (first.isupper() or first.isdigit()) and not _STATEMENT_END.search(text)


def _is_prose(text: str) -> bool:
    words = len(text.split())
    return words >= 25 or (words >= 10 and bool(_SENTENCE_END.search(text)))


def _outlet_key(name: str) -> str:
    """An outlet's name for comparison: "The Meridian Wire" is "meridian wire"."""
    key = name.casefold().strip()
    return key.removeprefix("the ").strip()


def _title_like(text: str) -> bool:
    words = len(text.split())
    first = text[:1]
    return (
        words <= 20
        and (first.isupper() or first.isdigit() or first in "\"“«'‘")
        and not _TITLE_END.search(text)
        and not _is_prose(text)
    )


def _masthead_like(line: _Line) -> bool:
    """A site's name, tagline or label: a few words opening with a capital, no list item, no comma (a
    salutation, a verse, a name and an age), no colon ("Clinton: Keep it" is somebody's words) and no
    quote, closed by no punctuation."""
    text = line.text
    words = [w for w in text.split() if _ALNUM.search(w)]
    first = text[:1]
    return (
        0 < len(words) <= 6
        and first.isupper()
        and not line.bullet
        and "," not in text
        and ":" not in text
        and not _TERMINAL.search(text)
        and not _QUOTE_CHARS.search(text)
    )


def _is_notice(text: str, words: int) -> bool:
    """A translation notice (with at most a source note after it), an outlet's standards label, or an
    editor's note on an interview."""
    if words > 40:
        return False
    translation = _TRANSLATION.match(text)
    if translation is not None:
        rest = text[translation.end() :].strip()
        return not rest or (
            len(rest.split()) <= 15
            and bool(_SOURCE_NOTE.match(rest) or _TRANSLATION.match(rest) or _TEXT_REMARK.match(rest))
        )
    return words <= 12 and bool(_STANDARDS.match(text) or _EDITED_NOTE.match(text))


def _share_row(low: str) -> bool:
    """Share buttons as text: two or more networks' names and nothing else."""
    names = [name for name in _SHARE_ROW_SPLIT.split(low) if name]
    return (
        len(set(names)) >= 2
        and all(name in _SHARE_BUTTONS for name in names)
        and any(name in _NETWORKS for name in names)
    )


def _header_meta(text: str, *, in_header: bool) -> tuple[list[Stamp], tuple[str, ...], list[str]] | None:
    """A header line of several parts ("May 27, 2025 · 6 min read · Eastline staff", "November 21,
    2026 | 09:47 | Iryna Kostenko"): its stamps, the names of its byline and the outlets its staff
    credits name. None unless every part is such furniture and one part is more than a date or a
    clock time (two dates may be an exhibition's, and content); one short kicker ("Weekly conflict
    brief · 27 November 2026 · 6 min read") is allowed beside a date and a reading time, which no
    sentence holds together, and above the article's first sentence beside a date alone ("MONITORING
    OF RUSSIAN MEDIA | 12.11.2026")."""
    segments = [segment.strip() for segment in _META_SPLIT.split(text)]
    if len(segments) < 2 or not all(segments):
        return None
    stamps: list[Stamp] = []
    authors: tuple[str, ...] = ()
    outlets: list[str] = []
    more_than_dates = reading = False
    kickers: list[str] = []
    for segment in segments:
        stamp = read_stamp(segment) if _DIGIT.search(segment) else None
        if stamp is not None:
            stamps.append(stamp)
            continue
        if is_clock_time(segment):
            continue
        more_than_dates = True
        if _READING_TIME.match(segment):
            reading = True
            continue
        if _RELATIVE_STAMP.match(segment) or is_role_line(segment):
            continue
        byline = parse_byline(segment)
        if byline is not None:
            authors = authors or byline.names
            if byline.stamp is not None:
                stamps.append(byline.stamp)
            continue
        staff = parse_staff_credit(segment)
        if staff is None:
            numbered = _DIGIT.search(segment) and not _ISSUE.match(segment)
            if len(segment.split()) > 4 or segment[-1:] in ".!?" or numbered:
                return None
            kickers.append(segment)
            continue
        authors = authors or (segment.removeprefix("By ").strip(),)
        outlets.append(staff)
    if len(kickers) > 1 or (kickers and not (stamps and (reading or in_header))):
        return None
    return (stamps, authors, outlets) if more_than_dates else None


def _split_lines(content: str) -> list[_Line]:
    lines: list[_Line] = []
    block = 0
    for raw in content.splitlines():
        if not raw.strip():
            block += 1
            continue
        start = raw.lstrip()[:1]
        heading = _HEADING.match(raw) if start == "#" else None
        lines.append(
            _Line(
                raw=raw,
                text=plain(raw),
                block=block,
                bullet=start in _BULLET_STARTS and bool(_BULLET.match(raw)),
                heading=len(heading[1]) if heading else 0,
            )
        )
    return lines


def _wrapped(block: list[_Line]) -> bool:
    """Whether a block of consecutive lines is one hard-wrapped paragraph."""
    if len(block) < 2 or any(line.bullet or line.heading for line in block):
        return False
    widths = [len(line.raw.strip()) for line in block[:-1]]
    if not (min(widths) >= 40 and max(widths) <= 100 and min(widths) >= 0.6 * max(widths)):
        return False
    # Wrapping fills a line: the next line's first word would not have fitted on it. A line it would
    # have fitted on was ended on purpose (a headline above its dek, two footer lines).
    width = max(len(line.raw.strip()) for line in block)
    return all(
        len(line.raw.strip()) + 1 + len(following.raw.split()[0]) > width
        for line, following in itertools.pairwise(block)
    )


def _paragraphs(lines: list[_Line], *, layout: Layout) -> list[str]:
    wrapped_blocks: set[int] = set()
    if layout == "plain":
        by_block: dict[int, list[_Line]] = {}
        for line in lines:
            by_block.setdefault(line.block, []).append(line)
        wrapped_blocks = {block for block, members in by_block.items() if _wrapped(members)}
    # Each paragraph with whether it may take part in re-joining (list items and headings may not).
    paragraphs: list[tuple[str, bool]] = []
    previous: _Line | None = None
    for line in lines:
        if line.kind is not Kind.BODY:
            previous = None
            continue
        structural = bool(line.bullet or line.heading)
        joins = (
            previous is not None
            and previous.block == line.block
            and (
                (layout == "markdown" and not (structural or previous.heading))
                or line.block in wrapped_blocks
            )
        )
        if joins and paragraphs:
            paragraphs[-1] = (f"{paragraphs[-1][0]} {line.text}", paragraphs[-1][1])
        else:
            paragraphs.append((line.text, not structural))
        previous = line
    return _reflow(paragraphs)


def _reflow(paragraphs: list[tuple[str, bool]]) -> list[str]:
    """Re-join a paragraph the source broke mid-sentence: no closing punctuation, next one lower-case."""
    joined: list[str] = []
    joinable = False
    for paragraph, prose in paragraphs:
        if joinable and prose and paragraph[:1].islower() and not _TERMINAL.search(joined[-1]):
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
            joinable = prose
    return joined


def _close_up(paragraph: str) -> str:
    """Remove the space a dropped link leaves before punctuation: "a video , in which"."""
    if not _SPACE_BEFORE_PUNCT_HINT.search(paragraph):
        return paragraph
    return _SPACE_BEFORE_PUNCT.sub(_space_or_nothing, paragraph)


def _space_or_nothing(m: re.Match[str]) -> str:
    before = m.string[m.start() - 1] if m.start() else ""
    # After a word it is a stray space; after another mark (". ." in a garbled source) it is kept.
    return "" if before.isalnum() or before in _WORD_END else m[0]


_CONSENT_INDEX: Final = _index_cues(_CONSENT_CUES)
_PLEA_INDEX: Final = _index_cues(_PLEA_CUES)
_NOTICE_INDEX: Final = _index_cues(_NOTICE_CUES)


def filter_furniture(content: str, *, layout: Layout, known_title: str | None = None) -> Filtered:
    """Drop page furniture from ``content`` and return the article text with what the furniture said.

    ``known_title`` is a title the caller already has: a header line repeating it is dropped.
    """
    lines = _split_lines(content)
    scan = _Scan(lines, known_title=known_title, layout=layout)
    scan.run()
    paragraphs = [_close_up(p) for p in _paragraphs(lines, layout=layout)]
    return Filtered(
        text="\n\n".join(paragraphs),
        dropped=tuple(line.raw.strip() for line in lines if line.kind is not Kind.BODY),
        signals=scan.signals(),
    )
