"""A record's history as a list: when (local time, Babel), who, what was done, and under each
entry one line per changed field, "Field: old → new"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from mumidesk.i18n import _
from mumidesk.services.history import AuditAction, FieldChange, HistoryEntry, action_text
from mumidesk.ui.dashboard.texts import moment_text

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
CHANGE_ROLE = Qt.ItemDataRole.UserRole + 2
COL_WHEN, COL_WHO, COL_WHAT, COL_RECORD = range(4)
EMPTY = "—"
FIELD_COLOUR = "#5f6368"
GONE_COLOUR = "#80868b"
_GONE = (AuditAction.DELETE, AuditAction.PURGE)


def change_text(change: FieldChange) -> str:
    """ "Title: Визит → Визит делегации"; an empty side shows as a dash."""
    return _("{field}: {old} → {new}").format(
        field=change.label, old=change.old or EMPTY, new=change.new or EMPTY
    )


def values_text(change: FieldChange) -> str:
    """ "Визит → Визит делегации" """
    return _("{old} → {new}").format(old=change.old or EMPTY, new=change.new or EMPTY)


class HistoryPanel(QTreeWidget):
    """Entries newest first, each expanded to its field changes. With ``kind_label`` (a
    function naming a kind) a fourth column names the record: for the changes of many."""

    def __init__(
        self, parent: Any = None, *, kind_label: Callable[[str], str] | None = None
    ) -> None:
        super().__init__(parent)
        self._kind_label = kind_label
        titles = [_("When"), _("Who"), _("Change")]
        if kind_label is not None:
            titles.append(_("Record"))
        self.setColumnCount(len(titles))
        self.setHeaderLabels(titles)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        header = self.header()
        header.setStretchLastSection(True)
        for column in (COL_WHEN, COL_WHO):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.entries: list[HistoryEntry] = []

    def set_entries(self, entries: Sequence[HistoryEntry], now: dt.datetime | None = None) -> None:
        self.clear()
        self.entries = list(entries)
        for entry in entries:
            columns = [moment_text(entry.at, now), entry.user, action_text(entry.action)]
            if self._kind_label is not None:
                columns.append(f"{self._kind_label(entry.kind)}: {entry.title}")
            item = QTreeWidgetItem(columns)
            item.setData(0, ENTRY_ROLE, entry)
            font = item.font(COL_WHAT)
            font.setBold(True)
            item.setFont(COL_WHAT, font)
            if entry.action in _GONE:
                for column in range(self.columnCount()):
                    item.setForeground(column, QBrush(QColor(GONE_COLOUR)))
            self.addTopLevelItem(item)
            for change in entry.changes:
                # The field under "Who", old → new under "Change"; a long text is cut to the
                # column, whole in the tooltip and in ``full_text`` (the dialog shows it below).
                line = QTreeWidgetItem(["", change.label, values_text(change)])
                line.setData(0, CHANGE_ROLE, change)
                line.setToolTip(COL_WHAT, change_text(change))
                line.setForeground(COL_WHO, QBrush(QColor(FIELD_COLOUR)))
                line.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.addChild(line)
            item.setExpanded(True)
        if not entries:
            empty = QTreeWidgetItem([_("No changes recorded.")])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addTopLevelItem(empty)
            empty.setFirstColumnSpanned(True)

    def full_text(self, item: QTreeWidgetItem | None) -> str:
        """Everything an item says, uncut: a change as "Field: old → new", an entry as its
        when, who and what."""
        if item is None:
            return ""
        change = item.data(0, CHANGE_ROLE)
        if isinstance(change, FieldChange):
            return change_text(change)
        return " · ".join(t for t in (item.text(c) for c in range(self.columnCount())) if t)

    def change_lines(self) -> list[str]:
        """Every line under the entries, top to bottom (what a reader sees)."""
        lines: list[str] = []
        for row in range(self.topLevelItemCount()):
            item = self.topLevelItem(row)
            if item is None:
                continue
            for i in range(item.childCount()):
                child = item.child(i)
                change = child.data(0, CHANGE_ROLE) if child is not None else None
                if isinstance(change, FieldChange):
                    lines.append(change_text(change))
        return lines
