"""Deadlines derived from the data, never typed in.

- approval request: at least 45 days before the planned signing;
- registration: within 10 working days after signing;
- delegation report: within 3 working days after return;
- expiry / prolongation notices: several lead times per agreement (default 90/30/7 days);
- the quarterly report of international events and the annual report (by 15 January).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from mumidesk.domain.agreements import Agreement
from mumidesk.domain.delegations import Delegation
from mumidesk.domain.enums import AgreementStatus, DeadlineKind, DelegationDirection
from mumidesk.domain.lifecycle import IN_FORCE, add_months
from mumidesk.domain.working_days import add_working_days

APPROVAL_LEAD_DAYS = 45
REGISTRATION_WORKING_DAYS = 10
DELEGATION_REPORT_WORKING_DAYS = 3
# The region wants the quarterly table by this day of the month after the quarter.
QUARTERLY_REPORT_DAY = 10
ANNUAL_REPORT_MONTH_DAY = (1, 15)


@dataclass(frozen=True, slots=True)
class Deadline:
    kind: DeadlineKind
    due: dt.date
    subject_kind: str  # "agreement", "delegation", "report"
    subject_id: uuid.UUID | None
    subject_title: str
    municipality_id: uuid.UUID | None = None
    target_date: dt.date | None = None  # the date the deadline is about (expiry, signing …)
    lead_days: int | None = None
    period: str = ""  # "2020-Q2", "2020" for reports

    def is_overdue(self, today: dt.date) -> bool:
        return self.due < today


def current_expiry(agreement: Agreement, today: dt.date | None = None) -> dt.date | None:
    """The end of the running term: a self-prolonging agreement whose recorded end has passed
    runs on for further periods, so its next end lies after ``today``."""
    recorded = agreement.expires_on
    months = agreement.prolongation_months or agreement.term_months
    if recorded is None or today is None or not agreement.auto_prolongation or not months:
        return recorded
    expires, periods = recorded, 0
    while expires < today:
        periods += 1
        # Counted from the recorded end each time, so 31 January does not drift to the 28th.
        expires = add_months(recorded, months * periods)
    return expires


def agreement_deadlines(agreement: Agreement, today: dt.date | None = None) -> Iterator[Deadline]:
    """The deadlines an agreement's state implies; ``today`` moves a self-prolonging term on."""
    base = {
        "subject_kind": "agreement",
        "subject_id": agreement.id,
        "subject_title": agreement.title,
        "municipality_id": agreement.municipality_id,
    }
    status = agreement.status
    if status is AgreementStatus.DRAFT and agreement.planned_signing_date:
        yield Deadline(
            kind=DeadlineKind.APPROVAL_REQUEST,
            due=agreement.planned_signing_date - dt.timedelta(days=APPROVAL_LEAD_DAYS),
            target_date=agreement.planned_signing_date,
            **base,  # type: ignore[arg-type]
        )
    if status is AgreementStatus.SIGNED and agreement.signed_date:
        yield Deadline(
            kind=DeadlineKind.REGISTRATION,
            due=add_working_days(agreement.signed_date, REGISTRATION_WORKING_DAYS),
            target_date=agreement.signed_date,
            **base,  # type: ignore[arg-type]
        )
    expires = current_expiry(agreement, today)
    if status in IN_FORCE and expires:
        kind = (
            DeadlineKind.PROLONGATION_NOTICE
            if agreement.auto_prolongation
            else DeadlineKind.EXPIRY_NOTICE
        )
        for lead in sorted(set(agreement.notice_lead_days), reverse=True):
            yield Deadline(
                kind=kind,
                due=expires - dt.timedelta(days=lead),
                target_date=expires,
                lead_days=lead,
                **base,  # type: ignore[arg-type]
            )


def delegation_deadlines(delegation: Delegation) -> Iterator[Deadline]:
    # The head of our own delegation reports after coming back; guests and online meetings
    # have no return.
    if delegation.direction is not DelegationDirection.OUTGOING:
        return
    if delegation.report_submitted_on is not None:
        return
    yield Deadline(
        kind=DeadlineKind.DELEGATION_REPORT,
        due=add_working_days(delegation.end_date, DELEGATION_REPORT_WORKING_DAYS),
        subject_kind="delegation",
        subject_id=delegation.id,
        subject_title=delegation.title,
        municipality_id=delegation.municipality_id,
        target_date=delegation.end_date,
    )


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    if quarter not in (1, 2, 3, 4):
        raise ValueError("quarter must be 1..4")
    start = dt.date(year, 3 * quarter - 2, 1)
    end = (
        dt.date(year, 12, 31)
        if quarter == 4
        else dt.date(year, 3 * quarter + 1, 1) - dt.timedelta(days=1)
    )
    return start, end


def report_deadlines(start: dt.date, end: dt.date) -> Iterator[Deadline]:
    """The quarterly and annual reports falling due between two dates."""
    for year in range(start.year - 1, end.year + 1):
        for quarter in (1, 2, 3, 4):
            _, q_end = quarter_bounds(year, quarter)
            after = q_end + dt.timedelta(days=1)
            due = dt.date(after.year, after.month, QUARTERLY_REPORT_DAY)
            if start <= due <= end:
                yield Deadline(
                    kind=DeadlineKind.QUARTERLY_REPORT,
                    due=due,
                    subject_kind="report",
                    subject_id=None,
                    subject_title=f"{year}-Q{quarter}",
                    target_date=q_end,
                    period=f"{year}-Q{quarter}",
                )
        annual_due = dt.date(year + 1, *ANNUAL_REPORT_MONTH_DAY)
        if start <= annual_due <= end:
            yield Deadline(
                kind=DeadlineKind.ANNUAL_REPORT,
                due=annual_due,
                subject_kind="report",
                subject_id=None,
                subject_title=str(year),
                target_date=dt.date(year, 12, 31),
                period=str(year),
            )


def due_within(
    deadlines: Iterable[Deadline], today: dt.date, days: int, include_overdue: bool = True
) -> list[Deadline]:
    """Deadlines due from today to today + days, and (actionable) overdue ones, by date."""
    horizon = today + dt.timedelta(days=days)
    notices = {DeadlineKind.EXPIRY_NOTICE, DeadlineKind.PROLONGATION_NOTICE}
    chosen = [
        d
        for d in deadlines
        if d.due <= horizon and (d.due >= today or (include_overdue and d.kind not in notices))
    ]
    return sorted(chosen, key=lambda d: (d.due, d.kind.value, d.subject_title))
