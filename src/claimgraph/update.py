"""The corpus-wide stages, kept in the store: copies, claims, disputes and entities.

The per-document stages of an ingest (any engine) store each document's text, mentions, statements,
times and quantities. ``update_corpus`` then brings the corpus-wide stages up to date for the
documents that arrived or left since the last update, in one transaction, with set-based SQL over
the stored rows and blocking so that no stage compares all pairs:

- copies (``claimgraph.dedupe``): a new document's MinHash bands are joined with the stored bands;
  only documents sharing a band are checked, and groups are the components of the stored pairs;
- claims (``claimgraph.claims``): the sentences of new documents are read as claims. A claim's
  places are the corpus's place names, so when an ingest brings a new place name (or removes the
  last mention of one), the stored documents whose text holds that name are read again — found by
  a scan in SQL; no other old document is read;
- disputes: claims are compared only within blocks (a place and a predicate). The blocks that hold
  a new, re-read, removed or newly copied claim are recomputed; every other dispute stays stored;
- entities (``claimgraph.resolve``): resolved again from the stored mentions, never from re-parsed
  documents, and stored with their spans and the reasons for each merge;
- techniques: a per-document stage, but one that reads only the stored text and statements. When
  the techniques stage an ingest runs differs from the one that made the stored spans (a lexicon
  edited or added, an upgrade of claimgraph), the stored documents' spans are found again, so that
  a store never mixes two lexicons.

A document is done when it is in ``corpus_documents``; an update interrupted before its commit
leaves the store as it was, and the next one does the same work again.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from claimgraph.claims import (
    Claim,
    PlaceWords,
    Reading,
    Side,
    assertions,
    block_keys,
    disputes_in_blocks,
    document_claims,
    read_claim,
    reading_from_json,
    reading_to_json,
    wording,
)
from claimgraph.dedupe import THRESHOLD, band_hashes, components, signature
from claimgraph.extract.statements import ORGANISATION_NOUNS
from claimgraph.models import EntityMention, Span
from claimgraph.resolve import Resolution, resolve
from claimgraph.resolve.entities import (
    SPELLING_BLOCK,
    SURNAME_BLOCK,
    TITLE_WINDOW,
    GroupId,
    NameGroup,
    blocks,
    group_of,
    home_countries,
    places_needing_context,
    resolve_groups,
    title_in_front,
)
from claimgraph.resolve.kb import KnowledgeBase
from claimgraph.resolve.names import defined_acronym, display_form, name_keys, near
from claimgraph.resolve.places import (
    Gazetteer,
    country_code,
    country_of_nationality,
    gazetteer,
    present_name,
)
from claimgraph.settings import DEFAULT_SETTINGS, Settings
from claimgraph.store import Store
from claimgraph.store.db import insert_columns

PLACE_LABELS = ("GPE", "LOC", "FAC")
_READ_CHUNK = 500  # documents whose texts are in memory at once
_FETCH_ROWS = 10_000  # rows of a long result (or disputes to write) in memory at once
_DISPUTE_PART = 20_000  # claims compared at once (a block with more is compared alone)


@dataclass(slots=True)
class CorpusUpdate:
    """What one update did: how much of the corpus it touched, and how long each stage took."""

    new_documents: int = 0
    removed_documents: int = 0
    copy_pairs: int = 0
    reread_documents: int = 0
    claims_read: int = 0
    dirty_blocks: int = 0
    claims_compared: int = 0
    disputes: int = 0
    entities: int = 0
    techniques_refound: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def update_corpus(store: Store, *, settings: Settings | None = None) -> CorpusUpdate:
    """Bring copies, claims, disputes and entities up to date; see the module docstring. Without
    ``settings``, with the knowledge base and gazetteer threshold the store was last resolved with,
    and the stored technique spans as they are."""
    report = CorpusUpdate()
    con = store.connection
    techniques_stage = None if settings is None else techniques_fingerprint(settings)
    if settings is None:
        settings = _settings_of(con)
    resolution_settings = _resolution_settings(settings)
    with store.transaction(), _Staged(store) as staged:
        new = _ids(con, "SELECT id FROM documents ANTI JOIN corpus_documents c ON c.doc = documents.id")
        gone = _ids(
            con, "SELECT doc FROM corpus_documents ANTI JOIN documents d ON d.id = corpus_documents.doc"
        )
        stale_entities = _stored_setting(con, "resolution") != resolution_settings
        stored_techniques = _stored_setting(con, "techniques")
        stale_techniques = techniques_stage is not None and stored_techniques != techniques_stage
        if not new and not gone and not stale_entities and not stale_techniques:
            return report
        report.new_documents, report.removed_documents = len(new), len(gone)
        _temp_ids(con, "new_docs", new)
        _temp_ids(con, "gone_docs", gone)
        timer = _Timer(report.seconds)

        with timer("copies"):
            groups, changed_copies = _update_copies(con, report, staged)
        # The corpus's home countries, from its mentions, which no stage below changes.
        places = gazetteer(_home(con, settings), settings.min_place_population)
        with timer("claims"):
            reread = _docs_with_changed_place_names(con, places)
            report.reread_documents = len(reread)
            _temp_ids(con, "reread_docs", reread)
            _temp_ids(con, "copied_docs", changed_copies)
            changed = _update_claims(con, report, staged)
        with timer("disputes"):
            _update_disputes(con, changed, groups, report, staged)
        with timer("entities"):
            _update_entities(con, settings, report, places, everything=stale_entities)
            _set_setting(con, "resolution", resolution_settings)
            _set_setting(con, "kb", settings.kb or "")
            _set_setting(con, "min_place_population", str(settings.min_place_population))
        if stale_techniques and techniques_stage is not None:
            with timer("techniques"):
                report.techniques_refound = _refind_techniques(con, settings, staged)
                _set_setting(con, "techniques", techniques_stage)
        con.execute("DELETE FROM corpus_documents WHERE doc IN (SELECT doc FROM gone_docs)")
        con.execute(
            "INSERT INTO corpus_documents SELECT doc, doc FROM new_docs"
            " ANTI JOIN corpus_documents c ON c.doc = new_docs.doc"
        )
        _store_copy_groups(con, groups)
    return report


class _Timer:
    def __init__(self, into: dict[str, float]) -> None:
        self._into = into

    def __call__(self, stage: str) -> _Timer._Stage:
        return _Timer._Stage(self._into, stage)

    class _Stage:
        def __init__(self, into: dict[str, float], stage: str) -> None:
            self._into, self._stage = into, stage

        def __enter__(self) -> None:
            self._started = time.perf_counter()

        def __exit__(self, *exc: object) -> None:
            self._into[self._stage] = time.perf_counter() - self._started


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[Sequence[Any]]) -> None:
    """Rows given column by column, in the table's column order."""
    if columns and len(columns[0]) > 0:
        names = [d[0] for d in con.execute(f"SELECT * FROM {table} LIMIT 0").description]
        insert_columns(con, table, dict(zip(names, columns, strict=True)))


