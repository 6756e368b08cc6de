"""A field's mark goes away as soon as the user changes its input, whatever the input is; a
summary mark registered without that stays until its editor clears it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QTableWidget
from pytestqt.qtbot import QtBot

from mumidesk.ui.widgets.date_field import DateField
from mumidesk.ui.widgets.field_errors import FieldErrors
from tests.ui.typing_helper import type_text


def test_each_kind_of_input_loses_its_mark_when_changed(qtbot: QtBot) -> None:
    errors = FieldErrors()
    line, text, combo, check, date = (
        QLineEdit(),
        QPlainTextEdit(),
        QComboBox(),
        QCheckBox(),
        DateField(optional=True),
    )
    combo.addItems(["Смоленск", "Калуга"])
    boxes = []
    for name, widget in (
        ("name", line),
        ("notes", text),
        ("kind", combo),
        ("auto", check),
        ("signed_on", date),
    ):
        boxes.append(errors.wrap(name, widget))  # pytest-qt holds widgets weakly
        qtbot.addWidget(boxes[-1])
        errors.mark(name, "ошибка")
    assert all(errors.has_error(name) for name in errors.fields())

    type_text(line, "Брест")
    type_text(text, "заметка")
    combo.setCurrentIndex(1)
    check.click()  # as a click does (the box is not on a screen)
    date.set_value(dt.date(2026, 11, 22))
    assert [name for name in errors.fields() if errors.has_error(name)] == []
    assert errors.message("name") == ""


def test_a_line_edit_keeps_its_mark_through_a_programmatic_change(qtbot: QtBot) -> None:
    errors = FieldErrors()
    line = QLineEdit()
    box = errors.wrap("name", line)
    qtbot.addWidget(box)
    errors.mark("name", "обязательное поле")
    line.setText("loaded")  # a reload is not the user's correction
    assert errors.message("name") == "обязательное поле"


def test_a_summary_mark_or_a_grid_stays_until_the_editor_clears_it(qtbot: QtBot) -> None:
    errors = FieldErrors()
    summary, grid = QComboBox(), QTableWidget(2, 2)
    summary.addItems(["a", "b"])
    boxes = [errors.wrap("parties", summary, clear_on_change=False), errors.wrap("members", grid)]
    for box in boxes:
        qtbot.addWidget(box)
    errors.mark("parties", "исправьте стороны")
    errors.mark("members", "строка 1: имя")
    summary.setCurrentIndex(1)
    grid.setCurrentCell(1, 1)
    assert errors.has_error("parties") and errors.has_error("members")
    errors.clear_field("parties")
    assert not errors.has_error("parties")
