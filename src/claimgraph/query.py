"""Read-side library functions behind `claimgraph show`, `search` and `entity` (and later the API)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from claimgraph.errors import UnknownDocument, UnknownEntity, UsageError
from claimgraph.models import Document, Entity, EntityMention, Statement
from claimgraph.resolve import MergeReason, Resolution, resolve
from claimgraph.resolve.kb import KnowledgeBase
from claimgraph.resolve.names import fold, name_keys
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
