"""Organisations, people and memberships on both databases."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest

from mumidesk.domain.enums import Gender, OrganisationKind
from mumidesk.domain.errors import ConcurrentEditError, NotFoundError, ValidationError
from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.organisations import Membership, Organisation, Person
from mumidesk.services.organisations import MembershipFilter, OrganisationFilter, PersonFilter
from mumidesk.services.registry import Services

D = dt.date


@pytest.fixture
def orgs(services: Services) -> dict[str, Organisation]:
    specs = [
        Organisation(name_ru="Россотрудничество", name_en="Rossotrudnichestvo",
                     short_name="РС", kind=OrganisationKind.AGENCY, country_code="ru",
                     email="info@rs.gov.ru", phone="8 (495) 690-12-34"),
        Organisation(name_ru="Международный Ганзейский союз", name_en="The Hanseatic League",
                     kind=OrganisationKind.ASSOCIATION, country_code="DE"),
        Organisation(name_ru="Конгресс муниципальных образований",
                     kind=OrganisationKind.ASSOCIATION),
    ]  # fmt: skip
    return {o.name_ru.split()[0]: services.organisations.create(o) for o in specs}


def test_organisation_crud(services: Services, orgs: dict[str, Organisation]) -> None:
    rs = orgs["Россотрудничество"]
    assert rs.version == 1 and rs.created_by == "tester"
    assert rs.country_code == "RU"
    assert rs.phone == "+74956901234"  # stored in E.164
    got = services.organisations.get(rs.id)  # type: ignore[arg-type]
    assert got == rs
    assert services.organisations.find_by_name("рс") == got
    assert services.organisations.find_by_name("the hanseatic league") is not None
    stale = services.organisations.get(rs.id)  # type: ignore[arg-type]
    got.website = "https://rs.gov.ru"
    assert services.organisations.update(got).version == 2
    with pytest.raises(ConcurrentEditError):
        services.organisations.update(stale)
    services.organisations.delete(rs.id)  # type: ignore[arg-type]
    assert services.organisations.find_by_name("Россотрудничество") is None
    with pytest.raises(NotFoundError):
        services.organisations.get(rs.id)  # type: ignore[arg-type]
    assert services.organisations.get(rs.id, include_deleted=True).deleted_by == "tester"  # type: ignore[arg-type]
    services.organisations.restore(rs.id)  # type: ignore[arg-type]
    assert services.organisations.list().total == 3


def test_organisation_filters_and_sorts(services: Services, orgs: dict[str, Organisation]) -> None:
    def first_words(flt: OrganisationFilter | None = None, **kw: Any) -> list[str]:
        return [o.name_ru.split()[0] for o in services.organisations.list(flt, **kw).items]

    assert first_words(OrganisationFilter(kind=OrganisationKind.ASSOCIATION)) == [
        "Конгресс",
        "Международный",
    ]
    assert first_words(OrganisationFilter(country_code="de")) == ["Международный"]
    assert first_words(OrganisationFilter(kind=OrganisationKind.AGENCY, country_code="DE")) == []
    assert first_words(sort="name") == ["Конгресс", "Международный", "Россотрудничество"]
    assert first_words(sort="name", descending=True) == [
        "Россотрудничество",
        "Международный",
        "Конгресс",
    ]
    # agency < association; RU twice: ties keep the id order both ways
    up, down = first_words(sort="kind"), first_words(sort="kind", descending=True)
    assert up[0] == "Россотрудничество" and sorted(up[1:]) == ["Конгресс", "Международный"]
    assert down == [*up[1:], "Россотрудничество"]
    up, down = first_words(sort="country"), first_words(sort="country", descending=True)
    assert up[0] == "Международный"  # DE < RU
    assert sorted(up[1:]) == ["Конгресс", "Россотрудничество"]
    assert down == [*up[1:], "Международный"]


@pytest.fixture
def smolensk(services: Services) -> Municipality:
    return services.municipalities.create(Municipality(name_ru="Смоленск"))


def test_person_crud_and_references(
    services: Services, orgs: dict[str, Organisation], smolensk: Municipality
) -> None:
    person = services.people.create(
        Person(
            last_name="Иванова",
            first_name="Мария",
            patronymic="Петровна",
            gender=Gender.FEMALE,
            position="Начальник отдела международных связей",
            organisation_id=orgs["Россотрудничество"].id,
            municipality_id=smolensk.id,
            email="ivanova@smolensk.ru",
            phone="+7 4812 38-11-22",
        )
    )
    assert person.full_name == "Иванова Мария Петровна"
    assert person.phone == "+74812381122"
    got = services.people.get(person.id)  # type: ignore[arg-type]
    assert got == person
    got.position = "Заместитель главы"
    assert services.people.update(got).version == 2
    with pytest.raises(ValidationError) as info:
        services.people.create(
            Person(last_name="Никто", organisation_id=uuid.uuid4(), municipality_id=uuid.uuid4())
        )
    assert info.value.fields == ["organisation_id", "municipality_id"]
    services.organisations.delete(orgs["Международный"].id)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as info:
        services.people.create(Person(last_name="Никто", organisation_id=orgs["Международный"].id))
    assert info.value.fields == ["organisation_id"]
    services.people.delete(person.id)  # type: ignore[arg-type]
    assert services.people.list().total == 0
    assert services.people.restore(person.id).deleted_at is None  # type: ignore[arg-type]


def test_person_filters_and_sorts(
    services: Services, orgs: dict[str, Organisation], smolensk: Municipality
) -> None:
    rs = orgs["Россотрудничество"]
    for last, position, org, mun in [
        ("Сидоров", "Атташе", rs, None),
        ("Андреева", "Эксперт", None, smolensk),
        ("Борисов", "Глава", rs, smolensk),
    ]:
        services.people.create(
            Person(
                last_name=last,
                position=position,
                organisation_id=org.id if org else None,
                municipality_id=mun.id if mun else None,
            )
        )

    def last_names(flt: PersonFilter | None = None, **kw: Any) -> list[str]:
        return [p.last_name for p in services.people.list(flt, **kw).items]

    assert last_names(PersonFilter(organisation_id=rs.id)) == ["Борисов", "Сидоров"]
    assert last_names(PersonFilter(municipality_id=smolensk.id)) == ["Андреева", "Борисов"]
    both = PersonFilter(organisation_id=rs.id, municipality_id=smolensk.id)
    assert last_names(both) == ["Борисов"]
    assert last_names(sort="name") == ["Андреева", "Борисов", "Сидоров"]
    assert last_names(sort="name", descending=True) == ["Сидоров", "Борисов", "Андреева"]
    assert last_names(sort="position") == ["Сидоров", "Борисов", "Андреева"]
    assert last_names(sort="position", descending=True) == ["Андреева", "Борисов", "Сидоров"]


def test_memberships(
    services: Services, orgs: dict[str, Organisation], smolensk: Municipality
) -> None:
    hansa, congress = orgs["Международный"], orgs["Конгресс"]
    kaluga = services.municipalities.create(Municipality(name_ru="Калуга"))
    m1 = services.memberships.create(
        Membership(
            municipality_id=smolensk.id,  # type: ignore[arg-type]
            organisation_id=hansa.id,  # type: ignore[arg-type]
            since=D(2009, 6, 1),
            role="член",
        )
    )
    m2 = services.memberships.create(
        Membership(
            municipality_id=smolensk.id,  # type: ignore[arg-type]
            organisation_id=congress.id,  # type: ignore[arg-type]
            since=D(2001, 1, 1),
            role="учредитель",
        )
    )
    m3 = services.memberships.create(
        Membership(municipality_id=kaluga.id, organisation_id=hansa.id, role="член")  # type: ignore[arg-type]
    )
    assert m1.version == 1 and m1.created_by == "tester"
    assert services.memberships.get(m1.id) == m1  # type: ignore[arg-type]

    def ids(flt: MembershipFilter | None = None, **kw: Any) -> list[uuid.UUID | None]:
        return [m.id for m in services.memberships.list(flt, **kw).items]

    assert set(ids(MembershipFilter(municipality_id=smolensk.id))) == {m1.id, m2.id}
    assert set(ids(MembershipFilter(organisation_id=hansa.id))) == {m1.id, m3.id}
    assert ids(sort="since") == [m2.id, m1.id, m3.id]
    assert ids(sort="since", descending=True) == [m1.id, m2.id, m3.id]
    by_role = ids(sort="role")  # "учредитель" < "член"
    assert by_role[0] == m2.id and set(by_role[1:]) == {m1.id, m3.id}
    assert ids(sort="role", descending=True) == [*by_role[1:], m2.id]
    with pytest.raises(ValidationError) as info:
        services.memberships.create(
            Membership(municipality_id=uuid.uuid4(), organisation_id=uuid.uuid4())
        )
    assert info.value.fields == ["municipality_id", "organisation_id"]
    m1.until = D(2020, 12, 31)
    assert services.memberships.update(m1).version == 2
    services.memberships.delete(m1.id)  # type: ignore[arg-type]
    assert set(ids()) == {m2.id, m3.id}
    services.memberships.restore(m1.id)  # type: ignore[arg-type]
    assert services.memberships.get(m1.id).until == D(2020, 12, 31)  # type: ignore[arg-type]
