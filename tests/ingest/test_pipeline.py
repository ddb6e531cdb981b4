from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from claimgraph.errors import InputNotFound, UsageError
from claimgraph.ingest import ingest
from claimgraph.settings import Settings
from claimgraph.store import Store

if TYPE_CHECKING:
    from spacy.language import Language

ARTICLE = (
    "By Jane Roe\n\nMar 14, 2024\n\n"
    "Fighting continued around Bakhmut on Monday, the governor said.\n\n"
    '"We will hold the line," Governor Petro Kovalenko told reporters in Kyiv.\n'
)


def settings(tmp_path: Path) -> Settings:
    return Settings(db=str(tmp_path / "store.duckdb"), n_process=1, progress=False, commit_every=2)


def test_ingest_is_idempotent_and_detects_updates(tmp_path: Path, nlp: Language) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE)
    (corpus / "b.md").write_text("# Title B\n\n" + ARTICLE.replace("Monday", "Tuesday"))
    first = ingest([corpus], settings=settings(tmp_path), nlp=nlp)
    assert (first.new, first.updated, first.unchanged, first.rejected) == (2, 0, 0, [])
    assert first.entity_mentions > 0

    again = ingest([corpus], settings=settings(tmp_path), nlp=nlp)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)

    (corpus / "a.txt").write_text(ARTICLE.replace("Bakhmut", "Avdiivka"))
    changed = ingest([corpus], settings=settings(tmp_path), nlp=nlp)
    assert (changed.new, changed.updated, changed.unchanged) == (0, 1, 1)
    with Store(settings(tmp_path).db, read_only=True) as store:
        docs = list(store.documents())
        assert len(docs) == 2
        assert any("Avdiivka" in d.text for d in docs)
        assert not any("Bakhmut" in d.text and d.source.endswith("a.txt") for d in docs)
        for m in store.mentions():
            text = next(d.text for d in docs if d.id == m.span.doc)
            assert text[m.span.start : m.span.end] == m.text


def test_one_content_in_two_files_is_one_document_even_when_forced(tmp_path: Path, nlp: Language) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for name in ("a.txt", "copy-of-a.txt"):
        (corpus / name).write_text(ARTICLE)
    first = ingest([corpus], settings=settings(tmp_path), nlp=nlp)
    assert (first.new, first.updated, first.unchanged) == (1, 0, 1)
    forced = ingest([corpus], settings=settings(tmp_path), nlp=nlp, force=True)
    assert (forced.new, forced.updated, forced.unchanged) == (0, 1, 1)
    # Forced alone, the copy takes the place of the stored document of the same content.
    (corpus / "a.txt").unlink()
    copy_alone = ingest([corpus], settings=settings(tmp_path), nlp=nlp, force=True)
    assert (copy_alone.new, copy_alone.updated, copy_alone.unchanged) == (0, 1, 0)
    with Store(settings(tmp_path).db, read_only=True) as store:
        assert [d.source.rsplit("/", 1)[-1] for d in store.documents()] == ["copy-of-a.txt"]


