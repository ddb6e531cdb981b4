"""Hypothesis strategies for hostile text: news words that wake the parsers' rules, mixed with noise.

Random text alone rarely spells a month or a unit, so the rules that read dates, times and
quantities would go untested by it; these strategies glue such pieces together with digits,
punctuation and characters that are known to trip code (case-folding oddities such as the long s
and the Kelvin sign, digits of other scripts, invisible characters).
"""

from __future__ import annotations

import random

from hypothesis import strategies as st

NEWS_PIECES = (
    # dates and times
    "January", "Feb.", "March", "Apr", "May", "june", "Sept.", "October", "Nov", "DEC", "Monday", "Tue.",
    "Thursday", "Sunday", "today", "yesterday", "tomorrow", "tonight", "ago", "last", "next", "this",
    "early", "late", "mid-", "spring", "summer", "autumn", "winter", "week", "weeks", "month", "year",
    "years", "decade", "century", "the 1990s", "Q3", "quarter", "the next day", "the day before", "weekend",
    "Christmas", "Easter", "New Year", "a.m.", "p.m.", "GMT", "Kyiv time", "Published:", "Updated",
    "T12:00:00Z", "+03:00", "2023", "1999", "2100", "1899", "0000", "07", "31", "29", "13", "00",
    "st", "nd", "th", "of", "on", "in", "at", "since", "until", "between", "and", "to", "or", "from",
    # quantities
    "about", "more than", "at least", "up to", "nearly", "some", "an estimated", "thousands of",
    "tens of thousands of", "dozens of", "one", "two", "a dozen", "hundred", "a thousand", "million",
    "bn", "mln", "km", "square kilometers", "sq km", "miles", "meters", "tons", "percent", "per cent",
    "%", "$", "€", "£", "₴", "₽", "times", "civilians", "soldiers", "remaining", "killed", "population",
    "1,000", "80,000", "4.5", "12,000,000", "1.2", "999999999999999999999999999999", "0.0001", "9" * 320,
    # speech and structure
    "said", "told", "according to", "he added", "Reuters", "AFP", "Bakhmut", "Kyiv", "Zelensky",
    # punctuation and separators
    " ", " ", " ", "  ", ", ", ". ", "\n", "\n\n", "-", "–", "—", "/", ".", ":", ";", "(", ")", "'", '"',
    "“", "”", "’", "«", "»", "…", "#", "|", "*", "_",
    # characters that trip case folding, digit parsing and offsets
    "ſ", "K", "İ", "ı", "ﬁ", "ß", "ǅ", "٣", "１", "²", "½", "\u200b", "\u00ad", "\ufeff", "\u0301",
    "Ⅻ", "🙂", "\u2028", "\r",
)  # fmt: skip

_noise = st.text(max_size=4)
_numbers = st.integers(min_value=0, max_value=10**6).map(str)
_MONTHS = ("January", "Feb.", "March", "Apr", "May", "June", "July", "August", "Sept.", "September", "Oct",
           "November", "Dec.")  # fmt: skip
_WEEKDAYS = (
    "Monday",
    "Tuesday",
    "Wed.",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "this Sunday",
    "last Tuesday",
)
_UNITS = (
    "km",
    "kilometers",
    "square kilometers",
    "miles",
    "meters",
    "tons",
    "percent",
    "%",
    "times",
    "hryvnias",
)
_VAGUES = ("thousands of", "tens of thousands of", "hundreds of", "dozens of", "millions of", "scores of")
_SEASONS = ("spring", "summer", "autumn", "fall", "winter")
_day = st.integers(min_value=0, max_value=40).map(str)
_year = st.integers(min_value=1890, max_value=2110).map(str)


