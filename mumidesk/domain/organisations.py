"""Organisations (associations, agencies, schools …), people and memberships."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from mumidesk.domain.enums import Gender, OrganisationKind
from mumidesk.domain.records import Record
from mumidesk.domain.validation import NAME_MAX, TEXT_MAX, TITLE_MAX, Checker


@dataclass(kw_only=True)
class Organisation(Record):
    name_ru: str
    name_en: str = ""
    short_name: str = ""
    kind: OrganisationKind = OrganisationKind.OTHER
    country_code: str = "RU"
    website: str = ""
    email: str = ""
    phone: str = ""
    notes: str = ""

    def check(self, c: Checker) -> None:
        c.text("name_ru", self.name_ru, TITLE_MAX, required=True)
        c.length("name_en", self.name_en, TITLE_MAX)
        c.length("short_name", self.short_name, NAME_MAX)
        c.country("country_code", self.country_code)
        c.length("website", self.website, NAME_MAX)
        c.email("email", self.email)
        c.phone("phone", self.phone)
        c.length("notes", self.notes, TEXT_MAX)


@dataclass(kw_only=True)
class Person(Record):
    last_name: str
    first_name: str = ""
    patronymic: str = ""
    gender: Gender = Gender.UNKNOWN
    position: str = ""
    organisation_id: uuid.UUID | None = None
    municipality_id: uuid.UUID | None = None
    email: str = ""
    phone: str = ""
    notes: str = ""

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)

    def check(self, c: Checker) -> None:
        c.text("last_name", self.last_name, NAME_MAX, required=True)
        c.length("first_name", self.first_name, NAME_MAX)
        c.length("patronymic", self.patronymic, NAME_MAX)
        c.length("position", self.position, TITLE_MAX)
        c.email("email", self.email)
        c.phone("phone", self.phone)
        c.length("notes", self.notes, TEXT_MAX)


@dataclass(kw_only=True)
class Membership(Record):
    municipality_id: uuid.UUID
    organisation_id: uuid.UUID
    since: dt.date | None = None
    until: dt.date | None = None
    role: str = ""

    def check(self, c: Checker) -> None:
        c.date_order("since", self.since, "until", self.until)
        c.length("role", self.role, NAME_MAX)
