"""The files attached to one record (an organisation, an agreement …): add, open, save a copy,
remove with undo.

Opening never runs anything: the bytes go to a private temporary folder under a sanitized name
and the desktop opens them with the program registered for documents of that type; files that
the system would execute are refused (they can still be saved and checked first). The file
dialogs, the details question and the opener are constructor arguments, so tests drive the panel
without real dialogs.
"""

from __future__ import annotations

import atexit
import datetime as dt
import os
import shutil
import stat
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from babel.dates import format_date
from babel.units import format_unit
from pathvalidate import sanitize_filename
from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.attachments import MAX_ATTACHMENT_BYTES, Attachment, clean_file_name
from mumidesk.domain.enums import AttachmentKind
from mumidesk.domain.errors import DomainError
from mumidesk.i18n import _, current_locale
from mumidesk.services.attachments import AttachmentFilter

ChooseFile = Callable[[QWidget], Path | None]
ChooseSavePath = Callable[[QWidget, str], Path | None]
AskDetails = Callable[[QWidget, str], tuple[AttachmentKind, str] | None]
Opener = Callable[[Path], bool]

COL_NAME, COL_KIND, COL_SIZE, COL_ADDED = range(4)
_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_NAME_MAX = 120  # characters of a temporary file's name, extension included

# Opening these hands the file to a program runner, not to a viewer.
# fmt: off
EXECUTABLE_SUFFIXES = frozenset({
    ".app", ".appimage", ".apk", ".bat", ".cmd", ".com", ".cpl", ".deb", ".desktop", ".dll",
    ".exe", ".hta", ".jar", ".js", ".jse", ".lnk", ".msc", ".msi", ".msp", ".pif", ".ps1",
    ".psm1", ".py", ".pyw", ".reg", ".rpm", ".run", ".scf", ".scr", ".sh", ".url", ".vb",
    ".vbe", ".vbs", ".ws", ".wsc", ".wsf", ".wsh",
})
# fmt: on


def format_size(size: int) -> str:
    """ "512 B", "12 KB", "3.4 MB" with the locale's units and digits."""
    locale = current_locale()
    if size < 1024:
        return format_unit(size, "digital-byte", length="short", locale=locale)
    if size < 1024 * 1024:
        return format_unit(round(size / 1024), "digital-kilobyte", length="short", locale=locale)
    megabytes = round(size / (1024 * 1024), 1)
    return format_unit(megabytes, "digital-megabyte", length="short", locale=locale)


def safe_file_name(name: str) -> str:
    """A name that is a plain file name on every system: no folders, no reserved names or
    characters, no leading dots, the extension kept when it must be shortened."""
    path = Path(clean_file_name(name))  # no folders, controls or bidi overrides
    suffix = sanitize_filename(path.suffix, platform="universal")[:20] if path.suffix else ""
    stem = sanitize_filename(path.stem, platform="universal").lstrip(". ")
    stem = stem[: _NAME_MAX - len(suffix)] or _("attachment")
    return sanitize_filename(stem + suffix, platform="universal")


def is_executable(name: str) -> bool:
    """Would the desktop run it — by its stored name, or by the name it is written under
    ("x.exe." and "x.e:xe" are written as "x.exe")?"""
    return any(
        Path(candidate).suffix.lower() in EXECUTABLE_SUFFIXES
        for candidate in (name, safe_file_name(name))
    )


def added_on(item: Attachment) -> str:
    if item.created_at is None:
        return ""
    moment = item.created_at
    if moment.tzinfo is None:  # stored as UTC
        moment = moment.replace(tzinfo=dt.UTC)
    return format_date(moment.astimezone().date(), "medium", locale=current_locale())


def choose_file(parent: QWidget) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(parent, _("Attach a file"))
    return Path(name) if name else None


def choose_save_path(parent: QWidget, suggested: str) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(parent, _("Save a copy as"), suggested)
    return Path(name) if name else None