def _phrase(template: str, **parts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.fixed_dictionaries(parts).map(lambda chosen: template.format(**chosen))


# Whole expressions the rules are written for, with their parts drawn at random.
PHRASES = st.one_of(
    _phrase("{m} {d}, {y}", m=st.sampled_from(_MONTHS), d=_day, y=_year),
    _phrase("{d} {m} {y}", m=st.sampled_from(_MONTHS), d=_day, y=_year),
    _phrase("{y}-{m}-{d}", y=_year, m=_day, d=_day),
    _phrase("{d}.{m}.{y}", y=_year, m=_day, d=_day),
    _phrase("{m}/{d}/{y}", y=_year, m=_day, d=_day),
    _phrase("on {w}", w=st.sampled_from(_WEEKDAYS)),
    _phrase("{mod} {s}", mod=st.sampled_from(["last", "next", "this", "early", "late", "past"]),
            s=st.sampled_from(_SEASONS + _MONTHS + ("week", "month", "year"))),
    _phrase("{n} {u} ago", n=_numbers | st.sampled_from(["two", "a dozen", "several"]),
            u=st.sampled_from(["days", "weeks", "months", "years"])),
    _phrase("{q} {n} {u}", q=st.sampled_from(["about", "more than", "up to", "", "between"]),
            n=_numbers | st.sampled_from(["1.2 million", "4,000", "two"]), u=st.sampled_from(_UNITS)),
    _phrase("{n} to {m} {u}", n=_numbers, m=_numbers, u=st.sampled_from(_UNITS)),
    _phrase("{v} {w}", v=st.sampled_from(_VAGUES), w=st.sampled_from(["civilians", "soldiers", "people"])),
    _phrase("{h}:{mi} {ap}", h=_day, mi=_day, ap=st.sampled_from(["a.m.", "p.m.", "GMT", "Kyiv time"])),
    _phrase("Published: {m} {d}, {y} | Updated {y}", m=st.sampled_from(_MONTHS), d=_day, y=_year),
)  # fmt: skip


# Letters that IGNORECASE patterns take for ASCII ones (long s, Kelvin sign, Turkish i's), put in
# place of those, and text cased otherwise than the rules' word lists.
_SPELLINGS = (
    str.maketrans({}),
    str.maketrans({"s": "\u017f", "S": "\u017f"}),
    str.maketrans({"k": "\u212a", "K": "\u212a"}),
    str.maketrans({"i": "\u0131", "I": "\u0130"}),
    str.maketrans({"i": "\u0130", "e": "\u0435", "o": "\u043e"}),  # and Cyrillic look-alikes
)


def news_text(*, max_pieces: int = 25) -> st.SearchStrategy[str]:
    """Text made of news pieces, numbers and a little random noise, in odd spellings now and then."""
    piece = st.one_of(PHRASES, st.sampled_from(NEWS_PIECES), _numbers, _noise)
    text = st.lists(piece, max_size=max_pieces).map(" ".join)
    spelling = st.sampled_from(_SPELLINGS[:1] + _SPELLINGS).map(lambda table: lambda t: t.translate(table))
    casing = st.sampled_from([str, str.upper, str.lower, str.title])
    return st.tuples(text, spelling, casing).map(lambda parts: parts[2](parts[1](parts[0])))


_MARKDOWN = (
    "# ", "## ", "> ", "* ", "- ", "1. ", "```\n", "---\n", "| a | b |\n", "[link](http://x.org/a)",
    "![img](/i.png)", "**", "__", "`", "\\", "<br>", "&amp;", "Read also: ", "Photo: ", "©",
)  # fmt: skip


def markdown_text() -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(_MARKDOWN), news_text(max_pieces=6))
    return st.lists(piece, max_size=20).map("".join)


