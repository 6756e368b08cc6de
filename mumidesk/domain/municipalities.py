"""Own municipalities (our side) and the bodies that sign for them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from mumidesk.domain.enums import BodyKind, MunicipalityKind
from mumidesk.domain.records import Record
from mumidesk.domain.validation import NAME_MAX, TITLE_MAX, Checker


@dataclass(kw_only=True)
class Region(Record):
    """The subject of the federation whose ministry collects the reports."""

    name_ru: str
    name_ru_genitive: str = ""  # "Смоленской области": the report title needs it
    name_en: str = ""
    code: str = ""  # ISO 3166-2, e.g. RU-SMO

    def check(self, c: Checker) -> None:
        c.text("name_ru", self.name_ru, NAME_MAX, required=True)
        c.text("name_ru_genitive", self.name_ru_genitive, NAME_MAX)
        c.text("name_en", self.name_en, NAME_MAX)
        c.text("code", self.code, 10)


@dataclass(kw_only=True)
class MunicipalBody:
    id: uuid.UUID | None = None
    kind: BodyKind
    name_ru: str
    name_en: str = ""
    head_name: str = ""
    head_position: str = ""


@dataclass(kw_only=True)
class Municipality(Record):
    name_ru: str
    name_en: str = ""
    official_name_ru: str = ""  # the heading of the quarterly report
    kind: MunicipalityKind = MunicipalityKind.CITY
    region_id: uuid.UUID | None = None
    population: int | None = None
    website: str = ""
    bodies: list[MunicipalBody] = field(default_factory=list)

    @property
    def heading_ru(self) -> str:
        return self.official_name_ru or self.name_ru

    def check(self, c: Checker) -> None:
        c.text("name_ru", self.name_ru, NAME_MAX, required=True)
        c.text("name_en", self.name_en, NAME_MAX)
        c.text("official_name_ru", self.official_name_ru, TITLE_MAX)
        c.text("website", self.website, NAME_MAX)
        c.non_negative("population", self.population)
        for i, body in enumerate(self.bodies):
            c.text(f"bodies[{i}].name_ru", body.name_ru, TITLE_MAX, required=True)
            c.text(f"bodies[{i}].name_en", body.name_en, TITLE_MAX)
            c.text(f"bodies[{i}].head_name", body.head_name, NAME_MAX)
            c.text(f"bodies[{i}].head_position", body.head_position, TITLE_MAX)
