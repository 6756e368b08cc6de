"""Validation: every problem of a record is named by its field, all at once."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from mumidesk.domain.agreements import Agreement, AgreementParty, Signatory
from mumidesk.domain.delegations import Delegation, DelegationMember, ProgrammeItem
from mumidesk.domain.enums import (
    BodyKind,
    ExchangeDirection,
    ParentRelation,
    ParticipantCategory,
    PartySide,
)
from mumidesk.domain.errors import FieldProblem, ValidationError
from mumidesk.domain.events import Event
from mumidesk.domain.exchanges import ExchangeProgramme, Participation
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.domain.municipalities import MunicipalBody, Municipality
from mumidesk.domain.organisations import Membership, Organisation, Person
from mumidesk.domain.partners import Partner, Partnership
from mumidesk.domain.validation import (
    TITLE_MAX,
    Checker,
    is_country_code,
    normalise_phone,
)

D = dt.date
MEGABYTE_TITLE = "Я" * 1_000_000


def problems(item: object, row: int | None = None) -> list[FieldProblem]:
    c = Checker(row)
    item.check(c)  # type: ignore[attr-defined]
    return c.problems


def fields(item: object) -> list[str]:
    return [p.field for p in problems(item)]


def visit(**kw: object) -> Delegation:
    values: dict[str, object] = {
        "title": "Визит делегации г. Могилёва",
        "start_date": D(2020, 6, 1),
        "end_date": D(2020, 6, 3),
    }
    values.update(kw)
    return Delegation(**values)  # type: ignore[arg-type]


def test_a_good_record_has_no_problems() -> None:
    assert problems(visit()) == []
    assert problems(Partner(name_ru="Могилёв", country_code="BY")) == []
    assert problems(Organisation(name_ru="Россотрудничество", email="info@rs.gov.ru")) == []


def test_end_before_start_names_end_date() -> None:
    found = problems(visit(start_date=D(2020, 6, 3), end_date=D(2020, 6, 1)))
    assert [p.field for p in found] == ["end_date"]
    assert "2020-06-01" in found[0].message
    assert "2020-06-03" in found[0].message
    assert fields(ExchangeProgramme(title="x", start_date=D(2021, 1, 1), end_date=D(2020, 1, 1)))
    assert fields(
        Partnership(
            municipality_id=uuid.uuid4(),
            partner_id=uuid.uuid4(),
            since=D(2020, 1, 1),
            until=D(2019, 1, 1),
        )
    ) == ["until"]


def test_event_dates_out_of_order_name_end_date() -> None:
    broken = FuzzyDate(D(2020, 6, 5), D(2020, 6, 1), FuzzyDate.day(D(2020, 6, 5)).precision)
    assert "end_date" in fields(Event(name="Форум", dates=broken))


@pytest.mark.parametrize("code", ["XX", "RUS", "ZZ", "12"])
def test_unknown_country_code(code: str) -> None:
    found = problems(Partner(name_ru="Город", country_code=code))
    assert [p.field for p in found] == ["country_code"]
    assert code in found[0].message


@pytest.mark.parametrize("code", ["BY", "by", "ZM", "XK", "CN"])
def test_known_country_codes(code: str) -> None:
    assert is_country_code(code)
    assert problems(Partner(name_ru="Город", country_code=code)) == []


def test_event_countries_are_checked_by_position() -> None:
    event = Event(name="Форум", dates=FuzzyDate.day(D(2020, 6, 5)), country_codes=["BY", "QQ"])
    assert fields(event) == ["country_codes[1]"]


@pytest.mark.parametrize("email", ["not-an-email", "a@b", "ivan@@smolensk.ru", "@smolensk.ru"])
def test_bad_email(email: str) -> None:
    found = problems(Person(last_name="Иванов", email=email))
    assert [p.field for p in found] == ["email"]
    assert "e-mail" in found[0].message


@pytest.mark.parametrize("email", ["", "ivan@smolensk.ru", "info@admin-smolensk.ru"])
def test_good_email(email: str) -> None:
    assert problems(Person(last_name="Иванов", email=email)) == []


@pytest.mark.parametrize("phone", ["abc", "123", "+7 1"])
def test_bad_phone(phone: str) -> None:
    assert fields(Organisation(name_ru="Школа № 1", phone=phone)) == ["phone"]


@pytest.mark.parametrize(
    "phone", ["", "+7 4812 38-11-22", "8 (4812) 38-11-22", "+375 17 222-22-22"]
)
def test_good_phone(phone: str) -> None:
    assert problems(Person(last_name="Иванов", phone=phone)) == []


def test_phones_are_normalised_to_e164() -> None:
    assert normalise_phone("8 (4812) 38-11-22") == "+74812381122"
    assert normalise_phone("+375 17 222-22-22") == "+375172222222"


def test_a_megabyte_title_names_title() -> None:
    found = problems(Agreement(title=MEGABYTE_TITLE))
    assert [p.field for p in found] == ["title"]
    assert str(TITLE_MAX) in found[0].message
    assert "1000000" in found[0].message


@pytest.mark.parametrize(
    ("item", "field"),
    [
        (Agreement(title=""), "title"),
        (Agreement(title="   "), "title"),
        (Person(last_name=""), "last_name"),
        (Organisation(name_ru=""), "name_ru"),
        (Municipality(name_ru=""), "name_ru"),
        (Partner(country_code="BY"), "name_ru"),
        (Partner(name_ru="Город", country_code=""), "country_code"),
        (Event(name="", dates=FuzzyDate.month(2020, 5)), "name"),
        (ExchangeProgramme(title=""), "title"),
    ],
)
def test_required_fields(item: object, field: str) -> None:
    found = problems(item)
    assert [p.field for p in found] == [field]


def test_all_problems_are_reported_at_once() -> None:
    delegation = visit(
        title="",
        start_date=D(2020, 6, 3),
        end_date=D(2020, 6, 1),
        place="М" * 301,
        members=[
            DelegationMember(full_name="Глава", is_head=True),
            DelegationMember(full_name="", is_head=True),
        ],
        programme=[ProgrammeItem(day=D(2020, 7, 1))],
    )
    assert fields(delegation) == [
        "title",
        "end_date",
        "place",
        "members",
        "members[1].full_name",
        "programme[0].title_ru",
        "programme[0].day",
    ]
    with pytest.raises(ValidationError) as info:
        c = Checker()
        delegation.check(c)
        c.raise_if_any()
    assert len(info.value.problems) == 7
    assert "members[1].full_name" in str(info.value)


def test_row_numbers_travel_with_problems() -> None:
    found = problems(Person(last_name="", email="x"), row=12)
    assert {p.row for p in found} == {12}
    assert str(found[0]).startswith("row 12, last_name")


def test_agreement_rules() -> None:
    a = Agreement(
        title="Соглашение",
        term_months=0,
        auto_prolongation=True,
        notice_lead_days=[0],
        parent_id=uuid.uuid4(),
        languages=["ru", "russian"],
        parties=[
            AgreementParty(side=PartySide.PARTNER, signatories=[Signatory(full_name="")]),
        ],
    )
    assert fields(a) == [
        "term_months",
        "prolongation_months",
        "notice_lead_days",
        "parent_relation",
        "languages",
        "parties[0].partner_id",
        "parties[0].signatories[0].full_name",
    ]
    me = uuid.uuid4()
    assert "parent_id" in fields(
        Agreement(title="x", id=me, parent_id=me, parent_relation=ParentRelation.AMENDMENT)
    )


def test_partner_numbers_in_range() -> None:
    bad = Partner(name_ru="Город", country_code="BY", population=-1, latitude=91, longitude=-181)
    assert fields(bad) == ["population", "latitude", "longitude"]


def test_exchange_participations() -> None:
    p = ExchangeProgramme(
        title="Обмен школьниками",
        start_date=D(2015, 1, 1),
        end_date=D(2020, 12, 31),
        participations=[
            Participation(
                year=2016,
                category=ParticipantCategory.PUPILS,
                direction=ExchangeDirection.INBOUND,
                count=10,
            ),
            Participation(
                year=2016,
                category=ParticipantCategory.PUPILS,
                direction=ExchangeDirection.INBOUND,
                count=-1,
            ),
            Participation(
                year=2030,
                category=ParticipantCategory.STUDENTS,
                direction=ExchangeDirection.OUTBOUND,
                count=5,
            ),
        ],
    )
    assert fields(p) == [
        "participations[1].count",
        "participations[1]",
        "participations[2].year",
    ]
    assert p.total() == 14


def test_municipality_bodies_and_membership() -> None:
    m = Municipality(
        name_ru="Смоленск",
        population=-5,
        bodies=[MunicipalBody(kind=BodyKind.ADMINISTRATION, name_ru="")],
    )
    assert fields(m) == ["population", "bodies[0].name_ru"]
    member = Membership(
        municipality_id=uuid.uuid4(),
        organisation_id=uuid.uuid4(),
        since=D(2020, 1, 1),
        until=D(2010, 1, 1),
    )
    assert fields(member) == ["until"]


def test_validation_error_helpers() -> None:
    err = ValidationError.single("title", "is required", row=3)
    assert err.fields == ["title"]
    assert err.problems[0].row == 3
    assert str(err) == "row 3, title: is required"
