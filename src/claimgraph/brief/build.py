"""Gather a :class:`Brief` from a store through the query functions.

What is selected: the documents that mention the ``about`` entity (resolved as `claimgraph entity`
resolves a name), else those the full-text search finds for ``about`` as words; of those, the ones
published between ``date_from`` and ``date_to`` (both included; a range leaves out undated
documents). Copies of one wire story (``claimgraph.dedupe``'s groups) are counted once: of each group
only the first document of the selection is read.

Every fact is cited: a statement by its words, a dispute by both sides' sentences, a number, a time
expression and a loaded phrase by the sentence holding it, a place by its first mention. A citation's
``quote`` is always ``text[start:end]`` of the cleaned document it names.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from claimgraph.brief.model import (
    Brief,
    Citation,
    DisputeEntry,
    DisputeSideEntry,
    MethodNote,
    NumberGroup,
    NumberReport,
    PlaceEntry,
    Quote,
    SpeakerEntry,
    TechniqueEntry,
    TechniqueExample,
    TimelineEntry,
)
from claimgraph.errors import BriefEmpty, UnknownEntity, UsageError
from claimgraph.export import EntityIndex
from claimgraph.models import Document, Entity, Statement
from claimgraph.query import (
    DisputeSide,
    DisputeView,
    corpus_entities,
    dispute_views,
    find_entity,
    speaker_name,
    technique_rates,
)
from claimgraph.settings import DEFAULT_SETTINGS, Settings
from claimgraph.store import Store
from claimgraph.update import PLACE_LABELS, copies_of


@dataclass(frozen=True, slots=True)
class Limits:
    """How much of each section a brief shows (the method note always counts everything)."""

    speakers: int = 15
    quotes_per_speaker: int = 3
    timeline: int = 60
    disputes: int = 40
    number_groups: int = 15
    reports_per_group: int = 10
    places: int = 40
    techniques: int = 12
    examples_per_technique_row: int = 2
    min_speaker_words: int = 30
    """Speakers with fewer words of statements are left out of loaded language: a rate over a dozen
    words says little."""


DEFAULT_LIMITS: Final = Limits()
_LONGEST_SENTENCE: Final = 500
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s|$)")


def build_brief(
    store: Store,
    *,
    about: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    limits: Limits = DEFAULT_LIMITS,
    today: dt.date | None = None,
) -> Brief:
    """The brief of the documents selected by ``about`` and the date range (see the module's doc)."""
    if date_from and date_to and date_from > date_to:
        raise UsageError(f"--from {date_from} is after --to {date_to}")
    labels = store.labels()
    entities = corpus_entities(store, settings=settings).entities
    about_kind: str | None = None
    title = "Brief of the corpus"
    selected: set[str] = set(labels)
    if about is not None:
        about = about.strip()
        if not about:
            raise UsageError("--about needs a name or words to search for")
        selected, about_kind, title = _select_about(store, about, settings, len(labels))
    if date_from or date_to:
        selected = {d for d in selected if _in_range(labels[d][2], date_from, date_to)}
    if not selected:
        what = f"--about {about!r}" if about else "the store"
        dates = (
            f" between {date_from or 'the start'} and {date_to or 'the end'}" if date_from or date_to else ""
        )
        raise BriefEmpty(f"{what} selects no document{dates} in {store.path}; nothing to brief on")

    copies = copies_of(store)
    kept: set[str] = set()
    seen_groups: set[str] = set()
    for doc in sorted(selected, key=lambda d: (copies.get(d, d) != d, d)):
        group = copies.get(doc, doc)
        if group not in seen_groups:
            seen_groups.add(group)
            kept.add(doc)

    docs = {d.id: d for d in store.documents() if d.id in selected}
    citer = _Citer(store, docs)
    index = EntityIndex(entities)
    names = {e.id: e.name for e in entities}
    statements = [s for s in store.statements() if s.content.doc in kept]
    disputes_all = dispute_views(store, docs=None if len(selected) == len(labels) else selected)
    disputed = {s for v in disputes_all for s in (v.a.statement, v.b.statement) if s}

    speakers, attributed, anonymous, unresolved = _speakers(
        statements, index, names, docs, disputed, citer, limits
    )
    disputes = _dispute_entries(disputes_all, citer, limit=limits.disputes)
    timeline = _timeline(store, statements, kept, docs, citer, limits)
    numbers = _numbers(store, kept, docs, citer, limits)
    places, unplaced = _places(entities, kept, citer, limits)
    techniques = _techniques(store, settings, entities, kept, statements, index, names, docs, citer, limits)

    published = [docs[d].metadata.published for d in selected]
    known = [d for d in published if d is not None]
    outlets = Counter(docs[d].metadata.outlet or "(outlet unknown)" for d in kept)
    method = MethodNote(
        documents=len(selected),
        store_documents=len(labels),
        copies=len(selected) - len(kept),
        first_published=min(known, default=None),
        last_published=max(known, default=None),
        undated_documents=len(published) - len(known),
        outlets=tuple(sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0]))),
        statements=len(statements),
        attributed=attributed,
        anonymous=anonymous,
        unresolved=sum(unresolved.values()),
        unresolved_examples=tuple(w for w, _ in unresolved.most_common(6)),
        places_without_coordinates=unplaced,
        basemap=Path(settings.basemap).is_file(),
        min_speaker_words=limits.min_speaker_words,
    )
    return Brief(
        title=title,
        about=about,
        about_kind=about_kind,
        date_from=date_from,
        date_to=date_to,
        generated=today or dt.date.today(),
        speakers=speakers,
        timeline=timeline,
        disputes=disputes,
        numbers=numbers,
        places=places,
        techniques=techniques,
        method=method,
        citations=tuple(citer.citations),
    )


