"""Typing non-ASCII text into a widget.

qtbot.keyClicks aborts the interpreter on Cyrillic (a Qt assertion in qasciikey.cpp), so each
character is sent as a key event that carries its text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget


def type_text(widget: QWidget, text: str) -> None:
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )
