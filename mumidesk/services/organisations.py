"""Organisations, people and the memberships of our municipalities in associations."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from mumidesk.db.models import MembershipRow, MunicipalityRow, OrganisationRow, PersonRow, utcnow
from mumidesk.domain.enums import OrganisationKind
from mumidesk.domain.errors import FieldProblem, ValidationError
from mumidesk.domain.organisations import Membership, Organisation, Person
from mumidesk.domain.text import fold
from mumidesk.domain.validation import Checker, normalise_phone
from mumidesk.i18n import _
from mumidesk.services.crud import CrudService, check_reference, require_row
from mumidesk.services.mapping import apply_to_row


@dataclass(frozen=True)
class OrganisationFilter:
    kind: OrganisationKind | None = None
    country_code: str = ""
    text: str = ""  # free text, matched through the search index


class OrganisationService(CrudService[Organisation, OrganisationRow, OrganisationFilter]):
    kind = "organisation"
    row_cls = OrganisationRow
    domain_cls = Organisation
    sort_columns = {  # noqa: RUF012
        "name": "name_ru",
        "short_name": "short_name",
        "kind": "kind",
        "country": "country_code",
        "website": "website",
        "email": "email",
        "phone": "phone",
    }
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

    def names(self, keys: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
        """The short name (else the Russian name) of each organisation, deleted ones too: a
        person or a table row still says where someone worked."""
        wanted = {k for k in keys if k is not None}
        if not wanted:
            return {}
        stmt = select(OrganisationRow.id, OrganisationRow.short_name, OrganisationRow.name_ru)
        with self.db.reading() as session:
            rows = session.execute(stmt.where(OrganisationRow.id.in_(wanted))).all()
        return {key: short or name for key, short, name in rows}

    def memberships_of(self, key: uuid.UUID) -> list[Membership]:
        """The live memberships of municipalities in one organisation, oldest first."""
        return MembershipService(self.db).all(MembershipFilter(organisation_id=key))

    def save_with_memberships(
        self, item: Organisation, memberships: Sequence[Membership]
    ) -> Organisation:
        """Create or update an organisation and make its live memberships exactly
        ``memberships`` (with an id: updated, without: added, missing: deleted), in one
        transaction. Problems of a membership carry the field ``memberships`` and its row
        (1-based); every problem of the round is reported at once."""
        members = MembershipService(self.db)
        key = item.id
        with self._edit(key or uuid.uuid4(), item.version) as session:
            row = None
            if key is not None:
                row = require_row(session, OrganisationRow, key, self.label())
                self._check_version(row, item.version)
            problems = _problems_of(self.validate, session, item)
            for number, membership in enumerate(memberships, start=1):
                probe = Membership(
                    **{**membership.__dict__, "organisation_id": key or membership.organisation_id}
                )
                found = _problems_of(members.validate, session, probe, number)
                problems += [
                    FieldProblem("memberships", _membership_message(p), number)
                    for p in found
                    if p.field != "organisation_id"  # the organisation is being saved here
                ]
            if problems:
                raise ValidationError(problems)
            saved = self._write(session, row, item)
            assert saved.id is not None
            members.sync_in(session, saved.id, memberships)
            return saved

    def _write(
        self, session: Session, row: OrganisationRow | None, item: Organisation
    ) -> Organisation:
        if row is None:
            return self.create_in(session, item)
        self.guard(session, row, item)
        self.fill_row(session, row, item)
        session.flush()
        saved = self.to_domain(row)
        self._index(session, saved)
        return saved


def _problems_of(check: Callable[..., None], *args: Any) -> list[FieldProblem]:
    try:
        check(*args)
    except ValidationError as exc:
        return list(exc.problems)
    return []


def _membership_message(problem: FieldProblem) -> str:
    labels = {
        "municipality_id": _("Municipality"),
        "role": _("Role"),
        "since": _("Member since"),
        "until": _("Member until"),
    }
    return _("{field}: {message}").format(
        field=labels.get(problem.field, problem.field), message=problem.message
    )


@dataclass(frozen=True)
class PersonFilter:
    organisation_id: uuid.UUID | None = None
    municipality_id: uuid.UUID | None = None
    text: str = ""  # free text, matched through the search index


class PersonService(CrudService[Person, PersonRow, PersonFilter]):
    kind = "person"
    row_cls = PersonRow
    domain_cls = Person
    sort_columns = {  # noqa: RUF012
        "name": "last_name",
        "position": "position",
        "organisation": "organisation_id",
        "municipality": "municipality_id",
        "email": "email",
        "phone": "phone",
    }
    default_sort = "name"

    def label(self) -> str:
        return _("Person")

    def sort_expression(self, key: str) -> ColumnElement[Any]:
        # Linked records sort by their name, not by their id.
        if key == "organisation":
            return (
                select(OrganisationRow.name_ru)
                .where(OrganisationRow.id == PersonRow.organisation_id)
                .scalar_subquery()
            )
        if key == "municipality":
            return (
                select(MunicipalityRow.name_ru)
                .where(MunicipalityRow.id == PersonRow.municipality_id)
                .scalar_subquery()
            )
        return super().sort_expression(key)

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

    def sync_in(
        self, session: Session, organisation_id: uuid.UUID, wanted: Sequence[Membership]
    ) -> None:
        """Make the organisation's live memberships ``wanted`` inside a caller's transaction."""
        live = session.scalars(
            select(MembershipRow).where(
                MembershipRow.organisation_id == organisation_id,
                MembershipRow.deleted_at.is_(None),
            )
        ).all()
        existing = {row.id: row for row in live}
        kept: set[uuid.UUID] = set()
        for number, membership in enumerate(wanted, start=1):
            item = Membership(**{**membership.__dict__, "organisation_id": organisation_id})
            row = existing.get(item.id) if item.id is not None else None
            if row is None:
                self.create_in(session, Membership(**{**item.__dict__, "id": None}), number)
                continue
            kept.add(row.id)
            self._check_version(row, item.version)
            self.validate(session, item, number)
            self.fill_row(session, row, item)
        for key, row in existing.items():
            if key not in kept:
                row.deleted_at = utcnow()
                row.deleted_by = self.db.user
        session.flush()

    def _index(self, session: Session, item: Membership) -> None:
        """Memberships are found through their organisation."""

    def reindex_in(self, session: Session) -> int:
        return 0
