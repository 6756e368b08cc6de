"""The annual report of international ties (due 15 January): its content, without layout.

Counts by kind, partner cities by country, the agreements concluded and expired in the year,
events per kind, format, municipality and month, the delegations of the year and the exchange
participants by category and direction. The numbers come from the StatisticsService; the report
covers the whole database, one region's municipalities, or chosen municipalities.

StatisticsService answers for one municipality or for everything, so for several municipalities
the answers are merged here: events, delegations and exchange programmes belong to one
municipality and add up; partners and agreements can be shared, so they are merged by id.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from babel.dates import format_date

from mumidesk.domain.agreements import Agreement
from mumidesk.domain.enums import (
    AgreementStatus,
    DelegationDirection,
    EventFormat,
    EventKind,
    ExchangeDirection,
    ParticipantCategory,
    PartnershipKind,
    PartnershipStatus,
)
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.domain.municipalities import Municipality, Region
from mumidesk.i18n import _, current_language, current_locale
from mumidesk.services.agreements import AgreementFilter
from mumidesk.services.delegations import DelegationFilter
from mumidesk.services.municipalities import MunicipalityFilter
from mumidesk.services.partners import PartnerFilter, PartnershipFilter
from mumidesk.services.registry import Services
from mumidesk.services.statistics import AgreementRef, territory_name

MONTHS = tuple(range(1, 13))


@dataclass(frozen=True)
class Count:
    """A label in the current language and how many."""

    label: str
    count: int


@dataclass(frozen=True)
class CountryCount:
    code: str  # ISO 3166-1 alpha-2
    name: str  # Babel, current language
    count: int


@dataclass(frozen=True)
class MonthCount:
    month: int
    name: str  # "January", "январь"
    short: str  # "Jan", "янв." (chart labels)
    count: int


@dataclass(frozen=True)
class AgreementLine:
    title: str
    signed: str  # date and place
    registration: str  # number and date
    ran_out: str  # expired lists: the day it ran out
    status: str


@dataclass(frozen=True)
class DelegationLine:
    dates: str
    direction: str
    title: str
    partners: str
    place: str


@dataclass(frozen=True)
class ParticipantLine:
    category: str
    inbound: int
    outbound: int

    @property
    def total(self) -> int:
        return self.inbound + self.outbound


@dataclass(frozen=True)
class AnnualReport:
    title: str
    scope: str  # the region or the municipalities covered; "" for the whole database
    year: int
    municipality_count: int
    partner_count: int  # distinct partner cities of current partnerships
    partnerships_by_kind: tuple[Count, ...]  # every kind, zeros included
    agreements_by_status: tuple[Count, ...]  # as they stand now, statuses that occur
    partners_by_country: tuple[CountryCount, ...]  # most first
    concluded: tuple[AgreementLine, ...]
    expired: tuple[AgreementLine, ...]
    events_by_kind: tuple[Count, ...]  # kinds that occur, most first
    events_by_format: tuple[Count, ...]  # every format
    events_by_municipality: tuple[Count, ...]
    events_by_month: tuple[MonthCount, ...]  # twelve
    delegations: tuple[DelegationLine, ...]
    delegations_by_direction: tuple[Count, ...]  # every direction
    participants: tuple[ParticipantLine, ...]  # categories that occur

    @property
    def country_count(self) -> int:
        return len(self.partners_by_country)

    @property
    def partnership_count(self) -> int:
        return sum(c.count for c in self.partnerships_by_kind)

    @property
    def agreement_count(self) -> int:
        return sum(c.count for c in self.agreements_by_status)

    @property
    def event_count(self) -> int:
        return sum(m.count for m in self.events_by_month)

    @property
    def delegation_count(self) -> int:
        return sum(c.count for c in self.delegations_by_direction)

    @property
    def participant_count(self) -> int:
        return sum(p.total for p in self.participants)


@dataclass(frozen=True)
class _Scope:
    municipalities: tuple[Municipality, ...]
    is_everything: bool  # no filter: also records that belong to no own municipality

    @property
    def keys(self) -> tuple[uuid.UUID | None, ...]:
        """What to pass as ``municipality_id`` to the statistics: None means everything."""
        if self.is_everything:
            return (None,)
        return tuple(m.id for m in self.municipalities if m.id is not None)

    @property
    def ids(self) -> frozenset[uuid.UUID]:
        return frozenset(m.id for m in self.municipalities if m.id is not None)


def build_annual(
    services: Services,
    year: int,
    *,
    region_id: uuid.UUID | None = None,
    municipality_ids: tuple[uuid.UUID, ...] = (),
    today: dt.date | None = None,
) -> AnnualReport:
    """The report of ``year``; ``today`` decides which agreements have already run out."""
    if not 1 <= year <= 9999:
        raise ValidationError.single("year", _("{year} is not a year").format(year=year))
    region = services.regions.get(region_id) if region_id else None
    scope = _scope(services, region, municipality_ids)
    countries = _partners_by_country(services, scope)
    counts = _count_year(services, year, scope, today)
    return AnnualReport(
        title=_title(region, year),
        scope=_scope_name(region, scope, municipality_ids),
        year=year,
        municipality_count=len(scope.municipalities),
        partner_count=sum(c.count for c in countries),
        partnerships_by_kind=_partnerships_by_kind(services, scope),
        agreements_by_status=tuple(
            Count(status.label(), counts.statuses[status])
            for status in AgreementStatus
            if counts.statuses[status]
        ),
        partners_by_country=countries,
        concluded=_agreement_lines(services, counts.concluded.values(), is_expired=False),
        expired=_agreement_lines(services, counts.expired.values(), is_expired=True),
        events_by_kind=tuple(
            Count(kind.label(), n)
            for kind, n in sorted(counts.kinds.items(), key=lambda i: (-i[1], i[0].label()))
        ),
        events_by_format=tuple(Count(f.label(), counts.formats[f]) for f in EventFormat),
        events_by_municipality=_events_by_municipality(services, year, scope),
        events_by_month=_months(counts.months),
        delegations=_delegations(services, year, scope),
        delegations_by_direction=tuple(
            Count(d.label(), counts.directions[d]) for d in DelegationDirection
        ),
        participants=_participants(counts.participants),
    )


@dataclass
class _YearCounts:
    """What the statistics say for each municipality of the scope, merged."""

    concluded: dict[uuid.UUID, AgreementRef] = field(default_factory=dict)
    expired: dict[uuid.UUID, AgreementRef] = field(default_factory=dict)
    statuses: Counter[AgreementStatus] = field(default_factory=Counter)
    kinds: Counter[EventKind] = field(default_factory=Counter)
    formats: Counter[EventFormat] = field(default_factory=Counter)
    months: Counter[int] = field(default_factory=Counter)
    directions: Counter[DelegationDirection] = field(default_factory=Counter)
    participants: Counter[tuple[ParticipantCategory, ExchangeDirection]] = field(
        default_factory=Counter
    )


def _count_year(services: Services, year: int, scope: _Scope, today: dt.date | None) -> _YearCounts:
    stats = services.statistics
    counts = _YearCounts()
    for key in scope.keys:
        of_year = stats.agreements_of_year(year, key, today)
        counts.concluded.update((a.id, a) for a in of_year.concluded)
        counts.expired.update((a.id, a) for a in of_year.expired)
        counts.kinds.update({k.kind: k.count for k in stats.events_by_kind(year, None, key)})
        counts.formats.update({f.format: f.count for f in stats.events_by_format(year, None, key)})
        counts.months.update({m.month: m.count for m in stats.events_by_month(year, key)})
        for p in stats.participants(year, year, municipality_id=key):
            counts.participants[(p.category, p.direction)] += p.count
        summary = stats.summary(year, key)
        counts.directions.update(summary.delegations_by_direction)
        counts.statuses.update(summary.agreements_by_status)
    if len(scope.keys) > 1:
        # An agreement may name two of our municipalities as parties: count it once.
        counts.statuses = _agreement_statuses(services, scope)
    return counts


def _agreement_statuses(services: Services, scope: _Scope) -> Counter[AgreementStatus]:
    found: dict[uuid.UUID, AgreementStatus] = {}
    for key in scope.keys:
        for agreement in services.agreements.all(AgreementFilter(municipality_id=key)):
            if agreement.id is not None:
                found[agreement.id] = agreement.status
    return Counter(found.values())


def _scope(services: Services, region: Region | None, ids: tuple[uuid.UUID, ...]) -> _Scope:
    if ids:
        chosen = [services.municipalities.get(key) for key in dict.fromkeys(ids)]
    elif region is not None:
        chosen = services.municipalities.all(MunicipalityFilter(region_id=region.id))
        if not chosen:
            raise ValidationError.single("region", _("has no municipalities to report on"))
    else:
        chosen = services.municipalities.all()
    ordered = sorted(chosen, key=lambda m: (_municipality_name(m), m.name_ru))
    return _Scope(tuple(ordered), is_everything=not ids and region is None)


def _municipality_name(municipality: Municipality) -> str:
    if current_language() == "ru":
        return municipality.name_ru
    return municipality.name_en or municipality.name_ru


def _region_name(region: Region, genitive: bool) -> str:
    if current_language() == "ru":
        return (region.name_ru_genitive if genitive else "") or region.name_ru
    return region.name_en or region.name_ru


def _title(region: Region | None, year: int) -> str:
    if region is not None:
        return _(
            "Report on the international ties of the municipalities of {region} for {year}"
        ).format(region=_region_name(region, genitive=True), year=year)
    return _("Report on the international ties for {year}").format(year=year)


def _scope_name(region: Region | None, scope: _Scope, ids: tuple[uuid.UUID, ...]) -> str:
    if scope.is_everything:
        return ""
    names = ", ".join(_municipality_name(m) for m in scope.municipalities)
    if region is not None and not ids:
        return _("{region}: {municipalities}").format(
            region=_region_name(region, genitive=False), municipalities=names
        )
    return names


def _partnerships_by_kind(services: Services, scope: _Scope) -> tuple[Count, ...]:
    totals: Counter[PartnershipKind] = Counter()
    for row in services.statistics.partners_by_municipality():
        if scope.is_everything or row.municipality_id in scope.ids:
            totals.update(row.by_kind)
    return tuple(Count(kind.label(), totals[kind]) for kind in PartnershipKind)


def _partners_by_country(services: Services, scope: _Scope) -> tuple[CountryCount, ...]:
    """Distinct partner cities of current (not ended) partnerships, per country."""
    keys = scope.keys
    if len(keys) == 1:
        found = services.statistics.partners_by_country(keys[0], kinds=tuple(PartnershipKind))
        return tuple(CountryCount(c.code, c.name, c.count) for c in found)
    # Several municipalities may share a partner: collect the partners, then count.
    current: set[uuid.UUID] = set()
    for key in keys:
        for link in services.partnerships.all(PartnershipFilter(municipality_id=key)):
            if link.status is not PartnershipStatus.ENDED:
                current.add(link.partner_id)
    countries: Counter[str] = Counter()
    for key in keys:
        for partner in services.partners.all(PartnerFilter(municipality_id=key)):
            if partner.id in current:
                current.discard(partner.id)
                countries[partner.country_code.upper()] += 1
    result = [CountryCount(code, territory_name(code), n) for code, n in countries.items()]
    return tuple(sorted(result, key=lambda c: (-c.count, c.name, c.code)))


def _long_date(day: dt.date | None) -> str:
    return format_date(day, format="long", locale=current_locale()) if day else ""


def _agreement_lines(
    services: Services, refs: Iterable[AgreementRef], *, is_expired: bool
) -> tuple[AgreementLine, ...]:
    lines = []
    for ref in sorted(refs, key=lambda r: (r.date or dt.date.min, r.title, str(r.id))):
        agreement = services.agreements.get(ref.id)
        lines.append(
            AgreementLine(
                title=ref.title,
                signed=", ".join(
                    p for p in (_long_date(agreement.signed_date), agreement.signed_place) if p
                ),
                registration=_registration(agreement),
                ran_out=_long_date(ref.date) if is_expired else "",
                status=ref.status.label(),
            )
        )
    return tuple(lines)


def _registration(agreement: Agreement) -> str:
    if not agreement.registration_number:
        return _long_date(agreement.registration_date)
    if agreement.registration_date is None:
        return _("No. {number}").format(number=agreement.registration_number)
    return _("No. {number} of {date}").format(
        number=agreement.registration_number, date=_long_date(agreement.registration_date)
    )


def _events_by_municipality(services: Services, year: int, scope: _Scope) -> tuple[Count, ...]:
    """Every municipality of the scope with its events (zeros included), by name; events that
    belong to no own municipality last, when the whole database is covered."""
    counts = {m.municipality_id: m.count for m in services.statistics.events_by_municipality(year)}
    rows = [Count(_municipality_name(m), counts.get(m.id, 0)) for m in scope.municipalities]
    if scope.is_everything and counts.get(None):
        rows.append(Count(_("No own municipality"), counts[None]))
    return tuple(rows)


def _months(counts: Counter[int]) -> tuple[MonthCount, ...]:
    names = current_locale().months["stand-alone"]
    return tuple(
        MonthCount(
            month,
            _capitalised(names["wide"][month]),
            _capitalised(names["abbreviated"][month]),
            counts[month],
        )
        for month in MONTHS
    )


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _delegations(services: Services, year: int, scope: _Scope) -> tuple[DelegationLine, ...]:
    """The delegations that start in the year (as the statistics count them)."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    found = {}
    for key in scope.keys:
        flt = DelegationFilter(municipality_id=key, date_from=first, date_to=last)
        for delegation in services.delegations.all(flt):
            if first <= delegation.start_date <= last:
                found[delegation.id] = delegation
    ordered = sorted(found.values(), key=lambda d: (d.start_date, d.end_date, d.title))
    locale = current_locale()
    partner_names: dict[uuid.UUID, str] = {}
    lines = []
    for delegation in ordered:
        partners = []
        for key in delegation.partner_ids:
            if key not in partner_names:
                partner_names[key] = _partner_name(services, key)
            partners.append(partner_names[key])
        lines.append(
            DelegationLine(
                dates=FuzzyDate.range(delegation.start_date, delegation.end_date).format(locale),
                direction=delegation.direction.label(),
                title=delegation.title,
                partners="; ".join(partners),
                place=delegation.place,
            )
        )
    return tuple(lines)


def _partner_name(services: Services, key: uuid.UUID) -> str:
    partner = services.partners.get(key, include_deleted=True)
    if current_language() == "ru":
        name = partner.display_name
    else:
        name = partner.name_en or partner.name_local or partner.name_ru
    return _("{city} ({country})").format(city=name, country=territory_name(partner.country_code))


def _participants(
    counts: Counter[tuple[ParticipantCategory, ExchangeDirection]],
) -> tuple[ParticipantLine, ...]:
    lines = (
        ParticipantLine(
            category.label(),
            counts[(category, ExchangeDirection.INBOUND)],
            counts[(category, ExchangeDirection.OUTBOUND)],
        )
        for category in ParticipantCategory
    )
    return tuple(line for line in lines if line.total)
