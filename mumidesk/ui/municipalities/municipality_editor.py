"""Create or edit an own municipality and the bodies that sign for it (administration, duma,
head), with the head's name and position as the agreements' preambles need them."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QTabWidget, QWidget

from mumidesk.domain.enums import BodyKind, MunicipalityKind
from mumidesk.domain.errors import FieldProblem, ValidationError
from mumidesk.domain.municipalities import MunicipalBody, Municipality
from mumidesk.i18n import _
from mumidesk.services.registry import Services
from mumidesk.ui.editors.record_editor import RecordEditor
from mumidesk.ui.widgets.number_text import parse_int
from mumidesk.ui.widgets.sub_table import CHOICE, SubColumn, SubTable


class MunicipalityEditor(RecordEditor):
    TEXT_FIELDS = ("name_ru", "name_en", "official_name_ru", "website")

    def __init__(self, services: Services, record: Municipality | None, parent: Any = None):
        super().__init__(record, parent)
        self._services = services
        self.setWindowTitle(_("New municipality") if record is None else _("Edit municipality"))
        self.resize(720, 480)
        self.inputs = {name: QLineEdit() for name in self.TEXT_FIELDS}
        self.inputs["official_name_ru"].setPlaceholderText(
            _("As the report heading has it, e.g. «Муниципальное образование «город Смоленск»")
        )
        self.population = QLineEdit()
        self.kind = QComboBox()
        for kind in MunicipalityKind:
            self.kind.addItem(kind.label(), kind.value)
        self.region = QComboBox()
        self.region.addItem(_("No region"), "")
        for region in services.regions.all():
            self.region.addItem(region.name_ru, str(region.id))
        self.bodies = SubTable(
            [
                SubColumn("kind", _("Body"), CHOICE, [(k.value, k.label()) for k in BodyKind], 190),
                SubColumn("name_ru", _("Name (Russian)"), width=220),
                SubColumn("name_en", _("Name (English)"), width=160),
                SubColumn("head_name", _("Head: full name"), width=160),
                SubColumn("head_position", _("Head: position")),
            ]
        )
        general = QWidget()
        form = QFormLayout(general)
        labels = {
            "name_ru": _("Name (Russian)"),
            "name_en": _("Name (English)"),
            "official_name_ru": _("Official name"),
            "kind": _("Kind"),
            "region_id": _("Region"),
            "population": _("Population"),
            "website": _("Website"),
        }
        widgets: dict[str, QWidget] = {
            **self.inputs,
            "kind": self.kind,
            "region_id": self.region,
            "population": self.population,
        }
        for name in ("name_ru", "name_en", "official_name_ru", "kind", "region_id"):
            form.addRow(labels[name], self.errors.wrap(name, widgets[name]))
        for name in ("population", "website"):
            form.addRow(labels[name], self.errors.wrap(name, widgets[name]))
        tabs = QTabWidget()
        tabs.addTab(general, _("General"))
        tabs.addTab(self.errors.wrap("bodies", self.bodies), _("Bodies"))
        self.body.addWidget(tabs)
        self.finish_setup(record)

    def load(self, record: Any | None) -> None:
        item = record or Municipality(name_ru="")
        for name in self.TEXT_FIELDS:
            self.inputs[name].setText(getattr(item, name))
        self.population.setText("" if item.population is None else str(item.population))
        self.kind.setCurrentIndex(max(self.kind.findData(item.kind.value), 0))
        region = str(item.region_id) if item.region_id else ""
        self.region.setCurrentIndex(max(self.region.findData(region), 0))
        self.bodies.set_rows(
            [
                {
                    "kind": b.kind.value,
                    "name_ru": b.name_ru,
                    "name_en": b.name_en,
                    "head_name": b.head_name,
                    "head_position": b.head_position,
                    "id": b.id,
                }
                for b in item.bodies
            ]
        )

    def values(self) -> Any:
        return (
            {name: edit.text() for name, edit in self.inputs.items()},
            self.population.text(),
            self.kind.currentData(),
            self.region.currentData(),
            self.bodies.rows(),
        )

    def build_item(self) -> Municipality:
        problems: list[FieldProblem] = []
        population: int | None = None
        if self.population.text().strip():
            try:
                population = parse_int(self.population.text())
            except ValueError:
                problems.append(FieldProblem("population", _("must be a whole number")))
        rows, row_problems = self.bodies.read("bodies")
        problems += row_problems
        if problems:
            raise ValidationError(problems)
        base: Municipality | None = self.record
        bodies = [
            MunicipalBody(
                id=row.get("id"),  # kept: agreements refer to the body
                kind=BodyKind(row["kind"]),
                name_ru=row["name_ru"],
                name_en=row["name_en"],
                head_name=row["head_name"],
                head_position=row["head_position"],
            )
            for row in rows
        ]
        region = self.region.currentData()
        return Municipality(
            id=base.id if base else None,
            version=base.version if base else 0,
            name_ru=self.inputs["name_ru"].text().strip(),
            name_en=self.inputs["name_en"].text().strip(),
            official_name_ru=self.inputs["official_name_ru"].text().strip(),
            kind=MunicipalityKind(self.kind.currentData()),
            region_id=uuid.UUID(region) if region else None,
            population=population,
            website=self.inputs["website"].text().strip(),
            bodies=bodies,
        )

    def store(self, item: Any) -> Municipality:
        service = self._services.municipalities
        return service.create(item) if item.id is None else service.update(item)
