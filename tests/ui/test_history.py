"""The audit trail in the window (issue 6, point 5): a record's "History…" shows who changed what
and when, old → new, also after the record was deleted; changes are signed with the name set in
the settings. Each test names the measure it guards."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from mumidesk.domain.delegations import Delegation, DelegationMember
from mumidesk.domain.partners import Partner
from mumidesk.services.history import HistoryService
from mumidesk.services.registry import Services
from mumidesk.settings import Settings
from mumidesk.ui.app import open_database
from mumidesk.ui.dialogs.history_dialog import HistoryDialog
from mumidesk.ui.pages.delegations_page import DelegationsPage
from mumidesk.ui.pages.partners_page import PartnersPage
from mumidesk.ui.widgets.history_panel import COL_WHAT, COL_WHO, GONE_COLOUR, HistoryPanel
from tests.ui.helpers import agree, click_save, shown
from tests.ui.typing_helper import type_text


def _top_texts(panel: HistoryPanel, column: int) -> list[str]:
    texts = []
    for row in range(panel.topLevelItemCount()):
        item = panel.topLevelItem(row)
        assert item is not None
        texts.append(item.text(column))
    return texts


def test_history_of_a_record_edited_in_the_window(qtbot: QtBot, services: Services) -> None:
    # Guards: RecordPage.show_history → HistoryDialog → HistoryPanel, on an edit typed by hand.
    partner = services.partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    page = shown(qtbot, PartnersPage(services, confirm=agree))
    assert page.show_history() is None  # nothing selected: nothing to show
    assert page.select_record(partner.id)
    editor = page.edit_record()
    assert editor is not None
    editor.inputs["name_ru"].clear()
    type_text(editor.inputs["name_ru"], "Могилев")
    type_text(editor.inputs["population"], "357100")
    click_save(editor)
    assert not editor.isVisible()

    dialog = page.show_history()
    assert isinstance(dialog, HistoryDialog)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert dialog.windowTitle() == "History: Могилев"
    assert dialog.heading.text() == "2 changes recorded"
    assert _top_texts(dialog.panel, COL_WHAT) == ["Edited", "Created"]
    assert _top_texts(dialog.panel, COL_WHO) == ["tester", "tester"]
    assert dialog.panel.change_lines() == [
        "Name (Russian): Могилёв → Могилев",
        "Population: — → 357,100",
    ]
    close = dialog.findChild(QDialogButtonBox)
    assert close is not None
    close.rejected.emit()
    assert not dialog.isVisible()


def test_history_stays_after_delete_and_shows_the_undo(qtbot: QtBot, services: Services) -> None:
    # Guards: the log outlives the record (no foreign key) and the tombstone is logged as
    # delete/restore; deleted entries are greyed.
    partner = services.partners.create(Partner(name_ru="Гомель", country_code="BY"))
    page = shown(qtbot, PartnersPage(services, confirm=agree))
    assert page.select_record(partner.id)
    assert page.delete_record()
    page.undo_delete()
    assert page.select_record(partner.id)
    services.partners.delete(partner.id)  # gone from the page for good
    dialog = shown(qtbot, HistoryDialog(services, "partner", partner.id, "Гомель"))
    assert _top_texts(dialog.panel, COL_WHAT) == ["Deleted", "Restored", "Deleted", "Created"]
    first = dialog.panel.topLevelItem(0)
    assert first is not None
    assert first.foreground(COL_WHAT).color().name() == GONE_COLOUR


def test_changes_are_signed_with_the_configured_name(tmp_path: Path) -> None:
    # Guards: the window opens its database with Settings.user_name, and the log takes it.
    url = "sqlite:///" + (tmp_path / "office.db").as_posix()
    db = open_database(url, Settings(user_name="Кузнецова О. Н."))
    try:
        services = Services.for_database(db)
        partner = services.partners.create(Partner(name_ru="Брест", country_code="BY"))
        services.partners.update(dataclasses.replace(partner, region="Брестская область"))
        users = {e.user for e in HistoryService(db).history("partner", partner.id)}
    finally:
        db.dispose()
    assert users == {"Кузнецова О. Н."}


def test_a_renamed_member_shows_in_the_delegations_history(
    qtbot: QtBot, services: Services
) -> None:
    # Guards: child collections in the log, read out in the window as "Members: old → new".
    visit = services.delegations.create(
        Delegation(
            title="Визит в Могилёв",
            start_date=dt.date(2024, 5, 14),
            end_date=dt.date(2024, 5, 16),
            members=[
                DelegationMember(full_name="Иванов И. И.", position="мэр", is_head=True),
                DelegationMember(full_name="Петров П. П."),
            ],
        )
    )
    members = [visit.members[0], dataclasses.replace(visit.members[1], full_name="Петров П. С.")]
    services.delegations.update(dataclasses.replace(visit, members=members))
    page = shown(qtbot, DelegationsPage(services, confirm=agree))
    assert page.select_record(visit.id)
    dialog = page.show_history()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.panel.change_lines() == ["Members: Петров П. П. → Петров П. С."]


def test_an_empty_history_says_so(qtbot: QtBot, services: Services) -> None:
    import uuid

    dialog = shown(qtbot, HistoryDialog(services, "partner", uuid.uuid4(), "?"))
    assert dialog.heading.text() == "0 changes recorded"
    assert _top_texts(dialog.panel, 0) == ["No changes recorded."]


def test_recent_changes_of_many_records_name_them(qtbot: QtBot, services: Services) -> None:
    services.partners.create(Partner(name_ru="Витебск", country_code="BY"))
    panel = shown(qtbot, HistoryPanel(kind_label=lambda kind: kind.capitalize()))
    panel.set_entries(HistoryService(services.db).recent())
    assert _top_texts(panel, 3) == ["Partner: Витебск"]
