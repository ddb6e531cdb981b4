"""The dask engine: ingest's per-document stages on a dask.distributed cluster, stored by one driver.

The driver (the process running ``claimgraph ingest --engine dask``) reads and hashes the inputs as
the local engine does, skips content already stored, and submits partitions of ``shard_docs``
inputs as tasks to the scheduler at ``settings.scheduler``. A task cleans, parses and extracts its
documents on a worker with the local engine's own per-document functions and writes the records as
Parquet files, one per table, into a folder of its own under ``shard_dir``: workers never open the
store, which has one writer. The driver stores each partition in one transaction as soon as it
finishes, so an interruption keeps every finished partition and a re-run resumes after them; then
it removes the partition's files.

The inputs travel inside the tasks rather than as paths: the driver has read every input already to
hash it, and a task that carries its inputs can be re-run on another worker when its worker dies.
Every worker needs claimgraph and the spaCy model installed; when workers run on other machines,
``shard_dir`` must be on a filesystem they and the driver share.
"""

from __future__ import annotations

import functools
import shutil
import socket
import threading
import time
import uuid
from collections.abc import Generator, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from claimgraph.errors import (
    EngineMissing,
    SchedulerUnreachable,
    ShardDirUnreachable,
    UsageError,
)
from claimgraph.ingest.pipeline import (
    IngestReport,
    Pending,
    analysed,
    finish_ingest,
    interrupted,
    pending_inputs,
    progress_bar,
    stored_batch,
)
from claimgraph.ingest.readers import discover
from claimgraph.models import Rejection
from claimgraph.settings import DEFAULT_SETTINGS, Settings
from claimgraph.store import Store, StoredBatch
from claimgraph.store.db import batch_tables, parquet_file, rejection_columns

if TYPE_CHECKING:
    from distributed import Client, Future
    from spacy.language import Language

CONNECT_TIMEOUT_S = 5.0
# Tasks queued per worker thread: enough that no worker waits while the driver stores a partition,
# few enough that only a bounded part of a large corpus is in flight at once.
_TASKS_PER_THREAD = 2


@dataclass(frozen=True, slots=True)
class _Partition:
    number: int
    inputs: list[Pending]


@dataclass(frozen=True, slots=True)
class _Done:
    """What a finished task tells the driver; its records wait in ``folder``."""

    folder: str
    inputs: int
    replaced_sources: list[str]
    report: IngestReport


def ingest_on_cluster(
    paths: Iterable[str | Path],
    *,
    settings: Settings = DEFAULT_SETTINGS,
    force: bool = False,
    client: Client | None = None,
) -> IngestReport:
    """Ingest like claimgraph.ingest.ingest, with the per-document stages on the dask cluster at
    ``settings.scheduler``, or on ``client``'s when given (the caller then keeps it open)."""
    files = discover(paths)
    started = time.perf_counter()
    report = IngestReport()
    with (
        _connected(client, settings=settings) as active,
        Store(settings.db, memory_limit=settings.db_memory_limit) as store,
    ):
        bar = progress_bar(files, settings=settings)
        tick = bar.update
        read_rejections: list[Rejection] = []

        def partitions() -> Iterator[_Partition]:
            inputs: list[Pending] = []
            number = 0
            for item in pending_inputs(
                files,
                stored=store.sources_with_hash(),
                settings=settings,
                force=force,
                report=report,
                tick=tick,
            ):
                if isinstance(item, Rejection):
                    report.rejected.append(item)
                    read_rejections.append(item)
                    tick(1)
                    continue
                inputs.append(item)
                if len(inputs) == settings.shard_docs:
                    yield _Partition(number, inputs)
                    number, inputs = number + 1, []
            if inputs:
                yield _Partition(number, inputs)

        try:
            with (
                _run_folder(settings) as folder,
                closing(_run(active, partitions(), settings=settings, folder=folder)) as finished,
            ):
                for done in finished:
                    store.load_parquet_batch(Path(done.folder), replaced_sources=done.replaced_sources)
                    store.record_rejections(read_rejections)
                    read_rejections.clear()
                    shutil.rmtree(done.folder)
                    report.add(done.report)
                    tick(done.inputs)
            store.record_rejections(read_rejections)
        except KeyboardInterrupt:
            raise interrupted(report) from None
        finally:
            bar.close()
        finish_ingest(store, report=report, settings=settings)
    report.seconds = time.perf_counter() - started
    return report


