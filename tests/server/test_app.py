from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from fastapi.testclient import TestClient

from claimgraph.server import create_app
from claimgraph.settings import Settings

from ..conftest import SAMPLES

if TYPE_CHECKING:
    from spacy.language import Language

# Markup in article text is stripped by cleaning, so the payloads ride in a JSONL record's metadata
# and in the raw source, which the reader shows one click away.
HOSTILE = (
    '{"title": "<script>document.title=\'pwned\'</script>Mayor speaks", '
    '"outlet": "<img src=x onerror=\\"document.title=\'pwned\'\\">", "published": "2024-03-16", '
    '"text": "The mayor said on Monday that 7,000 civilians remain in Velykyi Mlyn. '
    '<script>alert(1)</script> A soldier said the bridge still stands."}\n'
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> TestClient:
    from claimgraph.ingest import ingest

    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SAMPLES, folder / "samples")
    (folder / "hostile.jsonl").write_text(HOSTILE, encoding="utf-8")
    db = folder / "ui.duckdb"
    ingest([folder], settings=Settings(db=str(db), n_process=1, progress=False), nlp=nlp)
    return TestClient(create_app(settings=Settings(db=str(db))))


def hostile_id(client: TestClient) -> str:
    items = client.get("/api/documents", params={"limit": 200}).json()["items"]
    return next(d["id"] for d in items if "hostile.jsonl" in d["source"])


def test_every_page_answers_with_a_policy_that_allows_no_script(client: TestClient) -> None:
    doc = hostile_id(client)
    entity = client.get("/api/entities", params={"type": "PERSON"}).json()["items"][0]["id"]
    pages = ["/", "/documents", f"/documents/{doc}", "/entities", f"/entities/{entity}", "/timeline", "/map"]
    pages += ["/disputes", "/search?q=bridge", f"/documents/{doc}/raw"]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert "script-src 'none'" in response.headers["content-security-policy"], page
        assert response.headers["x-content-type-options"] == "nosniff"


def test_article_text_is_escaped_everywhere(client: TestClient) -> None:
    doc = hostile_id(client)
    for page in (f"/documents/{doc}", "/search?q=mayor", "/disputes", "/timeline"):
        body = client.get(page).text
        assert "<script" not in body.lower(), page
        assert "onerror=" not in body.replace("onerror=&#34;", "").replace("onerror=&quot;", ""), page
    reader = client.get(f"/documents/{doc}").text
    assert "&lt;script&gt;document.title" in reader  # the title, shown as text
    assert "&lt;img src=x onerror=" in client.get("/").text  # the outlet, shown as text
    raw = client.get(f"/documents/{doc}/raw")
    assert raw.headers["content-type"].startswith("text/plain")


def test_api_pages_filters_and_one_error_shape(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = (
        "/api/documents",
        "/api/entities/{entity_id}",
        "/api/statements",
        "/api/timeline",
        "/api/disputes",
        "/api/techniques",
    )
    assert set(paths) <= set(schema["paths"])
    first = client.get("/api/documents", params={"limit": 2}).json()
    assert first["limit"] == 2 and len(first["items"]) == 2 and first["total"] >= 11
    outlet = first["items"][0]["outlet"]
    filtered = client.get("/api/documents", params={"outlet": outlet}).json()["items"]
    assert filtered and all(d["outlet"] == outlet for d in filtered)
    since = client.get("/api/documents", params={"since": "2024-03-15"}).json()["items"]
    assert since and all(d["published"] >= "2024-03-15" for d in since)

    doc = client.get(f"/api/documents/{first['items'][0]['id']}").json()
    assert {"mentions", "statements", "times", "quantities", "techniques", "text"} <= set(doc)
    rates = client.get("/api/techniques", params={"by": "speaker"}).json()["items"]
    assert rates and all(r["by"] == "speaker" for r in rates)
    assert rates[0]["spans"] and rates[0]["per_1000_words"] == round(
        1000 * rates[0]["spans"] / rates[0]["words"], 2
    )
    assert client.get("/api/techniques", params={"by": "nobody"}).status_code == 422
    disputes = client.get("/api/disputes").json()["items"]
    assert disputes and all(d["a"]["text"] and d["b"]["outlet"] is not None for d in disputes)
    assert client.get("/api/search", params={"q": "bridge"}).json()["items"]

    missing = client.get("/api/documents/nope")
    assert missing.status_code == 404
    assert set(missing.json()) == {"error"}
    assert (
        missing.json()["error"]["code"] == "unknown-document" and "nope" in missing.json()["error"]["message"]
    )
    invalid = client.get("/api/entities", params={"limit": 0})
    assert invalid.status_code == 422 and invalid.json()["error"]["code"] == "invalid-request"
    injection = client.get("/api/statements", params={"q": "'; DROP TABLE documents; --"})
    assert injection.status_code == 200 and injection.json()["items"] == []
    assert client.get("/api/documents").json()["total"] >= 11  # nothing dropped


def test_no_store_is_a_clear_error(tmp_path: Path) -> None:
    from claimgraph.errors import StoreError

    with pytest.raises(StoreError, match="no store here"):
        create_app(settings=Settings(db=str(tmp_path / "missing.duckdb")))
