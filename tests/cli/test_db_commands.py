"""`mumidesk db upgrade|check|backup|restore`: exit codes and what they print."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest

from mumidesk.cli import main
from mumidesk.db import migrate
from mumidesk.db.engine import Database
from mumidesk.domain.partners import Partner
from mumidesk.services.registry import Services

HEAD = migrate.head_revision()


def run(db: Path | str, *args: str) -> int:
    """The command line with the global options before the command, as people type it."""
    return main(["--lang", "en", "--db", str(db), "db", *args])


def partner_names(path: Path) -> list[str]:
    db = Database("sqlite:///" + path.as_posix(), user="tester")
    try:
        return [p.name_ru for p in Services.for_database(db).partners.all()]
    finally:
        db.dispose()


@pytest.fixture
def ready(sqlite_template: Path, tmp_path: Path) -> Path:
    """A database file at the current schema holding one partner."""
    path = tmp_path / "work" / "mumidesk.db"
    path.parent.mkdir()
    shutil.copyfile(sqlite_template, path)
    db = Database("sqlite:///" + path.as_posix(), user="tester")
    Services.for_database(db).partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    db.dispose()
    return path


@pytest.fixture
def old(tmp_path: Path) -> Path:
    """A database the first release wrote."""
    path = tmp_path / "old" / "mumidesk.db"
    db = Database("sqlite:///" + path.as_posix())
    migrate.upgrade(db, "0001")
    db.dispose()
    return path


def test_upgrade_creates_a_new_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "new" / "mumidesk.db"
    assert run(path, "upgrade") == 0
    assert capsys.readouterr().out.strip() == f"Created a new database at schema {HEAD}"
    assert path.exists()
    assert run(path, "upgrade") == 0
    assert capsys.readouterr().out.strip() == f"The database is up to date (schema {HEAD})"


def test_upgrade_backs_up_an_older_database(old: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(old, "upgrade") == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith(f"Upgraded from 0001 to {HEAD}; backup: ")
    copy = Path(out.split("backup: ", 1)[1])
    assert copy.exists() and copy.parent == old.parent / "backups"
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)


def test_upgrade_refuses_a_newer_database(ready: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with sqlite3.connect(ready) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    assert run(ready, "upgrade") == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: ")
    assert "9999" in captured.err and "newer" in captured.err


def test_check_a_healthy_database(ready: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(ready, "check") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"Database: sqlite:///{ready.as_posix()}",
        f"Schema: {HEAD} (this application: {HEAD})",
        "Integrity: ok",
        "Journal mode: wal",
    ]


def test_check_an_older_database_asks_for_an_upgrade(
    old: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(old, "check") == 1
    out = capsys.readouterr().out
    assert f"Schema: 0001 (this application: {HEAD})" in out
    assert "Run `mumidesk db upgrade`" in out
    with sqlite3.connect(old) as conn:  # check only looks, it does not upgrade
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)


def test_check_finds_broken_references(ready: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with sqlite3.connect(ready) as conn:  # written behind the application's back, keys off
        conn.execute(
            "INSERT INTO partnerships (id, municipality_id, partner_id, kind, status, notes,"
            " created_at, created_by, updated_at, updated_by, version) VALUES"
            " (?, ?, ?, 'twin', 'active', '', '2020-01-01', '', '2020-01-01', '', 1)",
            (uuid.uuid4().hex, uuid.uuid4().hex, uuid.uuid4().hex),
        )
    assert run(ready, "check") == 1
    out = capsys.readouterr().out
    assert "Integrity: ok" in out
    assert "Broken references: 2" in out  # the municipality and the partner


def test_check_a_file_that_is_not_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("протокол совещания " * 200, encoding="utf-8")
    assert run(notes, "check") == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "is not a database file" in err
    assert run(notes, "upgrade") == 1


def test_check_a_server_database(pg_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    url = pg_db.url.render_as_string(hide_password=False)  # a migrated throwaway database
    assert main(["--lang", "en", "--db", url, "db", "check"]) == 0
    out = capsys.readouterr().out
    assert f"Schema: {HEAD} (this application: {HEAD})" in out
    assert "Integrity" not in out  # SQLite's own checks only


def test_backup_to_a_folder(
    ready: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "копии"
    assert run(ready, "backup", "-o", str(target)) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("Backup written: ")
    copy = Path(out.removeprefix("Backup written: "))
    assert copy.parent == target and copy.exists()
    assert partner_names(copy) == ["Могилёв"]


def test_backup_next_to_the_database_by_default(
    ready: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(ready, "backup") == 0
    copy = Path(capsys.readouterr().out.strip().removeprefix("Backup written: "))
    assert copy.parent == ready.parent / "backups"


def test_backup_and_restore_round_trip(
    ready: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(ready, "backup", "--output-dir", str(tmp_path / "b")) == 0
    copy = Path(capsys.readouterr().out.strip().removeprefix("Backup written: "))
    db = Database("sqlite:///" + ready.as_posix(), user="tester")
    Services.for_database(db).partners.create(Partner(name_ru="Лишний", country_code="DE"))
    db.dispose()
    assert sorted(partner_names(ready)) == ["Лишний", "Могилёв"]

    assert run(ready, "restore", str(copy)) == 0

    assert capsys.readouterr().out.strip() == f"Restored from {copy}"
    assert partner_names(ready) == ["Могилёв"]


def test_restore_an_older_backup_upgrades_it(
    ready: Path, old: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(ready, "restore", str(old)) == 0
    assert capsys.readouterr().out.strip() == f"Restored from {old}"
    with sqlite3.connect(ready) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
    assert partner_names(ready) == []  # the old backup held no partners


def test_restore_refuses_what_is_not_a_backup(
    ready: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "photo.jpg"
    junk.write_bytes(b"\xff\xd8\xff\xe0" + bytes(4000))
    assert run(ready, "restore", str(junk)) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: ") and "not a database file" in captured.err
    assert run(ready, "restore", str(tmp_path / "missing.db")) == 1
    assert "not found" in capsys.readouterr().err
    assert partner_names(ready) == ["Могилёв"]  # untouched


def test_a_db_action_is_required(ready: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        run(ready)
    assert info.value.code == 2
    assert "required" in capsys.readouterr().err
