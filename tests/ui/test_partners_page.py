from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.partners import Partner, Partnership
from mumidesk.services.partners import PartnerFilter
from mumidesk.services.registry import Services
from mumidesk.ui.dialogs.conflict_dialog import Conflict, ConflictChoice
from mumidesk.ui.models.partner_table import COL_NAME_RU, ID_ROLE, RECORD_ROLE
from mumidesk.ui.pages.partners_page import PartnersPage
from mumidesk.ui.widgets.country_box import CountryBox
from tests.ui.helpers import agree, click_save, shown
from tests.ui.typing_helper import type_text


def _page(qtbot: QtBot, services: Services) -> PartnersPage:
    return shown(qtbot, PartnersPage(services, confirm=agree))


def _choose_country(box: CountryBox, typed: str, wanted: str) -> None:
    """Type part of the name, then pick ``wanted`` from the completer's list with the keys."""
    edit = box.lineEdit()
    assert edit is not None
    edit.setFocus()
    type_text(edit, typed)
    completer = box.completer()
    assert completer is not None
    offered = completer.completionModel()
    names = [offered.index(i, 0).data() for i in range(offered.rowCount())]
    assert wanted in names
    popup = completer.popup()
    assert popup is not None
    for _i in range(names.index(wanted) + 1):
        QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)


def test_country_box_finds_localized_names_by_any_part(qtbot: QtBot) -> None:
    box = CountryBox(empty_text="any")
    qtbot.addWidget(box)
    box.set_country_code("by")
    assert box.currentText() == "Belarus"
    assert box.country_code() == "BY"
    box.setEditText("germany")
    assert box.country_code() == "DE"


def test_create_partner_typed_in_cyrillic(qtbot: QtBot, services: Services) -> None:
    from mumidesk.i18n import language

    with language("ru"):  # country names come from Babel in the user's language
        page = _page(qtbot, services)
        editor = page.new_record()
        assert editor.isVisible()
        type_text(editor.inputs["name_ru"], "Могилёв")
        _choose_country(editor.country, "Бел", "Беларусь")
        assert editor.country.country_code() == "BY"
        type_text(editor.inputs["latitude"], "53,9")
        click_save(editor)
    assert not editor.isVisible()
    stored = services.partners.list(PartnerFilter(country_code="BY")).items
    assert [(p.name_ru, p.country_code, p.latitude) for p in stored] == [("Могилёв", "BY", 53.9)]
    assert page.model.rowCount() == 1
    assert page.selected_record() == stored[0]
    assert page.card.title.text() == "Могилёв"


