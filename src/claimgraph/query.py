"""Read-side library functions behind `claimgraph show`, `search` and `entity` (and later the API)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from claimgraph.claims import Dispute, Reading, Side, asserts_something, find_disputes, read_claim
from claimgraph.dedupe import copy_groups
from claimgraph.errors import UnknownDocument, UnknownEntity, UsageError
from claimgraph.models import Document, Entity, EntityMention, Statement
from claimgraph.resolve import MergeReason, Resolution, resolve
from claimgraph.resolve.kb import KnowledgeBase
from claimgraph.resolve.names import fold, name_keys
from claimgraph.resolve.places import country_code
from claimgraph.settings import DEFAULT_SETTINGS, Settings
from claimgraph.store import Store


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


def corpus_entities(
    store: Store, *, texts: Mapping[str, str] | None = None, settings: Settings = DEFAULT_SETTINGS
) -> Resolution:
    """Every entity in the store, resolved corpus-wide with the bundled and the user's knowledge base."""
    if texts is None:
        texts = {doc.id: doc.text for doc in store.documents()}
    kb = KnowledgeBase.load([Path(settings.kb)] if settings.kb else [])
    return resolve(store.mentions(), texts=texts, kb=kb, min_place_population=settings.min_place_population)


def find_entity(store: Store, name: str, *, settings: Settings = DEFAULT_SETTINGS) -> list[EntityView]:
    """The entities called ``name`` (in any spelling their names share keys with), most mentioned first."""
    documents = {doc.id: doc for doc in store.documents()}
    resolution = corpus_entities(store, texts={i: d.text for i, d in documents.items()}, settings=settings)
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
                    (doc, documents[doc].metadata.title if doc in documents else None, n)
                    for doc, n in per_doc.most_common()
                ),
                reasons=tuple(resolution.reasons.get(entity.id, [])),
            )
        )
    if not views:
        raise UnknownEntity(name)
    return views


_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’']?|$)")
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def corpus_claims(store: Store, *, texts: Mapping[str, str] | None = None) -> list[tuple[Side, Reading]]:
    """Every sentence that asserts a number, a place's status or a stance on it, as a claim.

    Its places are the towns and regions the corpus names that it names (a mention, or a word the
    corpus uses as a place name elsewhere); countries are too broad to be a topic. A sentence naming
    no place takes the places of the sentence before it in its paragraph ("It is a symbolic matter"
    after a sentence about Bakhmut). A sentence inside a statement's content names that statement.
    """
    if texts is None:
        texts = {doc.id: doc.text for doc in store.documents()}
    published = store.published_dates()
    place_names = {
        m.text.strip("[]()\"' ")
        for m in store.mentions()
        if m.label in _PLACE_LABELS and country_code(m.text) is None
    }
    alternatives = "|".join(re.escape(n) for n in sorted(place_names, key=len, reverse=True) if n)
    place_word = re.compile(rf"\b(?:{alternatives})\b") if alternatives else None
    statements_by_doc: dict[str, list[Statement]] = {}
    for found in store.statements():
        statements_by_doc.setdefault(found.content.doc, []).append(found)
    copies = copy_groups(texts)
    claims: list[tuple[Side, Reading]] = []
    for doc_id, text in texts.items():
        previous_places: list[str] = []
        for match in _SENTENCE.finditer(text):
            start, end = match.start(), match.end()
            sentence = text[start:end].strip()
            if "\n\n" in text[max(0, start - 2) : start + 1]:
                previous_places = []
            places = (place_word.findall(sentence) if place_word else []) or previous_places
            previous_places = places
            if len(sentence.split()) < 4:
                continue
            reading = read_claim(sentence, places=places, when=published.get(doc_id))
            if not asserts_something(reading):
                continue
            statement_id = next(
                (
                    s.id
                    for s in statements_by_doc.get(doc_id, [])
                    if s.content.start < end and start < s.content.end
                ),
                None,
            )
            offset = start + (len(text[start:end]) - len(text[start:end].lstrip()))
            side = Side(doc_id, offset, offset + len(sentence), sentence, statement_id, copies[doc_id])
            claims.append((side, reading))
    return claims


def corpus_disputes(store: Store, *, texts: Mapping[str, str] | None = None) -> list[Dispute]:
    """Disputes between the claims of different documents (see ``claimgraph.claims``)."""
    return find_disputes(corpus_claims(store, texts=texts))


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


def dispute_views(store: Store) -> list[DisputeView]:
    """Every dispute with both sides' words, outlet and publication date, for reading."""
    documents = {doc.id: doc for doc in store.documents()}

    def side(s: Side) -> DisputeSide:
        doc = documents[s.doc]
        return DisputeSide(
            s.doc, s.start, s.end, s.text, doc.metadata.outlet, doc.metadata.published, s.statement
        )

    disputes = corpus_disputes(store, texts={i: d.text for i, d in documents.items()})
    return [DisputeView(d.id, d.kind, d.topic, d.explanation, side(d.a), side(d.b)) for d in disputes]
