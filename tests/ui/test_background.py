"""run_with_progress: the work runs on a worker thread behind a progress dialog, and its result
or its exception comes back on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mumidesk.ui.background import run_with_progress


def test_the_result_comes_back_from_another_thread(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    gui = threading.get_ident()
    ran_on = run_with_progress(parent, "Загрузка…", threading.get_ident)
    assert ran_on != gui


def test_the_exception_is_raised_on_the_gui_thread(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def broken() -> None:
        raise ValueError("строка 3: неверная дата")

    with pytest.raises(ValueError, match="строка 3"):
        run_with_progress(parent, "Импорт…", broken)
