"""Corpus-wide entity resolution: one entity per real-world person, organisation or place.

Mentions are first grouped by type family (person; organisation or unit; place; each other label on
its own) and name keys (``names``), so spellings that differ only by transliteration, case,
diacritics, a title or the Cyrillic alphabet fall together. Groups then merge by these rules, each
recorded as the reason shown by ``claimgraph entity``:

- knowledge base: both carry a name of one knowledge-base row (an alias shared by two rows links
  neither);
- people: full names whose surnames are equal or one edit apart (six letters or more) and whose first
  names agree (equal, one edit apart, or an initial), never two different first names, and never a
  surname with its feminine form; a surname alone joins the full name of the same document ending
  with it, or else the one full name in the corpus ending with it, or, when several, the one whose
  documents share the most other entities with its own; no other evidence, no merge;
- organisations: the same name once "Group", "PMC"/"PMK"/"ChVK" and quotation marks are set aside
  (``PMK "Wagner"``, Wagner Group); the same ministry however phrased ("Russia's Ministry of
  Defense", "Russian Defence Ministry"); an acronym and the one name whose initials it is (ISW); a
  plural of members and its group (Wagnerians);
- places: the same geonames record (Artemivsk is Bakhmut's former name), see ``places``.

Every comparison happens inside a block (a spelling a letter apart, acronym, ministry, core name,
place record), so the work grows with the corpus, not with its square.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from claimgraph.models import Entity, EntityMention, Span
from claimgraph.resolve.kb import KbEntry, KnowledgeBase, type_family
from claimgraph.resolve.names import (
    TITLE_WORDS,
    acronym,
    display_form,
    fold,
    given_name_key,
    name_keys,
    near,
    token_key,
)
from claimgraph.resolve.places import (
    RIVAL_SHARE,
    Gazetteer,
    Place,
    choose,
    corpus_countries,
    country_code,
    gazetteer,
)

STAGE = "resolve-rules"
# Blocks of names whose surname, or whole name, is a letter or two from another's: the rules comparing
# in them merge only names ``names.near`` matches.
SURNAME_BLOCK = "person"
SPELLING_BLOCK = "name"
TITLE_WINDOW = 60  # characters in front of a name searched for a title ("Defense Minister")

_GROUP_PREFIXES = frozenset({"pmc", "pmk", "chvk", "cvk"})
_GROUP_SUFFIXES = frozenset({"group", "pmc"})
_MEMBER_SUFFIXES = ("ians", "ites", "ists")
_MINISTRY_TOPICS = {
    "defense": "defence",
    "defence": "defence",
    "foreign": "foreign",
    "foreign affairs": "foreign",
    "internal affairs": "interior",
    "interior": "interior",
    "emergency situations": "emergencies",
    "emergencies": "emergencies",
}
_DEMONYMS = {
    "russian": "russia",
    "russia": "russia",
    "russian federation": "russia",
    "ukrainian": "ukraine",
    "ukraine": "ukraine",
    "american": "united states",
    "us": "united states",
    "u s": "united states",
    "united states": "united states",
    "british": "united kingdom",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "french": "france",
    "german": "germany",
    "polish": "poland",
    "belarusian": "belarus",
    "chinese": "china",
    "turkish": "turkey",
    "israeli": "israel",
    "iranian": "iran",
    "georgian": "georgia",
    "moldovan": "moldova",
}
_MINISTRY_FORMS = (
    re.compile(r"^(?P<country>[a-z ]+?)(?: s)? ministry of (?P<topic>[a-z ]+?)(?: of (?:the )?[a-z ]+)?$"),
    re.compile(r"^(?P<country>[a-z ]+?)(?: s)? (?P<topic>[a-z ]+?) ministry$"),
    re.compile(r"^ministry of (?P<topic>[a-z ]+?) of (?:the )?(?P<country>[a-z ]+)$"),
)


GroupId = tuple[str, tuple[str, ...]]  # (type family, name keys): the names that fall together


@dataclass
class NameGroup:
    """The mentions of one name group as the rules read them: how often each form was written and
    each label given, the documents, the titles written in front of a person's name, and the spans
    (left empty by a caller that keeps them elsewhere, as the store does: the rules never read them).
    """

    family: str
    keys: tuple[str, ...]
    forms: Counter[str] = field(default_factory=Counter)  # text as written -> mentions
    labels: Counter[str] = field(default_factory=Counter)  # first written first: ties go to it
    docs: set[str] = field(default_factory=set)
    titles: Counter[str] = field(default_factory=Counter)
    spans: list[Span] = field(default_factory=list)
    size: int = 0  # mentions

    @property
    def id(self) -> GroupId:
        return (self.family, self.keys)

    @property
    def person(self) -> bool:
        return self.family == "person"

    # Read many times once the groups are complete; the forms no longer change by then.
    @cached_property
    def display(self) -> str:
        forms: Counter[str] = Counter()
        for text, n in self.forms.items():
            forms[display_form(text, person=self.person)] += n
        return max(forms, key=lambda f: (forms[f], len(f), f))

    def add(self, text: str, label: str, doc: str, *, count: int = 1, span: Span | None = None) -> None:
        self.forms[text] += count
        self.labels[label] += count
        self.docs.add(doc)
        self.size += count
        if span is not None:
            self.spans.append(span)


@dataclass(frozen=True, slots=True)
class MergeReason:
    """Why two names were put in one entity."""

    a: str
    b: str
    rule: str


@dataclass(frozen=True, slots=True)
class Resolution:
    entities: list[Entity]
    reasons: dict[str, list[MergeReason]]  # entity id -> why its names were merged
    # entity id -> its name groups; empty for entities read back from the store
    groups: dict[str, tuple[GroupId, ...]] = field(default_factory=dict)


class _Merger:
    def __init__(self, groups: list[NameGroup]) -> None:
        self.groups = groups
        self.parent = list(range(len(groups)))
        self.reasons: list[tuple[int, int, str]] = []

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int, rule: str) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
            self.reasons.append((a, b, rule))


def resolve_entities(
    mentions: Iterable[EntityMention],
    *,
    texts: Mapping[str, str] | None = None,
    kb: KnowledgeBase | None = None,
    min_place_population: int = 500,
) -> list[Entity]:
    """Corpus-wide entities from entity mentions; ``texts`` (document id -> text) lets titles in front
    of a name describe it ("Defense Minister Sergei Shoigu")."""
    return resolve(mentions, texts=texts, kb=kb, min_place_population=min_place_population).entities


def resolve(
    mentions: Iterable[EntityMention],
    *,
    texts: Mapping[str, str] | None = None,
    kb: KnowledgeBase | None = None,
    min_place_population: int = 500,
    before: Mapping[Span, str] | None = None,
    home: frozenset[str] | None = None,
) -> Resolution:
    """Entities and, for each, why its names were merged. Titles in front of a person's name come
    from ``before`` (up to TITLE_WINDOW characters in front of each mention) or else from ``texts``.
    """
    return resolve_groups(
        name_groups(mentions, texts=texts, before=before),
        kb=kb,
        min_place_population=min_place_population,
        home=home,
    )


def resolve_groups(
    groups: list[NameGroup],
    *,
    kb: KnowledgeBase | None = None,
    min_place_population: int = 500,
    home: frozenset[str] | None = None,
    cooccurring: Callable[[Iterable[str]], set[GroupId]] | None = None,
) -> Resolution:
    """``resolve`` over name groups already gathered, each group once, in the order of its first
    mention. A caller resolving part of a corpus again (``claimgraph.update``) passes what the rules
    read from the rest of it: the corpus's ``home`` countries and ``cooccurring``, the name groups
    mentioned in any of some documents (by default: those of the groups given).
    """
    knowledge = KnowledgeBase.bundled() if kb is None else kb
    merger = _Merger(groups)
    links = _link_knowledge_base(merger, knowledge)
    _merge_people(merger, cooccurring or _cooccurring_in(groups))
    _merge_organisations(merger)
    places = _merge_places(merger, min_place_population, home)
    return _entities(merger, links, places)


def name_groups(
    mentions: Iterable[EntityMention],
    *,
    texts: Mapping[str, str] | None = None,
    before: Mapping[Span, str] | None = None,
) -> list[NameGroup]:
    """The mentions gathered by name group, spans kept, with the title in front of each person's
    name read from ``before`` (the words in front of a mention) or else from ``texts``."""
    by_key: dict[GroupId, NameGroup] = {}
    for mention in mentions:
        found = group_of(mention.text, mention.label)
        if found is None:
            continue
        group = by_key.get(found)
        if group is None:
            group = by_key[found] = NameGroup(*found)
        span = mention.span
        group.add(mention.text, mention.label, span.doc, span=span)
        if not group.person:
            continue
        if before is not None:
            window = before.get(span)
        else:
            text = (texts or {}).get(span.doc)
            window = None if text is None else text[max(0, span.start - TITLE_WINDOW) : span.start]
        title = None if window is None else title_in_front(window, mention.text)
        if title:
            group.titles[title] += 1
    return list(by_key.values())


@lru_cache(maxsize=1 << 16)
def group_of(text: str, label: str) -> GroupId | None:
    """The name group a mention falls in, None for a name with no keys."""
    family = type_family(label)
    keys = name_keys(text, person=family == "person")
    return (family, keys) if keys else None


def blocks(
    group: GroupId, texts: Iterable[str], *, label: str, kb: KnowledgeBase, places: Gazetteer | None
) -> set[str]:
    """Every block a name group is compared in by any rule below, for names written as ``texts``:
    two groups that share no block are never merged, so a new name needs comparing only with the
    groups sharing one of its blocks."""
    family, keys = group
    texts = list(texts)
    found = {"kb:" + entry.id for text in texts if (entry := kb.lookup(text, label)) is not None}
    if family == "person":
        return found | {SURNAME_BLOCK + b for b in _spelling_blocks(keys[-1])}
    joined = " ".join(keys)
    found |= {SPELLING_BLOCK + b for b in _spelling_blocks(joined)}
    core = _core_name(keys)
    if core:
        found.add("core:" + " ".join(core))
    for text in texts:
        display = display_form(text)
        initials = acronym(display)
        if initials:
            found.add("acronym:" + initials.lower())
        letters = display.replace(".", "")
        if _is_acronym(letters):
            found.add("acronym:" + letters.lower())
        ministry = _ministry(display)
        if ministry:
            found.add("ministry:" + ":".join(ministry))
        stem = _members_stem(display)
        if stem:
            found.add("core:" + stem)
        if family == "place" and places is not None:
            current, other = places.candidates(display)
            found |= {f"geonames:{p.geonameid}" for p in (*current, *other)}
    return found


def _link_knowledge_base(merger: _Merger, kb: KnowledgeBase) -> dict[int, KbEntry]:
    links: dict[int, KbEntry] = {}
    first_by_entry: dict[str, int] = {}
    for i, group in enumerate(merger.groups):
        label = group.labels.most_common(1)[0][0]
        entry = kb.lookup(group.display, label)
        if entry is None:
            continue
        links[i] = entry
        if entry.id in first_by_entry:
            merger.union(first_by_entry[entry.id], i, f"both are names of {entry.name} in the knowledge base")
        else:
            first_by_entry[entry.id] = i
    return links


# -- people -------------------------------------------------------------------------------------------


def _merge_people(merger: _Merger, cooccurring: Callable[[Iterable[str]], set[GroupId]]) -> None:
    people = [i for i, g in enumerate(merger.groups) if g.family == "person"]
    full = [i for i in people if len(merger.groups[i].keys) >= 2]
    single = [i for i in people if len(merger.groups[i].keys) == 1]
    blocks: dict[str, list[int]] = defaultdict(list)
    for i in full:
        for block in _spelling_blocks(merger.groups[i].keys[-1]):
            blocks[block].append(i)
    for members in blocks.values():
        for n, a in enumerate(members):
            for b in members[n + 1 :]:
                rule = _same_person(merger.groups[a].keys, merger.groups[b].keys)
                if rule:
                    merger.union(a, b, rule)
    singles_by_block: dict[str, list[int]] = defaultdict(list)
    for i in single:
        for block in _spelling_blocks(merger.groups[i].keys[0]):
            singles_by_block[block].append(i)
    for members in singles_by_block.values():
        for n, a in enumerate(members):
            for b in members[n + 1 :]:
                if near(merger.groups[a].keys[0], merger.groups[b].keys[0]):
                    merger.union(a, b, "the same name, a letter or two apart")
    theirs: dict[int, set[GroupId]] = {}  # a candidate's company, read once however many surnames ask
    for i in single:
        _attach_surname(merger, i, blocks, cooccurring, theirs)


def _spelling_blocks(key: str) -> set[str]:
    """Blocks that hold every key ``names.near`` could match with this one: the key itself and, for
    keys of six letters or more, the key with one letter dropped. Two keys one edit apart (a letter
    changed, added, dropped, or two swapped) share one of these, and few other keys do."""
    if len(key) < 6:
        return {key}
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> str | None:
    if not near(a[-1], b[-1]):
        return None
    first_a, first_b = a[0], b[0]
    if first_a == first_b or near(first_a, first_b):
        same_spelling = a[-1] == b[-1] and first_a == first_b
        return "the same full name" if same_spelling else "the same full name, a letter or two apart"
    if given_name_key(first_a) == given_name_key(first_b):
        return "the same surname, the given name in another language (as Oleksiy/Alexei)"
    if (len(first_a) == 1 or len(first_b) == 1) and first_a[0] == first_b[0]:
        return "the same surname with a matching initial"
    return None


def _cooccurring_in(groups: list[NameGroup]) -> Callable[[Iterable[str]], set[GroupId]]:
    by_doc: dict[str, set[GroupId]] = defaultdict(set)
    for group in groups:
        for doc in group.docs:
            by_doc[doc].add(group.id)

    def cooccurring(docs: Iterable[str]) -> set[GroupId]:
        return set().union(*(by_doc.get(d, set()) for d in docs))

    return cooccurring


def _attach_surname(
    merger: _Merger,
    single: int,
    blocks: Mapping[str, list[int]],
    cooccurring: Callable[[Iterable[str]], set[GroupId]],
    theirs: dict[int, set[GroupId]],
) -> None:
    group = merger.groups[single]
    surname = group.keys[0]
    candidates = {
        i
        for block in _spelling_blocks(surname)
        for i in blocks.get(block, [])
        if near(merger.groups[i].keys[-1], surname)
    }
    if not candidates:
        return
    docs = group.docs
    in_doc = {merger.root(i) for i in candidates if merger.groups[i].docs & docs}
    if len(in_doc) == 1:
        target = next(i for i in candidates if merger.root(i) in in_doc)
        merger.union(single, target, f"surname of {merger.groups[target].display} in the same document")
        return
    if in_doc:
        return  # two people of that surname in its own documents: it could be either
    roots = {merger.root(i) for i in candidates}
    if len(roots) == 1:
        target = next(iter(candidates))
        merger.union(
            single, target, f"surname of {merger.groups[target].display}, the only one in the corpus"
        )
        return
    own = cooccurring(docs) - {group.id}
    scores: Counter[int] = Counter()
    for i in candidates:
        if i not in theirs:
            theirs[i] = cooccurring(merger.groups[i].docs)
        scores[merger.root(i)] += len(own & theirs[i])
    ranked = scores.most_common(2)
    if ranked and ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        target = next(i for i in candidates if merger.root(i) == ranked[0][0])
        merger.union(
            single, target, f"surname of {merger.groups[target].display}, who appears with the same entities"
        )


# -- organisations ------------------------------------------------------------------------------------


def _merge_organisations(merger: _Merger) -> None:
    by_core: dict[tuple[str, ...], list[int]] = defaultdict(list)
    by_ministry: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_acronym: dict[str, list[int]] = defaultdict(list)
    for i, group in enumerate(merger.groups):
        if group.person:
            continue
        initials = acronym(group.display)
        if initials:
            by_acronym[initials.lower()].append(i)
        if group.family != "group":
            continue
        core = _core_name(group.keys)
        if core:
            by_core[core].append(i)
        ministry = _ministry(group.display)
        if ministry:
            by_ministry[ministry].append(i)
    for core, members in by_core.items():
        for other in members[1:]:
            merger.union(
                members[0], other, f'the same name once "Group", "PMC" and quotes are set aside ({core[0]})'
            )
    for members in by_ministry.values():
        for other in members[1:]:
            merger.union(members[0], other, "the same ministry, phrased another way")
    _merge_near_spellings(merger, [i for i, g in enumerate(merger.groups) if g.family == "group"], {})
    for i, group in enumerate(merger.groups):
        letters = group.display.replace(".", "")
        if not group.person and _is_acronym(letters):
            expansions = {
                merger.root(j)
                for j in by_acronym.get(letters.lower(), [])
                if j != i and merger.groups[j].family == group.family
            }
            if len(expansions) == 1:
                target = next(j for j in by_acronym[letters.lower()] if merger.root(j) in expansions)
                merger.union(i, target, f"acronym of {merger.groups[target].display}")
        if group.family in ("norp", "group") and len(group.keys) == 1:
            stem = _members_stem(group.display)
            if stem is None:
                continue
            targets = {merger.root(j) for j in by_core.get((stem,), [])}
            if len(targets) == 1:
                target = next(j for j in by_core[(stem,)] if merger.root(j) in targets)
                merger.union(i, target, f"members of {merger.groups[target].display}")


def _core_name(keys: tuple[str, ...]) -> tuple[str, ...]:
    words = list(keys)
    while words and words[0] in _GROUP_PREFIXES:
        words.pop(0)
    while len(words) > 1 and words[-1] in _GROUP_SUFFIXES:
        words.pop()
    designator = [token_key(w) for w in ("private", "military", "company")]
    if words[:3] == designator:
        words = words[3:]
    elif len(words) > 3 and words[-3:] == designator:
        words = words[:-3]
    return tuple(words)


def _ministry(display: str) -> tuple[str, str] | None:
    text = re.sub(r"[^a-z ]", " ", fold(display))
    text = " ".join(text.split())
    for form in _MINISTRY_FORMS:
        match = form.match(text)
        if match:
            country = _DEMONYMS.get(match.group("country"))
            topic = _MINISTRY_TOPICS.get(match.group("topic"))
            if country and topic:
                return country, topic
    return None


def _is_acronym(letters: str) -> bool:
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _members_stem(display: str) -> str | None:
    word = fold(display)
    for suffix in _MEMBER_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return token_key(word[: -len(suffix)])
    return None


def home_countries(place_groups: Iterable[tuple[str, int]], min_population: int) -> frozenset[str]:
    """The countries a corpus is about, from its place name groups (a name as written, and how many
    mentions the group has): the countries it names most, else those of its larger cities."""
    groups = list(place_groups)
    named = corpus_countries(name for name, count in groups for _ in range(count))
    if named:
        return named
    return _countries_of_cities([name for name, _ in groups if country_code(name) is None], min_population)


def places_needing_context(
    groups: Iterable[NameGroup], home: frozenset[str], places: Gazetteer
) -> set[GroupId]:
    """The place name groups that only the other places of their documents can settle."""
    return {
        g.id
        for g in groups
        if g.family == "place"
        and country_code(g.display) is None
        and choose(places.candidates(g.display), home) is None
    }


def _countries_of_cities(names: list[str], min_population: int) -> frozenset[str]:
    """A corpus that names no country is about the countries of its cities: the world's larger cities
    among its place names say which."""
    world = gazetteer(frozenset(), min_population)
    counts = Counter(p.country for name in names if (p := choose(world.candidates(name), frozenset())))
    return frozenset(code for code, _ in counts.most_common(1))


def _merge_near_spellings(merger: _Merger, members: list[int], gazetteer_names: Mapping[int, bool]) -> None:
    """Names a letter or two apart ("Kherosn", "Gazporm"): machine translation and typing damage.
    For places, one of the two must be unknown to the gazetteer: Pokrovsk and Pokrovske are two towns.
    """
    blocks: dict[str, list[int]] = defaultdict(list)
    for i in members:
        for block_key in _spelling_blocks(" ".join(merger.groups[i].keys)):
            blocks[block_key].append(i)
    for block in blocks.values():
        for n, a in enumerate(block):
            for b in block[n + 1 :]:
                key_a, key_b = (" ".join(merger.groups[x].keys) for x in (a, b))
                if key_a == key_b or not near(key_a, key_b):
                    continue
                if gazetteer_names.get(a) and gazetteer_names.get(b):
                    continue
                merger.union(a, b, "the same name, a letter or two apart")


# -- places -------------------------------------------------------------------------------------------


def _merge_places(merger: _Merger, min_population: int, home: frozenset[str] | None) -> dict[int, Place]:
    place_groups = [i for i, g in enumerate(merger.groups) if g.family == "place"]
    if home is None:
        home = home_countries(
            ((merger.groups[i].display, merger.groups[i].size) for i in place_groups), min_population
        )
    named_countries: dict[str, set[str]] = defaultdict(set)  # document -> the countries it names
    for i in place_groups:
        if (code := country_code(merger.groups[i].display)) is not None:
            for doc in merger.groups[i].docs:
                named_countries[doc].add(code)
    place_groups = [i for i in place_groups if country_code(merger.groups[i].display) is None]
    if not place_groups:
        return {}
    places_gazetteer = gazetteer(home, min_population)
    candidates = {i: places_gazetteer.candidates(merger.groups[i].display) for i in place_groups}
    first_pass = {i: p for i in place_groups if (p := choose(candidates[i], home)) is not None}
    by_doc: dict[str, list[Place]] = defaultdict(list)
    for i, place in first_pass.items():
        for doc in merger.groups[i].docs:
            by_doc[doc].append(place)
    located: dict[int, Place] = dict(first_pass)
    for i in place_groups:
        docs = merger.groups[i].docs
        if i not in located:
            chosen = choose(candidates[i], home, [p for doc in docs for p in by_doc[doc]])
            if chosen is not None:
                located[i] = chosen
        elif (
            namesake := _in_the_documents_countries(located[i], candidates[i][0], docs, named_countries)
        ) is not None:
            located[i] = namesake
    _merge_near_spellings(merger, place_groups, {i: bool(c[0] or c[1]) for i, c in candidates.items()})
    by_record: dict[int, int] = {}
    for i, place in located.items():
        if place.geonameid in by_record:
            merger.union(
                by_record[place.geonameid], i, f"the same place in geonames ({place.name}, {place.country})"
            )
        else:
            by_record[place.geonameid] = i
    return located


def _in_the_documents_countries(
    chosen: Place, candidates: Sequence[Place], docs: Iterable[str], named_countries: Mapping[str, set[str]]
) -> Place | None:
    """The namesake in a country the documents name, when they never name the chosen place's own:
    "Belfast" in a story about Northern Ireland and the United Kingdom is not Belfast, Maine, however
    much of the corpus is about the United States. It must be a town of some size beside the chosen
    one (a third of its population), so that a hamlet abroad never takes a city's name."""
    countries = set().union(*(named_countries.get(doc, set()) for doc in docs))
    if not countries or chosen.country in countries:
        return None
    there = [
        p for p in candidates if p.country in countries and p.population >= chosen.population * RIVAL_SHARE
    ]
    return max(there, key=lambda p: p.population, default=None)


