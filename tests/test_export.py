from __future__ import annotations

import csv
import dataclasses
import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from claimgraph.errors import UsageError
from claimgraph.export import RECORD_KINDS, EntityIndex, build_export, export_store
from claimgraph.models import Entity, Span, Speaker
from claimgraph.store import Store

SCHEMA = json.loads(resources.files("claimgraph").joinpath("data/export-v1.schema.json").read_text())


def test_json_export_follows_the_contract(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    with Store(sample_db, read_only=True) as store:
        counts = export_store(store, fmt="json", out=out)
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert data["format"] == "claimgraph-export/1"
    assert set(RECORD_KINDS) <= set(data)
    assert counts["documents"] == len(data["documents"]) >= 8
    texts = {d["id"]: d["text"] for d in data["documents"]}
    assert len(texts) == len(data["documents"])
    for entity in data["entities"]:
        assert entity["name"] in entity["aliases"]
        for m in entity["mentions"]:
            assert texts[m["doc"]][m["start"] : m["end"]] == m["text"]
    entity_ids = {e["id"] for e in data["entities"]}
    assert data["statements"]
    for statement in data["statements"]:
        assert texts[statement["doc"]][statement["start"] : statement["end"]] == statement["content"]
        assert statement["speaker"]["entity"] is None or statement["speaker"]["entity"] in entity_ids
    assert data["times"]
    for time in data["times"]:
        assert texts[time["doc"]][time["start"] : time["end"]] == time["text"]
    assert data["quantities"]
    for quantity in data["quantities"]:
        assert texts[quantity["doc"]][quantity["start"] : quantity["end"]] == quantity["text"]
    assert data["claims"]
    for claim in data["claims"]:
        assert claim["sources"] and claim["independent_sources"] <= len(claim["sources"])
        for source in claim["sources"]:
            assert texts[source["doc"]][source["start"] : source["end"]].strip()
    assert data["disputes"], "the sample corpus holds disputes by design"
    for dispute in data["disputes"]:
        # Two documents, or two voices of one: two statements, or a statement and the narration.
        a, b = dispute["a"], dispute["b"]
        assert a["doc"] != b["doc"] or a["statement"] != b["statement"]
    assert data["techniques"], "the sample corpus quotes loaded language"
    spoken = {(s["doc"], s["start"], s["end"]) for s in data["statements"]}
    for technique in data["techniques"]:
        assert texts[technique["doc"]][technique["start"] : technique["end"]] == technique["text"]
        assert technique["voice"] in ("speaker", "outlet")
        inside = any(d == technique["doc"] and s <= technique["start"] and technique["end"] <= e
                     for d, s, e in spoken)  # fmt: skip
        assert not inside or technique["voice"] == "speaker"


def test_schema_rejects_a_broken_export(sample_db: Path) -> None:
    with Store(sample_db, read_only=True) as store:
        data = build_export(store)
    del data["documents"][0]["published"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_jsonl_and_csv_carry_the_same_records(sample_db: Path, tmp_path: Path) -> None:
    with Store(sample_db, read_only=True) as store:
        export_store(store, fmt="jsonl", out=tmp_path / "e.jsonl")
        export_store(store, fmt="csv", out=tmp_path / "csv")
        data = build_export(store)
    lines = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert lines[0] == {"record": "header", "format": "claimgraph-export/1"}
    assert sum(r["record"] == "document" for r in lines) == len(data["documents"])
    assert sum(r["record"] == "entity" for r in lines) == len(data["entities"])
    with (tmp_path / "csv" / "documents.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == [d["id"] for d in data["documents"]]
    assert rows[0]["text"] == data["documents"][0]["text"]
    with (tmp_path / "csv" / "mentions.csv").open(encoding="utf-8", newline="") as fh:
        assert sum(1 for _ in csv.DictReader(fh)) == sum(len(e["mentions"]) for e in data["entities"])
    assert (tmp_path / "csv" / "statements.csv").read_text().startswith("id,doc,speaker_entity")


def test_unknown_format_is_a_usage_error(sample_db: Path, tmp_path: Path) -> None:
    with Store(sample_db, read_only=True) as store, pytest.raises(UsageError, match="unknown export format"):
        export_store(store, fmt="xml", out=tmp_path / "x")  # type: ignore[arg-type]


def _entity(
    id_: str, name: str, type_: str, *spans: tuple[str, int, int], aliases: tuple[str, ...] = ()
) -> Entity:
    return Entity(
        id=id_,
        name=name,
        type=type_,
        aliases=aliases,
        mentions=tuple(Span(doc, start, end) for doc, start, end in spans),
        stage="test",
    )


def test_an_authors_first_person_is_the_person_of_that_name_in_any_script() -> None:
    index = EntityIndex(
        [
            _entity("e1", "Volodymyr Zelenskyy", "PERSON", ("d2", 0, 19), ("d3", 0, 19)),
            _entity("e2", "Oleksandr Zelenskyi", "PERSON", ("d4", 0, 19)),
        ]
    )
    i = Speaker(text="I", span=Span("d1", 40, 41), author="Володимир Зеленський")
    assert index.speaker_entity(i) == "e1"
    assert index.speaker_entity(Speaker(text="I", span=Span("d1", 40, 41), author="Ірина Зеленська")) is None
    assert index.speaker_entity(Speaker(text="I", span=Span("d1", 40, 41))) is None


def test_a_place_or_nationality_inside_a_speakers_words_is_not_the_speaker() -> None:
    # "Ukrainian military intelligence said", "The President of Russia said", "the Air Forces of the AFU"
    index = EntityIndex(
        [
            _entity("norp", "Ukrainian", "NORP", ("d1", 0, 9)),
            _entity("gpe", "Russia", "GPE", ("d1", 57, 63)),
            _entity("org", "Air Forces of the AFU", "ORG", ("d1", 104, 125)),
        ]
    )
    assert index.entity_at(Span("d1", 0, 31)) is None
    assert index.entity_at(Span("d1", 40, 63)) is None
    assert index.entity_at(Span("d1", 100, 125)) == "org"
    assert (
        index.speaker_entity(Speaker(text="the Air Forces", span=Span("d1", 100, 125), anonymous=True))
        is None
    )


def test_a_full_name_with_no_mention_where_it_speaks_is_the_person_of_that_name() -> None:
    index = EntityIndex([_entity("e1", "Maxim Dreval", "PERSON", ("d2", 0, 12))])
    assert index.speaker_entity(Speaker(text="Maxim Dreval", span=Span("d1", 10, 22))) == "e1"
    assert index.speaker_entity(Speaker(text="The Ministry", span=Span("d1", 10, 22))) is None


def test_a_role_speaker_is_the_one_person_the_document_names_in_that_office() -> None:
    putin = dataclasses.replace(
        _entity("putin", "Vladimir Putin", "PERSON", ("d1", 0, 14)), description="president of Russia"
    )
    raisi = dataclasses.replace(
        _entity("raisi", "Ebrahim Raisi", "PERSON", ("d1", 40, 53)), description="president of Iran"
    )
    index = EntityIndex([putin, raisi])
    assert index.speaker_entity(Speaker(text="The President of Iran", span=Span("d1", 100, 121))) == "raisi"
    # Two presidents named: "The President" alone is either.
    assert index.speaker_entity(Speaker(text="The President", span=Span("d1", 100, 113))) is None
    alone = EntityIndex([putin])
    assert alone.speaker_entity(Speaker(text="the Head of State", span=Span("d1", 100, 117))) == "putin"
    assert alone.speaker_entity(Speaker(text="The minister", span=Span("d1", 100, 112))) is None


def test_an_author_named_by_office_is_the_corpus_one_person_holding_it_now() -> None:
    def described(entity_id: str, name: str, description: str) -> Entity:
        return dataclasses.replace(_entity(entity_id, name, "PERSON", ("d2", 0, 5)), description=description)

    index = EntityIndex(
        [
            described("now", "Maia Sandu", "president of Moldova (from 2020)"),
            described("before", "Igor Dodon", "president of Moldova (2016–2020)"),
            described("aide", "Ion Pop", "head of the Office of the President of Moldova"),
        ]
    )
    i = Speaker(text="I", span=Span("d1", 40, 41), author="the President of Moldova")
    assert index.speaker_entity(i) == "now"
    assert index.speaker_entity(dataclasses.replace(i, author="the President")) is None
    assert index.speaker_entity(dataclasses.replace(i, author="the President of Chile")) is None


def _described(entity_id: str, name: str, type_: str, description: str, start: int) -> Entity:
    """An entity with a description, mentioned once in d1 at ``start``."""
    return dataclasses.replace(
        _entity(entity_id, name, type_, ("d1", start, start + len(name))), description=description
    )


def test_a_definite_description_is_the_body_named_before_that_fits_it() -> None:
    index = EntityIndex(
        [
            _described("grid", "Ukrenergo", "ORG", "Ukraine's power grid operator", 0),
            _described("channel", "Rybar", "ORG", "pro-Russian military Telegram channel", 200),
            _described("mod", "Russian Ministry of Defence", "ORG", "Russia's defence ministry", 400),
            _described("far", "Naftogaz", "ORG", "Ukraine's state oil and gas company", 9000),
        ]
    )

    def who(words: str, start: int) -> str | None:
        return index.speaker_entity(Speaker(text=words, span=Span("d1", start, start + len(words))))

    assert who("the grid operator", 600) == "grid"
    assert who("The Russian channel", 600) == "channel"
    assert who("the military department", 600) == "mod"
    assert who("the company", 600) == "grid"  # an operator is a company
    assert who("the Ukrainian channel", 600) is None  # the channel named is Russian
    assert who("the regional administration", 600) is None
    assert who("the oil company", 600) is None  # the oil company is named only later
    assert who("the company", 20000) is None  # named too long before


def test_a_role_described_after_its_holder_is_the_one_person_holding_it_there() -> None:
    index = EntityIndex(
        [
            _described("gov", "Vyacheslav Gladkov", "PERSON", "Governor of Belgorod region", 0),
            _described("min", "Anna Petrenko", "PERSON", "Minister of Health", 100),
            _described("dep", "Ivan Koval", "PERSON", "Deputy Minister of Health", 200),
        ]
    )

    def who(words: str) -> str | None:
        return index.speaker_entity(Speaker(text=words, span=Span("d1", 500, 500 + len(words))))

    assert who("the head of the region") == "gov"
    assert who("the regional governor") == "gov"
    assert who("The Minister") == "min"
    assert who("the mayor") is None


def test_a_body_described_is_never_the_person_described_as_its_head() -> None:
    index = EntityIndex(
        [_described("chief", "Valery Gerasimov", "PERSON", "chief of the Russian General Staff", 0)]
    )
    words = "the General Staff"
    assert index.speaker_entity(Speaker(text=words, span=Span("d1", 300, 300 + len(words)))) is None
