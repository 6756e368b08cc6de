from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from mumidesk.domain.enums import ExchangeDirection, ExchangeKind, ParticipantCategory
from mumidesk.domain.exchanges import ExchangeProgramme, Participation
from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.organisations import Organisation
from mumidesk.domain.partners import Partner
from mumidesk.i18n import language
from mumidesk.services.registry import Services
from mumidesk.ui.editors.exchange_editor import ExchangeEditor
from mumidesk.ui.models.exchange_table import COL_PARTNERS, COL_TITLE, COL_TOTAL, COL_YEARS
from mumidesk.ui.pages.exchanges_page import ExchangesPage
from tests.ui.helpers import agree, click_save, column_texts, delete_first_row, shown
from tests.ui.typing_helper import type_text

PUPILS, TEACHERS = ParticipantCategory.PUPILS, ParticipantCategory.TEACHERS
IN, OUT = ExchangeDirection.INBOUND, ExchangeDirection.OUTBOUND


def _page(qtbot: QtBot, services: Services) -> ExchangesPage:
    return shown(qtbot, ExchangesPage(services, confirm=agree))


def _titles(page: ExchangesPage) -> list[str]:
    return column_texts(page.model, COL_TITLE)


def test_a_programme_with_participants_over_three_years(qtbot: QtBot, services: Services) -> None:
    cologne = services.partners.create(Partner(name_ru="Кёльн", country_code="DE"))
    town = services.municipalities.create(Municipality(name_ru="Волгоград"))
    services.organisations.create(Organisation(name_ru="Гимназия № 10"))
    with language("ru"):
        page = _page(qtbot, services)
        editor = page.new_record()
        assert isinstance(editor, ExchangeEditor)
        type_text(editor.title, "Школьный обмен Волгоград – Кёльн")
        editor.municipality.setCurrentIndex(editor.municipality.findData(str(town.id)))
        editor.start_date.set_value(dt.date(2017, 9, 1))
        editor.end_date.set_value(dt.date(2019, 6, 30))
        type_text(editor.partners.picker, "Кёль")
        editor.partners.picker.choose("Кёльн")  # found; Save adds it as Add would
        type_text(editor.organisation_picker, "Гимназ")
        editor.organisation_picker.choose("Гимназия № 10")
        QTest.mouseClick(editor.add_organisation, Qt.MouseButton.LeftButton)
        assert editor.organisations.toPlainText() == "Гимназия № 10"

        table = editor.participations
        QTest.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
        # A new table starts at the programme's first year, pupils coming to us.
        assert table.rows() == [
            {"year": 2017, "category": "pupils", "direction": "inbound", "count": 0}
        ]
        table.set_value(0, "count", 12)
        for count in (14, 15, 12, 16, 15):  # out 2017, in 2018, out 2018, in 2019, out 2019
            row = table.add_row()
            table.set_value(row, "count", count)
        row = table.add_row({"year": 2019, "category": "teachers", "direction": "outbound"})
        table.set_value(row, "count", 2)
        assert "86" in editor.totals.text() and "43" in editor.totals.text()
        click_save(editor)
        assert not editor.isVisible()

        [stored] = services.exchanges.list().items
        assert stored.title == "Школьный обмен Волгоград – Кёльн"
        assert stored.partner_ids == [cologne.id]
        assert stored.municipality_id == town.id
        assert stored.organisations == "Гимназия № 10"
        assert stored.participations == [
            Participation(year=2017, category=PUPILS, direction=IN, count=12),
            Participation(year=2017, category=PUPILS, direction=OUT, count=14),
            Participation(year=2018, category=PUPILS, direction=IN, count=15),
            Participation(year=2018, category=PUPILS, direction=OUT, count=12),
            Participation(year=2019, category=PUPILS, direction=IN, count=16),
            Participation(year=2019, category=PUPILS, direction=OUT, count=15),
            Participation(year=2019, category=TEACHERS, direction=OUT, count=2),
        ]
        assert stored.total() == 86
        model = page.model
        assert model.data(model.index(0, COL_YEARS)) == "2017–2019"
        assert model.data(model.index(0, COL_TOTAL)) == "86"
        assert model.data(model.index(0, COL_PARTNERS)) == "Кёльн"
        assert page.card.partners.targets == [("partner", cologne.id)]

    # The card sums by year and by category (English here: the catalog is the lead's).
    page.refresh()
    lines = page.card.by_year.text().splitlines()
    assert lines == [
        "2017: 26 (inbound 12, outbound 14)",
        "2018: 27 (inbound 15, outbound 12)",
        "2019: 33 (inbound 16, outbound 17)",
    ]
    assert page.card.by_category.text().splitlines() == ["Pupils: 84", "Teachers: 2"]
    assert page.card.value("total") == "86 (inbound 43, outbound 43)"


