"""A lazy table over any area service: the service filters, sorts and pages in SQL; the model only
keeps the rows loaded so far and asks for the next page when the view scrolls.

An area's model is a list of ``Column``s (title, how to show a record, which service sort key it
uses) handed to ``RecordTableModel``; column constants stay in the area's module.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

ModelIndex = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the record's UUID
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2  # the domain record itself
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 3  # header: the service's sort key of a column

PAGE_SIZE = 100  # about three screens of rows; more come as the view scrolls
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

D = TypeVar("D")


class PagedService(Protocol):
    """What the model needs of a CrudService."""

    def list(
        self,
        flt: Any = None,
        *,
        sort: str | None = None,
        descending: bool = False,
        offset: int = 0,
        limit: int = 100,
        include_deleted: bool = False,
    ) -> Any: ...


@dataclass(frozen=True)
class Column(Generic[D]):
    """One column: ``title`` is called each time (the language can change), ``text`` renders a
    record's cell, ``sort`` is the service's sort key (None: the column cannot be sorted)."""

    key: str
    title: Callable[[], str]
    text: Callable[[D], str]
    sort: str | None = None
    align_right: bool = False
    colour: Callable[[D], str | None] | None = None  # text colour, e.g. a status


class RecordTableModel(QAbstractTableModel, Generic[D]):
    """Rows of ``service.list`` for the current filter and sort; never filtered in Qt."""

    def __init__(
        self,
        service: PagedService,
        columns: Sequence[Column[D]],
        empty_filter: Any,
        *,
        sort: str,
        descending: bool = False,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self.columns = list(columns)
        self._filter = empty_filter
        self._rows: list[D] = []
        self._total = 0
        self._sort = sort
        self._descending = descending
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
        """How many records match the filter (not only the rows loaded so far)."""
        return self._total

    def set_filter(self, flt: Any) -> None:
        if flt != self._filter:
            self._filter = flt
            self.reload()

    def current_filter(self) -> Any:
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
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title()
        if role == SORT_KEY_ROLE:
            return self.columns[section].sort
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        record = self._rows[index.row()]
        if role == ID_ROLE:
            return getattr(record, "id", None)
        if role == RECORD_ROLE:
            return record
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = column.text(record)
            return text if len(text) > 40 else None  # long cells are cut in the view
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(record)
            return QColor(colour) if colour else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or self.columns[column].sort is None:
            return
        key = self.columns[column].sort
        assert key is not None
        self._sort = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def sort_state(self) -> tuple[str, bool]:
        """The service sort key and whether it is descending."""
        return self._sort, self._descending

    # --- records -----------------------------------------------------------------------------
    def record_at(self, row: int) -> D | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def record_id(self, row: int) -> uuid.UUID | None:
        record = self.record_at(row)
        return getattr(record, "id", None) if record is not None else None

    def row_of(self, key: uuid.UUID) -> int:
        """The row of a loaded record, -1 when it is not (yet) loaded."""
        return next((i for i, r in enumerate(self._rows) if getattr(r, "id", None) == key), -1)
