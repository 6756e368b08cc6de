"""`mumidesk db check` on a refused file: one line with the verdict and a hint; `mumidesk db
recover` puts the newest good backup in place and keeps the damaged file."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest

from mumidesk.cli import main
from mumidesk.db import backup
from mumidesk.db.engine import Database
from mumidesk.domain.partners import Partner
from mumidesk.services.registry import Services

PAGE = 4096


def run(db: Path, *args: str) -> int:
    return main(["--lang", "en", "--db", str(db), "db", *args])


@pytest.fixture
def work(sqlite_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "work" / "mumidesk.db"
    path.parent.mkdir()
    shutil.copyfile(sqlite_template, path)
    db = Database("sqlite:///" + path.as_posix(), user="tester")
    partners = Services.for_database(db).partners
    for number in range(60):
        partners.create(Partner(name_ru=f"Могилёв {number}", country_code="BY"))
    backup.backup_database(db, None, backup.AUTO, now=dt.datetime(2024, 6, 5, 9, 30))
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


def break_pages(path: Path) -> None:
    with path.open("r+b") as fh:
        fh.seek(path.stat().st_size // 2 // PAGE * PAGE)
        fh.write(b"\xde" * PAGE * 2)


def test_check_names_the_damage_and_the_backup(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    break_pages(work)
    before = hashlib.sha256(work.read_bytes()).hexdigest()
    assert run(work, "check") == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[0].startswith(f"error: The database {work} is damaged: SQLite found damaged")
    assert lines[-1].startswith(
        "`mumidesk db recover` restores the newest good backup, taken 6/5/24, 9:30"
    )
    assert "Traceback" not in captured.err
    assert hashlib.sha256(work.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in work.parent.iterdir()) == ["backups", "mumidesk.db"]


def test_check_without_a_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "mumidesk.db"
    empty.touch()
    assert run(empty, "check") == 1
    assert capsys.readouterr().err.splitlines() == [
        f"error: The database {empty} is damaged: the file is empty (0 bytes)",
        f"No good backup was found in {tmp_path / 'backups'}; open another file with --db",
    ]
    assert empty.stat().st_size == 0  # not turned into a new database


def test_recover(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    work.write_text("поверх базы записали текст", encoding="utf-8")
    assert run(work, "recover") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"Restored {work} from the backup taken 6/5/24, 9:30")
    kept = Path(out[1].removeprefix("The damaged file was kept as "))
    assert kept.parent == work.parent and kept.name.startswith("mumidesk.damaged-")
    assert kept.read_text(encoding="utf-8") == "поверх базы записали текст"
    assert out[2] == f"{work} is a sound mumidesk database"
    assert run(work, "check") == 0


def test_recover_refuses_a_sound_database(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(work, "recover") == 1
    assert "is a sound mumidesk database; nothing to recover" in capsys.readouterr().err


def test_recover_from_a_chosen_file_that_is_no_backup(
    work: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    work.touch()
    work.write_bytes(b"")
    notes = tmp_path / "notes.db"
    notes.write_text("не копия", encoding="utf-8")
    assert run(work, "recover", "--from", str(notes)) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and str(notes) in err
    assert work.stat().st_size == 0


def test_any_command_refuses_a_damaged_file_without_touching_it(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Guards the check in CliContext.db: without it the engine would open (and rewrite the
    # header of) the damaged file, and `stats` would end in a driver traceback.
    break_pages(work)
    before = hashlib.sha256(work.read_bytes()).hexdigest()
    assert main(["--lang", "en", "--db", str(work), "stats"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"error: The database {work} is damaged")
    assert err[-1].startswith("`mumidesk db recover` restores the newest good backup")
    assert hashlib.sha256(work.read_bytes()).hexdigest() == before


def test_an_empty_file_is_not_silently_made_a_new_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert main(["--lang", "en", "--db", str(empty), "stats"]) == 1
    assert empty.stat().st_size == 0
    assert "damaged" in capsys.readouterr().err