# -- entities ----------------------------------------------------------------------------------------


def _entities(merger: _Merger, links: Mapping[int, KbEntry], places: Mapping[int, Place]) -> Resolution:
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(merger.groups)):
        clusters[merger.root(i)].append(i)
    reasons_by_root: dict[int, list[MergeReason]] = defaultdict(list)
    for a, b, rule in merger.reasons:
        reasons_by_root[merger.root(a)].append(
            MergeReason(merger.groups[a].display, merger.groups[b].display, rule)
        )
    entities: list[Entity] = []
    reasons: dict[str, list[MergeReason]] = {}
    members_of: dict[str, tuple[GroupId, ...]] = {}
    sizes: dict[str, int] = {}
    for root, members in clusters.items():
        groups = [merger.groups[i] for i in members]
        entry = next((links[i] for i in members if i in links), None)
        biggest = max(members, key=lambda i: (merger.groups[i].size, len(merger.groups[i].keys)))
        place = (
            places[biggest] if biggest in places else next((places[i] for i in members if i in places), None)
        )
        name = entry.name if entry else _canonical_name(groups)
        label = entry.type if entry else _label(groups)
        surfaces = sorted(
            {name, *(f.strip() for g in groups for f in g.forms), *(entry.names if entry else ())}
        )
        identity = (
            f"kb:{entry.id}"
            if entry
            else f"{merger.groups[root].family}:{' '.join(merger.groups[root].keys)}"
        )
        entity_id = "ent_" + hashlib.sha1(identity.encode()).hexdigest()[:12]
        own_reasons = list(reasons_by_root.get(root, []))
        for g in groups:
            forms = sorted({f.strip() for f in g.forms})
            if len({fold(f) for f in forms}) > 1:
                own_reasons.append(
                    MergeReason(forms[0], ", ".join(forms[1:]), "the same name in another spelling")
                )
        entities.append(
            Entity(
                id=entity_id,
                name=name,
                type=label,
                aliases=tuple(surfaces),
                mentions=tuple(sorted((s for g in groups for s in g.spans), key=lambda s: (s.doc, s.start))),
                stage=STAGE,
                description=entry.description if entry else _title_description(groups),
                kb_id=entry.wikidata if entry else None,
                lat=place.lat if place else None,
                lon=place.lon if place else None,
            )
        )
        reasons[entity_id] = own_reasons
        members_of[entity_id] = tuple(g.id for g in groups)
        sizes[entity_id] = sum(g.size for g in groups)
    entities.sort(key=lambda e: (-sizes[e.id], e.name))
    return Resolution(entities, reasons, members_of)


