"""Precision of the techniques stage on the dev and sample corpora, against our judgement of every span.

Both corpora (samples/corpus and ../shared/corpus/dev; the dev articles are skipped with a message
when ../shared is absent) are ingested into a temporary store, as `claimgraph ingest` does, and
every technique span the store holds is looked up in bench/data/technique_judgements.csv by its
document's source file name and character offsets. A judgement says, in our own words:

- ``flagged_as``: the technique the stage named when the span was judged (a span named otherwise
  since is unjudged again);
- ``persuades``: yes when the words do the persuading the lexicon says (a label, loaded wording, a
  slogan ...), whoever uses them; no when they inform (a literal sense, a neutral term, an article
  about the word rather than one using it is still yes when it quotes a use);
- ``technique``: yes when the technique named is the right one of the taxonomy for these words;
- ``voice``: yes when the span's voice then (``voiced_as``: speaker inside a quotation or
  statement, else the outlet) was right; a span whose voice has changed since counts the other way,
  as there are only two.

Precision is the share of judged spans that persuade. The file holds no text of the dev articles:
the spans' words are read from the store when the report is printed. Spans with no judgement are
listed with their context (``--unjudged``), and judgements whose span the stage no longer flags are
counted as stale, so a lexicon change shows up here as work to do rather than as silent drift.

    python bench/technique_precision.py [--unjudged]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from claimgraph.export import build_export
from claimgraph.ingest import ingest
from claimgraph.settings import Settings
from claimgraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "corpus"
DEV = ROOT.parent / "shared" / "corpus" / "dev"
JUDGEMENTS = Path(__file__).resolve().parent / "data" / "technique_judgements.csv"
CONTEXT = 70


def flagged_spans(db: Path) -> list[dict[str, Any]]:
    """Every technique span of both corpora, with its document's source name and text."""
    inputs = [SAMPLES]
    if DEV.is_dir():
        inputs.append(DEV)
    else:
        print(f"{DEV} is absent: judging the sample corpus alone", file=sys.stderr)
    settings = Settings(db=str(db), progress=False)
    ingest(inputs, settings=settings)
    with Store(settings.db, read_only=True) as store:
        export = build_export(store, settings=settings)
    documents = {d["id"]: d for d in export["documents"]}
    spans = []
    for t in export["techniques"]:
        doc = documents[t["doc"]]
        spans.append({**t, "source": Path(doc["source"]).name, "doc_text": doc["text"]})
    return sorted(spans, key=lambda t: (t["source"], t["start"]))


def read_judgements() -> dict[tuple[str, int, int], dict[str, str]]:
    with JUDGEMENTS.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return {(r["source"], int(r["start"]), int(r["end"])): r for r in rows}


def context(span: dict[str, Any]) -> str:
    text = span["doc_text"]
    before = text[max(0, span["start"] - CONTEXT) : span["start"]].replace("\n", " ")
    after = text[span["end"] : span["end"] + CONTEXT].replace("\n", " ")
    return f"...{before}[[{span['text']}]]{after}..."


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--unjudged", action="store_true", help="list the spans no judgement covers")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        spans = flagged_spans(Path(tmp) / "precision.duckdb")
    judgements = read_judgements()

    def judgement(span: dict[str, Any]) -> dict[str, str] | None:
        # A judgement holds only for the technique it judged.
        found = judgements.get((span["source"], span["start"], span["end"]))
        return found if found is not None and found["flagged_as"] == span["technique"] else None

    judged = [(s, j) for s in spans if (j := judgement(s)) is not None]
    unjudged = [s for s in spans if judgement(s) is None]
    stale = len(judgements) - len(judged)
    yes = {v: sum(j[v] == "yes" for _, j in judged) for v in ("persuades", "technique")}
    yes["voice"] = sum((j["voice"] == "yes") == (j["voiced_as"] == s["voice"]) for s, j in judged)
    n = len(judged)
    print(f"flagged spans: {len(spans)} in {len({s['source'] for s in spans})} documents; judged {n}")
    if n:
        print(f"precision (the words persuade): {yes['persuades'] / n:.3f} ({yes['persuades']}/{n})")
        print(f"technique named right: {yes['technique'] / n:.3f} ({yes['technique']}/{n})")
        print(f"voice right: {yes['voice'] / n:.3f} ({yes['voice']}/{n})")
        by_voice: Counter[tuple[str, str]] = Counter((s["voice"], j["persuades"]) for s, j in judged)
        for voice in ("outlet", "speaker"):
            total = by_voice[voice, "yes"] + by_voice[voice, "no"]
            right = by_voice[voice, "yes"]
            if total:
                print(f"  precision in the {voice}'s voice: {right / total:.3f} ({right}/{total})")
    print(f"unjudged spans: {len(unjudged)}; stale judgements (span no longer flagged): {stale}")
    wrong = [(s, j) for s, j in judged if j["persuades"] != "yes"]
    for s, j in wrong:
        where = f"{s['source']} {s['start']}-{s['end']}"
        print(f"not persuasive: {where} {s['text']!r} ({s['technique']}): {j['reason']}")
    if args.unjudged:
        for s in unjudged:
            print(f"{s['source']},{s['start']},{s['end']},{s['technique']},{s['voice']}\t{context(s)}")


if __name__ == "__main__":
    main()
