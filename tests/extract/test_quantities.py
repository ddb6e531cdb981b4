from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.extract.quantities import find_quantities
from claimgraph.extract.times import find_times
from tests.strategies import news_text


def found(text: str) -> list[tuple[str, float, float | None, str | None, str | None, str | None]]:
    return [(q.text, q.value, q.high, q.unit, q.qualifier, q.about) for q in find_quantities("d", text)]


def test_counts_with_what_they_count() -> None:
    assert found(
        "a town with a pre-war population of 80,000 people and around 4,000 civilians remaining"
    ) == [
        ("80,000", 80000, None, None, None, "pre-war population"),
        ("around 4,000", 4000, None, None, "around", "civilians remaining"),
    ]


def test_ranges_units_vague_amounts_and_ratios() -> None:
    assert found("They advanced 200 to 400 meters.") == [("200 to 400 meters", 200, 400, "m", None, None)]
    assert found("more than 70 of them") == [("more than 70", 70, None, None, "more than", None)]
    assert found("thousands of reinforcements") == [
        ("thousands", 1000, None, None, "vague", "reinforcements")
    ]
    assert found("4 square kilometers") == [("4 square kilometers", 4, None, "km2", None, None)]
    assert found("losses 5 times higher") == [("5 times", 5, None, "times", None, "higher")]
    assert found("$1.2 billion in aid and 45% of voters") == [
        ("$1.2 billion", 1.2e9, None, "USD", None, None),
        ("45%", 45, None, "%", None, None),
    ]


def test_codes_ordinals_and_years_are_not_quantities() -> None:
    assert found("The F-16 and the Su-25 of the 2nd brigade flew in 2023 on 9/11.") == []
    assert found("one of the towns") == []


def test_time_expressions_can_be_skipped() -> None:
    text = "In the past 3 days 12 drones"
    start = text.index("the past")
    assert [q.text for q in find_quantities("d", text, skip=[(start, start + len("the past 3 days"))])] == [
        "12"
    ]


@given(st.text(max_size=80))
def test_any_text_gives_well_formed_quantities(text: str) -> None:
    for q in find_quantities("d", text):
        assert text[q.span.start : q.span.end] == q.text
        assert q.high is None or q.high >= q.value


@settings(max_examples=300, deadline=None)
@given(news_text(), st.lists(st.tuples(st.integers(0, 200), st.integers(0, 20)), max_size=3))
def test_news_like_text_gives_well_formed_quantities(text: str, skips: list[tuple[int, int]]) -> None:
    skip = [(start, start + length) for start, length in skips]
    for q in find_quantities("d", text, skip=skip):
        assert 0 <= q.span.start < q.span.end <= len(text)
        assert text[q.span.start : q.span.end] == q.text
        assert math.isfinite(q.value) and q.value >= 0
        assert q.high is None or (math.isfinite(q.high) and q.high >= q.value)
        assert not any(s < q.span.end and q.span.start < e for s, e in skip if q.qualifier is None)
        assert q.about is None or q.about.strip() == q.about != ""


@settings(max_examples=200, deadline=None)
@given(news_text(), st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2100, 12, 31)) | st.none())
def test_quantities_beside_times_keep_clear_of_them(text: str, published: dt.date | None) -> None:
    # As the pipeline calls them: the time expressions' spans are skipped.
    times = [(t.start, t.end) for t in find_times(text, published=published)]
    for q in find_quantities("d", text, skip=times):
        assert text[q.span.start : q.span.end] == q.text


@pytest.mark.parametrize(
    ("text", "written", "value", "unit"),
    [
        ("They held a 1.2-kilometer stretch of road.", "1.2-kilometer", 1.2, "km"),
        ("Rescuers worked a 30-hour shift.", "30-hour", 30.0, "h"),
        ("The town was shelled for 24 hours.", "24 hours", 24.0, "h"),
        ("Last week the army lost 11 200 soldiers.", "11 200", 11200.0, None),
        ("Finland shares a 1,340-kilometre border with Russia.", "1,340-kilometre", 1340.0, "km"),
    ],
)
def test_units_joined_by_a_hyphen_durations_and_space_grouped_thousands(
    text: str, written: str, value: float, unit: str | None
) -> None:
    (q,) = find_quantities("d", text)
    assert (q.text, q.value, q.unit) == (written, value, unit)


def test_a_day_before_a_count_is_not_read_as_thousands() -> None:
    assert all(q.value != 22200 for q in find_quantities("d", "On May 22 200 soldiers left."))
    assert [(q.text, q.unit) for q in find_quantities("d", "A 5-year-old boy and F-16 jets.")] == [
        ("5-year-old", "years old")
    ]


@pytest.mark.parametrize(
    ("text", "written", "value", "unit"),
    [
        ("a three-storey clinic", "three-storey", 3, "storeys"),
        ("the 330-kilovolt substation", "330-kilovolt", 330, "kV"),
        ("It was minus 14 degrees at night.", "minus 14 degrees", -14, "deg"),
        ("up to 450 megawatts of imports", "up to 450 megawatts", 450, "MW"),
    ],
)
def test_modifiers_below_zero_and_power(text: str, written: str, value: float, unit: str) -> None:
    (q,) = find_quantities("d", text)
    assert (q.text, q.value, q.unit) == (written, value, unit)


@given(
    st.sampled_from(["GW", "gw", "Gw", "MW", "mw", "kV", "KV", "kv", "KM", "Km", "km", "Percent", "TONNES"])
)
def test_a_unit_in_any_case_is_read_never_raises(unit: str) -> None:
    (q,) = find_quantities("d", f"The plant lost 45 {unit} overnight.")
    assert q.value == 45 and q.unit is not None


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("In return, 146 captured servicemen were handed over.", "captured servicemen"),
        ("12 injured people remain in hospital.", "injured people"),
        ("5 killed and 23 wounded in the strike.", "killed"),
    ],
)
def test_a_participle_before_the_counted_noun_describes_it(text: str, about: str) -> None:
    assert find_quantities("d", text)[0].about == about


def test_a_number_with_a_thousands_separator_is_no_year() -> None:
    found = find_quantities("d", "Russia launched more than 1,900 drones; in 1990 the plant closed.")
    assert [(q.text, q.value) for q in found] == [("more than 1,900", 1900.0)]
