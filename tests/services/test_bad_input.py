"""Bad input: a ValidationError naming every bad field, and not one row written or changed.

Run on SQLite and PostgreSQL: values SQLite would silently keep (a NUL, an over-long text, a huge
number) must be refused by validation on both, never by a server error on one.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from mumidesk.db.models import Base
from mumidesk.domain.agreements import Agreement, AgreementParty, Signatory
from mumidesk.domain.delegations import Delegation, DelegationMember, ProgrammeItem
from mumidesk.domain.enums import (
    BodyKind,
    ExchangeDirection,
    ParticipantCategory,
    PartySide,
)
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.events import Event
from mumidesk.domain.exchanges import ExchangeProgramme, Participation
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.domain.municipalities import MunicipalBody, Municipality
from mumidesk.domain.organisations import Organisation, Person
from mumidesk.domain.partners import Partner
from mumidesk.services.registry import Services

D = dt.date
MEGABYTE = "Я" * 1_000_000


def row_counts(services: Services) -> dict[str, int]:
    with services.db.reading() as session:
        return {
            table.name: int(session.scalar(select(func.count()).select_from(table)) or 0)
            for table in Base.metadata.sorted_tables
        }


def visit(**kw: Any) -> Delegation:
    values: dict[str, Any] = {
        "title": "Визит",
        "start_date": D(2020, 6, 1),
        "end_date": D(2020, 6, 3),
    }
    values.update(kw)
    return Delegation(**values)


# (what to create, the fields the error must name)
BAD: dict[str, tuple[Callable[[Services], Any], list[str]]] = {
    "megabyte title": (
        lambda s: s.agreements.create(
            Agreement(
                title=MEGABYTE,
                parties=[
                    AgreementParty(side=PartySide.OWN, signatories=[Signatory(full_name="А")])
                ],
            )
        ),
        ["title"],
    ),
    "end before start": (
        lambda s: s.delegations.create(visit(start_date=D(2020, 6, 3), end_date=D(2020, 6, 1))),
        ["end_date"],
    ),
    "unknown country": (
        lambda s: s.partners.create(Partner(name_ru="Нигде", country_code="QQ")),
        ["country_code"],
    ),
    "bad e-mail": (
        lambda s: s.people.create(Person(last_name="Иванов", email="ivanov(at)mail.ru")),
        ["email"],
    ),
    "bad phone": (
        lambda s: s.organisations.create(Organisation(name_ru="Школа", phone="12")),
        ["phone"],
    ),
    "required fields": (
        lambda s: s.events.create(Event(name=" ", dates=FuzzyDate.month(2020, 5))),
        ["name"],
    ),
    "all at once": (
        lambda s: s.organisations.create(
            Organisation(name_ru="", country_code="QQ", email="x", phone="abc", notes=MEGABYTE)
        ),
        ["name_ru", "country_code", "email", "phone", "notes"],
    ),
    "missing reference": (
        lambda s: s.municipalities.create(Municipality(name_ru="Рославль", region_id=uuid.uuid4())),
        ["region_id"],
    ),
    # values SQLite would keep and PostgreSQL would refuse with a server error
    "NUL character": (
        lambda s: s.partners.create(Partner(name_ru="Мог\x00илёв", country_code="BY")),
        ["name_ru"],
    ),
    "programme place too long": (
        lambda s: s.delegations.create(
            visit(
                programme=[
                    ProgrammeItem(
                        day=D(2020, 6, 1),
                        title_ru="Экскурсия",
                        place="П" * 301,
                        responsible="О" * 301,
                    )
                ]
            )
        ),
        ["programme[0].place", "programme[0].responsible"],
    ),
    "body name too long": (
        lambda s: s.municipalities.create(
            Municipality(
                name_ru="Смоленск",
                bodies=[MunicipalBody(kind=BodyKind.HEAD, name_ru="Глава", name_en="H" * 1001)],
            )
        ),
        ["bodies[0].name_en"],
    ),
    "signatory basis too long": (
        lambda s: s.agreements.create(
            Agreement(
                title="Соглашение",
                parties=[
                    AgreementParty(
                        side=PartySide.OWN,
                        signatories=[Signatory(full_name="А", acts_on_basis_of="У" * 1001)],
                    )
                ],
            )
        ),
        ["parties[0].signatories[0].acts_on_basis_of"],
    ),
    "population beyond an integer": (
        lambda s: s.partners.create(
            Partner(name_ru="Мегаполис", country_code="CN", population=10**12)
        ),
        ["population"],
    ),
    "term beyond a century": (
        lambda s: s.agreements.create(Agreement(title="Вечное", term_months=10**10)),
        ["term_months"],
    ),
    "participants beyond an integer": (
        lambda s: s.exchanges.create(
            ExchangeProgramme(
                title="Обмен",
                participations=[
                    Participation(
                        year=2020,
                        category=ParticipantCategory.PUPILS,
                        direction=ExchangeDirection.INBOUND,
                        count=10**10,
                    )
                ],
            )
        ),
        ["participations[0].count"],
    ),
}


def test_bad_create_names_the_fields_and_writes_nothing(services: Services) -> None:
    before = row_counts(services)
    for case, (create, fields) in BAD.items():
        with pytest.raises(ValidationError) as info:
            create(services)
        assert info.value.fields == fields, case
        assert row_counts(services) == before, case


def test_megabyte_title_message_says_how_long(services: Services) -> None:
    with pytest.raises(ValidationError) as info:
        services.agreements.create(Agreement(title=MEGABYTE))
    assert "1000000" in str(info.value) and "1000" in str(info.value)


def test_bad_update_changes_nothing(services: Services) -> None:
    d = services.delegations.create(
        visit(
            members=[DelegationMember(full_name="Петров", is_head=True)],
            programme=[ProgrammeItem(day=D(2020, 6, 1), title_ru="Встреча")],
        )
    )
    before = row_counts(services)
    edited = services.delegations.get(d.id)  # type: ignore[arg-type]
    edited.title = MEGABYTE
    edited.end_date = D(2020, 5, 1)
    edited.members = [DelegationMember(full_name="Новый"), DelegationMember(full_name="")]
    edited.programme = []
    with pytest.raises(ValidationError) as info:
        services.delegations.update(edited)
    assert info.value.fields == ["title", "end_date", "members[1].full_name"]
    assert row_counts(services) == before
    stored = services.delegations.get(d.id)  # type: ignore[arg-type]
    assert stored == d  # same version, members, programme and stamps


def test_bad_reference_on_update_changes_nothing(services: Services) -> None:
    p = services.partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    e = services.events.create(
        Event(name="Форум", dates=FuzzyDate.day(D(2020, 6, 5)), partner_ids=[p.id])  # type: ignore[list-item]
    )
    services.partners.delete(p.id)  # type: ignore[arg-type]
    before = row_counts(services)
    e.name = "Форум (новое название)"
    with pytest.raises(ValidationError) as info:
        services.events.update(e)
    assert info.value.fields == ["partner_ids[0]"]
    assert row_counts(services) == before
    assert services.events.get(e.id).name == "Форум"  # type: ignore[arg-type]


def test_one_bad_record_undoes_the_whole_transaction(services: Services) -> None:
    """Imports write many records in one transaction: a bad row leaves no good rows behind."""
    before = row_counts(services)
    with pytest.raises(ValidationError) as info, services.db.transaction() as session:
        services.partners.create_in(session, Partner(name_ru="Брест", country_code="BY"), 1)
        services.partners.create_in(session, Partner(name_ru="Гродно", country_code="BY"), 2)
        services.partners.create_in(session, Partner(name_ru="", country_code="XX"), 3)
    assert [(p.field, p.row) for p in info.value.problems] == [
        ("name_ru", 3),
        ("country_code", 3),
    ]
    assert row_counts(services) == before
    assert services.search.search("брест") == []
