"""What falls due soon: deadlines derived from the agreements, the delegations and the calendar.

SQL picks the candidate rows (by status and date, only the columns the rules read); the rules
themselves live in domain.deadlines, so they are tested without a database.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import ColumnElement, or_, select

from mumidesk.db.engine import Database
from mumidesk.db.models import AgreementPartyRow, AgreementRow, DelegationRow
from mumidesk.domain import deadlines as rules
from mumidesk.domain.agreements import Agreement
from mumidesk.domain.deadlines import Deadline
from mumidesk.domain.delegations import Delegation
from mumidesk.domain.enums import AgreementStatus, DelegationDirection
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.lifecycle import IN_FORCE
from mumidesk.i18n import _

# The longest notice lead an agreement may set (domain.agreements checks 1..3650 days).
MAX_NOTICE_LEAD_DAYS = 3650
MAX_HORIZON_DAYS = 36_500

_AGREEMENT_COLUMNS = (
    AgreementRow.id,
    AgreementRow.title,
    AgreementRow.status,
    AgreementRow.municipality_id,
    AgreementRow.planned_signing_date,
    AgreementRow.signed_date,
    AgreementRow.expires_on,
    AgreementRow.term_months,
    AgreementRow.auto_prolongation,
    AgreementRow.prolongation_months,
    AgreementRow.notice_lead_days,
)


class DeadlineService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def due_within(
        self,
        days: int,
        today: dt.date | None = None,
        municipality_id: uuid.UUID | None = None,
        include_overdue: bool = True,
    ) -> list[Deadline]:
        """Deadlines due from ``today`` to ``today + days``, by date, and the overdue ones that
        still need doing (``Deadline.is_overdue(today)`` flags them). Expiry notices whose day
        has passed are dropped: they were reminders, not tasks. The quarterly and annual
        reports are listed from today on."""
        if days < 0:
            raise ValidationError.single("days", _("must not be negative"))
        if days > MAX_HORIZON_DAYS:
            raise ValidationError.single(
                "days", _("must be at most {limit}").format(limit=MAX_HORIZON_DAYS)
            )
        today = today or dt.date.today()
        horizon = today + dt.timedelta(days=days)
        found: list[Deadline] = []
        for agreement in self._candidate_agreements(today, horizon, municipality_id):
            found.extend(rules.agreement_deadlines(agreement, today))
        for delegation in self._candidate_delegations(horizon, municipality_id):
            found.extend(rules.delegation_deadlines(delegation))
        found.extend(rules.report_deadlines(today, horizon))
        return rules.due_within(found, today, days, include_overdue)

    def _candidate_agreements(
        self, today: dt.date, horizon: dt.date, municipality_id: uuid.UUID | None
    ) -> list[Agreement]:
        approval = (AgreementRow.status == AgreementStatus.DRAFT.value) & (
            AgreementRow.planned_signing_date
            <= horizon + dt.timedelta(days=rules.APPROVAL_LEAD_DAYS)
        )
        # Registration falls due after signing, so nothing signed after the horizon can be due.
        registration = (AgreementRow.status == AgreementStatus.SIGNED.value) & (
            AgreementRow.signed_date <= horizon
        )
        notices = AgreementRow.status.in_([s.value for s in IN_FORCE]) & or_(
            AgreementRow.auto_prolongation.is_(True),
            (AgreementRow.expires_on >= today)
            & (AgreementRow.expires_on <= horizon + dt.timedelta(days=MAX_NOTICE_LEAD_DAYS)),
        )
        conditions: list[ColumnElement[bool]] = [
            AgreementRow.deleted_at.is_(None),
            or_(approval, registration, notices & AgreementRow.expires_on.is_not(None)),
        ]
        if municipality_id is not None:
            own_party = select(AgreementPartyRow.agreement_id).where(
                AgreementPartyRow.municipality_id == municipality_id
            )
            conditions.append(
                or_(
                    AgreementRow.municipality_id == municipality_id,
                    AgreementRow.id.in_(own_party),
                )
            )
        stmt = select(*_AGREEMENT_COLUMNS).where(*conditions)
        with self.db.reading() as session:
            rows = session.execute(stmt).all()
        return [_agreement(row) for row in rows]

    def _candidate_delegations(
        self, horizon: dt.date, municipality_id: uuid.UUID | None
    ) -> list[Delegation]:
        stmt = select(
            DelegationRow.id,
            DelegationRow.title,
            DelegationRow.municipality_id,
            DelegationRow.start_date,
            DelegationRow.end_date,
        ).where(
            DelegationRow.deleted_at.is_(None),
            DelegationRow.direction == DelegationDirection.OUTGOING.value,
            DelegationRow.report_submitted_on.is_(None),
            DelegationRow.end_date <= horizon,  # the report falls due after the return
        )
        if municipality_id is not None:
            stmt = stmt.where(DelegationRow.municipality_id == municipality_id)
        with self.db.reading() as session:
            rows = session.execute(stmt).all()
        return [
            Delegation(
                id=key,
                title=title,
                direction=DelegationDirection.OUTGOING,
                municipality_id=municipality,
                start_date=start,
                end_date=end,
            )
            for key, title, municipality, start, end in rows
        ]


def _agreement(row: Any) -> Agreement:
    return Agreement(
        id=row.id,
        title=row.title,
        status=AgreementStatus(row.status),
        municipality_id=row.municipality_id,
        planned_signing_date=row.planned_signing_date,
        signed_date=row.signed_date,
        expires_on=row.expires_on,
        term_months=row.term_months,
        auto_prolongation=bool(row.auto_prolongation),
        prolongation_months=row.prolongation_months,
        notice_lead_days=list(row.notice_lead_days or []),
    )
