"""Agreements between our bodies and partner bodies, with parties, signatories and term."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from mumidesk.domain.enums import (
    AgreementKind,
    AgreementStatus,
    CooperationArea,
    Gender,
    ParentRelation,
    PartySide,
)
from mumidesk.domain.records import Record
from mumidesk.domain.validation import NAME_MAX, TEXT_MAX, TITLE_MAX, Checker
from mumidesk.i18n import _

DEFAULT_NOTICE_LEAD_DAYS = (90, 30, 7)
MAX_TERM_MONTHS = 1200


@dataclass(kw_only=True)
class Signatory:
    full_name: str
    position: str = ""
    gender: Gender = Gender.UNKNOWN
    person_id: uuid.UUID | None = None
    acts_on_basis_of: str = ""  # "Устава", "доверенности № …"
    # Typed forms that win over the generated declension (domain.grammar) when not empty
    name_genitive: str = ""  # "Иванова Ивана Ивановича"
    position_genitive: str = ""  # "Главы города Смоленска"
    # The position in English, used by the English text and, failing a glossary entry, by other
    # Latin-script languages of a bilingual draft (the Russian position stays out of them).
    position_en: str = ""  # "Head of the Administration of the City of Rostov-on-Don"


@dataclass(kw_only=True)
class AgreementParty:
    side: PartySide
    name_ru: str = ""  # the body as the text names it: "Городская Дума города Калуги"
    name_en: str = ""
    municipality_id: uuid.UUID | None = None
    body_id: uuid.UUID | None = None
    partner_id: uuid.UUID | None = None
    organisation_id: uuid.UUID | None = None
    signatories: list[Signatory] = field(default_factory=list)
    # Typed forms that win over the generated declension (domain.grammar) when not empty
    name_ru_instrumental: str = ""  # "… between Городской Думой города Калуги and …"
    name_ru_genitive: str = ""  # "от имени Городской Думы города Калуги"


@dataclass(kw_only=True)
class Agreement(Record):
    title: str
    kind: AgreementKind = AgreementKind.COOPERATION
    status: AgreementStatus = AgreementStatus.DRAFT
    municipality_id: uuid.UUID | None = None
    subject: str = ""
    parties: list[AgreementParty] = field(default_factory=list)
    areas: list[CooperationArea] = field(default_factory=list)
    languages: list[str] = field(default_factory=lambda: ["ru"])
    planned_signing_date: dt.date | None = None
    approval_requested_on: dt.date | None = None
    approval_decision_no: str = ""
    approval_decision_date: dt.date | None = None
    signed_date: dt.date | None = None
    signed_place: str = ""
    registration_submitted_on: dt.date | None = None
    registration_number: str = ""
    registration_date: dt.date | None = None
    term_months: int | None = None  # None: concluded for an indefinite term
    expires_on: dt.date | None = None
    auto_prolongation: bool = False
    prolongation_months: int | None = None
    notice_lead_days: list[int] = field(default_factory=lambda: list(DEFAULT_NOTICE_LEAD_DAYS))
    suspended_on: dt.date | None = None
    ended_on: dt.date | None = None  # terminated or expired
    parent_id: uuid.UUID | None = None
    parent_relation: ParentRelation | None = None
    notes: str = ""

    @property
    def partner_ids(self) -> list[uuid.UUID]:
        return [p.partner_id for p in self.parties if p.partner_id is not None]

    def check(self, c: Checker) -> None:
        c.text("title", self.title, TITLE_MAX, required=True)
        c.length("subject", self.subject, TEXT_MAX)
        c.length("notes", self.notes, TEXT_MAX)
        c.length("signed_place", self.signed_place, NAME_MAX)
        c.length("registration_number", self.registration_number, 100)
        c.length("approval_decision_no", self.approval_decision_no, 100)
        c.date_order(
            "approval_requested_on",
            self.approval_requested_on,
            "approval_decision_date",
            self.approval_decision_date,
        )
        c.date_order(
            "approval_decision_date", self.approval_decision_date, "signed_date", self.signed_date
        )
        c.date_order(
            "signed_date",
            self.signed_date,
            "registration_submitted_on",
            self.registration_submitted_on,
        )
        c.date_order("signed_date", self.signed_date, "registration_date", self.registration_date)
        c.date_order("signed_date", self.signed_date, "expires_on", self.expires_on)
        for name in ("term_months", "prolongation_months"):
            months = getattr(self, name)
            if months is not None and months <= 0:
                c.fail(name, _("must be a positive number of months"))
            else:  # a century at most: the end date must stay a date
                c.in_range(name, months, 1, MAX_TERM_MONTHS)
        if self.auto_prolongation and not (self.prolongation_months or self.term_months):
            c.fail("prolongation_months", _("is required when the agreement prolongs itself"))
        if any(d <= 0 or d > 3650 for d in self.notice_lead_days):
            c.fail("notice_lead_days", _("each lead time must be between 1 and 3650 days"))
        if (self.parent_id is None) != (self.parent_relation is None):
            c.fail("parent_relation", _("a parent agreement and its relation go together"))
        if self.parent_id is not None and self.parent_id == self.id:
            c.fail("parent_id", _("an agreement cannot amend itself"))
        for lang in self.languages:
            if not (2 <= len(lang) <= 3 and lang.isalpha()):
                c.fail(
                    "languages",
                    _("{code!r} is not a language code (ru, en, de, zh …)").format(code=lang),
                )
        for i, party in enumerate(self.parties):
            c.length(f"parties[{i}].name_ru", party.name_ru, TITLE_MAX)
            c.length(f"parties[{i}].name_en", party.name_en, TITLE_MAX)
            c.length(f"parties[{i}].name_ru_genitive", party.name_ru_genitive, TITLE_MAX)
            c.length(f"parties[{i}].name_ru_instrumental", party.name_ru_instrumental, TITLE_MAX)
            if (
                party.side is PartySide.PARTNER
                and party.partner_id is None
                and not (party.name_ru or party.name_en)
            ):
                c.fail(f"parties[{i}].partner_id", _("the partner side needs a partner or a name"))
            for j, s in enumerate(party.signatories):
                c.text(
                    f"parties[{i}].signatories[{j}].full_name", s.full_name, NAME_MAX, required=True
                )
                c.length(f"parties[{i}].signatories[{j}].position", s.position, TITLE_MAX)
                c.length(f"parties[{i}].signatories[{j}].name_genitive", s.name_genitive, NAME_MAX)
                c.length(
                    f"parties[{i}].signatories[{j}].position_genitive",
                    s.position_genitive,
                    TITLE_MAX,
                )
                c.length(f"parties[{i}].signatories[{j}].position_en", s.position_en, TITLE_MAX)
                c.length(
                    f"parties[{i}].signatories[{j}].acts_on_basis_of", s.acts_on_basis_of, TITLE_MAX
                )
