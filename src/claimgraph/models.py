"""The data model: every fact claimgraph produces, as frozen dataclasses.

All spans are ``(doc, start, end)`` into the *cleaned* text of one document: Python string indices
(code points), ``end`` exclusive, so ``document.text[start:end]`` is the span. Every fact also names
the pipeline ``stage`` that produced it, so a reader can always tell where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Span:
    doc: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets {self.start}..{self.end} in {self.doc}")


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    published: date | None = None
    url: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as read from disk, before cleaning.

    ``hints`` carries metadata the container already states (a JSONL record's ``title``,
    ``published``, ...); cleaning trusts them over anything it infers from the text.
    """

    source: str
    content: str
    media_type: str  # "text/plain", "text/markdown" or "text/html"
    content_hash: str
    hints: Metadata = field(default_factory=Metadata)


@dataclass(frozen=True, slots=True)
class CleanedDocument:
    """The outcome of cleaning: body text plus what was learnt about the article."""

    text: str
    metadata: Metadata
    extractor: str  # e.g. "furniture-filter" or "trafilatura 2.3.1 + furniture-filter"
    dropped_lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    source: str
    content_hash: str
    text: str
    raw: str
    media_type: str
    extractor: str
    metadata: Metadata


@dataclass(frozen=True, slots=True)
class EntityMention:
    span: Span
    text: str
    label: str
    stage: str  # "spacy-ner" or "gazetteer"


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression: ``timeml`` is its TimeML-style value ("2023-03-06", "2023-SP", "P3D",
    "PAST_REF"), ``value`` the export contract's (a day, month, year or ISO week), None when the text
    does not fix one."""

    span: Span
    text: str
    kind: str  # DATE, TIME, DURATION or SET
    timeml: str | None
    value: str | None
    stage: str


@dataclass(frozen=True, slots=True)
class ClaimSentence:
    """A sentence that asserts a number, a place's status or a stance, read without its places:
    ``reading`` is what it asserts (``claimgraph.claims.reading_to_json``). Its places depend on the
    corpus's place names, so they are added by the corpus-wide stages."""

    span: Span
    reading: str
    stage: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number and what it counts: ``value`` (the low end of a range, ``high`` its top), ``unit``
    ("km", "%", "USD", "times"), ``qualifier`` ("about", "more than", "vague") and ``about`` (what is
    counted, in the text's words)."""

    span: Span
    text: str
    value: float
    high: float | None
    unit: str | None
    qualifier: str | None
    about: str | None
    stage: str


@dataclass(frozen=True, slots=True)
class TechniqueSpan:
    """Words that persuade rather than inform: ``technique`` is a name from the SemEval/CheckThat!
    persuasion taxonomy ("Name_Calling-Labeling", "Loaded_Language", ...), ``rule`` the lexicon entry
    that fired, as the lexicon writes it, and ``voice`` whose words they are: "speaker" inside a
    quotation or a statement's content, "outlet" in the outlet's own narration."""

    span: Span
    text: str
    technique: str
    rule: str
    voice: str
    stage: str


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be stored: ``source`` names it (a file, ``FILE#LINE`` of a JSONL file,
    ``FILE#record-N`` of a WARC archive, a URL), ``stage`` the step that gave up on it."""

    source: str
    reason: str
    stage: str = "read"

    @classmethod
    def of_error(cls, source: str, stage: str, error: BaseException) -> Rejection:
        """The rejection for an error no rule foresaw: its reason names the error's type and message
        (the full traceback is what --fail-fast is for)."""
        message = " ".join(str(error).split())
        if len(message) > _ERROR_MESSAGE_CHARS:
            message = message[: _ERROR_MESSAGE_CHARS - 1] + "…"
        detail = f"{type(error).__name__}: {message}" if message else type(error).__name__
        return cls(source, f"{stage} failed ({detail})", stage)


_ERROR_MESSAGE_CHARS = 300


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world entity, merged across mentions and documents."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[Span, ...]
    stage: str
    description: str | None = None
    kb_id: str | None = None
    lat: float | None = None
    lon: float | None = None


# Words that stand in for a speaker named elsewhere.
_STAND_IN_WORDS = frozenset(
    {"he", "she", "him", "her", "they", "it", "we", "i", "you", "which", "who", "that"}
)


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a statement is attributed to.

    ``span`` covers the words naming the speaker where the statement is made ("he", "the governor",
    "Serhiy Haidai"); ``referent`` the mention they were resolved to (the "Serhiy Haidai" a later
    "he" points back to), None when nothing was resolved, as for anonymous sources. ``author`` is
    the document's author when the speaker is the text's own first person ("I", "we" in an address,
    a column, a post), or the publisher's own head when the text names the speaker by that office
    alone ("The President" in a release of the president's office): named by the document's
    metadata rather than by its words.
    """

    text: str
    span: Span | None
    referent: Span | None = None
    description: str | None = None
    anonymous: bool = False
    author: str | None = None

    @property
    def names_nobody(self) -> bool:
        """Whether the speaker is only a pronoun or relative word ("he", "which") resolved to no one."""
        return self.referent is None and self.author is None and self.text.lower() in _STAND_IN_WORDS


@dataclass(frozen=True, slots=True)
class Statement:
    """An attributed statement: ``content`` said by ``speaker``, introduced by ``cue``."""

    id: str
    content: Span
    content_text: str
    kind: str  # "direct", "indirect" or "mixed"
    speaker: Speaker
    cue: str
    cue_span: Span | None
    stage: str
    channel: str | None = None
    said_on: date | None = None


@dataclass(frozen=True, slots=True)
class HttpResponse:
    """One answer to an HTTP GET, as received: what claimgraph.collect keeps of a fetched page."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def header(self, name: str) -> str | None:
        """The first value of header ``name`` (any case), or None."""
        return header_value(self.headers, name)


def header_value(headers: tuple[tuple[str, str], ...], name: str) -> str | None:
    """The first value of header ``name`` (any case) among ``headers``, or None."""
    wanted = name.lower()
    return next((value for key, value in headers if key.lower() == wanted), None)