def test_invalid_latitude_marks_the_field_and_keeps_the_text(
    qtbot: QtBot, services: Services
) -> None:
    page = _page(qtbot, services)
    editor = page.new_record()
    type_text(editor.inputs["name_ru"], "Могилёв")
    editor.country.set_country_code("BY")
    type_text(editor.inputs["latitude"], "100")
    type_text(editor.inputs["population"], "много")
    click_save(editor)
    assert editor.isVisible()
    assert editor.errors.has_error("latitude")
    assert "between -90 and 90" in editor.errors.message("latitude")
    assert editor.errors.message("population") == "must be a whole number"
    assert not editor.errors.has_error("name_ru")
    assert editor.inputs["latitude"].text() == "100"
    assert editor.inputs["name_ru"].text() == "Могилёв"
    assert services.partners.list().total == 0

    editor.inputs["latitude"].clear()
    type_text(editor.inputs["latitude"], "53.9")
    assert not editor.errors.has_error("latitude")  # corrected: the mark goes away
    assert editor.errors.has_error("population")
    editor.inputs["population"].setText("360 000")  # group spaces are fine
    with qtbot.waitActive(editor):
        editor.activateWindow()
    QTest.keyClick(
        editor.inputs["population"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
    )  # Ctrl+S saves
    assert not editor.isVisible()
    assert services.partners.list().items[0].population == 360_000


def test_closing_with_unsaved_changes_asks(qtbot: QtBot, services: Services) -> None:
    page = _page(qtbot, services)
    editor = page.new_record()
    asked: list[QWidget] = []
    answer = False

    def ask(parent: QWidget) -> bool:
        asked.append(parent)
        return answer

    editor.ask_discard = ask
    editor.reject()  # nothing typed: closes without asking
    assert not editor.isVisible() and asked == []

    editor = page.new_record()
    editor.ask_discard = ask
    type_text(editor.inputs["region"], "Могилёвская область")
    editor.reject()
    assert editor.isVisible() and len(asked) == 1
    answer = True
    editor.reject()
    assert not editor.isVisible() and len(asked) == 2


def test_edit_conflict_is_reported(qtbot: QtBot, services: Services) -> None:
    partner = services.partners.create(Partner(name_ru="Брест", country_code="BY"))
    page = _page(qtbot, services)
    page.table.selectRow(0)
    editor = page.edit_record()
    assert editor is not None
    assert editor.inputs["name_ru"].text() == "Брест"
    shown: list[Conflict] = []

    def go_back(_parent: object, conflict: Conflict) -> ConflictChoice:
        shown.append(conflict)
        return ConflictChoice.BACK

    editor.resolve_conflict = go_back  # the conflict dialog (tests/ui/test_conflicts.py)
    services.partners.update(Partner(**{**partner.__dict__, "region": "Брестская область"}))
    type_text(editor.inputs["name_en"], "Brest")
    click_save(editor)
    assert editor.isVisible() and len(shown) == 1
    assert {f.field for f in shown[0].differences} == {"region", "name_en"}
    assert "someone else saved this record" in editor.general_error.text()
    assert editor.inputs["name_en"].text() == "Brest"


def test_filters_query_the_service(qtbot: QtBot, services: Services) -> None:
    mogilev = services.partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    services.partners.create(Partner(name_ru="Минск", country_code="BY"))
    services.partners.create(Partner(name_ru="Франкфурт", name_en="Frankfurt", country_code="DE"))
    town = services.municipalities.create(Municipality(name_ru="Смоленск"))
    assert town.id is not None and mogilev.id is not None
    services.partnerships.create(Partnership(municipality_id=town.id, partner_id=mogilev.id))
    page = _page(qtbot, services)
    model = page.model
    assert model.rowCount() == 3

    edit = page.country_filter.lineEdit()
    assert edit is not None
    edit.setFocus()
    type_text(edit, "Germany")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert model.current_filter().country_code == "DE"
    assert model.rowCount() == 1
    assert model.data(model.index(0, COL_NAME_RU)) == "Франкфурт"

    page.country_filter.set_country_code("BY")
    assert [model.data(model.index(r, COL_NAME_RU)) for r in range(model.rowCount())] == [
        "Минск",
        "Могилёв",
    ]
    page.set_municipality(town.id)
    assert model.rowCount() == 1
    assert model.index(0, 0).data(ID_ROLE) == mogilev.id

    page.set_municipality(None)
    type_text(page.name_filter, "Ми")
    assert model.rowCount() == 1
    assert model.index(0, 0).data(RECORD_ROLE).name_ru == "Минск"


def test_delete_then_undo_restores(qtbot: QtBot, services: Services) -> None:
    services.partners.create(Partner(name_ru="Брест", country_code="BY"))
    services.partners.create(Partner(name_ru="Гомель", country_code="BY"))
    page = _page(qtbot, services)
    questions: list[str] = []

    def refuse(_parent: QWidget, question: str) -> bool:
        questions.append(question)
        return False

    page.confirm = refuse
    page.table.selectRow(0)
    assert not page.delete_record()  # the user said no
    assert page.model.rowCount() == 2

    assert questions == ["Delete the partner Брест?"]
    page.confirm = lambda _parent, _question: True
    assert page.delete_record()
    assert page.model.rowCount() == 1
    assert services.partners.list().total == 1
    assert page.message.text() == "Deleted: Брест"
    assert page.undo_button.isVisible()

    QTest.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert [p.name_ru for p in services.partners.list().items] == ["Брест", "Гомель"]
    assert page.model.rowCount() == 2
    assert page.selected_record() is not None
    assert page.card.title.text() == "Брест"
    assert not page.undo_button.isVisible()
