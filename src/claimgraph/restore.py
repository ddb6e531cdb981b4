"""`claimgraph import`: a JSON export (``claimgraph-export/1``) read back into a new store.

The stored rows are restored as the export gives them, so nothing is analysed again: documents,
statements, times, quantities and techniques row for row; entities with their mentions and rank (the export's
order); claims as the sentences (``doc:start``) each claim group lists, with the group's normal form;
disputes between those sentences. What the store keeps and the export does not carry is derived,
always the same way for the same export:

- a document's ``raw`` input is its cleaned text and its ``media_type`` ``text/plain`` (the input as
  read is not exported);
- an entity mention's ``label`` is its entity's type and its ``stage`` is ``import`` (the export
  names neither); mentions that belong to no entity are not exported and so not restored;
- a statement's ``referent`` (the mention a "he" was resolved to) is a mention of the speaker's
  entity in its document: within the speaker's words, else the nearest before them, else the first
  (the export names the entity, not the mention);
- ``claim_sentences`` are read from each document's text, as the per-document stage reads them;
- the corpus-wide bookkeeping (copies, place names, name blocks, each claim's statement, places,
  reading and blocks, home countries): ``claimgraph.update.index_restored``;
- the reasons two names were merged into one entity are not exported and stay unknown (`claimgraph
  entity` lists none for an imported store until an ingest resolves that entity again);
- the search index is built.

Before it commits, the import exports the new store and compares that with the file: a store whose
export would differ is never left behind (``InvalidExport`` says which records differ).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, NoReturn, TypeVar

import duckdb

from claimgraph.claims import claim_sentences
from claimgraph.errors import InputNotFound, InvalidExport, StoreError, StoreNotEmpty
from claimgraph.export import FORMAT_NAME, RECORD_KINDS, EntityIndex, build_export
from claimgraph.models import (
    Document,
    Entity,
    EntityMention,
    Metadata,
    Quantity,
    Span,
    Speaker,
    Statement,
    TechniqueSpan,
    TimeMention,
)
from claimgraph.resolve.names import name_keys
from claimgraph.settings import DEFAULT_SETTINGS, Settings
from claimgraph.store import Store, StoredBatch
from claimgraph.store.db import batch_tables, insert_columns

MENTION_STAGE: Final = "import"
RAW_MEDIA_TYPE: Final = "text/plain"

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ImportReport:
    documents: int
    entities: int
    statements: int
    times: int
    quantities: int
    claims: int
    """Claim sentences restored (a claim group of the export lists several)."""
    disputes: int
    techniques: int
    seconds: float


@dataclass(frozen=True, slots=True)
class _ClaimRow:
    """One sentence of a claim group and the normal form the group gives it."""

    span: Span
    topic: str | None
    predicate: str
    value: str


@dataclass(frozen=True, slots=True)
class _DisputeRow:
    id: str
    kind: str
    topic: str | None
    a: Span
    b: Span
    explanation: str


@dataclass(frozen=True, slots=True)
class _Restored:
    documents: tuple[Document, ...]
    entities: tuple[Entity, ...]
    statements: tuple[Statement, ...]
    times: tuple[TimeMention, ...]
    quantities: tuple[Quantity, ...]
    claims: tuple[_ClaimRow, ...]
    disputes: tuple[_DisputeRow, ...]
    techniques: tuple[TechniqueSpan, ...] = ()


def import_export(path: str | Path, *, settings: Settings = DEFAULT_SETTINGS) -> ImportReport:
    """Restore the JSON export at ``path`` into the store at ``settings.db``, which must hold no
    documents: an import never merges. All of it or nothing is stored; a store file the import created
    is removed again when it fails."""
    started = time.perf_counter()
    source = Path(path)
    target = Path(settings.db)
    data = _load(source)
    restored = _Parser(str(source)).restore(data)
    existed = target.exists()
    try:
        with Store(target) as store:
            documents = store.counts().documents
            if documents:
                raise StoreNotEmpty(str(target), documents)
            with store.transaction():
                try:
                    _write(store, restored, settings=settings)
                except duckdb.Error as exc:
                    raise StoreError(f"{target}: cannot store the import of {source} ({exc})") from exc
                _verify(store, data, path=str(source), settings=settings)
    except BaseException:
        if not existed:
            for leftover in (target, target.with_name(target.name + ".wal")):
                leftover.unlink(missing_ok=True)
        raise
    return ImportReport(
        documents=len(restored.documents),
        entities=len(restored.entities),
        statements=len(restored.statements),
        times=len(restored.times),
        quantities=len(restored.quantities),
        claims=len({c.span for c in restored.claims}),
        disputes=len(restored.disputes),
        techniques=len(restored.techniques),
        seconds=time.perf_counter() - started,
    )


def _load(path: Path) -> Any:
    if not path.is_file():
        raise InputNotFound(str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidExport(str(path), f"not a JSON export: not UTF-8 text (byte {exc.start})") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        first = text.split("\n", 1)[0]
        if _is_jsonl_header(first):
            raise InvalidExport(
                str(path),
                "this is a JSONL export; import reads the JSON export (claimgraph export --format json)",
            ) from exc
        raise InvalidExport(
            str(path), f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from exc


def _is_jsonl_header(line: str) -> bool:
    try:
        first = json.loads(line)
    except json.JSONDecodeError:
        return False
    return isinstance(first, dict) and first.get("record") == "header"


# -- reading the export ------------------------------------------------------------------------------


class _Parser:
    """Reads an export's records into the data model, checking every value the store needs; an error
    names the record and key at fault (``statements[12].speaker.start``)."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._texts: dict[str, str] = {}

    def fail(self, where: str, problem: str) -> NoReturn:
        raise InvalidExport(self._path, f"{where}: {problem}" if where else problem)

    def restore(self, data: Any) -> _Restored:
        if not isinstance(data, dict):
            self.fail("", f"not a claimgraph export: the file holds a JSON {_kind(data)}, not an object")
        if "format" not in data:
            self.fail("", "not a claimgraph export: it has no 'format' key")
        if data["format"] != FORMAT_NAME:
            self.fail("", f"format is {data['format']!r}; this claimgraph imports {FORMAT_NAME!r}")
        lists = {kind: self._list(data, kind, "") for kind in RECORD_KINDS}
        documents = tuple(self._each(lists["documents"], "documents", self._document))
        if len({d.content_hash for d in documents}) != len(documents):
            self.fail("documents", "two documents share a content_hash")
        entities = tuple(self._each(lists["entities"], "entities", self._entity))
        ids = [e.id for e in entities]
        if len(set(ids)) != len(ids):
            self.fail("entities", "two entities share an id")
        mentions: dict[str, list[tuple[Span, str]]] = {}
        owner: dict[Span, str] = {}
        for entity in entities:
            for span in entity.mentions:
                if span in owner:
                    self.fail(
                        "entities", f"the mention {span.doc} {span.start}-{span.end} is in two entities"
                    )
                owner[span] = entity.id
                mentions.setdefault(span.doc, []).append((span, entity.id))
        index = EntityIndex(entities)
        statements = tuple(
            self._each(
                lists["statements"],
                "statements",
                lambda record, where: self._statement(record, where, set(ids), mentions, index),
            )
        )
        claims = tuple(row for rows in self._each(lists["claims"], "claims", self._claim) for row in rows)
        ends: dict[tuple[str, int], int] = {}
        for claim in claims:
            if ends.setdefault((claim.span.doc, claim.span.start), claim.span.end) != claim.span.end:
                self.fail("claims", f"two claim sentences of {claim.span.doc} begin at {claim.span.start}")
        disputes = tuple(self._each(lists["disputes"], "disputes", self._dispute))
        for i, dispute in enumerate(disputes):
            for name, side in (("a", dispute.a), ("b", dispute.b)):
                if ends.get((side.doc, side.start)) != side.end:
                    self.fail(f"disputes[{i}].{name}", "is not the sentence of any claim")
        return _Restored(
            documents=documents,
            entities=entities,
            statements=statements,
            times=tuple(self._each(lists["times"], "times", self._time)),
            quantities=tuple(self._each(lists["quantities"], "quantities", self._quantity)),
            claims=claims,
            disputes=disputes,
            techniques=tuple(self._each(lists["techniques"], "techniques", self._technique)),
        )

    def _each(
        self, records: list[Any], kind: str, read: Callable[[Mapping[str, Any], str], T]
    ) -> Iterator[T]:
        for i, record in enumerate(records):
            where = f"{kind}[{i}]"
            if not isinstance(record, dict):
                self.fail(where, f"a JSON {_kind(record)}, not an object")
            yield read(record, where)

    # Typed access to one key: the message names the key and what was there instead.

    def _get(self, record: Mapping[str, Any], key: str, where: str) -> Any:
        if key not in record:
            self.fail(where, f"the key {key!r} is missing")
        return record[key]

    def _str(self, record: Mapping[str, Any], key: str, where: str) -> str:
        value = self._get(record, key, where)
        if not isinstance(value, str):
            self.fail(f"{where}.{key}", f"expected a string, found {_kind(value)}")
        return value

    def _opt_str(self, record: Mapping[str, Any], key: str, where: str) -> str | None:
        value = self._get(record, key, where)
        return None if value is None else self._str(record, key, where)

    def _int(self, record: Mapping[str, Any], key: str, where: str) -> int:
        value = self._get(record, key, where)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            self.fail(f"{where}.{key}", f"expected an offset (an integer >= 0), found {value!r}")
        return value

    def _opt_int(self, record: Mapping[str, Any], key: str, where: str) -> int | None:
        return None if self._get(record, key, where) is None else self._int(record, key, where)

    def _number(self, record: Mapping[str, Any], key: str, where: str) -> float:
        value = self._get(record, key, where)
        if not isinstance(value, int | float) or isinstance(value, bool):
            self.fail(f"{where}.{key}", f"expected a number, found {_kind(value)}")
        return float(value)

    def _opt_number(self, record: Mapping[str, Any], key: str, where: str) -> float | None:
        return None if self._get(record, key, where) is None else self._number(record, key, where)

    def _bool(self, record: Mapping[str, Any], key: str, where: str) -> bool:
        value = self._get(record, key, where)
        if not isinstance(value, bool):
            self.fail(f"{where}.{key}", f"expected true or false, found {_kind(value)}")
        return value

    def _date(self, record: Mapping[str, Any], key: str, where: str) -> dt.date | None:
        value = self._opt_str(record, key, where)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.fail(f"{where}.{key}", f"expected a date YYYY-MM-DD or null, found {value!r}")

    def _strings(self, record: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
        values = self._list(record, key, where)
        if not all(isinstance(v, str) for v in values):
            self.fail(f"{where}.{key}", "expected a list of strings")
        return tuple(values)

    def _list(self, record: Mapping[str, Any], key: str, where: str) -> list[Any]:
        value = self._get(record, key, where)
        if not isinstance(value, list):
            self.fail(f"{where}.{key}" if where else key, f"expected a list, found {_kind(value)}")
        return value

    def _object(self, record: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
        value = self._get(record, key, where)
        if not isinstance(value, dict):
            self.fail(f"{where}.{key}", f"expected an object, found {_kind(value)}")
        return value

    def _span(
        self, record: Mapping[str, Any], where: str, *, doc: str | None = None, text_key: str | None = None
    ) -> Span:
        """The record's ``doc``, ``start`` and ``end`` (or the given doc), checked against the text."""
        doc = doc if doc is not None else self._str(record, "doc", where)
        if doc not in self._texts:
            self.fail(where, f"names the document {doc!r}, which is not among the documents")
        start, end = self._int(record, "start", where), self._int(record, "end", where)
        text = self._texts[doc]
        if not start <= end <= len(text):
            self.fail(
                where, f"the span {start}-{end} lies outside its document's text ({len(text)} characters)"
            )
        if text_key is not None and self._str(record, text_key, where) != text[start:end]:
            self.fail(f"{where}.{text_key}", f"is not the document's text at {start}-{end}")
        return Span(doc, start, end)

    # The records.

    def _document(self, record: Mapping[str, Any], where: str) -> Document:
        doc_id = self._str(record, "id", where)
        if doc_id in self._texts:
            self.fail(f"{where}.id", f"{doc_id!r} is the id of an earlier document too")
        text = self._str(record, "text", where)
        self._texts[doc_id] = text
        return Document(
            id=doc_id,
            source=self._str(record, "source", where),
            content_hash=self._str(record, "content_hash", where),
            text=text,
            raw=text,
            media_type=RAW_MEDIA_TYPE,
            extractor=self._str(record, "extractor", where),
            metadata=Metadata(
                title=self._opt_str(record, "title", where),
                outlet=self._opt_str(record, "outlet", where),
                authors=self._strings(record, "authors", where),
                published=self._date(record, "published", where),
                url=self._opt_str(record, "url", where),
                language=self._opt_str(record, "language", where),
            ),
        )

    def _entity(self, record: Mapping[str, Any], where: str) -> Entity:
        mentions = []
        for i, mention in enumerate(self._list(record, "mentions", where)):
            if not isinstance(mention, dict):
                self.fail(f"{where}.mentions[{i}]", f"a JSON {_kind(mention)}, not an object")
            mentions.append(self._span(mention, f"{where}.mentions[{i}]", text_key="text"))
        return Entity(
            id=self._str(record, "id", where),
            name=self._str(record, "name", where),
            type=self._str(record, "type", where),
            aliases=self._strings(record, "aliases", where),
            mentions=tuple(mentions),
            stage=self._str(record, "stage", where),
            description=self._opt_str(record, "description", where),
            kb_id=self._opt_str(record, "kb_id", where),
            lat=self._opt_number(record, "lat", where),
            lon=self._opt_number(record, "lon", where),
        )

    def _statement(
        self,
        record: Mapping[str, Any],
        where: str,
        entity_ids: set[str],
        mentions: Mapping[str, Sequence[tuple[Span, str]]],
        index: EntityIndex,
    ) -> Statement:
        content = self._span(record, where, text_key="content")
        doc = content.doc
        speaker = self._object(record, "speaker", where)
        at = f"{where}.speaker"
        start, end = self._opt_int(speaker, "start", at), self._opt_int(speaker, "end", at)
        speaker_span = None if start is None or end is None else self._span(speaker, at, doc=doc)
        cue_start, cue_end = (
            self._opt_int(record, "cue_start", where),
            self._opt_int(record, "cue_end", where),
        )
        cue_span = None
        if cue_start is not None and cue_end is not None:
            cue_span = self._span({"start": cue_start, "end": cue_end}, f"{where}.cue_start", doc=doc)
        entity = self._opt_str(speaker, "entity", at)
        if entity is not None and entity not in entity_ids:
            self.fail(f"{at}.entity", f"{entity!r} is not among the entities")
        anonymous = self._bool(speaker, "anonymous", at)
        # Exports before the author field have none; an author's entity is theirs, found by name.
        author = self._opt_str(speaker, "author", at) if "author" in speaker else None
        return Statement(
            id=self._str(record, "id", where),
            content=content,
            content_text=self._texts[doc][content.start : content.end],
            kind=self._str(record, "kind", where),
            speaker=Speaker(
                text=self._str(speaker, "text", at),
                span=speaker_span,
                referent=None
                if anonymous or author is not None
                else _referent(entity, speaker_span, mentions.get(doc, ()), index),
                description=self._opt_str(speaker, "description", at),
                anonymous=anonymous,
                author=author,
            ),
            cue=self._str(record, "cue", where),
            cue_span=cue_span,
            stage=self._str(record, "stage", where),
            channel=self._opt_str(record, "channel", where),
            said_on=self._date(record, "said_on", where),
        )

    def _time(self, record: Mapping[str, Any], where: str) -> TimeMention:
        return TimeMention(
            span=self._span(record, where, text_key="text"),
            text=self._str(record, "text", where),
            kind=self._str(record, "kind", where),
            timeml=self._opt_str(record, "timeml", where),
            value=self._opt_str(record, "value", where),
            stage=self._str(record, "stage", where),
        )

    def _quantity(self, record: Mapping[str, Any], where: str) -> Quantity:
        return Quantity(
            span=self._span(record, where, text_key="text"),
            text=self._str(record, "text", where),
            value=self._number(record, "value", where),
            high=self._opt_number(record, "high", where),
            unit=self._opt_str(record, "unit", where),
            qualifier=self._opt_str(record, "qualifier", where),
            about=self._opt_str(record, "about", where),
            stage=self._str(record, "stage", where),
        )

    def _technique(self, record: Mapping[str, Any], where: str) -> TechniqueSpan:
        return TechniqueSpan(
            span=self._span(record, where, text_key="text"),
            text=self._str(record, "text", where),
            technique=self._str(record, "technique", where),
            rule=self._str(record, "rule", where),
            voice=self._str(record, "voice", where),
            stage=self._str(record, "stage", where),
        )

    def _claim(self, record: Mapping[str, Any], where: str) -> list[_ClaimRow]:
        topic = self._opt_str(record, "topic", where)
        predicate = self._str(record, "predicate", where)
        value = self._str(record, "value", where)
        rows = []
        for i, source in enumerate(self._list(record, "sources", where)):
            if not isinstance(source, dict):
                self.fail(f"{where}.sources[{i}]", f"a JSON {_kind(source)}, not an object")
            rows.append(_ClaimRow(self._span(source, f"{where}.sources[{i}]"), topic, predicate, value))
        if not rows:
            self.fail(f"{where}.sources", "a claim without a sentence")
        return rows

    def _dispute(self, record: Mapping[str, Any], where: str) -> _DisputeRow:
        return _DisputeRow(
            id=self._str(record, "id", where),
            kind=self._str(record, "kind", where),
            topic=self._opt_str(record, "topic", where),
            a=self._span(self._object(record, "a", where), f"{where}.a"),
            b=self._span(self._object(record, "b", where), f"{where}.b"),
            explanation=self._str(record, "explanation", where),
        )


def _kind(value: Any) -> str:
    names = {dict: "object", list: "list", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _referent(
    entity: str | None, speaker: Span | None, mentions: Sequence[tuple[Span, str]], index: EntityIndex
) -> Span | None:
    """A span the export's speaker entity is found at (claimgraph.export.EntityIndex): that entity's
    mention within the speaker's words, else the nearest before them, else its first in the document.
    A speaker whose entity is unknown although their words would name one gets an empty span at the
    text's start, which names nothing."""
    if entity is None:
        named = speaker is not None and index.entity_at(speaker) is not None
        return Span(speaker.doc, 0, 0) if named and speaker is not None else None
    own = [span for span, owner in mentions if owner == entity]
    if not own:
        return None
    if speaker is None:
        return own[0]
    within = [s for s in own if speaker.start <= s.start and s.end <= speaker.end]
    before = [s for s in own if s.end <= speaker.start]
    return (within or before[-1:] or own)[0]


# -- writing the store ---------------------------------------------------------------------------------


def _write(store: Store, restored: _Restored, *, settings: Settings) -> None:
    from claimgraph.update import index_restored, name_group_of  # deferred: it imports the resolvers

    con = store.connection
    texts = {d.id: d.text for d in restored.documents}
    type_at = {span: e.type for e in restored.entities for span in e.mentions}
    mentions = [
        EntityMention(span, texts[span.doc][span.start : span.end], label, MENTION_STAGE)
        for span, label in sorted(type_at.items(), key=lambda kv: (kv[0].doc, kv[0].start, kv[0].end))
    ]
    batch = StoredBatch(
        documents=restored.documents,
        mentions=mentions,
        replaced_sources=(),
        statements=restored.statements,
        times=restored.times,
        quantities=restored.quantities,
        techniques=restored.techniques,
        claim_sentences=[
            sentence
            for doc in restored.documents
            for sentence in claim_sentences(doc.id, doc.text, published=doc.metadata.published)
        ],
    )
    # The rows go in as an ingest's batch does (one conversion of every value), inside the import's
    # one transaction.
    for table, columns in batch_tables(batch).items():
        if any(columns.values()):
            insert_columns(con, table, columns)
    entities = restored.entities
    insert_columns(
        con,
        "entities",
        {
            "id": [e.id for e in entities],
            "name": [e.name for e in entities],
            "type": [e.type for e in entities],
            "aliases": [list(e.aliases) for e in entities],
            "description": [e.description for e in entities],
            "kb_id": [e.kb_id for e in entities],
            "lat": [e.lat for e in entities],
            "lon": [e.lon for e in entities],
            "stage": [e.stage for e in entities],
            # The export lists entities by rank, most mentioned first.
            "rank": list(range(1, len(entities) + 1)),
        },
    )
    spans = [(e, s) for e in entities for s in e.mentions]
    insert_columns(
        con,
        "entity_spans",
        {
            "entity": [e.id for e, _ in spans],
            "doc": [s.doc for _, s in spans],
            "start": [s.start for _, s in spans],
            "end": [s.end for _, s in spans],
            # A name without keys is in no group a rule could merge with: its entity stands alone.
            "name_group": [
                name_group_of(texts[s.doc][s.start : s.end], e.type) or f"{e.type}|{e.id}" for e, s in spans
            ],
        },
    )
    _write_claims(con, restored, texts)
    index_restored(store, settings=settings)
    store.rebuild_search_index()


def _write_claims(con: duckdb.DuckDBPyConnection, restored: _Restored, texts: Mapping[str, str]) -> None:
    published = {d.id: d.metadata.published for d in restored.documents}
    sentences = sorted({c.span for c in restored.claims}, key=lambda s: (s.doc, s.start))
    insert_columns(
        con,
        "claims",
        {
            "id": [claim_id_of(s) for s in sentences],
            "doc": [s.doc for s in sentences],
            "start": [s.start for s in sentences],
            "end": [s.end for s in sentences],
            "text": [texts[s.doc][s.start : s.end] for s in sentences],
            "places": [[] for _ in sentences],
            "published": [published[s.doc] for s in sentences],
        },
    )
    # The store reads a claim's assertions in the order they were written and groups claims in text
    # order: written so, they group again into the export's claims, each listing its sentences in the
    # export's order.
    rows = sorted(restored.claims, key=lambda c: (c.span.doc, c.span.start))
    insert_columns(
        con,
        "claim_assertions",
        {
            "claim": [claim_id_of(c.span) for c in rows],
            "topic": [topic_keys(c.topic) for c in rows],
            "shown": [c.topic or "" for c in rows],
            "predicate": [c.predicate for c in rows],
            "value": [c.value for c in rows],
        },
    )
    disputes = restored.disputes
    insert_columns(
        con,
        "disputes",
        {
            "id": [d.id for d in disputes],
            "kind": [d.kind for d in disputes],
            "topic": [d.topic for d in disputes],
            "a_claim": [claim_id_of(d.a) for d in disputes],
            "b_claim": [claim_id_of(d.b) for d in disputes],
            "explanation": [d.explanation for d in disputes],
        },
    )


def claim_id_of(span: Span) -> str:
    """The store's id of the claim sentence at a span (claimgraph.update.claim_id)."""
    return f"{span.doc}:{span.start}"


def topic_keys(topic: str | None) -> str:
    """The name keys a claim group's places are grouped by (claimgraph.claims.assertions), from the
    places as the export shows them: their names, sorted, joined by commas."""
    if not topic:
        return ""
    keys = {" ".join(found) for name in topic.split(", ") if (found := name_keys(name))}
    return ", ".join(sorted(keys))


def _verify(store: Store, data: Mapping[str, Any], *, path: str, settings: Settings) -> None:
    """Export the restored store (inside the transaction that wrote it) and compare it with the file,
    ignoring keys the file has and this claimgraph does not write."""
    again = build_export(store, settings=settings)
    for kind in RECORD_KINDS:
        ours, theirs = again[kind], data[kind]
        if _seen_as(theirs, ours) == ours:
            continue
        if len(ours) != len(theirs):
            where = f"{len(theirs)} {kind} in the file, {len(ours)} after restoring"
        else:
            first = next(i for i, (a, b) in enumerate(zip(ours, theirs, strict=True)) if _seen_as(b, a) != a)
            where = f"{kind}[{first}] differs after restoring"
        raise InvalidExport(
            path,
            f"cannot be restored as it stands: {where} (was the file edited, or written by another "
            "version of claimgraph?)",
        )


def _seen_as(theirs: Any, ours: Any) -> Any:
    """``theirs`` with only the keys ``ours`` has, at every level."""
    if isinstance(theirs, dict) and isinstance(ours, dict):
        return {key: _seen_as(theirs.get(key), value) for key, value in ours.items()}
    if isinstance(theirs, list) and isinstance(ours, list) and len(theirs) == len(ours):
        return [_seen_as(t, o) for t, o in zip(theirs, ours, strict=True)]
    return theirs
