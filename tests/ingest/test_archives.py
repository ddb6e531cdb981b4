from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimgraph.ingest.archives import json_article, scraped_date
from claimgraph.ingest.readers import discover, read_source
from claimgraph.models import RawDocument, Rejection
from claimgraph.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

SETTINGS = Settings(max_file_bytes=100_000)
PAGE = (
    b"<html><head><title>Bridge</title>"
    b'<meta property="article:published_time" content="2023-05-14T10:00:00Z"></head>'
    b"<body><article><p>The governor said on Monday that the bridge still stands.</p></article></body></html>"
)


def _response(writer: WARCWriter, uri: str, status: str, content_type: str, body: bytes) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
    writer.write_record(record)


def build_warc(path: Path, *, gz: bool) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "claimgraph tests"}))
        request = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "news.example")], is_http_request=True)
        writer.write_record(
            writer.create_warc_record("http://news.example/a", "request", http_headers=request)
        )
        _response(writer, "http://news.example/a", "200 OK", "text/html; charset=utf-8", PAGE)
        _response(writer, "http://news.example/logo.png", "200 OK", "image/png", b"\x89PNG....")
        _response(writer, "http://news.example/missing", "404 Not Found", "text/html", b"<html>gone</html>")
        _response(writer, "http://news.example/b", "200 OK", "text/html", PAGE.replace(b"bridge", b"dam"))


@pytest.mark.parametrize("gz", [True, False])
def test_warc_gives_html_200_responses_only(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    build_warc(path, gz=gz)
    assert discover([tmp_path]) == [path]
    items = list(read_source(path, settings=SETTINGS))
    assert all(isinstance(i, RawDocument) for i in items), items
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [d.source for d in docs] == ["http://news.example/a", "http://news.example/b"]
    assert docs[0].media_type == "text/html"
    assert docs[0].hints.url == "http://news.example/a"
    assert "bridge still stands" in docs[0].content


def test_truncated_warc_keeps_the_records_before_and_names_the_record(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    build_warc(whole, gz=True)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 200])
    items = list(read_source(cut, settings=SETTINGS))
    docs = [i for i in items if isinstance(i, RawDocument)]
    rejected = [i for i in items if isinstance(i, Rejection)]
    assert [d.source for d in docs] == ["http://news.example/a"]
    assert len(rejected) == 1
    assert rejected[0].source.startswith(f"{cut}#record-")
    assert "truncated" in rejected[0].reason


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"this is not a WARC archive at all\r\n\r\n", "WARC"),
        (b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nabc", "broken or truncated WARC"),
        (gzip.compress(b"WARC/1.0\r\nWARC-Type: resp")[:-6], "broken or truncated WARC"),
    ],
)
def test_garbage_warc_is_rejected(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(content)
    (item,) = read_source(path, settings=SETTINGS)
    assert isinstance(item, Rejection)
    assert item.source.startswith(str(path))
    assert reason in item.reason


def test_warc_without_html_says_so(tmp_path: Path) -> None:
    path = tmp_path / "images.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        _response(writer, "http://news.example/logo.png", "200 OK", "image/png", b"\x89PNG....")
    (item,) = read_source(path, settings=SETTINGS)
    assert isinstance(item, Rejection)
    assert item.source == str(path)
    assert "no HTML response" in item.reason


NEWS_PLEASE = {
    "authors": ["Jane Roe"],
    "date_download": "2023-05-15 08:00:00",
    "date_modify": None,
    "date_publish": "2023-05-14 10:00:00",
    "description": "The bridge",
    "filename": "x.json",
    "image_url": None,
    "language": "en",
    "localpath": None,
    "maintext": "The governor said on Monday that the bridge still stands.",
    "source_domain": "www.kyivindependent.com",
    "title": "Bridge still stands",
    "title_page": None,
    "title_rss": None,
    "url": "https://kyivindependent.com/bridge",
}
NEWSPAPER = {
    "title": "Dam holds",
    "text": "The mayor said on Tuesday that the dam holds.",
    "authors": ["John Doe"],
    "publish_date": "2023-05-16T09:00:00+00:00",
    "url": "https://example.com/dam",
    "top_image": "https://example.com/dam.jpg",
}


def test_news_please_and_newspaper_json(tmp_path: Path) -> None:
    (tmp_path / "np.json").write_text(json.dumps(NEWS_PLEASE))
    (tmp_path / "paper.json.gz").write_bytes(gzip.compress(json.dumps(NEWSPAPER).encode()))
    items = [i for p in discover([tmp_path]) for i in read_source(p, settings=SETTINGS)]
    assert all(isinstance(i, RawDocument) for i in items), items
    by_source = {i.source: i for i in items if isinstance(i, RawDocument)}
    first = by_source["https://kyivindependent.com/bridge"]
    assert first.content == NEWS_PLEASE["maintext"]
    assert first.media_type == "text/plain"
    assert (first.hints.title, first.hints.authors, first.hints.published, first.hints.language) == (
        "Bridge still stands",
        ("Jane Roe",),
        dt.date(2023, 5, 14),
        "en",
    )
    second = by_source["https://example.com/dam"]
    assert (second.hints.title, second.hints.published) == ("Dam holds", dt.date(2023, 5, 16))


def test_news_please_without_url_takes_the_outlet_from_its_domain() -> None:
    record = {**NEWS_PLEASE, "url": None, "source_domain": "www.zarechna-herald.com.ua"}
    doc = json_article(record, source="a.json", content_hash="h")
    assert isinstance(doc, RawDocument)
    assert doc.source == "a.json"
    assert doc.hints.outlet == "Zarechna Herald"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (json.dumps({"format": "claimgraph-export/1", "documents": []}), "not a news-please article"),
        (json.dumps([1, 2]), "not an object"),
        (json.dumps({**NEWS_PLEASE, "maintext": None}), "without a non-empty 'maintext'"),
        (json.dumps({**NEWSPAPER, "authors": "x", "title": 5}), "field 'title' must be a string"),
        ("{broken", "invalid JSON"),
        ("", "empty file"),
    ],
)
def test_other_json_is_rejected_clearly(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "other.json"
    path.write_text(content)
    (item,) = read_source(path, settings=SETTINGS)
    assert isinstance(item, Rejection)
    assert item.source == str(path)
    assert reason in item.reason


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=10,
)


