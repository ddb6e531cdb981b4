"""Absolute calendar dates in short strings: header lines, bylines and URLs.

Hand-written patterns rather than ``dateparser``: these strings are short and formulaic, and
``dateparser`` fills a missing year or day from today's date, which would make cleaning depend on
when it runs. A string without a day, month and year yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Final

from claimgraph.casefold import ascii_twins
from claimgraph.extract.times import WEEKDAYS

# Publication dates outside this range are digit noise (ids, phone numbers), not dates.
MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2100

MONTHS: Final = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORDINAL = r"(?:st|nd|rd|th)?"

# One alternation so a single left-to-right scan finds every date; each branch names its parts.
_DATE = re.compile(
    rf"""
    (?<![\w./-])(?P<iy>\d{{4}})(?P<isep>[-/.])(?P<im>\d{{1,2}})(?P=isep)(?P<id>\d{{1,2}})(?![\d])
    | \b(?P<nm>{_MONTH})\s*(?P<nd>\d{{1,2}}){_ORDINAL},?\s+(?P<ny>\d{{4}})(?!\d)
    | (?<![\w.])(?P<dd>\d{{1,2}}){_ORDINAL}\s*(?:of\s+)?(?P<dm>{_MONTH}),?\s+(?P<dy>\d{{4}})(?!\d)
    | (?<![\w./-])(?P<ed>\d{{1,2}})(?P<esep>[.-])(?P<em>\d{{1,2}})(?P=esep)(?P<ey>\d{{4}}|\d{{2}})
      (?!(?-i:[a-z])|[\d_/-]|\.\d)
    | (?<![\w./])(?P<um>\d{{1,2}})/(?P<ud>\d{{1,2}})/(?P<uy>\d{{4}}|\d{{2}})(?!(?-i:[a-z])|[\d_/]|\.\d)
    """,
    re.IGNORECASE | re.VERBOSE,
)

_URL_DATE = re.compile(
    r"""
    (?<![\d])(?P<y>(?:19|20)\d\d)(?P<sep>[/_-])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\d])
    | (?<=[/_.-])(?P<cy>(?:19|20)\d\d)(?P<cm>[01]\d)(?P<cd>[0-3]\d)(?=[/_.-]|$)
    """,
    re.VERBOSE,
)


def make_date(year: int, month: int, day: int) -> date | None:
    """A real calendar date, or None for impossible parts such as 31 February."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _full_year(digits: str) -> int:
    year = int(digits)
    if len(digits) == 2:
        # The POSIX strptime pivot: 69-99 are the 1900s, 00-68 the 2000s.
        year += 1900 if year >= 69 else 2000
    return year


def _month_number(name: str) -> int:
    return MONTHS[name[:3].lower()]


def _from_match(m: re.Match[str]) -> date | None:
    if m["iy"]:
        return make_date(int(m["iy"]), int(m["im"]), int(m["id"]))
    if m["nm"]:
        return make_date(int(m["ny"]), _month_number(m["nm"]), int(m["nd"]))
    if m["dm"]:
        return make_date(int(m["dy"]), _month_number(m["dm"]), int(m["dd"]))
    if m["ed"]:
        # Dotted and dashed numeric dates are day-first wherever they are written.
        return make_date(_full_year(m["ey"]), int(m["em"]), int(m["ed"]))
    first, second, year = int(m["um"]), int(m["ud"]), _full_year(m["uy"])
    # Slashed dates in English-language news are month-first unless that is impossible.
    if first > 12:
        return make_date(year, second, first)
    return make_date(year, first, second)


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """Every absolute date in ``text`` as ``(start, end, date)``, left to right, not overlapping."""
    found: list[tuple[int, int, date]] = []
    for m in _DATE.finditer(ascii_twins(text)):
        value = _from_match(m)
        if value is not None:
            found.append((m.start(), m.end(), value))
    return found


def date_from_url(url: str) -> date | None:
    """The date in a URL's path (``/2023/03/07/``, ``/2023-03-07-slug``, ``_20230307``), or None."""
    path = url.split("://", 1)[-1]
    slash = path.find("/")
    if slash < 0:
        return None
    for m in _URL_DATE.finditer(path[slash:]):
        if m["y"]:
            value = make_date(int(m["y"]), int(m["m"]), int(m["d"]))
        else:
            value = make_date(int(m["cy"]), int(m["cm"]), int(m["cd"]))
        if value is not None:
            return value
    return None


