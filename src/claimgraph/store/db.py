"""The DuckDB store: one writer, one transaction per batch, full-text search by the FTS extension."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from types import TracebackType
from typing import Any, Final, TypeVar

import duckdb

from claimgraph.errors import StoreError
from claimgraph.models import (
    ClaimSentence,
    Document,
    EntityMention,
    HttpResponse,
    Metadata,
    Quantity,
    Rejection,
    Span,
    Speaker,
    Statement,
    TechniqueSpan,
    TimeMention,
)
from claimgraph.store.schema import MIGRATIONS

SpanRecord = EntityMention | TimeMention | Quantity | ClaimSentence | TechniqueSpan
R = TypeVar("R", EntityMention, TimeMention, Quantity, TechniqueSpan)


def _record_fields(record: type[SpanRecord]) -> list[str]:
    # A span table's columns after doc/start/end are the record's fields after its span, in order.
    return [f.name for f in fields(record) if f.name != "span"]


@dataclass(frozen=True, slots=True)
class StoredBatch:
    documents: Sequence[Document]
    mentions: Sequence[EntityMention]
    replaced_sources: Sequence[str]
    """Sources whose earlier version is removed in the same transaction."""
    updated: int = 0
    """Documents of the batch that take the place of stored ones (the rest are new)."""
    statements: Sequence[Statement] = ()
    times: Sequence[TimeMention] = ()
    quantities: Sequence[Quantity] = ()
    claim_sentences: Sequence[ClaimSentence] = ()
    techniques: Sequence[TechniqueSpan] = ()


Columns = dict[str, list[Any]]
"""A table's rows as one list per column, keyed by the store's column names."""

PARQUET_TABLES: Final = (
    "documents",
    "statements",
    "quantities",
    "times",
    "entity_mentions",
    "claim_sentences",
    "techniques",
    "rejections",
)
"""The files of a batch written as Parquet, one per table; load_parquet_batch stores them."""

DOCUMENT_TABLES: Final = (
    "entity_mentions",
    "statements",
    "times",
    "quantities",
    "claim_sentences",
    "techniques",
)
"""The per-document stages' tables, keyed by ``doc``: a document's rows in them are stored and removed
in the transaction that stores or removes its row in ``documents``."""


def parquet_file(folder: Path, table: str) -> Path:
    return folder / f"{table}.parquet"


def batch_tables(batch: StoredBatch) -> dict[str, Columns]:
    """A batch's rows table by table: what write_batch inserts and what a Parquet batch holds, so
    both ways into the store convert every value the same way."""
    return {
        "documents": document_columns(batch.documents),
        "statements": statement_columns(batch.statements),
        "quantities": span_columns(Quantity, batch.quantities),
        "times": span_columns(TimeMention, batch.times),
        "entity_mentions": span_columns(EntityMention, batch.mentions),
        "claim_sentences": span_columns(ClaimSentence, batch.claim_sentences),
        "techniques": span_columns(TechniqueSpan, batch.techniques),
    }


def document_columns(docs: Sequence[Document]) -> Columns:
    return {
        "id": [d.id for d in docs],
        "content_hash": [d.content_hash for d in docs],
        "source": [d.source for d in docs],
        "title": [d.metadata.title for d in docs],
        "outlet": [d.metadata.outlet for d in docs],
        "authors": [list(d.metadata.authors) for d in docs],
        "published": [d.metadata.published for d in docs],
        "url": [d.metadata.url for d in docs],
        "language": [d.metadata.language for d in docs],
        "text": [d.text for d in docs],
        "raw": [d.raw for d in docs],
        "media_type": [d.media_type for d in docs],
        "extractor": [d.extractor for d in docs],
    }


def span_columns(record: type[SpanRecord], items: Sequence[SpanRecord]) -> Columns:
    """Rows of a table whose columns are ``doc, start, end`` and then the record's own fields."""
    columns: Columns = {
        "doc": [i.span.doc for i in items],
        "start": [i.span.start for i in items],
        "end": [i.span.end for i in items],
    }
    return columns | {name: [getattr(i, name) for i in items] for name in _record_fields(record)}


