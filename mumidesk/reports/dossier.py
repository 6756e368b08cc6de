"""The partner dossier (document 4): one partner's card, its partnerships with our municipalities,
the twins the public list knows, and one time-ordered chronicle of its agreements, delegations,
events and exchange programmes. Content only; the texts are in the current language.
"""

from __future__ import annotations

import datetime as dt
import textwrap
import uuid
from dataclasses import dataclass

from babel.dates import format_date
from babel.numbers import format_decimal

from mumidesk.domain.agreements import Agreement
from mumidesk.domain.delegations import Delegation
from mumidesk.domain.errors import NotFoundError
from mumidesk.domain.events import Event
from mumidesk.domain.exchanges import ExchangeProgramme
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.domain.partners import Partner, Partnership
from mumidesk.i18n import _, current_language, current_locale, ngettext
from mumidesk.services.agreements import AgreementFilter
from mumidesk.services.country_names import country_label
from mumidesk.services.delegations import DelegationFilter
from mumidesk.services.events import EventFilter
from mumidesk.services.exchanges import ExchangeFilter
from mumidesk.services.partners import PartnershipFilter
from mumidesk.services.registry import Services
from mumidesk.services.twin_cities import known_twins

DETAIL_WIDTH = 400  # characters: the chronicle gives a short detail, the record has the rest


@dataclass(frozen=True)
class CardLine:
    label: str
    value: str


@dataclass(frozen=True)
class PartnershipLine:
    municipality: str
    kind: str
    status: str
    since: str  # "since 12 May 1992", "1992 – 2014", or empty


@dataclass(frozen=True)
class ChronicleEntry:
    start: dt.date  # the order of the chronicle
    end: dt.date
    when: str  # as people write it: "30–31 марта 2017 г."
    record: str  # what kind of record: agreement, delegation, event, exchange programme
    title: str
    detail: str


@dataclass(frozen=True)
class Dossier:
    title: str
    name: str  # the partner's name in the current language
    country: str
    card: tuple[CardLine, ...]
    notes: str
    partnerships: tuple[PartnershipLine, ...]
    twins: tuple[str, ...]  # "Габрово (Болгария)" — other foreign cities twinned with it
    chronicle: tuple[ChronicleEntry, ...]
    prepared_on: str


def partner_name(partner: Partner) -> str:
    """The partner's name in the current language, falling back to the names it has."""
    if current_language() == "ru":
        return partner.name_ru or partner.name_en or partner.name_local
    return partner.name_en or partner.name_local or partner.name_ru


def build_dossier(
    services: Services, partner_id: uuid.UUID, *, today: dt.date | None = None
) -> Dossier:
    partner = services.partners.get(partner_id)
    name = partner_name(partner)
    country = country_label(partner.country_code)
    return Dossier(
        title=_("Partner dossier: {name}").format(name=name),
        name=name,
        country=country,
        card=tuple(_card(partner, country)),
        notes=partner.notes,
        partnerships=tuple(_partnerships(services, partner_id)),
        twins=tuple(_twins(services, partner_id)),
        chronicle=tuple(_chronicle(services, partner_id)),
        prepared_on=_long_date(today or dt.date.today()),
    )


# --- the card ------------------------------------------------------------------------------------


def _card(partner: Partner, country: str) -> list[CardLine]:
    locale = current_locale()
    lines = [
        CardLine(_("Name in Russian"), partner.name_ru),
        CardLine(_("Name in English"), partner.name_en),
        CardLine(_("Name in the local language"), partner.name_local),
        CardLine(_("Country"), country),
        CardLine(_("Region"), partner.region),
    ]
    if partner.population is not None:
        lines.append(CardLine(_("Population"), format_decimal(partner.population, locale=locale)))
    if partner.latitude is not None and partner.longitude is not None:
        lines.append(CardLine(_("Coordinates"), _coordinates(partner.latitude, partner.longitude)))
    lines.append(CardLine(_("Website"), partner.website))
    return [line for line in lines if line.value.strip()]


def _coordinates(latitude: float, longitude: float) -> str:
    locale = current_locale()

    def degrees(value: float) -> str:
        return format_decimal(abs(value), format="0.0###", locale=locale)

    return _("{latitude}° {north_south}, {longitude}° {east_west}").format(
        latitude=degrees(latitude),
        north_south=_("N") if latitude >= 0 else _("S"),
        longitude=degrees(longitude),
        east_west=_("E") if longitude >= 0 else _("W"),
    )


def _partnerships(services: Services, partner_id: uuid.UUID) -> list[PartnershipLine]:
    found = services.partnerships.all(PartnershipFilter(partner_id=partner_id))
    names: dict[uuid.UUID, str] = {}
    for link in found:
        if link.municipality_id not in names:
            municipality = services.municipalities.get(link.municipality_id)
            names[link.municipality_id] = (
                municipality.name_ru
                if current_language() == "ru"
                else municipality.name_en or municipality.name_ru
            )
    lines = [
        PartnershipLine(
            municipality=names[link.municipality_id],
            kind=link.kind.label(),
            status=link.status.label(),
            since=_term(link),
        )
        for link in found
    ]
    return sorted(lines, key=lambda line: (line.municipality, line.kind))


def _term(link: Partnership) -> str:
    if link.since and link.until:
        return FuzzyDate.range(link.since, link.until).format(current_locale(), with_year=True)
    if link.since:
        return _("since {date}").format(date=_long_date(link.since))
    if link.until:
        return _("until {date}").format(date=_long_date(link.until))
    return ""


