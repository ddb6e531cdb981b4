from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph import docs
from claimgraph.cli import main
from claimgraph.store import Store

from .conftest import REPO, SAMPLES


def test_readme_generated_sections_are_current() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "<!-- generated:cli -->" in readme
    assert docs.render(readme) == readme, "README is stale: run `make docs`"


def test_ingest_show_search_export_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The real command with its default two spaCy worker processes.
    db = str(tmp_path / "cli.duckdb")
    assert main(["ingest", str(SAMPLES), "--db", db, "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "0 rejected" in out
    assert "entity mentions" in out

    assert main(["ingest", str(SAMPLES), "--db", db, "--no-progress"]) == 0
    documents = len(json.loads((SAMPLES.parent / "expected.json").read_text(encoding="utf-8")))
    assert f"0 new, 0 updated, {documents} unchanged" in capsys.readouterr().out

    assert main(["search", "bridge", "--db", db, "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits
    assert all("bridge" in h["snippet"].lower() for h in hits[:3])

    assert main(["show", hits[0]["doc_id"][:8], "--db", db]) == 0
    shown = capsys.readouterr().out
    assert hits[0]["doc_id"] in shown
    assert "entity mentions" in shown

    out_file = tmp_path / "e.json"
    assert main(["export", "--db", db, "--out", str(out_file)]) == 0
    assert json.loads(out_file.read_text())["format"] == "claimgraph-export/1"


def test_rejections_give_exit_status_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("The governor said on Monday that the town still holds firm.")
    code = main(["ingest", str(tmp_path), "--db", str(tmp_path / "s.duckdb"), "--n-process", "1"])
    assert code == 3
    out = capsys.readouterr().out
    assert "1 new" in out
    assert f"{tmp_path / 'empty.txt'} [read]: empty file" in out


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["ingest", "/nonexistent/path"], 2, "/nonexistent/path: no such file or directory"),
        (["show", "zzzz"], 2, "no document with id"),
        (["search", "x", "--db", "/nonexistent/store.duckdb"], 4, "no store here"),
    ],
)
def test_errors_are_one_line_with_exit_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], status: int, message: str
) -> None:
    if "--db" not in argv:
        db = tmp_path / "s.duckdb"
        from claimgraph.store import Store

        Store(db).close()
        argv = [*argv, "--db", str(db)]
    assert main(argv) == status
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_entity_shows_names_mentions_and_why_they_merged(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["entity", "Orlenko", "--db", str(sample_db)]) == 0
    out = capsys.readouterr().out
    assert "Taras Orlenko  (PERSON" in out
    assert "mentions per document:" in out
    assert "Orlenko + Taras Orlenko: surname of Taras Orlenko" in out

    assert main(["entity", "nobody at all", "--db", str(sample_db)]) == 2
    assert "no entity called 'nobody at all'" in capsys.readouterr().err

    kb = tmp_path / "kb.csv"
    kb.write_text(
        "id,name,type,aliases,description,wikidata\n"
        "taras-orlenko,Taras Orlenko,PERSON,Orlenko|Тарас Орленко,defence minister of the sample world,\n",
        encoding="utf-8",
    )
    assert main(["entity", "Тарас Орленко", "--db", str(sample_db), "--kb", str(kb), "--json"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert record["description"] == "defence minister of the sample world"
    assert "Тарас Орленко" in record["aliases"]

    broken = tmp_path / "broken.csv"
    broken.write_text("name,type\nX,PERSON\n", encoding="utf-8")
    assert main(["entity", "Orlenko", "--db", str(sample_db), "--kb", str(broken)]) == 2
    assert "lacks the column(s) id" in capsys.readouterr().err


def test_disputes_lists_both_sides_with_outlet_and_date(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["disputes", "--db", str(sample_db), "--kind", "numeric"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("numeric: civilians remaining:")
    assert "The Harbour Courier, 2024-03-15" in out
    assert '"By our count, 7,500 civilians are still here.' in out
    assert main(["disputes", "--db", str(sample_db), "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert {r["kind"] for r in records} >= {"numeric", "status"}
    assert all(r["a"]["doc"] != r["b"]["doc"] or r["a"]["statement"] != r["b"]["statement"] for r in records)
    assert any(r["a"]["doc"] == r["b"]["doc"] for r in records)  # NWA: the grouping against the ministry


def test_techniques_gives_rates_by_outlet_and_speaker(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["techniques", "--db", str(sample_db), "--json"]) == 0
    rates = json.loads(capsys.readouterr().out)
    with Store(sample_db, read_only=True) as store:
        found = store.techniques()
        outlets = {d.metadata.outlet or "(outlet unknown)" for d in store.documents()}
    assert {r["name"] for r in rates if r["by"] == "outlet"} == outlets
    by_voice = {voice: sum(t.voice == voice for t in found) for voice in ("outlet", "speaker")}
    assert sum(r["spans"] for r in rates if r["by"] == "outlet") == by_voice["outlet"]
    # Quoted words that no statement attributes count for nobody.
    assert 0 < sum(r["spans"] for r in rates if r["by"] == "speaker") <= by_voice["speaker"]
    for r in rates:
        assert r["spans"] == sum(count for _, count in r["techniques"])
        assert r["per_1000_words"] == (round(1000 * r["spans"] / r["words"], 2) if r["words"] else 0.0)
    speakers = [r for r in rates if r["by"] == "speaker"]
    # A pronoun is counted for the speaker it was resolved to, or for nobody in particular.
    assert not {r["name"].lower() for r in speakers} & {"he", "she", "they", "it", "which", "who"}
    assert speakers == sorted(speakers, key=lambda r: (-r["per_1000_words"], -r["spans"], r["name"]))

    assert main(["techniques", "--db", str(sample_db), "--by", "speaker"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("speaker ") and "per 1,000 words" in out
    assert "\noutlet " not in out


def test_technique_rates_of_some_documents_count_only_their_words(sample_db: Path) -> None:
    from claimgraph.query import technique_rates

    with Store(sample_db, read_only=True) as store:
        spans = store.techniques()
        doc = max({t.span.doc for t in spans}, key=lambda d: sum(t.span.doc == d for t in spans))
        (document,) = [d for d in store.documents() if d.id == doc]
        rates = technique_rates(store, docs={doc})
    outlets = [r for r in rates if r.by == "outlet"]
    assert [r.name for r in outlets] == [document.metadata.outlet or "(outlet unknown)"]
    assert 0 < outlets[0].words <= len(document.text.split())
    assert sum(r.spans for r in rates) <= sum(t.span.doc == doc for t in spans)
    assert sum(r.words for r in rates) <= len(document.text.split())


def test_show_names_the_author_a_first_person_speaker_stands_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = tmp_path / "addresses.jsonl"
    record = {
        "title": "Evening address",
        "text": "I am sure that the front will hold.",
        "speaker": "Oleh Marchuk",
    }
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = str(tmp_path / "cli.duckdb")
    assert main(["ingest", str(feed), "--db", db, "--no-progress", "--n-process", "1"]) == 0
    capsys.readouterr()
    assert main(["search", "front", "--db", db, "--json"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert main(["show", hit["doc_id"], "--db", db]) == 0
    assert "I → Oleh Marchuk (the author)" in capsys.readouterr().out
