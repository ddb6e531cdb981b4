"""The ingest pipeline: read → clean → spaCy → store, in committed batches.

Idempotent by content hash: an input whose bytes are already stored is skipped, so re-running after
an interruption resumes where the last committed batch ended. One transaction per batch means an
interruption never leaves half a document behind.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from claimgraph.clean import clean_document
from claimgraph.errors import InputRejected, Interrupted
from claimgraph.ingest.readers import discover, is_jsonl, read_source
from claimgraph.models import (
    CleanedDocument,
    Document,
    EntityMention,
    Quantity,
    RawDocument,
    Rejection,
    Statement,
    TimeMention,
)
from claimgraph.settings import DEFAULT_SETTINGS, Settings
from claimgraph.store import Store, StoredBatch

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(slots=True)
class IngestReport:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    entity_mentions: int = 0
    statements: int = 0
    seconds: float = 0.0
    corpus_seconds: float = 0.0  # the corpus-wide stages after the per-document ones

    @property
    def stored(self) -> int:
        return self.new + self.updated


@dataclass(frozen=True, slots=True)
class _Prepared:
    raw: RawDocument
    cleaned: CleanedDocument
    replaces_earlier_version: bool


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
    """
    from claimgraph.extract.quantities import find_quantities
    from claimgraph.extract.statements import extract_statements
    from claimgraph.extract.times import time_mentions
    from claimgraph.nlp import entity_mentions, load_pipeline

    files = discover(paths)
    started = time.perf_counter()
    report = IngestReport()
    pipeline = nlp if nlp is not None else load_pipeline(settings=settings)
    bar = tqdm(
        total=count_hint(files),
        unit="doc",
        desc="ingest",
        disable=not progress_enabled(settings),
        leave=False,
    )
    tick = bar.update

    with Store(settings.db) as store:
        stored_hash_by_source = store.sources_with_hash()
        seen_hashes = set(stored_hash_by_source.values())
        pending_rejections: list[Rejection] = []

        def prepared_inputs() -> Iterator[tuple[str, _Prepared]]:
            for path in files:
                for item in read_source(path, settings=settings):
                    if isinstance(item, Rejection):
                        report.rejected.append(item)
                        pending_rejections.append(item)
                        tick(1)
                        continue
                    if item.content_hash in seen_hashes and not force:
                        report.unchanged += 1
                        tick(1)
                        continue
                    seen_hashes.add(item.content_hash)
                    outcome = _clean(item, settings=settings)
                    if isinstance(outcome, Rejection):
                        report.rejected.append(outcome)
                        pending_rejections.append(outcome)
                        tick(1)
                        continue
                    earlier = stored_hash_by_source.get(item.source)
                    yield outcome.text, _Prepared(item, outcome, earlier is not None)

        documents: list[Document] = []
        mentions: list[EntityMention] = []
        statements: list[Statement] = []
        times: list[TimeMention] = []
        quantities: list[Quantity] = []
        replaced: list[str] = []

        def flush() -> None:
            store.write_batch(StoredBatch(documents, mentions, replaced, statements, times, quantities))
            store.record_rejections(pending_rejections)
            report.entity_mentions += len(mentions)
            report.statements += len(statements)
            documents.clear()
            mentions.clear()
            statements.clear()
            times.clear()
            quantities.clear()
            replaced.clear()
            pending_rejections.clear()

        try:
            for spacy_doc, prepared in pipeline.pipe(
                prepared_inputs(),
                as_tuples=True,
                n_process=settings.n_process,
                batch_size=settings.nlp_batch_size,
            ):
                doc = _document(prepared)
                documents.append(doc)
                mentions.extend(entity_mentions(doc.id, spacy_doc))
                statements.extend(extract_statements(doc.id, spacy_doc, published=doc.metadata.published))
                found_times = time_mentions(doc.id, doc.text, published=doc.metadata.published)
                times.extend(found_times)
                quantities.extend(
                    find_quantities(doc.id, doc.text, skip=[(t.span.start, t.span.end) for t in found_times])
                )
                if prepared.replaces_earlier_version:
                    replaced.append(doc.source)
                    report.updated += 1
                else:
                    report.new += 1
                tick(1)
                if len(documents) >= settings.commit_every:
                    flush()
            flush()
        except KeyboardInterrupt:
            # Everything in the buffer is complete, so keep it: the re-run then has less to redo.
            flush()
            raise Interrupted(
                f"stopped by the user; {report.stored} new or updated documents are stored. "
                "Run the same command again to resume."
            ) from None
        finally:
            bar.close()
        finish_ingest(store, report=report, settings=settings)
    report.seconds = time.perf_counter() - started
    return report


def finish_ingest(store: Store, *, report: IngestReport, settings: Settings) -> None:
    """What every engine does once the per-document stages are stored: the search index, then the
    corpus-wide stages (copies, entities, claims, disputes) brought up to date."""
    started = time.perf_counter()
    store.rebuild_search_index()
    report.corpus_seconds = time.perf_counter() - started


def _clean(raw: RawDocument, *, settings: Settings) -> CleanedDocument | Rejection:
    try:
        cleaned = clean_document(raw)
    except InputRejected as exc:
        return Rejection(raw.source, exc.reason)
    except Exception as exc:
        # Hostile or malformed markup can break an extractor deep inside; that costs this one input,
        # never the batch.
        return Rejection(raw.source, f"cleaning failed ({type(exc).__name__}: {exc})")
    if not cleaned.text.strip():
        return Rejection(raw.source, "no article text left after cleaning")
    if len(cleaned.text) > settings.max_text_chars:
        return Rejection(
            raw.source,
            f"article text too long ({len(cleaned.text):,} > {settings.max_text_chars:,} characters)",
        )
    return cleaned


def _document(prepared: _Prepared) -> Document:
    raw, cleaned = prepared.raw, prepared.cleaned
    metadata = cleaned.metadata
    if metadata.language is None:
        metadata = replace(metadata, language=guess_language(cleaned.text))
    return Document(
        id=document_id(raw.content_hash),
        source=raw.source,
        content_hash=raw.content_hash,
        text=cleaned.text,
        raw=raw.content,
        media_type=raw.media_type,
        extractor=cleaned.extractor,
        metadata=metadata,
    )


_ENGLISH_FUNCTION_WORDS = frozenset(
    (
        "the of and to in a is that for on with as was by it at from he his are be has have said not this "
        "but they an were which its their had will who been"
    ).split()
)


def guess_language(text: str) -> str | None:
    """ "en" when the text reads as English, else None (unknown): only English is analysed for now."""
    words = text[:5000].lower().split()
    if len(words) < 5:
        return None
    share = sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)
    return "en" if share >= 0.12 else None


def progress_enabled(settings: Settings) -> bool:
    return settings.progress if settings.progress is not None else sys.stderr.isatty()


def count_hint(paths: Iterable[Path]) -> int | None:
    """How many inputs to expect, when it is knowable without reading (no JSONL in the set)."""
    paths = list(paths)
    if any(is_jsonl(p) for p in paths):
        return None
    return len(paths)
