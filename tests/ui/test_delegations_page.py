from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from mumidesk.domain.agreements import Agreement
from mumidesk.domain.delegations import Delegation, DelegationMember, ProgrammeItem
from mumidesk.domain.enums import DelegationDirection
from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.organisations import Organisation, Person
from mumidesk.domain.partners import Partner
from mumidesk.services.registry import Services
from mumidesk.ui.editors.delegation_editor import (
    TAB_AGREEMENTS,
    TAB_PROGRAMME,
    DelegationEditor,
)
from mumidesk.ui.editors.delegation_rows import is_marked
from mumidesk.ui.models.delegation_table import (
    COL_DATES,
    COL_HEAD,
    COL_MEMBERS,
    COL_MUNICIPALITY,
    COL_PARTNERS,
    COL_REPORT,
    COL_TITLE,
    OVERDUE_COLOUR,
)
from mumidesk.ui.pages.delegations_page import LAST_YEAR, DelegationsPage
from mumidesk.ui.widgets.field_errors import reveal
from tests.ui.helpers import agree, cell_text, click_save, delete_first_row, pick, shown, type_cell
from tests.ui.typing_helper import type_text

APRIL_8 = dt.date(2025, 4, 8)
APRIL_9 = dt.date(2025, 4, 9)


@pytest.fixture
def world(services: Services) -> dict[str, Any]:
    smolensk = services.municipalities.create(Municipality(name_ru="Смоленск"))
    kaluga = services.municipalities.create(Municipality(name_ru="Калуга"))
    mogilev = services.partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    frankfurt = services.partners.create(Partner(name_ru="Франкфурт", country_code="DE"))
    council = services.organisations.create(
        Organisation(name_ru="Могилёвский городской Совет депутатов", short_name="Горсовет")
    )
    petrov = services.people.create(
        Person(
            last_name="Петров",
            first_name="Иван",
            position="Председатель",
            organisation_id=council.id,
        )
    )
    return {
        "smolensk": smolensk,
        "kaluga": kaluga,
        "mogilev": mogilev,
        "frankfurt": frankfurt,
        "petrov": petrov,
    }


def _page(qtbot: QtBot, services: Services) -> DelegationsPage:
    return shown(qtbot, DelegationsPage(services, confirm=agree))


def _editor(page: DelegationsPage, *, new: bool) -> DelegationEditor:
    editor = page.new_record() if new else page.edit_record()
    assert isinstance(editor, DelegationEditor)
    return editor


def _visit(world: dict[str, Any], start: dt.date = APRIL_8, **changes: Any) -> Delegation:
    following = start + dt.timedelta(days=1)
    values: dict[str, Any] = {
        "title": "Визит делегации Могилёва",
        "municipality_id": world["smolensk"].id,
        "partner_ids": [world["mogilev"].id],
        "start_date": start,
        "end_date": following,
        "members": [DelegationMember(full_name="Сидоров Пётр", is_head=True)],
        "programme": [
            ProgrammeItem(day=start, start_time=dt.time(10), title_ru="Встреча у мэра"),
            ProgrammeItem(day=start, start_time=dt.time(14), title_ru="Экскурсия"),
            ProgrammeItem(day=following, start_time=dt.time(9), title_ru="Отъезд"),
        ],
    }
    values.update(changes)
    return Delegation(**values)


