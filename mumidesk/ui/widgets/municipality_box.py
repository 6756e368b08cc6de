"""A choice of one own municipality, as editors and filter bars offer it: "none" (or "all") first,
then the municipalities in the service's order (by name)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import QComboBox

from mumidesk.domain.municipalities import Municipality
from mumidesk.services.registry import Services
from mumidesk.ui.lookups import describe


class MunicipalityBox(QComboBox):
    """``empty_text`` names the first item (no municipality / all of them). ``keep_unknown``: a
    record pointing to a municipality deleted since shows its name, and saving keeps it (editors);
    without it such an id selects the first item (filters). ``municipalities`` (default: all)
    saves a query where the caller has them already."""

    def __init__(
        self,
        services: Services,
        empty_text: str,
        *,
        keep_unknown: bool = False,
        municipalities: Iterable[Municipality] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._keep_unknown = keep_unknown
        # Ids are kept as text: Qt's findData cannot compare Python UUID objects.
        self.addItem(empty_text, "")
        self._fill(services.municipalities.all() if municipalities is None else municipalities)

    def _fill(self, municipalities: Iterable[Municipality]) -> None:
        for municipality in municipalities:
            self.addItem(municipality.name_ru, str(municipality.id))

    def reload(self) -> None:
        """Read the municipalities again (one was added or renamed), keeping the choice; the
        choice does not count as changed unless its municipality is gone."""
        chosen = self.municipality_id()
        self.blockSignals(True)
        while self.count() > 1:
            self.removeItem(1)
        self._fill(self._services.municipalities.all())
        self.blockSignals(False)
        index = self.findData(str(chosen) if chosen else "")
        if index < 0 and chosen is not None and not self._keep_unknown:
            self.setCurrentIndex(0)  # gone: the filter or the field falls back, visibly
        else:
            self.set_municipality_id(chosen)

    def municipality_id(self) -> uuid.UUID | None:
        data = self.currentData()
        return uuid.UUID(data) if data else None

    def set_municipality_id(self, key: uuid.UUID | None) -> None:
        index = self.findData(str(key) if key else "")
        if index < 0 and key is not None and self._keep_unknown:
            self.addItem(describe(self._services, "municipality")(key), str(key))
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))
