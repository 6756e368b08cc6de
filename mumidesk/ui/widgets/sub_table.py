"""An editable table inside an editor: delegation members, visit-programme items, exchange
participant counts. Each column has a kind (text, whole number, date, time, yes/no, choice) and
gets the matching in-cell editor; ``read()`` turns the cells back into Python values and names
every cell that cannot be read, by row and column."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.errors import FieldProblem
from mumidesk.i18n import _
from mumidesk.ui.widgets.date_field import DateField, display_format, from_qdate, to_qdate

TEXT, INT, DATE, TIME, BOOL, CHOICE = "text", "int", "date", "time", "bool", "choice"
_CODE_ROLE = Qt.ItemDataRole.UserRole + 1
_HIDDEN_ROLE = Qt.ItemDataRole.UserRole + 2
_ERROR_BRUSH = QBrush(QColor("#ffd6d6"))


@dataclass(frozen=True)
class SubColumn:
    key: str
    title: str
    kind: str = TEXT
    choices: Sequence[tuple[str, str]] = ()  # (code, label) for CHOICE
    width: int | None = None
    optional: bool = False  # DATE: the cell may stay empty (read as None)


def parse_time(text: str) -> dt.time | None:
    """ "9:30", "09.30", "930" → 09:30; "" → None; ValueError otherwise."""
    cleaned = text.strip().replace(".", ":").replace("-", ":")
    if not cleaned:
        return None
    if ":" not in cleaned and cleaned.isdigit() and len(cleaned) in (3, 4):
        cleaned = cleaned[:-2] + ":" + cleaned[-2:]
    hours, _sep, minutes = cleaned.partition(":")
    return dt.time(int(hours), int(minutes or 0))


class _ChoiceDelegate(QStyledItemDelegate):
    def __init__(self, choices: Sequence[tuple[str, str]], parent: Any = None) -> None:
        super().__init__(parent)
        self._choices = list(choices)

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        box = QComboBox(parent)
        for code, label in self._choices:
            box.addItem(label, code)
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(_CODE_ROLE)), 0))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), _CODE_ROLE)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class _DateDelegate(QStyledItemDelegate):
    """A date cell shown as the language writes dates (31.03.2017), edited with the shared
    DateField; an optional one may be emptied with Delete."""

    def __init__(self, optional: bool, parent: Any = None) -> None:
        super().__init__(parent)
        self._optional = optional

    def displayText(self, value: Any, locale: Any) -> str:
        if isinstance(value, QDate):
            return value.toString(display_format()) if value.isValid() else ""
        return str(super().displayText(value, locale))

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        return DateField(parent, optional=self._optional)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, DateField)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.set_value(from_qdate(value) if isinstance(value, QDate) else None)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, DateField)
        value = editor.value()
        model.setData(index, to_qdate(value) if value else None, Qt.ItemDataRole.EditRole)


class SubTable(QWidget):
    """``new_row`` gives the values of an added row (e.g. the day of the row above)."""

    changed = Signal()

    def __init__(
        self,
        columns: Sequence[SubColumn],
        parent: Any = None,
        *,
        new_row: Callable[[list[dict[str, Any]]], Mapping[str, Any]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._new_row = new_row
        self.table = QTableWidget(0, len(self.columns))
        self.table.setHorizontalHeaderLabels([c.title for c in self.columns])
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self._delegates: list[QStyledItemDelegate] = []
        for index, column in enumerate(self.columns):
            if column.kind == CHOICE:
                delegate = _ChoiceDelegate(column.choices, self.table)
                self._delegates.append(delegate)
                self.table.setItemDelegateForColumn(index, delegate)
            elif column.kind == DATE:
                date_delegate = _DateDelegate(column.optional, self.table)
                self._delegates.append(date_delegate)
                self.table.setItemDelegateForColumn(index, date_delegate)
            if column.width:
                self.table.setColumnWidth(index, column.width)
        self.table.itemChanged.connect(self._item_changed)

        self.add_button = QPushButton(_("Add row"))
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton(_("Remove row"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button = QPushButton("↑")
        self.up_button.setToolTip(_("Move up"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton("↓")
        self.down_button.setToolTip(_("Move down"))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    # --- writing cells -----------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Mapping[str, Any]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for values in rows:
            self._insert(self.table.rowCount(), values)
        self.table.blockSignals(False)

    def add_row(self, values: Mapping[str, Any] | None = None) -> int:
        if values is None and self._new_row is not None:
            values = self._new_row(self.read()[0])
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self._insert(row, values or {})
        self.table.blockSignals(False)
        self.table.setCurrentCell(row, 0)
        self.changed.emit()
        return row

    def set_value(self, row: int, key: str, value: Any) -> None:
        """Put a value in a cell as an editor would (tests and programmatic filling)."""
        column = self._column_index(key)
        old = self.table.item(row, column)
        item = self._item(self.columns[column], value)
        if old is not None and old.data(_HIDDEN_ROLE) is not None:
            item.setData(_HIDDEN_ROLE, old.data(_HIDDEN_ROLE))
        self.table.setItem(row, column, item)
        self.changed.emit()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.changed.emit()

    def move_selected(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        values = self.read()[0]
        values[row], values[target] = values[target], values[row]
        self.set_rows(values)
        self.table.setCurrentCell(target, 0)
        self.changed.emit()

    def _insert(self, row: int, values: Mapping[str, Any]) -> None:
        self.table.insertRow(row)
        for index, column in enumerate(self.columns):
            self.table.setItem(row, index, self._item(column, values.get(column.key)))
        # Keys without a column (a record's id, a linked person's id) travel with the row
        # through edits and moves and come back from read().
        keys = {c.key for c in self.columns}
        hidden = {k: v for k, v in values.items() if k not in keys}
        first = self.table.item(row, 0)
        if hidden and first is not None:
            first.setData(_HIDDEN_ROLE, hidden)

    def _item(self, column: SubColumn, value: Any) -> QTableWidgetItem:
        item = QTableWidgetItem()
        if column.kind == INT:
            item.setData(Qt.ItemDataRole.EditRole, int(value or 0))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif column.kind == DATE:
            if value or not column.optional:
                item.setData(
                    Qt.ItemDataRole.EditRole, to_qdate(value) if value else QDate.currentDate()
                )
        elif column.kind == TIME:
            item.setText(
                value.strftime("%H:%M") if isinstance(value, dt.time) else str(value or "")
            )
        elif column.kind == BOOL:
            item.setFlags(
                item.flags() & ~Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
        elif column.kind == CHOICE:
            code = value if value is not None else (column.choices[0][0] if column.choices else "")
            item.setData(_CODE_ROLE, code)
            item.setText(dict(column.choices).get(code, str(code)))
        else:
            item.setText(str(value or ""))
        return item

    # --- reading cells -----------------------------------------------------------------------
    def read(self, field: str = "") -> tuple[list[dict[str, Any]], list[FieldProblem]]:
        """The rows as Python values, and a problem per cell that cannot be read (``field`` is
        the editor's name for this table, put on each problem with the row number)."""
        # Tinting a cell is no edit: without the block, _item_changed would clear it at once.
        blocked = self.table.blockSignals(True)
        try:
            return self._read(field)
        finally:
            self.table.blockSignals(blocked)

    def _read(self, field: str) -> tuple[list[dict[str, Any]], list[FieldProblem]]:
        rows: list[dict[str, Any]] = []
        problems: list[FieldProblem] = []
        for row in range(self.table.rowCount()):
            first = self.table.item(row, 0)
            hidden = first.data(_HIDDEN_ROLE) if first is not None else None
            values: dict[str, Any] = dict(hidden) if isinstance(hidden, dict) else {}
            for index, column in enumerate(self.columns):
                item = self.table.item(row, index)
                try:
                    values[column.key] = self._value(column, item)
                    if item is not None and column.kind == TIME:
                        item.setBackground(QBrush())
                except ValueError:
                    values[column.key] = None
                    if item is not None:
                        item.setBackground(_ERROR_BRUSH)
                    problems.append(
                        FieldProblem(
                            field or column.key,
                            _("{column}: enter a time such as 09:30").format(column=column.title),
                            row + 1,
                        )
                    )
            rows.append(values)
        return rows, problems

    def rows(self) -> list[dict[str, Any]]:
        return self.read()[0]

    def row_count(self) -> int:
        return self.table.rowCount()

    def _value(self, column: SubColumn, item: QTableWidgetItem | None) -> Any:
        if item is None:
            return None
        if column.kind == INT:
            return int(item.data(Qt.ItemDataRole.EditRole) or 0)
        if column.kind == DATE:
            value = item.data(Qt.ItemDataRole.EditRole)
            return from_qdate(value) if isinstance(value, QDate) and value.isValid() else None
        if column.kind == TIME:
            return parse_time(item.text())
        if column.kind == BOOL:
            return item.checkState() == Qt.CheckState.Checked
        if column.kind == CHOICE:
            return item.data(_CODE_ROLE)
        return item.text().strip()

    def _column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        item.setBackground(QBrush())
        self.changed.emit()
