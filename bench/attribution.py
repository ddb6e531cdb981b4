"""Attribution quality on PolNeAR: our `extract_statements` next to textacy's direct quotations, in one run.

Data: ../shared/eval/external/polnear/data/<split> (brat standoff: text/<stem>.txt and
attributions/<stem>_<annotator>.ann), scored by ../shared/eval/score_polnear.py through its Python API
(imported from where it lies, never copied). Every article is read with newline='' and goes to our
spaCy pipeline (`load_pipeline`) untouched, with no cleaning, so offsets line up with the gold. Both
systems read the very same Doc objects: parsing is timed once, and each side's seconds are its
extraction alone. textacy's `direct_quotations` finds only direct quotes with a speaker and bails out
on a whole article whose quotation marks are unbalanced; such articles count as no predictions.

Predictions are written to OUT/ours.jsonl and OUT/textacy.jsonl in the scorer's format and read back
from there for scoring. Precision is always against all gold; recall per subset (all / speech cue /
direct quote); a source match also needs the content to overlap by half (the scorer's ov50 gate).

    python bench/attribution.py [--split test|dev|train] [--limit N] [--n-process 2] [--out DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from spacy.tokens import Doc, Token

from claimgraph.extract.statements import extract_statements
from claimgraph.models import Span
from claimgraph.nlp import load_pipeline
from claimgraph.settings import DEFAULT_SETTINGS

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
DEFAULT_DATA = EVAL / "external" / "polnear" / "data"
SCORER = EVAL / "score_polnear.py"

Frags = list[list[int]]
Attribution = dict[str, Frags | None]


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_polnear", SCORER)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot import the scorer {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ann_stem(path: Path) -> str:
    return path.name[: -len(".ann")].rsplit("_", 1)[0]


def readable(scorer: ModuleType, path: Path) -> bool:
    try:
        scorer.read_ann(str(path))
    except (IndexError, ValueError):
        return False
    return True


def load_gold(scorer: ModuleType, split_dir: Path, stems: Sequence[str]) -> dict[str, Any]:
    """The scorer's gold for just these articles, read through a temporary folder of links to them,
    so `load_gold` parses no more than is scored and nothing from the data lands in the repo."""
    wanted = set(stems)
    links = [split_dir / "text" / f"{s}.txt" for s in stems]
    links += [p for p in (split_dir / "attributions").glob("*.ann") if ann_stem(p) in wanted]
    with tempfile.TemporaryDirectory(prefix="polnear-") as view:
        for sub in ("text", "attributions"):
            (Path(view) / sub).mkdir()
        for path in links:
            os.symlink(path, Path(view) / path.parent.name / path.name)
        gold: dict[str, Any] = scorer.load_gold(view, DEFAULT_SETTINGS.spacy_model)
    return gold


def span(s: Span | None) -> Frags | None:
    return None if s is None else [[s.start, s.end]]


def token_frags(tokens: Iterable[Token]) -> Frags | None:
    """Character fragments of a token list; textacy's speaker and cue need not be contiguous."""
    frags: Frags = []
    previous = -2
    for tok in sorted(tokens, key=lambda t: t.i):
        if tok.i == previous + 1:
            frags[-1][1] = tok.idx + len(tok.text)
        else:
            frags.append([tok.idx, tok.idx + len(tok.text)])
        previous = tok.i
    return frags or None


def ours(stem: str, doc: Doc) -> list[Attribution]:
    return [
        {"source": span(st.speaker.span), "cue": span(st.cue_span), "content": span(st.content)}
        for st in extract_statements(stem, doc)
    ]


def textacy_peer() -> Callable[[str, Doc], list[Attribution]] | None:
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None

    def run(stem: str, doc: Doc) -> list[Attribution]:
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # an odd number of quotation marks in the article
            return []
        return [
            {"source": token_frags(t.speaker), "cue": token_frags(t.cue), "content": token_frags(t.content)}
            for t in triples
        ]

    return run


