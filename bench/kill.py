"""Interruption: SIGKILL a real `claimgraph ingest` at random points and check what it leaves behind.

A reference run ingests the input uninterrupted into a store of its own and is exported. Then, again
and again, the same command starts on a fresh store and is killed (SIGKILL, so nothing of Python's
clean-up runs) at a point drawn from a seeded plan:

  start     a random delay from the start of the process: loading the pipeline, the batches, the end;
  document  a random delay after the progress bar counted document k: inside a batch or between two;
  search    as soon as the process has mapped DuckDB's FTS extension (seen in /proc/PID/maps), which
            it loads for the search-index rebuild after the last batch, plus a few milliseconds;
  corpus    a random delay into the corpus-wide update, which follows the search-index rebuild.

Where a kill landed is read from the store it left (documents stored, search index current or not,
corpus-wide stages done or not) before anything opens it with claimgraph. After each kill:

  1. the store opens read-only (which rebuilds a search index left stale and brings a store left
     before the corpus-wide stages up to date) and then read-write;
  2. it holds no half document: for every stored document, its rows in `documents` and in every
     per-document table (claimgraph.store.db.DOCUMENT_TABLES) equal the reference run's; no such
     table holds a row of a document that is not stored; the corpus-wide tables agree with
     `corpus_documents` (which lists exactly the stored documents), the search index covers exactly
     the stored documents, and each stored document's MinHash signature and bands equal the
     reference's;
  3. the same command, run again, completes, and the export of the store is identical to the
     reference's export (the whole JSON object: `claimgraph.export` writes nothing run-dependent, no
     timestamp, so no field is left out of the comparison), as are the per-document rows of every
     document and the search hits for a few words.

Figures: each kill's plan, where it landed, the seconds to open the store after it and to run the
command again, and whether everything was identical. Exit status 1 when any kill broke something.

    python bench/kill.py [--kills 24] [--seed 1] [--commit-every 2] [--keep DIR] [--json FILE] [INPUT ...]

By default the input is samples/corpus plus ../shared/corpus/dev when it exists, ingested with
`--n-process 1`. On two cores under load, 24 kills take about ten minutes.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import duckdb

from claimgraph.export import build_export
from claimgraph.store import Store
from claimgraph.store.db import DOCUMENT_TABLES

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "corpus"
DEV = ROOT.parent / "shared" / "corpus" / "dev"
CLAIMGRAPH = Path(sys.executable).parent / "claimgraph"
SEARCH_WORDS = ("bridge", "civilians", "governor", "Bakhmut")
FTS_LIBRARY = "fts.duckdb_extension"

# Export fields that legitimately differ between two runs of the same command. claimgraph.export
# writes no timestamp, and a document's `source` is the path as given, the same when the command is.
RUN_DEPENDENT_FIELDS: tuple[str, ...] = ()

Rows = dict[str, dict[str, list[tuple[Any, ...]]]]
"""Table -> document id -> that document's rows, sorted."""

Anchor = Literal["start", "document", "search", "corpus"]


@dataclass(frozen=True, slots=True)
class KillPoint:
    anchor: Anchor
    delay: float
    """Seconds after the anchor."""
    documents: int = 0
    """For the ``document`` anchor: the progress count to wait for."""

    def describe(self) -> str:
        if self.anchor == "document":
            return f"{self.delay:.2f} s after document {self.documents}"
        return f"{self.delay:.2f} s after {self.anchor}"


@dataclass(frozen=True, slots=True)
class Reference:
    command: tuple[str, ...]
    db: Path
    documents: int
    rows: Rows
    signatures: Rows
    export: dict[str, Any]
    search: dict[str, list[str]]
    seconds: float
    """The uninterrupted command, start to exit."""
    search_after: float
    """Seconds from the FTS extension's loading to the exit: the search index and corpus-wide stages."""


@dataclass(frozen=True, slots=True)
class Trial:
    point: KillPoint
    killed_after: float
    place: str
    """One of PLACES."""
    landed: str
    stored: int
    open_seconds: float
    rerun_seconds: float
    problems: tuple[str, ...]
    runs: int = 1
    """Runs of the command it took to kill one at the point (a point it outlived is halved)."""

    @property
    def identical(self) -> bool:
        return not self.problems


