"""Time expressions, found in text and resolved against the publication date.

``find_times`` returns every expression with a TimeML-style value (``timeml``: "2023-03-06",
"2023-03", "2023", "2023-W10", "2023-SP", "P3D", "PAST_REF", ...) and the value the export contract
allows (``value``: a day, month, year or ISO week, else None). The rules, in the order they are tried
at each position (the longest expression starting there wins):

- Absolute: ISO dates ("2023-05-25"), "Dec 27, 2022", "27 December 2022", "May 2022", seasons
  ("spring 2023", "fall 2022"), parts of a year ("the beginning of 2023", "early 2023", the year),
  quarters and halves ("the third quarter"), decades ("the 1990s"), and years after a preposition.
- Relative to the publication date: today/tonight/yesterday/tomorrow; weekdays ("on Monday", "late
  Monday", "this Thursday", "last Friday"); this/last/next week, month, year; "over the weekend";
  "two weeks ago"; a month without a year ("early May"); "now", "recently", "the future".
- Relative to the previous date in the text: "the next day", "the following week", "a day earlier",
  "the day before".
- Durations ("three days", "for months", "the past two years") and sets ("every week", "daily").
- Ordinals that count rather than date ("its 65th week") are durations with no date.

Weekdays and bare months read the sentence's tense: a past or present context means the most recent
such day (month) on or before the publication date, a future one ("will withdraw starting this
Thursday") the next one on or after it; "last" and "next" force the direction. A month-day without a
year takes the year that puts it nearest the publication date in that direction. Without a
publication date, relative expressions keep ``value`` None: they are never resolved against today.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from claimgraph.casefold import ascii_twins
from claimgraph.models import Span, TimeMention

STAGE: Final = "times-rules"
WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES: Final = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sept", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
_MONTHS: Final = {name: n for n, names in enumerate(MONTH_NAMES, start=1) for name in names}
_NUMBERS: Final = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "couple of": 2, "a couple of": 2,
}  # fmt: skip
_VAGUE: Final = ("several", "few", "a few", "many", "some", "the past few", "recent")
_UNITS: Final = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "weekend": "WE", "month": "M",
    "year": "Y", "decade": "DE", "century": "CE", "quarter": "Q",
}  # fmt: skip
_SEASONS: Final = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_ORDINALS: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

_M = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WD = "(?:" + "|".join(WEEKDAYS) + ")"
_NUM = "(?:" + "|".join(sorted((re.escape(k) for k in _NUMBERS), key=len, reverse=True)) + r"|\d+)"
_VAG = "(?:" + "|".join(sorted(_VAGUE, key=len, reverse=True)) + ")"
_UNIT = r"(?:second|minute|hour|day|week|month|year|decade|centur(?:y|ie))s?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"

_FUTURE: Final = re.compile(
    r"\b(?:will|won't|shall|'ll|would|going to|plans? to|planned|scheduled|is due|are due"
    r"|starting|next|upcoming|coming|intends? to|as soon as|as early as|until|set to|is to|are to|expected"
    r"|prepar(?:ed|ing)\s+for"
    r"|to resume)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    kind: str  # DATE, TIME, DURATION or SET (TimeML types)
    timeml: str | None
    value: str | None  # the export contract's value: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www or None


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    kind: str
    timeml: str | None
    anchor: dt.date | None = None  # the day a following "the next day" counts from


_CONTRACT_VALUE: Final = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?$")


def find_times(text: str, *, published: dt.date | None) -> list[TimeExpression]:
    """Every time expression in ``text`` in order, resolved against ``published`` (see the module)."""
    found: list[_Found] = []
    anchor = published
    position = 0
    scanned = ascii_twins(text)
    candidates = sorted(_candidates(scanned), key=lambda c: (c[0], -c[1]))
    for start, end, rule, match in candidates:
        if start < position:
            continue
        try:
            result = rule(match, scanned, start, end, published, anchor)
        except OverflowError:
            # A day reckoned past the calendar's ends (from a publication date or a date in the text
            # in year 1 or 9999) is no day.
            continue
        if result is None:
            continue
        found.append(result)
        position = result.end
        if result.anchor is not None:
            anchor = result.anchor
    return [
        TimeExpression(
            start=f.start,
            end=f.end,
            text=text[f.start : f.end],
            kind=f.kind,
            timeml=f.timeml,
            value=_contract_value(f.timeml),
        )
        for f in found
    ]


def time_mentions(doc_id: str, text: str, *, published: dt.date | None) -> list[TimeMention]:
    """``find_times`` for a stored document, as spans of the data model."""
    return [
        TimeMention(Span(doc_id, t.start, t.end), t.text, t.kind, t.timeml, t.value, STAGE)
        for t in find_times(text, published=published)
    ]


def day_named(expression: str, published: dt.date) -> dt.date | None:
    """The calendar day the first time expression of ``expression`` fixes, if it fixes one."""
    for found in find_times(expression, published=published):
        if found.value and len(found.value) == 10:
            return dt.date.fromisoformat(found.value)
    return None


def _contract_value(timeml: str | None) -> str | None:
    if timeml is None:
        return None
    day_part = timeml.split("T", 1)[0].removesuffix("-WE")  # a weekend is in its ISO week
    if _CONTRACT_VALUE.match(day_part):
        return day_part
    season = re.match(r"^(\d{4})-(?:SP|SU|FA|WI|Q\d|H\d)$", timeml)
    return season.group(1) if season else None


# -- rules -------------------------------------------------------------------------------------------

_Rule = Callable[[re.Match[str], str, int, int, "dt.date | None", "dt.date | None"], "_Found | None"]


def _candidates(text: str) -> list[tuple[int, int, _Rule, re.Match[str]]]:
    return [
        (match.start("t"), match.end("t"), rule, match)
        for pattern, rule in _RULES
        for match in pattern.finditer(text)
    ]


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _is_future(text: str, start: int, end: int) -> bool:
    """Whether the clause around an expression speaks of the future ("will withdraw starting ...")."""
    clause_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind(", ", 0, start)) + 1
    before = text[max(clause_start, start - 60) : start]
    after = text[end : end + 40].split(".")[0]
    # "on Friday he would hold talks": the modal may follow the day, after a subject of a word or two.
    return bool(_FUTURE.search(before) or _FUTURE_AFTER.match(after))


_FUTURE_AFTER: Final = re.compile(
    r"\s*,?\s*(?:[\w'’-]+\s+){0,2}?(?:will|would|is\s+to|are\s+to|plans?\s+to|intends?\s+to)\b", re.I
)


_PAST: Final = re.compile(
    r"\b(?:was|were|had|did|said|told|came|went|began|took|made|fell|rose|won|lost|saw|met|left|held|"
    r"[a-z]{3,}ed)\b",
    re.I,
)


def _is_past(text: str, start: int) -> bool:
    """Whether the clause before an expression has a verb in the past tense ("fighting flared in ...")."""
    clause_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind(", ", 0, start)) + 1
    return bool(_PAST.search(text[max(clause_start, start - 60) : start]))


def _absolute_date(
    m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None
) -> _Found | None:
    groups = m.groupdict()
    year = int(m.group("y"))
    month = _MONTHS[groups["m"].lower().rstrip(".")] if groups.get("m") else int(groups["mn"])
    day = _day(year, month, int(re.sub(r"\D", "", m.group("d"))))
    return None if day is None else _Found(s, e, "DATE", day.isoformat(), day)


def _month_day(
    m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None
) -> _Found | None:
    month = _MONTHS[m.group("m").lower().rstrip(".")]
    number = int(re.sub(r"\D", "", m.group("d")))
    if not 1 <= number <= 31:
        return None
    if pub is None:
        return _Found(s, e, "DATE", f"XXXX-{month:02d}-{number:02d}")
    # The nearest such day: reports name dates a few weeks either side of their own, rarely more.
    options = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := _day(y, month, number))]
    if not options:
        return None
    future = _is_future(text, s, e)
    day = min(options, key=lambda d: (abs((d - pub).days), (d < pub) if future else (d > pub)))
    return _Found(s, e, "DATE", day.isoformat(), day)


def _month_year(
    m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None
) -> _Found:
    month = _MONTHS[m.group("m").lower().rstrip(".")]
    return _Found(s, e, "DATE", f"{int(m.group('y')):04d}-{month:02d}")


def _month_of_a_named_year(
    m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None
) -> _Found:
    """ "October last year", "in March next year": the month of the year the words name."""
    month = _MONTHS[m.group("m").lower().rstrip(".")]
    if pub is None:
        return _Found(s, e, "DATE", f"XXXX-{month:02d}")
    year = pub.year + {"last": -1, "this": 0, "next": 1}[m.group("rel").lower()]
    return _Found(s, e, "DATE", f"{year:04d}-{month:02d}")


def _bare_month(
    m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None
) -> _Found | None:
    month = _MONTHS[m.group("m").lower().rstrip(".")]
    if m.group("m") == "may" or (m.group("m").lower() == "may" and not m.group("mod") and _verb_may(text, e)):
        return None  # "may" is far more often the verb
    if pub is None:
        return _Found(s, e, "DATE", f"XXXX-{month:02d}")
    modifier = (m.group("mod") or "").lower().strip()
    preposition = (m.groupdict().get("prep") or "").lower()
    if modifier == "this":
        year = pub.year
    elif modifier == "last":
        year = pub.year - 1  # "last February" is the previous year's, as TimeBank reads it
    elif modifier == "next":
        year = pub.year + 1
    elif preposition == "since" or (preposition not in ("until", "by") and not _is_future(text, s, e)):
        # In a past context the most recent such month, unless the next one is nearer ("mid-November"
        # in late October); "since May" is always behind.
        past = pub.year if month <= pub.month else pub.year - 1
        ahead = 12 * (past + 1 - pub.year) + month - pub.month
        soon = preposition != "since" and ahead <= 1 and not _is_past(text, s)
        year = past + 1 if soon else past
    else:
        year = pub.year if month >= pub.month else pub.year + 1
    return _Found(s, e, "DATE", f"{year:04d}-{month:02d}")


def _verb_may(text: str, end: int) -> bool:
    """ "in May" is the month; "since May" too; but "May" with a verb after it is the modal."""
    return bool(re.match(r"\s+(?:be|have|not|also|well|still|never|soon|need|want)\b", text[end:]))


def _season(m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None) -> _Found:
    return _Found(s, e, "DATE", f"{int(m.group('y')):04d}-{_SEASONS[m.group('season').lower()]}")


def _year(m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None) -> _Found:
    return _Found(s, e, "DATE", f"{int(m.group('y')):04d}")


def _decade(m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None) -> _Found:
    return _Found(s, e, "DATE", m.group("y")[:3])


def _quarter(
    m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None
) -> _Found | None:
    number = _ORDINALS[m.group("n").lower()]
    part = "Q" if m.group("unit").lower() == "quarter" else "H"
    if part == "H" and number > 2:
        return None
    if m.group("y"):
        year: int | None = int(m.group("y"))
    elif pub is None:
        year = None
    else:
        # The latest such quarter that has begun, unless the sentence looks ahead.
        current = (pub.month - 1) // 3 + 1 if part == "Q" else (pub.month - 1) // 6 + 1
        ahead = _is_future(text, s, e)
        year = pub.year - 1 if number > current and not ahead else pub.year
    return _Found(s, e, "DATE", f"{year:04d}-{part}{number}" if year else f"XXXX-{part}{number}")


def _named_day(
    m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None
) -> _Found | None:
    word = m.group("word").lower()
    offset = {"yesterday": -1, "tomorrow": 1}.get(word.split()[-1], 0)
    if "day before" in word or "day after" in word:
        offset = -2 if "before" in word else 2
    if pub is None:
        return _Found(s, e, "DATE", None)
    day = pub + dt.timedelta(days=offset)
    part = m.group("part") or ("night" if word == "tonight" else word.split()[-1])
    return _Found(s, e, "DATE", day.isoformat() + _part_of_day(part), day)


def _part_of_day(part: str | None) -> str:
    """TimeML's suffix for a part of the day ("Monday night" -> "...TNI"); the export keeps the day."""
    return {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}.get(
        (part or "").lower(), ""
    )


