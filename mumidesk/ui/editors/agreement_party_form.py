"""One party of an agreement in the agreement editor: its side; our municipality and body, or the
partner, or a third organisation; the names as the text gives them with their typed declension;
and its signatories as a table (a contact can be added from the people directory)."""

from __future__ import annotations

import re
import uuid
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.agreements import AgreementParty, Signatory
from mumidesk.domain.enums import Gender, PartySide
from mumidesk.domain.errors import FieldProblem
from mumidesk.domain.municipalities import Municipality
from mumidesk.i18n import _
from mumidesk.ui.lookups import describe, lookup
from mumidesk.ui.widgets.field_errors import FieldErrors
from mumidesk.ui.widgets.municipality_box import MunicipalityBox
from mumidesk.ui.widgets.record_picker import RecordPicker
from mumidesk.ui.widgets.sub_table import CHOICE, SubColumn, SubTable

_SIGNATORY_FIELD = re.compile(r"^signatories\[(\d+)\]\.(.+)$")
_NAME_FIELDS = ("name_ru", "name_en", "name_ru_genitive", "name_ru_instrumental")


def signatory_columns() -> list[SubColumn]:
    genders = [(g.value, g.label()) for g in Gender]
    return [
        SubColumn("full_name", _("Full name"), width=170),
        SubColumn("position", _("Position"), width=190),
        SubColumn("gender", _("Gender"), CHOICE, genders, width=90),
        SubColumn("acts_on_basis_of", _("Acts on the basis of"), width=120),
        SubColumn("position_en", _("Position in English"), width=170),
        SubColumn("name_genitive", _("Name, genitive"), width=150),
        SubColumn("position_genitive", _("Position, genitive"), width=170),
        SubColumn("person_id", "person_id"),  # hidden: the contact the row came from
    ]