def open_with_desktop(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _remove_tree(folder: Path) -> None:
    """Remove the temporary copies (read-only ones too; Windows refuses those otherwise)."""

    def force(func: Callable[[str], Any], name: str, _info: Any) -> None:
        try:
            os.chmod(name, stat.S_IWRITE)
            func(name)
        except OSError:
            pass  # still open in a viewer: the system's temp cleaning will take it

    shutil.rmtree(folder, onerror=force)


class AttachmentDetailsDialog(QDialog):
    """What the file is (a draft, a signed scan …) and a line about it."""

    def __init__(self, file_name: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Attach a file"))
        self.kind = QComboBox()
        for kind in AttachmentKind:
            self.kind.addItem(kind.label(), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(guess_kind(file_name).value))
        self.description = QLineEdit()
        self.description.setPlaceholderText(_("e.g. text agreed with the partner on 5 June"))
        name = QLabel(file_name)
        name.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("File"), name)
        form.addRow(_("Kind"), self.kind)
        form.addRow(_("Description"), self.description)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Attach"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def details(self) -> tuple[AttachmentKind, str]:
        return AttachmentKind(self.kind.currentData()), self.description.text().strip()


def guess_kind(file_name: str) -> AttachmentKind:
    suffix = Path(file_name).suffix.lower()
    if suffix in {".jpg", ".jpeg", ".png", ".gif", ".heic", ".webp", ".bmp", ".tif", ".tiff"}:
        return AttachmentKind.PHOTO
    return AttachmentKind.OTHER


def ask_details(parent: QWidget, file_name: str) -> tuple[AttachmentKind, str] | None:
    dialog = AttachmentDetailsDialog(file_name, parent)
    return dialog.details() if dialog.exec() == QDialog.DialogCode.Accepted else None


class AttachmentsPanel(QWidget):
    """``set_owner(None)`` empties and disables the panel (no record selected, or a record not
    saved yet). ``changed`` fires after every write; ``status_message`` repeats the notices."""

    changed = Signal()
    status_message = Signal(str)

    def __init__(
        self,
        services: Any,
        owner_kind: str,
        parent: Any = None,
        *,
        choose_file: ChooseFile = choose_file,
        choose_save_path: ChooseSavePath = choose_save_path,
        ask_details: AskDetails = ask_details,
        opener: Opener = open_with_desktop,
        temp_root: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = services.attachments
        self.owner_kind = owner_kind
        self._owner: uuid.UUID | None = None
        self._items: dict[uuid.UUID, Attachment] = {}
        self._removed: uuid.UUID | None = None
        self.choose_file = choose_file
        self.choose_save_path = choose_save_path
        self.ask_details = ask_details
        self.opener = opener
        self._temp_root = temp_root
        self.setAcceptDrops(True)

        self.heading = QLabel(_("Files"))
        self.heading.setStyleSheet("font-weight: bold;")
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels([_("File"), _("Kind"), _("Size"), _("Added")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column in (COL_KIND, COL_SIZE, COL_ADDED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setMinimumHeight(90)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self.open_selected())

        self.add_button = QPushButton(_("Add…"))
        self.add_button.setToolTip(_("Attach a file (or drop files here)"))
        self.add_button.clicked.connect(lambda: self.add_file())
        self.open_button = QPushButton(_("Open"))
        self.open_button.clicked.connect(lambda: self.open_selected())
        self.save_button = QPushButton(_("Save as…"))
        self.save_button.clicked.connect(lambda: self.save_selected())
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        # Two rows of two: the panel sits in a narrow detail column.
        buttons = QGridLayout()
        for index, button in enumerate(
            (self.add_button, self.open_button, self.save_button, self.remove_button)
        ):
            buttons.addWidget(button, index // 2, index % 2)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.undo_button = QPushButton(_("Undo"))
        self.undo_button.clicked.connect(lambda: self.undo_remove())
        self.message_bar = QWidget()
        bar = QHBoxLayout(self.message_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.message, 1)
        bar.addWidget(self.undo_button)
        self.message_bar.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message_bar)
        self.set_owner(None)

    # --- the owner and its files -------------------------------------------------------------
    def owner_id(self) -> uuid.UUID | None:
        return self._owner

    def set_owner(self, owner_id: uuid.UUID | None) -> None:
        if owner_id != self._owner:
            self._removed = None
            self.message_bar.hide()
        self._owner = owner_id
        self.setEnabled(owner_id is not None)
        self.reload()

    def reload(self, select: uuid.UUID | None = None) -> None:
        self.tree.clear()
        self._items = {}
        if self._owner is not None:
            flt = AttachmentFilter(owner_kind=self.owner_kind, owner_id=self._owner)
            for item in self._service.all(flt):
                assert item.id is not None
                self._items[item.id] = item
                self.tree.addTopLevelItem(self._row(item))
        count = len(self._items)
        self.heading.setText(_("Files ({n})").format(n=count) if count else _("Files"))
        if select is not None:
            self.select(select)
        self._update_buttons()

    def attachments(self) -> list[Attachment]:
        return list(self._items.values())

    def select(self, key: uuid.UUID) -> bool:
        for index in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(index)
            if row is not None and row.data(COL_NAME, _ID_ROLE) == key:
                self.tree.setCurrentItem(row)
                return True
        return False

    def selected(self) -> Attachment | None:
        rows = self.tree.selectedItems()
        return self._items.get(rows[0].data(COL_NAME, _ID_ROLE)) if rows else None

    def message_text(self) -> str:
        return self.message.text() if not self.message_bar.isHidden() else ""

    # --- actions -----------------------------------------------------------------------------
    def add_file(self, path: Path | None = None) -> Attachment | None:
        """Attach ``path`` (None: ask with the file dialog) after asking its kind and note."""
        if self._owner is None:
            return None
        path = path or self.choose_file(self)
        if path is None:
            return None
        try:
            size = path.stat().st_size
        except OSError as exc:
            self._notify(_("Cannot read {name}: {reason}").format(name=path.name, reason=exc))
            return None
        if size > MAX_ATTACHMENT_BYTES:  # said before anything is read
            self._notify(
                _("{name} is {size}; a file may have at most {limit}. Not attached.").format(
                    name=path.name, size=format_size(size), limit=format_size(MAX_ATTACHMENT_BYTES)
                ),
                error=True,
            )
            return None
        details = self.ask_details(self, path.name)
        if details is None:
            return None
        kind, description = details
        try:
            data = path.read_bytes()
            stored = self._service.attach(
                self.owner_kind, self._owner, data, path.name, kind=kind, description=description
            )
        except OSError as exc:
            self._notify(_("Cannot read {name}: {reason}").format(name=path.name, reason=exc))
            return None
        except DomainError as exc:
            self._notify(_("{name} was not attached: {reason}").format(name=path.name, reason=exc))
            return None
        self._removed = None
        self.reload(select=stored.id)
        self._notify(_("Attached: {name}").format(name=stored.file_name))
        self.changed.emit()
        return stored

    def open_selected(self) -> Path | None:
        """Write the selected file to the private temporary folder and let the desktop open
        it; programs are refused."""
        item = self.selected()
        if item is None or item.id is None:
            return None
        if is_executable(item.file_name):
            self._notify(
                _(
                    "{name} could run a program, so it is not opened here. Save a copy and "
                    "check it first."
                ).format(name=item.file_name),
                error=True,
            )
            return None
        try:
            path = self._write_temp(item, self._service.content(item.id))
        except (OSError, DomainError) as exc:
            self._notify(_("Cannot open {name}: {reason}").format(name=item.file_name, reason=exc))
            return None
        if not self.opener(path):
            self._notify(
                _("No program to open {name}; it is saved as {path}").format(
                    name=item.file_name, path=path
                ),
                error=True,
            )
        return path

    def save_selected(self, target: Path | None = None) -> Path | None:
        item = self.selected()
        if item is None or item.id is None:
            return None
        target = target or self.choose_save_path(self, safe_file_name(item.file_name))
        if target is None:
            return None
        try:
            target.write_bytes(self._service.content(item.id))
        except (OSError, DomainError) as exc:
            self._notify(_("Cannot save {name}: {reason}").format(name=target.name, reason=exc))
            return None
        self._notify(_("Saved a copy: {path}").format(path=target))
        return target

    def remove_selected(self) -> bool:
        item = self.selected()
        if item is None or item.id is None:
            return False
        try:
            self._service.delete(item.id, item.version)
        except DomainError as exc:
            self._notify(str(exc), error=True)
            return False
        self._removed = item.id
        self.reload()
        self._notify(_("Removed: {name}").format(name=item.file_name), undo=True)
        self.changed.emit()
        return True

    def undo_remove(self) -> Attachment | None:
        if self._removed is None:
            return None
        try:
            restored = self._service.restore(self._removed)
        except DomainError as exc:
            self._notify(str(exc), error=True)
            return None
        self._removed = None
        self.reload(select=restored.id)
        self._notify(_("Restored: {name}").format(name=restored.file_name))
        self.changed.emit()
        return restored

    # --- drag and drop -----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if self._owner is not None and mime.hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.add_file(Path(url.toLocalFile()))
        event.acceptProposedAction()

    # --- helpers -----------------------------------------------------------------------------
    def _row(self, item: Attachment) -> QTreeWidgetItem:
        row = QTreeWidgetItem(
            [item.file_name, item.kind.label(), format_size(item.size), added_on(item)]
        )
        row.setData(COL_NAME, _ID_ROLE, item.id)
        row.setTextAlignment(COL_SIZE, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        tip = item.file_name + ("\n" + item.description if item.description else "")
        for column in range(4):
            row.setToolTip(column, tip)
        return row

    def _write_temp(self, item: Attachment, data: bytes) -> Path:
        folder = self._temp_folder() / (item.id.hex if item.id else uuid.uuid4().hex)
        folder.mkdir(mode=0o700, exist_ok=True)
        path = folder / safe_file_name(item.file_name)
        if path.exists():  # opened before: the copy was left read-only
            path.chmod(stat.S_IRUSR | stat.S_IWUSR)
            path.unlink()
        path.write_bytes(data)
        # Read-only, never executable: edits belong in a saved copy, not in a temporary one.
        path.chmod(stat.S_IRUSR)
        return path

    def _temp_folder(self) -> Path:
        if self._temp_root is None:
            self._temp_root = Path(tempfile.mkdtemp(prefix="mumidesk-files-"))  # mode 0700
            atexit.register(_remove_tree, self._temp_root)
        self._temp_root.mkdir(mode=0o700, parents=True, exist_ok=True)
        return self._temp_root

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for button in (self.open_button, self.save_button, self.remove_button):
            button.setEnabled(chosen)

    def _notify(self, text: str, *, undo: bool = False, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.undo_button.setVisible(undo)
        self.message_bar.show()
        self.status_message.emit(text)
