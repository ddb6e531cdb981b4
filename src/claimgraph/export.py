"""Exports of a whole store: JSON (the export-v1 contract), JSONL and CSV.

The JSON layout is fixed by ``claimgraph-export/1`` (see docs/export.md and the JSON Schema shipped
in ``claimgraph/data/export-v1.schema.json``); JSONL carries the same records one per line with a
``record`` key, CSV one file per record kind in a folder.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Final, Literal

from claimgraph.claims import ClaimGroup, Dispute, Side, group_claims
from claimgraph.errors import UsageError
from claimgraph.lang import word_groups, word_list
from claimgraph.models import Document, Entity, Quantity, Span, Speaker, Statement, TechniqueSpan, TimeMention
from claimgraph.query import corpus_claims, corpus_disputes, corpus_entities
from claimgraph.resolve.names import HEAD_OF_STATE, given_name, given_name_key, name_keys
from claimgraph.settings import DEFAULT_SETTINGS, Settings
from claimgraph.store import Store

FORMAT_NAME: Final = "claimgraph-export/1"
ExportFormat = Literal["json", "jsonl", "csv"]
EXPORT_FORMATS: Final[tuple[ExportFormat, ...]] = ("json", "jsonl", "csv")

# Record kinds of the contract, in order.
RECORD_KINDS: Final = (
    "documents",
    "entities",
    "statements",
    "times",
    "quantities",
    "claims",
    "disputes",
    "techniques",
)

_SINGULAR: Final = {kind: kind.removesuffix("s") for kind in RECORD_KINDS} | {"entities": "entity"}

_CSV_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "documents": ("id", "source", "title", "outlet", "authors", "published", "language", "extractor", "text"),
    "entities": ("id", "name", "type", "aliases", "description", "kb_id", "lat", "lon", "stage"),
    "mentions": ("entity", "doc", "start", "end", "text"),
    "statements": ("id", "doc", "speaker_entity", "speaker_text", "speaker_description", "speaker_anonymous",
                   "speaker_author",
                   "cue", "kind", "content", "start", "end", "said_on", "channel", "stage"),
    "times": ("doc", "start", "end", "text", "value", "kind", "timeml", "stage"),
    "quantities": ("doc", "start", "end", "text", "value", "unit", "about", "high", "qualifier", "stage"),
    "claims": ("id", "text", "topic", "predicate", "value", "independent_sources", "statements"),
    "claim_sources": ("claim", "doc", "start", "end"),
    "disputes": ("id", "kind", "topic", "a_doc", "a_start", "a_end", "a_statement",
                 "b_doc", "b_start", "b_end", "b_statement", "explanation"),
    "techniques": ("doc", "start", "end", "text", "technique", "rule", "voice", "stage"),
}  # fmt: skip


def document_record(doc: Document) -> dict[str, Any]:
    meta = doc.metadata
    return {
        "id": doc.id,
        "source": doc.source,
        "title": meta.title,
        "outlet": meta.outlet,
        "authors": list(meta.authors),
        "published": meta.published.isoformat() if meta.published else None,
        "language": meta.language,
        "text": doc.text,
        "url": meta.url,
        "extractor": doc.extractor,
        "content_hash": doc.content_hash,
    }


def entity_record(entity: Entity, texts: dict[str, str]) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "description": entity.description,
        "kb_id": entity.kb_id,
        "lat": entity.lat,
        "lon": entity.lon,
        "stage": entity.stage,
        "mentions": [
            {"doc": s.doc, "start": s.start, "end": s.end, "text": texts[s.doc][s.start : s.end]}
            for s in entity.mentions
        ],
    }


def time_record(time: TimeMention) -> dict[str, Any]:
    return {
        "doc": time.span.doc,
        "start": time.span.start,
        "end": time.span.end,
        "text": time.text,
        "value": time.value,
        "kind": time.kind,
        "timeml": time.timeml,
        "stage": time.stage,
    }


def quantity_record(quantity: Quantity) -> dict[str, Any]:
    return {
        "doc": quantity.span.doc,
        "start": quantity.span.start,
        "end": quantity.span.end,
        "text": quantity.text,
        "value": quantity.value,
        "unit": quantity.unit,
        "about": quantity.about,
        "high": quantity.high,
        "qualifier": quantity.qualifier,
        "stage": quantity.stage,
    }


def technique_record(technique: TechniqueSpan) -> dict[str, Any]:
    return {
        "doc": technique.span.doc,
        "start": technique.span.start,
        "end": technique.span.end,
        "text": technique.text,
        "technique": technique.technique,
        "rule": technique.rule,
        "voice": technique.voice,
        "stage": technique.stage,
    }


def claim_record(group: ClaimGroup) -> dict[str, Any]:
    return {
        "id": group.id,
        "text": group.text,
        "topic": group.topic,
        "statements": sorted({s.statement for s in group.sides if s.statement}),
        "predicate": group.predicate,
        "value": group.value,
        "independent_sources": group.independent,
        "sources": [{"doc": s.doc, "start": s.start, "end": s.end} for s in group.sides],
    }


def dispute_record(dispute: Dispute) -> dict[str, Any]:
    def side(s: Side) -> dict[str, Any]:
        return {"doc": s.doc, "start": s.start, "end": s.end, "statement": s.statement}

    return {
        "id": dispute.id,
        "kind": dispute.kind,
        "topic": dispute.topic,
        "a": side(dispute.a),
        "b": side(dispute.b),
        "explanation": dispute.explanation,
    }


def statement_record(statement: Statement, entities: EntityIndex) -> dict[str, Any]:
    speaker = statement.speaker
    return {
        "id": statement.id,
        "doc": statement.content.doc,
        "speaker": {
            "entity": entities.speaker_entity(speaker),
            "text": speaker.text,
            "description": speaker.description,
            "author": speaker.author,
            "start": speaker.span.start if speaker.span else None,
            "end": speaker.span.end if speaker.span else None,
            "anonymous": speaker.anonymous,
        },
        "cue": statement.cue,
        "cue_start": statement.cue_span.start if statement.cue_span else None,
        "cue_end": statement.cue_span.end if statement.cue_span else None,
        "kind": statement.kind,
        "content": statement.content_text,
        "start": statement.content.start,
        "end": statement.content.end,
        "said_on": statement.said_on.isoformat() if statement.said_on else None,
        "channel": statement.channel,
        "stage": statement.stage,
    }


class EntityIndex:
    """Which entity a span of text names, and which person a document's author is."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._by_doc: dict[str, list[tuple[int, int, Entity]]] = defaultdict(list)
        people: dict[tuple[str, str], list[Entity]] = defaultdict(list)
        self._all: list[Entity] = []
        # The corpus's holder of an office, by the author's words for it: looked up once per office,
        # not once per statement of every speech its holder gave.
        self._holders: dict[str, str | None] = {}
        for entity in entities:
            self._all.append(entity)
            for span in entity.mentions:
                self._by_doc[span.doc].append((span.start, span.end, entity))
            if entity.type == "PERSON":
                keys = {_person_key(name) for name in (entity.name, *entity.aliases)}
                for key in (k for k in keys if k is not None):
                    people[key].append(entity)
        # The best-attested person of a name: a namesake mentioned once does not take an author's words.
        self._people = {key: max(found, key=lambda e: len(e.mentions)).id for key, found in people.items()}

    def entity_at(self, span: Span | None) -> str | None:
        """The mention ``span`` equals, else one that names the same thing in other words: it starts
        where the span does (after "the") and ends where it ends ("the Air Forces of the AFU"). A
        place or a nationality inside a longer phrase is not what the phrase names ("Ukrainian
        military intelligence", "The President of Russia")."""
        if span is None:
            return None
        candidates = self._by_doc.get(span.doc, [])
        exact = next((e for s, t, e in candidates if (s, t) == (span.start, span.end)), None)
        if exact is not None:
            return exact.id
        inside = (
            e
            for s, t, e in candidates
            if span.start <= s <= span.start + _LEADING_ARTICLE
            and span.end - 1 <= t <= span.end + 1
            and e.type not in _NOT_A_SPEAKER_NAME
        )
        return next((e.id for e in inside), None)

    def speaker_entity(self, speaker: Speaker) -> str | None:
        """The entity a speaker is: none for an anonymous source; the one named where they were
        resolved or where they speak; else the person of that full name elsewhere in the corpus (a
        transcript label the model did not tag, "Maxim Dreval:"); else, for a first-person speaker,
        the person the document's metadata names as its author. Names match across spellings and
        scripts."""
        if speaker.anonymous:
            return None
        found = self.entity_at(speaker.referent or speaker.span)
        for name in (speaker.text if _name_like(speaker.text) else None, speaker.author):
            if found is None and name is not None and (key := _person_key(name)) is not None:
                found = self._people.get(key)
        if found is None and speaker.span is not None:
            found = self._holder_of(speaker.text, speaker.span.doc)
        if found is None and speaker.author is not None and speaker.span is not None:
            # "Address by the President of Ukraine": the author is named by office alone.
            found = self._holder_of(speaker.author, speaker.span.doc) or self._current_holder(speaker.author)
        if found is None and speaker.referent is None and speaker.span is not None:
            found = self._described_before(speaker.text, speaker.span)
        return found

    def _described_before(self, words: str, where: Span) -> str | None:
        """The body or person a definite description points back to ("the grid operator", "The
        Russian channel", "the department", "the head of the region"): the nearest entity named before
        it in the document, not long before, whose description or name holds the description's head
        word (or a word the language data gives for it: "department" for a ministry) and each word
        qualifying it. Of people, the one whose description opens with that office, when only one
        does ("Minister of Social Policy", not "Deputy Minister")."""
        described = _DEFINITE.match(words.lower())
        if described is None:
            return None
        # "the city's mayor": whose it is may go unsaid in the description; what it is may not.
        own = re.split(r"['’]s\b", described.group(1))[-1]
        before_of, _, after_of = own.partition(" of ")
        named = [w for w in _ROLE_WORDS.findall(before_of) if w not in _ROLE_FILLERS]
        if not named:
            return None
        head = named[-1]
        qualifiers = named[:-1] + [w for w in _ROLE_WORDS.findall(after_of) if w not in _ROLE_FILLERS]
        if head in _ROLES:
            return None  # "The President" is the office's holder, read by ``_holder_of``, or no one
        alternatives = word_groups("description_words")
        heads = alternatives.get(head, frozenset({head}))
        before = sorted(
            (
                (s, e)
                for s, t, e in self._by_doc.get(where.doc, [])
                if t <= where.start and where.start - s <= _REACH
            ),
            key=lambda found: -found[0],
        )
        # "the General Staff" is a body, never the person described as its chief
        body = head in word_list("organisation_nouns")
        fitting = []
        for _, entity in before:
            told = _ROLE_WORDS.findall(f"{entity.description or ''} {entity.name}".lower())
            if body and entity.type == "PERSON":
                continue
            if set(told) & heads and all(_qualifies(q, told, alternatives) for q in qualifiers):
                fitting.append(entity)
        if not fitting or fitting[0].type != "PERSON":
            return fitting[0].id if fitting else None
        people = {e.id: e for e in fitting if e.type == "PERSON"}
        if len(people) > 1:
            # "The Minister": the one described as minister, not the deputy minister
            people = {
                i: e
                for i, e in people.items()
                if _ROLE_WORDS.findall((e.description or "").lower())[:1] == [head]
            }
        return next(iter(people)) if len(people) == 1 else None

    def _current_holder(self, role: str) -> str | None:
        if role not in self._holders:
            self._holders[role] = self._holder_of(role)
        return self._holders[role]

    def _holder_of(self, role: str, doc: str | None = None) -> str | None:
        """The one person the document names whose description holds the role a speaker is called
        by: "The President" in a release naming Vladimir Putin ("president of Russia"), "The
        President of Iran" where the Iranian president is named. Without a document, the one person
        of the corpus described as holding that office now ("president of Ukraine (from 2019)", not
        "(2014–2019)"), for an author named by office alone. Two candidates make no answer."""
        words = [w for w in _ROLE_WORDS.findall(HEAD_OF_STATE.sub("president", role.lower())) if w != "the"]
        if not words or words[0] not in _ROLES:
            return None
        role_word, qualifiers = words[0], [w for w in words[1:] if w not in _ROLE_FILLERS]
        if doc is None and not qualifiers:
            return None  # "the President" of which country, the corpus cannot say
        candidates = (e for _, _, e in self._by_doc.get(doc, [])) if doc is not None else self._all
        holders = {
            e.id
            for e in candidates
            if e.type == "PERSON"
            and e.description
            and role_word in e.description.lower()
            and all(q[:5] in e.description.lower() for q in qualifiers)
            and (doc is not None or _holds_now(e.description.lower(), role_word))
        }
        return next(iter(holders)) if len(holders) == 1 else None