class _Staged:
    """Rows for the large tables of an update, gathered in Parquet files and inserted with one
    statement a table by ``flush``. Within one transaction DuckDB keeps every small insert in memory
    (about 300 bytes a row: 3 GB for the 11 million disputes of 100,000 synthetic documents), where
    one insert from a file goes to the store as it is read.

    The files are kept in a hidden folder beside the store (where DuckDB spills too). A folder left by
    an update that was killed is removed by the next: only one process writes to a store at a time."""

    def __init__(self, store: Store) -> None:
        self._con = store.connection
        beside = Path(store.path)
        prefix = f".{beside.name}.update-"
        for stale in beside.parent.glob(prefix + "*"):
            shutil.rmtree(stale, ignore_errors=True)
        self._folder = tempfile.TemporaryDirectory(prefix=prefix, dir=beside.parent)
        self._writers: dict[str, tuple[pq.ParquetWriter, pa.Schema]] = {}

    def __enter__(self) -> _Staged:
        return self

    def __exit__(self, *exc: object) -> None:
        for writer, _ in self._writers.values():
            writer.close()
        self._folder.cleanup()

    def insert(self, table: str, columns: Sequence[Sequence[Any]]) -> None:
        """Rows given column by column, in the table's column order."""
        if not columns or not len(columns[0]):
            return
        if table not in self._writers:
            schema = self._con.execute(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
            self._writers[table] = (pq.ParquetWriter(self._file(table), schema), schema)
        writer, schema = self._writers[table]
        arrays = [pa.array(list(c), type=f.type) for c, f in zip(columns, schema, strict=True)]
        writer.write_table(pa.Table.from_arrays(arrays, schema=schema))

    def flush(self) -> None:
        for table, (writer, _) in self._writers.items():
            writer.close()
            self._con.execute(f"INSERT INTO {table} SELECT * FROM read_parquet(?)", [str(self._file(table))])
            self._file(table).unlink()
        self._writers.clear()

    def _file(self, table: str) -> Path:
        return Path(self._folder.name) / f"{table}.parquet"


def _ids(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> list[str]:
    return [r[0] for r in con.execute(sql, list(params)).fetchall()]


def _temp_ids(con: duckdb.DuckDBPyConnection, name: str, ids: Iterable[str]) -> None:
    """A temp table of ids (column ``doc``) to join with: a list parameter tested with list_contains
    costs its length for every row."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} (doc VARCHAR)")
    insert_columns(con, name, {"doc": list(ids)})


def techniques_fingerprint(settings: Settings) -> str:
    """What the techniques stage's spans depend on: its code, the quotation finder it asks for
    voices, the bundled lexicon and the user's."""
    from claimgraph.extract import quotes, techniques

    digest = hashlib.sha1()
    for module in (techniques, quotes):
        digest.update(Path(module.__file__ or "").read_bytes())
    digest.update(techniques.bundled_lexicon_text().encode())
    if settings.techniques_lexicon:
        digest.update(Path(settings.techniques_lexicon).read_bytes())
    return digest.hexdigest()


def _refind_techniques(con: duckdb.DuckDBPyConnection, settings: Settings, staged: _Staged) -> int:
    """Find the technique spans of the documents stored before this update again; those of the
    update's new documents were found by this ingest."""
    from claimgraph.clean.language import is_analysed
    from claimgraph.extract.techniques import find_techniques, load_lexicon, spoken_spans
    from claimgraph.models import TechniqueSpan
    from claimgraph.store.db import span_columns

    lexicon = load_lexicon(settings.techniques_lexicon)
    stored = _ids(con, "SELECT id FROM documents ANTI JOIN new_docs n ON n.doc = documents.id ORDER BY id")
    _temp_ids(con, "refound_docs", stored)
    con.execute("DELETE FROM techniques WHERE doc IN (SELECT doc FROM refound_docs)")
    for start in range(0, len(stored), _READ_CHUNK):
        chunk = stored[start : start + _READ_CHUNK]
        _temp_ids(con, "chunk_docs", chunk)
        statements: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
        for doc, begin, end, cue, speaker in con.execute(
            'SELECT s.doc, s.start, s."end", s.cue, s.speaker_text FROM statements s '
            "JOIN chunk_docs c ON c.doc = s.doc"
        ).fetchall():
            statements[doc].append((begin, end, cue, speaker))
        found: list[TechniqueSpan] = []
        texts = con.execute(
            "SELECT d.id, d.text, d.language FROM documents d JOIN chunk_docs c ON c.doc = d.id"
        ).fetchall()
        for doc, text, language in texts:
            if is_analysed(language):
                speech = spoken_spans(statements[doc])
                found += find_techniques(doc, text, speech=speech, lexicon=lexicon)
        staged.insert("techniques", list(span_columns(TechniqueSpan, found).values()))
    staged.flush()
    return len(stored)


def _stored_setting(con: duckdb.DuckDBPyConnection, name: str) -> str | None:
    row = con.execute("SELECT value FROM corpus_settings WHERE name = ?", [name]).fetchone()
    return str(row[0]) if row else None


def _set_setting(con: duckdb.DuckDBPyConnection, name: str, value: str) -> None:
    con.execute("DELETE FROM corpus_settings WHERE name = ?", [name])
    con.execute("INSERT INTO corpus_settings VALUES (?, ?)", [name, value])


def _settings_of(con: duckdb.DuckDBPyConnection) -> Settings:
    """The settings of the store's last resolution, as far as they still hold (a knowledge base file
    since removed is left out, and the next update resolves everything again)."""
    kb = _stored_setting(con, "kb")
    population = _stored_setting(con, "min_place_population")
    return DEFAULT_SETTINGS.with_overrides(
        kb=kb if kb and Path(kb).is_file() else None,
        min_place_population=int(population) if population else None,
    )


def _resolution_settings(settings: Settings) -> str:
    """What entity resolution depends on besides the mentions: a changed knowledge base file or
    gazetteer threshold resolves every entity again."""
    kb = hashlib.sha1(Path(settings.kb).read_bytes()).hexdigest() if settings.kb else ""
    return f"kb={kb};min_place_population={settings.min_place_population}"


def _texts(con: duckdb.DuckDBPyConnection, table: str) -> Iterator[list[tuple[str, str, Any]]]:
    """(id, text, published) of the documents listed in a temp table, a chunk at a time."""
    ids = _ids(con, f"SELECT doc FROM {table} ORDER BY doc")
    for i in range(0, len(ids), _READ_CHUNK):
        yield con.execute(
            "SELECT id, text, published FROM documents WHERE id IN (SELECT unnest(?)) ORDER BY id",
            [ids[i : i + _READ_CHUNK]],
        ).fetchall()


# -- copies ----------------------------------------------------------------------------------------


def _update_copies(
    con: duckdb.DuckDBPyConnection, report: CorpusUpdate, staged: _Staged
) -> tuple[dict[str, str], list[str]]:
    """Store the new documents' signatures and their copy pairs; returns the groups of copies as they
    now stand (document -> the smallest id of its group, for documents with copies) and the stored
    documents whose group changed."""
    before = dict(con.execute("SELECT doc, copies FROM corpus_documents WHERE doc <> copies").fetchall())
    for table, column in (
        ("doc_signatures", "doc"),
        ("doc_bands", "doc"),
        ("copy_pairs", "a"),
        ("copy_pairs", "b"),
    ):
        con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT doc FROM gone_docs)")
    for rows in _texts(con, "new_docs"):
        signatures = [signature(text) for _, text, _ in rows]
        staged.insert("doc_signatures", [[r[0] for r in rows], signatures])
        bands = [
            (r[0], band, h)
            for r, s in zip(rows, signatures, strict=True)
            for band, h in enumerate(band_hashes(s))
        ]
        staged.insert("doc_bands", list(zip(*bands, strict=True)))
    staged.flush()
    # Candidates share a band; each candidate pair is counted once and checked on its signatures.
    added = con.execute(
        """
        INSERT INTO copy_pairs
        SELECT least(p.a, p.b), greatest(p.a, p.b)
        FROM (
            SELECT DISTINCT n.doc AS a, o.doc AS b
            FROM doc_bands n JOIN doc_bands o ON n.band = o.band AND n.hash = o.hash
            WHERE n.doc IN (SELECT doc FROM new_docs) AND o.doc <> n.doc
              AND (o.doc NOT IN (SELECT doc FROM new_docs) OR n.doc < o.doc)
        ) p
        JOIN doc_signatures sa ON sa.doc = p.a
        JOIN doc_signatures sb ON sb.doc = p.b
        WHERE list_sum(list_transform(range(1, len(sa.minhash) + 1),
                                      i -> (sa.minhash[i] = sb.minhash[i])::INT)) >= ? * len(sa.minhash)
        """,
        [THRESHOLD],
    ).fetchone()
    report.copy_pairs = int(added[0]) if added else 0
    after = components(con.execute("SELECT a, b FROM copy_pairs").fetchall())
    old_docs = set(before) | set(after)
    gone = set(_ids(con, "SELECT doc FROM gone_docs"))
    new = set(_ids(con, "SELECT doc FROM new_docs"))
    return after, sorted(d for d in old_docs - gone - new if before.get(d, d) != after.get(d, d))


def _store_copy_groups(con: duckdb.DuckDBPyConnection, groups: dict[str, str]) -> None:
    con.execute("UPDATE corpus_documents SET copies = doc WHERE copies <> doc")
    if groups:
        con.execute("CREATE OR REPLACE TEMP TABLE copy_groups (doc VARCHAR, copies VARCHAR)")
        insert_columns(con, "copy_groups", {"doc": list(groups), "copies": list(groups.values())})
        con.execute(
            "UPDATE corpus_documents SET copies = g.copies FROM copy_groups g"
            " WHERE corpus_documents.doc = g.doc"
        )


def copies_of(store: Store) -> dict[str, str]:
    """Document id -> the id standing for its group of copies, for documents that have copies."""
    return dict(
        store.connection.execute("SELECT doc, copies FROM corpus_documents WHERE doc <> copies").fetchall()
    )


# -- claims ----------------------------------------------------------------------------------------


def _place_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The corpus's town and region names: its place mentions that are neither countries nor
    nationalities ("Ukrainian", once taken for a place), nor names written as an organisation in most
    of their mentions or ending in an organisation's noun ("the Northern Grouping")."""
    written = _ids(
        con,
        "SELECT text FROM entity_mentions GROUP BY text"
        " HAVING count(*) FILTER (WHERE label IN (SELECT unnest(?))) > 0"
        " AND 2 * count(*) FILTER (WHERE label = 'ORG') <= count(*)",
        [list(PLACE_LABELS)],
    )
    names = {w.strip("[]()\"' ") for w in written}
    return {
        n
        for n in names
        if n
        and country_code(n) is None
        and country_of_nationality(name_keys(n)) is None
        and n.split()[-1].lower() not in ORGANISATION_NOUNS
    }


def _docs_with_changed_place_names(con: duckdb.DuckDBPyConnection, places: Gazetteer) -> list[str]:
    stored = set(con.execute("SELECT name, present FROM place_names").fetchall())
    current = _store_place_names(con, places)
    changed = {name for name, _ in current ^ stored}
    if not changed or not stored:
        # With no names stored before, no stored document had been read with any.
        return []
    # A superset (no word boundaries in SQL): a document read again for nothing reads the same.
    pattern = "|".join(re.escape(n) for n in sorted(changed))
    return _ids(
        con,
        "SELECT doc FROM corpus_documents WHERE doc NOT IN (SELECT doc FROM gone_docs)"
        " AND doc IN (SELECT id FROM documents WHERE regexp_matches(text, ?))",
        [pattern],
    )


def _store_place_names(con: duckdb.DuckDBPyConnection, places: Gazetteer) -> set[tuple[str, str | None]]:
    """Store the corpus's place names, each with its present name where it is another form of one
    (``places``: the gazetteer of the corpus's home countries)."""
    current = {(name, present_name(name, places)) for name in _place_names(con)}
    con.execute("DELETE FROM place_names")
    _insert(con, "place_names", [[n for n, _ in sorted(current)], [p for _, p in sorted(current)]])
    return current


def _stored_place_words(con: duckdb.DuckDBPyConnection) -> PlaceWords:
    rows = con.execute("SELECT name, present FROM place_names").fetchall()
    return PlaceWords([name for name, _ in rows], present={n: p for n, p in rows if p is not None})


@dataclass(slots=True)
class _Changed:
    """What the disputes must be recomputed for: the blocks of changed claims, the claims new or in
    a new group of copies, and the wordings of claims gone (another copy may now stand for them)."""

    blocks: set[tuple[str, str]] = field(default_factory=set)
    claims: set[str] = field(default_factory=set)
    wordings: set[str] = field(default_factory=set)


def _update_claims(con: duckdb.DuckDBPyConnection, report: CorpusUpdate, staged: _Staged) -> _Changed:
    """Read the claims of new and re-read documents, drop those of removed ones."""
    changed = _Changed()
    old_claims = (
        "SELECT id FROM claims WHERE doc IN (SELECT doc FROM gone_docs UNION ALL SELECT doc FROM reread_docs)"
    )
    copied_claims = "SELECT id FROM claims WHERE doc IN (SELECT doc FROM copied_docs)"
    changed.blocks.update(
        con.execute(
            "SELECT DISTINCT topic, predicate FROM claim_blocks"
            f" WHERE claim IN ({old_claims}) OR claim IN ({copied_claims})"
        ).fetchall()
    )
    changed.wordings.update(
        wording(t) for t in _ids(con, f"SELECT text FROM claims WHERE id IN ({old_claims})")
    )
    changed.claims.update(_ids(con, copied_claims))
    con.execute(f"DELETE FROM disputes WHERE a_claim IN ({old_claims}) OR b_claim IN ({old_claims})")
    for table in ("claim_blocks", "claim_assertions"):
        con.execute(f"DELETE FROM {table} WHERE claim IN ({old_claims})")
    con.execute(f"DELETE FROM claims WHERE id IN ({old_claims})")

    place_words = _stored_place_words(con)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE read_docs AS SELECT doc FROM new_docs UNION SELECT doc FROM reread_docs"
    )
    for rows in _texts(con, "read_docs"):
        ids = [r[0] for r in rows]
        spans: dict[str, list[tuple[str, int, int]]] = {}
        for doc, statement, start, end in con.execute(
            'SELECT doc, id, start, "end" FROM statements WHERE doc IN (SELECT unnest(?))'
            ' ORDER BY doc, start, "end"',
            [ids],
        ).fetchall():
            spans.setdefault(doc, []).append((statement, start, end))
        # A document stored before the claim_sentences stage existed has none: it is read whole.
        readings: dict[str, dict[int, Reading]] = defaultdict(dict)
        for doc, start, stored in con.execute(
            "SELECT doc, start, reading FROM claim_sentences WHERE doc IN (SELECT unnest(?))", [ids]
        ).fetchall():
            readings[doc][start] = reading_from_json(stored)
        found: list[Claim] = []
        for doc_id, text, published in rows:
            found.extend(
                document_claims(
                    doc_id,
                    text,
                    published=published,
                    statements=spans.get(doc_id, []),
                    place_words=place_words,
                    readings=readings.get(doc_id),
                )
            )
        _insert_claims(staged, found)
        report.claims_read += len(found)
        changed.blocks.update(key for claim in found for key in block_keys(claim.reading, doc=claim.side.doc))
        changed.claims.update(claim_id(claim.side) for claim in found)
    staged.flush()
    return changed


