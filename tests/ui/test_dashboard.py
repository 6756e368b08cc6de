"""The dashboard driven through its widgets: deadlines coloured by urgency, counts as the
services count them, and every click leading to a record or an area."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTreeWidget
from pytestqt.qtbot import QtBot

from mumidesk.domain.agreements import Agreement
from mumidesk.domain.enums import DeadlineKind
from mumidesk.domain.partners import Partner
from mumidesk.services.demo import demo_id, load_demo
from mumidesk.services.registry import Services
from mumidesk.settings import Settings
from mumidesk.ui.dashboard.deadlines_list import URGENCY_COLOURS, Urgency
from mumidesk.ui.dashboard.texts import days_left_text, number
from mumidesk.ui.pages.dashboard_page import DashboardPage

TODAY = dt.date(2026, 12, 5)


def _page(
    qtbot: QtBot, services: Services, today: dt.date = TODAY, **settings: int
) -> DashboardPage:
    page = DashboardPage(
        services,
        today=lambda: today,
        settings=lambda: Settings(**settings),  # type: ignore[arg-type]
    )
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.refresh()
    return page


def _double_click(tree: QTreeWidget, row: int) -> None:
    item = tree.topLevelItem(row)
    rect = tree.visualItemRect(item)
    spot = QPoint(rect.left() + 20, rect.center().y())
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    QTest.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=spot)


def test_days_left_in_words() -> None:
    assert days_left_text(TODAY, TODAY) == "today"
    assert days_left_text(TODAY + dt.timedelta(days=1), TODAY) == "tomorrow"
    assert days_left_text(TODAY + dt.timedelta(days=3), TODAY) == "in 3 days"
    assert days_left_text(TODAY - dt.timedelta(days=1), TODAY) == "1 day overdue"
    assert days_left_text(TODAY - dt.timedelta(days=2), TODAY) == "2 days overdue"


def test_demo_deadlines_coloured_counts_and_click_through(qtbot: QtBot, services: Services) -> None:
    load_demo(services)
    # A draft to be signed in 15 days: its approval request was due a month ago.
    late = services.agreements.create(
        Agreement(title="Соглашение с Гомелем", planned_signing_date=TODAY + dt.timedelta(15))
    )
    page = _page(qtbot, services, reminder_days=30, urgent_days=7)

    shown = page.deadlines
    assert [(d.kind, d.subject_id) for d in shown.deadlines] == [
        (DeadlineKind.APPROVAL_REQUEST, late.id),
        (DeadlineKind.PROLONGATION_NOTICE, demo_id("agreement/kaluga/tula_duma")),
        (DeadlineKind.EXPIRY_NOTICE, demo_id("agreement/kaluga/smolensk_council")),
    ]
    assert [shown.urgency_of(i) for i in range(3)] == [
        Urgency.OVERDUE,
        Urgency.URGENT,
        Urgency.NORMAL,
    ]
    texts = [shown.topLevelItem(i).text(1) for i in range(3)]
    assert texts == ["30 days overdue", "in 7 days", "in 11 days"]
    overdue = shown.topLevelItem(0)
    assert overdue.background(0).color() == QColor(URGENCY_COLOURS[Urgency.OVERDUE][0])
    assert overdue.text(3) == "Соглашение с Гомелем"
    assert "expires on January 15, 2027" in shown.topLevelItem(2).toolTip(0)
    assert page.deadlines_box.title() == "Due within 30 days"

    summary = services.statistics.summary()
    tiles = page.counts.tiles
    assert tiles["partners"].value_label.text() == number(summary.partners) == "68"
    assert tiles["agreements"].value_label.text() == "2"  # registered + prolonged
    assert tiles["events"].value_label.text() == "0"
    assert tiles["participants"].value_label.text() == number(
        services.statistics.participants_total(2026, 2026)
    )
    assert page.countries.rows[0] == ("Russia", 7)
    assert len(page.countries.rows) == 10
    assert len(page.map.points) == 68

    with qtbot.waitSignal(page.open_record) as opened:
        _double_click(shown, 1)
    assert opened.args == ["agreement", demo_id("agreement/kaluga/tula_duma")]


def test_report_deadline_opens_documents_and_tiles_open_areas(
    qtbot: QtBot, services: Services
) -> None:
    page = _page(qtbot, services, today=dt.date(2026, 12, 20), reminder_days=30)
    kinds = [d.kind for d in page.deadlines.deadlines]
    assert kinds == [DeadlineKind.QUARTERLY_REPORT, DeadlineKind.ANNUAL_REPORT]
    assert page.deadlines.topLevelItem(0).text(3) == "quarter IV of 2026"
    with qtbot.waitSignal(page.open_area) as opened:
        _double_click(page.deadlines, 0)
    assert opened.args == ["documents"]
    with qtbot.waitSignal(page.open_area) as opened:
        QTest.mouseClick(page.counts.tiles["participants"], Qt.MouseButton.LeftButton)
    assert opened.args == ["exchanges"]


def test_nothing_due_and_no_changes_are_said(qtbot: QtBot, services: Services) -> None:
    page = _page(qtbot, services, today=dt.date(2026, 11, 11), reminder_days=5)
    assert page.deadlines.deadlines == []
    assert page.deadlines.topLevelItem(0).text(0) == "Nothing falls due in the next 5 days."
    assert page.recent.topLevelItem(0).text(0) == "No changes yet."
    assert page.countries.footer() == "No partners yet."


def test_recent_changes_open_the_record_or_say_it_is_gone(qtbot: QtBot, services: Services) -> None:
    brest = services.partners.create(
        Partner(name_ru="Брест", country_code="BY", latitude=52.1, longitude=23.7)
    )
    gone = services.partners.create(Partner(name_ru="Лусака", country_code="ZM"))
    services.partners.delete(gone.id)  # type: ignore[arg-type]
    page = _page(qtbot, services)

    recent = page.recent
    rows = [[recent.topLevelItem(i).text(c) for c in range(1, 5)] for i in range(2)]
    assert rows == [
        ["tester", "Deleted", "Partner", "Лусака"],
        ["tester", "Created", "Partner", "Брест"],
    ]
    assert recent.topLevelItem(1).text(0).startswith("today, ")
    with qtbot.waitSignal(page.status_message) as said:
        _double_click(recent, 0)
    assert "Лусака" in said.args[0]
    with qtbot.waitSignal(page.open_record) as opened:
        _double_click(recent, 1)
    assert opened.args == ["partner", brest.id]

    # The map has one dot: clicking it opens the city.
    page.map.resize(300, 200)
    spot = page.map.project(52.1, 23.7).toPoint()
    with qtbot.waitSignal(page.open_record) as opened:
        QTest.mouseClick(page.map, Qt.MouseButton.LeftButton, pos=spot)
    assert opened.args == ["partner", brest.id]
    assert isinstance(opened.args[1], uuid.UUID)


def test_first_show_loads_the_data(qtbot: QtBot, services: Services) -> None:
    services.partners.create(Partner(name_ru="Гомель", country_code="BY"))
    page = DashboardPage(services, today=lambda: TODAY, settings=Settings)
    qtbot.addWidget(page)
    assert not page.loaded
    page.show()
    # The first load runs on a worker thread; its figures arrive a moment later.
    qtbot.waitUntil(lambda: page.counts.tiles["partners"].value_label.text() == "1")
    assert page.loaded
