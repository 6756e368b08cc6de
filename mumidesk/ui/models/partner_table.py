"""Partners as a lazy table: pages come from the service (sorted in SQL) as the view scrolls."""

from __future__ import annotations

import uuid
from typing import Any

from babel import Locale
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from mumidesk.domain.partners import Partner
from mumidesk.i18n import _, current_locale
from mumidesk.services.partners import PartnerFilter, PartnerService

ModelIndex = QModelIndex | QPersistentModelIndex

COL_NAME_RU = 0
COL_NAME_EN = 1
COL_COUNTRY = 2
COL_REGION = 3
COLUMN_COUNT = 4

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the record's UUID
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2  # the Partner itself

_SORT_KEYS = {
    COL_NAME_RU: "name",
    COL_NAME_EN: "name_en",
    COL_COUNTRY: "country",
    COL_REGION: "region",
}
PAGE_SIZE = 200


class PartnerTableModel(QAbstractTableModel):
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
        return self._total

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
        }.get(section)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        partner = self._rows[index.row()]
        if role == ID_ROLE:
            return partner.id
        if role == RECORD_ROLE:
            return partner
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == COL_NAME_RU:
            return partner.display_name
        if column == COL_NAME_EN:
            return partner.name_en
        if column == COL_COUNTRY:
            return self._locale.territories.get(partner.country_code, partner.country_code)
        if column == COL_REGION:
            return partner.region
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = _SORT_KEYS.get(column)
        if key is None:
            return
        self._sort = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def partner_id(self, row: int) -> uuid.UUID | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None