def test_enter_incoming_delegation_typed_in_cyrillic(
    qtbot: QtBot, services: Services, world: dict[str, Any]
) -> None:
    page = _page(qtbot, services)
    editor = _editor(page, new=True)
    assert editor.isVisible()
    type_text(editor.title, "Визит делегации Могилёва")
    assert editor.direction.currentData() == "incoming"
    editor.municipality.setCurrentIndex(editor.municipality.findText("Смоленск"))
    pick(editor.partners.picker, "Могил", "Могилёв")
    QTest.mouseClick(editor.partners.add_button, Qt.MouseButton.LeftButton)
    editor.start_date.set_value(APRIL_8)
    editor.end_date.set_value(APRIL_9)
    type_text(editor.place, "Смоленск, администрация")

    members = editor.members
    members.add_row()
    type_cell(members, 0, "full_name", "Сидоров Пётр Ильич")
    type_cell(members, 0, "position", "Заместитель председателя")
    members.add_row()
    type_cell(members, 1, "full_name", "Кузнецова Анна")
    type_cell(members, 1, "organisation", "Горисполком")
    pick(editor.members_tab.person_picker, "Петр", "Петров Иван")
    QTest.mouseClick(editor.members_tab.add_person_button, Qt.MouseButton.LeftButton)
    assert cell_text(members, 2, "organisation") == "Горсовет"
    head = members.table.item(2, 0)
    assert head is not None
    head.setCheckState(Qt.CheckState.Checked)  # as a click on the box does
    first = members.table.item(0, 0)
    assert first is not None
    first.setCheckState(Qt.CheckState.Checked)
    assert head.checkState() == Qt.CheckState.Unchecked  # one head: the tick moved
    head.setCheckState(Qt.CheckState.Checked)

    programme = editor.programme
    programme.add_row()
    assert programme.rows()[0]["day"] == APRIL_8  # the first item starts on the first day
    type_cell(programme, 0, "start_time", "10:00")
    type_cell(programme, 0, "end_time", "11.30")
    type_cell(programme, 0, "title_ru", "Встреча с главой города")
    type_cell(programme, 0, "title_en", "Meeting the mayor")
    programme.add_row()
    assert programme.rows()[1]["day"] == APRIL_8  # the day of the row above
    programme.set_value(1, "day", APRIL_9)
    type_cell(programme, 1, "start_time", "930")
    type_cell(programme, 1, "title_ru", "Посещение завода «Лифтмаш»")
    type_cell(programme, 1, "responsible", "Кузнецова А.")
    assert editor.tabs.tabText(TAB_PROGRAMME) == "Programme (2)"
    click_save(editor)

    assert not editor.isVisible(), [editor.errors.message(f) for f in editor.errors.fields()]
    stored = services.delegations.all()
    assert len(stored) == 1
    visit = stored[0]
    assert visit.title == "Визит делегации Могилёва"
    assert visit.direction is DelegationDirection.INCOMING
    assert visit.municipality_id == world["smolensk"].id
    assert visit.partner_ids == [world["mogilev"].id]
    assert (visit.start_date, visit.end_date) == (APRIL_8, APRIL_9)
    assert visit.place == "Смоленск, администрация"
    assert [(m.full_name, m.position, m.organisation, m.is_head) for m in visit.members] == [
        ("Сидоров Пётр Ильич", "Заместитель председателя", "", False),
        ("Кузнецова Анна", "", "Горисполком", False),
        ("Петров Иван", "Председатель", "Горсовет", True),
    ]
    assert [m.person_id for m in visit.members] == [None, None, world["petrov"].id]
    assert [
        (p.day, p.start_time, p.end_time, p.title_ru, p.title_en, p.responsible)
        for p in visit.programme
    ] == [
        (APRIL_8, dt.time(10), dt.time(11, 30), "Встреча с главой города", "Meeting the mayor", ""),
        (APRIL_9, dt.time(9, 30), None, "Посещение завода «Лифтмаш»", "", "Кузнецова А."),
    ]

    model = page.model
    assert model.rowCount() == 1
    assert page.selected_record() == visit
    assert model.data(model.index(0, COL_DATES)) == "April 8\u20139, 2025"
    assert model.data(model.index(0, COL_MUNICIPALITY)) == "Смоленск"
    assert model.data(model.index(0, COL_PARTNERS)) == "Могилёв"
    assert model.data(model.index(0, COL_MEMBERS)) == "3"
    assert model.data(model.index(0, COL_HEAD)) == "Петров Иван"
    assert model.data(model.index(0, COL_REPORT)) == ""  # guests owe no report
    card = page.card
    assert card.title.text() == "Визит делегации Могилёва"
    assert card.value("head") == "Петров Иван, Председатель"
    assert card.section_text("members").startswith("<b>Петров Иван</b>")  # the head first
    programme_text = card.section_text("programme")
    assert programme_text.index("Tuesday, April 8, 2025") < programme_text.index("Встреча")
    assert programme_text.index("Wednesday, April 9, 2025") < programme_text.index("Лифтмаш")


