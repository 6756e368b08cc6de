from __future__ import annotations

import datetime as dt
import uuid

import pytest

from mumidesk.domain.agreements import Agreement
from mumidesk.domain.deadlines import (
    Deadline,
    agreement_deadlines,
    current_expiry,
    delegation_deadlines,
    due_within,
    quarter_bounds,
    quarter_of,
    report_deadlines,
)
from mumidesk.domain.delegations import Delegation
from mumidesk.domain.enums import AgreementStatus as S
from mumidesk.domain.enums import DeadlineKind as K
from mumidesk.domain.enums import DelegationDirection

D = dt.date


def agreement(status: S, **facts: object) -> Agreement:
    return Agreement(id=uuid.uuid4(), title="Соглашение", status=status, **facts)  # type: ignore[arg-type]


def delegation(direction: DelegationDirection, end: dt.date, **facts: object) -> Delegation:
    return Delegation(
        id=uuid.uuid4(),
        title="Визит",
        direction=direction,
        start_date=end - dt.timedelta(days=3),
        end_date=end,
        **facts,  # type: ignore[arg-type]
    )


def test_registration_within_ten_working_days_across_the_may_holidays() -> None:
    # Signed on Monday 28 April 2025; 1, 2, 8 and 9 May are days off.
    found = list(agreement_deadlines(agreement(S.SIGNED, signed_date=D(2025, 4, 28))))
    assert [(d.kind, d.due, d.target_date) for d in found] == [
        (K.REGISTRATION, D(2025, 5, 16), D(2025, 4, 28))
    ]
    assert found[0].subject_kind == "agreement"


def test_approval_request_45_days_before_the_planned_signing() -> None:
    draft = agreement(S.DRAFT, planned_signing_date=D(2025, 9, 15))
    assert [(d.kind, d.due) for d in agreement_deadlines(draft)] == [
        (K.APPROVAL_REQUEST, D(2025, 8, 1))
    ]
    # Without a planned date there is nothing to count from; once sent, the request is done.
    assert list(agreement_deadlines(agreement(S.DRAFT))) == []
    sent = agreement(
        S.SENT_FOR_APPROVAL,
        planned_signing_date=D(2025, 9, 15),
        approval_requested_on=D(2025, 7, 1),
    )
    assert list(agreement_deadlines(sent)) == []


def test_expiry_notices_at_90_30_and_7_days() -> None:
    in_force = agreement(S.REGISTERED, signed_date=D(2020, 6, 1), expires_on=D(2025, 12, 31))
    found = list(agreement_deadlines(in_force))
    assert [(d.kind, d.lead_days, d.due) for d in found] == [
        (K.EXPIRY_NOTICE, 90, D(2025, 10, 2)),
        (K.EXPIRY_NOTICE, 30, D(2025, 12, 1)),
        (K.EXPIRY_NOTICE, 7, D(2025, 12, 24)),
    ]
    assert {d.target_date for d in found} == {D(2025, 12, 31)}
    custom = agreement(S.PROLONGED, expires_on=D(2025, 12, 31), notice_lead_days=[14, 60, 14])
    assert [(d.kind, d.lead_days) for d in agreement_deadlines(custom)] == [
        (K.EXPIRY_NOTICE, 60),
        (K.EXPIRY_NOTICE, 14),
    ]
    # Not yet in force, or already over: no notices.
    assert list(agreement_deadlines(agreement(S.SUSPENDED, expires_on=D(2025, 12, 31)))) == []
    assert list(agreement_deadlines(agreement(S.EXPIRED, expires_on=D(2025, 12, 31)))) == []
    assert list(agreement_deadlines(agreement(S.REGISTERED))) == []