def claim_id(side: Side) -> str:
    return f"{side.doc}:{side.start}"


def _insert_claims(staged: _Staged, claims: Sequence[Claim]) -> None:
    if not claims:
        return
    sides = [c.side for c in claims]
    staged.insert(
        "claims",
        [
            [claim_id(s) for s in sides],
            [s.doc for s in sides],
            [s.start for s in sides],
            [s.end for s in sides],
            [s.text for s in sides],
            [s.statement for s in sides],
            [list(c.places) for c in claims],
            [c.reading.when for c in claims],
            [reading_to_json(c.reading) for c in claims],
        ],
    )
    blocks = [
        (claim_id(c.side), topic, predicate)
        for c in claims
        for topic, predicate in block_keys(c.reading, doc=c.side.doc)
    ]
    staged.insert("claim_blocks", list(zip(*blocks, strict=True)))
    made = [
        (claim_id(c.side), a.topic, a.shown, a.predicate, a.value)
        for c in claims
        for a in assertions(c.reading)
    ]
    staged.insert("claim_assertions", list(zip(*made, strict=True)))


# -- disputes --------------------------------------------------------------------------------------


def _update_disputes(
    con: duckdb.DuckDBPyConnection,
    changed: _Changed,
    groups: dict[str, str],
    report: CorpusUpdate,
    staged: _Staged,
) -> None:
    """Compare the changed claims with the claims of their blocks; every dispute between two
    unchanged claims stays as stored.

    The blocks are gone through in parts of about _DISPUTE_PART claims, each part read and compared
    on its own (``claims.disputes_in_blocks``), so that memory holds one part, never every claim of
    the changed blocks; which copy stands for a wording is settled first, over all of them."""
    report.dirty_blocks = len(changed.blocks)
    if not changed.blocks:
        return
    con.execute("CREATE OR REPLACE TEMP TABLE dirty_blocks (topic VARCHAR, predicate VARCHAR)")
    _insert(con, "dirty_blocks", list(zip(*sorted(changed.blocks), strict=True)))
    in_dirty_blocks = "SELECT claim FROM claim_blocks JOIN dirty_blocks USING (topic, predicate)"
    # The first copy of each wording (in document order) stands for the rest.
    standing: dict[str, str] = {}
    wordings = set(changed.wordings)
    for rows in _fetched(
        con, f"SELECT id, text FROM claims WHERE id IN ({in_dirty_blocks}) ORDER BY doc, start"
    ):
        for claim, text in rows:
            words = wording(text)
            standing.setdefault(words, claim)
            report.claims_compared += 1
            if claim in changed.claims:
                wordings.add(words)
    # A claim sharing its wording with a changed one may stand for it now, or no longer.
    involved: set[str] = set()
    for rows in _fetched(con, f"SELECT id, text FROM claims WHERE id IN ({in_dirty_blocks})"):
        involved.update(claim for claim, text in rows if claim in changed.claims or wording(text) in wordings)
    _temp_ids(con, "stale_claims", sorted(involved))
    con.execute(
        "DELETE FROM disputes WHERE a_claim IN (SELECT doc FROM stale_claims)"
        " OR b_claim IN (SELECT doc FROM stale_claims)"
    )
    representatives = set(standing.values())
    del standing
    for part in _parts(con):
        con.execute("CREATE OR REPLACE TEMP TABLE part_blocks (topic VARCHAR, predicate VARCHAR)")
        _insert(con, "part_blocks", list(zip(*part, strict=True)))
        rows = con.execute(
            """
            SELECT id, doc, start, "end", text, statement, places, published, reading FROM claims
            WHERE id IN (SELECT claim FROM claim_blocks JOIN part_blocks USING (topic, predicate))
            ORDER BY doc, start
            """
        ).fetchall()
        rows = [r for r in rows if r[0] in representatives]
        claims = [
            (
                Side(doc, start, end, text, statement, groups.get(doc)),
                reading_from_json(stored) if stored else read_claim(text, places=places, when=published),
            )
            for _, doc, start, end, text, statement, places, published, stored in rows
        ]
        found = disputes_in_blocks(
            claims,
            blocks_wanted=set(part),
            involving={i for i, r in enumerate(rows) if r[0] in involved},
            voices=_speakers_of(con, {r[5] for r in rows if r[5] is not None}),
        )
        while disputes := list(itertools.islice(found, _FETCH_ROWS)):
            report.disputes += len(disputes)
            staged.insert(
                "disputes",
                [
                    [d.id for d in disputes],
                    [d.kind for d in disputes],
                    [d.topic for d in disputes],
                    [claim_id(d.a) for d in disputes],
                    [claim_id(d.b) for d in disputes],
                    [d.explanation for d in disputes],
                ],
            )
    staged.flush()


