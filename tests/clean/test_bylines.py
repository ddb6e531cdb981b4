"""Bylines and wire credit trailers."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.clean.bylines import (
    _NOT_NAMES,
    _PARTICLES,
    is_role_line,
    parse_byline,
    parse_credit_trailer,
    parse_staff_credit,
)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Nick Mordowanec", ("Nick Mordowanec",)),
        ("By AFP", ("AFP",)),
        ("By Reuters", ("Reuters",)),
        ("By James Whitlock and Priya Raman", ("James Whitlock", "Priya Raman")),
        ("By John Smith, Staff Writer", ("John Smith",)),
        ("By John Smith in Kyiv and Jane Doe", ("John Smith", "Jane Doe")),
        ("By Ivan de la Cruz", ("Ivan de la Cruz",)),
        ("BY NICK MORDOWANEC", ("Nick Mordowanec",)),
        ("By The Associated Press", ("The Associated Press",)),
        ("Author: Anna Leskiv", ("Anna Leskiv",)),
        ("By Nick Mordowanec | Newsweek", ("Nick Mordowanec",)),
    ],
)
def test_names_of_a_byline(line: str, names: tuple[str, ...]) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.names == names


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("By Dmytro Savchuk | Published: 18.03.2024", date(2024, 3, 18)),
        ("By Nick Mordowanec On 12/27/22 at 9:42 AM EST", date(2022, 12, 27)),
        ("By Marta Kovalenko, March 5, 2023", date(2023, 3, 5)),
    ],
)
def test_a_byline_carries_its_date_stamp(line: str, published: date) -> None:
    byline = parse_byline(line)
    assert byline is not None and byline.stamp is not None
    assert byline.stamp.published == published


@pytest.mark.parametrize(
    "line",
    [
        "By Monday the town had fallen.",
        "By contrast, Russia kept its reserves back.",
        "By 2024, the army had grown.",
        "By Ukraine's estimate, 500 soldiers died.",
        "By Tuesday",
        "By John Smith, who was wounded in the attack",
        "Byline",
        "Nick Mordowanec",
    ],
)
def test_sentences_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Reporting by Lena Marsh; Editing by Tom Reyes", ("Lena Marsh",)),
        (
            "Reporting by Karim Aziz; Writing by Lena Marsh; Editing by Tom Reyes",
            ("Karim Aziz", "Lena Marsh"),
        ),
        ("(Reporting by Pavel Polityuk in Kyiv; editing by Tom Brown)", ("Pavel Polityuk",)),
        ("Additional reporting by NWA.", ()),
        (
            "Reporting by Greg Roumeliotis, Joshua Franklin, with reporting by Herb Lash, "
            "editing by Martin Howell.",
            ("Greg Roumeliotis", "Joshua Franklin", "Herb Lash"),
        ),
    ],
)
def test_credit_trailers(line: str, authors: tuple[str, ...]) -> None:
    assert parse_credit_trailer(line) == authors


@pytest.mark.parametrize(
    "line",
    [
        "Research by the Institute for the Study of War shows that Russia lost ground.",
        "Reporting by the BBC showed widespread fraud.",
        "He was reporting by phone from Kyiv.",
    ],
)
def test_sentences_are_not_credit_trailers(line: str) -> None:
    assert parse_credit_trailer(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Staff Writer", True),
        ("Senior Defense Correspondent", True),
        ("News Reporter", True),
        ("Writer", True),
        ("Staff Sergeant", False),
        ("The writer said", False),
        ("Military analysts", False),
    ],
)
def test_role_lines(line: str, expected: bool) -> None:
    assert is_role_line(line) is expected


# Generated names avoid the words the parser refuses as names on purpose (months, pronouns, particles).
_NAME = st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True).filter(
    lambda w: w.lower() not in _NOT_NAMES | _PARTICLES
)


@given(st.lists(st.tuples(_NAME, _NAME).map(" ".join), min_size=1, max_size=3, unique=True))
def test_generated_bylines_read_back(names: list[str]) -> None:
    byline = parse_byline("By " + " and ".join(names))
    assert byline is not None
    assert list(byline.names) == names


@given(st.text(max_size=160))
def test_byline_parsers_never_raise_and_only_return_words_of_the_line(text: str) -> None:
    for line in (text, f"By {text}", f"Reporting by {text}"):
        byline = parse_byline(line)
        found = byline.names if byline else parse_credit_trailer(line) or ()
        words = line.casefold().split()
        for name in found:
            assert name
            assert all(any(part.casefold() in word for word in words) for part in name.split())


@pytest.mark.parametrize(
    ("line", "names", "sentence"),
    [
        ("Text: Halyna Moroz", ("Halyna Moroz",), "Text: the full agreement runs to 40 pages."),
        ("Words: Petro Hnatiuk", ("Petro Hnatiuk",), "Words: they are cheap, the colonel said."),
        ("Interview by Oksana Lytvyn", ("Oksana Lytvyn",), "Interview by phone was the only option."),
        ("Text and photos: Ivan Sirko", ("Ivan Sirko",), "Text and photos: what the drone saw over Bakhmut"),
        (
            "Words and pictures by Olha Koval",
            ("Olha Koval",),
            "Words and pictures by themselves prove nothing.",
        ),
    ],
)
def test_labelled_bylines_name_the_writer_and_a_sentence_after_the_label_is_none(
    line: str, names: tuple[str, ...], sentence: str
) -> None:
    byline = parse_byline(line)
    assert byline is not None and byline.names == names
    assert parse_byline(sentence) is None


@pytest.mark.parametrize(
    ("line", "authors", "sentence"),
    [
        (
            "(Reporting by Iryna Bondar in Odesa; additional reporting by the Warsaw bureau; "
            "editing by Piotr Nowak)",
            ("Iryna Bondar",),
            "Reporting by the Warsaw bureau showed the depot was hit.",
        ),
        (
            "Reporting by the Kyiv and Warsaw newsrooms; Editing by Anna Kurek",
            (),
            "Reporting by the Kyiv newsrooms of three channels was banned.",
        ),
        ("Additional reporting by our Brussels desk", (), "Additional reporting by our desk found more."),
    ],
)
def test_a_credit_trailer_may_credit_a_whole_newsroom(
    line: str, authors: tuple[str, ...], sentence: str
) -> None:
    assert parse_credit_trailer(line) == authors
    assert parse_credit_trailer(sentence) is None


@pytest.mark.parametrize(
    ("line", "outlet", "look_alike"),
    [
        ("Dnipro Herald staff", "Dnipro Herald", "Staff"),
        ("By the Meridian Wire newsroom", "Meridian Wire", "Senior staff"),
        ("Eastline news desk", "Eastline", "Medical staff said the ward was full."),
        ("The Ostra Herald staff", "Ostra Herald", "staff of the Dnipro Herald"),
    ],
)
def test_staff_credits_name_the_outlet(line: str, outlet: str, look_alike: str) -> None:
    assert parse_staff_credit(line) == outlet
    assert parse_staff_credit(look_alike) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Oksana Hrytsenko, Kyiv", ("Oksana Hrytsenko",)),
        ("By Oksana Hrytsenko and Petro Lys, Dnipro", ("Oksana Hrytsenko", "Petro Lys")),
    ],
)
def test_a_byline_with_the_place_it_was_filed_from(line: str, names: tuple[str, ...]) -> None:
    byline = parse_byline(line)
    assert byline is not None and byline.names == names


@pytest.mark.parametrize("line", ["By Monday, Kyiv", "By the way, Kyiv is cold"])
def test_a_sentence_opening_with_by_is_no_byline(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Hannah Lister in Nikopol", ("Hannah Lister",)),
        ("Anna Berg and Tom Kask in Kyiv", ("Anna Berg", "Tom Kask")),
    ],
)
def test_a_reporter_and_where_she_files_from_is_a_byline(line: str, names: tuple[str, ...]) -> None:
    found = parse_byline(line)
    assert found is not None and found.names == names
    assert parse_byline("The War in Ukraine") is None and parse_byline("Life in Kharkiv") is None
