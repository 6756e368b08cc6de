"""The parties of an agreement and their signatories, edited inside the agreement editor.

Each party has its own form (side; our municipality and body, or the partner, or a third
organisation; the names as the text gives them and their typed declension; the signatories as a
table). A list on the left chooses the form shown. Problems the domain reports as
``parties[1].signatories[0].full_name`` are marked on the right party's field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.agreements import AgreementParty
from mumidesk.domain.enums import PartySide
from mumidesk.domain.errors import FieldProblem
from mumidesk.i18n import _
from mumidesk.ui.editors.agreement_party_form import PartyForm
from mumidesk.ui.widgets.field_errors import FieldErrors

__all__ = ["AgreementFieldErrors", "PartiesPanel", "PartyForm"]

_PARTY_FIELD = re.compile(r"^parties\[(\d+)\]\.(.+)$")


class PartiesPanel(QWidget):
    """The list of parties beside the form of the chosen one."""

    changed = Signal()

    def __init__(self, services: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._services = services
        self._municipalities = services.municipalities.all()
        self.list = QListWidget()
        self.list.setMaximumWidth(260)
        self.stack = QStackedWidget()
        self.forms: list[PartyForm] = []
        self.add_own = QPushButton(_("Add our side"))
        self.add_partner = QPushButton(_("Add partner side"))
        self.add_third = QPushButton(_("Add third party"))
        self.remove = QPushButton(_("Remove party"))
        self.up = QPushButton("↑")
        self.up.setToolTip(_("Move up"))
        self.down = QPushButton("↓")
        self.down.setToolTip(_("Move down"))
        self.add_own.clicked.connect(lambda: self.add_party(PartySide.OWN))
        self.add_partner.clicked.connect(lambda: self.add_party(PartySide.PARTNER))
        self.add_third.clicked.connect(lambda: self.add_party(PartySide.THIRD))
        self.remove.clicked.connect(self.remove_current)
        self.up.clicked.connect(lambda: self.move_current(-1))
        self.down.clicked.connect(lambda: self.move_current(1))
        self.list.currentRowChanged.connect(self._row_changed)

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        for button in (self.add_own, self.add_partner, self.add_third, self.remove):
            left.addWidget(button)
        arrows = QHBoxLayout()
        arrows.addWidget(self.up)
        arrows.addWidget(self.down)
        left.addLayout(arrows)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left)
        layout.addWidget(self.stack, 1)
        self._update_buttons()

    def set_parties(self, parties: Iterable[AgreementParty]) -> None:
        for form in self.forms:
            self.stack.removeWidget(form)
            form.deleteLater()
        self.forms = []
        self.list.clear()
        for party in parties:
            self._append(party)
        self.list.setCurrentRow(0 if self.forms else -1)
        self._update_buttons()

    def add_party(self, side: PartySide) -> PartyForm:
        form = self._append(AgreementParty(side=side))
        self.list.setCurrentRow(len(self.forms) - 1)
        self._update_buttons()
        self.changed.emit()
        return form

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        form = self.forms.pop(row)
        self.stack.removeWidget(form)
        form.deleteLater()
        self.list.takeItem(row)
        self._update_buttons()
        self.changed.emit()

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < len(self.forms):
            return
        self.forms[row], self.forms[target] = self.forms[target], self.forms[row]
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()

    def parties(self) -> tuple[list[AgreementParty], list[FieldProblem]]:
        parties: list[AgreementParty] = []
        problems: list[FieldProblem] = []
        for i, form in enumerate(self.forms):
            party, found = form.read(i)
            parties.append(party)
            problems += found
        return parties, problems

    def snapshot(self) -> tuple[Any, ...]:
        return tuple(form.snapshot() for form in self.forms)

    def mark(self, index: int, field: str, message: str) -> bool:
        if not 0 <= index < len(self.forms):
            return False
        return self.forms[index].mark(field, message)

    def clear_errors(self) -> None:
        for form in self.forms:
            form.errors.clear()

    def show_first_error(self) -> None:
        for i, form in enumerate(self.forms):
            widget = form.first_error()
            if widget is not None:
                self.list.setCurrentRow(i)
                widget.setFocus()
                return

    def _append(self, party: AgreementParty) -> PartyForm:
        form = PartyForm(self._services, self._municipalities)
        form.load(party)
        self.forms.append(form)
        self.stack.addWidget(form)
        self.list.addItem(form.label())
        form.changed.connect(lambda f=form: self._form_changed(f))
        return form

    def _form_changed(self, form: PartyForm) -> None:
        if form in self.forms:
            self.list.item(self.forms.index(form)).setText(form.label())
        self.changed.emit()

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.forms):
            self.stack.setCurrentWidget(self.forms[row])
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        self.remove.setEnabled(row >= 0)
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < len(self.forms) - 1)


class AgreementFieldErrors(FieldErrors):
    """Field marks of the agreement editor that also reach into the parties' own forms."""

    def __init__(self) -> None:
        super().__init__()
        self.parties: PartiesPanel | None = None

    def show(self, problems: Iterable[FieldProblem]) -> list[FieldProblem]:
        own: list[FieldProblem] = []
        of_parties: list[tuple[int, str, FieldProblem]] = []
        for problem in problems:
            match = _PARTY_FIELD.match(problem.field)
            if match and self.parties is not None:
                of_parties.append((int(match.group(1)), match.group(2), problem))
            else:
                own.append(problem)
        unplaced = super().show(own)  # clears every mark first, the parties' too
        summary: list[str] = []
        for index, field, problem in of_parties:
            assert self.parties is not None
            if self.parties.mark(index, field, problem.message):
                summary.append(
                    _("party {n}: {message}").format(n=index + 1, message=problem.message)
                )
            else:
                unplaced.append(problem)
        if summary and "parties" in self.fields():
            self.mark("parties", "; ".join(summary))
        return unplaced

    def focus_first(self) -> None:
        super().focus_first()
        first = next((f for f in self.fields() if self.has_error(f)), None)
        if self.parties is not None and first == "parties":
            self.parties.show_first_error()

    def clear(self) -> None:
        super().clear()
        if self.parties is not None:
            self.parties.clear_errors()