def _canonical_name(groups: list[NameGroup]) -> str:
    forms: Counter[str] = Counter()
    for group in groups:
        for text, n in group.forms.items():
            forms[display_form(text, person=group.person)] += n
    # The fullest name seen most often: a surname alone should not name a person seen in full.
    return max(forms, key=lambda f: (len(f.split()) > 1, forms[f], len(f), f))


def _label(groups: list[NameGroup]) -> str:
    labels: Counter[str] = Counter()
    for group in groups:
        labels.update(group.labels)
    # Members of a group ("Wagnerians", NORP) merged with the group itself: it is the group.
    if "NORP" in labels and len(labels) > 1:
        del labels["NORP"]
    return labels.most_common(1)[0][0]


def _title_description(groups: list[NameGroup]) -> str | None:
    """The title most often written in front of a person's name: "Defense Minister" in "... Defense
    Minister Sergei Shoigu"."""
    titles: Counter[str] = Counter()
    for group in groups:
        if group.person:
            titles.update(group.titles)
    return titles.most_common(1)[0][0] if titles else None


def title_in_front(window: str, text: str) -> str | None:
    """The title in the words ``window`` written in front of a person's name ``text``, if any."""
    # The title may sit inside the mention ("Maj Gen Igor Lazutin") or just before it.
    inside = text[: max(0, text.find(display_form(text, person=True)))]
    words = (window + " " + inside).split()
    title: list[str] = []
    for word in reversed(words):
        if word.lower().strip(",") in TITLE_WORDS and word[:1].isupper() and not word.endswith(","):
            title.insert(0, word)
        else:
            break
    return " ".join(title) if title else None
