"""Hostile and odd files: every one becomes documents or rejections naming it, never an exception."""

from __future__ import annotations

import codecs
import gzip
import json
import tempfile
import tracemalloc
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.ingest import ingest
from claimgraph.ingest.readers import JSONL_SUFFIXES, MEDIA_TYPES, read_source
from claimgraph.models import RawDocument, Rejection
from claimgraph.settings import Settings
from claimgraph.store import Store

if TYPE_CHECKING:
    from spacy.language import Language

LIMIT = 4096
SETTINGS = Settings(max_file_bytes=LIMIT)
SUFFIXES = sorted(MEDIA_TYPES) + list(JSONL_SUFFIXES)
UKRAINIAN = "Губернатор заявив, що місто тримається, а ворог зазнає втрат."


def read(path: Path, data: bytes, settings: Settings = SETTINGS) -> list[RawDocument | Rejection]:
    path.write_bytes(data)
    return list(read_source(path, settings=settings))


def well_formed(items: list[RawDocument | Rejection], path: Path) -> None:
    assert items, "every file yields at least one document or rejection"
    for item in items:
        if isinstance(item, Rejection):
            assert item.source.startswith(str(path)), item
            assert item.reason.strip()
        else:
            assert isinstance(item.content, str) and item.content.strip()
            assert not any(0xD800 <= ord(c) <= 0xDFFF for c in item.content)
            item.content.encode("utf-8")  # what the store will do with it


# -- any bytes, any suffix -----------------------------------------------------------------------

_SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SLOW
@given(st.binary(max_size=600), st.sampled_from(SUFFIXES), st.booleans())
def test_any_bytes_under_any_suffix(data: bytes, suffix: str, compressed: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}{'.gz' if compressed else ''}"
        well_formed(read(path, gzip.compress(data) if compressed else data), path)


@_SLOW
@given(st.binary(max_size=300), st.sampled_from(SUFFIXES))
def test_corrupt_gzip_is_a_rejection(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}.gz"
        well_formed(read(path, gzip.compress(b"x" * 50)[:10] + data), path)


@_SLOW
@given(st.text(max_size=400), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1251", "koi8-u"]))
def test_any_text_in_any_supported_encoding(text: str, codec: str) -> None:
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.txt"
        items = read(path, data)
    well_formed(items, path)


_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
_json_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=5,
)
_odd = _scalars | st.lists(_scalars, max_size=2)
_records = st.fixed_dictionaries(
    {},
    optional={
        "text": st.text(max_size=200) | _odd,
        "html": st.text(max_size=200) | _odd,
        "title": st.text(max_size=40) | _odd,
        "url": st.text(max_size=40) | _odd,
        "published": st.dates().map(str) | st.text(max_size=12) | _odd,
        "outlet": st.text(max_size=20) | _odd,
        "authors": st.lists(st.text(max_size=20), max_size=3) | _odd,
    },
)