def _weekday(m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None) -> _Found:
    if pub is None:
        return _Found(s, e, "DATE", None)
    target = WEEKDAYS.index(m.group("wd").lower())
    if m.group("lastweek"):
        # "on Tuesday last week": that weekday of the week before the one of writing
        day = pub - dt.timedelta(days=pub.weekday() + 7 - target)
        return _Found(s, e, "DATE", day.isoformat() + _part_of_day(m.group("part")), day)
    modifier = (m.group("mod") or "").lower()
    # "restored by Sunday": a deadline lies ahead unless the clause tells of the past.
    sentence = text[max(text.rfind(". ", 0, s), text.rfind("\n", 0, s)) + 1 : s]
    deadline = modifier in ("by", "until") and _DEADLINE_MODAL.search(sentence) is not None
    if modifier == "next" or (modifier != "last" and (deadline or _is_future(text, s, e))):
        ahead = (target - pub.weekday()) % 7
        day = pub + dt.timedelta(days=ahead or (7 if modifier == "next" else 0))
    else:
        back = (pub.weekday() - target) % 7
        day = pub - dt.timedelta(days=back or (7 if modifier == "last" else 0))
    return _Found(s, e, "DATE", day.isoformat() + _part_of_day(m.group("part")), day)


def _relative_season(
    m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None
) -> _Found:
    if pub is None:
        return _Found(s, e, "DATE", None)
    season = _SEASONS[m.group("season").lower()]
    modifier = m.group("mod").lower()
    current = ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")[pub.month - 1]
    order = ("WI", "SP", "SU", "FA")
    year = pub.year
    if modifier == "last" or (modifier == "past" and order.index(season) >= order.index(current)):
        year -= 1
    elif modifier == "next" and order.index(season) <= order.index(current):
        year += 1
    return _Found(s, e, "DATE", f"{year:04d}-{season}")


