"""Day expressions resolved against the publication date.

For now this covers what statement dating needs — weekday names ("on Monday", "late Tuesday"),
"today", "yesterday", "the day before yesterday" and month-day dates ("March 6", "6 March") —
resolved as news writing uses them: a bare weekday is the most recent such day on or before the
publication date, and a month-day without a year takes the year that puts it on or before it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS: Final = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_ALT: Final = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH_DAY: Final = re.compile(rf"\b(?:({_MONTH_ALT})\.?\s+(\d{{1,2}})|(\d{{1,2}})\s+({_MONTH_ALT}))\b", re.I)
_WEEKDAY: Final = re.compile(r"\b(last\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.I)


def resolve_day(expression: str, published: dt.date) -> dt.date | None:
    """The calendar day ``expression`` names, read from an article published on ``published``."""
    lowered = expression.lower()
    if "day before yesterday" in lowered:
        return published - dt.timedelta(days=2)
    if "yesterday" in lowered:
        return published - dt.timedelta(days=1)
    if re.search(r"\b(today|tonight|this morning|this afternoon|this evening)\b", lowered):
        return published
    if match := _MONTH_DAY.search(expression):
        month_name = (match.group(1) or match.group(4)).lower()
        day = int(match.group(2) or match.group(3))
        for year in (published.year, published.year - 1):
            try:
                candidate = dt.date(year, _MONTHS[month_name], day)
            except ValueError:
                return None
            if candidate <= published:
                return candidate
        return None
    if match := _WEEKDAY.search(expression):
        back = (published.weekday() - WEEKDAYS.index(match.group(2).lower())) % 7
        if match.group(1) and back == 0:
            back = 7
        return published - dt.timedelta(days=back)
    return None
