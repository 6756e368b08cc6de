"""The issue's "done when", from the window alone: starting from the demo data, a newcomer enters
last week's incoming delegation from Mogilev with its members and programme, records the
agreement it led to, puts the visit into the events of the quarter, and saves the quarterly
report as a PDF whose rows include the visit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from mumidesk.domain.agreements import PartySide
from mumidesk.domain.enums import AgreementKind, EventKind
from mumidesk.services.demo import load_demo
from mumidesk.services.registry import Services
from mumidesk.ui.documents.document_form import QUARTER
from mumidesk.ui.documents.documents_page import DocumentsPage
from mumidesk.ui.editors.agreement_editor import AgreementEditor
from mumidesk.ui.editors.delegation_editor import DelegationEditor
from mumidesk.ui.editors.event_editor import EventEditor
from mumidesk.ui.editors.record_editor import RecordEditor
from mumidesk.ui.main_window import MainWindow
from mumidesk.ui.pages.agreements_page import AgreementsPage
from mumidesk.ui.pages.delegations_page import DelegationsPage
from mumidesk.ui.window_settings import window_settings
from tests.ui.helpers import pick
from tests.ui.typing_helper import type_text

MONDAY = dt.date(2026, 11, 16)  # last week, seen from the session's 22 November 2026
TUESDAY = dt.date(2026, 11, 17)
VISIT = "Визит делегации Могилёвского городского Совета депутатов в Смоленск"
AGREEMENT = "Соглашение о сотрудничестве между Смоленским городским Советом и Могилёвским"


def _save(editor: RecordEditor) -> None:
    QTest.mouseClick(
        editor.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert not editor.isVisible(), [editor.errors.message(f) for f in editor.errors.fields()]


def _press(window: MainWindow, key: Qt.Key, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)


def _current_editor(page: QWidget) -> RecordEditor:
    editor = getattr(page, "editor", None)
    assert isinstance(editor, RecordEditor) and editor.isVisible()
    return editor


def test_a_newcomer_enters_a_visit_records_the_agreement_and_prints_the_report(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    load_demo(services)
    window_settings().setValue("window/area", "dashboard")
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()

    # --- the delegation: Ctrl+4, Ctrl+N ---
    _press(window, Qt.Key.Key_4, qtbot)
    delegations = window.current_page()
    assert isinstance(delegations, DelegationsPage)
    _press(window, Qt.Key.Key_N, qtbot)
    editor = _current_editor(delegations)
    assert isinstance(editor, DelegationEditor)
    type_text(editor.title, VISIT)
    editor.municipality.setCurrentIndex(editor.municipality.findText("Смоленск"))
    pick(editor.partners.picker, "Могил", "Могилёв")
    editor.partners.add_picked()
    editor.start_date.set_value(MONDAY)
    editor.end_date.set_value(TUESDAY)
    type_text(editor.place, "г. Смоленск")
    type_text(editor.purpose, "Обсуждение соглашения о сотрудничестве представительных органов")
    editor.members.add_row(
        {"full_name": "Петров Иван", "position": "Председатель", "is_head": True}
    )
    editor.members.add_row({"full_name": "Кузнецова Анна", "position": "Депутат"})
    editor.programme.add_row({"day": MONDAY, "title_ru": "Встреча с Главой города Смоленска"})
    editor.programme.add_row({"day": TUESDAY, "title_ru": "Посещение Смоленской крепости"})
    _save(editor)
    [visit] = [d for d in services.delegations.all() if d.title == VISIT]
    assert [m.full_name for m in visit.members] == ["Петров Иван", "Кузнецова Анна"]
    assert [p.day for p in visit.programme] == [MONDAY, TUESDAY]

    # --- the agreement it led to: Ctrl+3, Ctrl+N ---
    _press(window, Qt.Key.Key_3, qtbot)
    agreements = window.current_page()
    assert isinstance(agreements, AgreementsPage)
    _press(window, Qt.Key.Key_N, qtbot)
    agreement_editor = _current_editor(agreements)
    assert isinstance(agreement_editor, AgreementEditor)
    type_text(agreement_editor.texts["title"], AGREEMENT)
    kind = agreement_editor.kind
    kind.setCurrentIndex(kind.findData(AgreementKind.COOPERATION.value))
    municipality = agreement_editor.municipality
    municipality.setCurrentIndex(municipality.findText("Смоленск"))
    partner = agreement_editor.parties.add_party(PartySide.PARTNER)
    pick(partner.partner, "Могил", "Могилёв")
    _save(agreement_editor)
    [agreement] = [a for a in services.agreements.all() if a.title == AGREEMENT]

    # --- back to the visit: link the agreement, then put the visit into the events ---
    _press(window, Qt.Key.Key_4, qtbot)
    assert delegations.show_record(visit.id)  # type: ignore[arg-type]
    editor = delegations.edit_record()
    assert isinstance(editor, DelegationEditor)
    pick(editor.agreements.picker, "Смоленским городским", AGREEMENT)
    editor.agreements.add_picked()
    _save(editor)
    assert services.delegations.get(visit.id).agreement_ids == [agreement.id]  # type: ignore[arg-type]

    event_editor = delegations.record_as_event()
    assert isinstance(event_editor, EventEditor)
    _save(event_editor)
    [event] = [e for e in services.events.all() if e.name == VISIT]
    assert event.kind is EventKind.VISIT
    assert (event.dates.start, event.dates.end) == (MONDAY, TUESDAY)
    assert event.participants.startswith("Петров Иван, Председатель")
    assert event.agreement_ids == [agreement.id]

    # --- the quarterly report: Ctrl+8, IV quarter 2026, saved as PDF ---
    _press(window, Qt.Key.Key_8, qtbot)
    documents = window.current_page()
    assert isinstance(documents, DocumentsPage)
    documents.prepare("quarterly")
    form = documents.form
    form.period_box.setCurrentIndex(form.period_box.findData(QUARTER))
    form.year_box.setValue(2026)
    form.quarter_box.setCurrentIndex(3)
    form.language_box.setCurrentIndex(form.language_box.findData("ru"))  # the region wants it so
    with qtbot.waitSignal(documents.generated, timeout=60_000):
        QTest.mouseClick(documents.generate_button, Qt.MouseButton.LeftButton)
    target = tmp_path / "квартальный отчёт.pdf"
    documents.save_as(target)
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "в IV квартале 2026" in " ".join(text.split())
    assert "Визит делегации Могилёвского" in text
    assert "Петров Иван" in text
