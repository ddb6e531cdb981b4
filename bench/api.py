"""API latency: p50/p95 of entity detail, document and search on a store of --docs documents.

The store is a replication of the sample corpus, not a real 10,000-document corpus: building one
through spaCy would take about ten minutes, so samples/corpus (10 articles) is ingested once with
`claimgraph.ingest.ingest` into a temporary store, then its rows are copied in SQL (DuckDB) until
there are --docs documents. Each copy gets new document ids (the first 16 hex digits of a new
content hash, as ingest makes them), new sources and URLs, and the same rows of entity_mentions,
statements (with new ids), times and quantities pointing at it. So that copies are not all alike,
the place name "Velykyi Mlyn" is replaced in each copy by one of 64 place names (63 invented), and
six surnames (Hrytsenko, Kurganov, ...) by surnames made up for that copy, in text, raw and title.
Every replacement has exactly the length of the name it replaces, so every stored offset stays
right; the text of every copied span is cut afresh from its copy's text. Everything else is
verbatim, so the entities nobody renamed (NWA, Ostra, Zarechna region, ...) get one mention per
copy: a few dozen entities with thousands of mentions each, next to thousands of small ones.
Then the corpus-wide stages run over the copies as they would at the end of an ingest
(`claimgraph.update.update_corpus`: copies, claims, disputes, entities, stored) and are timed on
their own. The copies are near-duplicates of ten stories, so copy detection joins them into ten
large groups and no dispute is found between copies of one story. The store is built in a child
process so that the peak memory reported is the server's alone.

Timing, in this process: `create_app` over the store; the first request (`/api/documents?limit=1`)
builds the corpus snapshot from the stored tables and is reported on its own. Then --requests
requests of each kind, after --warmup untimed ones: `/api/entities/{id}` (ids drawn by picking
random mentions, so an entity comes up as often as it is mentioned; `--entity-pick uniform` draws
every entity alike), `/api/documents/{id}` (random documents) and `/api/search?q=` (one or two words
from the title of a random document). Each kind runs twice over the same paths and the same app (one
snapshot): in-process through FastAPI's TestClient, and over real HTTP to uvicorn on 127.0.0.1, run
in a background thread, with one keep-alive httpx.Client. A request's time includes reading the
whole response body, not decoding its JSON. Prints p50, p95 and max in ms per kind and mode against
the target (p95 <= 100 ms), the mean response size, the slowest request of each kind, the snapshot
build time and peak RSS.

    python bench/api.py [--docs 10000] [--requests 200] [--warmup 5] [--seed 13]
                        [--entity-pick mention|uniform] [--corpus samples/corpus]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "samples" / "corpus"
TARGET_P95_MS = 100.0
KINDS = ("entity detail", "document", "search")

# Names varied per copy. Each replacement has the length of the name it replaces (checked below).
PLACE = "Velykyi Mlyn"
PLACES = tuple(
    f"{first} {second}"
    for first in ("Velykyi", "Chornyi", "Zelenyi", "Vysokyi", "Dalekyi", "Holubyi", "Zolotyi", "Kamiane")
    for second in ("Mlyn", "Brid", "Dvir", "Luka", "Hora", "Pole", "Rika", "Sady")
)
SURNAMES = ("Hrytsenko", "Kurganov", "Orlenko", "Bondar", "Soroka", "Lazutin")
CONSONANTS = "bdhklmnprstvz"
VOWELS = "aeiou"


# ---------------------------------------------------------------------------------------------------
# The store


def invented_surname(name: str, copy: int) -> str:
    """A pronounceable made-up name as long as `name`, fixed by (name, copy)."""
    rng = random.Random(f"{name}:{copy}")
    letters = [rng.choice(VOWELS if i % 2 else CONSONANTS) for i in range(len(name))]
    return "".join(letters).capitalize()


def substituted(column: str) -> str:
    """SQL for `column` with the varied names replaced by the copy's own (`p.names`, in order)."""
    expr = column
    for i, name in enumerate((PLACE, *SURNAMES), start=1):
        expr = f"regexp_replace({expr}, '\\b{name}\\b', p.names[{i}], 'g')"
    return expr


def span_text(start: str, end: str) -> str:
    """SQL cutting [start, end) out of the copy's text (DuckDB counts code points from 1)."""
    return f"substring(c.text, {start} + 1, {end} - {start})"


