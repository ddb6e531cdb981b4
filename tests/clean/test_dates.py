"""Absolute dates in header lines, bylines and URLs."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.clean.dates import (
    MAX_YEAR,
    MIN_YEAR,
    date_from_url,
    dateline_date,
    find_dates,
    is_clock_time,
    placed_stamp,
    read_stamp,
    stamp_prefix,
    trailing_stamp,
)
from tests.strategies import news_text


def parse_date(text: str) -> date | None:
    found = find_dates(text)
    return found[0][2] if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dec 27, 2022", date(2022, 12, 27)),
        ("March 07, 2023", date(2023, 3, 7)),
        ("Tuesday, March 7th, 2023", date(2023, 3, 7)),
        ("Sept. 5, 2022", date(2022, 9, 5)),
        ("27 December 2022", date(2022, 12, 27)),
        ("Sat 16 Mar 2024 19.40 EET", date(2024, 3, 16)),
        ("1st of May 2023", date(2023, 5, 1)),
        ("2023-05-25", date(2023, 5, 25)),
        ("2023-05-25T10:00:00+02:00", date(2023, 5, 25)),
        ("18.03.2024", date(2024, 3, 18)),
        ("18.03.24", date(2024, 3, 18)),
        ("12/27/22", date(2022, 12, 27)),
        ("27/12/2022", date(2022, 12, 27)),
    ],
)
def test_parse_date_reads_the_usual_formats(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "February 30, 2023",
        "2023-13-01",
        "since May 2022",
        "© 2024",
        "in 2022",
        "version 1.2.3",
        "42/42/2042",
        "",
    ],
)
def test_parse_date_finds_nothing_without_a_real_day_month_and_year(text: str) -> None:
    assert parse_date(text) is None


def test_find_dates_gives_spans_in_order() -> None:
    text = "From 1 March 2023 to 2023-04-02."
    found = find_dates(text)
    assert [value for _, _, value in found] == [date(2023, 3, 1), date(2023, 4, 2)]
    assert [text[start:end] for start, end, _ in found] == ["1 March 2023", "2023-04-02"]


@pytest.mark.parametrize(
    ("line", "published", "updated", "labelled"),
    [
        ("Dec 27, 2022", date(2022, 12, 27), None, False),
        ("date 2023-05-25", date(2023, 5, 25), None, True),
        ("Published: 18.03.2024", date(2024, 3, 18), None, True),
        ("March 20, 2024, 14:05", date(2024, 3, 20), None, False),
        ("15 March 2024 · 08:10", date(2024, 3, 15), None, False),
        ("On 12/27/22 at 9:42 AM EST", date(2022, 12, 27), None, False),
        ("Updated: March 8, 2023 10:00 am", None, date(2023, 3, 8), False),
        (
            "Published: Dec 27, 2022 | Updated: Dec 28, 2022 10:00 a.m. ET",
            date(2022, 12, 27),
            date(2022, 12, 28),
            True,
        ),
    ],
)
def test_read_stamp(line: str, published: date | None, updated: date | None, labelled: bool) -> None:
    stamp = read_stamp(line)
    assert stamp is not None
    assert (stamp.published, stamp.updated, stamp.labelled) == (published, updated, labelled)


@pytest.mark.parametrize(
    "line",
    [
        "He died on March 5, 2023.",
        "Active hostilities have been ongoing since May 2022.",
        "March 5, 2023 marked the anniversary.",
        "No date here",
    ],
)
def test_read_stamp_refuses_a_sentence(line: str) -> None:
    assert read_stamp(line) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.themoscowtimes.com/2023/03/07/bakhmuts-capture-a80414", date(2023, 3, 7)),
        ("https://example.com/news/2023-03-07-slug", date(2023, 3, 7)),
        ("https://example.com/article_20230307.html", date(2023, 3, 7)),
        ("https://example.com/2011/12/no-day", None),
        ("https://example.com/interviews/2024/bondar", None),
        ("https://web.archive.org/web/20160218174457/http://example.de/2010/05/x", None),
        ("https://2023-03-07.example.com/", None),
        ("not a url", None),
    ],
)
def test_date_from_url(url: str, expected: date | None) -> None:
    assert date_from_url(url) == expected


_FORMATS = (
    lambda d: d.strftime("%b %d, %Y"),
    lambda d: d.strftime("%B %d, %Y"),
    lambda d: d.strftime("%d %B %Y"),
    lambda d: d.strftime("%A, %d %b %Y"),
    lambda d: d.isoformat(),
    lambda d: d.strftime("%d.%m.%Y"),
    lambda d: d.strftime("%m/%d/%Y"),
)


@given(st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(MAX_YEAR, 12, 31)), st.sampled_from(_FORMATS))
def test_a_written_date_reads_back(value: date, render: object) -> None:
    assert callable(render)
    assert parse_date(f"Published {render(value)} in Kyiv") == value


@given(st.text(max_size=200))
def test_parsers_never_raise_and_return_real_dates(text: str) -> None:
    value = parse_date(text)
    assert value is None or (isinstance(value, date) and MIN_YEAR <= value.year <= MAX_YEAR)
    for start, end, found in find_dates(text):
        assert 0 <= start < end <= len(text)
        assert parse_date(text[start:end]) == found
    stamp = read_stamp(text)
    assert stamp is None or stamp.published is not None or stamp.updated is not None
    url_date = date_from_url(f"https://example.com/{text}")
    assert url_date is None or MIN_YEAR <= url_date.year <= MAX_YEAR


@given(st.from_regex(r"[0-9./\- A-Za-z,:]{0,40}", fullmatch=True))
def test_digit_heavy_strings_never_raise(text: str) -> None:
    parse_date(text)
    read_stamp(text)
    date_from_url(f"https://example.com/{text}")


@settings(max_examples=300, deadline=None)
@given(news_text())
def test_news_like_text_gives_real_dates_in_order(text: str) -> None:
    # Text made of month names, weekdays, numbers and separators, which random text rarely spells.
    position = 0
    for start, end, found in find_dates(text):
        assert position <= start < end <= len(text)
        assert MIN_YEAR <= found.year <= MAX_YEAR
        position = end
    stamp = read_stamp(text)
    assert stamp is None or stamp.published is not None or stamp.updated is not None
    for value in (stamp.published, stamp.updated) if stamp else ():
        assert value is None or MIN_YEAR <= value.year <= MAX_YEAR
    for url in (text, f"https://example.org/{text}", f"https://example.org/{text.replace(' ', '/')}"):
        url_date = date_from_url(url)
        assert url_date is None or MIN_YEAR <= url_date.year <= MAX_YEAR


@pytest.mark.parametrize(
    ("line", "published", "rest"),
    [
        ("2023-11-02 ODESA, Nov 2 (Reuters) - The port was hit again overnight.", date(2023, 11, 2),
         "ODESA, Nov 2 (Reuters) - The port was hit again overnight."),
        ("April 9, 2024 The council met in the basement of the school.", date(2024, 4, 9),
         "The council met in the basement of the school."),
        ("Date: 7 June 2022. Three trains left the station before dawn.", date(2022, 6, 7),
         "Three trains left the station before dawn."),
        ("09.10.2023, 18:40 | Volunteers unloaded the last of the generators.", date(2023, 10, 9),
         "Volunteers unloaded the last of the generators."),
        ('21 August 2023 - "We stayed for the animals," the farmer said.', date(2023, 8, 21),
         '"We stayed for the animals," the farmer said.'),
    ],
)  # fmt: skip
def test_a_stamp_running_into_the_first_sentence_is_split_off(line: str, published: date, rest: str) -> None:
    found = stamp_prefix(line)
    assert found is not None
    stamp, remainder = found
    assert (stamp.published, remainder) == (published, rest)


@pytest.mark.parametrize(
    "line",
    [
        "April 9, 2024 was the day the dam gave way.",  # the date is the sentence's subject
        "On April 9, 2024 the council met again.",
        "Published: 09.10.2023 18:40",  # a stamp alone: read_stamp's line
        "The council met on April 9, 2024 in the school.",
        "April 9, 2024 Kyiv",
    ],
)
def test_no_stamp_is_split_off_a_sentence_that_holds_a_date(line: str) -> None:
    assert stamp_prefix(line) is None


@given(st.text(max_size=120) | news_text())
@settings(max_examples=300)
def test_a_split_stamp_leaves_a_tail_of_the_line(line: str) -> None:
    found = stamp_prefix(line)
    if found is not None:
        stamp, rest = found
        assert line.endswith(rest) and stamp.published is not None


@pytest.mark.parametrize(
    ("line", "published", "rest"),
    [
        ("12 March 2025 - 09:40 Rescuers pulled two people from the rubble.", date(2025, 3, 12),
         "Rescuers pulled two people from the rubble."),
        ("3 July 2024 | 18:05 | The last train left Pokrovsk at dusk.", date(2024, 7, 3),
         "The last train left Pokrovsk at dusk."),
        ("9 June 2024, 08:30 (Kyiv time) Sirens sounded across the capital.", date(2024, 6, 9),
         "Sirens sounded across the capital."),
    ],
)  # fmt: skip
def test_a_time_parted_from_its_date_is_split_off_with_it(line: str, published: date, rest: str) -> None:
    found = stamp_prefix(line)
    assert found is not None
    assert (found[0].published, found[1]) == (published, rest)


def test_a_stamp_with_a_relative_update_is_one_stamp_and_runs_into_nothing() -> None:
    line = "June 9, 2024 10:02 AM EEST Updated 2 hours ago"
    stamp = read_stamp(line)
    assert stamp is not None and stamp.published == date(2024, 6, 9)
    assert stamp_prefix(line) is None
    assert read_stamp("June 9, 2024: two hours ago the sirens stopped") is None


TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The lead's weekday fixes the year: 2 October was a Friday in 2026.
        (
            "LVIV, Oct 2 (Reuters) - Firefighters worked through Friday to put out a depot fire.",
            date(2026, 10, 2),
        ),
        # ... and in 2020, which the article's own mention of 2020 allows but the later match beats.
        ("ROME, Oct. 2 (AFP) — The talks resumed on Friday, the first since 2020.", date(2026, 10, 2)),
        # A year in the dateline needs no weekday.
        ("GENEVA, Switzerland, June 9, 2025 (AP) — Delegates met again.", date(2025, 6, 9)),
        # 30 November 2026 was a Monday; the text names 2023, so 2026 is the only year since that fits.
        (
            "KHARKIV, November 30 - The governor said on Monday the strikes of 2023 were worse.",
            date(2026, 11, 30),
        ),
    ],
)
def test_a_dateline_gives_its_day_and_the_weekday_its_year(text: str, expected: date) -> None:
    assert dateline_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "LVIV, Oct 2 (Reuters) - Firefighters worked through the night.",  # no weekday: any year fits
        # no Wednesday 30 December from 2021, the year the text names, to today
        "LVIV, Dec 30 (Reuters) - The depot, built in 2021, burned on Wednesday.",
        "The depot in Lviv, Oct 2 - burned on Friday.",  # no dateline at the start
        "LVIV (Reuters) - The depot burned on Friday.",  # a dateline without a day
    ],
)
def test_a_dateline_without_a_sure_year_gives_no_date(text: str) -> None:
    assert dateline_date(text, today=TODAY) is None


def test_a_dateline_day_never_lies_after_today() -> None:
    # 5 December 2026 was a Saturday, but is after 1 December: the latest earlier Saturday 5 December is 2020.
    assert dateline_date(
        "KYIV, Dec 5 (Reuters) - On Saturday the city was dark.", today=date(2026, 12, 1)
    ) == date(2020, 12, 5)


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("October 9, 2026, 11:05, Novo-Ogaryovo, Moscow Region", date(2026, 10, 9)),
        ("9 October 2026 · The Kremlin, Moscow", date(2026, 10, 9)),
        ("09.10.2026 - Kyiv", date(2026, 10, 9)),
    ],
)
def test_a_stamp_with_the_place_it_was_issued(line: str, published: date) -> None:
    stamp = placed_stamp(line)
    assert stamp is not None and stamp.published == published


@pytest.mark.parametrize(
    "line",
    [
        "October 9, 2026, The mayor said the bridge held.",
        "October 9, 2026 was the day Kyiv went dark",
        "October 9, 2026, 11:05, 14 drones",
        "Kyiv, October 9, 2026",
    ],
)
def test_a_date_before_a_sentence_or_a_figure_is_no_placed_stamp(line: str) -> None:
    assert placed_stamp(line) is None


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("09:47", True),
        ("4:05 p.m. EST", True),
        ("11.30 (Kyiv time)", True),
        ("09:47 Ivan Petrov", False),
        ("Ivan", False),
    ],
)
def test_is_clock_time(text: str, clock: bool) -> None:
    assert is_clock_time(text) is clock


def test_a_dateline_after_a_kept_headline() -> None:
    text = (
        "Depot burns in Lviv\n\nLVIV, Oct 2 (Reuters) - Firefighters worked through Friday, officials said."
    )
    assert dateline_date(text, today=TODAY) == date(2026, 10, 2)


def test_a_media_reviews_heading_gives_its_day() -> None:
    found = trailing_stamp("Review of Ukrainian media on 04.12.2026")
    assert found is not None and found[0].published == date(2026, 12, 4)
