"""Load test of `claimgraph serve`: N concurrent clients for S seconds over loopback.

The server is the real command (`python -m claimgraph.cli serve`) in its own process, with a token
(given in CLAIMGRAPH_TOKEN, as in a deployment on a reachable address), over a store of the sample
corpus: samples/corpus ingested by `claimgraph ingest` into a temporary folder, unless --db names a
store. Each client is a thread with its own keep-alive httpx connection; it sends
`Authorization: Bearer TOKEN` and requests, one after the other and without pause, paths drawn at
random from a mix of the web pages (overview, documents, reader, entity pages, timeline, disputes,
map, search, the stylesheet) and the API (lists, details, statements, search, disputes, timeline,
claims), weighted as a reader's browsing would be, with ids and search words from the store itself.

A request's latency runs from sending it to having read the whole response body. Anything but a 200
is an error, and so is a request that fails or times out. Prints requests/s, p50/p95/p99 and max
latency in ms, the error count with the first few errors, and the requests per route; exits 1 on any
error. The clients and the server share this machine, so the figures measure both together.

    python bench/load.py [--clients 50] [--seconds 60] [--db STORE] [--seed 7] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "corpus"


def build_store(folder: Path) -> Path:
    """The sample corpus ingested by the real command."""
    db = folder / "samples.duckdb"
    subprocess.run(
        [sys.executable, "-m", "claimgraph.cli", "ingest", str(SAMPLES), "--db", str(db), "--no-progress"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return db


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def served(db: Path, *, token: str, timeout: float = 120) -> Iterator[str]:
    """`claimgraph serve` on a free loopback port with ``token``; yields its base URL once it answers."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "claimgraph.cli", "serve", "--db", str(db), "--port", str(port)]
    env = {**os.environ, "CLAIMGRAPH_TOKEN": token}
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if server.poll() is not None:
                problem = server.stderr.read() if server.stderr else ""
                raise RuntimeError(f"claimgraph serve exited with {server.returncode}: {problem}")
            try:
                answer = httpx.get(f"{url}/api/documents?limit=1", headers=auth(token), timeout=5)
                if answer.status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"claimgraph serve did not answer at {url} within {timeout:.0f} s")
            time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@dataclass(frozen=True, slots=True)
class Route:
    name: str
    weight: int
    paths: tuple[str, ...]


def routes(url: str, *, token: str) -> list[Route]:
    """The mix of requests, with ids and words taken from the served store."""
    with httpx.Client(base_url=url, headers=auth(token), timeout=60) as http:
        listed = http.get("/api/documents", params={"limit": 200}).json()["items"]
        entities = [e["id"] for e in http.get("/api/entities", params={"limit": 200}).json()["items"]]
    docs = [d["id"] for d in listed]
    if not docs or not entities:
        raise RuntimeError("the served store holds no documents or no entities")
    titles = [d["title"] or "" for d in listed]
    words = sorted({w.lower() for t in titles for w in t.split() if w.isalpha() and len(w) > 3}) or ["said"]
    search = tuple(quote(w) for w in words)
    return [
        Route("page: overview", 10, ("/",)),
        Route("page: documents", 8, ("/documents",)),
        Route("page: reader", 15, tuple(f"/documents/{d}" for d in docs)),
        Route("page: entities", 5, ("/entities",)),
        Route("page: entity", 10, tuple(f"/entities/{e}" for e in entities)),
        Route("page: timeline", 4, ("/timeline",)),
        Route("page: disputes", 4, ("/disputes",)),
        Route("page: map", 2, ("/map",)),
        Route("page: search", 6, tuple(f"/search?q={w}" for w in search)),
        Route("static: stylesheet", 5, ("/static/style.css",)),
        Route("api: documents", 5, ("/api/documents?limit=20", "/api/documents?limit=20&offset=5")),
        Route("api: document", 6, tuple(f"/api/documents/{d}" for d in docs)),
        Route("api: entities", 3, ("/api/entities?limit=50", "/api/entities?type=PERSON")),
        Route("api: entity", 5, tuple(f"/api/entities/{e}" for e in entities)),
        Route("api: statements", 3, tuple(f"/api/statements?q={w}" for w in search)),
        Route("api: search", 4, tuple(f"/api/search?q={w}" for w in search)),
        Route("api: disputes", 2, ("/api/disputes",)),
        Route("api: timeline", 2, ("/api/timeline",)),
        Route("api: claims", 1, ("/api/claims",)),
    ]


