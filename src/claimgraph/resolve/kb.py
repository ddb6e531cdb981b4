"""The knowledge base: curated rows of people, organisations, units and places, with their aliases.

``data/kb.csv`` ships with the package (columns ``id,name,type,aliases,description,wikidata``,
aliases separated by ``|``; see docs/knowledge-base.md); a user's own files in the same format are
read after it, and a row whose id is already known replaces the earlier row. Lookups compare name
keys (``names.name_keys``), so an alias matches in any transliteration the keys fold together.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

from claimgraph.errors import UsageError
from claimgraph.resolve.names import fold, is_acronym, name_keys

BUNDLED: Final = Path(__file__).resolve().parent.parent / "data" / "kb.csv"
COLUMNS: Final = ("id", "name", "type", "aliases", "description", "wikidata")
# Types that name the same kind of thing for linking: a town tagged LOC is still the town.
TYPE_FAMILIES: Final = {
    "PERSON": "person",
    "ORG": "group",
    "MILITARY_UNIT": "group",
    "NORP": "norp",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}


def type_family(label: str) -> str:
    return TYPE_FAMILIES.get(label, label.lower())


@dataclass(frozen=True, slots=True)
class KbEntry:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    description: str | None
    wikidata: str | None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class KnowledgeBase:
    """Rows by id and an index from (type family, name key) to the rows carrying that name."""

    def __init__(self, entries: Iterable[KbEntry] = ()) -> None:
        self.entries: dict[str, KbEntry] = {}
        for entry in entries:
            self.entries[entry.id] = entry
        self._index: dict[tuple[str, tuple[str, ...]], set[str]] = {}
        # Acronyms by their letters alone, no romanisation folded: "ЄС" (the EU) is no "Eyes", whose
        # name key it shares, while "Nato" is NATO.
        self._acronyms: dict[tuple[str, str], set[str]] = {}
        for entry in self.entries.values():
            person = type_family(entry.type) == "person"
            for name in entry.names:
                if is_acronym(name.replace(".", "")):
                    self._acronyms.setdefault((type_family(entry.type), _letters(name)), set()).add(entry.id)
                elif keys := name_keys(name, person=person):
                    self._index.setdefault((type_family(entry.type), keys), set()).add(entry.id)

    @classmethod
    def empty(cls) -> KnowledgeBase:
        return cls()

    @classmethod
    def bundled(cls) -> KnowledgeBase:
        return _bundled()

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> KnowledgeBase:
        """The bundled rows, then each user file's rows (a known id is replaced)."""
        if not extra:
            return _bundled()
        entries = list(_bundled().entries.values())
        for path in extra:
            entries.extend(read_rows(path))
        return cls(entries)

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, text: str, label: str) -> KbEntry | None:
        """The one row whose name or alias has the same keys as ``text`` and a compatible type;
        None when no row or more than one row (an ambiguous alias links nothing)."""
        family = type_family(label)
        keys = name_keys(text, person=family == "person")
        letters = _letters(text)
        # "Nato" is NATO; a short word ("Yes", "Un") is no acronym unless written in capitals
        spelled_out = len(letters) > _SHORT_ACRONYM or text.replace(".", "").isupper()
        acronyms = self._acronyms.get((family, letters), set()) if spelled_out else set()
        found = self._index.get((family, keys), set()) | acronyms
        if len(found) == 1:
            return self.entries[next(iter(found))]
        if found or family != "group":
            return None
        return self._lookup_by_owner(text)

    def _lookup_by_owner(self, text: str) -> KbEntry | None:
        """ "General Staff of the ZSU": a body named after its owner's short name is the body the
        knowledge base names after the owner's full name ("General Staff of the Armed Forces of
        Ukraine")."""
        body, of, owner = text.rpartition(" of ")
        if not of or not body:
            return None
        known = self.lookup(owner.removeprefix("the "), "ORG")
        if known is None:
            return None
        for full in (f"{body} of the {known.name}", f"{body} of {known.name}"):
            found = self._index.get(("group", name_keys(full)), set())
            if len(found) == 1:
                return self.entries[next(iter(found))]
        return None


def _letters(name: str) -> str:
    return "".join(ch for ch in fold(name) if ch.isalpha())


_SHORT_ACRONYM = 3


@lru_cache(maxsize=1)
def _bundled() -> KnowledgeBase:
    return KnowledgeBase(read_rows(BUNDLED))


def read_rows(path: Path) -> list[KbEntry]:
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in ("id", "name", "type") if c not in (reader.fieldnames or ())]
            if missing:
                raise UsageError(f"{path}: knowledge base file lacks the column(s) {', '.join(missing)}")
            return [_entry(path, line, row) for line, row in enumerate(reader, start=2)]
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the knowledge base file ({exc.strerror})") from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise UsageError(f"{path}: not a UTF-8 CSV knowledge base file ({exc})") from exc


def _entry(path: Path, line: int, row: dict[str, str | None]) -> KbEntry:
    def field(name: str) -> str:
        return (row.get(name) or "").strip()

    if not field("id") or not field("name") or not field("type"):
        raise UsageError(f"{path}, line {line}: a knowledge base row needs an id, a name and a type")
    aliases = tuple(a.strip() for a in field("aliases").split("|") if a.strip())
    return KbEntry(
        id=field("id"),
        name=field("name"),
        type=field("type").upper(),
        aliases=aliases,
        description=field("description") or None,
        wikidata=field("wikidata") or None,
    )
