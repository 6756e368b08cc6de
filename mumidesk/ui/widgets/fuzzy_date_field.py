"""The dates of an event as people write them: one day, a range of days, or a whole month.

The precision is chosen in a box and the dates with calendar fields (a month name and a year for a
month). Beside them a line takes the text as the report writes it ("8–20 апреля 2025", "май",
"5 June"): the domain parser reads it and the fields follow. What was typed last wins, so a text
that cannot be read is never replaced silently: ``value()`` refuses it by naming the field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.enums import DatePrecision
from mumidesk.domain.errors import FieldProblem, ValidationError
from mumidesk.domain.fuzzy_date import FuzzyDate, parse_fuzzy_date
from mumidesk.i18n import _, current_locale
from mumidesk.ui.widgets.date_field import DateField

#: the field a problem is reported under (the domain's name for an event's dates)
DATES_FIELD = "dates"
YEAR_MIN, YEAR_MAX = 1900, 2200


def month_names() -> list[str]:
    """The twelve month names as a month stands alone ("Январь", "May"), from Babel."""
    names = current_locale().months["stand-alone"]["wide"]
    return [names[m][:1].upper() + names[m][1:] for m in range(1, 13)]


class FuzzyDateField(QWidget):
    """``value()`` -> FuzzyDate (ValidationError on ``field``); ``set_value(FuzzyDate)``."""

    value_changed = Signal()

    def __init__(self, parent: Any = None, *, field: str = DATES_FIELD) -> None:
        super().__init__(parent)
        self.field = field
        self.setObjectName("fuzzyDateField")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # so a frame is drawn
        self.precision = QComboBox()
        for precision in DatePrecision:
            self.precision.addItem(precision.label(), precision.value)
        self.precision.setToolTip(_("A single day, a range of days, or a whole month"))

        self.day = DateField()
        self.start = DateField()
        self.end = DateField()
        self.month = QComboBox()
        self.month.addItems(month_names())
        self.year = QSpinBox()
        self.year.setRange(YEAR_MIN, YEAR_MAX)
        self.year.setGroupSeparatorShown(False)

        self.pages = QStackedWidget()
        self.pages.addWidget(_row(self.day))
        self.pages.addWidget(_row(self.start, QLabel("–"), self.end))
        self.pages.addWidget(_row(self.month, self.year))

        self.text = QLineEdit()
        self.text.setPlaceholderText(_("or type, e.g. “8–20 April 2025”, “May 2025”"))
        self.text.setClearButtonEnabled(True)
        self.preview = QLabel()
        self.preview.setStyleSheet("color: #555;")

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.precision)
        top.addWidget(self.pages, 1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.text, 1)
        bottom.addWidget(self.preview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(bottom)

        self._syncing = False  # the fields are being set from the text: keep the text
        self._last_precision = DatePrecision.DAY
        self.precision.currentIndexChanged.connect(self._precision_changed)
        for date_field in (self.day, self.start, self.end):
            date_field.value_changed.connect(lambda f=date_field: self._date_changed(f))
        self.month.currentIndexChanged.connect(self._fields_changed)
        self.year.valueChanged.connect(self._fields_changed)
        self.text.textChanged.connect(self._text_changed)
        self.set_value(FuzzyDate.day(dt.date.today()))

    def setStyleSheet(self, sheet: str) -> None:
        """A bare declaration (FieldErrors' red frame) frames the whole field once instead of
        cascading onto every box and label inside it."""
        if sheet.strip() and "{" not in sheet:
            sheet = f"#{self.objectName()} {{ {sheet} }}"
        super().setStyleSheet(sheet)

    # --- value ---------------------------------------------------------------------------------
    def value(self) -> FuzzyDate:
        """The dates as typed; a text that cannot be read or an end before the start raises
        ValidationError on ``field``."""
        if self.text.text().strip():
            return self._parsed(self.text.text())
        return self._from_fields()

    def set_value(self, value: FuzzyDate) -> None:
        self._syncing = True
        try:
            self._show_in_fields(value)
            self.text.clear()
        finally:
            self._syncing = False
        self._last_precision = value.precision
        self._show_preview()
        self.value_changed.emit()

    def current_precision(self) -> DatePrecision:
        return DatePrecision(self.precision.currentData())

    def set_text(self, text: str) -> None:
        """Put a text in the typing line, as a person would type it."""
        self.text.setText(text)

    def snapshot(self) -> tuple[Any, ...]:
        """Everything shown, comparable (an editor's unsaved-changes check)."""
        return (
            self.precision.currentData(),
            self.day.value(),
            self.start.value(),
            self.end.value(),
            self.month.currentIndex(),
            self.year.value(),
            self.text.text(),
        )

    # --- reading -------------------------------------------------------------------------------
    def _from_fields(self) -> FuzzyDate:
        precision = self.current_precision()
        if precision is DatePrecision.MONTH:
            return FuzzyDate.month(self.year.value(), self.month.currentIndex() + 1)
        if precision is DatePrecision.RANGE:
            start, end = self.start.value(), self.end.value()
            assert start is not None and end is not None  # not optional fields
            if end < start:
                raise ValidationError.single(
                    self.field,
                    _("the end {end} is before the start {start}").format(
                        end=_short(end), start=_short(start)
                    ),
                )
            return FuzzyDate.range(start, end)
        day = self.day.value()
        assert day is not None
        return FuzzyDate.day(day)

    def _parsed(self, text: str) -> FuzzyDate:
        year = self._default_year()
        try:
            return parse_fuzzy_date(text, year, current_locale().language)
        except ValidationError as exc:  # the parser names "dates"; the editor may call it else
            raise ValidationError(
                [FieldProblem(self.field, p.message, p.row) for p in exc.problems]
            ) from None

    def _default_year(self) -> int:
        """The year a typed text without one belongs to: the one the fields show."""
        try:
            return self._from_fields().start.year
        except ValidationError:
            return self.year.value()

    # --- keeping fields, text and preview together ---------------------------------------------
    def _show_in_fields(self, value: FuzzyDate) -> None:
        self.precision.setCurrentIndex(max(self.precision.findData(value.precision.value), 0))
        self.pages.setCurrentIndex(self.precision.currentIndex())
        self.day.set_value(value.start)
        self.start.set_value(value.start)
        self.end.set_value(value.end)
        self.month.setCurrentIndex(value.start.month - 1)
        self.year.setValue(value.start.year)

    def _precision_changed(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        if self._syncing:
            return
        # Carry the date over: a day becomes the start of a range, a month its first day.
        first = self._first_day(self._last_precision)
        self._syncing = True
        try:
            self.day.set_value(first)
            self.start.set_value(first)
            end = self.end.value()
            if end is None or end < first:
                self.end.set_value(first)
            self.month.setCurrentIndex(first.month - 1)
            self.year.setValue(first.year)
        finally:
            self._syncing = False
        self._fields_changed()

    def _first_day(self, precision: DatePrecision) -> dt.date:
        """The first day the fields of ``precision`` show."""
        if precision is DatePrecision.MONTH:
            return dt.date(self.year.value(), self.month.currentIndex() + 1, 1)
        shown = self.start.value() if precision is DatePrecision.RANGE else self.day.value()
        return shown or dt.date.today()

    def _date_changed(self, source: DateField) -> None:
        """The day and the range's start are one date seen two ways."""
        if self._syncing:
            return
        self._syncing = True
        try:
            other = self.start if source is self.day else self.day
            if source is not self.end:
                other.set_value(source.value())
        finally:
            self._syncing = False
        self._fields_changed()

    def _fields_changed(self, *_args: Any) -> None:
        if self._syncing:
            return
        self._last_precision = self.current_precision()
        self._syncing = True
        try:
            self.text.clear()  # the fields were chosen last: they are the value now
        finally:
            self._syncing = False
        self._show_preview()
        self.value_changed.emit()

    def _text_changed(self, text: str) -> None:
        if self._syncing:
            return
        if text.strip():
            try:
                value = self._parsed(text)
            except ValidationError:
                self.preview.setText("")
                self.value_changed.emit()
                return
            self._syncing = True
            try:
                self._show_in_fields(value)  # the fields follow the text as it is typed
            finally:
                self._syncing = False
            self._last_precision = value.precision
        self._show_preview()
        self.value_changed.emit()

    def _show_preview(self) -> None:
        try:
            value = self.value()
        except ValidationError:
            self.preview.setText("")
            return
        self.preview.setText("→ " + value.format(current_locale(), with_year=True))


def _row(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return box


def _short(day: dt.date) -> str:
    return FuzzyDate.day(day).format(current_locale(), with_year=True)
