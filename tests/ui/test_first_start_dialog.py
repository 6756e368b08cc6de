"""The first start: detection of an empty database, the demo load in a worker thread, an
import from a file, and the empty start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mumidesk.db import migrate
from mumidesk.db.engine import Database
from mumidesk.domain.partners import Partner
from mumidesk.services.import_export import ImportExportService
from mumidesk.services.registry import Services
from mumidesk.ui.dialogs.first_start_dialog import FirstStartDialog, needs_first_start


class Messages:
    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def __call__(self, _parent: QWidget, title: str, text: str) -> None:
        self.shown.append((title, text))


def _dialog(qtbot: QtBot, services: Services, **kw: object) -> FirstStartDialog:
    dialog = FirstStartDialog(services, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_an_empty_database_needs_the_first_start(services: Services) -> None:
    assert needs_first_start(services)
    services.partners.create(Partner(name_ru="Гомель", country_code="BY"))
    assert not needs_first_start(services)


def test_demo_data_loads_through_the_dialog(qtbot: QtBot, services: Services) -> None:
    dialog = _dialog(qtbot, services)
    QTest.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == "demo"
    assert dialog.result() == FirstStartDialog.DialogCode.Accepted
    assert dialog.demo_summary is not None and dialog.demo_summary.added > 0
    assert not needs_first_start(services)
    assert services.partners.list(limit=1).total == 68


def test_import_of_an_exported_bundle(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    # Another office's database with two partners, exported as one bundle …
    for name in ("Брест", "Гродно"):
        services.partners.create(Partner(name_ru=name, country_code="BY"))
    bundle = tmp_path / "export.json"
    ImportExportService(services.db).export("all", bundle)
    # … imported into a new, empty one.
    fresh = Database("sqlite:///" + (tmp_path / "fresh.db").as_posix(), user="tester")
    migrate.prepare(fresh)
    target = Services.for_database(fresh)
    messages = Messages()
    try:
        dialog = _dialog(qtbot, target, choose_file=lambda _p: str(bundle), inform=messages)
        QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert dialog.choice == "import"
        assert messages.shown == [("Import finished", "2 records were imported.")]
        assert sorted(p.name_ru for p in target.partners.all()) == ["Брест", "Гродно"]
    finally:
        fresh.dispose()


def test_a_bad_file_imports_nothing_and_says_why(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    bad = tmp_path / "partners.csv"
    bad.write_text("name_ru,country_code\nМинск,XX\n", encoding="utf-8")
    messages = Messages()
    kinds_offered: list[list[tuple[str, str]]] = []

    def ask_kind(_parent: QWidget, choices: list[tuple[str, str]]) -> str:
        kinds_offered.append(choices)
        return "partners"

    dialog = _dialog(
        qtbot, services, choose_file=lambda _p: str(bad), ask_kind=ask_kind, inform=messages
    )
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert ("partners", "Partner") in kinds_offered[0]
    assert dialog.isVisible() and dialog.choice == ""
    title, text = messages.shown[0]
    assert title == "Nothing was imported"
    assert text.startswith("row ")
    assert needs_first_start(services)


def test_start_empty_closes(qtbot: QtBot, services: Services) -> None:
    dialog = _dialog(qtbot, services, choose_file=lambda _p: "")
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # cancelled: stays
    assert dialog.isVisible()
    QTest.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.choice == "empty"
    assert needs_first_start(services)
