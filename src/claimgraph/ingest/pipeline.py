"""The ingest pipeline: read → clean → spaCy → store, in committed batches.

Idempotent by content hash: an input whose bytes are already stored is skipped, so re-running after
an interruption resumes where the last committed batch ended. One transaction per batch means an
interruption never leaves half a document behind.
"""

from __future__ import annotations

import itertools
import os
import sys
import threading
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Never, TypeVar

from tqdm import tqdm

from claimgraph.clean import clean_document
from claimgraph.clean.language import detect_language, is_analysed
from claimgraph.errors import InputRejected, Interrupted, UsageError
from claimgraph.ingest.readers import discover, holds_many, read_source
from claimgraph.models import (
    ClaimSentence,
    CleanedDocument,
    Document,
    EntityMention,
    Quantity,
    RawDocument,
    Rejection,
    Statement,
    TechniqueSpan,
    TimeMention,
)
from claimgraph.settings import DEFAULT_SETTINGS, Settings
from claimgraph.store import Store, StoredBatch

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from claimgraph.update import CorpusUpdate


A = TypeVar("A")
R = TypeVar("R")


@dataclass(slots=True)
class IngestReport:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    entity_mentions: int = 0
    statements: int = 0
    # Documents stored without analysis, by language: the analyses read English only for now.
    unanalysed: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    corpus_seconds: float = 0.0  # the corpus-wide stages after the per-document ones
    corpus: CorpusUpdate | None = None

    @property
    def stored(self) -> int:
        return self.new + self.updated

    def count_stored(self, batch: StoredBatch) -> None:
        self.updated += batch.updated
        self.new += len(batch.documents) - batch.updated
        self.entity_mentions += len(batch.mentions)
        self.statements += len(batch.statements)
        self.unanalysed.update(
            d.metadata.language
            for d in batch.documents
            if d.metadata.language and not is_analysed(d.metadata.language)
        )

    def add(self, part: IngestReport) -> None:
        """Count in what one part of this ingest did (a cluster task's partition)."""
        self.new += part.new
        self.updated += part.updated
        self.unchanged += part.unchanged
        self.rejected.extend(part.rejected)
        self.entity_mentions += part.entity_mentions
        self.statements += part.statements
        self.unanalysed.update(part.unanalysed)


@dataclass(frozen=True, slots=True)
class Pending:
    """An input read and found new (or forced): what an engine goes on to clean and analyse."""

    raw: RawDocument
    # The stored sources its document takes the place of: the input's own earlier version, and under
    # --force a stored document of the same content read from another file (the same id).
    replaces: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Prepared:
    raw: RawDocument
    cleaned: CleanedDocument  # its metadata's language decided: the record's own, else detected
    replaces: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DocumentRecords:
    """Everything the per-document stages found in one document."""

    document: Document
    mentions: list[EntityMention]
    statements: list[Statement]
    times: list[TimeMention]
    quantities: list[Quantity]
    claim_sentences: list[ClaimSentence]
    techniques: list[TechniqueSpan]
    replaces: tuple[str, ...]


def document_id(content_hash: str) -> str:
    return content_hash[:16]


def ingest(
    paths: Iterable[str | Path],
    *,
    settings: Settings = DEFAULT_SETTINGS,
    force: bool = False,
    nlp: Language | None = None,
) -> IngestReport:
    """Ingest files and folders into the store at ``settings.db``; see the module docstring.

    ``force`` re-processes inputs whose content is already stored (after a cleaning upgrade, say).
    A progress bar goes to stderr when ``settings.progress`` says so (by default: on a terminal).
    With ``settings.engine`` "dask" the per-document stages run on a dask.distributed cluster
    (claimgraph.ingest.cluster) and ``nlp`` is not used: every worker loads its own pipeline.
    """
    from claimgraph.extract.techniques import load_lexicon

    # A broken lexicon of the user's is reported before anything is read or stored, not at the first
    # document of some batch.
    load_lexicon(settings.techniques_lexicon)
    if settings.engine == "dask":
        from claimgraph.ingest.cluster import ingest_on_cluster

        return ingest_on_cluster(paths, settings=settings, force=force)
    if settings.engine != "local":
        raise UsageError(f"unknown ingest engine {settings.engine!r}; choose local or dask")
    files = discover(paths)
    return ingest_documents(
        (item for path in files for item in read_source(path, settings=settings)),
        settings=settings,
        force=force,
        nlp=nlp,
        total=count_hint(files),
    )


