"""Regions and own municipalities with their bodies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, or_
from sqlalchemy.orm import Session

from mumidesk.db.models import MunicipalBodyRow, MunicipalityRow, RegionRow
from mumidesk.domain.enums import BodyKind, MunicipalityKind
from mumidesk.domain.municipalities import MunicipalBody, Municipality, Region
from mumidesk.domain.text import fold
from mumidesk.domain.validation import Checker
from mumidesk.i18n import _
from mumidesk.services.crud import CrudService, check_reference
from mumidesk.services.mapping import apply_to_row, from_row


@dataclass(frozen=True)
class RegionFilter:
    name: str = ""  # prefix of the Russian or English name


class RegionService(CrudService[Region, RegionRow, RegionFilter]):
    kind = "region"
    row_cls = RegionRow
    domain_cls = Region
    sort_columns = {"name": "name_ru", "code": "code"}  # noqa: RUF012
    default_sort = "name"

    def label(self) -> str:
        return _("Region")

    def apply_filter(self, stmt: Select[Any], flt: RegionFilter) -> Select[Any]:
        if flt.name:
            stmt = stmt.where(
                or_(
                    RegionRow.name_ru.startswith(flt.name, autoescape=True),
                    RegionRow.name_en.startswith(flt.name, autoescape=True),
                )
            )
        return stmt

    def search_text(self, item: Region) -> tuple[str, list[str]]:
        return item.name_ru, [item.name_en, item.name_ru_genitive, item.code]

    def find_by_name(self, name: str) -> Region | None:
        wanted = fold(name)
        for region in self.all():
            if wanted in {fold(region.name_ru), fold(region.name_en), fold(region.code)}:
                return region
        return None


@dataclass(frozen=True)
class MunicipalityFilter:
    region_id: Any = None
    kind: MunicipalityKind | None = None


class MunicipalityService(CrudService[Municipality, MunicipalityRow, MunicipalityFilter]):
    kind = "municipality"
    row_cls = MunicipalityRow
    domain_cls = Municipality
    sort_columns = {"name": "name_ru", "name_en": "name_en", "kind": "kind"}  # noqa: RUF012
    default_sort = "name"

    def label(self) -> str:
        return _("Municipality")

    def to_domain(self, row: MunicipalityRow) -> Municipality:
        bodies = [MunicipalBody(**from_row(b, MunicipalBody)) for b in row.bodies]
        return Municipality(**from_row(row, Municipality), bodies=bodies)

    def fill_row(self, session: Session, row: MunicipalityRow, item: Municipality) -> None:
        apply_to_row(row, item)
        existing = {b.id: b for b in row.bodies}
        kept: list[MunicipalBodyRow] = []
        for order, body in enumerate(item.bodies):
            body_row = existing.get(body.id) if body.id else None
            if body_row is None:
                body_row = MunicipalBodyRow(id=body.id) if body.id else MunicipalBodyRow()
            apply_to_row(body_row, body)
            body_row.sort_order = order
            kept.append(body_row)
        row.bodies = kept

    def check_references(self, session: Session, item: Municipality, c: Checker) -> None:
        check_reference(session, c, "region_id", RegionRow, item.region_id)

    def apply_filter(self, stmt: Select[Any], flt: MunicipalityFilter) -> Select[Any]:
        if flt.region_id is not None:
            stmt = stmt.where(MunicipalityRow.region_id == flt.region_id)
        if flt.kind is not None:
            stmt = stmt.where(MunicipalityRow.kind == flt.kind.value)
        return stmt

    def search_text(self, item: Municipality) -> tuple[str, list[str]]:
        parts = [item.name_en, item.official_name_ru]
        for body in item.bodies:
            parts += [body.name_ru, body.name_en, body.head_name]
        return item.name_ru, parts

    def find_by_name(self, name: str) -> Municipality | None:
        """The live municipality whose Russian, English or official name is ``name``."""
        wanted = fold(name)
        for item in self.all():  # a region holds hundreds at most
            if wanted in {fold(item.name_ru), fold(item.name_en), fold(item.official_name_ru)}:
                return item
        return None

    def body(self, item: Municipality, kind: BodyKind) -> MunicipalBody | None:
        return next((b for b in item.bodies if b.kind is kind), None)
