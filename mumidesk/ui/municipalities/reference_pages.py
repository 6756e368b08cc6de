"""The own side's reference data as two small record pages: municipalities and regions."""

from __future__ import annotations

from typing import Any

from babel.numbers import format_decimal
from PySide6.QtWidgets import QWidget

from mumidesk.domain.municipalities import Municipality, Region
from mumidesk.i18n import _, current_locale
from mumidesk.services.municipalities import MunicipalityFilter, RegionFilter
from mumidesk.ui.editors.record_editor import RecordEditor
from mumidesk.ui.models.record_table import Column, RecordTableModel
from mumidesk.ui.municipalities.municipality_editor import MunicipalityEditor
from mumidesk.ui.municipalities.region_editor import RegionEditor
from mumidesk.ui.pages.record_page import RecordPage
from mumidesk.ui.widgets.detail_card import DetailCard


def _population(item: Municipality) -> str:
    if item.population is None:
        return ""
    return format_decimal(item.population, locale=current_locale())


MUNICIPALITY_COLUMNS: list[Column[Municipality]] = [
    Column("name", lambda: _("Name"), lambda m: m.name_ru, "name"),
    Column("name_en", lambda: _("Name (English)"), lambda m: m.name_en, "name_en"),
    Column("kind", lambda: _("Kind"), lambda m: m.kind.label(), "kind"),
    Column("population", lambda: _("Population"), _population, None, align_right=True),
    Column("bodies", lambda: _("Bodies"), lambda m: "; ".join(b.name_ru for b in m.bodies)),
]

REGION_COLUMNS: list[Column[Region]] = [
    Column("name", lambda: _("Name"), lambda r: r.name_ru, "name"),
    Column("genitive", lambda: _("Name in the genitive"), lambda r: r.name_ru_genitive),
    Column("code", lambda: _("Code (ISO 3166-2)"), lambda r: r.code, "code"),
]


class MunicipalityCard(DetailCard):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                ("official", _("Official name")),
                ("name_en", _("Name (English)")),
                ("kind", _("Kind")),
                ("population", _("Population")),
                ("website", _("Website")),
                ("bodies", _("Bodies")),
            ],
            parent,
        )
        self.show_record(None)

    def show_record(self, item: Municipality | None) -> None:
        if item is None:
            self.show_empty(_("No municipality selected"))
            return
        bodies = "\n".join(
            b.name_ru + (f" — {b.head_position} {b.head_name}".rstrip() if b.head_name else "")
            for b in item.bodies
        )
        self.show_values(
            item.name_ru,
            {
                "official": item.official_name_ru,
                "name_en": item.name_en,
                "kind": item.kind.label(),
                "population": _population(item),
                "website": item.website,
                "bodies": bodies,
            },
        )


class RegionCard(DetailCard):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                ("genitive", _("Name in the genitive")),
                ("name_en", _("Name (English)")),
                ("code", _("Code (ISO 3166-2)")),
            ],
            parent,
        )
        self.show_record(None)

    def show_record(self, item: Region | None) -> None:
        if item is None:
            self.show_empty(_("No region selected"))
            return
        self.show_values(
            item.name_ru,
            {"genitive": item.name_ru_genitive, "name_en": item.name_en, "code": item.code},
        )


class MunicipalitiesPage(RecordPage):
    KIND = "municipality"

    def make_model(self) -> RecordTableModel[Any]:
        return RecordTableModel(
            self._services.municipalities,
            MUNICIPALITY_COLUMNS,
            MunicipalityFilter(),
            sort="name",
            parent=self,
        )

    def make_detail(self) -> QWidget:
        return MunicipalityCard()

    def make_editor(self, record: Any | None, parent: QWidget) -> RecordEditor:
        return MunicipalityEditor(self._services, record, parent)

    def service(self) -> Any:
        return self._services.municipalities

    def new_text(self) -> str:
        return _("New municipality")

    def record_name(self, record: Any) -> str:
        return str(record.name_ru)

    def column_widths(self) -> dict[int, int]:
        return {0: 200, 1: 150, 2: 140, 3: 90}


class RegionsPage(RecordPage):
    KIND = "region"

    def make_model(self) -> RecordTableModel[Any]:
        return RecordTableModel(
            self._services.regions, REGION_COLUMNS, RegionFilter(), sort="name", parent=self
        )

    def make_detail(self) -> QWidget:
        return RegionCard()

    def make_editor(self, record: Any | None, parent: QWidget) -> RecordEditor:
        return RegionEditor(self._services, record, parent)

    def service(self) -> Any:
        return self._services.regions

    def new_text(self) -> str:
        return _("New region")

    def record_name(self, record: Any) -> str:
        return str(record.name_ru)

    def column_widths(self) -> dict[int, int]:
        return {0: 200, 1: 220}
