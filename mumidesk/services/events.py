"""International events: what the quarterly report lists."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.orm import Session

from mumidesk.db.models import (
    AgreementRow,
    EventAgreementRow,
    EventCountryRow,
    EventPartnerRow,
    EventRow,
    MunicipalityRow,
    PartnerRow,
)
from mumidesk.domain.enums import DatePrecision, EventFormat, EventKind
from mumidesk.domain.events import Event
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.domain.validation import Checker
from mumidesk.i18n import _
from mumidesk.services.crud import CrudService, check_reference
from mumidesk.services.mapping import apply_to_row, from_row


@dataclass(frozen=True)
class EventFilter:
    municipality_id: uuid.UUID | None = None
    municipality_ids: tuple[uuid.UUID, ...] = ()
    kind: EventKind | None = None
    format: EventFormat | None = None
    date_from: dt.date | None = None  # events that overlap the period
    date_to: dt.date | None = None
    country_code: str = ""
    partner_id: uuid.UUID | None = None
    # A country involved either way: named on the event or the country of a linked partner.
    involved_country: str = ""
    text: str = ""  # free text through the search index (name, place, content, participants)


class EventService(CrudService[Event, EventRow, EventFilter]):
    kind = "event"
    row_cls = EventRow
    domain_cls = Event
    sort_columns = {  # noqa: RUF012
        "start": "start_date",
        "end": "end_date",
        "name": "name",
        "place": "place",
        "kind": "kind",
        "format": "format",
        "participants": "participant_count",
        "municipality": "municipality_id",
        "updated": "updated_at",
    }
    default_sort = "start"

    def sort_expression(self, key: str) -> ColumnElement[Any]:
        if key == "municipality":  # by the name shown, not by the id
            return (
                select(MunicipalityRow.name_ru)
                .where(MunicipalityRow.id == EventRow.municipality_id)
                .scalar_subquery()
            )
        return super().sort_expression(key)

    def label(self) -> str:
        return _("Event")

    def to_domain(self, row: EventRow) -> Event:
        dates = FuzzyDate(row.start_date, row.end_date, DatePrecision(row.date_precision))
        return Event(
            **from_row(row, Event),
            dates=dates,
            country_codes=[c.country_code for c in row.countries],
            partner_ids=[p.partner_id for p in row.partners],
            agreement_ids=[a.agreement_id for a in row.agreements],
        )

    def fill_row(self, session: Session, row: EventRow, item: Event) -> None:
        apply_to_row(row, item)
        row.start_date = item.dates.start
        row.end_date = item.dates.end
        row.date_precision = item.dates.precision.value
        row.countries = [
            EventCountryRow(sort_order=i, country_code=code.upper())
            for i, code in enumerate(item.country_codes)
        ]
        row.partners = [
            EventPartnerRow(sort_order=i, partner_id=k) for i, k in enumerate(item.partner_ids)
        ]
        row.agreements = [
            EventAgreementRow(sort_order=i, agreement_id=k)
            for i, k in enumerate(item.agreement_ids)
        ]

    def check_references(self, session: Session, item: Event, c: Checker) -> None:
        check_reference(session, c, "municipality_id", MunicipalityRow, item.municipality_id)
        for i, key in enumerate(item.partner_ids):
            check_reference(session, c, f"partner_ids[{i}]", PartnerRow, key)
        for i, key in enumerate(item.agreement_ids):
            check_reference(session, c, f"agreement_ids[{i}]", AgreementRow, key)

    def apply_filter(self, stmt: Select[Any], flt: EventFilter) -> Select[Any]:
        if flt.municipality_id is not None:
            stmt = stmt.where(EventRow.municipality_id == flt.municipality_id)
        if flt.municipality_ids:
            stmt = stmt.where(EventRow.municipality_id.in_(flt.municipality_ids))
        if flt.kind is not None:
            stmt = stmt.where(EventRow.kind == flt.kind.value)
        if flt.format is not None:
            stmt = stmt.where(EventRow.format == flt.format.value)
        if flt.date_from is not None:
            stmt = stmt.where(EventRow.end_date >= flt.date_from)
        if flt.date_to is not None:
            stmt = stmt.where(EventRow.start_date <= flt.date_to)
        if flt.country_code:
            stmt = stmt.where(
                EventRow.id.in_(
                    select(EventCountryRow.event_id).where(
                        EventCountryRow.country_code == flt.country_code.upper()
                    )
                )
            )
        if flt.partner_id is not None:
            stmt = stmt.where(
                EventRow.id.in_(
                    select(EventPartnerRow.event_id).where(
                        EventPartnerRow.partner_id == flt.partner_id
                    )
                )
            )
        if flt.involved_country:
            code = flt.involved_country.upper()
            stmt = stmt.where(
                or_(
                    EventRow.id.in_(
                        select(EventCountryRow.event_id).where(EventCountryRow.country_code == code)
                    ),
                    EventRow.id.in_(
                        select(EventPartnerRow.event_id)
                        .join(PartnerRow, PartnerRow.id == EventPartnerRow.partner_id)
                        .where(PartnerRow.country_code == code)
                    ),
                )
            )
        return stmt

    def search_text(self, item: Event) -> tuple[str, list[str]]:
        return item.name, [item.place, item.content, item.participants, item.organiser]