_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
)
# Everything that may stand beside a date on a line that is nothing but a date stamp.
_STAMP_FILLER = re.compile(
    rf"""
    \b(?:published|publication\s+date|first\s+published|posted|last\s+updated|last\s+modified|updated
        |modified|edited|dated?|created|released|pubdate|on|at|as\s+of)\b
    | \b{_WEEKDAY}(?!\w)
    | \b\d{{1,2}}[:.h]\d{{2}}(?::\d{{2}})?(?:\s*[ap]\.?m\b\.?)?
    | \b\d{{1,2}}\s*[ap]\.?m\b\.?
    | T\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?
    | \b(?:utc|gmt|cet|cest|eet|eest|msk|bst|est|edt|cst|cdt|pst|pdt|et|pt|ct
        |kyiv\s+time|moscow\s+time|local\s+time)\b(?:\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?)?
    | [+-]\d{{2}}:?\d{{2}}\b
    | \b(?:\d{{1,3}}|an?|one)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?)\s+ago\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
_UPDATED_LABEL = re.compile(r"\b(?:updated|modified|edited)\b", re.IGNORECASE)
_PUBLISHED_LABEL = re.compile(
    r"\b(?:published|publication\s+date|posted|dated?|created|released|pubdate)\b", re.IGNORECASE
)
_WORD = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Stamp:
    """What a date-stamp line says: when the article was published and when it was updated."""

    published: date | None
    updated: date | None
    labelled: bool  # the publication date carried an explicit label such as "Published:"


def read_stamp(text: str) -> Stamp | None:
    """The dates of a line that holds nothing but date stamps (``Published: Dec 27, 2022 | 9:42 AM``).

    Returns None when the line says anything else, so a sentence that merely mentions a date is
    never taken for a stamp.
    """
    found = find_dates(text)
    if not found:
        return None
    pieces: list[str] = []
    cursor = 0
    for start, end, _ in found:
        pieces.append(text[cursor:start])
        cursor = end
    pieces.append(text[cursor:])
    if _WORD.search(_STAMP_FILLER.sub(" ", " ".join(pieces))):
        return None
    published: date | None = None
    updated: date | None = None
    labelled = False
    for (_, _, value), label in zip(found, pieces, strict=False):
        if _UPDATED_LABEL.search(label):
            updated = updated or value
        else:
            labelled = labelled or bool(_PUBLISHED_LABEL.search(label))
            published = published or value
    return Stamp(published=published, updated=updated, labelled=labelled)


# A clock time, and its zone, right after a date: "14.03.2024 09:12", "May 25, 2023, 10:15 a.m. EEST",
# "28 May 2025 - 14:05", "9 June 2024 | 08:30 (Kyiv time)".
_ZONE = (
    r"(?:UTC|GMT|EEST|EET|CET|CEST|MSK|BST|E[SD]?T|C[SD]?T|P[SD]?T|Kyiv time|Moscow time|local time)\b"
    r"(?:[ \t]*[+-][ \t]*\d{1,2})?"
)
_TIME_AFTER = re.compile(
    r"[ \t]*(?:[,|·•]|[-–—](?=[ \t]))?[ \t]*(?:at[ \t]+)?\d{1,2}[:.h]\d{2}(?::\d{2})?(?:[ \t]*[ap]\.?m\b\.?)?"
    rf"(?:[ \t]*(?:{_ZONE}|\({_ZONE}\)))?",
    re.IGNORECASE,
)


def is_clock_time(text: str) -> bool:
    """Whether ``text`` is only a time of day, maybe with its zone ("09:47", "4:05 p.m. EST")."""
    return _TIME_AFTER.fullmatch(text.strip()) is not None


# What may part the stamp from the sentence it runs into.
_STAMP_SEPARATOR = re.compile(r"[ \t]*(?:[|·•,.:;/]|[-–—]{1,2}(?=[ \t]))?[ \t]*")


def _opening_stamp(line: str) -> tuple[Stamp, str] | None:
    """The date stamp (with its clock time) a line opens with, and the rest of the line after it."""
    for _, end, _ in find_dates(line[:_STAMP_PREFIX_CHARS])[:1]:
        clock = _TIME_AFTER.match(line, end)
        stop = clock.end() if clock is not None else end
        stamp = read_stamp(line[:stop])
        if stamp is None:
            return None
        separator = _STAMP_SEPARATOR.match(line, stop)
        return stamp, line[separator.end() if separator is not None else stop :]
    return None


def stamp_prefix(line: str) -> tuple[Stamp, str] | None:
    """A date stamp the line opens with, running into a sentence on the same line ("2024-05-25 KYIV,
    May 25 (Reuters) - ...", "Published 14.03.2024 09:12 The mayor said ..."): the stamp and the
    rest of the line. None unless the rest reads as the start of a sentence.
    """
    found = _opening_stamp(line)
    if found is None:
        return None
    stamp, rest = found
    opening = rest[:1]
    if (
        len(rest.split()) >= 3
        and (opening.isupper() or opening in "\"“«'‘")
        # A line that is a stamp from end to end ("... 2:14 PM Updated 3 hours ago") runs into nothing.
        and read_stamp(line) is None
    ):
        return stamp, rest
    return None


# A place name as an official release prints it after its date: "The Kremlin, Moscow", "Belgorod
# Region", "Novo-Ogaryovo": capitalised words with a few lowercase connectors, no digits, no verb's
# full stop.
_PLACE_WORD = re.compile(r"(?:[A-Z][\w'’.-]*|of|the|and|on|upon|de|la|am)")


def trailing_stamp(line: str) -> tuple[Stamp, int | None] | None:
    """A heading that ends in its date after a comma or a dash ("Briefing by the Spokeswoman, Moscow,
    November 18, 2026", "Geneva, 20 November 2026", "PRESS DIGEST — 20.11.2026") or after a digest's
    words for its day ("What the media wrote on 20.11.2026"): the stamp, and how many words a comma or
    a dash parts from the date (None when words for the day part them: a heading, never a place)."""
    found = find_dates(line)
    if not found:
        return None
    start, end, value = found[-1]
    before = line[:start].rstrip()
    # "UKRAINIAN PRESS DIGEST — 20.11.2026": a dash or a bar parts a heading from its date as well;
    # "What the Ukrainian media wrote on 20.11.2026": a digest's heading may say the day in words.
    punctuated = before.endswith((",", "—", "–", " -", "|", "·"))
    parted = punctuated or _DAY_OF_A_DIGEST.search(before) is not None
    if line[end:].strip(" .") or not parted or before[:1].islower():
        return None
    return Stamp(published=value, updated=None, labelled=False), len(before.split()) if punctuated else None


_DAY_OF_A_DIGEST = re.compile(
    r"\b(?:wrote|published|reported|said|news|digest|review|summary|media|press|monitoring|roundup|round-up"
    r"|overview|bulletin)\s+(?:on|of|for)$",
    re.IGNORECASE,
)


def placed_stamp(line: str) -> Stamp | None:
    """The stamp of a line holding a date, maybe its time, and where it was issued, nothing else:
    "November 15, 2026, 16:20, Belgorod Region", "12 May 2025 · The Kremlin, Moscow"."""
    found = _opening_stamp(line)
    if found is None:
        return None
    stamp, rest = found
    words = rest.replace(",", " ").split()
    if not 1 <= len(words) <= 5 or not words[0][:1].isupper() or rest.rstrip()[-1:] in ".!?:":
        return None
    return stamp if all(_PLACE_WORD.fullmatch(word) for word in words) else None


_NAMED_WEEKDAY = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
# A wire dateline: the place it was filed from, then its day, maybe its year, then the agency and a
# dash ("ODESA, Nov 3 (Reuters) - ", "KYIV, Ukraine, Nov. 3, 2026 (AP) — ").
_DATELINE = re.compile(
    r"[ \t]*[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,3}(?:,[^\n,()—–]{1,30})?,[ \t]+"
    rf"(?P<month>(?i:{_MONTH}))[ \t]*"
    r"(?P<day>\d{1,2})(?:,[ \t]*(?P<year>\d{4}))?[ \t]*(?:\([^()\n]{2,30}\))?[ \t]*(?:—|–|--|-)[ \t]"
)
_DATELINE_PARAGRAPHS = 3
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# Weekdays repeat on a date every few years: beyond a cycle the earliest answer is a guess.
_WEEKDAY_CYCLE_YEARS = 7


def dateline_date(text: str, *, today: date) -> date | None:
    """The day an article's opening wire dateline gives ("ODESA, Nov 3 (Reuters) - ... said on
    Tuesday").

    A dateline without a year takes the latest year, up to ``today``, in which its day falls on the
    weekday the lead paragraph names, and no earlier than any year the article mentions; a dateline
    with no weekday beside it gives no year, so no date.
    """
    # The dateline opens the story's first paragraph, which a headline the cleaner kept may precede.
    paragraphs = text.split("\n\n")[:_DATELINE_PARAGRAPHS]
    m = next((found for paragraph in paragraphs if (found := _DATELINE.match(paragraph))), None)
    if m is None:
        return None
    month, day = _month_number(m["month"]), int(m["day"])
    if m["year"]:
        return make_date(int(m["year"]), month, day)
    lead = m.string[m.end() :].split("\n", 1)[0]
    named = _NAMED_WEEKDAY.search(lead)
    if named is None:
        return None
    weekday = WEEKDAYS.index(named[0].lower())
    mentioned = [int(y) for y in _YEAR.findall(text) if int(y) <= today.year]
    floor = max(mentioned, default=today.year - _WEEKDAY_CYCLE_YEARS)
    for year in range(today.year, floor - 1, -1):
        value = make_date(year, month, day)
        if value is not None and value <= today and value.weekday() == weekday:
            return value
    return None


# Labels and a date fit in this many characters; a date further in is part of the sentence.
_STAMP_PREFIX_CHARS = 60
