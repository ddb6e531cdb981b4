"""What the server serves: a snapshot of the store, records as the export shapes them, indexed for
paging and filtering, taken from a private copy of the store file and replaced when the file changes.

Corpus-wide results (entities, claims, disputes) are computed once per version of the store rather
than per request, so a request costs a lookup, not a resolution.

Why a copy: DuckDB lets a file be open for writing by one process only, and not while any other
process has it open, even read-only. A server that kept the store open would stop every ingest into
it; one that opened it per request would fail while an ingest writes. So the server opens the store
only to copy it, read-only and for as long as the copy takes, and reads, searches and shows raw
sources from its copy. While an ingest holds the store, an attempt to copy it fails at once and the
copy of the last version is served; the first request after the ingest lets go starts the copy of the
new version in the background, and requests go on being answered from the old one until it is ready.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
import weakref
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from claimgraph.claims import group_claims
from claimgraph.errors import StoreBusy, StoreError
from claimgraph.export import (
    EntityIndex,
    claim_record,
    dispute_record,
    document_record,
    entity_record,
    quantity_record,
    statement_record,
    technique_record,
    time_record,
)
from claimgraph.query import corpus_claims, corpus_disputes, corpus_entities, technique_rates
from claimgraph.settings import Settings
from claimgraph.store import Store

_log = logging.getLogger(__name__)


@dataclass
class Snapshot:
    documents: list[dict[str, Any]] = field(default_factory=list)
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    entities: list[dict[str, Any]] = field(default_factory=list)
    entity_by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    statements: list[dict[str, Any]] = field(default_factory=list)
    times: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    quantities: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    techniques: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    claims: list[dict[str, Any]] = field(default_factory=list)
    disputes: list[dict[str, Any]] = field(default_factory=list)
    technique_rates: list[dict[str, Any]] = field(default_factory=list)
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


@dataclass
class _Version:
    """One copy of the store: its file, an open connection to it and the snapshot read from it."""

    path: Path
    store: Store
    snapshot: Snapshot

    def close(self) -> None:
        self.store.close()
        _remove_copy(self.path)


class Corpus:
    """The store at ``settings.db`` as served: see the module's docstring."""

    # How long after finding the store held by a writer the next copy is tried: a failed attempt is
    # cheap, but there is no point in making one per request.
    retry_seconds = 1.0
    # A copy that failed otherwise (a damaged store, a full disk) is not likely to work a second later.
    retry_after_failure_seconds = 30.0

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.path = Path(settings.db)
        self.deferred = 0
        """Copies put off because another process held the store for writing."""
        # Guards ``_current`` and every use of its connection (one DuckDB connection is not for
        # concurrent use); a new version is swapped in under it.
        self._lock = threading.Lock()
        self._copying = threading.Lock()
        self._current: _Version | None = None
        self._copied: _FileState | None = None
        self._next_try = 0.0
        self._versions = 0
        self._folder = Path(tempfile.mkdtemp(prefix="claimgraph-serve-"))
        self._cleanup = weakref.finalize(self, _remove, self._folder)

    def snapshot(self) -> Snapshot:
        """The snapshot of the newest version of the store this server could read. The first call reads
        the store (StoreBusy when an ingest holds it); later ones start a new copy in the background when
        the store has changed, and answer from the current one meanwhile."""
        current = self._current
        if current is None:
            with self._copying:
                if self._current is None:
                    self._copy()
            current = self._current
            assert current is not None
        elif self._changed() and time.monotonic() >= self._next_try and not self._copying.locked():
            threading.Thread(target=self._copy_in_background, name="claimgraph-copy", daemon=True).start()
        return current.snapshot

    def search(self, query: str, *, limit: int) -> list[tuple[str, float]]:
        """Full-text search through the copy's connection, kept open (opening a store and loading the
        search extension cost more than the query)."""
        self.snapshot()
        with self._lock:
            assert self._current is not None
            return self._current.store.search(query, limit=limit)

    def raw(self, doc_id: str) -> str | None:
        """The source of a document as it was ingested (which the snapshot leaves out: it can be large)."""
        self.snapshot()
        with self._lock:
            assert self._current is not None
            found = self._current.store.find_document(doc_id)
        return found[0].raw if len(found) == 1 and found[0].id == doc_id else None

    def close(self) -> None:
        with self._lock:
            if self._current is not None:
                self._current.close()
                self._current = None
        self._cleanup()

    def _changed(self) -> bool:
        try:
            return _FileState.of(self.path) != self._copied
        except OSError:
            # The store moved away or is being replaced: keep serving what was read.
            return False

    def _copy_in_background(self) -> None:
        if not self._copying.acquire(blocking=False):
            return
        try:
            if self._changed():
                self._copy()
        except StoreBusy:
            self.deferred += 1
            self._next_try = time.monotonic() + self.retry_seconds
        except Exception:
            # Whatever went wrong, the requests still have the last version to be answered from; the
            # failure goes to the log, not to them.
            _log.exception("claimgraph serve: still serving the last version of %s", self.path)
            self._next_try = time.monotonic() + self.retry_after_failure_seconds
        finally:
            self._copying.release()

    def _copy(self) -> None:
        """Copy the store (while holding it open read-only, so that no writer can start meanwhile),
        read the copy and make it the one served."""
        self._versions += 1
        copy = self._folder / f"v{self._versions}.duckdb"
        try:
            live = duckdb.connect(str(self.path), read_only=True)
        except duckdb.Error as exc:
            if "lock" in str(exc).lower():
                raise StoreBusy(str(self.path)) from exc
            raise StoreError(f"{self.path}: cannot open the store ({exc})") from exc
        try:
            state = _FileState.of(self.path)
            shutil.copyfile(self.path, copy)
            wal = Path(f"{self.path}.wal")
            if wal.exists():
                shutil.copyfile(wal, f"{copy}.wal")
        except BaseException:
            _remove_copy(copy)
            raise
        finally:
            live.close()
        try:
            store = Store(copy, read_only=True)
        except BaseException:
            _remove_copy(copy)
            raise
        try:
            version = _Version(copy, store, build_snapshot(store, settings=self.settings))
        except BaseException:
            _Version(copy, store, Snapshot()).close()
            raise
        with self._lock:
            old, self._current, self._copied = self._current, version, state
        if old is not None:
            old.close()


@dataclass(frozen=True, slots=True)
class _FileState:
    """What tells one version of the store file from the next."""

    inode: int
    size: int
    mtime_ns: int
    wal_mtime_ns: int | None

    @staticmethod
    def of(path: Path) -> _FileState:
        stat = path.stat()
        try:
            wal: int | None = Path(f"{path}.wal").stat().st_mtime_ns
        except FileNotFoundError:
            wal = None
        return _FileState(stat.st_ino, stat.st_size, stat.st_mtime_ns, wal)


def _remove_copy(path: Path) -> None:
    for leftover in (path, Path(f"{path}.wal")):
        leftover.unlink(missing_ok=True)


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def build_snapshot(store: Store, *, settings: Settings) -> Snapshot:
    """Every record of the store the server answers with, read once."""
    snap = Snapshot()
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
    for technique in store.techniques():
        snap.techniques.setdefault(technique.span.doc, []).append(technique_record(technique))
    snap.claims = [claim_record(g) for g in group_claims(corpus_claims(store))]
    snap.disputes = [dispute_record(d) for d in corpus_disputes(store)]
    snap.technique_rates = [asdict(r) for r in technique_rates(store, settings=settings, entities=entities)]
    snap.documents.sort(key=lambda d: (d["published"] or "", d["id"]), reverse=True)
    snap.index()
    return snap
