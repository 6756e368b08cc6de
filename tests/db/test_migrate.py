"""Schema versions: create, back up and upgrade an older file, refuse foreign or newer ones."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from mumidesk.db import migrate
from mumidesk.db.engine import Database
from mumidesk.db.models import Base
from mumidesk.services.registry import Services

FIRST = "0001"
MOGILEV = uuid.UUID("6d0b1a8e-3f4c-4e0e-9a7b-2f1c5d6e7f80")


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Database]:
    db = Database("sqlite:///" + (tmp_path / "data" / "mumidesk.db").as_posix(), user="tester")
    yield db
    db.dispose()


def tables(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def old_database(db: Database) -> None:
    """A database as the first release left it, holding one partner."""
    migrate.upgrade(db, FIRST)
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO partners (id, name_ru, name_en, name_local, country_code, region,"
                " website, notes, created_at, created_by, updated_at, updated_by, version)"
                " VALUES (:id, 'Могилёв', 'Mogilev', 'Магілёў', 'BY', '', '', '',"
                " '2020-01-01 00:00:00', 'old', '2020-01-01 00:00:00', 'old', 3)"
            ),
            {"id": MOGILEV.hex},
        )


def test_the_newest_revision_is_past_the_first() -> None:
    # The upgrade tests below need a step to take (0002 and later).
    assert migrate.head_revision() != FIRST
    assert {FIRST, migrate.head_revision()} <= migrate.known_revisions()


def test_the_fast_path_head_is_alembics_head() -> None:
    # prepare() trusts HEAD_REVISION to skip Alembic on an up-to-date database: a new
    # migration must move it too.
    assert migrate.head_revision() == migrate.HEAD_REVISION


def test_an_up_to_date_database_opens_without_alembic(empty: Database) -> None:
    migrate.prepare(empty)
    assert migrate.stored_revision(empty) == migrate.HEAD_REVISION
    assert migrate.prepare(empty) == migrate.PrepareResult()


def test_prepare_creates_an_empty_file(empty: Database) -> None:
    before = migrate.state(empty)
    assert (before.current, before.has_tables, before.up_to_date) == (None, False, False)
    result = migrate.prepare(empty)
    assert result == migrate.PrepareResult(created=True)
    after = migrate.state(empty)
    assert after.current == migrate.head_revision() and after.up_to_date
    assert set(Base.metadata.tables) <= tables(empty)
    # a second look finds nothing to do and writes no backup
    assert migrate.prepare(empty) == migrate.PrepareResult()
    assert not (empty.sqlite_path.parent / "backups").exists()  # type: ignore[union-attr]


def test_prepare_backs_up_and_upgrades_an_older_database(empty: Database, tmp_path: Path) -> None:
    old_database(empty)
    assert migrate.state(empty).current == FIRST
    backups = tmp_path / "backups"

    result = migrate.prepare(empty, backups)

    assert result.upgraded_from == FIRST and not result.created
    assert migrate.state(empty).current == migrate.head_revision()
    assert set(Base.metadata.tables) <= tables(empty)
    # the backup is a complete, valid copy of the old database
    assert result.backup is not None and result.backup.parent == backups
    assert FIRST in result.backup.name
    with sqlite3.connect(result.backup) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [(FIRST,)]
        assert copy.execute("SELECT name_ru, version FROM partners").fetchall() == [("Могилёв", 3)]
    # the data survived the upgrade and the services can read it
    partner = Services.for_database(empty).partners.get(MOGILEV)
    assert (partner.name_ru, partner.name_local, partner.version) == ("Могилёв", "Магілёў", 3)


def test_backup_goes_next_to_the_database_by_default(empty: Database) -> None:
    old_database(empty)
    result = migrate.prepare(empty)
    assert result.backup is not None
    assert result.backup.parent == empty.sqlite_path.parent / "backups"  # type: ignore[union-attr]
    assert result.backup.exists()


def test_a_foreign_database_is_refused(empty: Database) -> None:
    with empty.engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)"))
    with pytest.raises(migrate.SchemaError) as info:
        migrate.prepare(empty)
    assert "not a mumidesk database" in str(info.value)
    assert tables(empty) == {"invoices"}  # nothing was added to it


def test_a_newer_database_is_refused(empty: Database) -> None:
    migrate.prepare(empty)
    with empty.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(migrate.SchemaError) as info:
        migrate.prepare(empty)
    assert "9999" in str(info.value)
    assert "newer" in str(info.value)
    assert migrate.state(empty).current == "9999"  # left as it was
    assert not (empty.sqlite_path.parent / "backups").exists()  # type: ignore[union-attr]


def test_upgrade_on_postgresql_creates_the_schema(pg_db: Database) -> None:
    state = migrate.state(pg_db)  # pg_db is a copy of the migrated template
    assert state.up_to_date and state.has_tables
    assert set(Base.metadata.tables) <= tables(pg_db)
    assert migrate.prepare(pg_db) == migrate.PrepareResult()