def _clock(
    m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None
) -> _Found | None:
    hour = int(m.group("h"))
    if not 1 <= hour <= 12:
        return None
    hour = hour % 12 + (12 if m.group("ampm").lower().startswith("p") else 0)
    minute = int(m.group("min") or 0)
    day = pub.isoformat() if pub else "XXXX-XX-XX"
    return _Found(s, e, "TIME", f"{day}T{hour:02d}:{minute:02d}")


def _reported_quarter(
    m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None
) -> _Found:
    """Business news reports the last completed quarter ("the quarter", "the latest period") and
    compares it with the same quarter a year before ("the year-earlier quarter")."""
    if pub is None:
        return _Found(s, e, "DATE", None)
    index = pub.year * 4 + (pub.month - 1) // 3 - 1
    if "year" in m.group("t").lower():
        index -= 4
    return _Found(s, e, "DATE", f"{index // 4:04d}-Q{index % 4 + 1}")


def _this_year(
    m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None
) -> _Found:
    return _Found(s, e, "DATE", f"{pub.year:04d}" if pub else None)


def _holiday(
    m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None
) -> _Found | None:
    written = m.group("t")
    if not written.lstrip("the ").strip()[0].isupper():
        return None  # "thanksgiving" in lower case is gratitude, not the holiday
    name = re.sub(r"^the\s+", "", written.lower().replace("’", "'"))
    name = re.sub(rf"\s+{_YEAR}$", "", name)
    rule = _HOLIDAYS[name]
    if m.group("y"):
        years = [int(m.group("y"))]
    elif pub is None:
        return _Found(s, e, "DATE", None)
    else:
        years = [pub.year - 1, pub.year, pub.year + 1]
    options = [d for y in years if (d := _holiday_date(rule, y))]
    if pub is not None and not m.group("y"):
        options.sort(key=lambda d: abs((d - pub).days))
    return _Found(s, e, "DATE", options[0].isoformat(), options[0]) if options else None


