"""What is due: the deadlines derived from the data, coloured by urgency, each leading to its
record on a double-click (or Enter)."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from mumidesk.domain.deadlines import Deadline
from mumidesk.domain.enums import DeadlineKind
from mumidesk.i18n import _, ngettext
from mumidesk.ui.dashboard.texts import days_left_text, long_date, quarter_text, short_date

DEADLINE_ROLE = Qt.ItemDataRole.UserRole + 1
URGENCY_ROLE = Qt.ItemDataRole.UserRole + 2

COL_DUE, COL_LEFT, COL_WHAT, COL_RECORD = range(4)


class Urgency(Enum):
    OVERDUE = "overdue"
    URGENT = "urgent"
    NORMAL = "normal"


# (background, text) per urgency; a normal row keeps the view's own colours.
URGENCY_COLOURS: dict[Urgency, tuple[str, str]] = {
    Urgency.OVERDUE: ("#fde3e3", "#a1141c"),
    Urgency.URGENT: ("#fff0d9", "#8f4700"),
}


def urgency(due: dt.date, today: dt.date, urgent_days: int) -> Urgency:
    if due < today:
        return Urgency.OVERDUE
    if (due - today).days <= urgent_days:
        return Urgency.URGENT
    return Urgency.NORMAL


def subject_text(deadline: Deadline) -> str:
    """The record's title; for a report, the period in words ("quarter II of 2020")."""
    if deadline.kind is DeadlineKind.QUARTERLY_REPORT and "-Q" in deadline.period:
        year, quarter = deadline.period.split("-Q")
        return quarter_text(year, int(quarter))
    if deadline.kind is DeadlineKind.ANNUAL_REPORT:
        return _("year {year}").format(year=deadline.period or deadline.subject_title)
    return deadline.subject_title


def note_text(deadline: Deadline) -> str:
    """The date the deadline is about, in words ("expires on 15 January 2027")."""
    target = deadline.target_date
    if target is None:
        return ""
    day = long_date(target)
    notes = {
        DeadlineKind.APPROVAL_REQUEST: _("signing planned for {date}"),
        DeadlineKind.REGISTRATION: _("signed on {date}"),
        DeadlineKind.DELEGATION_REPORT: _("returned on {date}"),
        DeadlineKind.EXPIRY_NOTICE: _("expires on {date}"),
        DeadlineKind.PROLONGATION_NOTICE: _("prolongs itself on {date}"),
        DeadlineKind.QUARTERLY_REPORT: _("the period ends on {date}"),
        DeadlineKind.ANNUAL_REPORT: _("the period ends on {date}"),
    }
    return notes.get(deadline.kind, "{date}").format(date=day)


class DeadlinesList(QTreeWidget):
    """``open_record(kind, id)`` for an agreement's or a delegation's deadline;
    ``open_area("documents")`` for a report that falls due."""

    open_record = Signal(str, object)
    open_area = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setColumnCount(4)
        self.setHeaderLabels([_("Due"), _("Time left"), _("What"), _("Record")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(False)  # the urgency colours carry the meaning
        self.setSelectionMode(QTreeWidget.SelectionMode.SingleSelection)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.header()
        header.setStretchLastSection(True)
        for column in (COL_DUE, COL_LEFT, COL_WHAT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.itemActivated.connect(self._activated)
        self.deadlines: list[Deadline] = []

    def set_deadlines(
        self, deadlines: list[Deadline], today: dt.date, urgent_days: int, horizon_days: int
    ) -> None:
        self.clear()
        self.deadlines = list(deadlines)
        for deadline in deadlines:
            self.addTopLevelItem(self._item(deadline, today, urgent_days))
        if not deadlines:
            message = ngettext(
                "Nothing falls due in the next {n} day.",
                "Nothing falls due in the next {n} days.",
                horizon_days,
            ).format(n=horizon_days)
            empty = QTreeWidgetItem([message])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addTopLevelItem(empty)
            empty.setFirstColumnSpanned(True)

    def _item(self, deadline: Deadline, today: dt.date, urgent_days: int) -> QTreeWidgetItem:
        note = note_text(deadline)
        item = QTreeWidgetItem(
            [
                short_date(deadline.due),
                days_left_text(deadline.due, today),
                deadline.kind.label(),
                subject_text(deadline),
            ]
        )
        item.setData(0, DEADLINE_ROLE, deadline)
        # The date the deadline is about goes with the title, in the tooltip of every cell.
        tip = "\n".join(t for t in (subject_text(deadline), note) if t)
        for column in range(self.columnCount()):
            item.setToolTip(column, tip)
        level = urgency(deadline.due, today, urgent_days)
        item.setData(0, URGENCY_ROLE, level.value)
        colours = URGENCY_COLOURS.get(level)
        if colours is not None:
            background, text = QBrush(QColor(colours[0])), QBrush(QColor(colours[1]))
            for column in range(self.columnCount()):
                item.setBackground(column, background)
                item.setForeground(column, text)
            font = item.font(COL_LEFT)
            font.setBold(True)
            item.setFont(COL_LEFT, font)
        return item

    def urgency_of(self, row: int) -> Urgency:
        item = self.topLevelItem(row)
        if item is None:
            raise IndexError(row)
        return Urgency(item.data(0, URGENCY_ROLE))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        deadline = item.data(0, DEADLINE_ROLE)
        if not isinstance(deadline, Deadline):
            return
        if deadline.subject_id is not None:
            self.open_record.emit(deadline.subject_kind, deadline.subject_id)
        elif deadline.subject_kind == "report":
            self.open_area.emit("documents")
