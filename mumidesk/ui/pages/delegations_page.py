"""The Delegations area: visits in, out and online, filtered by direction, own municipality,
partner country, period and free text; the detail panel shows the whole visit with its members,
its programme day by day and links to its partners and agreements."""

from __future__ import annotations

import datetime as dt
import html
import uuid
from typing import Any

from babel.dates import format_date, format_time
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.deadlines import quarter_bounds, quarter_of
from mumidesk.domain.delegations import Delegation, ProgrammeItem, event_of
from mumidesk.domain.enums import DelegationDirection
from mumidesk.i18n import N_, _, current_locale
from mumidesk.services.delegations import DelegationFilter
from mumidesk.services.registry import Services
from mumidesk.ui.editors.delegation_editor import DelegationEditor
from mumidesk.ui.editors.event_editor import EventEditor
from mumidesk.ui.models.delegation_table import (
    COL_DATES,
    COL_DIRECTION,
    COL_HEAD,
    COL_MEMBERS,
    COL_MUNICIPALITY,
    COL_PARTNERS,
    COL_PLACE,
    COL_TITLE,
    DelegationTableModel,
    format_day,
    report_colour,
    report_due,
    visit_dates,
)
from mumidesk.ui.pages.record_page import RecordPage
from mumidesk.ui.widgets.country_box import CountryBox
from mumidesk.ui.widgets.date_field import DateField
from mumidesk.ui.widgets.detail_card import DetailCard
from mumidesk.ui.widgets.municipality_box import MunicipalityBox
from mumidesk.ui.widgets.record_links import link_label, links_html, parse_link

ANY_TIME, THIS_QUARTER, LAST_QUARTER, THIS_YEAR, LAST_YEAR, CUSTOM = (
    "",
    "this_quarter",
    "last_quarter",
    "this_year",
    "last_year",
    "custom",
)


