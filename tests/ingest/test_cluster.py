"""The dask engine: the same store as the local engine, idempotent, and its errors.

Most tests run the engine on an in-process cluster; those named "separate processes" run it as a user
does, with a scheduler, two workers and the CLI each in a process of its own on 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pytest
from distributed import Client, LocalCluster

from claimgraph.cli import main
from claimgraph.errors import ModelMissing, SchedulerLost, ShardDirUnreachable
from claimgraph.export import build_export
from claimgraph.ingest import cluster, ingest, pipeline
from claimgraph.ingest.cluster import ingest_on_cluster, write_parquet_batch
from claimgraph.ingest.pipeline import DocumentRecords, Pending
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
    from distributed import Worker
    from spacy.language import Language

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    # One cluster for the module: starting workers and loading spaCy in each takes seconds. Not the
    # default client, as the one the CLI connects is not either.
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local,
        Client(local, set_as_default=False) as connected,
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


def numbered_corpus(folder: Path, count: int, *, poison: int | None = None) -> Path:
    folder.mkdir()
    for i in range(count):
        mark = "POISON " if i == poison else ""
        (folder / f"{i}.txt").write_text(f"{mark}The governor said on Monday that item {i} holds firm.")
    return folder


def poisoned(inputs: Iterable[Pending]) -> bool:
    return any("POISON" in pending.raw.content for pending in inputs)


@contextmanager
def in_process_client() -> Iterator[Client]:
    # In-process workers, so that the patches of a test reach them; one thread runs the tasks in order.
    with (
        LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0") as local,
        Client(local, set_as_default=False) as connected,
    ):
        yield connected


@pytest.fixture
def tasks_fail_with_poison(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every task whose partition holds a POISON document fails as a whole, as when its worker runs out
    of memory: not an error of one document's stages, which becomes its rejection inside the task."""
    monkeypatch.setattr(cluster, "_worker_pipeline", lambda settings: nlp)

    def fail_with_poison(
        inputs: Iterable[Pending], nlp: Language, *, settings: Settings
    ) -> Iterator[DocumentRecords | Rejection]:
        inputs = list(inputs)
        if poisoned(inputs):
            raise MemoryError("the task ran out of memory")
        return pipeline.analysed(inputs, nlp, settings=settings)

    monkeypatch.setattr(cluster, "analysed", fail_with_poison)


@pytest.mark.usefixtures("tasks_fail_with_poison")
def test_a_failed_task_is_retried_one_document_per_task(tmp_path: Path) -> None:
    corpus = numbered_corpus(tmp_path / "in", 7, poison=4)
    settings = Settings(db=str(tmp_path / "s.duckdb"), progress=False, shard_docs=3)
    with in_process_client() as in_process:
        report = ingest_on_cluster([corpus], settings=settings, client=in_process)

    poison = Rejection(
        str(corpus / "4.txt"), "worker failed (MemoryError: the task ran out of memory)", "worker"
    )
    assert (report.new, report.rejected) == (6, [poison])
    with Store(settings.db, read_only=True) as store:
        assert sorted(Path(d.source).name for d in store.documents()) == [
            f"{i}.txt" for i in (0, 1, 2, 3, 5, 6)
        ]
        assert store.rejections() == [poison]
    assert not Path(f"{settings.db}.shards").exists()


