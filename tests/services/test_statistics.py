from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest

from mumidesk import i18n
from mumidesk.domain.agreements import Agreement
from mumidesk.domain.delegations import Delegation
from mumidesk.domain.enums import (
    AgreementStatus,
    DelegationDirection,
    EventFormat,
    EventKind,
    ExchangeDirection,
    ExchangeKind,
    ParticipantCategory,
    PartnershipKind,
    PartnershipStatus,
)
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.events import Event
from mumidesk.domain.exchanges import ExchangeProgramme, Participation
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.domain.lifecycle import path
from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.partners import Partner, Partnership
from mumidesk.services.registry import Services
from mumidesk.services.statistics import StatisticsService, continent_of

TWIN, PARTNER, COOPERATION = (
    PartnershipKind.TWIN,
    PartnershipKind.PARTNER,
    PartnershipKind.COOPERATION,
)
PUPILS, STUDENTS = ParticipantCategory.PUPILS, ParticipantCategory.STUDENTS
IN, OUT = ExchangeDirection.INBOUND, ExchangeDirection.OUTBOUND


def conclude(
    services: Services, agreement: Agreement, target: AgreementStatus, signed: dt.date, **extra: Any
) -> Agreement:
    """Walk an agreement through the lifecycle to ``target`` with plausible facts."""
    facts: dict[AgreementStatus, dict[str, Any]] = {
        AgreementStatus.SENT_FOR_APPROVAL: {"approval_requested_on": signed - dt.timedelta(60)},
        AgreementStatus.APPROVED: {
            "approval_decision_no": "12-р",
            "approval_decision_date": signed - dt.timedelta(10),
        },
        AgreementStatus.SIGNED: {"signed_date": signed, "signed_place": "Волгоград"},
        AgreementStatus.SUBMITTED_FOR_REGISTRATION: {
            "registration_submitted_on": signed + dt.timedelta(3)
        },
        AgreementStatus.REGISTERED: {
            "registration_number": "RU-1",
            "registration_date": signed + dt.timedelta(5),
        },
    }
    saved = services.agreements.create(agreement)
    assert saved.id is not None
    for step in path(AgreementStatus.DRAFT, target):
        wanted = dict(facts.get(step, {}))
        if step is target:
            wanted.update(extra)
        saved = services.agreements.advance(saved.id, step, **wanted)
    return saved


def city(services: Services, name_ru: str, name_en: str, country: str) -> uuid.UUID:
    partner = services.partners.create(
        Partner(name_ru=name_ru, name_en=name_en, country_code=country)
    )
    assert partner.id is not None
    return partner.id


def link(
    services: Services,
    municipality: uuid.UUID,
    partner: uuid.UUID,
    kind: PartnershipKind,
    status: PartnershipStatus = PartnershipStatus.ACTIVE,
) -> uuid.UUID:
    saved = services.partnerships.create(
        Partnership(municipality_id=municipality, partner_id=partner, kind=kind, status=status)
    )
    assert saved.id is not None
    return saved.id


@pytest.fixture
def world(services: Services) -> dict[str, uuid.UUID]:
    volgograd = services.municipalities.create(
        Municipality(name_ru="Волгоград", name_en="Volgograd")
    )
    rostov = services.municipalities.create(
        Municipality(name_ru="Ростов-на-Дону", name_en="Rostov-on-Don")
    )
    assert volgograd.id and rostov.id
    v, r = volgograd.id, rostov.id
    cologne = city(services, "Кёльн", "Cologne", "DE")
    coventry = city(services, "Ковентри", "Coventry", "GB")
    dijon = city(services, "Дижон", "Dijon", "FR")
    chengdu = city(services, "Чэнду", "Chengdu", "CN")
    cleveland = city(services, "Кливленд", "Cleveland", "US")
    minsk = city(services, "Минск", "Minsk", "BY")
    turin = city(services, "Турин", "Turin", "IT")
    gone = city(services, "Удалённый", "Deleted", "ES")
    victoria = city(services, "Виктория", "Victoria", "SC")
    gera = city(services, "Гера", "Gera", "DE")

    for partner in (cologne, coventry, dijon):
        link(services, v, partner, TWIN)
    link(services, v, chengdu, PARTNER)
    link(services, v, cleveland, PARTNER)
    link(services, v, minsk, COOPERATION)
    link(services, v, coventry, COOPERATION)  # twin and cooperation: one partner
    link(services, v, turin, TWIN, PartnershipStatus.ENDED)
    link(services, v, gone, TWIN)
    services.partners.delete(gone)
    dropped = link(services, v, gera, PARTNER)
    services.partnerships.delete(dropped)
    link(services, r, victoria, TWIN)
    link(services, r, coventry, PARTNER)
    link(services, r, gera, TWIN, PartnershipStatus.DORMANT)
    return {"volgograd": v, "rostov": r}


