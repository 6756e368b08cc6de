"""Partners as a lazy table: pages come from the service (sorted in SQL) as the view scrolls."""

from __future__ import annotations

from typing import Any

from babel.numbers import format_decimal

from mumidesk.domain.partners import Partner
from mumidesk.i18n import _, current_locale
from mumidesk.services.partners import PartnerFilter, PartnerService
from mumidesk.ui.models.record_table import (
    ID_ROLE,
    PAGE_SIZE,
    RECORD_ROLE,
    Column,
    RecordTableModel,
)

__all__ = ["ID_ROLE", "PAGE_SIZE", "RECORD_ROLE", "PartnerTableModel"]

COL_NAME_RU = 0
COL_NAME_EN = 1
COL_COUNTRY = 2
COL_REGION = 3
COL_POPULATION = 4


def _country(partner: Partner) -> str:
    return current_locale().territories.get(partner.country_code, partner.country_code)


def _population(partner: Partner) -> str:
    if partner.population is None:
        return ""
    return format_decimal(partner.population, locale=current_locale())


COLUMNS: list[Column[Partner]] = [
    Column("name", lambda: _("Name"), lambda p: p.display_name, "name"),
    Column("name_en", lambda: _("Name (English)"), lambda p: p.name_en, "name_en"),
    Column("country", lambda: _("Country"), _country, "country"),
    Column("region", lambda: _("Region"), lambda p: p.region, "region"),
    Column("population", lambda: _("Population"), _population, "population", align_right=True),
]


class PartnerTableModel(RecordTableModel[Partner]):
    def __init__(self, service: PartnerService, parent: Any = None) -> None:
        super().__init__(service, COLUMNS, PartnerFilter(), sort="name", parent=parent)
