"""Exchange programmes: participations round trip in order; filters by year, partner, kind."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from sqlalchemy import func, select

from mumidesk.db.models import ParticipationRow
from mumidesk.domain.enums import ExchangeDirection, ExchangeKind, ParticipantCategory
from mumidesk.domain.errors import ConcurrentEditError, NotFoundError, ValidationError
from mumidesk.domain.exchanges import ExchangeProgramme, Participation
from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.partners import Partner
from mumidesk.services.exchanges import ExchangeFilter
from mumidesk.services.registry import Services

D = dt.date
IN, OUT = ExchangeDirection.INBOUND, ExchangeDirection.OUTBOUND
PUPILS, STUDENTS = ParticipantCategory.PUPILS, ParticipantCategory.STUDENTS


@pytest.fixture
def world(services: Services) -> dict[str, Any]:
    return {
        "volgograd": services.municipalities.create(Municipality(name_ru="Волгоград")),
        "kaluga": services.municipalities.create(Municipality(name_ru="Калуга")),
        "cologne": services.partners.create(Partner(name_ru="Кёльн", country_code="DE")),
        "coventry": services.partners.create(Partner(name_ru="Ковентри", country_code="GB")),
    }


def schools(world: dict[str, Any], **kw: Any) -> ExchangeProgramme:
    values: dict[str, Any] = {
        "title": "Обмен школьниками Волгоград – Кёльн",
        "kind": ExchangeKind.EDUCATIONAL,
        "municipality_id": world["volgograd"].id,
        "partner_ids": [world["cologne"].id, world["coventry"].id],
        "start_date": D(2014, 9, 1),
        "end_date": D(2020, 6, 30),
        "organisations": "гимназия № 1; Humboldt-Gymnasium",
        "participations": [
            Participation(year=2015, category=PUPILS, direction=OUT, count=60),
            Participation(year=2015, category=PUPILS, direction=IN, count=55),
            Participation(year=2019, category=STUDENTS, direction=OUT, count=20),
        ],
    }
    values.update(kw)
    return ExchangeProgramme(**values)


def test_participations_round_trip_in_order(services: Services, world: dict[str, Any]) -> None:
    created = services.exchanges.create(schools(world))
    assert created.version == 1 and created.created_by == "tester"
    got = services.exchanges.get(created.id)  # type: ignore[arg-type]
    assert got == created
    assert [(p.year, p.category, p.direction, p.count) for p in got.participations] == [
        (2015, PUPILS, OUT, 60),
        (2015, PUPILS, IN, 55),
        (2019, STUDENTS, OUT, 20),
    ]
    assert got.total() == 135
    assert got.partner_ids == [world["cologne"].id, world["coventry"].id]


def test_update_delete_restore(services: Services, world: dict[str, Any]) -> None:
    x = services.exchanges.create(schools(world))
    stale = services.exchanges.get(x.id)  # type: ignore[arg-type]
    x.participations = [x.participations[2], x.participations[0]]
    x.partner_ids = [world["coventry"].id]
    saved = services.exchanges.update(x)
    assert saved.version == 2
    got = services.exchanges.get(x.id)  # type: ignore[arg-type]
    assert [p.year for p in got.participations] == [2019, 2015]
    assert got.partner_ids == [world["coventry"].id]
    with services.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(ParticipationRow)) == 2
    with pytest.raises(ConcurrentEditError):
        services.exchanges.update(stale)
    services.exchanges.delete(x.id)  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        services.exchanges.get(x.id)  # type: ignore[arg-type]
    tomb = services.exchanges.get(x.id, include_deleted=True)  # type: ignore[arg-type]
    assert tomb.deleted_by == "tester"
    assert services.exchanges.restore(x.id).total() == 80  # type: ignore[arg-type]


def test_references_are_checked_by_field(services: Services, world: dict[str, Any]) -> None:
    services.partners.delete(world["coventry"].id)
    with pytest.raises(ValidationError) as info:
        services.exchanges.create(schools(world, municipality_id=uuid.uuid4()))
    assert info.value.fields == ["municipality_id", "partner_ids[1]"]
    assert services.exchanges.list().total == 0


@pytest.fixture
def programmes(services: Services, world: dict[str, Any]) -> list[ExchangeProgramme]:
    return [
        services.exchanges.create(schools(world)),
        services.exchanges.create(
            ExchangeProgramme(
                title="Фестиваль «Дружба»",
                kind=ExchangeKind.CULTURAL,
                municipality_id=world["kaluga"].id,
                partner_ids=[world["coventry"].id],
                start_date=D(2018, 5, 1),
                end_date=D(2018, 5, 10),
                participations=[
                    Participation(
                        year=2018, category=ParticipantCategory.ARTISTS, direction=IN, count=30
                    )
                ],
            )
        ),
        services.exchanges.create(
            ExchangeProgramme(title="Баскетбол без границ", kind=ExchangeKind.SPORT)
        ),
    ]


def test_filters(
    services: Services, world: dict[str, Any], programmes: list[ExchangeProgramme]
) -> None:
    def titles(**kw: Any) -> list[str]:
        return [x.title for x in services.exchanges.list(ExchangeFilter(**kw), sort="title").items]

    assert titles(kind=ExchangeKind.CULTURAL) == ["Фестиваль «Дружба»"]
    assert titles(municipality_id=world["volgograd"].id) == ["Обмен школьниками Волгоград – Кёльн"]
    assert titles(partner_id=world["coventry"].id) == [
        "Обмен школьниками Волгоград – Кёльн",
        "Фестиваль «Дружба»",
    ]
    assert titles(year=2018) == ["Фестиваль «Дружба»"]
    assert titles(year=2015) == ["Обмен школьниками Волгоград – Кёльн"]
    assert titles(year=2016) == []
    assert titles(year=2015, partner_id=world["cologne"].id, kind=ExchangeKind.EDUCATIONAL) == [
        "Обмен школьниками Волгоград – Кёльн"
    ]


SORTS = [
    ("start", ["Обмен", "Фестиваль", "Баскетбол"], True),  # the undated one stays last
    ("end", ["Фестиваль", "Обмен", "Баскетбол"], True),
    ("title", ["Баскетбол", "Обмен", "Фестиваль"], False),
    ("kind", ["Фестиваль", "Обмен", "Баскетбол"], False),  # cultural, educational, sport
    ("municipality", ["Обмен", "Фестиваль", "Баскетбол"], True),  # Волгоград < Калуга, none
    ("participants", ["Фестиваль", "Обмен", "Баскетбол"], True),  # 30, 135, none counted
]


def test_sort_columns(services: Services, programmes: list[ExchangeProgramme]) -> None:
    def order(sort: str, descending: bool) -> list[str]:
        items = services.exchanges.list(sort=sort, descending=descending).items
        return [x.title.split()[0] for x in items]

    for sort, ascending, empty_last in SORTS:
        assert order(sort, False) == ascending, sort
        expected = [*ascending[1::-1], ascending[2]] if empty_last else ascending[::-1]
        assert order(sort, True) == expected, sort
    assert {s for s, _, _ in SORTS} | {"updated"} == set(services.exchanges.sort_columns)


def test_sort_by_updated_and_paging(
    services: Services, programmes: list[ExchangeProgramme]
) -> None:
    x = programmes[0]
    x.description = "780 школьников и студентов за 6 лет"
    services.exchanges.update(x)
    assert services.exchanges.list(sort="updated").items[-1].id == x.id
    assert services.exchanges.list(sort="updated", descending=True).items[0].id == x.id
    page = services.exchanges.list(sort="title", offset=1, limit=5)
    assert len(page.items) == 2 and page.total == 3 and not page.has_more
