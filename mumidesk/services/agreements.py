"""Agreements: parties, signatories, areas, languages, and the lifecycle steps."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from mumidesk.db.models import (
    AgreementAreaRow,
    AgreementLanguageRow,
    AgreementPartyRow,
    AgreementRow,
    DelegationAgreementRow,
    DelegationRow,
    EventAgreementRow,
    EventRow,
    MunicipalBodyRow,
    MunicipalityRow,
    OrganisationRow,
    PartnerRow,
    SignatoryRow,
)
from mumidesk.domain.agreements import Agreement, AgreementParty, Signatory
from mumidesk.domain.enums import AgreementKind, AgreementStatus, CooperationArea
from mumidesk.domain.errors import LifecycleError
from mumidesk.domain.lifecycle import apply_step
from mumidesk.domain.validation import Checker
from mumidesk.i18n import _
from mumidesk.services.crud import CrudService, check_reference, require_row
from mumidesk.services.mapping import apply_to_row, from_row, to_row_values


@dataclass(frozen=True)
class AgreementFilter:
    status: AgreementStatus | None = None
    statuses: tuple[AgreementStatus, ...] = ()
    kind: AgreementKind | None = None
    municipality_id: uuid.UUID | None = None
    partner_id: uuid.UUID | None = None
    area: CooperationArea | None = None
    signed_from: dt.date | None = None
    signed_to: dt.date | None = None
    partner_country: str = ""  # ISO code of a partner party's country
    text: str = ""  # free text through the search index


@dataclass(frozen=True)
class AgreementLinks:
    """Records that point to an agreement or that it points to, as (id, title) pairs."""

    parent: tuple[uuid.UUID, str] | None = None
    children: tuple[tuple[uuid.UUID, str], ...] = ()  # amendments and prolongations of it
    delegations: tuple[tuple[uuid.UUID, str], ...] = ()
    events: tuple[tuple[uuid.UUID, str], ...] = ()


class AgreementService(CrudService[Agreement, AgreementRow, AgreementFilter]):
    kind = "agreement"
    row_cls = AgreementRow
    domain_cls = Agreement
    sort_columns = {  # noqa: RUF012
        "title": "title",
        "kind": "kind",
        "status": "status",
        "signed": "signed_date",
        "registered": "registration_date",
        "registration_number": "registration_number",
        "expires": "expires_on",
        "planned": "planned_signing_date",
        "updated": "updated_at",
    }
    default_sort = "signed"

    def label(self) -> str:
        return _("Agreement")

    def to_domain(self, row: AgreementRow) -> Agreement:
        parties = [
            AgreementParty(
                **from_row(p, AgreementParty),
                signatories=[Signatory(**from_row(s, Signatory)) for s in p.signatories],
            )
            for p in row.parties
        ]
        return Agreement(
            **from_row(row, Agreement),
            parties=parties,
            areas=[CooperationArea(a.area) for a in row.areas],
            languages=[lang.language for lang in row.languages],
            notice_lead_days=list(row.notice_lead_days or []),
        )

    def fill_row(self, session: Session, row: AgreementRow, item: Agreement) -> None:
        apply_to_row(row, item)
        row.notice_lead_days = list(item.notice_lead_days)
        row.parties = [
            AgreementPartyRow(
                sort_order=i,
                **to_row_values(party, AgreementPartyRow),
                signatories=[
                    SignatoryRow(sort_order=j, **to_row_values(s, SignatoryRow))
                    for j, s in enumerate(party.signatories)
                ],
            )
            for i, party in enumerate(item.parties)
        ]
        row.areas = [AgreementAreaRow(sort_order=i, area=a.value) for i, a in enumerate(item.areas)]
        row.languages = [
            AgreementLanguageRow(sort_order=i, language=lang.lower())
            for i, lang in enumerate(item.languages)
        ]

    def check_references(self, session: Session, item: Agreement, c: Checker) -> None:
        check_reference(session, c, "municipality_id", MunicipalityRow, item.municipality_id)
        check_reference(session, c, "parent_id", AgreementRow, item.parent_id)
        for i, party in enumerate(item.parties):
            check_reference(session, c, f"parties[{i}].partner_id", PartnerRow, party.partner_id)
            check_reference(
                session, c, f"parties[{i}].municipality_id", MunicipalityRow, party.municipality_id
            )
            check_reference(
                session, c, f"parties[{i}].organisation_id", OrganisationRow, party.organisation_id
            )
            if party.body_id is not None and session.get(MunicipalBodyRow, party.body_id) is None:
                c.fail(f"parties[{i}].body_id", _("refers to a body that does not exist"))

    def guard(self, session: Session, old: AgreementRow | None, item: Agreement) -> None:
        """The status changes only through lifecycle steps (advance), never by editing."""
        if session.info.get("preserve_audit"):
            return  # an import restores the state an export recorded
        current = AgreementStatus.DRAFT if old is None else AgreementStatus(old.status)
        if item.status is not current:
            raise LifecycleError(
                current.value,
                item.status.value,
                _("the status changes only by a lifecycle step, from “{current}”").format(
                    current=current.label()
                ),
            )

    def apply_filter(self, stmt: Select[Any], flt: AgreementFilter) -> Select[Any]:
        if flt.status is not None:
            stmt = stmt.where(AgreementRow.status == flt.status.value)
        if flt.statuses:
            stmt = stmt.where(AgreementRow.status.in_([s.value for s in flt.statuses]))
        if flt.kind is not None:
            stmt = stmt.where(AgreementRow.kind == flt.kind.value)
        if flt.municipality_id is not None:
            own_party = select(AgreementPartyRow.agreement_id).where(
                AgreementPartyRow.municipality_id == flt.municipality_id
            )
            stmt = stmt.where(
                or_(
                    AgreementRow.municipality_id == flt.municipality_id,
                    AgreementRow.id.in_(own_party),
                )
            )
        if flt.partner_id is not None:
            stmt = stmt.where(
                AgreementRow.id.in_(
                    select(AgreementPartyRow.agreement_id).where(
                        AgreementPartyRow.partner_id == flt.partner_id
                    )
                )
            )
        if flt.area is not None:
            stmt = stmt.where(
                AgreementRow.id.in_(
                    select(AgreementAreaRow.agreement_id).where(
                        AgreementAreaRow.area == flt.area.value
                    )
                )
            )
        if flt.signed_from is not None:
            stmt = stmt.where(AgreementRow.signed_date >= flt.signed_from)
        if flt.signed_to is not None:
            stmt = stmt.where(AgreementRow.signed_date <= flt.signed_to)
        if flt.partner_country:
            stmt = stmt.where(
                AgreementRow.id.in_(
                    select(AgreementPartyRow.agreement_id)
                    .join(PartnerRow, PartnerRow.id == AgreementPartyRow.partner_id)
                    .where(PartnerRow.country_code == flt.partner_country.upper())
                )
            )
        return stmt

    def party_labels(self, agreements: Sequence[Agreement]) -> dict[uuid.UUID, str]:
        """Names of the partners, municipalities, bodies and parents the agreements refer to,
        fetched in one query per kind (a table page shows them without a query per cell)."""
        partners: set[uuid.UUID] = set()
        municipalities: set[uuid.UUID] = set()
        bodies: set[uuid.UUID] = set()
        for item in agreements:
            if item.municipality_id is not None:
                municipalities.add(item.municipality_id)
            for party in item.parties:
                if party.partner_id is not None:
                    partners.add(party.partner_id)
                if party.municipality_id is not None:
                    municipalities.add(party.municipality_id)
                if party.body_id is not None:
                    bodies.add(party.body_id)
        labels: dict[uuid.UUID, str] = {}
        with self.db.reading() as session:
            if partners:
                stmt = select(PartnerRow.id, PartnerRow.name_ru, PartnerRow.name_en).where(
                    PartnerRow.id.in_(partners)
                )
                for key, name_ru, name_en in session.execute(stmt):
                    labels[key] = name_ru or name_en
            if municipalities:
                stmt_m = select(MunicipalityRow.id, MunicipalityRow.name_ru).where(
                    MunicipalityRow.id.in_(municipalities)
                )
                labels.update({key: name for key, name in session.execute(stmt_m)})
            if bodies:
                stmt_b = select(MunicipalBodyRow.id, MunicipalBodyRow.name_ru).where(
                    MunicipalBodyRow.id.in_(bodies)
                )
                labels.update({key: name for key, name in session.execute(stmt_b)})
        return labels

    def links(self, key: uuid.UUID) -> AgreementLinks:
        """The parent, the amendments and the delegations and events linked to an agreement."""
        with self.db.reading() as session:
            row = require_row(session, AgreementRow, key, self.label())
            parent = None
            if row.parent_id is not None:
                parent_row = session.get(AgreementRow, row.parent_id)
                if parent_row is not None and parent_row.deleted_at is None:
                    parent = (parent_row.id, parent_row.title)
            children = session.execute(
                select(AgreementRow.id, AgreementRow.title)
                .where(AgreementRow.parent_id == key, AgreementRow.deleted_at.is_(None))
                .order_by(AgreementRow.signed_date, AgreementRow.title)
            ).all()
            delegations = session.execute(
                select(DelegationRow.id, DelegationRow.title)
                .join(
                    DelegationAgreementRow, DelegationAgreementRow.delegation_id == DelegationRow.id
                )
                .where(
                    DelegationAgreementRow.agreement_id == key, DelegationRow.deleted_at.is_(None)
                )
                .order_by(DelegationRow.start_date)
            ).all()
            events = session.execute(
                select(EventRow.id, EventRow.name)
                .join(EventAgreementRow, EventAgreementRow.event_id == EventRow.id)
                .where(EventAgreementRow.agreement_id == key, EventRow.deleted_at.is_(None))
                .order_by(EventRow.start_date)
            ).all()
        return AgreementLinks(
            parent=parent,
            children=tuple((k, t) for k, t in children),
            delegations=tuple((k, t) for k, t in delegations),
            events=tuple((k, t) for k, t in events),
        )

    def search_text(self, item: Agreement) -> tuple[str, list[str]]:
        parts = [item.subject, item.registration_number, item.signed_place, item.notes]
        for party in item.parties:
            parts += [party.name_ru, party.name_en]
            parts += [f"{s.full_name} {s.position}" for s in party.signatories]
        return item.title, parts

    def advance(
        self,
        key: uuid.UUID,
        target: AgreementStatus,
        expected_version: int | None = None,
        **facts: Any,
    ) -> Agreement:
        """Move an agreement one lifecycle step with the facts the step needs, in one go."""
        with self._edit(key, expected_version) as session:
            row = require_row(session, AgreementRow, key, self.label())
            if expected_version is not None:
                self._check_version(row, expected_version)
            moved = apply_step(self.to_domain(row), target, **facts)
            self.fill_row(session, row, moved)
            session.flush()
            saved = self.to_domain(row)
            self._index(session, saved)
            return saved
