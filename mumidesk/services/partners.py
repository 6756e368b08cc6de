"""Partner cities and the partnerships that tie them to our municipalities."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, String, func, or_, select
from sqlalchemy.orm import Session

from mumidesk.db.models import AgreementRow, MunicipalityRow, PartnerRow, PartnershipRow
from mumidesk.domain.enums import PartnershipKind, PartnershipStatus
from mumidesk.domain.partners import Partner, Partnership
from mumidesk.domain.text import fold
from mumidesk.domain.validation import Checker
from mumidesk.i18n import _
from mumidesk.services.crud import CrudService, check_reference


@dataclass(frozen=True)
class PartnerFilter:
    country_code: str = ""
    municipality_id: uuid.UUID | None = None  # partners of one own municipality
    name: str = ""  # prefix of the Russian or English name


class PartnerService(CrudService[Partner, PartnerRow, PartnerFilter]):
    kind = "partner"
    row_cls = PartnerRow
    domain_cls = Partner
    sort_columns = {  # noqa: RUF012
        "name": "name_ru",
        "name_en": "name_en",
        "country": "country_code",
        "region": "region",
        "population": "population",
        "updated": "updated_at",
    }
    default_sort = "name"

    def label(self) -> str:
        return _("Partner")

    def sort_expression(self, key: str) -> ColumnElement[Any]:
        if key == "name":  # the name shown: Russian, else English, else the local one
            return func.coalesce(
                func.nullif(PartnerRow.name_ru, ""),
                func.nullif(PartnerRow.name_en, ""),
                PartnerRow.name_local,
                type_=String,
            )
        return super().sort_expression(key)

    def fill_row(self, session: Session, row: PartnerRow, item: Partner) -> None:
        item.country_code = item.country_code.upper()
        super().fill_row(session, row, item)

    def apply_filter(self, stmt: Select[Any], flt: PartnerFilter) -> Select[Any]:
        if flt.country_code:
            stmt = stmt.where(PartnerRow.country_code == flt.country_code.upper())
        if flt.municipality_id is not None:
            linked = select(PartnershipRow.partner_id).where(
                PartnershipRow.municipality_id == flt.municipality_id,
                PartnershipRow.deleted_at.is_(None),
            )
            stmt = stmt.where(PartnerRow.id.in_(linked))
        if flt.name:
            stmt = stmt.where(
                or_(  # autoescape: "_" and "%" in a name are letters, not wildcards
                    PartnerRow.name_ru.startswith(flt.name, autoescape=True),
                    PartnerRow.name_en.startswith(flt.name, autoescape=True),
                )
            )
        return stmt

    def search_text(self, item: Partner) -> tuple[str, list[str]]:
        return item.display_name, [
            item.name_en,
            item.name_local,
            item.region,
            item.country_code,
            item.notes,
        ]

    def find(self, name: str, country_code: str) -> Partner | None:
        """A live partner of that country whose name in any language is ``name``."""
        wanted = fold(name)
        with self.db.reading() as session:
            rows = session.scalars(
                select(PartnerRow).where(
                    PartnerRow.country_code == country_code.upper(),
                    PartnerRow.deleted_at.is_(None),
                )
            ).all()
            for row in rows:
                if wanted in {fold(row.name_ru), fold(row.name_en), fold(row.name_local)}:
                    return self.to_domain(row)
        return None


@dataclass(frozen=True)
class PartnershipFilter:
    municipality_id: uuid.UUID | None = None
    partner_id: uuid.UUID | None = None
    kind: PartnershipKind | None = None
    status: PartnershipStatus | None = None


class PartnershipService(CrudService[Partnership, PartnershipRow, PartnershipFilter]):
    kind = "partnership"
    row_cls = PartnershipRow
    domain_cls = Partnership
    sort_columns = {"since": "since", "kind": "kind", "status": "status"}  # noqa: RUF012
    default_sort = "since"

    def label(self) -> str:
        return _("Partnership")

    def check_references(self, session: Session, item: Partnership, c: Checker) -> None:
        check_reference(session, c, "municipality_id", MunicipalityRow, item.municipality_id)
        check_reference(session, c, "partner_id", PartnerRow, item.partner_id)
        check_reference(session, c, "agreement_id", AgreementRow, item.agreement_id)
        duplicate = session.scalar(
            select(PartnershipRow.id).where(
                PartnershipRow.municipality_id == item.municipality_id,
                PartnershipRow.partner_id == item.partner_id,
                PartnershipRow.kind == item.kind.value,
                PartnershipRow.deleted_at.is_(None),
                PartnershipRow.id != (item.id or uuid.UUID(int=0)),
            )
        )
        if duplicate is not None:
            c.fail("partner_id", _("this partnership is already recorded"))

    def apply_filter(self, stmt: Select[Any], flt: PartnershipFilter) -> Select[Any]:
        if flt.municipality_id is not None:
            stmt = stmt.where(PartnershipRow.municipality_id == flt.municipality_id)
        if flt.partner_id is not None:
            stmt = stmt.where(PartnershipRow.partner_id == flt.partner_id)
        if flt.kind is not None:
            stmt = stmt.where(PartnershipRow.kind == flt.kind.value)
        if flt.status is not None:
            stmt = stmt.where(PartnershipRow.status == flt.status.value)
        return stmt

    def search_text(self, item: Partnership) -> tuple[str, list[str]]:
        return "", []

    def _index(self, session: Session, item: Partnership) -> None:
        """Partnerships are found through their partner and municipality, not on their own."""

    def reindex_in(self, session: Session) -> int:
        return 0
