from __future__ import annotations

from pytestqt.qtbot import QtBot

from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.organisations import Person
from mumidesk.services.registry import Services
from mumidesk.ui.editors.person_editor import PersonEditor
from mumidesk.ui.widgets.municipality_box import MunicipalityBox
from tests.ui.helpers import click_save


def test_box_lists_municipalities_and_reads_the_chosen_id(qtbot: QtBot, services: Services) -> None:
    vyazma = services.municipalities.create(Municipality(name_ru="Вязьма"))
    smolensk = services.municipalities.create(Municipality(name_ru="Смоленск"))
    box = MunicipalityBox(services, "—")
    qtbot.addWidget(box)
    assert [box.itemText(i) for i in range(box.count())] == ["—", "Вязьма", "Смоленск"]
    assert box.municipality_id() is None
    box.set_municipality_id(smolensk.id)
    assert box.municipality_id() == smolensk.id
    box.set_municipality_id(None)
    assert box.municipality_id() is None
    assert vyazma.id is not None


def test_a_filter_box_falls_back_to_all_for_an_unknown_id(qtbot: QtBot, services: Services) -> None:
    gone = services.municipalities.create(Municipality(name_ru="Ельня"))
    assert gone.id is not None
    services.municipalities.delete(gone.id)
    box = MunicipalityBox(services, "All municipalities")
    qtbot.addWidget(box)
    box.set_municipality_id(gone.id)
    assert box.currentIndex() == 0 and box.municipality_id() is None


def test_an_editor_keeps_a_municipality_deleted_since(qtbot: QtBot, services: Services) -> None:
    gone = services.municipalities.create(Municipality(name_ru="Ельня"))
    assert gone.id is not None
    person = services.people.create(Person(last_name="Иванова", municipality_id=gone.id))
    services.municipalities.delete(gone.id)
    editor = PersonEditor(services, person, ask_discard=lambda _p: True, inform=lambda *_a: None)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.municipality.municipality_id() == gone.id  # not "none", so saving keeps it
    click_save(editor)
    assert services.people.get(person.id).municipality_id == gone.id  # type: ignore[arg-type]
