"""Quantities: numbers with what they count, found in text.

A quantity is a number written in digits ("80,000", "4.5", "1.2 million") or words ("two", "a
dozen", "thousands"), optionally a range ("200 to 400", "between 5 and 10"), with

- ``qualifier``: the hedge before it ("about", "around", "more than", "at least", "up to"); vague
  amounts ("thousands of", "dozens of") carry "vague" and their order of magnitude as value;
- ``unit``: a unit of measure after it, normalised ("kilometers" -> "km", "square kilometers" -> "km2",
  "%" / "percent" -> "%"), or "times" for ratios ("5 times higher");
- ``about``: what is counted, in the text's words: the noun phrase after it ("4,000 civilians
  remaining"), or the noun before "of" when the number is the amount of something ("a pre-war
  population of 80,000").

Not quantities: years, dates and times (the time tagger's spans are passed in and skipped), ordinals,
and numbers inside words or codes.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Final

from claimgraph.casefold import ascii_twins
from claimgraph.models import Quantity, Span

STAGE: Final = "quantities-rules"

_WORD_NUMBERS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a thousand": 1000, "a dozen": 12, "dozen": 12,
}  # fmt: skip
_VAGUE: Final = {
    "tens of thousands": 10_000, "hundreds of thousands": 100_000, "thousands": 1000, "hundreds": 100,
    "dozens": 12, "millions": 1_000_000, "scores": 20,
}  # fmt: skip
_MULTIPLIERS: Final = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "mln": 1e6,
    "bn": 1e9,
}
_UNITS: Final = {
    "square kilometers": "km2", "square kilometres": "km2", "square km": "km2", "sq km": "km2", "km2": "km2",
    "square miles": "mi2", "kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km",
    "km": "km", "miles": "mi", "mile": "mi", "meters": "m", "metres": "m", "meter": "m", "metre": "m",
    "hectares": "ha", "tons": "t", "tonnes": "t", "tonne": "t", "percent": "%", "per cent": "%", "%": "%",
    "dollars": "USD", "euros": "EUR", "hryvnias": "UAH", "hryvnia": "UAH", "rubles": "RUB", "roubles": "RUB",
    "times": "times", "degrees": "deg", "kilograms": "kg", "kg": "kg", "liters": "l", "litres": "l",
    "hours": "h", "hour": "h", "minutes": "min", "minute": "min", "days": "days", "day": "days",
    "weeks": "weeks", "week": "weeks", "months": "months", "month": "months",
    # Joined as modifiers: "a 12-year-old boy", "a five-storey building", "a 750-kilovolt line".
    "year-old": "years old", "years old": "years old", "storey": "storeys", "storeys": "storeys",
    "story": "storeys", "floor": "storeys", "kilovolt": "kV", "kilovolts": "kV", "kV": "kV",
    "megawatts": "MW", "megawatt": "MW", "MW": "MW", "gigawatts": "GW", "gigawatt": "GW", "GW": "GW",
}  # fmt: skip
# The pattern matches units in any case ("5 GW", "5 gw"): look them up the same way.
_UNITS_BY_LOWER: Final = {written.lower(): unit for written, unit in _UNITS.items()}
_CURRENCY_SIGNS: Final = {"$": "USD", "€": "EUR", "£": "GBP", "₴": "UAH", "₽": "RUB"}
_QUALIFIERS: Final = (
    "no more than", "not more than", "no fewer than", "no less than", "not less than",
    "approximately", "an estimated", "as many as", "more than", "fewer than", "less than", "at least",
    "at most", "up to", "nearly", "almost", "around", "about", "roughly", "some", "over", "under",
    "estimated", "only", "just",
)  # fmt: skip
_NOT_COUNTED: Final = frozenset(
    "of and or to the a an in on at by for from with as than who which that were was are is had have has "
    "said says per".split()
)

# Thousands grouped with commas, or with spaces as Ukrainian and Russian write them ("11 200").
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d+(?:\.\d+)?"
_MULTIPLIER = r"(?:\s*(?:thousand|million|billion|trillion|mln|bn)\b)?"
_WORD = "|".join(sorted((re.escape(w) for w in _WORD_NUMBERS), key=len, reverse=True))
_NUMBER = rf"(?:{_DIGITS}){_MULTIPLIER}|\b(?:{_WORD})\b{_MULTIPLIER}"
_QUALIFIER = "|".join(_QUALIFIERS)
_UNIT = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
_VAGUE_ALT = "|".join(sorted(_VAGUE, key=len, reverse=True))

_QUANTITY: Final = re.compile(
    rf"(?:(?P<qual>\b(?:{_QUALIFIER}))\s+)?"
    rf"(?P<sign>[$€£₴₽])?(?P<minus>minus\s+)?"
    rf"(?:between\s+)?(?P<low>{_NUMBER})"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<high>{_NUMBER}))?"
    # "30 km", and joined as a modifier: "a 1.2-kilometre stretch", "a 30-hour shift".
    rf"(?:(?:\s*|-)(?P<unit>{_UNIT})\b|(?P<pct>%))?",
    re.IGNORECASE,
)
_VAGUE_QUANTITY: Final = re.compile(rf"\b(?P<vague>{_VAGUE_ALT})\s+of\b", re.IGNORECASE)
_NOUN_PHRASE_AFTER: Final = re.compile(r"\s+((?:[A-Za-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*)")
_PARTITIVE: Final = re.compile(r"\s+of\s+(?:our|the|their|its|his|her|them)(?=\s)", re.IGNORECASE)
_OWNER_BEFORE: Final = re.compile(r"((?:[\w'’-]+\s+){0,2}[\w'’-]+)\s+of\s+(?:about\s+|around\s+|some\s+)?$")


@dataclass(frozen=True, slots=True)
class _Raw:
    start: int
    end: int
    value: float
    high: float | None
    unit: str | None
    qualifier: str | None
    about: str | None


def find_quantities(doc_id: str, text: str, *, skip: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """Every quantity in ``text``; ``skip`` holds spans (time expressions) whose numbers are not counts."""
    blocked = sorted(skip or [])
    # What is counted ("about") is read from the scanned copy: a long s in it reads as "s".
    scanned = ascii_twins(text)
    raws = [r for r in _raw_quantities(scanned) if not any(s < r.end and r.start < e for s, e in blocked)]
    return [
        Quantity(
            span=Span(doc_id, r.start, r.end),
            text=text[r.start : r.end],
            value=r.value,
            high=r.high,
            unit=r.unit,
            qualifier=r.qualifier,
            about=r.about,
            stage=STAGE,
        )
        for r in raws
    ]


def _raw_quantities(text: str) -> list[_Raw]:
    found: list[_Raw] = []
    for match in _VAGUE_QUANTITY.finditer(text):
        about = _about_after(text, match.end())
        value = float(_VAGUE[match.group("vague").lower()])
        found.append(_Raw(match.start(), match.end() - 3, value, None, None, "vague", about))
    taken = [(r.start, r.end) for r in found]
    for match in _QUANTITY.finditer(text):
        start, end = match.start("low"), match.end()
        if any(s < end and start < e for s, e in taken) or not _standalone(text, match):
            continue
        low = _number(match.group("low"))
        if low is None:
            continue
        if match.group("minus"):
            low = -low  # "minus 6 degrees"
        high = _number(match.group("high")) if match.group("high") else None
        if high is not None and high < low:
            high = None
            end = match.end("low")
        unit = _unit(match)
        if unit is None and match.group("low").lower() in ("one", "a hundred") and not match.group("high"):
            continue  # "one of the", "one soldier": an article more than a count
        qualifier = match.group("qual").lower() if match.group("qual") else None
        start = (
            match.start("qual")
            if qualifier
            else match.start("sign")
            if match.group("sign")
            else match.start("minus")
            if match.group("minus")
            else start
        )
        # After a unit of measure comes a direction or place ("10 kilometers west"), not what is counted.
        about = _about_before(text, start) or (
            None if unit not in (None, "times") else _about_after(text, end)
        )
        found.append(_Raw(start, end, low, high, unit, qualifier, about))
    return sorted(found, key=lambda r: r.start)


def _standalone(text: str, match: re.Match[str]) -> bool:
    """Not part of a word, code, date or ordinal ("F-16", "2nd", "9/11", "Su-25", "1,000th")."""
    start, end = match.start("low"), match.end("low")
    before = text[start - 1] if start else " "
    after = text[end : end + 2]
    if before.isalnum() or before in "-/#" or (before == "." and start > 1 and text[start - 2].isdigit()):
        return False
    if re.match(r"(?:st|nd|rd|th)\b|[/:]\d", after) or (after.startswith("-") and not match.group("unit")):
        return False
    if re.search(r"\s", match.group("low")) and _MONTH_BEFORE.search(text, 0, start):
        return False  # "May 22 200 soldiers": a day, then a count
    # Four-digit numbers between 1900 and 2099 with nothing counted after them are years; one written
    # with a thousands separator ("more than 1,900 attack drones") is a count.
    low = match.group("low")
    return not (re.fullmatch(r"(?:19|20)\d\d", low) and not match.group("unit") and not match.group("high"))


_MONTH_BEFORE: Final = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.IGNORECASE
)


def _number(written: str) -> float | None:
    written = written.strip().lower()
    multiplier = 1.0
    for word, factor in _MULTIPLIERS.items():
        if written.endswith(word):
            multiplier = factor
            written = written[: -len(word)].strip()
            break
    if written in _WORD_NUMBERS:
        return _WORD_NUMBERS[written] * multiplier
    try:
        value = float(re.sub(r"[,\s]", "", written)) * multiplier
    except ValueError:
        return None
    # Three hundred digits in a row are no count (and infinity has no place in the export's JSON).
    return value if math.isfinite(value) else None


def _unit(match: re.Match[str]) -> str | None:
    if match.group("pct"):
        return "%"
    if match.group("sign"):
        return _CURRENCY_SIGNS[match.group("sign")]
    unit = match.group("unit")
    return _UNITS_BY_LOWER[unit.lower()] if unit else None


def _about_after(text: str, end: int) -> str | None:
    """The counted noun phrase right after a number: "4,000 civilians remaining" -> "civilians remaining"."""
    # "272 of our people", "12 of the soldiers": the counted come after the "of".
    partitive = _PARTITIVE.match(text, end)
    match = _NOUN_PHRASE_AFTER.match(text, partitive.end() if partitive else end)
    if match is None:
        return None
    words = match.group(1).split()
    after = match.end()
    described = _DESCRIBED_NOUN.match(text, after)
    if len(words) == 1 and not words[0].endswith("s") and described is not None:
        # "146 captured servicemen", "23 wounded civilians", "three truck drivers": a participle or a
        # noun describes who is counted.
        words.append(described.group(1))
        after = described.end()
    while words and words[-1].lower() in _NOT_COUNTED:
        words.pop()
    if not words or words[0].lower() in _NOT_COUNTED:
        return None
    tail = re.match(r"\s+(remaining|left|killed|wounded|dead|missing|displaced|evacuated)\b", text[after:])
    return " ".join(words) + (f" {tail.group(1)}" if tail else "")


# A plural noun after a participle, no function word: "captured servicemen", not "killed and".
_DESCRIBED_NOUN: Final = re.compile(
    r"\s+(?!(?:and|or|in|on|at|by|of|to|for|with|from|as|when)\b)([a-z][a-z'’-]*(?:s|men)|people|children)\b"
)


def _about_before(text: str, start: int) -> str | None:
    """The noun a number is the amount of: "a pre-war population of 80,000" -> "pre-war population"."""
    match = _OWNER_BEFORE.search(text[max(0, start - 60) : start])
    if match is None:
        return None
    words = match.group(1).split()
    while words and words[0].lower() in _NOT_COUNTED | {"its", "his", "her", "their", "our"}:
        words.pop(0)
    if not words or words[-1].lower() in _NOT_COUNTED or not words[-1].isalpha():
        return None
    return " ".join(words)
