"""Names of the records a table's rows point to (partners, municipalities, agreements …), kept
while the table is shown: a table repaints its cells often, and a query a cell would make
scrolling slow. Two ways to fill them:

- ``LinkedNames`` asks once per id, when a cell first needs it (from the search index);
- ``NamingService`` wraps an area service so each page the model fetches brings the names of its
  rows in one call (``name_page``), before the rows are shown.

Either is forgotten on ``reload`` so a renamed partner shows its new name
(``LinkedNamesTableModel`` does that for a model using ``LinkedNames``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Generic, TypeVar

from mumidesk.services.registry import Services
from mumidesk.ui.lookups import describe
from mumidesk.ui.models.record_table import Column, PagedService, RecordTableModel

D = TypeVar("D")


class LinkedNames:
    """Titles asked once per (kind, id) and kept; municipalities (few) all in one query."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self._municipalities: dict[uuid.UUID, str] | None = None
        self._titles: dict[tuple[str, uuid.UUID], str] = {}

    def municipality(self, key: uuid.UUID | None) -> str:
        if key is None:
            return ""
        if self._municipalities is None:  # few of them: all in one query
            self._municipalities = {
                m.id: m.name_ru for m in self._services.municipalities.all() if m.id is not None
            }
        name = self._municipalities.get(key)
        return name if name is not None else self.title("municipality", key)

    def title(self, kind: str, key: uuid.UUID) -> str:
        if (kind, key) not in self._titles:
            self._titles[kind, key] = describe(self._services, kind)(key)
        return self._titles[kind, key]

    def titles(self, kind: str, keys: Iterable[uuid.UUID]) -> list[str]:
        return [self.title(kind, key) for key in keys]

    def forget(self) -> None:
        """Names may have changed (a partner renamed): ask again."""
        self._municipalities = None
        self._titles.clear()


class NamingService(Generic[D]):
    """An area service as a table model pages through it: every page fetched also brings the
    names of what its rows link to, from ``name_page(items)`` (one call a page), into ``names``."""

    def __init__(
        self,
        service: PagedService,
        name_page: Callable[[Sequence[D]], Mapping[uuid.UUID, str]],
    ) -> None:
        self._service = service
        self._name_page = name_page
        self.names: dict[uuid.UUID, str] = {}

    def list(self, flt: Any = None, **options: Any) -> Any:
        page = self._service.list(flt, **options)
        self.names.update(self._name_page(page.items))
        return page

    def missing(self, keys: Iterable[uuid.UUID | None]) -> set[uuid.UUID]:
        """The ids among ``keys`` not named yet (for a ``name_page`` that asks only for those)."""
        return {key for key in keys if key is not None} - self.names.keys()

    def forget(self) -> None:
        self.names.clear()


class LinkedNamesTableModel(RecordTableModel[D]):
    """A table whose columns name linked records through ``self.names`` (``columns_of(names)``
    builds them); the names are asked again on every reload."""

    def __init__(
        self,
        services: Services,
        service: PagedService,
        columns_of: Callable[[LinkedNames], Sequence[Column[D]]],
        empty_filter: Any,
        *,
        sort: str,
        descending: bool = False,
        parent: Any = None,
    ) -> None:
        self.names = LinkedNames(services)
        super().__init__(
            service,
            columns_of(self.names),
            empty_filter,
            sort=sort,
            descending=descending,
            parent=parent,
        )

    def reload(self) -> None:
        self.names.forget()
        super().reload()
