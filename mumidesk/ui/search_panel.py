"""One search over everything: results grouped by kind (partners, agreements, delegations …),
updated as the user types; activating a result opens the record in its area."""

from __future__ import annotations

import uuid
from typing import Any

from babel.numbers import format_decimal
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from mumidesk.i18n import _, current_locale, ngettext
from mumidesk.services.search import SearchHit, SearchService

SEARCH_LIMIT = 300
TYPING_PAUSE_MS = 150  # search when the typing pauses, not on every letter of a fast typist
_KIND_ROLE = Qt.ItemDataRole.UserRole + 1
_ID_ROLE = Qt.ItemDataRole.UserRole + 2

# The order groups appear in: what people look for most first.
KIND_ORDER = (
    "partner",
    "agreement",
    "delegation",
    "event",
    "exchange",
    "organisation",
    "person",
    "municipality",
    "region",
    "attachment",
)


def kind_label(kind: str) -> str:
    return {
        "partner": _("Partners"),
        "municipality": _("Municipalities"),
        "agreement": _("Agreements"),
        "delegation": _("Delegations"),
        "event": _("Events"),
        "exchange": _("Exchange programmes"),
        "organisation": _("Organisations"),
        "person": _("People"),
        "region": _("Regions"),
        "attachment": _("Attachments"),
    }.get(kind, kind)


class SearchPanel(QWidget):
    """``record_chosen(kind, id)`` when a result is activated (double-click or Enter)."""

    record_chosen = Signal(str, object)

    def __init__(self, search: SearchService, parent: Any = None) -> None:
        super().__init__(parent)
        self._search = search
        self._query = ""
        self.summary = QLabel()
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.itemActivated.connect(self._activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.run)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

    def query_changed(self, text: str) -> None:
        """Called on each keystroke: the search runs once the typing pauses."""
        self._query = text
        self._timer.start()

    def search_now(self, text: str) -> list[SearchHit]:
        self._timer.stop()
        self._query = text
        return self.run()

    def run(self) -> list[SearchHit]:
        hits = self._search.search(self._query, limit=SEARCH_LIMIT) if self._query.strip() else []
        self.show_hits(hits)
        return hits

    def show_hits(self, hits: list[SearchHit]) -> None:
        self.tree.clear()
        if not self._query.strip():
            self.summary.setText(_("Type a name, a title, a place or a participant."))
            return
        if not hits:
            self.summary.setText(_("Nothing found"))
            return
        self.summary.setText(
            ngettext("{n} result", "{n} results", len(hits)).format(n=len(hits))
            + (
                "  " + _("(first {n} shown)").format(n=SEARCH_LIMIT)
                if len(hits) >= SEARCH_LIMIT
                else ""
            )
        )
        groups: dict[str, list[SearchHit]] = {}
        for hit in hits:
            groups.setdefault(hit.kind, []).append(hit)
        ordered = sorted(groups, key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else 99)
        for kind in ordered:
            heading = _("{kind} ({count})").format(
                kind=kind_label(kind),
                count=format_decimal(len(groups[kind]), locale=current_locale()),
            )
            group = QTreeWidgetItem([heading])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for hit in groups[kind]:
                item = QTreeWidgetItem([hit.title])
                item.setToolTip(0, hit.title)
                item.setData(0, _KIND_ROLE, hit.kind)
                item.setData(0, _ID_ROLE, hit.id)
                group.addChild(item)
            self.tree.addTopLevelItem(group)
            group.setExpanded(True)

    def _group_items(self) -> list[list[QTreeWidgetItem]]:
        groups: list[list[QTreeWidgetItem]] = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is None:
                continue
            children = [group.child(j) for j in range(group.childCount())]
            groups.append([c for c in children if c is not None])
        return groups

    def groups(self) -> dict[str, list[str]]:
        """Kind → titles shown (tests and the screenshot script read this)."""
        return {
            str(items[0].data(0, _KIND_ROLE)): [item.text(0) for item in items]
            for items in self._group_items()
            if items
        }

    def activate_first(self) -> bool:
        for items in self._group_items():
            if items:
                self._activated(items[0])
                return True
        return False

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        kind = item.data(0, _KIND_ROLE)
        key = item.data(0, _ID_ROLE)
        if kind and isinstance(key, uuid.UUID):
            self.record_chosen.emit(kind, key)
