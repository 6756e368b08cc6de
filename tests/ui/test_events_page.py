from __future__ import annotations

import datetime as dt
import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from mumidesk.domain.enums import DatePrecision, EventFormat, EventKind
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.events import Event
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.partners import Partner
from mumidesk.i18n import language
from mumidesk.services.registry import Services
from mumidesk.ui.editors.event_editor import EventEditor
from mumidesk.ui.models.event_table import COL_DATES, COL_NAME, COL_PARTNERS
from mumidesk.ui.pages.events_page import DATES, QUARTER, YEAR, EventsPage
from mumidesk.ui.widgets.fuzzy_date_field import FuzzyDateField
from tests.ui.helpers import agree, click_save, column_texts, delete_first_row, shown
from tests.ui.typing_helper import type_text


def _page(qtbot: QtBot, services: Services) -> EventsPage:
    return shown(qtbot, EventsPage(services, confirm=agree))


def _names(page: EventsPage) -> list[str]:
    return column_texts(page.model, COL_NAME)


def _event(name: str, dates: FuzzyDate, **kw: object) -> Event:
    return Event(name=name, dates=dates, **kw)  # type: ignore[arg-type]


def test_event_with_a_range_typed_in_cyrillic_is_saved_and_read_back(
    qtbot: QtBot, services: Services
) -> None:
    town = services.municipalities.create(Municipality(name_ru="Калуга"))
    mogilev = services.partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    with language("ru"):
        page = _page(qtbot, services)
        editor = page.new_record()
        assert isinstance(editor, EventEditor)
        type_text(editor.inputs["name"], "Форум городов-побратимов России и Беларуси")
        type_text(editor.inputs["place"], "г. Могилёв")
        editor.dates.text.setFocus()
        type_text(editor.dates.text, "8–20 апреля 2025")
        # The fields follow the text as it is typed.
        assert editor.dates.current_precision() is DatePrecision.RANGE
        assert editor.dates.start.value() == dt.date(2025, 4, 8)
        assert editor.dates.end.value() == dt.date(2025, 4, 20)
        assert editor.dates.preview.text() == "→ 8–20 апреля 2025\u00a0г."
        editor.kind.setCurrentIndex(editor.kind.findData(EventKind.FORUM.value))
        editor.municipality.setCurrentIndex(editor.municipality.findData(str(town.id)))
        type_text(editor.texts["participants"], "Глава города; ансамбль «Калинка»")
        type_text(editor.inputs["participant_count"], "150")
        type_text(editor.partners.picker, "Могил")
        assert editor.partners.picker.candidates() == ["Могилёв"]
        editor.partners.picker.choose("Могилёв")
        QTest.mouseClick(editor.partners.add_button, Qt.MouseButton.LeftButton)
        editor.countries.box.set_country_code("BY")
        editor.countries.add_chosen()
        click_save(editor)
        assert not editor.isVisible()

        [stored] = services.events.list().items
        assert stored.name == "Форум городов-побратимов России и Беларуси"
        assert stored.dates == FuzzyDate.range(dt.date(2025, 4, 8), dt.date(2025, 4, 20))
        assert stored.place == "г. Могилёв"
        assert stored.kind is EventKind.FORUM
        assert stored.municipality_id == town.id
        assert stored.participants == "Глава города; ансамбль «Калинка»"
        assert stored.participant_count == 150
        assert stored.partner_ids == [mogilev.id]
        assert stored.country_codes == ["BY"]

        model = page.model
        assert model.data(model.index(0, COL_DATES)) == "8–20 апреля 2025\u00a0г."
        assert model.data(model.index(0, COL_PARTNERS)) == "Могилёв"
        assert page.card.value("dates") == "8–20 апреля 2025\u00a0г."
        assert page.card.value("countries") == "Беларусь"

        again = page.edit_record()
        assert isinstance(again, EventEditor)
        assert again.dates.value() == stored.dates
        assert again.dates.start.value() == dt.date(2025, 4, 8)
        assert again.inputs["participant_count"].text() == "150"
        assert again.partners.ids() == [mogilev.id]
        assert not again.is_dirty()


