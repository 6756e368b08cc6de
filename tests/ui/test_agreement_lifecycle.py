"""The lifecycle panel: steps as buttons, each asking for its facts in a dialog, and the
deadlines the state creates, coloured by urgency."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from mumidesk.domain.agreements import Agreement
from mumidesk.domain.enums import AgreementStatus as S
from mumidesk.services.registry import Services
from mumidesk.ui.agreements.format import OVERDUE_COLOUR, SOON_COLOUR
from mumidesk.ui.agreements.lifecycle_panel import LifecyclePanel
from mumidesk.ui.agreements.step_dialog import StepDialog
from mumidesk.ui.pages.agreements_page import AgreementsPage
from mumidesk.ui.widgets.date_field import DateField
from tests.ui.helpers import agree, shown
from tests.ui.typing_helper import type_text

TODAY = dt.date(2024, 3, 1)


def _page(qtbot: QtBot, services: Services) -> AgreementsPage:
    return shown(qtbot, AgreementsPage(services, confirm=agree, today=lambda: TODAY))


def _step(page: AgreementsPage, target: S) -> StepDialog:
    """Click the panel's button for ``target``; the step's dialog opens."""
    button = page.card.lifecycle.step_buttons[target]
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.card.lifecycle.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _ok(dialog: StepDialog) -> None:
    QTest.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def _date(dialog: StepDialog, name: str, value: dt.date) -> None:
    widget = dialog.inputs[name]
    assert isinstance(widget, DateField)
    widget.set_value(value)


def _text(dialog: StepDialog, name: str, text: str) -> None:
    widget = dialog.inputs[name]
    assert isinstance(widget, QLineEdit)
    widget.clear()
    type_text(widget, text)


def test_walk_draft_to_registered_through_the_panel(qtbot: QtBot, services: Services) -> None:
    created = services.agreements.create(
        Agreement(title="Соглашение с Могилёвом", term_months=60, notice_lead_days=[30])
    )
    assert created.id is not None
    key = created.id
    page = _page(qtbot, services)
    page.table.selectRow(0)
    assert set(page.card.lifecycle.step_buttons) == {S.SENT_FOR_APPROVAL}

    dialog = _step(page, S.SENT_FOR_APPROVAL)
    _date(dialog, "approval_requested_on", dt.date(2023, 9, 1))
    _ok(dialog)
    assert not dialog.isVisible()
    stored = services.agreements.get(key)
    assert (stored.status, stored.approval_requested_on) == (
        S.SENT_FOR_APPROVAL,
        dt.date(2023, 9, 1),
    )
    selected = page.selected_record()
    assert selected is not None and selected.status is S.SENT_FOR_APPROVAL  # the table follows
    assert set(page.card.lifecycle.step_buttons) == {S.APPROVED, S.REJECTED, S.DRAFT}

    dialog = _step(page, S.APPROVED)
    _text(dialog, "approval_decision_no", "15-р")
    _date(dialog, "approval_decision_date", dt.date(2023, 10, 2))
    _ok(dialog)
    stored = services.agreements.get(key)
    assert (stored.status, stored.approval_decision_no) == (S.APPROVED, "15-р")
    assert stored.approval_decision_date == dt.date(2023, 10, 2)

    dialog = _step(page, S.SIGNED)
    _date(dialog, "signed_date", dt.date(2023, 12, 15))
    _text(dialog, "signed_place", "г. Калуга")
    _ok(dialog)
    stored = services.agreements.get(key)
    assert (stored.status, stored.signed_date, stored.signed_place) == (
        S.SIGNED,
        dt.date(2023, 12, 15),
        "г. Калуга",
    )

    dialog = _step(page, S.SUBMITTED_FOR_REGISTRATION)
    _date(dialog, "registration_submitted_on", dt.date(2023, 12, 20))
    _ok(dialog)
    assert services.agreements.get(key).status is S.SUBMITTED_FOR_REGISTRATION

    dialog = _step(page, S.REGISTERED)
    _text(dialog, "registration_number", "1-МС/2024")
    _date(dialog, "registration_date", dt.date(2024, 1, 16))
    _ok(dialog)
    stored = services.agreements.get(key)
    assert stored.status is S.REGISTERED
    assert (stored.registration_number, stored.registration_date) == (
        "1-МС/2024",
        dt.date(2024, 1, 16),
    )
    assert stored.expires_on == dt.date(2029, 1, 15)  # five years from registration
    assert set(page.card.lifecycle.step_buttons) == {
        S.PROLONGED,
        S.SUSPENDED,
        S.TERMINATED,
        S.EXPIRED,
    }
    assert "Registered, in force" in page.message.text()
    assert page.card.value("registration") == "no. 1-МС/2024 of January 16, 2024"


def test_refused_step_marks_the_fact_and_keeps_what_was_typed(
    qtbot: QtBot, services: Services
) -> None:
    agreement = services.agreements.create(Agreement(title="Соглашение с Брестом"))
    assert agreement.id is not None
    key = agreement.id
    for target, facts in (
        (S.SENT_FOR_APPROVAL, {"approval_requested_on": dt.date(2024, 1, 10)}),
        (S.APPROVED, {"approval_decision_no": "7", "approval_decision_date": dt.date(2024, 2, 1)}),
    ):
        services.agreements.advance(key, target, **facts)
    page = _page(qtbot, services)
    page.table.selectRow(0)

    dialog = _step(page, S.SIGNED)
    _date(dialog, "signed_date", dt.date(2024, 1, 20))  # before the decision to sign
    _ok(dialog)  # and no place typed
    assert dialog.isVisible()
    assert dialog.errors.message("signed_place") == "is required"
    assert "before approval_decision_date" in dialog.errors.message("signed_date")
    assert services.agreements.get(key).status is S.APPROVED  # nothing written

    _text(dialog, "signed_place", "г. Брест")
    assert not dialog.errors.has_error("signed_place")  # corrected: the mark goes
    assert dialog.errors.has_error("signed_date")
    _ok(dialog)
    assert dialog.isVisible()
    widget = dialog.inputs["signed_place"]
    assert isinstance(widget, QLineEdit) and widget.text() == "г. Брест"  # kept
    _date(dialog, "signed_date", dt.date(2024, 2, 5))
    _ok(dialog)
    assert not dialog.isVisible()
    stored = services.agreements.get(key)
    assert (stored.status, stored.signed_place) == (S.SIGNED, "г. Брест")


def test_step_on_a_stale_agreement_is_refused_with_a_message(
    qtbot: QtBot, services: Services
) -> None:
    agreement = services.agreements.create(Agreement(title="Соглашение с Гомелем"))
    assert agreement.id is not None
    page = _page(qtbot, services)
    page.table.selectRow(0)
    dialog = _step(page, S.SENT_FOR_APPROVAL)
    services.agreements.advance(
        agreement.id, S.SENT_FOR_APPROVAL, approval_requested_on=dt.date(2024, 1, 5)
    )
    _ok(dialog)
    assert dialog.isVisible()
    assert "changed by someone else" in dialog.general_error.text()


def test_deadlines_are_shown_by_urgency(qtbot: QtBot, services: Services) -> None:
    signed = services.agreements.create(Agreement(title="Подписанное"))
    assert signed.id is not None
    for target, facts in (
        (S.SENT_FOR_APPROVAL, {"approval_requested_on": dt.date(2024, 1, 10)}),
        (S.APPROVED, {"approval_decision_no": "7", "approval_decision_date": dt.date(2024, 1, 20)}),
        (S.SIGNED, {"signed_date": dt.date(2024, 2, 1), "signed_place": "Смоленск"}),
    ):
        assert signed.id is not None
        signed = services.agreements.advance(signed.id, target, **facts)

    today = [dt.date(2024, 2, 10)]
    panel = LifecyclePanel(services.agreements, today=lambda: today[0])
    qtbot.addWidget(panel)
    panel.show_agreement(signed)
    # 10 working days after 1 February 2024 (a Thursday, no holidays): 15 February.
    [(text, colour)] = panel.deadline_rows()
    assert "Submit for registration" in text and "February 15, 2024" in text
    assert "in 5 days" in text and colour == SOON_COLOUR

    today[0] = dt.date(2024, 2, 19)
    panel.show_agreement(signed)
    [(text, colour)] = panel.deadline_rows()
    assert "4 days overdue" in text and colour == OVERDUE_COLOUR

    today[0] = dt.date(2024, 1, 1)
    panel.show_agreement(signed)
    [(_far, colour)] = panel.deadline_rows()
    assert colour == ""  # far away: not coloured

    draft = services.agreements.create(
        Agreement(title="Проект", planned_signing_date=dt.date(2024, 6, 1))
    )
    panel.show_agreement(draft)
    [(text, _colour)] = panel.deadline_rows()
    assert "Request regional approval" in text and "April 17, 2024" in text
