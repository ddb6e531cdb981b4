from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.resolve.names import name_keys
from claimgraph.resolve.places import (
    Evidence,
    Gazetteer,
    choose,
    contenders,
    corpus_countries,
    country_code,
    gazetteer,
    is_abbreviation,
    locate,
    region_named,
)

HOME = frozenset({"UA", "RU"})


@pytest.fixture(scope="module")
def places() -> Gazetteer:
    return gazetteer(HOME, 500)


@pytest.mark.parametrize(
    ("name", "expected", "country"),
    [
        ("Bakhmut", "Bakhmut", "UA"),
        ("Artemivsk", "Bakhmut", "UA"),  # its former name
        ("Бахмут", "Bakhmut", "UA"),
        ("Kiev", "Kyiv", "UA"),  # not Kew in Australia
        ("Pokrovsk", "Pokrovsk", "UA"),  # not Engels, which bore the name until 1931
        ("Kupiansk", "Kupyansk", "UA"),
        ("Paris", "Paris", "FR"),  # not the Russian village also called so
        ("Berlin", "Berlin", "DE"),
        ("Geneva", "Geneva", "CH"),  # a city of 200,000 over a town of 20,000 in the US
    ],
)
def test_names_find_the_place_they_mean(places: Gazetteer, name: str, expected: str, country: str) -> None:
    place = choose(places.candidates(name), HOME)
    assert place is not None and (place.name, place.country) == (expected, country)


def test_an_unsettled_name_is_left_off_the_map(places: Gazetteer) -> None:
    # Three towns called Lyman at home, none a third smaller than the next: no guess without context.
    assert choose(places.candidates("Lyman"), HOME) is None
    kramatorsk = choose(places.candidates("Kramatorsk"), HOME)
    assert kramatorsk is not None
    near_kramatorsk = choose(places.candidates("Lyman"), HOME, [kramatorsk])
    assert near_kramatorsk is not None and near_kramatorsk.population > 10_000


def test_the_countries_a_corpus_is_about() -> None:
    assert corpus_countries(["Ukraine"] * 10 + ["Russia"] * 7 + ["Finland"]) == {"UA", "RU"}
    assert corpus_countries([]) == frozenset()
    assert country_code("Ukraine") == "UA" and country_code("Bakhmut") is None


def test_a_built_index_is_read_back_from_the_cache_and_a_broken_one_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimgraph.resolve import places

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    builds: list[int] = []

    def build() -> places._NameIndex:
        builds.append(1)
        return places._NameIndex([(places.Place(1, "Kyiv", "UA", 50.45, 30.52, 2_900_000), ["Kyiv", "Kiev"])])

    first = places._on_disk("test", build)
    again = places._on_disk("test", build)
    assert len(builds) == 1 and again.current == first.current
    (cached,) = (tmp_path / "claimgraph").glob("gazetteer-test-*.pickle")
    cached.write_bytes(b"not a pickle")
    assert places._on_disk("test", build).other == first.other and len(builds) == 2
    cached.unlink()
    (tmp_path / "claimgraph").chmod(0o500)  # a cache that cannot be written is only slower
    try:
        assert places._on_disk("test", build).current == first.current
    finally:
        (tmp_path / "claimgraph").chmod(0o700)


US = frozenset({"US"})


@pytest.fixture(scope="module")
def american() -> Gazetteer:
    return gazetteer(US, 500)


def test_a_capital_abroad_takes_its_name_from_a_small_namesake_at_home(american: Gazetteer) -> None:
    # Paris, Texas has 25,000 people, Paris 2 million: a corpus about the US still means the capital.
    paris = choose(american.candidates("Paris"), US)
    assert paris is not None and paris.country == "FR"


def test_names_that_are_no_town_have_no_candidates(american: Gazetteer) -> None:
    for name in ("West", "Earth", "North America", "the Pacific"):
        keys = name_keys(name)
        assert american.candidates(name) != ([], []) or name == "North America"
        assert contenders(american.candidates(name), keys) == ([], []), name
    for written in ("VA", "NYC", "La.", "Calif.", "N.J."):
        assert is_abbreviation(written), written
    for written in ("Kyiv", "KYIV", "Rome", "St. Louis"):
        assert not is_abbreviation(written), written


