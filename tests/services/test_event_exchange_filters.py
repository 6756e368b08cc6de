"""The list filters and sort keys the Events and Exchange programmes pages use: a country involved
either way, free text, and sorting by the municipality's name and by participants counted."""

from __future__ import annotations

import datetime as dt

from mumidesk.domain.enums import ExchangeDirection, ParticipantCategory
from mumidesk.domain.events import Event
from mumidesk.domain.exchanges import ExchangeProgramme, Participation
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.partners import Partner
from mumidesk.services.events import EventFilter
from mumidesk.services.exchanges import ExchangeFilter
from mumidesk.services.registry import Services

DAY = FuzzyDate.day(dt.date(2020, 6, 5))


def _count(year: int, count: int) -> Participation:
    return Participation(
        year=year,
        category=ParticipantCategory.STUDENTS,
        direction=ExchangeDirection.INBOUND,
        count=count,
    )


def test_events_by_involved_country_text_and_municipality_sort(services: Services) -> None:
    minsk = services.partners.create(Partner(name_ru="Минск", country_code="BY"))
    smolensk = services.municipalities.create(Municipality(name_ru="Смоленск"))
    desnogorsk = services.municipalities.create(Municipality(name_ru="Десногорск"))
    services.events.create(
        Event(name="Встреча", dates=DAY, partner_ids=[minsk.id], municipality_id=smolensk.id)  # type: ignore[list-item]
    )
    services.events.create(
        Event(name="Конкурс", dates=DAY, country_codes=["BY"], municipality_id=desnogorsk.id)
    )
    services.events.create(Event(name="Выставка", dates=DAY, content="Картины из Кёльна"))

    def names(flt: EventFilter, sort: str = "name") -> list[str]:
        return [e.name for e in services.events.list(flt, sort=sort).items]

    assert names(EventFilter(involved_country="by")) == ["Встреча", "Конкурс"]
    assert names(EventFilter(country_code="BY")) == ["Конкурс"]  # named on the event only
    assert names(EventFilter(text="кёльн")) == ["Выставка"]
    # Sorted by the name shown (Десногорск before Смоленск); none last.
    assert names(EventFilter(), sort="municipality") == ["Конкурс", "Встреча", "Выставка"]


def test_exchanges_by_partner_country_text_and_participants_sort(services: Services) -> None:
    dijon = services.partners.create(Partner(name_ru="Дижон", country_code="FR"))
    services.exchanges.create(
        ExchangeProgramme(
            title="Французский обмен",
            partner_ids=[dijon.id],  # type: ignore[list-item]
            participations=[_count(2016, 5), _count(2017, 7)],
        )
    )
    services.exchanges.create(
        ExchangeProgramme(
            title="Большой обмен",
            organisations="Волгоградский университет",
            participations=[_count(2016, 30)],
        )
    )
    services.exchanges.create(ExchangeProgramme(title="Новый обмен"))

    def titles(flt: ExchangeFilter, **kw: object) -> list[str]:
        return [x.title for x in services.exchanges.list(flt, **kw).items]  # type: ignore[arg-type]

    assert titles(ExchangeFilter(country_code="fr")) == ["Французский обмен"]
    assert titles(ExchangeFilter(text="университет")) == ["Большой обмен"]
    assert titles(ExchangeFilter(), sort="participants", descending=True) == [
        "Большой обмен",
        "Французский обмен",
        "Новый обмен",
    ]