def _run(
    client: Client, partitions: Iterator[_Partition], *, settings: Settings, folder: Path
) -> Generator[_Done, None, None]:
    """Each partition's outcome as its task finishes, with a bounded number of tasks queued."""
    from distributed import as_completed

    run = folder.name
    finished: as_completed = as_completed()
    in_flight: set[Future[_Done]] = set()

    def submit_next() -> None:
        partition = next(partitions, None)
        if partition is None:
            return
        future = client.submit(
            _analyse_partition,
            partition,
            settings=settings,
            folder=str(folder),
            key=f"claimgraph-ingest-{run}-{partition.number}",
        )
        in_flight.add(future)
        finished.add(future)

    try:
        for _ in range(max(1, _TASKS_PER_THREAD * sum(client.nthreads().values()))):
            submit_next()
        for future in finished:
            in_flight.discard(future)
            yield future.result()
            submit_next()
    finally:
        # After an error or an interruption nothing should go on computing for this run.
        client.cancel(list(in_flight))


@contextmanager
def _connected(client: Client | None, *, settings: Settings) -> Iterator[Client]:
    if client is not None:
        yield client
        return
    try:
        import pyarrow  # noqa: F401  (the workers write with it; better to fail before any work)
        from distributed import Client
    except ImportError as exc:
        raise EngineMissing("dask", "the packages dask, distributed and pyarrow") from exc
    if settings.scheduler is None:
        raise UsageError("the dask engine needs the address of a scheduler: --scheduler tcp://HOST:8786")
    try:
        own = Client(settings.scheduler, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
    except ValueError as exc:
        raise UsageError(f"{settings.scheduler!r} is not a dask scheduler address ({exc})") from exc
    except OSError as exc:
        raise SchedulerUnreachable(settings.scheduler, timeout=CONNECT_TIMEOUT_S) from exc
    try:
        yield own
    finally:
        own.close()


@contextmanager
def _run_folder(settings: Settings) -> Iterator[Path]:
    """A folder of this run's shards, removed with whatever an interruption left in it."""
    root = Path(settings.shard_dir) if settings.shard_dir is not None else Path(f"{settings.db}.shards")
    # Absolute, as workers elsewhere do not share this process's working directory.
    folder = root.absolute() / f"run-{uuid.uuid4().hex[:12]}"
    made_root = not root.exists()
    folder.mkdir(parents=True)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if made_root and not any(root.iterdir()):
            root.rmdir()


# -- on a worker ----------------------------------------------------------------------------------

_pipeline_lock = threading.Lock()


@functools.lru_cache(maxsize=1)
def _load_pipeline(settings: Settings) -> Language:
    from claimgraph.nlp import load_pipeline

    return load_pipeline(settings=settings)


def _worker_pipeline(settings: Settings) -> Language:
    # Once per worker process, as loading takes seconds and hundreds of MB; the lock keeps a worker
    # with several threads from loading it once per thread.
    with _pipeline_lock:
        return _load_pipeline(settings)


def _analyse_partition(partition: _Partition, *, settings: Settings, folder: str) -> _Done:
    out = Path(folder) / f"{partition.number:06d}"
    try:
        # No parents=True: when an interrupted driver has removed its run folder, a task still
        # running stops here instead of leaving files behind.
        out.mkdir(exist_ok=True)
    except FileNotFoundError:
        raise ShardDirUnreachable(
            f"{folder}: a dask worker on {socket.gethostname()} cannot reach this folder; the shard "
            "folder (--shard-dir) must be on a filesystem the workers and the ingesting machine share"
        ) from None
    report = IngestReport()
    outcomes = list(analysed(partition.inputs, _worker_pipeline(settings), settings=settings))
    report.rejected = [o for o in outcomes if isinstance(o, Rejection)]
    batch = stored_batch([o for o in outcomes if not isinstance(o, Rejection)])
    report.count_stored(batch)
    write_parquet_batch(out, batch, report.rejected)
    return _Done(str(out), len(partition.inputs), list(batch.replaced_sources), report)


def write_parquet_batch(folder: Path, batch: StoredBatch, rejections: list[Rejection]) -> None:
    """The batch as Store.load_parquet_batch reads it: a Parquet file per table, every file present."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    for table, columns in (batch_tables(batch) | {"rejections": rejection_columns(rejections)}).items():
        pq.write_table(pa.table(columns), parquet_file(folder, table))
