"""Create or edit the region (its genitive form titles the quarterly report)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLineEdit

from mumidesk.domain.municipalities import Region
from mumidesk.i18n import _
from mumidesk.services.registry import Services
from mumidesk.ui.editors.record_editor import RecordEditor


class RegionEditor(RecordEditor):
    FIELDS = ("name_ru", "name_ru_genitive", "name_en", "code")

    def __init__(self, services: Services, record: Region | None, parent: Any = None):
        super().__init__(record, parent)
        self._services = services
        self.setWindowTitle(_("New region") if record is None else _("Edit region"))
        self.setMinimumWidth(460)
        self.inputs = {name: QLineEdit() for name in self.FIELDS}
        self.inputs["name_ru_genitive"].setPlaceholderText(_("e.g. Смоленской области"))
        self.inputs["code"].setPlaceholderText("RU-SMO")
        labels = {
            "name_ru": _("Name (Russian)"),
            "name_ru_genitive": _("Name in the genitive"),
            "name_en": _("Name (English)"),
            "code": _("Code (ISO 3166-2)"),
        }
        form = QFormLayout()
        for name in self.FIELDS:
            form.addRow(labels[name], self.errors.wrap(name, self.inputs[name]))
        self.body.addLayout(form)
        self.finish_setup(record)

    def load(self, record: Any | None) -> None:
        item = record or Region(name_ru="")
        for name in self.FIELDS:
            self.inputs[name].setText(getattr(item, name))

    def values(self) -> Any:
        return {name: edit.text() for name, edit in self.inputs.items()}

    def build_item(self) -> Region:
        base: Region | None = self.record
        typed = {name: edit.text().strip() for name, edit in self.inputs.items()}
        return Region(
            id=base.id if base else None,
            version=base.version if base else 0,
            name_ru=typed["name_ru"],
            name_ru_genitive=typed["name_ru_genitive"],
            name_en=typed["name_en"],
            code=typed["code"],
        )

    def store(self, item: Any) -> Region:
        service = self._services.regions
        return service.create(item) if item.id is None else service.update(item)