# "the " before a name the mention leaves out; place and nationality mentions inside a speaker's
# words are never the speaker.
_LEADING_ARTICLE: Final = 4
_NOT_A_SPEAKER_NAME: Final = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME"})


def _qualifies(word: str, told: list[str], alternatives: Mapping[str, frozenset[str]]) -> bool:
    """Whether a description's words hold a qualifying word, or one of its stem ("regional" for
    "region", "Russian" for "pro-Russian"), or one the language data gives for it."""
    stem = word[:5]
    return any(w.startswith(stem) or w.endswith(word) for w in told) or bool(
        set(told) & alternatives.get(word, frozenset())
    )


def _holds_now(description: str, role_word: str) -> bool:
    """Whether a description gives the office as held now: it opens with the office ("vice president"
    and "head of the Office of the President" hold another), with no period that has ended."""
    return description.startswith(role_word) and (
        "(" not in description or "from " in description or not _PERIOD.search(description)
    )


_PERIOD: Final = re.compile(r"\d{4}\s*[–-]\s*\d{4}")
# "the grid operator", "The UN's humanitarian office": a body named by what it is.
_DEFINITE: Final = re.compile(r"the\s+(\w[\w\s'’-]*)$")
# How far back (in characters) a definite description may point.
_REACH: Final = 3000
_ROLE_WORDS: Final = re.compile(r"[a-z]+")
# The offices a role speaker is named by ("the President", "the Prime Minister of Spain").
_ROLES: Final = frozenset({"president", "premier", "chancellor", "king", "emir", "pope", "patriarch"})
_ROLE_FILLERS: Final = frozenset({"the", "of", "and", "republic", "federation", "state", "kingdom", "s"})


