"""The agreement lifecycle: each legal step with its facts; illegal steps refused, the way named."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mumidesk.domain.agreements import Agreement
from mumidesk.domain.enums import AgreementStatus as S
from mumidesk.domain.errors import LifecycleError, ValidationError
from mumidesk.domain.lifecycle import (
    FINAL,
    IN_FORCE,
    REQUIRED_FACTS,
    TRANSITIONS,
    add_months,
    allowed_targets,
    apply_step,
    path,
    term_end,
)

D = dt.date

# The facts each step needs, in a consistent order of dates.
FACTS: dict[S, dict[str, Any]] = {
    S.SENT_FOR_APPROVAL: {"approval_requested_on": D(2024, 1, 10)},
    S.APPROVED: {"approval_decision_no": "15-р", "approval_decision_date": D(2024, 2, 20)},
    S.REJECTED: {"approval_decision_date": D(2024, 2, 20)},
    S.SIGNED: {"signed_date": D(2024, 3, 5), "signed_place": "Смоленск"},
    S.SUBMITTED_FOR_REGISTRATION: {"registration_submitted_on": D(2024, 3, 12)},
    S.REGISTERED: {"registration_number": "RU-67-0001", "registration_date": D(2024, 4, 1)},
    S.PROLONGED: {},
    S.SUSPENDED: {"suspended_on": D(2025, 1, 15)},
    S.TERMINATED: {"ended_on": D(2025, 6, 1)},
    S.EXPIRED: {"ended_on": D(2029, 3, 31)},
    S.DRAFT: {},
}

TO_REGISTERED = [
    S.SENT_FOR_APPROVAL,
    S.APPROVED,
    S.SIGNED,
    S.SUBMITTED_FOR_REGISTRATION,
    S.REGISTERED,
]


def draft(**kw: Any) -> Agreement:
    return Agreement(title="Соглашение о сотрудничестве", **kw)


def walk(agreement: Agreement, *targets: S) -> Agreement:
    for target in targets:
        agreement = apply_step(agreement, target, **FACTS[target])
    return agreement


def in_state(status: S, **kw: Any) -> Agreement:
    """An agreement brought to ``status`` through legal steps."""
    routes = {
        S.DRAFT: [],
        S.SENT_FOR_APPROVAL: TO_REGISTERED[:1],
        S.APPROVED: TO_REGISTERED[:2],
        S.REJECTED: [S.SENT_FOR_APPROVAL, S.REJECTED],
        S.SIGNED: TO_REGISTERED[:3],
        S.SUBMITTED_FOR_REGISTRATION: TO_REGISTERED[:4],
        S.REGISTERED: TO_REGISTERED,
        S.PROLONGED: [*TO_REGISTERED, S.PROLONGED],
        S.SUSPENDED: [*TO_REGISTERED, S.SUSPENDED],
        S.TERMINATED: [*TO_REGISTERED, S.TERMINATED],
        S.EXPIRED: [*TO_REGISTERED, S.EXPIRED],
    }
    kw.setdefault("term_months", 60)
    return walk(draft(**kw), *routes[status])


def test_the_whole_way_to_registration() -> None:
    a = draft(term_months=60)
    for target in TO_REGISTERED:
        a = apply_step(a, target, **FACTS[target])
        assert a.status is target
        for name, value in FACTS[target].items():
            assert getattr(a, name) == value
    assert a.status in IN_FORCE


@pytest.mark.parametrize(
    ("current", "target"),
    sorted((c, t) for c, targets in TRANSITIONS.items() for t in targets),
)
def test_every_legal_step(current: S, target: S) -> None:
    before = in_state(current)
    after = apply_step(before, target, **FACTS[target])
    assert after.status is target
    assert before.status is current  # the input is not changed


@pytest.mark.parametrize(
    ("current", "target"),
    sorted(
        (c, t)
        for c, targets in TRANSITIONS.items()
        for t in targets
        if REQUIRED_FACTS.get(t) and not (c is S.SUSPENDED and t is S.REGISTERED)
    ),
)
def test_every_step_requires_its_facts(current: S, target: S) -> None:
    blank = {
        name: ("" if isinstance(value, str) else None) for name, value in FACTS[target].items()
    }
    with pytest.raises(ValidationError) as info:
        apply_step(in_state(current), target, **blank)
    assert set(info.value.fields) == set(REQUIRED_FACTS[target])


def test_resuming_needs_the_registration_facts_it_already_has() -> None:
    suspended = in_state(S.SUSPENDED)
    with pytest.raises(ValidationError) as info:
        apply_step(suspended, S.REGISTERED, registration_number="")
    assert info.value.fields == ["registration_number"]


def test_missing_facts_are_all_named_at_once() -> None:
    approved = in_state(S.APPROVED)
    with pytest.raises(ValidationError) as info:
        apply_step(approved, S.SIGNED)
    assert info.value.fields == ["signed_date", "signed_place"]


def test_draft_to_registered_in_one_step_names_the_next_step() -> None:
    with pytest.raises(LifecycleError) as info:
        apply_step(draft(), S.REGISTERED, **FACTS[S.REGISTERED])
    err = info.value
    assert (err.current, err.target) == ("draft", "registered")
    assert "in one step" in err.reason
    assert S.SENT_FOR_APPROVAL.label() in err.reason
    assert err.reason.endswith(f"the next step is “{S.SENT_FOR_APPROVAL.label()}”")


@pytest.mark.parametrize(
    ("current", "target", "next_step"),
    [
        (S.DRAFT, S.SIGNED, S.SENT_FOR_APPROVAL),
        (S.SENT_FOR_APPROVAL, S.SIGNED, S.APPROVED),
        (S.APPROVED, S.REGISTERED, S.SIGNED),
        (S.SIGNED, S.REGISTERED, S.SUBMITTED_FOR_REGISTRATION),
        (S.REJECTED, S.APPROVED, S.DRAFT),
    ],
)
def test_skipping_steps_is_refused_with_the_next_step(current: S, target: S, next_step: S) -> None:
    with pytest.raises(LifecycleError) as info:
        apply_step(in_state(current), target, **FACTS[target])
    assert f"the next step is “{next_step.label()}”" in info.value.reason


def test_going_back_is_refused_as_never_possible() -> None:
    with pytest.raises(LifecycleError) as info:
        apply_step(in_state(S.REGISTERED), S.DRAFT)
    assert "can never become" in info.value.reason


@pytest.mark.parametrize("final", sorted(FINAL))
def test_final_states_allow_nothing(final: S) -> None:
    assert allowed_targets(final) == frozenset()
    for target in S:
        with pytest.raises(LifecycleError) as info:
            apply_step(in_state(final), target, **FACTS[target])
        assert "is final" in info.value.reason


def test_terminated_and_expired_are_the_final_states() -> None:
    assert frozenset({S.TERMINATED, S.EXPIRED}) == FINAL


def test_rejected_goes_back_to_draft_and_can_be_sent_again() -> None:
    rejected = in_state(S.REJECTED)
    assert allowed_targets(S.REJECTED) == frozenset({S.DRAFT})
    again = apply_step(rejected, S.DRAFT)
    assert again.status is S.DRAFT
    resent = apply_step(again, S.SENT_FOR_APPROVAL, approval_requested_on=D(2024, 3, 1))
    assert resent.status is S.SENT_FOR_APPROVAL
    assert resent.approval_requested_on == D(2024, 3, 1)
    # the refusal of the first round does not stand against the second request
    assert (again.approval_decision_no, again.approval_decision_date) == ("", None)
    approved = apply_step(
        resent, S.APPROVED, approval_decision_no="20-р", approval_decision_date=D(2024, 4, 1)
    )
    assert approved.status is S.APPROVED


def test_sent_for_approval_can_be_withdrawn_to_draft() -> None:
    assert apply_step(in_state(S.SENT_FOR_APPROVAL), S.DRAFT).status is S.DRAFT


def test_registered_sets_expires_on_from_term_months() -> None:
    registered = in_state(S.REGISTERED, term_months=60)
    # 60 months from 2024-04-01: the last day is 2029-03-31
    assert registered.expires_on == D(2029, 3, 31)


def test_registered_keeps_an_explicit_expiry_and_indefinite_terms() -> None:
    submitted = in_state(S.SUBMITTED_FOR_REGISTRATION, term_months=None)
    assert apply_step(submitted, S.REGISTERED, **FACTS[S.REGISTERED]).expires_on is None
    submitted = in_state(S.SUBMITTED_FOR_REGISTRATION, term_months=12)
    explicit = apply_step(
        submitted, S.REGISTERED, **FACTS[S.REGISTERED], expires_on=D(2026, 12, 31)
    )
    assert explicit.expires_on == D(2026, 12, 31)


def test_prolonged_computes_the_new_end_from_prolongation_months() -> None:
    registered = in_state(S.REGISTERED, term_months=60, prolongation_months=36)
    assert registered.expires_on == D(2029, 3, 31)
    prolonged = apply_step(registered, S.PROLONGED)
    assert prolonged.expires_on == D(2032, 3, 31)
    again = apply_step(prolonged, S.PROLONGED)
    assert again.status is S.PROLONGED
    assert again.expires_on == D(2035, 3, 31)


def test_prolonged_falls_back_to_the_term_or_takes_a_given_end() -> None:
    registered = in_state(S.REGISTERED, term_months=12)
    assert apply_step(registered, S.PROLONGED).expires_on == add_months(
        registered.expires_on or D.min, 12
    )
    given = apply_step(registered, S.PROLONGED, expires_on=D(2030, 1, 1))
    assert given.expires_on == D(2030, 1, 1)


def test_prolonging_an_indefinite_agreement_needs_the_new_end() -> None:
    registered = in_state(S.REGISTERED, term_months=None)
    with pytest.raises(ValidationError) as info:
        apply_step(registered, S.PROLONGED)
    assert info.value.fields == ["expires_on"]


def test_suspended_resumes_as_registered() -> None:
    suspended = in_state(S.SUSPENDED)
    assert suspended.suspended_on == D(2025, 1, 15)
    resumed = apply_step(suspended, S.REGISTERED)
    assert resumed.status is S.REGISTERED
    assert resumed.suspended_on is None
    assert resumed.registration_number == "RU-67-0001"
    assert resumed.expires_on == suspended.expires_on  # the term is not recomputed


def test_facts_must_fit_the_dates_already_there() -> None:
    approved = in_state(S.APPROVED)  # decision 2024-02-20
    with pytest.raises(ValidationError) as info:
        apply_step(approved, S.SIGNED, signed_date=D(2024, 1, 1), signed_place="Смоленск")
    assert info.value.fields == ["signed_date"]


def test_unknown_facts_are_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown agreement fields"):
        apply_step(draft(), S.SENT_FOR_APPROVAL, approval_requested_on=D(2024, 1, 1), colour="red")


def test_path_and_months() -> None:
    assert path(S.DRAFT, S.REGISTERED) == TO_REGISTERED
    assert path(S.REGISTERED, S.DRAFT) == []
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2024, 11, 15), 3) == D(2025, 2, 15)
    assert term_end(D(2024, 4, 1), 60) == D(2029, 3, 31)
    assert term_end(D(2024, 1, 31), 1) == D(2024, 2, 28)
