"""Corpus-wide entity resolution: one entity per real-world person, organisation or place.

Mentions are first grouped by type family (person; organisation or unit; place; each other label on
its own) and name keys (``names``), so spellings that differ only by transliteration, case,
diacritics, a title or the Cyrillic alphabet fall together. Groups then merge by these rules, each
recorded as the reason shown by ``claimgraph entity``:

- knowledge base: both carry a name of one knowledge-base row (an alias shared by two rows links
  neither);
- people: full names whose surnames are equal or one edit apart (six letters or more) and whose first
  names agree (equal, one edit apart, or an initial), never two different first names, and never a
  surname with its feminine form (Zelenska is not Zelenskyy); a surname alone joins the full name of
  the same document ending with it, or else the one full name in the corpus ending with it, or, when
  several, the one whose documents share the most other entities with its own (a letter apart only
  when the name alone is no given name: "Michael" is no misspelt Michel; and never a patronymic:
  "Petrovych" is the middle name of every child of a Petro); no other evidence, no merge; a text that
  cannot be a person's name (``names.person_like``: "Jose Luevano 1", "CA @ Shoreline Amphitheatre",
  "He") takes part in none of these;
- organisations: the same name once "Group", "PMC"/"PMK"/"ChVK" and quotation marks are set aside
  (``PMK "Wagner"``, Wagner Group); the same ministry however phrased ("Russia's Ministry of
  Defense", "Russian Defence Ministry"); an acronym and the one name its own documents define it as in
  parentheses ("the Malian Armed Forces (FAMa)"), else the one name whose initials it is (ISW); a
  plural of members and its group (Wagnerians);
- countries: the same country however named (``places.country_code``), a long form included:
  "Republic of Kazakhstan", "the French Republic";
- places: the same geonames record (Artemivsk is Bakhmut's former name), each name read in its
  documents: the countries, first-level regions and other places they name decide among namesakes and
  whether a small one stands at all (``places``); a name most of its documents also write as a
  person, an organisation or an event, or as a person's surname, is no place unless it is a capital
  or a city of a million called so today. What a document names is read from the name groups it
  mentions (``cooccurring``), so that resolving part of a corpus places names as resolving all does.

Context: a merge that rests on less than the same full name (a surname alone, a spelling a letter
apart, a first name in another language, an initial, an acronym) between names no document holds
both of needs documents that do not disagree: when both names' documents name other entities, they
must share some (``CONTEXT_SHARED``). Europa (Jupiter's moon, beside NASA and Mauna Kea) is not
Europe, nor a high-school player Williams the television anchor Brian Williams; a name with nothing
around it (a headline, a one-line record) is not held against.

Every comparison happens inside a block (a spelling a letter apart, acronym, ministry, core name,
place record), so the work grows with the corpus, not with its square.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache

from claimgraph.lang import word_expansions, word_groups
from claimgraph.models import Entity, EntityMention, Span
from claimgraph.resolve.kb import KbEntry, KnowledgeBase, type_family
from claimgraph.resolve.names import (
    ACRONYM_SHAPE,
    TITLE_WORDS,
    acronym,
    defined_acronym,
    display_form,
    fold,
    given_name,
    given_name_key,
    is_acronym,
    name_keys,
    near,
    patronymic,
    patronymic_stem,
    person_like,
    token_key,
)
from claimgraph.resolve.places import (
    STANDS_ALONE,
    Evidence,
    Gazetteer,
    Place,
    choose,
    contenders,
    corpus_countries,
    country_code,
    country_of,
    country_of_nationality,
    gazetteer,
    is_abbreviation,
    known,
    locate,
    region_named,
    supported,
    us_state,
)

STAGE = "resolve-rules"
# Blocks of names whose surname, or whole name, is a letter or two from another's: the rules comparing
# in them merge only names ``names.near`` matches.
SURNAME_BLOCK = "person"
SAME_FULL_NAME = "the same full name"
SPELLING_BLOCK = "name"
TITLE_WINDOW = 60  # characters in front of a name searched for a title ("Defense Minister")
# Entities two names' documents must have in common (or as many as the fewer-named side has) for a
# merge that rests on less than the same full name: one shared name (a planet, a country) is chance.
CONTEXT_SHARED = 2
_SETTING = frozenset({"place", "norp"})  # type families that are a corpus's setting (see context_disagrees)

_GROUP_PREFIXES = frozenset({"pmc", "pmk", "chvk", "cvk"})
_GROUP_SUFFIXES = frozenset({"group", "pmc"})
_MEMBER_SUFFIXES = ("ians", "ites", "ists")
_MINISTRY_TOPICS = {
    "defense": "defence",
    "defence": "defence",
    "national defense": "defence",  # Poland's, Cambodia's, Greece's "Ministry of National Defence"
    "national defence": "defence",
    "foreign": "foreign",
    "foreign affairs": "foreign",
    "internal affairs": "interior",
    "interior": "interior",
    "emergency situations": "emergencies",
    "emergencies": "emergencies",
    "energy": "energy",
    "health": "health",
    "justice": "justice",
    "finance": "finance",
    "economy": "economy",
    "culture": "culture",
    "education": "education",
    "education and science": "education",
    "digital transformation": "digital",
    "veterans": "veterans",
    "veterans affairs": "veterans",
    "social policy": "social",
    "infrastructure": "infrastructure",
    "agrarian policy": "agriculture",
    "agriculture": "agriculture",
}
_DEMONYMS = {
    "russian": "russia",
    "russia": "russia",
    "russian federation": "russia",
    "rf": "russia",  # "the Ministry of Defense of the RF" of translated Russian
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
    # A capital stands for its state's government: "Moscow's foreign ministry", "Kyiv's defence ministry".
    "moscow": "russia",
    "kyiv": "ukraine",
    "kiev": "ukraine",
    "washington": "united states",
    "london": "united kingdom",
    "paris": "france",
    "berlin": "germany",
    "warsaw": "poland",
    "minsk": "belarus",
    "beijing": "china",
    "ankara": "turkey",
    "tehran": "iran",
    "tbilisi": "georgia",
    "chisinau": "moldova",
}
# An armed service is a country's as a ministry is: "Ukraine's Air Force", "the Air Force of Ukraine",
# and "the Air Force" of a story that names one.
_SERVICE_NAMES = ("air force", "navy", "national guard")
_SERVICES = rf"(?P<service>{'|'.join(_SERVICE_NAMES)})"
_MINISTRY_FORMS = (
    re.compile(
        r"^(?P<country>[a-z ]+?)(?: s)? ministry of (?:the )?(?P<topic>[a-z ]+?)(?: of (?:the )?[a-z ]+)?$"
    ),
    re.compile(r"^(?P<country>[a-z ]+?)(?: s)? (?P<topic>[a-z ]+?) ministry$"),
    re.compile(r"^ministry of (?:the )?(?P<topic>[a-z ]+?) of (?:the )?(?P<country>[a-z ]+)$"),
    re.compile(rf"^(?:the )?(?P<country>[a-z ]+?)(?: s)? {_SERVICES}$"),
    re.compile(rf"^(?:the )?{_SERVICES} of (?:the )?(?P<country>[a-z ]+)$"),
)
# A ministry named without its country: "the Energy Ministry", "Ministry of Energy".
_BARE_MINISTRY_FORMS = (
    re.compile(r"^(?:the )?(?P<topic>[a-z ]+?) ministry$"),
    re.compile(r"^(?:the )?ministry of (?:the )?(?P<topic>[a-z ]+)$"),
    re.compile(rf"^(?:the )?{_SERVICES}$"),
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
    # Acronyms written in parentheses right after the name: "the Malian Armed Forces (FAMa)".
    defines: Counter[str] = field(default_factory=Counter)

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
    def __init__(
        self, groups: list[NameGroup], cooccurring: Callable[[Iterable[str]], set[GroupId]] | None = None
    ) -> None:
        self.groups = groups
        self.parent = list(range(len(groups)))
        self._size = [1] * len(groups)
        self.reasons: list[tuple[int, int, str]] = []
        self.cooccurring = cooccurring or _cooccurring_in(groups)
        self._index = {g.id: i for i, g in enumerate(groups)}
        self._company: dict[int, set[GroupId]] = {}

    def company(self, i: int) -> set[GroupId]:
        """The name groups mentioned in the documents of group ``i`` (itself included)."""
        if i not in self._company:
            self._company[i] = self.cooccurring(self.groups[i].docs)
        return self._company[i]

    def context_disagrees(
        self, a: int, b: int, *, setting: bool = True, shared: int = CONTEXT_SHARED
    ) -> bool:
        """Whether the documents of two name groups, none holding both, name other entities and share
        fewer than ``shared`` of them (or than the fewer-named side names). Without
        ``setting``, people and organisations are the company compared when both sides name some:
        places and nationalities ("Russia", "Ukrainian") are the setting of a whole corpus, too weak
        a tie for a bare acronym. The entities are compared as merged so far (a group the caller did
        not pass is its own entity)."""
        if self.groups[a].docs & self.groups[b].docs:
            return False
        own = {self.root(a), self.root(b)}

        def entities(i: int) -> tuple[set[int | GroupId], set[int | GroupId]]:
            every: set[int | GroupId] = set()
            named: set[int | GroupId] = set()
            for group in self.company(i):
                j = self._index.get(group)
                key: int | GroupId = group if j is None else self.root(j)
                if key not in own:
                    every.add(key)
                    if group[0] not in _SETTING:
                        named.add(key)
            return every, named

        (every_a, named_a), (every_b, named_b) = entities(a), entities(b)
        named = not setting and named_a and named_b
        mine, theirs = (named_a, named_b) if named else (every_a, every_b)
        return len(mine & theirs) < min(shared, len(mine), len(theirs))

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int, rule: str) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
            self._size[min(ra, rb)] += self._size[max(ra, rb)]
            self.reasons.append((a, b, rule))

    def group_index(self, group: GroupId) -> int | None:
        """The index of a name group, if it is among those being resolved."""
        return self._index.get(group)

    def joined(self, i: int) -> bool:
        """Whether group ``i`` is merged with another already."""
        return self._size[self.root(i)] > 1


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
    merger = _Merger(groups, cooccurring)
    links = _link_knowledge_base(merger, knowledge)
    _merge_people(merger, merger.cooccurring)
    _merge_organisations(merger)
    _merge_countries(merger)
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
            text = (texts or {}).get(span.doc)
            if text is not None and (letters := defined_acronym(text[span.end : span.end + 12])):
                group.defines[letters] += 1
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
    group: GroupId,
    texts: Iterable[str],
    *,
    label: str,
    kb: KnowledgeBase,
    places: Gazetteer | None,
    defines: Iterable[str] = (),
) -> set[str]:
    """Every block a name group is compared in by any rule below, for names written as ``texts``
    (and defining the acronyms ``defines``): two groups that share no block are never merged, so a
    new name needs comparing only with the groups sharing one of its blocks."""
    family, keys = group
    texts = list(texts)
    found = {"kb:" + entry.id for text in texts if (entry := kb.lookup(text, label)) is not None}
    found |= {"acronym:" + letters.lower() for letters in defines}
    if family == "person":
        return found | {SURNAME_BLOCK + b for b in _spelling_blocks(_without_generation(keys)[-1])}
    joined = " ".join(keys)
    found |= {SPELLING_BLOCK + b for b in _spelling_blocks(joined)}
    if family == "place":
        found |= {"country:" + code for text in texts if (code := _country(display_form(text)))}
    core = _core_name(keys)
    if core:
        found.add("core:" + " ".join(core))
    for text in texts:
        display = display_form(text)
        initials = acronym(display)
        if initials:
            found.add("acronym:" + initials.lower())
        letters = display.replace(".", "")
        if is_acronym(letters) or ACRONYM_SHAPE.fullmatch(letters):
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
    people = [
        i
        for i, g in enumerate(merger.groups)
        if g.family == "person" and any(person_like(text) for text in g.forms)
    ]
    full = [i for i in people if len(merger.groups[i].keys) >= 2]
    single = [i for i in people if len(merger.groups[i].keys) == 1]
    blocks: dict[str, list[int]] = defaultdict(list)
    for i in full:
        for block in _spelling_blocks(_without_generation(merger.groups[i].keys)[-1]):
            blocks[block].append(i)
    for members in blocks.values():
        for n, a in enumerate(members):
            for b in members[n + 1 :]:
                rule = _same_person(merger.groups[a].keys, merger.groups[b].keys)
                # A first and a last name that agree are two ties: one entity in common is enough.
                if rule and (rule == SAME_FULL_NAME or not merger.context_disagrees(a, b, shared=1)):
                    merger.union(a, b, rule)
    singles_by_block: dict[str, list[int]] = defaultdict(list)
    for i in single:
        for block in _spelling_blocks(merger.groups[i].keys[0]):
            singles_by_block[block].append(i)
    for members in singles_by_block.values():
        for n, a in enumerate(members):
            for b in members[n + 1 :]:
                ga, gb = merger.groups[a], merger.groups[b]
                if ga.keys != gb.keys and ga.docs & gb.docs:
                    continue  # "Hitler or Himmler": two spellings in one text are two people
                if _surname_matches(ga.keys[0], gb.keys[0]) and not merger.context_disagrees(a, b):
                    merger.union(a, b, "the same name, a letter or two apart")
    theirs: dict[int, set[GroupId]] = {}  # a candidate's company, read once however many surnames ask
    # A surname already part of someone ("Biden" of Joe Biden by the knowledge base) is settled; one
    # only joined to its own other spellings ("Raikovych", "Raykovych") is not.
    settled = {
        merger.root(j) for j, g in enumerate(merger.groups) if g.family != "person" or len(g.keys) >= 2
    }
    for i in single:
        _attach_surname(merger, i, blocks, cooccurring, theirs, settled)


def _spelling_blocks(key: str) -> set[str]:
    """Blocks that hold every key ``names.near`` could match with this one: the key itself and, for
    keys of six letters or more, the key with one letter dropped. Two keys one edit apart (a letter
    changed, added, dropped, or two swapped) share one of these, and few other keys do."""
    if len(key) < 6:
        return {key}
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> str | None:
    if a[-1] in _GENERATIONS and b[-1] in _GENERATIONS and a[-1] != b[-1]:
        return None  # "Allan Bryant Snr" and "Allan Bryant Jnr": father and son
    a, b = _without_generation(a), _without_generation(b)
    if not near(a[-1], b[-1]) or not _middles_agree(a[1:-1], b[1:-1]):
        return None
    first_a, first_b = a[0], b[0]
    if first_a == first_b or near(first_a, first_b):
        same_spelling = a[-1] == b[-1] and first_a == first_b
        return SAME_FULL_NAME if same_spelling else "the same full name, a letter or two apart"
    if given_name_key(first_a) == given_name_key(first_b):
        return "the same surname, the given name in another language (as Oleksiy/Alexei)"
    if (len(first_a) == 1 or len(first_b) == 1) and first_a[0] == first_b[0]:
        return "the same surname with a matching initial"
    return None


def _without_generation(keys: tuple[str, ...]) -> tuple[str, ...]:
    """A person's name keys without a generation after the surname ("Ferdinand Marcos Jr")."""
    return keys[:-1] if len(keys) > 2 and keys[-1] in _GENERATIONS else keys


