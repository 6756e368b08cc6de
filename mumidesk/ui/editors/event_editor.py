"""Create or edit one international event: every field of the quarterly report's row, the dates as
people write them, and the links to partners, countries and agreements.

A failed save keeps everything typed and marks each bad field; problems the domain reports on a
list item ("partner_ids[2]") or on the end of the dates ("end_date") are shown on the input that
holds them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.enums import EventFormat, EventKind
from mumidesk.domain.errors import FieldProblem, ValidationError
from mumidesk.domain.events import Event
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.i18n import _
from mumidesk.services.registry import Services
from mumidesk.ui.editors.form_problems import raise_problems, store_placed
from mumidesk.ui.editors.record_editor import AskDiscard, Inform, RecordEditor, ask_discard, inform
from mumidesk.ui.lookups import describe, lookup
from mumidesk.ui.widgets.country_box import CountryBox
from mumidesk.ui.widgets.fuzzy_date_field import FuzzyDateField
from mumidesk.ui.widgets.municipality_box import MunicipalityBox
from mumidesk.ui.widgets.number_text import format_number, parse_int
from mumidesk.ui.widgets.record_picker import RecordListPicker

_CODE_ROLE = Qt.ItemDataRole.UserRole + 1
_INDEX = re.compile(r"\[\d+\].*$")

#: where the domain's date fields are shown: the one dates input
_DATE_FIELDS = {"start_date": "dates", "end_date": "dates"}


def placed(problems: Iterable[FieldProblem], aliases: dict[str, str]) -> list[FieldProblem]:
    """Problems moved onto the inputs that show them: ``partner_ids[2]`` onto the partners list,
    a domain field shown by another input through ``aliases``."""
    moved = []
    for problem in problems:
        field = _INDEX.sub("", problem.field)
        moved.append(FieldProblem(aliases.get(field, field), problem.message, problem.row))
    return moved


def combo_with(box: QComboBox, choices: Iterable[tuple[str, str]]) -> QComboBox:
    for code, label in choices:
        box.addItem(label, code)
    return box


class CountryListField(QWidget):
    """Several countries: a country box with completion, Add, and the list with Remove."""

    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.box = CountryBox(empty_text=_("Type a country…"))
        self.add_button = QPushButton(_("Add"))
        self.add_button.clicked.connect(self.add_chosen)
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        edit = self.box.lineEdit()
        assert edit is not None
        edit.returnPressed.connect(self.add_chosen)
        top = QHBoxLayout()
        top.addWidget(self.box, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)

    def codes(self) -> list[str]:
        return [self.list.item(i).data(_CODE_ROLE) for i in range(self.list.count())]

    def set_codes(self, codes: Iterable[str]) -> None:
        self.list.clear()
        for code in codes:
            self._append(code)

    def add(self, code: str) -> None:
        code = code.upper()
        if code and code not in self.codes():
            self._append(code)
            self.changed.emit()

    def add_chosen(self) -> None:
        code = self.box.country_code()
        if code:
            self.add(code)
            self.box.set_country_code("")

    def has_unmatched_text(self) -> bool:
        return bool(self.box.currentText().strip()) and not self.box.country_code()

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.changed.emit()

    def _append(self, code: str) -> None:
        item = QListWidgetItem(self.box.country_name(code))
        item.setData(_CODE_ROLE, code)
        self.list.addItem(item)


class EventEditor(RecordEditor):
    """``event`` None creates a new one. ``saved`` carries the stored event."""

    TEXT_FIELDS = ("name", "place", "organiser")
    LONG_FIELDS = ("content", "participants")

    def __init__(
        self,
        services: Services,
        event: Event | None = None,
        parent: Any = None,
        *,
        ask_discard: AskDiscard = ask_discard,
        inform: Inform = inform,
    ) -> None:
        super().__init__(event, parent, ask_discard=ask_discard, inform=inform)
        self._services = services
        # An event filled from a delegation is new too (it has no id yet).
        new = event is None or event.id is None
        self.setWindowTitle(_("New event") if new else _("Edit event"))
        self.setMinimumWidth(640)

        self.inputs: dict[str, QLineEdit] = {name: QLineEdit() for name in self.TEXT_FIELDS}
        self.inputs["participant_count"] = QLineEdit()
        self.inputs["participant_count"].setPlaceholderText(_("e.g. 150"))
        self.inputs["place"].setPlaceholderText(_("e.g. Mogilev; empty for an online event"))
        self.texts: dict[str, QPlainTextEdit] = {}
        for name in self.LONG_FIELDS:
            self.texts[name] = QPlainTextEdit()
            self.texts[name].setTabChangesFocus(True)
        self.texts["content"].setPlaceholderText(
            _("What happened, including the agreements reached")
        )
        self.texts["participants"].setPlaceholderText(
            _("Names and positions, or collectives (e.g. a dance ensemble)")
        )
        self.kind = combo_with(QComboBox(), ((k.value, k.label()) for k in EventKind))
        self.format = combo_with(QComboBox(), ((f.value, f.label()) for f in EventFormat))
        self.municipality = MunicipalityBox(services, "—", keep_unknown=True)
        self.dates = FuzzyDateField()
        self.countries = CountryListField()
        self.partners = RecordListPicker(lookup(services, "partner"), describe(services, "partner"))
        self.partners.picker.setPlaceholderText(_("Type a partner city…"))
        self.agreements = RecordListPicker(
            lookup(services, "agreement"), describe(services, "agreement")
        )
        self.agreements.picker.setPlaceholderText(_("Type an agreement…"))

        self.tabs = QTabWidget()
        main = QFormLayout()
        for field, label, widget in (
            ("name", _("Name"), self.inputs["name"]),
            ("kind", _("Kind"), self.kind),
            ("format", _("Format"), self.format),
            ("dates", _("Dates"), self.dates),
            ("place", _("Place"), self.inputs["place"]),
            ("municipality_id", _("Our municipality"), self.municipality),
            ("organiser", _("Organiser"), self.inputs["organiser"]),
        ):
            main.addRow(label, self.errors.wrap(field, widget))
        self.tabs.addTab(form_page(main), _("Event"))
        people = QFormLayout()
        people.addRow(_("Content"), self.errors.wrap("content", self.texts["content"]))
        people.addRow(
            _("Participants"), self.errors.wrap("participants", self.texts["participants"])
        )
        people.addRow(
            _("Number of participants"),
            self.errors.wrap("participant_count", self.inputs["participant_count"]),
        )
        self.tabs.addTab(form_page(people), _("Content and participants"))
        links = QFormLayout()
        links.addRow(_("Countries"), self.errors.wrap("country_codes", self.countries))
        links.addRow(_("Partners"), self.errors.wrap("partner_ids", self.partners))
        links.addRow(_("Agreements"), self.errors.wrap("agreement_ids", self.agreements))
        self.tabs.addTab(form_page(links), _("Countries and partners"))
        self.body.addWidget(self.tabs)

        self.finish_setup(event)

    # --- fields ----------------------------------------------------------------------------
    def load(self, record: Any | None) -> None:
        event = record or Event(name="", dates=self.dates.value())
        for name in self.TEXT_FIELDS:
            self.inputs[name].setText(getattr(event, name))
        self.inputs["participant_count"].setText(format_number(event.participant_count))
        for name in self.LONG_FIELDS:
            self.texts[name].setPlainText(getattr(event, name))
        self.kind.setCurrentIndex(max(self.kind.findData(event.kind.value), 0))
        self.format.setCurrentIndex(max(self.format.findData(event.format.value), 0))
        self.municipality.set_municipality_id(event.municipality_id)
        self.dates.set_value(event.dates)
        self.countries.set_codes(event.country_codes)
        self.partners.set_ids(event.partner_ids)
        self.agreements.set_ids(event.agreement_ids)

    def values(self) -> dict[str, Any]:
        typed: dict[str, Any] = {name: edit.text() for name, edit in self.inputs.items()}
        typed.update({name: text.toPlainText() for name, text in self.texts.items()})
        typed["kind"] = self.kind.currentData()
        typed["format"] = self.format.currentData()
        typed["municipality_id"] = self.municipality.currentData()
        typed["dates"] = self.dates.snapshot()
        typed["country_codes"] = (self.countries.codes(), self.countries.box.currentText())
        typed["partner_ids"] = (self.partners.ids(), self.partners.picker.text())
        typed["agreement_ids"] = (self.agreements.ids(), self.agreements.picker.text())
        return typed

    def store(self, item: Any) -> Event:
        saved: Event = store_placed(self._services.events, item, self._placed)
        return saved

    @staticmethod
    def _placed(problems: Iterable[FieldProblem]) -> list[FieldProblem]:
        return placed(problems, _DATE_FIELDS)

    def build_item(self) -> Event:
        """The event as typed; text that cannot be read raises ValidationError here, together
        with everything else the domain finds wrong."""
        problems: list[FieldProblem] = []
        try:
            dates = self.dates.value()
        except ValidationError as exc:
            problems += exc.problems
            dates = FuzzyDate.day(dt.date.today())  # only to let the domain check the rest
        count: int | None = None
        count_text = self.inputs["participant_count"].text().strip()
        if count_text:
            try:
                count = parse_int(count_text)
            except ValueError:
                problems.append(FieldProblem("participant_count", _("must be a whole number")))
        # A name typed and found but not yet added is meant to be added, not dropped.
        self.partners.add_picked()
        self.agreements.add_picked()
        self.countries.add_chosen()
        for field, unmatched in (
            ("partner_ids", self.partners.picker.has_unmatched_text()),
            ("agreement_ids", self.agreements.picker.has_unmatched_text()),
            ("country_codes", self.countries.has_unmatched_text()),
        ):
            if unmatched:
                problems.append(FieldProblem(field, _("choose from the list or clear the text")))
        base = self.record
        typed = {name: self.inputs[name].text().strip() for name in self.TEXT_FIELDS}
        item = Event(
            id=base.id if base else None,
            version=base.version if base else 0,
            name=typed["name"],
            municipality_id=self.municipality.municipality_id(),
            kind=EventKind(self.kind.currentData()),
            format=EventFormat(self.format.currentData()),
            place=typed["place"],
            dates=dates,
            content=self.texts["content"].toPlainText().strip(),
            participants=self.texts["participants"].toPlainText().strip(),
            participant_count=count,
            organiser=typed["organiser"],
            country_codes=self.countries.codes(),
            partner_ids=self.partners.ids(),
            agreement_ids=self.agreements.ids(),
        )
        raise_problems(item, problems, self._placed)
        return item


def form_page(form: QFormLayout) -> QWidget:
    """A tab's page: the form at the top, the space below it empty."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addLayout(form)
    layout.addStretch(1)
    return page
