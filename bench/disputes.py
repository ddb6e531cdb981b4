"""Dispute detection: `dispute_kind` on hand-judged sentence pairs.

Pairs: bench/data/dispute_pairs.csv (written for this benchmark, see bench/data/README.md) holds pairs
of sentences from two different sources. Each pair is about one kind of disagreement, `numeric` (one
quantity, two values), `status` (who holds a place: captured, withdrew, encircled, still holds) or
`stance` (opposite evaluations of one thing), and is judged a dispute (1: both cannot be true, or they
take opposite positions) or a look-alike that is not one (0: numbers within rounding or a range,
different slots, places or dates, agreement in other words, a hedge that fits the other claim).

Every pair goes to `dispute_kind(a, b)` once, on its own. A pair is flagged when the call returns a
kind ("numeric", "status" or "stance") and not flagged when it returns None. Rows are grouped by the
pair's judged kind: precision is the share of flagged pairs that are disputes, recall the share of
disputes that are flagged, and "kind ok" the share of flagged disputes whose returned kind is the
judged one. A false positive counts under the pair's judged kind, whatever kind was returned. The
first call is made once untimed, so the time excludes whatever the function loads on first use.
Target: precision >= 0.80 overall. `--check-order` also calls `dispute_kind(b, a)` and lists the
pairs whose answer changes with the order (a dispute is symmetric).

    python bench/disputes.py [--pairs FILE] [--show-errors] [--check-order]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.claims import dispute_kind

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAIRS = ROOT / "bench" / "data" / "dispute_pairs.csv"
COLUMNS = ("a", "b", "kind", "dispute", "note")
KINDS = ("numeric", "status", "stance")
TARGET_PRECISION = 0.80


@dataclass(frozen=True, slots=True)
class Pair:
    line: int
    a: str
    b: str
    kind: str
    dispute: bool
    note: str


@dataclass(slots=True)
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    kind_ok: int = 0  # true positives whose returned kind is the judged one

    def add(self, pair: Pair, predicted: str | None) -> None:
        if pair.dispute and predicted is not None:
            self.tp += 1
            self.kind_ok += predicted == pair.kind
        elif predicted is not None:
            self.fp += 1
        elif pair.dispute:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def kind_accuracy(self) -> float | None:
        return self.kind_ok / self.tp if self.tp else None


@dataclass(slots=True)
class Outcome:
    """Every pair's prediction by line, and the time the calls took."""

    predicted: dict[int, str | None] = field(default_factory=dict)
    swapped: dict[int, str | None] = field(default_factory=dict)
    seconds: float = 0.0


def load_pairs(path: Path) -> list[Pair]:
    if not path.exists():
        sys.exit(f"no pairs file: {path}")
    pairs: list[Pair] = []
    problems: list[str] = []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            sys.exit(f"{path}: the header must be {','.join(COLUMNS)}")
        for line, row in enumerate(reader, start=2):
            values = {k: (row.get(k) or "").strip() for k in COLUMNS}
            if not values["a"] or not values["b"]:
                problems.append(f"line {line}: a and b must not be empty")
            if values["kind"] not in KINDS:
                problems.append(f"line {line}: kind {values['kind']!r} is not one of {', '.join(KINDS)}")
            if values["dispute"] not in ("0", "1"):
                problems.append(f"line {line}: dispute must be 0 or 1, not {values['dispute']!r}")
            pairs.append(
                Pair(
                    line=line,
                    a=values["a"],
                    b=values["b"],
                    kind=values["kind"],
                    dispute=values["dispute"] == "1",
                    note=values["note"],
                )
            )
    if problems:
        sys.exit(f"{path}: bad rows\n  " + "\n  ".join(problems))
    if not pairs:
        sys.exit(f"{path}: no pairs")
    return pairs


def predict(a: str, b: str, line: int) -> str | None:
    kind = dispute_kind(a, b)
    if kind is not None and kind not in KINDS:
        sys.exit(f"line {line}: dispute_kind returned {kind!r}, not one of {', '.join(KINDS)} or None")
    return kind