def _holiday_date(rule: tuple[int, int] | str, year: int) -> dt.date | None:
    if isinstance(rule, tuple):
        return _day(year, *rule)
    if rule == "easter":  # the Gregorian computus (anonymous algorithm)
        a, b, c = year % 19, year // 100, year % 100
        d, e = b // 4, b % 4
        g = (8 * b + 13) // 25
        h = (19 * a + b - d - g + 15) % 30
        i, k = c // 4, c % 4
        el = (32 + 2 * e + 2 * i - h - k) % 7
        mm = (a + 11 * h + 19 * el) // 433
        month = (h + el - 7 * mm + 90) // 25
        return dt.date(year, month, (h + el - 7 * mm + 33 * month + 19) % 32)
    month, weekday, nth = {"thanksgiving": (11, 3, 4), "labor": (9, 0, 1), "memorial": (5, 0, -1)}.get(
        rule, (11, 1, 1)
    )
    if nth == -1:
        last = dt.date(year, month, 31)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    return day + dt.timedelta(days=1) if rule == "election" else day  # the Tuesday after the first Monday


def _century(m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None) -> _Found:
    if m.group("n"):
        return _Found(s, e, "DATE", f"{int(m.group('n')) - 1:02d}")
    return _Found(s, e, "DATE", f"{pub.year // 100:02d}" if pub else None)