def test_partners_per_municipality_by_kind(services: Services, world: dict[str, uuid.UUID]) -> None:
    stats = StatisticsService(services.db)
    v = world["volgograd"]
    # "Volgograd has N twin and partner cities": distinct partners, live, not ended.
    assert stats.partner_count(v, kinds=(TWIN, PARTNER)) == 5
    assert stats.partner_count(v) == 6
    assert stats.partner_count(v, include_ended=True) == 7
    assert stats.partner_count() == 8  # over both municipalities: Coventry counted once

    rows = {m.name_ru: m for m in stats.partners_by_municipality()}
    assert list(rows) == ["Волгоград", "Ростов-на-Дону"]
    volgograd = rows["Волгоград"]
    assert volgograd.by_kind == {TWIN: 3, PARTNER: 2, COOPERATION: 2}
    assert volgograd.total == 6
    assert rows["Ростов-на-Дону"].by_kind == {TWIN: 2, PARTNER: 1, COOPERATION: 0}
    assert rows["Ростов-на-Дону"].total == 3
    assert volgograd.name == "Volgograd"  # the tests speak English
    with i18n.language("ru"):
        assert volgograd.name == "Волгоград"


def test_partners_per_country_and_continent(
    services: Services, world: dict[str, uuid.UUID]
) -> None:
    stats = StatisticsService(services.db)
    # The whole registry: every live partner, linked or not (the deleted Spanish one is not).
    everything = {c.code: c.count for c in stats.partners_by_country()}
    assert everything == {"DE": 2, "GB": 1, "FR": 1, "CN": 1, "US": 1, "BY": 1, "IT": 1, "SC": 1}
    volgograd = stats.partners_by_country(world["volgograd"])
    assert [(c.code, c.count) for c in volgograd] == [
        ("BY", 1),
        ("CN", 1),
        ("FR", 1),
        ("DE", 1),
        ("GB", 1),
        ("US", 1),
    ]  # ties: by English country name
    belarus = volgograd[0]
    assert (belarus.name, belarus.continent) == ("Belarus", "150")
    with i18n.language("ru"):
        assert stats.partners_by_country(world["volgograd"])[0].name == "Беларусь"

    continents = {c.code: (c.name, c.countries, c.count) for c in stats.partners_by_continent()}
    assert continents == {
        "150": ("Europe", 5, 6),
        "142": ("Asia", 1, 1),
        "003": ("North America", 1, 1),
        "002": ("Africa", 1, 1),
    }
    with i18n.language("ru"):
        rostov = stats.partners_by_continent(world["rostov"])
    assert [(c.name, c.count) for c in rostov] == [("Европа", 2), ("Африка", 1)]
    twins = stats.partners_by_continent(world["rostov"], kinds=(TWIN,))
    assert [(c.code, c.count) for c in twins] == [("002", 1), ("150", 1)]


def test_continent_comes_from_the_country_code() -> None:
    assert continent_of("ru") == "150"
    assert continent_of("ZM") == "002"
    assert continent_of("BR") == "005"
    assert continent_of("AU") == "009"
    assert continent_of("XX") == "ZZ"


def _programme(
    services: Services, title: str, municipality: uuid.UUID, rows: list[tuple[int, Any, Any, int]]
) -> uuid.UUID:
    saved = services.exchanges.create(
        ExchangeProgramme(
            title=title,
            kind=ExchangeKind.EDUCATIONAL,
            municipality_id=municipality,
            participations=[
                Participation(year=y, category=c, direction=d, count=n) for y, c, d, n in rows
            ],
        )
    )
    assert saved.id is not None
    return saved.id


