"""The bundled fictional sample corpus comes out of ingest as samples/expected.json says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.store import Store

from .conftest import SAMPLES

EXPECTED = json.loads((SAMPLES.parent / "expected.json").read_text(encoding="utf-8"))


def norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split())


def key_of(source: str) -> str:
    # JSONL records are stored under their URL when they have one, else as path#line.
    return Path(source).name


@pytest.fixture(scope="module")
def documents(sample_db: Path) -> dict[str, dict[str, object]]:
    with Store(sample_db, read_only=True) as store:
        docs = list(store.documents())
    by_key: dict[str, dict[str, object]] = {}
    for doc in docs:
        record = {
            "text": doc.text,
            "published": doc.metadata.published.isoformat() if doc.metadata.published else None,
            "title": doc.metadata.title,
            "outlet": doc.metadata.outlet,
            "authors": list(doc.metadata.authors),
            "source": doc.source,
        }
        by_key[key_of(doc.source)] = record
    return by_key


def find(documents: dict[str, dict[str, object]], key: str) -> dict[str, object]:
    if "#" in key:
        # wire.jsonl#N: match by the record's own title, as records with a URL are stored under it.
        title = EXPECTED[key]["title"]
        match = [d for d in documents.values() if d["title"] == title]
        if title is None:
            match = [d for d in documents.values() if "#" in str(d["source"])]
        assert match, f"{key} not stored"
        return match[0]
    assert key in documents, f"{key} not stored; have {sorted(documents)}"
    return documents[key]


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_sample_document(documents: dict[str, dict[str, object]], key: str) -> None:
    expected = EXPECTED[key]
    doc = find(documents, key)
    text = norm(str(doc["text"]))
    for line in expected["must_drop"]:
        assert norm(line) not in text, f"furniture kept: {line!r}"
    for line in expected["must_keep"]:
        assert norm(line) in text, f"body line lost: {line!r}"
    assert doc["published"] == expected["published"]
    if expected["title"] is not None:
        assert norm(str(doc["title"] or "")) == norm(expected["title"])
    if expected["outlet"] is not None:
        assert doc["outlet"] == expected["outlet"]
    assert doc["authors"] == expected["authors"]