def test_bad_inputs_are_rejected_and_the_rest_is_stored(tmp_path: Path, nlp: Language) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text(ARTICLE)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (corpus / "cyrillic.txt").write_bytes(
        ("Бахмут. " * 5 + "\n\nThe governor said the town of Bakhmut still holds.").encode("cp1251")
    )
    (corpus / "western.txt").write_bytes("The café owner said Bakhmut was quiet on Monday.".encode("latin-1"))
    (corpus / "feed.jsonl").write_text(json.dumps({"text": ARTICLE.replace("Jane", "John")}) + "\n{broken\n")
    (corpus / "zipped.txt.gz").write_bytes(gzip.compress(ARTICLE.replace("Kyiv", "Lviv").encode()))
    big = corpus / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(50_000_000)
    report = ingest([corpus], settings=settings(tmp_path), nlp=nlp)
    rejected = {Path(r.source.split("#")[0]).name: r.reason for r in report.rejected}
    assert set(rejected) == {"empty.txt", "binary.html", "feed.jsonl", "huge.txt"}
    assert "empty" in rejected["empty.txt"]
    assert "binary" in rejected["binary.html"]
    assert "invalid JSON" in rejected["feed.jsonl"]
    assert "too large" in rejected["huge.txt"]
    assert report.new == 5
    with Store(settings(tmp_path).db, read_only=True) as store:
        texts = {Path(d.source.split("#")[0]).name: d.text for d in store.documents()}
        assert "Бахмут" in texts["cyrillic.txt"]
        assert "café" in texts["western.txt"]
        assert "Lviv" in texts["zipped.txt.gz"]
        assert {r.source.split("#")[0] for r in store.rejections()} == {
            str(corpus / n) for n in ("empty.txt", "binary.html", "feed.jsonl", "huge.txt")
        }


def test_missing_input_path_is_an_error(tmp_path: Path, nlp: Language) -> None:
    with pytest.raises(InputNotFound):
        ingest([tmp_path / "absent"], settings=settings(tmp_path), nlp=nlp)


def test_interruption_keeps_committed_batches_and_resumes(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimgraph.errors import Interrupted
    from claimgraph.ingest import pipeline

    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(7):
        (corpus / f"{i}.txt").write_text(ARTICLE + f"\nItem {i} closes the article.\n")

    real_document = pipeline._document
    calls = {"n": 0}

    def interrupt_on_fifth(prepared: object) -> object:
        calls["n"] += 1
        if calls["n"] == 5:
            raise KeyboardInterrupt
        return real_document(prepared)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "_document", interrupt_on_fifth)
    with pytest.raises(Interrupted, match=r"(?i)run the same command again"):
        ingest([corpus], settings=settings(tmp_path), nlp=nlp)
    with Store(settings(tmp_path).db, read_only=True) as store:
        assert store.counts().documents == 4  # two full batches of two; nothing half-stored
    monkeypatch.setattr(pipeline, "_document", real_document)
    resumed = ingest([corpus], settings=settings(tmp_path), nlp=nlp)
    assert (resumed.new, resumed.unchanged) == (3, 4)


def test_a_crashing_cleaner_costs_one_input_not_the_batch(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimgraph.ingest import pipeline

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text(ARTICLE)
    (corpus / "poison.txt").write_text(ARTICLE + "\nPOISON\n")
    real_clean = pipeline.clean_document

    def fragile_clean(raw: object) -> object:
        if "POISON" in raw.content:  # type: ignore[attr-defined]
            raise RecursionError("maximum recursion depth exceeded")
        return real_clean(raw)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "clean_document", fragile_clean)
    report = ingest([corpus], settings=settings(tmp_path), nlp=nlp)
    assert report.new == 1
    assert [(Path(r.source).name, r.stage, r.reason) for r in report.rejected] == [
        ("poison.txt", "clean", "clean failed (RecursionError: maximum recursion depth exceeded)")
    ]


def test_worker_processes_store_what_one_process_stores(tmp_path: Path, nlp: Language) -> None:
    from claimgraph.export import build_export
    from tests.conftest import SAMPLES

    documents = len(json.loads((SAMPLES.parent / "expected.json").read_text(encoding="utf-8")))
    exports = []
    for processes in (1, 2):
        chosen = Settings(
            db=str(tmp_path / f"{processes}.duckdb"), n_process=processes, nlp_batch_size=3, progress=False
        )
        report = ingest([SAMPLES], settings=chosen, nlp=nlp)
        assert report.rejected == [] and report.new == documents
        with Store(chosen.db, read_only=True) as store:
            exports.append(build_export(store, settings=chosen))
    assert exports[0] == exports[1]


