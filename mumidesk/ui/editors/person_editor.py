"""Create or edit a contact person: name, gender (Russian paperwork declines names by it),
position, where the person works, and how to reach them. The domain checks the e-mail address
and the phone number; a bad one is marked on its field."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from mumidesk.domain.enums import Gender
from mumidesk.domain.errors import FieldProblem
from mumidesk.domain.organisations import Person
from mumidesk.i18n import _
from mumidesk.ui.editors.form_problems import raise_problems
from mumidesk.ui.editors.record_editor import AskDiscard, Inform, RecordEditor, ask_discard, inform
from mumidesk.ui.lookups import describe, lookup
from mumidesk.ui.widgets.municipality_box import MunicipalityBox
from mumidesk.ui.widgets.record_picker import RecordPicker


class PersonEditor(RecordEditor):
    """``person`` None creates a new one (``organisation_id`` / ``municipality_id`` preset the
    workplace of a new person). ``saved`` carries the stored person."""

    TEXT_FIELDS = ("last_name", "first_name", "patronymic", "position", "email", "phone")

    def __init__(
        self,
        services: Any,
        person: Person | None = None,
        parent: Any = None,
        *,
        organisation_id: uuid.UUID | None = None,
        municipality_id: uuid.UUID | None = None,
        ask_discard: AskDiscard = ask_discard,
        inform: Inform = inform,
    ) -> None:
        super().__init__(person, parent, ask_discard=ask_discard, inform=inform)
        self._services = services
        self._preset = (organisation_id, municipality_id)
        self.setWindowTitle(_("New person") if person is None else _("Edit person"))
        self.setMinimumWidth(620)

        self.inputs: dict[str, QLineEdit] = {name: QLineEdit() for name in self.TEXT_FIELDS}
        self.inputs["position"].setPlaceholderText(_("e.g. head of the international department"))
        self.inputs["email"].setPlaceholderText("name@example.org")
        self.inputs["phone"].setPlaceholderText(_("e.g. +7 495 123-45-67"))
        self.gender = QComboBox()
        for gender in Gender:
            self.gender.addItem(gender.label(), gender.value)
        self.gender.setToolTip(_("Needed to decline the name in documents"))
        self.organisation = RecordPicker(
            lookup(services, "organisation"), describe(services, "organisation")
        )
        self.organisation.setPlaceholderText(_("Type to find…"))
        self.municipality = MunicipalityBox(services, _("— none —"), keep_unknown=True)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)

        labels = {
            "last_name": _("Last name"),
            "first_name": _("First name"),
            "patronymic": _("Patronymic"),
            "gender": _("Gender"),
            "position": _("Position"),
            "organisation_id": _("Organisation"),
            "municipality_id": _("Our municipality"),
            "phone": _("Phone"),
            "email": _("E-mail"),
            "notes": _("Notes"),
        }
        form = QFormLayout()
        for name, label in labels.items():
            form.addRow(label, self.errors.wrap(name, self._widget(name)))
        self.body.addLayout(form)

        self.finish_setup(person)

    def _widget(self, name: str) -> QWidget:
        widgets: dict[str, QWidget] = {
            "gender": self.gender,
            "organisation_id": self.organisation,
            "municipality_id": self.municipality,
            "notes": self.notes,
        }
        return widgets.get(name) or self.inputs[name]

    # --- RecordEditor ------------------------------------------------------------------------
    def load(self, record: Any | None) -> None:
        organisation_id, municipality_id = self._preset
        person: Person = record or Person(
            last_name="", organisation_id=organisation_id, municipality_id=municipality_id
        )
        for name in self.TEXT_FIELDS:
            self.inputs[name].setText(getattr(person, name))
            self.inputs[name].setCursorPosition(0)  # long positions show their beginning
        self.gender.setCurrentIndex(max(self.gender.findData(person.gender.value), 0))
        self.organisation.set_record_id(person.organisation_id)
        self.organisation.setCursorPosition(0)
        self.municipality.set_municipality_id(person.municipality_id)
        self.notes.setPlainText(person.notes)

    def values(self) -> dict[str, Any]:
        typed: dict[str, Any] = {name: edit.text() for name, edit in self.inputs.items()}
        typed["gender"] = self.gender.currentData()
        typed["organisation"] = (self.organisation.record_id(), self.organisation.text())
        typed["municipality"] = self.municipality.currentData()
        typed["notes"] = self.notes.toPlainText()
        return typed

    def build_item(self) -> Person:
        problems: list[FieldProblem] = []
        if self.organisation.has_unmatched_text():
            problems.append(
                FieldProblem("organisation_id", _("choose an organisation from the list"))
            )
        base: Person | None = self.record
        typed = {name: self.inputs[name].text().strip() for name in self.TEXT_FIELDS}
        item = Person(
            id=base.id if base else None,
            version=base.version if base else 0,
            last_name=typed["last_name"],
            first_name=typed["first_name"],
            patronymic=typed["patronymic"],
            gender=Gender(self.gender.currentData()),
            position=typed["position"],
            organisation_id=self.organisation.record_id(),
            municipality_id=self.municipality.municipality_id(),
            email=typed["email"],
            phone=typed["phone"],
            notes=self.notes.toPlainText().strip(),
        )
        raise_problems(item, problems)
        return item

    def store(self, item: Any) -> Person:
        people = self._services.people
        saved: Person = people.create(item) if item.id is None else people.update(item)
        return saved
