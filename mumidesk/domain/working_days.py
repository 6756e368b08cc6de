"""Russian working days: weekends, public holidays, transferred days off and working Saturdays.

All of it comes from the maintained ``holidays`` package (production calendar of the Russian
Federation), never from a hand-kept list.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holidays import HolidayBase


@cache
def _calendar(year: int) -> HolidayBase:
    # One year at a time keeps the cache small; a range of dates asks for the years it spans.
    import holidays  # imported on the first date computed: 25 ms off the window's start

    return holidays.country_holidays("RU", years=[year])


def is_working_day(day: dt.date) -> bool:
    return bool(_calendar(day.year).is_working_day(day))


def add_working_days(start: dt.date, count: int) -> dt.date:
    """The ``count``-th working day after ``start`` (``start`` itself is not counted)."""
    if count < 0:
        raise ValueError("count must not be negative")
    day = start
    remaining = count
    while remaining:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end``."""
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count
