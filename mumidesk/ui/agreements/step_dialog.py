"""One lifecycle step of an agreement: a small dialog asking for the facts that step needs
(decision number and date, signing date and place, registration number and date …).

The step runs through ``AgreementService.advance`` in one transaction; a refused step keeps the
dialog open with everything typed and marks the fact in error, as an editor does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain import deadlines as rules
from mumidesk.domain.agreements import Agreement
from mumidesk.domain.enums import AgreementStatus as S
from mumidesk.domain.errors import DomainError, FieldProblem, ValidationError
from mumidesk.domain.lifecycle import add_months
from mumidesk.domain.validation import Checker
from mumidesk.i18n import _
from mumidesk.services.agreements import AgreementService
from mumidesk.ui.agreements.format import long_date, months_text
from mumidesk.ui.widgets.date_field import DateField
from mumidesk.ui.widgets.field_errors import FieldErrors

DATE, TEXT = "date", "text"


@dataclass(frozen=True)
class StepField:
    """A fact a step asks for: an Agreement field, its label and its input kind."""

    name: str
    label: Callable[[], str]
    kind: str = DATE
    optional: bool = False


_REQUESTED = StepField("approval_requested_on", lambda: _("Request sent on"))
_DECISION_NO = StepField("approval_decision_no", lambda: _("Decision no."), TEXT)
_DECISION_DATE = StepField("approval_decision_date", lambda: _("Decision date"))
_SIGNED = StepField("signed_date", lambda: _("Signed on"))
_PLACE = StepField("signed_place", lambda: _("Place of signing"), TEXT)
_SUBMITTED = StepField("registration_submitted_on", lambda: _("Submitted on"))
_REG_NO = StepField("registration_number", lambda: _("Registration no."), TEXT)
_REG_DATE = StepField("registration_date", lambda: _("Registered on"))
_NEW_END = StepField("expires_on", lambda: _("New end date"), optional=True)
_SUSPENDED = StepField("suspended_on", lambda: _("Suspended on"))
_ENDED = StepField("ended_on", lambda: _("Ended on"))

STEP_FIELDS: dict[S, tuple[StepField, ...]] = {
    S.DRAFT: (),
    S.SENT_FOR_APPROVAL: (_REQUESTED,),
    S.APPROVED: (_DECISION_NO, _DECISION_DATE),
    S.REJECTED: (_DECISION_NO, _DECISION_DATE),
    S.SIGNED: (_SIGNED, _PLACE),
    S.SUBMITTED_FOR_REGISTRATION: (_SUBMITTED,),
    S.REGISTERED: (_REG_NO, _REG_DATE),
    S.PROLONGED: (_NEW_END,),
    S.SUSPENDED: (_SUSPENDED,),
    S.TERMINATED: (_ENDED,),
    S.EXPIRED: (_ENDED,),
}


def step_fields(current: S, target: S) -> tuple[StepField, ...]:
    if target is S.REGISTERED and current is S.SUSPENDED:
        return ()  # resuming: the registration facts are already there
    return STEP_FIELDS.get(target, ())


def step_title(current: S, target: S) -> str:
    """The action that moves ``current`` to ``target``, as a button says it."""
    if target is S.REGISTERED and current is S.SUSPENDED:
        return _("Resume")
    if target is S.DRAFT:
        return _("Back to draft")
    titles = {
        S.SENT_FOR_APPROVAL: _("Send for regional approval"),
        S.APPROVED: _("Record approval"),
        S.REJECTED: _("Record refusal"),
        S.SIGNED: _("Record signing"),
        S.SUBMITTED_FOR_REGISTRATION: _("Submit for registration"),
        S.REGISTERED: _("Record registration"),
        S.PROLONGED: _("Prolong"),
        S.SUSPENDED: _("Suspend"),
        S.TERMINATED: _("Terminate"),
        S.EXPIRED: _("Record expiry"),
    }
    return titles[target]


def step_hint(agreement: Agreement, target: S) -> str:
    """What the user should know before taking the step."""
    if target is S.SENT_FOR_APPROVAL:
        return _(
            "The request goes to the region with the draft and an explanatory note at least "
            "{days} days before the planned signing."
        ).format(days=rules.APPROVAL_LEAD_DAYS)
    if target is S.SIGNED:
        return _(
            "The signed agreement must be submitted for registration within {days} working days."
        ).format(days=rules.REGISTRATION_WORKING_DAYS)
    if target is S.REGISTERED and agreement.status is S.SUBMITTED_FOR_REGISTRATION:
        return _("The agreement comes into force on registration.")
    if target is S.PROLONGED:
        months = agreement.prolongation_months or agreement.term_months
        if months and agreement.expires_on:
            return _("Leave the date empty to prolong by {term} (new end: {date})").format(
                term=months_text(months), date=long_date(add_months(agreement.expires_on, months))
            )
        return _("Give the new end date.")
    if target is S.DRAFT:
        return _("The agreement goes back to the draft stage to be reworked.")
    return ""


def _default(agreement: Agreement, field: StepField, today: dt.date) -> Any:
    """The value a fact starts with: what is recorded, or a sensible guess."""
    current = getattr(agreement, field.name)
    if field.name == "expires_on":
        return None  # empty: prolong by the period
    if current:
        return current
    if field.name == "ended_on" and agreement.expires_on is not None:
        return agreement.expires_on  # an expiry ends on the recorded end date
    return "" if field.kind == TEXT else today


class StepDialog(QDialog):
    """Asks for one step's facts and takes the step; ``result_agreement`` is the moved one."""

    def __init__(
        self,
        service: AgreementService,
        agreement: Agreement,
        target: S,
        parent: Any = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self.agreement = agreement
        self.target = target
        self.result_agreement: Agreement | None = None
        self.errors = FieldErrors()
        self.inputs: dict[str, QWidget] = {}
        today = today or dt.date.today()
        self.setWindowTitle(step_title(agreement.status, target))
        self.setMinimumWidth(420)

        heading = QLabel(
            _("“{title}”: {current} → {target}").format(
                title=agreement.title,
                current=agreement.status.label(),
                target=target.label(),
            )
        )
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold;")
        self.hint = QLabel(step_hint(agreement, target))
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(self.hint.text()))
        self.general_error = QLabel()
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet("color: #b00020;")
        self.general_error.hide()

        form = QFormLayout()
        for field in step_fields(agreement.status, target):
            widget: QWidget
            value = _default(agreement, field, today)
            if field.kind == TEXT:
                edit = QLineEdit(str(value))
                widget = edit
            else:
                date = DateField(optional=field.optional)
                date.set_value(value)
                widget = date
            self.inputs[field.name] = widget
            form.addRow(field.label(), self.errors.wrap(field.name, widget))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(step_title(agreement.status, target))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.take_step)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.general_error)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        first = next(iter(self.inputs.values()), None)
        if first is not None:
            first.setFocus()

    def facts(self) -> dict[str, Any]:
        """The facts as typed: text stripped, dates as dates (None for an empty one)."""
        typed: dict[str, Any] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QLineEdit):
                typed[name] = widget.text().strip()
            elif isinstance(widget, DateField):
                value = widget.value()
                if value is None and name == "expires_on":
                    continue  # prolong by the period
                typed[name] = value
        return typed

    def take_step(self) -> bool:
        """Run the step; on refusal mark the facts and keep the dialog open."""
        self.errors.clear()
        self.general_error.hide()
        assert self.agreement.id is not None
        facts = self.facts()
        try:
            moved = self._service.advance(
                self.agreement.id, self.target, expected_version=self.agreement.version, **facts
            )
        except ValidationError as exc:
            left = self.errors.show(self._all_problems(exc.problems, facts))
            if left:
                self._show_general("\n".join(str(p) for p in left))
            else:
                self.errors.focus_first()
            return False
        except DomainError as exc:  # an illegal step, a concurrent edit
            self._show_general(str(exc))
            return False
        self.result_agreement = moved
        self.accept()
        return True

    def _all_problems(
        self, problems: list[FieldProblem], facts: dict[str, Any]
    ) -> list[FieldProblem]:
        """The step stops at the first missing fact; the other complaints about what was typed
        (a date before the decision …) are shown in the same round."""
        checker = Checker()
        replace(self.agreement, **facts).check(checker)
        taken = {p.field for p in problems}
        return problems + [
            p for p in checker.problems if p.field not in taken and p.field in self.inputs
        ]

    def _show_general(self, message: str) -> None:
        self.general_error.setText(message)
        self.general_error.show()
