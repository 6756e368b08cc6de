"""Partner cities and partnerships."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mumidesk.db.models.base import CODE, NAME, Base, RecordMixin


class PartnerRow(RecordMixin, Base):
    __tablename__ = "partners"

    name_ru: Mapped[str] = mapped_column(String(NAME), default="", index=True)
    name_en: Mapped[str] = mapped_column(String(NAME), default="", index=True)
    name_local: Mapped[str] = mapped_column(String(NAME), default="")
    country_code: Mapped[str] = mapped_column(String(3), index=True)
    region: Mapped[str] = mapped_column(String(NAME), default="")
    population: Mapped[int | None]
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    website: Mapped[str] = mapped_column(String(NAME), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class PartnershipRow(RecordMixin, Base):
    __tablename__ = "partnerships"

    municipality_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("municipalities.id"), index=True)
    partner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partners.id"), index=True)
    kind: Mapped[str] = mapped_column(String(CODE))
    status: Mapped[str] = mapped_column(String(CODE))
    since: Mapped[dt.date | None]
    until: Mapped[dt.date | None]
    agreement_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agreements.id"))
    notes: Mapped[str] = mapped_column(Text, default="")
