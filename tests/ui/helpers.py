"""What the window tests do again and again: show a page, save an editor with its button, pick a
record from a picker's pop-up, type into a sub-table's cell, delete the first row."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from mumidesk.ui.editors.record_editor import RecordEditor
from mumidesk.ui.widgets.field_errors import reveal
from mumidesk.ui.widgets.record_picker import RecordPicker
from mumidesk.ui.widgets.sub_table import SubTable
from tests.ui.typing_helper import type_text

W = TypeVar("W", bound=QWidget)


def agree(_parent: QWidget, _question: str) -> bool:
    """A ``confirm`` that says yes to every question."""
    return True


def shown(qtbot: QtBot, widget: W) -> W:
    """``widget`` shown, and closed by qtbot after the test."""
    qtbot.addWidget(widget)
    widget.show()
    return widget


def click_save(editor: RecordEditor) -> None:
    button = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def pick(picker: RecordPicker, typed: str, wanted: str) -> None:
    """Type part of a name, then take ``wanted`` from the pop-up."""
    picker.setFocus()
    type_text(picker, typed)
    assert wanted in picker.candidates()
    picker.choose(wanted)


def column_texts(model: QAbstractItemModel, column: int) -> list[str]:
    """The texts of one column of every loaded row, sorted."""
    return sorted(model.data(model.index(r, column)) for r in range(model.rowCount()))


def type_cell(sub: SubTable, row: int, key: str, text: str) -> None:
    """Open the cell's editor as a double click does, type, and commit with Return."""
    column = next(i for i, c in enumerate(sub.columns) if c.key == key)
    item = sub.table.item(row, column)
    assert item is not None
    reveal(sub.table)  # its tab in front, as the user would have it
    sub.table.setCurrentCell(row, column)
    sub.table.editItem(item)
    # Closed editors linger until deleted later: the open one is the visible one.
    editors = [e for e in sub.table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    type_text(editor, text)
    completer = editor.completer()
    popup = completer.popup() if completer is not None else None
    if popup is not None and popup.isVisible():  # suggestions offered: keep what was typed
        popup.hide()
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits in a queued call


def cell_text(sub: SubTable, row: int, key: str) -> str:
    column = next(i for i, c in enumerate(sub.columns) if c.key == key)
    item = sub.table.item(row, column)
    return item.text() if item is not None else ""


def delete_first_row(page: Any) -> list[str]:
    """Select the first row of a record page and delete it, agreeing; the questions asked."""
    questions: list[str] = []

    def agree_and_note(_parent: QWidget, question: str) -> bool:
        questions.append(question)
        return True

    page.confirm = agree_and_note
    page.table.selectRow(0)
    assert page.delete_record()
    return questions