def test_a_document_the_store_refuses_costs_only_itself(
    client: Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The analysis runs on the workers; the driver stores each partition, here in one transaction
    # that fails, then one document at a time.
    corpus = numbered_corpus(tmp_path / "in", 5, poison=1)
    (corpus / "empty.txt").write_text("")
    settings = Settings(db=str(tmp_path / "s.duckdb"), progress=False, shard_docs=6)
    real_transaction = Store._transaction

    @contextmanager
    def fragile_transaction(self: Store) -> Iterator[None]:
        with real_transaction(self):
            yield
            # Before the commit, after the rows went in: they must be rolled back.
            stored = self.connection.execute("SELECT text FROM documents").fetchall()
            if any("POISON" in text for (text,) in stored):
                raise duckdb.ConstraintException("injected failure")

    monkeypatch.setattr(Store, "_transaction", fragile_transaction)
    report = ingest_on_cluster([corpus], settings=settings, client=client)
    assert report.new == 4
    assert sorted((Path(r.source).name, r.stage) for r in report.rejected) == [
        ("1.txt", "store"),
        ("empty.txt", "read"),
    ]
    with Store(settings.db, read_only=True) as store:
        assert sorted(Path(d.source).name for d in store.documents()) == ["0.txt", "2.txt", "3.txt", "4.txt"]
        assert sorted((Path(r.source).name, r.stage) for r in store.rejections()) == [
            ("1.txt", "store"),
            ("empty.txt", "read"),
        ]
        assert len(store.statements()) == 4


@pytest.mark.usefixtures("tasks_fail_with_poison")
def test_with_fail_fast_a_failed_task_stops_the_run(tmp_path: Path) -> None:
    corpus = numbered_corpus(tmp_path / "in", 4, poison=2)
    settings = Settings(db=str(tmp_path / "s.duckdb"), progress=False, shard_docs=2, fail_fast=True)
    with in_process_client() as in_process, pytest.raises(MemoryError, match="the task ran out of memory"):
        ingest_on_cluster([corpus], settings=settings, client=in_process)
    with Store(settings.db, read_only=True) as store:
        assert (store.counts().documents, store.rejections()) == (2, [])


def test_a_task_error_too_deep_to_send_is_retried_like_any_other(client: Client, tmp_path: Path) -> None:
    # Patched in the worker processes themselves (functions defined here travel by value).
    def recurse_on_poison() -> None:
        from claimgraph.ingest import cluster, pipeline

        def analysed(
            inputs: Iterable[Pending], nlp: Language, *, settings: Settings
        ) -> Iterator[DocumentRecords | Rejection]:
            inputs = list(inputs)
            if any("POISON" in pending.raw.content for pending in inputs):

                def deeper(n: int) -> int:
                    return deeper(n + 1)

                deeper(0)
            return pipeline.analysed(inputs, nlp, settings=settings)

        cluster.analysed = analysed  # type: ignore[attr-defined]

    def unpatch() -> None:
        from claimgraph.ingest import cluster, pipeline

        cluster.analysed = pipeline.analysed  # type: ignore[attr-defined]

    corpus = numbered_corpus(tmp_path / "in", 3, poison=1)
    db, log = tmp_path / "s.duckdb", tmp_path / "ingest.log"
    client.run(recurse_on_poison)
    try:
        # By the CLI, in a process of its own: were the driver to wait for ever, the test would not.
        address = client.scheduler_info()["address"]
        with cli_ingest([corpus], db=db, address=address, options=[], log=log) as ingest_run:
            assert finished(ingest_run, log) == 3, log.read_text()
    finally:
        client.run(unpatch)
    reason = "worker failed (RecursionError: maximum recursion depth exceeded)"
    with Store(db, read_only=True) as store:
        assert store.rejections() == [Rejection(str(corpus / "1.txt"), reason, "worker")]
        assert sorted(Path(d.source).name for d in store.documents()) == ["0.txt", "2.txt"]


def test_a_task_failing_for_its_worker_stops_the_run_and_keeps_what_was_stored(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A worker without the model fails every document alike: no retry, the run stops.
    tasks = itertools.count()

    def model_on_the_first_task_only(settings: Settings) -> Language:
        if next(tasks):
            raise ModelMissing(settings.spacy_model)
        return nlp

    monkeypatch.setattr(cluster, "_worker_pipeline", model_on_the_first_task_only)
    corpus = numbered_corpus(tmp_path / "in", 4)
    settings = Settings(db=str(tmp_path / "s.duckdb"), progress=False, shard_docs=2)
    with in_process_client() as in_process:
        with pytest.raises(ModelMissing):
            ingest_on_cluster([corpus], settings=settings, client=in_process)
        with Store(settings.db, read_only=True) as store:
            assert (store.counts().documents, store.rejections()) == (2, [])
        assert not Path(f"{settings.db}.shards").exists()

        monkeypatch.setattr(cluster, "_worker_pipeline", lambda settings: nlp)
        resumed = ingest_on_cluster([corpus], settings=settings, client=in_process)
    assert (resumed.new, resumed.unchanged) == (2, 2)


def test_a_worker_without_the_shard_folder_says_it_must_be_shared(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "s.duckdb"))
    with pytest.raises(ShardDirUnreachable, match="must be on a filesystem the workers and the ingesting"):
        cluster._analyse_partition(
            cluster._Partition("000000", []), settings=settings, folder=str(tmp_path / "gone")
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
    assert direct["rejections"] == [("in/b.txt", "binary file", "read")]


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


# -- separate processes ---------------------------------------------------------------------------

# Bounds on the waits below: generous for two busy cores, finite so that a hang fails the test.
START_TIMEOUT_S = 60.0
INGEST_TIMEOUT_S = 300.0
STOP_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class ProcessCluster:
    address: str
    observer: Client  # the test's own connection to the scheduler, to watch the run


@pytest.fixture
def start_cluster(tmp_path: Path) -> Iterator[Callable[..., ProcessCluster]]:
    """Starts a scheduler and two one-thread workers, each a process of its own on 127.0.0.1 as
    `dask scheduler` and `dask worker` start them; stops them all, whatever the test did."""
    processes: list[subprocess.Popen[bytes]] = []
    observers: list[Client] = []

    def start(*, preload: Path | None = None, allowed_failures: int | None = None) -> ProcessCluster:
        address = f"tcp://127.0.0.1:{unused_port()}"
        env = dict(os.environ)
        if allowed_failures is not None:
            env["DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES"] = str(allowed_failures)
        scheduler = ["scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1]]
        processes.append(spawn([*scheduler, "--no-dashboard"], tmp_path / "scheduler.log", env=env))
        for n in range(2):
            worker = ["worker", address, "--host", "127.0.0.1", "--nworkers", "1", "--nthreads", "1"]
            worker += ["--no-dashboard", "--local-directory", str(tmp_path / f"worker{n}")]
            worker += ["--preload", str(preload)] if preload is not None else []
            processes.append(spawn(worker, tmp_path / f"worker{n}.log", env=env))
        observer = Client(address, timeout=START_TIMEOUT_S, set_as_default=False)
        observers.append(observer)
        observer.wait_for_workers(2, timeout=START_TIMEOUT_S)
        return ProcessCluster(address, observer)

    try:
        yield start
    finally:
        for observer in observers:
            observer.close()
        stop(processes)


def spawn(args: list[str], log: Path, *, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """A `dask` command in a session of its own, so that stop() reaches the processes it spawns."""
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "dask", *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )


def stop(processes: list[subprocess.Popen[bytes]]) -> None:
    # Workers first, so that they leave a live scheduler and close at once instead of waiting for it.
    for process in reversed(processes):
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        with suppress(subprocess.TimeoutExpired):
            process.wait(timeout=STOP_TIMEOUT_S)
    for process in processes:
        # Whatever is left of each session: a worker that did not close, a nanny's worker process.
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextmanager
def cli_ingest(
    paths: list[Path], *, db: Path, address: str, options: list[str], log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """`claimgraph ingest --engine dask` running in a process of its own, stopped if still running."""
    argv = ["ingest", *map(str, paths), "--db", str(db), "--engine", "dask", "--scheduler", address]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "claimgraph.cli", *argv, "--no-progress", *options],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield process
    finally:
        stop([process])


def finished(process: subprocess.Popen[bytes], log: Path) -> int:
    try:
        return process.wait(timeout=INGEST_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the ingest did not end within {INGEST_TIMEOUT_S:g} s:\n{log.read_text()}")


def assert_same_store(db: Path, expected: Path) -> None:
    """The same rows, but for the rejections, as a store the local engine made; the same export."""
    found, wanted = rows(db), rows(expected)
    assert {t: r for t, r in found.items() if t != "rejections"} == {
        t: r for t, r in wanted.items() if t != "rejections"
    }
    with Store(db, read_only=True) as a, Store(expected, read_only=True) as b:
        assert build_export(a) == build_export(b)


def test_separate_processes_the_cli_stores_what_the_local_engine_stores(
    start_cluster: Callable[..., ProcessCluster], tmp_path: Path, sample_db: Path
) -> None:
    running = start_cluster()
    db, log = tmp_path / "dask.duckdb", tmp_path / "ingest.log"
    with cli_ingest([SAMPLES], db=db, address=running.address, options=[], log=log) as ingest_run:
        assert finished(ingest_run, log) == 0, log.read_text()
    assert rows(db) == rows(sample_db)
    assert_same_store(db, sample_db)
    assert not Path(f"{db}.shards").exists()


def test_separate_processes_a_worker_killed_mid_run_costs_only_a_retry(
    start_cluster: Callable[..., ProcessCluster], tmp_path: Path, sample_db: Path
) -> None:
    def executing(dask_worker: Worker) -> tuple[int, list[str]]:
        # Defined here, so that it travels to the workers by value: they cannot import the tests.
        return os.getpid(), [str(task.key) for task in dask_worker.state.executing]

    running = start_cluster()
    db, log = tmp_path / "dask.duckdb", tmp_path / "ingest.log"
    # One document per task: many tasks, so that the kill surely lands while some are left to run.
    options = ["--shard-docs", "1"]
    with cli_ingest([SAMPLES], db=db, address=running.address, options=options, log=log) as ingest_run:
        deadline = time.monotonic() + START_TIMEOUT_S
        victim = None
        while victim is None:
            assert ingest_run.poll() is None, f"the ingest ended before any task ran:\n{log.read_text()}"
            assert time.monotonic() < deadline, "no worker ran an ingest task"
            at_work = running.observer.run(executing)
            victim = next(
                (pid for pid, keys in at_work.values() if any("claimgraph-ingest" in k for k in keys)), None
            )
            time.sleep(0.05)
        os.kill(victim, signal.SIGKILL)
        assert ingest_run.poll() is None, "the kill came after the ingest had ended"
        assert finished(ingest_run, log) == 0, log.read_text()
    assert rows(db) == rows(sample_db)
    assert_same_store(db, sample_db)
    # The killed worker's nanny has started another in its place.
    running.observer.wait_for_workers(2, timeout=START_TIMEOUT_S)
    workers = running.observer.run(os.getpid)
    assert len(workers) == 2
    assert victim not in workers.values()


POISON_PRELOAD = """
import os

from claimgraph.ingest import cluster, pipeline


def _exit_on_poison(inputs, nlp, *, settings):
    # Like a crash in native code: the worker process ends at once, with nothing reported.
    if any("POISON" in pending.raw.content for pending in inputs):
        os._exit(70)
    # Not a copy of cluster.analysed taken here: dask may run a preload twice in one process.
    return pipeline.analysed(inputs, nlp, settings=settings)


cluster.analysed = _exit_on_poison
"""


def test_separate_processes_a_document_that_kills_its_worker_costs_only_itself(
    start_cluster: Callable[..., ProcessCluster], tmp_path: Path, sample_db: Path
) -> None:
    preload = tmp_path / "poison_preload.py"
    preload.write_text(POISON_PRELOAD)
    # Fewer deaths per task than dask's default of four keeps the restarts few enough to be quick.
    running = start_cluster(preload=preload, allowed_failures=1)
    poison = tmp_path / "poison" / "poison.txt"
    poison.parent.mkdir()
    poison.write_text("POISON The governor said on Monday that the line holds firm.")
    db, log = tmp_path / "dask.duckdb", tmp_path / "ingest.log"
    options = ["--shard-docs", "4"]
    paths = [poison.parent, SAMPLES]
    with cli_ingest(paths, db=db, address=running.address, options=options, log=log) as ingest_run:
        assert finished(ingest_run, log) == 3, log.read_text()
    reason = "the dask worker analysing it died, each of the 2 times it was tried alone"
    with Store(db, read_only=True) as store:
        assert [(r.source, r.stage) for r in store.rejections()] == [(str(poison), "worker")]
        assert store.rejections()[0].reason.startswith(reason)
    assert_same_store(db, sample_db)


def test_separate_processes_a_scheduler_that_goes_away_is_named_and_the_store_kept(
    start_cluster: Callable[..., ProcessCluster], tmp_path: Path
) -> None:
    running = start_cluster()
    db, log = tmp_path / "dask.duckdb", tmp_path / "ingest.log"
    with cli_ingest([SAMPLES], db=db, address=running.address, options=["--shard-docs", "1"], log=log) as run:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not Path(f"{db}.shards").exists() or not any(Path(f"{db}.shards").iterdir()):
            assert run.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "the ingest never started a task"
            time.sleep(0.05)
        os.kill(running.observer.run_on_scheduler(os.getpid), signal.SIGKILL)
        assert finished(run, log) == SchedulerLost.exit_status, log.read_text()
    # distributed logs its own attempts to reconnect; the command ends with what happened.
    last = log.read_text().strip().splitlines()[-1]
    assert last.startswith("claimgraph: scheduler-lost: the dask scheduler at tcp://127.0.0.1:")
    assert "went away during the ingest" in last
    with Store(db, read_only=True) as store:
        store.counts()  # the store opens: what was stored before the loss is intact
