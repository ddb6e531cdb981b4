"""Bylines ("By Nick Mordowanec", "By AFP", "Author: A and B") and wire credit trailers.

A line only counts as a byline when everything after "By" reads as names (plus an optional date
stamp), so sentences such as "By Monday the town had fallen." are never mistaken for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from claimgraph.clean.dates import Stamp, read_stamp
from claimgraph.clean.outlets import AGENCIES, OUTLETS

# What may name the writer before "by" or before a colon: "Interview by", "Text and photos: ".
_WRITER_LABEL = (
    r"(?:written|words|story|text|reported|interview(?:ed)?"
    r"|(?:text|words|story)\s+and\s+(?:photos?|pictures))"
)
_BYLINE = re.compile(
    rf"^(?:{_WRITER_LABEL}\s+)?by\s*:?\s+(?P<rest>\S.*)$"
    rf"|^(?:authors?|byline|written\s+by|{_WRITER_LABEL})\s*:\s*(?P<label_rest>\S.*)$",
    re.IGNORECASE,
)
_MONTH_OR_DAY = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d"
    r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
# Where the names end: a separator, a stamp label, or the first thing that starts a date.
_NAMES_END = re.compile(
    rf"\s*(?:[|·•]|\s[-–—]\s|\b(?:published|updated|posted|last\s+updated)\b"
    rf"|(?:\b(?:on|at)\s+)?(?=\d|{_MONTH_OR_DAY}))",
    re.IGNORECASE,
)
_TRAILING_CONNECTOR = re.compile(r"(?:\s*[,;:]|\s+(?:on|at))+\s*$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|/|\band\b)\s*")
_AFFILIATION = re.compile(r"\s+(?:in|for|from|at)\s+\S.*$")
_ROLE_WORDS: Final = frozenset(
    {
        "writer",
        "reporter",
        "correspondent",
        "editor",
        "contributor",
        "columnist",
        "journalist",
        "producer",
        "photographer",
        "desk",
        "staff",
        "bureau",
    }
)
# Words that may qualify a role under a byline: "Senior Defense Correspondent", "Staff Writer".
_ROLE_QUALIFIERS: Final = frozenset(
    {
        "senior",
        "chief",
        "deputy",
        "associate",
        "special",
        "contributing",
        "freelance",
        "foreign",
        "political",
        "defense",
        "defence",
        "military",
        "security",
        "world",
        "news",
        "europe",
        "general",
        "assignment",
        "breaking",
        "weekend",
        "digital",
        "staff",
        "the",
        "of",
        "on",
    }
)
_PARTICLES: Final = frozenset(
    {
        "de",
        "da",
        "di",
        "del",
        "della",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "du",
        "dos",
        "das",
        "bin",
        "ibn",
    }
)
_ARABIC_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|abu|bin)-\w")
_NOT_NAMES: Final = frozenset(
    {
        "a",
        "an",
        "at",
        "he",
        "her",
        "his",
        "i",
        "in",
        "it",
        "its",
        "of",
        "on",
        "our",
        "she",
        "that",
        "their",
        "these",
        "they",
        "this",
        "those",
        "to",
        "we",
        "you",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "contrast",
        "comparison",
        "default",
        "far",
        "now",
        "then",
        "way",
    }
)
_ONE_WORD_NAMES: Final = frozenset(
    {a.casefold() for a in AGENCIES} | {n.casefold() for n in OUTLETS.values() if " " not in n}
)
_OUTLET_NAMES: Final = frozenset(n.casefold() for n in OUTLETS.values())
_SEGMENT_SPLIT = re.compile(r"[|·•]|\s[-–—]\s")
_NAME_CHARS = re.compile(r"^[^\W\d_][\w'’.\-]*$")

# "Reporting by X; Editing by Y": every clause of a wire credit names its people after "<role> by".
_CREDIT_ROLE = re.compile(
    r"(?:^|(?<=[\s;,(]))(?P<role>(?:additional\s+)?(?:reporting|writing|editing|compiled|translated|translation"
    r"|research|fact-checking|production|graphics))(?:\s+and\s+\w+)?\s+by\s+",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"(?:[\s;,.]|\b(?:with|and)\b)+$", re.IGNORECASE)
# A newsroom credited as a whole: "the Moscow newsroom", "the Kyiv and Warsaw bureaus", "our Brussels desk".
_DESK_NOUNS = r"(?:newsrooms?|bureaus?|bureaux|desks?|staff|team|correspondents?)"
_DESK = re.compile(
    rf"^(?:the|our)\s+[A-Z][\w'’.-]*(?:(?:\s*,\s*|\s+and\s+|\s+)[A-Z][\w'’.-]*){{0,4}}\s+{_DESK_NOUNS}$"
)
# An outlet's staff as the byline: "Eastline staff", "Danube Courier newsroom", "The Ostra Herald desk".
# Case-sensitive: the outlet's name is capitalised, the noun after it is not.
_STAFF_CREDIT = re.compile(
    r"^(?:[Bb]y\s+)?(?:[Tt]he\s+)?(?P<name>[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|and|for|the)){0,4}?)"
    r"\s+(?:staff|newsroom|news\s+desk|desk|editorial\s+(?:staff|team|board|office))$"
)


@dataclass(frozen=True, slots=True)
class Byline:
    names: tuple[str, ...]
    stamp: Stamp | None  # the date stamp written after the names, if any


def _is_name_token(token: str, *, first: bool, last: bool) -> bool:
    if token.casefold() in _PARTICLES:
        return not (first or last)
    if _ARABIC_PREFIX.match(token):
        return True
    return bool(_NAME_CHARS.match(token)) and token[0].isupper() and token.casefold() not in _NOT_NAMES


def _clean_name(part: str) -> str | None:
    """``part`` as a person's or an organisation's name, or None if it is anything else."""
    part = _AFFILIATION.sub("", part).strip(" .,;:")
    tokens = part.split()
    if not 1 <= len(tokens) <= 5:
        return None
    if len(tokens) == 1:
        word = tokens[0]
        if word.casefold() in _ONE_WORD_NAMES or (len(word) >= 2 and word.isupper() and word.isalpha()):
            return word
        return None
    if tokens[0] == "The":
        # "The Associated Press": an organisation's article is no name token but belongs to it.
        tokens = tokens[1:]
    last = len(tokens) - 1
    if not all(_is_name_token(t, first=i == 0, last=i == last) for i, t in enumerate(tokens)):
        return None
    if all(t.isupper() for t in tokens if len(t) > 1):
        # "BY NICK MORDOWANEC": the shouting is typography, not part of the name.
        return " ".join("-".join(piece.capitalize() for piece in t.split("-")) for t in part.split())
    return part


def _names(text: str) -> tuple[str, ...] | None:
    parts = [p for p in _NAME_SPLIT.split(text) if p.strip()]
    if not parts or len(parts) > 6:
        return None
    names: list[str] = []
    for part in parts:
        words = {w.strip(".,").casefold() for w in part.split()}
        if words & _ROLE_WORDS:
            continue
        name = _clean_name(part)
        if name is None:
            return None
        if name not in names:
            names.append(name)
    return tuple(names) or None


_PLACED_BYLINE = re.compile(
    r"(?P<names>[A-Z][a-z][\w'’-]*\s+[A-Z][\w'’-]+(?:\s+and\s+[A-Z][a-z][\w'’-]*\s+[A-Z][\w'’-]+)?)"
    r"\s+in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
)


# Words that open headings like "Life in Kharkiv", "The War in Ukraine": no reporter's given name.
_NOT_GIVEN: Final = frozenset(
    "The A An This That Our My Life War Peace Winter Summer Spring Autumn Fall Night Day News Death "
    "Inside Behind Fighting Living Christmas Easter Hope Fear".split()
)


def parse_byline(line: str) -> Byline | None:
    """The names (and any date stamp) of a byline, or None when ``line`` is not a byline.

    ``line`` is plain text: markdown already removed.
    """
    m = _BYLINE.match(line.strip())
    if m is None:
        # "Hannah Lister in Nikopol": a reporter and where she files from, with no "By".
        placed = _PLACED_BYLINE.fullmatch(line.strip())
        names = _names(placed["names"]) if placed and placed["names"].split()[0] not in _NOT_GIVEN else None
        return Byline(names=names, stamp=None) if names else None
    rest = m["rest"] or m["label_rest"]
    if len(rest) > 160:
        return None
    end = _NAMES_END.search(rest)
    names_part = rest[: end.start()] if end else rest
    trailer = rest[len(names_part) :]
    names = _names(_TRAILING_CONNECTOR.sub("", names_part))
    if names is None and "," in names_part:
        # "By Oksana Hrytsenko, Kyiv": where the reporter files from, after the names.
        head, _, place = names_part.rpartition(",")
        if 1 <= len(place.split()) <= 2 and all(w[:1].isupper() for w in place.split()):
            names = _names(_TRAILING_CONNECTOR.sub("", head))
    if names is None:
        return None
    stamps = [_trailer_stamp(segment) for segment in _SEGMENT_SPLIT.split(trailer) if segment.strip()]
    if any(s is False for s in stamps):
        return None
    stamp = next((s for s in stamps if isinstance(s, Stamp)), None)
    return Byline(names=names, stamp=stamp)


def _trailer_stamp(segment: str) -> Stamp | bool:
    """A trailer segment's date stamp; True for a role or outlet credit; False for anything else."""
    stamp = read_stamp(segment)
    if stamp is not None:
        return stamp
    words = {w.strip(".,").casefold() for w in segment.split()}
    return bool(words & _ROLE_WORDS) or segment.strip(" .,").casefold() in _ONE_WORD_NAMES | _OUTLET_NAMES