def _this_unit(
    m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None
) -> _Found:
    unit = m.group("unit").lower()
    # "the beginning of the month" has no modifier: the unit the article is written in.
    modifier = (m.groupdict().get("mod") or "this").lower()
    step = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[modifier]
    if pub is None:
        return _Found(s, e, "DATE", None)
    if unit == "week":
        year, week, _ = (pub + dt.timedelta(weeks=step)).isocalendar()
        return _Found(s, e, "DATE", f"{year:04d}-W{week:02d}")
    if unit == "weekend":
        year, week, _ = (pub + dt.timedelta(weeks=step)).isocalendar()
        return _Found(s, e, "DATE", f"{year:04d}-W{week:02d}-WE")
    if unit == "month":
        month_index = pub.year * 12 + pub.month - 1 + step
        return _Found(s, e, "DATE", f"{month_index // 12:04d}-{month_index % 12 + 1:02d}")
    return _Found(s, e, "DATE", f"{pub.year + step:04d}")


def _weekend(m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None) -> _Found:
    if pub is None:
        return _Found(s, e, "DATE", None)
    future = _is_future(text, s, e)
    saturday = (
        pub + dt.timedelta(days=(5 - pub.weekday()) % 7)
        if future
        else pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
    )
    year, week, _ = saturday.isocalendar()
    return _Found(s, e, "DATE", f"{year:04d}-W{week:02d}-WE")


def _ago(m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None) -> _Found:
    unit = _unit_of(m.group("unit"))
    amount = _amount(m.group("n"))
    if pub is None or amount is None:
        return _Found(s, e, "DATE", "PAST_REF" if amount is None else None)
    return _Found(s, e, "DATE", _shift(pub, -amount, unit))


_DEADLINE_MODAL: Final = re.compile(
    r"\b(?:will|would|should|must|shall|is\s+to|are\s+to|plans?\s+to)\b", re.IGNORECASE
)


def _overnight(
    m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None
) -> _Found:
    return _Found(s, e, "DATE", pub.isoformat() if pub else None, pub)


def _relative_to_anchor(
    m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, anchor: dt.date | None
) -> _Found:
    words = m.group("t").lower()
    unit = _unit_of(m.group("unit") or "day")
    count = m.groupdict().get("n")
    amount = 0 if "same" in words else _amount(count) if count else 1
    backwards = any(w in words for w in ("before", "earlier", "previous", "prior"))
    if anchor is None or amount is None:
        return _Found(s, e, "DATE", None)
    value = _shift(anchor, -amount if backwards else amount, unit)
    day = dt.date.fromisoformat(value) if value is not None and len(value) == 10 else None
    return _Found(s, e, "DATE", value, day)


def _duration(m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None) -> _Found:
    unit = _unit_of(m.group("unit"))
    count = m.groupdict().get("n")
    amount = _amount(count) if count and count.lower() not in _VAGUE else None
    letter = _UNITS[unit]
    prefix = "PT" if unit in ("second", "minute", "hour") else "P"
    count = "X" if amount is None else str(amount)
    if letter == "DE":
        return _Found(s, e, "DURATION", f"P{amount * 10}Y" if amount else "PXDE")
    return _Found(s, e, "DURATION", f"{prefix}{count}{letter}")


def _ordinal_count(
    m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None
) -> _Found:
    unit = _unit_of(m.group("unit"))
    count = int(re.sub(r"\D", "", m.group("n")))
    return _Found(s, e, "DURATION", f"P{count}{_UNITS[unit]}")


def _reference(
    m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None
) -> _Found | None:
    written = m.group("t")
    if any(w[0].isupper() for w in written.split()[1:]) or (
        written[0].isupper() and not _starts_sentence(text, s)
    ):
        return None  # "the Institute of the Future": part of a name
    word = written.lower()
    if word in ("now", "currently", "current", "at present", "right now", "these days", "nowadays"):
        return _Found(s, e, "DATE", "PRESENT_REF")
    if "future" in word or word == "soon":
        return _Found(s, e, "DATE", "FUTURE_REF")
    return _Found(s, e, "DATE", "PAST_REF")


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"“'(")
    return not before or before[-1] in ".!?:\n"


