"""Time to build a brief (issue 12) on a store of N documents.

The store is bench/scale.py's synthetic corpus (the sample stories recast with generated people,
towns, outlets, figures and dates; about 5% wire copies), generated and ingested by scale.py itself
into ``--keep DIR/size-N/store.duckdb``, or one given with ``--db``. Then, in this process:

  build    ``build_brief`` over the whole store (every section gathered, every fact cited), the store
           opened read-only first (an older store is brought up to date then; timed apart as "open")
  html     ``render_html`` of that brief (inline SVG map from the world-atlas outlines when present)
  md       ``render_markdown``
  about    ``build_brief --about`` the most quoted speaker (a brief of the articles naming them)
  pdf      ``html_to_pdf`` through headless Chromium, with --pdf

    python bench/brief.py [--docs 10000] [--keep DIR] [--db STORE [--copy]] [--pdf] [--json FILE]

--copy works on a copy of --db (an older store is migrated when opened; the copy keeps the original
as it was). Ingesting 10,000 documents takes about half an hour on two cores; 1,000 about 3 minutes.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BASEMAP = ROOT / "node_modules" / "world-atlas" / "countries-50m.json"


def store_for(args: argparse.Namespace, workdir: Path) -> Path:
    if args.db is not None:
        if not args.db.exists():
            sys.exit(f"{args.db}: no store here")
        if not args.copy:
            return Path(args.db)
        copy = workdir / "brief-bench.duckdb"
        shutil.copyfile(args.db, copy)
        return copy
    db = workdir / f"size-{args.docs}" / "store.duckdb"
    if not db.exists():
        started = time.perf_counter()
        command = [sys.executable, str(ROOT / "bench" / "scale.py"), "--sizes", str(args.docs)]
        command += ["--keep", str(workdir), "--no-incremental", "--peer-max", "0"]
        command += ["--n-process", str(args.n_process), "--seed", str(args.seed)]
        subprocess.run(command, check=True)
        print(f"generated and ingested {args.docs} documents in {time.perf_counter() - started:.0f} s")
    return db


def timed(figures: dict[str, Any], name: str, work: Any) -> Any:
    started = time.perf_counter()
    result = work()
    figures[name] = round(time.perf_counter() - started, 3)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=10_000, help="documents in the synthetic corpus")
    parser.add_argument("--keep", type=Path, help="work in this folder (default: a temporary one)")
    parser.add_argument("--db", type=Path, help="an existing store instead of a synthetic corpus")
    parser.add_argument("--copy", action="store_true", help="work on a copy of --db")
    parser.add_argument("--pdf", action="store_true", help="also print the brief to PDF with Chromium")
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args()

    from claimgraph.brief import build_brief
    from claimgraph.brief.render import render_html, render_markdown
    from claimgraph.settings import Settings
    from claimgraph.store import Store

    settings = Settings(basemap=str(BASEMAP))
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        db = store_for(args, workdir)
        figures: dict[str, Any] = {"store": str(db)}
        store = timed(figures, "open", lambda: Store(db, read_only=True))
        with store:
            counts = store.counts()
            figures |= {"documents": counts.documents, "statements": counts.statements}
            brief = timed(figures, "build", lambda: build_brief(store, settings=settings))
            html = timed(figures, "html", lambda: render_html(brief, settings=settings))
            timed(figures, "md", lambda: render_markdown(brief, map_file="map.svg", settings=settings))
            top = brief.speakers[0].name if brief.speakers else None
            if top:
                about = timed(figures, "about", lambda: build_brief(store, about=top, settings=settings))
                figures["about_name"] = top
                figures["about_documents"] = about.method.documents
        figures |= {
            "citations": len(brief.citations),
            "speakers": len(brief.speakers),
            "disputes": len(brief.disputes),
            "html_mb": round(len(html.encode("utf-8")) / 1e6, 2),
            "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        }
        if args.pdf:
            from claimgraph.brief.pdf import html_to_pdf

            timed(figures, "pdf", lambda: html_to_pdf(html, Path(tmp) / "brief.pdf"))
    print(
        f"brief of {figures['documents']:,} documents ({figures['statements']:,} statements): "
        f"build {figures['build']:.1f} s, HTML {figures['html']:.2f} s, Markdown {figures['md']:.2f} s"
        + (f", PDF {figures['pdf']:.1f} s" if "pdf" in figures else "")
        + f"; store opened in {figures['open']:.1f} s; {figures['citations']} citations, "
        f"{figures['html_mb']} MB of HTML, peak RSS {figures['max_rss_mb']} MB"
    )
    if "about" in figures:
        print(
            f"--about {figures['about_name']!r} ({figures['about_documents']:,} documents): "
            f"build {figures['about']:.1f} s"
        )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
