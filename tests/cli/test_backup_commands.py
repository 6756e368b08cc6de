"""`mumidesk db backup [--to] [--auto]`, `db backups`, `db verify`, `db restore` verifying first
(issue 6, point 1). Each test names the measure it guards."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mumidesk.cli import main
from mumidesk.db.engine import Database
from mumidesk.domain.partners import Partner
from mumidesk.services.registry import Services
from mumidesk.settings import Settings


def run(db: Path, *args: str) -> int:
    return main(["--lang", "en", "--db", str(db), "db", *args])


def names(path: Path) -> list[str]:
    db = Database("sqlite:///" + path.as_posix(), user="tester")
    try:
        return sorted(p.name_ru for p in Services.for_database(db).partners.all())
    finally:
        db.dispose()


def add_partner(path: Path, name: str) -> None:
    db = Database("sqlite:///" + path.as_posix(), user="tester")
    try:
        Services.for_database(db).partners.create(Partner(name_ru=name, country_code="BY"))
    finally:
        db.dispose()


@pytest.fixture
def ready(sqlite_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "work" / "mumidesk.db"
    path.parent.mkdir()
    shutil.copyfile(sqlite_template, path)
    add_partner(path, "Могилёв")
    return path


def written(capsys: pytest.CaptureFixture[str]) -> Path:
    return Path(capsys.readouterr().out.strip().removeprefix("Backup written: "))


def test_backups_lists_kind_size_and_check(
    ready: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Guards `db backups`: every backup with its kind and whether it was verified.
    assert run(ready, "backups") == 0
    assert capsys.readouterr().out.strip().startswith("No backups in ")
    assert run(ready, "backup") == 0
    manual = written(capsys)
    assert run(ready, "backup", "--auto") == 0
    auto = written(capsys)

    assert run(ready, "backups") == 0

    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"Backups in {ready.parent / 'backups'}:"
    assert len(lines) == 3
    by_file = {line.split()[-1]: line for line in lines[1:]}
    assert " daily " in by_file[auto.name] and " manual " in by_file[manual.name]
    assert all(" verified " in line and " MB " in line for line in lines[1:])


def test_backup_goes_to_the_folder_of_the_settings(
    ready: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Guards the chosen folder: the command line writes where the window does.
    Settings(backup_dir=str(tmp_path / "сеть")).save()
    assert run(ready, "backup") == 0
    assert written(capsys).parent == tmp_path / "сеть"
    assert run(ready, "backup", "--to", str(tmp_path / "флешка")) == 0
    assert written(capsys).parent == tmp_path / "флешка"


def test_an_unreachable_folder_is_one_clear_line(
    ready: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Guards the message for a folder that cannot be reached.
    blocker = tmp_path / "Z"
    blocker.write_text("", encoding="utf-8")
    assert run(ready, "backup", "--to", str(blocker / "b")) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: the backup folder ") and "cannot be reached" in err
    assert err.count("\n") == 1


def test_verify_and_restore_refuse_a_damaged_backup(
    ready: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Guards `db restore` verifying first: a damaged file leaves the database as it was.
    assert run(ready, "backup", "--to", str(tmp_path / "b")) == 0
    good = written(capsys)
    assert run(ready, "verify", str(good)) == 0
    assert "is a sound backup (schema" in capsys.readouterr().out

    damaged = tmp_path / "damaged.db"
    data = bytearray(good.read_bytes())
    data[len(data) // 3 : 2 * len(data) // 3] = b"\xff" * (2 * len(data) // 3 - len(data) // 3)
    damaged.write_bytes(bytes(data))
    before = names(ready)

    assert run(ready, "verify", str(damaged)) == 1
    assert "error: " in capsys.readouterr().err
    assert run(ready, "restore", str(damaged)) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and str(damaged) in captured.err
    assert names(ready) == before
    assert not list((ready.parent / "backups").glob("*before-restore*"))


def test_restore_says_where_the_replaced_database_is(
    ready: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Guards the kept copy of the replaced database, and that the user is told about it.
    assert run(ready, "backup", "--to", str(tmp_path / "b")) == 0
    copy = written(capsys)
    add_partner(ready, "Гомель")
    assert run(ready, "restore", str(copy)) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == f"Restored from {copy}"
    kept = Path(captured.err.strip().removeprefix("The replaced database was kept as "))
    assert kept.exists() and "before-restore" in kept.name
    assert names(ready) == ["Могилёв"]
    assert names(kept) == ["Гомель", "Могилёв"]
