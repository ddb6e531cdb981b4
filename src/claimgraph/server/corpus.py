"""A read-only snapshot of a store for serving: records as the export shapes them, indexed for paging
and filtering, rebuilt when the store file changes on disk.

Corpus-wide results (entities, claims, disputes) are computed once per version of the store rather
than per request, so a request costs a lookup, not a resolution.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgraph.claims import group_claims
from claimgraph.export import (
    EntityIndex,
    claim_record,
    dispute_record,
    document_record,
    entity_record,
    quantity_record,
    statement_record,
    time_record,
)
from claimgraph.query import corpus_claims, corpus_disputes, corpus_entities
from claimgraph.settings import Settings
from claimgraph.store import Store


@dataclass
class Snapshot:
    documents: list[dict[str, Any]] = field(default_factory=list)
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    entities: list[dict[str, Any]] = field(default_factory=list)
    entity_by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    statements: list[dict[str, Any]] = field(default_factory=list)
    times: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    quantities: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    claims: list[dict[str, Any]] = field(default_factory=list)
    disputes: list[dict[str, Any]] = field(default_factory=list)
    mentions_by_doc: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    by_doc: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    by_speaker: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # Statements whose content mentions an entity (by its mention offsets, not by string search).
    about: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def statements_of(self, doc_id: str) -> list[dict[str, Any]]:
        return self.by_doc.get(doc_id, [])

    def index(self) -> None:
        by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
        by_speaker: dict[str, list[dict[str, Any]]] = defaultdict(list)
        about: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for statement in self.statements:
            by_doc[statement["doc"]].append(statement)
            if statement["speaker"]["entity"]:
                by_speaker[statement["speaker"]["entity"]].append(statement)
        for doc, statements in by_doc.items():
            mentions = self.mentions_by_doc.get(doc, [])
            for statement in statements:
                named = {
                    m["entity"]
                    for m in mentions
                    if statement["start"] <= m["start"] < statement["end"]
                    and m["entity"] != statement["speaker"]["entity"]
                }
                for entity_id in named:
                    about[entity_id].append(statement)
        self.by_doc, self.by_speaker, self.about = dict(by_doc), dict(by_speaker), dict(about)

    def cooccurring(self, entity_id: str, *, limit: int = 10) -> list[tuple[dict[str, Any], int]]:
        """Entities mentioned in the same documents, with how many documents they share."""
        docs = {m["doc"] for m in self.entity_by_id[entity_id]["mentions"]}
        counts: Counter[str] = Counter()
        for doc in docs:
            counts.update(
                {m["entity"] for m in self.mentions_by_doc.get(doc, []) if m["entity"] != entity_id}
            )
        return [(self.entity_by_id[e], n) for e, n in counts.most_common(limit)]


class Corpus:
    """The snapshot of the store at ``settings.db``, rebuilt when the file's modification time moves."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._version: float | None = None
        self._snapshot = Snapshot()
        self._store: Store | None = None

    def search(self, query: str, *, limit: int) -> list[tuple[str, float]]:
        """Full-text search through one read-only connection kept open (opening a store and loading the
        search extension cost more than the query)."""
        with self._lock:
            if self._store is None:
                self._store = Store(self.settings.db, read_only=True)
            return self._store.search(query, limit=limit)

    def snapshot(self) -> Snapshot:
        version = Path(self.settings.db).stat().st_mtime
        with self._lock:
            if version != self._version:
                self._snapshot = build_snapshot(self.settings)
                self._version = version
                if self._store is not None:
                    self._store.close()
                    self._store = None
            return self._snapshot


def build_snapshot(settings: Settings) -> Snapshot:
    snap = Snapshot()
    with Store(settings.db, read_only=True) as store:
        texts: dict[str, str] = {}
        for doc in store.documents():
            texts[doc.id] = doc.text
            record = document_record(doc)
            snap.documents.append(record)
            snap.by_id[doc.id] = record
        entities = corpus_entities(store, settings=settings).entities
        for entity in entities:
            record = entity_record(entity, texts)
            snap.entities.append(record)
            snap.entity_by_id[entity.id] = record
        mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for record in snap.entities:
            for m in record["mentions"]:
                mentions[m["doc"]].append({**m, "entity": record["id"], "type": record["type"]})
        snap.mentions_by_doc = dict(mentions)
        index = EntityIndex(entities)
        snap.statements = [statement_record(s, index) for s in store.statements()]
        for t in store.times():
            snap.times.setdefault(t.span.doc, []).append(time_record(t))
        for q in store.quantities():
            snap.quantities.setdefault(q.span.doc, []).append(quantity_record(q))
        snap.claims = [claim_record(g) for g in group_claims(corpus_claims(store))]
        snap.disputes = [dispute_record(d) for d in corpus_disputes(store)]
    snap.documents.sort(key=lambda d: (d["published"] or "", d["id"]), reverse=True)
    snap.index()
    return snap
