"""Create or edit one agreement: every field of the domain's Agreement, on tabs. The status is
shown, not edited: only a lifecycle step (the page's lifecycle panel) changes it. The facts the
steps recorded (decision, signing, registration …) stay editable here to correct a typo."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from mumidesk.domain.agreements import DEFAULT_NOTICE_LEAD_DAYS, Agreement
from mumidesk.domain.enums import AgreementKind, AgreementStatus, CooperationArea, ParentRelation
from mumidesk.domain.errors import FieldProblem
from mumidesk.i18n import _, current_locale
from mumidesk.ui.agreements.format import status_colour
from mumidesk.ui.editors.agreement_parties import AgreementFieldErrors, PartiesPanel
from mumidesk.ui.editors.form_problems import raise_problems
from mumidesk.ui.editors.record_editor import AskDiscard, Inform, RecordEditor, ask_discard, inform
from mumidesk.ui.lookups import describe, lookup
from mumidesk.ui.widgets.date_field import DateField
from mumidesk.ui.widgets.multi_check import MultiCheck
from mumidesk.ui.widgets.municipality_box import MunicipalityBox
from mumidesk.ui.widgets.number_text import parse_int
from mumidesk.ui.widgets.record_picker import RecordPicker

# Languages an agreement text is usually written in: ours, the partners' of the CIS, Europe
# and Asia. A code outside the list that a record already has is added to the choices.
COMMON_LANGUAGES = (
    "ru", "en", "be", "uk", "kk", "hy", "az", "ka", "uz", "ky", "tg", "tk", "ab", "os", "mn",
    "zh", "ja", "ko", "vi", "de", "fr", "it", "es", "pt", "pl", "cs", "sk", "bg", "sr", "mk",
    "sl", "hr", "ro", "hu", "fi", "et", "lv", "lt", "el", "tr", "fa", "ar", "he", "hi",
)  # fmt: skip

DATE_FIELDS = (
    "planned_signing_date",
    "approval_requested_on",
    "approval_decision_date",
    "signed_date",
    "registration_submitted_on",
    "registration_date",
    "expires_on",
    "suspended_on",
    "ended_on",
)
TEXT_FIELDS = ("title", "approval_decision_no", "signed_place", "registration_number")


def language_choices(extra: list[str]) -> list[tuple[str, str]]:
    """(code, name in the user's language): Russian and English first, then by name."""
    locale = current_locale()
    codes = list(dict.fromkeys([*COMMON_LANGUAGES, *extra]))
    named = [(code, locale.languages.get(code, code)) for code in codes]
    head = [pair for pair in named if pair[0] in ("ru", "en")]
    rest = sorted((p for p in named if p[0] not in ("ru", "en")), key=lambda p: p[1].casefold())
    return [(code, f"{name} ({code})") for code, name in head + rest]


def _tab(title: str) -> str:
    """A tab title as typed: "&" is a mnemonic marker in Qt and must be doubled."""
    return title.replace("&", "&&")


def parse_days(text: str) -> list[int]:
    """ "90, 30, 7" → [90, 30, 7]; ValueError on anything that is not a whole number."""
    return [parse_int(part) for part in re.split(r"[,;\s]+", text.strip()) if part]


class AgreementEditor(RecordEditor):
    """``agreement`` None creates a new one (a draft). ``saved`` carries the stored agreement."""

    def __init__(
        self,
        services: Any,
        agreement: Agreement | None = None,
        parent: Any = None,
        *,
        ask_discard: AskDiscard = ask_discard,
        inform: Inform = inform,
    ) -> None:
        super().__init__(agreement, parent, ask_discard=ask_discard, inform=inform)
        self._services = services
        self._service = services.agreements
        errors = AgreementFieldErrors()
        self.errors = errors
        self.setWindowTitle(_("New agreement") if agreement is None else _("Edit agreement"))
        self.setMinimumSize(820, 600)

        self.texts = {name: QLineEdit() for name in TEXT_FIELDS}
        self.dates = {name: DateField(optional=True) for name in DATE_FIELDS}
        self.kind = QComboBox()
        for kind in AgreementKind:
            self.kind.addItem(kind.label(), kind.value)
        self.status = QLabel()
        self.municipality = MunicipalityBox(services, _("— none —"), keep_unknown=True)
        self.subject = QPlainTextEdit()
        self.subject.setTabChangesFocus(True)
        self.subject.setFixedHeight(90)
        self.parent_picker = RecordPicker(
            lookup(services, "agreement"), describe(services, "agreement")
        )
        self.parent_picker.setPlaceholderText(_("Type to find the agreement this one changes…"))
        self.parent_relation = QComboBox()
        self.parent_relation.addItem(_("— none —"), "")
        for relation in ParentRelation:
            self.parent_relation.addItem(relation.label(), relation.value)
        self.parties = PartiesPanel(services)
        errors.parties = self.parties
        self.areas = MultiCheck([(a.value, a.label()) for a in CooperationArea])
        self.areas.setMaximumHeight(16777215)
        self.languages = MultiCheck(
            language_choices(list(agreement.languages) if agreement else [])
        )
        self.languages.setMaximumHeight(16777215)
        self.term_months = QLineEdit()
        self.term_months.setPlaceholderText(_("empty: an indefinite term"))
        self.auto_prolongation = QCheckBox(_("Prolongs itself unless a party gives notice"))
        self.prolongation_months = QLineEdit()
        self.prolongation_months.setPlaceholderText(_("empty: by the same term"))
        self.notice_lead_days = QLineEdit()
        self.notice_lead_days.setPlaceholderText(_("e.g. 90, 30, 7"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), _("General"))
        self.tabs.addTab(
            self.errors.wrap("parties", self.parties, clear_on_change=False),
            _tab(_("Parties & signatories")),
        )
        self.tabs.addTab(self._areas_tab(), _tab(_("Areas & languages")))
        self.tabs.addTab(self._term_tab(), _tab(_("Term & prolongation")))
        self.tabs.addTab(self._facts_tab(), _("Approval, signing, registration"))
        self.tabs.addTab(self.errors.wrap("notes", self.notes), _("Notes"))
        self.body.addWidget(self.tabs)
        self._connect_clearing()
        self.finish_setup(agreement)

    # --- layout --------------------------------------------------------------------------------
    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(_("Title"), self.errors.wrap("title", self.texts["title"]))
        form.addRow(_("Kind"), self.errors.wrap("kind", self.kind))
        form.addRow(_("Status"), self.status)
        form.addRow(_("Our municipality"), self.errors.wrap("municipality_id", self.municipality))
        form.addRow(_("Subject"), self.errors.wrap("subject", self.subject))
        form.addRow(
            _("Planned signing"),
            self.errors.wrap("planned_signing_date", self.dates["planned_signing_date"]),
        )
        form.addRow(_("Parent agreement"), self.errors.wrap("parent_id", self.parent_picker))
        form.addRow(_("Relation to it"), self.errors.wrap("parent_relation", self.parent_relation))
        return page

    def _areas_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(_("Areas of cooperation"), self.errors.wrap("areas", self.areas))
        form.addRow(_("Languages of the text"), self.errors.wrap("languages", self.languages))
        return page

    def _term_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(_("Term in months"), self.errors.wrap("term_months", self.term_months))
        form.addRow(_("Valid until"), self.errors.wrap("expires_on", self.dates["expires_on"]))
        form.addRow("", self.errors.wrap("auto_prolongation", self.auto_prolongation))
        form.addRow(
            _("Prolonged by (months)"),
            self.errors.wrap("prolongation_months", self.prolongation_months),
        )
        form.addRow(
            _("Remind days before the end"),
            self.errors.wrap("notice_lead_days", self.notice_lead_days),
        )
        hint = QLabel(
            _("The end date is computed from the registration date and the term when empty.")
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        form.addRow("", hint)
        return page

    def _facts_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        rows: list[tuple[str, str, QWidget]] = [
            (
                "approval_requested_on",
                _("Approval requested on"),
                self.dates["approval_requested_on"],
            ),
            ("approval_decision_no", _("Decision no."), self.texts["approval_decision_no"]),
            ("approval_decision_date", _("Decision date"), self.dates["approval_decision_date"]),
            ("signed_date", _("Signed on"), self.dates["signed_date"]),
            ("signed_place", _("Place of signing"), self.texts["signed_place"]),
            (
                "registration_submitted_on",
                _("Submitted for registration on"),
                self.dates["registration_submitted_on"],
            ),
            ("registration_number", _("Registration no."), self.texts["registration_number"]),
            ("registration_date", _("Registered on"), self.dates["registration_date"]),
            ("suspended_on", _("Suspended on"), self.dates["suspended_on"]),
            ("ended_on", _("Ended on"), self.dates["ended_on"]),
        ]
        for field, label, widget in rows:
            form.addRow(label, self.errors.wrap(field, widget))
        hint = QLabel(
            _("These facts are recorded by the lifecycle steps; correct them here if needed.")
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        form.addRow("", hint)
        return page

    def _connect_clearing(self) -> None:
        """Marks another input clears (FieldErrors clears each input's own mark)."""
        clear = self.errors.clear_field
        self.auto_prolongation.toggled.connect(lambda _on: clear("prolongation_months"))
        self.parties.changed.connect(self._parties_changed)

    def _parties_changed(self) -> None:
        """The summary mark under the parties goes once every party's own mark has gone."""
        if not any(form.first_error() is not None for form in self.parties.forms):
            self.errors.clear_field("parties")

    # --- RecordEditor --------------------------------------------------------------------------
    def load(self, record: Any | None) -> None:
        agreement = record or Agreement(title="")
        for name, edit in self.texts.items():
            edit.setText(getattr(agreement, name))
        for name, date in self.dates.items():
            date.set_value(getattr(agreement, name))
        self.kind.setCurrentIndex(max(self.kind.findData(agreement.kind.value), 0))
        self.status.setText(agreement.status.label())
        self.status.setStyleSheet(f"color: {status_colour(agreement.status)}; font-weight: bold;")
        self.status.setToolTip(_("The status changes only by a lifecycle step."))
        self.municipality.set_municipality_id(agreement.municipality_id)
        self.subject.setPlainText(agreement.subject)
        self.parent_picker.set_record_id(agreement.parent_id)
        relation = agreement.parent_relation.value if agreement.parent_relation else ""
        self.parent_relation.setCurrentIndex(max(self.parent_relation.findData(relation), 0))
        self.parties.set_parties(agreement.parties)
        self.areas.set_codes(a.value for a in agreement.areas)
        self.languages.set_codes(agreement.languages)
        self.term_months.setText(str(agreement.term_months or ""))
        self.auto_prolongation.setChecked(agreement.auto_prolongation)
        self.prolongation_months.setText(str(agreement.prolongation_months or ""))
        self.notice_lead_days.setText(", ".join(str(d) for d in agreement.notice_lead_days))
        self.notes.setPlainText(agreement.notes)

    def values(self) -> dict[str, Any]:
        typed: dict[str, Any] = {name: edit.text() for name, edit in self.texts.items()}
        typed.update({name: date.value() for name, date in self.dates.items()})
        typed.update(
            kind=self.kind.currentData(),
            municipality_id=self.municipality.currentData(),
            subject=self.subject.toPlainText(),
            parent=self.parent_picker.text(),
            parent_relation=self.parent_relation.currentData(),
            parties=self.parties.snapshot(),
            areas=self.areas.codes(),
            languages=self.languages.codes(),
            term_months=self.term_months.text(),
            auto_prolongation=self.auto_prolongation.isChecked(),
            prolongation_months=self.prolongation_months.text(),
            notice_lead_days=self.notice_lead_days.text(),
            notes=self.notes.toPlainText(),
        )
        return typed

    def build_item(self) -> Agreement:
        """The agreement as typed; text that cannot be read is named with every other problem."""
        problems: list[FieldProblem] = []
        months: dict[str, int | None] = {}
        for name, edit in (
            ("term_months", self.term_months),
            ("prolongation_months", self.prolongation_months),
        ):
            text = edit.text().strip()
            try:
                months[name] = parse_int(text) if text else None
            except ValueError:
                problems.append(FieldProblem(name, _("must be a whole number of months")))
                months[name] = None
        try:
            lead_days = parse_days(self.notice_lead_days.text())
        except ValueError:
            problems.append(
                FieldProblem("notice_lead_days", _("give whole numbers of days, e.g. 90, 30, 7"))
            )
            lead_days = list(DEFAULT_NOTICE_LEAD_DAYS)
        if self.parent_picker.has_unmatched_text():
            problems.append(FieldProblem("parent_id", _("choose an agreement from the list")))
        parties, party_problems = self.parties.parties()
        problems += party_problems
        relation = self.parent_relation.currentData()
        base = self.record
        fields: dict[str, Any] = {
            **{name: edit.text().strip() for name, edit in self.texts.items()},
            **{name: date.value() for name, date in self.dates.items()},
            "kind": AgreementKind(self.kind.currentData()),
            "municipality_id": self.municipality.municipality_id(),
            "subject": self.subject.toPlainText().strip(),
            "parent_id": self.parent_picker.record_id(),
            "parent_relation": ParentRelation(relation) if relation else None,
            "parties": parties,
            "areas": [CooperationArea(code) for code in self.areas.codes()],
            "languages": self.languages.codes(),
            "term_months": months["term_months"],
            "auto_prolongation": self.auto_prolongation.isChecked(),
            "prolongation_months": months["prolongation_months"],
            "notice_lead_days": lead_days,
            "notes": self.notes.toPlainText().strip(),
        }
        if isinstance(base, Agreement):
            item = replace(base, **fields)  # keeps id, version and the status
        else:
            item = Agreement(status=AgreementStatus.DRAFT, **fields)
        raise_problems(item, problems)
        return item

    def store(self, item: Any) -> Agreement:
        if item.id is None:
            return self._service.create(item)
        return self._service.update(item)
