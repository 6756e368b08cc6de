"""Running slow work (building a document, reading the dashboard's figures) off the GUI thread.

One job at a time runs on a private thread pool; its result or its error comes back as a signal
on the GUI thread. A cancelled job cannot be stopped half-way (a report is one database read and
one write), so cancelling hides its result instead: whatever it delivers later is dropped.

The services open a session per call, so a job may use them on its own thread (SQLite's engine
is created with check_same_thread=False by SQLAlchemy for file databases).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from mumidesk.i18n import _

log = logging.getLogger(__name__)

Work = Callable[[], Any]
T = TypeVar("T")


class _Relay(QObject):
    """Lives on the GUI thread; the job's signals reach their receivers there (queued)."""

    done = Signal(int, object)  # ticket, result
    failed = Signal(int, object)  # ticket, the exception


class _Job(QRunnable):
    def __init__(self, ticket: int, work: Work, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._ticket = ticket
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # every failure goes back to the window as a message
            log.debug("background job failed", exc_info=True)
            self._relay.failed.emit(self._ticket, exc)
        else:
            self._relay.done.emit(self._ticket, result)


class BackgroundWorker(QObject):
    """``finished(result)`` or ``failed(exception)`` for the job started last (not cancelled)."""

    finished = Signal(object)
    failed = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # jobs queue behind each other; never two writers
        self._relay = _Relay(self)
        self._relay.done.connect(self._done)
        self._relay.failed.connect(self._failed)
        self._ticket = 0
        self._running: int | None = None

    def start(self, work: Work) -> None:
        """Run ``work()`` on the pool; a job still running is cancelled (its result dropped)."""
        self._ticket += 1
        self._running = self._ticket
        self._pool.start(_Job(self._ticket, work, self._relay))
        self.busy_changed.emit(True)

    def cancel(self) -> None:
        if self._running is not None:
            self._running = None
            self.busy_changed.emit(False)

    def is_busy(self) -> bool:
        return self._running is not None

    def wait(self, msecs: int = -1) -> bool:
        """Wait for the pool's threads (on close, and in tests)."""
        return bool(self._pool.waitForDone(msecs))

    def _done(self, ticket: int, result: object) -> None:
        if ticket != self._running:
            return
        self._running = None
        self.busy_changed.emit(False)
        self.finished.emit(result)

    def _failed(self, ticket: int, error: object) -> None:
        if ticket != self._running:
            return
        self._running = None
        self.busy_changed.emit(False)
        self.failed.emit(error)


def run_with_progress(parent: QWidget, text: str, work: Callable[[], T]) -> T:
    """Run ``work`` on a worker thread behind a busy progress dialog (the window keeps painting)
    and return its result, or raise its exception, here on the GUI thread: for a step the user
    waits for anyway, such as loading the demo data or an import."""
    progress = QProgressDialog(text, "", 0, 0, parent)
    progress.setWindowTitle(_("Please wait"))
    progress.setCancelButton(None)  # one transaction: stopping half-way would gain nothing
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    worker = BackgroundWorker()
    outcome: list[tuple[bool, Any]] = []
    loop = QEventLoop()

    def ended(succeeded: bool, value: Any) -> None:
        outcome.append((succeeded, value))
        loop.quit()

    worker.finished.connect(lambda result: ended(True, result))
    worker.failed.connect(lambda error: ended(False, error))
    progress.show()
    worker.start(work)
    if not outcome:
        loop.exec()
    worker.wait()
    progress.close()
    progress.deleteLater()
    worker.deleteLater()
    succeeded, value = outcome[0]
    if not succeeded:
        raise value
    result: T = value
    return result