def test_a_month_only_event(qtbot: QtBot, services: Services) -> None:
    page = _page(qtbot, services)
    editor = page.new_record()
    assert isinstance(editor, EventEditor)
    type_text(editor.inputs["name"], "Онлайн-флешмоб «Катюша»")
    dates = editor.dates
    dates.precision.setCurrentIndex(dates.precision.findData(DatePrecision.MONTH.value))
    assert dates.pages.currentIndex() == 2
    dates.month.setCurrentIndex(4)  # May
    dates.year.setValue(2020)
    editor.format.setCurrentIndex(editor.format.findData(EventFormat.ONLINE.value))
    click_save(editor)
    assert not editor.isVisible()
    [stored] = services.events.list().items
    assert stored.dates == FuzzyDate.month(2020, 5)
    assert stored.format is EventFormat.ONLINE
    assert page.model.data(page.model.index(0, COL_DATES)) == "May 2020"
    with language("ru"):
        assert stored.dates.format("ru") == "май"


def test_end_before_start_is_marked_inline_and_nothing_is_lost(
    qtbot: QtBot, services: Services
) -> None:
    page = _page(qtbot, services)
    editor = page.new_record()
    assert isinstance(editor, EventEditor)
    type_text(editor.inputs["name"], "Выставка")
    type_text(editor.texts["content"], "Фотографии городов-побратимов")
    dates = editor.dates
    dates.precision.setCurrentIndex(dates.precision.findData(DatePrecision.RANGE.value))
    dates.start.set_value(dt.date(2025, 4, 20))
    dates.end.set_value(dt.date(2025, 4, 8))
    click_save(editor)
    assert editor.isVisible()
    assert editor.errors.has_error("dates")
    assert "before the start" in editor.errors.message("dates")
    assert services.events.list().total == 0
    assert editor.inputs["name"].text() == "Выставка"
    assert editor.texts["content"].toPlainText() == "Фотографии городов-побратимов"
    assert dates.start.value() == dt.date(2025, 4, 20)

    # A typed range the wrong way round is refused the same way, and the text stays.
    type_text(dates.text, "20–8 апреля 2025")
    assert not editor.errors.has_error("dates")  # typing clears the mark
    type_text(editor.inputs["participant_count"], "много")
    click_save(editor)
    assert editor.errors.has_error("dates")
    assert editor.errors.message("participant_count") == "must be a whole number"
    assert dates.text.text() == "20–8 апреля 2025"
    assert services.events.list().total == 0

    dates.text.clear()
    dates.end.set_value(dt.date(2025, 4, 28))
    editor.inputs["participant_count"].setText("40")
    click_save(editor)
    assert not editor.isVisible()
    [stored] = services.events.list().items
    assert stored.dates == FuzzyDate.range(dt.date(2025, 4, 20), dt.date(2025, 4, 28))


def test_text_that_cannot_be_read_names_the_dates_field(qtbot: QtBot) -> None:
    field = FuzzyDateField()
    qtbot.addWidget(field)
    field.set_value(FuzzyDate.day(dt.date(2020, 6, 5)))
    type_text(field.text, "скоро")
    with pytest.raises(ValidationError) as caught:
        field.value()
    assert caught.value.fields == ["dates"]
    assert field.current_precision() is DatePrecision.DAY  # the fields kept their value
    field.text.clear()
    assert field.value() == FuzzyDate.day(dt.date(2020, 6, 5))
    # A text without a year takes the year the fields show.
    type_text(field.text, "май")
    assert field.value() == FuzzyDate.month(2020, 5)


def test_changing_the_precision_carries_the_date_over(qtbot: QtBot) -> None:
    field = FuzzyDateField()
    qtbot.addWidget(field)
    field.set_value(FuzzyDate.day(dt.date(2020, 6, 5)))
    field.precision.setCurrentIndex(field.precision.findData(DatePrecision.RANGE.value))
    assert field.start.value() == dt.date(2020, 6, 5)
    field.end.set_value(dt.date(2020, 6, 9))
    assert field.value() == FuzzyDate.range(dt.date(2020, 6, 5), dt.date(2020, 6, 9))
    field.precision.setCurrentIndex(field.precision.findData(DatePrecision.MONTH.value))
    assert field.value() == FuzzyDate.month(2020, 6)
    field.precision.setCurrentIndex(field.precision.findData(DatePrecision.DAY.value))
    assert field.value() == FuzzyDate.day(dt.date(2020, 6, 1))