def test_exchange_participants_over_years_and_categories(
    services: Services, world: dict[str, uuid.UUID]
) -> None:
    v, r = world["volgograd"], world["rostov"]
    rows = []
    for year in range(2014, 2020):  # 6 years × (50 + 40 + 40) = 780 pupils and students
        rows += [(year, PUPILS, IN, 50), (year, PUPILS, OUT, 40), (year, STUDENTS, OUT, 40)]
    rows += [(2015, ParticipantCategory.TEACHERS, OUT, 12), (2020, PUPILS, IN, 30)]
    _programme(services, "Школьные обмены с Кёльном", v, rows)
    _programme(services, "Студенты Ростова", r, [(2016, STUDENTS, IN, 25)])
    deleted = _programme(services, "Отменённый обмен", v, [(2016, PUPILS, IN, 1000)])
    services.exchanges.delete(deleted)

    stats = StatisticsService(services.db)
    assert (
        stats.participants_total(2014, 2019, categories=(PUPILS, STUDENTS), municipality_id=v)
        == 780
    )
    assert stats.participants_total(2014, 2019, categories=(PUPILS, STUDENTS)) == 805
    assert stats.participants_total(municipality_id=v) == 780 + 12 + 30
    assert stats.participants_total(2016, 2016, directions=(IN,)) == 50 + 25
    assert stats.participants_total(2030, 2031) == 0

    per_year = stats.participants(2015, 2015, municipality_id=v)
    assert [(p.year, p.category, p.direction, p.count) for p in per_year] == [
        (2015, PUPILS, IN, 50),
        (2015, PUPILS, OUT, 40),
        (2015, STUDENTS, OUT, 40),
        (2015, ParticipantCategory.TEACHERS, OUT, 12),
    ]
    with pytest.raises(ValidationError) as err:
        stats.participants_total(2019, 2014)
    assert err.value.fields == ["last_year"]


def test_agreements_concluded_and_expired_in_a_year(
    services: Services, world: dict[str, uuid.UUID]
) -> None:
    v, r = world["volgograd"], world["rostov"]
    registered = conclude(
        services,
        Agreement(title="Соглашение с Кёльном", municipality_id=v),
        AgreementStatus.REGISTERED,
        dt.date(2024, 3, 1),
    )
    signed = conclude(
        services,
        Agreement(title="Меморандум с Чэнду", municipality_id=v),
        AgreementStatus.SIGNED,
        dt.date(2024, 6, 1),
    )
    conclude(
        services,
        Agreement(title="Соглашение Ростова", municipality_id=r),
        AgreementStatus.SIGNED,
        dt.date(2024, 7, 1),
    )
    conclude(
        services,
        Agreement(title="Подписано в 2023", municipality_id=v),
        AgreementStatus.REGISTERED,
        dt.date(2023, 11, 1),
    )
    services.agreements.create(
        Agreement(title="Проект", municipality_id=v, planned_signing_date=dt.date(2024, 5, 1))
    )
    removed = conclude(
        services,
        Agreement(title="Удалённое", municipality_id=v),
        AgreementStatus.SIGNED,
        dt.date(2024, 2, 1),
    )
    assert removed.id is not None
    services.agreements.delete(removed.id)

    expired = conclude(
        services,
        Agreement(title="Истекло официально", municipality_id=v),
        AgreementStatus.EXPIRED,
        dt.date(2019, 5, 1),
        ended_on=dt.date(2024, 5, 1),
    )
    lapsed = conclude(
        services,
        Agreement(title="Срок вышел", municipality_id=v, term_months=60),
        AgreementStatus.REGISTERED,
        dt.date(2019, 1, 20),
        expires_on=dt.date(2024, 2, 1),
    )
    conclude(
        services,
        Agreement(
            title="Продлевается само",
            municipality_id=v,
            auto_prolongation=True,
            prolongation_months=12,
        ),
        AgreementStatus.REGISTERED,
        dt.date(2019, 1, 20),
        expires_on=dt.date(2024, 10, 1),
    )
    conclude(
        services,
        Agreement(title="Истекает в конце года", municipality_id=v),
        AgreementStatus.REGISTERED,
        dt.date(2020, 1, 20),
        expires_on=dt.date(2024, 12, 20),
    )

    stats = StatisticsService(services.db)
    concluded = stats.agreements_concluded(2024)
    assert [a.title for a in concluded] == [
        "Соглашение с Кёльном",
        "Меморандум с Чэнду",
        "Соглашение Ростова",
    ]
    assert concluded[0].id == registered.id
    assert concluded[0].date == dt.date(2024, 3, 1)
    assert concluded[1].status is AgreementStatus.SIGNED
    assert [a.id for a in stats.agreements_concluded(2024, v)] == [registered.id, signed.id]

    ended = stats.agreements_expired(2024, today=dt.date(2024, 12, 1))
    assert [(a.id, a.date) for a in ended] == [
        (lapsed.id, dt.date(2024, 2, 1)),
        (expired.id, dt.date(2024, 5, 1)),
    ]
    later = stats.agreements_expired(2024, today=dt.date(2025, 1, 10))
    assert [a.title for a in later] == [
        "Срок вышел",
        "Истекло официально",
        "Истекает в конце года",
    ]
    assert stats.agreements_expired(2024, r, today=dt.date(2025, 1, 10)) == []

    year = stats.agreements_of_year(2024, v, today=dt.date(2025, 1, 10))
    assert (year.concluded_count, year.expired_count) == (2, 3)

    summary = stats.summary(2024, v)
    assert summary.agreements_concluded == 2
    assert summary.agreements_by_status[AgreementStatus.REGISTERED] == 5
    assert summary.agreements_by_status[AgreementStatus.SIGNED] == 1
    assert summary.agreements_by_status[AgreementStatus.DRAFT] == 1
    assert summary.agreements_by_status[AgreementStatus.EXPIRED] == 1
    assert summary.agreements == 8


