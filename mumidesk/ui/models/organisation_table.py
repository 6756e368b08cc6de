"""Organisations as a lazy table: the service filters, sorts and pages in SQL."""

from __future__ import annotations

from typing import Any

import phonenumbers

from mumidesk.domain.organisations import Organisation
from mumidesk.i18n import _, current_locale
from mumidesk.services.organisations import OrganisationFilter, OrganisationService
from mumidesk.ui.models.record_table import Column, RecordTableModel

COL_NAME = 0
COL_SHORT_NAME = 1
COL_KIND = 2
COL_COUNTRY = 3
COL_WEBSITE = 4
COL_EMAIL = 5
COL_PHONE = 6


def format_phone(stored: str) -> str:
    """A stored E.164 number in the international form people read: "+7 495 123-45-67"."""
    if not stored:
        return ""
    try:
        number = phonenumbers.parse(stored, "RU")
    except phonenumbers.NumberParseException:
        return stored
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def country_name(code: str) -> str:
    return current_locale().territories.get(code, code) if code else ""


def organisation_name(item: Organisation) -> str:
    """The name people use: the short one when there is one ("ОКМО")."""
    return item.short_name or item.name_ru


COLUMNS: list[Column[Organisation]] = [
    Column("name", lambda: _("Name"), lambda o: o.name_ru, "name"),
    Column("short_name", lambda: _("Short name"), lambda o: o.short_name, "short_name"),
    Column("kind", lambda: _("Kind"), lambda o: o.kind.label(), "kind"),
    Column("country", lambda: _("Country"), lambda o: country_name(o.country_code), "country"),
    Column("website", lambda: _("Website"), lambda o: o.website, "website"),
    Column("email", lambda: _("E-mail"), lambda o: o.email, "email"),
    Column("phone", lambda: _("Phone"), lambda o: format_phone(o.phone), "phone"),
]


class OrganisationTableModel(RecordTableModel[Organisation]):
    def __init__(self, service: OrganisationService, parent: Any = None) -> None:
        super().__init__(service, COLUMNS, OrganisationFilter(), sort="name", parent=parent)
