"""Issue 6, point 3: an editor's unsaved input is autosaved and offered back after a crash.

Measures guarded here (each test fails without its measure):
- the generic typed-input capture/restore works for EVERY editor (a changed value of every
  input comes back identical in a fresh editor) — ``test_every_editor_restores_what_was_typed``;
- typing writes a recovery file shortly after (debounced) — ``test_typing_writes_a_recovery_file``;
- save and deliberate discard delete it; an editor dropped without closing leaves it;
- a SIGKILLed process leaves a recovery that restores the text — ``test_killed_process...``;
- a recovery typed on an older version meets the conflict view, not a silent overwrite.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import json
import os
import pkgutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

import mumidesk.ui.editors
import mumidesk.ui.municipalities
from mumidesk.domain.enums import PartySide
from mumidesk.domain.partners import Partner
from mumidesk.services.demo import load_demo
from mumidesk.services.registry import Services
from mumidesk.ui import autosave
from mumidesk.ui.autosave import (
    Recovery,
    RecoveryAnswer,
    offer_recoveries,
    pending_recoveries,
    recovery_dir,
)
from mumidesk.ui.dialogs.conflict_dialog import Conflict, ConflictChoice
from mumidesk.ui.editors.agreement_editor import AgreementEditor
from mumidesk.ui.editors.agreement_parties import PartiesPanel
from mumidesk.ui.editors.delegation_editor import DelegationEditor
from mumidesk.ui.editors.event_editor import EventEditor
from mumidesk.ui.editors.exchange_editor import ExchangeEditor
from mumidesk.ui.editors.organisation_editor import OrganisationEditor
from mumidesk.ui.editors.partner_editor import PartnerEditor
from mumidesk.ui.editors.person_editor import PersonEditor
from mumidesk.ui.editors.record_editor import RecordEditor
from mumidesk.ui.municipalities.municipality_editor import MunicipalityEditor
from mumidesk.ui.municipalities.region_editor import RegionEditor
from mumidesk.ui.typed_input import _inputs_in
from mumidesk.ui.widgets.date_field import DateField
from mumidesk.ui.widgets.fuzzy_date_field import FuzzyDateField
from mumidesk.ui.widgets.multi_check import MultiCheck
from mumidesk.ui.widgets.record_picker import RecordListPicker, RecordPicker
from mumidesk.ui.widgets.sub_table import TIME, SubTable
from tests.ui.helpers import click_save
from tests.ui.typing_helper import type_text

ROOT = Path(__file__).resolve().parents[2]


def _quiet(editor: RecordEditor) -> RecordEditor:
    editor.ask_discard = lambda _p: True
    editor.inform = lambda *_a: None
    return editor


Build = Callable[[Services, Any], RecordEditor]

EDITORS: dict[str, tuple[Build, str]] = {
    # editor class name: (how to build one, the Services attribute of its records)
    "PartnerEditor": (lambda s, r: PartnerEditor(s.partners, r), "partners"),
    "AgreementEditor": (lambda s, r: AgreementEditor(s, r), "agreements"),
    "DelegationEditor": (lambda s, r: DelegationEditor(s, r), "delegations"),
    "EventEditor": (lambda s, r: EventEditor(s, r), "events"),
    "ExchangeEditor": (lambda s, r: ExchangeEditor(s, r), "exchanges"),
    "OrganisationEditor": (lambda s, r: OrganisationEditor(s, r), "organisations"),
    "PersonEditor": (lambda s, r: PersonEditor(s, r), "people"),
    "MunicipalityEditor": (lambda s, r: MunicipalityEditor(s, r), "municipalities"),
    "RegionEditor": (lambda s, r: RegionEditor(s, r), "regions"),
}


def _editor_classes() -> set[str]:
    found: set[str] = set()
    for package in (mumidesk.ui.editors, mumidesk.ui.municipalities):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, RecordEditor) and cls is not RecordEditor:
                    found.add(cls.__name__)
    return found


def test_every_editor_is_covered() -> None:
    # A new editor must join the round trip below (and get a kind for its recovery file).
    assert _editor_classes() == set(EDITORS)


# --- changing every input the way a person would leave it -------------------------------------


def scramble(widget: QWidget, n: int) -> None:
    """Change an input so that it differs from what was loaded (text typed halfway, a row
    added, a time that does not parse, another choice)."""
    if isinstance(widget, PartiesPanel):
        widget.add_party(PartySide.THIRD)
        for form in widget.forms:
            for i, field in enumerate(form.errors.fields()):
                scramble(form.errors.widget(field), n + i)
        return
    sub = widget if isinstance(widget, SubTable) else _owner_table(widget)
    if sub is not None:
        row = sub.add_row({})
        for column in sub.columns:
            if column.kind == TIME:
                sub.set_value(row, column.key, "25:99")  # kept as typed, refused on saving
            elif column.kind == "text":
                sub.set_value(row, column.key, f"Строка {n}")
        return
    if isinstance(widget, RecordListPicker):
        widget.set_ids(widget.ids()[1:])
        widget.picker.setText(f"недописанное имя {n}")
        return
    if isinstance(widget, RecordPicker):
        widget.setText(f"Ввод без выбора {n}")
        return
    if isinstance(widget, MultiCheck):
        codes = widget.codes()
        every = [widget.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(widget.count())]
        widget.set_codes(codes[1:] if codes else every[:1])
        return
    if isinstance(widget, FuzzyDateField):
        widget.set_text("May 2031")
        return
    if isinstance(widget, DateField):
        widget.set_value(dt.date(2031, 2, 3 + n % 20))
        return
    if isinstance(widget, QComboBox):
        if widget.isEditable():
            widget.setEditText(f"Страна {n}")
        elif widget.count() > 1:
            widget.setCurrentIndex((widget.currentIndex() + 1) % widget.count())
        return
    if isinstance(widget, QLineEdit):
        widget.setText(widget.text() + f" — правка {n}")
        return
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(widget.toPlainText() + f"\nДописано {n}: «кавычки» & <знаки>")
        return
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        widget.setChecked(not widget.isChecked())
        return
    for i, child in enumerate(_inputs_in(widget)):
        scramble(child, n + i)


def _owner_table(widget: QWidget) -> SubTable | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, SubTable) and parent.table is widget:
            return parent
        parent = parent.parentWidget()
    return None


def _richest(services: Services, attribute: str) -> Any:
    """The record of a kind with the most content (parties, members, rows …)."""
    items = getattr(services, attribute).all()
    return max(items, key=lambda item: len(json.dumps(item.__dict__, default=str)))


@pytest.mark.parametrize("existing", [True, False], ids=["existing", "new"])
def test_every_editor_restores_what_was_typed(
    qtbot: QtBot, services: Services, existing: bool
) -> None:
    """Guards the generic capture/restore (RecordEditor.typed_input / restore_values): without
    it, or with an input kind it does not know, the fresh editor's values differ."""
    load_demo(services)
    restored = 0
    for name, (build, attribute) in EDITORS.items():
        record = _richest(services, attribute) if existing else None
        typed = _quiet(build(services, record))
        qtbot.addWidget(typed)
        for i, field in enumerate(typed.errors.fields()):
            scramble(typed.errors.widget(field), i)
        assert typed.is_dirty(), name
        # Through JSON, as the recovery file holds it.
        snapshot = json.loads(json.dumps(typed.typed_input(), ensure_ascii=False))

        fresh = _quiet(build(services, record))
        qtbot.addWidget(fresh)
        assert fresh.values() != typed.values(), name
        assert fresh.restore_values(snapshot) == []
        assert fresh.values() == typed.values(), name
        assert fresh.is_dirty(), name
        restored += 1
    assert restored == len(EDITORS)


