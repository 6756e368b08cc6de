"""Partners as a lazy table: pages come from the service (sorted in SQL) as the view scrolls."""

from __future__ import annotations

import uuid
from typing import Any

from babel import Locale
from babel.numbers import format_decimal
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from mumidesk.domain.partners import Partner
from mumidesk.i18n import _, current_locale
from mumidesk.services.partners import PartnerFilter, PartnerService

ModelIndex = QModelIndex | QPersistentModelIndex

COL_NAME_RU = 0
COL_NAME_EN = 1
COL_COUNTRY = 2
COL_REGION = 3
COL_POPULATION = 4
COLUMN_COUNT = 5

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the record's UUID
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2  # the Partner itself

_SORT_KEYS = {
    COL_NAME_RU: "name",
    COL_NAME_EN: "name_en",
    COL_COUNTRY: "country",
    COL_REGION: "region",
    COL_POPULATION: "population",
}
PAGE_SIZE = 200


class PartnerTableModel(QAbstractTableModel):
    """Rows of the service's list for the current filter and sort; never filtered in Qt."""

    def __init__(self, service: PartnerService, parent: Any = None) -> None:
        super().__init__(parent)
        self._service = service
        self._filter = PartnerFilter()
        self._rows: list[Partner] = []
        self._total = 0
        self._sort = "name"
        self._descending = False
        self._locale: Locale = current_locale()
        self.reload()

    # --- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        page = self._service.list(
            self._filter, sort=self._sort, descending=self._descending, limit=PAGE_SIZE
        )
        self._rows = list(page.items)
        self._total = page.total
        self.endResetModel()

    def total(self) -> int:
        """How many partners match the filter (not only the rows loaded so far)."""
        return self._total

    def set_filter(self, flt: PartnerFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self.reload()

    def current_filter(self) -> PartnerFilter:
        return self._filter

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self._service.list(
            self._filter,
            sort=self._sort,
            descending=self._descending,
            offset=len(self._rows),
            limit=PAGE_SIZE,
        )
        if not page.items:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.items) - 1)
        self._rows.extend(page.items)
        self.endInsertRows()

    # --- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            COL_NAME_RU: _("Name"),
            COL_NAME_EN: _("Name (English)"),
            COL_COUNTRY: _("Country"),
            COL_REGION: _("Region"),
            COL_POPULATION: _("Population"),
        }.get(section)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        partner = self._rows[index.row()]
        if role == ID_ROLE:
            return partner.id
        if role == RECORD_ROLE:
            return partner
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_POPULATION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == COL_NAME_RU:
            return partner.display_name
        if column == COL_NAME_EN:
            return partner.name_en
        if column == COL_COUNTRY:
            return self._locale.territories.get(partner.country_code, partner.country_code)
        if column == COL_REGION:
            return partner.region
        if column == COL_POPULATION and partner.population is not None:
            return format_decimal(partner.population, locale=self._locale)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = _SORT_KEYS.get(column)
        if key is None:
            return
        self._sort = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def sort_state(self) -> tuple[str, bool]:
        """The service sort key and whether it is descending."""
        return self._sort, self._descending

    def partner_id(self, row: int) -> uuid.UUID | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def partner_at(self, row: int) -> Partner | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: uuid.UUID) -> int:
        """The row of a loaded partner, -1 when it is not (yet) loaded."""
        return next((i for i, p in enumerate(self._rows) if p.id == key), -1)
