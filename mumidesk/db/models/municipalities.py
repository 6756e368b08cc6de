"""Regions, own municipalities and their bodies."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mumidesk.db.models.base import CODE, NAME, TITLE, Base, ChildMixin, RecordMixin


class RegionRow(RecordMixin, Base):
    __tablename__ = "regions"

    name_ru: Mapped[str] = mapped_column(String(NAME))
    name_ru_genitive: Mapped[str] = mapped_column(String(NAME), default="")
    name_en: Mapped[str] = mapped_column(String(NAME), default="")
    code: Mapped[str] = mapped_column(String(CODE), default="")


class MunicipalityRow(RecordMixin, Base):
    __tablename__ = "municipalities"

    name_ru: Mapped[str] = mapped_column(String(NAME), index=True)
    name_en: Mapped[str] = mapped_column(String(NAME), default="")
    official_name_ru: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(CODE))
    region_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("regions.id"), index=True)
    population: Mapped[int | None]
    website: Mapped[str] = mapped_column(String(NAME), default="")

    bodies: Mapped[list[MunicipalBodyRow]] = relationship(
        cascade="all, delete-orphan", order_by="MunicipalBodyRow.sort_order", lazy="selectin"
    )


class MunicipalBodyRow(ChildMixin, Base):
    __tablename__ = "municipal_bodies"

    municipality_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("municipalities.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(CODE))
    name_ru: Mapped[str] = mapped_column(String(TITLE))
    name_en: Mapped[str] = mapped_column(String(TITLE), default="")
    head_name: Mapped[str] = mapped_column(String(NAME), default="")
    head_position: Mapped[str] = mapped_column(String(TITLE), default="")