def statement_columns(statements: Sequence[Statement]) -> Columns:
    def span_part(span: Span | None, part: str) -> int | None:
        return None if span is None else int(getattr(span, part))

    return {
        "id": [s.id for s in statements],
        "doc": [s.content.doc for s in statements],
        "start": [s.content.start for s in statements],
        "end": [s.content.end for s in statements],
        "kind": [s.kind for s in statements],
        "cue": [s.cue for s in statements],
        "cue_start": [span_part(s.cue_span, "start") for s in statements],
        "cue_end": [span_part(s.cue_span, "end") for s in statements],
        "speaker_text": [s.speaker.text for s in statements],
        "speaker_start": [span_part(s.speaker.span, "start") for s in statements],
        "speaker_end": [span_part(s.speaker.span, "end") for s in statements],
        "referent_start": [span_part(s.speaker.referent, "start") for s in statements],
        "referent_end": [span_part(s.speaker.referent, "end") for s in statements],
        "speaker_description": [s.speaker.description for s in statements],
        "speaker_anonymous": [s.speaker.anonymous for s in statements],
        "speaker_author": [s.speaker.author for s in statements],
        "channel": [s.channel for s in statements],
        "said_on": [s.said_on for s in statements],
        "stage": [s.stage for s in statements],
    }


def rejection_columns(rejections: Sequence[Rejection]) -> Columns:
    """One row per source, its latest reason: the table holds one rejection per source."""
    latest = {r.source: r for r in rejections}
    return {
        "source": list(latest),
        "reason": [r.reason for r in latest.values()],
        "stage": [r.stage for r in latest.values()],
    }


@dataclass(frozen=True, slots=True)
class Counts:
    documents: int
    entity_mentions: int
    statements: int
    rejections: int
    entities: int
    claims: int
    disputes: int


def _remember_that_pandas_is_absent() -> None:
    """Make a failed ``import pandas`` fail fast.

    DuckDB tries to import pandas for every value of a list parameter, several times over; without
    pandas installed each attempt searches the whole import path again, which made batch inserts
    the slowest step of ingest. A ``None`` in ``sys.modules`` is Python's own negative import cache.
    """
    if "pandas" not in sys.modules and importlib.util.find_spec("pandas") is None:
        import pyarrow as pa

        # pyarrow looks for pandas on first use and takes a None here for the module itself: let it
        # look the ordinary way first; it keeps the answer.
        pa.array([0])
        sys.modules["pandas"] = None  # type: ignore[assignment]


_remember_that_pandas_is_absent()


def insert_columns(con: duckdb.DuckDBPyConnection, table: str, columns: Mapping[str, Sequence[Any]]) -> None:
    """Rows given column by column (by column name), in one statement."""
    import pyarrow as pa

    # DuckDB reads an Arrow table in bulk; Python lists as parameters it converts value by value.
    rows = pa.table({name: list(values) for name, values in columns.items()})
    con.register("_claimgraph_rows", rows)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _claimgraph_rows")
    finally:
        con.unregister("_claimgraph_rows")


def fts_extension_path() -> Path:
    # The extension ships inside a PyPI package so no download happens at run time.
    import duckdb_extension_fts

    root = Path(duckdb_extension_fts.__file__).parent / "extensions"
    wanted = root / f"v{duckdb.__version__}" / "fts.duckdb_extension"
    if wanted.exists():
        return wanted
    found = sorted(root.glob("*/fts.duckdb_extension"))
    if not found:
        raise StoreError(f"the DuckDB FTS extension is missing under {root}; run `make install`")
    return found[-1]


