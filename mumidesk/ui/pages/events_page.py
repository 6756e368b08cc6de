"""The Events area: the international events of the quarterly report, filtered by kind, format,
own municipality, period (a year, a quarter or any dates) and country, and searched by text."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.deadlines import quarter_bounds, quarter_of
from mumidesk.domain.enums import EventFormat, EventKind
from mumidesk.domain.events import Event
from mumidesk.i18n import N_, _
from mumidesk.services.events import EventFilter
from mumidesk.ui.editors.event_editor import EventEditor
from mumidesk.ui.models.event_table import (
    COL_CONTENT,
    COL_COUNT,
    COL_COUNTRIES,
    COL_DATES,
    COL_FORMAT,
    COL_KIND,
    COL_MUNICIPALITY,
    COL_NAME,
    COL_ORGANISER,
    COL_PARTICIPANTS,
    COL_PARTNERS,
    COL_PLACE,
    EventTableModel,
    count_text,
    countries_text,
    dates_text,
)
from mumidesk.ui.models.linked_names import LinkedNames
from mumidesk.ui.pages.record_page import RecordPage, signals_blocked
from mumidesk.ui.widgets.country_box import CountryBox
from mumidesk.ui.widgets.date_field import DateField
from mumidesk.ui.widgets.detail_card import DetailCard
from mumidesk.ui.widgets.municipality_box import MunicipalityBox
from mumidesk.ui.widgets.record_links import LinkList, link_html, make_linkable

ROMAN = ("I", "II", "III", "IV")

# Period choices of the filter bar
ANY_TIME, YEAR, QUARTER, DATES = "any", "year", "quarter", "dates"


class EventCard(DetailCard):
    """The selected event, read-only, with its municipality, partners and agreements as links
    (``activated(kind, id)``)."""

    activated = Signal(str, object)

    def __init__(self, names: LinkedNames, parent: Any = None) -> None:
        super().__init__(
            [
                ("dates", _("Dates")),
                ("kind", _("Kind")),
                ("format", _("Format")),
                ("place", _("Place")),
                ("municipality", _("Our municipality")),
                ("organiser", _("Organiser")),
                ("content", _("Content")),
                ("participants", _("Participants")),
                ("participant_count", _("Number of participants")),
                ("countries", _("Countries")),
            ],
            parent,
        )
        self._names = names
        self.partners = LinkList(_("Partners"))
        self.agreements = LinkList(_("Agreements"))
        self.extra.addWidget(self.partners)
        self.extra.addWidget(self.agreements)
        make_linkable(self.values["municipality"], self.activated.emit)
        self.partners.activated.connect(self.activated)
        self.agreements.activated.connect(self.activated)
        self.show_record(None)

    def show_record(self, event: Event | None) -> None:
        if event is None:
            self.show_empty(_("No event selected"))
            self.partners.show_links("partner", [])
            self.agreements.show_links("agreement", [])
            return
        self.show_values(
            event.name,
            {
                "dates": dates_text(event),
                "kind": event.kind.label(),
                "format": event.format.label(),
                "place": event.place,
                "municipality": link_html(
                    "municipality",
                    event.municipality_id,
                    self._names.municipality(event.municipality_id),
                ),
                "organiser": event.organiser,
                "content": event.content,
                "participants": event.participants,
                "participant_count": count_text(event.participant_count),
                "countries": countries_text(event.country_codes),
            },
        )
        self.partners.show_links(
            "partner", [(k, self._names.title("partner", k)) for k in event.partner_ids]
        )
        self.agreements.show_links(
            "agreement", [(k, self._names.title("agreement", k)) for k in event.agreement_ids]
        )


class PeriodFilter(QWidget):
    """Any time, a year, a quarter of a year, or dates from–to; ``changed`` on every change."""

    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        today = dt.date.today()
        self.mode = QComboBox()
        for code, label in (
            (ANY_TIME, _("Any time")),
            (YEAR, _("Year")),
            (QUARTER, _("Quarter")),
            (DATES, _("Dates")),
        ):
            self.mode.addItem(label, code)
        self.quarter = QComboBox()
        for number, roman in enumerate(ROMAN, start=1):
            self.quarter.addItem(_("{quarter} quarter").format(quarter=roman), number)
        self.quarter.setCurrentIndex(quarter_of(today) - 1)
        self.year = QSpinBox()
        self.year.setRange(1945, 2100)
        self.year.setValue(today.year)
        self.date_from = DateField(optional=True)
        self.date_to = DateField(optional=True)
        self.dash = QLabel("–")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.mode,
            self.quarter,
            self.year,
            self.date_from,
            self.dash,
            self.date_to,
        ):
            layout.addWidget(widget)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.quarter.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.year.valueChanged.connect(lambda _v: self.changed.emit())
        self.date_from.value_changed.connect(self.changed)
        self.date_to.value_changed.connect(self.changed)
        self._mode_changed()

    def current_mode(self) -> str:
        return str(self.mode.currentData())

    def set_mode(self, mode: str) -> None:
        self.mode.setCurrentIndex(max(self.mode.findData(mode), 0))

    def set_quarter(self, year: int, quarter: int) -> None:
        self.blockSignals(True)
        self.year.setValue(year)
        self.quarter.setCurrentIndex(quarter - 1)
        self.set_mode(QUARTER)
        self.blockSignals(False)
        self.changed.emit()

    def bounds(self) -> tuple[dt.date | None, dt.date | None]:
        """The first and last day of the period (None: open on that side)."""
        mode = self.current_mode()
        if mode == YEAR:
            year = self.year.value()
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if mode == QUARTER:
            return quarter_bounds(self.year.value(), int(self.quarter.currentData()))
        if mode == DATES:
            return self.date_from.value(), self.date_to.value()
        return None, None

    def _mode_changed(self, *_args: Any) -> None:
        mode = self.current_mode()
        self.quarter.setVisible(mode == QUARTER)
        self.year.setVisible(mode in (YEAR, QUARTER))
        for widget in (self.date_from, self.dash, self.date_to):
            widget.setVisible(mode == DATES)
        self.changed.emit()


class EventsPage(RecordPage):
    KIND = "event"
    MODEL = EventTableModel
    MODEL_OF_REGISTRY = True
    CARD = EventCard
    EDITOR = EventEditor
    SERVICE = "events"
    NAME_FIELD = "name"
    NEW_TEXT = N_("New event")
    DELETE_QUESTION = N_("Delete the event {name}?")

    def __init__(self, services: Any, parent: Any = None, **kwargs: Any) -> None:
        super().__init__(services, parent, **kwargs)
        # The report's columns first; the rest can be shown from the header's menu.
        for column in (COL_COUNTRIES, COL_COUNT, COL_ORGANISER):
            self.set_column_shown(column, False)

    def add_filters(self, bar: QHBoxLayout) -> None:
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(_("Search…"))
        self.text_filter.setClearButtonEnabled(True)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(_("All kinds"), "")
        for kind in EventKind:
            self.kind_filter.addItem(kind.label(), kind.value)
        self.format_filter = QComboBox()
        self.format_filter.addItem(_("All formats"), "")
        for event_format in EventFormat:
            self.format_filter.addItem(event_format.label(), event_format.value)
        self.municipality_filter = MunicipalityBox(self._services, _("All municipalities"))
        self.country_filter = CountryBox(empty_text=_("All countries"))
        self.country_filter.setToolTip(_("Countries named on the event or of its partners"))
        self.country_filter.setMaximumWidth(320)
        self.period_filter = PeriodFilter()
        self.clear_button = QPushButton(_("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)

        first = QHBoxLayout()
        first.addWidget(self.text_filter, 3)
        first.addWidget(QLabel(_("Kind")))
        first.addWidget(self.kind_filter, 1)
        first.addWidget(QLabel(_("Format")))
        first.addWidget(self.format_filter, 1)
        first.addWidget(QLabel(_("Our municipality")))
        first.addWidget(self.municipality_filter, 2)
        second = QHBoxLayout()
        second.addWidget(QLabel(_("Period")))
        second.addWidget(self.period_filter)
        second.addWidget(QLabel(_("Country")))
        second.addWidget(self.country_filter, 1)
        second.addStretch(1)
        second.addWidget(self.clear_button)
        rows = QVBoxLayout()
        rows.addLayout(first)
        rows.addLayout(second)
        bar.addLayout(rows, 1)

        self.text_filter.textChanged.connect(self.apply_filters)
        self.kind_filter.currentIndexChanged.connect(self.apply_filters)
        self.format_filter.currentIndexChanged.connect(self.apply_filters)
        self.municipality_filter.currentIndexChanged.connect(self.apply_filters)
        self.country_filter.country_changed.connect(self.apply_filters)
        self.period_filter.changed.connect(self.apply_filters)

    def apply_filters(self, *_args: Any) -> None:
        if hasattr(self, "model"):  # filter widgets speak while the page is being built
            super().apply_filters()

    def current_filter(self) -> EventFilter:
        kind = self.kind_filter.currentData()
        event_format = self.format_filter.currentData()
        date_from, date_to = self.period_filter.bounds()
        return EventFilter(
            municipality_id=self.municipality_filter.municipality_id(),
            kind=EventKind(kind) if kind else None,
            format=EventFormat(event_format) if event_format else None,
            date_from=date_from,
            date_to=date_to,
            involved_country=self.country_filter.country_code(),
            text=self.text_filter.text().strip(),
        )

    def clear_filters(self) -> None:
        boxes = (self.kind_filter, self.format_filter, self.municipality_filter)
        with signals_blocked(*boxes, self.country_filter, self.period_filter, self.text_filter):
            for box in boxes:
                box.setCurrentIndex(0)
            self.country_filter.set_country_code("")
            self.period_filter.set_mode(ANY_TIME)
            self.text_filter.clear()
        self.apply_filters()

    def set_municipality(self, key: uuid.UUID | None) -> None:
        """Show the events of one own municipality (None: of all)."""
        self.municipality_filter.set_municipality_id(key)

    def column_widths(self) -> dict[int, int]:
        return {
            COL_DATES: 150,
            COL_NAME: 300,
            COL_PLACE: 150,
            COL_KIND: 100,
            COL_FORMAT: 90,
            COL_MUNICIPALITY: 120,
            COL_PARTNERS: 140,
            COL_PARTICIPANTS: 220,
            COL_CONTENT: 300,
        }

    def document_choice(self) -> tuple[str, uuid.UUID] | None:
        """Events print in the quarterly report, chosen on the Documents page."""
        return None
