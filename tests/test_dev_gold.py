"""Acceptance figures on the real dev articles, scored by the shared scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from claimgraph.export import export_store
from claimgraph.ingest import ingest
from claimgraph.settings import Settings
from claimgraph.store import Store

if TYPE_CHECKING:
    from spacy.language import Language


def test_dev_gold_scores(shared: Path, tmp_path: Path, nlp: Language) -> None:
    settings = Settings(db=str(tmp_path / "dev.duckdb"), n_process=1, progress=False)
    report = ingest([shared / "corpus" / "dev"], settings=settings, nlp=nlp)
    assert report.rejected == []
    out = tmp_path / "export.json"
    with Store(settings.db, read_only=True) as store:
        export_store(store, fmt="json", out=out)
    scored = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "score.py"),
            str(out),
            str(shared / "eval" / "dev" / "gold.json"),
            "--json",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    metrics = json.loads(scored.stdout)
    assert metrics["docs_found"] == 1.0
    assert metrics["cleaning"] == 1.0
    assert metrics["published"] == 1.0
    assert metrics["statements_recall"] >= 0.90
    assert metrics["statements_precision_lb"] >= 0.80
    assert metrics["said_on"] >= 0.90
    assert metrics["techniques"] == 1.0
