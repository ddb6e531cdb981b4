from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.extract.times import day_named, find_times, time_mentions
from tests.strategies import news_text

TUESDAY = dt.date(2023, 3, 7)


def values(text: str, published: dt.date | None = TUESDAY) -> list[tuple[str, str | None, str | None]]:
    return [(t.text, t.timeml, t.value) for t in find_times(text, published=published)]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Monday", dt.date(2023, 3, 6)),
        ("late Monday", dt.date(2023, 3, 6)),
        ("on Tuesday", TUESDAY),
        ("last Tuesday", dt.date(2023, 2, 28)),
        ("Wednesday", dt.date(2023, 3, 1)),
        ("yesterday", dt.date(2023, 3, 6)),
        ("the day before yesterday", dt.date(2023, 3, 5)),
        ("today", TUESDAY),
        ("March 6", dt.date(2023, 3, 6)),
        ("6 March", dt.date(2023, 3, 6)),
        ("Dec. 30", dt.date(2022, 12, 30)),
        ("over the weekend", None),
        ("February 30", None),
    ],
)
def test_days_in_a_past_context(expression: str, expected: dt.date | None) -> None:
    assert day_named(f"He said it {expression}.", TUESDAY) == expected


def test_absolute_expressions() -> None:
    assert values("Dec 27, 2022; March 07, 2023; 2023-05-25; May 2022; spring 2023; fall 2022.") == [
        ("Dec 27, 2022", "2022-12-27", "2022-12-27"),
        ("March 07, 2023", "2023-03-07", "2023-03-07"),
        ("2023-05-25", "2023-05-25", "2023-05-25"),
        ("May 2022", "2022-05", "2022-05"),
        ("spring 2023", "2023-SP", "2023"),
        ("fall 2022", "2022-FA", "2022"),
    ]
    assert values("by the beginning of 2023")[0][1:] == ("2023", "2023")


def test_future_context_turns_weekdays_forward() -> None:
    assert values("Troops will withdraw starting this Thursday.") == [
        ("this Thursday", "2023-03-09", "2023-03-09")
    ]
    assert values("Troops withdrew on Thursday.") == [("on Thursday", "2023-03-02", "2023-03-02")]
    assert values("Talks resume next Tuesday.") == [("next Tuesday", "2023-03-14", "2023-03-14")]


def test_relative_expressions() -> None:
    found = values(
        "Last week, this week, over the weekend, two weeks ago, yesterday, the next day, a day earlier."
    )
    assert found == [
        ("Last week", "2023-W09", "2023-W09"),
        ("this week", "2023-W10", "2023-W10"),
        ("the weekend", "2023-W09-WE", "2023-W09"),
        ("two weeks ago", "2023-W08", "2023-W08"),
        ("yesterday", "2023-03-06", "2023-03-06"),
        ("the next day", "2023-03-07", "2023-03-07"),  # after yesterday
        ("a day earlier", "2023-03-06", "2023-03-06"),  # before the next day
    ]
    assert values("Fighting flared in early May and has gone on since May 2022.") == [
        ("early May", "2022-05", "2022-05"),
        ("May 2022", "2022-05", "2022-05"),
    ]


def test_durations_sets_and_counts_have_no_date() -> None:
    assert values("for months, three years, every week, in its 65th week") == [
        ("months", "PXM", None),
        ("three years", "P3Y", None),
        ("every week", "P1W", None),
        ("its 65th week", "P65W", None),
    ]


def test_across_month_and_year_boundaries() -> None:
    new_year = dt.date(2023, 1, 2)  # a Monday
    assert values("He spoke on Friday about Dec. 30.", new_year) == [
        ("on Friday", "2022-12-30", "2022-12-30"),
        ("Dec. 30", "2022-12-30", "2022-12-30"),
    ]
    assert values("It opened on Wednesday and closed in January.", dt.date(2022, 12, 30)) == [
        ("on Wednesday", "2022-12-28", "2022-12-28"),
        ("January", "2022-01", "2022-01"),
    ]
    # Without a past tense, next month is nearer than last year's.
    assert values("The bridge reopens in January.", dt.date(2022, 12, 30)) == [
        ("January", "2023-01", "2023-01")
    ]
    assert values("They will meet on Wednesday, in January.", dt.date(2022, 12, 30)) == [
        ("on Wednesday", "2023-01-04", "2023-01-04"),
        ("January", "2023-01", "2023-01"),
    ]
    assert values("Last month", dt.date(2023, 1, 15)) == [("Last month", "2022-12", "2022-12")]


def test_no_publication_date_means_no_relative_value() -> None:
    assert values("He said on Monday that fighting has raged since May 2022.", None) == [
        ("on Monday", None, None),
        ("May 2022", "2022-05", "2022-05"),
    ]


def test_names_are_not_times() -> None:
    assert values("the Ukrainian Institute of the Future said") == []
    assert values("Officials may leave. They said it may be so.") == []


