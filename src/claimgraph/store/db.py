"""The DuckDB store: one writer, one transaction per batch, full-text search by the FTS extension."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from claimgraph.errors import StoreError
from claimgraph.models import Document, EntityMention, Metadata, Rejection
from claimgraph.store.schema import MIGRATIONS


@dataclass(frozen=True, slots=True)
class StoredBatch:
    documents: Sequence[Document]
    mentions: Sequence[EntityMention]
    replaced_sources: Sequence[str]
    """Sources whose earlier version is removed in the same transaction."""


@dataclass(frozen=True, slots=True)
class Counts:
    documents: int
    entity_mentions: int
    rejections: int


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

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no store here; run `claimgraph ingest` first")
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
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

    def _migrate(self) -> None:
        self._con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
        )
        applied = {row[0] for row in self._con.execute("SELECT name FROM schema_migrations").fetchall()}
        for name, sql in MIGRATIONS:
            if name in applied:
                continue
            with self._transaction():
                self._con.execute(sql)
                self._con.execute("INSERT INTO schema_migrations (name) VALUES (?)", [name])

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
        docs = batch.documents
        with self._transaction():
            if batch.replaced_sources:
                stale = [
                    r[0]
                    for r in self._con.execute(
                        "SELECT id FROM documents WHERE list_contains(?, source)",
                        [list(batch.replaced_sources)],
                    ).fetchall()
                ]
                self._delete_documents(stale)
            if docs:
                self._con.execute(
                    "INSERT INTO documents (id, content_hash, source, title, outlet, authors, published, url,"
                    " language, text, raw, media_type, extractor) SELECT * FROM (SELECT unnest($1),"
                    " unnest($2), unnest($3), unnest($4), unnest($5), unnest($6), unnest($7), unnest($8),"
                    " unnest($9), unnest($10), unnest($11), unnest($12), unnest($13))",
                    [
                        [d.id for d in docs],
                        [d.content_hash for d in docs],
                        [d.source for d in docs],
                        [d.metadata.title for d in docs],
                        [d.metadata.outlet for d in docs],
                        [list(d.metadata.authors) for d in docs],
                        [d.metadata.published for d in docs],
                        [d.metadata.url for d in docs],
                        [d.metadata.language for d in docs],
                        [d.text for d in docs],
                        [d.raw for d in docs],
                        [d.media_type for d in docs],
                        [d.extractor for d in docs],
                    ],
                )
                self._con.execute(
                    "DELETE FROM rejections WHERE list_contains(?, source)", [[d.source for d in docs]]
                )
            if batch.mentions:
                ms = batch.mentions
                self._con.execute(
                    'INSERT INTO entity_mentions (doc, start, "end", text, label, stage) SELECT * FROM'
                    " (SELECT unnest($1), unnest($2), unnest($3), unnest($4), unnest($5), unnest($6))",
                    [
                        [m.span.doc for m in ms],
                        [m.span.start for m in ms],
                        [m.span.end for m in ms],
                        [m.text for m in ms],
                        [m.label for m in ms],
                        [m.stage for m in ms],
                    ],
                )

    def _delete_documents(self, ids: Sequence[str]) -> None:
        if not ids:
            return
        self._con.execute("DELETE FROM entity_mentions WHERE list_contains(?, doc)", [list(ids)])
        self._con.execute("DELETE FROM documents WHERE list_contains(?, id)", [list(ids)])

    def record_rejections(self, rejections: Sequence[Rejection]) -> None:
        if not rejections:
            return
        with self._transaction():
            self._con.execute(
                "INSERT OR REPLACE INTO rejections (source, reason) SELECT * FROM"
                " (SELECT unnest($1), unnest($2))",
                [[r.source for r in rejections], [r.reason for r in rejections]],
            )

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
            " (SELECT count(*) FROM rejections)"
        ).fetchone()
        assert row is not None
        return Counts(documents=row[0], entity_mentions=row[1], rejections=row[2])

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
        from claimgraph.models import Span

        sql = 'SELECT doc, start, "end", text, label, stage FROM entity_mentions'
        params: list[Any] = []
        if doc is not None:
            sql += " WHERE doc = ?"
            params.append(doc)
        rows = self._con.execute(sql + ' ORDER BY doc, start, "end"', params).fetchall()
        return [EntityMention(Span(r[0], r[1], r[2]), r[3], r[4], r[5]) for r in rows]

    def rejections(self) -> list[Rejection]:
        rows = self._con.execute("SELECT source, reason FROM rejections ORDER BY source").fetchall()
        return [Rejection(r[0], r[1]) for r in rows]

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