def test_edit_and_reorder_programme(
    qtbot: QtBot, services: Services, world: dict[str, Any]
) -> None:
    services.delegations.create(_visit(world))
    page = _page(qtbot, services)
    page.table.selectRow(0)
    editor = _editor(page, new=False)
    assert [r["title_ru"] for r in editor.programme.rows()] == [
        "Встреча у мэра",
        "Экскурсия",
        "Отъезд",
    ]
    type_cell(editor.programme, 1, "title_ru", "Экскурсия по крепостной стене")
    editor.programme.table.setCurrentCell(1, 3)
    QTest.mouseClick(editor.programme.up_button, Qt.MouseButton.LeftButton)
    assert editor.is_dirty()
    click_save(editor)
    assert not editor.isVisible()
    stored = services.delegations.all()[0]
    assert [(p.title_ru, p.start_time) for p in stored.programme] == [
        ("Экскурсия по крепостной стене", dt.time(14)),
        ("Встреча у мэра", dt.time(10)),
        ("Отъезд", dt.time(9)),
    ]
    assert stored.version == 2

    editor = _editor(page, new=False)
    QTest.mouseClick(editor.programme_tab.sort_button, Qt.MouseButton.LeftButton)
    assert [r["title_ru"] for r in editor.programme.rows()][:2] == [
        "Встреча у мэра",
        "Экскурсия по крепостной стене",
    ]


def test_bad_time_is_marked_and_nothing_is_lost(
    qtbot: QtBot, services: Services, world: dict[str, Any]
) -> None:
    page = _page(qtbot, services)
    editor = _editor(page, new=True)
    type_text(editor.title, "Онлайн-встреча")
    editor.start_date.set_value(APRIL_8)
    editor.end_date.set_value(APRIL_8)
    editor.members.add_row()
    type_cell(editor.members, 0, "position", "Переводчик")  # a member without a name
    editor.programme.add_row()
    editor.programme.add_row()
    type_cell(editor.programme, 1, "start_time", "25:99")
    type_cell(editor.programme, 1, "title_ru", "Подведение итогов")
    click_save(editor)

    assert editor.isVisible()
    assert services.delegations.list().total == 0
    assert editor.errors.has_error("programme")
    assert editor.errors.message("programme") == "row 2: From: enter a time such as 09:30"
    assert is_marked(editor.programme, 1, "start_time")
    assert editor.errors.message("members") == "row 1: Full name: is required"
    assert is_marked(editor.members, 0, "full_name")
    assert not editor.errors.has_error("title")
    # everything typed is still there, the blank first programme row too
    assert cell_text(editor.programme, 1, "start_time") == "25:99"
    assert cell_text(editor.programme, 1, "title_ru") == "Подведение итогов"
    assert editor.programme.row_count() == 2
    assert cell_text(editor.members, 0, "position") == "Переводчик"
    assert editor.title.text() == "Онлайн-встреча"

    type_cell(editor.members, 0, "full_name", "Орлова Мария")
    assert not is_marked(editor.members, 0, "full_name")  # corrected: the tint goes
    type_cell(editor.programme, 1, "start_time", "15:00")
    type_cell(editor.programme, 1, "end_time", "14:00")  # the domain says: ends before
    editor.programme.set_value(0, "day", dt.date(2025, 4, 20))
    type_cell(editor.programme, 0, "title_ru", "Кофе-брейк")
    click_save(editor)
    assert editor.isVisible()
    assert editor.tabs.currentIndex() == TAB_PROGRAMME  # the tab with the problem in front
    message = editor.errors.message("programme")
    assert "row 1: Day: 2025-04-20 is outside the visit dates" in message
    assert "row 2: To: ends before it starts" in message
    assert not editor.errors.has_error("members")

    editor.programme.set_value(0, "day", APRIL_8)
    type_cell(editor.programme, 1, "end_time", "16:00")
    click_save(editor)
    assert not editor.isVisible(), editor.general_error.text()
    stored = services.delegations.all()[0]
    assert [m.full_name for m in stored.members] == ["Орлова Мария"]
    assert [(p.title_ru, p.start_time) for p in stored.programme] == [
        ("Кофе-брейк", None),
        ("Подведение итогов", dt.time(15)),
    ]


