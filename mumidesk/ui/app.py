"""Start the window: Qt application, language (ours and Qt's own), the database (created or
upgraded), the first-start offer on an empty database, and reopening the window after the
settings changed the language or the database."""

from __future__ import annotations

import logging
import sys
from functools import partial
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from mumidesk import app_log, i18n
from mumidesk.db import migrate
from mumidesk.db.engine import Database, current_user
from mumidesk.domain.errors import DomainError
from mumidesk.domain.roles import Capability
from mumidesk.i18n import _
from mumidesk.resources import ICONS_DIR
from mumidesk.services.backups import BackupService
from mumidesk.services.registry import Services
from mumidesk.settings import Settings, resolve_database_url
from mumidesk.ui import permissions
from mumidesk.ui.autosave import offer_recoveries, open_in_window
from mumidesk.ui.backup_scheduler import BackupScheduler
from mumidesk.ui.dialogs.backups_dialog import BackupsDialog
from mumidesk.ui.dialogs.damaged_database_dialog import resolve_database
from mumidesk.ui.error_reporting import ErrorReporter
from mumidesk.ui.main_window import MainWindow
from mumidesk.ui.qt_translations import install_qt_translations

log = logging.getLogger(__name__)
WINDOW_SHOWN = "main window shown"
START_BACKUP_DELAY_MS = 3_000  # the start's own work first; the copy then runs on a thread


def open_database(url: str, settings: Settings) -> Database:
    """Open and prepare a database; DomainError says why it cannot be used."""
    db = Database(url, user=settings.user_name or None)
    try:
        migrate.prepare(db)
        db.refresh_statistics(only_if_missing=True)  # a file filled by an older version
    except Exception:
        db.dispose()
        raise
    return db


class DesktopApplication:
    """Owns the database and the main window; rebuilds the window when settings change."""

    def __init__(self, app: QApplication, database_url: str, *, offer_first_start: bool = True):
        self.app = app
        self.database_url = database_url
        self.offer_first_start = offer_first_start
        self.db: Database | None = None
        self.services: Services | None = None
        self.window: MainWindow | None = None
        self.scheduler: BackupScheduler | None = None

    def start(self) -> bool:
        settings = Settings.load()
        self.apply_language(settings.language or i18n.detect_language())
        # A damaged file or one that is not ours: offer the newest good backup, never touch it.
        url = resolve_database(self.database_url)
        if url is None:
            return False
        self.database_url = url
        try:
            self.db = open_database(self.database_url, settings)
        except DomainError as exc:
            log.warning("the database cannot be opened: %s", exc)
            QMessageBox.critical(None, _("The database cannot be opened"), str(exc))
            return False
        self.services = Services.for_database(self.db)
        window = self.show_window()
        # Support reads the start and its database here; build.py times the frozen start by it.
        log.info("%s: %s", WINDOW_SHOWN, self.db)
        self.start_backups()
        if self.offer_first_start:
            self.first_start()
            # Input typed into an editor that closed before saving (a crash, a power cut).
            QTimer.singleShot(
                0, window, lambda: offer_recoveries(window, partial(open_in_window, window))
            )
        return True

    # --- backups -----------------------------------------------------------------------------
    def start_backups(self) -> None:
        """The automatic backup: soon after the start (the window answers first), then daily."""
        assert self.db is not None
        self.stop_backups()
        scheduler = BackupScheduler(BackupService(self.db), self.app)
        scheduler.failed.connect(self._backup_failed)
        QTimer.singleShot(START_BACKUP_DELAY_MS, scheduler, scheduler.start)
        self.scheduler = scheduler

    def stop_backups(self) -> None:
        if self.scheduler is not None:
            self.scheduler.stop()  # waits for a backup being written
            self.scheduler.deleteLater()
            self.scheduler = None

    def _backup_failed(self, message: str) -> None:
        if self.window is not None:
            self.window.statusBar().showMessage(message)

    def open_backups(self) -> BackupsDialog:
        assert self.db is not None and self.window is not None
        if self.scheduler is not None:
            self.scheduler.worker.wait()  # never restore while an automatic backup runs
        dialog = BackupsDialog(BackupService(self.db), self.window)
        permissions.apply(self.window.role, dialog)
        dialog.exec()
        if dialog.restored is not None:  # the data changed under every page
            self.replace_window()
        return dialog

    def apply_language(self, lang: str) -> None:
        if lang not in i18n.SUPPORTED:
            lang = "ru"
        i18n.set_language(lang)
        install_qt_translations(self.app, lang)

    def show_window(self) -> MainWindow:
        assert self.services is not None
        window = MainWindow(self.services)
        window.settings_requested.connect(self.open_settings)
        window.backups_requested.connect(self.open_backups)
        window.show()
        self.window = window
        return window

    def first_start(self) -> None:
        from mumidesk.ui.dialogs.first_start_dialog import FirstStartDialog, needs_first_start

        assert self.services is not None and self.window is not None
        if not permissions.may(self.window.role, Capability.IMPORT):
            return  # a viewer of a shared server cannot fill it
        if not needs_first_start(self.services):
            return
        dialog = FirstStartDialog(self.services, self.window)
        if dialog.exec():
            self.window.refresh_all()

    def open_settings(self) -> None:
        from mumidesk.ui.dialogs.settings_dialog import SettingsDialog

        assert self.services is not None and self.window is not None
        dialog = SettingsDialog(self.services, self.window)
        permissions.apply(self.window.role, dialog)
        if not dialog.exec():
            return
        self.settings_changed(dialog.changed_database(), dialog.changed_language())

    def settings_changed(self, database: bool, language: bool) -> None:
        """Reopen what the new settings affect: a new database, or every label in a new
        language (widgets keep the strings they were built with)."""
        settings = Settings.load()
        if database:
            checked = resolve_database(resolve_database_url(), self.window)
            if checked is None:
                return  # the user chose not to open it: keep working on the old one
            url = checked
            try:
                new_db = open_database(url, settings)
            except DomainError as exc:
                QMessageBox.critical(self.window, _("The database cannot be opened"), str(exc))
                return
            self.stop_backups()
            old = self.db
            self.db, self.database_url = new_db, url
            self.services = Services.for_database(new_db)
            if old is not None:
                old.dispose()
            self.start_backups()
        if language:
            self.apply_language(settings.language or i18n.detect_language())
        if database or language:
            self.replace_window()
        elif self.db is not None:
            self.db.user = settings.user_name or current_user()

    def replace_window(self) -> None:
        old = self.window
        if old is not None:
            old.save_settings()
        window = self.show_window()
        if old is not None:
            window.setGeometry(old.geometry())
            old.hide()
            old.deleteLater()

    def close(self) -> None:
        self.stop_backups()
        if self.db is not None:
            self.db.dispose()


def identify_application(app: QApplication) -> None:
    app.setApplicationName("mumidesk")
    app.setApplicationDisplayName("mumidesk")
    # Every window's title bar and the task bar (the .exe's own icon only shows in Explorer).
    app.setWindowIcon(QIcon(str(ICONS_DIR / "mumidesk.png")))


def run_app(database_url: str, **options: Any) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    identify_application(app)
    app_log.start_logging()
    reporter = ErrorReporter(app)
    reporter.install()
    desktop = DesktopApplication(app, database_url, **options)
    try:
        if not desktop.start():
            return 1
        return int(app.exec())
    finally:
        desktop.close()
        reporter.uninstall()
        log.info("mumidesk closed")
        app_log.stop_logging()
