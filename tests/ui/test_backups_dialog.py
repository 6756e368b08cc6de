"""File → Backups…, the backup part of the settings and the automatic backup while the window is
open, driven through their widgets on real SQLite files (issue 6, point 1). Each test names the
measure it guards."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from mumidesk.db.engine import Database
from mumidesk.domain.partners import Partner
from mumidesk.services.backups import BEFORE_RESTORE, MANUAL, BackupPolicy, BackupService
from mumidesk.services.registry import Services
from mumidesk.settings import Settings
from mumidesk.ui.backup_scheduler import BackupScheduler
from mumidesk.ui.dialogs.backups_dialog import CHECK_MARK, COL_KIND, COL_VERIFIED, BackupsDialog
from mumidesk.ui.dialogs.settings_dialog import SettingsDialog
from tests.ui.typing_helper import type_text


class Desktop:
    """Stands in for the questions, the messages, the file chooser and the file manager."""

    def __init__(self) -> None:
        self.answer = True
        self.asked: list[str] = []
        self.told: list[str] = []
        self.to_choose: Path | None = None
        self.opened: list[Path] = []

    def ask(self, _parent: object, _title: str, question: str) -> bool:
        self.asked.append(question)
        return self.answer

    def inform(self, _parent: object, _title: str, message: str) -> None:
        self.told.append(message)

    def choose_file(self, _parent: object, _folder: Path) -> Path | None:
        return self.to_choose

    def open_folder(self, folder: Path) -> bool:
        self.opened.append(folder)
        return True


class Clock:
    def __init__(self) -> None:
        self.value = dt.datetime(2024, 6, 3, 9, 0)

    def __call__(self) -> dt.datetime:
        return self.value


@pytest.fixture
def desktop() -> Desktop:
    return Desktop()


@pytest.fixture
def service(services: Services, tmp_path: Path) -> BackupService:
    services.partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    return BackupService(services.db, BackupPolicy(directory=tmp_path / "копии"))


def open_dialog(qtbot: QtBot, service: BackupService, desktop: Desktop) -> BackupsDialog:
    dialog = BackupsDialog(
        service,
        ask=desktop.ask,
        inform=desktop.inform,
        choose_file=desktop.choose_file,
        open_folder=desktop.open_folder,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click(button: QPushButton) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def back_up_now(qtbot: QtBot, dialog: BackupsDialog) -> None:
    with qtbot.waitSignal(dialog.worker.busy_changed, check_params_cb=lambda busy: not busy):
        click(dialog.backup_button)


def names(db: Database) -> list[str]:
    return sorted(p.name_ru for p in Services.for_database(db).partners.all())


def test_back_up_now_lists_a_verified_manual_backup(
    qtbot: QtBot, service: BackupService, desktop: Desktop
) -> None:
    # Guards "Back up now" and the listing (kind, verified) in the window.
    dialog = open_dialog(qtbot, service, desktop)
    assert dialog.table.rowCount() == 0
    assert dialog.folder_label.text() == str(service.directory)
    assert not dialog.restore_button.isEnabled()

    back_up_now(qtbot, dialog)

    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, COL_KIND).text() == "manual"
    assert dialog.table.item(0, COL_VERIFIED).text() == CHECK_MARK
    assert dialog.selected() is not None and dialog.restore_button.isEnabled()
    assert "Backup written and verified" in dialog.status.text()
    assert [e.role for e in service.list()] == [MANUAL]
    assert desktop.told == []


def test_restore_selected_keeps_the_replaced_database_and_asks_for_a_reopen(
    qtbot: QtBot, service: BackupService, desktop: Desktop
) -> None:
    # Guards the restore flow: asked, verified, replaced content kept, caller told to reopen.
    made = service.back_up()
    Services.for_database(service.db).partners.create(Partner(name_ru="Гомель", country_code="BY"))
    dialog = open_dialog(qtbot, service, desktop)
    dialog.table.selectRow(0)

    click(dialog.restore_button)

    assert len(desktop.asked) == 1 and made.path.name in desktop.asked[0]
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert dialog.restored is not None and dialog.restored.source == made.path
    assert names(service.db) == ["Могилёв"]
    kept = [e for e in service.list() if e.role == BEFORE_RESTORE]
    assert len(kept) == 1 and kept[0].file.verified


def test_restore_cancelled_at_the_question_changes_nothing(
    qtbot: QtBot, service: BackupService, desktop: Desktop
) -> None:
    # Guards the question: no answer, no restore.
    service.back_up()
    Services.for_database(service.db).partners.create(Partner(name_ru="Гомель", country_code="BY"))
    desktop.answer = False
    dialog = open_dialog(qtbot, service, desktop)
    dialog.table.selectRow(0)
    click(dialog.restore_button)
    assert dialog.isVisible() and dialog.restored is None
    assert names(service.db) == ["Гомель", "Могилёв"]
    assert [e.role for e in service.list()] == [MANUAL]


def test_a_damaged_file_is_refused_before_any_question(
    qtbot: QtBot, service: BackupService, desktop: Desktop, tmp_path: Path
) -> None:
    # Guards verify-before-restore in the window: a damaged file is named and refused.
    good = service.back_up()
    damaged = tmp_path / "с флешки.db"
    shutil.copyfile(good.path, damaged)
    data = bytearray(damaged.read_bytes())
    data[len(data) // 3 : 2 * len(data) // 3] = b"\x00" * (2 * len(data) // 3 - len(data) // 3)
    damaged.write_bytes(bytes(data))
    Services.for_database(service.db).partners.create(Partner(name_ru="Гомель", country_code="BY"))
    desktop.to_choose = damaged
    dialog = open_dialog(qtbot, service, desktop)

    click(dialog.restore_file_button)

    assert desktop.asked == []
    assert len(desktop.told) == 1 and str(damaged) in desktop.told[0]
    assert dialog.isVisible() and dialog.restored is None
    assert names(service.db) == ["Гомель", "Могилёв"]


def test_an_unreachable_folder_is_reported_not_raised(
    qtbot: QtBot, services: Services, desktop: Desktop, tmp_path: Path
) -> None:
    # Guards the clear message for a network folder that is not there.
    blocker = tmp_path / "Z"
    blocker.write_text("", encoding="utf-8")
    service = BackupService(services.db, BackupPolicy(directory=blocker / "backups"))
    dialog = open_dialog(qtbot, service, desktop)
    back_up_now(qtbot, dialog)
    assert len(desktop.told) == 1 and "cannot be reached" in desktop.told[0]
    click(dialog.open_button)
    assert desktop.opened == [] and "cannot be reached" in desktop.told[1]


def test_open_folder_creates_and_opens_it(
    qtbot: QtBot, service: BackupService, desktop: Desktop
) -> None:
    # Guards "Open folder" on a folder that does not exist yet.
    dialog = open_dialog(qtbot, service, desktop)
    click(dialog.open_button)
    assert desktop.opened == [service.directory] and service.directory.is_dir()


# --- settings ------------------------------------------------------------------------------


def test_backup_settings_are_saved_from_the_dialog(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    # Guards the "Backups" group of the settings: folder (Browse…), counts, automatic on/off.
    share = tmp_path / "общая папка"
    dialog = SettingsDialog(services, choose_folder=lambda _parent, _current: str(share))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.backup_dir_edit.placeholderText().endswith("backups")
    click(dialog.backup_browse_button)
    assert dialog.backup_dir_edit.text() == str(share)
    dialog.keep_daily_spin.setValue(10)
    dialog.keep_weekly_spin.setValue(8)
    dialog.auto_backup_check.setChecked(False)
    assert not dialog.keep_daily_spin.isEnabled()
    click(dialog.buttons.button(QDialogButtonBox.StandardButton.Save))

    saved = Settings.load()
    assert (saved.backup_dir, saved.keep_daily, saved.keep_weekly, saved.auto_backup) == (
        str(share),
        10,
        8,
        False,
    )
    assert BackupService(services.db).policy == BackupPolicy(share, 10, 8, False)


def test_a_file_named_as_backup_folder_is_marked(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    # Guards the inline check of the folder field.
    a_file = tmp_path / "отчёт.txt"
    a_file.write_text("x", encoding="utf-8")
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.backup_dir_edit, str(a_file))
    click(dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert dialog.isVisible() and dialog.errors.has_error("backup_dir")
    assert Settings.load().backup_dir == ""


# --- the automatic backup while the window is open -----------------------------------------


def test_scheduler_backs_up_on_start_then_when_a_day_has_passed(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    # Guards the automatic backup: on start, not twice the same day, again a day later.
    clock = Clock()
    service = BackupService(services.db, BackupPolicy(directory=tmp_path / "b"), clock=clock)
    scheduler = BackupScheduler(service, interval_ms=20)
    with qtbot.waitSignal(scheduler.succeeded) as made:
        scheduler.start()
    assert made.args is not None and made.args[0].is_automatic
    assert scheduler.timer.isActive()

    qtbot.wait(120)  # several hourly checks (shortened) on the same day: nothing new
    assert len(service.files()) == 1

    clock.value += dt.timedelta(hours=24)
    with qtbot.waitSignal(scheduler.succeeded):
        pass
    scheduler.stop()
    assert len(service.files()) == 2 and not scheduler.timer.isActive()


def test_scheduler_reports_a_failure_as_a_message(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    # Guards "never a crash": a missing network drive comes back as a signal.
    blocker = tmp_path / "Z"
    blocker.write_text("", encoding="utf-8")
    service = BackupService(services.db, BackupPolicy(directory=blocker / "b"))
    scheduler = BackupScheduler(service)
    with qtbot.waitSignal(scheduler.failed) as failed:
        scheduler.start()
    scheduler.stop()
    assert failed.args is not None
    assert failed.args[0].startswith("The automatic backup failed: ")
    assert "cannot be reached" in failed.args[0]


def test_scheduler_does_nothing_when_switched_off(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    # Guards the "automatic backups" switch of the settings.
    service = BackupService(services.db, BackupPolicy(directory=tmp_path / "b", automatic=False))
    scheduler = BackupScheduler(service)
    with qtbot.waitSignal(scheduler.worker.finished):
        scheduler.start()
    scheduler.stop()
    assert service.files() == []
