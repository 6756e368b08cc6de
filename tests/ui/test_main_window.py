"""The main window: areas, shortcuts on the area in view, search grouped by kind, links that open
a record in its area, the layout restored from QSettings, the database named."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QScreen
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from mumidesk.domain.delegations import Delegation
from mumidesk.domain.organisations import Organisation
from mumidesk.domain.partners import Partner
from mumidesk.services.registry import Services
from mumidesk.settings import config_dir
from mumidesk.ui.main_window import PREFERRED_SIZE, MainWindow
from mumidesk.ui.models.partner_table import (
    COL_COUNTRY,
    COL_NAME_EN,
    COL_NAME_RU,
    ID_ROLE,
    PAGE_SIZE,
)
from mumidesk.ui.navigation import AREAS
from mumidesk.ui.pages.partners_page import PartnersPage
from mumidesk.ui.widgets.municipality_box import MunicipalityBox
from mumidesk.ui.window_settings import window_settings
from tests.ui.typing_helper import type_text


def _window(qtbot: QtBot, services: Services, area: str = "partners") -> MainWindow:
    settings = window_settings()
    settings.setValue("window/area", area)
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def _partners(window: MainWindow) -> PartnersPage:
    page = window.page("partners")
    assert isinstance(page, PartnersPage)
    return page


def test_every_area_opens_from_the_navigation(qtbot: QtBot, services: Services) -> None:
    window = _window(qtbot, services, "dashboard")
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == [
        "Dashboard",
        "Partners",
        "Agreements",
        "Delegations",
        "Events",
        "Exchange programmes",
        "Organisations & people",
        "Documents",
    ]
    for row, spec in enumerate(AREAS):
        window.nav.setCurrentRow(row)
        assert window.current_key() == spec.key
        assert window.stack.currentWidget() is window.pages[spec.key]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "partners"


def test_partner_table_pages_lazily_and_sorts_in_sql(qtbot: QtBot, services: Services) -> None:
    for i in range(PAGE_SIZE + 50):
        services.partners.create(Partner(name_ru=f"Город {i:03d}", country_code="BY"))
    window = _window(qtbot, services)
    model = _partners(window).model
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE + 50
    assert model.data(model.index(0, COL_COUNTRY)) == "Belarus"
    model.sort(COL_NAME_RU, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, COL_NAME_RU)) == f"Город {PAGE_SIZE + 49:03d}"
    assert model.data(model.index(0, COL_NAME_RU), ID_ROLE) is not None


def test_shortcuts_act_on_the_area_in_view(qtbot: QtBot, services: Services) -> None:
    services.partners.create(Partner(name_ru="Брест", country_code="BY"))
    window = _window(qtbot, services)
    page = _partners(window)
    page.confirm = lambda _parent, _question: True
    with qtbot.waitActive(window):
        window.activateWindow()

    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = page.editor
    assert editor is not None and editor.isVisible()
    qtbot.waitUntil(editor.isActiveWindow)
    type_text(editor.field_widget("name_ru"), "Гомель")
    editor.country.set_country_code("BY")
    QTest.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert {p.name_ru for p in services.partners.all()} == {"Брест", "Гомель"}

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.table.setFocus()
    page.table.selectRow(0)
    QTest.keyClick(page.table, Qt.Key.Key_Delete)
    assert services.partners.list().total == 1
    assert page.undo_button.isVisible()

    # Something written elsewhere (another instance, the CLI) shows after F5.
    services.partners.create(Partner(name_ru="Пинск", country_code="BY"))
    QTest.keyClick(window, Qt.Key.Key_F5)
    assert page.model.total() == 2


def test_delete_key_in_a_text_field_erases_a_letter(qtbot: QtBot, services: Services) -> None:
    services.partners.create(Partner(name_ru="Брест", country_code="BY"))
    window = _window(qtbot, services)
    page = _partners(window)
    asked: list[str] = []
    page.confirm = lambda _parent, question: asked.append(question) or False
    page.table.selectRow(0)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.search_field.setFocus()
    type_text(window.search_field, "абв")
    QTest.keyClick(window.search_field, Qt.Key.Key_Home)
    QTest.keyClick(window.search_field, Qt.Key.Key_Delete)
    assert window.search_field.text() == "бв"
    assert asked == []


def test_search_groups_results_by_kind_and_opens_the_record(
    qtbot: QtBot, services: Services
) -> None:
    mogilev = services.partners.create(
        Partner(name_ru="Могилёв", name_en="Mogilev", country_code="BY")
    )
    services.organisations.create(Organisation(name_ru="Могилёвский городской Совет депутатов"))
    for i in range(PAGE_SIZE + 20):  # the partner is beyond the first page
        services.partners.create(Partner(name_ru=f"Город {i:03d}", country_code="BY"))
    window = _window(qtbot, services, "dashboard")
    with qtbot.waitActive(window):
        window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    type_text(window.search_field, "могилев")
    assert window.search_dock.isVisible()
    QTest.keyClick(window.search_field, Qt.Key.Key_Return)
    groups = window.search_panel.groups()
    assert groups == {
        "partner": ["Могилёв"],
        "organisation": ["Могилёвский городской Совет депутатов"],
    }
    assert window.search_panel.activate_first()
    assert window.current_key() == "partners"
    assert _partners(window).selected_record().id == mogilev.id


def test_typing_in_search_waits_for_a_pause(qtbot: QtBot, services: Services) -> None:
    services.partners.create(Partner(name_ru="Смоленск", country_code="RU"))
    window = _window(qtbot, services)
    type_text(window.search_field, "смол")
    assert window.search_panel.groups() == {}  # not yet: the user is still typing
    qtbot.waitUntil(lambda: window.search_panel.groups() == {"partner": ["Смоленск"]})


def test_layout_is_restored(qtbot: QtBot, services: Services) -> None:
    services.partners.create(Partner(name_ru="Брест", name_en="Brest", country_code="BY"))
    services.partners.create(Partner(name_ru="Франкфурт", name_en="Frankfurt", country_code="DE"))
    window = _window(qtbot, services)
    page = _partners(window)
    page.table.sortByColumn(COL_COUNTRY, Qt.SortOrder.DescendingOrder)
    page.set_column_shown(COL_NAME_EN, False)
    page.table.setColumnWidth(COL_NAME_RU, 333)
    window.resize(1000, 640)
    window.close()  # saves

    stored = QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)
    assert stored.value("window/area") == "partners"
    again = MainWindow(services)
    qtbot.addWidget(again)
    assert again.current_key() == "partners"
    restored = _partners(again)
    header = restored.table.horizontalHeader()
    assert header.isSectionHidden(COL_NAME_EN)
    assert restored.table.columnWidth(COL_NAME_RU) == 333
    assert header.sortIndicatorSection() == COL_COUNTRY
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert restored.model.sort_state() == ("country", True)
    assert restored.model.data(restored.model.index(0, COL_NAME_RU)) == "Франкфурт"


def test_columns_can_be_chosen_but_not_all_hidden(qtbot: QtBot, services: Services) -> None:
    window = _window(qtbot, services)
    page = _partners(window)
    for column in range(1, page.model.columnCount()):
        page.set_column_shown(column, False)
    menu = page.columns_menu()
    actions = menu.actions()
    assert [a.isChecked() for a in actions] == [True, False, False, False, False]
    assert not actions[0].isEnabled()  # the last shown column stays
    actions[2].trigger()
    assert not page.table.horizontalHeader().isSectionHidden(2)


def test_status_bar_names_the_database(qtbot: QtBot, services: Services) -> None:
    window = _window(qtbot, services)
    path = services.db.sqlite_path
    assert path is not None
    assert window.db_label.text() == f"Database: {path}"


def test_ctrl_p_opens_the_selected_records_document(qtbot: QtBot, services: Services) -> None:
    visit = services.delegations.create(
        Delegation(
            title="Визит делегации Бреста",
            start_date=dt.date(2026, 11, 16),
            end_date=dt.date(2026, 11, 17),
        )
    )
    window = _window(qtbot, services, "delegations")
    page = window.current_page()
    assert page.show_record(visit.id)  # type: ignore[attr-defined]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "documents"
    documents = window.current_page()
    request = documents.form.request()  # type: ignore[attr-defined]
    assert (request.document_id, request.record_id) == ("programme", visit.id)


def test_a_new_municipality_appears_in_the_filter_bars(qtbot: QtBot, services: Services) -> None:
    window = _window(qtbot, services, "events")
    events = window.current_page()
    reference = window.open_reference()
    editor = reference.municipalities.new_record()
    type_text(editor.field_widget("name_ru"), "Рославль")
    QTest.mouseClick(
        editor.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert [m.name_ru for m in services.municipalities.all()] == ["Рославль"]
    boxes = [box for box in events.findChildren(MunicipalityBox) if box.findText("Рославль") >= 0]
    assert boxes, "the events filter bar offers the new municipality"


def test_the_first_start_fills_a_small_screen_instead_of_running_off_it(
    qtbot: QtBot, services: Services
) -> None:
    window = MainWindow(services)  # no window.ini yet
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    assert room.width() < PREFERRED_SIZE[0]  # the offscreen screen: 800 × 600
    assert window.windowState() & Qt.WindowState.WindowMaximized
    window.show()
    qtbot.waitExposed(window)
    assert window.width() <= room.width() and window.height() <= room.height()


def test_the_first_start_on_a_large_screen_centres_the_preferred_size(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QScreen, "availableGeometry", lambda screen: QRect(0, 0, 1920, 1040))
    window = MainWindow(services)
    qtbot.addWidget(window)
    assert not window.windowState() & Qt.WindowState.WindowMaximized
    assert (window.width(), window.height()) == PREFERRED_SIZE
    assert window.geometry().center() == QRect(0, 0, 1920, 1040).center()
