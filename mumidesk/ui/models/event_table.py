"""International events as a lazy table with the columns of the quarterly report: the dates as
people write them ("5 июня", "8–20 апреля", "май"), the name, the place, the content and the
participants, and beside them the kind, the format, the own municipality and the partners."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from babel.numbers import format_decimal

from mumidesk.domain.events import Event
from mumidesk.i18n import _, current_locale
from mumidesk.services.events import EventFilter
from mumidesk.services.registry import Services
from mumidesk.ui.models.linked_names import LinkedNames, LinkedNamesTableModel
from mumidesk.ui.models.record_table import (
    ID_ROLE,
    PAGE_SIZE,
    RECORD_ROLE,
    Column,
)

__all__ = ["ID_ROLE", "PAGE_SIZE", "RECORD_ROLE", "EventTableModel"]

COL_DATES = 0
COL_NAME = 1
COL_PLACE = 2
COL_KIND = 3
COL_FORMAT = 4
COL_MUNICIPALITY = 5
COL_PARTNERS = 6
COL_COUNTRIES = 7
COL_PARTICIPANTS = 8
COL_COUNT = 9
COL_CONTENT = 10
COL_ORGANISER = 11


def dates_text(event: Event) -> str:
    return event.dates.format(current_locale(), with_year=True)


def countries_text(codes: Iterable[str]) -> str:
    territories = current_locale().territories
    return ", ".join(territories.get(code, code) for code in codes)


def count_text(value: int | None) -> str:
    return "" if value is None else format_decimal(value, locale=current_locale())


def _columns(names: LinkedNames) -> list[Column[Event]]:
    return [
        Column("dates", lambda: _("Dates"), dates_text, "start"),
        Column("name", lambda: _("Event"), lambda e: e.name, "name"),
        Column("place", lambda: _("Place"), lambda e: e.place, "place"),
        Column("kind", lambda: _("Kind"), lambda e: e.kind.label(), "kind"),
        Column("format", lambda: _("Format"), lambda e: e.format.label(), "format"),
        Column(
            "municipality",
            lambda: _("Our municipality"),
            lambda e: names.municipality(e.municipality_id),
            "municipality",
        ),
        Column(
            "partners",
            lambda: _("Partners"),
            lambda e: ", ".join(names.titles("partner", e.partner_ids)),
        ),
        Column("countries", lambda: _("Countries"), lambda e: countries_text(e.country_codes)),
        Column("participants", lambda: _("Participants"), lambda e: e.participants),
        Column(
            "participant_count",
            lambda: _("Number of participants"),
            lambda e: count_text(e.participant_count),
            "participants",
            align_right=True,
        ),
        Column("content", lambda: _("Content"), lambda e: e.content),
        Column("organiser", lambda: _("Organiser"), lambda e: e.organiser),
    ]


class EventTableModel(LinkedNamesTableModel[Event]):
    """Newest events first."""

    def __init__(self, services: Services, parent: Any = None) -> None:
        super().__init__(
            services,
            services.events,
            _columns,
            EventFilter(),
            sort="start",
            descending=True,
            parent=parent,
        )
