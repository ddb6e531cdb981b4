"""An error while reading, cleaning, parsing, extracting or storing one document costs that document
alone, in one process and in worker processes: each test injects a failure into one stage for one
input (its text holds POISON) and fails when that stage's isolation is taken away."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from claimgraph.cli import main
from claimgraph.ingest import ingest, pipeline, readers
from claimgraph.models import Rejection
from claimgraph.settings import Settings
from claimgraph.store import Store

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

ARTICLE = (
    "By Jane Roe\n\nMar 14, 2024\n\n"
    "South Korea's defence ministry said on Monday that 1,200 troops were near Bakhmut.\n\n"
    '"We will hold the line," Governor Petro Kovalenko told reporters in Kyiv.\n'
)
POISON = "POISON"


def poisoned(value: object) -> bool:
    """Whether a text, or a raw input, cleaned input or parse of one, holds the poison."""
    for text in (value, getattr(value, "text", None), getattr(value, "content", None)):
        if isinstance(text, str) and POISON in text:
            return True
    return False


def fragile(real: Callable[..., Any]) -> Callable[..., Any]:
    """``real``, raising for any call given the poisoned text (or a parse of it)."""

    def call(*args: Any, **kwargs: Any) -> Any:
        if any(poisoned(a) for a in (*args, *kwargs.values())):
            raise ValueError("injected failure")
        return real(*args, **kwargs)

    return call


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c", "d", "e"):
        (folder / f"{name}.txt").write_text(ARTICLE + f"\nStory {name} ends here.\n", encoding="utf-8")
    (folder / "c.txt").write_text(ARTICLE + f"\n{POISON} is in this one.\n", encoding="utf-8")
    return folder


def settings(tmp_path: Path, processes: int) -> Settings:
    # Batches of three put the poisoned input beside good ones in a parse, a chunk and a transaction.
    return Settings(
        db=str(tmp_path / "store.duckdb"),
        n_process=processes,
        nlp_batch_size=3,
        commit_every=3,
        progress=False,
    )


class FragileParser:
    """A pipeline that fails on the poisoned text, in a batch and alone, like a component that
    cannot cope with some sentence."""

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp

    def pipe(self, texts: Iterator[str], **kwargs: Any) -> Iterator[Doc]:
        for doc in self._nlp.pipe(texts, **kwargs):
            if poisoned(doc):
                raise ValueError("[E1010] injected failure")
            yield doc

    def __call__(self, text: str) -> Doc:
        if poisoned(text):
            raise ValueError("[E1010] injected failure")
        return self._nlp(text)


def inject(stage: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if stage == "read":
        real_read = readers._documents_in

        def fragile_read(path: Path, **kwargs: Any) -> Any:
            if POISON in path.read_text(encoding="utf-8"):
                raise OSError("injected failure")
            return real_read(path, **kwargs)

        monkeypatch.setattr(readers, "_documents_in", fragile_read)
    elif stage == "clean":
        monkeypatch.setattr(pipeline, "clean_document", fragile(pipeline.clean_document))
    elif stage == "store":
        real_insert = Store._insert_columns

        def fragile_insert(self: Store, table: str, columns: Any) -> None:
            real_insert(self, table, columns)
            # Inside the batch's transaction, after its first rows: they must be rolled back.
            if table == "documents" and any(poisoned(text) for text in columns["text"]):
                raise ValueError("injected failure")

        monkeypatch.setattr(Store, "_insert_columns", fragile_insert)
    elif stage != "parse":  # the parse fails in the pipeline handed to ingest: FragileParser
        module, name = EXTRACTORS[stage]
        monkeypatch.setattr(module, name, fragile(getattr(module, name)))


def _extractors() -> dict[str, tuple[Any, str]]:
    from claimgraph import claims, nlp
    from claimgraph.extract import quantities, statements, techniques, times

    return {
        "entities": (nlp, "entity_mentions"),
        "statements": (statements, "extract_statements"),
        "times": (times, "time_mentions"),
        "quantities": (quantities, "find_quantities"),
        "claims": (claims, "claim_sentences"),
        "techniques": (techniques, "find_techniques"),
    }


EXTRACTORS = _extractors()
STAGES = ["read", "clean", "parse", *EXTRACTORS, "store"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("stage", "processes"),
    # The store is written by the ingesting process alone, whatever analyses the documents.
    [(stage, processes) for stage in STAGES for processes in (1, 2) if (stage, processes) != ("store", 2)],
)
def test_a_failing_stage_costs_one_document(
    stage: str, processes: int, tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    inject(stage, monkeypatch)
    chosen = settings(tmp_path, processes)
    parser: Any = FragileParser(nlp) if stage == "parse" else nlp
    report = ingest([corpus(tmp_path)], settings=chosen, nlp=parser)
    assert report.new == 4
    assert [(Path(r.source).name, r.stage) for r in report.rejected] == [("c.txt", stage)]
    assert "injected failure" in report.rejected[0].reason
    with Store(chosen.db, read_only=True) as store:
        stored = sorted(Path(d.source).name for d in store.documents())
        assert stored == ["a.txt", "b.txt", "d.txt", "e.txt"]
        assert store.rejections() == report.rejected
        # The good documents were analysed in full: every one of them has its statements.
        assert {s.content.doc for s in store.statements()} == {d.id for d in store.documents()}


def test_fail_fast_stops_at_the_first_error_with_its_own_exception(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    inject("statements", monkeypatch)
    chosen = settings(tmp_path, 1).with_overrides(fail_fast=True)
    with pytest.raises(ValueError, match="injected failure"):
        ingest([corpus(tmp_path)], settings=chosen, nlp=nlp)


def test_the_cli_lists_a_failed_document_with_its_stage_and_exits_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    inject("quantities", monkeypatch)
    db = str(tmp_path / "cli.duckdb")
    folder = corpus(tmp_path)
    assert main(["ingest", str(folder), "--db", db, "--n-process", "1", "--no-progress"]) == 3
    out = capsys.readouterr().out
    assert "4 new" in out
    assert "rejected (quantities 1):" in out
    assert f"{folder / 'c.txt'} [quantities]: quantities failed (ValueError: injected failure)" in out
    with pytest.raises(ValueError, match="injected failure"):
        main(["ingest", str(folder), "--db", db, "--n-process", "1", "--no-progress", "--fail-fast"])


def test_a_worker_process_that_dies_costs_only_the_document_it_died_on(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_records = pipeline.document_records

    def deadly_records(prepared: pipeline.Prepared, spacy_doc: Doc, **kwargs: Any) -> object:
        if poisoned(prepared.cleaned):
            os._exit(9)  # as a segfault or the OOM killer would end it: no exception, no clean-up
        return real_records(prepared, spacy_doc, **kwargs)

    monkeypatch.setattr(pipeline, "document_records", deadly_records)
    chosen = settings(tmp_path, 2)
    report = ingest([corpus(tmp_path)], settings=chosen, nlp=nlp)
    assert report.new == 4
    assert [(Path(r.source).name, r.stage) for r in report.rejected] == [("c.txt", "worker")]
    assert "died" in report.rejected[0].reason


def test_a_rejection_names_the_error_briefly() -> None:
    rejection = Rejection.of_error("a.jsonl#3", "parse", ValueError("bad\n  span " + "x" * 1000))
    assert rejection.stage == "parse"
    assert rejection.reason.startswith("parse failed (ValueError: bad span xxx")
    assert len(rejection.reason) < 350
    assert Rejection.of_error("a.txt", "read", MemoryError()).reason == "read failed (MemoryError)"
