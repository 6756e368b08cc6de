"""Create or edit one partner city. A failed save keeps the dialog open with everything typed;
each bad field is marked with its message."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from babel.numbers import format_decimal
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.errors import ConcurrentEditError, FieldProblem, ValidationError
from mumidesk.domain.partners import Partner
from mumidesk.domain.validation import Checker
from mumidesk.i18n import _, current_locale
from mumidesk.services.partners import PartnerService
from mumidesk.ui.widgets.country_box import CountryBox
from mumidesk.ui.widgets.field_errors import FieldErrors

AskDiscard = Callable[[QWidget], bool]
Inform = Callable[[QWidget, str], None]

_SPACES = (" ", "\u00a0", "\u202f", "\u2009")


def ask_discard(parent: QWidget) -> bool:
    """Ask whether unsaved changes may be thrown away."""
    answer = QMessageBox.question(
        parent,
        _("Unsaved changes"),
        _("The partner has unsaved changes. Close without saving?"),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def inform(parent: QWidget, message: str) -> None:
    QMessageBox.warning(parent, _("The partner was not saved"), message)


def _strip_spaces(text: str) -> str:
    for space in _SPACES:
        text = text.replace(space, "")
    return text


def parse_float(text: str) -> float:
    """A coordinate typed with a comma or a point; ValueError when it is not a number."""
    return float(_strip_spaces(text).replace(",", "."))


def parse_int(text: str) -> int:
    """A count typed with or without group spaces ("12 500"); ValueError otherwise."""
    return int(_strip_spaces(text))


def format_number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return format_decimal(Decimal(repr(value)), format="0.########", locale=current_locale())


class PartnerEditor(QDialog):
    """``partner`` None creates a new one. ``saved`` carries the stored partner."""

    saved = Signal(object)

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
        super().__init__(parent)
        self._service = service
        self._partner = partner
        self.ask_discard = ask_discard
        self.inform = inform
        self.result_partner: Partner | None = None
        self.setWindowTitle(_("New partner") if partner is None else _("Edit partner"))
        self.setMinimumWidth(480)

        self.errors = FieldErrors()
        self.inputs: dict[str, QLineEdit] = {}
        for name in (*self.TEXT_FIELDS, *self.NUMBER_FIELDS):
            self.inputs[name] = QLineEdit()
        self.country = CountryBox(empty_text=_("Choose a country"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.inputs["latitude"].setPlaceholderText(_("e.g. 53.9"))
        self.inputs["longitude"].setPlaceholderText(_("e.g. 30.33"))
        self.inputs["website"].setPlaceholderText("https://")

        self.general_error = QLabel()
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet("color: #b00020;")
        self.general_error.hide()

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

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        save_action = QAction(self)
        save_action.setShortcut(QKeySequence.StandardKey.Save)
        save_action.triggered.connect(self.save)
        self.addAction(save_action)

        # A mark goes away as soon as the user corrects its field.
        for name, edit in self.inputs.items():
            edit.textEdited.connect(lambda _text, name=name: self.errors.clear_field(name))
        self.country.country_changed.connect(lambda _code: self.errors.clear_field("country_code"))
        self.notes.textChanged.connect(lambda: self.errors.clear_field("notes"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self._load(partner or Partner(country_code=""))
        self._pristine = self.values()

    # --- fields ----------------------------------------------------------------------------
    def field_widget(self, name: str) -> QWidget:
        """The input of a domain field (``country_code`` → the country box)."""
        return self._widget(name)

    def _widget(self, name: str) -> QWidget:
        if name == "country_code":
            return self.country
        if name == "notes":
            return self.notes
        return self.inputs[name]

    def _load(self, partner: Partner) -> None:
        for name in self.TEXT_FIELDS:
            self.inputs[name].setText(getattr(partner, name))
        for name in self.NUMBER_FIELDS:
            self.inputs[name].setText(format_number(getattr(partner, name)))
        self.country.set_country_code(partner.country_code)
        self.notes.setPlainText(partner.notes)

    def values(self) -> dict[str, str]:
        """What is typed now, as text (the unsaved-changes check compares these)."""
        typed = {name: edit.text() for name, edit in self.inputs.items()}
        typed["country_code"] = self.country.currentText()
        typed["notes"] = self.notes.toPlainText()
        return typed

    def is_dirty(self) -> bool:
        return self.values() != self._pristine

    def _build(self) -> Partner:
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
        base = self._partner
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
        if problems:  # report the domain's other complaints in the same round
            checker = Checker()
            item.check(checker)
            taken = {p.field for p in problems}
            problems += [p for p in checker.problems if p.field not in taken]
            raise ValidationError(problems)
        return item

    # --- saving and closing ----------------------------------------------------------------
    def save(self) -> bool:
        """Store the partner; on failure mark the fields, keep the text and stay open."""
        self.errors.clear()
        self.general_error.hide()
        try:
            item = self._build()
            stored = self._service.create(item) if item.id is None else self._service.update(item)
        except ValidationError as exc:
            left = self.errors.show(exc.problems)
            if left:
                self._show_general("\n".join(str(p) for p in left))
            return False
        except ConcurrentEditError as exc:
            self._show_general(str(exc))
            self.inform(self, str(exc))
            return False
        self.result_partner = stored
        self._pristine = self.values()
        self.saved.emit(stored)
        self.accept()
        return True

    def _show_general(self, message: str) -> None:
        self.general_error.setText(message)
        self.general_error.show()

    def reject(self) -> None:
        # Escape, Cancel and the window's close button all come here.
        if self.is_dirty() and not self.ask_discard(self):
            return
        super().reject()
