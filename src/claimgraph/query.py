"""Read-side library functions behind `claimgraph show`, `search`, `entity` and `techniques` (and later
the API)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimgraph.claims import Assertion, Dispute, Side
from claimgraph.errors import UnknownDocument, UnknownEntity, UsageError
from claimgraph.models import Document, Entity, EntityMention, Span, Speaker, Statement
from claimgraph.resolve import MergeReason, Resolution
from claimgraph.resolve.names import fold, name_keys
from claimgraph.settings import DEFAULT_SETTINGS, Settings
from claimgraph.store import Store
from claimgraph.update import copies_of, resolve_stored_mentions, stored_resolution_is_current

if TYPE_CHECKING:
    from claimgraph.export import EntityIndex


@dataclass(frozen=True, slots=True)
class DocumentView:
    document: Document
    mentions: tuple[EntityMention, ...]
    statements: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class SearchHit:
    doc_id: str
    score: float
    title: str | None
    source: str
    snippet: str


def show_document(store: Store, doc_id: str) -> DocumentView:
    """The document whose id is ``doc_id`` or starts with it (an unambiguous prefix)."""
    if not doc_id.strip():
        raise UsageError("give a document id (or the start of one)")
    found = store.find_document(doc_id.strip())
    if not found:
        raise UnknownDocument(doc_id)
    if len(found) > 1:
        raise UsageError(f"document id prefix {doc_id!r} is ambiguous; give more characters")
    doc = found[0]
    return DocumentView(doc, tuple(store.mentions(doc=doc.id)), tuple(store.statements(doc=doc.id)))


def search_documents(store: Store, query: str, *, limit: int = 10) -> list[SearchHit]:
    if not query.strip():
        raise UsageError("give words to search for")
    if limit < 1:
        raise UsageError("--limit must be at least 1")
    hits = []
    for doc_id, score in store.search(query, limit=limit):
        doc = store.find_document(doc_id)[0]
        hits.append(SearchHit(doc_id, score, doc.metadata.title, doc.source, snippet(doc.text, query)))
    return hits


def snippet(text: str, query: str, *, width: int = 160) -> str:
    """A window of the text around the first query word found, whole words at both ends."""
    words = [w for w in re.findall(r"\w+", query.lower()) if len(w) > 1]
    lowered = text.lower()
    positions = [p for w in words if (p := lowered.find(w)) >= 0]
    centre = min(positions) if positions else 0
    start = max(0, centre - width // 3)
    end = min(len(text), start + width)
    if start > 0:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    core = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + core + ("…" if end < len(text) else "")


@dataclass(frozen=True, slots=True)
class EntityView:
    entity: Entity
    mentions_by_doc: tuple[tuple[str, str | None, int], ...]  # (doc id, title, mentions) most first
    reasons: tuple[MergeReason, ...]


def corpus_entities(store: Store, *, settings: Settings = DEFAULT_SETTINGS) -> Resolution:
    """Every entity in the store, as the last ingest resolved it corpus-wide; resolved afresh from the
    stored mentions (and not written) when ``settings`` name another knowledge base or gazetteer
    threshold than that ingest used."""
    if not stored_resolution_is_current(store, settings=settings):
        return resolve_stored_mentions(store.connection, settings=settings)
    con = store.connection
    spans: dict[str, list[Span]] = defaultdict(list)
    for entity, doc, start, end in con.execute(
        'SELECT entity, doc, start, "end" FROM entity_spans ORDER BY entity, doc, start, "end"'
    ).fetchall():
        spans[entity].append(Span(doc, start, end))
    reasons: dict[str, list[MergeReason]] = defaultdict(list)
    for entity, a, b, rule in con.execute(
        "SELECT entity, a, b, rule FROM entity_reasons ORDER BY rowid"
    ).fetchall():
        reasons[entity].append(MergeReason(a, b, rule))
    entities = [
        Entity(
            id=entity_id,
            name=name,
            type=label,
            aliases=tuple(aliases),
            mentions=tuple(spans[entity_id]),
            stage=stage,
            description=description,
            kb_id=kb_id,
            lat=lat,
            lon=lon,
        )
        for entity_id, name, label, aliases, description, kb_id, lat, lon, stage in con.execute(
            "SELECT id, name, type, aliases, description, kb_id, lat, lon, stage FROM entities ORDER BY rank"
        ).fetchall()
    ]
    return Resolution(entities, {e.id: reasons.get(e.id, []) for e in entities})


def find_entity(store: Store, name: str, *, settings: Settings = DEFAULT_SETTINGS) -> list[EntityView]:
    """The entities called ``name`` (in any spelling their names share keys with), most mentioned first."""
    labels = store.labels()
    resolution = corpus_entities(store, settings=settings)
    wanted = {name_keys(name), name_keys(name, person=True)}
    folded = fold(name.strip())
    views: list[EntityView] = []
    for entity in resolution.entities:
        names = (entity.name, *entity.aliases)
        if not any(name_keys(n) in wanted or fold(n) == folded for n in names):
            continue
        per_doc = Counter(span.doc for span in entity.mentions)
        views.append(
            EntityView(
                entity=entity,
                mentions_by_doc=tuple(
                    (doc, labels[doc][0] if doc in labels else None, n) for doc, n in per_doc.most_common()
                ),
                reasons=tuple(resolution.reasons.get(entity.id, [])),
            )
        )
    if not views:
        raise UnknownEntity(name)
    return views


def corpus_claims(store: Store) -> list[tuple[Side, list[Assertion]]]:
    """Every stored claim, in document and text order, with what it asserts (see ``claimgraph.claims``)."""
    con = store.connection
    made: dict[str, list[Assertion]] = defaultdict(list)
    for claim, topic, shown, predicate, value in con.execute(
        "SELECT claim, topic, shown, predicate, value FROM claim_assertions ORDER BY rowid"
    ).fetchall():
        made[claim].append(Assertion(topic, shown, predicate, value))
    copies = copies_of(store)
    return [
        (Side(doc, start, end, text, statement, copies.get(doc)), made[claim])
        for claim, doc, start, end, text, statement in con.execute(
            'SELECT id, doc, start, "end", text, statement FROM claims ORDER BY doc, start'
        ).fetchall()
    ]


def corpus_disputes(store: Store, *, docs: Collection[str] | None = None) -> list[Dispute]:
    """The stored disputes between claims of different documents, in the order of their first side;
    with ``docs``, only those with a side in one of them."""
    copies = copies_of(store)
    among = "" if docs is None else "WHERE a.doc IN (SELECT * FROM chosen) OR b.doc IN (SELECT * FROM chosen)"
    rows = store.connection.execute(
        f"""
        WITH chosen AS (SELECT DISTINCT unnest(?::VARCHAR[]) AS doc)
        SELECT d.id, d.kind, d.topic, d.explanation,
               a.doc, a.start, a."end", a.text, a.statement, b.doc, b.start, b."end", b.text, b.statement
        FROM disputes d JOIN claims a ON a.id = d.a_claim JOIN claims b ON b.id = d.b_claim
        {among}
        ORDER BY a.doc, a.start, b.doc, b.start, d.kind
        """,
        [sorted(docs or ())],
    ).fetchall()
    return [
        Dispute(
            id=r[0],
            kind=r[1],
            topic=r[2],
            a=Side(r[4], r[5], r[6], r[7], r[8], copies.get(r[4])),
            b=Side(r[9], r[10], r[11], r[12], r[13], copies.get(r[9])),
            explanation=r[3],
        )
        for r in rows
    ]


@dataclass(frozen=True, slots=True)
class DisputeSide:
    doc: str
    start: int
    end: int
    text: str
    outlet: str | None
    published: dt.date | None
    statement: str | None


@dataclass(frozen=True, slots=True)
class DisputeView:
    id: str
    kind: str
    topic: str | None
    explanation: str
    a: DisputeSide
    b: DisputeSide


def dispute_views(store: Store, *, docs: Collection[str] | None = None) -> list[DisputeView]:
    """Every dispute (with ``docs``, every one with a side in them) with both sides' words, outlet and
    publication date, for reading."""
    labels = store.labels()

    def side(s: Side) -> DisputeSide:
        _, outlet, published = labels[s.doc]
        return DisputeSide(s.doc, s.start, s.end, s.text, outlet, published, s.statement)

    disputes = corpus_disputes(store, docs=docs)
    return [DisputeView(d.id, d.kind, d.topic, d.explanation, side(d.a), side(d.b)) for d in disputes]


@dataclass(frozen=True, slots=True)
class TechniqueRate:
    """How often one outlet or speaker uses techniques: ``spans`` in ``words`` of their own words,
    ``per_1000_words`` the rate, ``techniques`` the spans by technique, most used first."""

    by: str  # "outlet" or "speaker"
    name: str
    words: int
    spans: int
    per_1000_words: float
    techniques: tuple[tuple[str, int], ...]


UNKNOWN_OUTLET = "(outlet unknown)"
UNRESOLVED_SPEAKER = "(speaker not resolved)"


def speaker_name(
    speaker: Speaker, *, index: EntityIndex, names: dict[str, str], texts: Mapping[str, str]
) -> str:
    """A speaker's name for counting: their entity's name, else the words they were resolved to
    ("the Daily" for "which"), else their own words; a bare pronoun counts for nobody in particular."""
    entity = index.speaker_entity(speaker)
    if entity is not None:
        return names.get(entity, speaker.text)
    if speaker.author is not None:
        return speaker.author
    if speaker.referent is not None:
        return texts[speaker.referent.doc][speaker.referent.start : speaker.referent.end]
    return UNRESOLVED_SPEAKER if speaker.names_nobody else speaker.text


def technique_rates(
    store: Store,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    entities: Sequence[Entity] | None = None,
    docs: Collection[str] | None = None,
    statements: Sequence[Statement] | None = None,
) -> list[TechniqueRate]:
    """Technique spans per 1,000 words, by outlet and by speaker, highest rate first.

    An outlet's words are those of its articles outside attributed statements, and its spans those in
    its own voice; a speaker's words are the contents of their statements, and their spans those
    lying in them. A speaker is named as their entity is (every spelling counted as one), else by the
    words that name them; quoted words that no statement attributes count for nobody. ``entities``:
    the corpus's entities and ``statements`` when the caller has them already (else they are read);
    ``docs``: only these documents' words and spans count (None: every document's)."""
    from claimgraph.export import EntityIndex  # deferred: export imports this module

    if statements is None:
        statements = store.statements()
    if entities is None:
        entities = corpus_entities(store, settings=settings).entities
    names = {e.id: e.name for e in entities}
    index = EntityIndex(entities)
    documents = [doc for doc in store.documents() if docs is None or doc.id in docs]
    statements = [s for s in statements if docs is None or s.content.doc in docs]
    texts = {doc.id: doc.text for doc in documents}
    spoken_by: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    words: Counter[tuple[str, str]] = Counter()
    spoken_words: Counter[str] = Counter()
    for s in statements:
        who = speaker_name(s.speaker, index=index, names=names, texts=texts)
        spoken_by[s.content.doc].append((s.content.start, s.content.end, who))
        count = len(s.content_text.split())
        words["speaker", who] += count
        spoken_words[s.content.doc] += count
    outlet_of: dict[str, str] = {}
    for doc in documents:
        outlet = doc.metadata.outlet or UNKNOWN_OUTLET
        outlet_of[doc.id] = outlet
        words["outlet", outlet] += max(0, len(doc.text.split()) - spoken_words[doc.id])
    found: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for t in store.techniques():
        if t.span.doc not in outlet_of:
            continue
        if t.voice == "outlet":
            found["outlet", outlet_of[t.span.doc]][t.technique] += 1
            continue
        for start, end, who in spoken_by.get(t.span.doc, ()):
            if start <= t.span.start and t.span.end <= end:
                found["speaker", who][t.technique] += 1
                break
    rates = []
    for (by, name), count in words.items():
        techniques = found.get((by, name), Counter())
        spans = sum(techniques.values())
        rates.append(
            TechniqueRate(
                by=by,
                name=name,
                words=count,
                spans=spans,
                per_1000_words=round(1000 * spans / count, 2) if count else 0.0,
                techniques=tuple(sorted(techniques.items(), key=lambda kv: (-kv[1], kv[0]))),
            )
        )
    return sorted(rates, key=lambda r: (r.by, -r.per_1000_words, -r.spans, r.name))
