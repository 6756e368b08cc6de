"""Foreign partner cities and regions, and the partnerships that link them to our side."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from mumidesk.domain.enums import PartnershipKind, PartnershipStatus
from mumidesk.domain.records import Record
from mumidesk.domain.validation import NAME_MAX, TEXT_MAX, Checker
from mumidesk.i18n import _


@dataclass(kw_only=True)
class Partner(Record):
    name_ru: str = ""
    name_en: str = ""
    name_local: str = ""
    country_code: str  # ISO 3166-1 alpha-2
    region: str = ""
    population: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    website: str = ""
    notes: str = ""

    @property
    def display_name(self) -> str:
        return self.name_ru or self.name_en or self.name_local

    def check(self, c: Checker) -> None:
        if not (self.name_ru or self.name_en or self.name_local).strip():
            c.fail("name_ru", _("a name in Russian, English or the local language is required"))
        for name in ("name_ru", "name_en", "name_local", "region", "website"):
            c.length(name, getattr(self, name), NAME_MAX)
        c.country("country_code", self.country_code, required=True)
        c.non_negative("population", self.population)
        c.in_range("latitude", self.latitude, -90, 90)
        c.in_range("longitude", self.longitude, -180, 180)
        c.length("notes", self.notes, TEXT_MAX)


@dataclass(kw_only=True)
class Partnership(Record):
    municipality_id: uuid.UUID
    partner_id: uuid.UUID
    kind: PartnershipKind = PartnershipKind.TWIN
    status: PartnershipStatus = PartnershipStatus.ACTIVE
    since: dt.date | None = None
    until: dt.date | None = None
    agreement_id: uuid.UUID | None = None
    notes: str = ""

    def check(self, c: Checker) -> None:
        c.required("municipality_id", self.municipality_id)
        c.required("partner_id", self.partner_id)
        c.date_order("since", self.since, "until", self.until)
        c.length("notes", self.notes, TEXT_MAX)
