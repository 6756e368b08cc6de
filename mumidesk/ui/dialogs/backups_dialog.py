"""File → Backups…: the folder, its backups (date, kind, size, verified), "Back up now", a check
of one backup, and restoring one. A restore is checked first and keeps the database it
replaces; afterwards ``restored`` is True and the caller must reopen the window (every page
still shows the records of before)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from babel.dates import format_datetime
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.errors import DomainError
from mumidesk.i18n import _, current_locale
from mumidesk.services.backups import BackupEntry, BackupService, RestoreResult
from mumidesk.ui.background import BackgroundWorker
from mumidesk.ui.widgets.attachments_panel import format_size, open_with_desktop

# (parent, title, question) -> yes; (parent, title, message); (parent, folder) -> file or None
Ask = Callable[[QWidget, str, str], bool]
Inform = Callable[[QWidget, str, str], None]
ChooseFile = Callable[[QWidget, Path], Path | None]
OpenFolder = Callable[[Path], bool]

COL_DATE, COL_KIND, COL_SIZE, COL_VERIFIED = range(4)
CHECK_MARK = "✓"
HINT_COLOUR = "#5f6874"
OK_COLOUR = "#1b7f3b"


def ask(parent: QWidget, title: str, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def inform(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def choose_backup_file(parent: QWidget, folder: Path) -> Path | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Restore from a backup file"),
        str(folder),
        _("mumidesk backups (*.db *.dump);;All files (*)"),
    )
    return Path(path) if path else None


class BackupsDialog(QDialog):
    def __init__(
        self,
        service: BackupService,
        parent: Any = None,
        *,
        ask: Ask = ask,
        inform: Inform = inform,
        choose_file: ChooseFile = choose_backup_file,
        open_folder: OpenFolder = open_with_desktop,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Backups"))
        self.service = service
        self.ask = ask
        self.inform = inform
        self.choose_file = choose_file
        self.open_folder_with = open_folder
        self.restored: RestoreResult | None = None
        self.entries: list[BackupEntry] = []
        self.worker = BackgroundWorker(self)
        self.worker.finished.connect(self._job_done)
        self.worker.failed.connect(self._job_failed)
        self.worker.busy_changed.connect(self._update_buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(self._folder_row())
        self.policy_label = QLabel()
        self.policy_label.setWordWrap(True)
        self.policy_label.setStyleSheet(f"color: {HINT_COLOUR};")
        layout.addWidget(self.policy_label)
        layout.addWidget(self._table())
        layout.addLayout(self._action_row())
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.refresh()
        self.resize(760, 460)

    # --- building ----------------------------------------------------------------------------
    def _folder_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Folder:")))
        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.folder_label, 1)
        self.open_button = QPushButton(_("Open folder"))
        self.open_button.clicked.connect(self.open_folder)
        row.addWidget(self.open_button)
        return row

    def _table(self) -> QTableWidget:
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("Date"), _("Kind"), _("Size"), _("Verified")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_SIZE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_VERIFIED, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        return self.table

    def _action_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.backup_button = QPushButton(_("Back up now"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.verify_button = QPushButton(_("Verify"))
        self.verify_button.setToolTip(_("Check the selected backup again"))
        self.verify_button.clicked.connect(self.verify_selected)
        self.restore_button = QPushButton(_("Restore…"))
        self.restore_button.setToolTip(_("Replace the database by the selected backup"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(_("Restore from a file…"))
        self.restore_file_button.clicked.connect(self.restore_from_file)
        for button in (self.backup_button, self.verify_button, self.restore_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.restore_file_button)
        return row

    # --- showing -----------------------------------------------------------------------------
    def refresh(self, select: Path | None = None) -> None:
        policy = self.service.policy
        folder = self.service.directory
        self.folder_label.setText(str(folder))
        self.folder_label.setToolTip(str(folder))
        if policy.automatic:
            self.policy_label.setText(
                _(
                    "Automatic backups are made on start and daily; kept: daily {days}, weekly "
                    "{weeks}. Manual backups and those made before an upgrade or a restore are "
                    "kept until you delete them. The folder and the counts are set in Settings."
                ).format(days=policy.keep_daily, weeks=policy.keep_weekly)
            )
        else:
            self.policy_label.setText(
                _("Automatic backups are switched off in Settings; back up by hand.")
            )
        try:
            self.entries = self.service.list()
        except DomainError as exc:
            self.entries = []
            self.status.setText(str(exc))
        self._fill(select)

    def _fill(self, select: Path | None) -> None:
        locale = current_locale()
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            file = entry.file
            cells = [
                format_datetime(file.taken_at, "short", locale=locale),
                entry.label(),
                format_size(file.size),
                CHECK_MARK if file.verified else "—",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(file.path))
                if column in (COL_SIZE, COL_VERIFIED):
                    align = (
                        Qt.AlignmentFlag.AlignRight
                        if column == COL_SIZE
                        else (Qt.AlignmentFlag.AlignHCenter)
                    )
                    item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
                if column == COL_VERIFIED and not file.verified:
                    item.setToolTip(_("Not checked (or changed since): press Verify"))
                self.table.setItem(row, column, item)
            if file.path == select:
                self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> BackupEntry | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.entries[min(rows)] if rows else None

    def _update_buttons(self, *_args: Any) -> None:
        busy = self.worker.is_busy()
        chosen = self.selected() is not None
        self.backup_button.setEnabled(not busy)
        self.verify_button.setEnabled(chosen and not busy)
        self.restore_button.setEnabled(chosen and not busy)
        self.restore_file_button.setEnabled(not busy)

    def _say(self, text: str, ok: bool = True) -> None:
        self.status.setStyleSheet(f"color: {OK_COLOUR};" if ok else "")
        self.status.setText(text)

    # --- actions -----------------------------------------------------------------------------
    def back_up_now(self) -> None:
        self._say(_("Backing up…"))
        service = self.service
        self.worker.start(lambda: ("backup", service.back_up()))

    def verify_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        self._say(_("Checking {name}…").format(name=entry.path.name))
        service, path = self.service, entry.path
        self.worker.start(lambda: ("verify", path, service.verify(path)))

    def _job_done(self, result: tuple[Any, ...]) -> None:
        if result[0] == "backup":
            made = result[1]
            self.refresh(select=made.path)
            self._say(_("Backup written and verified: {name}").format(name=made.path.name))
        else:
            _kind, path, revision = result
            self.refresh(select=path)
            self._say(
                _("{name} is a sound backup (schema {revision})").format(
                    name=path.name, revision=revision
                )
            )

    def _job_failed(self, error: object) -> None:
        selected = self.selected()
        self.refresh(select=selected.path if selected else None)
        self._say("")
        self.inform(self, _("Backups"), str(error))

    def open_folder(self) -> None:
        folder = self.service.directory
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.inform(
                self,
                _("Backups"),
                _("The folder {path} cannot be reached: {reason}").format(
                    path=folder, reason=exc.strerror or exc
                ),
            )
            return
        self.open_folder_with(folder)

    def restore_selected(self) -> bool:
        entry = self.selected()
        return entry is not None and self.restore(entry.path)

    def restore_from_file(self) -> bool:
        path = self.choose_file(self, self.service.directory)
        return path is not None and self.restore(path)

    def restore(self, path: Path) -> bool:
        """Check the file, ask, restore; True when the database was replaced."""
        if self.worker.is_busy():
            return False
        with _WaitCursor():
            try:
                revision = self.service.verify(path)
            except DomainError as exc:
                self.refresh()
                self.inform(self, _("Not restored"), str(exc))
                return False
        question = _(
            "Replace the database by the backup {name} (schema {revision})?\n\n"
            "What the database holds now is kept as a backup first. The window is reopened "
            "afterwards."
        ).format(name=path.name, revision=revision)
        if not self.ask(self, _("Restore the backup?"), question):
            return False
        with _WaitCursor():
            try:
                self.restored = self.service.restore(path)
            except DomainError as exc:
                self.refresh()
                self.inform(self, _("Not restored"), str(exc))
                return False
        self.accept()
        return True

    def done(self, result: int) -> None:
        self.worker.wait()  # a backup being written finishes before the dialog goes
        super().done(result)


class _WaitCursor:
    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()