def test_filters_by_period_kind_country_and_text(qtbot: QtBot, services: Services) -> None:
    minsk = services.partners.create(Partner(name_ru="Минск", country_code="BY"))
    events = services.events
    events.create(_event("Форум в марте", FuzzyDate.day(dt.date(2020, 3, 5)), kind=EventKind.FORUM))
    events.create(
        _event(
            "Конференция в июне",
            FuzzyDate.range(dt.date(2020, 6, 8), dt.date(2020, 6, 20)),
            kind=EventKind.CONFERENCE,
            partner_ids=[minsk.id],
        )
    )
    events.create(
        _event(
            "Форум через год",
            FuzzyDate.month(2021, 5),
            kind=EventKind.FORUM,
            country_codes=["DE"],
            content="Встреча с делегацией Кёльна",
        )
    )
    page = _page(qtbot, services)
    period = page.period_filter
    assert page.model.rowCount() == 3

    period.set_quarter(2020, 2)
    assert period.current_mode() == QUARTER
    assert _names(page) == ["Конференция в июне"]

    period.set_mode(YEAR)
    assert period.year.value() == 2020
    assert _names(page) == ["Конференция в июне", "Форум в марте"]
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(EventKind.FORUM.value))
    assert _names(page) == ["Форум в марте"]

    period.set_mode(DATES)  # an open "from" date: everything from May 2021 on
    period.date_from.set_value(dt.date(2021, 5, 31))
    assert _names(page) == ["Форум через год"]

    page.clear_filters()
    assert page.model.rowCount() == 3
    # A country counts when it is named on the event or is a linked partner's.
    page.country_filter.set_country_code("BY")
    assert _names(page) == ["Конференция в июне"]
    page.country_filter.set_country_code("DE")
    assert _names(page) == ["Форум через год"]

    page.clear_filters()
    assert page.model.rowCount() == 3
    page.country_filter.set_country_code("DE")  # the country chosen before the clearing
    assert _names(page) == ["Форум через год"]

    page.clear_filters()
    type_text(page.text_filter, "кёльн")  # the content is searched too
    assert _names(page) == ["Форум через год"]


def test_the_card_links_to_partners_and_the_municipality(qtbot: QtBot, services: Services) -> None:
    brest = services.partners.create(Partner(name_ru="Брест", country_code="BY"))
    town = services.municipalities.create(Municipality(name_ru="Смоленск"))
    services.events.create(
        _event(
            "Визит",
            FuzzyDate.day(dt.date(2024, 9, 1)),
            partner_ids=[brest.id],
            municipality_id=town.id,
        )
    )
    page = _page(qtbot, services)
    opened: list[tuple[str, uuid.UUID]] = []
    page.open_record.connect(lambda kind, key: opened.append((kind, key)))
    page.table.selectRow(0)
    assert page.card.partners.isVisible()
    assert page.card.partners.titles() == [f'<a href="partner:{brest.id}">Брест</a>']
    assert not page.card.agreements.isVisible()  # none linked: no empty heading
    page.card.partners.links.linkActivated.emit(f"partner:{brest.id}")
    page.card.values["municipality"].linkActivated.emit(f"municipality:{town.id}")
    assert opened == [("partner", brest.id), ("municipality", town.id)]
    assert page.document_choice() is None


def test_delete_then_undo_restores(qtbot: QtBot, services: Services) -> None:
    services.events.create(_event("Фестиваль", FuzzyDate.day(dt.date(2023, 7, 1))))
    page = _page(qtbot, services)
    questions = delete_first_row(page)
    assert questions == ["Delete the event Фестиваль?"]
    assert services.events.list().total == 0
    assert page.model.rowCount() == 0
    assert page.undo_button.isVisible()
    QTest.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert services.events.list().total == 1
    assert page.model.rowCount() == 1
    selected = page.selected_record()
    assert selected is not None and selected.name == "Фестиваль"
