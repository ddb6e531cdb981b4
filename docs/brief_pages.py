"""PNG pictures of the sample corpus's brief for the README (docs/brief/), taken with Debian's Chromium.

    python docs/brief_pages.py                 # builds a store of samples/corpus in a temporary folder
    python docs/brief_pages.py --db demo.duckdb --out docs/brief

Writes one PNG, 1000 px wide, from the top of each of these sections of the sample brief: who is
quoted, disputes, numbers, places. Needs the ``playwright`` package
(requirements-dev.txt) and ``/usr/bin/chromium``; Playwright's own browser downloads are never used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WIDTH = 1000
HEIGHT = 1250
SECTIONS = ("who", "disputes", "numbers", "places")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--db", type=Path, help="an existing store (default: build one from samples/corpus)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "brief", help="folder for the pictures")
    args = parser.parse_args(argv)
    from claimgraph.brief import build_brief
    from claimgraph.brief.render import render_html
    from claimgraph.errors import RendererMissing
    from claimgraph.ingest import ingest
    from claimgraph.settings import Settings
    from claimgraph.store import Store

    settings = Settings(basemap=str(REPO / "node_modules" / "world-atlas" / "countries-50m.json"))
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "samples.duckdb"
            ingest([REPO / "samples" / "corpus"], settings=Settings(db=str(db), progress=False))
        with Store(db, read_only=True) as store:
            # A fixed date keeps the pictures the same from one day to the next.
            brief = build_brief(store, settings=settings, today=dt.date(2024, 6, 1))
        args.out.mkdir(parents=True, exist_ok=True)
        try:
            shoot(render_html(brief, settings=settings), args.out)
        except RendererMissing as exc:
            print(exc, file=sys.stderr)
            return 2
    return 0


def shoot(html: str, out: Path) -> None:
    from claimgraph.brief.pdf import page_showing

    with page_showing(html, width=WIDTH) as page:
        total = int(page.evaluate("document.documentElement.scrollHeight"))
        for section in SECTIONS:
            top = int(page.evaluate(f"document.getElementById('{section}').offsetTop")) - 16
            top = 0 if section == SECTIONS[0] else max(0, top)
            target = out / f"{section}.png"
            clip = {"x": 0, "y": top, "width": WIDTH, "height": min(HEIGHT, total - top)}
            page.screenshot(path=str(target), full_page=True, clip=clip)  # type: ignore[arg-type]
            print(target.relative_to(REPO) if target.resolve().is_relative_to(REPO) else target)


if __name__ == "__main__":
    sys.exit(main())
