"""Finding input files and turning their bytes into RawDocuments, or into reasons they cannot be.

Every problem with one input becomes a Rejection naming the file (and line, for JSONL) so the rest
of the batch still goes in.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Final

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

_MAGIC: Final = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x7fELF", "executable"),
)
_HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"\w+")


def _logical_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def is_jsonl(path: Path) -> bool:
    return _logical_suffix(path) in JSONL_SUFFIXES


def is_supported(path: Path) -> bool:
    suffix = _logical_suffix(path)
    return suffix in MEDIA_TYPES or suffix in JSONL_SUFFIXES


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
    """The documents in one file (several for JSONL), or the reason each could not be read."""
    source = str(path)
    if is_jsonl(path):
        yield from _read_jsonl(path, settings=settings)
        return
    suffix = _logical_suffix(path)
    if suffix not in MEDIA_TYPES:
        yield Rejection(source, f"unsupported file type {path.suffix!r} (expected .txt, .md, .html, .jsonl)")
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
    yield RawDocument(source=source, content=text, media_type=media_type, content_hash=content_hash(data))


class _Problem(Exception):
    """Why one input cannot be read; becomes a Rejection."""


def _read_bytes(path: Path, *, limit: int) -> bytes:
    try:
        if path.suffix.lower() == ".gz":
            with gzip.open(path, "rb") as fh:
                data = fh.read(limit + 1)
        else:
            if path.stat().st_size > limit:
                raise _Problem(
                    f"file too large ({_megabytes(path.stat().st_size)} > {_megabytes(limit)} limit)"
                )
            data = path.read_bytes()
    except (OSError, EOFError, zlib.error) as exc:
        # gzip reports a corrupt stream as OSError/EOFError/zlib.error depending on where it breaks.
        raise _Problem(f"cannot read: {exc}") from exc
    if len(data) > limit:
        raise _Problem(f"file too large (over {_megabytes(limit)} uncompressed)")
    if not data.strip():
        raise _Problem("empty file")
    return data


def _megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def decode(data: bytes, *, html: bool = False) -> str:
    """Bytes to text: UTF-8 (or a BOM's encoding), the page's declared charset, else cp1251/cp1252.

    Legacy 8-bit files are common in this field (Ukrainian and Russian sites still serve cp1251),
    so they are decoded, not rejected. Binary data is rejected.
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise _Problem(f"binary file ({kind}), not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked_text(data.decode("utf-16"))
    if b"\x00" in data[:4096]:
        raise _Problem("binary file (contains NUL bytes), not text")
    try:
        return _checked_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    if html and (declared := _META_CHARSET.search(data[:4096])):
        try:
            return _checked_text(data.decode(declared.group(1).decode("ascii")))
        except (LookupError, UnicodeDecodeError):
            pass
    return _checked_text(_decode_legacy_8bit(data))


def _decode_legacy_8bit(data: bytes) -> str:
    # cp1251 maps the high bytes to Cyrillic letters; decoding Western text that way yields words
    # mixing Latin and Cyrillic letters, which real Cyrillic text almost never has.
    as_cyrillic = data.decode("cp1251", errors="replace")
    pure = mixed = 0
    for word in _WORD.findall(as_cyrillic):
        if _CYRILLIC.search(word):
            if _LATIN.search(word):
                mixed += 1
            else:
                pure += 1
    if pure > mixed:
        return as_cyrillic
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _checked_text(text: str) -> str:
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text[:20000]) // 100):
        raise _Problem("binary file (control characters), not text")
    return text


def _read_jsonl(path: Path, *, settings: Settings) -> Iterator[RawDocument | Rejection]:
    try:
        opener: Any = gzip.open if path.suffix.lower() == ".gz" else open
        with opener(path, "rb") as fh:
            any_line = False
            for lineno, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                any_line = True
                yield _jsonl_record(path, lineno, line, settings=settings)
    except (OSError, EOFError, zlib.error) as exc:
        yield Rejection(str(path), f"cannot read: {exc}")
        return
    if not any_line:
        yield Rejection(str(path), "empty file")


_TEXT_FIELDS: Final = ("text", "html")


def _jsonl_record(path: Path, lineno: int, line: bytes, *, settings: Settings) -> RawDocument | Rejection:
    where = f"{path}#{lineno}"
    if len(line) > settings.max_file_bytes:
        return Rejection(
            where, f"record too large ({_megabytes(len(line))} > {_megabytes(settings.max_file_bytes)})"
        )
    try:
        record = json.loads(decode(line))
    except _Problem as problem:
        return Rejection(where, str(problem))
    except json.JSONDecodeError as exc:
        return Rejection(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return Rejection(where, "a JSONL line must be a JSON object")
    body_field = next((f for f in _TEXT_FIELDS if isinstance(record.get(f), str) and record[f].strip()), None)
    if body_field is None:
        return Rejection(where, "no non-empty 'text' or 'html' field")
    try:
        hints = _hints_from_record(record)
    except ValueError as exc:
        return Rejection(where, str(exc))
    # A record's URL is where the article really came from; the line number is only our locator.
    source = hints.url or where
    return RawDocument(
        source=source,
        content=record[body_field],
        media_type="text/html" if body_field == "html" else "text/plain",
        content_hash=content_hash(line.strip()),
        hints=hints,
    )


def _hints_from_record(record: dict[str, Any]) -> Metadata:
    def text_field(name: str) -> str | None:
        value = record.get(name)
        if value is None:
            return None
        if not isinstance(value, str):
            raise ValueError(f"field {name!r} must be a string")
        return value.strip() or None

    authors_value = record.get("authors", [])
    if isinstance(authors_value, str):
        authors_value = [authors_value]
    if not isinstance(authors_value, list) or not all(isinstance(a, str) for a in authors_value):
        raise ValueError("field 'authors' must be a list of strings")
    published_text = text_field("published")
    published: dt.date | None = None
    if published_text:
        try:
            published = dt.date.fromisoformat(published_text[:10])
        except ValueError:
            raise ValueError(f"field 'published' is not a YYYY-MM-DD date: {published_text!r}") from None
    return Metadata(
        title=text_field("title"),
        outlet=text_field("outlet"),
        authors=tuple(a.strip() for a in authors_value if a.strip()),
        published=published,
        url=text_field("url"),
        language=text_field("language"),
    )
