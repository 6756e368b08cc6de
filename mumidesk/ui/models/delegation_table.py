"""Delegation visits as a lazy table. Each page the service returns also names the partners and
municipalities of its rows in one query, so a row never costs a query of its own."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal

from mumidesk.domain.deadlines import delegation_deadlines
from mumidesk.domain.delegations import Delegation
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.i18n import _, current_locale
from mumidesk.services.delegations import DelegationFilter, DelegationService
from mumidesk.ui.models.linked_names import NamingService
from mumidesk.ui.models.record_table import Column, RecordTableModel

COL_TITLE = 0
COL_DIRECTION = 1
COL_DATES = 2
COL_MUNICIPALITY = 3
COL_PARTNERS = 4
COL_MEMBERS = 5
COL_HEAD = 6
COL_PLACE = 7
COL_REPORT = 8

OVERDUE_COLOUR = "#b00020"
DUE_SOON_COLOUR = "#b36b00"
DUE_SOON_DAYS = 3


def visit_dates(delegation: Delegation, *, with_year: bool = True) -> str:
    """ "8–20 April" style, from the domain's fuzzy-date formatting (Babel month names)."""
    start, end = delegation.start_date, delegation.end_date
    dates = FuzzyDate.day(start) if end is None or end <= start else FuzzyDate.range(start, end)
    return dates.format(current_locale(), with_year=with_year)


def format_day(day: dt.date) -> str:
    return format_date(day, "medium", locale=current_locale())


def report_due(delegation: Delegation) -> dt.date | None:
    """When the head's report is due; None when none is owed (guests, online, submitted)."""
    return next((d.due for d in delegation_deadlines(delegation)), None)


def report_text(delegation: Delegation) -> str:
    if delegation.report_submitted_on is not None:
        return _("submitted {date}").format(date=format_day(delegation.report_submitted_on))
    due = report_due(delegation)
    return _("due {date}").format(date=format_day(due)) if due is not None else ""


def report_colour(delegation: Delegation, today: dt.date | None = None) -> str | None:
    due = report_due(delegation)
    if due is None:
        return None
    today = today or dt.date.today()
    if due < today:
        return OVERDUE_COLOUR
    return DUE_SOON_COLOUR if (due - today).days <= DUE_SOON_DAYS else None


def columns(names: Mapping[uuid.UUID, str]) -> list[Column[Delegation]]:
    """The columns; ``names`` holds the titles of linked partners and municipalities."""

    def municipality(d: Delegation) -> str:
        return names.get(d.municipality_id, "") if d.municipality_id else ""

    def partners(d: Delegation) -> str:
        return ", ".join(names.get(k, "") for k in d.partner_ids if names.get(k))

    def members(d: Delegation) -> str:
        return format_decimal(len(d.members), locale=current_locale()) if d.members else ""

    def head(d: Delegation) -> str:
        return d.head.full_name if d.head is not None else ""

    return [
        Column("title", lambda: _("Title"), lambda d: d.title, "title"),
        Column("direction", lambda: _("Direction"), lambda d: d.direction.label(), "direction"),
        Column("dates", lambda: _("Dates"), visit_dates, "start"),
        Column("municipality", lambda: _("Our municipality"), municipality, "municipality"),
        Column("partners", lambda: _("Partners"), partners),
        Column("members", lambda: _("Members"), members, "members", align_right=True),
        Column("head", lambda: _("Head of delegation"), head),
        Column("place", lambda: _("Place"), lambda d: d.place, "place"),
        Column("report", lambda: _("Report"), report_text, "report", colour=report_colour),
    ]


class DelegationTableModel(RecordTableModel[Delegation]):
    def __init__(self, service: DelegationService, parent: Any = None) -> None:
        self._delegations = service
        self.naming: NamingService[Delegation] = NamingService(service, self._name_page)
        self.names = self.naming.names
        super().__init__(
            self.naming,
            columns(self.names),
            DelegationFilter(),
            sort="start",
            descending=True,  # the latest visits first
            parent=parent,
        )

    def _name_page(self, items: Sequence[Delegation]) -> dict[uuid.UUID, str]:
        """The titles of the partners and municipalities of a page's rows not named yet."""
        linked = [key for d in items for key in (d.municipality_id, *d.partner_ids)]
        missing = self.naming.missing(linked)
        return self._delegations.titles(missing) if missing else {}

    def reload(self) -> None:
        self.naming.forget()  # a partner may have been renamed meanwhile
        super().reload()
