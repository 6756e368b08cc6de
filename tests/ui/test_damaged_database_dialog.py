"""The dialog shown instead of a damaged database (issue 6, point 2): it names the file and the
reason, offers the newest good backup with its date, restores it keeping the damaged file, opens
another file or quits — and never lets an error escape as a traceback."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from mumidesk.db import backup
from mumidesk.db.engine import Database
from mumidesk.domain.partners import Partner
from mumidesk.services.recovery import Status, check_on_open, good_backup_for
from mumidesk.services.registry import Services
from mumidesk.settings import to_url
from mumidesk.ui.dialogs.damaged_database_dialog import (
    Choice,
    DamagedDatabaseDialog,
    resolve_database,
)

PAGE = 4096
TAKEN = dt.datetime(2024, 6, 5, 9, 30)


@pytest.fixture
def damaged(sqlite_template: Path, tmp_path: Path) -> Path:
    """A database whose backup holds "Могилёв"; then the file got text written over it."""
    path = tmp_path / "work" / "mumidesk.db"
    path.parent.mkdir()
    shutil.copyfile(sqlite_template, path)
    db = Database(to_url(str(path)), user="tester")
    Services.for_database(db).partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    backup.backup_database(db, None, backup.AUTO, now=TAKEN)
    db.dispose()
    path.write_text("поверх базы записали текст", encoding="utf-8")
    return path


def dialog_for(qtbot: QtBot, path: Path) -> DamagedDatabaseDialog:
    verdict = check_on_open(to_url(str(path)))
    dialog = DamagedDatabaseDialog(verdict, good_backup_for(verdict))
    qtbot.addWidget(dialog)
    return dialog


def partner_names(path: Path) -> list[str]:
    db = Database(to_url(str(path)))
    try:
        return [p.name_ru for p in Services.for_database(db).partners.all()]
    finally:
        db.dispose()


def test_the_dialog_offers_the_newest_good_backup(qtbot: QtBot, damaged: Path) -> None:
    dialog = dialog_for(qtbot, damaged)
    assert dialog.path_label.text() == str(damaged)
    assert dialog.reason_label.text() == (
        "Reason: it is not a database file (a document or some other kind of file)"
    )
    assert dialog.restore_button.isVisibleTo(dialog)
    assert dialog.restore_button.text() == (
        "Restore the newest good backup from 5 June 2024, 09:30"
    )


def test_restore_keeps_the_damaged_file(qtbot: QtBot, damaged: Path) -> None:
    dialog = dialog_for(qtbot, damaged)
    QTest.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is Choice.RESTORED and dialog.result() == dialog.DialogCode.Accepted
    assert dialog.recovery is not None and dialog.recovery.damaged_copy is not None
    assert dialog.recovery.damaged_copy.read_text(encoding="utf-8") == (
        "поверх базы записали текст"
    )
    assert check_on_open(to_url(str(damaged))).status is Status.OK
    assert partner_names(damaged) == ["Могилёв"]


def test_a_failed_restore_is_said_in_the_dialog(qtbot: QtBot, damaged: Path) -> None:
    """Guards the catch-all around the restore: a backup spoilt after it was offered (a share
    gone, a file overwritten) gives a red line, not a traceback, and changes nothing."""
    dialog = dialog_for(qtbot, damaged)
    assert dialog.backup is not None
    dialog.backup.path.write_bytes(b"")
    before = hashlib.sha256(damaged.read_bytes()).hexdigest()
    QTest.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is Choice.NONE and dialog.recovery is None
    assert dialog.error_label.text().startswith("The backup could not be restored: ")
    assert not dialog.error_label.isHidden()
    assert hashlib.sha256(damaged.read_bytes()).hexdigest() == before


def test_without_a_backup_only_another_file_or_quit(qtbot: QtBot, tmp_path: Path) -> None:
    empty = tmp_path / "mumidesk.db"
    empty.touch()
    dialog = dialog_for(qtbot, empty)
    assert dialog.backup is None and not dialog.restore_button.isVisibleTo(dialog)
    assert dialog.advice_label.text().startswith("No good backup of this database was found")
    QTest.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is Choice.QUIT and dialog.result() == dialog.DialogCode.Rejected


def test_resolve_restores_and_then_opens(qtbot: QtBot, damaged: Path) -> None:
    told: list[str] = []

    def click_restore(dialog: DamagedDatabaseDialog) -> Choice:
        qtbot.addWidget(dialog)
        dialog.restore()
        return dialog.choice

    url = to_url(str(damaged))
    result = resolve_database(
        url, ask=click_restore, inform=lambda _parent, _title, text: told.append(text)
    )
    assert result == url
    assert told[0].startswith("The database was restored from the backup taken 5 June 2024")
    assert "mumidesk.damaged-" in told[0]


def test_resolve_opens_another_file_or_quits(
    qtbot: QtBot, damaged: Path, sqlite_template: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    shutil.copyfile(sqlite_template, other)
    asked: list[Status] = []

    def choose(choice: Choice) -> Callable[[DamagedDatabaseDialog], Choice]:
        def ask(dialog: DamagedDatabaseDialog) -> Choice:
            qtbot.addWidget(dialog)
            asked.append(dialog.verdict.status)
            return choice

        return ask

    result = resolve_database(
        to_url(str(damaged)), ask=choose(Choice.OPEN_OTHER), choose_file=lambda _p: str(other)
    )
    assert result == to_url(str(other)) and asked == [Status.NOT_OURS]
    assert resolve_database(to_url(str(damaged)), ask=choose(Choice.QUIT)) is None
    assert damaged.read_text(encoding="utf-8") == "поверх базы записали текст"  # untouched
