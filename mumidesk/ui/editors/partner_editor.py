"""Create or edit one partner city. A failed save keeps the dialog open with everything typed;
each bad field is marked with its message."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from mumidesk.domain.errors import FieldProblem
from mumidesk.domain.partners import Partner
from mumidesk.i18n import _
from mumidesk.services.partners import PartnerService
from mumidesk.ui.editors.form_problems import raise_problems
from mumidesk.ui.editors.record_editor import AskDiscard, Inform, RecordEditor, ask_discard, inform
from mumidesk.ui.widgets.country_box import CountryBox
from mumidesk.ui.widgets.number_text import format_number, parse_float, parse_int

__all__ = ["PartnerEditor", "format_number"]


class PartnerEditor(RecordEditor):
    """``partner`` None creates a new one. ``saved`` carries the stored partner."""

    TEXT_FIELDS = ("name_ru", "name_en", "name_local", "region", "website")
    NUMBER_FIELDS = ("population", "latitude", "longitude")

    def __init__(
        self,
        service: PartnerService,
        partner: Partner | None = None,
        parent: Any = None,
        *,
        ask_discard: AskDiscard = ask_discard,
        inform: Inform = inform,
    ) -> None:
        super().__init__(partner, parent, ask_discard=ask_discard, inform=inform)
        self._service = service
        self.setWindowTitle(_("New partner") if partner is None else _("Edit partner"))
        self.setMinimumWidth(480)

        self.inputs: dict[str, QLineEdit] = {}
        for name in (*self.TEXT_FIELDS, *self.NUMBER_FIELDS):
            self.inputs[name] = QLineEdit()
        self.country = CountryBox(empty_text=_("Choose a country"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.inputs["latitude"].setPlaceholderText(_("e.g. 53.9"))
        self.inputs["longitude"].setPlaceholderText(_("e.g. 30.33"))
        self.inputs["website"].setPlaceholderText("https://")

        form = QFormLayout()
        labels = {
            "name_ru": _("Name (Russian)"),
            "name_en": _("Name (English)"),
            "name_local": _("Name (local language)"),
            "country_code": _("Country"),
            "region": _("Region"),
            "population": _("Population"),
            "latitude": _("Latitude"),
            "longitude": _("Longitude"),
            "website": _("Website"),
            "notes": _("Notes"),
        }
        order = ("name_ru", "name_en", "name_local", "country_code", "region", "population")
        for name in (*order, "latitude", "longitude", "website", "notes"):
            form.addRow(labels[name], self.errors.wrap(name, self._widget(name)))
        self.body.addLayout(form)

        self.finish_setup(partner)

    # --- fields ----------------------------------------------------------------------------
    def _widget(self, name: str) -> QWidget:
        if name == "country_code":
            return self.country
        if name == "notes":
            return self.notes
        return self.inputs[name]

    def load(self, record: Any | None) -> None:
        partner = record or Partner(country_code="")
        for name in self.TEXT_FIELDS:
            self.inputs[name].setText(getattr(partner, name))
        for name in self.NUMBER_FIELDS:
            self.inputs[name].setText(format_number(getattr(partner, name)))
        self.country.set_country_code(partner.country_code)
        self.notes.setPlainText(partner.notes)

    def values(self) -> dict[str, str]:
        typed = {name: edit.text() for name, edit in self.inputs.items()}
        typed["country_code"] = self.country.currentText()
        typed["notes"] = self.notes.toPlainText()
        return typed

    def store(self, item: Any) -> Partner:
        return self._service.create(item) if item.id is None else self._service.update(item)

    def build_item(self) -> Partner:
        """The partner as typed; numbers that do not parse raise ValidationError here."""
        problems: list[FieldProblem] = []
        numbers: dict[str, float | int | None] = {}
        for name in self.NUMBER_FIELDS:
            text = self.inputs[name].text().strip()
            if not text:
                numbers[name] = None
                continue
            try:
                numbers[name] = parse_int(text) if name == "population" else parse_float(text)
            except ValueError:
                message = (
                    _("must be a whole number") if name == "population" else _("must be a number")
                )
                problems.append(FieldProblem(name, message))
                numbers[name] = None
        country = self.country.country_code()
        if not country and self.country.currentText().strip():
            problems.append(FieldProblem("country_code", _("choose a country from the list")))
        base = self.record
        typed = {name: self.inputs[name].text().strip() for name in self.TEXT_FIELDS}
        population = numbers["population"]
        latitude, longitude = numbers["latitude"], numbers["longitude"]
        item = Partner(
            id=base.id if base else None,
            version=base.version if base else 0,
            name_ru=typed["name_ru"],
            name_en=typed["name_en"],
            name_local=typed["name_local"],
            country_code=country,
            region=typed["region"],
            population=int(population) if population is not None else None,
            latitude=float(latitude) if latitude is not None else None,
            longitude=float(longitude) if longitude is not None else None,
            website=typed["website"],
            notes=self.notes.toPlainText().strip(),
        )
        raise_problems(item, problems)
        return item
