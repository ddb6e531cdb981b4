from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.extract.times import resolve_day

TUESDAY = dt.date(2023, 3, 7)


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
def test_resolve_day(expression: str, expected: dt.date | None) -> None:
    assert resolve_day(expression, TUESDAY) == expected


@given(st.text(max_size=40), st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_resolved_days_never_lie_after_publication(expression: str, published: dt.date) -> None:
    day = resolve_day(expression, published)
    assert day is None or day <= published
