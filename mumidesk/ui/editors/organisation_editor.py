"""Create or edit an organisation (an association, an agency, a school …) and the memberships of
our municipalities in it. Both are saved together in one transaction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.enums import OrganisationKind
from mumidesk.domain.errors import FieldProblem
from mumidesk.domain.organisations import Membership, Organisation
from mumidesk.i18n import _
from mumidesk.ui.editors.form_problems import raise_problems
from mumidesk.ui.editors.record_editor import AskDiscard, Inform, RecordEditor, ask_discard, inform
from mumidesk.ui.widgets.country_box import CountryBox
from mumidesk.ui.widgets.sub_table import CHOICE, DATE, TEXT, SubColumn, SubTable

# A membership of a new organisation points nowhere until the service saves both together.
_NOT_SAVED_YET = uuid.UUID(int=0)


@dataclass(frozen=True)
class OrganisationDraft:
    """What the editor hands to ``store``: the organisation and its memberships as typed."""

    organisation: Organisation
    memberships: list[Membership]


class OrganisationEditor(RecordEditor):
    """``organisation`` None creates a new one. ``saved`` carries the stored organisation."""

    TEXT_FIELDS = ("name_ru", "name_en", "short_name", "website", "email", "phone")

    def __init__(
        self,
        services: Any,
        organisation: Organisation | None = None,
        parent: Any = None,
        *,
        ask_discard: AskDiscard = ask_discard,
        inform: Inform = inform,
    ) -> None:
        super().__init__(organisation, parent, ask_discard=ask_discard, inform=inform)
        self._services = services
        self._versions: dict[uuid.UUID, int] = {}  # membership id → version loaded
        self.setWindowTitle(
            _("New organisation") if organisation is None else _("Edit organisation")
        )
        self.setMinimumWidth(640)

        self.inputs: dict[str, QLineEdit] = {name: QLineEdit() for name in self.TEXT_FIELDS}
        self.inputs["website"].setPlaceholderText("https://")
        self.inputs["email"].setPlaceholderText("name@example.org")
        self.inputs["phone"].setPlaceholderText(_("e.g. +7 495 123-45-67"))
        self.kind = QComboBox()
        for kind in OrganisationKind:
            self.kind.addItem(kind.label(), kind.value)
        self.country = CountryBox(empty_text=_("International or unknown"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)

        labels = {
            "name_ru": _("Name (Russian)"),
            "name_en": _("Name (English)"),
            "short_name": _("Short name"),
            "kind": _("Kind"),
            "country_code": _("Country"),
            "website": _("Website"),
            "email": _("E-mail"),
            "phone": _("Phone"),
            "notes": _("Notes"),
        }
        general = QWidget()
        form = QFormLayout(general)
        for name in labels:
            form.addRow(labels[name], self.errors.wrap(name, self._widget(name)))

        municipalities = [
            (str(m.id), m.name_ru) for m in services.municipalities.all() if m.id is not None
        ]
        self.members = SubTable(
            [
                SubColumn("municipality", _("Municipality"), CHOICE, municipalities, width=190),
                SubColumn("role", _("Role"), TEXT, width=170),
                SubColumn("since", _("Member since"), DATE, width=105, optional=True),
                SubColumn("until", _("Member until"), DATE, width=105, optional=True),
            ]
        )
        members_tab = QWidget()
        members_layout = QVBoxLayout(members_tab)
        hint = QLabel(
            _("Our municipalities that are members of this organisation.")
            if municipalities
            else _("There are no own municipalities yet: add them first.")
        )
        hint.setWordWrap(True)
        members_layout.addWidget(hint)
        members_layout.addWidget(self.errors.wrap("memberships", self.members), 1)
        self.members.add_button.setEnabled(bool(municipalities))

        self.tabs = QTabWidget()
        self.tabs.addTab(general, _("Organisation"))
        self.tabs.addTab(members_tab, _("Member municipalities"))
        self.body.addWidget(self.tabs)

        self.finish_setup(organisation)

    def _widget(self, name: str) -> QWidget:
        if name == "kind":
            return self.kind
        if name == "country_code":
            return self.country
        if name == "notes":
            return self.notes
        return self.inputs[name]

    # --- RecordEditor ------------------------------------------------------------------------
    def load(self, record: Any | None) -> None:
        item: Organisation = record or Organisation(name_ru="")
        for name in self.TEXT_FIELDS:
            self.inputs[name].setText(getattr(item, name))
            self.inputs[name].setCursorPosition(0)  # long names show their beginning
        self.kind.setCurrentIndex(max(self.kind.findData(item.kind.value), 0))
        self.country.set_country_code(item.country_code)
        self.notes.setPlainText(item.notes)
        memberships = (
            self._services.organisations.memberships_of(item.id) if item.id is not None else []
        )
        self._versions = {m.id: m.version for m in memberships if m.id is not None}
        self.members.set_rows(
            [
                {
                    "municipality": str(m.municipality_id),
                    "role": m.role,
                    "since": m.since,
                    "until": m.until,
                    "id": m.id,  # no column: says which stored membership a row is
                }
                for m in memberships
            ]
        )

    def values(self) -> dict[str, Any]:
        typed: dict[str, Any] = {name: edit.text() for name, edit in self.inputs.items()}
        typed["kind"] = self.kind.currentData()
        typed["country_code"] = self.country.currentText()
        typed["notes"] = self.notes.toPlainText()
        typed["memberships"] = self.members.rows()
        return typed

    def build_item(self) -> OrganisationDraft:
        problems: list[FieldProblem] = []
        country = self.country.country_code()
        if not country and self.country.currentText().strip():
            problems.append(FieldProblem("country_code", _("choose a country from the list")))
        base: Organisation | None = self.record
        typed = {name: self.inputs[name].text().strip() for name in self.TEXT_FIELDS}
        item = Organisation(
            id=base.id if base else None,
            version=base.version if base else 0,
            name_ru=typed["name_ru"],
            name_en=typed["name_en"],
            short_name=typed["short_name"],
            kind=OrganisationKind(self.kind.currentData()),
            country_code=country,
            website=typed["website"],
            email=typed["email"],
            phone=typed["phone"],
            notes=self.notes.toPlainText().strip(),
        )
        memberships: list[Membership] = []
        for number, row in enumerate(self.members.rows(), start=1):
            if not row["municipality"]:
                problems.append(FieldProblem("memberships", _("choose a municipality"), number))
                continue
            key = row.get("id")
            memberships.append(
                Membership(
                    id=key,
                    version=self._versions.get(key, 0) if key else 0,
                    municipality_id=uuid.UUID(row["municipality"]),
                    organisation_id=item.id or _NOT_SAVED_YET,
                    role=row["role"] or "",
                    since=row["since"],
                    until=row["until"],
                )
            )
        raise_problems(item, problems)
        return OrganisationDraft(item, memberships)

    def store(self, item: Any) -> Organisation:
        assert isinstance(item, OrganisationDraft)
        saved: Organisation = self._services.organisations.save_with_memberships(
            item.organisation, item.memberships
        )
        return saved
