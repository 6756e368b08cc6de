from __future__ import annotations

import datetime as dt
import uuid

import pytest

from mumidesk.domain.agreements import Agreement
from mumidesk.domain.delegations import Delegation
from mumidesk.domain.enums import AgreementStatus as S
from mumidesk.domain.enums import DeadlineKind as K
from mumidesk.domain.enums import DelegationDirection
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.municipalities import Municipality
from mumidesk.services.deadlines import DeadlineService
from mumidesk.services.registry import Services
from tests.services.test_statistics import conclude

D = dt.date
OUT = DelegationDirection.OUTGOING


def _municipality(services: Services, name: str) -> uuid.UUID:
    saved = services.municipalities.create(Municipality(name_ru=name))
    assert saved.id is not None
    return saved.id


def _trip(
    services: Services,
    title: str,
    municipality: uuid.UUID,
    end: dt.date,
    direction: DelegationDirection = OUT,
    report: dt.date | None = None,
) -> uuid.UUID:
    saved = services.delegations.create(
        Delegation(
            title=title,
            direction=direction,
            municipality_id=municipality,
            start_date=end - dt.timedelta(days=2),
            end_date=end,
            report_submitted_on=report,
        )
    )
    assert saved.id is not None
    return saved.id


@pytest.fixture
def agenda(services: Services) -> dict[str, uuid.UUID]:
    smolensk = _municipality(services, "Смоленск")
    roslavl = _municipality(services, "Рославль")
    ids: dict[str, uuid.UUID] = {"smolensk": smolensk, "roslavl": roslavl}

    draft = services.agreements.create(
        Agreement(
            title="Проект соглашения с Могилёвом",
            municipality_id=smolensk,
            planned_signing_date=D(2025, 7, 1),
        )
    )
    services.agreements.create(
        Agreement(title="Проект без даты", municipality_id=smolensk)  # nothing to count from
    )
    signed = conclude(
        services,
        Agreement(title="Соглашение с Брестом", municipality_id=smolensk),
        S.SIGNED,
        D(2025, 4, 28),
    )
    expiring = conclude(
        services,
        Agreement(title="Соглашение с Гомелем", municipality_id=roslavl),
        S.REGISTERED,
        D(2020, 6, 1),
        expires_on=D(2025, 8, 1),
    )
    auto = conclude(
        services,
        Agreement(
            title="Соглашение с Витебском",
            municipality_id=smolensk,
            auto_prolongation=True,
            prolongation_months=12,
            notice_lead_days=[30],
        ),
        S.REGISTERED,
        D(2019, 5, 20),
        expires_on=D(2024, 6, 30),
    )
    old_signed = conclude(
        services,
        Agreement(title="Удалённое", municipality_id=smolensk),
        S.SIGNED,
        D(2025, 4, 1),
    )
    assert old_signed.id is not None
    services.agreements.delete(old_signed.id)
    ids.update(
        draft=draft.id,
        signed=signed.id,
        expiring=expiring.id,
        auto=auto.id,  # type: ignore[dict-item]
    )
    ids["back"] = _trip(services, "Поездка в Могилёв", smolensk, D(2025, 4, 30))
    ids["late"] = _trip(services, "Поездка в Минск", roslavl, D(2025, 3, 3))
    _trip(services, "Отчитались", smolensk, D(2025, 4, 29), report=D(2025, 5, 5))
    _trip(services, "Гости из Бреста", smolensk, D(2025, 4, 29), DelegationDirection.INCOMING)
    _trip(services, "Будущая поездка", smolensk, D(2025, 9, 1))
    return ids


def test_due_within_a_month(services: Services, agenda: dict[str, uuid.UUID]) -> None:
    today = D(2025, 5, 1)
    found = DeadlineService(services.db).due_within(30, today=today)
    assert [(d.kind, d.due, d.subject_id) for d in found] == [
        (K.DELEGATION_REPORT, D(2025, 3, 6), agenda["late"]),  # overdue, still to do
        (K.EXPIRY_NOTICE, D(2025, 5, 3), agenda["expiring"]),  # 90 days before 1 August
        (K.DELEGATION_REPORT, D(2025, 5, 7), agenda["back"]),  # 3 working days after 30 April
        (K.REGISTRATION, D(2025, 5, 16), agenda["signed"]),  # 10 working days after 28 April
        (K.APPROVAL_REQUEST, D(2025, 5, 17), agenda["draft"]),  # 45 days before 1 July
        (K.PROLONGATION_NOTICE, D(2025, 5, 31), agenda["auto"]),  # term runs on to 30 June
    ]
    assert [d.is_overdue(today) for d in found] == [True] + [False] * 5
    assert found[-1].target_date == D(2025, 6, 30)
    assert found[1].lead_days == 90
    assert found[1].municipality_id == agenda["roslavl"]


def test_reports_and_the_municipality_filter(
    services: Services, agenda: dict[str, uuid.UUID]
) -> None:
    service = DeadlineService(services.db)
    found = service.due_within(20, today=D(2025, 4, 1), municipality_id=agenda["smolensk"])
    assert [(d.kind, d.due, d.period) for d in found] == [
        (K.QUARTERLY_REPORT, D(2025, 4, 10), "2025-Q1")
    ]
    january = service.due_within(15, today=D(2026, 1, 1), municipality_id=agenda["roslavl"])
    assert [(d.kind, d.due, d.period) for d in january] == [
        (K.DELEGATION_REPORT, D(2025, 3, 6), ""),
        (K.QUARTERLY_REPORT, D(2026, 1, 10), "2025-Q4"),
        (K.ANNUAL_REPORT, D(2026, 1, 15), "2025"),
    ]
    # Past expiry notices are reminders, not tasks: the Gomel agreement drops out after 1 August.
    assert all(d.subject_id != agenda["expiring"] for d in january)
    quiet = service.due_within(0, today=D(2025, 5, 2), municipality_id=agenda["roslavl"])
    assert [d.kind for d in quiet] == [K.DELEGATION_REPORT]
    assert (
        service.due_within(
            0, today=D(2025, 5, 2), municipality_id=agenda["roslavl"], include_overdue=False
        )
        == []
    )


def test_done_steps_clear_their_deadlines(services: Services, agenda: dict[str, uuid.UUID]) -> None:
    services.agreements.advance(
        agenda["signed"], S.SUBMITTED_FOR_REGISTRATION, registration_submitted_on=D(2025, 5, 6)
    )
    services.agreements.advance(
        agenda["draft"], S.SENT_FOR_APPROVAL, approval_requested_on=D(2025, 5, 5)
    )
    late = services.delegations.get(agenda["late"])
    late.report_submitted_on = D(2025, 5, 10)
    services.delegations.update(late)
    kinds = [d.kind for d in DeadlineService(services.db).due_within(30, today=D(2025, 5, 1))]
    assert kinds == [K.EXPIRY_NOTICE, K.DELEGATION_REPORT, K.PROLONGATION_NOTICE]


def test_a_negative_window_is_refused(services: Services) -> None:
    with pytest.raises(ValidationError) as err:
        DeadlineService(services.db).due_within(-1)
    assert err.value.fields == ["days"]
