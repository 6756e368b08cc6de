"""Unexpected exceptions in the window: written to the log with their traceback, and told to the
user in a dialog that says where the log is. PySide6 prints an exception raised in a slot and
carries on; in the installed program nobody would see that print (there is no console)."""

from __future__ import annotations

import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QThread, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mumidesk import app_log
from mumidesk.i18n import _


class ErrorReporter:
    """Installed as sys.excepthook (and threading.excepthook) for the window's lifetime."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.showing = False  # an error inside the dialog is logged, not shown again
        self.last_dialog: QMessageBox | None = None

    def install(self) -> None:
        sys.excepthook = self.report
        threading.excepthook = self.report_thread

    def uninstall(self) -> None:
        sys.excepthook = sys.__excepthook__
        threading.excepthook = threading.__excepthook__

    def report_thread(self, args: threading.ExceptHookArgs) -> None:
        # Worker threads cannot open a dialog; their jobs report their own errors as signals.
        if args.exc_value is not None:
            app_log.log_unexpected(args.exc_type, args.exc_value, args.exc_traceback)

    def report(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        app_log.log_unexpected(kind, error, trace)
        if issubclass(kind, KeyboardInterrupt):
            self.app.quit()
            return
        on_gui_thread = QThread.currentThread() is self.app.thread()
        if self.showing or not on_gui_thread:
            return
        self.showing = True
        try:
            self.show(error, "".join(traceback.format_exception(kind, error, trace)))
        finally:
            self.showing = False

    def show(self, error: BaseException, details: str) -> None:
        log = app_log.current_log()
        text = _(
            "Something went wrong: {error}\n\nThe window stays open; input in open editors is "
            "kept. Please send the log file to your support staff."
        ).format(error=" ".join(f"{type(error).__name__}: {error}".split())[:300])
        box = QMessageBox(QMessageBox.Icon.Critical, _("Unexpected error"), text)
        box.setParent(_active_window(), box.windowFlags())
        if log is not None:
            box.setInformativeText(_("Log file: {path}").format(path=log))
            folder = box.addButton(_("Open the log folder"), QMessageBox.ButtonRole.ActionRole)
            folder.clicked.connect(lambda: _open_folder(log.parent))
        box.setDetailedText(details)
        box.addButton(QMessageBox.StandardButton.Close)
        self.last_dialog = box
        box.exec()


def _active_window() -> QWidget | None:
    return QApplication.activeWindow()


def _open_folder(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
