"""The first page: what falls due, the numbers at a glance, partners by country, recent changes
and the map of partner cities. Everything leads on: a deadline or a change opens its record, a
count opens its area.

The data is read when the page is first shown and on ``refresh()`` (F5, or when another page
wrote something), so building the window costs no queries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.errors import DomainError
from mumidesk.i18n import _, ngettext
from mumidesk.services.crud import CrudService
from mumidesk.services.partner_map import PartnerMapService
from mumidesk.services.recent_changes import RecentChangesService
from mumidesk.services.registry import Services
from mumidesk.settings import Settings
from mumidesk.ui.background import BackgroundWorker
from mumidesk.ui.dashboard.counts import CountsPanel, read_counts
from mumidesk.ui.dashboard.deadlines_list import DeadlinesList
from mumidesk.ui.dashboard.partner_map import PartnerMap
from mumidesk.ui.dashboard.partners_by_country import CountryBars
from mumidesk.ui.dashboard.recent_changes import RecentChangesList
from mumidesk.ui.dashboard.texts import long_date

RECENT_LIMIT = 25


@dataclass(frozen=True)
class DashboardData:
    """Everything the dashboard shows, read in one go (on a worker thread at first)."""

    today: dt.date
    settings: Settings
    deadlines: list[Any]
    counts: Any
    countries: list[Any]
    recent: list[Any]
    points: list[Any]


def kind_labels(services: Services) -> dict[str, str]:
    """Each record kind's translated name, from its service ("agreement" → "Agreement")."""
    labels: dict[str, str] = {}
    for value in vars(services).values():
        if isinstance(value, CrudService):
            labels[value.kind] = value.label()
    return labels


def _section(title: str, body: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    box.setStyleSheet("QGroupBox { font-weight: bold; } QGroupBox * { font-weight: normal; }")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(8, 6, 8, 8)
    layout.addWidget(body)
    return box


class DashboardPage(QWidget):
    """``open_record(kind, id)``: show a record in its area; ``open_area(key)``: show an area
    ("partners", "agreements", "events", "exchanges", "documents")."""

    open_record = Signal(str, object)
    open_area = Signal(str)
    status_message = Signal(str)

    def __init__(
        self,
        services: Services,
        parent: Any = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        settings: Callable[[], Settings] = Settings.load,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._today = today
        self._settings = settings
        self._recent = RecentChangesService(services.db)
        self._places = PartnerMapService(services.db)
        self._worker = BackgroundWorker(self)
        self._worker.finished.connect(self._show)
        self._worker.failed.connect(self._failed)
        self.loaded = False

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.counts = CountsPanel()
        self.counts.open_area.connect(self.open_area)

        self.deadlines = DeadlinesList()
        self.deadlines.open_record.connect(self.open_record)
        self.deadlines.open_area.connect(self.open_area)
        self.deadlines_box = _section(_("What is due"), self.deadlines)

        self.recent = RecentChangesList()
        self.recent.open_record.connect(self.open_record)
        self.recent.status_message.connect(self.status_message)
        self.recent_box = _section(_("Recent changes"), self.recent)

        self.countries = CountryBars()
        self.countries_box = _section(_("Partners by country"), self.countries)

        self.map = PartnerMap()
        self.map.open_record.connect(self.open_record)
        self.map_box = _section(_("Partner cities on the map"), self.map)

        grid = QGridLayout()
        grid.addWidget(self.deadlines_box, 0, 0)
        grid.addWidget(self.recent_box, 1, 0)
        grid.addWidget(self.countries_box, 0, 1)
        grid.addWidget(self.map_box, 1, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 2)
        grid.setRowStretch(1, 3)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.counts)
        layout.addLayout(grid, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.loaded:
            # After the window is on screen: the first paint does not wait for the counts.
            QTimer.singleShot(0, self._first_load)

    def _first_load(self) -> None:
        # Read on a worker thread: with 100,000 events and 26,000 mapped partners the figures
        # take half a second, and the window must answer meanwhile.
        if not self.loaded:
            self.loaded = True
            self._worker.start(self._read)

    def refresh(self) -> None:
        """Read everything again (the settings too: the reminder lead time may have changed)."""
        self.loaded = True
        self._worker.cancel()  # a first load still running would overwrite newer figures
        try:
            self._show(self._read())
        except DomainError as exc:
            self.status_message.emit(str(exc))

    def _read(self) -> DashboardData:
        settings = self._settings()
        today = self._today()
        services = self._services
        days = max(0, settings.reminder_days)
        return DashboardData(
            today=today,
            settings=settings,
            deadlines=services.deadlines.due_within(days, today=today),
            counts=read_counts(services.statistics, today),
            countries=services.statistics.partners_by_country(),
            recent=self._recent.recent(RECENT_LIMIT),
            points=self._places.points(),
        )

    def _show(self, data: DashboardData) -> None:
        self.heading.setText(_("Today is {date}").format(date=long_date(data.today)))
        self._show_deadlines(data)
        self.counts.set_counts(data.counts)
        self.countries.set_counts(data.countries)
        self.recent.set_changes(data.recent, kind_labels(self._services))
        self.map.set_points(data.points)

    def _failed(self, error: object) -> None:
        self.status_message.emit(str(error))

    def _show_deadlines(self, data: DashboardData) -> None:
        days = max(0, data.settings.reminder_days)
        self.deadlines.set_deadlines(data.deadlines, data.today, data.settings.urgent_days, days)
        self.deadlines_box.setTitle(
            ngettext("Due within {n} day", "Due within {n} days", days).format(n=days)
        )
