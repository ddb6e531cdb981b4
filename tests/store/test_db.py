from __future__ import annotations

import datetime as dt
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from claimgraph.errors import StoreError
from claimgraph.models import Document, EntityMention, Metadata, Rejection, Span
from claimgraph.store import Store, StoredBatch
from claimgraph.store.schema import MIGRATIONS


def make_doc(n: int, *, source: str | None = None) -> Document:
    text = f"Document {n} says Kyiv holds."
    return Document(
        id=f"doc{n:013d}",
        source=source or f"in/{n}.txt",
        content_hash=f"hash{n}",
        text=text,
        raw=text,
        media_type="text/plain",
        extractor="furniture-filter",
        metadata=Metadata(title=f"T{n}", authors=("A",), published=dt.date(2024, 3, n % 28 + 1)),
    )


def mention(doc: Document) -> EntityMention:
    start = doc.text.index("Kyiv")
    return EntityMention(Span(doc.id, start, start + 4), "Kyiv", "GPE", "gazetteer")


def test_migrations_apply_once_and_in_order(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        assert store.applied_migrations() == [name for name, _ in MIGRATIONS]
    with Store(db) as store:  # reopening applies nothing twice
        assert store.applied_migrations() == [name for name, _ in MIGRATIONS]


def test_batch_round_trip(tmp_path: Path) -> None:
    docs = [make_doc(1), make_doc(2)]
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch(StoredBatch(docs, [mention(d) for d in docs], []))
        assert list(store.documents()) == docs
        assert store.mentions(doc=docs[0].id) == [mention(docs[0])]
        assert store.known_hashes(["hash1", "other"]) == {"hash1"}
        assert store.counts().documents == 2


def test_failed_batch_leaves_nothing_behind(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch(StoredBatch([make_doc(1)], [], []))
        clash = make_doc(2)
        # Same content hash as a stored document violates the UNIQUE constraint mid-batch.
        bad = Document(
            id="fresh0000000000",
            source="in/x.txt",
            content_hash="hash1",
            text="x",
            raw="x",
            media_type="text/plain",
            extractor="e",
            metadata=Metadata(),
        )
        with pytest.raises(Exception, match=r"(?i)constraint|duplicate"):
            store.write_batch(StoredBatch([clash, bad], [mention(clash)], []))
        assert [d.id for d in store.documents()] == [make_doc(1).id]
        assert store.mentions() == []


def test_replacing_a_source_removes_the_old_version(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        old = make_doc(1, source="in/a.txt")
        store.write_batch(StoredBatch([old], [mention(old)], []))
        new = make_doc(2, source="in/a.txt")
        store.write_batch(StoredBatch([new], [mention(new)], ["in/a.txt"]))
        assert [d.id for d in store.documents()] == [new.id]
        assert {m.span.doc for m in store.mentions()} == {new.id}


def test_rejections_are_kept_until_the_source_is_stored(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.record_rejections([Rejection("in/1.txt", "empty file")])
        store.record_rejections([Rejection("in/1.txt", "binary file")])
        assert store.rejections() == [Rejection("in/1.txt", "binary file")]
        store.write_batch(StoredBatch([make_doc(1)], [], []))
        assert store.rejections() == []


def test_full_text_search_ranks_matching_documents(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        docs = [make_doc(1), make_doc(2)]
        docs[1] = replace(docs[1], text="Bridge destroyed.")
        store.write_batch(StoredBatch(docs, [], []))
        store.rebuild_search_index()
        assert [doc_id for doc_id, _ in store.search("bridge", limit=5)] == [docs[1].id]
        assert store.search("kyiv", limit=5)[0][0] == docs[0].id


def test_read_only_open_of_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store here"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_rows_a_killed_process_left_in_the_log_are_all_found_by_document(tmp_path: Path) -> None:
    # A process that dies before its checkpoint leaves its rows in the write-ahead log; the next
    # read-write open replays and checkpoints them. With DuckDB 1.5's secondary indexes that lost
    # the index entries (duckdb/duckdb#23848), and a filter by document found none of the rows.
    db = tmp_path / "s.duckdb"
    script = (
        "import os, sys\n"
        "sys.path[:0] = [sys.argv[2]]\n"
        "from tests.store.test_db import make_doc, mention\n"
        "from claimgraph.store import Store, StoredBatch\n"
        "store = Store(sys.argv[1])\n"
        "docs = [make_doc(n) for n in range(1, 4)]\n"
        "store.write_batch(StoredBatch(docs, [mention(d) for d in docs], []))\n"
        "os._exit(0)\n"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", script, str(db), str(root)], check=True)
    assert db.with_name(db.name + ".wal").exists(), "the rows were checkpointed: the test tests nothing"
    Store(db).close()  # replays the log and checkpoints
    with Store(db, read_only=True) as store:
        for n in range(1, 4):
            doc = make_doc(n)
            assert store.mentions(doc=doc.id) == [mention(doc)]
            assert [d.id for d in store.documents() if d.source == doc.source] == [doc.id]
