"""People as a lazy table. A person points to an organisation and a municipality by id; their
names are fetched once per loaded page (one query), not once per painted cell."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from mumidesk.domain.organisations import Person
from mumidesk.i18n import _
from mumidesk.services.crud import CrudService
from mumidesk.services.organisations import OrganisationService, PersonFilter, PersonService
from mumidesk.ui.models.linked_names import NamingService
from mumidesk.ui.models.organisation_table import format_phone
from mumidesk.ui.models.record_table import Column, RecordTableModel

COL_NAME = 0
COL_POSITION = 1
COL_ORGANISATION = 2
COL_MUNICIPALITY = 3
COL_PHONE = 4
COL_EMAIL = 5


class PersonTableModel(RecordTableModel[Person]):
    def __init__(
        self,
        people: PersonService,
        organisations: OrganisationService,
        municipalities: CrudService[Any, Any, Any],
        parent: Any = None,
    ) -> None:
        self._organisations = organisations
        self._municipalities = municipalities
        self.naming: NamingService[Person] = NamingService(people, self._name_page)
        self._municipality_names: dict[uuid.UUID, str] = {}
        columns: list[Column[Person]] = [
            Column("name", lambda: _("Full name"), lambda p: p.full_name, "name"),
            Column("position", lambda: _("Position"), lambda p: p.position, "position"),
            Column(
                "organisation",
                lambda: _("Organisation"),
                self._name_of(self.naming.names, "organisation_id"),
                "organisation",
            ),
            Column(
                "municipality",
                lambda: _("Municipality"),
                self._name_of(self._municipality_names, "municipality_id"),
                "municipality",
            ),
            Column("phone", lambda: _("Phone"), lambda p: format_phone(p.phone), "phone"),
            Column("email", lambda: _("E-mail"), lambda p: p.email, "email"),
        ]
        super().__init__(self.naming, columns, PersonFilter(), sort="name", parent=parent)

    @staticmethod
    def _name_of(names: dict[uuid.UUID, str], field: str) -> Callable[[Person], str]:
        def text(person: Person) -> str:
            key = getattr(person, field)
            return names.get(key, "") if key is not None else ""

        return text

    def _name_page(self, items: Sequence[Person]) -> dict[uuid.UUID, str]:
        """The names of the organisations of a page's people not named yet (one query)."""
        missing = self.naming.missing(p.organisation_id for p in items)
        return self._organisations.names(missing) if missing else {}

    def reload(self) -> None:
        # Municipalities are few (one region's): all names at once, fresh on every reload.
        self._municipality_names.clear()
        self._municipality_names.update(
            {m.id: m.name_ru for m in self._municipalities.all() if m.id is not None}
        )
        self.naming.forget()
        super().reload()