class Store:
    """A claimgraph store in one DuckDB file. Use as a context manager."""

    def __init__(self, path: str | Path, *, read_only: bool = False, memory_limit: str | None = None) -> None:
        """``memory_limit`` caps DuckDB's own memory (e.g. "1GB"; beyond it DuckDB spills to disk);
        None leaves DuckDB's default, most of the machine's memory."""
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no store here; run `claimgraph ingest` first")
        if read_only:
            self._upgrade_if_older()
        try:
            self._con = _connect(
                self.path, read_only=read_only, config={"memory_limit": memory_limit} if memory_limit else {}
            )
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc})") from exc
        self._fts_loaded = False
        if not read_only:
            self._migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._con.close()

    # -- schema -----------------------------------------------------------------------------------

    def _upgrade_if_older(self) -> None:
        """A store made by an older claimgraph gets the missing migrations before it is read, and one
        whose documents are not all in the search index or through the corpus-wide stages (an ingest
        stopped after a batch, before its end) gets them; the documents stored before a per-document
        stage existed get that stage's rows on `claimgraph ingest --force`."""
        try:
            with duckdb.connect(self.path, read_only=True) as con:
                tables = {
                    r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
                }
                applied = (
                    {r[0] for r in con.execute("SELECT name FROM schema_migrations").fetchall()}
                    if "schema_migrations" in tables
                    else set()
                )
                pending = "corpus_documents" in tables and _pending(con)
                unindexed = "documents" in tables and _unindexed(con)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc})") from exc
        if all(name in applied for name, _ in MIGRATIONS) and not pending and not unindexed:
            return
        # Deferred: the corpus-wide stages read the store through this class.
        from claimgraph.update import update_corpus

        try:
            self._con = duckdb.connect(self.path)
            self._migrate()
            if unindexed:
                self._fts_loaded = False
                self.rebuild_search_index()
            update_corpus(self)
            self._con.close()
        except duckdb.Error as exc:
            raise StoreError(
                f"{self.path}: the store was made by an older claimgraph, or its last ingest stopped before "
                f"the search index or the corpus-wide stages, and it cannot be brought up to date now ({exc})"
            ) from exc

    def _migrate(self) -> None:
        self._con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
        )
        applied = {row[0] for row in self._con.execute("SELECT name FROM schema_migrations").fetchall()}
        pending = [(name, sql) for name, sql in MIGRATIONS if name not in applied]
        for name, sql in pending:
            with self._transaction():
                self._con.execute(sql)
                self._con.execute("INSERT INTO schema_migrations (name) VALUES (?)", [name])
        if pending:
            # DuckDB 1.5 cannot replay a write-ahead log holding an ALTER TABLE ... ADD COLUMN with a
            # DEFAULT ("no default database set"): a store killed before its first checkpoint would
            # never open again. The schema goes to the file before any data does.
            self._con.execute("CHECKPOINT")

    def applied_migrations(self) -> list[str]:
        return [
            r[0] for r in self._con.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()
        ]

    # -- writing ----------------------------------------------------------------------------------

    class _Tx:
        def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
            self._con = con

        def __enter__(self) -> None:
            self._con.execute("BEGIN TRANSACTION")

        def __exit__(
            self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
        ) -> None:
            self._con.execute("COMMIT" if exc_type is None else "ROLLBACK")

    def _transaction(self) -> Store._Tx:
        return Store._Tx(self._con)

    def known_hashes(self, hashes: Sequence[str]) -> set[str]:
        if not hashes:
            return set()
        rows = self._con.execute(
            "SELECT content_hash FROM documents WHERE list_contains(?, content_hash)", [list(hashes)]
        ).fetchall()
        return {r[0] for r in rows}

    def write_batch(self, batch: StoredBatch) -> None:
        """Store documents and their mentions atomically: all of the batch or none of it."""
        with self._transaction():
            self._delete_sources(batch.replaced_sources)
            for table, columns in batch_tables(batch).items():
                if any(columns.values()):
                    self._insert_columns(table, columns)
            if batch.documents:
                sources = [d.source for d in batch.documents]
                self._con.execute("DELETE FROM rejections WHERE list_contains(?, source)", [sources])

    def load_parquet_batch(
        self, folder: Path, *, replaced_sources: Sequence[str], doc: str | None = None
    ) -> None:
        """Store a batch written as Parquet files (see ``parquet_file``) atomically, replacing what
        write_batch replaces; the rejections file's rows replace earlier rejections of their sources.
        With ``doc``, only that document's rows (and none of the rejections)."""
        with self._transaction():
            self._delete_sources(replaced_sources)
            for table in PARQUET_TABLES:
                if table == "rejections":
                    continue
                key = "id" if table == "documents" else "doc"
                only = "" if doc is None else f" WHERE {key} = ?"
                self._con.execute(
                    f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet(?){only}",
                    [str(parquet_file(folder, table)), *([] if doc is None else [doc])],
                )
            stored = "SELECT source FROM read_parquet(?)" + ("" if doc is None else " WHERE id = ?")
            self._con.execute(
                f"DELETE FROM rejections WHERE source IN ({stored})",
                [str(parquet_file(folder, "documents")), *([] if doc is None else [doc])],
            )
            if doc is not None:
                return
            self._con.execute(
                "DELETE FROM rejections WHERE source IN (SELECT source FROM read_parquet(?))",
                [str(parquet_file(folder, "rejections"))],
            )
            self._con.execute(
                "INSERT INTO rejections BY NAME SELECT * FROM read_parquet(?)",
                [str(parquet_file(folder, "rejections"))],
            )

    def _delete_sources(self, sources: Sequence[str]) -> None:
        """Remove the stored versions of these sources, which a batch replaces."""
        if not sources:
            return
        stale = [
            r[0]
            for r in self._con.execute(
                "SELECT id FROM documents WHERE list_contains(?, source)", [list(sources)]
            ).fetchall()
        ]
        self._delete_documents(stale)

    def _spans(self, table: str, record: type[R], doc: str | None) -> list[R]:
        """The records of a span table, in text order, of one document or all."""
        names = _record_fields(record)
        sql = f'SELECT doc, start, "end", {", ".join(names)} FROM {table}'
        params: list[Any] = []
        if doc is not None:
            sql += " WHERE doc = ?"
            params.append(doc)
        rows = self._con.execute(sql + ' ORDER BY doc, start, "end"', params).fetchall()
        return [record(Span(r[0], r[1], r[2]), *r[3:]) for r in rows]

    def _insert_columns(self, table: str, columns: Columns) -> None:
        insert_columns(self._con, table, columns)

    def statements(self, *, doc: str | None = None) -> list[Statement]:
        # The content's words are cut from the document's text in SQL (DuckDB counts code points, as
        # Python does): reading each document's text into Python cost a query a document.
        sql = (
            'SELECT s.id, s.doc, s.start, s."end", s.kind, s.cue, s.cue_start, s.cue_end, s.speaker_text,'
            " s.speaker_start, s.speaker_end, s.referent_start, s.referent_end, s.speaker_description,"
            " s.speaker_anonymous, s.channel, s.said_on, s.stage,"
            " coalesce(substring(d.text, s.start + 1, s.\"end\" - s.start), ''), s.speaker_author"
            " FROM statements s LEFT JOIN documents d ON d.id = s.doc"
        )
        params: list[Any] = []
        if doc is not None:
            sql += " WHERE s.doc = ?"
            params.append(doc)
        rows = self._con.execute(sql + ' ORDER BY s.doc, s.start, s."end"', params).fetchall()
        return [_statement_from_row(r) for r in rows]

    def times(self, *, doc: str | None = None) -> list[TimeMention]:
        return self._spans("times", TimeMention, doc)

    def quantities(self, *, doc: str | None = None) -> list[Quantity]:
        return self._spans("quantities", Quantity, doc)

    def techniques(self, *, doc: str | None = None) -> list[TechniqueSpan]:
        return self._spans("techniques", TechniqueSpan, doc)

    def _delete_documents(self, ids: Sequence[str]) -> None:
        if not ids:
            return
        for table in DOCUMENT_TABLES:
            self._con.execute(f"DELETE FROM {table} WHERE list_contains(?, doc)", [list(ids)])
        self._con.execute("DELETE FROM documents WHERE list_contains(?, id)", [list(ids)])

    def record_rejections(self, rejections: Sequence[Rejection]) -> None:
        if not rejections:
            return
        columns = rejection_columns(rejections)
        with self._transaction():
            self._con.execute("DELETE FROM rejections WHERE list_contains(?, source)", [columns["source"]])
            self._insert_columns("rejections", columns)

    def rebuild_search_index(self) -> None:
        # The FTS index is a snapshot, not maintained on insert: rebuilt once after each ingest.
        self._load_fts()
        self._con.execute("PRAGMA create_fts_index('documents', 'id', 'title', 'text', overwrite=1)")

    # -- reading ----------------------------------------------------------------------------------

    def _load_fts(self) -> None:
        if not self._fts_loaded:
            self._con.execute(f"LOAD '{fts_extension_path()}'")
            self._fts_loaded = True

    def counts(self) -> Counts:
        row = self._con.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM entity_mentions),"
            " (SELECT count(*) FROM statements), (SELECT count(*) FROM rejections),"
            " (SELECT count(*) FROM entities), (SELECT count(*) FROM claims), (SELECT count(*) FROM disputes)"
        ).fetchone()
        assert row is not None
        return Counts(*row)

    def labels(self) -> dict[str, tuple[str | None, str | None, dt.date | None]]:
        """Document id -> (title, outlet, publication date), without reading the texts."""
        rows = self._con.execute("SELECT id, title, outlet, published FROM documents").fetchall()
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def sources_with_hash(self) -> dict[str, str]:
        return dict(self._con.execute("SELECT source, content_hash FROM documents").fetchall())

    def documents(self) -> Iterator[Document]:
        cur = self._con.execute(f"SELECT {_DOC_COLUMNS} FROM documents ORDER BY source, id")
        while rows := cur.fetchmany(256):
            yield from (_document_from_row(r) for r in rows)

    def find_document(self, id_prefix: str) -> list[Document]:
        rows = self._con.execute(
            f"SELECT {_DOC_COLUMNS} FROM documents WHERE starts_with(id, ?) ORDER BY id LIMIT 2",
            [id_prefix],
        ).fetchall()
        return [_document_from_row(r) for r in rows]

    def mentions(self, *, doc: str | None = None) -> list[EntityMention]:
        return self._spans("entity_mentions", EntityMention, doc)

    def rejections(self) -> list[Rejection]:
        rows = self._con.execute("SELECT source, reason, stage FROM rejections ORDER BY source").fetchall()
        return [Rejection(r[0], r[1], r[2]) for r in rows]

    # -- fetched pages (claimgraph.collect) -------------------------------------------------------

    def record_responses(self, responses: Sequence[tuple[HttpResponse, str]]) -> int:
        """Keep answers (each with its content hash) and their validators, in one transaction; the
        bytes are stored once per final URL and content. Returns how many answers were new."""
        if not responses:
            return 0
        latest = {response.url: (response, digest) for response, digest in responses}
        with self._transaction():
            hashes = sorted({digest for _, digest in latest.values()})
            stored = set(
                self._con.execute(
                    "SELECT final_url, content_hash FROM http_responses WHERE list_contains(?, content_hash)",
                    [hashes],
                ).fetchall()
            )
            new: dict[tuple[str, str], HttpResponse] = {}
            for response, digest in latest.values():
                if (response.final_url, digest) not in stored:
                    new.setdefault((response.final_url, digest), response)
            if new:
                self._insert_columns(
                    "http_responses",
                    {
                        "url": [r.url for r in new.values()],
                        "final_url": [key[0] for key in new],
                        "status": [r.status for r in new.values()],
                        "headers": [
                            json.dumps([list(h) for h in r.headers], ensure_ascii=False) for r in new.values()
                        ],
                        "body": [r.body for r in new.values()],
                        "content_hash": [key[1] for key in new],
                    },
                )
            self._con.execute("DELETE FROM http_validators WHERE list_contains(?, url)", [list(latest)])
            self._insert_columns(
                "http_validators",
                {
                    "url": list(latest),
                    "final_url": [r.final_url for r, _ in latest.values()],
                    "content_hash": [d for _, d in latest.values()],
                    "etag": [r.header("ETag") for r, _ in latest.values()],
                    "last_modified": [r.header("Last-Modified") for r, _ in latest.values()],
                },
            )
        return len(new)

    def record_response(self, response: HttpResponse, *, content_hash: str) -> bool:
        """``record_responses`` for one answer: True when its bytes were new."""
        return self.record_responses([(response, content_hash)]) == 1

    def validators_of(self, urls: Sequence[str]) -> dict[str, tuple[str | None, str | None]]:
        """``validators`` of many URLs in one query (only those with a stored answer)."""
        rows = self._con.execute(
            "SELECT url, etag, last_modified FROM http_validators WHERE list_contains(?, url)", [list(urls)]
        ).fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) of the latest stored answer for ``url``; (None, None) without one."""
        row = self._con.execute(
            "SELECT etag, last_modified FROM http_validators WHERE url = ?", [url]
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def stored_response(self, url: str) -> HttpResponse | None:
        """The latest stored answer for ``url`` (asked for as such), which a 304 says is still current."""
        row = self._con.execute(
            "SELECT r.url, r.final_url, r.status, r.headers, r.body FROM http_validators v"
            " JOIN http_responses r ON r.final_url = v.final_url AND r.content_hash = v.content_hash"
            " WHERE v.url = ? LIMIT 1",
            [url],
        ).fetchone()
        if row is None:
            return None
        headers = tuple((str(k), str(v)) for k, v in json.loads(row[3]))
        return HttpResponse(url=url, final_url=row[1], status=row[2], headers=headers, body=bytes(row[4]))

    def responses(self) -> list[tuple[str, str, int, str]]:
        """(url, final URL, status, content hash) of every stored answer, oldest first."""
        rows = self._con.execute(
            "SELECT url, final_url, status, content_hash FROM http_responses ORDER BY fetched_at, url"
        ).fetchall()
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def listed_urls(self, listing: str) -> set[str]:
        """The items of a feed or sitemap fetched by an earlier run."""
        rows = self._con.execute("SELECT url FROM listed_urls WHERE listing = ?", [listing]).fetchall()
        return {r[0] for r in rows}

    def record_listed(self, listing: str, urls: Sequence[str]) -> None:
        if not urls:
            return
        with self._transaction():
            self._con.execute(
                "INSERT INTO listed_urls (listing, url) SELECT ?, unnest(?)", [listing, list(urls)]
            )

    # -- the corpus-wide stages (claimgraph.update) ----------------------------------------------

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The open connection, for the set-based corpus-wide stages of ``claimgraph.update``, which own
        their tables; everything else reads and writes through the methods of this class."""
        return self._con

    def transaction(self) -> Store._Tx:
        """All of the block's writes or none of them."""
        return self._transaction()

    def search(self, query: str, *, limit: int) -> list[tuple[str, float]]:
        """(document id, BM25 score) best first."""
        self._load_fts()
        try:
            rows = self._con.execute(
                "SELECT id, score FROM (SELECT id, fts_main_documents.match_bm25(id, ?) AS score"
                " FROM documents) WHERE score IS NOT NULL ORDER BY score DESC, id LIMIT ?",
                [query, limit],
            ).fetchall()
        except duckdb.CatalogException as exc:
            raise StoreError(f"{self.path}: no search index yet; run `claimgraph ingest` first") from exc
        return [(r[0], float(r[1])) for r in rows]