def _set(
    m: re.Match[str], text: str, s: int, e: int, pub: dt.date | None, _a: dt.date | None
) -> _Found | None:
    word = m.group("t").lower()
    if word == "daily" and re.match(r"\s+[A-Z]", text[e:]):
        return None  # "the party daily Granma": a newspaper
    unit = next((u for u in ("day", "week", "month", "year") if u in word or u[:-1] in word), "day")
    if word in ("daily", "weekly", "monthly", "annually", "yearly"):
        unit = {"daily": "day", "weekly": "week", "monthly": "month"}.get(word, "year")
    return _Found(s, e, "SET", f"P1{_UNITS[unit]}")


def _unit_of(word: str) -> str:
    word = word.lower()
    if word.startswith("centur"):
        return "century"
    return word[:-1] if word.endswith("s") and word[:-1] in _UNITS else word


def _amount(word: str | None) -> int | None:
    if word is None:
        return None
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word)


def _shift(day: dt.date, amount: int, unit: str) -> str | None:
    """``day`` moved by ``amount`` units, or None when that leaves the calendar ("730120 days ago"
    in an article of 1901 would be before year 1)."""
    try:
        if unit == "day":
            return (day + dt.timedelta(days=amount)).isoformat()
        if unit == "week":
            year, week, _ = (day + dt.timedelta(weeks=amount)).isocalendar()
            return f"{year:04d}-W{week:02d}"
    except OverflowError:
        return None
    if unit == "month":
        index = day.year * 12 + day.month - 1 + amount
        return f"{index // 12:04d}-{index % 12 + 1:02d}" if 1 <= index // 12 <= 9999 else None
    if unit == "year":
        return f"{day.year + amount:04d}" if 1 <= day.year + amount <= 9999 else None
    if unit == "decade":
        return f"{(day.year + 10 * amount) // 10:03d}" if 1 <= day.year + 10 * amount <= 9999 else None
    return "PAST_REF" if amount < 0 else "FUTURE_REF"


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


_OF_YEAR = (
    r"(?:(?:the\s+)?(?:beginning|start|end|middle|first\s+half|second\s+half)\s+of\s+"
    r"|early\s+|late\s+|mid-?)"
)
_OF_MONTH = r"(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)[\s-]+"
# Fixed-date and moveable holidays, as (month, day) or a rule resolved in ``_holiday_date``.
_HOLIDAYS: Final[dict[str, tuple[int, int] | str]] = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "new year's eve": (12, 31), "new year's day": (1, 1), "halloween": (10, 31),
    "valentine's day": (2, 14), "victory day": (5, 9), "thanksgiving day": "thanksgiving",
    "thanksgiving": "thanksgiving", "election day": "election", "easter sunday": "easter", "easter": "easter",
    "labor day": "labor", "memorial day": "memorial",
}  # fmt: skip
_HOLIDAY_NAMES = "|".join(re.escape(h).replace("'", "['’]") for h in sorted(_HOLIDAYS, key=len, reverse=True))
_LATEST = r"(?:latest\s+|most\s+recent\s+|just-ended\s+)?"
_NOT_A_YEAR_PHRASE = r"(?!\s+(?:\d|ago|earlier|before|after|of|in|to|since|when))"
_PLURAL_UNIT = r"days|weeks|months|years|decades"
_NOT_BEFORE_A_LENGTH = (
    r"(?!\s+(?:[\w-]+\s+)?(?:second|minute|hour|day|week|month|year|decade|quarter|summer|winter)s?\b)"
)
_UNIT_WORD = r"second|minute|hour|day|week|month|year|decade"
_SEASON_WORD = r"spring|summer|fall|autumn|winter"
_PART = r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
# No day or year after the month ("May 5", "May, 2024"); a count after a comma ("September, 1,274
# people") is the sentence going on.
_NO_NUMBER_AFTER = r"(?!\s*(?:\d|,\s*\d(?!\d?,\d{3})))"
# "the day before the attack" counts from an event, not from a day; "the day before that it struck"
# is the day before the day last named ("that" opening a clause, not naming a thing).
_NOT_BEFORE_EVENT = (
    r"(?!\s+(?:the|a|an|his|her|their|its|this|yesterday)\b)"
    r"(?!\s+that\s+(?!(?:it|he|she|they|we|i|you|there|the|a|an|its|his|her|their|our)\b)[a-z])"
)
# "Five days after Moscow announced ...", "the day before Kyiv said": counted from an event a clause
# after it names, opened by a name, not from the last day named (a determiner opening the event is
# ``_NOT_BEFORE_EVENT``'s).
_NO_EVENT_AFTER = r"(?!(?<=before|.after)\s+(?-i:[A-Z]))"
_YEAR_PREPOSITION = r"\b(?:in|since|by|until|till|from|to|of|during|before|after|through|throughout|year)\s+"
_NAMED_DAY = (
    r"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow"
    r"|this\s+(?:morning|afternoon|evening)"
)
_REFERENCES = (
    r"now|currently|at present|right now|these days|nowadays|recently|lately"
    r"|the past|the future|in the past|in the future"
)

