"""Exchange programmes and their participants by year, category and direction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from mumidesk.db.models import (
    ExchangePartnerRow,
    ExchangeProgrammeRow,
    MunicipalityRow,
    ParticipationRow,
    PartnerRow,
)
from mumidesk.domain.enums import ExchangeKind
from mumidesk.domain.exchanges import ExchangeProgramme, Participation
from mumidesk.domain.validation import Checker
from mumidesk.i18n import _
from mumidesk.services.crud import CrudService, check_reference
from mumidesk.services.mapping import apply_to_row, from_row, to_row_values


@dataclass(frozen=True)
class ExchangeFilter:
    kind: ExchangeKind | None = None
    municipality_id: uuid.UUID | None = None
    partner_id: uuid.UUID | None = None
    year: int | None = None  # participants counted in that year
    country_code: str = ""  # a linked partner of that country
    text: str = ""  # free text through the search index (title, organisations, description)


class ExchangeService(CrudService[ExchangeProgramme, ExchangeProgrammeRow, ExchangeFilter]):
    kind = "exchange"
    row_cls = ExchangeProgrammeRow
    domain_cls = ExchangeProgramme
    sort_columns = {  # noqa: RUF012
        "start": "start_date",
        "end": "end_date",
        "title": "title",
        "kind": "kind",
        "municipality": "municipality_id",
        "participants": "id",
        "updated": "updated_at",
    }
    default_sort = "start"

    def sort_expression(self, key: str) -> ColumnElement[Any]:
        if key == "municipality":  # by the name shown, not by the id
            return (
                select(MunicipalityRow.name_ru)
                .where(MunicipalityRow.id == ExchangeProgrammeRow.municipality_id)
                .scalar_subquery()
            )
        if key == "participants":  # everyone counted over all years; none counted: last
            return (
                select(func.sum(ParticipationRow.count))
                .where(ParticipationRow.programme_id == ExchangeProgrammeRow.id)
                .scalar_subquery()
            )
        return super().sort_expression(key)

    def label(self) -> str:
        return _("Exchange programme")

    def to_domain(self, row: ExchangeProgrammeRow) -> ExchangeProgramme:
        return ExchangeProgramme(
            **from_row(row, ExchangeProgramme),
            partner_ids=[p.partner_id for p in row.partners],
            participations=[
                Participation(**from_row(p, Participation)) for p in row.participations
            ],
        )

    def fill_row(
        self, session: Session, row: ExchangeProgrammeRow, item: ExchangeProgramme
    ) -> None:
        apply_to_row(row, item)
        row.partners = [
            ExchangePartnerRow(sort_order=i, partner_id=k) for i, k in enumerate(item.partner_ids)
        ]
        row.participations = [
            ParticipationRow(sort_order=i, **to_row_values(p, ParticipationRow))
            for i, p in enumerate(item.participations)
        ]

    def check_references(self, session: Session, item: ExchangeProgramme, c: Checker) -> None:
        check_reference(session, c, "municipality_id", MunicipalityRow, item.municipality_id)
        for i, key in enumerate(item.partner_ids):
            check_reference(session, c, f"partner_ids[{i}]", PartnerRow, key)

    def apply_filter(self, stmt: Select[Any], flt: ExchangeFilter) -> Select[Any]:
        if flt.kind is not None:
            stmt = stmt.where(ExchangeProgrammeRow.kind == flt.kind.value)
        if flt.municipality_id is not None:
            stmt = stmt.where(ExchangeProgrammeRow.municipality_id == flt.municipality_id)
        if flt.partner_id is not None:
            stmt = stmt.where(
                ExchangeProgrammeRow.id.in_(
                    select(ExchangePartnerRow.programme_id).where(
                        ExchangePartnerRow.partner_id == flt.partner_id
                    )
                )
            )
        if flt.year is not None:
            stmt = stmt.where(
                ExchangeProgrammeRow.id.in_(
                    select(ParticipationRow.programme_id).where(ParticipationRow.year == flt.year)
                )
            )
        if flt.country_code:
            stmt = stmt.where(
                ExchangeProgrammeRow.id.in_(
                    select(ExchangePartnerRow.programme_id)
                    .join(PartnerRow, PartnerRow.id == ExchangePartnerRow.partner_id)
                    .where(PartnerRow.country_code == flt.country_code.upper())
                )
            )
        return stmt

    def search_text(self, item: ExchangeProgramme) -> tuple[str, list[str]]:
        return item.title, [item.organisations, item.description]
