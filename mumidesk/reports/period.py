"""The period a report covers, and how its title says it ("во II квартале 2020 года")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel.dates import format_date

from mumidesk.domain.deadlines import quarter_bounds
from mumidesk.domain.errors import ValidationError
from mumidesk.i18n import N_, _, current_locale

# The preposition differs by quarter in Russian ("в I", "во II"), so each is its own message.
_QUARTER_PHRASES = {
    1: N_("in the 1st quarter of {year}"),
    2: N_("in the 2nd quarter of {year}"),
    3: N_("in the 3rd quarter of {year}"),
    4: N_("in the 4th quarter of {year}"),
}


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    quarter: int | None = None  # set when the period is exactly one quarter

    @classmethod
    def of_quarter(cls, year: int, quarter: int) -> Period:
        if quarter not in (1, 2, 3, 4):
            raise ValidationError.single("quarter", _("must be 1, 2, 3 or 4"))
        start, end = quarter_bounds(year, quarter)
        return cls(start, end, quarter)

    @classmethod
    def of_year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> Period:
        if end < start:
            raise ValidationError.single(
                "to",
                _("{end} is before {start}").format(end=end.isoformat(), start=start.isoformat()),
            )
        for quarter in (1, 2, 3, 4):
            if (start, end) == quarter_bounds(start.year, quarter):
                return cls(start, end, quarter)
        return cls(start, end)

    @property
    def year(self) -> int:
        return self.start.year

    def phrase(self) -> str:
        """The period as a title says it, in the current language."""
        if self.quarter is not None:
            return _(_QUARTER_PHRASES[self.quarter]).format(year=self.year)
        if self.start == dt.date(self.year, 1, 1) and self.end == dt.date(self.year, 12, 31):
            return _("in {year}").format(year=self.year)
        locale = current_locale()
        return _("from {start} to {end}").format(
            start=format_date(self.start, format="long", locale=locale),
            end=format_date(self.end, format="long", locale=locale),
        )
