"""Create or edit one exchange programme: its partners, period and organisations, and the
participants counted by year, category and direction in a table (the totals are computed, never
typed)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from babel.numbers import format_decimal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.enums import ExchangeDirection, ExchangeKind, ParticipantCategory
from mumidesk.domain.errors import FieldProblem
from mumidesk.domain.exchanges import ExchangeProgramme, Participation
from mumidesk.i18n import _, current_locale
from mumidesk.services.registry import Services
from mumidesk.ui.editors.event_editor import (
    combo_with,
    form_page,
    placed,
)
from mumidesk.ui.editors.form_problems import raise_problems, store_placed
from mumidesk.ui.editors.record_editor import AskDiscard, Inform, RecordEditor, ask_discard, inform
from mumidesk.ui.lookups import describe, lookup
from mumidesk.ui.widgets.date_field import DateField
from mumidesk.ui.widgets.municipality_box import MunicipalityBox
from mumidesk.ui.widgets.record_picker import RecordListPicker, RecordPicker
from mumidesk.ui.widgets.sub_table import CHOICE, INT, SubColumn, SubTable

PARTICIPATIONS = "participations"
_ROW_PROBLEM = re.compile(r"^participations\[(\d+)\](?:\.(\w+))?$")
_ERROR_BRUSH = QBrush(QColor("#ffd6d6"))


def participation_columns() -> list[SubColumn]:
    return [
        SubColumn("year", _("Year"), INT, width=70),
        SubColumn(
            "category",
            _("Category"),
            CHOICE,
            [(c.value, c.label()) for c in ParticipantCategory],
            width=160,
        ),
        SubColumn(
            "direction",
            _("Direction"),
            CHOICE,
            [(d.value, d.label()) for d in ExchangeDirection],
            width=190,
        ),
        SubColumn("count", _("Participants"), INT, width=100),
    ]


def totals_text(participations: Iterable[Participation]) -> str:
    """ "58 (inbound 30, outbound 28)" in the user's numbers."""
    locale = current_locale()
    inbound = outbound = 0
    for p in participations:
        if p.direction is ExchangeDirection.INBOUND:
            inbound += p.count
        else:
            outbound += p.count
    return _("{total} (inbound {inbound}, outbound {outbound})").format(
        total=format_decimal(inbound + outbound, locale=locale),
        inbound=format_decimal(inbound, locale=locale),
        outbound=format_decimal(outbound, locale=locale),
    )