class PartyForm(QWidget):
    """One party. ``errors`` holds the marks of its own fields (``partner_id``, ``signatories``)."""

    changed = Signal()

    def __init__(self, services: Any, municipalities: list[Municipality], parent: Any = None):
        super().__init__(parent)
        self._services = services
        self._municipalities = {m.id: m for m in municipalities}
        self.errors = FieldErrors()
        self.side = QComboBox()
        for side in PartySide:
            self.side.addItem(side.label(), side.value)
        self.municipality = MunicipalityBox(
            services, _("— none —"), keep_unknown=True, municipalities=municipalities
        )
        self.body = QComboBox()
        self.partner = RecordPicker(lookup(services, "partner"), describe(services, "partner"))
        self.partner.setPlaceholderText(_("Type to find a partner…"))
        self.organisation = RecordPicker(
            lookup(services, "organisation"), describe(services, "organisation")
        )
        self.organisation.setPlaceholderText(_("Type to find an organisation…"))
        self.names = {name: QLineEdit() for name in _NAME_FIELDS}
        self.names["name_ru"].setPlaceholderText(_("e.g. Администрация города Смоленска"))
        self.names["name_ru_genitive"].setPlaceholderText(_("generated when empty"))
        self.names["name_ru_instrumental"].setPlaceholderText(_("generated when empty"))
        self.signatories = SubTable(
            signatory_columns(), new_row=lambda _rows: {"gender": "unknown"}
        )
        self.signatories.table.setColumnHidden(len(signatory_columns()) - 1, True)
        self.signatories.table.setMinimumHeight(110)
        self.person = RecordPicker(lookup(services, "person"), describe(services, "person"))
        self.person.setPlaceholderText(_("Add a signatory from the contacts: type a name…"))
        self.person.id_changed.connect(self._person_chosen)

        self.form = QFormLayout()
        self.form.addRow(_("Side"), self.errors.wrap("side", self.side))
        self.form.addRow(_("Municipality"), self.errors.wrap("municipality_id", self.municipality))
        self.form.addRow(_("Body"), self.errors.wrap("body_id", self.body))
        self.form.addRow(_("Partner"), self.errors.wrap("partner_id", self.partner))
        self.form.addRow(_("Organisation"), self.errors.wrap("organisation_id", self.organisation))
        self.form.addRow(_("Name (Russian)"), self.errors.wrap("name_ru", self.names["name_ru"]))
        self.form.addRow(_("Name (English)"), self.errors.wrap("name_en", self.names["name_en"]))
        declension = QGroupBox(_("Declension overrides (typed forms win over generated ones)"))
        declension_form = QFormLayout(declension)
        declension_form.addRow(
            _("Name, genitive (on behalf of …)"),
            self.errors.wrap("name_ru_genitive", self.names["name_ru_genitive"]),
        )
        declension_form.addRow(
            _("Name, instrumental (between … and …)"),
            self.errors.wrap("name_ru_instrumental", self.names["name_ru_instrumental"]),
        )
        signatories_box = QGroupBox(_("Signatories"))
        signatories_layout = QVBoxLayout(signatories_box)
        signatories_layout.addWidget(self.errors.wrap("signatories", self.signatories), 1)
        signatories_layout.addWidget(self.person)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(declension)
        layout.addWidget(signatories_box, 1)

        self.side.currentIndexChanged.connect(self._side_changed)
        self.municipality.currentIndexChanged.connect(self._municipality_changed)
        self.body.currentIndexChanged.connect(self._body_chosen)
        for name, edit in self.names.items():
            edit.textEdited.connect(lambda _t, n=name: self._edited(n))
        self.partner.textEdited.connect(lambda _t: self._edited("partner_id"))
        self.partner.id_changed.connect(lambda _k: self.changed.emit())
        self.organisation.textEdited.connect(lambda _t: self._edited("organisation_id"))
        self.signatories.changed.connect(lambda: self._edited("signatories"))

    # --- filling -------------------------------------------------------------------------------
    def load(self, party: AgreementParty) -> None:
        self.side.setCurrentIndex(max(self.side.findData(party.side.value), 0))
        self.municipality.set_municipality_id(party.municipality_id)
        self._fill_bodies()
        body = str(party.body_id) if party.body_id else ""
        self.body.setCurrentIndex(max(self.body.findData(body), 0))
        self.partner.set_record_id(party.partner_id)
        self.organisation.set_record_id(party.organisation_id)
        for name, edit in self.names.items():
            edit.setText(getattr(party, name))
        self.signatories.set_rows(
            [
                {
                    "full_name": s.full_name,
                    "position": s.position,
                    "gender": s.gender.value,
                    "acts_on_basis_of": s.acts_on_basis_of,
                    "position_en": s.position_en,
                    "name_genitive": s.name_genitive,
                    "position_genitive": s.position_genitive,
                    "person_id": str(s.person_id) if s.person_id else "",
                }
                for s in party.signatories
            ]
        )
        self._side_changed()

    def side_value(self) -> PartySide:
        return PartySide(self.side.currentData())

    def label(self) -> str:
        """How the parties list names this party."""
        name = self.names["name_ru"].text().strip() or self.names["name_en"].text().strip()
        if not name and self.side_value() is PartySide.PARTNER:
            name = self.partner.text().strip()
        if not name and self.side_value() is PartySide.OWN:
            name = self.body.currentText() if self.body.currentData() else ""
            name = name or (
                self.municipality.currentText() if self.municipality.currentData() else ""
            )
        if not name and self.side_value() is PartySide.THIRD:
            name = self.organisation.text().strip()
        return _("{side}: {name}").format(side=self.side_value().label(), name=name or "…")

    def snapshot(self) -> tuple[Any, ...]:
        """What is typed, comparable (for the unsaved-changes question)."""
        return (
            self.side.currentData(),
            self.municipality.currentData(),
            self.body.currentData(),
            self.partner.text(),
            self.organisation.text(),
            tuple(edit.text() for edit in self.names.values()),
            tuple(tuple(sorted(r.items())) for r in self.signatories.rows()),
        )

    def read(self, index: int) -> tuple[AgreementParty, list[FieldProblem]]:
        """The party as typed, with a problem per input that names nothing known."""
        prefix = f"parties[{index}]."
        problems: list[FieldProblem] = []
        side = self.side_value()
        if self.partner.has_unmatched_text():
            problems.append(
                FieldProblem(prefix + "partner_id", _("choose a partner from the list"))
            )
        if self.organisation.has_unmatched_text():
            problems.append(
                FieldProblem(prefix + "organisation_id", _("choose an organisation from the list"))
            )
        rows, _cell_problems = self.signatories.read()
        signatories = []
        for row in rows:
            person = (row.get("person_id") or "").strip()
            signatories.append(
                Signatory(
                    full_name=row.get("full_name") or "",
                    position=row.get("position") or "",
                    gender=Gender(row.get("gender") or Gender.UNKNOWN.value),
                    acts_on_basis_of=row.get("acts_on_basis_of") or "",
                    position_en=row.get("position_en") or "",
                    name_genitive=row.get("name_genitive") or "",
                    position_genitive=row.get("position_genitive") or "",
                    person_id=uuid.UUID(person) if person else None,
                )
            )
        municipality = self.municipality.municipality_id()
        body = self.body.currentData()
        own = side is PartySide.OWN
        party = AgreementParty(
            side=side,
            municipality_id=municipality if own else None,
            body_id=uuid.UUID(body) if own and body else None,
            partner_id=self.partner.record_id() if side is PartySide.PARTNER else None,
            organisation_id=self.organisation.record_id() if side is PartySide.THIRD else None,
            signatories=signatories,
            **{name: edit.text().strip() for name, edit in self.names.items()},
        )
        return party, problems

    # --- errors --------------------------------------------------------------------------------
    def mark(self, field: str, message: str) -> bool:
        """Mark a problem of this party (``partner_id``, ``signatories[0].full_name``)."""
        match = _SIGNATORY_FIELD.match(field)
        if match:
            row, column = int(match.group(1)), match.group(2)
            title = next((c.title for c in self.signatories.columns if c.key == column), column)
            text = _("row {row}, {column}: {message}").format(
                row=row + 1, column=title, message=message
            )
            old = self.errors.message("signatories")
            self.errors.mark("signatories", f"{old}; {text}" if old else text)
            return True
        if field in self.errors.fields():
            old = self.errors.message(field)
            self.errors.mark(field, f"{old}; {message}" if old else message)
            return True
        return False

    def first_error(self) -> QWidget | None:
        return next(
            (self.errors.widget(f) for f in self.errors.fields() if self.errors.has_error(f)),
            None,
        )

    # --- reactions -----------------------------------------------------------------------------
    def _edited(self, field: str) -> None:
        self.errors.clear_field(field)
        if field in ("name_ru", "name_en"):  # a name answers "a partner or a name" too
            self.errors.clear_field("partner_id")
        self.changed.emit()

    def _side_changed(self, *_args: Any) -> None:
        side = self.side_value()
        rows = {"municipality_id": 1, "body_id": 2, "partner_id": 3, "organisation_id": 4}
        for field, row in rows.items():
            shown = {
                "municipality_id": side is PartySide.OWN,
                "body_id": side is PartySide.OWN,
                "partner_id": side is PartySide.PARTNER,
                "organisation_id": side is PartySide.THIRD,
            }[field]
            self.form.setRowVisible(row, shown)
        self.changed.emit()

    def _municipality_changed(self, *_args: Any) -> None:
        self._fill_bodies()
        self.errors.clear_field("municipality_id")
        self.changed.emit()

    def _fill_bodies(self) -> None:
        self.body.blockSignals(True)
        self.body.clear()
        self.body.addItem(_("— none —"), "")
        key = self.municipality.municipality_id()
        municipality = self._municipalities.get(key) if key else None
        for body in municipality.bodies if municipality else []:
            self.body.addItem(body.name_ru, str(body.id))
        self.body.blockSignals(False)

    def _body_chosen(self, *_args: Any) -> None:
        """A chosen body names the party when nothing is typed yet."""
        key = self.municipality.municipality_id()
        municipality = self._municipalities.get(key) if key else None
        body_key = self.body.currentData()
        body = next(
            (b for b in (municipality.bodies if municipality else []) if str(b.id) == body_key),
            None,
        )
        if body is not None:
            if not self.names["name_ru"].text().strip():
                self.names["name_ru"].setText(body.name_ru)
            if not self.names["name_en"].text().strip():
                self.names["name_en"].setText(body.name_en)
        self.errors.clear_field("body_id")
        self.changed.emit()

    def _person_chosen(self, key: uuid.UUID | None) -> None:
        if key is None:
            return
        person = self._services.people.get(key)
        self.signatories.add_row(
            {
                "full_name": person.full_name,
                "position": person.position,
                "gender": person.gender.value,
                "person_id": str(person.id),
            }
        )
        self.person.set_record_id(None)
