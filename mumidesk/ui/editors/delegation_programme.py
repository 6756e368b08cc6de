"""The Programme tab of the delegation editor: the visit day by day, in Russian and English (the
programme is printed for the guests in both)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mumidesk.domain.delegations import ProgrammeItem
from mumidesk.i18n import _
from mumidesk.ui.widgets.sub_table import DATE, TIME, SubColumn, SubTable

_TEXT_KEYS = ("title_ru", "title_en", "place", "responsible")


class ProgrammeTab(QWidget):
    """``first_day`` gives the visit's start date: the day a first item defaults to."""

    def __init__(self, first_day: Callable[[], dt.date | None], parent: Any = None) -> None:
        super().__init__(parent)
        self._first_day = first_day
        self.table = SubTable(
            [
                SubColumn("day", _("Day"), DATE, width=100),
                SubColumn("start_time", _("From"), TIME, width=80),
                SubColumn("end_time", _("To"), TIME, width=95),
                SubColumn("title_ru", _("Item (Russian)"), width=200),
                SubColumn("title_en", _("Item (English)"), width=170),
                SubColumn("place", _("Place"), width=130),
                SubColumn("responsible", _("Responsible")),
            ],
            new_row=self._new_row,
        )
        self.sort_button = QPushButton(_("Sort by day and time"))
        self.sort_button.clicked.connect(self.sort_by_time)
        hint = QLabel(_("Times as 09:30; an item needs a title in Russian or English."))
        hint.setStyleSheet("color: #666;")
        hint.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.sort_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def _new_row(self, rows: list[dict[str, Any]]) -> Mapping[str, Any]:
        # The next item is most often on the same day as the one above.
        previous = rows[-1].get("day") if rows else None
        return {"day": previous or self._first_day() or dt.date.today()}

    def set_items(self, items: list[ProgrammeItem]) -> None:
        self.table.set_rows(
            [
                {
                    "day": i.day,
                    "start_time": i.start_time,
                    "end_time": i.end_time,
                    "title_ru": i.title_ru,
                    "title_en": i.title_en,
                    "place": i.place,
                    "responsible": i.responsible,
                }
                for i in items
            ]
        )

    def items(self, rows: list[dict[str, Any]]) -> tuple[list[ProgrammeItem], list[int]]:
        """The items typed and, for each, its grid row; rows with nothing typed are left out.
        A time that could not be read is None here; the editor reports it separately."""
        items: list[ProgrammeItem] = []
        grid_rows: list[int] = []
        for row, values in enumerate(rows):
            texts = [values.get(k) or "" for k in _TEXT_KEYS]
            times_typed = any(self._cell_text(row, k) for k in ("start_time", "end_time"))
            if not any(texts) and not times_typed:
                continue
            items.append(
                ProgrammeItem(
                    day=values["day"],
                    start_time=values.get("start_time"),
                    end_time=values.get("end_time"),
                    title_ru=texts[0],
                    title_en=texts[1],
                    place=texts[2],
                    responsible=texts[3],
                )
            )
            grid_rows.append(row)
        return items, grid_rows

    def sort_by_time(self) -> None:
        """Order the items by day, then start time (items without a time first in their day)."""
        rows, problems = self.table.read()
        if problems:  # a time that cannot be read cannot be placed; leave the order alone
            return
        rows.sort(key=lambda r: (r["day"] or dt.date.min, r["start_time"] or dt.time.min))
        self.table.set_rows(rows)
        self.table.changed.emit()

    def _cell_text(self, row: int, key: str) -> str:
        column = next(i for i, c in enumerate(self.table.columns) if c.key == key)
        item = self.table.table.item(row, column)
        return item.text().strip() if item is not None else ""
