from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.resolve.places import Gazetteer, choose, corpus_countries, country_code, gazetteer

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