def test_link_an_agreement_and_follow_it(
    qtbot: QtBot, services: Services, world: dict[str, Any]
) -> None:
    agreement = services.agreements.create(
        Agreement(title="Соглашение о сотрудничестве Смоленска и Могилёва")
    )
    services.delegations.create(_visit(world))
    page = _page(qtbot, services)
    page.table.selectRow(0)
    editor = _editor(page, new=False)
    editor.tabs.setCurrentIndex(TAB_AGREEMENTS)
    pick(editor.agreements.picker, "сотруднич", agreement.title)
    # Chosen but Add not pressed: saving takes it all the same.
    click_save(editor)
    assert not editor.isVisible(), editor.general_error.text()
    assert services.delegations.all()[0].agreement_ids == [agreement.id]

    opened: list[tuple[str, uuid.UUID]] = []
    page.open_record.connect(lambda kind, key: opened.append((kind, key)))
    text = page.card.section_text("agreements")
    assert f'href="agreement:{agreement.id}"' in text
    assert "Соглашение о сотрудничестве" in text
    page.card.follow(f"agreement:{agreement.id}")
    page.card.follow(f"partner:{world['mogilev'].id}")
    assert opened == [("agreement", agreement.id), ("partner", world["mogilev"].id)]

    assert page.document_choice() == ("programme", services.delegations.all()[0].id)
    page.table.clearSelection()
    assert page.document_choice() is None


def test_organisation_cell_offers_organisations_on_record(
    qtbot: QtBot, services: Services, world: dict[str, Any]
) -> None:
    page = _page(qtbot, services)
    editor = _editor(page, new=True)
    members = editor.members
    members.add_row()
    reveal(members.table)
    item = members.table.item(0, 3)
    assert item is not None
    members.table.editItem(item)
    cell = next(e for e in members.table.viewport().findChildren(QLineEdit) if e.isVisible())
    type_text(cell, "совет")
    completer = cell.completer()
    assert completer is not None
    offered = completer.completionModel()
    assert [offered.index(i, 0).data() for i in range(offered.rowCount())] == [
        "Могилёвский городской Совет депутатов"
    ]


def test_unmatched_partner_text_is_refused(
    qtbot: QtBot, services: Services, world: dict[str, Any]
) -> None:
    page = _page(qtbot, services)
    editor = _editor(page, new=True)
    type_text(editor.title, "Визит")
    type_text(editor.partners.picker, "Атлантида")
    click_save(editor)
    assert editor.isVisible()
    assert editor.errors.message("partner_ids") == "choose from the list or clear the text"
    assert editor.partners.picker.text() == "Атлантида"