def _event(
    services: Services,
    name: str,
    municipality: uuid.UUID,
    dates: FuzzyDate,
    kind: EventKind = EventKind.MEETING,
    fmt: EventFormat = EventFormat.IN_PERSON,
) -> uuid.UUID:
    saved = services.events.create(
        Event(name=name, municipality_id=municipality, dates=dates, kind=kind, format=fmt)
    )
    assert saved.id is not None
    return saved.id


def test_events_per_quarter_municipality_kind_and_format(
    services: Services, world: dict[str, uuid.UUID]
) -> None:
    v, r = world["volgograd"], world["rostov"]
    day = FuzzyDate.day
    _event(
        services,
        "Форум",
        v,
        FuzzyDate.range(dt.date(2020, 3, 30), dt.date(2020, 4, 2)),
        EventKind.FORUM,
    )
    _event(services, "Собрание Ганзы", v, day(dt.date(2020, 6, 5)), fmt=EventFormat.ONLINE)
    _event(
        services,
        "Конференция",
        v,
        day(dt.date(2020, 6, 23)),
        EventKind.CONFERENCE,
        EventFormat.ONLINE,
    )
    _event(services, "Флешмоб", r, FuzzyDate.month(2020, 5), fmt=EventFormat.ONLINE)
    _event(services, "Фестиваль", r, day(dt.date(2020, 12, 31)), EventKind.FESTIVAL)
    _event(services, "В следующем году", v, day(dt.date(2021, 1, 1)))
    removed = _event(services, "Удалено", v, day(dt.date(2020, 5, 5)))
    services.events.delete(removed)

    stats = StatisticsService(services.db)
    assert [(q.quarter, q.count) for q in stats.events_by_quarter(2020)] == [
        (1, 1),
        (2, 3),
        (3, 0),
        (4, 1),
    ]
    assert [q.count for q in stats.events_by_quarter(2020, r)] == [0, 1, 0, 1]
    assert [(m.name_ru, m.count) for m in stats.events_by_municipality(2020)] == [
        ("Волгоград", 3),
        ("Ростов-на-Дону", 2),
    ]
    assert [(m.municipality_id, m.count) for m in stats.events_by_municipality(2020, 2)] == [
        (v, 2),
        (r, 1),
    ]
    assert [(k.kind, k.count) for k in stats.events_by_kind(2020)] == [
        (EventKind.MEETING, 2),
        (EventKind.CONFERENCE, 1),
        (EventKind.FESTIVAL, 1),
        (EventKind.FORUM, 1),
    ]
    assert [(f.format, f.count) for f in stats.events_by_format(2020, 2, v)] == [
        (EventFormat.ONLINE, 2)
    ]
    with pytest.raises(ValidationError) as err:
        stats.events_by_kind(2020, quarter=5)
    assert err.value.fields == ["quarter"]


