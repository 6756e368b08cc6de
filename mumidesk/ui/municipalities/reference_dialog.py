"""File → Our region and municipalities: the own side's reference data in one window, so an
empty database can be set up without an import."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout

from mumidesk.i18n import _
from mumidesk.services.registry import Services
from mumidesk.ui.municipalities.reference_pages import MunicipalitiesPage, RegionsPage


class ReferenceDialog(QDialog):
    changed = Signal()

    def __init__(self, services: Services, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Our region and municipalities"))
        self.resize(1000, 560)
        self.municipalities = MunicipalitiesPage(services, self)
        self.regions = RegionsPage(services, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.municipalities, _("Municipalities"))
        self.tabs.addTab(self.regions, _("Regions"))
        for page in (self.municipalities, self.regions):
            page.changed.connect(self.changed)
        # A new region must show up in the municipality editor's list at once.
        self.regions.changed.connect(self.municipalities.refresh)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def show_record_of(self, kind: str, key: uuid.UUID) -> bool:
        page = self.regions if kind == "region" else self.municipalities
        self.tabs.setCurrentWidget(page)
        return page.show_record(key)