def test_filters(qtbot: QtBot, services: Services, world: dict[str, Any]) -> None:
    today = dt.date.today()
    last_year = dt.date(today.year - 1, 6, 10)
    outgoing = services.delegations.create(
        _visit(
            world,
            title="Поездка в Франкфурт",
            direction=DelegationDirection.OUTGOING,
            municipality_id=world["kaluga"].id,
            partner_ids=[world["frankfurt"].id],
            start_date=last_year,
            end_date=last_year,
            programme=[],
            members=[DelegationMember(full_name="Лебедев Олег", is_head=True)],
        )
    )
    services.delegations.create(_visit(world, dt.date(2019, 4, 8)))
    services.delegations.create(
        _visit(
            world,
            title="Видеоконференция",
            direction=DelegationDirection.ONLINE,
            start_date=today,
            end_date=today,
            programme=[],
        )
    )
    page = _page(qtbot, services)
    model = page.model

    def titles() -> list[str]:
        return [model.data(model.index(r, COL_TITLE)) for r in range(model.rowCount())]

    # the latest first
    assert titles() == ["Видеоконференция", "Поездка в Франкфурт", "Визит делегации Могилёва"]
    row = titles().index("Поездка в Франкфурт")
    # an outgoing visit of last year whose report was never submitted
    assert model.data(model.index(row, COL_REPORT)).startswith("due ")
    assert model.index(row, COL_REPORT).data(Qt.ItemDataRole.ForegroundRole).name() == (
        OVERDUE_COLOUR
    )

    page.direction_filter.setCurrentIndex(page.direction_filter.findData("outgoing"))
    assert titles() == ["Поездка в Франкфурт"]
    page.direction_filter.setCurrentIndex(0)
    page.municipality_filter.setCurrentIndex(page.municipality_filter.findText("Смоленск"))
    assert titles() == ["Видеоконференция", "Визит делегации Могилёва"]
    page.set_municipality(None)
    page.country_filter.set_country_code("DE")
    assert titles() == ["Поездка в Франкфурт"]
    page.country_filter.set_country_code("BY")
    assert len(titles()) == 2
    page.country_filter.set_country_code("")

    page.period_filter.setCurrentIndex(page.period_filter.findData(LAST_YEAR))
    assert page.date_from.value() == dt.date(today.year - 1, 1, 1)
    assert titles() == ["Поездка в Франкфурт"]
    page.date_from.set_value(dt.date(2019, 4, 9))  # typing a date makes the period custom
    page.date_to.set_value(dt.date(2019, 4, 30))
    assert page.period_filter.currentData() == "custom"
    assert titles() == ["Визит делегации Могилёва"]
    page.clear_filters()
    assert len(titles()) == 3

    page.report_missing.setChecked(True)
    assert len(titles()) == 3  # nobody reported yet
    page.report_missing.setChecked(False)
    type_text(page.text_filter, "лебедев")  # a member's name, any case
    assert titles() == ["Поездка в Франкфурт"]
    page.text_filter.clear()
    type_text(page.text_filter, "экскурс")  # a programme item
    assert titles() == ["Визит делегации Могилёва"]

    page.text_filter.clear()
    model.sort(COL_MUNICIPALITY, Qt.SortOrder.AscendingOrder)
    assert titles()[0] == "Поездка в Франкфурт"  # Калуга before Смоленск
    model.sort(COL_MEMBERS, Qt.SortOrder.DescendingOrder)
    assert len(titles()) == 3
    assert page.show_record(outgoing.id or uuid.uuid4())


def test_delete_then_undo(qtbot: QtBot, services: Services, world: dict[str, Any]) -> None:
    services.delegations.create(_visit(world))
    page = _page(qtbot, services)
    questions = delete_first_row(page)
    assert questions == ["Delete the delegation Визит делегации Могилёва?"]
    assert page.model.rowCount() == 0
    assert services.delegations.list().total == 0
    assert page.undo_button.isVisible()
    QTest.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    restored = services.delegations.all()
    assert len(restored) == 1 and len(restored[0].programme) == 3
    assert page.model.rowCount() == 1
    assert page.card.title.text() == "Визит делегации Могилёва"
