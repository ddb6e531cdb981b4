"""The dask engine: the same store as the local engine, idempotent, and its errors."""

from __future__ import annotations

import datetime as dt
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pytest
from distributed import Client, LocalCluster

from claimgraph.cli import main
from claimgraph.errors import ShardDirUnreachable
from claimgraph.export import build_export
from claimgraph.ingest import cluster, ingest, pipeline
from claimgraph.ingest.cluster import ingest_on_cluster, write_parquet_batch
from claimgraph.models import (
    Document,
    EntityMention,
    Metadata,
    Quantity,
    Rejection,
    Span,
    Speaker,
    Statement,
    TimeMention,
)
from claimgraph.settings import Settings
from claimgraph.store import Store, StoredBatch
from claimgraph.store.db import PARQUET_TABLES

from ..conftest import SAMPLES

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    # One cluster for the module: starting workers and loading spaCy in each takes seconds.
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local,
        Client(local) as connected,
    ):
        yield connected


def rows(db: str | Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables ingest writes, without the times they were written."""
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            table: con.execute(
                f"SELECT COLUMNS(c -> c NOT IN ('ingested_at', 'rejected_at')) FROM {table} ORDER BY ALL"
            ).fetchall()
            for table in PARQUET_TABLES
        }


def test_dask_engine_stores_what_the_local_engine_stores(
    client: Client, shared: Path, tmp_path: Path, nlp: Language
) -> None:
    corpora = [shared / "corpus" / "dev", SAMPLES]
    on_cluster = Settings(db=str(tmp_path / "dask.duckdb"), progress=False, shard_docs=4)
    local = Settings(db=str(tmp_path / "local.duckdb"), progress=False, n_process=1)

    report = ingest_on_cluster(corpora, settings=on_cluster, client=client)
    expected = ingest(corpora, settings=local, nlp=nlp)
    assert (report.new, report.updated, report.unchanged, report.rejected) == (expected.new, 0, 0, [])
    assert (report.entity_mentions, report.statements) == (expected.entity_mentions, expected.statements)
    assert not Path(f"{on_cluster.db}.shards").exists(), "loaded shards are removed"
    assert rows(on_cluster.db) == rows(local.db)
    # The export holds no ingestion time, so the two must be equal as a whole.
    with Store(on_cluster.db, read_only=True) as a, Store(local.db, read_only=True) as b:
        assert build_export(a) == build_export(b)

    again = ingest_on_cluster(corpora, settings=on_cluster, client=client)
    assert (again.new, again.updated, again.unchanged) == (0, 0, expected.new)
    assert rows(on_cluster.db) == rows(local.db)


def test_a_changed_input_replaces_its_earlier_version(client: Client, tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The governor said on Monday that Bakhmut still holds firm.")
    (corpus / "b.txt").write_text("The mayor said on Tuesday that the bridge at Kherson was hit.")
    (corpus / "empty.txt").write_bytes(b"")
    settings = Settings(db=str(tmp_path / "s.duckdb"), progress=False, shard_docs=1)
    first = ingest_on_cluster([corpus], settings=settings, client=client)
    assert (first.new, [Path(r.source).name for r in first.rejected]) == (2, ["empty.txt"])

    (corpus / "a.txt").write_text("The governor said on Monday that Avdiivka still holds firm.")
    (corpus / "empty.txt").write_text("The spokesman said on Friday that the talks would resume.")
    changed = ingest_on_cluster([corpus], settings=settings, client=client)
    assert (changed.new, changed.updated, changed.unchanged, changed.rejected) == (1, 1, 1, [])
    with Store(settings.db, read_only=True) as store:
        texts = {Path(d.source).name: d.text for d in store.documents()}
        assert store.rejections() == []
    assert "Avdiivka" in texts["a.txt"]
    assert len(texts) == 3


def test_a_failed_task_keeps_the_partitions_stored_before_it(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In-process workers, so that the patches below reach them; one thread runs the tasks in order.
    monkeypatch.setattr(cluster, "_worker_pipeline", lambda settings: nlp)
    real_records = pipeline.document_records

    def fail_on_poison(prepared: pipeline.Prepared, spacy_doc: object, *, settings: Settings) -> object:
        if "POISON" in prepared.cleaned.text:
            raise RuntimeError("worker failed")
        return real_records(prepared, spacy_doc, settings=settings)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "document_records", fail_on_poison)
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(4):
        poison = "POISON " if i == 2 else ""
        (corpus / f"{i}.txt").write_text(f"{poison}The governor said on Monday that item {i} holds firm.")
    settings = Settings(db=str(tmp_path / "s.duckdb"), progress=False, shard_docs=2)
    with (
        LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0") as local,
        Client(local) as in_process,
    ):
        with pytest.raises(RuntimeError, match="worker failed"):
            ingest_on_cluster([corpus], settings=settings, client=in_process)
        with Store(settings.db, read_only=True) as store:
            assert store.counts().documents == 2
        assert not Path(f"{settings.db}.shards").exists()

        monkeypatch.setattr(pipeline, "document_records", real_records)
        resumed = ingest_on_cluster([corpus], settings=settings, client=in_process)
    assert (resumed.new, resumed.unchanged) == (2, 2)


def test_a_worker_without_the_shard_folder_says_it_must_be_shared(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "s.duckdb"))
    with pytest.raises(ShardDirUnreachable, match="must be on a filesystem the workers and the ingesting"):
        cluster._analyse_partition(
            cluster._Partition(0, []), settings=settings, folder=str(tmp_path / "gone")
        )


def test_parquet_shards_store_the_same_rows_as_write_batch(tmp_path: Path) -> None:
    earlier = make_document("old", source="in/a.txt", text="An earlier version.")
    doc = make_document("new", source="in/a.txt", text="Кyiv said «5–7 km» on Monday.")
    bare = Document(
        id="bare",
        source="feed.jsonl#3",
        content_hash="hash-bare",
        text="No metadata at all.",
        raw="{}",
        media_type="text/plain",
        extractor="furniture-filter",
        metadata=Metadata(),
    )
    batch = StoredBatch(
        documents=[doc, bare],
        mentions=[EntityMention(Span("new", 0, 4), "Кyiv", "GPE", "gazetteer")],
        replaced_sources=["in/a.txt"],
        statements=[
            Statement(
                id="s1",
                content=Span("new", 10, 20),
                content_text="«5–7 km»",
                kind="direct",
                speaker=Speaker("Кyiv", Span("new", 0, 4), Span("new", 0, 4), "the capital"),
                cue="said",
                cue_span=Span("new", 5, 9),
                stage="quotes",
                channel="TV",
                said_on=dt.date(2024, 3, 11),
            ),
            Statement(
                id="s2",
                content=Span("bare", 0, 5),
                content_text="No me",
                kind="indirect",
                speaker=Speaker("officials", None, anonymous=True),
                cue="according to",
                cue_span=None,
                stage="statements",
            ),
        ],
        times=[
            TimeMention(Span("new", 24, 30), "Monday", "DATE", "2024-03-11", "2024-03-11", "times"),
            TimeMention(Span("bare", 0, 2), "No", "SET", None, None, "times"),
        ],
        quantities=[
            Quantity(Span("new", 11, 18), "5–7 km", 5.0, 7.0, "km", None, None, "quantities"),
            Quantity(Span("bare", 0, 2), "No", 3, None, None, "vague", "metadata", "quantities"),
        ],
    )
    rejections = [Rejection("in/b.txt", "empty file"), Rejection("in/b.txt", "binary file")]
    nothing = StoredBatch(documents=[], mentions=[], replaced_sources=[])

    def prepared_store(db: Path) -> Store:
        store = Store(db)
        store.write_batch(StoredBatch([earlier], [], []))
        store.record_rejections([Rejection("in/a.txt", "was empty once")])
        return store

    with prepared_store(tmp_path / "direct.duckdb") as store:
        store.write_batch(batch)
        store.record_rejections(rejections)
        store.write_batch(nothing)
    with prepared_store(tmp_path / "parquet.duckdb") as store:
        for n, (part, part_rejections) in enumerate([(batch, rejections), (nothing, [])]):
            folder = tmp_path / f"shard{n}"
            folder.mkdir()
            write_parquet_batch(folder, part, part_rejections)
            store.load_parquet_batch(folder, replaced_sources=part.replaced_sources)

    direct = rows(tmp_path / "direct.duckdb")
    assert direct == rows(tmp_path / "parquet.duckdb")
    assert [r[0] for r in direct["documents"]] == ["bare", "new"]
    assert direct["rejections"] == [("in/b.txt", "binary file")]


def make_document(doc_id: str, *, source: str, text: str) -> Document:
    return Document(
        id=doc_id,
        source=source,
        content_hash=f"hash-{doc_id}",
        text=text,
        raw=text,
        media_type="text/html",
        extractor="trafilatura 2.3.1 + furniture-filter",
        metadata=Metadata(
            title="Т",
            outlet="The Outlet",
            authors=("Jane Roe", "Петро"),
            published=dt.date(2024, 3, 12),
            url="https://example.org/a",
            language="en",
        ),
    )


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.mark.parametrize(
    ("options", "status", "message"),
    [
        (["--engine", "dask"], 2, "needs the address of a scheduler: --scheduler tcp://HOST:8786"),
        (["--engine", "dask", "--scheduler", "nowhere"], 2, "'nowhere' is not a dask scheduler address"),
        (["--engine", "spark"], 2, "unknown ingest engine 'spark'; choose local or dask"),
    ],
)
def test_engine_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], status: int, message: str
) -> None:
    assert main(["ingest", str(SAMPLES), "--db", str(tmp_path / "s.duckdb"), *options]) == status
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_unreachable_scheduler_is_named_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT_S", 0.5)
    address = f"tcp://127.0.0.1:{unused_port()}"
    db = tmp_path / "s.duckdb"
    argv = ["ingest", str(SAMPLES), "--db", str(db), "--engine", "dask", "--scheduler", address]
    assert main(argv) == 6
    err = capsys.readouterr().err
    assert f"scheduler-unreachable: no dask scheduler answered at {address} within 0.5 s" in err
    assert not db.exists()


def test_missing_dask_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    argv = ["ingest", str(SAMPLES), "--db", str(tmp_path / "s.duckdb"), "--engine", "dask"]
    assert main([*argv, "--scheduler", "tcp://127.0.0.1:8786"]) == 5
    err = capsys.readouterr().err
    assert "the dask ingest engine needs the packages dask, distributed and pyarrow" in err
