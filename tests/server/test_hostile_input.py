"""Hostile values in every parameter of every route: no 5xx, and the store is left as it was.

The routes and their parameters are read from the app's router, pages included, so a route added
later is covered without touching this test.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import duckdb
import pytest
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient
from starlette.routing import Mount, Route

from claimgraph.server import create_app
from claimgraph.settings import Settings

PAYLOADS = [
    "' OR 1=1 --",
    '"; DROP TABLE documents; --',
    "%",
    "_",
    "\\",
    "Бахмут — «Вагнер» 𝔘 ✓ 中文",
    "\x00",
    "a\x00b\r\n",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "-1",
    "99999999999999999999999",
    "2024-02-30",
    "",
    "x" * 201,
    "x" * 5000,
]
# Sent as they are, already percent-encoded: bytes that are not UTF-8, an overlong dot, encoded slashes.
RAW_PAYLOADS = ["%ff%fe%00", "%C0%AE%C0%AE%2F", "..%2F..%2Fetc%2Fpasswd"]


def encoded() -> Iterator[str]:
    yield from (quote(p, safe="") for p in PAYLOADS)
    yield from RAW_PAYLOADS


def store_fingerprint(db: Path) -> tuple[str, dict[str, int]]:
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    with duckdb.connect(str(db), read_only=True) as con:
        tables = con.execute("SELECT table_schema, table_name FROM information_schema.tables").fetchall()
        counts = {}
        for schema, table in tables:
            row = con.execute(f'SELECT count(*) FROM "{schema}"."{table}"').fetchone()
            counts[f"{schema}.{table}"] = row[0] if row else -1
    return digest, counts


def query_names(dependant: Dependant) -> list[str]:
    names = [p.alias for p in dependant.query_params]
    for sub in dependant.dependencies:
        names += query_names(sub)
    return names


@pytest.fixture(scope="module")
def served_store(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    # A store of this module's own, so that nothing else touches the file between the fingerprints.
    db = tmp_path_factory.mktemp("hostile") / "store.duckdb"
    shutil.copyfile(sample_db, db)
    return db


def test_hostile_values_in_every_parameter_of_every_route(served_store: Path) -> None:
    before = store_fingerprint(served_store)
    app = create_app(settings=Settings(db=str(served_store)))
    client = TestClient(app)
    doc = client.get("/api/documents", params={"limit": 1}).json()["items"][0]["id"]
    entity = client.get("/api/entities", params={"limit": 1}).json()["items"][0]["id"]
    valid = {"doc_id": doc, "entity_id": entity}

    contexts = list(iter_route_contexts(app.routes))
    routes = [
        (c.path, c.original_route)
        for c in contexts
        if isinstance(c.original_route, APIRoute) and "GET" in c.original_route.methods
    ]
    # The API as the OpenAPI document lists it, and the pages, which it leaves out.
    assert set(app.openapi()["paths"]) | {"/", "/search", "/documents/{doc_id}/raw"} <= {p for p, _ in routes}
    requests: list[str] = []
    for path, route in routes:
        path_names = [p.name for p in route.dependant.path_params]
        assert set(path_names) <= set(valid), f"{path}: give the test a valid value for its parameters"
        base = path.format(**valid)
        # The unknown parameter stands for the ones a route may take in future, and for typos.
        names = [*dict.fromkeys(query_names(route.dependant)), "unknown_parameter"]
        for value in encoded():
            for name in path_names:
                requests.append(path.format(**{**valid, name: value}))
            for name in names:
                requests.append(f"{base}?{name}={value}")
            requests.append(f"{base}?" + "&".join(f"{name}={value}" for name in names))
    mounts = [c.path for c in contexts if isinstance(c.original_route, Mount)]
    assert "/static" in mounts
    for mount in mounts:
        requests += [f"{mount}/{value}" for value in encoded()]
    plain = [c.path for c in contexts if type(c.original_route) is Route]
    assert "/openapi.json" in plain
    for path in plain:
        requests += [f"{path}?unknown_parameter={value}" for value in encoded()]

    failures = []
    for target in requests:
        response = client.get(target)
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {target[:120]}: {response.text[:200]}")
        elif target.startswith("/api") and response.status_code >= 400:
            body = response.json()
            if set(body) != {"error"} or set(body["error"]) != {"code", "message"}:
                failures.append(f"not the error shape: {target[:120]}: {body}")
    assert not failures, "\n".join(failures[:20])
    assert len(requests) > 1000, len(requests)

    # The store is untouched and still answers the same.
    assert store_fingerprint(served_store) == before
    assert client.get("/api/documents").json()["total"] == before[1]["main.documents"]
    assert client.get("/api/search", params={"q": "bridge"}).json()["items"]
