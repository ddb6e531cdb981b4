"""The HTTP API: read-only JSON over the store, in the export's record shapes, paged everywhere.

Every list answers ``{"items": [...], "total": n, "offset": o, "limit": l}``; every error answers
``{"error": {"code": ..., "message": ...}}`` with the matching HTTP status.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import AfterValidator

from claimgraph.errors import UnknownDocument, UnknownEntity
from claimgraph.query import snippet
from claimgraph.server.corpus import Snapshot


def printable(value: str | None) -> str | None:
    # Control characters (NUL above all) mean nothing in a name or a search, and some would reach
    # DuckDB's full-text search: refused rather than passed on.
    if value is not None and any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise ValueError("must not contain control characters")
    return value


def known_parameters(request: Request) -> None:
    """Refuse query parameters the route does not take: a misspelt filter (``?outlett=``) would
    otherwise be ignored and answer with everything."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    taken = _query_names(route.dependant)
    unknown = sorted({name for name in request.query_params if name not in taken})
    if unknown:
        raise RequestValidationError(
            [
                {
                    "loc": ("query", name),
                    "msg": f"unknown parameter; this route takes {', '.join(sorted(taken)) or 'none'}",
                    "type": "value_error",
                }
                for name in unknown
            ]
        )


def _query_names(dependant: Dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


router = APIRouter(prefix="/api", dependencies=[Depends(known_parameters)])

MAX_TEXT = 200
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")]
Limit = Annotated[int, Query(ge=1, le=200, description="items to return (at most 200)")]
Day = Annotated[dt.date | None, Query(description="YYYY-MM-DD")]
Text = Annotated[str | None, Query(max_length=MAX_TEXT), AfterValidator(printable)]
# Document ids are 16 hex digits and entity ids "ent_" and 12; the patterns leave room for other
# forms but nothing that could mean something else in a path or a query.
ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
DocId = Annotated[str, Path(pattern=ID_PATTERN, description="a document id")]
EntityId = Annotated[str, Path(pattern=ID_PATTERN, description="an entity id")]
EntityRef = Annotated[str | None, Query(pattern=ID_PATTERN, description="an entity id")]
EntityType = Annotated[
    str | None, Query(pattern=r"^[A-Z_]{1,32}$", description="an entity type: PERSON, ORG, GPE, LOC, ...")
]
DisputeKind = Annotated[Literal["numeric", "status", "stance"] | None, Query()]
RateBy = Annotated[Literal["outlet", "speaker"] | None, Query(description="only outlets, or only speakers")]
SearchText = Annotated[str, Query(min_length=1, max_length=MAX_TEXT), AfterValidator(printable)]
# An entity's mentions and statements come 200 at a time at most; /api/statements pages the rest.
ENTITY_LIST_LIMIT = 200


def snapshot(request: Request) -> Snapshot:
    corpus = request.app.state.corpus
    snap: Snapshot = corpus.snapshot()
    return snap


Snap = Annotated[Snapshot, Depends(snapshot)]


def page(items: list[dict[str, Any]], offset: int, limit: int) -> dict[str, Any]:
    return {"items": items[offset : offset + limit], "total": len(items), "offset": offset, "limit": limit}


@router.get("/documents", summary="documents, newest first, filtered by outlet and publication date")
def documents(
    snap: Snap,
    outlet: Text = None,
    since: Day = None,
    until: Day = None,
    offset: Offset = 0,
    limit: Limit = 50,
) -> dict[str, Any]:
    _ordered(since, until)
    items = [
        {k: v for k, v in d.items() if k != "text"}
        for d in snap.documents
        if (outlet is None or d["outlet"] == outlet) and _within(d["published"], since, until)
    ]
    return page(items, offset, limit)


@router.get("/documents/{doc_id}", summary="one document with every span found in it")
def document(snap: Snap, doc_id: DocId) -> dict[str, Any]:
    record = snap.by_id.get(doc_id)
    if record is None:
        raise UnknownDocument(doc_id)
    return {
        **record,
        "mentions": snap.mentions_by_doc.get(doc_id, []),
        "statements": snap.statements_of(doc_id),
        "times": snap.times.get(doc_id, []),
        "quantities": snap.quantities.get(doc_id, []),
        "techniques": snap.techniques.get(doc_id, []),
    }


@router.get("/entities", summary="entities, most mentioned first, filtered by type or name")
def entities(
    snap: Snap, type: EntityType = None, q: Text = None, offset: Offset = 0, limit: Limit = 50
) -> dict[str, Any]:
    needle = (q or "").lower()
    items = [
        {k: v for k, v in e.items() if k != "mentions"} | {"mention_count": len(e["mentions"])}
        for e in snap.entities
        if (type is None or e["type"] == type)
        and (not needle or any(needle in a.lower() for a in e["aliases"]))
    ]
    return page(items, offset, limit)


@router.get("/entities/{entity_id}", summary="one entity: mentions, statements by and about it, co-occurring")
def entity(snap: Snap, entity_id: EntityId) -> dict[str, Any]:
    record = snap.entity_by_id.get(entity_id)
    if record is None:
        raise UnknownEntity(entity_id)
    return {
        **{k: v for k, v in record.items() if k != "mentions"},
        "mention_count": len(record["mentions"]),
        "mentions": record["mentions"][:ENTITY_LIST_LIMIT],
        "statements_by": snap.by_speaker.get(entity_id, [])[:ENTITY_LIST_LIMIT],
        "statements_about": snap.about.get(entity_id, [])[:ENTITY_LIST_LIMIT],
        "cooccurring": [
            {"id": e["id"], "name": e["name"], "documents": n} for e, n in snap.cooccurring(entity_id)
        ],
    }


@router.get("/statements", summary="statements filtered by speaker entity, entity named, date said and text")
def statements(
    snap: Snap,
    speaker: EntityRef = None,
    entity: EntityRef = None,
    since: Day = None,
    until: Day = None,
    q: Text = None,
    offset: Offset = 0,
    limit: Limit = 50,
) -> dict[str, Any]:
    _ordered(since, until)
    named = [a.lower() for a in snap.entity_by_id[entity]["aliases"]] if entity in snap.entity_by_id else None
    items = [
        s
        for s in snap.statements
        if (speaker is None or s["speaker"]["entity"] == speaker)
        and (entity is None or (named is not None and _names_in(named, s["content"])))
        and _within(_said_or_published(snap, s), since, until)
        and (q is None or q.lower() in s["content"].lower())
    ]
    return page(items, offset, limit)


@router.get("/timeline", summary="statements by the date they were said (else published), oldest first")
def timeline(snap: Snap, entity: EntityRef = None, offset: Offset = 0, limit: Limit = 100) -> dict[str, Any]:
    dated = [
        {**s, "date": day, "date_is": "said" if s["said_on"] else "published"}
        for s in snap.statements
        if (day := _said_or_published(snap, s)) and (entity is None or s["speaker"]["entity"] == entity)
    ]
    dated.sort(key=lambda s: (s["date"], s["doc"], s["start"]))
    return page(dated, offset, limit)


@router.get("/places", summary="places with coordinates and how often they are mentioned")
def places(snap: Snap, offset: Offset = 0, limit: Limit = 200) -> dict[str, Any]:
    items = [
        {"id": e["id"], "name": e["name"], "lat": e["lat"], "lon": e["lon"], "mentions": len(e["mentions"])}
        for e in snap.entities
        if e["lat"] is not None
    ]
    return page(items, offset, limit)


@router.get("/disputes", summary="disputes between sources, both sides with outlet and date")
def disputes(snap: Snap, kind: DisputeKind = None, offset: Offset = 0, limit: Limit = 50) -> dict[str, Any]:
    items = [_with_sides(snap, d) for d in snap.disputes if kind is None or d["kind"] == kind]
    return page(items, offset, limit)


@router.get(
    "/techniques",
    summary="technique spans per 1,000 words of each outlet's narration and each speaker's statements",
)
def techniques(snap: Snap, by: RateBy = None, offset: Offset = 0, limit: Limit = 50) -> dict[str, Any]:
    return page([r for r in snap.technique_rates if by is None or r["by"] == by], offset, limit)


@router.get("/claims", summary="claims grouped across documents, with their independent sources")
def claims(snap: Snap, offset: Offset = 0, limit: Limit = 50) -> dict[str, Any]:
    return page(snap.claims, offset, limit)


@router.get("/search", summary="full-text search (BM25) over titles and texts")
def search(request: Request, q: SearchText, limit: Limit = 20) -> dict[str, Any]:
    snap = snapshot(request)
    hits = request.app.state.corpus.search(q, limit=limit)
    items = [
        {
            "doc": doc_id,
            "score": score,
            "title": snap.by_id[doc_id]["title"],
            "snippet": snippet(snap.by_id[doc_id]["text"], q),
        }
        for doc_id, score in hits
        if doc_id in snap.by_id
    ]
    return {"items": items, "total": len(items), "offset": 0, "limit": limit}


def _ordered(since: dt.date | None, until: dt.date | None) -> None:
    if since is not None and until is not None and since > until:
        raise RequestValidationError(
            [{"loc": ("query", "until"), "msg": "must not be before since", "type": "value_error"}]
        )


def _within(day: str | None, since: dt.date | None, until: dt.date | None) -> bool:
    if since is None and until is None:
        return True
    if day is None:
        return False
    return (since is None or day >= since.isoformat()) and (until is None or day <= until.isoformat())


def _said_or_published(snap: Snapshot, statement: dict[str, Any]) -> str | None:
    said: str | None = statement["said_on"]
    return said or snap.by_id[statement["doc"]]["published"]


def _names_in(names: list[str], text: str) -> bool:
    lowered = text.lower()
    return any(len(n) > 2 and n in lowered for n in names)


def _with_sides(snap: Snapshot, dispute: dict[str, Any]) -> dict[str, Any]:
    def side(s: dict[str, Any]) -> dict[str, Any]:
        doc = snap.by_id[s["doc"]]
        return {
            **s,
            "text": doc["text"][s["start"] : s["end"]],
            "outlet": doc["outlet"],
            "published": doc["published"],
            "title": doc["title"],
        }

    return {**dispute, "a": side(dispute["a"]), "b": side(dispute["b"])}
