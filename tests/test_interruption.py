"""An ingest killed at any point: no half document, and the same command run again gives the export an
uninterrupted run gives. bench/kill.py runs the full loop; this is a reduced, seeded version of it."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bench.kill import PLACES, Reference, ingest_command, plan, run_reference, trial

from claimgraph.cli import build_parser
from claimgraph.ingest import ingest, pipeline
from claimgraph.settings import Settings
from claimgraph.store import Store

from .conftest import SAMPLES

if TYPE_CHECKING:
    from spacy.language import Language

# Five documents (the JSONL file holds three), so that two-document batches leave a kill room to land
# inside a batch, between two, or after the last.
INPUTS = ("wire.jsonl", "eastline-bridge.txt", "courier-evacuation.md")

linux_only = pytest.mark.skipif(
    not Path("/proc/self/maps").exists(), reason="the kill points are found through /proc/PID/maps"
)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Reference:
    root = tmp_path_factory.mktemp("kill")
    corpus = root / "in"
    corpus.mkdir()
    for name in INPUTS:
        shutil.copy(SAMPLES / name, corpus / name)
    db = root / "reference.duckdb"
    return run_reference(ingest_command([str(corpus)], db, commit_every=2), db)


@linux_only
def test_sigkill_anywhere_leaves_no_half_document_and_the_rerun_exports_the_same(
    reference: Reference, nlp: Language, tmp_path: Path
) -> None:
    def rerun(command: Sequence[str]) -> float:
        # The command's own library call, with the pipeline already loaded to keep the suite short;
        # the kills themselves hit the real command.
        args = build_parser().parse_args(command[1:])
        started = time.perf_counter()
        settings = Settings(
            db=args.db, n_process=args.n_process, commit_every=args.commit_every, progress=False
        )
        ingest(args.paths, settings=settings, nlp=nlp)
        return time.perf_counter() - started

    assert reference.documents == 5
    trials = [
        trial(reference, point, tmp_path / f"kill-{i}.duckdb", rerun=rerun)
        for i, point in enumerate(plan(reference, kills=5, seed=7))
    ]
    report = "\n".join(f"{t.point.describe()}: {t.place}, {t.landed} {list(t.problems)}" for t in trials)
    assert all(t.identical for t in trials), report
    assert sum(t.place != PLACES[-1] for t in trials) >= 4, report


def test_a_store_left_after_its_last_batch_is_indexed_and_brought_up_to_date_when_opened(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.duckdb"
    settings = Settings(db=str(db), n_process=1, progress=False)
    ingest([SAMPLES / "eastline-bridge.txt"], settings=settings, nlp=nlp)
    # As a kill between the last batch's commit and the end of the ingest leaves the store: the
    # documents stored, neither the search index nor the corpus-wide stages rebuilt for them.
    monkeypatch.setattr(pipeline, "finish_ingest", lambda *_, **__: None)
    ingest([SAMPLES / "courier-evacuation.md"], settings=settings, nlp=nlp)
    with Store(db, read_only=True) as store:
        found = {doc for doc, _ in store.search("evacuation", limit=5)}
        stored = {d.id: d.source for d in store.documents()}
        done = {r[0] for r in store.connection.execute("SELECT doc FROM corpus_documents").fetchall()}
    assert any(stored[doc].endswith("courier-evacuation.md") for doc in found)
    assert done == set(stored)


def _forked_children(pid: int) -> list[int]:
    """The processes ``pid`` forked that still run as it does (its spaCy workers)."""
    own = Path(f"/proc/{pid}/cmdline").read_bytes()
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rpartition(")")[2].split()[1])
            if ppid == pid and (stat.parent / "cmdline").read_bytes() == own:
                found.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _running(pid: int) -> bool:
    # An ended orphan stays a zombie until whatever adopted it reaps it, which a container's first
    # process may never do.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


@linux_only
def test_the_worker_processes_of_a_killed_ingest_end_with_it(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    command = [*ingest_command([str(SAMPLES)], db, commit_every=2), "--n-process", "2"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 300
        while not workers and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
            workers = _forked_children(process.pid)
        assert workers, "the ingest ended before its worker processes were seen"
        # Killed while the workers parse their first chunk: nothing of the ingest's clean-up runs.
        process.send_signal(signal.SIGKILL)
        process.wait()
        deadline = time.monotonic() + 20
        while any(_running(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if _running(w)], "orphaned worker processes"
    finally:
        process.kill()
        for worker in workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(worker, signal.SIGKILL)