# --- the recovery file's life ------------------------------------------------------------------


def _partner_editor(qtbot: QtBot, services: Services) -> tuple[PartnerEditor, Partner]:
    partner = services.partners.create(Partner(name_ru="Брест", country_code="BY"))
    editor = PartnerEditor(services.partners, partner)
    _quiet(editor)
    qtbot.addWidget(editor)
    editor.show()
    return editor, partner


def test_typing_writes_a_recovery_file(qtbot: QtBot, services: Services) -> None:
    """Guards the debounced write on change (Autosaver.changed → write_now)."""
    editor, partner = _partner_editor(qtbot, services)
    assert editor.autosave is not None
    path = recovery_dir() / f"partner-{partner.id}.json"
    assert editor.autosave.path == path and not path.exists()
    type_text(editor.inputs["region"], "Брестская обл")
    qtbot.waitUntil(path.exists, timeout=3000)
    (found,) = pending_recoveries()
    assert found.record_id == partner.id and found.kind == "partner"
    assert found.version == partner.version
    assert "Брест" in found.title
    assert found.fields["region"] == "Брестская обл"
    # Typing on rewrites the same file (no second recovery of one editor).
    type_text(editor.inputs["region"], "асть")
    qtbot.waitUntil(lambda: pending_recoveries()[0].fields["region"] == "Брестская область")
    assert len(pending_recoveries()) == 1


