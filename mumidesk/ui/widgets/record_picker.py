"""Choosing a record by typing part of its name.

The candidates come from a lookup function (typically the search index through a service), asked
again as the user types, so a picker over 26,000 partners loads only the few names that match.
``RecordPicker`` holds one record; ``RecordListPicker`` a list (an event's partners, a delegation's
agreements).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mumidesk.i18n import _

Lookup = Callable[[str], Sequence[tuple[uuid.UUID, str]]]  # typed text → (id, label)
Describe = Callable[[uuid.UUID], str]  # id → label (for records set from outside)
LOOKUP_LIMIT = 30
_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class RecordPicker(QLineEdit):
    """A line edit with a completer; ``record_id()`` is the chosen record or None.

    Text that names no candidate leaves the id empty; ``has_unmatched_text()`` lets an editor say
    "choose from the list" instead of silently dropping what was typed.
    """

    id_changed = Signal(object)

    def __init__(self, lookup: Lookup, describe: Describe, parent: Any = None) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self._describe = describe
        self._id: uuid.UUID | None = None
        self._candidates: dict[str, uuid.UUID] = {}
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # The lookup already matched; the completer must show every candidate it got.
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.activated.connect(self._chosen)
        self.setCompleter(completer)
        self.setClearButtonEnabled(True)
        self.textEdited.connect(self._typed)

    def record_id(self) -> uuid.UUID | None:
        return self._id

    def set_record_id(self, key: uuid.UUID | None) -> None:
        self._id = key
        self.setText(self._describe(key) if key is not None else "")

    def has_unmatched_text(self) -> bool:
        return self._id is None and bool(self.text().strip())

    def candidates(self) -> list[str]:
        return self._model.stringList()

    def choose(self, label: str) -> None:
        """Pick a candidate by its label, as a click in the pop-up does."""
        self._chosen(label)

    def _typed(self, text: str) -> None:
        found = list(self._lookup(text)) if text.strip() else []
        self._candidates = {label: key for key, label in found}
        self._model.setStringList([label for _key, label in found])
        key = self._candidates.get(text.strip())
        if key != self._id:
            self._id = key
            self.id_changed.emit(key)
        if found:
            completer = self.completer()
            completer.setCompletionPrefix("")
            completer.complete()

    def _chosen(self, label: str) -> None:
        key = self._candidates.get(label)
        if key is None:
            return
        self.setText(label)
        if key != self._id:
            self._id = key
            self.id_changed.emit(key)


class RecordListPicker(QWidget):
    """Several linked records: a picker, an Add button and the list with Remove."""

    changed = Signal()

    def __init__(self, lookup: Lookup, describe: Describe, parent: Any = None) -> None:
        super().__init__(parent)
        self._describe = describe
        self.picker = RecordPicker(lookup, describe)
        self.picker.setPlaceholderText(_("Type to find…"))
        self.add_button = QPushButton(_("Add"))
        self.add_button.clicked.connect(self.add_picked)
        self.picker.returnPressed.connect(self.add_picked)
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        top = QHBoxLayout()
        top.addWidget(self.picker, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)

    def ids(self) -> list[uuid.UUID]:
        return [self.list.item(i).data(_ID_ROLE) for i in range(self.list.count())]

    def set_ids(self, keys: Sequence[uuid.UUID]) -> None:
        self.list.clear()
        for key in keys:
            self._append(key, self._describe(key))

    def add(self, key: uuid.UUID) -> None:
        if key not in self.ids():
            self._append(key, self._describe(key))
            self.changed.emit()

    def add_picked(self) -> None:
        key = self.picker.record_id()
        if key is None:
            return
        self.add(key)
        self.picker.clear()
        self.picker.set_record_id(None)

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.changed.emit()

    def _append(self, key: uuid.UUID, label: str) -> None:
        item = QListWidgetItem(label)
        item.setData(_ID_ROLE, key)
        self.list.addItem(item)
