"""Audit stamps: who and when on every flush, the next version on every change."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from mumidesk.db.engine import Database
from mumidesk.db.models import MunicipalBodyRow, MunicipalityRow, PartnerRow


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Database:
    return request.getfixturevalue("sqlite_db" if request.param == "sqlite" else "pg_db")


def load(db: Database, model: type, key: object) -> SimpleNamespace:
    """The stored columns of one row (read rows are expired when the look ends)."""
    with db.reading() as session:
        row = session.get(model, key)
        assert row is not None
        columns = [c.name for c in model.__table__.columns]
        return SimpleNamespace(**{c: getattr(row, c) for c in columns})


def test_new_rows_are_stamped_with_the_database_user(db: Database) -> None:
    before = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with db.transaction() as session:
        row = PartnerRow(name_ru="Могилёв", country_code="BY")
        session.add(row)
    stored = load(db, PartnerRow, row.id)
    assert stored.version == 1
    assert stored.created_by == stored.updated_by == "tester"
    assert stored.created_at == stored.updated_at
    assert before - dt.timedelta(seconds=1) <= stored.created_at <= before + dt.timedelta(minutes=5)
    assert stored.deleted_at is None and stored.deleted_by is None


def test_a_change_bumps_the_version_and_stamps_the_editor(db: Database) -> None:
    with db.transaction() as session:
        row = PartnerRow(name_ru="Могилёв", country_code="BY")
        session.add(row)
    created_at = row.created_at
    editor = Database(db.url.render_as_string(hide_password=False), user="editor")
    try:
        with editor.transaction() as session:
            again = session.get(PartnerRow, row.id)
            assert again is not None
            again.population = 357_000
        with editor.transaction() as session:
            again = session.get(PartnerRow, row.id)
            assert again is not None
            again.notes = "второе изменение"
    finally:
        editor.dispose()
    stored = load(db, PartnerRow, row.id)
    assert stored.version == 3
    assert (stored.created_by, stored.updated_by) == ("tester", "editor")
    assert stored.created_at == created_at
    assert stored.updated_at >= created_at


def test_a_flush_without_changes_keeps_the_version(db: Database) -> None:
    with db.transaction() as session:
        row = PartnerRow(name_ru="Могилёв", country_code="BY")
        session.add(row)
    with db.transaction() as session:
        again = session.get(PartnerRow, row.id)
        assert again is not None
        again.name_ru = "Могилёв"  # the same value: nothing really changed
    stored = load(db, PartnerRow, row.id)
    assert stored.version == 1


def test_a_change_of_children_only_bumps_the_parent(db: Database) -> None:
    with db.transaction() as session:
        row = MunicipalityRow(name_ru="Смоленск", kind="city")
        session.add(row)
    with db.transaction() as session:
        again = session.get(MunicipalityRow, row.id)
        assert again is not None
        again.bodies = [MunicipalBodyRow(kind="administration", name_ru="Администрация")]
    stored = load(db, MunicipalityRow, row.id)
    assert stored.version == 2


def test_preserve_audit_keeps_exported_stamps(db: Database) -> None:
    stamp = dt.datetime(2019, 5, 1, 12, 30)
    with db.transaction() as session:
        session.info["preserve_audit"] = True
        row = PartnerRow(
            name_ru="Могилёв",
            country_code="BY",
            version=7,
            created_at=stamp,
            created_by="ivanova",
            updated_at=stamp,
            updated_by="petrov",
        )
        session.add(row)
        partial = PartnerRow(name_ru="Гомель", country_code="BY", version=2, created_by="ivanova")
        session.add(partial)
    stored = load(db, PartnerRow, row.id)
    assert (stored.version, stored.created_at, stored.created_by) == (7, stamp, "ivanova")
    assert (stored.updated_at, stored.updated_by) == (stamp, "petrov")
    filled = load(db, PartnerRow, partial.id)  # only the missing stamps are filled in
    assert (filled.version, filled.created_by, filled.updated_by) == (2, "ivanova", "tester")
    with db.transaction() as session:
        session.info["preserve_audit"] = True
        again = session.get(PartnerRow, row.id)
        assert again is not None
        again.notes = "импорт"
    kept = load(db, PartnerRow, row.id)
    assert (kept.version, kept.updated_by, kept.notes) == (7, "petrov", "импорт")


def test_stamps_of_many_rows_in_one_flush(db: Database) -> None:
    with db.transaction() as session:
        session.add_all(PartnerRow(name_ru=f"Город {i}", country_code="DE") for i in range(5))
    with db.reading() as session:
        stamps = session.execute(select(PartnerRow.version, PartnerRow.created_by)).all()
    assert len(stamps) == 5
    assert set(stamps) == {(1, "tester")}