def _select_about(store: Store, about: str, settings: Settings, total: int) -> tuple[set[str], str, str]:
    try:
        views = find_entity(store, about, settings=settings)
    except UnknownEntity:
        views = []
    if views:
        docs = {doc for view in views for doc, _, _ in view.mentions_by_doc}
        return docs, "entity", f"Brief: {views[0].entity.name}"
    hits = store.search(about, limit=max(total, 1))
    return {doc for doc, _ in hits}, "search", f"Brief: “{about}”"


def _in_range(day: dt.date | None, start: dt.date | None, end: dt.date | None) -> bool:
    if day is None:
        return False
    return (start is None or day >= start) and (end is None or day <= end)


class _Citer:
    """Numbers the cited passages in the order they are first cited; one number per passage."""

    def __init__(self, store: Store, docs: dict[str, Document]) -> None:
        self._store = store
        self._docs = docs
        self._numbers: dict[tuple[str, int, int], int] = {}
        self.citations: list[Citation] = []

    def document(self, doc_id: str) -> Document:
        if doc_id not in self._docs:
            found = self._store.find_document(doc_id)
            if not found or found[0].id != doc_id:
                raise UsageError(f"the store names document {doc_id} but does not hold it")
            self._docs[doc_id] = found[0]
        return self._docs[doc_id]

    def cite(self, doc_id: str, start: int, end: int) -> int:
        key = (doc_id, start, end)
        if key not in self._numbers:
            doc = self.document(doc_id)
            meta = doc.metadata
            number = len(self.citations) + 1
            self.citations.append(
                Citation(
                    number=number,
                    doc=doc_id,
                    start=start,
                    end=end,
                    quote=doc.text[start:end],
                    source=meta.url or doc.source,
                    outlet=meta.outlet,
                    title=meta.title,
                    published=meta.published,
                )
            )
            self._numbers[key] = number
        return self._numbers[key]

    def cite_sentence(self, doc_id: str, start: int, end: int) -> int:
        return self.cite(doc_id, *sentence_around(self.document(doc_id).text, start, end))


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``text[start:end]``, within its line: from after the previous sentence end
    (or line break) to the next; a sentence longer than 500 characters is cut at words around the span."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = line_start
    for match in _SENTENCE_END.finditer(text, line_start, start):
        left = match.end()
    right = line_end
    closing = _SENTENCE_END.search(text, max(end - 1, line_start), line_end)
    if closing:
        right = closing.end()
    while left < start and text[left].isspace():
        left += 1
    if right - left > _LONGEST_SENTENCE:
        left = max(left, start - 150)
        right = min(right, max(end, start) + 150)
        while left > 0 and left < start and not text[left - 1].isspace():
            left += 1
        while right < len(text) and right > end and not text[right].isspace():
            right -= 1
    return left, max(right, end)