def _speakers_of(con: duckdb.DuckDBPyConnection, statements: set[str]) -> dict[str, str]:
    """Who makes each statement, as the text names them (the person a pronoun stands for): two
    claims of one document are two voices only when these differ."""
    if not statements:
        return {}
    _temp_ids(con, "voiced_statements", sorted(statements))
    rows = con.execute(
        """
        SELECT s.id, lower(coalesce(
            substring(d.text, s.referent_start + 1, s.referent_end - s.referent_start), s.speaker_text, ''))
        FROM statements s JOIN documents d ON d.id = s.doc
        WHERE s.id IN (SELECT doc FROM voiced_statements)
        """
    ).fetchall()
    return dict(rows)


def _parts(con: duckdb.DuckDBPyConnection) -> Iterator[list[tuple[str, str]]]:
    """The changed blocks in parts of about _DISPUTE_PART claims (a larger block is a part alone)."""
    part: list[tuple[str, str]] = []
    size = 0
    for topic, predicate, claims in con.execute(
        "SELECT topic, predicate, count(*) FROM claim_blocks JOIN dirty_blocks USING (topic, predicate)"
        " GROUP BY topic, predicate ORDER BY topic, predicate"
    ).fetchall():
        if part and size + claims > _DISPUTE_PART:
            yield part
            part, size = [], 0
        part.append((topic, predicate))
        size += claims
    if part:
        yield part


