"""Dates as the reports write them: read and printed in Russian and English."""

from __future__ import annotations

import datetime as dt

import pytest

from mumidesk.domain.enums import DatePrecision
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.fuzzy_date import FuzzyDate, parse_fuzzy_date

D = dt.date
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("5 июня", D(2020, 6, 5), D(2020, 6, 5), DatePrecision.DAY),
        ("8-20 апреля", D(2020, 4, 8), D(2020, 4, 20), DatePrecision.RANGE),
        ("8 – 20 апреля", D(2020, 4, 8), D(2020, 4, 20), DatePrecision.RANGE),
        ("30–31 марта", D(2020, 3, 30), D(2020, 3, 31), DatePrecision.RANGE),
        ("май", D(2020, 5, 1), D(2020, 5, 31), DatePrecision.MONTH),
        ("Май", D(2020, 5, 1), D(2020, 5, 31), DatePrecision.MONTH),
        ("февраль", D(2020, 2, 1), D(2020, 2, 29), DatePrecision.MONTH),  # leap year
        ("май 2021", D(2021, 5, 1), D(2021, 5, 31), DatePrecision.MONTH),
        ("30 марта - 2 апреля", D(2020, 3, 30), D(2020, 4, 2), DatePrecision.RANGE),
        ("30 декабря – 2 января", D(2020, 12, 30), D(2021, 1, 2), DatePrecision.RANGE),
        ("5 июня 2019 г.", D(2019, 6, 5), D(2019, 6, 5), DatePrecision.DAY),
        ("8–20 апреля 2019 года", D(2019, 4, 8), D(2019, 4, 20), DatePrecision.RANGE),
        ("June 5", D(2020, 6, 5), D(2020, 6, 5), DatePrecision.DAY),
        ("June 5, 2019", D(2019, 6, 5), D(2019, 6, 5), DatePrecision.DAY),
        ("5 June 2019", D(2019, 6, 5), D(2019, 6, 5), DatePrecision.DAY),
        ("April 8-20", D(2020, 4, 8), D(2020, 4, 20), DatePrecision.RANGE),
        ("March 30 - April 2", D(2020, 3, 30), D(2020, 4, 2), DatePrecision.RANGE),
        ("May", D(2020, 5, 1), D(2020, 5, 31), DatePrecision.MONTH),
        ("2019-06-05", D(2019, 6, 5), D(2019, 6, 5), DatePrecision.DAY),
        ("2019-06-05 – 2019-06-07", D(2019, 6, 5), D(2019, 6, 7), DatePrecision.RANGE),
        ("05.06.2019", D(2019, 6, 5), D(2019, 6, 5), DatePrecision.DAY),
        ("05.06", D(2020, 6, 5), D(2020, 6, 5), DatePrecision.DAY),
        ("05.06.2019-07.06.2019", D(2019, 6, 5), D(2019, 6, 7), DatePrecision.RANGE),
        ("  5   июня  ", D(2020, 6, 5), D(2020, 6, 5), DatePrecision.DAY),
    ],
)
def test_parse(text: str, start: dt.date, end: dt.date, precision: DatePrecision) -> None:
    parsed = parse_fuzzy_date(text, 2020)
    assert (parsed.start, parsed.end, parsed.precision) == (start, end, precision)


@pytest.mark.parametrize(
    "text",
    ["abc", "32 мая", "2020-13-01", "1-2-3 мая", "5 blah", "20-8 апреля", "", "   "],
)
def test_bad_text_names_the_dates_field(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_fuzzy_date(text, 2020)
    assert info.value.fields == ["dates"]


def test_bad_text_message_quotes_the_text_and_an_example() -> None:
    with pytest.raises(ValidationError) as info:
        parse_fuzzy_date("позавчера", 2020)
    message = info.value.problems[0].message
    assert "позавчера" in message
    assert "2020-06-05" in message


@pytest.mark.parametrize(
    ("value", "ru", "en"),
    [
        (FuzzyDate.day(D(2020, 6, 5)), "5 июня", "June 5"),
        (FuzzyDate.range(D(2020, 4, 8), D(2020, 4, 20)), "8–20 апреля", "April 8–20"),
        (FuzzyDate.range(D(2020, 3, 30), D(2020, 3, 31)), "30–31 марта", "March 30–31"),
        (
            FuzzyDate.range(D(2020, 3, 30), D(2020, 4, 2)),
            "30 марта – 2 апреля",
            "March 30 – April 2",
        ),
        (FuzzyDate.month(2020, 5), "май", "May"),
    ],
)
def test_format(value: FuzzyDate, ru: str, en: str) -> None:
    assert value.format("ru") == ru
    assert value.format("en") == en


def test_format_with_year() -> None:
    assert FuzzyDate.day(D(2020, 6, 5)).format("ru", with_year=True) == f"5 июня 2020{NBSP}г."
    assert FuzzyDate.day(D(2020, 6, 5)).format("en", with_year=True) == "June 5, 2020"
    april = FuzzyDate.range(D(2020, 4, 8), D(2020, 4, 20))
    assert april.format("ru", with_year=True) == f"8–20 апреля 2020{NBSP}г."
    new_year = FuzzyDate.range(D(2020, 12, 30), D(2021, 1, 2))
    assert new_year.format("ru", with_year=True) == (
        f"30 декабря 2020{NBSP}г. – 2 января 2021{NBSP}г."
    )
    assert FuzzyDate.month(2020, 5).format("en", with_year=True) == "May 2020"


@pytest.mark.parametrize(
    "text", ["5 июня", "8–20 апреля", "30–31 марта", "30 марта – 2 апреля", "май"]
)
def test_russian_text_round_trips(text: str) -> None:
    assert parse_fuzzy_date(text, 2020).format("ru") == text


def test_hyphen_is_printed_as_en_dash() -> None:
    assert parse_fuzzy_date("8-20 апреля", 2020).format("ru") == "8–20 апреля"


def test_range_constructor() -> None:
    assert FuzzyDate.range(D(2020, 6, 5), D(2020, 6, 5)) == FuzzyDate.day(D(2020, 6, 5))
    with pytest.raises(ValidationError) as info:
        FuzzyDate.range(D(2020, 6, 5), D(2020, 6, 4))
    assert info.value.fields == ["end_date"]


def test_overlaps() -> None:
    april = FuzzyDate.range(D(2020, 4, 8), D(2020, 4, 20))
    assert april.overlaps(D(2020, 4, 1), D(2020, 6, 30))
    assert april.overlaps(D(2020, 4, 20), D(2020, 4, 20))
    assert not april.overlaps(D(2020, 4, 21), D(2020, 6, 30))
    assert not april.overlaps(D(2020, 1, 1), D(2020, 4, 7))