Passage = tuple[str, int, int]  # document, start, end


def _dispute_entries(views: Sequence[DisputeView], citer: _Citer, *, limit: int) -> tuple[DisputeEntry, ...]:
    """The disputes, those that share a passage and an explanation read as one entry: a claim that
    the town fell against each report that it still holds, not one card a pair."""

    def key(side: DisputeSide) -> Passage:
        return (side.doc, side.start, side.end)

    seen = Counter(key(side) for v in views for side in (v.a, v.b))
    # (kind, explanation, shared passage) -> the first dispute, the shared side, the other sides
    grouped: dict[
        tuple[str, str, tuple[str, int, int]], tuple[DisputeView, DisputeSide, list[DisputeSide]]
    ] = {}
    for v in views:
        # The side more disputes share stands for the group; on a tie, the first.
        one, other = (v.b, v.a) if seen[key(v.b)] > seen[key(v.a)] else (v.a, v.b)
        grouped.setdefault((v.kind, v.explanation, key(one)), (v, one, []))[2].append(other)

    def side(s: DisputeSide) -> DisputeSideEntry:
        return DisputeSideEntry(citer.cite(s.doc, s.start, s.end), s.outlet, s.published)

    entries = []
    for first, one, others in itertools.islice(grouped.values(), limit):
        against = tuple(side(other) for other in others)
        entries.append(DisputeEntry(first.id, first.kind, first.explanation, side(one), against))
    return tuple(entries)


def _speakers(
    statements: list[Statement],
    index: EntityIndex,
    names: dict[str, str],
    docs: dict[str, Document],
    disputed: set[str],
    citer: _Citer,
    limits: Limits,
) -> tuple[tuple[SpeakerEntry, ...], int, int, Counter[str]]:
    by_entity: dict[str, list[Statement]] = defaultdict(list)
    anonymous = 0
    unresolved: Counter[str] = Counter()
    for s in statements:
        if s.speaker.anonymous:
            anonymous += 1
            continue
        entity = index.speaker_entity(s.speaker)
        if entity is None:
            unresolved[s.speaker.text] += 1
            continue
        by_entity[entity].append(s)
    ranked = sorted(by_entity.items(), key=lambda kv: (-len(kv[1]), names[kv[0]]))
    entries = []
    for entity, said in ranked[: limits.speakers]:
        outlets = Counter(docs[s.content.doc].metadata.outlet or "(outlet unknown)" for s in said)

        def weight(s: Statement) -> tuple[bool, bool, int, str, int]:
            # Disputed words first, then direct quotations, then the fuller ones (within reason).
            return (
                s.id not in disputed,
                s.kind == "indirect",
                -min(len(s.content_text), 300),
                s.content.doc,
                s.content.start,
            )

        quotes: list[Quote] = []
        seen: set[str] = set()
        for s in sorted(said, key=weight):
            words = " ".join(s.content_text.split()).lower()
            if words in seen or len(words) < 12:
                continue
            seen.add(words)
            meta = docs[s.content.doc].metadata
            quotes.append(
                Quote(
                    citation=citer.cite(s.content.doc, s.content.start, s.content.end),
                    speaker_words=s.speaker.text,
                    kind=s.kind,
                    cue=s.cue,
                    channel=s.channel,
                    said_on=s.said_on,
                    outlet=meta.outlet,
                    published=meta.published,
                )
            )
            if len(quotes) == limits.quotes_per_speaker:
                break
        entries.append(
            SpeakerEntry(
                name=names[entity],
                entity=entity,
                statements=len(said),
                documents=len({s.content.doc for s in said}),
                outlets=tuple(o for o, _ in outlets.most_common()),
                quotes=tuple(quotes),
            )
        )
    attributed = sum(len(v) for v in by_entity.values())
    return tuple(entries), attributed, anonymous, unresolved


