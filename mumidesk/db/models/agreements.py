"""Agreements with their parties, signatories, areas and languages."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mumidesk.db.models.base import CODE, NAME, TITLE, Base, ChildMixin, RecordMixin


class AgreementRow(RecordMixin, Base):
    __tablename__ = "agreements"

    title: Mapped[str] = mapped_column(String(TITLE))
    kind: Mapped[str] = mapped_column(String(CODE), index=True)
    status: Mapped[str] = mapped_column(String(CODE), index=True)
    municipality_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("municipalities.id"), index=True
    )
    subject: Mapped[str] = mapped_column(Text, default="")
    planned_signing_date: Mapped[dt.date | None]
    approval_requested_on: Mapped[dt.date | None]
    approval_decision_no: Mapped[str] = mapped_column(String(100), default="")
    approval_decision_date: Mapped[dt.date | None]
    signed_date: Mapped[dt.date | None] = mapped_column(index=True)
    signed_place: Mapped[str] = mapped_column(String(NAME), default="")
    registration_submitted_on: Mapped[dt.date | None]
    registration_number: Mapped[str] = mapped_column(String(100), default="")
    registration_date: Mapped[dt.date | None]
    term_months: Mapped[int | None]
    expires_on: Mapped[dt.date | None] = mapped_column(index=True)
    auto_prolongation: Mapped[bool] = mapped_column(default=False)
    prolongation_months: Mapped[int | None]
    notice_lead_days: Mapped[list[int]]
    suspended_on: Mapped[dt.date | None]
    ended_on: Mapped[dt.date | None] = mapped_column(index=True)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agreements.id"))
    parent_relation: Mapped[str | None] = mapped_column(String(CODE))
    notes: Mapped[str] = mapped_column(Text, default="")

    parties: Mapped[list[AgreementPartyRow]] = relationship(
        cascade="all, delete-orphan", order_by="AgreementPartyRow.sort_order", lazy="selectin"
    )
    areas: Mapped[list[AgreementAreaRow]] = relationship(
        cascade="all, delete-orphan", order_by="AgreementAreaRow.sort_order", lazy="selectin"
    )
    languages: Mapped[list[AgreementLanguageRow]] = relationship(
        cascade="all, delete-orphan", order_by="AgreementLanguageRow.sort_order", lazy="selectin"
    )


class AgreementPartyRow(ChildMixin, Base):
    __tablename__ = "agreement_parties"

    agreement_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    side: Mapped[str] = mapped_column(String(CODE))
    name_ru: Mapped[str] = mapped_column(String(TITLE), default="")
    name_en: Mapped[str] = mapped_column(String(TITLE), default="")
    municipality_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("municipalities.id"))
    body_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("municipal_bodies.id", ondelete="SET NULL")
    )
    partner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("partners.id"), index=True)
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisations.id"))
    name_ru_instrumental: Mapped[str] = mapped_column(String(TITLE), default="")
    name_ru_genitive: Mapped[str] = mapped_column(String(TITLE), default="")

    signatories: Mapped[list[SignatoryRow]] = relationship(
        cascade="all, delete-orphan", order_by="SignatoryRow.sort_order", lazy="selectin"
    )


class SignatoryRow(ChildMixin, Base):
    __tablename__ = "agreement_signatories"

    party_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("agreement_parties.id", ondelete="CASCADE"), index=True
    )
    full_name: Mapped[str] = mapped_column(String(NAME))
    position: Mapped[str] = mapped_column(String(TITLE), default="")
    gender: Mapped[str] = mapped_column(String(CODE), default="unknown")
    person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )
    acts_on_basis_of: Mapped[str] = mapped_column(String(TITLE), default="")
    name_genitive: Mapped[str] = mapped_column(String(NAME), default="")
    position_genitive: Mapped[str] = mapped_column(String(TITLE), default="")
    position_en: Mapped[str] = mapped_column(String(TITLE), default="")


class AgreementAreaRow(ChildMixin, Base):
    __tablename__ = "agreement_areas"

    agreement_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    area: Mapped[str] = mapped_column(String(CODE), index=True)


class AgreementLanguageRow(ChildMixin, Base):
    __tablename__ = "agreement_languages"

    agreement_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(String(8))
