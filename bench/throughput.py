"""Throughput of the whole `ingest` next to bare spaCy on the same texts, measured in one run.

The dev corpus (../shared/corpus/dev) is repeated to --docs documents, each copy made unique so the
content-hash deduplication does not skip it. Each side runs in its own process so its peak memory
is its own: ours is `claimgraph.ingest.ingest` into a fresh store (read, clean, spaCy with our
gazetteer layer, store, search index), the peer is `spacy.load(model)` + `nlp.pipe(n_process=2)`.
Both timings include loading the model. Prints documents/s, the ratio (target >= 0.7) and peak RSS,
then what statement extraction costs next to the spaCy pass it reads (target <= 20%).

    python bench/throughput.py [--docs 2000] [--corpus ../shared/corpus/dev]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


def make_corpus(source: Path, folder: Path, n_docs: int) -> list[Path]:
    originals = sorted(p for p in source.iterdir() if p.is_file())
    if not originals:
        sys.exit(f"no articles in {source}")
    texts = [p.read_text(encoding="utf-8") for p in originals]
    paths = []
    for i in range(n_docs):
        path = folder / f"{i:05d}_{originals[i % len(originals)].name}"
        # A distinct last line keeps every copy's content hash unique.
        path.write_text(
            f"{texts[i % len(texts)]}\n\nCopy number {i} of the benchmark corpus.\n", encoding="utf-8"
        )
        paths.append(path)
    return paths


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def run_ours(folder: Path, n_process: int) -> dict[str, float]:
    from claimgraph.ingest import ingest
    from claimgraph.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=str(Path(tmp) / "bench.duckdb"), n_process=n_process, progress=False)
        started = time.perf_counter()
        report = ingest([folder], settings=settings)
        seconds = time.perf_counter() - started
    return {"docs": report.new, "seconds": seconds, "peak_mb": peak_rss_mb()}


def run_bare(folder: Path, n_process: int) -> dict[str, float]:
    import spacy

    from claimgraph.settings import DEFAULT_SETTINGS

    started = time.perf_counter()
    nlp = spacy.load(DEFAULT_SETTINGS.spacy_model)
    texts = (p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()))
    count = sum(1 for _ in nlp.pipe(texts, n_process=n_process, batch_size=DEFAULT_SETTINGS.nlp_batch_size))
    seconds = time.perf_counter() - started
    return {"docs": count, "seconds": seconds, "peak_mb": peak_rss_mb()}


def run_stage_costs(folder: Path, n_process: int) -> dict[str, float]:
    """Seconds of the spaCy pass (our pipeline, one process) and of each later stage over its docs."""
    from claimgraph.extract.statements import extract_statements
    from claimgraph.nlp import entity_mentions, load_pipeline

    nlp = load_pipeline()
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())[:300]]
    started = time.perf_counter()
    docs = list(nlp.pipe(texts))
    spacy_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for i, doc in enumerate(docs):
        entity_mentions(str(i), doc)
    mention_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for i, doc in enumerate(docs):
        extract_statements(str(i), doc)
    statement_seconds = time.perf_counter() - started
    return {
        "docs": len(docs),
        "spacy": spacy_seconds,
        "mentions": mention_seconds,
        "statements": statement_seconds,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--side", choices=("ours", "bare", "stages"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.side:
        runners = {"ours": run_ours, "bare": run_bare, "stages": run_stage_costs}
        result = runners[args.side](args.folder, args.n_process)
        print(json.dumps(result))
        return 0

    if not args.corpus.is_dir():
        print(f"corpus {args.corpus} is absent; pass --corpus", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_corpus(args.corpus, folder, args.docs)
        results = {}
        for side in ("bare", "ours", "stages"):
            out = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--side",
                    side,
                    "--folder",
                    str(folder),
                    "--n-process",
                    str(args.n_process),
                ],
                check=True,
                capture_output=True,
                text=True,
            )
            results[side] = json.loads(out.stdout.strip().splitlines()[-1])

    print(f"{args.docs} documents from {args.corpus}, n_process={args.n_process}")
    print(f"{'':28} {'docs':>6} {'seconds':>8} {'docs/s':>8} {'peak MB':>8}")
    labels = {"bare": "bare spaCy nlp.pipe", "ours": "claimgraph ingest (whole)"}
    for side, label in labels.items():
        r = results[side]
        rate = r["docs"] / r["seconds"]
        print(f"{label:28} {r['docs']:>6.0f} {r['seconds']:>8.1f} {rate:>8.1f} {r['peak_mb']:>8.0f}")
    ratio = (results["ours"]["docs"] / results["ours"]["seconds"]) / (
        results["bare"]["docs"] / results["bare"]["seconds"]
    )
    print(f"throughput ratio ours/bare: {ratio:.2f} (target >= 0.70)")
    stages = results["stages"]
    share = stages["statements"] / stages["spacy"]
    print(
        f"stage cost on {stages['docs']:.0f} docs, one process: spaCy pass {stages['spacy']:.1f} s, "
        f"statements {stages['statements']:.2f} s ({share:.1%} of the spaCy pass, target <= 20%), "
        f"entity mentions {stages['mentions']:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