_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def period_start(value: str) -> dt.date | None:
    """The first day of a day, month, year or ISO week as the export writes them; None for others."""
    try:
        if week := _ISO_WEEK.match(value):
            return dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return dt.date.fromisoformat(value + "-01")
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1)
    except ValueError:
        return None
    return None


def _timeline(
    store: Store,
    statements: list[Statement],
    kept: Collection[str],
    docs: dict[str, Document],
    citer: _Citer,
    limits: Limits,
) -> tuple[TimelineEntry, ...]:
    found: list[tuple[dt.date, int, str, str, str, tuple[str, int, int], bool]] = []
    said_spans: set[tuple[str, int, int]] = set()
    for s in statements:
        if s.said_on is None:
            continue
        key = (s.content.doc, s.content.start, s.content.end)
        said_spans.add(key)
        who = " ".join(s.speaker.text.split())
        found.append((s.said_on, 0, s.said_on.isoformat(), "said", who, key, False))
    for t in store.times():
        if t.span.doc not in kept or t.kind != "DATE" or t.value is None:
            continue
        day = period_start(t.value)
        if day is None:
            continue
        key = (t.span.doc, t.span.start, t.span.end)
        found.append((day, 1, t.value, "time", " ".join(t.text.split()), key, True))
    found.sort(key=lambda f: (f[0], f[1], f[2], f[5]))
    entries: list[TimelineEntry] = []
    sentences: set[int] = set()
    said_in: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc, start, end in said_spans:
        said_in[doc].append((start, end))
    for _, _, value, kind, what, (doc, start, end), sentence in found:
        if sentence:
            left, right = sentence_around(citer.document(doc).text, start, end)
            if any(a < right and left < b for a, b in said_in.get(doc, ())):
                continue  # the dated statement in this sentence stands for it
            number = citer.cite(doc, left, right)
            if number in sentences:
                continue  # one entry a sentence
        else:
            number = citer.cite(doc, start, end)
        sentences.add(number)
        entries.append(TimelineEntry(value, kind, what, number, docs[doc].metadata.outlet))
        if len(entries) == limits.timeline:
            break
    return tuple(entries)


@dataclass(frozen=True, slots=True)
class _Reported:
    doc: str
    start: int
    end: int
    value: float
    high: float | None
    qualifier: str | None
    words: str


def _numbers(
    store: Store, kept: Collection[str], docs: dict[str, Document], citer: _Citer, limits: Limits
) -> tuple[NumberGroup, ...]:
    groups: dict[tuple[str, str | None], list[_Reported]] = defaultdict(list)
    for q in store.quantities():
        if q.span.doc not in kept or not q.about:
            continue
        about = " ".join(q.about.lower().split())
        words = " ".join(q.text.split())
        groups[about, q.unit].append(
            _Reported(q.span.doc, q.span.start, q.span.end, q.value, q.high, q.qualifier, words)
        )
    ranked: list[tuple[int, int, str, str | None, list[_Reported]]] = []
    for (about, unit), found in groups.items():
        if len({f.doc for f in found}) < 2 or all(f.qualifier == "vague" for f in found):
            continue
        outlets = len({docs[f.doc].metadata.outlet for f in found})
        ranked.append((-outlets, -len(found), about, unit, found))
    ranked.sort(key=lambda r: (r[0], r[1], r[2], r[3] or ""))
    out = []
    for minus_outlets, _, about, unit, found in ranked[: limits.number_groups]:
        precise = [f for f in found if f.qualifier != "vague"]
        ordered = sorted(found, key=lambda f: (docs[f.doc].metadata.outlet or "", f.value, f.doc, f.start))
        reports = tuple(
            NumberReport(
                value=f.value,
                high=f.high,
                unit=unit,
                qualifier=f.qualifier,
                words=f.words,
                outlet=docs[f.doc].metadata.outlet,
                published=docs[f.doc].metadata.published,
                citation=citer.cite_sentence(f.doc, f.start, f.end),
            )
            for f in ordered[: limits.reports_per_group]
        )
        out.append(
            NumberGroup(
                about=about,
                unit=unit,
                reports=reports,
                low=min(f.value for f in precise),
                high=max(f.high if f.high is not None else f.value for f in precise),
                outlets=-minus_outlets,
            )
        )
    return tuple(out)


