"""The engine: SQLite pragmas on every connection, short transactions, read-only looks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from mumidesk.db.engine import BUSY_TIMEOUT_MS, Database, current_user
from mumidesk.db.models import MunicipalityRow, PartnerRow

PRAGMAS = ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")


def pragmas(conn: object) -> dict[str, object]:
    return {name: conn.execute(text(f"PRAGMA {name}")).scalar() for name in PRAGMAS}  # type: ignore[attr-defined]


def assert_tuned(found: dict[str, object]) -> None:
    assert found["journal_mode"] == "wal"
    assert found["synchronous"] == 1  # NORMAL
    assert found["foreign_keys"] == 1
    assert isinstance(found["busy_timeout"], int) and found["busy_timeout"] > 0


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request: pytest.FixtureRequest) -> Database:
    return request.getfixturevalue("sqlite_db" if request.param == "sqlite" else "pg_db")


def test_every_sqlite_connection_is_tuned(tmp_path: Path) -> None:
    db = Database("sqlite:///" + (tmp_path / "new.db").as_posix())
    try:
        with db.engine.connect() as first, db.engine.connect() as second:
            assert_tuned(pragmas(first))
            assert_tuned(pragmas(second))  # a second pooled connection too
        db.dispose()  # connections made after the pool is emptied are tuned as well
        with db.engine.connect() as again:
            found = pragmas(again)
        assert_tuned(found)
        assert found["busy_timeout"] == BUSY_TIMEOUT_MS
        with db.transaction() as session:  # and the ones the services get
            assert_tuned(pragmas(session))
        with db.reading() as session:
            assert_tuned(pragmas(session))
    finally:
        db.dispose()


def test_wal_mode_is_kept_in_the_file(sqlite_db: Database) -> None:
    with sqlite_db.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    assert sqlite_db.sqlite_path is not None
    with sqlite3.connect(sqlite_db.sqlite_path) as plain:  # a connection without our listener
        assert plain.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_foreign_keys_are_enforced(any_db: Database) -> None:
    with pytest.raises(IntegrityError), any_db.transaction() as session:
        session.execute(
            text(
                "INSERT INTO partnerships (id, municipality_id, partner_id, kind, status, notes,"
                " created_at, created_by, updated_at, updated_by, version)"
                " VALUES (:id, :m, :p, 'twin', 'active', '', :now, '', :now, '', 1)"
            ),
            {
                "id": "0" * 32 if any_db.is_sqlite else "00000000-0000-0000-0000-000000000000",
                "m": "1" * 32 if any_db.is_sqlite else "11111111-1111-1111-1111-111111111111",
                "p": "2" * 32 if any_db.is_sqlite else "22222222-2222-2222-2222-222222222222",
                "now": "2020-01-01 00:00:00",
            },
        )


def count(db: Database, model: type) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_transaction_commits_at_the_end(any_db: Database) -> None:
    with any_db.transaction() as session:
        session.add(MunicipalityRow(name_ru="Смоленск", kind="city"))
        assert session.info["user"] == "tester"
    assert count(any_db, MunicipalityRow) == 1


def test_transaction_rolls_back_on_any_error(any_db: Database) -> None:
    with pytest.raises(RuntimeError), any_db.transaction() as session:
        session.add(MunicipalityRow(name_ru="Смоленск", kind="city"))
        session.flush()
        raise RuntimeError("boom")
    assert count(any_db, MunicipalityRow) == 0


def test_reading_never_commits(any_db: Database) -> None:
    with any_db.reading() as session:
        session.add(PartnerRow(name_ru="Могилёв", country_code="BY"))
        session.flush()
        assert session.scalar(select(func.count()).select_from(PartnerRow)) == 1
    assert count(any_db, PartnerRow) == 0


def test_objects_stay_readable_after_the_transaction(any_db: Database) -> None:
    with any_db.transaction() as session:
        row = MunicipalityRow(name_ru="Калуга", kind="city")
        session.add(row)
    assert row.name_ru == "Калуга"  # expire_on_commit=False: no lazy load after the block
    assert row.version == 1


def test_properties(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "m.db"
    db = Database("sqlite:///" + path.as_posix(), user="ivanova")
    try:
        assert path.parent.is_dir()  # made for the new file
        assert db.is_sqlite and db.dialect == "sqlite"
        assert db.sqlite_path == path
        assert db.user == "ivanova"
    finally:
        db.dispose()
    memory = Database("sqlite://")
    assert memory.sqlite_path is None
    assert memory.user == current_user() and memory.user
    memory.dispose()


def test_server_url_is_shown_without_password() -> None:
    db = Database("postgresql+psycopg://ivanova:s3cret@db.local:5432/mumidesk")
    try:
        assert not db.is_sqlite and db.dialect == "postgresql"
        assert db.sqlite_path is None
        assert "s3cret" not in repr(db)
        assert "db.local" in repr(db)
    finally:
        db.dispose()
