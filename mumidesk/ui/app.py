"""Start the window: Qt application, the database (created or upgraded), the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from mumidesk.db import migrate
from mumidesk.db.engine import Database
from mumidesk.domain.errors import DomainError
from mumidesk.i18n import _
from mumidesk.services.registry import Services
from mumidesk.ui.main_window import MainWindow


def run_app(database_url: str) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("mumidesk")
    db = Database(database_url)
    try:
        migrate.prepare(db)
    except DomainError as exc:
        QMessageBox.critical(None, _("The database cannot be opened"), str(exc))
        return 1
    window = MainWindow(Services.for_database(db))
    window.show()
    try:
        return int(app.exec())
    finally:
        db.dispose()
