"""The main window. Until the UI issue builds the pages, it shows the partner registry and the
search, so a fresh install can be opened and looked at."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mumidesk.i18n import _, ngettext
from mumidesk.services.registry import Services
from mumidesk.ui.pages.partners_page import PartnersPage

SEARCH_LIMIT = 200


class MainWindow(QMainWindow):
    def __init__(self, services: Services) -> None:
        super().__init__()
        self._services = services
        self.setWindowTitle(_("mumidesk — international ties"))
        self.resize(1100, 700)

        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(_("Search names, titles, content, participants…"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.returnPressed.connect(self.run_search)

        self.partners_page = PartnersPage(services, self)
        self.partners_page.status_message.connect(self.statusBar().showMessage)
        self.partner_model = self.partners_page.model

        self.results = QListWidget()

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.partners_page)
        splitter.addWidget(self.results)
        splitter.setStretchFactor(0, 3)

        heading = QLabel(_("Partner cities"))
        heading.setStyleSheet("font-weight: bold; font-size: 14pt;")
        layout = QVBoxLayout()
        layout.addWidget(heading)
        layout.addWidget(self.search_field)
        layout.addWidget(splitter)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self._show_counts()

    def _show_counts(self) -> None:
        total = self.partner_model.total()
        self.statusBar().showMessage(
            ngettext("{n} partner", "{n} partners", total).format(n=total)
            + "  ·  "
            + str(self._services.db.url.render_as_string(hide_password=True))
        )

    def run_search(self) -> None:
        self.results.clear()
        hits = self._services.search.search(self.search_field.text(), limit=SEARCH_LIMIT)
        if not hits:
            self.results.addItem(_("Nothing found"))
            return
        for hit in hits:
            self.results.addItem(f"{hit.title}  —  {_kind_label(hit.kind)}")


def _kind_label(kind: str) -> str:
    return {
        "partner": _("Partner"),
        "municipality": _("Municipality"),
        "agreement": _("Agreement"),
        "delegation": _("Delegation"),
        "event": _("Event"),
        "exchange": _("Exchange programme"),
        "organisation": _("Organisation"),
        "person": _("Person"),
        "region": _("Region"),
        "attachment": _("Attachment"),
    }.get(kind, kind)
