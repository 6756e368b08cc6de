"""International events: fuzzy dates and countries round trip; filters and sorts in SQL."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest

from mumidesk.domain.agreements import Agreement
from mumidesk.domain.enums import DatePrecision, EventFormat, EventKind
from mumidesk.domain.errors import ConcurrentEditError, NotFoundError, ValidationError
from mumidesk.domain.events import Event
from mumidesk.domain.fuzzy_date import FuzzyDate, parse_fuzzy_date
from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.partners import Partner
from mumidesk.services.events import EventFilter
from mumidesk.services.registry import Services

D = dt.date


@pytest.fixture
def world(services: Services) -> dict[str, Any]:
    return {
        "smolensk": services.municipalities.create(Municipality(name_ru="Смоленск")),
        "desnogorsk": services.municipalities.create(Municipality(name_ru="Десногорск")),
        "roslavl": services.municipalities.create(Municipality(name_ru="Рославль")),
        "mogilev": services.partners.create(Partner(name_ru="Могилёв", country_code="BY")),
        "agreement": services.agreements.create(Agreement(title="Соглашение")),
    }


def forum(world: dict[str, Any], **kw: Any) -> Event:
    values: dict[str, Any] = {
        "name": "Форум городов-побратимов России и Беларуси",
        "municipality_id": world["smolensk"].id,
        "kind": EventKind.FORUM,
        "format": EventFormat.HYBRID,
        "place": "г. Калуга",
        "dates": parse_fuzzy_date("8-20 апреля", 2020),
        "content": "подписано соглашение о сотрудничестве",
        "participants": "Глава города; ансамбль «Калинка»",
        "participant_count": 150,
        "organiser": "Россотрудничество",
        "country_codes": ["by", "RU", "KZ"],
        "partner_ids": [world["mogilev"].id],
        "agreement_ids": [world["agreement"].id],
    }
    values.update(kw)
    return Event(**values)


def test_round_trip_with_countries_in_order(services: Services, world: dict[str, Any]) -> None:
    created = services.events.create(forum(world))
    assert created.version == 1 and created.updated_by == "tester"
    got = services.events.get(created.id)  # type: ignore[arg-type]
    assert got == created
    assert got.country_codes == ["BY", "RU", "KZ"]
    assert got.dates == FuzzyDate.range(D(2020, 4, 8), D(2020, 4, 20))
    assert got.dates.format("ru") == "8–20 апреля"
    assert got.partner_ids == [world["mogilev"].id]
    assert got.agreement_ids == [world["agreement"].id]
    assert (got.kind, got.format, got.participant_count) == (
        EventKind.FORUM,
        EventFormat.HYBRID,
        150,
    )


@pytest.mark.parametrize("text", ["5 июня", "8–20 апреля", "30 марта – 2 апреля", "май"])
def test_every_kind_of_date_is_kept(services: Services, world: dict[str, Any], text: str) -> None:
    e = services.events.create(forum(world, dates=parse_fuzzy_date(text, 2020)))
    got = services.events.get(e.id)  # type: ignore[arg-type]
    assert got.dates.format("ru") == text
    assert got.dates.precision is parse_fuzzy_date(text, 2020).precision


def test_update_delete_restore(services: Services, world: dict[str, Any]) -> None:
    e = services.events.create(forum(world))
    stale = services.events.get(e.id)  # type: ignore[arg-type]
    e.country_codes = ["DE"]
    e.dates = FuzzyDate.month(2020, 5)
    e.format = EventFormat.ONLINE
    e.place = ""
    saved = services.events.update(e)
    assert saved.version == 2
    got = services.events.get(e.id)  # type: ignore[arg-type]
    assert got.country_codes == ["DE"]
    assert got.dates.precision is DatePrecision.MONTH
    assert (got.dates.start, got.dates.end) == (D(2020, 5, 1), D(2020, 5, 31))
    with pytest.raises(ConcurrentEditError):
        services.events.update(stale)
    services.events.delete(e.id, expected_version=2)  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        services.events.get(e.id)  # type: ignore[arg-type]
    assert services.events.get(e.id, include_deleted=True).deleted_by == "tester"  # type: ignore[arg-type]
    assert services.events.restore(e.id).country_codes == ["DE"]  # type: ignore[arg-type]


def test_references_are_checked_by_field(services: Services, world: dict[str, Any]) -> None:
    services.municipalities.delete(world["desnogorsk"].id)
    with pytest.raises(ValidationError) as info:
        services.events.create(
            forum(
                world,
                municipality_id=world["desnogorsk"].id,
                partner_ids=[world["mogilev"].id, uuid.uuid4()],
                agreement_ids=[uuid.uuid4()],
            )
        )
    assert info.value.fields == ["municipality_id", "partner_ids[1]", "agreement_ids[0]"]
    assert services.events.list().total == 0


@pytest.fixture
def events(services: Services, world: dict[str, Any]) -> list[Event]:
    specs = [
        ("Акция «Сад памяти»", "smolensk", EventKind.PROJECT, EventFormat.IN_PERSON, "Смоленск",
         FuzzyDate.day(D(2020, 6, 5)), 70, ["BY"], True),
        ("Флешмоб онлайн", "desnogorsk", EventKind.COMPETITION, EventFormat.ONLINE, "",
         FuzzyDate.month(2020, 5), None, ["BY", "KZ"], False),
        ("Собрание Ганзейского союза", "roslavl", EventKind.MEETING, EventFormat.HYBRID,
         "Брюгге", FuzzyDate.range(D(2020, 4, 8), D(2020, 4, 20)), 12, ["BE"], False),
    ]  # fmt: skip
    return [
        services.events.create(
            Event(
                name=name,
                municipality_id=world[m].id,
                kind=kind,
                format=fmt,
                place=place,
                dates=dates,
                participant_count=n,
                country_codes=countries,
                partner_ids=[world["mogilev"].id] if with_partner else [],
            )
        )
        for name, m, kind, fmt, place, dates, n, countries, with_partner in specs
    ]


def test_filters(services: Services, world: dict[str, Any], events: list[Event]) -> None:
    def names(**kw: Any) -> list[str]:
        return [e.name for e in services.events.list(EventFilter(**kw)).items]

    assert names(municipality_id=world["smolensk"].id) == ["Акция «Сад памяти»"]
    assert names(municipality_ids=(world["smolensk"].id, world["roslavl"].id)) == [
        "Собрание Ганзейского союза",
        "Акция «Сад памяти»",
    ]
    assert names(kind=EventKind.COMPETITION) == ["Флешмоб онлайн"]
    assert names(format=EventFormat.HYBRID) == ["Собрание Ганзейского союза"]
    # the second quarter holds all three; a month-long event overlaps any day of its month
    assert len(names(date_from=D(2020, 4, 1), date_to=D(2020, 6, 30))) == 3
    assert names(date_from=D(2020, 5, 31), date_to=D(2020, 5, 31)) == ["Флешмоб онлайн"]
    assert names(date_from=D(2020, 4, 20), date_to=D(2020, 4, 20)) == ["Собрание Ганзейского союза"]
    assert names(date_from=D(2020, 6, 6)) == []
    assert names(country_code="by") == ["Флешмоб онлайн", "Акция «Сад памяти»"]
    assert names(country_code="BE") == ["Собрание Ганзейского союза"]
    assert names(partner_id=world["mogilev"].id) == ["Акция «Сад памяти»"]
    assert names(country_code="BY", format=EventFormat.ONLINE) == ["Флешмоб онлайн"]


GARDEN, FLASHMOB, HANSA = "Акция «Сад памяти»", "Флешмоб онлайн", "Собрание Ганзейского союза"
# sort key → names in ascending order; True: the last has no value and stays last both ways
SORTS = [
    ("start", [HANSA, FLASHMOB, GARDEN], False),
    ("end", [HANSA, FLASHMOB, GARDEN], False),
    ("name", [GARDEN, HANSA, FLASHMOB], False),
    ("place", [HANSA, GARDEN, FLASHMOB], True),  # Брюгге < Смоленск, an empty place last
    ("kind", [FLASHMOB, HANSA, GARDEN], False),  # competition < meeting < project
    ("format", [HANSA, GARDEN, FLASHMOB], False),  # hybrid < in_person < online
    ("participants", [HANSA, GARDEN, FLASHMOB], True),  # 12, 70, unknown
    ("municipality", [FLASHMOB, HANSA, GARDEN], False),  # Десногорск < Рославль < Смоленск
]


def test_sort_columns(services: Services, events: list[Event]) -> None:
    for sort, ascending, empty_last in SORTS:
        up = [e.name for e in services.events.list(sort=sort).items]
        down = [e.name for e in services.events.list(sort=sort, descending=True).items]
        assert up == ascending, sort
        expected = [*ascending[1::-1], ascending[2]] if empty_last else ascending[::-1]
        assert down == expected, sort
    assert {s for s, _, _ in SORTS} | {"updated"} == set(services.events.sort_columns)


def test_sort_by_updated_and_paging(services: Services, events: list[Event]) -> None:
    e = events[1]
    e.content = "70 участников из 14 городов"
    services.events.update(e)
    assert services.events.list(sort="updated").items[-1].id == e.id
    assert services.events.list(sort="updated", descending=True).items[0].id == e.id
    page = services.events.list(offset=0, limit=2)
    assert page.total == 3 and page.has_more and len(page.items) == 2
    assert services.events.list(offset=2, limit=2).has_more is False
