"""The application around the window: the language switched from the settings (ours and Qt's own
texts), another database opened, and a database that cannot be used refused with a message."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mumidesk.domain.partners import Partner
from mumidesk.services.registry import Services
from mumidesk.settings import Settings, to_url
from mumidesk.ui.app import WINDOW_SHOWN, DesktopApplication, identify_application
from mumidesk.ui.qt_translations import install_qt_translations


@pytest.fixture
def desktop(qtbot: QtBot, services: Services) -> Iterator[DesktopApplication]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    path = services.db.sqlite_path
    assert path is not None
    Settings(language="en").save()
    desktop = DesktopApplication(app, to_url(str(path)), offer_first_start=False)
    assert desktop.start()
    yield desktop
    if desktop.window is not None:
        desktop.window.close()
    desktop.close()
    install_qt_translations(app, "en")  # the next tests expect Qt's English texts


def test_language_switch_reopens_the_window_in_russian(desktop: DesktopApplication) -> None:
    window = desktop.window
    assert window is not None and window.nav.item(1).text() == "Partners"
    Settings(language="ru").save()
    desktop.settings_changed(database=False, language=True)
    again = desktop.window
    assert again is not None and again is not window
    assert again.nav.item(1).text() == "Партнёры"
    assert again.windowTitle().startswith("mumidesk")
    # Qt's own buttons (message boxes, file dialogs) come from qtbase_ru.qm.
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Отмена"


def test_switching_to_another_database(
    desktop: DesktopApplication, tmp_path: Path, services: Services
) -> None:
    services.partners.create(Partner(name_ru="Брест", country_code="BY"))
    other = tmp_path / "other" / "department.db"
    other.parent.mkdir()
    Settings(language="en", database_url=str(other)).save()
    desktop.settings_changed(database=True, language=False)
    assert desktop.db is not None and desktop.db.sqlite_path == other.resolve()
    assert other.exists()  # created and migrated
    window = desktop.window
    assert window is not None
    assert str(other.resolve()) in window.db_label.text()
    assert desktop.services is not None and desktop.services.partners.list().total == 0


def test_user_name_from_the_settings_stamps_changes(desktop: DesktopApplication) -> None:
    Settings(language="en", user_name="Иванова А. П.").save()
    desktop.settings_changed(database=False, language=False)
    assert desktop.services is not None
    stored = desktop.services.partners.create(Partner(name_ru="Брест", country_code="BY"))
    assert stored.created_by == "Иванова А. П."


def test_automatic_backups_run_while_the_window_is_open(
    desktop: DesktopApplication, qtbot: QtBot
) -> None:
    # Guards the scheduler's wiring: without it no backup is ever made unless asked for.
    scheduler = desktop.scheduler
    assert scheduler is not None
    made: list[object] = []
    scheduler.succeeded.connect(made.append)
    scheduler.start()  # what the delayed start does
    qtbot.waitUntil(lambda: bool(made), timeout=20_000)
    assert desktop.db is not None and desktop.db.sqlite_path is not None
    backups = list((desktop.db.sqlite_path.parent / "backups").glob("*.db"))
    assert backups, "the automatic backup went next to the database"
    window = desktop.window
    assert window is not None
    assert window.backups_action.text() == "Backups…"


def test_the_application_carries_its_name_and_icon(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    identify_application(app)
    assert app.applicationName() == "mumidesk"
    # The icon comes from the package's data (mumidesk.assets/icons), at the sizes drawn.
    sizes = app.windowIcon().availableSizes()
    assert sizes and max(size.width() for size in sizes) >= 256


def test_the_window_start_is_logged_with_its_database(
    qtbot: QtBot, services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    path = services.db.sqlite_path
    assert path is not None
    desktop = DesktopApplication(app, to_url(str(path)), offer_first_start=False)
    with caplog.at_level(logging.INFO, logger="mumidesk"):
        assert desktop.start()
    try:
        shown = [r.getMessage() for r in caplog.records if r.name == "mumidesk.ui.app"]
        assert shown == [f"{WINDOW_SHOWN}: Database('sqlite:///{path.as_posix()}')"]
    finally:
        assert desktop.window is not None
        desktop.window.close()
        desktop.close()
