"""Organisations, people and the memberships of our municipalities in associations."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session

from mumidesk.db.models import MembershipRow, MunicipalityRow, OrganisationRow, PersonRow
from mumidesk.domain.enums import OrganisationKind
from mumidesk.domain.organisations import Membership, Organisation, Person
from mumidesk.domain.text import fold
from mumidesk.domain.validation import Checker, normalise_phone
from mumidesk.i18n import _
from mumidesk.services.crud import CrudService, check_reference
from mumidesk.services.mapping import apply_to_row


@dataclass(frozen=True)
class OrganisationFilter:
    kind: OrganisationKind | None = None
    country_code: str = ""


class OrganisationService(CrudService[Organisation, OrganisationRow, OrganisationFilter]):
    kind = "organisation"
    row_cls = OrganisationRow
    domain_cls = Organisation
    sort_columns = {"name": "name_ru", "kind": "kind", "country": "country_code"}  # noqa: RUF012
    default_sort = "name"

    def label(self) -> str:
        return _("Organisation")

    def fill_row(self, session: Session, row: OrganisationRow, item: Organisation) -> None:
        apply_to_row(row, item)
        row.country_code = item.country_code.upper()
        row.phone = normalise_phone(item.phone) if item.phone else ""

    def apply_filter(self, stmt: Select[Any], flt: OrganisationFilter) -> Select[Any]:
        if flt.kind is not None:
            stmt = stmt.where(OrganisationRow.kind == flt.kind.value)
        if flt.country_code:
            stmt = stmt.where(OrganisationRow.country_code == flt.country_code.upper())
        return stmt

    def search_text(self, item: Organisation) -> tuple[str, list[str]]:
        return item.name_ru, [item.name_en, item.short_name, item.notes]

    def find_by_name(self, name: str) -> Organisation | None:
        wanted = fold(name)
        for item in self.all():
            if wanted in {fold(item.name_ru), fold(item.name_en), fold(item.short_name)}:
                return item
        return None


@dataclass(frozen=True)
class PersonFilter:
    organisation_id: uuid.UUID | None = None
    municipality_id: uuid.UUID | None = None


class PersonService(CrudService[Person, PersonRow, PersonFilter]):
    kind = "person"
    row_cls = PersonRow
    domain_cls = Person
    sort_columns = {"name": "last_name", "position": "position"}  # noqa: RUF012
    default_sort = "name"

    def label(self) -> str:
        return _("Person")

    def fill_row(self, session: Session, row: PersonRow, item: Person) -> None:
        apply_to_row(row, item)
        row.phone = normalise_phone(item.phone) if item.phone else ""

    def check_references(self, session: Session, item: Person, c: Checker) -> None:
        check_reference(session, c, "organisation_id", OrganisationRow, item.organisation_id)
        check_reference(session, c, "municipality_id", MunicipalityRow, item.municipality_id)

    def apply_filter(self, stmt: Select[Any], flt: PersonFilter) -> Select[Any]:
        if flt.organisation_id is not None:
            stmt = stmt.where(PersonRow.organisation_id == flt.organisation_id)
        if flt.municipality_id is not None:
            stmt = stmt.where(PersonRow.municipality_id == flt.municipality_id)
        return stmt

    def search_text(self, item: Person) -> tuple[str, list[str]]:
        return item.full_name, [item.position, item.email, item.notes]


@dataclass(frozen=True)
class MembershipFilter:
    municipality_id: uuid.UUID | None = None
    organisation_id: uuid.UUID | None = None


class MembershipService(CrudService[Membership, MembershipRow, MembershipFilter]):
    kind = "membership"
    row_cls = MembershipRow
    domain_cls = Membership
    sort_columns = {"since": "since", "role": "role"}  # noqa: RUF012
    default_sort = "since"

    def label(self) -> str:
        return _("Membership")

    def check_references(self, session: Session, item: Membership, c: Checker) -> None:
        check_reference(session, c, "municipality_id", MunicipalityRow, item.municipality_id)
        check_reference(session, c, "organisation_id", OrganisationRow, item.organisation_id)

    def apply_filter(self, stmt: Select[Any], flt: MembershipFilter) -> Select[Any]:
        if flt.municipality_id is not None:
            stmt = stmt.where(MembershipRow.municipality_id == flt.municipality_id)
        if flt.organisation_id is not None:
            stmt = stmt.where(MembershipRow.organisation_id == flt.organisation_id)
        return stmt

    def search_text(self, item: Membership) -> tuple[str, list[str]]:
        return "", []

    def _index(self, session: Session, item: Membership) -> None:
        """Memberships are found through their organisation."""

    def reindex_in(self, session: Session) -> int:
        return 0
