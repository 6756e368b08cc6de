"""The quarterly report of international events (seed 004): its content, without layout.

Rows are grouped under each own municipality's heading (municipalities in the order of their
kind — city, urban district, municipal district … — then by name) and numbered straight through;
events within a group by their dates. Any period works, not only a quarter.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from mumidesk.domain.enums import MunicipalityKind
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.events import Event
from mumidesk.domain.municipalities import Municipality, Region
from mumidesk.i18n import _, current_language, current_locale
from mumidesk.reports.period import Period
from mumidesk.services.events import EventFilter
from mumidesk.services.municipalities import MunicipalityFilter
from mumidesk.services.registry import Services

_KIND_ORDER = {kind: index for index, kind in enumerate(MunicipalityKind)}


@dataclass(frozen=True)
class QuarterlyRow:
    number: int
    name: str
    place: str
    dates: str
    content: str
    participants: str


@dataclass(frozen=True)
class QuarterlyGroup:
    heading: str
    rows: tuple[QuarterlyRow, ...]


@dataclass(frozen=True)
class QuarterlyReport:
    title: str
    columns: tuple[str, ...]
    groups: tuple[QuarterlyGroup, ...]
    period: Period
    region: str

    @property
    def row_count(self) -> int:
        return sum(len(g.rows) for g in self.groups)


def column_titles() -> tuple[str, ...]:
    return (
        _("No."),
        _("Name of the event"),
        _("Venue of the event"),
        _("Dates of the event"),
        _("Content of the event (including brief information on the agreements reached)"),
        _("Participants of the event (full name, position)"),
    )


def build_quarterly(
    services: Services,
    period: Period,
    *,
    region_id: uuid.UUID | None = None,
    municipality_ids: tuple[uuid.UUID, ...] = (),
) -> QuarterlyReport:
    region = services.regions.get(region_id) if region_id else None
    municipalities = _municipalities(services, region, municipality_ids)
    if region is None:
        region = _common_region(services, municipalities)
    events = services.events.all(
        EventFilter(
            municipality_ids=tuple(m.id for m in municipalities if m.id),
            date_from=period.start,
            date_to=period.end,
        )
    )
    by_municipality: dict[uuid.UUID | None, list[Event]] = {}
    for event in events:
        by_municipality.setdefault(event.municipality_id, []).append(event)
    groups: list[QuarterlyGroup] = []
    number = 0
    for municipality in municipalities:
        own = sorted(
            by_municipality.get(municipality.id, []),
            key=lambda e: (e.dates.start, e.dates.end, e.name),
        )
        if not own:
            continue
        rows = []
        for event in own:
            number += 1
            rows.append(_row(number, event))
        groups.append(QuarterlyGroup(_heading(municipality), tuple(rows)))
    region_name = _region_name(region)
    return QuarterlyReport(
        title=_title(region_name, period),
        columns=column_titles(),
        groups=tuple(groups),
        period=period,
        region=region_name,
    )


def _municipalities(
    services: Services, region: Region | None, ids: tuple[uuid.UUID, ...]
) -> list[Municipality]:
    if ids:
        chosen = [services.municipalities.get(key) for key in ids]
    elif region is not None:
        chosen = services.municipalities.all(MunicipalityFilter(region_id=region.id))
    else:
        chosen = services.municipalities.all()
    if not chosen:
        raise ValidationError.single("region", _("has no municipalities to report on"))
    return sorted(chosen, key=lambda m: (_KIND_ORDER.get(m.kind, 99), m.name_ru))


def _common_region(services: Services, municipalities: list[Municipality]) -> Region | None:
    regions = {m.region_id for m in municipalities}
    if len(regions) == 1:
        (only,) = regions
        if only is not None:
            return services.regions.get(only)
    return None


def _region_name(region: Region | None) -> str:
    if region is None:
        return ""
    if current_language() == "ru":
        return region.name_ru_genitive or region.name_ru
    return region.name_en or region.name_ru


def _heading(municipality: Municipality) -> str:
    if current_language() == "ru":
        return municipality.heading_ru
    return municipality.name_en or municipality.heading_ru


def _title(region: str, period: Period) -> str:
    if region:
        return _(
            "Report on the international events held by the local self-government bodies of "
            "{region} {period}"
        ).format(region=region, period=period.phrase())
    return _(
        "Report on the international events held by the local self-government bodies {period}"
    ).format(period=period.phrase())


def _row(number: int, event: Event) -> QuarterlyRow:
    return QuarterlyRow(
        number=number,
        name=event.name,
        place=event.place,
        dates=event.dates.format(current_locale()),
        content=event.content,
        participants=event.participants,
    )
