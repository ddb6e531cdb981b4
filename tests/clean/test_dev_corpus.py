"""The real dev articles against their hand-written gold (../shared, beside the repository).

Lines are checked the way the project's scorer checks them: its own `norm`, loaded from
../shared/eval/score.py, so "kept" and "dropped" mean exactly what the evaluation means.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimgraph.clean import clean_document
from claimgraph.models import CleanedDocument, RawDocument

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD = SHARED / "eval" / "dev" / "gold.json"
CORPUS = SHARED / "corpus" / "dev"


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    if not GOLD.exists():
        pytest.skip(f"{GOLD} is absent: the shared evaluation data sits beside the repository in CI")
    documents: dict[str, Any] = json.loads(GOLD.read_text(encoding="utf-8"))["documents"]
    return documents


@pytest.fixture(scope="module")
def norm() -> Callable[[str], str]:
    score = SHARED / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("claimgraph_eval_score", score)
    if not score.exists() or spec is None or spec.loader is None:
        pytest.skip(f"{score} is absent: the shared evaluation data sits beside the repository in CI")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    function: Callable[[str], str] = module.norm
    return function


@pytest.fixture(scope="module")
def cleaned(gold: dict[str, Any]) -> dict[str, CleanedDocument]:
    out = {}
    for name in gold:
        content = (CORPUS / name).read_text(encoding="utf-8")
        out[name] = clean_document(
            RawDocument(source=name, content=content, media_type="text/plain", content_hash=name)
        )
    return out


def test_every_gold_document_is_there(gold: dict[str, Any]) -> None:
    assert gold
    assert all((CORPUS / name).exists() for name in gold)


def test_furniture_goes(
    gold: dict[str, Any], cleaned: dict[str, CleanedDocument], norm: Callable[[str], str]
) -> None:
    kept = [
        (name, line)
        for name, doc in gold.items()
        for line in doc["must_drop"]
        if norm(line) in norm(cleaned[name].text)
    ]
    assert kept == []


def test_body_stays(
    gold: dict[str, Any], cleaned: dict[str, CleanedDocument], norm: Callable[[str], str]
) -> None:
    lost = [
        (name, line)
        for name, doc in gold.items()
        for line in doc["must_keep"]
        if norm(line) not in norm(cleaned[name].text)
    ]
    assert lost == []


def test_publication_date(gold: dict[str, Any], cleaned: dict[str, CleanedDocument]) -> None:
    found = {
        name: doc.metadata.published.isoformat() if doc.metadata.published else None
        for name, doc in cleaned.items()
    }
    assert found == {name: doc["published"] for name, doc in gold.items()}


def test_outlet_author_and_title(gold: dict[str, Any], cleaned: dict[str, CleanedDocument]) -> None:
    for name, doc in gold.items():
        metadata = cleaned[name].metadata
        if doc.get("outlet"):
            assert metadata.outlet == doc["outlet"], name
        if doc.get("author"):
            assert doc["author"] in metadata.authors, name
        if doc.get("title_key"):
            assert doc["title_key"] in (metadata.title or ""), name
