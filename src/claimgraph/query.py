"""Read-side library functions behind `claimgraph show` and `claimgraph search` (and later the API)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimgraph.errors import UnknownDocument, UsageError
from claimgraph.models import Document, EntityMention, Statement
from claimgraph.store import Store


@dataclass(frozen=True, slots=True)
class DocumentView:
    document: Document
    mentions: tuple[EntityMention, ...]
    statements: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class SearchHit:
    doc_id: str
    score: float
    title: str | None
    source: str
    snippet: str


def show_document(store: Store, doc_id: str) -> DocumentView:
    """The document whose id is ``doc_id`` or starts with it (an unambiguous prefix)."""
    if not doc_id.strip():
        raise UsageError("give a document id (or the start of one)")
    found = store.find_document(doc_id.strip())
    if not found:
        raise UnknownDocument(doc_id)
    if len(found) > 1:
        raise UsageError(f"document id prefix {doc_id!r} is ambiguous; give more characters")
    doc = found[0]
    return DocumentView(doc, tuple(store.mentions(doc=doc.id)), tuple(store.statements(doc=doc.id)))


def search_documents(store: Store, query: str, *, limit: int = 10) -> list[SearchHit]:
    if not query.strip():
        raise UsageError("give words to search for")
    if limit < 1:
        raise UsageError("--limit must be at least 1")
    hits = []
    for doc_id, score in store.search(query, limit=limit):
        doc = store.find_document(doc_id)[0]
        hits.append(SearchHit(doc_id, score, doc.metadata.title, doc.source, snippet(doc.text, query)))
    return hits


def snippet(text: str, query: str, *, width: int = 160) -> str:
    """A window of the text around the first query word found, whole words at both ends."""
    words = [w for w in re.findall(r"\w+", query.lower()) if len(w) > 1]
    lowered = text.lower()
    positions = [p for w in words if (p := lowered.find(w)) >= 0]
    centre = min(positions) if positions else 0
    start = max(0, centre - width // 3)
    end = min(len(text), start + width)
    if start > 0:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    core = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + core + ("…" if end < len(text) else "")
