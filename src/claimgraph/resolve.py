"""Entity resolution: group entity mentions into corpus-wide entities.

Mentions merge when they have the same type and the same normalised surface form (case, diacritics,
a leading "the" and a possessive "'s" do not count), and a lone surname merges into the one full name
of the same document that ends with it ("Stupak" → "Ivan Stupak"). Transliteration variants
(Prigozhin/Prigozin) are not merged yet.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from claimgraph.models import Entity, EntityMention

STAGE = "resolve-surface"

_POSSESSIVE = re.compile(r"['’]s?$")
_LEADING_THE = re.compile(r"^the\s+")
_SPACES = re.compile(r"\s+")


def surface_key(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower().strip()
    folded = _LEADING_THE.sub("", folded)
    folded = _POSSESSIVE.sub("", folded)
    return _SPACES.sub(" ", folded).strip(" .,;:-")


def resolve_entities(mentions: Iterable[EntityMention]) -> list[Entity]:
    groups: dict[tuple[str, str], list[EntityMention]] = defaultdict(list)
    all_mentions = list(mentions)
    full_names_by_doc = _full_person_names_by_doc(all_mentions)
    for mention in all_mentions:
        key = surface_key(mention.text)
        if not key:
            continue
        if mention.label == "PERSON" and " " not in key:
            candidates = full_names_by_doc.get(mention.span.doc, {}).get(key, set())
            if len(candidates) == 1:
                key = next(iter(candidates))
        groups[(mention.label, key)].append(mention)
    entities = [_entity(label, key, members) for (label, key), members in groups.items()]
    return sorted(entities, key=lambda e: (-len(e.mentions), e.name))


def _full_person_names_by_doc(mentions: list[EntityMention]) -> dict[str, dict[str, set[str]]]:
    """doc → surname → the full-name keys in that document ending with that surname."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for mention in mentions:
        if mention.label != "PERSON":
            continue
        key = surface_key(mention.text)
        if " " in key:
            out[mention.span.doc][key.rsplit(" ", 1)[1]].add(key)
    return out


def _entity(label: str, key: str, members: list[EntityMention]) -> Entity:
    surfaces = Counter(m.text.strip() for m in members)
    # The canonical name is the fullest form: a surname alone should not name a person seen in full.
    name = max(surfaces, key=lambda s: (surface_key(s) == key, surfaces[s], len(s)))
    digest = hashlib.sha1(f"{label}\x00{key}".encode()).hexdigest()[:12]
    return Entity(
        id=f"ent_{digest}",
        name=name,
        type=label,
        aliases=tuple(sorted(surfaces)),
        mentions=tuple(sorted((m.span for m in members), key=lambda s: (s.doc, s.start))),
        stage=STAGE,
    )