def evaluate(pairs: Sequence[Pair], check_order: bool) -> Outcome:
    outcome = Outcome()
    dispute_kind(pairs[0].a, pairs[0].b)  # untimed: loads whatever the function loads on first use
    started = time.perf_counter()
    for pair in pairs:
        outcome.predicted[pair.line] = predict(pair.a, pair.b, pair.line)
    outcome.seconds = time.perf_counter() - started
    if check_order:
        for pair in pairs:
            outcome.swapped[pair.line] = predict(pair.b, pair.a, pair.line)
    return outcome


def tally(pairs: Sequence[Pair], outcome: Outcome) -> Tally:
    counts = Tally()
    for pair in pairs:
        counts.add(pair, outcome.predicted[pair.line])
    return counts


def ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def show(pair: Pair, label: str, predicted: str | None) -> None:
    note = f"  [{pair.note}]" if pair.note else ""
    print(f"  {label:<4} line {pair.line:<4} {pair.kind:<8} -> {predicted or 'None':<8}{note}")
    print(f"         a: {pair.a}")
    print(f"         b: {pair.b}")


def report(pairs: Sequence[Pair], outcome: Outcome, show_errors: bool) -> None:
    head = (
        f"{'kind':<8} {'pairs':>5} {'disp':>4} {'not':>4} | {'P':>6} {'R':>6} {'TP':>3} {'FP':>3} {'FN':>3}"
        f" | {'kind ok':>7}"
    )
    print(head)
    print("-" * len(head))
    groups: list[tuple[str, list[Pair]]] = [(k, [p for p in pairs if p.kind == k]) for k in KINDS]
    groups.append(("overall", list(pairs)))
    for name, members in groups:
        if name == "overall":
            print("-" * len(head))
        disputes = sum(p.dispute for p in members)
        c = tally(members, outcome)
        print(
            f"{name:<8} {len(members):>5} {disputes:>4} {len(members) - disputes:>4} |"
            f" {ratio(c.precision):>6} {ratio(c.recall):>6} {c.tp:>3} {c.fp:>3} {c.fn:>3}"
            f" | {ratio(c.kind_accuracy):>7}"
        )
    print()
    returned = Counter(outcome.predicted[p.line] or "None" for p in pairs)
    print("returned: " + ", ".join(f"{k} {returned[k]}" for k in (*KINDS, "None")))
    print(
        f"{len(pairs)} pairs in {outcome.seconds:.2f}s ({1000 * outcome.seconds / len(pairs):.1f} ms a pair)"
    )
    overall = tally(pairs, outcome)
    verdict = "met" if overall.precision is not None and overall.precision >= TARGET_PRECISION else "MISSED"
    print(f"target: precision {ratio(overall.precision)} (target >= {TARGET_PRECISION:.2f}: {verdict})")
    if outcome.swapped:
        changed = [p for p in pairs if outcome.swapped[p.line] != outcome.predicted[p.line]]
        print(f"order: {len(changed)} pairs answer differently as dispute_kind(b, a)")
        for p in changed:
            forward, backward = outcome.predicted[p.line], outcome.swapped[p.line]
            print(f"  line {p.line:<4} {p.kind:<8} (a, b) -> {forward}, (b, a) -> {backward}")
    if show_errors:
        fps = [p for p in pairs if not p.dispute and outcome.predicted[p.line] is not None]
        fns = [p for p in pairs if p.dispute and outcome.predicted[p.line] is None]
        wrong_kind = [p for p in pairs if p.dispute and outcome.predicted[p.line] not in (None, p.kind)]
        for title, label, members in (
            ("false positives", "FP", fps),
            ("misses", "FN", fns),
            ("disputes found with another kind", "KIND", wrong_kind),
        ):
            print(f"\n{title} ({len(members)}):")
            for p in members:
                show(p, label, outcome.predicted[p.line])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--pairs", type=Path, default=DEFAULT_PAIRS, help=f"pairs CSV (default {DEFAULT_PAIRS})"
    )
    parser.add_argument("--show-errors", action="store_true", help="list false positives and misses")
    parser.add_argument(
        "--check-order", action="store_true", help="also call dispute_kind(b, a) and list changed answers"
    )
    args = parser.parse_args()
    pairs = load_pairs(args.pairs)
    outcome = evaluate(pairs, args.check_order)
    report(pairs, outcome, args.show_errors)


if __name__ == "__main__":
    main()