def test_a_state_name_means_a_town_only_inside_the_state(american: Gazetteer) -> None:
    def pool(name: str) -> list[str]:
        current, other = contenders(american.candidates(name), name_keys(name))
        return [f"{p.name}, {p.admin1}" for p in (*current, *other)]

    assert pool("Delaware") == []  # Delaware, Ohio is no town of the state
    assert pool("New York") == ["New York City, NY"]
    assert pool("Washington") == ["Washington, DC"]  # the capital of the country, not of a state


def test_a_name_spelled_as_some_place_is_written_is_not_another_by_romanisation() -> None:
    australia = frozenset({"AU"})
    places = gazetteer(australia, 500)
    candidates = places.candidates("Kiev")
    assert any(p.name == "Kew" for p in candidates[0])  # "Kiev" and "Kew" share name keys
    spelled = places.spelled("Kiev", [*candidates[0], *candidates[1]])
    current, other = contenders(candidates, name_keys("Kiev"), spelled=spelled, home=australia)
    assert [p.name for p in (*current, *other)] == ["Kyiv"]


def test_a_small_namesake_abroad_needs_the_story_to_point_to_it(american: Gazetteer) -> None:
    olympic = contenders(american.candidates("Olympic"), name_keys("Olympic"))
    assert [p.country for p in olympic[0]] == ["HK"]
    # An interview naming China and Russia holds no Hong Kong estate of 20,000 people ...
    assert locate(olympic, US, Evidence(countries=frozenset({"CN", "RU"}))) is None
    # ... which a report on Hong Kong may name.
    found = locate(olympic, US, Evidence(countries=frozenset({"HK"})))
    assert found is not None and found.country == "HK"


def test_a_document_is_about_the_countries_of_its_other_places_too(places: Gazetteer) -> None:
    donetsk = contenders(places.candidates("Donetsk"), name_keys("Donetsk"))
    assert {p.country for p in donetsk[0]} == {"UA", "RU"}
    kramatorsk = choose(places.candidates("Kramatorsk"), HOME)
    assert kramatorsk is not None
    # A Russian digest names Russia, and the Ukrainian towns it reports on: the Ukrainian city.
    found = locate(donetsk, HOME, Evidence(countries=frozenset({"RU"}), places=(kramatorsk,)))
    assert found is not None and found.country == "UA"
    # Naming Russia alone, with nothing else to place, still means Russia's town.
    alone = locate(donetsk, HOME, Evidence(countries=frozenset({"RU"})))
    assert alone is not None and alone.country == "RU"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Zaporizhia City", "Zaporizhzhya"),  # a think tank's "X City"
        ("Kharkov", "Kharkiv"),  # a Russian spelling sharing the town's consonants
    ],
)
def test_a_spelling_geonames_lacks_may_sound_like_one_home_town(
    places: Gazetteer, name: str, expected: str
) -> None:
    found = places.sounding_alike(name_keys(name))
    assert found
    assert max(found, key=lambda p: p.population).name == expected


def test_consonants_alike_settle_nothing_between_towns_of_like_size(places: Gazetteer) -> None:
    assert places.sounding_alike(name_keys("Lmn")) == []


def test_a_region_named_by_its_towns_other_spelling_places_a_small_town_over_a_namesake_abroad(
    places: Gazetteer,
) -> None:
    region = region_named(name_keys("Zaporozhye region"), places, HOME)
    assert region is not None
    candidates = ([p for p in places.towns_of(name_keys("Stepnogorsk"), {"KZ"})], [])
    home_town = places.candidates("Stepnohirsk")[0]
    found = locate((candidates[0], home_town), HOME, Evidence(HOME, frozenset({region})))
    assert found is not None
    assert found.country == "UA"