@given(st.text(max_size=60), st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_any_text_gives_well_formed_spans(text: str, published: dt.date) -> None:
    for found in find_times(text, published=published):
        assert 0 <= found.start < found.end <= len(text)
        assert text[found.start : found.end] == found.text
        assert found.kind in ("DATE", "TIME", "DURATION", "SET")


_CONTRACT = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?")


@settings(max_examples=300, deadline=None)
@given(news_text(), st.dates() | st.none())
def test_news_like_text_gives_well_formed_times(text: str, published: dt.date | None) -> None:
    position = 0
    for found in find_times(text, published=published):
        assert position <= found.start < found.end <= len(text)
        assert text[found.start : found.end] == found.text
        assert found.kind in ("DATE", "TIME", "DURATION", "SET")
        assert found.value is None or _CONTRACT.fullmatch(found.value), found
        position = found.end
    for mention in time_mentions("d", text, published=published):
        assert text[mention.span.start : mention.span.end] == mention.text


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("It happened in October last year.", "October last year", "2025-10"),
        ("Prices fell in mid-June this year.", "mid-June this year", "2026-06"),
        ("The summit is planned for March next year.", "March next year", "2027-03"),
    ],
)
def test_a_month_of_a_year_named_relative_to_the_report(text: str, written: str, value: str) -> None:
    (found,) = find_times(text, published=dt.date(2026, 11, 27))
    assert (found.text, found.value) == (written, value)


def test_a_month_ending_a_sentence_is_not_joined_to_the_next_sentences_year() -> None:
    found = find_times("The works end in early May.\n\nLast year prices rose.", published=dt.date(2026, 1, 2))
    assert [f.text for f in found] == ["early May", "Last year"]


def test_parts_of_the_current_unit() -> None:
    published = dt.date(2025, 9, 17)
    found = values("Since the beginning of the month the plant has worked at half power.", published)
    assert ("the beginning of the month", "2025-09", "2025-09") in found
    found = values("The talks should end by the end of the year.", published)
    assert ("the end of the year", "2025", "2025") in found


def test_a_day_before_or_after_the_day_last_named() -> None:
    found = values(
        "On Friday the dam held. The day before, engineers had warned it might not.", dt.date(2025, 9, 17)
    )
    assert found[-1] == ("The day before", "2025-09-11", "2025-09-11")
    assert values("He left the day before the vote.", dt.date(2025, 9, 17)) == []


def test_a_bare_month_after_between_or_from() -> None:
    found = values("Exports fell between April and late June.", dt.date(2025, 9, 17))
    assert ("April", "2025-04", "2025-04") in found


def test_expected_events_in_a_coming_month_lie_ahead() -> None:
    found = values("Both ministers are expected in Geneva in early December.", dt.date(2025, 9, 17))
    assert found == [("early December", "2025-12", "2025-12")]


def test_a_modal_after_the_day_looks_ahead() -> None:
    thursday = dt.date(2026, 11, 19)
    assert values("He said that on Friday he would meet the leaders.", thursday) == [
        ("on Friday", "2026-11-20", "2026-11-20")
    ]
    assert values("On Friday he said he would resign.", thursday) == [
        ("On Friday", "2026-11-13", "2026-11-13")
    ]


def test_part_of_a_month_before_a_count() -> None:
    found = values("Since the beginning of September, 1,274 people have left.", dt.date(2026, 9, 22))
    assert found == [("the beginning of September", "2026-09", "2026-09")]


def test_something_prepared_for_a_month_lies_ahead() -> None:
    found = values("Another exchange was being prepared for early June.", dt.date(2025, 5, 23))
    assert found == [("early June", "2025-06", "2025-06")]


def test_a_deadline_the_same_day_and_overnight() -> None:
    friday = dt.date(2026, 11, 20)
    assert values("Heating would be restored in all blocks by Sunday.", friday) == [
        ("by Sunday", "2026-11-22", "2026-11-22")
    ]
    assert values("The repairs had been finished by Sunday.", friday) == [
        ("by Sunday", "2026-11-15", "2026-11-15")
    ]
    found = values("On Wednesday the ministry made the claim. The embassy repeated it the same day.", friday)
    assert found[-1] == ("the same day", "2026-11-18", "2026-11-18")
    assert values("Overnight, drones attacked 14 villages.", friday) == [
        ("Overnight", "2026-11-20", "2026-11-20")
    ]


def test_a_month_naming_an_event_and_the_day_before_a_clause() -> None:
    text = (
        "The spokeswoman told reporters on Wednesday that a missile had hit the block. The ministry had"
        " claimed the day before that it struck a depot. Talks are planned for December, before the"
        " December summit. The day before that attack, it rained."
    )
    found = [(t.text, t.value) for t in find_times(text, published=dt.date(2026, 11, 19))]
    assert found == [
        ("on Wednesday", "2026-11-18"),
        ("the day before", "2026-11-17"),
        ("December", "2026-12"),
        ("December", "2026-12"),
    ]


def test_a_weekday_of_last_week() -> None:
    text = "On Tuesday last week the ministry announced it. On Friday of last week they met."
    found = [(t.text, t.value) for t in find_times(text, published=dt.date(2026, 12, 1))]
    assert found == [("On Tuesday last week", "2026-11-24"), ("On Friday of last week", "2026-11-27")]


@pytest.mark.parametrize(
    "text",
    [
        "Five days after Moscow announced the capture, the mayor spoke.",
        "The day after Kyiv denied it, it rained.",
    ],
)
def test_days_counted_from_an_event_a_clause_names_fix_no_day(text: str) -> None:
    assert all(t.value is None for t in find_times(text, published=dt.date(2026, 10, 29)))


def test_days_counted_from_the_day_last_named_still_fix_one() -> None:
    text = "On Monday the strike hit the depot. Two days before, the mayor had warned of it."
    found = [(t.text, t.value) for t in find_times(text, published=dt.date(2026, 10, 29))]
    assert ("Two days before", "2026-10-24") in found