def _fetched(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> Iterator[list[Any]]:
    """The rows of a long result, _FETCH_ROWS at a time."""
    result = con.execute(sql, list(params))
    while chunk := result.fetchmany(_FETCH_ROWS):
        yield chunk


# -- entities --------------------------------------------------------------------------------------


def _update_entities(
    con: duckdb.DuckDBPyConnection,
    settings: Settings,
    report: CorpusUpdate,
    places: Gazetteer,
    *,
    everything: bool,
) -> None:
    """Resolve again the entities a new or removed name could change, and store them.

    Which: the name groups of the new and removed documents, every group sharing a block with one
    of them (``resolve.entities.blocks``: no rule merges groups that share none), and the whole
    entities these belong to. What the rules read from the rest of the corpus comes from the store:
    its home countries (``places`` is their gazetteer), the name groups of each document (surnames
    settled by the company they keep), and the places of the documents of a place name only they can
    settle. A change of home
    countries, knowledge base or gazetteer threshold resolves everything again.

    The rules read each name group whole (its forms, labels, documents and titles counted in SQL),
    never its mentions one by one, and the spans are written by joining the mentions with the
    groups' entities in SQL: memory grows with the names resolved, not with how often they occur.
    """
    kb = KnowledgeBase.load([Path(settings.kb)] if settings.kb else [])
    home = places.home_countries
    everything = everything or _stored_setting(con, "home") != ",".join(sorted(home))
    _index_mention_groups(con)
    if everything:
        con.execute("DELETE FROM name_blocks")
        touched_entities = _ids(con, "SELECT id FROM entities")
        _temp_ids(con, "touched_entities", touched_entities)
        con.execute(
            "CREATE OR REPLACE TEMP TABLE subset_groups AS SELECT DISTINCT name_group FROM mention_groups"
        )
    else:
        new_groups = _gathered(con, "m.doc IN (SELECT doc FROM new_docs)", titles=False)
        _store_blocks(con, new_groups, kb=kb, places=places)
        changed = {_group_name(g.id) for g in new_groups}
        changed |= set(
            _ids(con, "SELECT DISTINCT name_group FROM entity_spans WHERE doc IN (SELECT doc FROM gone_docs)")
        )
        _temp_ids(con, "touched_groups", changed | _neighbours(con, changed))
        touched_entities = _ids(
            con,
            "SELECT DISTINCT entity FROM entity_spans WHERE name_group IN (SELECT doc FROM touched_groups)",
        )
        _temp_ids(con, "touched_entities", touched_entities)
        # Every stored mention of a group is in its entity's spans, so the mentions of the touched
        # entities and of the new documents are those of these groups.
        con.execute(
            """
            CREATE OR REPLACE TEMP TABLE subset_groups AS
            SELECT name_group FROM entity_spans WHERE entity IN (SELECT doc FROM touched_entities)
            UNION SELECT g.name_group FROM entity_mentions m JOIN mention_groups g USING (text, label)
            WHERE m.doc IN (SELECT doc FROM new_docs)
            """
        )
    subset = _gathered(con, "g.name_group IN (SELECT name_group FROM subset_groups)", titles=True)
    if not subset and not touched_entities:
        return
    resolved_groups = {_group_name(g.id) for g in subset}
    context = _place_context(con, subset, home=home, places=places)
    resolution = resolve_groups(
        [*subset, *context],
        kb=kb,
        min_place_population=settings.min_place_population,
        home=home,
        cooccurring=_cooccurring(con, subset),
    )
    kept = [
        e
        for e in resolution.entities
        if any(_group_name(g) in resolved_groups for g in resolution.groups[e.id])
    ]
    report.entities = len(kept)
    for table, column in (("entities", "id"), ("entity_spans", "entity"), ("entity_reasons", "entity")):
        con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT doc FROM touched_entities)")
    _insert(
        con,
        "entities",
        [
            [e.id for e in kept],
            [e.name for e in kept],
            [e.type for e in kept],
            [list(e.aliases) for e in kept],
            [e.description for e in kept],
            [e.kb_id for e in kept],
            [e.lat for e in kept],
            [e.lon for e in kept],
            [e.stage for e in kept],
            [0] * len(kept),
        ],
    )
    members = [(e.id, _group_name(g)) for e in kept for g in resolution.groups[e.id]]
    con.execute("CREATE OR REPLACE TEMP TABLE entity_groups (entity VARCHAR, name_group VARCHAR)")
    _insert(con, "entity_groups", list(zip(*members, strict=True)))
    # A group read only as context brings its mentions in the context documents, as it was read.
    con.execute(
        """
        INSERT INTO entity_spans
        SELECT e.entity, m.doc, m.start, m."end", e.name_group
        FROM entity_mentions m
        JOIN mention_groups g USING (text, label)
        JOIN entity_groups e USING (name_group)
        WHERE e.name_group IN (SELECT name_group FROM subset_groups)
           OR m.doc IN (SELECT doc FROM context_docs)
        """
    )
    reasons = [(e.id, r.a, r.b, r.rule) for e in kept for r in resolution.reasons.get(e.id, [])]
    _insert(con, "entity_reasons", list(zip(*reasons, strict=True)))
    if everything:
        _store_blocks(con, subset, kb=kb, places=places)
    con.execute("DELETE FROM name_blocks WHERE name_group NOT IN (SELECT name_group FROM entity_spans)")
    # Most mentioned first, as resolve orders them.
    con.execute(
        """
        UPDATE entities SET rank = r.rank FROM (
            SELECT e.id, row_number() OVER (ORDER BY count(s.entity) DESC, e.name, e.id) AS rank
            FROM entities e LEFT JOIN entity_spans s ON s.entity = e.id GROUP BY e.id, e.name
        ) r WHERE entities.id = r.id
        """
    )
    _set_setting(con, "home", ",".join(sorted(home)))


