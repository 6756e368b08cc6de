"""The "History…" of one record: every change, who made it and when, old and new values —
also of a record that has since been deleted."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from mumidesk.domain.errors import DomainError
from mumidesk.i18n import _, ngettext
from mumidesk.services.history import HistoryService
from mumidesk.ui.widgets.history_panel import HistoryPanel


class HistoryDialog(QDialog):
    def __init__(
        self, services: Any, kind: str, key: uuid.UUID, name: str, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.key = key
        self.setWindowTitle(_("History: {name}").format(name=name))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.panel = HistoryPanel()
        # The chosen line in full: long texts (an agreement's subject, forty members) are cut in
        # the list.
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(self.fontMetrics().height() * 3)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.panel.currentItemChanged.connect(
            lambda item, _previous: self.detail.setText(self.panel.full_text(item))
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.detail)
        layout.addWidget(buttons)
        self.resize(720, 480)
        self._history = HistoryService(services.db)
        self.reload()

    def reload(self) -> None:
        try:
            entries = self._history.history(self.kind, self.key)
        except DomainError as exc:  # e.g. a server that refuses to read the log
            self.heading.setText(str(exc))
            self.panel.set_entries([])
            return
        self.panel.set_entries(entries)
        self.heading.setText(
            ngettext("{n} change recorded", "{n} changes recorded", len(entries)).format(
                n=len(entries)
            )
        )
