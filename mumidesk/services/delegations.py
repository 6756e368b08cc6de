"""Delegation visits with members, day-by-day programme, partners and linked agreements."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from mumidesk.db.models import (
    AgreementRow,
    DelegationAgreementRow,
    DelegationMemberRow,
    DelegationPartnerRow,
    DelegationRow,
    MunicipalityRow,
    PartnerRow,
    ProgrammeItemRow,
    SearchEntryRow,
)
from mumidesk.domain.delegations import Delegation, DelegationMember, ProgrammeItem
from mumidesk.domain.enums import DelegationDirection
from mumidesk.domain.validation import Checker
from mumidesk.i18n import _
from mumidesk.services.crud import CrudService, check_reference
from mumidesk.services.mapping import apply_to_row, from_row, to_row_values


@dataclass(frozen=True)
class DelegationFilter:
    direction: DelegationDirection | None = None
    municipality_id: uuid.UUID | None = None
    partner_id: uuid.UUID | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    report_missing: bool = False
    country_code: str = ""  # a partner of the visit is in this country
    text: str = ""  # free text, matched through the search index


class DelegationService(CrudService[Delegation, DelegationRow, DelegationFilter]):
    kind = "delegation"
    row_cls = DelegationRow
    domain_cls = Delegation
    sort_columns = {  # noqa: RUF012
        "start": "start_date",
        "end": "end_date",
        "title": "title",
        "direction": "direction",
        "place": "place",
        "updated": "updated_at",
        "municipality": "municipality_id",  # by the municipality's name, see sort_expression
        "members": "id",  # by the number of members
        "report": "report_submitted_on",
    }
    default_sort = "start"

    def label(self) -> str:
        return _("Delegation")

    def sort_expression(self, key: str) -> ColumnElement[Any]:
        if key == "municipality":
            return (
                select(MunicipalityRow.name_ru)
                .where(MunicipalityRow.id == DelegationRow.municipality_id)
                .scalar_subquery()
            )
        if key == "members":
            return (
                select(func.count(DelegationMemberRow.id))
                .where(DelegationMemberRow.delegation_id == DelegationRow.id)
                .scalar_subquery()
            )
        return super().sort_expression(key)

    def titles(self, keys: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
        """The titles of linked records (partners, municipalities, agreements) as the search
        index lists them, in one query: a table page names its partners without a query a row."""
        wanted = set(keys)
        if not wanted:
            return {}
        stmt = select(SearchEntryRow.entity_id, SearchEntryRow.title).where(
            SearchEntryRow.entity_id.in_(wanted)
        )
        with self.db.reading() as session:
            return {key: title for key, title in session.execute(stmt).all()}

    def to_domain(self, row: DelegationRow) -> Delegation:
        return Delegation(
            **from_row(row, Delegation),
            partner_ids=[p.partner_id for p in row.partners],
            agreement_ids=[a.agreement_id for a in row.agreements],
            members=[DelegationMember(**from_row(m, DelegationMember)) for m in row.members],
            programme=[ProgrammeItem(**from_row(p, ProgrammeItem)) for p in row.programme],
        )

    def fill_row(self, session: Session, row: DelegationRow, item: Delegation) -> None:
        apply_to_row(row, item)
        row.partners = [
            DelegationPartnerRow(sort_order=i, partner_id=k) for i, k in enumerate(item.partner_ids)
        ]
        row.agreements = [
            DelegationAgreementRow(sort_order=i, agreement_id=k)
            for i, k in enumerate(item.agreement_ids)
        ]
        row.members = [
            DelegationMemberRow(sort_order=i, **to_row_values(m, DelegationMemberRow))
            for i, m in enumerate(item.members)
        ]
        row.programme = [
            ProgrammeItemRow(sort_order=i, **to_row_values(p, ProgrammeItemRow))
            for i, p in enumerate(item.programme)
        ]

    def check_references(self, session: Session, item: Delegation, c: Checker) -> None:
        check_reference(session, c, "municipality_id", MunicipalityRow, item.municipality_id)
        for i, key in enumerate(item.partner_ids):
            check_reference(session, c, f"partner_ids[{i}]", PartnerRow, key)
        for i, key in enumerate(item.agreement_ids):
            check_reference(session, c, f"agreement_ids[{i}]", AgreementRow, key)

    def apply_filter(self, stmt: Select[Any], flt: DelegationFilter) -> Select[Any]:
        if flt.direction is not None:
            stmt = stmt.where(DelegationRow.direction == flt.direction.value)
        if flt.municipality_id is not None:
            stmt = stmt.where(DelegationRow.municipality_id == flt.municipality_id)
        if flt.partner_id is not None:
            stmt = stmt.where(
                DelegationRow.id.in_(
                    select(DelegationPartnerRow.delegation_id).where(
                        DelegationPartnerRow.partner_id == flt.partner_id
                    )
                )
            )
        if flt.date_from is not None:
            stmt = stmt.where(DelegationRow.end_date >= flt.date_from)
        if flt.date_to is not None:
            stmt = stmt.where(DelegationRow.start_date <= flt.date_to)
        if flt.report_missing:
            stmt = stmt.where(DelegationRow.report_submitted_on.is_(None))
        if flt.country_code:
            stmt = stmt.where(
                DelegationRow.id.in_(
                    select(DelegationPartnerRow.delegation_id)
                    .join(PartnerRow, PartnerRow.id == DelegationPartnerRow.partner_id)
                    .where(PartnerRow.country_code == flt.country_code.upper())
                )
            )
        return stmt

    def search_text(self, item: Delegation) -> tuple[str, list[str]]:
        parts = [item.place, item.purpose, item.outcome]
        parts += [f"{m.full_name} {m.position} {m.organisation}" for m in item.members]
        parts += [f"{p.title_ru} {p.title_en} {p.place}" for p in item.programme]
        return item.title, parts