def replicate(db: Path, n_docs: int) -> int:
    """Copy the documents at `db` and every row pointing at them until there are `n_docs`."""
    import duckdb

    import claimgraph.store  # noqa: F401  (makes DuckDB's list parameters skip the pandas import)

    with duckdb.connect(str(db)) as con:
        originals = con.execute("SELECT id, content_hash FROM documents ORDER BY id").fetchall()
        wanted = n_docs - len(originals)
        if wanted < 0:
            sys.exit(f"--docs {n_docs} is fewer than the {len(originals)} sample documents")
        plan: list[tuple[str, int, str, str, list[str]]] = []
        for copy in range(1, math.ceil(wanted / len(originals)) + 1):
            names = [PLACES[copy % len(PLACES)], *(invented_surname(n, copy) for n in SURNAMES)]
            for old, old_hash in originals:
                digest = hashlib.sha256(f"{old_hash}:copy:{copy}".encode()).hexdigest()
                plan.append((old, copy, digest[:16], digest, names))
        plan = plan[:wanted]
        if not plan:
            return 0
        columns = list(zip(*plan, strict=True))
        con.execute(
            "CREATE TEMP TABLE plan AS SELECT unnest($1) AS old, unnest($2) AS copy, unnest($3) AS new,"
            " unnest($4) AS hash, unnest($5) AS names",
            [list(c) for c in columns],
        )
        con.execute("BEGIN TRANSACTION")
        con.execute(
            f"""
            INSERT INTO documents (id, content_hash, source, title, outlet, authors, published, url,
                                   language, text, raw, media_type, extractor)
            SELECT p.new, p.hash, d.source || '#copy-' || p.copy, {substituted("d.title")}, d.outlet,
                   d.authors, d.published, d.url || '#copy-' || p.copy, d.language,
                   {substituted("d.text")}, {substituted("d.raw")}, d.media_type, d.extractor
            FROM plan p JOIN documents d ON d.id = p.old
            """
        )
        joins = "JOIN plan p ON t.doc = p.old JOIN documents c ON c.id = p.new"
        con.execute(
            f"""
            INSERT INTO entity_mentions (doc, start, "end", text, label, stage)
            SELECT p.new, t.start, t."end", {span_text("t.start", 't."end"')}, t.label, t.stage
            FROM entity_mentions t {joins}
            """
        )
        # Statement ids as extraction makes them: "st_" + sha1("doc:start:end")[:12].
        speaker = span_text("t.speaker_start", "t.speaker_end")
        con.execute(
            f"""
            INSERT INTO statements (id, doc, start, "end", kind, cue, cue_start, cue_end, speaker_text,
                                    speaker_start, speaker_end, referent_start, referent_end,
                                    speaker_description, speaker_anonymous, channel, said_on, stage)
            SELECT 'st_' || substr(sha1(concat(p.new, ':', t.start, ':', t."end")), 1, 12), p.new,
                   t.start, t."end", t.kind, {substituted("t.cue")}, t.cue_start, t.cue_end,
                   CASE WHEN t.speaker_start IS NULL THEN {substituted("t.speaker_text")}
                        ELSE {speaker} END,
                   t.speaker_start, t.speaker_end, t.referent_start, t.referent_end,
                   {substituted("t.speaker_description")}, t.speaker_anonymous, t.channel, t.said_on,
                   t.stage
            FROM statements t {joins}
            """
        )
        con.execute(
            f"""
            INSERT INTO times (doc, start, "end", text, kind, timeml, value, stage)
            SELECT p.new, t.start, t."end", {span_text("t.start", 't."end"')}, t.kind, t.timeml,
                   t.value, t.stage
            FROM times t {joins}
            """
        )
        con.execute(
            f"""
            INSERT INTO quantities (doc, start, "end", text, value, high, unit, qualifier, about, stage)
            SELECT p.new, t.start, t."end", {span_text("t.start", 't."end"')}, t.value, t.high,
                   t.unit, t.qualifier, {substituted("t.about")}, t.stage
            FROM quantities t {joins}
            """
        )
        # Offsets stay right only if every copy's text is exactly as long as its original.
        row = con.execute(
            "SELECT count(*) FILTER (WHERE length(c.text) <> length(d.text)),"
            " count(*) FILTER (WHERE c.text <> d.text)"
            " FROM plan p JOIN documents d ON d.id = p.old JOIN documents c ON c.id = p.new"
        ).fetchone()
        assert row is not None
        if row[0]:
            con.execute("ROLLBACK")
            sys.exit(f"{row[0]} copies changed length: a replacement name is not as long as its original")
        con.execute("COMMIT")
        varied: int = row[1]
    return varied


