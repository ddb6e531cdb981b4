"""A corpus with hand-written gold, ingested into a fresh store, exported and scored by the shared scorer.

    python bench/gold_score.py                                   # the dev articles and their gold
    python bench/gold_score.py --corpus bench/data/heldout --gold bench/data/heldout/gold.json

The held-out set (bench/data/heldout, README there) is measured once at the end of a tuning round and
never tuned on: run it then, and write the figures into the issue's closing note. Only the article
files of a folder are ingested (not its gold or README).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from claimgraph.export import export_store
from claimgraph.ingest import ingest
from claimgraph.settings import Settings
from claimgraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "dev")
    parser.add_argument("--gold", type=Path, default=SHARED / "eval" / "dev" / "gold.json")
    parser.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    args = parser.parse_args()
    for path in (args.corpus, args.gold, args.scorer):
        if not path.exists():
            print(f"{path} is absent (../shared sits beside the repository)", file=sys.stderr)
            return 2
    articles = sorted(
        p for p in args.corpus.iterdir() if p.suffix in ARTICLE_SUFFIXES and p.name.lower() != "readme.md"
    )
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(db=str(Path(folder) / "gold.duckdb"), n_process=1, progress=False)
        report = ingest(articles, settings=settings)
        for rejection in report.rejected:
            print(f"rejected {rejection.source} [{rejection.stage}]: {rejection.reason}", file=sys.stderr)
        out = Path(folder) / "export.json"
        with Store(settings.db, read_only=True) as store:
            export_store(store, fmt="json", out=out)
        print(f"{len(articles)} articles from {args.corpus}, scored against {args.gold}")
        return subprocess.run(
            [sys.executable, str(args.scorer), str(out), str(args.gold)], check=False
        ).returncode


if __name__ == "__main__":
    sys.exit(main())
