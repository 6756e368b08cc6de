"""The settings dialog driven through its widgets: typed values are saved, bad database
locations are marked on their field, and the caller learns what needs a reopened window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from mumidesk.db import migrate
from mumidesk.db.engine import Database
from mumidesk.domain.municipalities import Municipality, Region
from mumidesk.services.connection_check import ConnectionReport, check_connection
from mumidesk.services.registry import Services
from mumidesk.settings import Settings, default_database_path
from mumidesk.ui.dialogs.settings_dialog import SettingsDialog
from tests.ui.typing_helper import type_text


def _dialog(qtbot: QtBot, services: Services | None, **kw: object) -> SettingsDialog:
    dialog = SettingsDialog(services, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _save(dialog: SettingsDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_typed_name_language_and_defaults_are_saved(qtbot: QtBot, services: Services) -> None:
    smolensk_region = services.regions.create(Region(name_ru="Смоленская область"))
    services.regions.create(Region(name_ru="Калужская область"))
    roslavl = services.municipalities.create(
        Municipality(name_ru="Рославль", region_id=smolensk_region.id)
    )
    services.municipalities.create(Municipality(name_ru="Калуга"))
    dialog = _dialog(qtbot, services)
    assert dialog.path_edit.text() == str(default_database_path())

    type_text(dialog.user_edit, "Анна Петрова")
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("ru"))
    dialog.region_box.setCurrentIndex(dialog.region_box.findData(str(smolensk_region.id)))
    # Only the chosen region's municipalities are offered.
    offered = [dialog.municipality_box.itemText(i) for i in range(dialog.municipality_box.count())]
    assert offered == ["— none —", "Рославль"]
    dialog.municipality_box.setCurrentIndex(1)
    dialog.reminder_spin.setValue(60)
    dialog.urgent_spin.setValue(10)
    _save(dialog)

    assert not dialog.isVisible()
    saved = Settings.load()
    assert saved == Settings(
        database_url="",  # the platform default stays implicit
        language="ru",
        region_id=str(smolensk_region.id),
        municipality_id=str(roslavl.id),
        user_name="Анна Петрова",
        reminder_days=60,
        urgent_days=10,
    )
    assert dialog.changed_language()
    assert not dialog.changed_database()


def test_saved_settings_are_shown_again(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    Settings(
        database_url="sqlite:///" + path.as_posix(), language="en", user_name="Ivan", urgent_days=3
    ).save()
    dialog = _dialog(qtbot, None)
    assert dialog.file_choice.isChecked()
    assert dialog.path_edit.text() == str(path)
    assert dialog.user_edit.text() == "Ivan"
    assert dialog.urgent_spin.value() == 3
    assert dialog.urgent_spin.suffix() == " days"
    _save(dialog)
    assert not dialog.changed_database() and not dialog.changed_language()


def test_missing_folder_is_marked_and_nothing_saved(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, None)
    dialog.path_edit.clear()
    missing = tmp_path / "no such folder" / "mumidesk.db"
    type_text(dialog.path_edit, str(missing))
    _save(dialog)
    assert dialog.isVisible()
    assert dialog.errors.has_error("database_path")
    assert dialog.errors.message("database_path") == (
        f"The folder {missing.parent} does not exist."
    )
    assert not Settings.path().exists()
    # Typing again clears the mark; a file in an existing folder is accepted.
    dialog.path_edit.clear()
    type_text(dialog.path_edit, str(tmp_path / "новая.db"))
    assert not dialog.errors.has_error("database_path")
    _save(dialog)
    assert Settings.load().database_url == "sqlite:///" + (tmp_path / "новая.db").as_posix()
    assert dialog.changed_database()


def test_bad_server_url_and_urgent_beyond_reminder(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, None)
    # A radio button takes clicks on its circle and its text, at the left.
    spot = QPoint(8, dialog.server_choice.height() // 2)
    QTest.mouseClick(dialog.server_choice, Qt.MouseButton.LeftButton, pos=spot)
    assert dialog.server_choice.isChecked() and dialog.url_edit.isEnabled()
    type_text(dialog.url_edit, "mysql://server/db")
    dialog.reminder_spin.setValue(5)
    dialog.urgent_spin.setValue(9)
    _save(dialog)
    assert dialog.isVisible()
    assert "PostgreSQL" in dialog.errors.message("database_url")
    assert dialog.errors.message("urgent_days") == (
        "must not be longer than the reminder lead time (5)"
    )
    dialog.url_edit.clear()
    type_text(dialog.url_edit, "postgresql+psycopg://staff@db.local/mumidesk")
    dialog.urgent_spin.setValue(2)
    _save(dialog)
    assert Settings.load().database_url == "postgresql+psycopg://staff@db.local/mumidesk"
    assert dialog.changed_database()


def test_test_connection_reports_on_the_field(qtbot: QtBot, tmp_path: Path) -> None:
    checked: list[str] = []

    def refuse(url: str) -> ConnectionReport:
        checked.append(url)
        return ConnectionReport(False, "Cannot connect: timeout", "database_url")

    dialog = _dialog(qtbot, None, check=refuse)
    dialog.server_choice.setChecked(True)
    type_text(dialog.url_edit, "postgresql://staff@db.local/mumidesk")
    QTest.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert checked == ["postgresql://staff@db.local/mumidesk"]
    assert dialog.errors.message("database_url") == "Cannot connect: timeout"

    # The real check on a real file: a mumidesk database in order.
    db = Database("sqlite:///" + (tmp_path / "ok.db").as_posix())
    migrate.prepare(db)
    db.dispose()
    dialog = _dialog(qtbot, None)
    dialog.path_edit.setText(str(tmp_path / "ok.db"))
    QTest.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.test_result.text() == "Connected. The database is in order."


def test_browse_puts_the_chosen_file_in_the_field(qtbot: QtBot, tmp_path: Path) -> None:
    asked: list[str] = []

    def choose(_parent: QWidget, current: str) -> str:
        asked.append(current)
        return str(tmp_path / "chosen.db")

    dialog = _dialog(qtbot, None, choose_file=choose)
    QTest.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert asked == [str(default_database_path())]
    assert dialog.path_edit.text() == str(tmp_path / "chosen.db")


def test_connection_check_tells_files_apart(tmp_path: Path) -> None:
    new = check_connection("sqlite:///" + (tmp_path / "new.db").as_posix())
    assert new.ok and "will be created" in new.message
    assert not (tmp_path / "new.db").exists()  # checking created nothing
    junk = tmp_path / "notes.db"
    junk.write_text("not a database at all, just text " * 200)
    bad = check_connection("sqlite:///" + junk.as_posix())
    assert not bad.ok and bad.field == "database_path"
    unreachable = check_connection("postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert not unreachable.ok and unreachable.field == "database_url"
    assert unreachable.message.startswith("Cannot connect: ")