def run_system(
    extract: Callable[[str, Doc], list[Attribution]], stems: Sequence[str], docs: Sequence[Doc], path: Path
) -> float:
    started = time.perf_counter()
    predictions = [extract(stem, doc) for stem, doc in zip(stems, docs, strict=True)]
    seconds = time.perf_counter() - started
    with path.open("w", encoding="utf-8") as f:
        for stem, attributions in zip(stems, predictions, strict=True):
            f.write(json.dumps({"stem": stem, "attributions": attributions}) + "\n")
    return seconds


def table(results: dict[str, dict[str, Any]]) -> list[str]:
    names = list(results)
    lines = [
        f"{'span':<8} {'match':<6} {'subset':<7} " + "   ".join(f"{n:^22}" for n in names),
        f"{'':<23}" + "   ".join(f"{'P':>6} {'R':>7} {'F1':>7}" for _ in names),
    ]
    for kind in ("content", "source"):
        for crit in ("exact", "ov50"):
            for subset in ("all", "speech", "direct"):
                cells = [results[n][f"{kind}/{crit}/{subset}"] for n in names]
                row = "   ".join(f"{c['P']:>6.3f} {c['R']:>7.3f} {c['F1']:>7.3f}" for c in cells)
                lines.append(f"{kind:<8} {crit:<6} {subset:<7} {row}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", default="test", choices=["train", "dev", "test"])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (sorted by stem)")
    parser.add_argument("--n-process", type=int, default=2, help="spaCy processes for parsing")
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help=f"PolNeAR data (default {DEFAULT_DATA})"
    )
    parser.add_argument(
        "--out", type=Path, default=None, help="prediction folder (default out/polnear-SPLIT)"
    )
    args = parser.parse_args()
    split_dir: Path = args.data / args.split
    for needed in (split_dir / "text", split_dir / "attributions", SCORER):
        if not needed.exists():
            sys.exit(f"no benchmark data: {needed} is absent (the shared eval data sits beside the repo)")
    out: Path = args.out or ROOT / "out" / f"polnear-{args.split}"
    out.mkdir(parents=True, exist_ok=True)

    scorer = load_scorer()
    annotations = sorted((split_dir / "attributions").glob("*.ann"))
    # One train file has an entity text with a line break, which the scorer's parser cannot read.
    unreadable = {ann_stem(p) for p in annotations if not readable(scorer, p)}
    if unreadable:
        print(
            f"skipping {len(unreadable)} articles the scorer cannot parse: {sorted(unreadable)}",
            file=sys.stderr,
        )
    stems = sorted({ann_stem(p) for p in annotations} - unreadable)[: args.limit]
    texts = [(split_dir / "text" / f"{s}.txt").open(encoding="utf-8", newline="").read() for s in stems]
    gold = load_gold(scorer, split_dir, stems)

    started = time.perf_counter()
    nlp = load_pipeline()
    docs = list(nlp.pipe(texts, n_process=args.n_process))
    parse_seconds = time.perf_counter() - started

    systems: dict[str, Callable[[str, Doc], list[Attribution]] | None] = {
        "ours": ours,
        "textacy": textacy_peer(),
    }
    results: dict[str, dict[str, Any]] = {}
    seconds: dict[str, float] = {}
    for name, extract in systems.items():
        if extract is None:
            print(f"{name}: unavailable (pip install -r requirements-bench.txt); left out", file=sys.stderr)
            continue
        path = out / f"{name}.jsonl"
        seconds[name] = run_system(extract, stems, docs, path)
        results[name] = scorer.score(gold, scorer.load_preds(str(path)), gate="ov50")

    stats = scorer.gold_stats(gold)
    print(f"PolNeAR {args.split}: {stats['articles']} articles, gold attributions {stats['attributions']}")
    print(f"spaCy parse (shared): {parse_seconds:.1f}s with n_process={args.n_process}; predictions in {out}")
    for name in results:
        first = results[name]["content/exact/all"]
        print(f"  {name}: {first['n_pred']} predictions, extraction {seconds[name]:.2f}s")
    if "textacy" in results:
        unbalanced = sum(sum(t.is_quote for t in doc) % 2 for doc in docs)
        print(f"  textacy gave up on {unbalanced} articles with an odd number of quote tokens")
    print("\n".join(table(results)))


if __name__ == "__main__":
    main()
