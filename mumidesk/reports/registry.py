"""The registry of agreements (реестр соглашений): its content, without layout.

One row per agreement: registration number and date, the parties (our body — the partner body
with its country), title, subject and areas, signing date and place, term and prolongation,
status. Ordered by registration date, then signing date; agreements not yet registered (or not
signed) come after those that are. Filters: statuses, partner, own municipality, and a period
that the signing date falls in.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from babel.dates import format_date

from mumidesk.domain.agreements import Agreement, AgreementParty
from mumidesk.domain.enums import AgreementStatus, PartySide
from mumidesk.domain.errors import NotFoundError
from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.partners import Partner
from mumidesk.i18n import _, current_language, current_locale, ngettext
from mumidesk.reports.period import Period
from mumidesk.services.agreements import AgreementFilter
from mumidesk.services.registry import Services

# Own municipalities are Russian municipalities: a partner-side party that is one of them (a
# Russian twin city such as Smolensk for Kaluga) is in Russia.
OWN_COUNTRY = "RU"
MONTHS_PER_YEAR = 12
T = TypeVar("T")


@dataclass(frozen=True)
class RegistryRow:
    number: int
    registration: str  # "No. 1-МС/2017 of 16 January 2017"
    title: str
    parties: str  # "Городская Дума города Калуги — Могилевский городской Совет (Беларусь)"
    subject: str
    areas: str  # labels, comma-separated
    areas_line: str  # "Areas: Culture, Sport" as the subject cell ends
    signing: str  # "15 December 2016, г. Калуга" (or the planned date while unsigned)
    term: str  # "5 years, prolonged automatically for 5 years" / "indefinite"
    expires: str  # "until 15 January 2027" when known
    status: str

    def cells(self) -> tuple[str, ...]:
        """The row as the columns of ``column_titles()`` show it."""
        return (
            f"{self.number}.",
            self.registration,
            self.title,
            self.parties,
            _joined_lines(self.subject, self.areas_line),
            self.signing,
            _joined_lines(self.term, self.expires),
            self.status,
        )


@dataclass(frozen=True)
class Registry:
    title: str
    subtitle: str  # the filters applied and the "as of" date
    columns: tuple[str, ...]
    rows: tuple[RegistryRow, ...]
    period: Period | None
    as_of: dt.date = field(default_factory=dt.date.today)


def column_titles() -> tuple[str, ...]:
    return (
        _("No."),
        _("Registration number and date"),
        _("Agreement"),
        _("Parties"),
        _("Subject and areas of cooperation"),
        _("Signing date and place"),
        _("Term and prolongation"),
        _("Status"),
    )


def build_registry(
    services: Services,
    *,
    statuses: tuple[AgreementStatus, ...] = (),
    partner_id: uuid.UUID | None = None,
    municipality_id: uuid.UUID | None = None,
    period: Period | None = None,
    as_of: dt.date | None = None,
) -> Registry:
    agreements = services.agreements.all(
        AgreementFilter(
            statuses=tuple(statuses),
            partner_id=partner_id,
            municipality_id=municipality_id,
            signed_from=period.start if period else None,
            signed_to=period.end if period else None,
        )
    )
    agreements.sort(key=_order)
    names = _Names(services)
    rows = tuple(_row(number, a, names) for number, a in enumerate(agreements, start=1))
    today = as_of or dt.date.today()
    return Registry(
        title=_title(period),
        subtitle=_subtitle(statuses, partner_id, municipality_id, today, names),
        columns=column_titles(),
        rows=rows,
        period=period,
        as_of=today,
    )


def term_text(agreement: Agreement) -> str:
    """The term as the registry says it: "5 years, prolonged automatically for 5 years",
    "10 years", "indefinite" (Russian: "5 лет, продлевается на 5 лет", "бессрочно")."""
    if agreement.term_months is None:
        term = _("indefinite")
    else:
        term = duration_text(agreement.term_months)
    if not agreement.auto_prolongation:
        return term
    extension = agreement.prolongation_months or agreement.term_months
    if extension is None:
        return _("{term}, prolonged automatically").format(term=term)
    return _("{term}, prolonged automatically for {extension}").format(
        term=term, extension=duration_text(extension)
    )


def duration_text(months: int) -> str:
    """Whole years as years ("5 years"), anything else as months ("18 months")."""
    if months % MONTHS_PER_YEAR == 0:
        years = months // MONTHS_PER_YEAR
        return ngettext("{count} year", "{count} years", years).format(count=years)
    return ngettext("{count} month", "{count} months", months).format(count=months)


# --- ordering and rows -----------------------------------------------------------------------


def _order(a: Agreement) -> tuple[bool, dt.date, bool, dt.date, str]:
    never = dt.date.max
    return (
        a.registration_date is None,
        a.registration_date or never,
        a.signed_date is None,
        a.signed_date or never,
        a.title,
    )


def _row(number: int, a: Agreement, names: _Names) -> RegistryRow:
    areas = ", ".join(area.label() for area in a.areas)
    return RegistryRow(
        number=number,
        registration=_registration(a),
        title=a.title,
        parties=_parties(a.parties, names),
        subject=a.subject,
        areas=areas,
        areas_line=_labelled(_("Areas"), areas),
        signing=_signing(a),
        term=term_text(a),
        expires=_("until {date}").format(date=_date(a.expires_on)) if a.expires_on else "",
        status=a.status.label(),
    )


def _date(day: dt.date) -> str:
    return format_date(day, format="long", locale=current_locale())


def _registration(a: Agreement) -> str:
    number = a.registration_number.strip()
    if number and a.registration_date:
        return _("No. {number} of {date}").format(number=number, date=_date(a.registration_date))
    if number:
        return _("No. {number}").format(number=number)
    if a.registration_date:
        return _date(a.registration_date)
    return ""


def _signing(a: Agreement) -> str:
    if a.signed_date is not None:
        if a.signed_place.strip():
            return _("{date}, {place}").format(date=_date(a.signed_date), place=a.signed_place)
        return _date(a.signed_date)
    if a.planned_signing_date is not None:
        return _("planned for {date}").format(date=_date(a.planned_signing_date))
    return a.signed_place  # the place may be known before the day


def _parties(parties: list[AgreementParty], names: _Names) -> str:
    """Our bodies — the partner bodies (with their countries); third parties after a ";"."""
    own = [names.party(p) for p in parties if p.side is PartySide.OWN]
    partners = [names.party(p, with_country=True) for p in parties if p.side is PartySide.PARTNER]
    third = [names.party(p, with_country=True) for p in parties if p.side is PartySide.THIRD]
    sides = [", ".join(n for n in side if n) for side in (own, partners)]
    text = " — ".join(side for side in sides if side)
    extra = ", ".join(n for n in third if n)
    if extra:
        text = "; ".join(t for t in (text, extra) if t)
    return text


class _Names:
    """Names of partners and municipalities a party points to, each read once."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self._partners: dict[uuid.UUID, Partner | None] = {}
        self._municipalities: dict[uuid.UUID, Municipality | None] = {}

    def partner(self, key: uuid.UUID) -> Partner | None:
        return _cached(self._partners, key, self._services.partners.get)

    def municipality(self, key: uuid.UUID) -> Municipality | None:
        return _cached(self._municipalities, key, self._services.municipalities.get)

    def party(self, party: AgreementParty, *, with_country: bool = False) -> str:
        name = _localized(party.name_ru, party.name_en)
        partner = self.partner(party.partner_id) if party.partner_id else None
        municipality = self.municipality(party.municipality_id) if party.municipality_id else None
        if not name and municipality is not None and party.body_id is not None:
            body = next((b for b in municipality.bodies if b.id == party.body_id), None)
            if body is not None:
                name = _localized(body.name_ru, body.name_en)
        if not name and partner is not None:
            name = partner_name(partner)
        if not name and municipality is not None:
            name = _localized(municipality.name_ru, municipality.name_en)
        country = ""
        if partner is not None:
            country = partner.country_code
        elif municipality is not None:
            country = OWN_COUNTRY
        if not with_country or not country or not name:
            return name
        return _("{name} ({country})").format(name=name, country=country_name(country))