def test_a_self_prolonging_agreement_gets_prolongation_notices_for_its_running_term() -> None:
    auto = agreement(
        S.REGISTERED,
        expires_on=D(2024, 1, 31),
        auto_prolongation=True,
        prolongation_months=12,
        notice_lead_days=[30],
    )
    assert current_expiry(auto) == D(2024, 1, 31)
    assert current_expiry(auto, D(2024, 1, 31)) == D(2024, 1, 31)
    assert current_expiry(auto, D(2025, 6, 1)) == D(2026, 1, 31)
    found = list(agreement_deadlines(auto, today=D(2025, 6, 1)))
    assert [(d.kind, d.due, d.target_date) for d in found] == [
        (K.PROLONGATION_NOTICE, D(2026, 1, 1), D(2026, 1, 31))
    ]
    # Without automatic prolongation the recorded end stays.
    fixed = agreement(S.REGISTERED, expires_on=D(2024, 1, 31), prolongation_months=12)
    assert current_expiry(fixed, D(2025, 6, 1)) == D(2024, 1, 31)


def test_delegation_report_within_three_working_days_of_return() -> None:
    back = delegation(DelegationDirection.OUTGOING, D(2025, 4, 30))
    assert [(d.kind, d.due, d.subject_kind) for d in delegation_deadlines(back)] == [
        (K.DELEGATION_REPORT, D(2025, 5, 7), "delegation")
    ]
    reported = delegation(
        DelegationDirection.OUTGOING, D(2025, 4, 30), report_submitted_on=D(2025, 5, 5)
    )
    assert list(delegation_deadlines(reported)) == []
    for direction in (DelegationDirection.INCOMING, DelegationDirection.ONLINE):
        assert list(delegation_deadlines(delegation(direction, D(2025, 4, 30)))) == []


def test_quarterly_reports_by_the_tenth_and_the_annual_report_by_15_january() -> None:
    found = list(report_deadlines(D(2025, 1, 1), D(2025, 12, 31)))
    assert [(d.kind, d.due, d.period) for d in found] == [
        (K.QUARTERLY_REPORT, D(2025, 1, 10), "2024-Q4"),
        (K.ANNUAL_REPORT, D(2025, 1, 15), "2024"),
        (K.QUARTERLY_REPORT, D(2025, 4, 10), "2025-Q1"),
        (K.QUARTERLY_REPORT, D(2025, 7, 10), "2025-Q2"),
        (K.QUARTERLY_REPORT, D(2025, 10, 10), "2025-Q3"),
    ]
    annual = found[1]
    assert annual.target_date == D(2024, 12, 31)
    assert found[3].target_date == D(2025, 6, 30)
    assert list(report_deadlines(D(2025, 7, 11), D(2025, 10, 9))) == []


def test_quarters() -> None:
    assert [quarter_of(D(2020, m, 1)) for m in (1, 3, 4, 6, 7, 9, 10, 12)] == [
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
    ]
    assert quarter_bounds(2020, 1) == (D(2020, 1, 1), D(2020, 3, 31))
    assert quarter_bounds(2020, 2) == (D(2020, 4, 1), D(2020, 6, 30))
    assert quarter_bounds(2020, 4) == (D(2020, 10, 1), D(2020, 12, 31))
    with pytest.raises(ValueError):
        quarter_bounds(2020, 5)


def test_due_within_keeps_the_window_and_overdue_tasks_but_not_past_notices() -> None:
    today = D(2025, 5, 1)

    def make(kind: K, due: dt.date, title: str) -> Deadline:
        return Deadline(kind=kind, due=due, subject_kind="x", subject_id=None, subject_title=title)

    items = [
        make(K.DELEGATION_REPORT, D(2025, 4, 20), "overdue report"),
        make(K.EXPIRY_NOTICE, D(2025, 4, 20), "past notice"),
        make(K.REGISTRATION, D(2025, 5, 1), "due today"),
        make(K.EXPIRY_NOTICE, D(2025, 5, 31), "notice at the horizon"),
        make(K.APPROVAL_REQUEST, D(2025, 6, 1), "too late"),
    ]
    chosen = due_within(items, today, 30)
    assert [d.subject_title for d in chosen] == [
        "overdue report",
        "due today",
        "notice at the horizon",
    ]
    assert [d.is_overdue(today) for d in chosen] == [True, False, False]
    assert [d.subject_title for d in due_within(items, today, 30, include_overdue=False)] == [
        "due today",
        "notice at the horizon",
    ]
    assert [d.subject_title for d in due_within(items, today, 0, include_overdue=False)] == [
        "due today"
    ]
