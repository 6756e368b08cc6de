"""Problems of a delegation's rows shown where they are: the domain names a member or a programme
item by its index ("programme[1].start_time"); the editor shows "row 2: From: …" under the
sub-table (FieldErrors adds the row) and tints the cell. Blank rows the editor skipped are counted,
so the row named is the row on screen."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QVBoxLayout

from mumidesk.domain.errors import FieldProblem
from mumidesk.i18n import _
from mumidesk.ui.widgets.field_errors import FieldErrors
from mumidesk.ui.widgets.sub_table import SubTable

ERROR_BRUSH = QBrush(QColor("#ffd6d6"))
_INDEXED = re.compile(r"^(?P<name>\w+)\[(?P<index>\d+)\](?:\.(?P<column>\w+))?$")


def wrap_table(errors: FieldErrors, field: str, sub: SubTable) -> None:
    """Register a sub-table's grid as the input of ``field``: the red frame and the message go
    on the grid itself, above the row buttons (a frame on the whole widget would paint them)."""
    layout = sub.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.removeWidget(sub.table)
    layout.insertWidget(0, errors.wrap(field, sub.table), 1)


def clear_marks(sub: SubTable) -> None:
    for row in range(sub.table.rowCount()):
        for column in range(sub.table.columnCount()):
            item = sub.table.item(row, column)
            if item is not None and item.background() == ERROR_BRUSH:
                item.setBackground(QBrush())


def mark_cell(sub: SubTable, row: int, key: str) -> None:
    column = next((i for i, c in enumerate(sub.columns) if c.key == key), -1)
    item = sub.table.item(row, column) if column >= 0 else None
    if item is not None:
        sub.table.blockSignals(True)  # a tint is no edit: it must not clear itself
        item.setBackground(ERROR_BRUSH)
        sub.table.blockSignals(False)


def is_marked(sub: SubTable, row: int, key: str) -> bool:
    column = next(i for i, c in enumerate(sub.columns) if c.key == key)
    item = sub.table.item(row, column)
    return item is not None and item.background() == ERROR_BRUSH


def snapshot(sub: SubTable) -> list[tuple[Any, ...]]:
    """The cells as shown, comparable: the unsaved-changes check must not parse them."""
    rows = []
    for row in range(sub.table.rowCount()):
        cells: list[Any] = []
        for column in range(sub.table.columnCount()):
            item = sub.table.item(row, column)
            if item is None:
                cells.append(None)
                continue
            cells.append((item.data(Qt.ItemDataRole.DisplayRole), item.checkState()))
        rows.append(tuple(cells))
    return rows


def place_problems(
    problems: Iterable[FieldProblem],
    tables: Mapping[str, tuple[SubTable, Sequence[int]]],
) -> list[FieldProblem]:
    """Turn the domain's indexed fields into the editor's: ``tables`` maps a list field to its
    sub-table and, for each domain index, the grid row it came from (blank rows are skipped)."""
    placed: list[FieldProblem] = []
    for problem in problems:
        match = _INDEXED.match(problem.field)
        if match is None:
            placed.append(problem)
            continue
        name, index, key = match["name"], int(match["index"]), match["column"]
        if name not in tables:  # partner_ids[2]: FieldErrors puts it on the list with its row
            placed.append(problem)
            continue
        sub, rows = tables[name]
        row = rows[index] if index < len(rows) else index
        message = problem.message
        if key:
            mark_cell(sub, row, key)
            title = next((c.title for c in sub.columns if c.key == key), key)
            message = _("{column}: {message}").format(column=title, message=message)
        placed.append(FieldProblem(name, message, row + 1))
    return placed
