"""The left side of the Documents page: which document, and the parameters that document needs
(only those rows are shown). ``request()`` turns what is chosen into a DocumentRequest, naming
every field that is wrong in one round."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.enums import AgreementStatus
from mumidesk.domain.errors import FieldProblem, ValidationError
from mumidesk.i18n import N_, SUPPORTED, _, current_language, current_locale
from mumidesk.reports import catalog
from mumidesk.reports.catalog import DocumentRequest, DocumentType
from mumidesk.reports.drafts.defaults import agreement_languages, default_template
from mumidesk.reports.drafts.fill import list_templates
from mumidesk.reports.drafts.templates import DraftTemplate
from mumidesk.reports.period import Period
from mumidesk.services.registry import Services
from mumidesk.settings import Settings
from mumidesk.ui.lookups import describe, lookup
from mumidesk.ui.widgets.date_field import DateField
from mumidesk.ui.widgets.field_errors import FieldErrors
from mumidesk.ui.widgets.multi_check import MultiCheck
from mumidesk.ui.widgets.record_picker import RecordPicker

# How the period is given.
QUARTER = "quarter"
YEAR = "year"
DATES = "dates"
ANY_TIME = "any"

# Field codes the report builders use for their own checks, beside the catalog's parameters.
FROM = "from"
TO = "to"
QUARTER_FIELD = "quarter"
REGION = "region"
LANGUAGE = "language"

RECORD_KINDS = ("partner", "delegation", "agreement")
_RECORD_LABELS = {
    "partner": N_("Partner"),
    "delegation": N_("Delegation"),
    "agreement": N_("Agreement"),
}
_QUARTER_LABELS = (N_("1st quarter"), N_("2nd quarter"), N_("3rd quarter"), N_("4th quarter"))
# Languages offered beside Russian in a visit programme (guests' languages; Babel names them).
PROGRAMME_LANGUAGES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "sl", "hr", "sr", "bg", "ro",
    "hu", "fi", "sv", "no", "da", "el", "lv", "lt", "et", "be", "uk", "kk", "ky", "uz", "tg",
    "tk", "az", "hy", "ka", "mn", "tr", "ar", "fa", "hi", "vi", "zh", "ja", "ko",
)  # fmt: skip
FIRST_YEAR = 1950
MIN_COMBO_CHARACTERS = 12
LAST_YEAR = 2200


def language_name(code: str) -> str:
    """A language's name in the window's language ("английский", "English")."""
    locale = current_locale()
    base = code.replace("-", "_").split("_")[0]
    return str(locale.languages.get(code) or locale.languages.get(base) or code)


def default_quarter(today: dt.date) -> tuple[int, int]:
    """The quarter a report is most likely printed for: the current one, or in the first month
    of a quarter the one that has just ended (the report is due then)."""
    quarter = (today.month - 1) // 3 + 1
    if today.month % 3 == 1:
        return (today.year, quarter - 1) if quarter > 1 else (today.year - 1, 4)
    return today.year, quarter


class DocumentForm(QWidget):
    """``document_changed(DocumentType)`` when another document is chosen."""

    document_changed = Signal(object)

    def __init__(
        self, services: Services, parent: Any = None, *, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._today = today or dt.date.today()
        self._templates: list[DraftTemplate] = []
        self.errors = FieldErrors()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer = QVBoxLayout(self)
        outer.addLayout(self.form)
        outer.addStretch(1)  # the rows keep their height; the room left stays below them

        self.document_box = QComboBox()
        for document in catalog.DOCUMENTS:
            self.document_box.addItem(document.title(), document.id)
        self.language_box = QComboBox()
        for code in SUPPORTED:
            self.language_box.addItem(language_name(code).capitalize(), code)
        self._select(self.language_box, current_language())
        self.form.addRow(_("Document"), self.errors.wrap("document", self.document_box))
        self.form.addRow(_("Language"), self.errors.wrap(LANGUAGE, self.language_box))

        self._build_period()
        self._build_place()
        self._build_records()
        self._build_registry()
        self._build_draft()
        self._build_programme()

        self.document_box.currentIndexChanged.connect(self._document_chosen)
        for box in self.findChildren(QComboBox):
            # Long names (documents, templates, municipalities) must not widen the panel.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(MIN_COMBO_CHARACTERS)
        self.reload()
        self._document_chosen()

    # --- building ------------------------------------------------------------------------------

    def _build_period(self) -> None:
        self.period_box = QComboBox()
        self.year_box = QSpinBox()
        self.year_box.setRange(FIRST_YEAR, LAST_YEAR)
        self.quarter_box = QComboBox()
        for number, label in enumerate(_QUARTER_LABELS, start=1):
            self.quarter_box.addItem(_(label), number)
        year, quarter = default_quarter(self._today)
        self.year_box.setValue(year)
        self.quarter_box.setCurrentIndex(quarter - 1)
        self.from_field = DateField()
        self.to_field = DateField()
        start, end = Period.of_quarter(year, quarter).start, Period.of_quarter(year, quarter).end
        self.from_field.set_value(start)
        self.to_field.set_value(end)
        self.quarter_row = QWidget()
        row = QHBoxLayout(self.quarter_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.errors.wrap(catalog.YEAR, self.year_box))
        self.quarter_holder = self.errors.wrap(QUARTER_FIELD, self.quarter_box)
        row.addWidget(self.quarter_holder, 1)
        self.dates_row = QWidget()
        row = QHBoxLayout(self.dates_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.errors.wrap(FROM, self.from_field), 1)
        row.addWidget(QLabel("–"))
        row.addWidget(self.errors.wrap(TO, self.to_field), 1)
        self.form.addRow(_("Period"), self.errors.wrap(catalog.PERIOD, self.period_box))
        self.form.addRow(_("Year"), self.quarter_row)
        self.form.addRow(_("Dates"), self.dates_row)
        self.period_box.currentIndexChanged.connect(self._show_rows)

    def _build_place(self) -> None:
        self.region_box = QComboBox()
        self.municipality_box = QComboBox()
        self.form.addRow(_("Region"), self.errors.wrap(REGION, self.region_box))
        self.form.addRow(
            _("Municipality"), self.errors.wrap(catalog.MUNICIPALITY, self.municipality_box)
        )
        self.region_box.currentIndexChanged.connect(self._fill_municipalities)

    def _build_records(self) -> None:
        """One picker per kind of record, so each keeps its choice when the document changes."""
        self.record_stack = QStackedWidget()
        self.record_pickers: dict[str, RecordPicker] = {}
        for kind in RECORD_KINDS:
            picker = RecordPicker(lookup(self._services, kind), describe(self._services, kind))
            picker.setPlaceholderText(_("Type to find…"))
            self.record_pickers[kind] = picker
            self.record_stack.addWidget(picker)
        self.record_stack.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.record_label = QLabel()
        self.form.addRow(self.record_label, self.errors.wrap(catalog.RECORD, self.record_stack))
        self.record_pickers["agreement"].id_changed.connect(self._agreement_chosen)

    def _build_registry(self) -> None:
        self.status_check = MultiCheck([(s.value, s.label()) for s in AgreementStatus])
        self.status_check.setToolTip(_("None checked: agreements in every status"))
        self.partner_filter = RecordPicker(
            lookup(self._services, "partner"), describe(self._services, "partner")
        )
        self.partner_filter.setPlaceholderText(_("Every partner"))
        self.form.addRow(_("Statuses"), self.errors.wrap(catalog.STATUSES, self.status_check))
        self.form.addRow(
            _("Partner"), self.errors.wrap(catalog.PARTNER_FILTER, self.partner_filter)
        )

    def _build_draft(self) -> None:
        self.template_box = QComboBox()
        self.languages_box = QComboBox()
        self.form.addRow(_("Template"), self.errors.wrap(catalog.TEMPLATE, self.template_box))
        self.form.addRow(
            _("Languages of the draft"), self.errors.wrap(catalog.LANGUAGES, self.languages_box)
        )
        self.template_box.currentIndexChanged.connect(self._fill_draft_languages)

    def _build_programme(self) -> None:
        self.second_language_box = QComboBox()
        names = sorted((language_name(code), code) for code in PROGRAMME_LANGUAGES)
        for name, code in names:
            self.second_language_box.addItem(name.capitalize(), code)
        self._select(self.second_language_box, "en")
        self.form.addRow(
            _("Second language"),
            self.errors.wrap(catalog.SECOND_LANGUAGE, self.second_language_box),
        )

    # --- choice lists --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the regions, municipalities and templates again (keeping what is chosen)."""
        region = self.region_box.currentData() if self.region_box.count() else None
        if region is None:
            region = Settings.load().region_id
        self.region_box.blockSignals(True)
        self.region_box.clear()
        self.region_box.addItem(_("All regions"), "")
        for item in self._services.regions.all():
            self.region_box.addItem(_place_name(item.name_ru, item.name_en), str(item.id))
        self._select(self.region_box, region or "")
        self.region_box.blockSignals(False)
        self._fill_municipalities()
        template = self.template_box.currentData()
        self._templates = list_templates()
        self.template_box.blockSignals(True)
        self.template_box.clear()
        lang = current_language()
        for t in self._templates:
            self.template_box.addItem(t.name(lang), t.id)
        self._select(self.template_box, template or "")
        self.template_box.blockSignals(False)
        self._fill_draft_languages()

    def _fill_municipalities(self) -> None:
        chosen = self.municipality_box.currentData()
        region = self.region_box.currentData()
        shows_region = self.document().needs(catalog.PLACE)
        self.municipality_box.clear()
        self.municipality_box.addItem(_("All municipalities"), "")
        for item in self._services.municipalities.all():
            if shows_region and region and str(item.region_id) != region:
                continue
            self.municipality_box.addItem(_place_name(item.name_ru, item.name_en), str(item.id))
        self._select(self.municipality_box, chosen or "")

    def _fill_draft_languages(self, *_args: object, wanted: Sequence[str] = ()) -> None:
        """Russian alone, or Russian beside one of the template's other languages."""
        # Kept as "ru,en" text: Qt's findData cannot compare Python tuples.
        chosen = ",".join(wanted) or self.languages_box.currentData() or ""
        template = self._template()
        codes = template.languages if template is not None else ("ru",)
        others = [code for code in codes if code != "ru"]
        self.languages_box.clear()
        if "ru" in codes:
            self.languages_box.addItem(language_name("ru").capitalize(), "ru")
            for code in others:
                label = _("{first} and {second}").format(
                    first=language_name("ru").capitalize(), second=language_name(code)
                )
                self.languages_box.addItem(label, f"ru,{code}")
        for code in others:
            self.languages_box.addItem(language_name(code).capitalize(), code)
        index = self.languages_box.findData(chosen)
        self.languages_box.setCurrentIndex(max(index, 0))

    def _template(self) -> DraftTemplate | None:
        wanted = self.template_box.currentData()
        return next((t for t in self._templates if t.id == wanted), None)

    def _agreement_chosen(self, key: uuid.UUID | None) -> None:
        """The agreement's own template and languages, as `mumidesk draft` would take them."""
        if key is None:
            return
        agreement = self._services.agreements.get(key)
        template = default_template(agreement, self._templates)
        if template is not None:
            self._select(self.template_box, template.id)
        self._fill_draft_languages(wanted=agreement_languages(agreement))

    # --- the chosen document -------------------------------------------------------------------

    def document(self) -> DocumentType:
        return catalog.document_type(self.document_box.currentData())

    def set_document(self, document_id: str) -> None:
        index = self.document_box.findData(document_id)
        if index < 0:
            catalog.document_type(document_id)  # raises: names the documents there are
        self.document_box.setCurrentIndex(index)

    def set_record(self, record_id: uuid.UUID | None) -> None:
        """The record of the chosen document (partner, delegation or agreement)."""
        kind = self.document().record_kind
        if not kind:
            return
        picker = self.record_pickers[kind]
        picker.set_record_id(record_id)
        picker.setCursorPosition(0)  # a long title shows its beginning
        if kind == "agreement":
            self._agreement_chosen(record_id)

    def set_region(self, region_id: uuid.UUID | None) -> None:
        self._select(self.region_box, str(region_id) if region_id else "")

    def set_municipality(self, municipality_id: uuid.UUID | None) -> None:
        self._select(self.municipality_box, str(municipality_id) if municipality_id else "")

    def set_language(self, lang: str) -> None:
        self._select(self.language_box, lang)

    def _document_chosen(self) -> None:
        document = self.document()
        self.errors.clear()
        modes = [(QUARTER, _("Quarter")), (YEAR, _("Whole year")), (DATES, _("From … to …"))]
        if document.needs(catalog.PERIOD_OPTIONAL):
            modes.insert(0, (ANY_TIME, _("Any time")))
        mode = self.period_box.currentData()
        self.period_box.blockSignals(True)
        self.period_box.clear()
        for code, label in modes:
            self.period_box.addItem(label, code)
        self._select(self.period_box, mode or QUARTER)
        self.period_box.blockSignals(False)
        if document.record_kind:
            self.record_label.setText(_(_RECORD_LABELS[document.record_kind]))
            self.record_stack.setCurrentWidget(self.record_pickers[document.record_kind])
        self._fill_municipalities()
        self._show_rows()
        self.document_changed.emit(document)

    def _show_rows(self) -> None:
        document = self.document()
        has_period = document.needs(catalog.PERIOD) or document.needs(catalog.PERIOD_OPTIONAL)
        mode = self.period_box.currentData()
        self._row(self.period_box, has_period)
        by_year = has_period and mode in (QUARTER, YEAR)
        self._row(self.quarter_row, document.needs(catalog.YEAR) or by_year)
        self.quarter_holder.setVisible(has_period and mode == QUARTER)
        self._row(self.dates_row, has_period and mode == DATES)
        self._row(self.region_box, document.needs(catalog.PLACE))
        self._row(
            self.municipality_box,
            document.needs(catalog.PLACE) or document.needs(catalog.MUNICIPALITY),
        )
        self._row(self.record_stack, document.needs(catalog.RECORD))
        self._row(self.status_check, document.needs(catalog.STATUSES))
        self._row(self.partner_filter, document.needs(catalog.PARTNER_FILTER))
        self._row(self.template_box, document.needs(catalog.TEMPLATE))
        self._row(self.languages_box, document.needs(catalog.LANGUAGES))
        self._row(self.second_language_box, document.needs(catalog.SECOND_LANGUAGE))

    def _row(self, widget: QWidget, visible: bool) -> None:
        """Show or hide the form row holding ``widget`` (wrapped by FieldErrors or not)."""
        holder = widget
        parent = holder.parentWidget()
        while parent is not None and parent is not self:
            holder, parent = parent, parent.parentWidget()
        self.form.setRowVisible(holder, visible)

    # --- the request ---------------------------------------------------------------------------

    def request(self) -> DocumentRequest:
        """What is chosen, as a request; ValidationError names every wrong field at once."""
        document = self.document()
        problems: list[FieldProblem] = []
        period = self._period(document, problems)
        record_id = None
        if document.record_kind:
            record_id = self._picked(
                self.record_pickers[document.record_kind], catalog.RECORD, problems
            )
        partner_id = None
        if document.needs(catalog.PARTNER_FILTER):
            partner_id = self._picked(self.partner_filter, catalog.PARTNER_FILTER, problems)
        if document.needs(catalog.TEMPLATE) and self._template() is None:
            problems.append(FieldProblem(catalog.TEMPLATE, _("choose the template")))
        region = self.region_box.currentData() if document.needs(catalog.PLACE) else ""
        municipality = self.municipality_box.currentData()
        request = DocumentRequest(
            document.id,
            language=self.language_box.currentData(),
            period=period,
            year=self.year_box.value() if document.needs(catalog.YEAR) else None,
            region_id=uuid.UUID(region) if region else None,
            municipality_ids=(uuid.UUID(municipality),) if municipality else (),
            record_id=record_id,
            partner_id=partner_id,
            statuses=tuple(AgreementStatus(code) for code in self.status_check.codes()),
            template_id=self.template_box.currentData() or "",
            languages=tuple(filter(None, (self.languages_box.currentData() or "").split(","))),
            second_language=self.second_language_box.currentData() or "en",
        )
        marked = {p.field for p in problems}
        problems += [p for p in catalog.problems_of(request) if p.field not in marked]
        if problems:
            raise ValidationError(problems)
        return request

    def show_problems(self, problems: Sequence[FieldProblem]) -> list[FieldProblem]:
        """Mark the fields in error; returns the problems no field of the form shows."""
        unplaced = self.errors.show(problems)
        self.errors.focus_first()
        return unplaced

    def _period(self, document: DocumentType, problems: list[FieldProblem]) -> Period | None:
        if not (document.needs(catalog.PERIOD) or document.needs(catalog.PERIOD_OPTIONAL)):
            return None
        mode = self.period_box.currentData()
        if mode == ANY_TIME:
            return None
        if mode == QUARTER:
            return Period.of_quarter(self.year_box.value(), self.quarter_box.currentData())
        if mode == YEAR:
            return Period.of_year(self.year_box.value())
        start, end = self.from_field.value(), self.to_field.value()
        assert start is not None and end is not None  # the fields are not optional
        try:
            return Period.between(start, end)
        except ValidationError as exc:
            problems.extend(FieldProblem(TO, p.message) for p in exc.problems)
            return None

    def _picked(
        self, picker: RecordPicker, field: str, problems: list[FieldProblem]
    ) -> uuid.UUID | None:
        if picker.has_unmatched_text():
            problems.append(FieldProblem(field, _("choose one from the list")))
        return picker.record_id()

    @staticmethod
    def _select(box: QComboBox, data: object) -> None:
        index = box.findData(data)
        if index >= 0:
            box.setCurrentIndex(index)


def _place_name(name_ru: str, name_en: str) -> str:
    if current_language() == "ru":
        return name_ru or name_en
    return name_en or name_ru
