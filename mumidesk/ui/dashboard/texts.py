"""How the dashboard words its values: numbers and dates by Babel, quarters, days left."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_datetime, format_time
from babel.numbers import format_decimal

from mumidesk.i18n import _, current_locale, ngettext

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def number(value: int) -> str:
    return format_decimal(value, locale=current_locale())


def long_date(day: dt.date) -> str:
    return format_date(day, "long", locale=current_locale())


def short_date(day: dt.date) -> str:
    return format_date(day, "medium", locale=current_locale())


def quarter_text(year: int | str, quarter: int) -> str:
    """ "quarter II of 2020" (Russian: "II квартал 2020 года")."""
    return _("quarter {quarter} of {year}").format(
        quarter=_ROMAN.get(quarter, str(quarter)), year=year
    )


def days_left_text(due: dt.date, today: dt.date) -> str:
    """ "today", "tomorrow", "in 3 days", "2 days overdue"."""
    days = (due - today).days
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    if days > 1:
        return ngettext("in {n} day", "in {n} days", days).format(n=days)
    late = -days
    return ngettext("{n} day overdue", "{n} days overdue", late).format(n=late)


def moment_text(at_utc: dt.datetime, now: dt.datetime | None = None) -> str:
    """A stored (naive UTC) moment in local time: only the time for today, else date and time."""
    local = at_utc.replace(tzinfo=dt.UTC).astimezone()
    now_local = (now.replace(tzinfo=dt.UTC) if now else dt.datetime.now(dt.UTC)).astimezone()
    if local.date() == now_local.date():
        return _("today, {time}").format(time=format_time(local, "short", locale=current_locale()))
    return format_datetime(local, "short", locale=current_locale())
