"""Organisations, people and memberships."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mumidesk.db.models.base import CODE, NAME, TITLE, Base, RecordMixin


class OrganisationRow(RecordMixin, Base):
    __tablename__ = "organisations"

    name_ru: Mapped[str] = mapped_column(String(TITLE), index=True)
    name_en: Mapped[str] = mapped_column(String(TITLE), default="")
    short_name: Mapped[str] = mapped_column(String(NAME), default="")
    kind: Mapped[str] = mapped_column(String(CODE))
    country_code: Mapped[str] = mapped_column(String(3), default="")
    website: Mapped[str] = mapped_column(String(NAME), default="")
    email: Mapped[str] = mapped_column(String(NAME), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class PersonRow(RecordMixin, Base):
    __tablename__ = "people"

    last_name: Mapped[str] = mapped_column(String(NAME), index=True)
    first_name: Mapped[str] = mapped_column(String(NAME), default="")
    patronymic: Mapped[str] = mapped_column(String(NAME), default="")
    gender: Mapped[str] = mapped_column(String(CODE), default="unknown")
    position: Mapped[str] = mapped_column(String(TITLE), default="")
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisations.id"))
    municipality_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("municipalities.id"))
    email: Mapped[str] = mapped_column(String(NAME), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class MembershipRow(RecordMixin, Base):
    __tablename__ = "memberships"

    municipality_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("municipalities.id"), index=True)
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisations.id"), index=True)
    since: Mapped[dt.date | None]
    until: Mapped[dt.date | None]
    role: Mapped[str] = mapped_column(String(NAME), default="")