def _cached(cache: dict[uuid.UUID, T | None], key: uuid.UUID, read: Callable[..., T]) -> T | None:
    if key not in cache:
        try:
            cache[key] = read(key, include_deleted=True)  # a deleted partner keeps its name
        except NotFoundError:
            cache[key] = None
    return cache[key]


def partner_name(partner: Partner) -> str:
    if current_language() == "ru":
        return partner.name_ru or partner.name_en or partner.name_local
    return partner.name_en or partner.name_ru or partner.name_local


def municipality_name(municipality: Municipality) -> str:
    return _localized(municipality.name_ru, municipality.name_en)


def country_name(code: str) -> str:
    return current_locale().territories.get(code.upper(), code.upper())


def _localized(name_ru: str, name_en: str) -> str:
    if current_language() == "ru":
        return (name_ru or name_en).strip()
    return (name_en or name_ru).strip()


# --- title and subtitle ----------------------------------------------------------------------


def _title(period: Period | None) -> str:
    if period is None:
        return _("Registry of agreements")
    return _("Registry of agreements signed {period}").format(period=period.phrase())


def _subtitle(
    statuses: tuple[AgreementStatus, ...],
    partner_id: uuid.UUID | None,
    municipality_id: uuid.UUID | None,
    today: dt.date,
    names: _Names,
) -> str:
    parts: list[str] = []
    if municipality_id is not None:
        municipality = names.municipality(municipality_id)
        if municipality is not None:
            parts.append(_labelled(_("Municipality"), municipality_name(municipality)))
    if partner_id is not None:
        partner = names.partner(partner_id)
        if partner is not None:
            parts.append(_labelled(_("Partner"), partner_name(partner)))
    if statuses:
        parts.append(_labelled(_("Status"), ", ".join(s.label() for s in statuses)))
    parts.append(_("as of {date}").format(date=_date(today)))
    return "; ".join(parts)


def _labelled(label: str, text: str) -> str:
    return _("{label}: {text}").format(label=label, text=text) if text else ""


def _joined_lines(*parts: str) -> str:
    return "\n".join(p for p in parts if p)
