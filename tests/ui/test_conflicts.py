"""Issue 6, point 4: two application instances edit the same agreement; the first save wins, the
second gets the conflict view with both versions and a choice, never a silent overwrite. Run on a
SQLite file shared by two instances and on a real PostgreSQL server (the shared-server case).

Measures guarded (each test fails without its measure): the version check reaching the editor as
a conflict (optimistic locking); the conflict dialog's field-by-field comparison; "Keep mine" as a
deliberate overwrite on top of their version; "Take theirs" reloading; "Go back" saving nothing;
the busy database shown inline with the input kept (busy timeout + DatabaseBusyError).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from mumidesk.db.db_errors import DatabaseBusyError
from mumidesk.db.engine import Database
from mumidesk.db.models.agreements import AgreementRow
from mumidesk.domain.agreements import Agreement
from mumidesk.services.registry import Services
from mumidesk.ui.dialogs.conflict_dialog import Conflict, ConflictChoice, ConflictDialog
from mumidesk.ui.editors.agreement_editor import AgreementEditor
from tests.ui.helpers import click_save
from tests.ui.typing_helper import type_text

TITLE = "Соглашение о побратимстве городов Смоленска и Могилёва"


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest) -> str:
    """One database two application instances share."""
    db: Database = request.getfixturevalue("sqlite_db" if request.param == "sqlite" else "pg_db")
    return db.url.render_as_string(hide_password=False)


@pytest.fixture
def instances(url: str) -> Iterator[tuple[Services, Services]]:
    """Anna's and Boris's application: each its own engine, connections and user."""
    anna = Database(url, user="anna")
    boris = Database(url, user="boris")
    yield Services.for_database(anna), Services.for_database(boris)
    anna.dispose()
    boris.dispose()


class Recorder:
    """Plays the user in front of the real ConflictDialog: checks what it shows, clicks."""

    def __init__(self, qtbot: QtBot, answer: ConflictChoice) -> None:
        self.qtbot = qtbot
        self.answer = answer
        self.conflicts: list[Conflict] = []
        self.dialogs: list[ConflictDialog] = []

    def __call__(self, parent: QWidget, conflict: Conflict) -> ConflictChoice:
        self.conflicts.append(conflict)
        dialog = ConflictDialog(conflict, parent)
        self.qtbot.addWidget(dialog)
        self.dialogs.append(dialog)
        button = {
            ConflictChoice.KEEP_MINE: dialog.keep_mine_button,
            ConflictChoice.TAKE_THEIRS: dialog.take_theirs_button,
            ConflictChoice.BACK: dialog.back_button,
        }[self.answer]
        button.click()
        return dialog.choice


def _editors(
    qtbot: QtBot, instances: tuple[Services, Services]
) -> tuple[AgreementEditor, AgreementEditor, Agreement]:
    anna, boris = instances
    agreement = anna.agreements.create(
        Agreement(title=TITLE, subject="Культура и образование", notes="")
    )
    assert agreement.id is not None
    editors = []
    for services in (anna, boris):  # each opens the record in its own window
        editor = AgreementEditor(services, services.agreements.get(agreement.id))
        editor.ask_discard = lambda _p: True
        qtbot.addWidget(editor)
        editor.show()
        editors.append(editor)
    return editors[0], editors[1], agreement


def _first_save_wins(anna: AgreementEditor, boris: AgreementEditor) -> None:
    type_text(anna.texts["title"], " (ред. 2)")
    click_save(anna)
    assert not anna.isVisible()  # saved
    type_text(boris.notes, "Подписание перенесено на июнь")


def test_keep_mine_overwrites_deliberately(
    qtbot: QtBot, instances: tuple[Services, Services]
) -> None:
    anna, boris, agreement = _editors(qtbot, instances)
    _first_save_wins(anna, boris)
    chooser = Recorder(qtbot, ConflictChoice.KEEP_MINE)
    boris.resolve_conflict = chooser
    click_save(boris)

    (conflict,) = chooser.conflicts  # one conflict detected, shown, answered
    assert conflict.changed_by == "anna" and conflict.their_version == 2
    assert conflict.my_version == 1
    differing = {f.field: f for f in conflict.differences}
    assert set(differing) == {"title", "notes"}
    assert differing["title"].theirs == TITLE + " (ред. 2)"
    assert differing["title"].mine == TITLE
    assert differing["title"].label == "Title"
    assert differing["notes"].mine == "Подписание перенесено на июнь"
    # The dialog highlights exactly those rows and hides the equal ones at first.
    dialog = chooser.dialogs[0]
    highlighted = [conflict.fields[row].field for row in dialog.highlighted_rows()]
    assert sorted(highlighted) == ["notes", "title"]
    hidden = [dialog.table.isRowHidden(row) for row in range(dialog.table.rowCount())]
    assert hidden.count(False) == 2

    assert not boris.isVisible()  # saved on top of Anna's version
    stored = instances[0].agreements.get(agreement.id)  # type: ignore[arg-type]
    assert stored.version == 3 and stored.updated_by == "boris"
    assert stored.notes == "Подписание перенесено на июнь"
    assert stored.title == TITLE  # Boris chose his whole version: a deliberate overwrite


def test_take_theirs_reloads_and_saves_nothing(
    qtbot: QtBot, instances: tuple[Services, Services]
) -> None:
    anna, boris, agreement = _editors(qtbot, instances)
    _first_save_wins(anna, boris)
    chooser = Recorder(qtbot, ConflictChoice.TAKE_THEIRS)
    boris.resolve_conflict = chooser
    click_save(boris)

    assert len(chooser.conflicts) == 1
    assert boris.isVisible() and not boris.is_dirty()
    assert boris.texts["title"].text() == TITLE + " (ред. 2)"
    assert boris.notes.toPlainText() == ""
    assert instances[1].agreements.get(agreement.id).version == 2  # type: ignore[arg-type]
    # Now on Anna's version, Boris's next save goes through without a conflict.
    type_text(boris.notes, "Согласовано")
    click_save(boris)
    assert not boris.isVisible() and len(chooser.conflicts) == 1
    stored = instances[0].agreements.get(agreement.id)  # type: ignore[arg-type]
    assert (stored.title, stored.notes, stored.version) == (TITLE + " (ред. 2)", "Согласовано", 3)


def test_go_back_keeps_the_input_and_asks_again(
    qtbot: QtBot, instances: tuple[Services, Services]
) -> None:
    anna, boris, agreement = _editors(qtbot, instances)
    _first_save_wins(anna, boris)
    chooser = Recorder(qtbot, ConflictChoice.BACK)
    boris.resolve_conflict = chooser
    click_save(boris)
    assert boris.isVisible() and boris.notes.toPlainText() == "Подписание перенесено на июнь"
    assert "someone else saved this record" in boris.general_error.text()
    assert instances[1].agreements.get(agreement.id).version == 2  # type: ignore[arg-type]

    type_text(boris.texts["registration_number"], "17-р")
    click_save(boris)  # still on the old version: the conflict view again, never a silent win
    assert len(chooser.conflicts) == 2
    assert {f.field for f in chooser.conflicts[1].differences} == {
        "title",
        "notes",
        "registration_number",
    }
    chooser.answer = ConflictChoice.KEEP_MINE
    click_save(boris)
    assert len(chooser.conflicts) == 3 and not boris.isVisible()
    stored = instances[0].agreements.get(agreement.id)  # type: ignore[arg-type]
    assert stored.registration_number == "17-р" and stored.version == 3


def test_a_third_save_in_between_is_caught_too(
    qtbot: QtBot, instances: tuple[Services, Services]
) -> None:
    """Anna saves again while Boris looks at the dialog: "Keep mine" meets version 3, not 2,
    and asks once more instead of overwriting what he has not seen."""
    anna_services = instances[0]
    anna, boris, agreement = _editors(qtbot, instances)
    _first_save_wins(anna, boris)
    conflicts: list[Conflict] = []

    def keep_mine_after_another_save(_parent: QWidget, conflict: Conflict) -> ConflictChoice:
        conflicts.append(conflict)
        if len(conflicts) == 1:
            current = anna_services.agreements.get(agreement.id)  # type: ignore[arg-type]
            current.subject = "Культура, образование и спорт"
            anna_services.agreements.update(current)
        return ConflictChoice.KEEP_MINE

    boris.resolve_conflict = keep_mine_after_another_save
    click_save(boris)
    assert len(conflicts) == 2
    assert conflicts[1].their_version == 3
    assert "subject" in {f.field for f in conflicts[1].differences}
    assert anna_services.agreements.get(agreement.id).version == 4  # type: ignore[arg-type]


def _hold_lock(url: str, agreement: Agreement) -> tuple[Database, Callable[[], None]]:
    """Another instance in the middle of a long write on the same agreement."""
    holder = Database(url, user="holder")
    conn = holder.engine.connect()
    transaction = conn.begin()
    conn.execute(update(AgreementRow).where(AgreementRow.id == agreement.id).values(notes="x"))

    def release() -> None:
        transaction.rollback()
        conn.close()
        holder.dispose()

    return holder, release


def test_busy_database_is_shown_inline_and_keeps_the_input(
    qtbot: QtBot, url: str, instances: tuple[Services, Services]
) -> None:
    """A writer holds its transaction longer than the busy timeout: the save ends with the clear
    "busy" message under the title, the typed text stays, and the next try succeeds."""
    agreement = instances[0].agreements.create(Agreement(title=TITLE))
    impatient = Database(url, user="boris", busy_timeout_ms=200)
    services = Services.for_database(impatient)
    editor = AgreementEditor(services, services.agreements.get(agreement.id))  # type: ignore[arg-type]
    editor.ask_discard = lambda _p: True
    qtbot.addWidget(editor)
    editor.show()
    type_text(editor.notes, "Черновик ответа партнёрам")
    _holder, release = _hold_lock(url, agreement)
    try:
        click_save(editor)
        assert editor.isVisible()
        assert editor.general_error.text() == str(DatabaseBusyError())
        assert "busy" in editor.general_error.text()
        assert editor.notes.toPlainText() == "Черновик ответа партнёрам"
    finally:
        release()
    click_save(editor)  # "try again"
    assert not editor.isVisible()
    assert instances[0].agreements.get(agreement.id).notes == "Черновик ответа партнёрам"  # type: ignore[arg-type]
    impatient.dispose()
