"""Full-page screenshots of the web UI for the README, taken with Debian's Chromium.

    python docs/screenshots.py                 # builds a store of samples/corpus in a temporary folder
    python docs/screenshots.py --db demo.duckdb --out docs/screenshots

Serves the store with uvicorn on a free local port, as ``claimgraph serve`` does, and saves one PNG,
1280 px wide, per page: overview, documents, reader, entity, timeline, map, disputes, search.
Needs the ``playwright`` package (requirements-dev.txt) and ``/usr/bin/chromium`` (``apt-get install
chromium``); Playwright's own browser downloads are never used. ``make screenshots`` runs it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
WIDTH = 1280


def build_store(db: Path) -> None:
    from claimgraph.ingest import ingest
    from claimgraph.settings import Settings

    report = ingest([REPO / "samples" / "corpus"], settings=Settings(db=str(db), progress=False))
    if report.rejected:
        raise SystemExit(f"samples/corpus: rejected {report.rejected}")


@contextmanager
def serve(db: Path) -> Iterator[str]:
    """Serve the store on a free 127.0.0.1 port in a background thread; yields the base URL."""
    from claimgraph.server import create_app
    from claimgraph.server.background import serving
    from claimgraph.settings import Settings

    with serving(create_app(settings=Settings(db=str(db)))) as url:
        yield url


def pages(url: str) -> list[tuple[str, str]]:
    """(name, path) of each page to shoot; the reader and entity pages show the richest examples."""
    import httpx

    # The reader shows the article with the most marked spans of loaded language (then statements).
    documents = httpx.get(f"{url}/api/documents", params={"limit": 200}).json()["items"]

    def richness(doc_id: str) -> tuple[int, int]:
        shown = httpx.get(f"{url}/api/documents/{doc_id}").json()
        return len(shown["techniques"]), len(shown["statements"])

    doc = max((d["id"] for d in documents), key=richness)
    # The entity page is the most quoted speaker's, as the overview ranks them.
    speakers: Counter[str] = Counter()
    offset, total = 0, 1
    while offset < total:
        batch = httpx.get(f"{url}/api/statements", params={"offset": offset, "limit": 200}).json()
        speakers.update(s["speaker"]["entity"] for s in batch["items"] if s["speaker"]["entity"])
        offset, total = offset + 200, batch["total"]
    if speakers:
        entity = speakers.most_common(1)[0][0]
    else:
        entity = httpx.get(f"{url}/api/entities", params={"limit": 1}).json()["items"][0]["id"]
    return [
        ("overview", "/"),
        ("documents", "/documents"),
        ("reader", f"/documents/{doc}"),
        ("entity", f"/entities/{entity}"),
        ("timeline", "/timeline"),
        ("map", "/map"),
        ("disputes", "/disputes"),
        ("search", "/search?q=bridge"),
    ]


def shoot(url: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": WIDTH, "height": 800})
        for name, path in pages(url):
            response = page.goto(url + path, wait_until="load")
            if response is None or response.status != 200:
                raise SystemExit(f"{path}: {response.status if response else 'no response'}")
            target = out / f"{name}.png"
            page.screenshot(path=str(target), full_page=True)
            saved.append(target)
            print(f"{target.relative_to(REPO) if target.is_relative_to(REPO) else target}  ({path})")
        browser.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--db", type=Path, help="an existing store (default: build one from samples/corpus)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots", help="folder for the PNGs")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)", file=sys.stderr)
        return 2
    try:
        import playwright  # noqa: F401
    except ImportError:
        print("the playwright package is missing: pip install -r requirements-dev.txt", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "screenshots.duckdb"
            build_store(db)
        elif not db.exists():
            print(f"{db}: no store here; run `claimgraph ingest` first", file=sys.stderr)
            return 2
        with serve(db) as url:
            shoot(url, args.out.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
