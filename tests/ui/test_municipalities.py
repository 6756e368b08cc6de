"""The own side's reference data: a region and a municipality with its signing bodies, entered by
typing; body ids survive reordering (agreements refer to them)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from mumidesk.domain.enums import BodyKind
from mumidesk.domain.municipalities import MunicipalBody, Municipality
from mumidesk.services.registry import Services
from mumidesk.ui.municipalities.municipality_editor import MunicipalityEditor
from mumidesk.ui.municipalities.reference_dialog import ReferenceDialog
from mumidesk.ui.municipalities.region_editor import RegionEditor
from tests.ui.helpers import click_save
from tests.ui.typing_helper import type_text


def _dialog(qtbot: QtBot, services: Services) -> ReferenceDialog:
    dialog = ReferenceDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_region_then_municipality_with_bodies(qtbot: QtBot, services: Services) -> None:
    dialog = _dialog(qtbot, services)
    dialog.tabs.setCurrentWidget(dialog.regions)
    region_editor = dialog.regions.new_record()
    assert isinstance(region_editor, RegionEditor)
    type_text(region_editor.inputs["name_ru"], "Смоленская область")
    type_text(region_editor.inputs["name_ru_genitive"], "Смоленской области")
    type_text(region_editor.inputs["code"], "RU-SMO")
    click_save(region_editor)
    (region,) = services.regions.all()
    assert region.name_ru_genitive == "Смоленской области"

    editor = dialog.municipalities.new_record()
    assert isinstance(editor, MunicipalityEditor)
    assert editor.region.findText("Смоленская область") >= 0  # the new region is offered
    type_text(editor.inputs["name_ru"], "Смоленск")
    type_text(editor.population, "12 x")
    editor.region.setCurrentIndex(editor.region.findText("Смоленская область"))
    editor.bodies.add_row({"kind": "administration", "name_ru": "Администрация города Смоленска"})
    editor.bodies.add_row({"kind": "representative", "name_ru": "Смоленский городской Совет"})
    click_save(editor)
    assert editor.errors.message("population") == "must be a whole number"
    assert editor.isVisible() and services.municipalities.list().total == 0
    assert editor.bodies.row_count() == 2  # nothing typed is lost

    editor.population.clear()
    type_text(editor.population, "316 570")
    click_save(editor)
    (town,) = services.municipalities.all()
    assert town.population == 316570 and town.region_id == region.id
    assert [b.kind for b in town.bodies] == [BodyKind.ADMINISTRATION, BodyKind.REPRESENTATIVE]
    assert dialog.municipalities.selected_record().id == town.id


def test_body_ids_survive_reordering(qtbot: QtBot, services: Services) -> None:
    town = services.municipalities.create(
        Municipality(
            name_ru="Калуга",
            bodies=[
                MunicipalBody(kind=BodyKind.ADMINISTRATION, name_ru="Городская Управа"),
                MunicipalBody(kind=BodyKind.REPRESENTATIVE, name_ru="Городская Дума"),
            ],
        )
    )
    ids = {b.name_ru: b.id for b in town.bodies}
    dialog = _dialog(qtbot, services)
    dialog.municipalities.table.selectRow(0)
    editor = dialog.municipalities.edit_record()
    assert isinstance(editor, MunicipalityEditor)
    editor.bodies.table.setCurrentCell(1, 0)
    editor.bodies.move_selected(-1)
    editor.bodies.set_value(0, "head_name", "Иванов Иван Иванович")
    click_save(editor)
    stored = services.municipalities.get(town.id)
    assert [b.name_ru for b in stored.bodies] == ["Городская Дума", "Городская Управа"]
    assert {b.name_ru: b.id for b in stored.bodies} == ids
    assert stored.bodies[0].head_name == "Иванов Иван Иванович"


def test_a_body_without_a_name_is_marked_with_its_row(qtbot: QtBot, services: Services) -> None:
    dialog = _dialog(qtbot, services)
    editor = dialog.municipalities.new_record()
    assert isinstance(editor, MunicipalityEditor)
    type_text(editor.inputs["name_ru"], "Тула")
    editor.bodies.add_row({"kind": "head", "name_ru": ""})
    click_save(editor)
    assert editor.errors.has_error("bodies")
    assert editor.errors.message("bodies").startswith("row 1: ")
    assert services.municipalities.list().total == 0
