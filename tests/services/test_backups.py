"""Backups (issue 6, point 1): rotation over simulated months, every backup verified before it
gets its name, an interrupted write leaves no complete-looking file, a damaged or foreign file is
never restored, and what a restore replaces is kept. Each test names the measure it guards."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mumidesk.db import backup
from mumidesk.db.backup import BackupError
from mumidesk.db.engine import Database
from mumidesk.domain.partners import Partner
from mumidesk.services.backups import (
    BEFORE_RESTORE,
    BEFORE_UPGRADE,
    DAILY,
    MANUAL,
    WEEKLY,
    BackupPolicy,
    BackupService,
    plan_rotation,
)
from mumidesk.services.registry import Services

SIMULATED_DAYS = 60


class Clock:
    """The time the service sees; tests move it on."""

    def __init__(self, start: dt.datetime) -> None:
        self.value = start

    def __call__(self) -> dt.datetime:
        return self.value

    def advance(self, **delta: float) -> None:
        self.value += dt.timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock(dt.datetime(2024, 1, 1, 9, 30))


def service_for(db: Database, folder: Path, clock: Clock, **policy: int) -> BackupService:
    return BackupService(db, BackupPolicy(directory=folder, **policy), clock=clock)


def partner_names(db: Database) -> list[str]:
    return sorted(p.name_ru for p in Services.for_database(db).partners.all())


def damage(path: Path) -> None:
    """Overwrite the middle of the file, as a failing disk or a broken copy does."""
    data = bytearray(path.read_bytes())
    start = len(data) // 3
    data[start : start + len(data) // 3] = b"\xa5" * (len(data) // 3)
    path.write_bytes(bytes(data))


# --- rotation ------------------------------------------------------------------------------


def test_rotation_keeps_seven_daily_and_four_weekly_over_sixty_days(
    sqlite_db: Database, tmp_path: Path, clock: Clock
) -> None:
    # Guards the rotation: without it 60+ automatic backups pile up; manual ones must survive.
    service = service_for(sqlite_db, tmp_path / "share", clock)
    manual_days = {5, 33}
    for day in range(SIMULATED_DAYS):
        service.back_up_automatically()
        if day % 4 == 0:  # the window opened twice that day
            clock.advance(hours=3)
            service.back_up_automatically()
        if day in manual_days:
            service.back_up()
        clock.advance(days=1, hours=-3 if day % 4 == 0 else 0)

    entries = service.list()
    daily = [e for e in entries if e.role == DAILY]
    weekly = [e for e in entries if e.role == WEEKLY]
    assert (len(daily), len(weekly)) == (7, 4)
    assert len([e for e in entries if e.role == MANUAL]) == len(manual_days)
    assert len(entries) == 7 + 4 + len(manual_days)  # nothing else left
    last = clock.value.date() - dt.timedelta(days=1)
    assert [e.file.taken_at.date() for e in daily] == [
        last - dt.timedelta(days=n) for n in range(7)
    ]
    weeks = [e.file.taken_at.isocalendar()[:2] for e in weekly]
    assert len(set(weeks)) == 4
    assert all(e.file.taken_at.date() < daily[-1].file.taken_at.date() for e in weekly)
    # each weekly backup is the newest automatic one its week had
    assert [e.file.taken_at.weekday() for e in weekly][1:] == [6, 6, 6]
    assert all(e.file.verified for e in entries)
    assert sorted(p.name for p in service.directory.iterdir() if not p.name.startswith(".")) == (
        sorted(e.path.name for e in entries)
    )


def test_rotation_follows_changed_counts_and_never_removes_kept_kinds(
    sqlite_db: Database, tmp_path: Path, clock: Clock
) -> None:
    # Guards: the counts come from the policy; before-upgrade/restore backups are never rotated.
    folder = tmp_path / "b"
    for _day in range(20):
        service_for(sqlite_db, folder, clock).back_up_automatically()
        clock.advance(days=1)
    backup.backup_database(sqlite_db, folder, "before-upgrade-0003", now=clock.value)
    backup.backup_database(sqlite_db, folder, backup.BEFORE_RESTORE, now=clock.value)

    smaller = service_for(sqlite_db, folder, clock, keep_daily=2, keep_weekly=1)
    removed = smaller.rotate()

    roles = sorted(e.role for e in smaller.list())
    assert roles == sorted([DAILY, DAILY, WEEKLY, BEFORE_UPGRADE, BEFORE_RESTORE])
    # 20 days (from a Monday) held 7 daily + 2 weekly; now 2 + 1 of them are kept
    assert len(removed) == 9 - 3
    assert not any(p.exists() for p in removed)


def test_plan_with_no_weekly_and_zero_daily_still_keeps_the_newest(tmp_path: Path) -> None:
    # Guards MIN_KEEP_DAILY: the backup just written is never rotated away.
    now = dt.datetime(2024, 3, 1, 12)
    files = [
        backup.BackupFile(tmp_path / f"{n}.db", backup.AUTO, now - dt.timedelta(days=n), 1, True)
        for n in range(3)
    ]
    plan = plan_rotation(files, keep_daily=0, keep_weekly=0)
    assert [plan[f.path] for f in files] == [DAILY, "", ""]


# --- when an automatic backup is due -------------------------------------------------------


def test_automatic_backup_is_due_on_start_once_a_day_and_daily_while_open(
    sqlite_db: Database, tmp_path: Path, clock: Clock
) -> None:
    # Guards the scheduler's rule: on start when none today; while open when a day old.
    service = service_for(sqlite_db, tmp_path / "b", clock)
    assert service.is_due(on_start=True) and service.is_due()
    assert service.run_if_due(on_start=True) is not None
    assert service.run_if_due(on_start=True) is None  # a second start the same day
    clock.advance(hours=14)  # 23:30: still today, not yet a day old
    assert not service.is_due(on_start=True) and not service.is_due()
    clock.advance(hours=1)  # 00:30 next day: a new start backs up, an open window waits
    assert service.is_due(on_start=True) and not service.is_due()
    clock.advance(hours=9)
    assert service.is_due()
    service.back_up()  # a manual backup does not count as the automatic one
    assert service.is_due()

    off = BackupService(
        sqlite_db, BackupPolicy(directory=tmp_path / "c", automatic=False), clock=clock
    )
    assert not off.is_due(on_start=True) and off.run_if_due(on_start=True) is None


def test_policy_comes_from_the_settings(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Guards: the folder the user chose in the settings is where the backups go.
    from mumidesk.settings import Settings

    Settings(backup_dir=str(tmp_path / "сетевая папка"), keep_daily=3, keep_weekly=0).save()
    service = BackupService(sqlite_db)
    assert service.policy == BackupPolicy(tmp_path / "сетевая папка", 3, 0, True)
    made = service.back_up()
    assert made.path.parent == tmp_path / "сетевая папка"
    assert backup.default_backup_dir(sqlite_db) == tmp_path / "сетевая папка"


# --- writing safely ------------------------------------------------------------------------


def test_every_backup_is_verified_and_a_bad_copy_is_not_published(
    sqlite_db: Database, tmp_path: Path, clock: Clock
) -> None:
    # Guards verification on write: only a checked copy gets a backup's name.
    service = service_for(sqlite_db, tmp_path / "b", clock)
    Services.for_database(sqlite_db).partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    made = service.back_up()
    assert made.verified
    with sqlite3.connect(made.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one file
        assert conn.execute("SELECT name_ru FROM partners").fetchall() == [("Могилёв",)]

    foreign = tmp_path / "other" / "invoices.db"
    foreign.parent.mkdir()
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    other = Database("sqlite:///" + foreign.as_posix())
    try:
        with pytest.raises(BackupError, match="not a mumidesk backup"):
            backup.backup_database(other, tmp_path / "b")
    finally:
        other.dispose()
    assert [p.name for p in (tmp_path / "b").glob("invoices*")] == []


def test_a_backup_damaged_later_shows_as_unverified(
    sqlite_db: Database, tmp_path: Path, clock: Clock
) -> None:
    # Guards the "verified" column: it follows a later check, not only the first one.
    service = service_for(sqlite_db, tmp_path / "b", clock)
    made = service.back_up()
    damage(made.path)
    with pytest.raises(BackupError, match="not a mumidesk backup"):
        service.verify(made.path)
    assert [e.file.verified for e in service.list()] == [False]


def test_an_interrupted_backup_leaves_no_file_with_a_final_name(
    sqlite_db: Database, tmp_path: Path, clock: Clock
) -> None:
    # Guards temp-name-then-rename: a copy cut off in the middle never looks complete.
    folder = tmp_path / "share"
    assert sqlite_db.sqlite_path is not None
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from mumidesk.db.backup import backup_database\n"
        "from mumidesk.db.engine import Database\n"
        "def progress(remaining, total):\n"
        "    print('copying', flush=True)\n"
        "    time.sleep(60)\n"
        "db = Database('sqlite:///' + sys.argv[1])\n"
        "backup_database(db, Path(sys.argv[2]), 'auto', progress=progress)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, sqlite_db.sqlite_path.as_posix(), str(folder)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "copying"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    left = [p.name for p in folder.iterdir()]
    assert len(left) == 1 and left[0].endswith(".db.part")
    service = service_for(sqlite_db, folder, clock)
    assert service.list() == []
    # the unfinished copy is cleared by a later rotation, once it is surely abandoned
    clock.value = dt.datetime.now() + dt.timedelta(days=2)
    service.back_up_automatically()
    assert not any(p.name.endswith(".part") for p in folder.iterdir())


def test_an_exception_during_the_copy_removes_the_partial_file(
    sqlite_db: Database, tmp_path: Path
) -> None:
    # Guards the clean-up of the temporary file when the copy fails in-process.
    def fail(remaining: int, total: int) -> None:
        raise OSError("the network drive went away")

    with pytest.raises(BackupError, match="network drive went away"):
        backup.backup_database(sqlite_db, tmp_path / "b", progress=fail)
    assert list((tmp_path / "b").iterdir()) == []


def test_an_unreachable_folder_gives_a_clear_message(
    sqlite_db: Database, tmp_path: Path, clock: Clock
) -> None:
    # Guards the message for a share that is not connected (here: a path through a file).
    blocker = tmp_path / "Z"
    blocker.write_text("not a folder", encoding="utf-8")
    service = service_for(sqlite_db, blocker / "backups", clock)
    with pytest.raises(BackupError) as info:
        service.back_up_automatically()
    message = str(info.value)
    assert "backup folder" in message and str(blocker / "backups") in message
    assert "cannot be reached" in message


# --- restoring -----------------------------------------------------------------------------


def test_restore_refuses_a_damaged_backup_and_changes_nothing(
    sqlite_db: Database, tmp_path: Path, clock: Clock
) -> None:
    # Guards verify-before-restore: a damaged file never replaces the database.
    services = Services.for_database(sqlite_db)
    for n in range(300):  # enough pages that damage hits the records
        services.partners.create(Partner(name_ru=f"Партнёр {n}", country_code="BY"))
    service = service_for(sqlite_db, tmp_path / "b", clock)
    made = service.back_up()
    damaged = tmp_path / "damaged.db"
    shutil.copyfile(made.path, damaged)
    damage(damaged)
    damaged_bytes = damaged.read_bytes()
    services.partners.create(Partner(name_ru="Новый", country_code="DE"))
    before = partner_names(sqlite_db)

    with pytest.raises(BackupError) as info:
        service.restore(damaged)

    assert str(damaged) in str(info.value)
    assert partner_names(sqlite_db) == before
    assert damaged.read_bytes() == damaged_bytes  # only read
    assert [e.role for e in service.list()] == [MANUAL]  # nothing was replaced, nothing kept


def test_restore_keeps_the_database_it_replaces(
    sqlite_db: Database, tmp_path: Path, clock: Clock
) -> None:
    # Guards the "before-restore" backup: the replaced content stays restorable.
    services = Services.for_database(sqlite_db)
    services.partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    service = service_for(sqlite_db, tmp_path / "b", clock)
    made = service.back_up()
    services.partners.create(Partner(name_ru="Гомель", country_code="BY"))
    clock.advance(minutes=5)

    result = service.restore(made.path)

    assert partner_names(sqlite_db) == ["Могилёв"]
    assert result.kept.exists() and result.upgraded_from is None
    kept = [e for e in service.list() if e.role == BEFORE_RESTORE]
    assert [e.path for e in kept] == [result.kept] and kept[0].file.verified
    # and that one brings the replaced state back
    service.restore(result.kept)
    assert partner_names(sqlite_db) == ["Гомель", "Могилёв"]


def test_restore_refuses_a_server_dump_into_a_file_database(
    sqlite_db: Database, tmp_path: Path, clock: Clock
) -> None:
    # Guards the kind check: a file that fits the other kind of database is refused first.
    fake = tmp_path / "x.dump"
    fake.write_bytes(b"PGDMP" + bytes(100))
    with pytest.raises(BackupError, match="backup of a server database"):
        service_for(sqlite_db, tmp_path / "b", clock).restore(fake)


# --- both databases ------------------------------------------------------------------------


def test_rotation_and_restore_on_either_database(
    db: Database, tmp_path: Path, clock: Clock
) -> None:
    # Guards: the same rotation over .dump files (pg_dump) as over SQLite copies.
    services = Services.for_database(db)
    services.partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    service = service_for(db, tmp_path / "b", clock, keep_daily=2, keep_weekly=1)
    first = service.back_up()
    for _day in range(5):  # Monday to Friday: Fri, Thu daily; Wed weekly; Tue, Mon removed
        service.back_up_automatically()
        clock.advance(days=1)
    entries = service.list()
    suffix = ".db" if db.is_sqlite else ".dump"
    assert all(e.path.suffix == suffix and e.file.verified for e in entries)
    assert sorted(e.role for e in entries) == sorted([DAILY, DAILY, WEEKLY, MANUAL])

    services.partners.create(Partner(name_ru="Гомель", country_code="BY"))
    result = service.restore(first.path)
    assert partner_names(db) == ["Могилёв"]
    assert result.kept.suffix == suffix
    assert service.verify(result.kept)


def test_a_file_backup_is_refused_by_a_server_database(pg_db: Database, tmp_path: Path) -> None:
    # Guards the kind check on a server: a SQLite file is not pg_restore'd.
    sqlite_file = tmp_path / "copy.db"
    other = Database("sqlite:///" + sqlite_file.as_posix())
    from mumidesk.db import migrate

    migrate.prepare(other)
    other.dispose()
    Services.for_database(pg_db).partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    service = BackupService(pg_db, BackupPolicy(directory=tmp_path / "b"))
    with pytest.raises(BackupError, match="backup of a database file"):
        service.restore(sqlite_file)
    assert partner_names(pg_db) == ["Могилёв"]