_GENERATIONS = frozenset(token_key(word) for word in ("jr", "sr", "jnr", "snr", "ii", "iii", "iv"))


def _middles_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two middle names or initials may be one person's: George W. Bush is not George H.W.
    Bush, while "Volodymyr O. Zelenskyy" is "Volodymyr Oleksandrovych Zelenskyy"; a name without a
    middle one agrees with any."""
    if not a or not b or a == b:
        return True
    return len(a) == len(b) and all(
        x == y or (min(len(x), len(y)) == 1 and x[0] == y[0]) or near(x, y) for x, y in zip(a, b, strict=True)
    )


def _surname_matches(single: str, surname: str) -> bool:
    """Whether a name written alone may be a surname: the same, or one a letter apart unless the name
    alone is a given name ("Michael" is someone's first name, not a misspelt Michel)."""
    return single == surname or (not given_name(single) and near(single, surname))


def _cooccurring_in(groups: list[NameGroup]) -> Callable[[Iterable[str]], set[GroupId]]:
    by_doc: dict[str, set[GroupId]] = defaultdict(set)
    for group in groups:
        for doc in group.docs:
            by_doc[doc].add(group.id)

    def cooccurring(docs: Iterable[str]) -> set[GroupId]:
        return set().union(*(by_doc.get(d, set()) for d in docs))

    return cooccurring


# Initials in a reference list ("MG", "JRR") are this long at most.
_INITIALS = 3
# A surname shorter than this joins a full name only in that name's own documents.
_SURNAME_ACROSS_DOCUMENTS = 4


def _attach_surname(
    merger: _Merger,
    single: int,
    blocks: Mapping[str, list[int]],
    cooccurring: Callable[[Iterable[str]], set[GroupId]],
    theirs: dict[int, set[GroupId]],
    settled: set[int],
) -> None:
    group = merger.groups[single]
    surname = group.keys[0]
    if patronymic(surname) and (
        given_name(patronymic_stem(surname))
        or not any(
            _without_generation(merger.groups[i].keys)[-1] == surname and merger.groups[i].docs & group.docs
            for block in _spelling_blocks(surname)
            for i in blocks.get(block, [])
        )
    ):
        # "Stepanovych" alone: the middle name of every child of a Stepan; but "Raikovych", of no
        # given name, in a text that names Andrii Raikovych is his surname, whatever its ending
        return
    place = merger.group_index(("place", group.keys))
    if place is not None and merger.groups[place].docs & group.docs:
        return  # "Mariupol" tagged a person where its documents name the city: the place, no surname
    written = group.display.replace(".", "").replace(" ", "")
    if len(surname) < 2 or (written.isupper() and len(written) <= _INITIALS):
        return  # "S", "MG" alone: initials ("Kardaun S", "Kirchhof MG" in a reference list), nobody's surname
    candidates = {
        i
        for block in _spelling_blocks(surname)
        for i in blocks.get(block, [])
        if _surname_matches(surname, _without_generation(merger.groups[i].keys)[-1])
    }
    if not candidates:
        return
    docs = group.docs
    in_doc = {merger.root(i) for i in candidates if merger.groups[i].docs & docs}
    if len(in_doc) == 1:
        target = next(i for i in candidates if merger.root(i) in in_doc)
        if merger.root(single) in settled and merger.root(single) != merger.root(target):
            # "Biden" is already Joe Biden by the knowledge base; the "Mrs. Biden" of one speech,
            # where Jill Biden is named, does not make the two one person.
            return
        merger.union(single, target, f"surname of {merger.groups[target].display} in the same document")
        return
    if in_doc:
        return  # two people of that surname in its own documents: it could be either
    if given_name(surname):
        return  # "Kyrylo" alone in one release is not the Kyrylo of "Ahasyiev Kyrylo" in another
    if len(surname) < _SURNAME_ACROSS_DOCUMENTS:
        return  # "Li", "Wu", "Ma" in another document: too many people bear them
    roots = {merger.root(i) for i in candidates}
    if len(roots) == 1:
        target = next(iter(candidates))
        # A surname a letter apart ("Sashko", a boy, and the minister Liashko) needs people or
        # organisations in common, not only a country.
        exact = _without_generation(merger.groups[target].keys)[-1] == surname
        if merger.context_disagrees(single, target, setting=exact):
            return  # the only one of that name, but in other company: another person of the name
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
    initials_of: dict[int, str] = {}
    for i, group in enumerate(merger.groups):
        if group.person:
            continue
        initials = acronym(group.display)
        initials_of[i] = initials.lower()
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
            if _other_countrys_body(merger, members[0], other):
                continue
            merger.union(
                members[0], other, f'the same name once "Group", "PMC" and quotes are set aside ({core[0]})'
            )
    for members in by_ministry.values():
        for other in members[1:]:
            merger.union(members[0], other, "the same ministry, phrased another way")
    _merge_bare_ministries(merger, by_ministry)
    _merge_near_spellings(merger, [i for i, g in enumerate(merger.groups) if g.family == "group"], {})
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, group in enumerate(merger.groups):
        if not group.person:
            for doc in group.docs:
                by_doc[doc].append(i)
    defined_by: dict[str, list[int]] = defaultdict(list)
    for i, group in enumerate(merger.groups):
        for letters in group.defines:
            defined_by[letters.lower()].append(i)
    for i, group in enumerate(merger.groups):
        letters = group.display.replace(".", "")
        if not group.person and _defined_in_its_documents(merger, i, letters, defined_by):
            continue
        # "NY" of "New York, NY" is the state, whose initials the city's name shares: places join by
        # their geonames records, never by initials.
        if not group.person and group.family != "place" and is_acronym(letters):
            candidates = [
                j
                for j in by_acronym.get(letters.lower(), [])
                if j != i
                and merger.groups[j].family == group.family
                and _expands(merger, i, j)
                # "AC", "PR": two letters stand for too much to be read away from their name.
                and (len(letters) > 2 or bool(group.docs & merger.groups[j].docs))
            ]
            expansions = {merger.root(j) for j in candidates}
            if _another_meaning_beside(merger, i, letters, expansions, by_doc, initials_of):
                continue  # "the Chinese CDC" beside the Chinese Center for Disease Control and Prevention
            if len(expansions) == 1:
                target = candidates[0]
                merger.union(i, target, f"acronym of {merger.groups[target].display}")
        if group.family in ("norp", "group") and len(group.keys) == 1:
            stem = _members_stem(group.display)
            if stem is None:
                continue
            targets = {merger.root(j) for j in by_core.get((stem,), [])}
            if len(targets) == 1:
                target = next(j for j in by_core[(stem,)] if merger.root(j) in targets)
                merger.union(i, target, f"members of {merger.groups[target].display}")


def _other_countrys_body(merger: _Merger, a: int, b: int) -> bool:
    """Whether two wordings of a state body named without its country ("the Interior Ministry", "the
    Ministry of the Interior") may be two countries' bodies: every country has one, so they are one
    only in one document or where their documents' company agrees (a Kremlin release on graduates
    and a Kyiv address on demining name different people)."""
    bare = all(_bare_ministry(merger.groups[i].display) is not None for i in (a, b))
    return bare and merger.context_disagrees(a, b)


def _defined_in_its_documents(
    merger: _Merger, i: int, letters: str, defined_by: dict[str, list[int]]
) -> bool:
    """Merge an acronym with the one name its own documents define it as ("the Malian Armed Forces
    (FAMa)"), whatever its initials: a name given in another language (PNH, the Police nationale
    d'Haïti) has other letters than the name it is written beside. Whether one was found."""
    group = merger.groups[i]
    defining = [
        j for j in defined_by.get(letters.lower(), []) if j != i and merger.groups[j].docs & group.docs
    ]
    roots = {merger.root(j) for j in defining}
    if len(roots) != 1:
        return False
    merger.union(i, defining[0], f"defined as {letters} in the text")
    return True


def _another_meaning_beside(
    merger: _Merger,
    i: int,
    letters: str,
    expansions: set[int],
    by_doc: dict[str, list[int]],
    initials_of: Mapping[int, str],
) -> bool:
    """Whether more of the acronym's own documents name another body whose longer initials hold it
    ("Chinese Center for Disease Control and Prevention", CCDCP, for CDC) than name the expansion
    found: there, the acronym is read as that body."""
    wanted = letters.lower()
    beside_other = beside_expansion = 0
    for doc in merger.groups[i].docs:
        roots = {merger.root(j) for j in by_doc[doc] if j != i}
        other = any(
            wanted in initials_of[j]
            and initials_of[j] != wanted
            # "the UN Security Council" is a body of the UN, not another meaning of "UN"
            and wanted not in fold(merger.groups[j].display).split()
            and merger.root(j) not in expansions
            for j in by_doc[doc]
            if j != i
        )
        beside_other += other
        beside_expansion += bool(roots & expansions)
    return beside_other > beside_expansion


def _expands(merger: _Merger, acronym_group: int, expansion: int) -> bool:
    """Whether a name whose initials an acronym is may be what the acronym stands for: in a document
    holding both, or elsewhere when the documents share people or organisations (CIS beside Tajikistan
    and the CSTO is not the Citizenship and Immigration Services of an American page, nor a B.S.
    degree in a biography the Black Sea, nor RSA, South Africa in a Kremlin release, a Regional State
    Administration of a Ukrainian one, though both name Russia)."""
    return not merger.context_disagrees(acronym_group, expansion, setting=False)


def _core_name(keys: tuple[str, ...]) -> tuple[str, ...]:
    # "Kharkiv OVA" is the Kharkiv Oblast Military Administration: an abbreviation's words first
    words = [_equivalent_word(word) for key in keys for word in _expanded_keys().get(key, (key,))]
    while words and words[0] in _GROUP_PREFIXES:
        words.pop(0)
    while len(words) > 1 and words[-1] in _GROUP_SUFFIXES:
        words.pop()
    designator = [token_key(w) for w in ("private", "military", "company")]
    if words[:3] == designator:
        words = words[3:]
    elif len(words) > 3 and words[-3:] == designator:
        words = words[:-3]
    return tuple(_owner_first(words))


def _owner_first(words: list[str]) -> list[str]:
    """A body named after its owner, the owner first: "the operational headquarters of the Krasnodar
    Territory" is the "Krasnodar Krai Operational Headquarters", "the military administration of the
    Vinnytsia region" the "Vinnytsia Regional Military Administration"."""
    of, the = token_key("of"), token_key("the")
    if of not in words:
        return words
    at = len(words) - 1 - words[::-1].index(of)
    body, owner = words[:at], words[at + 1 :]
    if owner[:1] == [the]:
        owner = owner[1:]
    if not body or not owner or len(owner) > _OWNER_WORDS or len(body) > _BODY_WORDS:
        return words
    return owner + body


_OWNER_WORDS = 3
_BODY_WORDS = 4


def _equivalent_word(key: str) -> str:
    """The word kept of words an organisation's name uses for one another ("oblast" -> "regional")."""
    return _equivalent_keys().get(key, key)


@cache
def _expanded_keys() -> dict[str, tuple[str, ...]]:
    """The keys of the words each abbreviation of ``name_abbreviations`` stands for, by its key."""
    return {
        token_key(short): tuple(token_key(word) for word in words)
        for short, words in word_expansions("name_abbreviations").items()
    }


@cache
def _equivalent_keys() -> dict[str, str]:
    return {
        token_key(word): token_key(kept)
        for kept, words in word_groups("name_word_equivalents").items()
        for word in words
    }


def _merge_bare_ministries(merger: _Merger, by_ministry: dict[tuple[str, str], list[int]]) -> None:
    """ "the Energy Ministry" is the one country's energy ministry the rest of its documents name
    ("Ukraine's Energy Ministry"), or, where the corpus names several, the one its own documents name
    beside it (a Russian digest's "the Ministry of Defense" after "the Ministry of Defense of the
    Russian Federation"); with two countries' ministries of its topic in one of its documents, neither."""
    for i, group in enumerate(merger.groups):
        if group.person or group.family != "group":
            continue
        topic = _bare_ministry(group.display)
        if topic is None:
            continue
        candidates = [
            j
            for (country, candidate_topic), members in by_ministry.items()
            if candidate_topic == topic
            # Every country has its navy and national guard: a bare "Navy" is another country's only
            # where each of its documents names that country ("the Army and Navy" of a Kremlin speech
            # is not the Ukrainian Navy of a Kyiv release).
            and (
                topic not in _SERVICE_NAMES or all(_names_country(merger, doc, country) for doc in group.docs)
            )
            for j in members
            # The setting counts here: the places a document names say whose ministry it means.
            if not merger.context_disagrees(i, j)
        ]
        beside = [j for j in candidates if merger.groups[j].docs & group.docs]
        if len({merger.root(j) for j in candidates}) != 1:
            candidates = beside
            if any(
                len({merger.root(j) for j in beside if doc in merger.groups[j].docs}) > 1
                for doc in group.docs
            ):
                continue
        if len({merger.root(j) for j in candidates}) == 1:
            target = candidates[0]
            named = merger.groups[target].display
            merger.union(i, target, f"the {topic} ministry the documents name: {named}")


def _names_country(merger: _Merger, doc: str, country: str) -> bool:
    """Whether a document names a country, by its name or its people ("Ukraine", "Ukrainian")."""
    for family, keys in merger.cooccurring([doc]):
        index = merger.group_index((family, keys)) if family in _SETTING else None
        if index is not None and _DEMONYMS.get(_ministry_words(merger.groups[index].display)) == country:
            return True
    return False


def _bare_ministry(display: str) -> str | None:
    text = _ministry_words(display)
    for form in _BARE_MINISTRY_FORMS:
        match = form.match(text)
        if match:
            return _topic(match)
    return None


def _topic(match: re.Match[str]) -> str | None:
    """A ministry's topic ("defence"), or the armed service a form names ("air force")."""
    service = match.groupdict().get("service")
    return service if service else _MINISTRY_TOPICS.get(match.group("topic"))


def _ministry(display: str) -> tuple[str, str] | None:
    text = _ministry_words(display)
    for form in _MINISTRY_FORMS:
        match = form.match(text)
        if match:
            country = _DEMONYMS.get(match.group("country"))
            topic = _topic(match)
            if country and topic:
                return country, topic
    return None


def _ministry_words(display: str) -> str:
    """A name as the ministry forms read it: folded, letters and single spaces only, and a translation's
    abbreviations written out ("the MFA of Russia" is its Ministry of Foreign Affairs)."""
    words = re.sub(r"[^a-z ]", " ", fold(display)).split()
    expansions = word_expansions("name_abbreviations")
    return " ".join(expanded for word in words for expanded in expansions.get(word, (word,)))


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
    """The place name groups that only the other place groups of their documents, passed alongside,
    can settle: none, as the rules read what a document says about its places from the name groups
    it mentions (``cooccurring``), which a caller resolving part of a corpus passes."""
    return set()


def _countries_of_cities(names: list[str], min_population: int) -> frozenset[str]:
    """A corpus that names no country is about the countries of its cities: the world's larger cities
    among its place names say which."""
    world = gazetteer(frozenset(), min_population)
    counts = Counter(p.country for name in names if (p := choose(world.candidates(name), frozenset())))
    return frozenset(code for code, _ in counts.most_common(1))


def _merge_near_spellings(merger: _Merger, members: list[int], gazetteer_names: Mapping[int, bool]) -> None:
    """Names a letter or two apart ("Kherosn", "Gazporm"): machine translation and typing damage.
    For places, one of the two must be unknown to the gazetteer: Pokrovsk and Pokrovske are two towns.
    A name of one word must not be in other company (``_Merger.context_disagrees``: Europa is not
    Europe), nor written beside the other in one document (Wikimedia, Wikipedia); names of several
    words a letter apart are one name spelt two ways ("World Health Organisation", "Organization").
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
                if " " not in key_a and merger.context_disagrees(a, b):
                    continue  # Europa (Jupiter's moon) and Europe; not Organisation/Organization
                if " " not in key_a and merger.groups[a].docs & merger.groups[b].docs:
                    continue  # one text writing both, Wikimedia and Wikipedia, means two names
                merger.union(a, b, "the same name, a letter or two apart")


# -- countries ----------------------------------------------------------------------------------------

_LONG_FORM = re.compile(r"^(?:republic of (?:the )?(?P<name>[a-z' -]+)|(?P<adjective>[a-z]+) republic)$")


def _country(display: str) -> str | None:
    """The ISO code of the country a place name names, in a short form ("Kazakhstan") or a long one
    ("Republic of Kazakhstan", "French Republic"); None for any other name ("Czech Republic" is a
    short form, "Republic of Tajikistan Emomali Rahmon" a country and a person cut as one name)."""
    code = country_code(display)
    if code is not None:
        return code
    match = _LONG_FORM.match(" ".join(re.sub(r"[^a-z' -]", " ", fold(display)).split()))
    if match is None:
        return None
    name = match.group("name") or _DEMONYMS.get(match.group("adjective") or "")
    return country_code(name) if name else None


def _merge_countries(merger: _Merger) -> None:
    first: dict[str, int] = {}
    for i, group in enumerate(merger.groups):
        if group.family != "place" or (code := _country(group.display)) is None:
            continue
        if code in first:
            merger.union(first[code], i, f"the same country ({code}), named another way")
        else:
            first[code] = i


# -- places -------------------------------------------------------------------------------------------


def _merge_places(merger: _Merger, min_population: int, home: frozenset[str] | None) -> dict[int, Place]:
    place_groups = [i for i, g in enumerate(merger.groups) if g.family == "place"]
    if home is None:
        home = home_countries(
            ((merger.groups[i].display, merger.groups[i].size) for i in place_groups), min_population
        )
    place_groups = [i for i in place_groups if country_code(merger.groups[i].display) is None]
    if not place_groups:
        return {}
    places_gazetteer = gazetteer(home, min_population)
    candidates = {i: places_gazetteer.candidates(merger.groups[i].display) for i in place_groups}
    for i, (current, other) in candidates.items():
        if not current and not other:
            # "Stepnogorsk", "Zaporizhia City": a spelling geonames lacks, of a town it has
            candidates[i] = ([], places_gazetteer.sounding_alike(name_keys(merger.groups[i].display)))
    evidence = _PlaceEvidence(merger, places_gazetteer, home)
    for i in place_groups:
        # The towns of the other countries its documents name: "Baras" beside "the Philippines"
        current, other = candidates[i]
        named = evidence.named(merger.groups[i].docs).countries - home
        if named:
            have = {p.geonameid for p in current}
            towns = places_gazetteer.towns_of(name_keys(merger.groups[i].display), named)
            candidates[i] = ([*current, *(p for p in towns if p.geonameid not in have)], other)
    located: dict[int, Place] = {}
    for i in place_groups:
        place = _locate(merger.groups[i], candidates[i], places_gazetteer, evidence)
        if place is not None:
            located[i] = place
    _merge_near_spellings(merger, place_groups, {i: bool(c[0] or c[1]) for i, c in candidates.items()})
    by_record: dict[int, int] = {}
    for i, place in located.items():
        if place.geonameid not in by_record:
            by_record[place.geonameid] = i
        elif not _city_beside_its_namesake(
            merger.groups[by_record[place.geonameid]].display, merger.groups[i].display
        ):
            merger.union(
                by_record[place.geonameid], i, f"the same place in geonames ({place.name}, {place.country})"
            )
    return located


def _city_beside_its_namesake(a: str, b: str) -> bool:
    """ "Gaza City" and "Gaza", "New York City" and "New York": a name that adds "City" sets the city
    apart from the strip, state or country of that name, whatever one gazetteer record says."""
    first, second = fold(a).removeprefix("the "), fold(b).removeprefix("the ")
    return first == f"{second} city" or second == f"{first} city"


# Name families that never stand for a place: a name its documents mostly write as one of these too is
# that, not a town ("Olympic" values, "Bloomberg" the outlet, the "Azov" regiment), unless the town
# stands alone (``places.STANDS_ALONE``) or is known (a national capital or a city of a million stands
# for its government: "Minsk" agreements).
_NOT_PLACE_FAMILIES = frozenset({"person", "group", "event", "work_of_art", "product", "law"})
# How many times a document's place names are read beside each other before a name's own decision.
_READINGS = 2


def _locate(
    group: NameGroup,
    candidates: tuple[list[Place], list[Place]],
    places: Gazetteer,
    evidence: _PlaceEvidence,
) -> Place | None:
    """The place a place name group means (``places``), or None for a name that is no place here: an
    abbreviation (most of its mentions), or a name most of its documents also write as a person, an
    organisation or an event (``_NOT_PLACE_FAMILIES``), or whose person they name ("Calhoun" beside
    "Rachel Calhoun"), unless the place is known and called so today (the "White House" of an article
    on the US presidency is no translation of Casablanca)."""
    abbreviated = sum(n for form, n in group.forms.items() if is_abbreviation(form))
    if abbreviated * 2 > group.size:
        return None
    home = evidence.home
    spelled = places.spelled(group.display, [*candidates[0], *candidates[1]])
    pool = contenders(candidates, group.keys, spelled=spelled, home=home)
    options = [*pool[0], *pool[1]]
    if not options:
        return None
    if len(options) == 1 and options[0] in pool[0] and known(options[0]):
        return options[0]  # nothing the documents say could move it, or take it away
    if len(options) == 1 and supported(options[0], evidence.named(group.docs), home):
        place: Place | None = options[0]
    else:
        place = locate(pool, home, evidence.of(group))
    if place is None or (not (known(place) and place in pool[0]) and evidence.read_otherwise(group, place)):
        return None
    return place


class _PlaceEvidence:
    """What each document says about where its places lie, read from the name groups it mentions
    (``_Merger.cooccurring``: resolving part of a corpus reads the same as resolving it all): the
    countries and first-level regions it names, its other place names as that document places them
    (by their name keys: ``contenders`` without spellings, ``locate`` with the document's countries),
    and the other readings of a name (a person, an organisation)."""

    def __init__(self, merger: _Merger, places: Gazetteer, home: frozenset[str]) -> None:
        self._merger = merger
        self._places = places
        self.home = home
        # Per document, kept lean (a corpus holds many): what it names, as one shared Evidence per
        # distinct value, and its place names' keys beside their places, in two tuples.
        self._named: dict[str, Evidence] = {}
        self._shared: dict[Evidence, Evidence] = {}
        self._located: dict[str, tuple[tuple[tuple[str, ...], ...], tuple[Place, ...]]] = {}
        self._alone: dict[tuple[tuple[str, ...], Evidence], Place | None] = {}
        self._pools: dict[tuple[str, ...], tuple[list[Place], list[Place]]] = {}

    def named(self, docs: Iterable[str]) -> Evidence:
        """The countries and first-level regions some documents name."""
        countries: set[str] = set()
        regions: set[tuple[str, str]] = set()
        for doc in docs:
            found = self._named_in(doc)
            countries |= found.countries
            regions |= found.regions
        return Evidence(frozenset(countries), frozenset(regions))

    def of(self, group: NameGroup) -> Evidence:
        """All a group's documents say: the countries and regions they name, and their other places."""
        named = self.named(group.docs)
        places: dict[int, Place] = {}
        for doc in group.docs:
            for keys, place in zip(*self._located_in(doc), strict=True):
                if keys != group.keys:
                    places[place.geonameid] = place
        return Evidence(named.countries, named.regions, tuple(places.values()))

    def read_otherwise(self, group: NameGroup, place: Place) -> bool:
        """Whether most of the group's documents name a person whose surname it is ("Calhoun" beside
        "Rachel Calhoun"; "Lev Tolstoy", a given name and a surname, beside "Tolstoy") or whose given
        name it is ("Vladimir" beside "Vladimir Putin"), or, for a place smaller than a city that
        stands alone (``places.STANDS_ALONE``: Glasgow once tagged as a person is still Glasgow), also
        write the name itself as no place."""
        keys = group.keys
        same_name = place.population < STANDS_ALONE
        person_shaped = len(keys) == 1 or (len(keys) <= 3 and given_name(keys[0]))
        first_name = len(keys) == 1 and given_name(keys[0])
        otherwise = 0
        for doc in group.docs:
            for family, theirs in self._merger.cooccurring([doc]):
                if family not in _NOT_PLACE_FAMILIES:
                    continue
                person = family == "person" and theirs != keys
                if (
                    (same_name and theirs == keys and not self._mostly_a_place(group, family))
                    or (person and person_shaped and theirs[-1] == keys[-1])
                    or (person and first_name and len(theirs) > 1 and theirs[0] == keys[0])
                ):
                    otherwise += 1
                    break
        return otherwise * 2 > len(group.docs)

    def _mostly_a_place(self, group: NameGroup, family: str) -> bool:
        """Whether the name is written as a place at least as often as as this other kind ("Djibo"
        tagged a place, and an organisation in "the Djibo army base"): the model's odd label is no
        other reading, and a place the gazetteer holds wins a tie."""
        other = self._merger.group_index((family, group.keys))
        return other is not None and self._merger.groups[other].size <= group.size

    def _named_in(self, doc: str) -> Evidence:
        found = self._named.get(doc)
        if found is None:
            named = self._merger.cooccurring([doc])
            places = [keys for family, keys in named if family == "place"]
            countries = {code for keys in places if (code := country_of(keys)) is not None}
            # "Russian troops", "Sudanese soldiers": a nationality names its country too, beside the
            # corpus's own countries when the document names no country outright.
            nationalities = {
                code for family, keys in named if family == "norp" and (code := country_of_nationality(keys))
            }
            if nationalities:
                countries |= nationalities | (set() if countries else set(self.home))
            if any(us_state(keys) for keys in places):
                countries.add("US")
            local = frozenset(countries & self.home or countries or self.home)
            regions = {
                region for keys in places if (region := region_named(keys, self._places, local)) is not None
            }
            found = Evidence(frozenset(countries), frozenset(regions))
            found = self._named[doc] = self._shared.setdefault(found, found)
        return found

    def _located_in(self, doc: str) -> tuple[tuple[tuple[str, ...], ...], tuple[Place, ...]]:
        """The document's place names (by their name keys) and where it puts them, read
        ``_READINGS`` times: the first reads each alone, with the countries and regions the document
        names; each further one beside where the one before put the others (a pair of towns settles
        each other, New City beside Monsey). No reading asks for support: that is the group's own
        decision."""
        found = self._located.get(doc)
        if found is None:
            named = self._named_in(doc)
            names = [
                keys
                for family, keys in self._merger.cooccurring([doc])
                if family == "place" and country_of(keys) is None
            ]
            placed: dict[tuple[str, ...], Place] = {}
            for _ in range(_READINGS):
                placed = {
                    keys: place
                    for keys in names
                    if (place := self._read(keys, named, [p for k, p in placed.items() if k != keys]))
                }
            found = self._located[doc] = (tuple(placed), tuple(placed.values()))
        return found

    def _read(self, keys: tuple[str, ...], named: Evidence, others: list[Place]) -> Place | None:
        """Where a document that names ``named`` and holds the places ``others`` puts a name."""
        pool = self._pools.get(keys)
        if pool is None:
            pool = self._pools[keys] = contenders(self._places.candidates_of(keys), keys)
        options = [*pool[0], *pool[1]]
        if len(options) < 2:  # one candidate or none: nothing to read beside the others
            return options[0] if options else None
        if others:
            evidence = Evidence(named.countries, named.regions, tuple(others))
            return locate(pool, self.home, evidence, needs_support=False)
        if (keys, named) not in self._alone:
            self._alone[keys, named] = locate(pool, self.home, named, needs_support=False)
        return self._alone[keys, named]


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
        # Each merged group's own name stays a name of the entity ("Energy Ministry", written "the
        # Energy Ministry", under "Ukraine's Energy Ministry").
        surfaces = sorted(
            {
                name,
                *(g.display for g in groups),
                *(f.strip() for g in groups for f in g.forms),
                *(entry.names if entry else ()),
            }
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
    entities = _with_surnames(entities)
    entities.sort(key=lambda e: (-sizes[e.id], e.name))
    return Resolution(entities, reasons, members_of)


def _with_surnames(entities: list[Entity]) -> list[Entity]:
    """A person's surname is a name they go by ("Honcharenko said"), written or not, when it is
    theirs alone: no other person of the corpus bears it and no entity is named by it only (two
    Medvedevs leave "Medvedev" to neither)."""
    surnames = {e.id: _surname(e.name, e.type) for e in entities}
    bearers = Counter(s for s in surnames.values() if s)
    names = {fold(n) for e in entities for n in (e.name, *e.aliases) if len(n.split()) == 1}
    out = []
    for entity in entities:
        surname = surnames[entity.id]
        if surname and bearers[surname] == 1 and fold(surname) not in names:
            entity = replace(entity, aliases=tuple(sorted({*entity.aliases, surname})))
        out.append(entity)
    return out


def _surname(name: str, label: str) -> str | None:
    words = name.split()
    if label != "PERSON" or len(words) < 2 or len(words[-1]) < 3 or not words[-1][:1].isupper():
        return None
    return words[-1]


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
