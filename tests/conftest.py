from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "samples" / "corpus"


@pytest.fixture(scope="session")
def nlp() -> Language:
    from claimgraph.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval" / "dev" / "gold.json").exists():
        pytest.skip(f"{SHARED} is absent: the shared evaluation data sits beside the repository in CI")
    return SHARED


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    """A store holding the bundled sample corpus, built once for the session."""
    from claimgraph.ingest import ingest
    from claimgraph.settings import Settings

    db = tmp_path_factory.mktemp("samples") / "samples.duckdb"
    report = ingest([SAMPLES], settings=Settings(db=str(db), n_process=1, progress=False), nlp=nlp)
    assert report.rejected == [], report.rejected
    return db
