"""The automatic backup while the window is open: one on start when none was made today, then
whenever the newest is a day old (a timer looks every hour, so a laptop that slept catches up).

The backup runs on a worker thread (reading a network folder can take seconds) and its failure
comes back as a message signal: a missing network drive must never stop anyone's work."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from mumidesk.db.backup import BackupFile
from mumidesk.domain.errors import DomainError
from mumidesk.i18n import _
from mumidesk.services.backups import BackupService
from mumidesk.ui.background import BackgroundWorker

CHECK_INTERVAL_MS = 60 * 60 * 1000


class BackupScheduler(QObject):
    """``start()`` once the window shows; ``stop()`` before the database is closed."""

    succeeded = Signal(object)  # the BackupFile written
    failed = Signal(str)  # why it could not be made, one translated line

    def __init__(
        self, service: BackupService, parent: Any = None, *, interval_ms: int = CHECK_INTERVAL_MS
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.worker = BackgroundWorker(self)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.check(on_start=True)
        self.timer.start()

    def stop(self) -> None:
        """No new checks; a backup being written is finished (never cut off half-way)."""
        self.timer.stop()
        self.worker.wait()

    def check(self, on_start: bool = False) -> bool:
        """Start a backup if one is due; False when one is still running."""
        if self.worker.is_busy():
            return False
        service = self.service
        self.worker.start(lambda: service.run_if_due(on_start=on_start))
        return True

    def _finished(self, made: BackupFile | None) -> None:
        if made is not None:
            self.succeeded.emit(made)

    def _failed(self, error: object) -> None:
        if isinstance(error, DomainError):
            reason = str(error)
        else:  # an unexpected failure is reported the same way, never raised in the window
            reason = f"{type(error).__name__}: {error}"
        self.failed.emit(_("The automatic backup failed: {reason}").format(reason=reason))