def test_the_periodic_write_catches_what_no_signal_reported(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Guards the periodic write (inputs added after the editor opened have no connection)."""
    editor, _partner = _partner_editor(qtbot, services)
    assert editor.autosave is not None
    editor.autosave.timer.setInterval(50)
    editor.inputs["region"].blockSignals(True)
    editor.inputs["region"].setText("без сигнала")
    qtbot.waitUntil(lambda: bool(pending_recoveries()), timeout=3000)
    assert pending_recoveries()[0].fields["region"] == "без сигнала"


def test_save_and_discard_delete_the_file_dropping_keeps_it(
    qtbot: QtBot, services: Services
) -> None:
    editor, partner = _partner_editor(qtbot, services)
    assert editor.autosave is not None
    type_text(editor.inputs["region"], "Брестская область")
    assert editor.autosave.write_now()
    assert not editor.autosave.write_now()  # nothing new: no second write
    click_save(editor)
    assert pending_recoveries() == []  # saved: nothing to offer back
    assert services.partners.get(partner.id).region == "Брестская область"  # type: ignore[arg-type]

    editor = PartnerEditor(services.partners, services.partners.get(partner.id))  # type: ignore[arg-type]
    _quiet(editor)
    qtbot.addWidget(editor)
    type_text(editor.inputs["name_en"], "Brest")
    assert editor.autosave is not None and editor.autosave.write_now()
    editor.reject()  # "close without saving?" — yes (the fake says so): thrown away on purpose
    assert pending_recoveries() == []

    editor = PartnerEditor(services.partners, services.partners.get(partner.id))  # type: ignore[arg-type]
    _quiet(editor)
    type_text(editor.inputs["name_en"], "Brest")
    assert editor.autosave is not None and editor.autosave.write_now()
    # Reverting by hand makes the editor clean again: the file goes.
    editor.inputs["name_en"].setText("")
    editor.autosave.write_now()
    assert pending_recoveries() == []
    type_text(editor.inputs["name_en"], "Brest")
    editor.autosave.write_now()
    editor.deleteLater()  # the window went away without closing the editor (a crash, quit)
    qtbot.wait(10)
    (left,) = pending_recoveries()
    assert left.fields["name_en"] == "Brest"


def test_damaged_or_foreign_files_are_skipped(services: Services) -> None:
    folder = recovery_dir()
    folder.mkdir(parents=True)
    (folder / "partner-broken.json").write_text('{"format": 1, "kind": "partner", "fie')
    (folder / "other.json").write_text("[1, 2]")
    (folder / "agreement-x.json.tmp").write_text("{}")  # a write killed half-way
    assert pending_recoveries() == []


def test_write_replaces_the_file_whole(tmp_path: Path) -> None:
    """Guards the atomic write: a reader sees the old or the new content, never a mix."""
    path = tmp_path / "recovery" / "partner-1.json"
    autosave.write_recovery(path, {"format": 1, "n": 1})
    autosave.write_recovery(path, {"format": 1, "n": 2})
    assert json.loads(path.read_text(encoding="utf-8")) == {"format": 1, "n": 2}
    assert [p.name for p in path.parent.iterdir()] == ["partner-1.json"]


# --- after a crash ----------------------------------------------------------------------------

WORKER = """
import os, sys, uuid
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from mumidesk.db.engine import Database
from mumidesk.services.registry import Services
from mumidesk.ui.editors.agreement_editor import AgreementEditor
from tests.ui.typing_helper import type_text

app = QApplication([])
services = Services.for_database(Database(sys.argv[1]))
agreement = services.agreements.get(uuid.UUID(sys.argv[2]))
editor = AgreementEditor(services, agreement)
editor.show()
type_text(editor.texts["title"], " (новая редакция)")
editor.subject.setFocus()
type_text(editor.subject, "Сотрудничество в области культуры и образования")
path = editor.autosave.path

def check():
    if path.exists():
        print("written", path, flush=True)
        timer.stop()

timer = QTimer()
timer.timeout.connect(check)
timer.start(50)
app.exec()  # until killed
"""


def test_killed_process_leaves_input_that_is_offered_back(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    """A real process with an open agreement editor is killed (SIGKILL) after the autosave:
    the next start finds the recovery, restores the typed text into the editor, and a save
    writes it and deletes the file. Guards the autosave of issue 6, point 3."""
    load_demo(services)
    agreement = max(services.agreements.all(), key=lambda a: len(a.parties))
    script = tmp_path / "editor_worker.py"
    script.write_text(WORKER, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    url = services.db.url.render_as_string(hide_password=False)
    process = subprocess.Popen(
        [sys.executable, str(script), url, str(agreement.id)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("written"), line
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=10) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    (recovery,) = pending_recoveries()
    assert recovery.kind == "agreement" and recovery.record_id == agreement.id
    asked: list[Recovery] = []

    def ask(_parent: QWidget, found: Recovery) -> RecoveryAnswer:
        asked.append(found)
        return RecoveryAnswer.RESTORE

    def open_editor(found: Recovery) -> RecordEditor:
        assert found.record_id is not None
        editor = AgreementEditor(services, services.agreements.get(found.record_id))
        qtbot.addWidget(editor)
        return _quiet(editor)

    (editor,) = offer_recoveries(QWidget(), open_editor, ask=ask)
    assert len(asked) == 1
    assert isinstance(editor, AgreementEditor)
    assert editor.texts["title"].text() == agreement.title + " (новая редакция)"
    typed = "Сотрудничество в области культуры и образования"
    assert editor.subject.toPlainText() == typed + agreement.subject  # typed at the start
    assert len(editor.parties.forms) == len(agreement.parties)
    assert editor.is_dirty()
    assert editor.save()
    stored = services.agreements.get(agreement.id)  # type: ignore[arg-type]
    assert stored.title == agreement.title + " (новая редакция)"
    assert stored.parties == agreement.parties  # the parties came back whole
    assert pending_recoveries() == []


def test_later_keeps_discard_deletes(qtbot: QtBot, services: Services) -> None:
    editor, _partner = _partner_editor(qtbot, services)
    type_text(editor.inputs["region"], "Брестская область")
    assert editor.autosave is not None and editor.autosave.write_now()
    editor.deleteLater()

    def never(_found: Recovery) -> RecordEditor:
        raise AssertionError("nothing is opened unless asked to")

    offer_recoveries(QWidget(), never, ask=lambda _p, _r: RecoveryAnswer.LATER)
    assert len(pending_recoveries()) == 1
    offer_recoveries(QWidget(), never, ask=lambda _p, _r: RecoveryAnswer.DISCARD)
    assert pending_recoveries() == []


def test_recovery_of_an_older_version_meets_the_conflict_view(
    qtbot: QtBot, services: Services
) -> None:
    """Input typed on version 1, the record saved since by someone else: restoring must not
    overwrite their change silently (the editor keeps the version the input was typed on)."""
    editor, partner = _partner_editor(qtbot, services)
    type_text(editor.inputs["name_en"], "Brest")
    assert editor.autosave is not None and editor.autosave.write_now()
    editor.deleteLater()
    services.partners.update(Partner(**{**partner.__dict__, "region": "Брестская область"}))

    conflicts: list[Conflict] = []

    def keep_mine(_parent: QWidget, conflict: Conflict) -> ConflictChoice:
        conflicts.append(conflict)
        return ConflictChoice.KEEP_MINE

    def open_editor(found: Recovery) -> RecordEditor:
        assert found.record_id is not None
        reopened = PartnerEditor(services.partners, services.partners.get(found.record_id))
        qtbot.addWidget(reopened)
        reopened.resolve_conflict = keep_mine
        return _quiet(reopened)

    (reopened,) = offer_recoveries(
        QWidget(), open_editor, ask=lambda _p, _r: RecoveryAnswer.RESTORE
    )
    assert isinstance(reopened, PartnerEditor)
    assert reopened.inputs["name_en"].text() == "Brest"
    assert reopened.save()
    assert len(conflicts) == 1  # asked, not overwritten silently
    assert conflicts[0].their_version == 2 and conflicts[0].my_version == 1
    stored = services.partners.get(partner.id)  # type: ignore[arg-type]
    assert stored.name_en == "Brest" and stored.version == 3


def test_input_of_an_editor_open_in_another_instance_is_not_offered(
    qtbot: QtBot, services: Services
) -> None:
    """Two windows on one computer share the data folder: the second start must not offer the
    first one's open editor as lost input. Guards the writer-still-running check."""
    editor, _partner = _partner_editor(qtbot, services)
    type_text(editor.inputs["region"], "Брестская область")
    assert editor.autosave is not None and editor.autosave.write_now()
    content = json.loads(editor.autosave.path.read_text(encoding="utf-8"))
    assert content["pid"] == os.getpid()
    editor.deleteLater()
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        content["pid"] = other.pid
        autosave.write_recovery(editor.autosave.path, content)
        assert pending_recoveries() == []  # still open over there
    finally:
        other.kill()
        other.wait()
    (found,) = pending_recoveries()  # that instance is gone: now it is lost input
    assert found.pid == other.pid and found.fields["region"] == "Брестская область"


def test_the_main_window_reopens_each_kind_of_editor(qtbot: QtBot, services: Services) -> None:
    """The start-up wiring: ``offer_recoveries(window, partial(open_in_window, window))`` opens
    each recovered editor in its area (people inside the organisations page, municipalities in
    the reference dialog), with the input restored — an edited record and a new one."""
    from functools import partial

    from mumidesk.domain.municipalities import Municipality
    from mumidesk.ui.autosave import open_in_window
    from mumidesk.ui.main_window import MainWindow
    from mumidesk.ui.window_settings import window_settings

    town = services.municipalities.create(Municipality(name_ru="Смоленск"))
    editors: list[RecordEditor] = [
        MunicipalityEditor(services, town),
        PersonEditor(services, None),
        PartnerEditor(services.partners, None),
    ]
    for number, editor in enumerate(editors):
        first = editor.errors.widget(editor.errors.fields()[0])
        assert isinstance(first, QLineEdit)
        first.setText(f"Набрано {number}")
        if isinstance(editor, PartnerEditor):
            editor.country.set_country_code("BY")  # a partner needs its country
        assert editor.autosave is not None and editor.autosave.write_now()
        editor.deleteLater()
    assert len(pending_recoveries()) == 3

    window = MainWindow(services, window_settings())
    qtbot.addWidget(window)
    window.show()
    opened = offer_recoveries(
        window, partial(open_in_window, window), ask=lambda _p, _r: RecoveryAnswer.RESTORE
    )
    kinds = sorted(type(editor).__name__ for editor in opened)
    assert kinds == ["MunicipalityEditor", "PartnerEditor", "PersonEditor"]
    for editor in opened:
        _quiet(editor)
        first = editor.errors.widget(editor.errors.fields()[0])
        assert isinstance(first, QLineEdit) and first.text().startswith("Набрано")
        assert editor.isVisible() and editor.is_dirty()
        assert editor.save(), editor.general_error.text()
    assert pending_recoveries() == []
    assert services.municipalities.get(town.id).name_ru == "Набрано 0"  # type: ignore[arg-type]
    assert {p.last_name for p in services.people.all()} == {"Набрано 1"}
    assert {p.name_ru for p in services.partners.all()} == {"Набрано 2"}