@dataclass
class LoadReport:
    clients: int
    seconds: float
    requests: int
    requests_per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    errors: int
    error_examples: list[str] = field(default_factory=list)
    per_route: dict[str, int] = field(default_factory=dict)


def percentile(ordered: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile of sorted values."""
    if not ordered:
        return 0.0
    rank = max(1, min(len(ordered), math.ceil(fraction * len(ordered))))
    return ordered[rank - 1]


def run(
    url: str, *, token: str, clients: int, seconds: float, seed: int = 7, timeout: float = 30
) -> LoadReport:
    """``clients`` threads requesting the mix for ``seconds``; a request taking over ``timeout`` seconds
    counts as an error."""
    mix = routes(url, token=token)
    names = [r.name for r in mix]
    weights = [r.weight for r in mix]
    by_name = {r.name: r for r in mix}
    latencies: list[list[float]] = [[] for _ in range(clients)]
    counts: list[Counter[str]] = [Counter() for _ in range(clients)]
    errors: list[str] = []
    errors_lock = threading.Lock()
    start = threading.Barrier(clients + 1)
    stop_at: list[float] = []

    def client(index: int) -> None:
        rng = random.Random(seed * 1000 + index)
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        with httpx.Client(base_url=url, headers=auth(token), timeout=timeout, limits=limits) as http:
            start.wait()
            # At least one request each, however late a starved thread gets going: every client
            # takes part in the load.
            sent = False
            while not sent or time.perf_counter() < stop_at[0]:
                sent = True
                name = rng.choices(names, weights)[0]
                path = rng.choice(by_name[name].paths)
                began = time.perf_counter()
                try:
                    response = http.get(path)
                    response.read()
                    problem = None if response.status_code == 200 else f"{response.status_code} {path}"
                except httpx.HTTPError as exc:
                    problem = f"{type(exc).__name__} {path}: {exc}"
                latencies[index].append(time.perf_counter() - began)
                counts[index][name] += 1
                if problem is not None:
                    with errors_lock:
                        errors.append(problem)

    threads = [threading.Thread(target=client, args=(i,), name=f"client-{i}") for i in range(clients)]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    stop_at.append(began + seconds)
    start.wait()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    ordered = sorted(t * 1000 for own in latencies for t in own)
    per_route = sum(counts, Counter())
    return LoadReport(
        clients=clients,
        seconds=round(elapsed, 2),
        requests=len(ordered),
        requests_per_second=round(len(ordered) / elapsed, 1),
        p50_ms=round(percentile(ordered, 0.50), 1),
        p95_ms=round(percentile(ordered, 0.95), 1),
        p99_ms=round(percentile(ordered, 0.99), 1),
        max_ms=round(ordered[-1], 1) if ordered else 0.0,
        errors=len(errors),
        error_examples=errors[:10],
        per_route={name: per_route[name] for name in names},
    )


def print_report(report: LoadReport) -> None:
    print(
        f"{report.clients} clients for {report.seconds:.1f} s: {report.requests} requests, "
        f"{report.requests_per_second:.1f} requests/s"
    )
    print(
        f"latency ms: p50 {report.p50_ms:.1f}  p95 {report.p95_ms:.1f}  p99 {report.p99_ms:.1f}  "
        f"max {report.max_ms:.1f}"
    )
    print(f"errors: {report.errors}")
    for example in report.error_examples:
        print(f"  {example}")
    print("requests per route:")
    for name, n in report.per_route.items():
        print(f"  {n:7d}  {name}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (default: 50)")
    parser.add_argument("--seconds", type=float, default=60, help="how long they send (default: 60)")
    parser.add_argument("--db", type=Path, help="a store to serve (default: the sample corpus, ingested)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the clients' choices (default: 7)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if args.clients < 1 or args.seconds <= 0:
        parser.error("--clients must be at least 1 and --seconds above 0")
    token = secrets.token_urlsafe(32)
    with tempfile.TemporaryDirectory(prefix="claimgraph-load-") as tmp:
        db = args.db if args.db is not None else build_store(Path(tmp))
        with served(db, token=token) as url:
            report = run(url, token=token, clients=args.clients, seconds=args.seconds, seed=args.seed)
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(asdict(report), indent=1) + "\n", encoding="utf-8")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
