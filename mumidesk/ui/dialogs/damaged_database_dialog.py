"""What the window shows instead of opening a database that failed the check on open: which
file, what is wrong with it in plain words, and three ways on — put the newest good backup in
its place (the damaged file is kept beside it, renamed), open another file, or quit. Never a
traceback, and the damaged file is never written to.

``resolve_database(url)`` runs the whole exchange before the window opens and returns the URL to
open (the same one after a restore) or None when the user chose to quit."""

from __future__ import annotations

import enum
from collections.abc import Callable

from babel.dates import format_datetime
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from mumidesk.i18n import _, current_locale
from mumidesk.services.recovery import (
    BackupFile,
    Recovery,
    Status,
    Verdict,
    backup_folders,
    check_on_open,
    good_backup_for,
    recover,
)
from mumidesk.settings import to_url

# (parent) -> the chosen database file, "" when cancelled
ChooseFile = Callable[[QWidget | None], str]
Inform = Callable[[QWidget | None, str, str], None]  # parent, title, text
ERROR_COLOUR = "#b3261e"


class Choice(enum.Enum):
    NONE = "none"
    RESTORED = "restored"
    OPEN_OTHER = "open_other"
    QUIT = "quit"


def choose_database_file(parent: QWidget | None) -> str:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Open a database"),
        "",
        _("mumidesk database (*.db *.sqlite *.sqlite3);;All files (*)"),
    )
    return path


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def heading_of(verdict: Verdict) -> str:
    if verdict.status is Status.DAMAGED:
        return _("The database is damaged")
    if verdict.status is Status.NOT_OURS:
        return _("This file is not a mumidesk database")
    return _("The database cannot be read")


def when(found: BackupFile) -> str:
    return format_datetime(found.taken_at, "d MMMM y, HH:mm", locale=current_locale())


class DamagedDatabaseDialog(QDialog):
    """Accepted after a restore (``choice`` RESTORED, ``recovery`` says from what and where
    the damaged file went) or when another file was asked for (OPEN_OTHER); rejected: QUIT."""

    def __init__(
        self, verdict: Verdict, backup: BackupFile | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.verdict = verdict
        self.backup = backup
        self.choice = Choice.NONE
        self.recovery: Recovery | None = None
        self.setWindowTitle(_("mumidesk: the database cannot be opened"))

        heading = QLabel(heading_of(verdict))
        heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.path_label = QLabel(str(verdict.path or ""))
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setWordWrap(True)
        self.reason_label = QLabel(_("Reason: {reason}").format(reason=verdict.reason))
        self.reason_label.setWordWrap(True)
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if verdict.detail and verdict.detail not in verdict.reason:
            self.reason_label.setToolTip(verdict.detail)  # SQLite's words, for support
        self.advice_label = QLabel(self._advice())
        self.advice_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error_label.hide()

        self.restore_button = QCommandLinkButton(
            _("Restore the newest good backup from {date}").format(date=when(backup))
            if backup is not None
            else _("No good backup to restore"),
            _("The damaged file is kept beside it under a new name; nothing is deleted.")
            if backup is not None
            else "",
        )
        self.restore_button.setVisible(backup is not None)
        self.open_button = QCommandLinkButton(
            _("Open another file…"), _("A copy of the database, or another department's file.")
        )
        self.quit_button = QCommandLinkButton(
            _("Quit"), _("Leave the file as it is, for the administrator to look at.")
        )
        self.restore_button.clicked.connect(self.restore)
        self.open_button.clicked.connect(self.open_other)
        self.quit_button.clicked.connect(self.quit)
        (self.restore_button if backup is not None else self.open_button).setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.path_label)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.advice_label)
        layout.addWidget(self.error_label)
        for button in (self.restore_button, self.open_button, self.quit_button):
            layout.addWidget(button)
        self.resize(max(self.sizeHint().width(), 600), self.sizeHint().height())

    def _advice(self) -> str:
        if not self.verdict.recoverable:
            return _("Close other programs that may use the file, then start mumidesk again.")
        if self.backup is not None:
            return _(
                "The newest backup that passed the integrity check was taken {date}: {path}. "
                "Changes made after it are not in it."
            ).format(date=when(self.backup), path=self.backup.path)
        folders = backup_folders(self.verdict.path) if self.verdict.path is not None else []
        return _("No good backup of this database was found in {folders}.").format(
            folders=", ".join(str(f) for f in folders)
        )

    def restore(self) -> bool:
        if self.backup is None or self.verdict.path is None:
            return False
        try:
            self.recovery = recover(self.verdict.path, self.backup.path)
        except Exception as exc:  # whatever went wrong is said here, never as a traceback
            self.error_label.setText(
                _("The backup could not be restored: {reason}").format(reason=exc)
            )
            self.error_label.show()
            return False
        self.choice = Choice.RESTORED
        self.accept()
        return True

    def open_other(self) -> None:
        self.choice = Choice.OPEN_OTHER
        self.accept()

    def quit(self) -> None:
        self.choice = Choice.QUIT
        self.reject()


def run_dialog(dialog: DamagedDatabaseDialog) -> Choice:
    dialog.exec()
    return dialog.choice if dialog.choice is not Choice.NONE else Choice.QUIT


def resolve_database(
    url: str,
    parent: QWidget | None = None,
    *,
    ask: Callable[[DamagedDatabaseDialog], Choice] = run_dialog,
    choose_file: ChooseFile = choose_database_file,
    inform: Inform = inform,
) -> str | None:
    """Check the database before it is opened; while it cannot be used, ask what to do. The
    URL to open (the same after a restore, another after "Open another file…"), or None: quit.
    """
    while True:
        verdict = check_on_open(url)
        if verdict.ok:
            return url
        dialog = DamagedDatabaseDialog(verdict, good_backup_for(verdict), parent)
        choice = ask(dialog)
        if choice is Choice.RESTORED and dialog.recovery is not None:
            inform(parent, _("The backup was restored"), restored_text(dialog.recovery))
        elif choice is Choice.OPEN_OTHER:
            chosen = choose_file(parent)
            if chosen:
                url = to_url(chosen)
        else:
            return None
        dialog.deleteLater()


def restored_text(done: Recovery) -> str:
    text = _("The database was restored from the backup taken {date}.").format(
        date=when(done.restored_from)
    )
    if done.damaged_copy is not None:
        text += " " + _("The damaged file was kept as {path}.").format(path=done.damaged_copy)
    return text
