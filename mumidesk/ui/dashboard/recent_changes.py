"""Recent changes: when, who, what and which record; a double-click opens the record (a
partnership opens its partner, an attachment its owner)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from mumidesk.i18n import _
from mumidesk.services.recent_changes import ChangeAction, RecentChange
from mumidesk.ui.dashboard.texts import moment_text

CHANGE_ROLE = Qt.ItemDataRole.UserRole + 1
COL_WHEN, COL_WHO, COL_ACTION, COL_KIND, COL_RECORD = range(5)
DELETED_COLOUR = "#80868b"


def action_text(action: ChangeAction) -> str:
    return {
        ChangeAction.CREATED: _("Created"),
        ChangeAction.UPDATED: _("Edited"),
        ChangeAction.DELETED: _("Deleted"),
    }[action]


class RecentChangesList(QTreeWidget):
    """``open_record(kind, id)`` when a change is activated; ``status_message`` says why a
    deleted record cannot be opened."""

    open_record = Signal(str, object)
    status_message = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setColumnCount(5)
        self.setHeaderLabels([_("When"), _("Who"), _("Change"), _("Kind"), _("Record")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.header()
        header.setStretchLastSection(True)
        for column in (COL_WHEN, COL_WHO, COL_ACTION, COL_KIND):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.itemActivated.connect(self._activated)
        self.changes: list[RecentChange] = []

    def set_changes(
        self,
        changes: Sequence[RecentChange],
        kind_labels: Mapping[str, str],
        now: dt.datetime | None = None,
    ) -> None:
        """``kind_labels`` maps a kind code to its translated name ("agreement" → "Agreement")."""
        self.clear()
        self.changes = list(changes)
        for change in changes:
            item = QTreeWidgetItem(
                [
                    moment_text(change.at, now),
                    change.by,
                    action_text(change.action),
                    kind_labels.get(change.kind, change.kind),
                    change.title,
                ]
            )
            item.setData(0, CHANGE_ROLE, change)
            item.setToolTip(COL_RECORD, change.title)
            if change.is_deleted:
                grey = QBrush(QColor(DELETED_COLOUR))
                for column in range(self.columnCount()):
                    item.setForeground(column, grey)
            self.addTopLevelItem(item)
        if not changes:
            empty = QTreeWidgetItem([_("No changes yet.")])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addTopLevelItem(empty)
            empty.setFirstColumnSpanned(True)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        change = item.data(0, CHANGE_ROLE)
        if not isinstance(change, RecentChange):
            return
        # A deleted record has no row to show, unless the click leads to another record.
        opens_itself = change.target_kind == change.kind and change.target_id == change.id
        if change.target_id is None or (change.is_deleted and opens_itself):
            self.status_message.emit(_("“{name}” has been deleted.").format(name=change.title))
            return
        self.open_record.emit(change.target_kind, change.target_id)