def build_store(corpus: Path, db: Path, n_docs: int) -> dict[str, float]:
    from claimgraph.ingest import ingest
    from claimgraph.settings import Settings
    from claimgraph.store import Store
    from claimgraph.update import update_corpus

    started = time.perf_counter()
    report = ingest([corpus], settings=Settings(db=str(db), n_process=1, progress=False))
    if report.rejected or not report.new:
        sys.exit(f"ingest of {corpus} stored {report.new} documents, rejected {len(report.rejected)}")
    ingested = time.perf_counter()
    varied = replicate(db, n_docs)
    replicated = time.perf_counter()
    with Store(db) as store:
        store.rebuild_search_index()
        indexed = time.perf_counter()
        update_corpus(store)
        counts = store.counts()
    return {
        "originals": report.new,
        "documents": counts.documents,
        "mentions": counts.entity_mentions,
        "statements": counts.statements,
        "varied": varied,
        "ingest_s": ingested - started,
        "replicate_s": replicated - ingested,
        "index_s": indexed - replicated,
        "corpus_s": time.perf_counter() - indexed,
    }


# ---------------------------------------------------------------------------------------------------
# Requests


def pick_paths(snap: Any, n: int, rng: random.Random, entity_pick: str) -> dict[str, list[str]]:
    """`n` request paths of each kind, drawn from the snapshot the app serves."""
    if entity_pick == "mention":
        mentions = [m["entity"] for ms in snap.mentions_by_doc.values() for m in ms]
        entity_ids = [rng.choice(mentions) for _ in range(n)]
    else:
        entity_ids = [rng.choice(snap.entities)["id"] for _ in range(n)]
    doc_ids = [rng.choice(snap.documents)["id"] for _ in range(n)]
    queries = []
    for _ in range(n):
        words = re.findall(r"[A-Za-z]{4,}", rng.choice(snap.documents)["title"] or "") or ["bridge"]
        queries.append(" ".join(rng.sample(words, k=min(len(words), rng.choice((1, 2))))))
    return {
        "entity detail": [f"/api/entities/{quote(e, safe='')}" for e in entity_ids],
        "document": [f"/api/documents/{quote(d, safe='')}" for d in doc_ids],
        "search": ["/api/search?" + urlencode({"q": q}) for q in queries],
    }


@dataclass(frozen=True, slots=True)
class Timings:
    ms: list[float]
    paths: list[str]
    sizes: list[int]

    def quantile(self, q: int) -> float:
        return statistics.quantiles(self.ms, n=100, method="inclusive")[q - 1]

    def slowest(self) -> tuple[float, str]:
        return max(zip(self.ms, self.paths, strict=True))


def run_requests(get: Callable[[str], tuple[int, int]], paths: Sequence[str], warmup: int) -> Timings:
    for path in paths[:warmup]:
        get(path)
    ms, sizes = [], []
    for path in paths:
        started = time.perf_counter()
        status, size = get(path)
        ms.append((time.perf_counter() - started) * 1000)
        if status != 200:
            sys.exit(f"GET {path} answered {status}")
        sizes.append(size)
    return Timings(ms, list(paths), sizes)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(db: Path, n: int, warmup: int, seed: int, entity_pick: str) -> dict[str, Any]:
    import httpx
    from fastapi.testclient import TestClient

    from claimgraph.server import create_app
    from claimgraph.server.background import serving
    from claimgraph.settings import Settings

    app = create_app(settings=Settings(db=str(db)))
    rss_before = peak_rss_mb()
    results: dict[str, dict[str, Timings]] = {"in-process TestClient": {}, "HTTP uvicorn + httpx": {}}
    with TestClient(app) as client:
        started = time.perf_counter()
        first = client.get("/api/documents", params={"limit": 1})
        build_s = time.perf_counter() - started
        if first.status_code != 200:
            sys.exit(f"the first request answered {first.status_code}: {first.text[:300]}")
        snap = app.state.corpus.snapshot()
        paths = pick_paths(snap, n, random.Random(seed), entity_pick)

        def in_process(path: str) -> tuple[int, int]:
            response = client.get(path)
            return response.status_code, len(response.content)

        for kind in KINDS:
            results["in-process TestClient"][kind] = run_requests(in_process, paths[kind], warmup)

    with serving(app) as url, httpx.Client(base_url=url, timeout=120) as http:

        def over_http(path: str) -> tuple[int, int]:
            response = http.get(path)
            return response.status_code, len(response.content)

        for kind in KINDS:
            results["HTTP uvicorn + httpx"][kind] = run_requests(over_http, paths[kind], warmup)

    return {
        "build_s": build_s,
        "entities": len(snap.entities),
        "claims": len(snap.claims),
        "disputes": len(snap.disputes),
        "largest_entity": max(len(e["mentions"]) for e in snap.entities),
        "results": results,
        "rss_before_mb": rss_before,
        "peak_rss_mb": peak_rss_mb(),
    }


