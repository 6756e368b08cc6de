"""International events (rows of the quarterly report)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mumidesk.db.models.base import CODE, NAME, TITLE, Base, ChildMixin, RecordMixin


class EventRow(RecordMixin, Base):
    __tablename__ = "events"

    name: Mapped[str] = mapped_column(String(TITLE))
    municipality_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("municipalities.id"), index=True
    )
    kind: Mapped[str] = mapped_column(String(CODE), index=True)
    format: Mapped[str] = mapped_column(String(CODE))
    place: Mapped[str] = mapped_column(String(NAME), default="")
    start_date: Mapped[dt.date] = mapped_column(index=True)
    end_date: Mapped[dt.date] = mapped_column(index=True)
    date_precision: Mapped[str] = mapped_column(String(CODE))
    content: Mapped[str] = mapped_column(Text, default="")
    participants: Mapped[str] = mapped_column(Text, default="")
    participant_count: Mapped[int | None]
    organiser: Mapped[str] = mapped_column(String(TITLE), default="")

    countries: Mapped[list[EventCountryRow]] = relationship(
        cascade="all, delete-orphan", order_by="EventCountryRow.sort_order", lazy="selectin"
    )
    partners: Mapped[list[EventPartnerRow]] = relationship(
        cascade="all, delete-orphan", order_by="EventPartnerRow.sort_order", lazy="selectin"
    )
    agreements: Mapped[list[EventAgreementRow]] = relationship(
        cascade="all, delete-orphan", order_by="EventAgreementRow.sort_order", lazy="selectin"
    )


class EventCountryRow(ChildMixin, Base):
    __tablename__ = "event_countries"

    event_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    country_code: Mapped[str] = mapped_column(String(3), index=True)


class EventPartnerRow(ChildMixin, Base):
    __tablename__ = "event_partners"

    event_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    partner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partners.id"), index=True)


class EventAgreementRow(ChildMixin, Base):
    __tablename__ = "event_agreements"

    event_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    agreement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agreements.id"), index=True)