def _places(
    entities: Sequence[Entity], kept: Collection[str], citer: _Citer, limits: Limits
) -> tuple[tuple[PlaceEntry, ...], int]:
    found: list[tuple[int, str, Entity]] = []
    for entity in entities:
        if entity.type not in PLACE_LABELS:
            continue
        mentions = [m for m in entity.mentions if m.doc in kept]
        if mentions:
            found.append((len(mentions), entity.name, entity))
    found.sort(key=lambda f: (-f[0], f[1]))
    unplaced = sum(1 for _, _, e in found if e.lat is None or e.lon is None)
    entries = []
    for count, name, entity in found[: limits.places]:
        first = min((m for m in entity.mentions if m.doc in kept), key=lambda m: (m.doc, m.start))
        number = citer.cite(first.doc, first.start, first.end)
        entries.append(PlaceEntry(entity.id, name, count, entity.lat, entity.lon, number))
    return tuple(entries), unplaced


def _techniques(
    store: Store,
    settings: Settings,
    entities: Sequence[Entity],
    kept: Collection[str],
    statements: list[Statement],
    index: EntityIndex,
    names: dict[str, str],
    docs: dict[str, Document],
    citer: _Citer,
    limits: Limits,
) -> tuple[TechniqueEntry, ...]:
    rates = technique_rates(store, settings=settings, entities=entities, docs=kept, statements=statements)
    rates = [r for r in rates if r.spans]
    texts = {doc: docs[doc].text for doc in kept}
    spoken: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for s in statements:
        # Named as the rates name them, so that each rate finds its examples.
        who = speaker_name(s.speaker, index=index, names=names, texts=texts)
        spoken[s.content.doc].append((s.content.start, s.content.end, who))
    examples: dict[tuple[str, str], list[tuple[str, str, int, int]]] = defaultdict(list)
    for t in store.techniques():
        if t.span.doc not in kept:
            continue
        if t.voice == "outlet":
            owner = ("outlet", docs[t.span.doc].metadata.outlet or "(outlet unknown)")
        else:
            speaker = next(
                (w for a, b, w in spoken.get(t.span.doc, ()) if a <= t.span.start and t.span.end <= b), None
            )
            if speaker is None:
                continue
            owner = ("speaker", speaker)
        examples[owner].append((t.technique, t.span.doc, t.span.start, t.span.end))
    entries = []
    for by in ("outlet", "speaker"):
        shown = [r for r in rates if r.by == by and (by == "outlet" or r.words >= limits.min_speaker_words)]
        for rate in shown[: limits.techniques]:
            chosen: list[TechniqueExample] = []
            used: set[str] = set()
            for technique, doc, start, end in examples.get((by, rate.name), ()):
                if technique in used:
                    continue
                used.add(technique)
                chosen.append(TechniqueExample(technique, citer.cite(doc, start, end)))
                if len(chosen) == limits.examples_per_technique_row:
                    break
            entries.append(
                TechniqueEntry(
                    by=rate.by,
                    name=rate.name,
                    words=rate.words,
                    spans=rate.spans,
                    per_1000_words=rate.per_1000_words,
                    techniques=rate.techniques,
                    examples=tuple(chosen),
                )
            )
    return tuple(entries)