def test_ingest_flags_techniques_with_the_users_lexicon(tmp_path: Path, nlp: Language) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE.replace("hold the line", "crush the invaders"))
    own = tmp_path / "lexicon.csv"
    own.write_text("pattern,kind,technique,note\ninvader,stem,Name_Calling-Labeling,our test entry\n")
    ingest([corpus], settings=settings(tmp_path).with_overrides(techniques_lexicon=str(own)), nlp=nlp)
    with Store(settings(tmp_path).db, read_only=True) as store:
        (doc,) = store.documents()
        (found,) = store.techniques()
    assert (found.text, found.technique, found.rule, found.voice) == (
        "invaders",
        "Name_Calling-Labeling",
        "invader",
        "speaker",
    )
    assert doc.text[found.span.start : found.span.end] == "invaders"


def test_a_broken_lexicon_stops_ingest_before_anything_is_stored(tmp_path: Path) -> None:
    own = tmp_path / "lexicon.csv"
    own.write_text("pattern,kind,technique,note\ninvader,stem,Name-Calling,misspelt technique\n")
    with pytest.raises(UsageError, match="line 2: 'Name-Calling' is not a technique"):
        ingest([tmp_path], settings=settings(tmp_path).with_overrides(techniques_lexicon=str(own)))
    assert not Path(settings(tmp_path).db).exists()


def test_a_document_in_a_language_not_analysed_is_stored_searchable_and_counted(
    tmp_path: Path, nlp: Language
) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "en.txt").write_text(ARTICLE, encoding="utf-8")
    # Our own Ukrainian sentences: the detector reads them, the English analyses must not.
    (corpus / "uk.txt").write_text(
        "Губернатор Петро Коваленко заявив у понеділок, що бої біля Бахмута тривають третій тиждень. "
        "Евакуація мешканців східних районів продовжиться до кінця місяця, додав він.\n",
        encoding="utf-8",
    )
    report = ingest([corpus], settings=settings(tmp_path), nlp=nlp)
    assert report.new == 2 and report.rejected == []
    assert report.unanalysed == {"uk": 1}
    with Store(settings(tmp_path).db, read_only=True) as store:
        by_name = {Path(d.source).name: d for d in store.documents()}
        ukrainian, english = by_name["uk.txt"], by_name["en.txt"]
        assert (ukrainian.metadata.language, english.metadata.language) == ("uk", "en")
        assert not [m for m in store.mentions() if m.span.doc == ukrainian.id]
        assert not [s for s in store.statements() if s.content.doc == ukrainian.id]
        assert [s for s in store.statements() if s.content.doc == english.id]
        assert [doc for doc, _ in store.search("Бахмута", limit=5)] == [ukrainian.id]


def test_a_records_language_is_kept_as_a_two_letter_code(tmp_path: Path, nlp: Language) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps({"text": ARTICLE, "language": "EN-us"}) + "\n", encoding="utf-8")
    ingest([path], settings=settings(tmp_path), nlp=nlp)
    with Store(settings(tmp_path).db, read_only=True) as store:
        (document,) = store.documents()
        assert document.metadata.language == "en"


def test_the_first_person_of_an_address_is_its_speaker_by_record_or_by_title(
    tmp_path: Path, nlp: Language
) -> None:
    feed = tmp_path / "addresses.jsonl"
    records = [
        {
            "title": "Evening address",
            "text": "I am sure that the front will hold.",
            "speaker": "Oleh Marchuk",
        },
        {
            "title": "Address by the President of Ukraine on the unity of society",
            "text": "We know that the army is ready.",
        },
        {"title": "Talks in Kyiv", "text": "We know that the talks went well."},
    ]
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    ingest([feed], settings=settings(tmp_path), nlp=nlp)
    with Store(settings(tmp_path).db, read_only=True) as store:
        authors = sorted((s.content_text, s.speaker.author) for s in store.statements())
    assert authors == [
        ("the army is ready", "the President of Ukraine"),
        ("the front will hold", "Oleh Marchuk"),
        ("the talks went well", None),
    ]