def _twins(services: Services, partner_id: uuid.UUID) -> list[str]:
    names = []
    for key in known_twins(services.db, partner_id):
        try:
            twin = services.partners.get(key)
        except NotFoundError:  # deleted since the list was loaded
            continue
        names.append(
            _("{name} ({country})").format(
                name=partner_name(twin), country=country_label(twin.country_code)
            )
        )
    return sorted(names)


# --- the chronicle -------------------------------------------------------------------------------


def _chronicle(services: Services, partner_id: uuid.UUID) -> list[ChronicleEntry]:
    key = partner_id
    entries = [
        _agreement_entry(a) for a in services.agreements.all(AgreementFilter(partner_id=key))
    ]
    entries += map(_delegation_entry, services.delegations.all(DelegationFilter(partner_id=key)))
    entries += map(_event_entry, services.events.all(EventFilter(partner_id=key)))
    entries += map(_exchange_entry, services.exchanges.all(ExchangeFilter(partner_id=key)))
    return sorted(entries, key=lambda e: (e.start, e.end, e.record, e.title))


def _agreement_entry(agreement: Agreement) -> ChronicleEntry:
    day, what = _agreement_day(agreement)
    parts = [agreement.kind.label(), agreement.status.label()]
    if what:
        parts.append(what)
    if agreement.signed_date:
        signed = _long_date(agreement.signed_date)
        parts.append(
            _("signed on {date}, {place}").format(date=signed, place=agreement.signed_place)
            if agreement.signed_place
            else _("signed on {date}").format(date=signed)
        )
    if agreement.registration_number:
        parts.append(_("registration No. {number}").format(number=agreement.registration_number))
    if agreement.ended_on:
        parts.append(_("ended on {date}").format(date=_long_date(agreement.ended_on)))
    elif agreement.expires_on:
        parts.append(_("valid until {date}").format(date=_long_date(agreement.expires_on)))
    areas = ", ".join(area.label() for area in agreement.areas)
    if areas:
        parts.append(_("areas: {areas}").format(areas=areas))
    return ChronicleEntry(
        start=day,
        end=day,
        when=_long_date(day),
        record=_("Agreement"),
        title=agreement.title,
        detail=_short("; ".join(parts)),
    )


def _agreement_day(agreement: Agreement) -> tuple[dt.date, str]:
    """The day an agreement stands at in the chronicle, and what that day was when it is not
    the signing (a draft sits where it was planned or recorded)."""
    if agreement.signed_date:
        return agreement.signed_date, ""
    if agreement.approval_decision_date:
        return agreement.approval_decision_date, _("decision to sign")
    if agreement.approval_requested_on:
        return agreement.approval_requested_on, _("sent for approval")
    if agreement.planned_signing_date:
        return agreement.planned_signing_date, _("signing planned")
    recorded = agreement.created_at.date() if agreement.created_at else dt.date.today()
    return recorded, _("recorded")


def _delegation_entry(delegation: Delegation) -> ChronicleEntry:
    parts = [delegation.direction.label()]
    if delegation.place:
        parts.append(delegation.place)
    head = delegation.head
    if head is not None:
        parts.append(_("head: {name}").format(name=head.full_name))
    others = len(delegation.members) - (1 if head else 0)
    if others > 0:
        parts.append(
            ngettext("{count} more member", "{count} more members", others).format(count=others)
        )
    if delegation.outcome or delegation.purpose:
        parts.append(delegation.outcome or delegation.purpose)
    return ChronicleEntry(
        start=delegation.start_date,
        end=delegation.end_date,
        when=_range(delegation.start_date, delegation.end_date),
        record=_("Delegation"),
        title=delegation.title,
        detail=_short("; ".join(parts)),
    )


def _event_entry(event: Event) -> ChronicleEntry:
    parts = [event.kind.label(), event.format.label()]
    if event.place:
        parts.append(event.place)
    if event.content:
        parts.append(event.content)
    return ChronicleEntry(
        start=event.dates.start,
        end=event.dates.end,
        when=event.dates.format(current_locale(), with_year=True),
        record=_("Event"),
        title=event.name,
        detail=_short("; ".join(parts)),
    )


def _exchange_entry(programme: ExchangeProgramme) -> ChronicleEntry:
    years = sorted({p.year for p in programme.participations})
    start = programme.start_date or (dt.date(years[0], 1, 1) if years else None)
    end = programme.end_date or (dt.date(years[-1], 12, 31) if years else None)
    if start is None:
        start = programme.created_at.date() if programme.created_at else dt.date.today()
    if end is None or end < start:
        end = start
    if programme.start_date or programme.end_date:
        when = _range(start, end)
    elif years:  # only the years the participants were counted in
        when = str(years[0]) if years[0] == years[-1] else f"{years[0]}\u2013{years[-1]}"
    else:
        when = _long_date(start)
    parts = [programme.kind.label()]
    if programme.organisations:
        parts.append(programme.organisations)
    if programme.participations:
        parts.append(
            _("participants: {count}").format(
                count=format_decimal(programme.total(), locale=current_locale())
            )
        )
    if programme.description:
        parts.append(programme.description)
    return ChronicleEntry(
        start=start,
        end=end,
        when=when,
        record=_("Exchange programme"),
        title=programme.title,
        detail=_short("; ".join(parts)),
    )


# --- formatting ---------------------------------------------------------------------------------


def _long_date(day: dt.date) -> str:
    return format_date(day, format="long", locale=current_locale())


def _range(start: dt.date, end: dt.date) -> str:
    return FuzzyDate.range(start, end).format(current_locale(), with_year=True)


def _short(text: str) -> str:
    """A detail cut at a word to about DETAIL_WIDTH characters, its line breaks kept as spaces."""
    return textwrap.shorten(text, DETAIL_WIDTH, placeholder=" …")
