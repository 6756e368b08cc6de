"""The numbers the reports and the news quote, counted from the data.

"Volgograd has 46 twin and partner cities", "780 pupils and students in 6 years", "agreements
concluded and expired in 2024", "events of the II quarter": each is one call here. Counting
happens in SQL (GROUP BY, COUNT, SUM) over live records only (``deleted_at IS NULL``); what comes
back are small frozen dataclasses. Country names follow the current language (Babel); the
continent of a country comes from pycountry-convert, its name from CLDR (Babel).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, TypeVarTuple

from pycountry_convert import country_alpha2_to_continent_code
from sqlalchemy import ColumnElement, Select, and_, case, extract, func, or_, select
from sqlalchemy.orm import Session

from mumidesk.db.engine import Database
from mumidesk.db.models import (
    AgreementPartyRow,
    AgreementRow,
    DelegationRow,
    EventRow,
    ExchangePartnerRow,
    ExchangeProgrammeRow,
    MunicipalityRow,
    ParticipationRow,
    PartnerRow,
    PartnershipRow,
)
from mumidesk.domain.deadlines import quarter_bounds, quarter_of
from mumidesk.domain.enums import (
    AgreementStatus,
    DelegationDirection,
    EventFormat,
    EventKind,
    ExchangeDirection,
    ExchangeKind,
    ParticipantCategory,
    PartnershipKind,
    PartnershipStatus,
)
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.lifecycle import IN_FORCE
from mumidesk.i18n import _, current_language, current_locale

_Ts = TypeVarTuple("_Ts")

# From signing on an agreement counts as concluded, whatever happened to it later.
CONCLUDED = frozenset(
    {
        AgreementStatus.SIGNED,
        AgreementStatus.SUBMITTED_FOR_REGISTRATION,
        AgreementStatus.REGISTERED,
        AgreementStatus.PROLONGED,
        AgreementStatus.SUSPENDED,
        AgreementStatus.TERMINATED,
        AgreementStatus.EXPIRED,
    }
)
# A suspended agreement still runs out at the end of its term.
RUNNING = IN_FORCE | {AgreementStatus.SUSPENDED}

# pycountry-convert's continent codes → the UN M49 codes CLDR names ("150" → "Европа").
_M49 = {"AF": "002", "AS": "142", "EU": "150", "NA": "003", "SA": "005", "OC": "009", "AN": "AQ"}
UNKNOWN_CONTINENT = "ZZ"


def continent_of(country_code: str) -> str:
    """The M49 code of the continent a country lies on; "ZZ" when unknown."""
    try:
        code = country_alpha2_to_continent_code(country_code.upper())
    except (KeyError, ValueError):
        return UNKNOWN_CONTINENT
    return _M49.get(code, UNKNOWN_CONTINENT)


def territory_name(code: str) -> str:
    """A country or continent name in the current language, e.g. "Беларусь", "Европа"."""
    return str(current_locale().territories.get(code.upper(), code))


# --- results ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MunicipalityPartners:
    """Distinct partners of one own municipality, by kind of partnership and in all."""

    municipality_id: uuid.UUID
    name_ru: str
    name_en: str
    by_kind: dict[PartnershipKind, int]
    total: int

    @property
    def name(self) -> str:
        return _localised(self.name_ru, self.name_en)


@dataclass(frozen=True, slots=True)
class CountryCount:
    code: str  # ISO 3166-1 alpha-2
    name: str  # in the current language
    continent: str  # M49 code
    count: int


@dataclass(frozen=True, slots=True)
class ContinentCount:
    code: str  # M49 code ("150" Europe, "142" Asia …) or "ZZ"
    name: str
    countries: int
    count: int


@dataclass(frozen=True, slots=True)
class ParticipantCount:
    year: int
    category: ParticipantCategory
    direction: ExchangeDirection
    count: int


@dataclass(frozen=True, slots=True)
class AgreementRef:
    id: uuid.UUID
    title: str
    status: AgreementStatus
    date: dt.date | None  # signed (concluded lists) or the day it ran out (expired lists)


@dataclass(frozen=True, slots=True)
class AgreementsOfYear:
    year: int
    concluded: tuple[AgreementRef, ...]
    expired: tuple[AgreementRef, ...]

    @property
    def concluded_count(self) -> int:
        return len(self.concluded)

    @property
    def expired_count(self) -> int:
        return len(self.expired)


@dataclass(frozen=True, slots=True)
class QuarterCount:
    quarter: int
    count: int


@dataclass(frozen=True, slots=True)
class MonthCount:
    month: int  # 1–12
    count: int


@dataclass(frozen=True, slots=True)
class MunicipalityCount:
    municipality_id: uuid.UUID | None  # None: records that belong to no own municipality
    name_ru: str
    name_en: str
    count: int

    @property
    def name(self) -> str:
        return _localised(self.name_ru, self.name_en)


@dataclass(frozen=True, slots=True)
class KindCount:
    kind: EventKind
    count: int


@dataclass(frozen=True, slots=True)
class FormatCount:
    format: EventFormat
    count: int


@dataclass(frozen=True, slots=True)
class Summary:
    """The overview `mumidesk stats` prints; with a year, the activity of that year."""

    year: int | None
    municipality_id: uuid.UUID | None
    municipalities: int
    partners: int
    partner_countries: int
    partnerships: int
    agreements: int
    agreements_by_status: dict[AgreementStatus, int]
    agreements_concluded: int | None  # only with a year
    agreements_expired: int | None  # only with a year
    delegations: int
    delegations_by_direction: dict[DelegationDirection, int]
    events: int
    exchange_programmes: int
    participants: int


def _localised(name_ru: str, name_en: str) -> str:
    if current_language() != "ru" and name_en:
        return name_en
    return name_ru or name_en


def _codes(values: Collection[Any] | None) -> list[str] | None:
    if values is None:
        return None
    return [getattr(v, "value", v) for v in values]


def _year_bounds(year: int) -> tuple[dt.date, dt.date]:
    if not 1 <= year <= 9999:
        raise ValidationError.single("year", _("{year} is not a year").format(year=year))
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


class StatisticsService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- partners ----------------------------------------------------------------------------
    def _live_partnerships(
        self,
        municipality_id: uuid.UUID | None,
        kinds: Collection[PartnershipKind] | None,
        include_ended: bool,
    ) -> list[ColumnElement[bool]]:
        """Conditions for partnerships that count: live, of a live partner and municipality."""
        conditions: list[ColumnElement[bool]] = [
            PartnershipRow.deleted_at.is_(None),
            PartnerRow.deleted_at.is_(None),
            MunicipalityRow.deleted_at.is_(None),
        ]
        if not include_ended:
            conditions.append(PartnershipRow.status != PartnershipStatus.ENDED.value)
        if municipality_id is not None:
            conditions.append(PartnershipRow.municipality_id == municipality_id)
        kind_codes = _codes(kinds)
        if kind_codes is not None:
            conditions.append(PartnershipRow.kind.in_(kind_codes))
        return conditions

    @staticmethod
    def _partnership_join(stmt: Select[*_Ts]) -> Select[*_Ts]:
        return stmt.join(PartnerRow, PartnerRow.id == PartnershipRow.partner_id).join(
            MunicipalityRow, MunicipalityRow.id == PartnershipRow.municipality_id
        )

    def partner_count(
        self,
        municipality_id: uuid.UUID | None = None,
        kinds: Collection[PartnershipKind] | None = None,
        include_ended: bool = False,
    ) -> int:
        """Distinct partners linked by a current partnership (of the given kinds).

        ``partner_count(volgograd.id, kinds=(TWIN, PARTNER))`` → 46.
        """
        stmt = self._partnership_join(
            select(func.count(func.distinct(PartnershipRow.partner_id))).select_from(PartnershipRow)
        ).where(*self._live_partnerships(municipality_id, kinds, include_ended))
        with self.db.reading() as session:
            return int(session.scalar(stmt) or 0)

    def partners_by_municipality(self, include_ended: bool = False) -> list[MunicipalityPartners]:
        """Every live own municipality with its partners by kind, by Russian name."""
        conditions = self._live_partnerships(None, None, include_ended)
        by_kind_stmt = self._partnership_join(
            select(
                PartnershipRow.municipality_id,
                PartnershipRow.kind,
                func.count(func.distinct(PartnershipRow.partner_id)),
            ).select_from(PartnershipRow)
        ).where(*conditions)
        by_kind_stmt = by_kind_stmt.group_by(PartnershipRow.municipality_id, PartnershipRow.kind)
        total_stmt = self._partnership_join(
            select(
                PartnershipRow.municipality_id,
                func.count(func.distinct(PartnershipRow.partner_id)),
            ).select_from(PartnershipRow)
        ).where(*conditions)
        total_stmt = total_stmt.group_by(PartnershipRow.municipality_id)
        municipalities = (
            select(MunicipalityRow.id, MunicipalityRow.name_ru, MunicipalityRow.name_en)
            .where(MunicipalityRow.deleted_at.is_(None))
            .order_by(MunicipalityRow.name_ru, MunicipalityRow.id)
        )
        with self.db.reading() as session:
            kinds: dict[uuid.UUID, dict[PartnershipKind, int]] = {}
            for key, kind, count in session.execute(by_kind_stmt):
                kinds.setdefault(key, {})[PartnershipKind(kind)] = int(count)
            totals = {key: int(count) for key, count in session.execute(total_stmt)}
            rows = session.execute(municipalities).all()
        return [
            MunicipalityPartners(
                municipality_id=key,
                name_ru=name_ru,
                name_en=name_en,
                by_kind={k: kinds.get(key, {}).get(k, 0) for k in PartnershipKind},
                total=totals.get(key, 0),
            )
            for key, name_ru, name_en in rows
        ]

    def _country_counts(
        self,
        session: Session,
        municipality_id: uuid.UUID | None,
        kinds: Collection[PartnershipKind] | None,
        include_ended: bool,
    ) -> list[tuple[str, int]]:
        if municipality_id is None and kinds is None:
            # The whole partner registry, linked to one of ours or not.
            stmt = (
                select(PartnerRow.country_code, func.count())
                .where(PartnerRow.deleted_at.is_(None))
                .group_by(PartnerRow.country_code)
            )
        else:
            stmt = self._partnership_join(
                select(
                    PartnerRow.country_code, func.count(func.distinct(PartnershipRow.partner_id))
                ).select_from(PartnershipRow)
            ).where(*self._live_partnerships(municipality_id, kinds, include_ended))
            stmt = stmt.group_by(PartnerRow.country_code)
        return [(code.upper(), int(count)) for code, count in session.execute(stmt)]

    def partners_by_country(
        self,
        municipality_id: uuid.UUID | None = None,
        kinds: Collection[PartnershipKind] | None = None,
        include_ended: bool = False,
    ) -> list[CountryCount]:
        """Partners per country, most first. Without a municipality or kinds: every live partner
        in the registry; with them: the partners of current partnerships."""
        with self.db.reading() as session:
            counts = self._country_counts(session, municipality_id, kinds, include_ended)
        result = [
            CountryCount(code, territory_name(code), continent_of(code), count)
            for code, count in counts
        ]
        return sorted(result, key=lambda c: (-c.count, c.name, c.code))

    def partners_by_continent(
        self,
        municipality_id: uuid.UUID | None = None,
        kinds: Collection[PartnershipKind] | None = None,
        include_ended: bool = False,
    ) -> list[ContinentCount]:
        """Partners per continent (from the per-country counts, a few hundred rows at most)."""
        totals: dict[str, list[int]] = {}
        for country in self.partners_by_country(municipality_id, kinds, include_ended):
            entry = totals.setdefault(country.continent, [0, 0])
            entry[0] += 1
            entry[1] += country.count
        result = [
            ContinentCount(code, territory_name(code), countries, count)
            for code, (countries, count) in totals.items()
        ]
        return sorted(result, key=lambda c: (-c.count, c.name))

    # --- exchanges ----------------------------------------------------------------------------
    def _participation_conditions(
        self,
        first_year: int | None,
        last_year: int | None,
        categories: Collection[ParticipantCategory] | None,
        directions: Collection[ExchangeDirection] | None,
        kinds: Collection[ExchangeKind] | None,
        municipality_id: uuid.UUID | None,
        partner_id: uuid.UUID | None,
    ) -> list[ColumnElement[bool]]:
        if first_year is not None and last_year is not None and last_year < first_year:
            raise ValidationError.single(
                "last_year",
                _("{last} is before the first year {first}").format(
                    last=last_year, first=first_year
                ),
            )
        conditions: list[ColumnElement[bool]] = [ExchangeProgrammeRow.deleted_at.is_(None)]
        if first_year is not None:
            conditions.append(ParticipationRow.year >= first_year)
        if last_year is not None:
            conditions.append(ParticipationRow.year <= last_year)
        for column, values in (
            (ParticipationRow.category, categories),
            (ParticipationRow.direction, directions),
            (ExchangeProgrammeRow.kind, kinds),
        ):
            codes = _codes(values)
            if codes is not None:
                conditions.append(column.in_(codes))
        if municipality_id is not None:
            conditions.append(ExchangeProgrammeRow.municipality_id == municipality_id)
        if partner_id is not None:
            conditions.append(
                ExchangeProgrammeRow.id.in_(
                    select(ExchangePartnerRow.programme_id).where(
                        ExchangePartnerRow.partner_id == partner_id
                    )
                )
            )
        return conditions

    def participants(
        self,
        first_year: int | None = None,
        last_year: int | None = None,
        *,
        categories: Collection[ParticipantCategory] | None = None,
        directions: Collection[ExchangeDirection] | None = None,
        kinds: Collection[ExchangeKind] | None = None,
        municipality_id: uuid.UUID | None = None,
        partner_id: uuid.UUID | None = None,
    ) -> list[ParticipantCount]:
        """Exchange participants summed per year, category and direction."""
        conditions = self._participation_conditions(
            first_year, last_year, categories, directions, kinds, municipality_id, partner_id
        )
        stmt = (
            select(
                ParticipationRow.year,
                ParticipationRow.category,
                ParticipationRow.direction,
                func.sum(ParticipationRow.count),
            )
            .join(ExchangeProgrammeRow, ExchangeProgrammeRow.id == ParticipationRow.programme_id)
            .where(*conditions)
            .group_by(ParticipationRow.year, ParticipationRow.category, ParticipationRow.direction)
            .order_by(ParticipationRow.year, ParticipationRow.category, ParticipationRow.direction)
        )
        with self.db.reading() as session:
            rows = session.execute(stmt).all()
        return [
            ParticipantCount(
                int(year), ParticipantCategory(category), ExchangeDirection(direction), int(total)
            )
            for year, category, direction, total in rows
        ]

    def participants_total(
        self,
        first_year: int | None = None,
        last_year: int | None = None,
        *,
        categories: Collection[ParticipantCategory] | None = None,
        directions: Collection[ExchangeDirection] | None = None,
        kinds: Collection[ExchangeKind] | None = None,
        municipality_id: uuid.UUID | None = None,
        partner_id: uuid.UUID | None = None,
    ) -> int:
        """One number: ``participants_total(2014, 2019, categories=(PUPILS, STUDENTS))`` → 780."""
        conditions = self._participation_conditions(
            first_year, last_year, categories, directions, kinds, municipality_id, partner_id
        )
        stmt = (
            select(func.coalesce(func.sum(ParticipationRow.count), 0))
            .join(ExchangeProgrammeRow, ExchangeProgrammeRow.id == ParticipationRow.programme_id)
            .where(*conditions)
        )
        with self.db.reading() as session:
            return int(session.scalar(stmt) or 0)

    # --- agreements ---------------------------------------------------------------------------
    @staticmethod
    def _agreement_of(municipality_id: uuid.UUID) -> ColumnElement[bool]:
        own_party = select(AgreementPartyRow.agreement_id).where(
            AgreementPartyRow.municipality_id == municipality_id
        )
        return or_(AgreementRow.municipality_id == municipality_id, AgreementRow.id.in_(own_party))

    def _agreement_refs(
        self, session: Session, date_column: Any, conditions: list[ColumnElement[bool]]
    ) -> tuple[AgreementRef, ...]:
        stmt = (
            select(AgreementRow.id, AgreementRow.title, AgreementRow.status, date_column)
            .where(AgreementRow.deleted_at.is_(None), *conditions)
            .order_by(date_column, AgreementRow.title, AgreementRow.id)
        )
        return tuple(
            AgreementRef(key, title, AgreementStatus(status), day)
            for key, title, status, day in session.execute(stmt)
        )

    @staticmethod
    def _count_agreements(session: Session, conditions: list[ColumnElement[bool]]) -> int:
        stmt = select(func.count()).select_from(AgreementRow)
        stmt = stmt.where(AgreementRow.deleted_at.is_(None), *conditions)
        return int(session.scalar(stmt) or 0)

    def _concluded_conditions(
        self, year: int, municipality_id: uuid.UUID | None
    ) -> list[ColumnElement[bool]]:
        first, last = _year_bounds(year)
        conditions = [
            AgreementRow.signed_date >= first,
            AgreementRow.signed_date <= last,
            AgreementRow.status.in_(_codes(CONCLUDED) or []),
        ]
        if municipality_id is not None:
            conditions.append(self._agreement_of(municipality_id))
        return conditions

    def _expired_parts(
        self, year: int, municipality_id: uuid.UUID | None, today: dt.date | None
    ) -> tuple[Any, list[ColumnElement[bool]]]:
        first, last = _year_bounds(year)
        today = today or dt.date.today()
        ran_out = func.coalesce(AgreementRow.ended_on, AgreementRow.expires_on)
        recorded = and_(
            AgreementRow.status == AgreementStatus.EXPIRED.value,
            ran_out >= first,
            ran_out <= last,
        )
        # Still marked in force, but the term is over and nothing prolongs it.
        lapsed = and_(
            AgreementRow.status.in_(_codes(RUNNING) or []),
            AgreementRow.expires_on >= first,
            AgreementRow.expires_on <= last,
            AgreementRow.expires_on < today,
            AgreementRow.auto_prolongation.is_(False),
        )
        date_column = case(
            (AgreementRow.status == AgreementStatus.EXPIRED.value, ran_out),
            else_=AgreementRow.expires_on,
        )
        conditions: list[ColumnElement[bool]] = [or_(recorded, lapsed)]
        if municipality_id is not None:
            conditions.append(self._agreement_of(municipality_id))
        return date_column, conditions

    def agreements_concluded(
        self, year: int, municipality_id: uuid.UUID | None = None
    ) -> list[AgreementRef]:
        """Agreements signed in the year (any state from signed on), by signing date."""
        with self.db.reading() as session:
            return list(
                self._agreement_refs(
                    session,
                    AgreementRow.signed_date,
                    self._concluded_conditions(year, municipality_id),
                )
            )

    def agreements_expired(
        self, year: int, municipality_id: uuid.UUID | None = None, today: dt.date | None = None
    ) -> list[AgreementRef]:
        """Agreements that ran out in the year: recorded as expired then, or still marked in
        force (or suspended) with a term that ended then, before ``today``, and no automatic
        prolongation."""
        date_column, conditions = self._expired_parts(year, municipality_id, today)
        with self.db.reading() as session:
            return list(self._agreement_refs(session, date_column, conditions))

    def agreements_of_year(
        self, year: int, municipality_id: uuid.UUID | None = None, today: dt.date | None = None
    ) -> AgreementsOfYear:
        """Both lists of the annual report in one read."""
        date_column, expired = self._expired_parts(year, municipality_id, today)
        with self.db.reading() as session:
            concluded = self._agreement_refs(
                session, AgreementRow.signed_date, self._concluded_conditions(year, municipality_id)
            )
            return AgreementsOfYear(
                year, concluded, self._agreement_refs(session, date_column, expired)
            )

    # --- events -------------------------------------------------------------------------------
    def _event_conditions(
        self, year: int, quarter: int | None, municipality_id: uuid.UUID | None
    ) -> list[ColumnElement[bool]]:
        """Events counted by the day they start, so one spanning two quarters counts once."""
        if quarter is None:
            first, last = _year_bounds(year)
        else:
            _year_bounds(year)
            try:
                first, last = quarter_bounds(year, quarter)
            except ValueError:
                raise ValidationError.single(
                    "quarter", _("must be 1, 2, 3 or 4, not {value}").format(value=quarter)
                ) from None
        conditions: list[ColumnElement[bool]] = [
            EventRow.deleted_at.is_(None),
            EventRow.start_date >= first,
            EventRow.start_date <= last,
        ]
        if municipality_id is not None:
            conditions.append(EventRow.municipality_id == municipality_id)
        return conditions

    def events_by_month(
        self, year: int, municipality_id: uuid.UUID | None = None
    ) -> list[MonthCount]:
        """Events per month of the year by the day they start (all twelve, zeros included)."""
        # extract runs on SQLite and PostgreSQL alike, without bound parameters that would make
        # PostgreSQL's GROUP BY differ from the select list.
        month = extract("month", EventRow.start_date)
        stmt = (
            select(month, func.count())
            .where(*self._event_conditions(year, None, municipality_id))
            .group_by(month)
        )
        counts = dict.fromkeys(range(1, 13), 0)
        with self.db.reading() as session:
            for number, n in session.execute(stmt):
                counts[int(number)] += int(n)
        return [MonthCount(m, n) for m, n in counts.items()]

    def events_by_quarter(
        self, year: int, municipality_id: uuid.UUID | None = None
    ) -> list[QuarterCount]:
        """Events per quarter of the year (all four quarters, zeros included)."""
        counts = dict.fromkeys((1, 2, 3, 4), 0)
        for month in self.events_by_month(year, municipality_id):
            counts[quarter_of(dt.date(year, month.month, 1))] += month.count
        return [QuarterCount(q, n) for q, n in counts.items()]

    def events_by_municipality(
        self, year: int, quarter: int | None = None
    ) -> list[MunicipalityCount]:
        """Events per own municipality in a year or one of its quarters, by Russian name."""
        stmt = (
            select(
                EventRow.municipality_id,
                MunicipalityRow.name_ru,
                MunicipalityRow.name_en,
                func.count(EventRow.id),
            )
            .select_from(EventRow)
            .outerjoin(MunicipalityRow, MunicipalityRow.id == EventRow.municipality_id)
            .where(*self._event_conditions(year, quarter, None))
            .group_by(EventRow.municipality_id, MunicipalityRow.name_ru, MunicipalityRow.name_en)
        )
        with self.db.reading() as session:
            rows = session.execute(stmt).all()
        result = [
            MunicipalityCount(key, name_ru or "", name_en or "", int(n))
            for key, name_ru, name_en, n in rows
        ]
        return sorted(result, key=lambda m: (m.municipality_id is None, m.name_ru))

    def events_by_kind(
        self, year: int, quarter: int | None = None, municipality_id: uuid.UUID | None = None
    ) -> list[KindCount]:
        counts = self._event_counts(EventRow.kind, year, quarter, municipality_id)
        result = [KindCount(EventKind(code), n) for code, n in counts]
        return sorted(result, key=lambda k: (-k.count, k.kind.value))

    def events_by_format(
        self, year: int, quarter: int | None = None, municipality_id: uuid.UUID | None = None
    ) -> list[FormatCount]:
        counts = self._event_counts(EventRow.format, year, quarter, municipality_id)
        result = [FormatCount(EventFormat(code), n) for code, n in counts]
        return sorted(result, key=lambda f: (-f.count, f.format.value))

    def _event_counts(
        self,
        column: Any,
        year: int,
        quarter: int | None,
        municipality_id: uuid.UUID | None,
    ) -> list[tuple[str, int]]:
        """Events of the period counted per value of one code column (kind, format)."""
        stmt = (
            select(column, func.count())
            .where(*self._event_conditions(year, quarter, municipality_id))
            .group_by(column)
        )
        with self.db.reading() as session:
            return [(code, int(n)) for code, n in session.execute(stmt).all()]

    # --- overview -----------------------------------------------------------------------------
    def summary(self, year: int | None = None, municipality_id: uuid.UUID | None = None) -> Summary:
        """Counts of everything; with a year, delegations, events, programmes and participants
        of that year and the agreements concluded and expired in it. Agreement statuses and
        partners are as they stand now."""
        if year is not None:
            first, last = _year_bounds(year)
        with self.db.reading() as session:
            municipalities = select(func.count()).select_from(MunicipalityRow)
            municipalities = municipalities.where(MunicipalityRow.deleted_at.is_(None))
            if municipality_id is not None:
                municipalities = municipalities.where(MunicipalityRow.id == municipality_id)

            if municipality_id is None:
                partners = select(func.count()).where(PartnerRow.deleted_at.is_(None))
                partners = partners.select_from(PartnerRow)
            else:
                partners = self._partnership_join(
                    select(func.count(func.distinct(PartnershipRow.partner_id))).select_from(
                        PartnershipRow
                    )
                ).where(*self._live_partnerships(municipality_id, None, False))
            partnerships = self._partnership_join(
                select(func.count()).select_from(PartnershipRow)
            ).where(*self._live_partnerships(municipality_id, None, False))
            countries = len(self._country_counts(session, municipality_id, None, False))

            agreement_where: list[ColumnElement[bool]] = [AgreementRow.deleted_at.is_(None)]
            if municipality_id is not None:
                agreement_where.append(self._agreement_of(municipality_id))
            by_status = {
                AgreementStatus(code): int(n)
                for code, n in session.execute(
                    select(AgreementRow.status, func.count())
                    .where(*agreement_where)
                    .group_by(AgreementRow.status)
                )
            }
            concluded = expired = None
            if year is not None:
                concluded = self._count_agreements(
                    session, self._concluded_conditions(year, municipality_id)
                )
                _, expired_where = self._expired_parts(year, municipality_id, None)
                expired = self._count_agreements(session, expired_where)

            delegation_where: list[ColumnElement[bool]] = [DelegationRow.deleted_at.is_(None)]
            event_where: list[ColumnElement[bool]] = [EventRow.deleted_at.is_(None)]
            programme_where: list[ColumnElement[bool]] = [ExchangeProgrammeRow.deleted_at.is_(None)]
            if municipality_id is not None:
                delegation_where.append(DelegationRow.municipality_id == municipality_id)
                event_where.append(EventRow.municipality_id == municipality_id)
                programme_where.append(ExchangeProgrammeRow.municipality_id == municipality_id)
            participation_where = list(programme_where)
            if year is not None:
                delegation_where += [DelegationRow.start_date >= first]
                delegation_where += [DelegationRow.start_date <= last]
                event_where += [EventRow.start_date >= first, EventRow.start_date <= last]
                participation_where.append(ParticipationRow.year == year)
                programme_where.append(
                    or_(
                        ExchangeProgrammeRow.id.in_(
                            select(ParticipationRow.programme_id).where(
                                ParticipationRow.year == year
                            )
                        ),
                        and_(
                            func.coalesce(ExchangeProgrammeRow.start_date, last) <= last,
                            func.coalesce(ExchangeProgrammeRow.end_date, first) >= first,
                            or_(
                                ExchangeProgrammeRow.start_date.is_not(None),
                                ExchangeProgrammeRow.end_date.is_not(None),
                            ),
                        ),
                    )
                )
            by_direction = {
                DelegationDirection(code): int(n)
                for code, n in session.execute(
                    select(DelegationRow.direction, func.count())
                    .where(*delegation_where)
                    .group_by(DelegationRow.direction)
                )
            }
            events = session.scalar(select(func.count()).select_from(EventRow).where(*event_where))
            programmes = session.scalar(
                select(func.count()).select_from(ExchangeProgrammeRow).where(*programme_where)
            )
            participants = session.scalar(
                select(func.coalesce(func.sum(ParticipationRow.count), 0))
                .join(
                    ExchangeProgrammeRow, ExchangeProgrammeRow.id == ParticipationRow.programme_id
                )
                .where(*participation_where)
            )
            return Summary(
                year=year,
                municipality_id=municipality_id,
                municipalities=int(session.scalar(municipalities) or 0),
                partners=int(session.scalar(partners) or 0),
                partner_countries=countries,
                partnerships=int(session.scalar(partnerships) or 0),
                agreements=sum(by_status.values()),
                agreements_by_status={s: by_status.get(s, 0) for s in AgreementStatus},
                agreements_concluded=concluded,
                agreements_expired=expired,
                delegations=sum(by_direction.values()),
                delegations_by_direction={d: by_direction.get(d, 0) for d in DelegationDirection},
                events=int(events or 0),
                exchange_programmes=int(programmes or 0),
                participants=int(participants or 0),
            )