def ingest_documents(
    items: Iterable[RawDocument | Rejection],
    *,
    settings: Settings = DEFAULT_SETTINGS,
    force: bool = False,
    nlp: Language | None = None,
    total: int | None = None,
    store: Store | None = None,
    desc: str = "ingest",
) -> IngestReport:
    """Ingest documents already read (or why each could not be), with the local engine: what
    ``ingest`` does with the files it reads, and ``claimgraph.collect`` with the pages it fetches.

    ``items`` is consumed lazily, between batches, so it may fetch as it goes and write to ``store``
    (the store to ingest into, already open; by default ``settings.db`` is opened). ``total`` is the
    number of items to expect, and ``desc`` the label, for the progress bar.
    """
    from claimgraph.extract.techniques import load_lexicon
    from claimgraph.nlp import load_pipeline

    load_lexicon(settings.techniques_lexicon)
    started = time.perf_counter()
    report = IngestReport()
    pipeline = nlp if nlp is not None else load_pipeline(settings=settings)
    bar = tqdm(total=total, unit="doc", desc=desc, disable=not progress_enabled(settings), leave=False)

    limit = settings.db_memory_limit
    with Store(settings.db, memory_limit=limit) if store is None else nullcontext(store) as target:
        pending_rejections: list[Rejection] = []
        records: list[DocumentRecords] = []

        def inputs() -> Iterator[Pending]:
            for item in pending_documents(
                items,
                stored=target.sources_with_hash(),
                force=force,
                report=report,
                tick=bar.update,
            ):
                if isinstance(item, Rejection):
                    report.rejected.append(item)
                    pending_rejections.append(item)
                    bar.update(1)
                else:
                    yield item

        def flush() -> None:
            batch, unstored = write_records(target, records, settings=settings)
            report.rejected.extend(unstored)
            target.record_rejections([*pending_rejections, *unstored])
            report.count_stored(batch)
            records.clear()
            pending_rejections.clear()

        try:
            for outcome in _analysed_here_or_in_workers(inputs(), pipeline, settings=settings):
                if isinstance(outcome, Rejection):
                    report.rejected.append(outcome)
                    pending_rejections.append(outcome)
                else:
                    records.append(outcome)
                bar.update(1)
                if len(records) >= settings.commit_every:
                    flush()
            flush()
        except KeyboardInterrupt:
            # Everything in the buffer is complete, so keep it: the re-run then has less to redo.
            flush()
            raise interrupted(report) from None
        finally:
            bar.close()
        finish_ingest(target, report=report, settings=settings)
    report.seconds = time.perf_counter() - started
    return report


def interrupted(report: IngestReport) -> Interrupted:
    """What an ingest stopped by the user says, every engine alike."""
    return Interrupted(
        f"stopped by the user; {report.stored} new or updated documents are stored. "
        "Run the same command again to resume."
    )


def analysed(
    inputs: Iterable[Pending], nlp: Language, *, settings: Settings
) -> Iterator[DocumentRecords | Rejection]:
    """Each input cleaned, parsed and extracted, or why it cannot be, in input order: the
    per-document stages of every engine.

    An error in any stage costs its document alone, which becomes a rejection naming the stage
    (``settings.fail_fast`` raises it instead): ordinary text must never stop an ingest.
    """
    pending = iter(inputs)
    while chunk := list(itertools.islice(pending, settings.nlp_batch_size)):
        outcomes = [prepare(item, settings=settings) for item in chunk]
        english = [
            o for o in outcomes if isinstance(o, Prepared) and is_analysed(o.cleaned.metadata.language)
        ]
        parses = iter(_parsed(nlp, english, settings=settings))
        for outcome in outcomes:
            if isinstance(outcome, Rejection):
                yield outcome
            elif not is_analysed(outcome.cleaned.metadata.language):
                # Stored, searchable and shown; English rules would read it as junk.
                yield unanalysed_records(outcome)
            elif isinstance(parse := next(parses), Rejection):
                yield parse
            else:
                yield _records(outcome, parse, settings=settings)


def _parsed(nlp: Language, batch: Sequence[Prepared], *, settings: Settings) -> list[Doc | Rejection]:
    """The batch parsed, or for a document the parse fails on, why."""
    try:
        return list(nlp.pipe((p.cleaned.text for p in batch), batch_size=settings.nlp_batch_size))
    except Exception:
        if settings.fail_fast:
            raise
    # One document at a time now, to find the one that failed; the others parse as they would have.
    return [
        isolated(nlp, p.cleaned.text, source=p.raw.source, stage="parse", settings=settings) for p in batch
    ]


