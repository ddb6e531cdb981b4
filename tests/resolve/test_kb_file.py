"""Format checks for the bundled knowledge base, ``src/claimgraph/data/kb.csv``.

The file is read with the csv module alone, so these tests say nothing about how resolution uses it;
they keep hand edits from breaking the format that docs/knowledge-base.md promises.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

KB = Path(__file__).resolve().parents[2] / "src" / "claimgraph" / "data" / "kb.csv"
HEADER = ["id", "name", "type", "aliases", "description", "wikidata"]
TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "MILITARY_UNIT", "EVENT"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID = re.compile(r"^Q[1-9][0-9]*$")
MIN_ROWS = 250


@cache
def _table() -> tuple[list[str], list[list[str]]]:
    with KB.open(encoding="utf-8", newline="") as f:
        header, *rows = list(csv.reader(f))
    return header, rows


def _rows() -> list[dict[str, str]]:
    """The rows as dicts; a line with the wrong number of fields is left to its own test."""
    header, rows = _table()
    return [dict(zip(header, row, strict=True)) for row in rows if len(row) == len(header)]


def _aliases(row: dict[str, str]) -> list[str]:
    return row["aliases"].split("|") if row["aliases"] else []


def test_header_is_exactly_the_documented_columns() -> None:
    header, _ = _table()
    assert header == HEADER


def test_every_row_has_all_columns() -> None:
    _, rows = _table()
    short_or_long = [i for i, row in enumerate(rows, start=2) if len(row) != len(HEADER)]
    assert short_or_long == [], f"lines with the wrong number of fields: {short_or_long}"


def test_enough_rows() -> None:
    assert len(_rows()) >= MIN_ROWS


def test_ids_are_unique_slugs() -> None:
    ids = [row["id"] for row in _rows()]
    assert [i for i in ids if not SLUG.match(i)] == []
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == []


def test_types_are_in_the_allowed_set() -> None:
    assert {row["id"]: row["type"] for row in _rows() if row["type"] not in TYPES} == {}


def test_names_are_non_empty() -> None:
    assert [row["id"] for row in _rows() if not row["name"].strip()] == []


def test_fields_carry_no_stray_whitespace() -> None:
    untidy = [
        (row["id"], column)
        for row in _rows()
        for column, value in row.items()
        if value != value.strip() or any(a != a.strip() or not a for a in _aliases(row))
    ]
    assert untidy == []


def test_wikidata_is_empty_or_a_qid() -> None:
    bad = {
        row["id"]: row["wikidata"] for row in _rows() if row["wikidata"] and not QID.match(row["wikidata"])
    }
    assert bad == {}


def test_no_alias_repeats_its_own_name() -> None:
    repeats = [
        (row["id"], alias)
        for row in _rows()
        for alias in _aliases(row)
        if alias.casefold() == row["name"].casefold()
    ]
    assert repeats == []


def test_no_alias_is_shared_by_two_rows_of_one_type() -> None:
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in _rows():
        for alias in _aliases(row):
            owners[(row["type"], alias.casefold())].add(row["id"])
    shared = {key: sorted(ids) for key, ids in owners.items() if len(ids) > 1}
    assert shared == {}


def test_every_row_can_be_linked() -> None:
    """A row with no alias and no Wikidata id adds nothing unless it is a place (the gazetteer then
    has a canonical name to agree with)."""
    bare = [
        row["id"]
        for row in _rows()
        if not _aliases(row) and not row["wikidata"] and row["type"] not in PLACE_TYPES
    ]
    assert bare == []
