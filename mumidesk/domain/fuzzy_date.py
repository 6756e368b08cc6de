"""Dates as people write them in the reports: a day, a range of days, or a whole month.

"5 июня", "8–20 апреля", "30 марта – 2 апреля", "май". Month names come from Babel (CLDR), in the
genitive ("format" context) after a day and in the nominative ("stand-alone") alone.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from babel import Locale
from babel.dates import format_date

from mumidesk.domain.enums import DatePrecision
from mumidesk.domain.errors import ValidationError
from mumidesk.i18n import _

EN_DASH = "\u2013"


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    start: dt.date
    end: dt.date
    precision: DatePrecision

    @classmethod
    def day(cls, day: dt.date) -> FuzzyDate:
        return cls(day, day, DatePrecision.DAY)

    @classmethod
    def range(cls, start: dt.date, end: dt.date) -> FuzzyDate:
        if end < start:
            raise ValidationError.single(
                "end_date",
                _("the end {end} is before the start {start}").format(
                    end=end.isoformat(), start=start.isoformat()
                ),
            )
        if start == end:
            return cls.day(start)
        return cls(start, end, DatePrecision.RANGE)

    @classmethod
    def month(cls, year: int, month: int) -> FuzzyDate:
        last = calendar.monthrange(year, month)[1]
        return cls(dt.date(year, month, 1), dt.date(year, month, last), DatePrecision.MONTH)

    def format(self, locale: str | Locale = "ru", with_year: bool = False) -> str:
        """The date as the quarterly report writes it (no year unless asked)."""
        loc = Locale.parse(locale)
        year_suffix = _year_suffix(self.end, loc) if with_year else ""
        if self.precision is DatePrecision.MONTH:
            skeleton = "LLLL y" if with_year else "LLLL"
            return format_date(self.start, skeleton, locale=loc)
        if self.precision is DatePrecision.DAY:
            return format_date(self.start, _day_pattern(loc), locale=loc) + year_suffix
        if self.start.month == self.end.month and self.start.year == self.end.year:
            if loc.language == "en":  # "April 8–20"
                first = format_date(self.start, _day_pattern(loc), locale=loc)
                return f"{first}{EN_DASH}{self.end.day}{year_suffix}"
            last = format_date(self.end, _day_pattern(loc), locale=loc)  # "8–20 апреля"
            return f"{self.start.day}{EN_DASH}{last}{year_suffix}"
        first = format_date(self.start, _day_pattern(loc), locale=loc)
        if with_year and self.start.year != self.end.year:
            first += _year_suffix(self.start, loc)
        last = format_date(self.end, _day_pattern(loc), locale=loc)
        return f"{first} {EN_DASH} {last}{year_suffix}"

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        return self.start <= end and self.end >= start


def _day_pattern(loc: Locale) -> str:
    # English writes "June 5"; Russian "5 июня".
    return "MMMM d" if loc.language == "en" else "d MMMM"


def _year_suffix(day: dt.date, loc: Locale) -> str:
    if loc.language == "ru":
        return " " + format_date(day, "y", locale=loc) + "\u00a0г."
    return ", " + format_date(day, "y", locale=loc)


@cache
def _month_lookup(language: str) -> dict[str, int]:
    """Every spelling of a month name Babel knows for the language, lower-cased."""
    loc = Locale.parse(language)
    lookup: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in loc.months[context][width].items():
                lookup[name.lower().rstrip(".")] = number
    return lookup


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_RANGE_SPLIT = re.compile(r"\s*[-\u2010-\u2015]\s*")


def parse_fuzzy_date(text: str, year: int, language: str = "ru") -> FuzzyDate:
    """Read "5 июня", "8-20 апреля", "30 марта - 2 апреля", "май", ISO or dd.mm.yyyy dates.

    ``year`` is used where the text has none. Raises ValidationError naming ``dates``.
    """
    raw = " ".join(text.split()).lower()
    if not raw:
        raise ValidationError.single("dates", _("is required"))
    months = {**_month_lookup(language), **_month_lookup("ru"), **_month_lookup("en")}
    try:
        return _parse(raw, year, months)
    except ValidationError as exc:  # e.g. "20-8 апреля": the problem is in the text read
        raise ValidationError.single("dates", "; ".join(p.message for p in exc.problems)) from None
    except (ValueError, KeyError, IndexError, OverflowError):  # "5 июня 99999999999999999999"
        raise ValidationError.single(
            "dates",
            _(
                "cannot read {text!r}: write e.g. “5 June”, “8–20 April”, “May” or 2020-06-05"
            ).format(text=text),
        ) from None


def _parse(raw: str, year: int, months: dict[str, int]) -> FuzzyDate:
    raw = raw.removesuffix(" г.").removesuffix(" года").removesuffix(" г")
    iso = _ISO_DATE.findall(raw)
    if iso and _ISO_DATE.sub("", raw).strip(" -\u2010\u2011\u2012\u2013\u2014\u2015/") == "":
        if len(iso) == 1:
            return FuzzyDate.day(dt.date.fromisoformat(iso[0]))
        if len(iso) == 2:
            return FuzzyDate.range(dt.date.fromisoformat(iso[0]), dt.date.fromisoformat(iso[1]))
    if raw.rstrip(".") in months:
        return FuzzyDate.month(year, months[raw.rstrip(".")])
    words = raw.split()
    if len(words) == 2 and words[0].rstrip(".") in months and re.fullmatch(r"\d{4}", words[1]):
        return FuzzyDate.month(int(words[1]), months[words[0].rstrip(".")])
    parts = _RANGE_SPLIT.split(raw)
    if len(parts) == 1:
        return FuzzyDate.day(_one_day(parts[0], year, months, None))
    if len(parts) != 2:
        raise ValueError(raw)
    if parts[1].strip().isdigit():  # "April 8-20": the month stands with the start
        start = _one_day(parts[0], year, months, None)
        end = _one_day(parts[1], start.year, months, start.month)
    else:
        end = _one_day(parts[1], year, months, None)
        start = _one_day(parts[0], end.year, months, end.month)
        if start.month > end.month and not re.search(r"\d{4}", raw):
            # "30 декабря – 2 января" with no year written runs into the next year.
            end = end.replace(year=end.year + 1)
    return FuzzyDate.range(start, end)


def _one_day(text: str, year: int, months: dict[str, int], default_month: int | None) -> dt.date:
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return dt.date.fromisoformat(text)
    dotted = re.fullmatch(r"(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?", text)
    if dotted:
        day, month, yr = dotted.groups()
        return dt.date(int(yr) if yr else year, int(month), int(day))
    words = text.split()
    if len(words) == 1 and words[0].isdigit() and default_month is not None:
        return dt.date(year, default_month, int(words[0]))
    if len(words) in (2, 3):
        if words[0].isdigit():
            day_s, month_s = words[0], words[1]
        else:
            month_s, day_s = words[0], words[1].rstrip(",")
        yr = int(words[2]) if len(words) == 3 else year
        return dt.date(yr, months[month_s.rstrip(".")], int(day_s))
    raise ValueError(text)
