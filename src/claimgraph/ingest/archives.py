"""Inputs that come from crawlers: WARC archives and one-article JSON files.

- A ``.warc`` or ``.warc.gz`` archive (Common Crawl's CC-NEWS, say) gives one document for each
  ``response`` record that is an HTTP 200 answer with an HTML body; requests, metadata, non-HTML
  answers and other statuses are skipped. The document's source is the record's WARC-Target-URI.
  A record that cannot be read (a truncated or corrupt archive) gives a Rejection naming the file
  and the record's number; the records before it go in all the same.
- A ``.json`` file holding one article as news-please writes it (``maintext``, ``title``,
  ``date_publish``, ``authors``, ``url``, ``source_domain``, ``language``) or as newspaper-style
  scrapers do (``text``, ``title``, ``publish_date``, ``authors``, ``url``). Any other JSON file is
  rejected, saying which fields were expected.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

from claimgraph.clean.dates import MAX_YEAR, MIN_YEAR
from claimgraph.clean.outlets import hostname, known_outlet, name_from_domain
from claimgraph.ingest.readers import (
    _checked_text,
    _field_text,
    _Problem,
    _read_bytes,
    content_hash,
    content_type,
    decode,
    document_from_bytes,
    record_authors,
    record_language,
    record_text,
)
from claimgraph.models import Metadata, RawDocument, Rejection
from claimgraph.settings import Settings

HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml"})


def read_warc(path: Path, *, settings: Settings) -> Iterator[RawDocument | Rejection]:
    """The HTML pages a WARC archive holds (see the module docstring)."""
    from warcio.archiveiterator import ArchiveIterator

    number = 0
    pages = 0
    limit = settings.max_file_bytes
    try:
        with path.open("rb") as raw:
            # warcio reads a cut-off gzip member as if it ended there; Python's gzip says EOFError.
            fh: Any = _ErrorsLater(gzip.GzipFile(fileobj=raw)) if raw.peek(2)[:2] == b"\x1f\x8b" else raw
            for record in ArchiveIterator(fh):
                number += 1
                page = _html_page(record)
                data = record.content_stream().read(limit + 1) if page else b""
                # A record shorter than its Content-Length: the archive was cut off inside it.
                while record.raw_stream.read(_CHUNK):
                    pass
                if getattr(record.raw_stream, "limit", 0) > 0:
                    raise _Truncated(f"record {number} ends before its Content-Length")
                if not page:
                    continue
                pages += 1
                uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip()
                if not uri:
                    yield Rejection(f"{path}#record-{number}", "response record without a WARC-Target-URI")
                    continue
                _, charset = content_type(record.http_headers.get_header("Content-Type"))
                yield document_from_bytes(
                    data, source=uri, html=True, hints=Metadata(url=uri), limit=limit, charset=charset
                )
    except Exception as exc:
        # warcio meets a malformed record with whatever error its parser hits (AttributeError on a
        # record without a target URI, say): every one of them costs this archive's rest, never the batch.
        detail = " ".join(str(exc).split())[:300] or type(exc).__name__
        yield Rejection(
            f"{path}#record-{number + 1}",
            f"broken or truncated WARC archive at record {number + 1} ({detail}); "
            f"the {pages} HTML pages before it are read",
        )
        return
    if pages == 0:
        yield Rejection(str(path), f"no HTML response with status 200 among its {number} WARC records")


_CHUNK: Final = 1 << 16


class _Truncated(Exception):
    """A cut-off archive (not EOFError, which warcio takes for the archive's proper end)."""


class _ErrorsLater:
    """A stream whose read error comes after the data read before it: warcio reads ahead, and the
    records before a cut-off must still come out before the error does."""

    def __init__(self, stream: gzip.GzipFile) -> None:
        self._stream = stream
        self._error: Exception | None = None

    def read(self, size: int = -1) -> bytes:
        if self._error is not None:
            raise self._error
        if size is None or size < 0:
            size = 1 << 62
        pieces: list[bytes] = []
        got = 0
        try:
            # read1: one decompression step at a time, so that an error loses no data read before it
            while got < size and (piece := self._stream.read1(min(size - got, _CHUNK))):
                pieces.append(piece)
                got += len(piece)
        except (EOFError, OSError, zlib.error) as exc:
            self._error = _Truncated(f"{type(exc).__name__}: {exc}")
            if not pieces:
                raise self._error from exc
        return b"".join(pieces)

    def close(self) -> None:
        self._stream.close()


def _html_page(record: Any) -> bool:
    """Whether a WARC record is an HTTP 200 response with an HTML body."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    media_type, _ = content_type(record.http_headers.get_header("Content-Type"))
    return media_type in HTML_TYPES


# The fields that tell the two JSON article shapes apart.
_NEWS_PLEASE: Final = ("maintext",)
_NEWSPAPER_MARKS: Final = (
    "publish_date",
    "top_image",
    "movies",
    "keywords",
    "meta_description",
    "source_url",
)


def read_json_article(path: Path, *, settings: Settings) -> Iterator[RawDocument | Rejection]:
    """The one article of a news-please or newspaper-style JSON file (see the module docstring)."""
    source = str(path)
    try:
        data = _read_bytes(path, limit=settings.max_file_bytes)
        record = json.loads(decode(data))
    except _Problem as problem:
        yield Rejection(source, str(problem))
        return
    except json.JSONDecodeError as exc:
        yield Rejection(source, f"invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
        return
    except (ValueError, RecursionError) as exc:
        yield Rejection(source, f"invalid JSON ({str(exc).split(':')[0] or type(exc).__name__})")
        return
    yield json_article(record, source=source, content_hash=content_hash(data))


def json_article(record: object, *, source: str, content_hash: str) -> RawDocument | Rejection:
    """A news-please or newspaper-style article record as a document, or why it is not one."""
    if not isinstance(record, dict):
        return Rejection(source, "not a news-please or newspaper article: the JSON is not an object")
    if any(f in record for f in _NEWS_PLEASE):
        shape, body_field, date_field = "news-please", "maintext", "date_publish"
    elif "text" in record and any(f in record for f in _NEWSPAPER_MARKS):
        shape, body_field, date_field = "newspaper", "text", "publish_date"
    else:
        fields = ", ".join(sorted(str(k) for k in record)[:12]) or "none"
        return Rejection(
            source,
            "not a news-please article (maintext, title, date_publish, url, ...) nor a newspaper article "
            f"(text, title, publish_date, authors, url, ...); its fields: {fields}",
        )
    body = record.get(body_field)
    if not isinstance(body, str) or not body.strip():
        return Rejection(source, f"{shape} article without a non-empty {body_field!r}")
    try:
        text = _checked_text(_field_text(body))
        hints = _hints(record, date_field=date_field)
    except _Problem as problem:
        return Rejection(source, f"field {body_field!r}: {problem}")
    except ValueError as exc:
        return Rejection(source, f"{shape} article: {exc}")
    return RawDocument(
        source=hints.url or source,
        content=text,
        media_type="text/plain",
        content_hash=content_hash,
        hints=hints,
    )


def _hints(record: dict[str, Any], *, date_field: str) -> Metadata:
    authors = record_authors(record.get("authors") or [])
    url = record_text(record, "url")
    outlet = None
    if url is None and (domain := record_text(record, "source_domain")):
        host = hostname(domain)
        outlet = (known_outlet(host) or name_from_domain(host)) if host else None
    return Metadata(
        title=record_text(record, "title"),
        outlet=outlet,
        authors=tuple(dict.fromkeys(authors)),
        published=scraped_date(record.get(date_field)),
        url=url,
        language=record_language(record),
    )


def scraped_date(value: object) -> dt.date | None:
    """The date of a scraper's timestamp ("2023-05-14 10:00:00", "2023-05-14T10:00:00+00:00"), or
    None when there is none or it is no real date: scrapers guess dates, and a bad guess should cost
    the date, not the article (cleaning may still find one in the text)."""
    if not isinstance(value, str) or len(value.strip()) < 10:
        return None
    try:
        day = dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
    return day if MIN_YEAR <= day.year <= MAX_YEAR else None
