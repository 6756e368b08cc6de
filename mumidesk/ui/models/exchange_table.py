"""Exchange programmes as a lazy table: title, kind, own municipality, partners, the period, the
organisations and everyone counted over the years."""

from __future__ import annotations

from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal

from mumidesk.domain.exchanges import ExchangeProgramme
from mumidesk.i18n import _, current_locale
from mumidesk.services.exchanges import ExchangeFilter
from mumidesk.services.registry import Services
from mumidesk.ui.models.linked_names import LinkedNames, LinkedNamesTableModel
from mumidesk.ui.models.record_table import (
    ID_ROLE,
    PAGE_SIZE,
    RECORD_ROLE,
    Column,
)

__all__ = ["ID_ROLE", "PAGE_SIZE", "RECORD_ROLE", "ExchangeTableModel"]

COL_TITLE = 0
COL_KIND = 1
COL_MUNICIPALITY = 2
COL_PARTNERS = 3
COL_PERIOD = 4
COL_YEARS = 5
COL_TOTAL = 6
COL_ORGANISATIONS = 7

EN_DASH = "\u2013"


def period_text(programme: ExchangeProgramme) -> str:
    """ "1 Sept 2015 – 31 May 2020", or one side only when the other is open."""
    locale = current_locale()
    start, end = programme.start_date, programme.end_date
    first = format_date(start, "medium", locale=locale) if start else ""
    last = format_date(end, "medium", locale=locale) if end else ""
    if first and last:
        return f"{first} {EN_DASH} {last}"
    if first:
        return _("from {date}").format(date=first)
    if last:
        return _("until {date}").format(date=last)
    return ""


def years_text(programme: ExchangeProgramme) -> str:
    """The years participants were counted in: "2014–2019" or "2021"."""
    years = sorted({p.year for p in programme.participations})
    if not years:
        return ""
    if years[0] == years[-1]:
        return str(years[0])
    return f"{years[0]}{EN_DASH}{years[-1]}"


def total_text(programme: ExchangeProgramme) -> str:
    if not programme.participations:
        return ""
    return format_decimal(programme.total(), locale=current_locale())


def _columns(names: LinkedNames) -> list[Column[ExchangeProgramme]]:
    return [
        Column("title", lambda: _("Title"), lambda x: x.title, "title"),
        Column("kind", lambda: _("Kind"), lambda x: x.kind.label(), "kind"),
        Column(
            "municipality",
            lambda: _("Our municipality"),
            lambda x: names.municipality(x.municipality_id),
            "municipality",
        ),
        Column(
            "partners",
            lambda: _("Partners"),
            lambda x: ", ".join(names.titles("partner", x.partner_ids)),
        ),
        Column("period", lambda: _("Period"), period_text, "start"),
        Column("years", lambda: _("Years counted"), years_text),
        Column("total", lambda: _("Participants"), total_text, "participants", align_right=True),
        Column("organisations", lambda: _("Organisations"), lambda x: x.organisations),
    ]


class ExchangeTableModel(LinkedNamesTableModel[ExchangeProgramme]):
    """Newest programmes first."""

    def __init__(self, services: Services, parent: Any = None) -> None:
        super().__init__(
            services,
            services.exchanges,
            _columns,
            ExchangeFilter(),
            sort="start",
            descending=True,
            parent=parent,
        )