def _index_mention_groups(con: duckdb.DuckDBPyConnection) -> None:
    """A temp table of the name group of every distinct (text, label) of the stored mentions, so that
    SQL can select and join mentions by group."""
    rows = con.execute("SELECT DISTINCT text, label FROM entity_mentions ORDER BY text, label").fetchall()
    named = [(text, label, name) for text, label in rows if (name := name_group_of(text, label)) is not None]
    con.execute(
        "CREATE OR REPLACE TEMP TABLE mention_groups (text VARCHAR, label VARCHAR, name_group VARCHAR)"
    )
    _insert(con, "mention_groups", list(zip(*named, strict=True)))


def _gathered(con: duckdb.DuckDBPyConnection, where: str, *, titles: bool) -> list[NameGroup]:
    """The name groups of the stored mentions ``where`` selects (over ``m``, the mentions, and ``g``,
    their groups), in the order of their first mention, counted per document in SQL; with
    ``titles``, the title written in front of each person's name too."""
    groups: dict[str, NameGroup] = {}
    counted = _fetched(
        con,
        f"""
        SELECT g.name_group, m.text, m.label, m.doc, count(*), min(m.start) AS first, min(m."end") AS last
        FROM entity_mentions m JOIN mention_groups g USING (text, label)
        WHERE {where}
        GROUP BY g.name_group, m.text, m.label, m.doc
        ORDER BY m.doc, first, last, m.label, m.text
        """,
    )
    for chunk in counted:
        for name, text, label, doc, count, _, _ in chunk:
            group = groups.get(name)
            if group is None:
                group = groups[name] = NameGroup(*_group_id(name))
            group.add(text, label, sys.intern(doc), count=count)
    definitions = _fetched(
        con,
        f"""
        SELECT g.name_group, substr(d.text, m."end" + 1, 12)
        FROM entity_mentions m JOIN mention_groups g USING (text, label) JOIN documents d ON d.id = m.doc
        WHERE m.label <> 'PERSON' AND ({where}) AND regexp_matches(substr(d.text, m."end" + 1, 3), '^ ?[(]')
        """,
    )
    for chunk in definitions:
        for name, after in chunk:
            if letters := defined_acronym(after):
                groups[name].defines[letters] += 1
    if titles:
        windows = _fetched(
            con,
            f"""
            SELECT g.name_group, m.text,
                   substr(d.text, greatest(m.start - ?, 0) + 1, m.start - greatest(m.start - ?, 0))
            FROM entity_mentions m JOIN mention_groups g USING (text, label) JOIN documents d ON d.id = m.doc
            WHERE m.label = 'PERSON' AND ({where})
            ORDER BY m.doc, m.start, m."end"
            """,
            [TITLE_WINDOW, TITLE_WINDOW],
        )
        for chunk in windows:
            for name, text, window in chunk:
                if title := title_in_front(window, text):
                    groups[name].titles[title] += 1
    return list(groups.values())


