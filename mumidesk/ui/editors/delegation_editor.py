"""Create or edit a delegation visit: the general facts, the members, the programme day by day and
the agreements it is linked to, each on its tab. A failed save keeps everything typed and marks the
field, or the row of a member or programme item, that is wrong."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from babel.dates import format_date
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.deadlines import DELEGATION_REPORT_WORKING_DAYS
from mumidesk.domain.delegations import Delegation
from mumidesk.domain.enums import DelegationDirection
from mumidesk.domain.errors import FieldProblem, ValidationError
from mumidesk.domain.validation import Checker
from mumidesk.i18n import _, current_locale, ngettext
from mumidesk.services.registry import Services
from mumidesk.settings import Settings
from mumidesk.ui.editors.delegation_members import MembersTab
from mumidesk.ui.editors.delegation_programme import ProgrammeTab
from mumidesk.ui.editors.delegation_rows import (
    clear_marks,
    place_problems,
    snapshot,
    wrap_table,
)
from mumidesk.ui.editors.form_problems import store_placed
from mumidesk.ui.editors.record_editor import AskDiscard, Inform, RecordEditor, ask_discard, inform
from mumidesk.ui.lookups import describe, lookup
from mumidesk.ui.models.delegation_table import report_due
from mumidesk.ui.widgets.date_field import DateField
from mumidesk.ui.widgets.municipality_box import MunicipalityBox
from mumidesk.ui.widgets.record_picker import RecordListPicker

TAB_GENERAL, TAB_MEMBERS, TAB_PROGRAMME, TAB_AGREEMENTS = range(4)


def _text_edit(height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    return edit


class DelegationEditor(RecordEditor):
    """``delegation`` None creates a new one. ``saved`` carries the stored delegation."""

    def __init__(
        self,
        services: Services,
        delegation: Delegation | None = None,
        parent: Any = None,
        *,
        ask_discard: AskDiscard = ask_discard,
        inform: Inform = inform,
    ) -> None:
        super().__init__(delegation, parent, ask_discard=ask_discard, inform=inform)
        self._services = services
        # For each member / programme item the domain sees, the grid row it was typed in.
        self._member_rows: list[int] = []
        self._programme_rows: list[int] = []
        self.setWindowTitle(_("New delegation") if delegation is None else _("Edit delegation"))
        self.resize(900, 620)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), _("General"))
        self.members_tab = MembersTab(services)
        self.tabs.addTab(self.members_tab, _("Members"))
        self.programme_tab = ProgrammeTab(self.start_date.value)
        self.tabs.addTab(self.programme_tab, _("Programme"))
        self.tabs.addTab(self._agreements_tab(), _("Agreements"))
        self.members = self.members_tab.table
        self.programme = self.programme_tab.table
        wrap_table(self.errors, "members", self.members)
        wrap_table(self.errors, "programme", self.programme)
        self.body.addWidget(self.tabs)

        # The grids' marks (FieldErrors clears every other input's own mark).
        self.members.changed.connect(lambda: self.errors.clear_field("members"))
        self.programme.changed.connect(lambda: self.errors.clear_field("programme"))
        self.start_date.value_changed.connect(self._start_moved)
        for signal in (
            self.end_date.value_changed,
            self.report_submitted_on.value_changed,
            self.direction.currentIndexChanged,
        ):
            signal.connect(self._show_report_due)
        self._tab_counts()
        self.members.changed.connect(self._tab_counts)
        self.programme.changed.connect(self._tab_counts)
        self.agreements.changed.connect(self._tab_counts)
        self.finish_setup(delegation)
        self._tab_counts()

    # --- layout ------------------------------------------------------------------------------
    def _general_tab(self) -> QWidget:
        s = self._services
        self.title = QLineEdit()
        self.title.setPlaceholderText(_("e.g. Delegation of the city of Mogilev"))
        self.direction = QComboBox()
        for direction in DelegationDirection:
            self.direction.addItem(direction.label(), direction.value)
        self.municipality = MunicipalityBox(s, "—", keep_unknown=True)
        self.partners = RecordListPicker(lookup(s, "partner"), describe(s, "partner"))
        self.partners.picker.setPlaceholderText(_("Type a partner city…"))
        self.start_date = DateField()
        self.end_date = DateField()
        self.place = QLineEdit()
        self.place.setPlaceholderText(_("City, venue"))
        self.purpose = _text_edit()
        self.outcome = _text_edit()
        self.outcome.setPlaceholderText(_("What was agreed, what comes next"))
        self.report_submitted_on = DateField(optional=True)
        self.report_due = QLabel()
        self.report_due.setStyleSheet("color: #666;")

        dates = QHBoxLayout()
        dates.addWidget(self.errors.wrap("start_date", self.start_date))
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.errors.wrap("end_date", self.end_date))
        dates.addStretch(1)
        report = QHBoxLayout()
        report.addWidget(self.errors.wrap("report_submitted_on", self.report_submitted_on))
        report.addWidget(self.report_due, 1)

        form = QFormLayout()
        form.addRow(_("Title"), self.errors.wrap("title", self.title))
        form.addRow(_("Direction"), self.errors.wrap("direction", self.direction))
        form.addRow(_("Our municipality"), self.errors.wrap("municipality_id", self.municipality))
        form.addRow(_("Partners"), self.errors.wrap("partner_ids", self.partners))
        form.addRow(_("Dates"), dates)
        form.addRow(_("Place"), self.errors.wrap("place", self.place))
        form.addRow(_("Purpose"), self.errors.wrap("purpose", self.purpose))
        form.addRow(_("Outcome"), self.errors.wrap("outcome", self.outcome))
        form.addRow(_("Report submitted on"), report)
        page = QWidget()
        page.setLayout(form)
        return page

    def _agreements_tab(self) -> QWidget:
        s = self._services
        self.agreements = RecordListPicker(lookup(s, "agreement"), describe(s, "agreement"))
        self.agreements.picker.setPlaceholderText(_("Type an agreement title or partner…"))
        self.agreements.list.setMaximumHeight(16777215)  # the whole tab is for the list
        hint = QLabel(_("Agreements this visit prepared, signed or is carrying out."))
        hint.setWordWrap(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addWidget(self.errors.wrap("agreement_ids", self.agreements), 1)
        return page

    def _tab_counts(self, *_args: Any) -> None:
        """The tab titles say how many rows each holds, so an empty tab is seen at a glance."""
        counts = (
            (TAB_MEMBERS, _("Members"), self.members.row_count()),
            (TAB_PROGRAMME, _("Programme"), self.programme.row_count()),
            (TAB_AGREEMENTS, _("Agreements"), len(self.agreements.ids())),
        )
        for tab, title, count in counts:
            self.tabs.setTabText(tab, _("{title} ({count})").format(title=title, count=count))

    def _start_moved(self) -> None:
        # A visit moved forward keeps its length only if the user says so; an end before the
        # start is never what was meant.
        start, end = self.start_date.value(), self.end_date.value()
        if start is not None and end is not None and end < start:
            self.end_date.set_value(start)

    def _show_report_due(self, *_args: Any) -> None:
        probe = Delegation(
            title="",
            direction=DelegationDirection(self.direction.currentData()),
            start_date=self.start_date.value() or dt.date.today(),
            end_date=self.end_date.value() or dt.date.today(),
            report_submitted_on=self.report_submitted_on.value(),
        )
        due = report_due(probe)
        if due is None:
            self.report_due.clear()
            return
        days = DELEGATION_REPORT_WORKING_DAYS
        self.report_due.setText(
            ngettext(
                "due {date} ({n} working day after return)",
                "due {date} ({n} working days after return)",
                days,
            ).format(date=format_date(due, "medium", locale=current_locale()), n=days)
        )

    # --- RecordEditor ------------------------------------------------------------------------
    def load(self, record: Any | None) -> None:
        today = dt.date.today()
        delegation = record or Delegation(title="", start_date=today, end_date=today)
        if record is None:
            default = _default_municipality()
            if default is not None and self.municipality.findData(str(default)) >= 0:
                delegation.municipality_id = default
        self.title.setText(delegation.title)
        self.direction.setCurrentIndex(max(self.direction.findData(delegation.direction.value), 0))
        self.municipality.set_municipality_id(delegation.municipality_id)
        self.partners.set_ids(delegation.partner_ids)
        self.start_date.set_value(delegation.start_date)
        self.end_date.set_value(delegation.end_date)
        self.place.setText(delegation.place)
        self.purpose.setPlainText(delegation.purpose)
        self.outcome.setPlainText(delegation.outcome)
        self.report_submitted_on.set_value(delegation.report_submitted_on)
        self.members_tab.set_members(delegation.members)
        self.programme_tab.set_items(delegation.programme)
        self.agreements.set_ids(delegation.agreement_ids)
        self._show_report_due()

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "direction": self.direction.currentData(),
            "municipality": self.municipality.currentData(),
            "partners": self.partners.ids(),
            "partner_typed": self.partners.picker.text(),
            "start": self.start_date.value(),
            "end": self.end_date.value(),
            "place": self.place.text(),
            "purpose": self.purpose.toPlainText(),
            "outcome": self.outcome.toPlainText(),
            "report": self.report_submitted_on.value(),
            "members": snapshot(self.members),
            "programme": snapshot(self.programme),
            "agreements": self.agreements.ids(),
            "agreement_typed": self.agreements.picker.text(),
        }

    def build_item(self) -> Delegation:
        """The delegation as typed; cells and picks that cannot be read are named here, with the
        domain's other complaints in the same round."""
        problems: list[FieldProblem] = []
        clear_marks(self.members)
        clear_marks(self.programme)
        member_rows, member_problems = self.members.read("members")
        programme_rows, programme_problems = self.programme.read("programme")
        problems += member_problems + programme_problems
        members, self._member_rows = self.members_tab.members(member_rows)
        programme, self._programme_rows = self.programme_tab.items(programme_rows)
        for name, picker in (("partner_ids", self.partners), ("agreement_ids", self.agreements)):
            picker.add_picked()  # chosen in the pop-up but Add not pressed: meant all the same
            if picker.picker.has_unmatched_text():
                problems.append(FieldProblem(name, _("choose from the list or clear the text")))
        base = self.record
        today = dt.date.today()
        item = Delegation(
            id=base.id if base else None,
            version=base.version if base else 0,
            title=self.title.text().strip(),
            direction=DelegationDirection(self.direction.currentData()),
            municipality_id=self.municipality.municipality_id(),
            partner_ids=self.partners.ids(),
            start_date=self.start_date.value() or today,
            end_date=self.end_date.value() or today,
            place=self.place.text().strip(),
            purpose=self.purpose.toPlainText().strip(),
            outcome=self.outcome.toPlainText().strip(),
            members=members,
            programme=programme,
            agreement_ids=self.agreements.ids(),
            report_submitted_on=self.report_submitted_on.value(),
        )
        if problems:
            checker = Checker()
            item.check(checker)
            problems += self._placed(checker.problems)
            raise ValidationError(problems)
        return item

    def store(self, item: Any) -> Delegation:
        saved: Delegation = store_placed(self._services.delegations, item, self._placed)
        return saved

    def _placed(self, problems: list[FieldProblem]) -> list[FieldProblem]:
        tables = {
            "members": (self.members, self._member_rows),
            "programme": (self.programme, self._programme_rows),
        }
        return place_problems(problems, tables)


def _default_municipality() -> uuid.UUID | None:
    """The municipality chosen in the settings, for a new visit."""
    try:
        return uuid.UUID(Settings.load().municipality_id)
    except ValueError:
        return None