def isolated(call: Callable[[A], R], arg: A, *, source: str, stage: str, settings: Settings) -> R | Rejection:
    """``call(arg)``, or the rejection of ``source`` for the error it raised at ``stage``: one input's
    error costs that input alone (``settings.fail_fast`` raises it instead)."""
    try:
        return call(arg)
    except Exception as exc:
        if settings.fail_fast:
            raise
        return Rejection.of_error(source, stage, exc)


def _records(prepared: Prepared, spacy_doc: Doc, *, settings: Settings) -> DocumentRecords | Rejection:
    try:
        return document_records(prepared, spacy_doc, settings=settings)
    except StageFailed as failed:
        if settings.fail_fast:
            raise failed.error from None
        return Rejection.of_error(prepared.raw.source, failed.stage, failed.error)


class StageFailed(Exception):
    """An error in one extraction stage of one document, with the stage's name."""

    def __init__(self, stage: str, error: Exception) -> None:
        super().__init__(f"{stage}: {error}")
        self.stage = stage
        self.error = error


@contextmanager
def _stage(name: str) -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        raise StageFailed(name, exc) from exc


# The pipeline worker processes analyse with: inherited from the ingesting process where processes
# are forked (its pages then shared), loaded afresh where they are spawned.
_worker_nlp: list[Language] = []


def _analyse_in_worker(inputs: list[Pending], settings: Settings) -> list[DocumentRecords | Rejection]:
    if not _worker_nlp:
        from claimgraph.nlp import load_pipeline

        _worker_nlp.append(load_pipeline(settings=settings))
    return list(analysed(inputs, _worker_nlp[0], settings=settings))


def _end_with_parent(parent: int) -> None:
    """Make this worker process end when the ingest that started it does. An ingest killed outright
    (SIGKILL, the machine's OOM killer) runs none of its clean-up, and its workers would otherwise wait
    on their task queue forever, each holding a spaCy pipeline."""

    def watch() -> None:
        # The parent's death re-parents this process (to init or a subreaper): its parent id changes.
        while os.getppid() == parent:
            time.sleep(_PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="claimgraph-parent-watch", daemon=True).start()


_PARENT_POLL_SECONDS = 0.5


def _analysed_here_or_in_workers(
    inputs: Iterator[Pending], nlp: Language, *, settings: Settings
) -> Iterator[DocumentRecords | Rejection]:
    """Each input analysed, in input order: in this process, or in ``n_process`` worker processes
    that clean, parse and extract chunks of inputs in parallel while this one reads inputs and
    writes the store.

    A worker process that dies (a crash in native code, the OOM killer, a kill) breaks the whole
    pool: the chunks in flight are then analysed again one input at a time, each in a fresh pool, so
    that only the input that kills its worker again is lost, as a rejection.
    """
    processes = settings.spacy_processes()
    if processes <= 1:
        yield from analysed(inputs, nlp, settings=settings)
        return

    def chunks() -> Iterator[list[Pending]]:
        while chunk := list(itertools.islice(inputs, settings.nlp_batch_size)):
            yield chunk

    pending_chunks = chunks()
    _worker_nlp[:] = [nlp]
    workers = _WorkerPool(processes, settings=settings)
    in_flight: deque[tuple[list[Pending], Future[list[DocumentRecords | Rejection]]]] = deque()
    try:
        # A few chunks queued per process keep every process busy; more would only hold memory.
        for chunk in itertools.islice(pending_chunks, 2 * processes):
            in_flight.append((chunk, workers.submit(chunk)))
        while in_flight:
            chunk, future = in_flight.popleft()
            try:
                done = future.result()
            except BrokenProcessPool:
                if settings.fail_fast:
                    raise
                unfinished = [chunk, *(c for c, _ in in_flight)]
                in_flight.clear()
                workers.restart()
                done = [outcome for c in unfinished for pending in c for outcome in workers.alone(pending)]
            for chunk in itertools.islice(pending_chunks, 1):
                in_flight.append((chunk, workers.submit(chunk)))
            yield from done
    finally:
        for _, future in in_flight:
            future.cancel()
        workers.close()
        _worker_nlp.clear()