def period_bounds(code: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The dates a period preset stands for (None, None: any time)."""
    quarter = quarter_of(today)
    if code == THIS_QUARTER:
        return quarter_bounds(today.year, quarter)
    if code == LAST_QUARTER:
        year, previous = (today.year, quarter - 1) if quarter > 1 else (today.year - 1, 4)
        return quarter_bounds(year, previous)
    if code == THIS_YEAR:
        return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    if code == LAST_YEAR:
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    return None, None


def _links(kind: str, keys: list[uuid.UUID], names: dict[uuid.UUID, str]) -> str:
    return links_html(kind, [(key, names.get(key) or str(key)) for key in keys])


def _time_span(item: ProgrammeItem) -> str:
    locale = current_locale()
    start = format_time(item.start_time, "short", locale=locale) if item.start_time else ""
    end = format_time(item.end_time, "short", locale=locale) if item.end_time else ""
    return f"{start}\u2013{end}" if start and end else start or end


class DelegationCard(DetailCard):
    """The selected visit, read-only. ``open_record(kind, id)`` follows a partner or agreement
    link."""

    open_record = Signal(str, object)

    def __init__(self, services: Services, parent: Any = None) -> None:
        super().__init__(
            [
                ("direction", _("Direction")),
                ("dates", _("Dates")),
                ("municipality", _("Our municipality")),
                ("place", _("Place")),
                ("head", _("Head of delegation")),
                ("purpose", _("Purpose")),
                ("outcome", _("Outcome")),
                ("report", _("Report")),
            ],
            parent,
        )
        self._services = services
        self.sections: dict[str, tuple[QLabel, QLabel]] = {}
        for key, title in (
            ("partners", _("Partners")),
            ("members", _("Members")),
            ("programme", _("Programme")),
            ("agreements", _("Agreements")),
        ):
            heading = QLabel(title)
            heading.setStyleSheet("font-weight: bold; margin-top: 8px;")
            body = link_label()
            body.linkActivated.connect(self.follow)
            self.extra.addWidget(heading)
            self.extra.addWidget(body)
            self.sections[key] = (heading, body)
        self.show_record(None)

    def follow(self, href: str) -> None:
        link = parse_link(href)
        if link is not None:
            self.open_record.emit(*link)

    def section_text(self, key: str) -> str:
        return self.sections[key][1].text()

    def _section(self, key: str, text: str) -> None:
        heading, body = self.sections[key]
        body.setText(text)
        heading.setVisible(bool(text))
        body.setVisible(bool(text))

    def show_record(self, delegation: Delegation | None) -> None:
        if delegation is None:
            self.show_empty(_("No delegation selected"))
            for key in self.sections:
                self._section(key, "")
            return
        keys = [*delegation.partner_ids, *delegation.agreement_ids]
        if delegation.municipality_id is not None:
            keys.append(delegation.municipality_id)
        names = self._services.delegations.titles(keys)
        head = delegation.head
        self.show_values(
            delegation.title,
            {
                "direction": delegation.direction.label(),
                "dates": visit_dates(delegation),
                "municipality": names.get(delegation.municipality_id, "")
                if delegation.municipality_id
                else "",
                "place": delegation.place,
                "head": _head_text(head.full_name, head.position) if head else "",
                "purpose": delegation.purpose,
                "outcome": delegation.outcome,
                "report": _report(delegation),
            },
        )
        colour = report_colour(delegation)
        self.values["report"].setStyleSheet(f"color: {colour};" if colour else "")
        self._section("partners", _links("partner", delegation.partner_ids, names))
        self._section("members", _members(delegation))
        self._section("programme", _programme(delegation.programme))
        self._section("agreements", _links("agreement", delegation.agreement_ids, names))


def _head_text(name: str, position: str) -> str:
    return _("{name}, {position}").format(name=name, position=position) if position else name


def _report(delegation: Delegation) -> str:
    if delegation.report_submitted_on is not None:
        return _("submitted {date}").format(date=format_day(delegation.report_submitted_on))
    due = report_due(delegation)
    if due is None:
        return ""
    if due < dt.date.today():
        return _("overdue since {date}").format(date=format_day(due))
    return _("due {date}").format(date=format_day(due))


def _members(delegation: Delegation) -> str:
    ordered = sorted(delegation.members, key=lambda m: not m.is_head)  # the head first
    lines = []
    for member in ordered:
        details = ", ".join(p for p in (member.position, member.organisation) if p)
        line = html.escape(member.full_name)
        if member.is_head:
            line = "<b>" + line + "</b> " + html.escape(_("(head)"))
        if details:
            line += " — " + html.escape(details)
        lines.append(line)
    return "<br>".join(lines)


def _programme(items: list[ProgrammeItem]) -> str:
    """Day by day, each day under its full date."""
    locale = current_locale()
    parts: list[str] = []
    day: dt.date | None = None
    for item in sorted(items, key=lambda i: i.day):  # stable: the typed order within a day
        if item.day != day:
            day = item.day
            heading = html.escape(format_date(day, "full", locale=locale))
            parts.append(f"<p style='margin: 6px 0 2px 0;'><i>{heading}</i></p>")
        title = item.title_ru or item.title_en
        line = html.escape(" ".join(p for p in (_time_span(item), title) if p))
        extra = ", ".join(p for p in (item.place, item.responsible) if p)
        if extra:
            line += " <span style='color: #666;'>(" + html.escape(extra) + ")</span>"
        parts.append(line + "<br>")
    return "".join(parts)


class DelegationsPage(RecordPage):
    KIND = "delegation"
    MODEL = DelegationTableModel
    EDITOR = DelegationEditor
    SERVICE = "delegations"
    NAME_FIELD = "title"
    NEW_TEXT = N_("New delegation")
    DELETE_QUESTION = N_("Delete the delegation {name}?")

    def add_filters(self, bar: QHBoxLayout) -> None:
        self.direction_filter = QComboBox()
        self.direction_filter.addItem(_("All directions"), "")
        for direction in DelegationDirection:
            self.direction_filter.addItem(direction.label(), direction.value)
        self.municipality_filter = MunicipalityBox(self._services, _("All municipalities"))
        self.country_filter = CountryBox(empty_text=_("All countries"))
        self.period_filter = QComboBox()
        for code, label in (
            (ANY_TIME, _("Any time")),
            (THIS_QUARTER, _("This quarter")),
            (LAST_QUARTER, _("Last quarter")),
            (THIS_YEAR, _("This year")),
            (LAST_YEAR, _("Last year")),
            (CUSTOM, _("Chosen dates")),
        ):
            self.period_filter.addItem(label, code)
        self.date_from = DateField(optional=True)
        self.date_to = DateField(optional=True)
        self.report_missing = QCheckBox(_("Report not submitted"))
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(_("Search…"))
        self.text_filter.setClearButtonEnabled(True)

        first = QHBoxLayout()
        first.addWidget(self.text_filter, 3)
        first.addWidget(QLabel(_("Direction")))
        first.addWidget(self.direction_filter, 1)
        first.addWidget(QLabel(_("Our municipality")))
        first.addWidget(self.municipality_filter, 2)
        second = QHBoxLayout()
        second.addWidget(QLabel(_("Partner country")))
        second.addWidget(self.country_filter, 2)
        second.addWidget(QLabel(_("Period")))
        second.addWidget(self.period_filter, 1)
        second.addWidget(self.date_from)
        second.addWidget(QLabel("–"))
        second.addWidget(self.date_to)
        second.addWidget(self.report_missing)
        second.addStretch(1)
        rows = QVBoxLayout()
        rows.addLayout(first)
        rows.addLayout(second)
        bar.addLayout(rows, 1)

        self._setting_period = False
        self.text_filter.textChanged.connect(self.apply_filters)
        self.direction_filter.currentIndexChanged.connect(self.apply_filters)
        self.municipality_filter.currentIndexChanged.connect(self.apply_filters)
        self.country_filter.country_changed.connect(self.apply_filters)
        self.period_filter.currentIndexChanged.connect(self._period_chosen)
        self.date_from.value_changed.connect(self._dates_typed)
        self.date_to.value_changed.connect(self._dates_typed)
        self.report_missing.toggled.connect(self.apply_filters)

    def _period_chosen(self, *_args: Any) -> None:
        code = self.period_filter.currentData()
        if code != CUSTOM:
            start, end = period_bounds(code, dt.date.today())
            self._setting_period = True
            self.date_from.set_value(start)
            self.date_to.set_value(end)
            self._setting_period = False
        self.apply_filters()

    def _dates_typed(self) -> None:
        if self._setting_period:
            return
        if self.period_filter.currentData() != CUSTOM:
            self._setting_period = True
            self.period_filter.setCurrentIndex(self.period_filter.findData(CUSTOM))
            self._setting_period = False
        self.apply_filters()

    def apply_filters(self, *_args: Any) -> None:
        if not getattr(self, "_setting_period", False):
            super().apply_filters()

    def current_filter(self) -> DelegationFilter:
        direction = self.direction_filter.currentData()
        return DelegationFilter(
            direction=DelegationDirection(direction) if direction else None,
            municipality_id=self.municipality_filter.municipality_id(),
            country_code=self.country_filter.country_code(),
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            report_missing=self.report_missing.isChecked(),
            text=self.text_filter.text().strip(),
        )

    def clear_filters(self) -> None:
        self._setting_period = True
        self.text_filter.clear()
        self.direction_filter.setCurrentIndex(0)
        self.municipality_filter.setCurrentIndex(0)
        self.country_filter.set_country_code("")
        self.period_filter.setCurrentIndex(0)
        self.date_from.set_value(None)
        self.date_to.set_value(None)
        self.report_missing.setChecked(False)
        self._setting_period = False
        self.apply_filters()

    def set_municipality(self, key: uuid.UUID | None) -> None:
        """Show the visits of one own municipality (None: of all)."""
        self.municipality_filter.set_municipality_id(key)

    def make_detail(self) -> QWidget:
        self.card = DelegationCard(self._services)
        self.card.open_record.connect(self.open_record)
        return self.card

    def column_widths(self) -> dict[int, int]:
        return {
            COL_TITLE: 260,
            COL_DIRECTION: 90,
            COL_DATES: 150,
            COL_MUNICIPALITY: 170,
            COL_PARTNERS: 160,
            COL_MEMBERS: 70,
            COL_HEAD: 170,
            COL_PLACE: 130,
        }

    def document_choice(self) -> tuple[str, uuid.UUID] | None:
        """What Ctrl+P prints here: the visit programme of the selected delegation."""
        record = self.selected_record()
        if record is None or record.id is None:
            return None
        return ("programme", record.id)

    # --- the visit in the quarterly report ---------------------------------------------------
    def add_actions(self, toolbar: QToolBar) -> None:
        self.event_action = QAction(_("Record as an event…"), self)
        self.event_action.setToolTip(
            _("The quarterly report lists events: enter this visit as one, to review and save")
        )
        self.event_action.triggered.connect(self.record_as_event)
        toolbar.addAction(self.event_action)

    def record_changed(self, record: Any | None) -> None:
        self.event_action.setEnabled(record is not None)

    def record_as_event(self) -> EventEditor | None:
        """Open a new event filled from the selected visit; saving it is the user's choice."""
        delegation = self.selected_record()
        if delegation is None:
            return None
        editor = EventEditor(self._services, event_of(delegation), self)
        # Freed when closed: the page's own editor slot is for delegations.
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._event_saved)
        editor.open()
        return editor

    def _event_saved(self, event: Any) -> None:
        self.notify(_("Saved as an event: {name}").format(name=event.name), undo=False)
        self.changed.emit()
