"""An open editor's typed input, kept in a recovery file until it is saved or thrown away.

Every editor writes what is typed (``RecordEditor.typed_input()``, plain JSON) a moment after
each change and every few seconds to ``<data folder>/recovery/<kind>-<record id or new-…>.json``;
a save or a deliberate discard deletes the file. A crash, a killed process or a power cut leaves
it behind: on the next start ``offer_recoveries`` asks, per file, whether to restore it, and opens
the editor with the input as it was typed.

Files are written whole (a temporary file, flushed to disk, then renamed over the old one), so a
kill in the middle of a write leaves the previous version, never half a file.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import os
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from mumidesk.i18n import _
from mumidesk.settings import data_dir
from mumidesk.ui.dialogs.conflict_dialog import when_text

if TYPE_CHECKING:
    from mumidesk.ui.editors.record_editor import RecordEditor

FORMAT = 1
INTERVAL_MS = 5_000  # a write every few seconds while something differs from the last one
DEBOUNCE_MS = 800  # and shortly after typing pauses


def recovery_dir() -> Path:
    return data_dir() / "recovery"


@dataclass(frozen=True)
class Recovery:
    """One editor's unsaved input found on disk."""

    path: Path
    kind: str
    record_id: uuid.UUID | None
    version: int
    title: str
    saved_at: dt.datetime | None
    fields: dict[str, Any]
    pid: int = 0  # the process whose editor wrote it

    @property
    def editor_still_open(self) -> bool:
        """Written by another instance of the application that is still running: its editor is
        open there, nothing was lost."""
        return self.pid != os.getpid() and _running(self.pid)

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


def write_recovery(path: Path, content: dict[str, Any]) -> None:
    """Replace ``path`` with ``content`` in one step (temporary file, fsync, rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        json.dump(content, handle, ensure_ascii=False, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def read_recovery(path: Path) -> Recovery | None:
    """The recovery in ``path``; None for a file that is not one (damaged, foreign)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        return None
    fields = raw.get("fields")
    kind = raw.get("kind")
    if not isinstance(fields, dict) or not isinstance(kind, str):
        return None
    try:
        record_id = uuid.UUID(raw["record_id"]) if raw.get("record_id") else None
        saved_at = dt.datetime.fromisoformat(raw["saved_at"]) if raw.get("saved_at") else None
    except (TypeError, ValueError):
        return None
    version = raw.get("version")
    pid = raw.get("pid")
    return Recovery(
        path=path,
        kind=kind,
        record_id=record_id,
        version=version if isinstance(version, int) else 0,
        title=str(raw.get("title") or kind),
        saved_at=saved_at,
        fields=fields,
        pid=pid if isinstance(pid, int) else 0,
    )


def _running(pid: int) -> bool:
    if pid <= 0 or sys.platform == "win32":  # signal 0 is CTRL_C_EVENT there, not a probe
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def pending_recoveries(folder: Path | None = None) -> list[Recovery]:
    """Unsaved input left by editors that never closed, oldest first (not the input of an
    editor open in another running instance of the application)."""
    folder = folder or recovery_dir()
    if not folder.is_dir():
        return []
    found = [read_recovery(path) for path in sorted(folder.glob("*.json"))]
    recoveries = [r for r in found if r is not None and not r.editor_still_open]
    oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
    return sorted(recoveries, key=lambda r: r.saved_at or oldest)


class Autosaver(QObject):
    """Writes one editor's typed input while it differs from what was loaded."""

    def __init__(self, editor: RecordEditor, folder: Path | None = None) -> None:
        super().__init__(editor)
        self.editor = editor
        self.folder = folder or recovery_dir()
        kind = editor.record_kind() or "record"
        key = getattr(editor.record, "id", None)
        name = str(key) if key is not None else f"new-{uuid.uuid4().hex}"
        self.path = self.folder / f"{kind}-{name}.json"
        self.paused = False
        self.writes = 0
        self._written: dict[str, Any] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.write_now)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.write_now)
        self._watch(editor)
        self.timer.start()

    def _watch(self, editor: QWidget) -> None:
        """Changes of the inputs there now start the short wait; inputs added later (a new party
        of an agreement) are caught by the periodic write."""
        for widget in editor.findChildren(QWidget):
            if isinstance(widget, QAbstractItemView):
                model = widget.model()
                if model is not None:  # cells typed, rows added or removed, boxes ticked
                    model.dataChanged.connect(self.changed)
                    model.rowsInserted.connect(self.changed)
                    model.rowsRemoved.connect(self.changed)
                continue
            family = _signal_family(widget)
            for signal_name in _CHANGE_SIGNALS[family] if family is not None else ():
                getattr(widget, signal_name).connect(self.changed)

    def changed(self, *_args: Any) -> None:
        if not self.paused:
            self.debounce.start()

    def write_now(self) -> bool:
        """Write the input if it changed since the last write; True when a file was written."""
        if self.paused:
            return False
        if not self.editor.is_dirty():
            if self._written is not None:
                self.remove_file()
            return False
        fields = self.editor.typed_input()
        if fields == self._written and self.path.exists():
            return False
        record = self.editor.record
        key = getattr(record, "id", None)
        write_recovery(
            self.path,
            {
                "format": FORMAT,
                "kind": self.editor.record_kind(),
                "record_id": str(key) if key is not None else None,
                "version": int(getattr(record, "version", 0) or 0),
                "title": self.editor.recovery_title(),
                "saved_at": dt.datetime.now(dt.UTC).isoformat(),
                "editor": type(self.editor).__name__,
                "pid": os.getpid(),
                "fields": fields,
            },
        )
        self._written = fields
        self.writes += 1
        return True

    def adopt(self, path: Path) -> None:
        """Continue a recovered file: it is the one a save will delete."""
        if path != self.path:
            self.remove_file()
            self.path = path

    def remove_file(self) -> None:
        self.path.unlink(missing_ok=True)
        self._written = None

    def stop(self) -> None:
        """The input was saved or deliberately dropped: no recovery any more."""
        self.timer.stop()
        self.debounce.stop()
        self.remove_file()


