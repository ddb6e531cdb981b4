"""Recall of the techniques stage on sentences we wrote (bench/data/technique_sentences.csv).

Each row with a ``phrase`` holds one technique in the words of the phrase; it counts as found when a
span the stage flags in the sentence overlaps the phrase, and as rightly named when that span's
technique is the row's. Rows without a phrase hold no technique (neutral war reporting and
look-alikes: "occupants" of a flat, an orchestra, an attack "staged from" Belarus); every span
flagged in them is a false positive. The sentences were written for this benchmark, several with
words the lexicon does not hold, so recall below 1 is expected; do not add entries for single rows.

    .venv/bin/python bench/techniques.py [--misses]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from claimgraph.extract.techniques import find_techniques

DATA = Path(__file__).resolve().parent / "data" / "technique_sentences.csv"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--misses", action="store_true", help="list the rows missed and the false positives")
    parser.add_argument(
        "--data",
        type=Path,
        default=DATA,
        help="sentences to read (default: %(default)s; the held-out set is technique_sentences_heldout.csv)",
    )
    args = parser.parse_args()
    with args.data.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    found = named = positives = false_positives = negatives = 0
    misses: list[str] = []
    for row in rows:
        sentence, phrase = row["sentence"], row["phrase"]
        spans = find_techniques("bench", sentence)
        if not phrase:
            negatives += 1
            false_positives += len(spans)
            misses += [f"false positive: {t.text!r} ({t.technique}) in {sentence!r}" for t in spans]
            continue
        positives += 1
        start = sentence.index(phrase)
        end = start + len(phrase)
        hits = [t for t in spans if t.span.start < end and start < t.span.end]
        found += bool(hits)
        named += any(t.technique == row["technique"] for t in hits)
        if not hits:
            misses.append(f"missed: {phrase!r} ({row['technique']}) in {sentence!r}")
        elif not any(t.technique == row["technique"] for t in hits):
            misses.append(f"named {hits[0].technique}, not {row['technique']}: {phrase!r}")
    print(f"sentences with a technique: {positives}, without: {negatives}")
    print(f"recall (a span overlaps the phrase): {found / positives:.3f} ({found}/{positives})")
    print(f"recall with the right technique: {named / positives:.3f} ({named}/{positives})")
    print(f"false positives in sentences without a technique: {false_positives} in {negatives} sentences")
    if args.misses:
        print("\n".join(misses))


if __name__ == "__main__":
    main()
