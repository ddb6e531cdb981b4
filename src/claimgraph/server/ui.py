"""The web UI: server-rendered pages over the same snapshot as the API, with no script at all.

Article text is hostile input. Every piece of it reaches the page through Jinja's autoescaping or,
in the reader, through ``markupsafe.escape`` piece by piece; the Content-Security-Policy (see ``app``)
allows no script, so even a missed escape could not run one.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from pydantic import AfterValidator

from claimgraph.errors import UnknownDocument, UnknownEntity
from claimgraph.server.api import MAX_TEXT, DocId, EntityId, Text, printable, snapshot, timeline
from claimgraph.server.api import disputes as api_disputes
from claimgraph.server.api import search as api_search
from claimgraph.server.basemap import svg_paths

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
router = APIRouter(include_in_schema=False)
MAP_WIDTH, MAP_HEIGHT = 900, 600
# The timeline's speaker menu sends entity= (empty) for everyone.
SpeakerChoice = Annotated[str | None, Query(pattern=r"^[A-Za-z0-9_-]{0,64}$")]
SearchBox = Annotated[str, Query(max_length=MAX_TEXT), AfterValidator(printable)]


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, name, context)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    snap = snapshot(request)
    dates = sorted(d["published"] for d in snap.documents if d["published"])
    outlets = Counter(d["outlet"] for d in snap.documents if d["outlet"]).most_common(15)
    speakers = Counter(
        (snap.entity_by_id[s["speaker"]["entity"]]["name"], s["speaker"]["entity"])
        if s["speaker"]["entity"]
        else (s["speaker"]["text"], None)
        for s in snap.statements
        if s["speaker"]["text"]
    ).most_common(15)
    counts = [
        ("documents", len(snap.documents)),
        ("entities", len(snap.entities)),
        ("statements", len(snap.statements)),
        ("claims", len(snap.claims)),
        ("disputes", len(snap.disputes)),
    ]
    return render(
        request,
        "overview.html",
        counts=counts,
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
        outlets=outlets,
        speakers=[(name, entity_id, n) for (name, entity_id), n in speakers],
    )


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, outlet: Text = None) -> HTMLResponse:
    snap = snapshot(request)
    docs = [d for d in snap.documents if outlet is None or d["outlet"] == outlet]
    return render(request, "documents.html", documents=docs, outlet=outlet)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: DocId) -> HTMLResponse:
    snap = snapshot(request)
    doc = snap.by_id.get(doc_id)
    if doc is None:
        raise UnknownDocument(doc_id)
    statements = snap.statements_of(doc_id)
    spans = _reader_spans(snap.mentions_by_doc.get(doc_id, []), statements, snap, doc_id)
    return render(
        request, "document.html", doc=doc, text=_highlight(doc["text"], spans), statements=statements
    )


@router.get("/documents/{doc_id}/raw", response_class=PlainTextResponse)
def raw(request: Request, doc_id: DocId) -> PlainTextResponse:
    """The source as it was ingested, as plain text: never interpreted as HTML by the browser."""
    source = request.app.state.corpus.raw(doc_id)
    if source is None:
        raise UnknownDocument(doc_id)
    return PlainTextResponse(source, headers={"X-Content-Type-Options": "nosniff"})


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request) -> HTMLResponse:
    return render(request, "entities.html", entities=snapshot(request).entities[:500])


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: EntityId) -> HTMLResponse:
    snap = snapshot(request)
    record = snap.entity_by_id.get(entity_id)
    if record is None:
        raise UnknownEntity(entity_id)
    by = snap.by_speaker.get(entity_id, [])[:100]
    about = snap.about.get(entity_id, [])[:100]
    return render(
        request, "entity.html", e=record, by=by, about=about, cooccurring=snap.cooccurring(entity_id)
    )


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, entity: SpeakerChoice = None) -> HTMLResponse:
    snap = snapshot(request)
    chosen = snap.entity_by_id.get(entity) if entity else None
    items = timeline(snap, entity=chosen["id"] if chosen else None, offset=0, limit=1000)["items"]
    days: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        days[item["date"]].append(item)
    speaker_ids = {s["speaker"]["entity"] for s in snap.statements if s["speaker"]["entity"]}
    speakers = sorted((snap.entity_by_id[i] for i in speaker_ids), key=lambda e: e["name"])
    return render(request, "timeline.html", days=sorted(days.items()), entity=chosen, speakers=speakers)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    snap = snapshot(request)
    located = [e for e in snap.entities if e["lat"] is not None]
    frame = _frame(located)
    points = [_point(p, frame) for p in located]
    outlines = _outlines(request.app.state.corpus.settings.basemap, frame)
    return render(request, "map.html", points=points, outlines=outlines, width=MAP_WIDTH, height=MAP_HEIGHT)


@router.get("/disputes", response_class=HTMLResponse)
def disputes(request: Request) -> HTMLResponse:
    items = api_disputes(snapshot(request), kind=None, offset=0, limit=200)["items"]
    return render(request, "disputes.html", disputes=items)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: SearchBox = "") -> HTMLResponse:
    query = q.strip()
    hits = api_search(request, q=query, limit=30)["items"] if query else []
    return render(request, "search.html", hits=hits, query=query)


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    kind: str
    href: str | None = None
    title: str | None = None


def _reader_spans(
    mentions: list[dict[str, Any]], statements: list[dict[str, Any]], snap: Any, doc_id: str
) -> list[_Mark]:
    marks = [
        _Mark(s["start"], s["end"], "statement", title=f"{s['speaker']['text']} {s['cue']}")
        for s in statements
    ]
    marks += [
        _Mark(s["speaker"]["start"], s["speaker"]["end"], "speaker")
        for s in statements
        if s["speaker"]["start"] is not None
    ]
    marks += [
        _Mark(m["start"], m["end"], "entity", href=f"/entities/{m['entity']}", title=m["type"])
        for m in mentions
    ]
    marks += [
        _Mark(t["start"], t["end"], "time", title=t["value"] or t["timeml"])
        for t in snap.times.get(doc_id, [])
    ]
    marks += [
        _Mark(q["start"], q["end"], "quantity", title=q["about"]) for q in snap.quantities.get(doc_id, [])
    ]
    marks += [
        _Mark(t["start"], t["end"], "technique", title=f"{t['technique']}, the {t['voice']}'s words")
        for t in snap.techniques.get(doc_id, [])
    ]
    return marks


def _highlight(text: str, marks: list[_Mark]) -> Markup:
    """The text with its marks as properly nested <mark> elements; a mark that would cross the end of
    an enclosing one is left out. Every piece of text is escaped."""
    ordered = sorted(marks, key=lambda m: (m.start, -m.end))
    kept: list[_Mark] = []
    stack: list[_Mark] = []
    for mark in ordered:
        while stack and stack[-1].end <= mark.start:
            stack.pop()
        if (stack and mark.end > stack[-1].end) or mark.end <= mark.start:
            continue
        kept.append(mark)
        stack.append(mark)
    out: list[str] = []
    position = 0
    open_marks: list[_Mark] = []
    for mark in kept:
        while open_marks and open_marks[-1].end <= mark.start:
            closing = open_marks.pop()
            out.append(
                str(escape(text[position : closing.end])) + ("</a>" if closing.href else "") + "</mark>"
            )
            position = closing.end
        out.append(str(escape(text[position : mark.start])))
        attributes = f' class="{mark.kind}" id="at-{mark.start}"'
        if mark.title:
            attributes += f' title="{escape(mark.title)}"'
        out.append(f"<mark{attributes}>" + (f'<a href="{escape(mark.href)}">' if mark.href else ""))
        position = mark.start
        open_marks.append(mark)
    while open_marks:
        closing = open_marks.pop()
        out.append(str(escape(text[position : closing.end])) + ("</a>" if closing.href else "") + "</mark>")
        position = closing.end
    out.append(str(escape(text[position:])))
    return Markup("".join(out))


@dataclass(frozen=True, slots=True)
class _Frame:
    west: float
    north: float
    scale: float
    most: int


def _frame(places: list[dict[str, Any]]) -> _Frame:
    """An equirectangular frame around the places (the region of Ukraine when there are none)."""
    lats = [p["lat"] for p in places] or [44.0, 53.0]
    lons = [p["lon"] for p in places] or [22.0, 41.0]
    margin = 1.5
    south, north = min(lats) - margin, max(lats) + margin
    west, east = min(lons) - margin, max(lons) + margin
    scale = min(MAP_WIDTH / (east - west), MAP_HEIGHT / (north - south))
    return _Frame(west, north, scale, max((len(p["mentions"]) for p in places), default=1))


@lru_cache(maxsize=8)
def _outlines(basemap: str, frame: _Frame) -> tuple[str, ...]:
    # Projecting every border costs a fifth of a second; the frame moves only when the places do.
    centre = frame.west + MAP_WIDTH / frame.scale / 2
    return tuple(svg_paths(basemap, partial(_xy, frame=frame), MAP_WIDTH, MAP_HEIGHT, centre=centre))


def _xy(lon: float, lat: float, frame: _Frame) -> tuple[float, float]:
    return (lon - frame.west) * frame.scale, (frame.north - lat) * frame.scale


def _point(place: dict[str, Any], frame: _Frame) -> dict[str, Any]:
    x, y = _xy(place["lon"], place["lat"], frame)
    mentions = len(place["mentions"])
    return {
        "id": place["id"],
        "name": place["name"],
        "lat": place["lat"],
        "lon": place["lon"],
        "mentions": mentions,
        "x": round(x, 1),
        "y": round(y, 1),
        "r": round(3 + 9 * math.sqrt(mentions / frame.most), 1),
    }
