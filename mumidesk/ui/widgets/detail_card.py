"""A read-only card of one record: a title and label/value rows; empty values are hidden so a card
of a sparse record stays short."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget


class DetailCard(QWidget):
    def __init__(self, rows: Sequence[tuple[str, str]], parent: Any = None) -> None:
        """``rows`` are (key, translated label) in display order."""
        super().__init__(parent)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.values: dict[str, QLabel] = {}
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label in rows:
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self._form.addRow(label, value)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.title)
        self.layout_.addLayout(self._form)
        self.extra = QVBoxLayout()  # pages put action buttons, lists … under the values
        self.layout_.addLayout(self.extra)
        self.layout_.addStretch(1)

    def show_values(self, title: str, values: Mapping[str, str]) -> None:
        self.title.setText(title)
        for row, (key, label) in enumerate(self.values.items()):
            text = values.get(key, "")
            label.setText(text)
            self._form.setRowVisible(row, bool(text))

    def show_empty(self, title: str) -> None:
        self.show_values(title, {})

    def value(self, key: str) -> str:
        return self.values[key].text()
