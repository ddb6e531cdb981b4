"""The server and an ingest on one store: DuckDB lets one process write a file and no other open it
meanwhile, so the server answers from its copy of the last version and takes up the next one when
the ingest is done."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import httpx
import pytest
from fastapi.testclient import TestClient

from claimgraph.server import create_app
from claimgraph.server.background import serving
from claimgraph.settings import Settings
from claimgraph.store import Store

from ..conftest import SAMPLES

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow

# A writer that holds the store until its stdin closes.
HOLD_THE_STORE = (
    "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('holding', flush=True); sys.stdin.read()"
)


def count_documents(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT count(*) FROM documents").fetchone()
    assert row is not None
    return int(row[0])


def test_requests_are_answered_throughout_an_ingest_into_the_served_store(
    tmp_path: Path, nlp: Language
) -> None:
    from claimgraph.ingest import ingest

    files = sorted(SAMPLES.iterdir())
    first, later = tmp_path / "first", tmp_path / "later"
    for folder, part in ((first, files[::2]), (later, files[1::2])):
        folder.mkdir()
        for file in part:
            shutil.copy(file, folder / file.name)
    db = tmp_path / "served.duckdb"
    ingest([first], settings=Settings(db=str(db), n_process=1, progress=False), nlp=nlp)
    stored_before = count_documents(db)

    app = create_app(settings=Settings(db=str(db)))
    corpus = app.state.corpus
    corpus.retry_seconds = 0.05  # try the locked store often, to be sure the test meets the lock
    with serving(app) as url, httpx.Client(base_url=url, timeout=60) as http:
        # A document keeps its id (its content's hash) from one version to the next; an entity's id
        # may not (new names can change what it is called), so the entities are asked for by list.
        doc = http.get("/api/documents", params={"limit": 1}).json()["items"][0]["id"]
        paths = [
            "/api/documents",
            f"/api/documents/{doc}",
            "/api/entities?type=PERSON",
            "/entities",
            "/api/statements?q=said",
            "/api/search?q=said",
            "/api/disputes",
            "/",
            f"/documents/{doc}",
            f"/documents/{doc}/raw",
            "/search?q=said",
            "/timeline",
        ]
        command = [sys.executable, "-m", "claimgraph.cli", "ingest", str(later), "--db", str(db)]
        command += ["--n-process", "1", "--no-progress"]
        writer = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        statuses: Counter[int] = Counter()
        failures: list[str] = []
        while writer.poll() is None:
            for path in paths:
                response = http.get(path)
                statuses[response.status_code] += 1
                if response.status_code != 200:
                    failures.append(f"{response.status_code} {path}: {response.text[:200]}")
        out, err = writer.communicate()
        assert writer.returncode == 0, err
        assert "0 rejected" in out

        stored_after = count_documents(db)
        assert stored_after > stored_before
        deadline = time.monotonic() + 60
        while (total := http.get("/api/documents").json()["total"]) != stored_after:
            assert time.monotonic() < deadline, f"the server still shows {total} of {stored_after} documents"
            time.sleep(0.1)
        new_ids = {d["id"] for d in http.get("/api/documents", params={"limit": 200}).json()["items"]}
        assert len(new_ids) == stored_after
        assert http.get("/api/search", params={"q": "said"}).status_code == 200

    assert not failures, failures[:10]
    assert sum(statuses.values()) > len(paths)
    # The ingest held the store while requests came in, and the server answered them all the same.
    assert corpus.deferred > 0
    corpus.close()


def test_a_store_locked_before_the_first_read_answers_503_until_it_is_free(
    sample_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "locked.duckdb"
    shutil.copyfile(sample_db, db)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_STORE, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        client = TestClient(create_app(settings=Settings(db=str(db))))
        busy = client.get("/api/documents")
        assert busy.status_code == 503 and busy.headers["retry-after"]
        assert busy.json()["error"]["code"] == "store-busy"
        assert client.get("/").status_code == 503
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    assert client.get("/api/documents").json()["total"] == count_documents(db)


def test_a_writer_waits_for_a_reader_to_let_go(tmp_path: Path) -> None:
    db = tmp_path / "shared.duckdb"
    Store(db).close()
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True); "
            "print('reading', flush=True); time.sleep(1.5)",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert reader.stdout is not None and reader.stdout.readline() == "reading\n"
    started = time.monotonic()
    with Store(db) as store:
        assert store.counts().documents == 0
    assert time.monotonic() - started > 0.5  # it did wait: the reader held the file for 1.5 s
    reader.wait(timeout=30)
