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

A task that fails costs only its own documents, never the run. The scheduler re-runs a task whose
worker died on another one, up to its ``allowed-failures``; a partition whose task still fails (or
raises) is retried one document per task, and a document whose own task fails again, alone on the
cluster when its worker died, is rejected at stage "worker". A claimgraph error raised by a task
(an unreachable shard folder, a missing model) is about the worker, not the documents, and stops the
run, as any task error does under ``settings.fail_fast``; the partitions stored before it are kept.
"""

from __future__ import annotations

import functools
import shutil
import socket
import threading
import time
import uuid
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import CancelledError
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from claimgraph.errors import (
    ClaimgraphError,
    EngineMissing,
    SchedulerLost,
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
    """Inputs analysed by one task; ``name`` names its shard folder and task key within the run."""

    name: str
    inputs: list[Pending]


@dataclass(frozen=True, slots=True)
class _Done:
    """What a finished task tells the driver; its records wait in ``folder``."""

    folder: str
    inputs: int
    replaced_sources: list[str]
    report: IngestReport
    # (id, source, the sources it replaces) of each document: to store them one by one if need be
    documents: list[tuple[str, str, tuple[str, ...]]]


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
                    yield _Partition(f"{number:06d}", inputs)
                    number, inputs = number + 1, []
            if inputs:
                yield _Partition(f"{number:06d}", inputs)

        try:
            with (
                _run_folder(settings) as folder,
                closing(_run(active, partitions(), settings=settings, folder=folder)) as finished,
            ):
                for outcome in finished:
                    if isinstance(outcome, Rejection):
                        report.rejected.append(outcome)
                        store.record_rejections([outcome])
                        tick(1)
                        continue
                    refused = _store_partition(store, outcome, settings=settings)
                    store.record_rejections([*read_rejections, *refused])
                    read_rejections.clear()
                    shutil.rmtree(outcome.folder)
                    report.add(outcome.report)
                    report.rejected.extend(refused)
                    unstored = {r.source for r in refused}
                    for _, source, replaces in outcome.documents:
                        if source in unstored:
                            report.updated -= bool(replaces)
                            report.new -= not replaces
                    tick(outcome.inputs)
            store.record_rejections(read_rejections)
        except KeyboardInterrupt:
            raise interrupted(report) from None
        except CancelledError as exc:
            # The scheduler went away: every task's future is cancelled (scheduler-connection-lost).
            raise SchedulerLost(settings.scheduler, stored=report.stored) from exc
        finally:
            bar.close()
        finish_ingest(store, report=report, settings=settings)
    report.seconds = time.perf_counter() - started
    return report


def _run(
    client: Client, partitions: Iterator[_Partition], *, settings: Settings, folder: Path
) -> Generator[_Done | Rejection, None, None]:
    """Each partition's outcome as its task finishes, with a bounded number of tasks queued; a
    document of a failed task is retried in a task of its own (see the module docstring) and comes
    back stored or as its rejection."""
    from distributed import KilledWorker, as_completed

    # The client's own event loop: without one, as_completed looks for the process's default client,
    # and the client of `--scheduler` is not one (set_as_default=False), nor is a caller's always.
    finished: as_completed = as_completed(loop=client.loop)
    in_flight: dict[Future[_Done], _Partition] = {}
    singles: deque[_Partition] = deque()
    # Documents whose own task failed because its worker died: the scheduler counts a death against
    # every task assigned to that worker, so each is run again with nothing else on the cluster.
    suspects: deque[_Partition] = deque()
    alone: set[str] = set()

    def submit(partition: _Partition) -> None:
        future = client.submit(
            _analyse_partition,
            partition,
            settings=settings,
            folder=str(folder),
            key=f"claimgraph-ingest-{folder.name}-{partition.name}",
        )
        in_flight[future] = partition
        finished.add(future)

    def fill() -> None:
        if suspects:
            # Nothing else goes to the cluster until the suspect has run: only alone does its
            # worker's death say that the document is to blame.
            if not in_flight:
                suspect = suspects.popleft()
                alone.add(suspect.name)
                submit(suspect)
            return
        # Asked each time, as workers may join after the run starts or leave during it.
        limit = max(1, _TASKS_PER_THREAD * sum(client.nthreads().values()))
        while len(in_flight) < limit:
            partition = singles.popleft() if singles else next(partitions, None)
            if partition is None:
                return
            submit(partition)

    try:
        fill()
        for future in finished:
            partition = in_flight.pop(future)
            error = future.exception() if future.status == "error" else None
            if error is None or settings.fail_fast or isinstance(error, ClaimgraphError):
                # Finished; or an error to stop at, as asked or as every retry would meet it too. A
                # cancelled task (the scheduler lost) raises here as well.
                yield future.result()
            elif len(partition.inputs) > 1:
                singles.extend(
                    _Partition(f"{partition.name}.{n}", [one]) for n, one in enumerate(partition.inputs)
                )
            elif isinstance(error, KilledWorker) and partition.name not in alone:
                suspects.append(_Partition(f"{partition.name}.alone", partition.inputs))
            else:
                yield _worker_rejection(partition.inputs[0], error)
            fill()
    finally:
        # After an error or an interruption nothing should go on computing for this run.
        client.cancel(list(in_flight))


def _store_partition(store: Store, done: _Done, *, settings: Settings) -> list[Rejection]:
    """Store a finished partition in one transaction; if that fails, each document in one of its
    own, so that a document the store refuses costs only itself. Why the refused were not stored."""
    folder = Path(done.folder)
    try:
        store.load_parquet_batch(folder, replaced_sources=done.replaced_sources)
        return []
    except Exception:
        if settings.fail_fast:
            raise
    refused: list[Rejection] = []
    for doc, source, replaces in done.documents:
        try:
            store.load_parquet_batch(folder, replaced_sources=replaces, doc=doc)
        except Exception as exc:
            refused.append(Rejection.of_error(source, "store", exc))
    # The partition's own rejections, which its one transaction would have stored.
    store.record_rejections(done.report.rejected)
    return refused


def _worker_rejection(pending: Pending, error: BaseException) -> Rejection:
    from distributed import KilledWorker

    if not isinstance(error, KilledWorker):
        return Rejection.of_error(pending.raw.source, "worker", error)
    # Not KilledWorker's own message, which names the task's key and a worker's address.
    reason = (
        f"the dask worker analysing it died, each of the {error.allowed_failures + 1} times it was "
        "tried alone (a crash, running out of memory, or a kill)"
    )
    return Rejection(pending.raw.source, reason, "worker")


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
    out = Path(folder) / partition.name
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
    try:
        outcomes = list(analysed(partition.inputs, _worker_pipeline(settings), settings=settings))
        report.rejected = [o for o in outcomes if isinstance(o, Rejection)]
        batch = stored_batch([o for o in outcomes if not isinstance(o, Rejection)])
        report.count_stored(batch)
        write_parquet_batch(out, batch, report.rejected)
    except RecursionError as exc:
        # Its traceback is too deep to pickle, so distributed sends the traceback's text instead,
        # which its client refuses (an assertion in distributed.core.clean_exception): the task's
        # future would never settle and the driver would wait for ever. Raised here, it is shallow.
        raise exc.with_traceback(None) from None
    documents = [
        (o.document.id, o.document.source, o.replaces) for o in outcomes if not isinstance(o, Rejection)
    ]
    return _Done(str(out), len(partition.inputs), list(batch.replaced_sources), report, documents)


def write_parquet_batch(folder: Path, batch: StoredBatch, rejections: list[Rejection]) -> None:
    """The batch as Store.load_parquet_batch reads it: a Parquet file per table, every file present."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    for table, columns in (batch_tables(batch) | {"rejections": rejection_columns(rejections)}).items():
        pq.write_table(pa.table(columns), parquet_file(folder, table))