@_SLOW
@given(st.lists(_records | _json_values, min_size=1, max_size=6), st.booleans(), st.booleans())
def test_any_jsonl_records(records: list[object], ascii_only: bool, compressed: bool) -> None:
    lines = "\n".join(json.dumps(r, ensure_ascii=ascii_only) for r in records).encode(
        "utf-8", "surrogatepass"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"feed.jsonl{'.gz' if compressed else ''}"
        items = read(path, gzip.compress(lines) if compressed else lines)
    well_formed(items, path)
    assert len(items) == len(records)  # one outcome a line, in order
    for lineno, item in enumerate(items, start=1):
        if isinstance(item, Rejection):
            assert item.source == f"{path}#{lineno}"


@_SLOW
@given(st.lists(st.binary(max_size=80).filter(lambda b: b"\n" not in b), min_size=1, max_size=6))
def test_any_jsonl_lines(lines: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "feed.jsonl"
        well_formed(read(path, b"\n".join(lines)), path)


# -- size limits ---------------------------------------------------------------------------------


def test_a_file_over_the_limit_is_refused_naming_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    (item,) = read(path, b"word " * 1000)
    assert isinstance(item, Rejection)
    assert item.source == str(path)
    assert "too large" in item.reason
    assert "max_file_bytes" in item.reason


def test_a_file_at_the_limit_is_read(tmp_path: Path) -> None:
    (item,) = read(tmp_path / "full.txt", b"w" * LIMIT)
    assert isinstance(item, RawDocument)
    (item,) = read(tmp_path / "full.txt.gz", gzip.compress(b"w" * LIMIT))
    assert isinstance(item, RawDocument)


def test_a_gzip_bomb_is_refused_without_expanding_it(tmp_path: Path) -> None:
    path = tmp_path / "bomb.html.gz"
    with gzip.open(path, "wb", compresslevel=6) as fh:
        for _ in range(16):
            fh.write(b"<p>" + b"a" * 1_000_000 + b"</p>")
    assert path.stat().st_size < 100_000  # 16 MB expanded
    tracemalloc.start()
    try:
        (item,) = read_source(path, settings=Settings(max_file_bytes=1_000_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(item, Rejection)
    assert item.source == str(path)
    assert "expands to more than" in item.reason
    assert peak < 8_000_000


def test_an_overlong_jsonl_line_is_refused_with_its_number_and_the_rest_is_read(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "First article."}),
        json.dumps({"text": "x" * (LIMIT * 3)}),
        json.dumps({"text": "Third article."}),
        "y" * (LIMIT + 1),  # no newline at the end, one byte over
        json.dumps({"text": "x" * (LIMIT - 20)}),  # just under
    ]
    for name, data in (
        ("feed.jsonl", "\n".join(lines).encode()),
        ("feed.jsonl.gz", gzip.compress("\r\n".join(lines).encode())),
    ):
        path = tmp_path / name
        first, second, third, fourth, fifth = read(path, data)
        assert isinstance(first, RawDocument)
        assert isinstance(second, Rejection)
        assert second.source == f"{path}#2"
        assert "record too large" in second.reason
        assert isinstance(third, RawDocument)
        assert third.content == "Third article."
        assert isinstance(fourth, Rejection)
        assert fourth.source == f"{path}#4"
        assert isinstance(fifth, RawDocument)


def test_an_endless_jsonl_line_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "endless.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        for _ in range(8):
            fh.write(b"[" * 1_000_000)
        fh.write(b"\n" + json.dumps({"text": "After it."}).encode())
    tracemalloc.start()
    try:
        items = list(read_source(path, settings=Settings(max_file_bytes=100_000)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    first, second = items
    assert isinstance(first, Rejection) and first.source == f"{path}#1"
    assert isinstance(second, RawDocument) and second.content == "After it."
    assert peak < 6_000_000


# -- odd encodings and contents ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (UKRAINIAN.encode("utf-8"), UKRAINIAN),
        (codecs.BOM_UTF8 + UKRAINIAN.encode("utf-8"), UKRAINIAN),
        (UKRAINIAN.encode("utf-16"), UKRAINIAN),
        (codecs.BOM_UTF16_BE + UKRAINIAN.encode("utf-16-be"), UKRAINIAN),
        (UKRAINIAN.encode("cp1251"), UKRAINIAN),
        (UKRAINIAN.encode("koi8-u"), UKRAINIAN),
        ("Москва сообщила об ударе.".encode("koi8-r"), "Москва сообщила об ударе."),
        ("L'armée a déclaré « encerclée ».".encode("latin-1"), "L'armée a déclaré « encerclée »."),
        ("He said: “don’t” – 5 €".encode("cp1252"), "He said: “don’t” – 5 €"),
        ("He donâ€™t stop".encode(), "He don’t stop"),
    ],
    ids=[
        "utf-8",
        "utf-8-bom",
        "utf-16-le",
        "utf-16-be",
        "cp1251",
        "koi8-u",
        "koi8-r",
        "latin-1",
        "cp1252",
        "mojibake",
    ],
)
def test_every_encoding_reads_back(tmp_path: Path, data: bytes, text: str) -> None:
    for name, raw in (("a.txt", data), ("a.md", data), ("a.txt.gz", gzip.compress(data))):
        (item,) = read(tmp_path / name, raw)
        assert isinstance(item, RawDocument), item
        assert item.content == text


def test_html_declared_charset_is_honoured_and_checked(tmp_path: Path) -> None:
    body = f"<html><head><meta charset='koi8-r'></head><body><p>{UKRAINIAN}</p></body></html>"
    (item,) = read(tmp_path / "a.html", body.encode("koi8-u"))
    assert isinstance(item, RawDocument)
    assert UKRAINIAN in item.content  # declared KOI8-R, but its Ukrainian letters are KOI8-U's
    (item,) = read(tmp_path / "b.html", body.encode("cp1251"))
    assert isinstance(item, RawDocument)
    assert UKRAINIAN in item.content  # declared KOI8-R, really cp1251


def test_a_utf16_page_in_a_txt_file_is_still_html(tmp_path: Path) -> None:
    (item,) = read(
        tmp_path / "page.txt", "<!DOCTYPE html><html><body><p>Київ</p></body></html>".encode("utf-16")
    )
    assert isinstance(item, RawDocument)
    assert item.media_type == "text/html"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (codecs.BOM_UTF16_LE + b"a\x00b", "not valid UTF-16"),
        (codecs.BOM_UTF16_LE + "\ud800".encode("utf-16-le", "surrogatepass") + b"a\x00", "not valid UTF-16"),
        (gzip.compress(b"<p>hello</p>"), "gzip data"),
        (b"\x00\x00\x00\x01" * 100, "binary file"),
    ],
)
def test_broken_text_is_a_rejection(tmp_path: Path, data: bytes, reason: str) -> None:
    (item,) = read(tmp_path / "a.html", data)
    assert isinstance(item, Rejection)
    assert reason in item.reason


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[" * 100_000, "nested too deeply"),
        ('{"text": ' + "1" * 5000 + "}", "invalid JSON"),
        (json.dumps({"text": "\u0001" * 50}), "binary file"),
        (json.dumps({"text": "ok", "authors": [1]}), "'authors'"),
        (json.dumps({"text": "ok", "title": ["x"]}), "'title'"),
        ('{"text": "a", "text": 5}', "'text' or 'html'"),
        ("NaN", "JSON object"),
        (json.dumps({"text": "ok", "published": "9999-12-31"}), "between 1900 and 2100"),
    ],
    ids=["deep", "long-int", "controls", "authors", "title", "duplicate-key", "nan", "published-9999"],
)
def test_hostile_jsonl_records_are_rejections(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "feed.jsonl"
    (item,) = read(path, line.encode(), Settings(max_file_bytes=1_000_000))
    assert isinstance(item, Rejection)
    assert item.source == f"{path}#1"
    assert reason in item.reason


def test_jsonl_strings_are_made_storable_and_repaired(tmp_path: Path) -> None:
    record = {"text": "Body \ud800 here, donâ€™t", "title": "CafÃ©", "authors": ["JosÃ© Ruiz", " "]}
    (item,) = read(tmp_path / "feed.jsonl", json.dumps(record).encode())
    assert isinstance(item, RawDocument)
    assert item.content == "Body \ufffd here, don’t"
    assert item.hints.title == "Café"
    assert item.hints.authors == ("José Ruiz",)


def test_utf16_jsonl_is_read_line_by_line(tmp_path: Path) -> None:
    # What Windows PowerShell's `>` writes.
    lines = [json.dumps({"text": UKRAINIAN}, ensure_ascii=False), "{broken", json.dumps({"text": "Two."})]
    path = tmp_path / "feed.jsonl"
    first, broken, second = read(path, "\r\n".join(lines).encode("utf-16"))
    assert isinstance(first, RawDocument) and first.content == UKRAINIAN
    assert isinstance(broken, Rejection) and broken.source == f"{path}#2"
    assert isinstance(second, RawDocument) and second.content == "Two."


def test_cp1251_jsonl_is_decoded(tmp_path: Path) -> None:
    line = json.dumps({"text": UKRAINIAN, "title": "Київ"}, ensure_ascii=False).encode("cp1251")
    (item,) = read(tmp_path / "feed.jsonl", line)
    assert isinstance(item, RawDocument)
    assert item.content == UKRAINIAN
    assert item.hints.title == "Київ"


# -- through the whole pipeline ------------------------------------------------------------------

STORY = "Fighting went on around Bakhmut on Monday, the governor said. About 4,000 civilians remain."


@pytest.mark.slow
def test_a_folder_of_odd_files_is_ingested_with_reasons(tmp_path: Path, nlp: Language) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    files = {
        "utf16.txt": STORY.encode("utf-16"),
        "koi8.txt": ("Губернатор заявив, що бої тривають. " + STORY).encode("koi8-u"),
        "mojibake.md": ("# Report\n\n" + STORY.replace("governor", "governorâ€™s aide")).encode(),
        "declared.html": (
            "<html><head><meta charset='windows-1251'><title>Київ</title></head>"
            f"<body><article><p>{STORY} Мер Києва сказав, що місто тримається.</p></article></body></html>"
        ).encode("cp1251"),
        "nested.html.gz": gzip.compress(("<div>" * 3000 + f"<p>{STORY}</p>" + "</div>" * 3000).encode()),
        "bomb.txt.gz": gzip.compress(b" " * 200_000),
        "bom-only.txt": codecs.BOM_UTF8 + b"  \n",
        "odd.jsonl": "\n".join(
            [
                json.dumps({"text": STORY + " \ud800\u0000 â€œquotedâ€\x9d", "published": "2023-03-07"}),
                json.dumps(
                    {"text": "tomorrow, 730120 days ago, ſept. 5, 2023, 5 mileſ", "published": "1900-01-01"}
                ),
                json.dumps({"text": STORY, "published": "0001-01-01"}),
                "[" * 50_000,
            ]
        ).encode(),
    }
    for name, data in files.items():
        (corpus / name).write_bytes(data)
    db = tmp_path / "store.duckdb"
    report = ingest(
        [corpus], settings=Settings(db=str(db), n_process=1, progress=False, max_file_bytes=100_000), nlp=nlp
    )
    rejected = {r.source.removeprefix(str(corpus) + "/"): r.reason for r in report.rejected}
    assert set(rejected) == {"bomb.txt.gz", "bom-only.txt", "nested.html.gz", "odd.jsonl#3", "odd.jsonl#4"}
    assert "expands to more than" in rejected["bomb.txt.gz"]
    assert "no article text" in rejected["nested.html.gz"]  # deeper than lxml parses
    assert "between 1900 and 2100" in rejected["odd.jsonl#3"]
    assert "nested too deeply" in rejected["odd.jsonl#4"]
    assert report.new == 6
    with Store(str(db), read_only=True) as store:
        texts = {
            Path(d.source.split("#")[0]).name + d.source.partition("#")[2]: d.text for d in store.documents()
        }
        assert "Bakhmut" in texts["utf16.txt"]
        assert "Губернатор заявив" in texts["koi8.txt"]
        assert "governor’s aide" in texts["mojibake.md"]
        assert "Мер Києва" in texts["declared.html"]
        assert "“quoted”" in texts["odd.jsonl1"]
