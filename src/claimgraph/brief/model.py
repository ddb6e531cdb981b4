"""The typed content of a brief: every fact it states points at a :class:`Citation`, the exact
characters of a cleaned document (``text[start:end] == quote``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Citation:
    """One cited passage: ``quote`` is ``text[start:end]`` of document ``doc``; ``number`` its endnote."""

    number: int
    doc: str
    start: int
    end: int
    quote: str
    source: str  # the document's URL, else the path it was ingested from
    outlet: str | None
    title: str | None
    published: dt.date | None


@dataclass(frozen=True, slots=True)
class Quote:
    """A statement quoted verbatim: its words are ``citation.quote``."""

    citation: int
    speaker_words: str  # how the text names the speaker where the statement is made
    kind: str  # direct, indirect or mixed
    cue: str
    channel: str | None
    said_on: dt.date | None
    outlet: str | None
    published: dt.date | None


@dataclass(frozen=True, slots=True)
class SpeakerEntry:
    name: str
    entity: str | None
    statements: int  # counted once per group of copies of a wire story
    documents: int
    outlets: tuple[str, ...]
    quotes: tuple[Quote, ...]  # the key statements, at most a few


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A dated statement (``kind`` "said": the day it was made) or a dated time expression
    (``kind`` "time": ``what`` the expression, ``citation`` the sentence holding it)."""

    date: str  # a day, month, year or ISO week, as the export writes it
    kind: str
    what: str
    citation: int
    outlet: str | None


@dataclass(frozen=True, slots=True)
class DisputeSideEntry:
    citation: int
    outlet: str | None
    published: dt.date | None


@dataclass(frozen=True, slots=True)
class DisputeEntry:
    """One passage (``a``) and the passages that contradict it in the same way (``against``): the
    store's disputes that share a side and an explanation, read as one."""

    id: str
    kind: str
    explanation: str
    a: DisputeSideEntry
    against: tuple[DisputeSideEntry, ...]


@dataclass(frozen=True, slots=True)
class NumberReport:
    value: float
    high: float | None
    unit: str | None
    qualifier: str | None
    words: str  # the number as written ("about 3,000")
    outlet: str | None
    published: dt.date | None
    citation: int  # the sentence that reports it


@dataclass(frozen=True, slots=True)
class NumberGroup:
    """The numbers reported for one thing counted (``about``, lower-cased) in one unit."""

    about: str
    unit: str | None
    reports: tuple[NumberReport, ...]
    low: float
    high: float
    outlets: int


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    entity: str
    name: str
    mentions: int
    lat: float | None
    lon: float | None
    citation: int  # its first mention


@dataclass(frozen=True, slots=True)
class TechniqueExample:
    technique: str
    citation: int


@dataclass(frozen=True, slots=True)
class TechniqueEntry:
    by: str  # outlet or speaker
    name: str
    words: int
    spans: int
    per_1000_words: float
    techniques: tuple[tuple[str, int], ...]
    examples: tuple[TechniqueExample, ...]


@dataclass(frozen=True, slots=True)
class MethodNote:
    documents: int  # in the brief
    store_documents: int
    copies: int  # documents of the brief that are copies of another one of it, counted once
    first_published: dt.date | None
    last_published: dt.date | None
    undated_documents: int
    outlets: tuple[tuple[str, int], ...]  # outlet, documents; most first
    statements: int
    attributed: int
    anonymous: int
    unresolved: int  # a speaker named by words that resolve to no entity ("he", "the command")
    unresolved_examples: tuple[str, ...]
    places_without_coordinates: int
    basemap: bool
    min_speaker_words: int  # speakers with fewer words of statements are left out of loaded language


@dataclass(frozen=True, slots=True)
class Brief:
    title: str
    about: str | None
    about_kind: str | None  # "entity" or "search"
    date_from: dt.date | None
    date_to: dt.date | None
    generated: dt.date
    speakers: tuple[SpeakerEntry, ...]
    timeline: tuple[TimelineEntry, ...]
    disputes: tuple[DisputeEntry, ...]
    numbers: tuple[NumberGroup, ...]
    places: tuple[PlaceEntry, ...]
    techniques: tuple[TechniqueEntry, ...]
    method: MethodNote
    citations: tuple[Citation, ...]  # citations[n - 1].number == n

    def cite(self, number: int) -> Citation:
        return self.citations[number - 1]
