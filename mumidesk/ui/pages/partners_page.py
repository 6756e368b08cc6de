"""The Partners area: foreign (and Russian) partner cities, filtered by country, by the own
municipality they are linked to, and by name."""

from __future__ import annotations

import uuid
from typing import Any

from babel.numbers import format_decimal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from mumidesk.domain.partners import Partner
from mumidesk.i18n import N_, _, current_locale
from mumidesk.services.partners import PartnerFilter
from mumidesk.ui.editors.partner_editor import PartnerEditor
from mumidesk.ui.editors.record_editor import RecordEditor
from mumidesk.ui.models.partner_table import (
    COL_COUNTRY,
    COL_NAME_EN,
    COL_NAME_RU,
    COL_REGION,
    PartnerTableModel,
)
from mumidesk.ui.pages.record_page import RecordPage
from mumidesk.ui.widgets.country_box import CountryBox
from mumidesk.ui.widgets.detail_card import DetailCard
from mumidesk.ui.widgets.municipality_box import MunicipalityBox
from mumidesk.ui.widgets.number_text import format_number


class PartnerCard(DetailCard):
    """The selected partner's details, read-only."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                ("name_en", _("Name (English)")),
                ("name_local", _("Name (local language)")),
                ("country", _("Country")),
                ("region", _("Region")),
                ("population", _("Population")),
                ("coordinates", _("Coordinates")),
                ("website", _("Website")),
                ("notes", _("Notes")),
            ],
            parent,
        )
        self.show_record(None)

    def show_record(self, partner: Partner | None) -> None:
        if partner is None:
            self.show_empty(_("No partner selected"))
            return
        locale = current_locale()
        coordinates = ""
        if partner.latitude is not None and partner.longitude is not None:
            coordinates = _("{lat}, {lon}").format(
                lat=format_number(partner.latitude), lon=format_number(partner.longitude)
            )
        population = ""
        if partner.population is not None:
            population = format_decimal(partner.population, locale=locale)
        self.show_values(
            partner.display_name,
            {
                "name_en": partner.name_en,
                "name_local": partner.name_local,
                "country": locale.territories.get(partner.country_code, partner.country_code),
                "region": partner.region,
                "population": population,
                "coordinates": coordinates,
                "website": partner.website,
                "notes": partner.notes,
            },
        )


class PartnersPage(RecordPage):
    KIND = "partner"
    MODEL = PartnerTableModel
    SERVICE = "partners"
    NAME_FIELD = "display_name"
    NEW_TEXT = N_("New partner")
    DELETE_QUESTION = N_("Delete the partner {name}?")

    def add_filters(self, bar: QHBoxLayout) -> None:
        self.country_filter = CountryBox(empty_text=_("All countries"))
        self.municipality_filter = MunicipalityBox(self._services, _("All municipalities"))
        self.name_filter = QLineEdit()
        self.name_filter.setPlaceholderText(_("Name begins with…"))
        self.name_filter.setClearButtonEnabled(True)
        bar.addWidget(QLabel(_("Country")))
        bar.addWidget(self.country_filter, 2)
        bar.addWidget(QLabel(_("Our municipality")))
        bar.addWidget(self.municipality_filter, 2)
        bar.addWidget(QLabel(_("Name")))
        bar.addWidget(self.name_filter, 3)
        self.country_filter.country_changed.connect(self.apply_filters)
        self.municipality_filter.currentIndexChanged.connect(self.apply_filters)
        self.name_filter.textChanged.connect(self.apply_filters)

    def make_detail(self) -> QWidget:
        self.card = PartnerCard()  # its fields are all the partner's own: no linked names
        return self.card

    def make_editor(self, record: Any | None, parent: QWidget) -> RecordEditor:
        return PartnerEditor(self.service(), record, parent)  # the partner service, not all

    def column_widths(self) -> dict[int, int]:
        return {COL_NAME_RU: 180, COL_NAME_EN: 150, COL_COUNTRY: 120, COL_REGION: 180}

    def current_filter(self) -> PartnerFilter:
        return PartnerFilter(
            country_code=self.country_filter.country_code(),
            municipality_id=self.municipality_filter.municipality_id(),
            name=self.name_filter.text().strip(),
        )

    def clear_filters(self) -> None:
        self.country_filter.set_country_code("")
        self.municipality_filter.setCurrentIndex(0)
        self.name_filter.clear()

    def set_municipality(self, key: uuid.UUID | None) -> None:
        """Show the partners of one own municipality (None: of all)."""
        self.municipality_filter.set_municipality_id(key)
