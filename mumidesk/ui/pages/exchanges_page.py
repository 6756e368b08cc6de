"""The Exchange programmes area: educational, cultural, sport, youth and professional exchanges,
filtered by kind, own municipality, year counted and partner country, and searched by text. The
card sums the participants by year and by category from the counts, never from typed totals."""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from babel.numbers import format_decimal
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from mumidesk.domain.enums import ExchangeKind, ParticipantCategory
from mumidesk.domain.exchanges import ExchangeProgramme, Participation
from mumidesk.i18n import N_, _, current_locale
from mumidesk.services.exchanges import ExchangeFilter
from mumidesk.ui.editors.exchange_editor import ExchangeEditor, totals_text
from mumidesk.ui.models.exchange_table import (
    COL_KIND,
    COL_MUNICIPALITY,
    COL_PARTNERS,
    COL_PERIOD,
    COL_TITLE,
    COL_TOTAL,
    COL_YEARS,
    ExchangeTableModel,
    period_text,
)
from mumidesk.ui.models.linked_names import LinkedNames
from mumidesk.ui.pages.record_page import RecordPage, signals_blocked
from mumidesk.ui.widgets.country_box import CountryBox
from mumidesk.ui.widgets.detail_card import DetailCard
from mumidesk.ui.widgets.municipality_box import MunicipalityBox
from mumidesk.ui.widgets.record_links import LinkList, link_html, make_linkable

ANY_YEAR = 1944  # the year box's lowest value stands for "any year"


def by_year_lines(programme: ExchangeProgramme) -> list[str]:
    """One line a year: "2015: 28 (inbound 12, outbound 16)"."""
    years: dict[int, list[Participation]] = defaultdict(list)
    for p in programme.participations:
        years[p.year].append(p)
    return [
        _("{year}: {summary}").format(year=year, summary=totals_text(years[year]))
        for year in sorted(years)
    ]


def by_category_lines(programme: ExchangeProgramme) -> list[str]:
    """One line a category, in the order of the categories: "Pupils: 148"."""
    totals: dict[ParticipantCategory, int] = defaultdict(int)
    for p in programme.participations:
        totals[p.category] += p.count
    locale = current_locale()
    return [
        _("{category}: {total}").format(
            category=category.label(), total=format_decimal(totals[category], locale=locale)
        )
        for category in ParticipantCategory
        if category in totals
    ]


class ExchangeCard(DetailCard):
    """The selected programme with its municipality and partners as links
    (``activated(kind, id)``) and its participants summed."""

    activated = Signal(str, object)

    def __init__(self, names: LinkedNames, parent: Any = None) -> None:
        super().__init__(
            [
                ("kind", _("Kind")),
                ("municipality", _("Our municipality")),
                ("period", _("Period")),
                ("organisations", _("Organisations")),
                ("description", _("Description")),
                ("total", _("Participants")),
            ],
            parent,
        )
        self._names = names
        self.partners = LinkList(_("Partners"))
        self.by_year_heading = QLabel(_("Participants by year"))
        self.by_year_heading.setStyleSheet("font-weight: bold;")
        self.by_year = QLabel()
        self.by_category_heading = QLabel(_("Participants by category"))
        self.by_category_heading.setStyleSheet("font-weight: bold;")
        self.by_category = QLabel()
        for widget in (
            self.partners,
            self.by_year_heading,
            self.by_year,
            self.by_category_heading,
            self.by_category,
        ):
            self.extra.addWidget(widget)
        make_linkable(self.values["municipality"], self.activated.emit)
        self.partners.activated.connect(self.activated)
        self.show_record(None)

    def show_record(self, programme: ExchangeProgramme | None) -> None:
        if programme is None:
            self.show_empty(_("No exchange programme selected"))
            self.partners.show_links("partner", [])
            self._show_sums([], [])
            return
        self.show_values(
            programme.title,
            {
                "kind": programme.kind.label(),
                "municipality": link_html(
                    "municipality",
                    programme.municipality_id,
                    self._names.municipality(programme.municipality_id),
                ),
                "period": period_text(programme),
                "organisations": programme.organisations,
                "description": programme.description,
                "total": totals_text(programme.participations) if programme.participations else "",
            },
        )
        self.partners.show_links(
            "partner", [(k, self._names.title("partner", k)) for k in programme.partner_ids]
        )
        self._show_sums(by_year_lines(programme), by_category_lines(programme))

    def _show_sums(self, by_year: list[str], by_category: list[str]) -> None:
        self.by_year.setText("\n".join(by_year))
        self.by_category.setText("\n".join(by_category))
        for widget in (self.by_year_heading, self.by_year):
            widget.setVisible(bool(by_year))
        for widget in (self.by_category_heading, self.by_category):
            widget.setVisible(bool(by_category))


