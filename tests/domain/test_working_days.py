from __future__ import annotations

import datetime as dt

import pytest

from mumidesk.domain.working_days import add_working_days, is_working_day, working_days_between

D = dt.date


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2025, 4, 30), True),  # Wednesday
        (D(2025, 5, 1), False),  # Spring and Labour Day
        (D(2025, 5, 2), False),  # Friday, day off moved from 4 January
        (D(2025, 5, 3), False),  # Saturday
        (D(2025, 5, 8), False),  # Thursday, day off moved from 23 February
        (D(2025, 5, 9), False),  # Victory Day
        (D(2025, 5, 12), True),
        (D(2025, 11, 1), True),  # a working Saturday: its day off moved to 3 November
        (D(2025, 11, 3), False),
        (D(2025, 11, 4), False),  # Unity Day
        (D(2025, 12, 31), False),  # moved from 5 January
        (D(2025, 1, 8), False),  # New Year holidays
        (D(2025, 1, 9), True),
        (D(2025, 6, 13), False),  # Friday after Russia Day, moved from 8 March
    ],
)
def test_russian_production_calendar(day: dt.date, working: bool) -> None:
    assert is_working_day(day) is working


def test_adding_working_days_skips_the_may_holidays() -> None:
    assert add_working_days(D(2025, 4, 28), 10) == D(2025, 5, 16)
    assert add_working_days(D(2025, 4, 30), 3) == D(2025, 5, 7)
    assert add_working_days(D(2025, 4, 30), 1) == D(2025, 5, 5)


def test_a_working_saturday_counts() -> None:
    # Friday 31 October 2025 + 1 working day is Saturday 1 November, not Wednesday 5 November.
    assert add_working_days(D(2025, 10, 31), 1) == D(2025, 11, 1)
    assert add_working_days(D(2025, 10, 31), 2) == D(2025, 11, 5)


def test_counting_across_the_new_year() -> None:
    # 30 December 2025 is a Tuesday; 31 December and 1–11 January 2026 are days off (9 January
    # moved from Saturday 3 January): each year's calendar is asked for separately.
    assert add_working_days(D(2025, 12, 30), 1) == D(2026, 1, 12)


def test_zero_and_negative_counts() -> None:
    assert add_working_days(D(2025, 5, 3), 0) == D(2025, 5, 3)
    with pytest.raises(ValueError):
        add_working_days(D(2025, 5, 3), -1)


def test_working_days_between() -> None:
    assert working_days_between(D(2025, 4, 28), D(2025, 5, 16)) == 10
    assert working_days_between(D(2025, 10, 31), D(2025, 11, 5)) == 2
    assert working_days_between(D(2025, 5, 16), D(2025, 5, 16)) == 0
    assert working_days_between(D(2025, 5, 16), D(2025, 5, 1)) == 0
