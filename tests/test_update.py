"""The corpus-wide stages kept in the store (claimgraph.update): incremental equals all at once."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from claimgraph import update
from claimgraph.export import build_export
from claimgraph.ingest import ingest
from claimgraph.settings import Settings
from claimgraph.store import Store
from tests.conftest import SAMPLES

if TYPE_CHECKING:
    from spacy.language import Language

FIRST = ("wire.jsonl", "eastline-bridge.txt", "courier-evacuation.md", "monitor-analysis.txt")


def _settings(db: Path) -> Settings:
    return Settings(db=str(db), n_process=1, progress=False)


def _export(db: Path) -> dict[str, Any]:
    with Store(db, read_only=True) as store:
        return build_export(store, settings=_settings(db))


@pytest.fixture(scope="module")
def halves(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("halves")
    first, second = root / "first", root / "second"
    first.mkdir()
    second.mkdir()
    for path in SAMPLES.iterdir():
        shutil.copy(path, (first if path.name in FIRST else second) / path.name)
    return first, second


def test_articles_added_later_give_the_record_of_all_at_once(
    tmp_path: Path, nlp: Language, halves: tuple[Path, Path]
) -> None:
    first, second = halves
    at_once, later = tmp_path / "at_once.duckdb", tmp_path / "later.duckdb"
    ingest([first, second], settings=_settings(at_once), nlp=nlp)
    earlier = ingest([first], settings=_settings(later), nlp=nlp)
    report = ingest([second], settings=_settings(later), nlp=nlp)

    assert report.corpus is not None
    # The second ingest read its own documents' claims, and of the first half only those naming a
    # place the second half brought.
    assert report.corpus.new_documents == report.new == len(list(second.iterdir()))
    assert report.corpus.reread_documents < earlier.new
    whole, added = _export(at_once), _export(later)
    assert whole["disputes"], "the samples hold disputes; the comparison would be empty otherwise"
    for kind in whole:
        assert json.dumps(added[kind], sort_keys=True) == json.dumps(whole[kind], sort_keys=True), kind


def test_disputes_compared_a_few_claims_at_a_time_are_those_compared_all_at_once(
    tmp_path: Path, nlp: Language, halves: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = tmp_path / "whole.duckdb"
    ingest(list(halves), settings=_settings(whole), nlp=nlp)
    # Parts of three claims: every block is a part of its own or shares one with a neighbour, and a
    # claim in several blocks is read in several parts.
    monkeypatch.setattr(update, "_DISPUTE_PART", 3)
    at_once, later = tmp_path / "at_once.duckdb", tmp_path / "later.duckdb"
    ingest(list(halves), settings=_settings(at_once), nlp=nlp)
    ingest([halves[0]], settings=_settings(later), nlp=nlp)
    report = ingest([halves[1]], settings=_settings(later), nlp=nlp)

    assert report.corpus is not None and report.corpus.dirty_blocks > 3
    expected = _export(whole)
    assert len(expected["disputes"]) > 3
    for db in (at_once, later):
        assert json.dumps(_export(db), sort_keys=True) == json.dumps(expected, sort_keys=True)


def test_an_update_leaves_no_staged_rows_and_clears_those_a_killed_one_left(
    tmp_path: Path, nlp: Language, halves: tuple[Path, Path]
) -> None:
    db = tmp_path / "s.duckdb"
    killed = tmp_path / ".s.duckdb.update-killed"
    killed.mkdir()
    (killed / "disputes.parquet").write_bytes(b"the first rows of a file never finished")
    another_store = tmp_path / ".t.duckdb.update-running"
    another_store.mkdir()
    ingest([halves[0]], settings=_settings(db), nlp=nlp)
    assert not list(tmp_path.glob(".s.duckdb.update-*"))
    assert another_store.is_dir()


def test_an_update_with_nothing_new_does_nothing(
    tmp_path: Path, nlp: Language, halves: tuple[Path, Path]
) -> None:
    db = tmp_path / "s.duckdb"
    ingest([halves[0]], settings=_settings(db), nlp=nlp)
    again = ingest([halves[0]], settings=_settings(db), nlp=nlp)
    assert again.new == 0
    assert again.corpus is not None and again.corpus.claims_read == 0 and again.corpus.entities == 0


def test_a_replaced_article_takes_its_claims_and_disputes_with_it(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "wire.jsonl", folder / "wire.jsonl")
    shutil.copy(SAMPLES / "eastline-bridge.txt", folder / "eastline-bridge.txt")
    db = tmp_path / "s.duckdb"
    ingest([folder], settings=_settings(db), nlp=nlp)
    with Store(db, read_only=True) as store:
        (old_id,) = store.connection.execute(
            "SELECT id FROM documents WHERE source LIKE '%eastline-bridge.txt'"
        ).fetchone() or ("",)
        assert store.connection.execute("SELECT count(*) FROM claims WHERE doc = ?", [old_id]).fetchone() != (
            0,
        )
    edited = (folder / "eastline-bridge.txt").read_text(encoding="utf-8").replace("destroyed", "struck")
    (folder / "eastline-bridge.txt").write_text(edited, encoding="utf-8")
    report = ingest([folder], settings=_settings(db), nlp=nlp)
    assert report.updated == 1 and report.corpus is not None and report.corpus.removed_documents == 1
    with Store(db, read_only=True) as store:
        con = store.connection
        for table in ("claims", "corpus_documents", "doc_signatures", "doc_bands"):
            assert con.execute(f"SELECT count(*) FROM {table} WHERE doc = ?", [old_id]).fetchone() == (0,), (
                table
            )
        orphans = con.execute(
            "SELECT count(*) FROM disputes WHERE a_claim NOT IN (SELECT id FROM claims)"
            " OR b_claim NOT IN (SELECT id FROM claims)"
        ).fetchone()
        assert orphans == (0,)
        assert con.execute("SELECT count(*) FROM entity_spans WHERE doc = ?", [old_id]).fetchone() == (0,)


def test_wire_copies_are_found_through_their_bands_and_counted_once(tmp_path: Path, nlp: Language) -> None:
    story = (
        "About 12,000 civilians remain in Velykyi Mlyn after a strike destroyed the only road bridge, "
        "the regional governor said on Wednesday. Buses wait on the western bank while the shelling goes on, "
        "and volunteers say food and water are running short in the basements of the old town. "
    ) * 3
    records = [
        {"title": "Trapped", "outlet": "Wire", "published": "2024-03-13", "text": story},
        {"title": "Trapped", "outlet": "Site", "published": "2024-03-13", "text": "By wire. " + story},
        {
            "title": "Grain",
            "outlet": "Port",
            "published": "2024-03-13",
            "text": "Grain ships left Odesa. " * 20,
        },
    ]
    first = tmp_path / "a.jsonl"
    first.write_text(json.dumps(records[0]) + "\n" + json.dumps(records[2]) + "\n", encoding="utf-8")
    second = tmp_path / "b.jsonl"
    second.write_text(json.dumps(records[1]) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    ingest([first], settings=_settings(db), nlp=nlp)
    report = ingest([second], settings=_settings(db), nlp=nlp)
    assert report.corpus is not None and report.corpus.copy_pairs == 1
    with Store(db, read_only=True) as store:
        groups = dict(store.connection.execute("SELECT doc, copies FROM corpus_documents").fetchall())
    assert len(set(groups.values())) == 2
    claims = _export(db)["claims"]
    civilians = [c for c in claims if c["predicate"].startswith("civilians")]
    assert civilians and all(c["independent_sources"] == 1 for c in civilians)


def test_a_store_left_before_the_corpus_stages_is_brought_up_to_date_when_opened(
    tmp_path: Path, nlp: Language, halves: tuple[Path, Path]
) -> None:
    db = tmp_path / "s.duckdb"
    ingest([halves[0]], settings=_settings(db), nlp=nlp)
    with Store(db) as store:  # as if the ingest had stopped after its last batch
        store.connection.execute("DELETE FROM corpus_documents")
        store.connection.execute("DELETE FROM disputes")
    with Store(db, read_only=True) as store:
        done = store.connection.execute("SELECT count(*) FROM corpus_documents").fetchone()
        documents = store.counts().documents
    assert done == (documents,)
    assert _export(db)["disputes"]


def test_a_store_brought_up_to_date_on_opening_keeps_the_knowledge_base_it_was_resolved_with(
    tmp_path: Path, nlp: Language, halves: tuple[Path, Path]
) -> None:
    kb = tmp_path / "kb.csv"
    kb.write_text(
        "id,name,type,aliases,description,wikidata\n"
        "oleksandr-hrytsenko,Oleksandr Hrytsenko,PERSON,Hrytsenko,governor of the Zarechna region,Q999\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.duckdb"
    chosen = Settings(db=str(db), n_process=1, progress=False, kb=str(kb))
    ingest([halves[0]], settings=chosen, nlp=nlp)

    def governor() -> list[Any]:
        with Store(db, read_only=True) as store:
            return store.connection.execute(
                "SELECT kb_id FROM entities WHERE name = 'Oleksandr Hrytsenko'"
            ).fetchall()

    assert governor() == [("Q999",)]
    with Store(db) as store:  # as if an ingest had stopped after its last batch
        store.connection.execute("DELETE FROM corpus_documents")
    assert governor() == [("Q999",)]


def test_a_changed_techniques_lexicon_finds_the_stored_documents_spans_again(
    tmp_path: Path, nlp: Language, halves: tuple[Path, Path]
) -> None:
    first, second = halves
    db = tmp_path / "store.duckdb"
    ingest([first], settings=_settings(db), nlp=nlp)
    with Store(db, read_only=True) as store:
        stored_before = {d.id for d in store.documents()}
    own = tmp_path / "own.csv"
    own.write_text(
        "pattern,kind,technique,note\ncivilians,phrase,Loaded_Language,test entry\n", encoding="utf-8"
    )
    with_own = _settings(db).with_overrides(techniques_lexicon=str(own))
    report = ingest([first, second], settings=with_own, nlp=nlp)
    assert report.corpus is not None
    with Store(db, read_only=True) as store:
        spans = store.techniques()
    assert report.corpus.techniques_refound == len(stored_before) > 0
    own_spans = {(t.span.doc, t.span.start) for t in spans if t.rule == "civilians"}
    assert {doc for doc, _ in own_spans} & stored_before, "the stored documents were not searched again"
    assert len(own_spans) == sum(t.rule == "civilians" for t in spans), "a span was stored twice"
    # The same lexicon again: nothing to find again.
    again = ingest([first, second], settings=with_own, nlp=nlp)
    assert again.corpus is not None and again.corpus.techniques_refound == 0
    # And the export is what one ingest with that lexicon gives.
    fresh = tmp_path / "fresh.duckdb"
    ingest([first, second], settings=_settings(fresh).with_overrides(techniques_lexicon=str(own)), nlp=nlp)
    assert _export(db)["techniques"] == _export(fresh)["techniques"]


def test_two_voices_of_one_article_dispute_and_one_voice_does_not(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "both-sides.txt").write_text(
        "Fighting for Zorianka\n\n"
        "Published 3 March 2025\n\n"
        "Russia's defence ministry said on Monday that its troops had captured the village of Zorianka. "
        "A spokesman for Ukraine's 24th brigade, Ivan Petrenko, said his soldiers still hold Zorianka.\n\n"
        "The regional governor said 40 people remain in Zorianka. "
        "Later that day the governor said that 45 people remain in Zorianka.\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.duckdb"
    ingest([folder], settings=_settings(db), nlp=nlp)
    disputes = _export(db)["disputes"]
    assert [d["kind"] for d in disputes] == ["status"], disputes


def test_a_store_merges_an_acronym_with_the_name_a_later_document_defines_it_as(
    tmp_path: Path, nlp: Language
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "a.txt").write_text(
        "Boats lost on Lake Chad\n\nThe Sahel Boatmen's Union said nine boats sank near Baga"
        " on Sunday, and its divers were still searching.\n",
        encoding="utf-8",
    )
    (second / "b.txt").write_text(
        "Divers end search on Lake Chad\n\nThe Sahel Boatmen's Union (SBU) said on Monday that"
        " the search had ended. SBU divers found two of the boats, the union added.\n",
        encoding="utf-8",
    )
    db = tmp_path / "store.duckdb"
    ingest([first], settings=_settings(db), nlp=nlp)
    ingest([second], settings=_settings(db), nlp=nlp)
    names = [set(e["aliases"]) for e in _export(db)["entities"]]
    assert any({"SBU", "Sahel Boatmen's Union"} <= aliases for aliases in names), names
