from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from mumidesk.domain.partners import Partner
from mumidesk.services.registry import Services
from mumidesk.ui.main_window import MainWindow
from mumidesk.ui.models.partner_table import COL_COUNTRY, COL_NAME_RU, ID_ROLE, PAGE_SIZE
from tests.ui.typing_helper import type_text


def test_partner_table_pages_lazily_and_sorts_in_sql(qtbot: QtBot, services: Services) -> None:
    for i in range(PAGE_SIZE + 50):
        services.partners.create(Partner(name_ru=f"Город {i:03d}", country_code="BY"))
    window = MainWindow(services)
    qtbot.addWidget(window)
    model = window.partner_model
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE + 50
    assert model.data(model.index(0, COL_COUNTRY)) == "Belarus"
    model.sort(COL_NAME_RU, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, COL_NAME_RU)) == "Город 249"
    assert model.data(model.index(0, COL_NAME_RU), ID_ROLE) is not None


def test_search_field_finds_cyrillic_typed_text(qtbot: QtBot, services: Services) -> None:
    services.partners.create(Partner(name_ru="Могилёв", name_en="Mogilev", country_code="BY"))
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    type_text(window.search_field, "могилев")
    QTest.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.results.count() == 1
    assert window.results.item(0).text().startswith("Могилёв")
