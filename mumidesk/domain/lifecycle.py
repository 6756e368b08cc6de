"""The lifecycle of an agreement in Russia as an explicit state machine.

draft → sent for regional approval → approved (decision to sign) → signed → submitted for
registration → registered (only now in force) → prolonged / suspended / terminated / expired.
Each step names the facts it needs; an illegal step is refused with the reason and the way on.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import deque
from dataclasses import dataclass, replace
from typing import Any

from mumidesk.domain.agreements import Agreement
from mumidesk.domain.enums import AgreementStatus as S
from mumidesk.domain.errors import LifecycleError, ValidationError
from mumidesk.domain.validation import Checker
from mumidesk.i18n import _

TRANSITIONS: dict[S, frozenset[S]] = {
    S.DRAFT: frozenset({S.SENT_FOR_APPROVAL}),
    S.SENT_FOR_APPROVAL: frozenset({S.APPROVED, S.REJECTED, S.DRAFT}),
    S.REJECTED: frozenset({S.DRAFT}),
    S.APPROVED: frozenset({S.SIGNED}),
    S.SIGNED: frozenset({S.SUBMITTED_FOR_REGISTRATION}),
    S.SUBMITTED_FOR_REGISTRATION: frozenset({S.REGISTERED}),
    S.REGISTERED: frozenset({S.PROLONGED, S.SUSPENDED, S.TERMINATED, S.EXPIRED}),
    S.PROLONGED: frozenset({S.PROLONGED, S.SUSPENDED, S.TERMINATED, S.EXPIRED}),
    S.SUSPENDED: frozenset({S.REGISTERED, S.TERMINATED, S.EXPIRED}),
    S.TERMINATED: frozenset(),
    S.EXPIRED: frozenset(),
}

# States in which the agreement is in force (counts as concluded and can expire).
IN_FORCE = frozenset({S.REGISTERED, S.PROLONGED})
FINAL = frozenset(s for s, targets in TRANSITIONS.items() if not targets)

# The facts each target state requires, as field names of Agreement.
REQUIRED_FACTS: dict[S, tuple[str, ...]] = {
    S.SENT_FOR_APPROVAL: ("approval_requested_on",),
    S.APPROVED: ("approval_decision_no", "approval_decision_date"),
    S.REJECTED: ("approval_decision_date",),
    S.SIGNED: ("signed_date", "signed_place"),
    S.SUBMITTED_FOR_REGISTRATION: ("registration_submitted_on",),
    S.REGISTERED: ("registration_number", "registration_date"),
    S.SUSPENDED: ("suspended_on",),
    S.TERMINATED: ("ended_on",),
    S.EXPIRED: ("ended_on",),
}


@dataclass(frozen=True, slots=True)
class Step:
    current: S
    target: S


def allowed_targets(status: S) -> frozenset[S]:
    return TRANSITIONS[status]


def path(start: S, goal: S) -> list[S]:
    """The shortest sequence of steps from one state to another (empty if none)."""
    queue: deque[list[S]] = deque([[start]])
    seen = {start}
    while queue:
        route = queue.popleft()
        for nxt in sorted(TRANSITIONS[route[-1]]):
            if nxt == goal:
                return [*route[1:], nxt]
            if nxt not in seen:
                seen.add(nxt)
                queue.append([*route, nxt])
    return []


def check_step(current: S, target: S) -> None:
    if target in TRANSITIONS[current]:
        return
    if current in FINAL:
        reason = _("“{current}” is final: no further step is possible").format(
            current=current.label()
        )
    else:
        route = path(current, target)
        if route:
            reason = _(
                "“{current}” cannot become “{target}” in one step; the next step is “{next}”"
            ).format(current=current.label(), target=target.label(), next=route[0].label())
        else:
            reason = _("“{current}” can never become “{target}”").format(
                current=current.label(), target=target.label()
            )
    raise LifecycleError(current.value, target.value, reason)


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def term_end(start: dt.date, months: int) -> dt.date:
    """The last day of a term of ``months`` that starts on ``start``."""
    return add_months(start, months) - dt.timedelta(days=1)


def apply_step(agreement: Agreement, target: S, **facts: Any) -> Agreement:
    """A copy of the agreement moved to ``target`` with the given facts, or an error.

    Raises LifecycleError for an illegal step and ValidationError naming a missing fact.
    """
    check_step(agreement.status, target)
    unknown = set(facts) - set(Agreement.__dataclass_fields__)
    if unknown:
        raise ValueError(f"unknown agreement fields: {sorted(unknown)}")
    moved = replace(agreement, **facts)
    c = Checker()
    for name in REQUIRED_FACTS.get(target, ()):
        c.required(name, getattr(moved, name))
    c.raise_if_any()
    if target is S.REGISTERED and agreement.status is S.SUBMITTED_FOR_REGISTRATION:
        assert moved.registration_date is not None
        if moved.term_months and moved.expires_on is None:
            moved = replace(moved, expires_on=term_end(moved.registration_date, moved.term_months))
    if target is S.PROLONGED and "expires_on" not in facts:
        months = moved.prolongation_months or moved.term_months
        if moved.expires_on is None or not months:
            raise ValidationError.single(
                "expires_on", _("give the new end date or a prolongation period in months")
            )
        moved = replace(moved, expires_on=add_months(moved.expires_on, months))
    if target is S.REGISTERED and agreement.status is S.SUSPENDED:
        moved = replace(moved, suspended_on=None)
    if agreement.status is S.REJECTED and target is S.DRAFT:
        # The refusal belongs to the last round; a new request gets its own decision.
        moved = replace(moved, approval_decision_no="", approval_decision_date=None)
    moved.status = target
    c = Checker()
    moved.check(c)
    c.raise_if_any()
    return moved