# ---------------------------------------------------------------------------------------------------
# Report


def report(store: dict[str, float], measured: dict[str, Any], args: argparse.Namespace) -> None:
    results: dict[str, dict[str, Timings]] = measured["results"]
    print(
        f"{store['documents']:,.0f} documents, a replication of the {store['originals']:.0f} in "
        f"{args.corpus} ({store['varied']:,.0f} copies with varied names): "
        f"{store['mentions']:,.0f} entity mentions, {store['statements']:,.0f} statements, "
        f"{measured['entities']:,} entities (the largest has {measured['largest_entity']:,} mentions)"
    )
    print(
        f"store built in {sum(store[k] for k in ('ingest_s', 'replicate_s', 'index_s', 'corpus_s')):.1f} s "
        f"(ingest {store['ingest_s']:.1f}, replicate {store['replicate_s']:.1f}, "
        f"search index {store['index_s']:.1f}, corpus-wide stages {store['corpus_s']:.1f})"
    )
    print(
        f"first request (snapshot build): {measured['build_s']:.2f} s; {measured['claims']:,} claim groups, "
        f"{measured['disputes']:,} disputes"
    )
    print()
    modes = list(results)
    print(f"{args.requests} requests of each kind after {args.warmup} untimed; milliseconds")
    print(f"{'':15}" + "".join(f"{mode:>28}" for mode in modes) + f"{'mean KB':>9}")
    print(f"{'request':15}" + f"{'p50':>10}{'p95':>9}{'max':>9}" * len(modes))
    for kind in KINDS:
        row = f"{kind:15}"
        for mode in modes:
            t = results[mode][kind]
            row += f"{t.quantile(50):>10.1f}{t.quantile(95):>9.1f}{max(t.ms):>9.1f}"
        sizes = results[modes[0]][kind].sizes
        print(row + f"{statistics.fmean(sizes) / 1024:>9.1f}")
    print()
    for kind in KINDS:
        verdicts = []
        for mode in modes:
            p95 = results[mode][kind].quantile(95)
            verdicts.append(f"{mode} {'ok' if p95 <= TARGET_P95_MS else 'MISSED'}")
        print(f"target p95 <= {TARGET_P95_MS:.0f} ms, {kind}: " + ", ".join(verdicts))
    print()
    for kind in KINDS:
        ms, path = results[modes[-1]][kind].slowest()
        print(f"slowest {kind} over HTTP: {ms:.1f} ms  {path}")
    print(
        f"peak RSS: {measured['peak_rss_mb']:.0f} MB "
        f"({measured['rss_before_mb']:.0f} MB with the app made, before the first request)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=10_000, help="documents in the store (default 10000)")
    parser.add_argument("--requests", type=int, default=200, help="timed requests of each kind (default 200)")
    parser.add_argument(
        "--warmup", type=int, default=5, help="untimed requests of each kind first (default 5)"
    )
    parser.add_argument("--seed", type=int, default=13, help="seed of the request draw (default 13)")
    parser.add_argument(
        "--entity-pick",
        choices=("mention", "uniform"),
        default="mention",
        help="draw entities by random mention (default) or all alike",
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the corpus replicated")
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    assert all(len(p) == len(PLACE) for p in PLACES)

    if args.build:
        print(json.dumps(build_store(args.corpus, args.build, args.docs)))
        return 0

    if not args.corpus.is_dir():
        print(f"corpus {args.corpus} is absent; pass --corpus", file=sys.stderr)
        return 2
    if args.requests < 2:
        print("--requests must be at least 2", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--build",
                str(db),
                "--docs",
                str(args.docs),
                "--corpus",
                str(args.corpus),
            ],
            capture_output=True,
            text=True,
        )
        if out.returncode != 0:
            print(out.stderr, file=sys.stderr)
            return out.returncode
        store = json.loads(out.stdout.strip().splitlines()[-1])
        measured = measure(db, args.requests, args.warmup, args.seed, args.entity_pick)
    report(store, measured, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
