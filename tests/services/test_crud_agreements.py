"""Agreements: parties and signatories round trip, lifecycle steps persist, status edits refused."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from sqlalchemy import func, select

from mumidesk.db.models import AgreementPartyRow, AgreementRow, SignatoryRow
from mumidesk.domain.agreements import Agreement, AgreementParty, Signatory
from mumidesk.domain.enums import (
    AgreementKind,
    AgreementStatus,
    BodyKind,
    CooperationArea,
    Gender,
    ParentRelation,
    PartySide,
)
from mumidesk.domain.errors import (
    ConcurrentEditError,
    LifecycleError,
    NotFoundError,
    ValidationError,
)
from mumidesk.domain.municipalities import MunicipalBody, Municipality
from mumidesk.domain.organisations import Organisation
from mumidesk.domain.partners import Partner
from mumidesk.services.agreements import AgreementFilter
from mumidesk.services.registry import Services

D = dt.date
S = AgreementStatus


@pytest.fixture
def world(services: Services) -> dict[str, Any]:
    kaluga = services.municipalities.create(
        Municipality(
            name_ru="Калуга",
            bodies=[
                MunicipalBody(kind=BodyKind.REPRESENTATIVE, name_ru="Городская Дума города Калуги")
            ],
        )
    )
    smolensk = services.municipalities.create(Municipality(name_ru="Смоленск"))
    mogilev = services.partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    lusaka = services.partners.create(Partner(name_ru="Лусака", country_code="ZM"))
    return {"kaluga": kaluga, "smolensk": smolensk, "mogilev": mogilev, "lusaka": lusaka}


def kaluga_mogilev(world: dict[str, Any], **kw: Any) -> Agreement:
    kaluga, mogilev = world["kaluga"], world["mogilev"]
    values: dict[str, Any] = {
        "title": "Соглашение о сотрудничестве между Калугой и Могилёвом",
        "kind": AgreementKind.TWINNING,
        "municipality_id": kaluga.id,
        "subject": "побратимские связи",
        "parties": [
            AgreementParty(
                side=PartySide.OWN,
                name_ru="Городская Дума города Калуги",
                municipality_id=kaluga.id,
                body_id=kaluga.bodies[0].id,
                signatories=[
                    Signatory(
                        full_name="Иванов Иван Иванович",
                        position="Городской Голова",
                        gender=Gender.MALE,
                        acts_on_basis_of="Устава",
                    ),
                    Signatory(full_name="Петрова Анна Сергеевна", gender=Gender.FEMALE),
                ],
            ),
            AgreementParty(
                side=PartySide.PARTNER,
                name_ru="Могилёвский городской Совет депутатов",
                name_en="Mogilev City Council",
                partner_id=mogilev.id,
                signatories=[Signatory(full_name="Сидоров С. С.", position="Председатель")],
            ),
        ],
        "areas": [CooperationArea.CULTURE, CooperationArea.ECONOMY, CooperationArea.YOUTH],
        "languages": ["ru", "be"],
        "term_months": 60,
        "auto_prolongation": True,
        "prolongation_months": 60,
        "notice_lead_days": [180, 30],
    }
    values.update(kw)
    return Agreement(**values)


STEPS: list[tuple[S, dict[str, Any]]] = [
    (S.SENT_FOR_APPROVAL, {"approval_requested_on": D(2024, 1, 10)}),
    (S.APPROVED, {"approval_decision_no": "15-р", "approval_decision_date": D(2024, 2, 20)}),
    (S.SIGNED, {"signed_date": D(2024, 3, 5), "signed_place": "Калуга"}),
    (S.SUBMITTED_FOR_REGISTRATION, {"registration_submitted_on": D(2024, 3, 12)}),
    (S.REGISTERED, {"registration_number": "RU-40-0001", "registration_date": D(2024, 4, 1)}),
]


def advance_to(services: Services, item: Agreement, goal: S, **dates: Any) -> Agreement:
    """Walk the lifecycle to ``goal``; ``dates`` replace the default facts by name."""
    for target, facts in STEPS:
        facts = {k: dates.get(k, v) for k, v in facts.items()}
        item = services.agreements.advance(item.id, target, **facts)  # type: ignore[arg-type]
        if target is goal:
            break
    return item


def count(services: Services, model: type) -> int:
    with services.db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_parties_signatories_areas_languages_round_trip_in_order(
    services: Services, world: dict[str, Any]
) -> None:
    created = services.agreements.create(kaluga_mogilev(world))
    assert created.status is S.DRAFT
    assert created.version == 1 and created.created_by == "tester"
    got = services.agreements.get(created.id)  # type: ignore[arg-type]
    assert got == created
    assert [p.side for p in got.parties] == [PartySide.OWN, PartySide.PARTNER]
    assert [s.full_name for s in got.parties[0].signatories] == [
        "Иванов Иван Иванович",
        "Петрова Анна Сергеевна",
    ]
    own = got.parties[0].signatories[0]
    assert (own.position, own.gender, own.acts_on_basis_of) == (
        "Городской Голова",
        Gender.MALE,
        "Устава",
    )
    assert got.parties[0].body_id == world["kaluga"].bodies[0].id
    assert got.parties[1].name_en == "Mogilev City Council"
    assert got.partner_ids == [world["mogilev"].id]
    assert got.areas == [CooperationArea.CULTURE, CooperationArea.ECONOMY, CooperationArea.YOUTH]
    assert got.languages == ["ru", "be"]
    assert got.notice_lead_days == [180, 30]


def test_update_replaces_the_children(services: Services, world: dict[str, Any]) -> None:
    a = services.agreements.create(kaluga_mogilev(world))
    stale = services.agreements.get(a.id)  # type: ignore[arg-type]
    a.parties.reverse()
    a.parties[0].signatories = [Signatory(full_name="Новый Подписант")]
    a.parties.append(
        AgreementParty(side=PartySide.THIRD, name_ru="Россотрудничество", signatories=[])
    )
    a.areas = [CooperationArea.SPORT]
    a.languages = ["RU", "en"]
    saved = services.agreements.update(a)
    assert saved.version == 2
    got = services.agreements.get(a.id)  # type: ignore[arg-type]
    assert [p.side for p in got.parties] == [PartySide.PARTNER, PartySide.OWN, PartySide.THIRD]
    assert [s.full_name for s in got.parties[0].signatories] == ["Новый Подписант"]
    assert len(got.parties[1].signatories) == 2
    assert got.areas == [CooperationArea.SPORT]
    assert got.languages == ["ru", "en"]
    # the replaced children are gone, not orphaned
    assert count(services, AgreementPartyRow) == 3
    assert count(services, SignatoryRow) == 3
    stale.title = "Чужая правка"
    with pytest.raises(ConcurrentEditError) as info:
        services.agreements.update(stale)
    assert (info.value.expected, info.value.actual) == (1, 2)
    assert services.agreements.get(a.id).title == a.title  # type: ignore[arg-type]


def test_advance_persists_each_step_and_bumps_the_version(
    services: Services, world: dict[str, Any]
) -> None:
    a = services.agreements.create(kaluga_mogilev(world))
    version = a.version
    for target, facts in STEPS:
        a = services.agreements.advance(a.id, target, expected_version=a.version, **facts)  # type: ignore[arg-type]
        assert a.status is target
        assert a.version == version + 1
        version = a.version
        stored = services.agreements.get(a.id)  # type: ignore[arg-type]
        assert stored.status is target
        for name, value in facts.items():
            assert getattr(stored, name) == value
    assert a.expires_on == D(2029, 3, 31)  # 60 months from registration
    assert a.parties == kaluga_mogilev(world).parties  # children kept through the steps
    prolonged = services.agreements.advance(a.id, S.PROLONGED)  # type: ignore[arg-type]
    assert prolonged.expires_on == D(2034, 3, 31)
    assert services.agreements.get(a.id).expires_on == D(2034, 3, 31)  # type: ignore[arg-type]


def test_advance_refusals_change_nothing(services: Services, world: dict[str, Any]) -> None:
    a = services.agreements.create(kaluga_mogilev(world))
    with pytest.raises(LifecycleError) as info:
        services.agreements.advance(
            a.id,  # type: ignore[arg-type]
            S.REGISTERED,
            registration_number="1",
            registration_date=D(2024, 1, 1),
        )
    assert S.SENT_FOR_APPROVAL.label() in info.value.reason
    with pytest.raises(ValidationError) as verr:
        services.agreements.advance(a.id, S.SENT_FOR_APPROVAL)  # type: ignore[arg-type]
    assert verr.value.fields == ["approval_requested_on"]
    sent = services.agreements.advance(
        a.id,  # type: ignore[arg-type]
        S.SENT_FOR_APPROVAL,
        approval_requested_on=D(2024, 1, 1),
    )
    with pytest.raises(ConcurrentEditError):
        services.agreements.advance(
            a.id,  # type: ignore[arg-type]
            S.APPROVED,
            expected_version=a.version,
            approval_decision_no="1",
            approval_decision_date=D(2024, 2, 1),
        )
    stored = services.agreements.get(a.id)  # type: ignore[arg-type]
    assert stored == sent
    with pytest.raises(NotFoundError):
        services.agreements.advance(uuid.uuid4(), S.SENT_FOR_APPROVAL)


def test_rejected_agreement_can_be_sent_again(services: Services, world: dict[str, Any]) -> None:
    a = services.agreements.create(kaluga_mogilev(world))
    a = services.agreements.advance(a.id, S.SENT_FOR_APPROVAL, approval_requested_on=D(2024, 1, 1))  # type: ignore[arg-type]
    a = services.agreements.advance(a.id, S.REJECTED, approval_decision_date=D(2024, 2, 1))  # type: ignore[arg-type]
    a = services.agreements.advance(a.id, S.DRAFT)  # type: ignore[arg-type]
    a = services.agreements.advance(a.id, S.SENT_FOR_APPROVAL, approval_requested_on=D(2024, 3, 1))  # type: ignore[arg-type]
    assert services.agreements.get(a.id).status is S.SENT_FOR_APPROVAL  # type: ignore[arg-type]


def test_status_cannot_be_edited_through_update(services: Services, world: dict[str, Any]) -> None:
    a = services.agreements.create(kaluga_mogilev(world))
    a.status = S.REGISTERED
    a.title = "Изменённое название"
    with pytest.raises(LifecycleError) as info:
        services.agreements.update(a)
    assert (info.value.current, info.value.target) == ("draft", "registered")
    stored = services.agreements.get(a.id)  # type: ignore[arg-type]
    assert stored.status is S.DRAFT and stored.version == 1
    assert stored.title != "Изменённое название"
    with pytest.raises(LifecycleError):
        services.agreements.create(kaluga_mogilev(world, status=S.SIGNED))
    assert services.agreements.list().total == 1
    # editing other fields of an advanced agreement keeps its status
    signed = advance_to(services, stored, S.SIGNED)
    signed.notes = "оригинал в архиве"
    assert services.agreements.update(signed).status is S.SIGNED


def test_references_are_checked_by_field(services: Services, world: dict[str, Any]) -> None:
    missing = uuid.uuid4()
    bad = kaluga_mogilev(
        world,
        municipality_id=missing,
        parent_id=missing,
        parent_relation=ParentRelation.AMENDMENT,
    )
    bad.parties[0].body_id = uuid.uuid4()
    bad.parties[0].municipality_id = uuid.uuid4()
    bad.parties[1].partner_id = uuid.uuid4()
    bad.parties[1].organisation_id = uuid.uuid4()
    with pytest.raises(ValidationError) as info:
        services.agreements.create(bad)
    assert info.value.fields == [
        "municipality_id",
        "parent_id",
        "parties[0].municipality_id",
        "parties[0].body_id",
        "parties[1].partner_id",
        "parties[1].organisation_id",
    ]
    services.partners.delete(world["lusaka"].id)
    with pytest.raises(ValidationError) as info:
        services.agreements.create(
            kaluga_mogilev(world, parties=[AgreementParty(side=PartySide.PARTNER,
                                                          partner_id=world["lusaka"].id)])
        )  # fmt: skip
    assert info.value.fields == ["parties[0].partner_id"]
    assert count(services, AgreementRow) == 0


def test_amendment_points_to_its_parent(services: Services, world: dict[str, Any]) -> None:
    parent = services.agreements.create(kaluga_mogilev(world))
    org = services.organisations.create(Organisation(name_ru="Россотрудничество"))
    child = services.agreements.create(
        kaluga_mogilev(
            world,
            title="Дополнительное соглашение № 1",
            kind=AgreementKind.AMENDMENT,
            parent_id=parent.id,
            parent_relation=ParentRelation.AMENDMENT,
            parties=[AgreementParty(side=PartySide.THIRD, organisation_id=org.id)],
        )
    )
    got = services.agreements.get(child.id)  # type: ignore[arg-type]
    assert (got.parent_id, got.parent_relation) == (parent.id, ParentRelation.AMENDMENT)
    assert got.parties[0].organisation_id == org.id


def test_soft_delete_and_restore(services: Services, world: dict[str, Any]) -> None:
    a = services.agreements.create(kaluga_mogilev(world))
    services.agreements.delete(a.id)  # type: ignore[arg-type]
    assert services.agreements.list().items == []
    tomb = services.agreements.get(a.id, include_deleted=True)  # type: ignore[arg-type]
    assert tomb.deleted_by == "tester" and tomb.deleted_at is not None
    assert tomb.parties == a.parties
    with pytest.raises(NotFoundError):
        services.agreements.advance(a.id, S.SENT_FOR_APPROVAL, approval_requested_on=D(2024, 1, 1))  # type: ignore[arg-type]
    restored = services.agreements.restore(a.id)  # type: ignore[arg-type]
    assert restored.parties == a.parties
    assert services.agreements.list().total == 1


@pytest.fixture
def three(services: Services, world: dict[str, Any]) -> dict[str, Agreement]:
    """Three agreements in different states, with distinct values in every sort column."""
    first = services.agreements.create(
        kaluga_mogilev(world, title="Бета", planned_signing_date=D(2024, 3, 1))
    )
    first = advance_to(services, first, S.REGISTERED)  # signed 2024-03-05, RU-40-0001
    second = services.agreements.create(
        kaluga_mogilev(
            world,
            title="Альфа",
            kind=AgreementKind.MEMORANDUM,
            municipality_id=world["smolensk"].id,
            parties=[
                AgreementParty(side=PartySide.OWN, municipality_id=world["kaluga"].id),
                AgreementParty(side=PartySide.PARTNER, partner_id=world["lusaka"].id),
            ],
            areas=[CooperationArea.EDUCATION],
            planned_signing_date=D(2023, 6, 1),
            term_months=12,
        )
    )
    second = advance_to(
        services,
        second,
        S.REGISTERED,
        approval_requested_on=D(2022, 1, 10),
        approval_decision_date=D(2022, 2, 1),
        signed_date=D(2022, 5, 5),
        registration_submitted_on=D(2022, 5, 10),
        registration_number="RU-40-0000",
        registration_date=D(2022, 6, 1),
    )
    third = services.agreements.create(
        kaluga_mogilev(
            world,
            title="Гамма",
            kind=AgreementKind.PROTOCOL_OF_INTENT,
            municipality_id=world["smolensk"].id,
            parties=[AgreementParty(side=PartySide.PARTNER, partner_id=world["lusaka"].id)],
            areas=[],
            planned_signing_date=None,
            term_months=None,
            auto_prolongation=False,
        )
    )
    third = advance_to(services, third, S.SENT_FOR_APPROVAL)
    return {"first": first, "second": second, "third": third}


def test_filters(services: Services, world: dict[str, Any], three: dict[str, Agreement]) -> None:
    def titles(**kw: Any) -> list[str]:
        return [
            a.title for a in services.agreements.list(AgreementFilter(**kw), sort="title").items
        ]

    assert titles(status=S.REGISTERED) == ["Альфа", "Бета"]
    assert titles(statuses=(S.SENT_FOR_APPROVAL, S.DRAFT)) == ["Гамма"]
    assert titles(kind=AgreementKind.MEMORANDUM) == ["Альфа"]
    # own municipality either on the agreement or as a party
    assert titles(municipality_id=world["kaluga"].id) == ["Альфа", "Бета"]
    assert titles(municipality_id=world["smolensk"].id) == ["Альфа", "Гамма"]
    assert titles(partner_id=world["lusaka"].id) == ["Альфа", "Гамма"]
    assert titles(partner_id=world["mogilev"].id) == ["Бета"]
    assert titles(area=CooperationArea.EDUCATION) == ["Альфа"]
    assert titles(area=CooperationArea.CULTURE) == ["Бета"]
    assert titles(signed_from=D(2023, 1, 1)) == ["Бета"]
    assert titles(signed_to=D(2023, 1, 1)) == ["Альфа"]
    assert titles(signed_from=D(2022, 5, 5), signed_to=D(2024, 3, 5)) == ["Альфа", "Бета"]
    assert titles(status=S.REGISTERED, partner_id=world["lusaka"].id) == ["Альфа"]


# sort key → the titles in ascending order; True: the last one has no value and stays last
SORTS: list[tuple[str, list[str], bool]] = [
    ("title", ["Альфа", "Бета", "Гамма"], False),
    ("kind", ["Альфа", "Гамма", "Бета"], False),  # memorandum, protocol_of_intent, twinning
    ("signed", ["Альфа", "Бета", "Гамма"], True),
    ("registered", ["Альфа", "Бета", "Гамма"], True),
    ("registration_number", ["Альфа", "Бета", "Гамма"], True),  # RU-40-0000 < -0001, "" last
    ("expires", ["Альфа", "Бета", "Гамма"], True),  # 2023-05-31, 2029-03-31, none
    ("planned", ["Альфа", "Бета", "Гамма"], True),
]


def test_sort_columns(services: Services, three: dict[str, Agreement]) -> None:
    def order(sort: str, descending: bool) -> list[str]:
        return [a.title for a in services.agreements.list(sort=sort, descending=descending).items]

    for sort, ascending, empty_last in SORTS:
        assert order(sort, False) == ascending, sort
        expected = [*reversed(ascending[:2]), ascending[2]] if empty_last else ascending[::-1]
        assert order(sort, True) == expected, sort
    # "registered" twice, then "sent_for_approval": the tie keeps the id order both ways
    up, down = order("status", False), order("status", True)
    assert up[2] == "Гамма" and sorted(up[:2]) == ["Альфа", "Бета"]
    assert down == ["Гамма", *up[:2]]
    assert {s for s, _, _ in SORTS} | {"status", "updated"} == set(services.agreements.sort_columns)


def test_sort_by_updated_and_paging(services: Services, three: dict[str, Agreement]) -> None:
    beta = three["first"]
    beta.notes = "правка"
    services.agreements.update(beta)
    assert services.agreements.list(sort="updated").items[-1].title == "Бета"
    assert services.agreements.list(sort="updated", descending=True).items[0].title == "Бета"
    page = services.agreements.list(sort="title", offset=2, limit=2)
    assert [a.title for a in page.items] == ["Гамма"]
    assert page.total == 3 and not page.has_more
    # the default order is by signing date
    assert [a.title for a in services.agreements.list().items] == ["Альфа", "Бета", "Гамма"]
