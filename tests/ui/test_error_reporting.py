"""An exception nobody caught in the window: logged with its traceback and shown in a dialog
that names the log file; the window stays; a worker thread's exception is logged only."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from mumidesk import app_log
from mumidesk.ui.error_reporting import ErrorReporter


@pytest.fixture
def reporter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ErrorReporter]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app_log.start_logging(tmp_path)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)  # a modal dialog would wait
    reporter = ErrorReporter(app)
    hooks = sys.excepthook, threading.excepthook
    reporter.install()
    yield reporter
    sys.excepthook, threading.excepthook = hooks
    app_log.stop_logging()


def _log_text(tmp_path: Path) -> str:
    return (tmp_path / app_log.LOG_NAME).read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_shown_with_the_log_path(
    qtbot: QtBot, reporter: ErrorReporter, tmp_path: Path
) -> None:
    button = QPushButton("Сохранить")
    qtbot.addWidget(button)

    def broken() -> None:
        raise ValueError("Ошибка в обработчике")

    button.clicked.connect(broken)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    box = reporter.last_dialog
    assert box is not None
    assert box.windowTitle() == "Unexpected error"
    assert "ValueError: Ошибка в обработчике" in box.text()
    assert str(tmp_path / app_log.LOG_NAME) in box.informativeText()
    assert "in broken" in box.detailedText()
    assert [b.text() for b in box.buttons() if b.text() == "Open the log folder"]
    text = _log_text(tmp_path)
    assert "ERROR mumidesk [MainThread] unexpected error" in text
    assert 'raise ValueError("Ошибка в обработчике")' in text


def test_a_worker_thread_exception_is_logged_without_a_dialog(
    reporter: ErrorReporter, tmp_path: Path
) -> None:
    def work() -> None:
        raise RuntimeError("сбой в потоке")

    thread = threading.Thread(target=work, name="worker")
    thread.start()
    thread.join()
    assert reporter.last_dialog is None
    assert "[worker] unexpected error" in _log_text(tmp_path)
    assert "RuntimeError: сбой в потоке" in _log_text(tmp_path)


def test_an_error_while_the_dialog_shows_is_logged_not_shown_again(
    reporter: ErrorReporter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QMessageBox] = []

    def failing_dialog(box: QMessageBox) -> int:
        shown.append(box)
        try:
            raise OSError("second")
        except OSError:
            reporter.report(*sys.exc_info())  # type: ignore[arg-type]
        return 0

    monkeypatch.setattr(QMessageBox, "exec", failing_dialog)
    try:
        raise KeyError("first")
    except KeyError:
        reporter.report(*sys.exc_info())  # type: ignore[arg-type]
    assert len(shown) == 1
    text = _log_text(tmp_path)
    assert "KeyError: 'first'" in text and "OSError: second" in text
