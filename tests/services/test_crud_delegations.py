"""Delegations: members and programme round trip in order; filters, sorts, references."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from sqlalchemy import func, select

from mumidesk.db.models import DelegationMemberRow, DelegationRow, ProgrammeItemRow
from mumidesk.domain.agreements import Agreement
from mumidesk.domain.delegations import Delegation, DelegationMember, ProgrammeItem
from mumidesk.domain.enums import DelegationDirection
from mumidesk.domain.errors import ConcurrentEditError, NotFoundError, ValidationError
from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.partners import Partner
from mumidesk.services.delegations import DelegationFilter
from mumidesk.services.registry import Services

D = dt.date
T = dt.time


@pytest.fixture
def world(services: Services) -> dict[str, Any]:
    return {
        "smolensk": services.municipalities.create(Municipality(name_ru="Смоленск")),
        "roslavl": services.municipalities.create(Municipality(name_ru="Рославль")),
        "mogilev": services.partners.create(Partner(name_ru="Могилёв", country_code="BY")),
        "brest": services.partners.create(Partner(name_ru="Брест", country_code="BY")),
        "agreement": services.agreements.create(Agreement(title="Соглашение")),
    }


def mogilev_visit(world: dict[str, Any], **kw: Any) -> Delegation:
    values: dict[str, Any] = {
        "title": "Визит делегации г. Могилёва",
        "direction": DelegationDirection.INCOMING,
        "municipality_id": world["smolensk"].id,
        "partner_ids": [world["mogilev"].id, world["brest"].id],
        "agreement_ids": [world["agreement"].id],
        "start_date": D(2020, 6, 1),
        "end_date": D(2020, 6, 3),
        "place": "Смоленск",
        "purpose": "подписание плана мероприятий",
        "members": [
            DelegationMember(
                full_name="Петров П. П.",
                position="Председатель горисполкома",
                organisation="Могилёвский горисполком",
                is_head=True,
            ),
            DelegationMember(full_name="Сидорова А. А.", position="Начальник управления"),
            DelegationMember(full_name="Ансамбль «Журавинка»"),
        ],
        "programme": [
            ProgrammeItem(
                day=D(2020, 6, 1),
                start_time=T(10, 0),
                end_time=T(11, 30),
                title_ru="Встреча в Администрации",
                title_en="Meeting at the Administration",
                place="ул. Октябрьской революции, 1/2",
                responsible="Комитет по внешним связям",
            ),
            ProgrammeItem(day=D(2020, 6, 1), start_time=T(15, 0), title_ru="Экскурсия"),
            ProgrammeItem(day=D(2020, 6, 2), title_ru="Концерт"),
        ],
    }
    values.update(kw)
    return Delegation(**values)


def count(services: Services, model: type) -> int:
    with services.db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_members_and_programme_round_trip_in_order(
    services: Services, world: dict[str, Any]
) -> None:
    created = services.delegations.create(mogilev_visit(world))
    assert created.version == 1 and created.created_by == "tester"
    got = services.delegations.get(created.id)  # type: ignore[arg-type]
    assert got == created
    assert [m.full_name for m in got.members] == [
        "Петров П. П.",
        "Сидорова А. А.",
        "Ансамбль «Журавинка»",
    ]
    assert got.head is not None and got.head.full_name == "Петров П. П."
    assert got.members[0].organisation == "Могилёвский горисполком"
    assert [p.title_ru for p in got.programme] == [
        "Встреча в Администрации",
        "Экскурсия",
        "Концерт",
    ]
    first = got.programme[0]
    assert (first.start_time, first.end_time) == (T(10, 0), T(11, 30))
    assert first.title_en == "Meeting at the Administration"
    assert first.responsible == "Комитет по внешним связям"
    assert got.programme[2].start_time is None
    assert got.partner_ids == [world["mogilev"].id, world["brest"].id]
    assert got.agreement_ids == [world["agreement"].id]


def test_update_replaces_children_and_bumps_version(
    services: Services, world: dict[str, Any]
) -> None:
    d = services.delegations.create(mogilev_visit(world))
    d.members = [d.members[2], d.members[0]]
    d.programme = [d.programme[2]]
    d.partner_ids = [world["brest"].id]
    d.agreement_ids = []
    d.report_submitted_on = D(2020, 6, 5)
    saved = services.delegations.update(d)
    assert saved.version == 2
    got = services.delegations.get(d.id)  # type: ignore[arg-type]
    assert [m.full_name for m in got.members] == ["Ансамбль «Журавинка»", "Петров П. П."]
    assert [p.title_ru for p in got.programme] == ["Концерт"]
    assert got.partner_ids == [world["brest"].id]
    assert got.agreement_ids == []
    assert got.report_submitted_on == D(2020, 6, 5)
    assert count(services, DelegationMemberRow) == 2
    assert count(services, ProgrammeItemRow) == 1
    stale = mogilev_visit(world, id=d.id, version=1)
    with pytest.raises(ConcurrentEditError):
        services.delegations.update(stale)


def test_references_are_checked_by_field(services: Services, world: dict[str, Any]) -> None:
    services.partners.delete(world["brest"].id)
    services.agreements.delete(world["agreement"].id)
    bad = mogilev_visit(world, municipality_id=uuid.uuid4())
    with pytest.raises(ValidationError) as info:
        services.delegations.create(bad)
    assert info.value.fields == ["municipality_id", "partner_ids[1]", "agreement_ids[0]"]
    assert count(services, DelegationRow) == 0
    assert count(services, DelegationMemberRow) == 0


def test_soft_delete_and_restore(services: Services, world: dict[str, Any]) -> None:
    d = services.delegations.create(mogilev_visit(world))
    services.delegations.delete(d.id)  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        services.delegations.get(d.id)  # type: ignore[arg-type]
    assert services.delegations.list().total == 0
    tomb = services.delegations.get(d.id, include_deleted=True)  # type: ignore[arg-type]
    assert tomb.deleted_by == "tester" and tomb.members == d.members
    assert services.delegations.restore(d.id).programme == d.programme  # type: ignore[arg-type]
    assert services.delegations.list().total == 1


@pytest.fixture
def visits(services: Services, world: dict[str, Any]) -> list[Delegation]:
    specs = [
        ("Визит в Могилёв", DelegationDirection.OUTGOING, "smolensk", ["mogilev"],
         D(2020, 3, 1), D(2020, 3, 5), "Могилёв", None),
        ("Онлайн-встреча", DelegationDirection.ONLINE, "roslavl", ["brest"],
         D(2020, 5, 10), D(2020, 5, 10), "", D(2020, 5, 11)),
        ("Делегация Бреста", DelegationDirection.INCOMING, "smolensk", ["brest", "mogilev"],
         D(2020, 7, 1), D(2020, 7, 14), "Смоленск", None),
    ]  # fmt: skip
    return [
        services.delegations.create(
            Delegation(
                title=title,
                direction=direction,
                municipality_id=world[m].id,
                partner_ids=[world[p].id for p in partners],
                start_date=start,
                end_date=end,
                place=place,
                report_submitted_on=report,
            )
        )
        for title, direction, m, partners, start, end, place, report in specs
    ]


def test_filters(services: Services, world: dict[str, Any], visits: list[Delegation]) -> None:
    def titles(**kw: Any) -> list[str]:
        return [d.title for d in services.delegations.list(DelegationFilter(**kw)).items]

    assert titles(direction=DelegationDirection.ONLINE) == ["Онлайн-встреча"]
    assert titles(municipality_id=world["smolensk"].id) == ["Визит в Могилёв", "Делегация Бреста"]
    assert titles(partner_id=world["brest"].id) == ["Онлайн-встреча", "Делегация Бреста"]
    # visits that overlap the period
    assert titles(date_from=D(2020, 3, 5), date_to=D(2020, 5, 10)) == [
        "Визит в Могилёв",
        "Онлайн-встреча",
    ]
    assert titles(date_from=D(2020, 7, 14)) == ["Делегация Бреста"]
    assert titles(date_to=D(2020, 2, 29)) == []
    assert titles(report_missing=True) == ["Визит в Могилёв", "Делегация Бреста"]
    assert titles(report_missing=True, direction=DelegationDirection.INCOMING) == [
        "Делегация Бреста"
    ]


# sort key → titles in ascending order; True: the last has no value and stays last both ways
SORTS = [
    ("start", ["Визит в Могилёв", "Онлайн-встреча", "Делегация Бреста"], False),
    ("end", ["Визит в Могилёв", "Онлайн-встреча", "Делегация Бреста"], False),
    ("title", ["Визит в Могилёв", "Делегация Бреста", "Онлайн-встреча"], False),
    # incoming < online < outgoing
    ("direction", ["Делегация Бреста", "Онлайн-встреча", "Визит в Могилёв"], False),
    ("place", ["Визит в Могилёв", "Делегация Бреста", "Онлайн-встреча"], True),  # "" last
]


def test_sort_columns(services: Services, visits: list[Delegation]) -> None:
    for sort, ascending, empty_last in SORTS:
        up = [d.title for d in services.delegations.list(sort=sort).items]
        down = [d.title for d in services.delegations.list(sort=sort, descending=True).items]
        assert up == ascending, sort
        expected = [*ascending[1::-1], ascending[2]] if empty_last else ascending[::-1]
        assert down == expected, sort
    # municipality, members and report: test_delegation_list.py
    others = {"updated", "municipality", "members", "report"}
    assert {s for s, _, _ in SORTS} | others == set(services.delegations.sort_columns)


def test_sort_by_updated_and_paging(services: Services, visits: list[Delegation]) -> None:
    first = visits[0]
    first.outcome = "подписан план"
    services.delegations.update(first)
    assert services.delegations.list(sort="updated").items[-1].id == first.id
    assert services.delegations.list(sort="updated", descending=True).items[0].id == first.id
    page = services.delegations.list(offset=1, limit=1)
    assert [d.title for d in page.items] == ["Онлайн-встреча"]
    assert (page.total, page.has_more) == (3, True)
