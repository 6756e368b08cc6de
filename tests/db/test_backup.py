"""Backup and restore: a round trip brings the data back; a file that is no backup is refused."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from mumidesk import settings
from mumidesk.db import backup, migrate
from mumidesk.db.engine import Database
from mumidesk.domain.errors import NotFoundError
from mumidesk.domain.partners import Partner
from mumidesk.services.registry import Services
from tests.pg_server import PostgresServer


def change_everything(services: Services, key: uuid.UUID) -> None:
    p = services.partners.get(key)
    p.name_ru = "Переименован"
    services.partners.update(p)
    services.partners.create(Partner(name_ru="Новый", country_code="DE"))


def assert_as_backed_up(services: Services, key: uuid.UUID) -> None:
    assert [p.name_ru for p in services.partners.all()] == ["Могилёв"]
    assert services.partners.get(key).version == 1
    assert [h.id for h in services.search.search("могилев")] == [key]  # the index came back too
    assert services.search.search("новый") == []


def test_sqlite_round_trip(sqlite_db: Database, tmp_path: Path) -> None:
    services = Services.for_database(sqlite_db)
    key = services.partners.create(Partner(name_ru="Могилёв", country_code="BY")).id
    assert key is not None
    target = tmp_path / "copies"

    path = backup.backup_database(sqlite_db, target)

    assert path.parent == target and path.suffix == ".db"
    with sqlite3.connect(path) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT name_ru FROM partners").fetchall() == [("Могилёв",)]
    change_everything(services, key)

    backup.restore_database(sqlite_db, path)

    assert_as_backed_up(services, key)
    # the state before the restore was kept, next to the database
    before = list((sqlite_db.sqlite_path.parent / "backups").glob("*before-restore*"))  # type: ignore[union-attr]
    assert len(before) == 1
    with sqlite3.connect(before[0]) as kept:
        names = {r[0] for r in kept.execute("SELECT name_ru FROM partners")}
    assert names == {"Переименован", "Новый"}
    # writing goes on normally after the restore
    services.partners.create(Partner(name_ru="После", country_code="BY"))
    assert len(services.partners.all()) == 2


def test_two_backups_do_not_overwrite_each_other(sqlite_db: Database, tmp_path: Path) -> None:
    first = backup.backup_database(sqlite_db, tmp_path)
    second = backup.backup_database(sqlite_db, tmp_path)
    assert first != second and first.exists() and second.exists()


def test_restore_refuses_a_file_that_is_not_a_database(sqlite_db: Database, tmp_path: Path) -> None:
    services = Services.for_database(sqlite_db)
    services.partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    junk = tmp_path / "notes.db"
    junk.write_text("это не база данных, а просто текст " * 100, encoding="utf-8")
    with pytest.raises(backup.BackupError) as info:
        backup.restore_database(sqlite_db, junk)
    assert "not a database file" in str(info.value)
    assert str(junk) in str(info.value)
    assert [p.name_ru for p in services.partners.all()] == ["Могилёв"]


def test_restore_refuses_another_programs_database(sqlite_db: Database, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(backup.BackupError) as info:
        backup.restore_database(sqlite_db, other)
    assert "not a mumidesk backup" in str(info.value)
    assert migrate.state(sqlite_db).up_to_date


def test_restore_refuses_a_backup_of_a_newer_version(sqlite_db: Database, tmp_path: Path) -> None:
    services = Services.for_database(sqlite_db)
    services.partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    newer = backup.backup_database(sqlite_db, tmp_path)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    services.partners.create(Partner(name_ru="Гомель", country_code="BY"))
    with pytest.raises(backup.BackupError) as info:
        backup.restore_database(sqlite_db, newer)
    assert "9999" in str(info.value) and "newer" in str(info.value)
    # refused before anything was replaced: the current data and schema stay
    assert sorted(p.name_ru for p in services.partners.all()) == ["Гомель", "Могилёв"]
    assert migrate.state(sqlite_db).up_to_date


def test_restore_of_a_missing_file(sqlite_db: Database, tmp_path: Path) -> None:
    with pytest.raises(backup.BackupError) as info:
        backup.restore_database(sqlite_db, tmp_path / "nowhere.db")
    assert "not found" in str(info.value)


def test_an_in_memory_database_cannot_be_backed_up(tmp_path: Path) -> None:
    db = Database("sqlite://")
    try:
        with pytest.raises(backup.BackupError):
            backup.backup_database(db, tmp_path)
    finally:
        db.dispose()


# --- PostgreSQL: pg_dump / pg_restore ------------------------------------------------------


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A server database has no folder of its own: its backups go to the user's data folder."""
    folder = tmp_path / "data"
    monkeypatch.setattr(settings, "data_dir", lambda: folder)
    return folder


@pytest.fixture
def pg_copy_target(pg_server: PostgresServer) -> Iterator[str]:
    name = "r_" + uuid.uuid4().hex[:12]
    yield name
    admin = create_engine(pg_server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


def test_postgresql_round_trip(pg_db: Database, tmp_path: Path) -> None:
    services = Services.for_database(pg_db)
    key = services.partners.create(Partner(name_ru="Могилёв", country_code="BY")).id
    assert key is not None

    path = backup.backup_database(pg_db, tmp_path)

    assert path.suffix == ".dump" and path.stat().st_size > 0
    change_everything(services, key)
    backup.restore_database(pg_db, path)
    assert_as_backed_up(services, key)
    before = list((tmp_path / "data" / "backups").glob("*before-restore*.dump"))
    assert len(before) == 1


def test_postgresql_backup_restores_into_an_empty_database(
    pg_db: Database, pg_server: PostgresServer, pg_copy_target: str, tmp_path: Path
) -> None:
    services = Services.for_database(pg_db)
    key = services.partners.create(Partner(name_ru="Могилёв", country_code="BY")).id
    assert key is not None
    path = backup.backup_database(pg_db, tmp_path)
    admin = create_engine(pg_server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {pg_copy_target}"))
    admin.dispose()
    fresh = Database(pg_server.url(pg_copy_target), user="tester")
    try:
        backup.restore_database(fresh, path)
        assert migrate.state(fresh).up_to_date
        assert_as_backed_up(Services.for_database(fresh), key)
        with pytest.raises(NotFoundError):
            Services.for_database(fresh).partners.get(uuid.uuid4())
    finally:
        fresh.dispose()
