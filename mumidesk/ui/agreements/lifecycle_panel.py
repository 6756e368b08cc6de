"""Where an agreement stands in its life: the current state, the steps it allows as buttons
(each asks for its facts in a StepDialog) and the deadlines the state creates, coloured by
urgency (overdue red, due within a week orange)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.agreements import Agreement
from mumidesk.domain.deadlines import Deadline, agreement_deadlines
from mumidesk.domain.enums import AgreementStatus as S
from mumidesk.domain.enums import DeadlineKind
from mumidesk.domain.lifecycle import allowed_targets
from mumidesk.i18n import _, ngettext
from mumidesk.services.agreements import AgreementService
from mumidesk.ui.agreements.format import long_date, status_colour, urgency_colour
from mumidesk.ui.agreements.step_dialog import StepDialog, step_title

# The order the step buttons appear in: forward first, then the ways back or out.
_ORDER = (
    S.SENT_FOR_APPROVAL,
    S.APPROVED,
    S.SIGNED,
    S.SUBMITTED_FOR_REGISTRATION,
    S.REGISTERED,
    S.PROLONGED,
    S.SUSPENDED,
    S.EXPIRED,
    S.TERMINATED,
    S.REJECTED,
    S.DRAFT,
)
_NOTICES = frozenset({DeadlineKind.EXPIRY_NOTICE, DeadlineKind.PROLONGATION_NOTICE})


def when_text(due: dt.date, today: dt.date) -> str:
    """ "today", "in 3 days", "5 days overdue"."""
    days = (due - today).days
    if days == 0:
        return _("today")
    if days > 0:
        return ngettext("in {n} day", "in {n} days", days).format(n=days)
    return ngettext("{n} day overdue", "{n} days overdue", -days).format(n=-days)


def deadline_text(deadline: Deadline, today: dt.date) -> str:
    if deadline.lead_days is not None and deadline.target_date is not None:
        what = _("{kind} {date}, reminder {lead} days before").format(
            kind=deadline.kind.label(),
            date=long_date(deadline.target_date),
            lead=deadline.lead_days,
        )
    else:
        what = deadline.kind.label()
    return _("{what}: {due} ({when})").format(
        what=what, due=long_date(deadline.due), when=when_text(deadline.due, today)
    )


def shown_deadlines(agreement: Agreement, today: dt.date) -> list[Deadline]:
    """The state's deadlines; notices whose day has passed were reminders, not tasks."""
    found = agreement_deadlines(agreement, today)
    return sorted(
        (d for d in found if d.kind not in _NOTICES or d.due >= today), key=lambda d: d.due
    )


class LifecyclePanel(QGroupBox):
    """``advanced`` carries the agreement after a step was taken."""

    advanced = Signal(object)

    def __init__(
        self,
        service: AgreementService,
        parent: Any = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(_("Lifecycle"), parent)
        self._service = service
        self._today = today
        self.agreement: Agreement | None = None
        self.dialog: StepDialog | None = None  # the open step dialog, if any
        self._last_dialog: StepDialog | None = None

        self.state = QLabel()
        self.state.setWordWrap(True)
        self.steps_box = QWidget()
        self.steps_layout = QGridLayout(self.steps_box)
        self.steps_layout.setContentsMargins(0, 0, 0, 0)
        self.step_buttons: dict[S, QPushButton] = {}
        self.deadlines_title = QLabel(_("Deadlines"))
        self.deadlines_title.setStyleSheet("font-weight: bold;")
        self.deadlines_box = QWidget()
        self.deadlines_layout = QVBoxLayout(self.deadlines_box)
        self.deadlines_layout.setContentsMargins(0, 0, 0, 0)
        self.deadline_labels: list[QLabel] = []

        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.steps_box)
        layout.addWidget(self.deadlines_title)
        layout.addWidget(self.deadlines_box)
        self.show_agreement(None)

    def show_agreement(self, agreement: Agreement | None) -> None:
        self.agreement = agreement
        self._clear()
        self.setVisible(agreement is not None)
        if agreement is None:
            return
        self.state.setText(
            _("Current state: {state}").format(
                state=f'<b style="color: {status_colour(agreement.status)}">'
                f"{html.escape(agreement.status.label())}</b>"
            )
        )
        targets = [t for t in _ORDER if t in allowed_targets(agreement.status)]
        for i, target in enumerate(targets):
            button = QPushButton(step_title(agreement.status, target) + "…")
            button.setToolTip(_("Move to “{state}”").format(state=target.label()))
            button.clicked.connect(lambda _checked=False, t=target: self.open_step(t))
            self.step_buttons[target] = button
            self.steps_layout.addWidget(button, i // 2, i % 2)
        if not targets:
            final = QLabel(_("No further step: this state is final."))
            final.setWordWrap(True)
            self.steps_layout.addWidget(final, 0, 0)
        today = self._today()
        deadlines = shown_deadlines(agreement, today)
        for deadline in deadlines:
            label = QLabel(deadline_text(deadline, today))
            label.setWordWrap(True)
            colour = urgency_colour(deadline.due, today)
            if colour:
                label.setStyleSheet(f"color: {colour};")
            label.setProperty("urgency", colour or "")
            self.deadline_labels.append(label)
            self.deadlines_layout.addWidget(label)
        if not deadlines:
            none = QLabel(_("No deadlines in this state."))
            none.setStyleSheet("color: #5f6368;")
            self.deadlines_layout.addWidget(none)

    def deadline_rows(self) -> list[tuple[str, str]]:
        """The shown deadlines as (text, colour or "")."""
        return [(label.text(), str(label.property("urgency"))) for label in self.deadline_labels]

    def open_step(self, target: S) -> StepDialog | None:
        """Open the dialog for one step (window-modal, not blocking)."""
        if self.agreement is None:
            return None
        if self._last_dialog is not None:  # a closed dialog is freed when the next opens
            self._last_dialog.deleteLater()
        dialog = StepDialog(self._service, self.agreement, target, self, today=self._today())
        self._last_dialog = dialog
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._stepped(dialog))
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _stepped(self, dialog: StepDialog) -> None:
        if dialog.result_agreement is not None:
            self.show_agreement(dialog.result_agreement)
            self.advanced.emit(dialog.result_agreement)

    def _clear(self) -> None:
        for layout in (self.steps_layout, self.deadlines_layout):
            while layout.count():
                item = layout.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.deleteLater()
        self.step_buttons = {}
        self.deadline_labels = []
