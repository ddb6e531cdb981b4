"""Finding input files and turning their bytes into RawDocuments, or into reasons they cannot be.

Every problem with one input becomes a Rejection naming the file (and line, for JSONL) so the rest
of the batch still goes in.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from email.message import Message
from pathlib import Path
from typing import Any, BinaryIO, Final

from claimgraph.clean.dates import MAX_YEAR, MIN_YEAR
from claimgraph.clean.encodings import bom_encoding, decode_bytes, repair_mojibake, without_lone_surrogates
from claimgraph.errors import InputNotFound
from claimgraph.models import Metadata, RawDocument, Rejection
from claimgraph.settings import Settings

MEDIA_TYPES: Final = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "text/html",
}
JSONL_SUFFIXES: Final = (".jsonl", ".ndjson")
# WARC archives (many documents each) and one-article JSON files (news-please, newspaper):
# claimgraph.ingest.archives reads them.
ARCHIVE_SUFFIXES: Final = (".warc", ".json")

_MAGIC: Final = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x7fELF", "executable"),
    (b"\x1f\x8b", "gzip data; name the file .gz to have it decompressed"),
)
_HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body)", re.IGNORECASE)
_HTML_TEXT_SNIFF = re.compile(_HTML_SNIFF.pattern.decode(), re.IGNORECASE)


def _logical_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def is_jsonl(path: Path) -> bool:
    return _logical_suffix(path) in JSONL_SUFFIXES


def holds_many(path: Path) -> bool:
    """Whether one file may hold many documents (JSONL, WARC), so that files do not count documents."""
    return _logical_suffix(path) in (*JSONL_SUFFIXES, ".warc")


def is_supported(path: Path) -> bool:
    suffix = _logical_suffix(path)
    return suffix in MEDIA_TYPES or suffix in JSONL_SUFFIXES or suffix in ARCHIVE_SUFFIXES


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Supported files under the given files and folders (recursively), sorted, each once.

    A file named explicitly is taken whatever its suffix, so that an unsupported one is reported
    rather than silently skipped; inside folders only supported suffixes are picked up.
    """
    found: dict[Path, None] = {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith(".") and is_supported(child):
                    found.setdefault(child, None)
        elif path.is_file():
            found.setdefault(path, None)
        else:
            raise InputNotFound(str(given))
    return list(found)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_source(path: Path, *, settings: Settings) -> Iterator[RawDocument | Rejection]:
    """The documents in one file (several for JSONL), or the reason each could not be read.

    An error no reader foresaw costs the file's documents from there on, never the ingest (unless
    ``settings.fail_fast``): it becomes the file's rejection.
    """
    try:
        yield from _documents_in(path, settings=settings)
    except Exception as exc:
        if settings.fail_fast:
            raise
        yield Rejection.of_error(str(path), "read", exc)


def _documents_in(path: Path, *, settings: Settings) -> Iterator[RawDocument | Rejection]:
    source = str(path)
    if is_jsonl(path):
        yield from _read_jsonl(path, settings=settings)
        return
    suffix = _logical_suffix(path)
    if suffix in ARCHIVE_SUFFIXES:
        from claimgraph.ingest.archives import read_json_article, read_warc

        yield from (read_warc if suffix == ".warc" else read_json_article)(path, settings=settings)
        return
    if suffix not in MEDIA_TYPES:
        yield Rejection(
            source, f"unsupported file type {path.suffix!r} (expected .txt, .md, .html, .jsonl, .json, .warc)"
        )
        return
    try:
        data = _read_bytes(path, limit=settings.max_file_bytes)
    except _Problem as problem:
        yield Rejection(source, str(problem))
        return
    media_type = MEDIA_TYPES[suffix]
    if media_type != "text/html" and _HTML_SNIFF.match(data[:512]):
        media_type = "text/html"
    try:
        text = decode(data, html=media_type == "text/html")
    except _Problem as problem:
        yield Rejection(source, str(problem))
        return
    if not text.strip():
        # A byte-order mark, or UTF-16 white space, is not empty as bytes.
        yield Rejection(source, "empty file")
        return
    if media_type != "text/html" and _HTML_TEXT_SNIFF.match(text[:512]):
        media_type = "text/html"  # a UTF-16 page, whose bytes the sniff above cannot read
    yield RawDocument(
        source=source, content=repair_mojibake(text), media_type=media_type, content_hash=content_hash(data)
    )


def content_type(header: str | None) -> tuple[str, str | None]:
    """The media type (lowercase, "" when absent) and the charset an HTTP Content-Type names."""
    if not header:
        return "", None
    parsed = Message()
    parsed["Content-Type"] = header
    return parsed.get_content_type(), parsed.get_content_charset()


def document_from_bytes(
    data: bytes,
    *,
    source: str,
    html: bool,
    hints: Metadata | None = None,
    limit: int,
    charset: str | None = None,
) -> RawDocument | Rejection:
    """One document from bytes read elsewhere (a fetched page, a WARC record): decoded and checked as
    a file is, its content hash that of ``data``; or why it cannot be one. ``charset``: the one its
    HTTP headers named, if any."""
    if len(data) > limit:
        return Rejection(source, f"too large ({_megabytes(len(data))}, over the {_limit(limit)})")
    if not data.strip():
        return Rejection(source, "empty")
    try:
        text = decode(data, html=html, charset=charset)
    except _Problem as problem:
        return Rejection(source, str(problem))
    if not text.strip():
        return Rejection(source, "empty")
    media_type = "text/html" if html or _HTML_TEXT_SNIFF.match(text[:512]) else "text/plain"
    return RawDocument(
        source=source,
        content=repair_mojibake(text),
        media_type=media_type,
        content_hash=content_hash(data),
        hints=hints if hints is not None else Metadata(),
    )


class _Problem(Exception):
    """Why one input cannot be read; becomes a Rejection."""


# Files are read a bounded piece at a time, so that a compressed file expanding past the limit is
# refused once the limit is passed, with no more than the limit ever in memory.
_CHUNK_BYTES: Final = 1 << 20


def _read_bytes(path: Path, *, limit: int) -> bytes:
    compressed = path.suffix.lower() == ".gz"
    try:
        if not compressed and (size := path.stat().st_size) > limit:
            raise _Problem(f"file too large ({_megabytes(size)}, over the {_limit(limit)})")
        opener: Any = gzip.open if compressed else open
        with opener(path, "rb") as fh:
            chunks: list[bytes] = []
            total = 0
            while total <= limit and (chunk := fh.read(min(_CHUNK_BYTES, limit + 1 - total))):
                chunks.append(chunk)
                total += len(chunk)
    except (OSError, EOFError, zlib.error) as exc:
        # gzip reports a corrupt stream as OSError/EOFError/zlib.error depending on where it breaks.
        raise _Problem(f"cannot read: {exc}") from exc
    if total > limit:
        if compressed:
            raise _Problem(f"file too large (expands to more than the {_limit(limit)})")
        raise _Problem(f"file too large (grew past the {_limit(limit)} while being read)")
    data = b"".join(chunks)
    if not data.strip():
        raise _Problem("empty file")
    return data


def _megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def _limit(limit: int) -> str:
    return f"{_megabytes(limit)} limit, setting max_file_bytes"


def decode(data: bytes, *, html: bool = False, charset: str | None = None) -> str:
    """Bytes to text, in the encoding ``claimgraph.clean.encodings`` detects; binary data is refused.

    Legacy 8-bit files are common in this field (Ukrainian and Russian sites still serve cp1251 and
    KOI8), so they are decoded, not rejected.
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise _Problem(f"binary file ({kind}), not text")
    if bom_encoding(data) is None and b"\x00" in data[:4096]:
        raise _Problem("binary file (contains NUL bytes), not text")
    try:
        decoded = decode_bytes(data, html=html, charset=charset)
    except UnicodeDecodeError as exc:
        problem = f"not valid {exc.encoding.upper()}, though it starts with that byte-order mark"
        raise _Problem(problem) from None
    return _checked_text(decoded.text)


def _checked_text(text: str) -> str:
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text[:20000]) // 100):
        raise _Problem("binary file (control characters), not text")
    return text


def _read_jsonl(path: Path, *, settings: Settings) -> Iterator[RawDocument | Rejection]:
    limit = settings.max_file_bytes
    lineno = 0
    any_line = False
    try:
        opener: Any = gzip.open if path.suffix.lower() == ".gz" else open
        with opener(path, "rb") as fh:
            for lineno, line in _bounded_lines(fh, limit=limit):
                if line is None:
                    any_line = True
                    yield Rejection(f"{path}#{lineno}", f"record too large (over the {_limit(limit)})")
                    continue
                if not line.strip():
                    continue
                any_line = True
                yield _jsonl_record(path, lineno, line)
    except (OSError, EOFError, zlib.error) as exc:
        yield Rejection(str(path), f"cannot read: {exc}")
        return
    except UnicodeDecodeError as exc:
        yield Rejection(f"{path}#{lineno + 1}", f"cannot read: not valid {exc.encoding.upper()}")
        return
    if not any_line:
        yield Rejection(str(path), "empty file")


def _bounded_lines(fh: BinaryIO, *, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) for every line of ``fh``, None for a line longer than ``limit`` bytes,
    which is skipped a bounded piece at a time rather than read whole."""
    readline: Callable[[int], bytes] = fh.readline
    wide = bom_encoding(fh.peek(4)[:4]) if hasattr(fh, "peek") else None
    if wide in ("utf-16", "utf-32"):
        # Line ends are wider than one byte there: read text lines, each handed on as UTF-8.
        text = io.TextIOWrapper(fh, encoding=wide, newline=None)

        def readline(size: int) -> bytes:
            return text.readline(size).encode("utf-8")

    lineno = 0
    while line := readline(limit + 2):
        lineno += 1
        if line.endswith(b"\n") or len(line) <= limit:
            record = line.rstrip(b"\r\n")
            yield lineno, (record if len(record) <= limit else None)
            continue
        while (rest := readline(_CHUNK_BYTES)) and not rest.endswith(b"\n"):
            pass
        yield lineno, None


_TEXT_FIELDS: Final = ("text", "html")


def _jsonl_record(path: Path, lineno: int, line: bytes) -> RawDocument | Rejection:
    where = f"{path}#{lineno}"
    try:
        record = json.loads(decode(line))
    except _Problem as problem:
        return Rejection(where, str(problem))
    except json.JSONDecodeError as exc:
        return Rejection(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
    except ValueError as exc:
        # Python's own limits on what json accepts, e.g. an integer of more than 4,300 digits.
        return Rejection(where, f"invalid JSON ({str(exc).split(':')[0]})")
    except RecursionError:
        return Rejection(where, "invalid JSON (nested too deeply)")
    if not isinstance(record, dict):
        return Rejection(where, "a JSONL line must be a JSON object")
    body_field = next((f for f in _TEXT_FIELDS if isinstance(record.get(f), str) and record[f].strip()), None)
    if body_field is None:
        return Rejection(where, "no non-empty 'text' or 'html' field")
    try:
        hints = _hints_from_record(record)
        body = _checked_text(_field_text(record[body_field]))
    except ValueError as exc:
        return Rejection(where, str(exc))
    except _Problem as problem:
        return Rejection(where, f"field {body_field!r}: {problem}")
    # A record's URL is where the article really came from; the line number is only our locator.
    source = hints.url or where
    return RawDocument(
        source=source,
        content=body,
        media_type="text/html" if body_field == "html" else "text/plain",
        content_hash=content_hash(line.strip()),
        hints=hints,
    )


def _field_text(value: str) -> str:
    # JSON can escape half of a surrogate pair (\ud800), which is no character and cannot be
    # stored; and records scraped through a wrong decoding carry mojibake.
    return repair_mojibake(without_lone_surrogates(value))


def record_text(record: dict[str, Any], name: str) -> str | None:
    """A record's text field, cleaned; None when absent or blank. ValueError when it is no string."""
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"field {name!r} must be a string")
    return _field_text(value).strip() or None


def record_authors(authors: object, *, field: str = "authors") -> tuple[str, ...]:
    """The names of a record's ``authors`` value, one name or a list of them; ValueError for anything
    else."""
    if isinstance(authors, str):
        authors = [authors]
    if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        raise ValueError(f"field {field!r} must be a list of strings")
    return tuple(name for a in authors if (name := _field_text(a).strip()))


def _hints_from_record(record: dict[str, Any]) -> Metadata:
    # A speech's speaker is its author: the "I" of an address is the person the record names.
    field = "authors" if record.get("authors") else "speaker"
    authors = record_authors(record.get(field) or [], field=field)
    published_text = record_text(record, "published")
    published: dt.date | None = None
    if published_text:
        try:
            published = dt.date.fromisoformat(published_text[:10])
        except ValueError:
            raise ValueError(f"field 'published' is not a YYYY-MM-DD date: {published_text!r}") from None
        if not MIN_YEAR <= published.year <= MAX_YEAR:
            # Every stage that reckons with the date (times, statements) trusts it to be a real one.
            raise ValueError(
                f"field 'published' is not a date between {MIN_YEAR} and {MAX_YEAR}: {published_text!r}"
            )
    return Metadata(
        title=record_text(record, "title"),
        outlet=record_text(record, "outlet"),
        authors=authors,
        published=published,
        url=record_text(record, "url"),
        language=record_language(record),
    )


def record_language(record: dict[str, Any]) -> str | None:
    """A record's ``language`` as the two-letter code the store keeps ("en-US" and "EN" are "en")."""
    language = record_text(record, "language")
    return language[:2].lower() if language else None
