"""Several choices from a fixed list (areas of cooperation, languages): a list of check boxes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

_CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class MultiCheck(QListWidget):
    changed = Signal()

    def __init__(self, choices: Sequence[tuple[str, str]], parent: Any = None) -> None:
        """``choices`` are (code, translated label)."""
        super().__init__(parent)
        for code, label in choices:
            item = QListWidgetItem(label)
            item.setData(_CODE_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.itemChanged.connect(lambda _item: self.changed.emit())
        rows = min(len(choices), 8)
        self.setMaximumHeight(self.sizeHintForRow(0) * rows + 2 * self.frameWidth() + 4)

    def codes(self) -> list[str]:
        return [
            self.item(i).data(_CODE_ROLE)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_codes(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        self.blockSignals(True)
        for i in range(self.count()):
            item = self.item(i)
            checked = item.data(_CODE_ROLE) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.blockSignals(False)
        self.changed.emit()

    def set_checked(self, code: str, checked: bool) -> None:
        for i in range(self.count()):
            if self.item(i).data(_CODE_ROLE) == code:
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                self.item(i).setCheckState(state)
