"""Article-body extraction quality: our `clean_document` next to trafilatura alone, in one run.

Data: ../shared/eval/external/article-extraction (scrapinghub's article-extraction-benchmark:
html/<id>.html.gz and ground-truth.json `{id: {articleBody, url}}`). Both sides get the same page and
URL; "trafilatura alone" is the very trafilatura call `clean_document` makes (claimgraph.clean.html.
extract_page), without our furniture filter.

Scores are token-level (lower-cased `\\w+` tokens, counted as multisets): precision, recall and F1
per document, then the mean over documents (as the benchmark's own README reports them); the micro
F1 over all tokens pooled is printed beside it. An empty extraction scores 0 on a page with a body.
The last line counts the lines our filter removed that appear word for word in the gold body. Seconds
include the page metadata (the htmldate call) on both sides, as extract_page makes it.

    python bench/extraction.py [--limit N] [--data DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.clean import clean_document
from claimgraph.clean.html import EXTRACTOR, extract_page
from claimgraph.models import Metadata, RawDocument

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "external" / "article-extraction"
TOKEN = re.compile(r"\w+")


@dataclass
class Score:
    name: str
    precision: list[float] = field(default_factory=list)
    recall: list[float] = field(default_factory=list)
    f1: list[float] = field(default_factory=list)
    overlap: int = 0
    predicted: int = 0
    gold: int = 0
    seconds: float = 0.0

    def add(self, predicted: str, gold: str) -> None:
        p, g = Counter(TOKEN.findall(predicted.lower())), Counter(TOKEN.findall(gold.lower()))
        overlap, n_pred, n_gold = sum((p & g).values()), sum(p.values()), sum(g.values())
        precision = overlap / n_pred if n_pred else float(not n_gold)
        recall = overlap / n_gold if n_gold else 1.0
        self.precision.append(precision)
        self.recall.append(recall)
        self.f1.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
        self.overlap, self.predicted, self.gold = (
            self.overlap + overlap,
            self.predicted + n_pred,
            self.gold + n_gold,
        )

    def row(self) -> str:
        n = len(self.f1)
        micro_p = self.overlap / self.predicted if self.predicted else 0.0
        micro_r = self.overlap / self.gold if self.gold else 0.0
        micro_f = 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0
        return (
            f"{self.name:<40} {sum(self.precision) / n:>9.4f} {sum(self.recall) / n:>9.4f} "
            f"{sum(self.f1) / n:>9.4f} {micro_f:>9.4f} {self.seconds:>8.1f}"
        )


def norm(text: str) -> str:
    return " ".join(TOKEN.findall(text.lower()))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages (sorted by id)")
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help=f"benchmark folder (default {DEFAULT_DATA})"
    )
    args = parser.parse_args()
    truth_file = args.data / "ground-truth.json"
    if not truth_file.exists():
        sys.exit(
            f"no benchmark data: {truth_file} is absent (the shared eval data sits beside the repository)"
        )
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    ids = sorted(truth)[: args.limit]

    baseline, ours = Score(f"{EXTRACTOR} alone"), Score("claimgraph clean_document")
    false_drops = dropped = 0
    for doc_id in ids:
        markup = gzip.decompress((args.data / "html" / f"{doc_id}.html.gz").read_bytes()).decode(
            "utf-8", "replace"
        )
        url, body = truth[doc_id].get("url"), truth[doc_id]["articleBody"]

        started = time.perf_counter()
        page = extract_page(markup, url=url)
        baseline.seconds += time.perf_counter() - started
        baseline.add(page.text, body)

        started = time.perf_counter()
        cleaned = clean_document(
            RawDocument(
                source=doc_id,
                content=markup,
                media_type="text/html",
                content_hash=doc_id,
                hints=Metadata(url=url),
            )
        )
        ours.seconds += time.perf_counter() - started
        ours.add(cleaned.text, body)

        gold_text = norm(body)
        dropped += len(cleaned.dropped_lines)
        false_drops += sum(1 for line in cleaned.dropped_lines if norm(line) and norm(line) in gold_text)

    print(
        f"article-extraction benchmark: {len(ids)} pages, token-level scores (mean over documents; micro F1)"
    )
    print(f"{'system':<40} {'precision':>9} {'recall':>9} {'F1':>9} {'micro F1':>9} {'seconds':>8}")
    print(baseline.row())
    print(ours.row())
    print(f"furniture filter: {dropped} lines dropped, {false_drops} of them word for word in the gold body")


if __name__ == "__main__":
    main()