def parse_credit_trailer(line: str) -> tuple[str, ...] | None:
    """The reporters and writers (not editors) a wire credit names, or None if ``line`` is none.

    Every clause must name people, so "Research by the Institute for the Study of War shows that
    ..." stays a sentence.
    """
    text = line.strip().strip("()").strip()
    clauses = list(_CREDIT_ROLE.finditer(text))
    if not clauses or clauses[0].start() != 0:
        return None
    authors: list[str] = []
    for clause, following in zip(clauses, [*clauses[1:], None], strict=True):
        segment = _CLAUSE_END.sub("", text[clause.end() : following.start() if following else len(text)])
        if _DESK.match(segment):
            continue  # a whole newsroom: a credit, but nobody's name
        names = _names(segment)
        if names is None:
            return None
        role = clause["role"].casefold()
        if role in ("reporting", "writing"):
            authors.extend(name for name in names if name not in authors)
    return tuple(authors)


def is_role_line(line: str) -> bool:
    """Whether ``line`` is only a journalist's role, as printed under a byline ("Staff Writer")."""
    words = [w.strip(".,").casefold() for w in line.split()]
    if not 0 < len(words) <= 5 or not set(words) & _ROLE_WORDS:
        return False
    # "World Affairs Correspondent": a desk in capitals before the role.
    desk = all(w[:1].isupper() for w in line.split()) and words[-1] in _ROLE_WORDS
    return desk or set(words) <= _ROLE_WORDS | _ROLE_QUALIFIERS


def parse_staff_credit(line: str) -> str | None:
    """The outlet a staff byline credits ("Eastline staff", "By the Danube Courier newsroom"), or None."""
    m = _STAFF_CREDIT.match(line.strip())
    if m is None or len(line) > 80:
        return None
    name = m["name"]
    # "Staff" alone, or a role ("Senior staff"), names no outlet.
    if {w.casefold() for w in name.split()} <= _ROLE_WORDS | _ROLE_QUALIFIERS:
        return None
    return name
