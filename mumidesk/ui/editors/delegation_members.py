"""The Members tab of the delegation editor: who came or went, with one head; people already in
the contacts are added from there with their position and organisation."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.delegations import DelegationMember
from mumidesk.domain.errors import DomainError
from mumidesk.i18n import _
from mumidesk.services.registry import Services
from mumidesk.ui.lookups import describe, lookup
from mumidesk.ui.widgets.record_picker import Lookup, RecordPicker
from mumidesk.ui.widgets.sub_table import BOOL, SubColumn, SubTable

HEAD, FULL_NAME, POSITION, ORGANISATION = range(4)
_TEXT_KEYS = ("full_name", "position", "organisation")


class _OrganisationDelegate(QStyledItemDelegate):
    """The organisation cell offers the organisations on record as the user types; any other
    text is kept as typed (a member's organisation is free text)."""

    def __init__(self, find: Lookup, parent: Any = None) -> None:
        super().__init__(parent)
        self._find = find
        # One completer for every cell editor: a pop-up destroyed along with a closing editor
        # takes the dialog's focus handling down with it (a crash in Qt).
        self._names = QStringListModel(self)
        self.completer = QCompleter(self._names, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        edit = QLineEdit(parent)
        edit.setCompleter(self.completer)
        edit.textEdited.connect(self._typed)
        return edit

    def destroyEditor(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        popup = self.completer.popup()
        if popup is not None:
            popup.hide()
        super().destroyEditor(editor, index)

    def _typed(self, text: str) -> None:
        found = self._find(text) if text.strip() else []
        self._names.setStringList([label for _key, label in found])


class MembersTab(QWidget):
    def __init__(self, services: Services, parent: Any = None) -> None:
        super().__init__(parent)
        self._services = services
        self.table = SubTable(
            [
                SubColumn("is_head", _("Head"), BOOL, width=110),
                SubColumn("full_name", _("Full name"), width=230),
                SubColumn("position", _("Position"), width=230),
                SubColumn("organisation", _("Organisation"), width=200),
            ]
        )  # a row's "person_id" (the contact it came from) travels with it, unseen
        self._organisations = _OrganisationDelegate(
            lookup(services, "organisation"), self.table.table
        )
        self.table.table.setItemDelegateForColumn(ORGANISATION, self._organisations)
        self.table.table.itemChanged.connect(self._one_head)

        self.person_picker = RecordPicker(lookup(services, "person"), describe(services, "person"))
        self.person_picker.setPlaceholderText(_("Type a name from the contacts…"))
        self.person_picker.returnPressed.connect(self.add_picked_person)
        self.add_person_button = QPushButton(_("Add from people"))
        self.add_person_button.clicked.connect(self.add_picked_person)
        people = QHBoxLayout()
        people.addWidget(QLabel(_("Add from people")))
        people.addWidget(self.person_picker, 1)
        people.addWidget(self.add_person_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(people)

    # --- rows --------------------------------------------------------------------------------
    def set_members(self, members: list[DelegationMember]) -> None:
        self.table.set_rows(
            [
                {
                    "is_head": m.is_head,
                    "full_name": m.full_name,
                    "position": m.position,
                    "organisation": m.organisation,
                    "person_id": m.person_id,
                }
                for m in members
            ]
        )

    def members(self, rows: list[dict[str, Any]]) -> tuple[list[DelegationMember], list[int]]:
        """The members typed and, for each, its grid row; wholly blank rows are left out."""
        members: list[DelegationMember] = []
        grid_rows: list[int] = []
        for row, values in enumerate(rows):
            texts = [values.get(k) or "" for k in _TEXT_KEYS]
            if not any(texts) and not values.get("is_head"):
                continue
            person = values.get("person_id")
            members.append(
                DelegationMember(
                    full_name=texts[0],
                    position=texts[1],
                    organisation=texts[2],
                    is_head=bool(values.get("is_head")),
                    person_id=person if isinstance(person, uuid.UUID) else None,
                )
            )
            grid_rows.append(row)
        return members, grid_rows

    def add_picked_person(self) -> int | None:
        key = self.person_picker.record_id()
        if key is None:
            return None
        row = self.add_person(key)
        self.person_picker.set_record_id(None)
        return row

    def add_person(self, key: uuid.UUID) -> int | None:
        """A row filled from a contact: name, position and organisation; the link is kept."""
        try:
            person = self._services.people.get(key)
        except DomainError:
            return None
        organisation = ""
        if person.organisation_id is not None:
            try:
                found = self._services.organisations.get(person.organisation_id)
                organisation = found.short_name or found.name_ru
            except DomainError:
                organisation = ""
        return self.table.add_row(
            {
                "is_head": False,
                "full_name": person.full_name,
                "position": person.position,
                "organisation": organisation,
                "person_id": key,
            }
        )

    def _one_head(self, item: QTableWidgetItem) -> None:
        """Ticking a head unticks the previous one: a delegation has one head."""
        if item.column() != HEAD or item.checkState() != Qt.CheckState.Checked:
            return
        grid = self.table.table
        grid.blockSignals(True)
        for row in range(grid.rowCount()):
            other = grid.item(row, HEAD)
            if row != item.row() and other is not None:
                other.setCheckState(Qt.CheckState.Unchecked)
        grid.blockSignals(False)
        grid.viewport().update()
