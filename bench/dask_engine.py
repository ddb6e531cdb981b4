"""Throughput of the dask engine on two local workers next to the local engine, on the same corpus.

A dask scheduler and two one-thread workers start as processes of their own on 127.0.0.1, as
`dask scheduler` and `dask worker` start them. The first --docs records of a JSONL corpus (written to
a temporary file) are then ingested by `claimgraph ingest`, each run a CLI process of its own into a
fresh store:

  local, n_process=2    the local engine with two spaCy worker processes;
  local, n_process=1    the local engine in one process;
  dask, cold workers    the dask engine on the two workers, which load the pipeline at their first task;
  dask, warm workers    the same again into another fresh store: the workers keep the pipeline they
                        loaded, as a long-lived cluster does.

Each run is timed from the start of its process to its end: Python's start, loading the pipeline (for
the local engine), reading, the per-document stages, storing and the corpus-wide stages. Documents/s
counts the documents stored; the rate before the corpus-wide stages (their seconds as the CLI reports
them), which both engines run alike in the ingesting process, is where the engines differ. Prints
the figures side by side, each dask run's rate against each local one's, and whether each dask
store's export equals the local engine's (it should, always).

    python bench/dask_engine.py [--docs 300] [--shard-docs 50] [--repeat 1] [CORPUS]

CORPUS defaults to ../shared/corpus/real/press_releases_en.jsonl. The machine's other load moves the
figures (on two cores the driver, the scheduler and the two workers share them already): --repeat N
runs every kind but the cold one N times, each into a fresh store, and keeps the fastest run, as other
load can only slow a run down.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "real" / "press_releases_en.jsonl"
START_TIMEOUT_S = 60.0


@dataclass(frozen=True, slots=True)
class Run:
    label: str
    db: Path
    documents: int
    rejected: int
    seconds: float
    corpus_seconds: float  # of the corpus-wide stages, which every engine runs alike in its driver

    @property
    def rate(self) -> float:
        return self.documents / self.seconds

    @property
    def rate_before_corpus_stages(self) -> float:
        return self.documents / (self.seconds - self.corpus_seconds)


def first_records(corpus: Path, n_docs: int, out: Path) -> int:
    with corpus.open(encoding="utf-8") as lines:
        records = [line for line in itertools.islice(lines, n_docs) if line.strip()]
    out.write_text("".join(records), encoding="utf-8")
    return len(records)


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@contextmanager
def local_cluster(folder: Path) -> Iterator[str]:
    """A scheduler and two one-thread workers, each in a session of its own so that all their
    processes end with it; yields the scheduler's address."""
    from distributed import Client

    address = f"tcp://127.0.0.1:{unused_port()}"
    commands = [["scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1]]]
    worker = ["worker", address, "--host", "127.0.0.1", "--nworkers", "1", "--nthreads", "1"]
    commands += [[*worker, "--local-directory", str(folder / f"worker{n}")] for n in range(2)]
    processes: list[subprocess.Popen[bytes]] = []
    try:
        for n, command in enumerate(commands):
            with (folder / f"dask{n}.log").open("wb") as log:
                processes.append(
                    subprocess.Popen(
                        [sys.executable, "-m", "dask", *command, "--no-dashboard"],
                        stdout=log,
                        stderr=subprocess.STDOUT,
                        start_new_session=True,
                    )
                )
        with Client(address, timeout=START_TIMEOUT_S, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=START_TIMEOUT_S)
        yield address
    finally:
        # Workers first, so that they close at once instead of waiting for their scheduler.
        for process in reversed(processes):
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            with suppress(subprocess.TimeoutExpired):
                process.wait(timeout=10)
        for process in processes:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def ingest(label: str, corpus: Path, db: Path, options: list[str]) -> Run:
    argv = [sys.executable, "-m", "claimgraph.cli", "ingest", str(corpus), "--db", str(db), "--no-progress"]
    started = time.perf_counter()
    done = subprocess.run([*argv, *options], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    # 3: some inputs were rejected, which the table shows; anything else is a failure.
    if done.returncode not in (0, 3):
        sys.exit(f"{label}: claimgraph ingest exited with {done.returncode}:\n{done.stdout}{done.stderr}")
    found = re.search(r"(\d+) new, \d+ updated, \d+ unchanged, (\d+) rejected", done.stdout)
    if found is None:
        sys.exit(f"{label}: no summary in the output of claimgraph ingest:\n{done.stdout}")
    corpus_stages = re.search(r"corpus-wide stages in ([\d.]+) s", done.stdout)
    corpus_seconds = float(corpus_stages[1]) if corpus_stages else 0.0
    return Run(label, db, int(found[1]), int(found[2]), seconds, corpus_seconds)


def same_export(a: Path, b: Path) -> bool:
    from claimgraph.export import build_export
    from claimgraph.store import Store

    with Store(str(a), read_only=True) as one, Store(str(b), read_only=True) as other:
        return build_export(one) == build_export(other)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--docs", type=int, default=300, help="records taken from the corpus")
    parser.add_argument("--shard-docs", type=int, default=50, help="documents per dask task")
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each kind but the cold one; the fastest counts"
    )
    args = parser.parse_args()

    if not args.corpus.is_file():
        print(f"corpus {args.corpus} is absent; pass one", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus.jsonl"
        records = first_records(args.corpus, args.docs, corpus)

        def fastest(label: str, name: str, options: list[str]) -> Run:
            runs = [ingest(label, corpus, folder / f"{name}-{n}.duckdb", options) for n in range(args.repeat)]
            return min(runs, key=lambda run: run.seconds)

        local = [fastest(f"local, n_process={n}", f"local{n}", ["--n-process", str(n)]) for n in (2, 1)]
        with local_cluster(folder) as address:
            engine = ["--engine", "dask", "--scheduler", address, "--shard-docs", str(args.shard_docs)]
            cold = ingest("dask, cold workers", corpus, folder / "dask-cold.duckdb", engine)
            dask = [cold, fastest("dask, warm workers", "dask-warm", engine)]
        same = {run.label: same_export(run.db, local[-1].db) for run in dask}

    print(
        f"{records} records of {args.corpus}; dask: 2 workers x 1 thread on 127.0.0.1, "
        f"--shard-docs {args.shard_docs}; {os.cpu_count()} cores; fastest of {args.repeat} but the cold run"
    )
    print(
        f"{'':24} {'stored':>6} {'rejected':>8} {'seconds':>8} {'docs/s':>7} "
        f"{'corpus-wide s':>13} {'docs/s before them':>18}"
    )
    for run in [*local, *dask]:
        print(
            f"{run.label:24} {run.documents:>6} {run.rejected:>8} {run.seconds:>8.1f} {run.rate:>7.2f} "
            f"{run.corpus_seconds:>13.1f} {run.rate_before_corpus_stages:>18.2f}"
        )
    for run in dask:
        ratios = ", ".join(f"{run.rate / base.rate:.2f} x {base.label}" for base in local)
        print(f"{run.label}: {ratios}; same export as the local engine: {'yes' if same[run.label] else 'NO'}")
    return 0 if all(same.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