# A writer waits this long for readers to let go of the file: `claimgraph serve` holds it for as long as
# copying it takes, a `claimgraph show` for its one query. Readers never wait: the server, for one,
# answers from its last copy while a writer is at work.
WRITER_WAITS_SECONDS: Final = 30.0


def _connect(path: str, *, read_only: bool, config: dict[str, Any]) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + (0.0 if read_only else WRITER_WAITS_SECONDS)
    while True:
        try:
            return duckdb.connect(path, read_only=read_only, config=config)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


def _unindexed(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the full-text index misses a stored document or holds a removed one: an ingest stopped
    between storing a batch and rebuilding the index at its end."""
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables"
        " WHERE table_schema = 'fts_main_documents' AND table_name = 'docs'"
    ).fetchone()
    if not (row and row[0]):
        row = con.execute("SELECT EXISTS (SELECT 1 FROM documents)").fetchone()
        return bool(row and row[0])
    row = con.execute(
        "SELECT EXISTS (SELECT 1 FROM documents ANTI JOIN fts_main_documents.docs f ON f.name = documents.id)"
        " OR EXISTS (SELECT 1 FROM fts_main_documents.docs f ANTI JOIN documents d ON d.id = f.name)"
    ).fetchone()
    return bool(row and row[0])


def _pending(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether documents were stored or removed since the corpus-wide stages last ran."""
    row = con.execute(
        "SELECT EXISTS (SELECT 1 FROM documents ANTI JOIN corpus_documents c ON c.doc = documents.id)"
        " OR EXISTS (SELECT 1 FROM corpus_documents ANTI JOIN documents d ON d.id = corpus_documents.doc)"
    ).fetchone()
    return bool(row and row[0])


_DOC_COLUMNS = (
    "id, source, content_hash, text, raw, media_type, extractor,"
    " title, outlet, authors, published, url, language"
)


def _document_from_row(r: tuple[Any, ...]) -> Document:
    published: dt.date | None = r[10]
    return Document(
        id=r[0],
        source=r[1],
        content_hash=r[2],
        text=r[3],
        raw=r[4],
        media_type=r[5],
        extractor=r[6],
        metadata=Metadata(
            title=r[7], outlet=r[8], authors=tuple(r[9]), published=published, url=r[11], language=r[12]
        ),
    )


def _statement_from_row(r: tuple[Any, ...]) -> Statement:
    doc = r[1]

    def span(start: int | None, end: int | None) -> Span | None:
        return None if start is None or end is None else Span(doc, start, end)

    return Statement(
        id=r[0],
        content=Span(doc, r[2], r[3]),
        content_text=r[18],
        kind=r[4],
        cue=r[5],
        cue_span=span(r[6], r[7]),
        speaker=Speaker(
            text=r[8],
            span=span(r[9], r[10]),
            referent=span(r[11], r[12]),
            description=r[13],
            anonymous=r[14],
            author=r[19],
        ),
        channel=r[15],
        said_on=r[16],
        stage=r[17],
    )
