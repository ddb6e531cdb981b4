"""Pages/s of claimgraph's fetch stage against a local server, next to plain urllib in the same run.

A local HTTP server on 127.0.0.1 (tests/collect/site.py) serves --pages article pages of about 20 KB,
a sitemap listing them all plus --private pages under /private/, and a robots.txt that forbids
/private/. Ours reads the sitemap and fetches what it lists the way `claimgraph sitemap` does, with
the rate limit off (fetch_rate 0): robots.txt checked for every URL, conditional GET, each answer
with its headers kept in a fresh store, each page decoded into a document. The ingest that follows
(cleaning, spaCy) is left out: bench/throughput.py measures it. The peer is plain
urllib.request.urlopen fetching the same allowed pages one after another and reading their bodies.
Both run sequentially, in this process, alternately --rounds times; the best round of each counts.
Answers are stored commit_every (64) at a time, as `claimgraph sitemap` does. Then it checks that
the server never saw a request for a path robots.txt forbids.

    python bench/fetch.py [--pages 500] [--private 50] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.collect.site import Route, Site, serve  # noqa: E402

from claimgraph.collect.crawl import (  # noqa: E402
    CollectReport,
    conditional_get,
    document_from_response,
    sitemap_pages,
)
from claimgraph.collect.http import HttpClient  # noqa: E402
from claimgraph.errors import FetchFailed  # noqa: E402
from claimgraph.models import HttpResponse, RawDocument  # noqa: E402
from claimgraph.settings import Settings  # noqa: E402
from claimgraph.store import Store  # noqa: E402

PARAGRAPH = (
    "<p>The regional governor said on Monday that the bridge across the river still stands, while "
    "residents told reporters that the roads out of the town stayed open through the night.</p>"
)


def page(i: int) -> bytes:
    body = "".join(PARAGRAPH.replace("Monday", f"day {i}.{k}") for k in range(90))
    return (
        f"<!doctype html><html><head><title>Article {i}</title>"
        f'<meta property="article:published_time" content="2023-05-14T10:00:00Z"></head>'
        f"<body><article><h1>Article {i}</h1>{body}</article></body></html>"
    ).encode()


def build_site(site: Site, *, pages: int, private: int) -> list[str]:
    site.routes["/robots.txt"] = Route(
        b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"}
    )
    allowed = [f"/news/{i}" for i in range(pages)]
    for i, path in enumerate(allowed):
        site.routes[path] = Route(page(i), etag=f'"{i}"')
    forbidden = [f"/private/{i}" for i in range(private)]
    for i, path in enumerate(forbidden):
        site.routes[path] = Route(page(100_000 + i))
    listed = [p for pair in zip(allowed, forbidden + [""] * pages, strict=False) for p in pair if p]
    urlset = "".join(f"<url><loc>{site.url(p)}</loc></url>" for p in listed)
    site.routes["/sitemap.xml"] = Route(
        f"<urlset>{urlset}</urlset>".encode(), headers={"Content-Type": "application/xml"}
    )
    return [site.url(p) for p in allowed]


def ours(site: Site, folder: Path) -> tuple[float, int, int]:
    """Seconds, pages fetched, robots refusals: the sitemap and its pages into a fresh store."""
    db = folder / f"bench-{time.monotonic_ns()}.duckdb"
    settings = Settings(db=str(db), fetch_rate=0, fetch_retries=0)
    started = time.perf_counter()
    report = CollectReport()
    fetched = refused = 0
    with Store(db) as store:
        client = HttpClient(settings=settings)
        listed = sitemap_pages(
            site.url("/sitemap.xml"), store=store, client=client, report=report, settings=settings
        )
        known = store.validators_of([item.url for item in listed])
        answers: list[tuple[HttpResponse, str]] = []
        for item in listed:
            if len(answers) >= settings.commit_every:
                store.record_responses(answers)
                answers.clear()
            try:
                answer = conditional_get(
                    item.url,
                    store=store,
                    client=client,
                    report=report,
                    validators=known.get(item.url, (None, None)),
                    keep=answers,
                )
            except FetchFailed:
                refused += 1
                continue
            assert isinstance(document_from_response(answer, settings=settings), RawDocument)
            fetched += 1
        store.record_responses(answers)
    return time.perf_counter() - started, fetched, refused


def peer(urls: list[str]) -> float:
    started = time.perf_counter()
    for url in urls:
        with urllib.request.urlopen(url, timeout=30) as answer:
            answer.read()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--private", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, serve() as site:
        urls = build_site(site, pages=args.pages, private=args.private)
        best_ours = best_peer = float("inf")
        for _ in range(args.rounds):
            seconds, fetched, refused = ours(site, Path(tmp))
            assert (fetched, refused) == (args.pages, args.private), (fetched, refused)
            best_ours = min(best_ours, seconds)
            best_peer = min(best_peer, peer(urls))
        forbidden_seen = [p for p in site.paths() if p.startswith("/private/")]
    size = len(page(0)) / 1000
    ours_rate, peer_rate = args.pages / best_ours, args.pages / best_peer
    print(f"{args.pages} pages of {size:.0f} KB from 127.0.0.1, rate limit off, best of {args.rounds} rounds")
    print(
        f"  claimgraph fetch stage : {ours_rate:8.1f} pages/s  (sitemap, robots.txt, conditional GET, store)"
    )
    print(f"  plain urllib (peer)    : {peer_rate:8.1f} pages/s")
    print(f"  ratio ours/peer        : {ours_rate / peer_rate:8.2f}")
    print(
        f"robots.txt: {args.private} listed pages under /private/ refused; requests the server saw for them: "
        f"{len(forbidden_seen)}"
    )
    return 1 if forbidden_seen else 0


if __name__ == "__main__":
    sys.exit(main())
