"""Date inputs: a calendar pop-up, a format people of the language type, and an empty state for
optional dates (the minimum date stands for "not set", shown as a dash)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDateEdit

from mumidesk.i18n import current_language

_EMPTY = QDate(1900, 1, 1)


def display_format() -> str:
    """dd.MM.yyyy is what Russian paperwork uses; other languages get an unambiguous month."""
    return "dd.MM.yyyy" if current_language() == "ru" else "d MMM yyyy"


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class DateField(QDateEdit):
    """``value()`` is a ``datetime.date`` or None (only when ``optional``).

    Delete or Backspace over the whole text empties an optional date; opening the calendar on an
    empty one starts at today rather than at the sentinel year 1900.
    """

    value_changed = Signal()

    def __init__(self, parent: Any = None, *, optional: bool = False) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setCalendarPopup(True)
        self.setDisplayFormat(display_format())
        self.setMaximumDate(QDate(2200, 12, 31))
        if optional:
            self.setMinimumDate(_EMPTY)
            self.setSpecialValueText("—")
            self.setDate(_EMPTY)
        else:
            self.setMinimumDate(QDate(1700, 1, 1))
            self.setDate(QDate.currentDate())
        self.dateChanged.connect(lambda _d: self.value_changed.emit())

    def value(self) -> dt.date | None:
        if self.optional and self.date() == _EMPTY:
            return None
        return from_qdate(self.date())

    def set_value(self, value: dt.date | None) -> None:
        if value is None:
            self.setDate(_EMPTY if self.optional else QDate.currentDate())
        else:
            self.setDate(to_qdate(value))

    def clear_value(self) -> None:
        if self.optional:
            self.setDate(_EMPTY)

    def is_empty(self) -> bool:
        return self.value() is None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        erasing = event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        whole = self.lineEdit().selectedText() == self.lineEdit().text()
        if self.optional and erasing and whole:
            self.clear_value()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.optional and self.date() == _EMPTY:
            self.setDate(QDate.currentDate())
        super().mousePressEvent(event)