def _signal_family(widget: QWidget) -> type | None:
    for family in _CHANGE_SIGNALS:
        if isinstance(widget, family):
            return family
    return None


_CHANGE_SIGNALS: dict[type, tuple[str, ...]] = {
    QLineEdit: ("textChanged",),
    QPlainTextEdit: ("textChanged",),
    QTextEdit: ("textChanged",),
    QComboBox: ("currentIndexChanged", "editTextChanged"),
    QDateTimeEdit: ("dateTimeChanged",),
    QSpinBox: ("valueChanged",),
    QDoubleSpinBox: ("valueChanged",),
    QAbstractButton: ("toggled",),
}


# --- offering recoveries at start ----------------------------------------------------------------


class RecoveryAnswer(enum.Enum):
    RESTORE = "restore"
    DISCARD = "discard"
    LATER = "later"


AskRestore = Callable[[QWidget, Recovery], RecoveryAnswer]
OpenEditor = Callable[[Recovery], "RecordEditor | None"]


def ask_restore(parent: QWidget, recovery: Recovery) -> RecoveryAnswer:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Unsaved input"))
    box.setText(_("Restore unsaved input of {record}?").format(record=recovery.title))
    box.setInformativeText(
        _("It was typed on {when}, and the editor closed before it was saved.").format(
            when=when_text(recovery.saved_at)
        )
    )
    restore = box.addButton(_("Restore"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_("Discard"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_("Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore:
        return RecoveryAnswer.RESTORE
    if clicked is discard:
        return RecoveryAnswer.DISCARD
    return RecoveryAnswer.LATER


def offer_recoveries(
    parent: QWidget,
    open_editor: OpenEditor,
    *,
    ask: AskRestore = ask_restore,
    folder: Path | None = None,
) -> list[RecordEditor]:
    """Ask about each recovery; ``open_editor(recovery)`` opens the editor of its record (or a
    new one) and returns it; the typed input goes into it. "Later" keeps the file."""
    editors: list[RecordEditor] = []
    for recovery in pending_recoveries(folder):
        answer = ask(parent, recovery)
        if answer is RecoveryAnswer.DISCARD:
            recovery.discard()
        elif answer is RecoveryAnswer.RESTORE:
            editor = open_editor(recovery)
            if editor is not None:
                editor.restore_recovery(recovery)
                editors.append(editor)
    return editors


def open_in_window(window: Any, recovery: Recovery) -> RecordEditor | None:
    """The editor for ``recovery`` in the main window: the area of its kind is shown (the
    reference dialog for municipalities and regions) and its editor opened there. Uses the
    window's public ``show_area`` and ``open_reference``."""
    from mumidesk.ui.navigation import area_of_kind  # the pages import this module

    if recovery.kind in ("municipality", "region"):
        dialog = window.open_reference(recovery.kind)
        page = dialog.regions if recovery.kind == "region" else dialog.municipalities
        dialog.tabs.setCurrentWidget(page)
        return open_in_page(page, recovery)
    spec = area_of_kind(recovery.kind)
    if spec is None:
        return None
    return open_in_page(window.show_area(spec.key), recovery)


def open_in_page(page: Any, recovery: Recovery) -> RecordEditor | None:
    """The editor for ``recovery`` on a RecordPage: its record's, or a new one (also when the
    record is gone since: the typed input is not lost, it can be saved as a new record). A page
    of several kinds (organisations and people) passes it to the page of the kind."""
    if hasattr(page, "page_of"):
        inner = page.page_of(recovery.kind)
        if inner is None:
            return None
        page.set_current_kind(recovery.kind)
        page = inner
    if recovery.record_id is not None and page.show_record(recovery.record_id):
        editor: RecordEditor | None = page.edit_record()
        return editor
    new: RecordEditor = page.new_record()
    return new