_ENTITIES = ("&amp;", "&#0;", "&#xD800;", "&#99999999;", "&nbsp;", "&bogus;", "&#x1F642;", "&lt;")
_URLS = ("https://example.org/2023/03/07/story", "/relative/2022-02-30/x", "javascript:alert(1)", "", "http://",
         "https://news.example/" + "a" * 300, "data:text/html,<p>x</p>")  # fmt: skip


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Whole pages and fragments of them: real structure, broken structure, hostile attributes."""
    text = news_text(max_pieces=10)

    def element() -> st.SearchStrategy[str]:
        return st.one_of(
            text.map(lambda t: f"<p>{t}</p>"),
            text.map(lambda t: f"<h1>{t}</h1>"),
            text.map(lambda t: f'<div class="byline">By {t}</div>'),
            text.map(lambda t: f"<p>{t}"),  # unclosed
            text.map(lambda t: f"<script>{t}</script>"),
            text.map(lambda t: f"<style>{t}</style>"),
            text.map(lambda t: f"<!-- {t} -->"),
            text.map(lambda t: f"<![CDATA[{t}]]>"),
            st.tuples(st.sampled_from(_URLS), text).map(lambda u: f'<a href="{u[0]}">{u[1]}</a>'),
            text.map(lambda t: f'<time datetime="{t}">{t}</time>'),
            st.sampled_from(_ENTITIES),
            st.integers(min_value=1, max_value=400).map(lambda n: "<div>" * n + "deep" + "</div>" * n),
            st.sampled_from(
                ["</p>", "</div></div>", "<br/>", "<img src=x onerror=alert(1)>", "<", ">", "<<>>"]
            ),
        )

    head = draw(
        st.lists(
            st.one_of(
                text.map(lambda t: f"<title>{t}</title>"),
                text.map(lambda t: f'<meta property="og:title" content="{t}">'),
                text.map(lambda t: f'<meta property="article:published_time" content="{t}">'),
                text.map(lambda t: f'<meta name="author" content="{t}">'),
                st.sampled_from(_URLS).map(lambda u: f'<link rel="canonical" href="{u}">'),
                st.sampled_from(['<meta charset="koi8-r">', "<meta charset=>", "<base href=javascript:x>"]),
            ),
            max_size=4,
        )
    )
    body = draw(st.lists(element(), max_size=12))
    page = f"<html><head>{''.join(head)}</head><body>{''.join(body)}</body></html>"
    # Sometimes only a fragment of it, cut anywhere.
    cut = draw(st.integers(min_value=0, max_value=len(page)))
    return draw(st.sampled_from([page, page[:cut], page[cut:]]))


# -- news sentences composed from parts ----------------------------------------------------------
# The sentences the NLP layer's rules argue over: a speaker named by a possessive country of one to
# four words, a state body, a title and a name, with places, dates, numbers and quotations around.

_POSSESSIVE_COUNTRIES = (
    "Ukraine's", "Russia's", "South Korea's", "North Korea's", "South Africa's", "Bosnia and Herzegovina's",
    "the United States'", "the United Kingdom's", "the Czech Republic's", "New Zealand's", "Saudi Arabia's",
    "the Democratic Republic of the Congo's", "Sri Lanka's", "Trinidad and Tobago's",
    "the Central African Republic's", "Papua New Guinea's", "El Salvador's", "the Netherlands'", "Belarus'",
    "Burkina Faso's", "Moldova's", "the UAE's", "Georgia's", "Kazakhstan's",
)  # fmt: skip
_STATE_BODIES = (
    "defence ministry", "Ministry of Defence", "ministry of health", "Foreign Ministry", "General Staff",
    "armed forces", "interior ministry", "State Border Guard Service", "Security Service",
    "Defense Ministry", "presidential office", "parliament", "Supreme Court", "military intelligence",
    "Ministry of Foreign Affairs", "national police", "emergency service", "air force",
    "prosecutor general's office",
)  # fmt: skip
_TITLES = (
    "President", "Defence Minister", "deputy defence minister", "presidential adviser", "spokesman", "Gen.",
    "Colonel", "Governor", "Mayor", "Foreign Minister", "Prime Minister", "commander", "its leader",
    "Lt. Col.", "Mr.", "Dr.", "Representative of the Main Intelligence Directorate", "military expert",
    "ambassador", "head of the regional military administration",
)  # fmt: skip
_NAMES = (
    "Volodymyr Zelensky", "Oleksii Reznikov", "Hanna Maliar", "Sergei Shoigu", "Yevgeny Prigozhin",
    "Kim Jong Un", "Yoon Suk Yeol", "Cyril Ramaphosa", "Mykhailo Podolyak", "Kyrylo Budanov",
    "Serhiy Haidai", "Pavlo Kyrylenko", "Joe Biden", "Olaf Scholz", "Lee Jong-sup", "Naledi Pandor",
    "Dmitry Peskov", "Maria Zakharova", "Vitali Klitschko", "Ihor Terekhov", "Andriy Yermak",
    "Denis Pushilin", "Lyman", "Kherson", "Bakhmut", "Wagner", "Andrii Sybiha", "Jens Stoltenberg",
    "Recep Tayyip Erdogan",
)  # fmt: skip
_PLACES = (
    "Bakhmut", "Kyiv", "Kharkiv", "Donetsk region", "Zaporizhzhia oblast", "Soledar", "Kherson", "Seoul",
    "Pretoria", "Sarajevo", "Mariupol", "Avdiivka", "Lyman", "Kramatorsk", "Pyongyang", "Washington",
    "the Donbas", "Crimea", "Velykyi Mlyn", "Chasiv Yar", "South Korea", "New York", "Kupiansk",
    "the Kharkiv region", "Port Moresby", "Bosnia and Herzegovina", "the Black Sea",
)  # fmt: skip
_NATIONALITIES = (
    "Ukrainian", "Russian", "South Korean", "North Korean", "South African", "Bosnian", "American",
)  # fmt: skip
_CUES = (
    "said", "told reporters", "stated", "claimed", "warned", "added", "wrote on Telegram",
    "said in a statement", "announced", "denied", "insisted", "told AFP", "noted", "explained",
)  # fmt: skip
_WHEN = (
    "on Monday", "this Thursday", "in early May", "on 24 February", "last week", "two weeks ago",
    "on March 3, 2023", "yesterday", "on Sunday evening", "",
)  # fmt: skip
_CHANNELS = (
    "on his Telegram page", "in a video address", "in an interview with the BBC", "according to Reuters",
    "",
)  # fmt: skip
_NUMBERS = (
    "70,000", "80,000", "1,200", "about 4,000", "dozens of", "200 to 400", "12", "more than 500",
)  # fmt: skip
_CLAIMS = (
    "its forces had captured {place}", "{number} civilians remain in {place}",
    "the bridge near {place} was destroyed", "{place} still holds",
    "{number} soldiers were killed near {place}", "the shelling of {place} was a provocation",
    "talks would take place in {place}", "{speaker} was lying about {place}",
    "the situation in {place} is difficult but under control",
)  # fmt: skip
_SPEAKERS = (
    "{country} {body}", "{title} {name}", "{country} {title} {name}", "{name}, {country} {title},",
    "{name}", "the governor of {place}", "a {nationality} soldier", "{country} {body}, {name},",
    "{country} {name}", "{title} of {country} {body} {name}", "the {nationality} {body}",
    "{name} of {place}",
)  # fmt: skip
_SENTENCES = (
    "{speaker} {cue} {when} that {claim}.", '"{claim}," {speaker} {cue} {when}.',
    '{speaker} {cue} {channel}: "{claim}."', "According to {speaker}, {claim} {when}.",
    "{when}, {speaker} {cue} {claim}.", '"{claim}," said {speaker}, adding that {claim}.',
    "{speaker} {cue} {channel} {when} {claim}.", "{place}: {speaker} {cue} that {claim}.",
    "{speaker}'s {body} {cue} {when}.", "{speaker} {cue} {when}.",
)  # fmt: skip


def composed_news(rng: random.Random, *, sentences: int = 3) -> str:
    """One to ``sentences`` news sentences composed from the parts above."""

    def pick(options: tuple[str, ...]) -> str:
        return rng.choice(options)

    def fill(template: str, depth: int = 0) -> str:
        parts = {
            "country": pick(_POSSESSIVE_COUNTRIES),
            "body": pick(_STATE_BODIES),
            "title": pick(_TITLES),
            "name": pick(_NAMES),
            "place": pick(_PLACES),
            "nationality": pick(_NATIONALITIES),
            "cue": pick(_CUES),
            "when": pick(_WHEN),
            "channel": pick(_CHANNELS),
            "number": pick(_NUMBERS),
            # A claim about a speaker holds a speaker, but no deeper: the text stays a sentence.
            "speaker": fill(pick(_SPEAKERS), depth + 1) if depth < 2 else pick(_NAMES),
            "claim": fill(pick(_CLAIMS), depth + 1) if depth < 2 else pick(_PLACES) + " holds",
        }
        return template.format(**parts)

    def tidy(sentence: str) -> str:
        sentence = " ".join(sentence.split()).replace(" ,", ",").replace(" .", ".").replace(" :", ":")
        sentence = sentence.replace(",,", ",")
        first = len(sentence) - len(sentence.lstrip('"'))
        return sentence[:first] + sentence[first : first + 1].upper() + sentence[first + 1 :]

    return " ".join(tidy(fill(pick(_SENTENCES))) for _ in range(rng.randint(1, sentences)))
