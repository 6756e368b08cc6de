"""The numbers at a glance: partners, agreements in force, events this quarter, exchange
participants this year. Each tile is a button that opens its area."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from mumidesk.domain.deadlines import quarter_of
from mumidesk.domain.lifecycle import IN_FORCE
from mumidesk.i18n import _, ngettext
from mumidesk.services.statistics import StatisticsService
from mumidesk.ui.dashboard.texts import number, quarter_text


@dataclass(frozen=True, slots=True)
class DashboardCounts:
    partners: int
    partner_countries: int
    agreements_in_force: int
    agreements: int
    events_this_quarter: int
    quarter: int
    participants_this_year: int
    year: int


def read_counts(statistics: StatisticsService, today: dt.date) -> DashboardCounts:
    """The four numbers, counted by the statistics service (SQL) as of ``today``."""
    summary = statistics.summary()
    quarter = quarter_of(today)
    by_quarter = statistics.events_by_quarter(today.year)
    return DashboardCounts(
        partners=summary.partners,
        partner_countries=summary.partner_countries,
        agreements_in_force=sum(summary.agreements_by_status.get(s, 0) for s in IN_FORCE),
        agreements=summary.agreements,
        events_this_quarter=next(q.count for q in by_quarter if q.quarter == quarter),
        quarter=quarter,
        participants_this_year=statistics.participants_total(today.year, today.year),
        year=today.year,
    )


class CountTile(QPushButton):
    """A flat button showing a big number over its caption and a smaller line under it."""

    def __init__(self, area: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.area = area
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setStyleSheet(
            "CountTile { background: #f4f7fb; border: 1px solid #d5dde8; border-radius: 6px;"
            " padding: 8px; text-align: left; }"
            "CountTile:hover { background: #e8f0fa; border-color: #9db7d8; }"
            "CountTile:focus { border-color: #3d6fb0; }"
        )
        self.value_label = QLabel("—")
        self.value_label.setStyleSheet("font-size: 20pt; font-weight: bold; color: #1f3b63;")
        self.caption_label = QLabel()
        self.caption_label.setStyleSheet("font-weight: bold; color: #303840;")
        self.caption_label.setWordWrap(True)
        self.detail_label = QLabel()
        self.detail_label.setStyleSheet("color: #5f6874;")
        self.detail_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        for label in (self.value_label, self.caption_label, self.detail_label):
            # The button takes the click wherever it lands.
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.setMinimumHeight(96)

    def show_count(self, value: int, caption: str, detail: str = "") -> None:
        self.value_label.setText(number(value))
        self.caption_label.setText(caption)
        self.detail_label.setText(detail)
        self.detail_label.setVisible(bool(detail))
        self.setToolTip(_("Open: {caption}").format(caption=caption))
        self.setAccessibleName(f"{caption}: {number(value)}")


class CountsPanel(QWidget):
    """``open_area(key)`` names the area of the tile clicked ("partners", "agreements" …)."""

    open_area = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.tiles: dict[str, CountTile] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for key, area in (
            ("partners", "partners"),
            ("agreements", "agreements"),
            ("events", "events"),
            ("participants", "exchanges"),
        ):
            tile = CountTile(area)
            tile.clicked.connect(lambda _checked=False, a=area: self.open_area.emit(a))
            self.tiles[key] = tile
            layout.addWidget(tile)
        self.counts: DashboardCounts | None = None

    def set_counts(self, counts: DashboardCounts) -> None:
        self.counts = counts
        self.tiles["partners"].show_count(
            counts.partners,
            _("Partner cities"),
            ngettext("in {n} country", "in {n} countries", counts.partner_countries).format(
                n=number(counts.partner_countries)
            ),
        )
        self.tiles["agreements"].show_count(
            counts.agreements_in_force,
            _("Agreements in force"),
            ngettext("of {n} agreement", "of {n} agreements", counts.agreements).format(
                n=number(counts.agreements)
            ),
        )
        self.tiles["events"].show_count(
            counts.events_this_quarter,
            _("Events this quarter"),
            quarter_text(counts.year, counts.quarter),
        )
        self.tiles["participants"].show_count(
            counts.participants_this_year,
            _("Exchange participants this year"),
            _("in {year}").format(year=counts.year),
        )