@dataclass(slots=True)
class _Progress:
    """What the killed process showed before its end, read from its stderr and /proc."""

    documents: int = 0
    search_started: float | None = None
    stderr: list[str] = field(default_factory=list)


# -- the command -------------------------------------------------------------------------------------


def ingest_command(inputs: Sequence[str], db: Path, *, commit_every: int) -> tuple[str, ...]:
    return (
        str(CLAIMGRAPH), "ingest", *inputs, "--db", str(db), "--n-process", "1",
        "--commit-every", str(commit_every), "--progress",
    )  # fmt: skip


def with_db(command: Sequence[str], db: Path) -> tuple[str, ...]:
    """The same command writing to another store."""
    out = list(command)
    out[out.index("--db") + 1] = str(db)
    return tuple(out)


def _run(command: Sequence[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr[-2000:]}")
    return time.perf_counter() - started


def _watch(process: subprocess.Popen[bytes], progress: _Progress, started: float) -> Iterator[None]:
    """Reads the progress bar on stderr in a thread; yields every few milliseconds while it runs."""
    assert process.stderr is not None
    stderr = process.stderr

    def read() -> None:
        while chunk := stderr.read1(4096):
            text = chunk.decode("utf-8", "replace")
            progress.stderr.append(text)
            for part in text.split("\r"):
                count = part.partition("doc [")[0].rpartition(" ")[2]
                if count.isdigit():
                    progress.documents = max(progress.documents, int(count))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    maps = Path(f"/proc/{process.pid}/maps")
    while process.poll() is None:
        if progress.search_started is None:
            with contextlib.suppress(OSError):
                if FTS_LIBRARY in maps.read_text(errors="replace"):
                    progress.search_started = time.perf_counter() - started
        yield
        time.sleep(0.003)
    reader.join(timeout=5)


def run_reference(command: Sequence[str], db: Path) -> Reference:
    """The uninterrupted run: its store's rows and export, and how long its stages took."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    progress = _Progress()
    for _ in _watch(process, progress, started):
        pass
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(
            f"the reference run exited {process.returncode}: {''.join(progress.stderr)[-2000:]}"
        )
    if progress.search_started is None:
        raise RuntimeError("the reference run never loaded the FTS extension; is /proc readable?")
    with _raw(db) as con:
        rows, signatures = document_rows(con), signature_rows(con)
    return Reference(
        command=tuple(command),
        db=db,
        documents=len(rows["documents"]),
        rows=rows,
        signatures=signatures,
        export=exported(db),
        search=search_hits(db),
        seconds=seconds,
        search_after=seconds - progress.search_started,
    )


def kill_at(command: Sequence[str], point: KillPoint) -> tuple[float, _Progress, int | None]:
    """Run the command and SIGKILL it at the point; returns when it was killed, what it showed, and
    its exit status if it ended first."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    progress = _Progress()
    anchored: float | None = 0.0 if point.anchor == "start" else None
    killed_after = 0.0
    for _ in _watch(process, progress, started):
        now = time.perf_counter() - started
        if anchored is None:
            if point.anchor == "document" and progress.documents >= point.documents:
                anchored = now
            elif point.anchor in ("search", "corpus") and progress.search_started is not None:
                anchored = progress.search_started
        if anchored is not None and now >= anchored + point.delay:
            process.send_signal(signal.SIGKILL)
            killed_after = now
            break
    status = process.wait()
    if process.stderr is not None:
        process.stderr.close()
    return killed_after, progress, (None if status == -signal.SIGKILL else status)


# -- the store --------------------------------------------------------------------------------------


@contextlib.contextmanager
def _raw(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only look at the store with DuckDB alone, without claimgraph's upgrade on opening."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        yield con
    finally:
        con.close()


def _tables(con: duckdb.DuckDBPyConnection, schema: str = "main") -> set[str]:
    return {
        r[0]
        for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = ?", [schema]
        ).fetchall()
    }


def _by_doc(con: duckdb.DuckDBPyConnection, sql: str) -> dict[str, list[tuple[Any, ...]]]:
    """Rows grouped by their first column, each group sorted."""
    out: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in con.execute(sql).fetchall():
        out[row[0]].append(tuple(row[1:]))
    return {doc: sorted(rows, key=repr) for doc, rows in out.items()}


def document_rows(con: duckdb.DuckDBPyConnection) -> Rows:
    """Every document's rows in `documents` (but the time it was stored) and the per-document tables."""
    columns = [r[0] for r in con.execute("SELECT * FROM documents LIMIT 0").description]
    kept = ", ".join(f'"{c}"' for c in columns if c != "ingested_at")
    rows = {"documents": _by_doc(con, f"SELECT id, {kept} FROM documents")}
    for table in DOCUMENT_TABLES:
        rows[table] = _by_doc(con, f"SELECT doc, * FROM {table}")
    return rows


def signature_rows(con: duckdb.DuckDBPyConnection) -> Rows:
    """The corpus-wide rows that depend on a document alone: its MinHash signature and bands."""
    return {table: _by_doc(con, f"SELECT doc, * FROM {table}") for table in ("doc_signatures", "doc_bands")}


def document_tables_of_schema(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The tables with a `doc` column that the per-document stages write (not the corpus-wide ones)."""
    corpus = {"corpus_documents", "doc_signatures", "doc_bands", "claims", "entity_spans"}
    with_doc = {
        r[0]
        for r in con.execute(
            "SELECT table_name FROM information_schema.columns"
            " WHERE table_schema = 'main' AND column_name = 'doc'"
        ).fetchall()
    }
    return with_doc - corpus


def landed(db: Path, reference: Reference, progress: _Progress, killed_after: float) -> tuple[str, str, int]:
    """Where the kill landed: a place (one of PLACES), what the store and the process showed there
    (the store read without claimgraph, so before anything brings it up to date), and how many
    documents were stored."""
    if not db.exists():
        return PLACES[0], "the store not created yet", 0
    with _raw(db) as con:
        if "claim_sentences" not in _tables(con):
            return PLACES[1], "the store without all its tables", 0
        stored = _count(con, "SELECT count(*) FROM documents")
        if stored < reference.documents:
            # The bar is drawn ten times a second at most, so it may show fewer than were stored.
            more = progress.documents - stored
            detail = f"{stored} of {reference.documents} documents stored"
            return PLACES[2], detail + (f", {more} more analysed: inside a batch" if more > 0 else ""), stored
        if not _search_index_current(con):
            started = progress.search_started
            if started is None:
                return PLACES[3], "all documents stored, the search index not rebuilt", stored
            return PLACES[4], f"{killed_after - started:.2f} s after the FTS extension was loaded", stored
        if _count(con, "SELECT count(*) FROM corpus_documents") != stored:
            into = killed_after - (progress.search_started or killed_after)
            return PLACES[5], f"{into:.2f} s after the FTS extension was loaded", stored
        return PLACES[6], "everything stored; the process was ending", stored


PLACES = (
    "loading the pipeline",
    "creating the store",
    "per-document stage",
    "after the last batch, before the search-index rebuild",
    "during the search-index rebuild",
    "during the corpus-wide stages",
    "after the corpus-wide stages committed",
    "not killed",
)


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


def _search_index_current(con: duckdb.DuckDBPyConnection) -> bool:
    if "docs" not in _tables(con, "fts_main_documents"):
        return _count(con, "SELECT count(*) FROM documents") == 0
    return not _count(
        con,
        "SELECT (SELECT count(*) FROM documents ANTI JOIN fts_main_documents.docs f ON f.name = documents.id)"
        " + (SELECT count(*) FROM fts_main_documents.docs f ANTI JOIN documents d ON d.id = f.name)",
    )


def half_documents(db: Path, reference: Reference) -> list[str]:
    """What in the store breaks the rule that a document is stored whole or not at all, and that the
    corpus-wide tables follow the stored documents; empty when nothing does."""
    problems: list[str] = []
    with _raw(db) as con:
        unknown = document_tables_of_schema(con) - set(DOCUMENT_TABLES)
        if unknown:
            problems.append(f"tables keyed by doc that the check does not know: {sorted(unknown)}")
        rows = document_rows(con)
        stored = set(rows["documents"])
        for doc in sorted(stored - set(reference.rows["documents"])):
            problems.append(f"document {doc} is not in the reference run")
        for table, by_doc in rows.items():
            for doc in sorted(set(by_doc) - stored):
                problems.append(f"{table} holds {len(by_doc[doc])} rows of {doc}, which is not stored")
            for doc in sorted(stored):
                if by_doc.get(doc, []) != reference.rows[table].get(doc, []):
                    problems.append(f"{table}: the rows of {doc} differ from the reference run's")
        done = set(_by_doc(con, "SELECT doc, copies FROM corpus_documents"))
        if done != stored:
            problems.append(
                f"corpus_documents lists {len(done)} documents, the store holds {len(stored)}"
                f" ({len(done - stored)} gone, {len(stored - done)} missing)"
            )
        for table, by_doc in signature_rows(con).items():
            if set(by_doc) != done:
                problems.append(f"{table} covers {len(by_doc)} documents, corpus_documents {len(done)}")
            for doc in sorted(set(by_doc) & done):
                if by_doc[doc] != reference.signatures[table].get(doc):
                    problems.append(f"{table}: the rows of {doc} differ from the reference run's")
        for label, sql in _DANGLING.items():
            if n := _count(con, sql):
                problems.append(f"{n} {label}")
        if not _search_index_current(con):
            problems.append("the search index does not cover exactly the stored documents")
    return problems


# Rows of the corpus-wide tables that point at something no longer (or not yet) there.
_DANGLING = {
    "claims of documents not through the corpus-wide stages": (
        "SELECT count(*) FROM claims ANTI JOIN corpus_documents c ON c.doc = claims.doc"
    ),
    "claim blocks of unknown claims": (
        "SELECT count(*) FROM claim_blocks b ANTI JOIN claims c ON c.id = b.claim"
    ),
    "claim assertions of unknown claims": (
        "SELECT count(*) FROM claim_assertions a ANTI JOIN claims c ON c.id = a.claim"
    ),
    "disputes over unknown claims": (
        "SELECT count(*) FROM disputes d WHERE a_claim NOT IN (SELECT id FROM claims)"
        " OR b_claim NOT IN (SELECT id FROM claims)"
    ),
    "entity spans of documents not through the corpus-wide stages": (
        "SELECT count(*) FROM entity_spans s ANTI JOIN corpus_documents c ON c.doc = s.doc"
    ),
    "entity spans of unknown entities": (
        "SELECT count(*) FROM entity_spans s ANTI JOIN entities e ON e.id = s.entity"
    ),
    "entities without a mention": (
        "SELECT count(*) FROM entities e ANTI JOIN entity_spans s ON s.entity = e.id"
    ),
    "entity mentions of documents through the corpus-wide stages that no entity holds": (
        "SELECT count(*) FROM entity_mentions m SEMI JOIN corpus_documents c ON c.doc = m.doc"
        ' ANTI JOIN entity_spans s ON s.doc = m.doc AND s.start = m.start AND s."end" = m."end"'
    ),
    "copy pairs of documents not through the corpus-wide stages": (
        "SELECT count(*) FROM copy_pairs p WHERE a NOT IN (SELECT doc FROM corpus_documents)"
        " OR b NOT IN (SELECT doc FROM corpus_documents)"
    ),
}


def exported(db: Path) -> dict[str, Any]:
    with Store(db, read_only=True) as store:
        return _without_run_dependent(build_export(store))


def _without_run_dependent(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_run_dependent(v) for k, v in value.items() if k not in RUN_DEPENDENT_FIELDS}
    if isinstance(value, list):
        return [_without_run_dependent(v) for v in value]
    return value


def search_hits(db: Path) -> dict[str, list[str]]:
    with Store(db, read_only=True) as store:
        return {word: [doc for doc, _ in store.search(word, limit=20)] for word in SEARCH_WORDS}


def export_differences(got: dict[str, Any], want: dict[str, Any]) -> list[str]:
    """Which record kinds of two exports differ, and a first example of how."""
    out = []
    for kind in sorted(set(got) | set(want)):
        a, b = got.get(kind), want.get(kind)
        if a == b:
            continue
        if isinstance(a, list) and isinstance(b, list):
            first = next(
                (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
            )
            example = json.dumps(a[first] if first < len(a) else None, ensure_ascii=False)[:300]
            out.append(
                f"export {kind}: {len(a)} records, reference {len(b)}; first difference at {first}: {example}"
            )
        else:
            out.append(f"export {kind}: {a!r} vs reference {b!r}")
    return out


# -- one kill ---------------------------------------------------------------------------------------


def trial(
    reference: Reference,
    point: KillPoint,
    db: Path,
    *,
    rerun: Callable[[Sequence[str]], float] = _run,
    attempts: int = 4,
) -> Trial:
    """Kill the reference's command (writing to ``db``, which must not exist) at ``point``, check the
    store it leaves, run the command again with ``rerun`` and compare with the reference. A point the
    command outlives (the machine ran faster than in the reference run) is tried again on a fresh
    store with half the delay, up to ``attempts`` runs in all."""
    command = with_db(reference.command, db)
    for attempt in range(1, attempts + 1):
        killed_after, progress, status = kill_at(command, point)
        if status is None or attempt == attempts:
            break
        for path in (db, db.with_name(db.name + ".wal")):
            path.unlink(missing_ok=True)
        point = replace(point, delay=point.delay / 2)
    place, where, stored = landed(db, reference, progress, killed_after)
    if status is not None:
        place, where = PLACES[-1], f"the command ended first (exit status {status}) {attempts} times"
    problems: list[str] = []
    open_seconds = 0.0
    if db.exists():
        started = time.perf_counter()
        try:
            Store(db, read_only=True).close()
            open_seconds = time.perf_counter() - started
            Store(db).close()
        except Exception as exc:
            problems.append(f"the store does not open: {exc}")
        else:
            problems += half_documents(db, reference)
    rerun_seconds = 0.0
    try:
        rerun_seconds = rerun(command)
        with _raw(db) as con:
            rows = document_rows(con)
        if rows != reference.rows:
            problems.append("after the re-run the per-document rows differ from the reference run's")
        problems += export_differences(exported(db), reference.export)
        if (hits := search_hits(db)) != reference.search:
            problems.append(f"after the re-run the search hits differ: {hits} vs {reference.search}")
    except Exception as exc:
        problems.append(f"the command run again, or reading its store, failed: {exc}")
    return Trial(
        point, killed_after, place, where, stored, open_seconds, rerun_seconds, tuple(problems), attempt
    )


def plan(reference: Reference, *, kills: int, seed: int) -> list[KillPoint]:
    """Kill points, the same for the same seed: a third a little after a random document (inside a
    batch or between two), a sixth each at random delays from the start, at the search-index rebuild
    and into the corpus-wide stages; shuffled."""
    rng = random.Random(seed)
    anchors: list[Anchor] = ["start", "document", "search", "document", "corpus", "document"]
    points = []
    for i in range(kills):
        anchor = anchors[i % len(anchors)]
        if anchor == "start":
            points.append(KillPoint("start", rng.uniform(0, reference.seconds)))
        elif anchor == "document":
            # The documents of one spaCy batch come out within a fraction of a second.
            after = rng.randint(1, max(1, reference.documents - 1))
            points.append(KillPoint("document", rng.uniform(0, 0.1), documents=after))
        elif anchor == "search":
            points.append(KillPoint("search", rng.uniform(0, 0.05)))
        else:
            points.append(KillPoint("corpus", rng.uniform(0.05, 0.9) * reference.search_after))
    rng.shuffle(points)
    return points


# -- the benchmark ----------------------------------------------------------------------------------


def default_inputs() -> list[str]:
    found = [SAMPLES] + ([DEV] if DEV.is_dir() else [])
    return [os.path.relpath(p) for p in found]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "inputs", nargs="*", metavar="INPUT", help="default: samples/corpus and the dev corpus"
    )
    parser.add_argument("--kills", type=int, default=24)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--commit-every", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep the stores in this folder")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if not Path(f"/proc/{os.getpid()}/maps").exists():
        print("bench/kill.py reads /proc/PID/maps to see the search-index rebuild start: Linux only")
        return 2
    inputs = args.inputs or default_inputs()
    work = args.keep or Path(tempfile.mkdtemp(prefix="claimgraph-kill-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        return _bench(
            inputs, work, kills=args.kills, seed=args.seed, commit_every=args.commit_every, out=args.json
        )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def _bench(
    inputs: list[str], work: Path, *, kills: int, seed: int, commit_every: int, out: Path | None
) -> int:
    for stale in work.glob("*.duckdb*"):
        stale.unlink()
    command = ingest_command(inputs, work / "reference.duckdb", commit_every=commit_every)
    print("command:", " ".join(command), flush=True)
    reference = run_reference(command, work / "reference.duckdb")
    print(
        f"reference: {reference.documents} documents in {reference.seconds:.1f} s, of which "
        f"{reference.search_after:.1f} s search index and corpus-wide stages\n",
        flush=True,
    )
    header = f"{'#':>3}  {'kill point':<28} {'killed at':>9}  {'open s':>6} {'re-run s':>8}  ok   landed"
    print(header, flush=True)
    trials = []
    for i, point in enumerate(plan(reference, kills=kills, seed=seed), 1):
        t = trial(reference, point, work / f"kill-{i:02d}.duckdb")
        trials.append(t)
        figures = f"{t.killed_after:>8.2f}s  {t.open_seconds:>6.2f} {t.rerun_seconds:>8.1f}"
        ok = "yes" if t.identical else "NO"
        print(f"{i:>3}  {t.point.describe():<28} {figures}  {ok:<4} {t.place}: {t.landed}", flush=True)
        for problem in t.problems:
            print(f"       ! {problem}", flush=True)
        _write_figures(out, command, reference, trials)
    identical = all(t.identical for t in trials)
    killed = [t for t in trials if t.place != PLACES[-1]]
    print()
    runs = sum(t.runs for t in trials)
    print(f"kills: {len(killed)}, in {runs} runs of the command (a run that outlived its kill point was")
    print("  tried again with half the delay)")
    for place in PLACES:
        if n := sum(t.place == place for t in trials):
            print(f"  {n:>3}  {place}")
    opens = sorted(t.open_seconds for t in killed)
    reruns = sorted(t.rerun_seconds for t in killed)
    if killed:
        print(
            f"recovery: opening the store {_median(opens):.2f} s median ({opens[-1]:.2f} s max); "
            f"the command run again {_median(reruns):.1f} s median ({reruns[-1]:.1f} s max), "
            f"the uninterrupted run {reference.seconds:.1f} s"
        )
    print(f"no half document, every export identical: {'yes' if identical else 'NO'}")
    _write_figures(out, command, reference, trials)
    return 0 if identical else 1


def _write_figures(
    out: Path | None, command: Sequence[str], reference: Reference, trials: list[Trial]
) -> None:
    """The figures so far as JSON: written after every kill, so that a stopped run keeps them."""
    if out is None:
        return
    figures = {
        "command": list(command),
        "reference_seconds": reference.seconds,
        "trials": [
            {
                "point": point_dict(t.point),
                "killed_after": t.killed_after,
                "place": t.place,
                "landed": t.landed,
                "stored": t.stored,
                "open_seconds": t.open_seconds,
                "rerun_seconds": t.rerun_seconds,
                "problems": list(t.problems),
                "runs": t.runs,
            }
            for t in trials
        ],
        "identical": all(t.identical for t in trials),
    }
    out.write_text(json.dumps(figures, indent=1) + "\n")


def point_dict(point: KillPoint) -> dict[str, Any]:
    return {"anchor": point.anchor, "delay": point.delay, "documents": point.documents}


def _median(values: Sequence[float]) -> float:
    return values[len(values) // 2]


if __name__ == "__main__":
    sys.exit(main())
