"""Agreements as a lazy table. Partner and body names are fetched once per loaded page (one query
per kind), not per cell."""

from __future__ import annotations

import uuid
from typing import Any

from mumidesk.domain.agreements import Agreement
from mumidesk.i18n import _
from mumidesk.services.agreements import AgreementFilter, AgreementService
from mumidesk.ui.agreements.format import (
    own_side,
    partner_names,
    short_date,
    status_colour,
    term_text,
)
from mumidesk.ui.models.linked_names import NamingService
from mumidesk.ui.models.record_table import (
    ID_ROLE,
    PAGE_SIZE,
    RECORD_ROLE,
    Column,
    RecordTableModel,
)

__all__ = ["ID_ROLE", "PAGE_SIZE", "RECORD_ROLE", "AgreementTableModel", "columns"]

COL_TITLE = 0
COL_KIND = 1
COL_STATUS = 2
COL_PARTNERS = 3
COL_OWN = 4
COL_SIGNED = 5
COL_REG_NUMBER = 6
COL_REGISTERED = 7
COL_TERM = 8


def columns(labels: dict[uuid.UUID, str]) -> list[Column[Agreement]]:
    """The columns; ``labels`` maps the ids of partners, municipalities and bodies to names."""
    return [
        Column("title", lambda: _("Title"), lambda a: a.title, "title"),
        Column("kind", lambda: _("Kind"), lambda a: a.kind.label(), "kind"),
        Column(
            "status",
            lambda: _("Status"),
            lambda a: a.status.label(),
            "status",
            colour=lambda a: status_colour(a.status),
        ),
        Column("partners", lambda: _("Partners"), lambda a: partner_names(a, labels)),
        Column("own", lambda: _("Our side"), lambda a: own_side(a, labels)),
        Column("signed", lambda: _("Signed on"), lambda a: short_date(a.signed_date), "signed"),
        Column(
            "registration_number",
            lambda: _("Registration no."),
            lambda a: a.registration_number,
            "registration_number",
        ),
        Column(
            "registered",
            lambda: _("Registered on"),
            lambda a: short_date(a.registration_date),
            "registered",
        ),
        Column("term", lambda: _("Term / valid until"), term_text, "expires"),
    ]


class AgreementTableModel(RecordTableModel[Agreement]):
    def __init__(self, service: AgreementService, parent: Any = None) -> None:
        self.naming: NamingService[Agreement] = NamingService(service, service.party_labels)
        self.labels = self.naming.names
        super().__init__(
            self.naming,
            columns(self.labels),
            AgreementFilter(),
            sort="signed",
            descending=True,
            parent=parent,
        )

    def reload(self) -> None:
        self.naming.forget()  # a renamed partner shows its new name
        super().reload()
