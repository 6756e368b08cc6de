"""Hostile text through every validator and parser a user's typing reaches: each answers with a
value or a clear error naming the field — never another exception — and a record that passes
validation is stored and read back unchanged, on SQLite and on PostgreSQL.

Measures guarded (each test fails without it):
- Checker.length refuses NUL (PostgreSQL cannot store it): test_saved_text_comes_back_exactly
  on PostgreSQL, test_checker_text_rules.
- parse_fuzzy_date turns an overflowing year into a ValidationError: test_fuzzy_dates.
- Checker.length refuses lone surrogates (a JSON "\\ud800" escape; no database can encode
  them): test_lone_surrogates_are_refused.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from mumidesk.db.engine import Database
from mumidesk.domain import enums
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.fuzzy_date import FuzzyDate, parse_fuzzy_date
from mumidesk.domain.organisations import Organisation, Person
from mumidesk.domain.partners import Partner
from mumidesk.domain.validation import NAME_MAX, TEXT_MAX, Checker
from mumidesk.services import serialization as ser
from mumidesk.services.registry import Services
from mumidesk.ui.widgets.number_text import parse_float, parse_int
from tests.hostile.strategies import counted, hostile_text, long_text, scaled

TEXT = st.one_of(hostile_text(), long_text(1, 2_000))


@pytest.fixture(params=["sqlite", "postgresql"])
def both_db(request: pytest.FixtureRequest) -> Database:
    return request.getfixturevalue("sqlite_db" if request.param == "sqlite" else "pg_db")


@given(value=st.one_of(hostile_text(), long_text(NAME_MAX - 5, TEXT_MAX + 50)))
@example(value="a\x00b")
@example(value="я" * (TEXT_MAX + 1))
def test_checker_text_rules(value: str) -> None:
    """Too long or holding NUL: one problem naming the field; anything else passes."""
    record = counted("validators: Checker.text")
    c = Checker(row=7)
    c.text("notes", value, TEXT_MAX)
    bad = len(value) > TEXT_MAX or "\x00" in value
    assert [(p.field, p.row) for p in c.problems] == ([("notes", 7)] if bad else [])
    record(bad)


@given(value=TEXT)
@example(value="a" * 64 + "@" + "b" * 250 + ".ru")
@example(value="ivan@смоленск.рф")
@example(value="+7 (4812) 38-81-11")
@example(value="٠١٢٣٤٥٦٧٨٩")
def test_contact_and_country_checks(value: str) -> None:
    """E-mail, phone and country checks by their libraries: a problem or nothing, no raise."""
    record = counted("validators: e-mail, phone, country")
    c = Checker()
    c.email("email", value)
    c.phone("phone", value)
    c.country("country_code", value)
    assert {p.field for p in c.problems} <= {"email", "phone", "country_code"}
    assert all(p.message for p in c.problems)
    record(bool(c.problems))


@given(text=TEXT, year=st.integers(1, 9999))
@example(text="5 июня 99999999999999999999", year=2020)  # OverflowError before the fix
@example(text="31 февраля", year=2021)
@example(text="30 декабря – 2 января", year=9999)
@example(text="٥ июня", year=2020)
def test_fuzzy_dates(text: str, year: int) -> None:
    """A date the event editor reads: a FuzzyDate or a ValidationError naming "dates"."""
    record = counted("validators: fuzzy dates")
    try:
        result = parse_fuzzy_date(text, year)
    except ValidationError as exc:
        assert exc.fields == ["dates"]
        record(True)
        return
    assert isinstance(result, FuzzyDate)
    record(False)


SCALARS: list[Any] = [bool, int, float, dt.date, dt.datetime, dt.time, uuid.UUID, enums.EventKind]


@given(text=TEXT, kind=st.sampled_from(SCALARS))
@example(text="1e400", kind=float)
@example(text="nan", kind=float)
@example(text="9" * 5000, kind=int)
@example(text="05.06.99999", kind=dt.date)
@example(text="ДА", kind=bool)
def test_cell_values(text: str, kind: Any) -> None:
    """A CSV/XLSX cell read as its field's type: the value, or ValueError with a reason."""
    record = counted("validators: cell values")
    try:
        value = ser.parse_scalar(text, kind)
    except ValueError as exc:
        assert str(exc)
        record(True)
        return
    assert isinstance(value, kind)
    record(False)


@given(text=TEXT)
@example(text="12 500")
@example(text="1e400")
@example(text="٣")
def test_typed_numbers(text: str) -> None:
    """Numbers typed in the window: a number or ValueError (the editor names the field)."""
    record = counted("validators: typed numbers")
    for parse in (parse_int, parse_float):
        try:
            parse(text)
        except ValueError:
            record(True)
        else:
            record(False)


@scaled(25)
@given(
    name=st.one_of(hostile_text(nul=False), long_text(1, NAME_MAX + 10)),
    notes=st.one_of(hostile_text(), long_text(1, 3_000)),
    region=hostile_text(),
)
@example(name="\u202eexe.gpj", notes="<b>&amp;</b> {{ x }} %s", region="مدينة")
@example(name="x", notes="a\x00b", region="")
def test_saved_text_comes_back_exactly(both_db: Database, name: str, notes: str, region: str):
    """A partner with hostile text: refused as a whole with the fields named, or stored and
    read back character for character (PostgreSQL would refuse NUL with a crash)."""
    record = counted(f"validators: saved partner ({both_db.engine.dialect.name})")
    services = Services.for_database(both_db)
    before = services.partners.list().total
    item = Partner(name_ru=name, name_en=name, name_local=name, country_code="BY", region=region)
    item.notes = notes
    try:
        saved = services.partners.create(item)
    except ValidationError as exc:
        assert set(exc.fields) <= {"name_ru", "name_en", "name_local", "notes", "region"}
        assert services.partners.list().total == before
        record(True)
        return
    assert saved.id is not None
    back = services.partners.get(saved.id)
    assert (back.name_ru, back.name_local, back.notes, back.region) == (name, name, notes, region)
    record(False)


@pytest.mark.parametrize("surrogate", ["\ud800", "x\udfffy", "\udc80"])
def test_lone_surrogates_are_refused(both_db: Database, surrogate: str) -> None:
    """Python text can hold a lone surrogate (JSON's "\\ud800" escape gives one); no database
    can encode it, so validation names the field instead of the driver crashing."""
    services = Services.for_database(both_db)
    with pytest.raises(ValidationError) as caught:
        services.organisations.create(Organisation(name_ru="Ассоциация", notes=surrogate))
    assert caught.value.fields == ["notes"]
    with pytest.raises(ValidationError) as caught:
        services.people.create(Person(last_name=surrogate, first_name="Иван"))
    assert caught.value.fields == ["last_name"]
    assert services.organisations.list().total == 0 and services.people.list().total == 0
