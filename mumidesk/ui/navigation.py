"""The areas of the main window, in the order of the navigation list.

Each page is built the first time it is shown (imports included): the window opens as fast as
its first page, not as slow as all eight.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QWidget

from mumidesk.i18n import _


@dataclass(frozen=True)
class AreaSpec:
    key: str
    title: Callable[[], str]
    module: str  # where the page class lives (imported on first use)
    class_name: str
    kinds: tuple[str, ...] = ()  # the record kinds this area shows (search results, links)

    def build(self, services: Any, parent: QWidget) -> QWidget:
        page_class = getattr(importlib.import_module(self.module), self.class_name)
        page: QWidget = page_class(services, parent)
        return page


AREAS: tuple[AreaSpec, ...] = (
    AreaSpec(
        "dashboard", lambda: _("Dashboard"), "mumidesk.ui.pages.dashboard_page", "DashboardPage"
    ),
    AreaSpec(
        "partners",
        lambda: _("Partners"),
        "mumidesk.ui.pages.partners_page",
        "PartnersPage",
        ("partner",),
    ),
    AreaSpec(
        "agreements",
        lambda: _("Agreements"),
        "mumidesk.ui.pages.agreements_page",
        "AgreementsPage",
        ("agreement",),
    ),
    AreaSpec(
        "delegations",
        lambda: _("Delegations"),
        "mumidesk.ui.pages.delegations_page",
        "DelegationsPage",
        ("delegation",),
    ),
    AreaSpec(
        "events", lambda: _("Events"), "mumidesk.ui.pages.events_page", "EventsPage", ("event",)
    ),
    AreaSpec(
        "exchanges",
        lambda: _("Exchange programmes"),
        "mumidesk.ui.pages.exchanges_page",
        "ExchangesPage",
        ("exchange",),
    ),
    AreaSpec(
        "organisations",
        lambda: _("Organisations & people"),
        "mumidesk.ui.pages.organisations_page",
        "OrganisationsAndPeoplePage",
        ("organisation", "person"),
    ),
    AreaSpec(
        "documents", lambda: _("Documents"), "mumidesk.ui.documents.documents_page", "DocumentsPage"
    ),
)


def area_of_kind(kind: str) -> AreaSpec | None:
    return next((area for area in AREAS if kind in area.kinds), None)


def area(key: str) -> AreaSpec:
    return next(a for a in AREAS if a.key == key)
