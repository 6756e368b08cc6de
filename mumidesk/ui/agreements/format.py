"""How the agreements area shows its values: dates, terms, status colours, party names."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping

from babel.dates import format_date

from mumidesk.domain.agreements import Agreement, AgreementParty
from mumidesk.domain.enums import AgreementStatus as S
from mumidesk.domain.enums import PartySide
from mumidesk.i18n import _, current_locale, ngettext

# Text colours of the states: in force green, on its way blue, stopped grey, refused red.
STATUS_COLOURS: dict[S, str] = {
    S.DRAFT: "#5f6368",
    S.SENT_FOR_APPROVAL: "#1a5fb4",
    S.APPROVED: "#1a5fb4",
    S.SIGNED: "#1a5fb4",
    S.SUBMITTED_FOR_REGISTRATION: "#1a5fb4",
    S.REGISTERED: "#1b7f3b",
    S.PROLONGED: "#1b7f3b",
    S.SUSPENDED: "#b35c00",
    S.TERMINATED: "#80868b",
    S.EXPIRED: "#80868b",
    S.REJECTED: "#b00020",
}

OVERDUE_COLOUR = "#b00020"
SOON_COLOUR = "#c25e00"
SOON_DAYS = 7


def status_colour(status: S) -> str:
    return STATUS_COLOURS.get(status, "#000000")


def urgency_colour(due: dt.date, today: dt.date) -> str | None:
    """Red when overdue, orange within a week, None otherwise."""
    if due < today:
        return OVERDUE_COLOUR
    if (due - today).days <= SOON_DAYS:
        return SOON_COLOUR
    return None


def short_date(day: dt.date | None) -> str:
    return format_date(day, "medium", locale=current_locale()) if day else ""


def long_date(day: dt.date | None) -> str:
    return format_date(day, "long", locale=current_locale()) if day else ""


def months_text(months: int | None) -> str:
    if months is None:
        return ""
    if months % 12 == 0:
        years = months // 12
        return ngettext("{n} year", "{n} years", years).format(n=years)
    return ngettext("{n} month", "{n} months", months).format(n=months)


def term_text(agreement: Agreement) -> str:
    """The term in words ("5 years", "indefinite"), with the end date when it is known."""
    if agreement.term_months is None and agreement.expires_on is None:
        return _("indefinite")
    if agreement.expires_on is None:
        return months_text(agreement.term_months)
    if agreement.term_months is None:
        return _("until {date}").format(date=short_date(agreement.expires_on))
    return _("{term}, until {date}").format(
        term=months_text(agreement.term_months), date=short_date(agreement.expires_on)
    )


def party_name(party: AgreementParty, labels: Mapping[uuid.UUID, str]) -> str:
    """The party as typed, else the name of the record it points to."""
    if party.name_ru or party.name_en:
        return party.name_ru or party.name_en
    for key in (party.body_id, party.partner_id, party.municipality_id, party.organisation_id):
        if key is not None and key in labels:
            return labels[key]
    return ""


def partner_names(agreement: Agreement, labels: Mapping[uuid.UUID, str]) -> str:
    """The partner cities of an agreement (their names, else the partner bodies)."""
    names = []
    for party in agreement.parties:
        if party.side is not PartySide.PARTNER:
            continue
        name = labels.get(party.partner_id) if party.partner_id else None
        names.append(name or party_name(party, labels))
    return "; ".join(n for n in names if n)


def own_side(agreement: Agreement, labels: Mapping[uuid.UUID, str]) -> str:
    """The own bodies that sign, or the own municipality when no party says more."""
    names = [party_name(p, labels) for p in agreement.parties if p.side is PartySide.OWN]
    names = [n for n in names if n]
    if not names and agreement.municipality_id is not None:
        names = [labels.get(agreement.municipality_id, "")]
    return "; ".join(n for n in names if n)
