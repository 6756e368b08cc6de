"""Delegations with members, visit programme, partners and linked agreements."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mumidesk.db.models.base import CODE, NAME, TITLE, Base, ChildMixin, RecordMixin


class DelegationRow(RecordMixin, Base):
    __tablename__ = "delegations"

    title: Mapped[str] = mapped_column(String(TITLE))
    direction: Mapped[str] = mapped_column(String(CODE), index=True)
    municipality_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("municipalities.id"), index=True
    )
    start_date: Mapped[dt.date] = mapped_column(index=True)
    end_date: Mapped[dt.date] = mapped_column(index=True)
    place: Mapped[str] = mapped_column(String(NAME), default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    report_submitted_on: Mapped[dt.date | None]

    partners: Mapped[list[DelegationPartnerRow]] = relationship(
        cascade="all, delete-orphan", order_by="DelegationPartnerRow.sort_order", lazy="selectin"
    )
    members: Mapped[list[DelegationMemberRow]] = relationship(
        cascade="all, delete-orphan", order_by="DelegationMemberRow.sort_order", lazy="selectin"
    )
    programme: Mapped[list[ProgrammeItemRow]] = relationship(
        cascade="all, delete-orphan", order_by="ProgrammeItemRow.sort_order", lazy="selectin"
    )
    agreements: Mapped[list[DelegationAgreementRow]] = relationship(
        cascade="all, delete-orphan", order_by="DelegationAgreementRow.sort_order", lazy="selectin"
    )


class DelegationPartnerRow(ChildMixin, Base):
    __tablename__ = "delegation_partners"

    delegation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("delegations.id", ondelete="CASCADE"), index=True
    )
    partner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partners.id"), index=True)


class DelegationAgreementRow(ChildMixin, Base):
    __tablename__ = "delegation_agreements"

    delegation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("delegations.id", ondelete="CASCADE"), index=True
    )
    agreement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agreements.id"), index=True)


class DelegationMemberRow(ChildMixin, Base):
    __tablename__ = "delegation_members"

    delegation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("delegations.id", ondelete="CASCADE"), index=True
    )
    full_name: Mapped[str] = mapped_column(String(NAME))
    position: Mapped[str] = mapped_column(String(TITLE), default="")
    organisation: Mapped[str] = mapped_column(String(TITLE), default="")
    is_head: Mapped[bool] = mapped_column(default=False)
    person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )


class ProgrammeItemRow(ChildMixin, Base):
    __tablename__ = "delegation_programme_items"

    delegation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("delegations.id", ondelete="CASCADE"), index=True
    )
    day: Mapped[dt.date]
    start_time: Mapped[dt.time | None]
    end_time: Mapped[dt.time | None]
    title_ru: Mapped[str] = mapped_column(String(TITLE), default="")
    title_en: Mapped[str] = mapped_column(String(TITLE), default="")
    place: Mapped[str] = mapped_column(String(NAME), default="")
    responsible: Mapped[str] = mapped_column(String(NAME), default="")
