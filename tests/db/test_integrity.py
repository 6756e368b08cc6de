"""The check on open (issue 6, point 2): a sound file passes; a damaged file, a text file, an
empty file and another application's SQLite file are each refused with their own reason — and
the check never changes a byte of what it looks at."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from mumidesk.db import integrity
from mumidesk.db.engine import Database
from mumidesk.db.integrity import Status, check_file, check_on_open
from mumidesk.domain.partners import Partner
from mumidesk.services.registry import Services

PAGE = 4096


def url(path: Path) -> str:
    return "sqlite:///" + path.as_posix()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def good(sqlite_template: Path, tmp_path: Path) -> Path:
    """A mumidesk database with a few hundred partners, checkpointed into one file."""
    path = tmp_path / "good" / "mumidesk.db"
    path.parent.mkdir()
    shutil.copyfile(sqlite_template, path)
    db = Database(url(path), user="tester")
    partners = Services.for_database(db).partners
    for number in range(150):
        partners.create(Partner(name_ru=f"Город-побратим №{number}", country_code="BY"))
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


def damage(source: Path, target: Path, pages: int = 2) -> Path:
    """A copy with whole pages in the middle overwritten, as a failing disk or a broken copy
    over the network leaves it."""
    shutil.copyfile(source, target)
    size = target.stat().st_size
    with target.open("r+b") as fh:
        fh.seek(size // 2 // PAGE * PAGE)
        fh.write(b"\xde\xad\xbe\xef" * (PAGE * pages // 4))
    return target


def test_a_sound_database_passes(good: Path) -> None:
    verdict = check_on_open(url(good))
    assert verdict.status is Status.OK and verdict.ok and not verdict.recoverable
    assert check_file(good, thorough=True).status is Status.OK


def test_a_missing_file_or_an_empty_sqlite_file_is_a_new_database(tmp_path: Path) -> None:
    assert check_on_open(url(tmp_path / "none" / "mumidesk.db")).status is Status.NEW
    blank = tmp_path / "blank.db"
    sqlite3.connect(blank).execute("PRAGMA user_version = 1").connection.close()
    verdict = check_file(blank)
    assert verdict.status is Status.NEW and verdict.ok


def test_a_server_database_is_left_to_the_server() -> None:
    verdict = check_on_open("postgresql+psycopg://clerk@server/mumidesk")
    assert verdict.status is Status.SERVER and verdict.ok


# Guards the check itself: without it each of these files reaches the engine, which either
# fails with a traceback deep in the migration code or (the empty file) quietly makes a new,
# empty database where the department's data was.
def test_pages_overwritten_in_the_middle(good: Path, tmp_path: Path) -> None:
    broken = damage(good, tmp_path / "mumidesk.db")
    before = digest(broken)
    verdict = check_on_open(url(broken))
    assert verdict.status is Status.DAMAGED and not verdict.ok and verdict.recoverable
    assert verdict.line().startswith(f"The database {broken} is damaged: ")
    assert "\n" not in verdict.line()
    assert digest(broken) == before  # the check only read it


def test_a_damaged_file_is_never_written_to(good: Path, tmp_path: Path) -> None:
    """Through the engine the file would get its journal mode switched to WAL (its header
    rewritten, -wal and -shm files beside it). Guards the check's own read-only connection."""
    (tmp_path / "alone").mkdir()
    broken = damage(good, tmp_path / "alone" / "mumidesk.db", pages=1)
    with sqlite3.connect(broken) as conn:  # make it a rollback-journal file, as a copy may be
        conn.execute("PRAGMA journal_mode=DELETE")
    before = digest(broken)
    for thorough in (False, True):
        check_file(broken, thorough=thorough)
    assert digest(broken) == before
    assert sorted(p.name for p in broken.parent.iterdir()) == ["mumidesk.db"]


def test_a_broken_header(good: Path, tmp_path: Path) -> None:
    broken = tmp_path / "mumidesk.db"
    shutil.copyfile(good, broken)
    with broken.open("r+b") as fh:
        fh.seek(20)
        fh.write(b"\xff" * 80)  # the page-size and format bytes after the magic string
    verdict = check_file(broken)
    assert verdict.status is Status.DAMAGED
    assert "cannot read it" in verdict.reason


def test_a_text_file(tmp_path: Path) -> None:
    notes = tmp_path / "mumidesk.db"
    notes.write_text("Протокол совещания по побратимским связям\n" * 50, encoding="utf-8")
    verdict = check_on_open(url(notes))
    assert verdict.status is Status.NOT_OURS and verdict.recoverable
    assert verdict.line() == (
        f"{notes} is not a mumidesk database: it is not a database file "
        "(a document or some other kind of file)"
    )


def test_a_zero_length_file(tmp_path: Path) -> None:
    empty = tmp_path / "mumidesk.db"
    empty.touch()
    verdict = check_on_open(url(empty))
    assert verdict.status is Status.DAMAGED and verdict.reason == "the file is empty (0 bytes)"
    assert empty.stat().st_size == 0


def test_another_applications_sqlite_file(tmp_path: Path) -> None:
    other = tmp_path / "places.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        conn.execute("CREATE TABLE moz_bookmarks (id INTEGER PRIMARY KEY, title TEXT)")
    conn.close()
    verdict = check_file(other)
    assert verdict.status is Status.NOT_OURS
    assert verdict.reason == (
        "it holds the tables of another application (moz_bookmarks, moz_places)"
    )


def test_our_tables_without_a_schema_version(good: Path, tmp_path: Path) -> None:
    copy = tmp_path / "mumidesk.db"
    shutil.copyfile(good, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("DROP TABLE alembic_version")
    conn.close()
    verdict = check_file(copy)
    assert verdict.status is Status.DAMAGED
    assert verdict.reason == "the record of its schema version is missing"


def test_a_folder_is_unreadable_not_damaged(tmp_path: Path) -> None:
    folder = tmp_path / "mumidesk.db"
    folder.mkdir()
    verdict = check_file(folder)
    assert verdict.status is Status.UNREADABLE and not verdict.recoverable


def test_a_locked_file_is_not_called_damaged(
    good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer holding the file (another instance in the middle of a restore) must not make
    the window offer to replace a sound database by a backup."""
    monkeypatch.setattr(integrity, "BUSY_WAIT", 0.05)
    locked = tmp_path / "mumidesk.db"
    shutil.copyfile(good, locked)
    with sqlite3.connect(locked) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    holder = sqlite3.connect(locked, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        verdict = check_file(locked)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert verdict.status is Status.UNREADABLE and not verdict.recoverable
    assert "locked" in verdict.reason
    assert check_file(locked).status is Status.OK