def test_summary_counts_everything_live(services: Services, world: dict[str, uuid.UUID]) -> None:
    v, r = world["volgograd"], world["rostov"]
    for title, direction, start in (
        ("Делегация из Кёльна", DelegationDirection.INCOMING, dt.date(2020, 2, 3)),
        ("Поездка в Минск", DelegationDirection.OUTGOING, dt.date(2020, 9, 1)),
        ("Видеовстреча", DelegationDirection.ONLINE, dt.date(2021, 3, 1)),
    ):
        services.delegations.create(
            Delegation(
                title=title,
                direction=direction,
                municipality_id=v,
                start_date=start,
                end_date=start + dt.timedelta(days=2),
            )
        )
    services.delegations.create(
        Delegation(
            title="Ростов в Виктории",
            municipality_id=r,
            direction=DelegationDirection.OUTGOING,
            start_date=dt.date(2020, 5, 1),
            end_date=dt.date(2020, 5, 3),
        )
    )
    _event(services, "Форум", v, FuzzyDate.day(dt.date(2020, 3, 30)))
    _event(services, "Фестиваль", r, FuzzyDate.day(dt.date(2021, 3, 30)))
    _programme(services, "Обмен", v, [(2020, PUPILS, IN, 20), (2021, PUPILS, OUT, 15)])
    _programme(services, "Обмен Ростова", r, [(2021, STUDENTS, IN, 7)])

    stats = StatisticsService(services.db)
    whole = stats.summary()
    assert whole.municipalities == 2
    assert whole.partners == 9  # the registry's live partners, linked or not
    assert whole.partner_countries == 8
    assert whole.partnerships == 10  # live, of live partners, not ended
    assert whole.delegations == 4
    assert whole.delegations_by_direction == {
        DelegationDirection.INCOMING: 1,
        DelegationDirection.OUTGOING: 2,
        DelegationDirection.ONLINE: 1,
    }
    assert (whole.events, whole.exchange_programmes, whole.participants) == (2, 2, 42)
    assert whole.agreements == 0
    assert whole.agreements_concluded is None

    volgograd_2020 = stats.summary(2020, v)
    assert volgograd_2020.municipalities == 1
    assert volgograd_2020.partners == 6
    assert volgograd_2020.partner_countries == 6
    assert volgograd_2020.partnerships == 7
    assert volgograd_2020.delegations == 2
    assert volgograd_2020.events == 1
    assert volgograd_2020.exchange_programmes == 1
    assert volgograd_2020.participants == 20
    assert volgograd_2020.agreements_concluded == 0
    assert volgograd_2020.agreements_expired == 0

    year_2021 = stats.summary(2021)
    assert (year_2021.delegations, year_2021.events) == (1, 1)
    assert (year_2021.exchange_programmes, year_2021.participants) == (2, 22)


def test_events_per_month_by_the_day_they_start(
    services: Services, world: dict[str, uuid.UUID]
) -> None:
    v, r = world["volgograd"], world["rostov"]
    day = FuzzyDate.day
    # A range over the month's end counts once, in the month it starts.
    _event(services, "Форум", v, FuzzyDate.range(dt.date(2020, 3, 30), dt.date(2020, 4, 2)))
    _event(services, "Флешмоб", r, FuzzyDate.month(2020, 5))
    _event(services, "Собрание Ганзы", v, day(dt.date(2020, 5, 5)))
    _event(services, "Конференция", v, day(dt.date(2020, 5, 31)))
    _event(services, "Фестиваль", r, day(dt.date(2020, 12, 31)))
    _event(services, "Годом раньше", v, day(dt.date(2019, 12, 31)))
    _event(services, "Годом позже", v, day(dt.date(2021, 1, 1)))
    removed = _event(services, "Удалено", v, day(dt.date(2020, 5, 6)))
    services.events.delete(removed)

    stats = StatisticsService(services.db)
    months = stats.events_by_month(2020)
    assert [m.month for m in months] == list(range(1, 13))
    assert {m.month: m.count for m in months if m.count} == {3: 1, 5: 3, 12: 1}
    assert {m.month: m.count for m in stats.events_by_month(2020, r) if m.count} == {5: 1, 12: 1}
    assert sum(m.count for m in stats.events_by_month(2022)) == 0
    # The quarters are the months folded.
    assert [q.count for q in stats.events_by_quarter(2020)] == [1, 3, 0, 1]
    with pytest.raises(ValidationError) as err:
        stats.events_by_month(0)
    assert err.value.fields == ["year"]
