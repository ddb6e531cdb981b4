"""Publication-date accuracy: our metadata next to htmldate alone, on the same pages in one run.

Data: ../shared/eval/external/htmldate (adbar/htmldate's evaluation: html/<file>.gz, plus
eval_default.json and eval_mediacloud_2020.json `{url: {file, date}}`). Every page is decoded once
(UTF-8, undecodable bytes replaced) and the same text goes to every system, with its URL: ours through
`RawDocument.hints.url` into `clean_document`; htmldate as `find_date(html, url=url)` with its
defaults (extensive_search=True, original_date=False), in fast mode (extensive_search=False), and with
original_date=True (extensive), the closest to what cleaning asks of it.

A page counts as right when the date equals the gold date; where the gold has no date, when the
system gives none either. Pages whose file is missing from the folder are skipped and counted.

    python bench/dates.py [--limit N] [--data DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from htmldate import find_date

from claimgraph.clean import clean_document
from claimgraph.models import Metadata, RawDocument

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "external" / "htmldate"
SETS = ("eval_default.json", "eval_mediacloud_2020.json")


def ours(markup: str, url: str) -> str | None:
    raw = RawDocument(
        source=url, content=markup, media_type="text/html", content_hash=url, hints=Metadata(url=url)
    )
    published = clean_document(raw).metadata.published
    return published.isoformat() if published else None


SYSTEMS: dict[str, Callable[[str, str], str | None]] = {
    "claimgraph clean_document": ours,
    "htmldate default (extensive)": lambda markup, url: find_date(markup, url=url),
    "htmldate fast": lambda markup, url: find_date(markup, url=url, extensive_search=False),
    "htmldate original_date=True": lambda markup, url: find_date(markup, url=url, original_date=True),
}


def read_page(folder: Path, name: str) -> str | None:
    for path, unpack in ((folder / f"{name}.gz", True), (folder / name, False)):
        if path.exists():
            data = gzip.decompress(path.read_bytes()) if unpack else path.read_bytes()
            return data.decode("utf-8", "replace")
    return None


def gold_date(value: object) -> str | None:
    # Pages without a publication date carry NaN or null in the gold files.
    return value if isinstance(value, str) and value else None


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages of each set")
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help=f"benchmark folder (default {DEFAULT_DATA})"
    )
    args = parser.parse_args()
    if not all((args.data / name).exists() for name in SETS):
        missing = " and ".join(SETS)
        sys.exit(
            f"no benchmark data: {args.data} lacks {missing} (the shared eval data sits beside the repo)"
        )

    print(f"{'set':<26} {'pages':>5} {'missing':>7}  " + "  ".join(f"{name:>28}" for name in SYSTEMS))
    for set_name in SETS:
        entries = list(json.loads((args.data / set_name).read_text(encoding="utf-8")).items())[: args.limit]
        right = dict.fromkeys(SYSTEMS, 0)
        seconds = dict.fromkeys(SYSTEMS, 0.0)
        scored = missing = 0
        for url, entry in entries:
            markup = read_page(args.data / "html", entry["file"])
            if markup is None:
                missing += 1
                continue
            scored += 1
            expected = gold_date(entry.get("date"))
            for name, system in SYSTEMS.items():
                started = time.perf_counter()
                found = system(markup, url)
                seconds[name] += time.perf_counter() - started
                right[name] += (found[:10] if found else None) == expected
        cells = "  ".join(
            f"{right[name] / max(scored, 1):>20.4f} ({seconds[name]:>4.0f}s)" for name in SYSTEMS
        )
        print(f"{set_name:<26} {scored:>5} {missing:>7}  {cells}")


if __name__ == "__main__":
    main()