def _name_like(text: str) -> bool:
    """Two to four capitalised words: a full name as a transcript label writes it."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w[1:].islower() for w in words)


def _person_key(name: str) -> tuple[str, str] | None:
    """A person's given name and surname, the same whatever the script or transliteration."""
    keys = name_keys(name, person=True)
    if len(keys) < 2:
        return None
    # "President of Ukraine Volodymyr Zelenskyy": the given name is the first word that is one.
    given = next((k for k in keys[:-1] if given_name(k)), keys[0])
    return given_name_key(given), keys[-1]


def iter_records(
    store: Store, *, settings: Settings = DEFAULT_SETTINGS
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(kind, record) for everything in the store, kinds in contract order."""
    texts: dict[str, str] = {}
    for doc in store.documents():
        texts[doc.id] = doc.text
        yield "documents", document_record(doc)
    entities = corpus_entities(store, settings=settings).entities
    for entity in entities:
        yield "entities", entity_record(entity, texts)
    index = EntityIndex(entities)
    for statement in store.statements():
        yield "statements", statement_record(statement, index)
    for time in store.times():
        yield "times", time_record(time)
    for quantity in store.quantities():
        yield "quantities", quantity_record(quantity)
    for group in group_claims(corpus_claims(store)):
        yield "claims", claim_record(group)
    for dispute in corpus_disputes(store):
        yield "disputes", dispute_record(dispute)
    for technique in store.techniques():
        yield "techniques", technique_record(technique)


def build_export(store: Store, *, settings: Settings = DEFAULT_SETTINGS) -> dict[str, Any]:
    out: dict[str, Any] = {"format": FORMAT_NAME, **{kind: [] for kind in RECORD_KINDS}}
    for kind, record in iter_records(store, settings=settings):
        out[kind].append(record)
    return out


def export_store(
    store: Store, *, fmt: ExportFormat, out: Path, settings: Settings = DEFAULT_SETTINGS
) -> dict[str, int]:
    """Write the export; returns how many records of each kind were written."""
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    counts = dict.fromkeys(RECORD_KINDS, 0)
    if fmt == "json":
        data = build_export(store, settings=settings)
        for kind in RECORD_KINDS:
            counts[kind] = len(data[kind])
        _write_atomically(out, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "jsonl":
        lines = [json.dumps({"record": "header", "format": FORMAT_NAME})]
        for kind, record in iter_records(store, settings=settings):
            counts[kind] += 1
            lines.append(json.dumps({"record": _SINGULAR[kind], **record}, ensure_ascii=False))
        _write_atomically(out, "\n".join(lines) + "\n")
    else:
        _write_csv_folder(store, out, counts, settings)
    return counts


def _write_atomically(path: Path, content: str) -> None:
    # A half-written export must never stand where a good one was.
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".partial")
    tmp.write_text(content, encoding="utf-8")
    tmp.replace(path)


def _write_csv_folder(store: Store, folder: Path, counts: dict[str, int], settings: Settings) -> None:
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: CSV export writes a folder of files, but this is a file")
    folder.mkdir(parents=True, exist_ok=True)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in _CSV_COLUMNS}
    for kind, record in iter_records(store, settings=settings):
        counts[kind] += 1
        if kind == "documents":
            rows[kind].append({**record, "authors": "; ".join(record["authors"])})
        elif kind == "entities":
            rows[kind].append({**record, "aliases": "; ".join(record["aliases"])})
            rows["mentions"].extend({"entity": record["id"], **m} for m in record["mentions"])
        elif kind == "statements":
            speaker = {f"speaker_{key}": value for key, value in record["speaker"].items()}
            rows[kind].append({**record, **speaker})
        elif kind == "claims":
            rows[kind].append({**record, "statements": "; ".join(record["statements"])})
            rows["claim_sources"].extend({"claim": record["id"], **source} for source in record["sources"])
        elif kind == "disputes":
            sides = {f"{name}_{key}": value for name in ("a", "b") for key, value in record[name].items()}
            rows[kind].append({**record, **sides})
        elif kind in rows:
            rows[kind].append(record)
    for name, columns in _CSV_COLUMNS.items():
        tmp = folder / f"{name}.csv.partial"
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows[name])
        tmp.replace(folder / f"{name}.csv")