def test_a_duplicate_row_is_marked_and_nothing_is_lost(qtbot: QtBot, services: Services) -> None:
    page = _page(qtbot, services)
    editor = page.new_record()
    assert isinstance(editor, ExchangeEditor)
    type_text(editor.title, "Спортивный обмен")
    table = editor.participations
    for _i in range(2):
        row = table.add_row({"year": 2020, "category": "athletes", "direction": "inbound"})
        table.set_value(row, "count", 10)
    click_save(editor)
    assert editor.isVisible()
    assert editor.errors.has_error("participations")
    message = editor.errors.message("participations")
    assert message.startswith("row 2:") and "twice" in message
    tinted = table.table.item(1, 0)
    assert tinted is not None and tinted.background().color().name() == "#ffd6d6"
    assert services.exchanges.list().total == 0
    assert editor.title.text() == "Спортивный обмен"
    assert table.row_count() == 2

    table.set_value(1, "direction", "outbound")
    assert not editor.errors.has_error("participations")
    click_save(editor)
    assert not editor.isVisible()
    assert services.exchanges.list().items[0].total() == 20


def test_period_and_years_are_checked_together(qtbot: QtBot, services: Services) -> None:
    page = _page(qtbot, services)
    editor = page.new_record()
    assert isinstance(editor, ExchangeEditor)
    type_text(editor.title, "Обмен студентами")
    editor.start_date.set_value(dt.date(2020, 1, 1))
    editor.end_date.set_value(dt.date(2019, 1, 1))
    row = editor.participations.add_row({"year": 2030, "category": "students"})
    editor.participations.set_value(row, "count", 3)
    click_save(editor)
    assert editor.isVisible()
    assert editor.errors.has_error("end_date")
    assert not editor.errors.has_error("start_date")
    assert "outside the programme period" in editor.errors.message("participations")
    assert services.exchanges.list().total == 0


def test_filters_by_kind_year_country_and_text(qtbot: QtBot, services: Services) -> None:
    dijon = services.partners.create(Partner(name_ru="Дижон", country_code="FR"))
    services.exchanges.create(
        ExchangeProgramme(
            title="Франкоязычный студенческий обмен",
            partner_ids=[dijon.id],  # type: ignore[list-item]
            participations=[Participation(year=2016, category=PUPILS, direction=IN, count=5)],
        )
    )
    services.exchanges.create(
        ExchangeProgramme(
            title="Спортивный турнир",
            kind=ExchangeKind.SPORT,
            description="Юношеский турнир по футболу",
            participations=[Participation(year=2018, category=PUPILS, direction=OUT, count=9)],
        )
    )
    page = _page(qtbot, services)
    assert page.model.rowCount() == 2
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(ExchangeKind.SPORT.value))
    assert _titles(page) == ["Спортивный турнир"]
    page.clear_filters()
    page.year_filter.setValue(2016)
    assert _titles(page) == ["Франкоязычный студенческий обмен"]
    page.clear_filters()
    page.country_filter.set_country_code("FR")
    assert _titles(page) == ["Франкоязычный студенческий обмен"]
    page.clear_filters()
    type_text(page.text_filter, "футбол")
    assert _titles(page) == ["Спортивный турнир"]
    assert page.document_choice() is None


def test_delete_then_undo_restores(qtbot: QtBot, services: Services) -> None:
    services.exchanges.create(ExchangeProgramme(title="Обмен хорами"))
    page = _page(qtbot, services)
    questions = delete_first_row(page)
    assert questions == ["Delete the exchange programme Обмен хорами?"]
    assert services.exchanges.list().total == 0
    QTest.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert services.exchanges.list().total == 1
    selected = page.selected_record()
    assert selected is not None and selected.title == "Обмен хорами"