class _WorkerPool:
    """The local engine's worker processes, which can be started afresh after one of them died."""

    def __init__(self, processes: int, *, settings: Settings) -> None:
        self._processes = processes
        self._settings = settings
        self._pool = self._started()

    def _started(self) -> ProcessPoolExecutor:
        import multiprocessing

        return ProcessPoolExecutor(
            self._processes,
            mp_context=multiprocessing.get_context(),
            initializer=_end_with_parent,
            initargs=(os.getpid(),),
        )

    def submit(self, chunk: list[Pending]) -> Future[list[DocumentRecords | Rejection]]:
        return self._pool.submit(_analyse_in_worker, chunk, self._settings)

    def alone(self, pending: Pending) -> list[DocumentRecords | Rejection]:
        """One input analysed by itself; if its worker dies, the input is rejected as the culprit."""
        try:
            return self.submit([pending]).result()
        except BrokenProcessPool as exc:
            self.restart()
            reason = f"the worker process analysing it died ({exc})"
            return [Rejection(pending.raw.source, reason, "worker")]

    def restart(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._started()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def pending_inputs(
    files: Iterable[Path],
    *,
    stored: Mapping[str, str],
    settings: Settings,
    force: bool,
    report: IngestReport,
    tick: Callable[[int], object],
) -> Iterator[Pending | Rejection]:
    """The inputs of every file in order, or why one cannot be read; see ``pending_documents``."""
    items = (item for path in files for item in read_source(path, settings=settings))
    yield from pending_documents(items, stored=stored, force=force, report=report, tick=tick)


def pending_documents(
    items: Iterable[RawDocument | Rejection],
    *,
    stored: Mapping[str, str],
    force: bool,
    report: IngestReport,
    tick: Callable[[int], object],
) -> Iterator[Pending | Rejection]:
    """The documents read, in order, or why one cannot be read. A document whose content came
    earlier in this run, or is in ``stored`` (source -> content hash) unless ``force``, is only
    counted as unchanged: one content is one document."""
    stored_as: dict[str, list[str]] = defaultdict(list)
    for source, content_hash in stored.items():
        stored_as[content_hash].append(source)
    this_run: set[str] = set()
    for item in items:
        if isinstance(item, Rejection):
            yield item
            continue
        if item.content_hash in this_run or (item.content_hash in stored_as and not force):
            report.unchanged += 1
            tick(1)
            continue
        this_run.add(item.content_hash)
        earlier = [item.source] if item.source in stored else []
        yield Pending(item, replaces=tuple(sorted({*earlier, *stored_as.get(item.content_hash, [])})))


def document_records(
    prepared: Prepared, spacy_doc: Doc, *, settings: Settings = DEFAULT_SETTINGS
) -> DocumentRecords:
    """The per-document stages after spaCy, on one cleaned input and its parse: every engine's one
    definition of what a document yields. An error in a stage is raised as ``StageFailed``."""
    from claimgraph.claims import claim_sentences
    from claimgraph.extract.quantities import find_quantities
    from claimgraph.extract.statements import extract_statements, publishing_office, speech_author
    from claimgraph.extract.techniques import find_techniques, load_lexicon, spoken_spans
    from claimgraph.extract.times import time_mentions
    from claimgraph.nlp import entity_mentions

    with _stage("clean"):
        doc = _document(prepared)
    with _stage("entities"):
        mentions = entity_mentions(doc.id, spacy_doc)
    with _stage("times"):
        found_times = time_mentions(doc.id, doc.text, published=doc.metadata.published)
    with _stage("statements"):
        # A byline names the text's own "I"; failing one, a title such as "Address by the President
        # of Ukraine" does.
        author = speech_author(doc.metadata.title, outlet=doc.metadata.outlet)
        statements = extract_statements(
            doc.id,
            spacy_doc,
            published=doc.metadata.published,
            authors=doc.metadata.authors or ((author,) if author else ()),
            house=publishing_office(doc.metadata.outlet),
        )
    with _stage("quantities"):
        # A duration is also an amount ("24 hours", "3.5 weeks"); a date or a clock time is not.
        quantities = find_quantities(
            doc.id, doc.text, skip=[(t.span.start, t.span.end) for t in found_times if t.kind != "DURATION"]
        )
    with _stage("claims"):
        claims = claim_sentences(doc.id, doc.text, published=doc.metadata.published)
    with _stage("techniques"):
        techniques = find_techniques(
            doc.id,
            doc.text,
            speech=spoken_spans((s.content.start, s.content.end, s.cue, s.speaker.text) for s in statements),
            lexicon=load_lexicon(settings.techniques_lexicon),
        )
    return DocumentRecords(
        document=doc,
        mentions=mentions,
        statements=statements,
        times=found_times,
        quantities=quantities,
        claim_sentences=claims,
        techniques=techniques,
        replaces=prepared.replaces,
    )


def write_records(
    store: Store, records: Sequence[DocumentRecords], *, settings: Settings
) -> tuple[StoredBatch, list[Rejection]]:
    """Store the records in one transaction; if that fails, each document in one of its own, so
    that a document the store refuses costs only itself. What was stored, and why the rest was not."""
    batch = stored_batch(records)
    try:
        store.write_batch(batch)
        return batch, []
    except Exception:
        if settings.fail_fast:
            raise
    stored: list[DocumentRecords] = []
    refused: list[Rejection] = []
    for record in records:
        try:
            store.write_batch(stored_batch([record]))
            stored.append(record)
        except Exception as exc:
            refused.append(Rejection.of_error(record.document.source, "store", exc))
    return stored_batch(stored), refused


def unanalysed_records(prepared: Prepared) -> DocumentRecords:
    """A document in a language the analyses do not read: the document alone."""
    return DocumentRecords(_document(prepared), [], [], [], [], [], [], prepared.replaces)


def stored_batch(records: Sequence[DocumentRecords]) -> StoredBatch:
    return StoredBatch(
        documents=[r.document for r in records],
        mentions=[m for r in records for m in r.mentions],
        replaced_sources=[source for r in records for source in r.replaces],
        updated=sum(1 for r in records if r.replaces),
        statements=[s for r in records for s in r.statements],
        times=[t for r in records for t in r.times],
        quantities=[q for r in records for q in r.quantities],
        claim_sentences=[c for r in records for c in r.claim_sentences],
        techniques=[t for r in records for t in r.techniques],
    )


def finish_ingest(store: Store, *, report: IngestReport, settings: Settings) -> None:
    """What every engine does once the per-document stages are stored: the search index, then the
    corpus-wide stages (copies, entities, claims, disputes) brought up to date."""
    from claimgraph.update import update_corpus  # deferred: it imports the extractors' readers

    started = time.perf_counter()
    store.rebuild_search_index()
    report.corpus = update_corpus(store, settings=settings)
    report.corpus_seconds = time.perf_counter() - started


def prepare(pending: Pending, *, settings: Settings) -> Prepared | Rejection:
    """The input cleaned, or why it cannot become a document."""
    raw = pending.raw
    try:
        cleaned = clean_document(raw)
    except InputRejected as exc:
        return Rejection(raw.source, exc.reason, "clean")
    except Exception as exc:
        # Hostile or malformed markup can break an extractor deep inside; that costs this one input,
        # never the batch.
        if settings.fail_fast:
            raise
        return Rejection.of_error(raw.source, "clean", exc)
    if not cleaned.text.strip():
        return Rejection(raw.source, "no article text left after cleaning", "clean")
    if len(cleaned.text) > settings.max_text_chars:
        return Rejection(
            raw.source,
            f"article text too long ({len(cleaned.text):,} > {settings.max_text_chars:,} characters)",
            "clean",
        )
    if cleaned.metadata.language is None:
        language = isolated(
            detect_language, cleaned.text, source=raw.source, stage="clean", settings=settings
        )
        if isinstance(language, Rejection):
            return language
        cleaned = replace(cleaned, metadata=replace(cleaned.metadata, language=language))
    return Prepared(raw, cleaned, pending.replaces)


def _document(prepared: Prepared) -> Document:
    raw, cleaned = prepared.raw, prepared.cleaned
    return Document(
        id=document_id(raw.content_hash),
        source=raw.source,
        content_hash=raw.content_hash,
        text=cleaned.text,
        raw=raw.content,
        media_type=raw.media_type,
        extractor=cleaned.extractor,
        metadata=cleaned.metadata,
    )


def progress_bar(files: Sequence[Path], *, settings: Settings) -> tqdm[Never]:
    return tqdm(
        total=count_hint(files),
        unit="doc",
        desc="ingest",
        disable=not progress_enabled(settings),
        leave=False,
    )


def progress_enabled(settings: Settings) -> bool:
    return settings.progress if settings.progress is not None else sys.stderr.isatty()


def count_hint(paths: Iterable[Path]) -> int | None:
    """How many inputs to expect, when it is knowable without reading (no JSONL in the set)."""
    paths = list(paths)
    if any(holds_many(p) for p in paths):
        return None
    return len(paths)