def _cooccurring(
    con: duckdb.DuckDBPyConnection, groups: Sequence[NameGroup]
) -> Callable[[Iterable[str]], set[GroupId]]:
    """The name groups mentioned in any of some documents of these groups, from the stored mentions
    of all their documents, read when first asked (most updates never ask)."""
    by_doc: dict[str, set[GroupId]] | None = None

    def cooccurring(docs: Iterable[str]) -> set[GroupId]:
        nonlocal by_doc
        if by_doc is None:
            by_doc = {}
            _temp_ids(con, "cooccurring_docs", sorted({d for g in groups for d in g.docs}))
            ids: dict[str, GroupId] = {}
            for chunk in _fetched(
                con,
                "SELECT DISTINCT m.doc, g.name_group FROM entity_mentions m JOIN mention_groups g"
                " USING (text, label) WHERE m.doc IN (SELECT doc FROM cooccurring_docs)",
            ):
                for doc, name in chunk:
                    group = ids.get(name) or ids.setdefault(name, _group_id(name))
                    by_doc.setdefault(sys.intern(doc), set()).add(group)
        return set().union(*(by_doc.get(d, set()) for d in docs))

    return cooccurring


def _neighbours(con: duckdb.DuckDBPyConnection, changed: set[str]) -> set[str]:
    """The stored name groups a changed one could merge with: those sharing a block with it, where a
    block of spellings (a surname or name with a letter dropped) is kept only for names a letter or two
    apart, as every rule comparing in such a block asks."""
    _temp_ids(con, "changed_groups", changed)
    pairs = con.execute(
        """
        SELECT DISTINCT c.name_group, n.name_group, c.block
        FROM name_blocks c JOIN name_blocks n ON n.block = c.block AND n.name_group <> c.name_group
        WHERE c.name_group IN (SELECT doc FROM changed_groups)
        """
    ).fetchall()
    found: set[str] = set()
    for mine, theirs, block in pairs:
        if theirs in found:
            continue
        a, b = _group_id(mine)[1], _group_id(theirs)[1]
        if block.startswith(SURNAME_BLOCK):
            if not near(a[-1], b[-1]):
                continue
        elif block.startswith(SPELLING_BLOCK) and not near(" ".join(a), " ".join(b)):
            continue
        found.add(theirs)
    return found


def _group_name(group: GroupId) -> str:
    return group[0] + "|" + " ".join(group[1])


def _group_id(name: str) -> GroupId:
    family, _, keys = name.partition("|")
    return family, tuple(keys.split(" "))


def _home(con: duckdb.DuckDBPyConnection, settings: Settings) -> frozenset[str]:
    """The corpus's home countries, as resolve would find them over all its place mentions."""
    displays: dict[GroupId, Counter[str]] = defaultdict(Counter)
    for text, label, count in con.execute(
        "SELECT text, label, count(*) FROM entity_mentions WHERE label IN (SELECT unnest(?))"
        " GROUP BY text, label",
        [list(PLACE_LABELS)],
    ).fetchall():
        group = group_of(text, label)
        if group is not None:
            displays[group][display_form(text)] += count
    named = [
        (max(forms, key=lambda f: (forms[f], len(f), f)), sum(forms.values())) for forms in displays.values()
    ]
    return home_countries(sorted(named), settings.min_place_population)


def _store_blocks(
    con: duckdb.DuckDBPyConnection, groups: Sequence[NameGroup], *, kb: KnowledgeBase, places: Gazetteer
) -> None:
    rows = sorted(
        {
            (_group_name(g.id), b)
            for g in groups
            for b in blocks(
                g.id, g.forms, label=next(iter(g.labels)), kb=kb, places=places, defines=g.defines
            )
        }
    )
    con.execute("CREATE OR REPLACE TEMP TABLE new_blocks (name_group VARCHAR, block VARCHAR)")
    _insert(con, "new_blocks", list(zip(*rows, strict=True)))
    con.execute("INSERT INTO name_blocks SELECT * FROM new_blocks EXCEPT SELECT * FROM name_blocks")


def _place_context(
    con: duckdb.DuckDBPyConnection, subset: Sequence[NameGroup], *, home: frozenset[str], places: Gazetteer
) -> list[NameGroup]:
    """The other place names of the documents of the subset's place names that only the company
    they keep can settle ("Mykolaivka": a dozen villages), as read in those documents only."""
    unsettled = places_needing_context(subset, home, places)
    _temp_ids(con, "context_docs", sorted({d for g in subset if g.id in unsettled for d in g.docs}))
    if not unsettled:
        return []
    return _gathered(
        con,
        "m.doc IN (SELECT doc FROM context_docs) AND starts_with(g.name_group, 'place|')"
        " AND g.name_group NOT IN (SELECT name_group FROM subset_groups)",
        titles=False,
    )