_RULES: Final[tuple[tuple[re.Pattern[str], _Rule], ...]] = (
    (_p(rf"(?<![\d-])(?P<t>(?P<y>{_YEAR})-(?P<mn>[01]\d)-(?P<d>[0-3]\d))(?![\d-])"), _absolute_date),
    (_p(rf"\b(?P<t>(?P<m>{_M})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR}))\b"), _absolute_date),
    (_p(rf"\b(?P<t>(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_M}),?\s+(?P<y>{_YEAR}))\b"), _absolute_date),
    (_p(rf"\b(?P<t>(?:{_OF_MONTH})?(?P<m>{_M})\s+(?:of\s+)?(?P<y>{_YEAR}))\b"), _month_year),
    (
        # Within one sentence: not "early May.\n\nLast year ...".
        _p(rf"\b(?P<t>(?:{_OF_MONTH})?(?P<m>{_M})(?<!\.)[ \t]+(?P<rel>last|this|next)[ \t]+year)\b"),
        _month_of_a_named_year,
    ),
    (
        _p(
            rf"\b(?P<t>(?:(?:early|late|mid)[\s-]+)?(?P<season>spring|summer|fall|autumn|winter)\s+"
            rf"(?:of\s+)?(?P<y>{_YEAR}))\b"
        ),
        _season,
    ),
    (_p(rf"\b(?P<t>{_OF_YEAR}(?P<y>{_YEAR}))\b"), _year),
    (_p(rf"\b(?P<t>(?P<m>{_M})\s+(?P<d>{_DAY}))\b(?!,?\s+{_YEAR})(?![\d:])"), _month_day),
    (_p(rf"\b(?P<t>(?P<d>[0-3]?\d)\s+(?P<m>{_M}))\b(?!,?\s+{_YEAR})"), _month_day),
    (_p(r"\b(?P<t>the\s+(?:(?:early|mid|late)[\s-]+)?(?P<y>(?:19|20)\d0)s)\b"), _decade),
    (
        _p(
            rf"\b(?P<t>(?P<mod>early|late|mid|last|next|this|the\s+(?:beginning|start|end|middle)\s+of)[\s-]+"
            rf"(?P<m>{_M}))\b{_NO_NUMBER_AFTER}"
        ),
        _bare_month,
    ),
    (
        _p(
            rf"\b(?P<prep>in|since|until|till|by|during|of|between|from|through|throughout|before|after|for|to)\s+"
            rf"(?P<t>(?P<mod>)(?P<m>{_M}))\b{_NO_NUMBER_AFTER}"
        ),
        _bare_month,
    ),
    # "before the December summit", "the March elections": a month naming an event of it
    (_p(rf"\bthe\s+(?P<t>(?P<mod>)(?P<m>{_M}))\s+(?=[a-z]{{3,}}\b){_NO_NUMBER_AFTER}"), _bare_month),
    (
        _p(
            rf"\b(?P<t>(?:the\s+)?(?P<n>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+"
            rf"(?P<unit>quarter|half)(?:\s+of\s+(?P<y>{_YEAR}))?)\b"
        ),
        _quarter,
    ),
    (_p(rf"{_YEAR_PREPOSITION}(?P<t>(?P<y>{_YEAR}))\b(?![-/]\d)"), _year),
    (_p(rf"\b(?P<t>(?P<word>{_NAMED_DAY}){_PART})\b"), _named_day),
    (
        _p(
            rf"\b(?P<t>(?:(?P<mod>last|next|this|early|late|on|since|until|by)\s+)?(?P<wd>{_WD}){_PART}"
            r"(?P<lastweek>\s+(?:of\s+)?last\s+week)?)\b"
        ),
        _weekday,
    ),
    (
        _p(
            r"\b(?P<t>(?P<mod>this|last|past|previous|next|coming)\s+(?P<unit>week|weekend|month|year))\b"
        ),
        _this_unit,
    ),
    (
        _p(r"\b(?P<t>the\s+(?:beginning|start|end|middle)\s+of\s+(?:the|this)\s+(?P<unit>week|month|year))\b"),
        _this_unit,
    ),
    (_p(r"\b(?:over\s+|during\s+|at\s+)?(?P<t>the\s+weekend)\b"), _weekend),
    (_p(rf"\b(?P<t>(?P<n>{_NUM}|{_VAG})\s+(?P<unit>{_UNIT})\s+ago)\b"), _ago),
    (
        _p(
            r"\b(?P<t>the\s+(?:next|following|previous|prior)\s+(?P<unit>day|week|month|year))\b"
        ),
        _relative_to_anchor,
    ),
    (
        _p(
            rf"\b(?P<t>(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+(?:earlier|later|before|after))\b{_NOT_BEFORE_EVENT}"
            rf"{_NO_EVENT_AFTER}"
        ),
        _relative_to_anchor,
    ),
    # "repeated the claim the same day": the day last named.
    (_p(r"\b(?:on\s+)?(?P<t>the\s+same\s+(?P<unit>day))\b"), _relative_to_anchor),
    # "Overnight, drones attacked ...": the night that ended on the day of writing.
    (_p(r"\b(?P<t>overnight)\b(?!\s+(?:to|into|from|on|of)\b)"), _overnight),
    # "The day before, its spokesperson had reported ...", "a day later": one day from the last day named.
    (
        _p(rf"\b(?P<t>(?:the|a)\s+(?P<unit>day)\s+(?:earlier|later|before|after))\b(?!\s+(?:yesterday|tomorrow))"
           rf"{_NOT_BEFORE_EVENT}{_NO_EVENT_AFTER}"),
        _relative_to_anchor,
    ),
    (
        _p(
            r"\b(?P<t>(?:(?:the|its|their|his|her)\s+)(?P<n>\d+(?:st|nd|rd|th))\s+(?P<unit>day|week|month|year))\b"
        ),
        _ordinal_count,
    ),
    (
        _p(
            rf"\b(?P<t>(?:(?:the\s+)?(?:past|last|next|first|coming)\s+)?(?P<n>{_NUM}|{_VAG})\s+"
            rf"(?P<unit>{_UNIT}))\b(?!\s+(?:ago|old|earlier|later))"
        ),
        _duration,
    ),
    (_p(r"\bfor\s+(?P<t>(?P<unit>days|weeks|months|years|decades|hours))\b"), _duration),
    (_p(rf"\b(?P<t>(?P<n>{_NUM})-(?P<unit>{_UNIT_WORD}))\b(?!-old)"), _duration),
    (_p(rf"\b(?P<t>(?P<mod>this|last|next|past)\s+(?P<season>{_SEASON_WORD}))\b"), _relative_season),
    (_p(rf"\b(?P<t>the\s+{_LATEST}(?:quarter|period))\b"), _reported_quarter),
    (_p(r"\b(?P<t>(?:the\s+)?year-(?:earlier|ago)(?:\s+(?:quarter|period))?)"), _reported_quarter),
    (_p(rf"\b(?P<t>(?:the\s+)?fiscal\s+(?P<y>{_YEAR}))\b"), _year),
    (_p(rf"\b(?P<t>the\s+(?:fiscal\s+)?year)\b{_NOT_A_YEAR_PHRASE}"), _this_year),
    (_p(r"\b(?P<t>(?P<h>[01]?\d)(?::(?P<min>[0-5]\d))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?=\W|$))"), _clock),
    (_p(rf"(?<![\d,.$£€-])(?P<t>(?P<y>{_YEAR}))(?![\d,.%-])(?!\s+[a-z]+s\b)"), _year),
    (_p(rf"\b(?:for|within|over|in|after|since)\s+(?P<t>(?P<unit>{_PLURAL_UNIT}))\b"), _duration),
    (_p(rf"\b(?P<t>(?:the\s+)?(?:{_HOLIDAY_NAMES})(?:\s+(?P<y>{_YEAR}))?)\b"), _holiday),
    (_p(r"\b(?P<t>the\s+(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century|this\s+century)\b"), _century),
    (_p(rf"\b(?P<t>{_REFERENCES})\b{_NOT_BEFORE_A_LENGTH}"), _reference),
    (_p(r"\b(?P<t>(?:every|each)\s+(?:day|week|month|year)|daily|weekly|monthly|annually|yearly)\b"), _set),
)  # fmt: skip
