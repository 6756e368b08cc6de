"""Recovery after a refused file (issue 6, point 2): the newest backup that passes the integrity
check is found (a newer damaged one is passed over), put in place, and the damaged file is kept
under a new name — never overwritten, never deleted."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from mumidesk.db import backup
from mumidesk.db.engine import Database
from mumidesk.domain.partners import Partner
from mumidesk.services.recovery import (
    RecoveryError,
    Status,
    backup_folders,
    check_file,
    find_good_backup,
    recover,
)
from mumidesk.services.registry import Services
from mumidesk.settings import Settings

PAGE = 4096
NOON = dt.datetime(2024, 6, 5, 12, 0, 0)


def url(path: Path) -> str:
    return "sqlite:///" + path.as_posix()


def names(path: Path) -> list[str]:
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
        rows = conn.execute("SELECT name_ru FROM partners ORDER BY name_ru").fetchall()
    conn.close()
    return [row[0] for row in rows]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_partner(path: Path, *names: str) -> None:
    db = Database(url(path), user="tester")
    partners = Services.for_database(db).partners
    for name in names:
        partners.create(Partner(name_ru=name, country_code="BY"))
    db.dispose()


def take_backup(path: Path, folder: Path, when: dt.datetime) -> Path:
    db = Database(url(path), user="tester")
    try:
        return backup.backup_database(db, folder, backup.AUTO, now=when)
    finally:
        db.dispose()


def break_pages(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(size // 2 // PAGE * PAGE)
        fh.write(b"\xde" * PAGE * 2)


@pytest.fixture
def work(sqlite_template: Path, tmp_path: Path) -> Path:
    """mumidesk.db with a daily backup holding "Могилёв" and a newer one holding "Брест" too;
    later work ("Гродно") is only in the database itself."""
    path = tmp_path / "work" / "mumidesk.db"
    path.parent.mkdir()
    shutil.copyfile(sqlite_template, path)
    folder = backup_folders(path)[0]
    add_partner(path, "Могилёв")
    take_backup(path, folder, NOON - dt.timedelta(days=1))
    # enough pages for damage in the middle to hit data
    add_partner(path, *(f"Брест {number:02d}" for number in range(60)))
    take_backup(path, folder, NOON)
    add_partner(path, "Гродно")
    db = Database(url(path))
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


def test_the_newest_good_backup_is_found(work: Path) -> None:
    found = find_good_backup(work)
    assert found is not None and found.taken_at == NOON
    assert "Брест 00" in names(found.path)


def test_a_damaged_newer_backup_is_passed_over(work: Path) -> None:
    newest = find_good_backup(work)
    assert newest is not None
    break_pages(newest.path)
    found = find_good_backup(work)
    assert found is not None and found.taken_at == NOON - dt.timedelta(days=1)
    assert names(found.path) == ["Могилёв"]


def test_other_files_in_the_folder_are_not_backups(work: Path) -> None:
    folder = backup_folders(work)[0]
    for stray in (
        "mumidesk-auto-20990101-000000-000000.db.part",
        "other-auto-20990101-000000-000000.db",
    ):
        shutil.copyfile(work, folder / stray)
    (folder / "mumidesk-notes.txt").write_text("не копия", encoding="utf-8")
    found = find_good_backup(work)
    assert found is not None and found.taken_at == NOON


def test_the_folder_from_the_settings_is_searched_first(work: Path, tmp_path: Path) -> None:
    share = tmp_path / "share"
    Settings(backup_dir=str(share)).save()
    assert backup_folders(work) == [share, work.parent / "backups"]
    take_backup(work, share, NOON + dt.timedelta(hours=1))
    found = find_good_backup(work)
    assert found is not None and found.path.parent == share
    assert "Гродно" in names(found.path)


def test_recover_keeps_the_damaged_file_and_restores_the_backup(work: Path) -> None:
    break_pages(work)
    damaged_bytes = digest(work)
    assert check_file(work).status is Status.DAMAGED

    done = recover(work, now=NOON)

    assert done.restored_from.taken_at == NOON
    kept = work.with_name("mumidesk.damaged-20240605-120000.db")
    assert done.damaged_copy == kept and digest(kept) == damaged_bytes  # never written to
    assert check_file(work, thorough=True).status is Status.OK
    assert "Брест 59" in names(work) and "Гродно" not in names(work)
    assert not work.with_name("mumidesk.db.restoring").exists()
    # and it opens as a database again
    add_partner(work, "Гродно")
    assert "Гродно" in names(work)


def test_a_second_recovery_does_not_overwrite_the_first_damaged_copy(work: Path) -> None:
    break_pages(work)
    first = recover(work, now=NOON).damaged_copy
    work.write_text("испорчено ещё раз", encoding="utf-8")
    second = recover(work, now=NOON).damaged_copy
    assert first is not None and second is not None and first != second
    assert first.exists() and second.read_text(encoding="utf-8") == "испорчено ещё раз"


def test_the_write_ahead_log_of_the_damaged_file_goes_with_it(work: Path) -> None:
    """Guards moving -wal/-shm aside: a log left beside the restored copy is replayed into it
    by the next connection, mixing pages of the damaged file into the backup."""
    db = Database(url(work))
    with db.engine.connect() as conn:  # a log with commits not yet copied into the file
        conn.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
        conn.commit()
    Services.for_database(db).partners.create(Partner(name_ru="Лида", country_code="BY"))
    wal = Path(str(work) + "-wal")
    raw = wal.read_bytes()
    db.dispose()
    wal.write_bytes(raw)  # as a crash leaves it (closing checkpointed and removed it)
    work.write_bytes(b"")  # and the file itself lost

    done = recover(work, now=NOON)

    assert done.damaged_copy is not None
    assert Path(str(done.damaged_copy) + "-wal").read_bytes() == raw
    assert not wal.exists()
    assert check_file(work, thorough=True).status is Status.OK
    assert "Лида" not in names(work) and "Брест 00" in names(work)


def test_a_sound_database_is_not_recovered(work: Path) -> None:
    before = digest(work)
    with pytest.raises(RecoveryError, match="is a sound mumidesk database"):
        recover(work)
    assert digest(work) == before
    assert list(work.parent.glob("*.damaged-*")) == []


def test_no_good_backup_changes_nothing(work: Path) -> None:
    for found in backup_folders(work)[0].glob("*.db"):
        break_pages(found)
    work.write_text("не база", encoding="utf-8")
    with pytest.raises(RecoveryError, match=r"no good backup of .* was found in"):
        recover(work)
    assert work.read_text(encoding="utf-8") == "не база"
    assert list(work.parent.glob("*.damaged-*")) == []


def test_a_chosen_backup_that_is_not_one_is_refused(work: Path, tmp_path: Path) -> None:
    work.write_bytes(b"")
    junk = tmp_path / "photo.db"
    junk.write_bytes(b"\xff\xd8\xff\xe0" + bytes(4000))
    with pytest.raises(RecoveryError, match="not a"):
        recover(work, junk)
    assert work.exists() and work.stat().st_size == 0
    assert list(work.parent.glob("*.damaged-*")) == []


def test_a_missing_database_file_is_recovered_too(work: Path) -> None:
    work.unlink()
    done = recover(work)
    assert done.damaged_copy is None
    assert "Брест 00" in names(work)
