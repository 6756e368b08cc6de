"""Exchange programmes and participant counts."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mumidesk.db.models.base import CODE, TITLE, Base, ChildMixin, RecordMixin


class ExchangeProgrammeRow(RecordMixin, Base):
    __tablename__ = "exchange_programmes"

    title: Mapped[str] = mapped_column(String(TITLE))
    kind: Mapped[str] = mapped_column(String(CODE), index=True)
    municipality_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("municipalities.id"), index=True
    )
    start_date: Mapped[dt.date | None]
    end_date: Mapped[dt.date | None]
    organisations: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")

    partners: Mapped[list[ExchangePartnerRow]] = relationship(
        cascade="all, delete-orphan", order_by="ExchangePartnerRow.sort_order", lazy="selectin"
    )
    participations: Mapped[list[ParticipationRow]] = relationship(
        cascade="all, delete-orphan", order_by="ParticipationRow.sort_order", lazy="selectin"
    )


class ExchangePartnerRow(ChildMixin, Base):
    __tablename__ = "exchange_partners"

    programme_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("exchange_programmes.id", ondelete="CASCADE"), index=True
    )
    partner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partners.id"), index=True)


class ParticipationRow(ChildMixin, Base):
    __tablename__ = "exchange_participations"

    programme_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("exchange_programmes.id", ondelete="CASCADE"), index=True
    )
    year: Mapped[int] = mapped_column(index=True)
    category: Mapped[str] = mapped_column(String(CODE))
    direction: Mapped[str] = mapped_column(String(CODE))
    count: Mapped[int]