class ExchangesPage(RecordPage):
    KIND = "exchange"
    MODEL = ExchangeTableModel
    MODEL_OF_REGISTRY = True
    CARD = ExchangeCard
    EDITOR = ExchangeEditor
    SERVICE = "exchanges"
    NAME_FIELD = "title"
    NEW_TEXT = N_("New exchange programme")
    DELETE_QUESTION = N_("Delete the exchange programme {name}?")

    def add_filters(self, bar: QHBoxLayout) -> None:
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(_("Search…"))
        self.text_filter.setClearButtonEnabled(True)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(_("All kinds"), "")
        for kind in ExchangeKind:
            self.kind_filter.addItem(kind.label(), kind.value)
        self.municipality_filter = MunicipalityBox(self._services, _("All municipalities"))
        self.year_filter = QSpinBox()
        self.year_filter.setRange(ANY_YEAR, 2100)
        self.year_filter.setSpecialValueText(_("Any year"))
        self.year_filter.setValue(ANY_YEAR)
        self.year_filter.setToolTip(_("Programmes with participants counted in this year"))
        self.country_filter = CountryBox(empty_text=_("All countries"))
        self.country_filter.setToolTip(_("Programmes with a partner from this country"))
        self.clear_button = QPushButton(_("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)

        bar.addWidget(self.text_filter, 3)
        bar.addWidget(QLabel(_("Kind")))
        bar.addWidget(self.kind_filter, 1)
        bar.addWidget(QLabel(_("Our municipality")))
        bar.addWidget(self.municipality_filter, 2)
        bar.addWidget(QLabel(_("Year")))
        bar.addWidget(self.year_filter)
        bar.addWidget(QLabel(_("Country")))
        bar.addWidget(self.country_filter, 2)
        bar.addWidget(self.clear_button)

        self.text_filter.textChanged.connect(self.apply_filters)
        self.kind_filter.currentIndexChanged.connect(self.apply_filters)
        self.municipality_filter.currentIndexChanged.connect(self.apply_filters)
        self.year_filter.valueChanged.connect(self.apply_filters)
        self.country_filter.country_changed.connect(self.apply_filters)

    def current_filter(self) -> ExchangeFilter:
        kind = self.kind_filter.currentData()
        year = self.year_filter.value()
        return ExchangeFilter(
            kind=ExchangeKind(kind) if kind else None,
            municipality_id=self.municipality_filter.municipality_id(),
            year=None if year == ANY_YEAR else year,
            country_code=self.country_filter.country_code(),
            text=self.text_filter.text().strip(),
        )

    def clear_filters(self) -> None:
        with signals_blocked(
            self.kind_filter,
            self.municipality_filter,
            self.year_filter,
            self.country_filter,
            self.text_filter,
        ):
            self.kind_filter.setCurrentIndex(0)
            self.municipality_filter.setCurrentIndex(0)
            self.year_filter.setValue(ANY_YEAR)
            self.country_filter.set_country_code("")
            self.text_filter.clear()
        self.apply_filters()

    def set_municipality(self, key: uuid.UUID | None) -> None:
        """Show the programmes of one own municipality (None: of all)."""
        self.municipality_filter.set_municipality_id(key)

    def column_widths(self) -> dict[int, int]:
        return {
            COL_TITLE: 280,
            COL_KIND: 110,
            COL_MUNICIPALITY: 120,
            COL_PARTNERS: 160,
            COL_PERIOD: 200,
            COL_YEARS: 90,
            COL_TOTAL: 90,
        }

    def document_choice(self) -> tuple[str, uuid.UUID] | None:
        """Exchanges print in the annual report and the dossier, chosen on the Documents page."""
        return None
