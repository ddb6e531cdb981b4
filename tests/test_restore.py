"""`claimgraph import`: a JSON export read back into a new store exports the same JSON."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from claimgraph.cli import main
from claimgraph.errors import InputNotFound, InvalidExport, StoreNotEmpty
from claimgraph.export import build_export, export_store
from claimgraph.ingest import ingest
from claimgraph.restore import import_export, topic_keys
from claimgraph.settings import Settings
from claimgraph.store import Store

from .conftest import SAMPLES

if TYPE_CHECKING:
    from spacy.language import Language


def _export(db: Path, out: Path) -> Path:
    with Store(db, read_only=True) as store:
        export_store(store, fmt="json", out=out)
    return out


@pytest.fixture(scope="module")
def sample_export(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _export(sample_db, tmp_path_factory.mktemp("restore") / "samples.json")


def test_export_import_export_gives_the_same_json(
    sample_export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "imported.duckdb"
    assert main(["import", str(sample_export), "--db", str(db)]) == 0
    assert f"imported {sample_export} into {db}" in capsys.readouterr().out
    again = tmp_path / "again.json"
    assert main(["export", "--db", str(db), "--out", str(again)]) == 0
    assert again.read_bytes() == sample_export.read_bytes()
    data = json.loads(again.read_text(encoding="utf-8"))
    assert data["disputes"] and data["claims"] and data["entities"] and data["techniques"], (
        "the comparison would be empty"
    )

    with Store(db, read_only=True) as store:
        # What the export does not carry is derived: the search index, the copies, the claims'
        # readings and blocks, the name blocks, and a referent for every speaker a mention names.
        assert store.search("bridge", limit=3)
        con = store.connection
        assert con.execute("SELECT count(*) FROM claims WHERE reading IS NULL").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM claim_blocks").fetchone() != (0,)
        assert con.execute("SELECT count(*) FROM name_blocks").fetchone() != (0,)
        assert con.execute("SELECT count(*) FROM corpus_documents").fetchone() == (len(data["documents"]),)
        # An author's first person, or a label naming a person the document never mentions, is found
        # by the name, not by a mention in its document.
        in_doc = {(e["id"], m["doc"]) for e in data["entities"] for m in e["mentions"]}
        named = [
            s
            for s in data["statements"]
            if s["speaker"]["entity"]
            and not s["speaker"]["anonymous"]
            and s["speaker"]["author"] is None
            and (s["speaker"]["entity"], s["doc"]) in in_doc
        ]
        resolved = con.execute("SELECT count(*) FROM statements WHERE referent_start IS NOT NULL").fetchone()
        assert resolved == (len(named),)


def test_the_dev_corpus_round_trips_too(shared: Path, nlp: Language, tmp_path: Path) -> None:
    db = tmp_path / "dev.duckdb"
    ingest([shared / "corpus" / "dev"], settings=Settings(db=str(db), n_process=1, progress=False), nlp=nlp)
    original = _export(db, tmp_path / "dev.json")
    import_export(original, settings=Settings(db=str(tmp_path / "restored.duckdb")))
    again = _export(tmp_path / "restored.duckdb", tmp_path / "again.json")
    assert again.read_bytes() == original.read_bytes()


def test_an_imported_store_takes_new_articles_like_the_original(nlp: Language, tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for path in sorted(SAMPLES.iterdir()):
        shutil.copy(path, (first if path.name < "h" else second) / path.name)

    def settings(db: Path) -> Settings:
        return Settings(db=str(db), n_process=1, progress=False)

    ingest([first], settings=settings(tmp_path / "original.duckdb"), nlp=nlp)
    exported = _export(tmp_path / "original.duckdb", tmp_path / "first.json")
    import_export(exported, settings=settings(tmp_path / "imported.duckdb"))
    for db in ("original.duckdb", "imported.duckdb"):
        ingest([second], settings=settings(tmp_path / db), nlp=nlp)
    with Store(tmp_path / "original.duckdb", read_only=True) as store:
        want = build_export(store)
    with Store(tmp_path / "imported.duckdb", read_only=True) as store:
        got = build_export(store)
    assert want["disputes"], "the samples hold disputes across the two halves"
    # The imported half's mentions carry their entity's type for a label (the export has no other), so
    # resolution could in principle part ways where spaCy's label differed; on the samples it does not.
    assert got == want


def test_a_store_that_holds_documents_is_refused(
    sample_export: Path, sample_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "full.duckdb"
    shutil.copy(sample_db, db)
    with pytest.raises(StoreNotEmpty, match=r"already holds \d+ documents; import into a new store"):
        import_export(sample_export, settings=Settings(db=str(db)))
    assert main(["import", str(sample_export), "--db", str(db)]) == 4
    with Store(db, read_only=True) as store:
        assert build_export(store) == json.loads(sample_export.read_text(encoding="utf-8"))


def _edit(change: Callable[[dict[str, Any]], object]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def edited(data: dict[str, Any]) -> dict[str, Any]:
        change(data)
        return data

    return edited


@pytest.mark.parametrize(
    ("write", "message"),
    [
        (lambda path, _: path.write_text("{not json", encoding="utf-8"), r"not JSON: .* at line 1, column 2"),
        (lambda path, _: path.write_bytes(b"\xff\xfe{}"), "not UTF-8"),
        (lambda path, _: path.write_text("[1, 2]", encoding="utf-8"), "holds a JSON list, not an object"),
        (lambda path, _: path.write_text('{"documents": []}', encoding="utf-8"), "has no 'format' key"),
        (
            lambda path, data: path.write_text(json.dumps(_edit(lambda d: d.update(format="x/2"))(data))),
            "format is 'x/2'; this claimgraph imports 'claimgraph-export/1'",
        ),
        (
            lambda path, data: path.write_text(json.dumps(_edit(lambda d: d.pop("claims"))(data))),
            "bad.json: the key 'claims' is missing",
        ),
        (
            lambda path, data: path.write_text(
                json.dumps(_edit(lambda d: d["documents"][1].update(published="March"))(data))
            ),
            r"documents\[1\]\.published: expected a date YYYY-MM-DD or null, found 'March'",
        ),
        (
            lambda path, data: path.write_text(
                json.dumps(_edit(lambda d: d["entities"][0]["mentions"][0].update(start=10**6))(data))
            ),
            r"entities\[0\]\.mentions\[0\]: the span 1000000-\d+ lies outside",
        ),
        (
            lambda path, data: path.write_text(
                json.dumps(_edit(lambda d: d["statements"][2].update(content="something else"))(data))
            ),
            r"statements\[2\]\.content: is not the document's text at",
        ),
        (
            lambda path, data: path.write_text(
                json.dumps(_edit(lambda d: d["techniques"].append({"doc": "x"}))(data))
            ),
            r"techniques\[\d+\]: names the document 'x', which is not among the documents",
        ),
        (
            # Well formed, but not what the store gives back: a claim counted with more sources.
            lambda path, data: path.write_text(
                json.dumps(_edit(lambda d: d["claims"][0].update(independent_sources=99))(data))
            ),
            r"cannot be restored as it stands: claims\[0\] differs after restoring",
        ),
    ],
)
def test_a_file_that_is_no_export_is_refused_saying_why(
    sample_export: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    write: Callable[[Path, dict[str, Any]], object],
    message: str,
) -> None:
    bad = tmp_path / "bad.json"
    write(bad, json.loads(sample_export.read_text(encoding="utf-8")))
    db = tmp_path / "new.duckdb"
    with pytest.raises(InvalidExport, match=message):
        import_export(bad, settings=Settings(db=str(db)))
    assert not db.exists(), "a failed import leaves no store behind"
    assert main(["import", str(bad), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"claimgraph: invalid-export: {bad}: ")
    assert err.count("\n") == 1


def test_a_jsonl_export_or_a_missing_file_is_named(sample_db: Path, tmp_path: Path) -> None:
    with Store(sample_db, read_only=True) as store:
        export_store(store, fmt="jsonl", out=tmp_path / "e.jsonl")
    with pytest.raises(InvalidExport, match="this is a JSONL export; import reads the JSON export"):
        import_export(tmp_path / "e.jsonl", settings=Settings(db=str(tmp_path / "a.duckdb")))
    with pytest.raises(InputNotFound, match=r"absent\.json: no such file"):
        import_export(tmp_path / "absent.json", settings=Settings(db=str(tmp_path / "b.duckdb")))


def test_topic_keys_sort_the_places_by_their_keys() -> None:
    # The export shows places sorted by name; claims group by their keys, sorted by key.
    assert topic_keys("Velykyi Mlyn, Zarechna") == topic_keys("Zarechna, Velykyi Mlyn")
    assert topic_keys(None) == topic_keys("") == ""
