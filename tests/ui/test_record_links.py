from __future__ import annotations

import uuid

from pytestqt.qtbot import QtBot

from mumidesk.ui.widgets.record_links import LinkList, link_html, links_html, parse_link


def test_links_round_trip_and_escape() -> None:
    key = uuid.uuid4()
    assert link_html("partner", key, "A & B") == f'<a href="partner:{key}">A &amp; B</a>'
    assert link_html("partner", None, "A & B") == "A &amp; B"  # no record: plain text
    assert link_html("partner", key, "") == ""
    assert parse_link(f"partner:{key}") == ("partner", key)
    assert parse_link("people-of:not-an-id") is None
    other = uuid.uuid4()
    assert links_html("event", [(key, "Первый"), (other, "Второй")]) == (
        f'<a href="event:{key}">Первый</a><br><a href="event:{other}">Второй</a>'
    )


def test_link_list_reports_a_click(qtbot: QtBot) -> None:
    links = LinkList("Partners")
    qtbot.addWidget(links)
    key = uuid.uuid4()
    opened: list[tuple[str, object]] = []
    links.activated.connect(lambda kind, k: opened.append((kind, k)))
    links.show_links("partner", [(key, "Брест")])
    assert links.titles() == [f'<a href="partner:{key}">Брест</a>']
    links.links.linkActivated.emit(f"partner:{key}")
    links.activate(0)
    assert opened == [("partner", key), ("partner", key)]
    links.show_links("partner", [])
    assert links.isHidden()