@given(
    st.dictionaries(
        st.sampled_from(["maintext", "text", "title", "authors", "date_publish", "publish_date", "url",
                         "source_domain", "language", "top_image"]),
        _JSON,
    )
)  # fmt: skip
def test_any_record_gives_a_document_or_a_rejection(record: dict[str, object]) -> None:
    outcome = json_article(record, source="x.json", content_hash="h")
    assert isinstance(outcome, RawDocument | Rejection)
    if isinstance(outcome, RawDocument):
        assert outcome.content.strip()


@given(st.text(max_size=40))
def test_scraped_date_is_a_plausible_date_or_none(value: str) -> None:
    day = scraped_date(value)
    assert day is None or 1900 <= day.year <= 2100


@pytest.mark.slow
def test_ingest_of_a_cut_archive_stores_what_came_before(tmp_path: Path, nlp: Language) -> None:
    from claimgraph.ingest import ingest
    from claimgraph.store import Store

    whole = tmp_path / "in" / "whole.warc.gz"
    whole.parent.mkdir()
    build_warc(whole, gz=True)
    cut = tmp_path / "in" / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[:-200])
    (tmp_path / "in" / "np.json").write_text(json.dumps(NEWS_PLEASE))
    db = str(tmp_path / "s.duckdb")
    report = ingest(
        [cut, tmp_path / "in" / "np.json"], settings=Settings(db=db, n_process=1, progress=False), nlp=nlp
    )
    assert report.new == 2
    assert [r.source.split("#")[1] for r in report.rejected] == ["record-6"]  # the last record, cut short
    with Store(db, read_only=True) as store:
        docs = {d.source: d for d in store.documents()}
    assert set(docs) == {"http://news.example/a", "https://kyivindependent.com/bridge"}
    assert docs["http://news.example/a"].metadata.published == dt.date(2023, 5, 14)
    assert docs["https://kyivindependent.com/bridge"].metadata.authors == ("Jane Roe",)
