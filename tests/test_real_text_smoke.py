"""A smoke run over real texts: every page of the article-extraction benchmark, 300 htmldate pages
and 300 real records of ../shared/corpus/real, ingested together into a fresh store.

Every input must be stored, counted as a copy of one stored, or rejected for a reason the readers
and cleaning are meant to give (empty, binary, too large, no article text left); an analysis stage
that crashed on one input shows up as any other rejection and fails the run. Every stage must have
produced something. The texts are read where they lie in ../shared (never copied into the
repository; the chosen JSONL records are written to tmp_path), and the test skips without them.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeVar

import pytest

from claimgraph.ingest import ingest
from claimgraph.models import Rejection
from claimgraph.settings import Settings
from claimgraph.store import Store
from claimgraph.store.db import DOCUMENT_TABLES

from .conftest import SHARED

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow

ARTICLE_EXTRACTION: Final = SHARED / "eval" / "external" / "article-extraction" / "html"
HTMLDATE: Final = SHARED / "eval" / "external" / "htmldate" / "html"
REAL: Final = SHARED / "corpus" / "real"
HTMLDATE_PAGES: Final = 300
REAL_RECORDS_PER_FILE: Final = 100  # of each of the three files: 300 records

# What an input may rightly be refused for, and by which stage: the readers' reasons
# (claimgraph.ingest.readers) for bytes that hold no text, and cleaning's (pipeline.prepare) for a
# page with no article in it or too long a one. Anything else, above all "STAGE failed (ERROR)" of
# an error no rule foresaw, in whichever stage, is a crash.
LEGITIMATE: Final = (
    (re.compile(r"empty( file)?"), "read"),
    (re.compile(r"(field '\w+': )?binary file \(.+\), not text"), "read"),
    (re.compile(r"(file |record )?too large \(.+\)"), "read"),
    (re.compile(r"unsupported file type .+"), "read"),
    (re.compile(r"cannot clean media type .+"), "clean"),
    (re.compile(r"no article text left after cleaning"), "clean"),
    (re.compile(r"article text too long \(.+\)"), "clean"),
)

# The tables each stage writes: the per-document stages', then the corpus-wide stages'.
STAGE_TABLES: Final = (*DOCUMENT_TABLES, "doc_signatures", "claims", "entities", "entity_spans")

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Input:
    """One input: the set it comes from, the sources a rejection of it may name, and the content
    hash of its document, computed here as the readers do (the bytes of a file, gzip expanded; the
    line of a JSONL record)."""

    origin: str
    names: frozenset[str]
    content_hash: str


def evenly_spaced(items: Sequence[T], n: int) -> list[T]:
    """``n`` of ``items`` spread evenly from the first on: a fixed choice, the same on every run."""
    return [items[i * len(items) // n] for i in range(min(n, len(items)))]


def file_input(origin: str, path: Path) -> Input:
    data = path.read_bytes()
    if path.suffix.lower() == ".gz":
        data = gzip.decompress(data)
    return Input(origin, frozenset({str(path)}), hashlib.sha256(data).hexdigest())


def real_records(folder: Path) -> tuple[list[Path], list[Input]]:
    """``REAL_RECORDS_PER_FILE`` records of each JSONL file of ../shared/corpus/real, written into
    ``folder`` as files of the same names."""
    files, inputs = [], []
    for path in sorted(REAL.glob("*.jsonl")):
        lines = [line.rstrip(b"\r") for line in path.read_bytes().split(b"\n") if line.strip()]
        chosen = evenly_spaced(lines, REAL_RECORDS_PER_FILE)
        target = folder / path.name
        target.write_bytes(b"".join(line + b"\n" for line in chosen))
        files.append(target)
        for lineno, line in enumerate(chosen, 1):
            # A record is named by its URL once read, by FILE#LINE when the reader refuses it.
            url = json.loads(line).get("url")
            names = {f"{target}#{lineno}", *([url] if url else [])}
            inputs.append(Input(path.name, frozenset(names), hashlib.sha256(line.strip()).hexdigest()))
    return files, inputs


def is_legitimate(r: Rejection) -> bool:
    return any(r.stage == stage and pattern.fullmatch(r.reason) for pattern, stage in LEGITIMATE)


def test_real_texts_are_all_stored_or_rightly_rejected(tmp_path: Path, nlp: Language) -> None:
    missing = [str(f) for f in (ARTICLE_EXTRACTION, HTMLDATE, REAL) if not f.is_dir()]
    if missing:
        pytest.skip(f"{', '.join(missing)} absent: the shared real texts sit beside the repository in CI")
    pages = sorted(p for p in ARTICLE_EXTRACTION.iterdir() if p.name.endswith(".html.gz"))
    dated = evenly_spaced(sorted(p for p in HTMLDATE.iterdir() if p.is_file()), HTMLDATE_PAGES)
    (tmp_path / "real").mkdir()
    record_files, records = real_records(tmp_path / "real")
    inputs = [
        *(file_input("article-extraction", p) for p in pages),
        *(file_input("htmldate", p) for p in dated),
        *records,
    ]
    assert (len(pages), len(dated), len(records)) == (181, HTMLDATE_PAGES, 3 * REAL_RECORDS_PER_FILE)

    settings = Settings(db=str(tmp_path / "smoke.duckdb"), n_process=2, progress=False)
    started = time.perf_counter()
    report = ingest([*pages, *dated, *record_files], settings=settings, nlp=nlp)
    seconds = time.perf_counter() - started

    crashed = [r for r in report.rejected if not is_legitimate(r)]
    assert crashed == [], "\n".join(f"{r.stage}: {r.source}: {r.reason}" for r in crashed)

    with Store(settings.db, read_only=True) as store:
        con = store.connection
        stored_hashes = {row[0] for row in con.execute("SELECT content_hash FROM documents").fetchall()}
        stored_rejections = {r.source: r for r in store.rejections()}
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in STAGE_TABLES}
        documents = {row[0] for row in con.execute("SELECT id FROM documents").fetchall()}
        done = {row[0] for row in con.execute("SELECT doc FROM corpus_documents").fetchall()}
        english = con.execute(
            "SELECT source FROM documents d WHERE language = 'en' AND length(text) >= 1000"
            " AND NOT EXISTS (SELECT 1 FROM entity_mentions m WHERE m.doc = d.id)"
        ).fetchall()

    # No stage lost a document: every input is stored (once, however many inputs share its
    # content) or rejected, and the counts agree with that.
    rejected = {r.source: r for r in report.rejected}
    lost = [i for i in inputs if i.content_hash not in stored_hashes and not i.names & rejected.keys()]
    assert lost == [], lost
    stored = [i for i in inputs if i.content_hash in stored_hashes]
    assert report.updated == 0
    assert report.new == len(documents) == len({i.content_hash for i in stored})
    assert report.unchanged == len(stored) - report.new
    assert report.new + report.unchanged + len(report.rejected) == len(inputs)
    assert stored_rejections == rejected
    # Every input of these sets holds an article (the benchmark's ground truth has a body for each
    # page; the real records are whole texts), so none may be refused.
    refused = [i for i in inputs if i.origin != "htmldate" and i.content_hash not in stored_hashes]
    assert refused == [], refused

    # Each stage produced output, and the corpus-wide stages took in every document.
    assert all(counts.values()), counts
    assert done == documents
    # An English article of some length names somebody or somewhere.
    assert english == []

    by_origin = Counter(i.origin for i in inputs)
    reasons = Counter((r.stage, re.sub(r" \(.*", "", r.reason)) for r in report.rejected)
    print(
        f"\nreal-text smoke: inputs {dict(by_origin)}; stored {report.new}, copies {report.unchanged}, "
        f"rejected {dict(reasons)}; {len(inputs) / seconds:.1f} inputs/s over {seconds:.0f} s "
        f"(corpus-wide stages {report.corpus_seconds:.0f} s); {counts}"
    )