class ExchangeEditor(RecordEditor):
    """``programme`` None creates a new one. ``saved`` carries the stored programme."""

    def __init__(
        self,
        services: Services,
        programme: ExchangeProgramme | None = None,
        parent: Any = None,
        *,
        ask_discard: AskDiscard = ask_discard,
        inform: Inform = inform,
    ) -> None:
        super().__init__(programme, parent, ask_discard=ask_discard, inform=inform)
        self._services = services
        self.setWindowTitle(
            _("New exchange programme") if programme is None else _("Edit exchange programme")
        )
        self.setMinimumWidth(640)

        self.title = QLineEdit()
        self.kind = combo_with(QComboBox(), ((k.value, k.label()) for k in ExchangeKind))
        self.municipality = MunicipalityBox(services, "—", keep_unknown=True)
        self.start_date = DateField(optional=True)
        self.end_date = DateField(optional=True)
        self.partners = RecordListPicker(lookup(services, "partner"), describe(services, "partner"))
        self.partners.picker.setPlaceholderText(_("Type a partner city…"))
        self.organisations = QPlainTextEdit()
        self.organisations.setTabChangesFocus(True)
        self.organisations.setPlaceholderText(_("Schools, universities, ensembles taking part"))
        self.organisation_picker = RecordPicker(
            lookup(services, "organisation"), describe(services, "organisation")
        )
        self.organisation_picker.setPlaceholderText(_("Type an organisation…"))
        self.add_organisation = QPushButton(_("Add to the list"))
        self.add_organisation.clicked.connect(self.add_picked_organisation)
        self.organisation_picker.returnPressed.connect(self.add_picked_organisation)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.participations = SubTable(participation_columns(), new_row=self._next_participation)
        self.totals = QLabel()

        period = QWidget()
        period_row = QHBoxLayout(period)
        period_row.setContentsMargins(0, 0, 0, 0)
        period_row.addWidget(self.errors.wrap("start_date", self.start_date))
        period_row.addWidget(QLabel("–"))
        period_row.addWidget(self.errors.wrap("end_date", self.end_date))
        period_row.addStretch(1)
        organisations = QWidget()
        organisations_box = QVBoxLayout(organisations)
        organisations_box.setContentsMargins(0, 0, 0, 0)
        picker_row = QHBoxLayout()
        picker_row.addWidget(self.organisation_picker, 1)
        picker_row.addWidget(self.add_organisation)
        organisations_box.addLayout(picker_row)
        organisations_box.addWidget(self.organisations)

        self.tabs = QTabWidget()
        main = QFormLayout()
        main.addRow(_("Title"), self.errors.wrap("title", self.title))
        main.addRow(_("Kind"), self.errors.wrap("kind", self.kind))
        main.addRow(_("Our municipality"), self.errors.wrap("municipality_id", self.municipality))
        main.addRow(_("Period"), period)
        main.addRow(_("Partners"), self.errors.wrap("partner_ids", self.partners))
        main.addRow(_("Organisations"), self.errors.wrap("organisations", organisations))
        main.addRow(_("Description"), self.errors.wrap("description", self.description))
        self.tabs.addTab(form_page(main), _("Programme"))
        counts = QWidget()
        counts_box = QVBoxLayout(counts)
        counts_box.addWidget(QLabel(_("Participants by year, category and direction")))
        counts_box.addWidget(self.errors.wrap(PARTICIPATIONS, self.participations), 1)
        counts_box.addWidget(self.totals)
        self.tabs.addTab(counts, _("Participants"))
        self.body.addWidget(self.tabs)

        # Fields whose mark another input clears (FieldErrors clears each input's own mark).
        self.start_date.value_changed.connect(lambda: self._clear("start_date", "end_date"))
        self.end_date.value_changed.connect(lambda: self._clear("start_date", "end_date"))
        self.organisations.textChanged.connect(lambda: self.errors.clear_field("organisations"))
        self.participations.changed.connect(self._show_totals)
        self.finish_setup(programme)

    # --- fields ----------------------------------------------------------------------------
    def load(self, record: Any | None) -> None:
        programme = record or ExchangeProgramme(title="")
        self.title.setText(programme.title)
        self.kind.setCurrentIndex(max(self.kind.findData(programme.kind.value), 0))
        self.municipality.set_municipality_id(programme.municipality_id)
        self.start_date.set_value(programme.start_date)
        self.end_date.set_value(programme.end_date)
        self.partners.set_ids(programme.partner_ids)
        self.organisations.setPlainText(programme.organisations)
        self.description.setPlainText(programme.description)
        self.participations.set_rows(
            [
                {
                    "year": p.year,
                    "category": p.category.value,
                    "direction": p.direction.value,
                    "count": p.count,
                }
                for p in programme.participations
            ]
        )
        self._show_totals()

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "kind": self.kind.currentData(),
            "municipality_id": self.municipality.currentData(),
            "start_date": self.start_date.value(),
            "end_date": self.end_date.value(),
            "partner_ids": (self.partners.ids(), self.partners.picker.text()),
            "organisations": self.organisations.toPlainText(),
            "organisation_picker": self.organisation_picker.text(),
            "description": self.description.toPlainText(),
            PARTICIPATIONS: self.participations.rows(),
        }

    def store(self, item: Any) -> ExchangeProgramme:
        saved: ExchangeProgramme = store_placed(self._services.exchanges, item, self._placed)
        return saved

    def build_item(self) -> ExchangeProgramme:
        """The programme as typed, with every problem found in one round."""
        problems: list[FieldProblem] = []
        self._tint_rows(None)
        rows, cell_problems = self.participations.read(PARTICIPATIONS)
        problems += cell_problems
        self.partners.add_picked()  # a partner found but not yet added is meant to be added
        if self.partners.picker.has_unmatched_text():
            problems.append(
                FieldProblem("partner_ids", _("choose from the list or clear the text"))
            )
        base = self.record
        item = ExchangeProgramme(
            id=base.id if base else None,
            version=base.version if base else 0,
            title=self.title.text().strip(),
            kind=ExchangeKind(self.kind.currentData()),
            municipality_id=self.municipality.municipality_id(),
            partner_ids=self.partners.ids(),
            start_date=self.start_date.value(),
            end_date=self.end_date.value(),
            organisations=self.organisations.toPlainText().strip(),
            description=self.description.toPlainText().strip(),
            participations=[_participation(row) for row in rows],
        )
        raise_problems(item, problems, self._placed)
        return item

    # --- participations ----------------------------------------------------------------------
    def _next_participation(self, rows: list[dict[str, Any]]) -> Mapping[str, Any]:
        """After an inbound row comes the outbound one of the same year, then the next year."""
        if not rows:
            start = self.start_date.value()
            return {
                "year": (start or dt.date.today()).year,
                "category": ParticipantCategory.PUPILS.value,
                "direction": ExchangeDirection.INBOUND.value,
                "count": 0,
            }
        last = rows[-1]
        if last.get("direction") == ExchangeDirection.INBOUND.value:
            year, direction = last.get("year") or 0, ExchangeDirection.OUTBOUND.value
        else:
            year, direction = (last.get("year") or 0) + 1, ExchangeDirection.INBOUND.value
        return {"year": year, "category": last.get("category"), "direction": direction, "count": 0}

    def _show_totals(self) -> None:
        rows = self.participations.rows()
        summary = totals_text(_participation(row) for row in rows)
        self.totals.setText(_("Total: {summary}").format(summary=summary))

    def _placed(self, problems: Iterable[FieldProblem]) -> list[FieldProblem]:
        """Row problems ("participations[2].year") onto the table, with the row in the message
        and the row's cells tinted."""
        moved = []
        rest = []
        for problem in problems:
            match = _ROW_PROBLEM.match(problem.field)
            if match is None:
                rest.append(problem)
                continue
            row = int(match.group(1))
            self._tint_rows(row, match.group(2))
            moved.append(
                FieldProblem(
                    PARTICIPATIONS,
                    _("row {row}: {message}").format(row=row + 1, message=problem.message),
                    row + 1,
                )
            )
        return moved + placed(rest, {})

    def _tint_rows(self, row: int | None, key: str | None = None) -> None:
        """Tint a row's cells (only ``key``'s when given); ``row`` None clears every tint."""
        table = self.participations.table
        keys = [c.key for c in self.participations.columns]
        rows = range(table.rowCount()) if row is None else [row]
        columns = [keys.index(key)] if key in keys else range(len(keys))
        table.blockSignals(True)  # a tint is no edit
        for r in rows:
            for column in columns:
                item = table.item(r, column)
                if item is not None:
                    item.setBackground(QBrush() if row is None else _ERROR_BRUSH)
        table.blockSignals(False)

    def add_picked_organisation(self) -> None:
        """Append the organisation found in the picker to the list of organisations."""
        key = self.organisation_picker.record_id()
        if key is None:
            return
        name = self.organisation_picker.text().strip()
        current = self.organisations.toPlainText().strip()
        if name not in current:
            self.organisations.setPlainText(f"{current}; {name}" if current else name)
        self.organisation_picker.set_record_id(None)

    def _clear(self, *fields: str) -> None:
        for field in fields:
            self.errors.clear_field(field)


def _participation(row: Mapping[str, Any]) -> Participation:
    return Participation(
        year=int(row.get("year") or 0),
        category=ParticipantCategory(row.get("category") or ParticipantCategory.OTHER.value),
        direction=ExchangeDirection(row.get("direction") or ExchangeDirection.INBOUND.value),
        count=int(row.get("count") or 0),
    )