def _windows_before(con: duckdb.DuckDBPyConnection, mentions: Sequence[EntityMention]) -> dict[Span, str]:
    """The words in front of each mention (for titles), cut from the stored texts in SQL."""
    if not mentions:
        return {}
    con.execute('CREATE OR REPLACE TEMP TABLE title_spans (doc VARCHAR, start INTEGER, "end" INTEGER)')
    _insert(
        con,
        "title_spans",
        [[m.span.doc for m in mentions], [m.span.start for m in mentions], [m.span.end for m in mentions]],
    )
    return {
        Span(doc, start, end): window
        for doc, start, end, window in con.execute(
            """
            SELECT t.doc, t.start, t."end",
                   substr(d.text, greatest(t.start - ?, 0) + 1, t.start - greatest(t.start - ?, 0))
            FROM title_spans t JOIN documents d ON d.id = t.doc
            """,
            [TITLE_WINDOW, TITLE_WINDOW],
        ).fetchall()
    }


def resolve_stored_mentions(con: duckdb.DuckDBPyConnection, *, settings: Settings) -> Resolution:
    """Entity resolution over all the stored mentions, with other settings than the store's (nothing
    is written); titles come from the stored texts, cut in SQL."""
    mentions = [
        EntityMention(Span(doc, start, end), text, label, stage)
        for doc, start, end, text, label, stage in con.execute(
            'SELECT doc, start, "end", text, label, stage FROM entity_mentions ORDER BY doc, start, "end"'
        ).fetchall()
        if group_of(text, label) is not None
    ]
    kb = KnowledgeBase.load([Path(settings.kb)] if settings.kb else [])
    return resolve(
        mentions,
        kb=kb,
        min_place_population=settings.min_place_population,
        before=_windows_before(con, [m for m in mentions if m.label == "PERSON"]),
    )


def stored_resolution_is_current(store: Store, *, settings: Settings) -> bool:
    """Whether the stored entities were resolved with these settings (knowledge base, gazetteer)."""
    return _stored_setting(store.connection, "resolution") == _resolution_settings(settings)


# -- restored stores -------------------------------------------------------------------------------


def name_group_of(text: str, label: str) -> str | None:
    """The name group (``entity_spans.name_group``) a mention falls in, None for a name with no keys."""
    group = group_of(text, label)
    return None if group is None else _group_name(group)


def index_restored(store: Store, *, settings: Settings = DEFAULT_SETTINGS) -> None:
    """Derive what the corpus-wide stages keep beside their results for a store whose documents,
    mentions, entities, claims (ids, spans, texts) and disputes were written as an export gives them
    (``claimgraph.restore``), so that a later ingest updates it like any other store. Nothing is
    resolved or compared again: the copies come from the texts' signatures as an update finds them; the
    place names and home countries from the mentions; the name blocks from the name groups; each
    claim's statement, places and reading from its document as the claims stage reads them (a claim
    the stage no longer finds there is read alone, with the place names it holds); its blocks from its
    reading. Call it inside the transaction that wrote the rows."""
    con = store.connection
    _temp_ids(con, "new_docs", _ids(con, "SELECT id FROM documents ORDER BY id"))
    _temp_ids(con, "gone_docs", [])
    places = gazetteer(_home(con, settings), settings.min_place_population)
    with _Staged(store) as staged:
        groups, _ = _update_copies(con, CorpusUpdate(), staged)
        con.execute("INSERT INTO corpus_documents SELECT doc, doc FROM new_docs")
        _store_copy_groups(con, groups)
        _store_place_names(con, places)
        _index_restored_claims(con, staged)
    kb = KnowledgeBase.load([Path(settings.kb)] if settings.kb else [])
    _index_mention_groups(con)
    named = _gathered(con, "true", titles=False)
    _store_blocks(con, named, kb=kb, places=places)
    _set_setting(con, "resolution", _resolution_settings(settings))
    _set_setting(con, "kb", settings.kb or "")
    _set_setting(con, "min_place_population", str(settings.min_place_population))
    _set_setting(con, "home", ",".join(sorted(places.home_countries)))


def _index_restored_claims(con: duckdb.DuckDBPyConnection, staged: _Staged) -> None:
    stored = con.execute(
        'SELECT id, doc, start, "end", text, published FROM claims ORDER BY doc, start, id'
    ).fetchall()
    if not stored:
        return
    place_words = _stored_place_words(con)
    con.execute("CREATE OR REPLACE TEMP TABLE claimed_docs AS SELECT DISTINCT doc FROM claims")
    found: dict[str, Claim] = {}
    statements: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for rows in _texts(con, "claimed_docs"):
        ids = [r[0] for r in rows]
        for doc, statement, start, end in con.execute(
            'SELECT doc, id, start, "end" FROM statements WHERE doc IN (SELECT unnest(?))'
            ' ORDER BY doc, start, "end"',
            [ids],
        ).fetchall():
            statements[doc].append((statement, start, end))
        readings: dict[str, dict[int, Reading]] = defaultdict(dict)
        for doc, start, reading in con.execute(
            "SELECT doc, start, reading FROM claim_sentences WHERE doc IN (SELECT unnest(?))", [ids]
        ).fetchall():
            readings[doc][start] = reading_from_json(reading)
        for doc_id, text, published in rows:
            for claim in document_claims(
                doc_id,
                text,
                published=published,
                statements=statements[doc_id],
                place_words=place_words,
                readings=readings.get(doc_id),
            ):
                found[claim_id(claim.side)] = claim
    claims: list[Claim] = []
    for claim, doc, start, end, text, published in stored:
        known = found.get(claim)
        if known is not None and (known.side.end, known.side.text) == (end, text):
            claims.append(known)
            continue
        places = place_words.findall(text)
        statement = next((i for i, s, e in statements[doc] if s < end and start < e), None)
        reading = read_claim(text, places=places, when=published)
        claims.append(Claim(Side(doc, start, end, text, statement), reading, tuple(places)))
    con.execute("DELETE FROM claims")
    con.execute("DELETE FROM claim_blocks")
    assertions_kept = con.execute("SELECT * FROM claim_assertions ORDER BY rowid").fetchall()
    _insert_claims(staged, claims)
    staged.flush()
    # _insert_claims also writes what each reading asserts; the restored assertions are the export's.
    con.execute("DELETE FROM claim_assertions")
    _insert(con, "claim_assertions", list(zip(*assertions_kept, strict=True)))
