"""`mumidesk stats`, `mumidesk deadlines` and `mumidesk search`: quick answers from the data.

Everything printed is in the current language: words through gettext, dates and numbers through
Babel ("5 июня 2020 г.", "1 234"), plural forms through ngettext.
"""

from __future__ import annotations

import argparse
import datetime as dt
import uuid
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal

from mumidesk.cli.context import EXIT_OK, CliContext
from mumidesk.domain.deadlines import Deadline, quarter_bounds
from mumidesk.domain.enums import (
    AgreementStatus,
    DeadlineKind,
    DelegationDirection,
    ParticipantCategory,
)
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.municipalities import Municipality
from mumidesk.i18n import _, current_language, current_locale, ngettext
from mumidesk.services.agreements import AgreementService
from mumidesk.services.attachments import AttachmentService
from mumidesk.services.deadlines import MAX_HORIZON_DAYS
from mumidesk.services.delegations import DelegationService
from mumidesk.services.events import EventService
from mumidesk.services.exchanges import ExchangeService
from mumidesk.services.municipalities import MunicipalityService, RegionService
from mumidesk.services.organisations import OrganisationService, PersonService
from mumidesk.services.partners import PartnerService
from mumidesk.services.registry import searchable_services
from mumidesk.services.statistics import AgreementRef, StatisticsService, Summary

SEARCH_KINDS = tuple(
    cls.kind
    for cls in (
        MunicipalityService,
        PartnerService,
        AgreementService,
        DelegationService,
        EventService,
        ExchangeService,
        OrganisationService,
        PersonService,
        AttachmentService,
        RegionService,
    )
)
TOP_COUNTRIES = 10
INDENT = "  "


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("stats", help=_("counts of partners, agreements, visits and events"))
    p.add_argument("--year", type=int, help=_("the activity of one year"))
    p.add_argument("--municipality", metavar=_("NAME"), help=_("only this own municipality"))
    p.add_argument(
        "--from-year", type=int, metavar=_("YEAR"), help=_("exchange participants from this year")
    )
    p.add_argument(
        "--to-year", type=int, metavar=_("YEAR"), help=_("exchange participants up to this year")
    )
    p.set_defaults(handler=stats)

    p = subparsers.add_parser(
        "deadlines", help=_("what falls due soon, counted in Russian working days")
    )
    p.add_argument(
        "--within", type=int, required=True, metavar=_("DAYS"), help=_("days ahead to look")
    )
    p.add_argument("--today", metavar="YYYY-MM-DD", help=_("count from this day, not from today"))
    p.add_argument("--municipality", metavar=_("NAME"), help=_("only this own municipality"))
    p.set_defaults(handler=deadlines)

    p = subparsers.add_parser("search", help=_("find records by any word of their text"))
    p.add_argument("query", metavar=_("QUERY"), help=_("words to find (any case, parts of words)"))
    p.add_argument("--kind", choices=SEARCH_KINDS, help=_("only records of this kind"))
    p.add_argument("--limit", type=int, default=50, help=_("at most this many results"))
    p.set_defaults(handler=search)


# --- formatting helpers -------------------------------------------------------------------


def number(value: int) -> str:
    return format_decimal(value, locale=current_locale())


def day(value: dt.date) -> str:
    """A date in full: "5 июня 2020 г.", "June 5, 2020"."""
    return format_date(value, format="long", locale=current_locale())


def quarter_name(year: int, quarter: int) -> str:
    """ "2-й квартал 2020", "2nd quarter 2020" from CLDR."""
    return format_date(quarter_bounds(year, quarter)[0], "QQQQ y", locale=current_locale())


def _municipality(ctx: CliContext, name: str | None) -> Municipality | None:
    if not name:
        return None
    found = ctx.services.municipalities.find_by_name(name)
    if found is None:
        raise ValidationError.single(
            "--municipality", _("no own municipality is called “{name}”").format(name=name)
        )
    return found


def _name(municipality: Municipality | None) -> str:
    if municipality is None:
        return ""
    if current_language() != "ru" and municipality.name_en:
        return municipality.name_en
    return municipality.name_ru


# --- stats --------------------------------------------------------------------------------


def stats(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.year is not None and not 1900 <= args.year <= 2200:
        raise ValidationError.single(
            "--year", _("{year} is not a year between 1900 and 2200").format(year=args.year)
        )
    municipality = _municipality(ctx, args.municipality)
    municipality_id = municipality.id if municipality else None
    statistics = ctx.services.statistics
    summary = statistics.summary(args.year, municipality_id)
    _print_summary(ctx, summary, _name(municipality))

    per_municipality = [] if municipality_id else statistics.partners_by_municipality()
    if per_municipality:
        ctx.out()
        ctx.out(_("Partners of each own municipality:"))
        for entry in per_municipality:
            kinds = ", ".join(
                _("{kind}: {count}").format(kind=kind.label(), count=number(count))
                for kind, count in entry.by_kind.items()
                if count
            )
            line = f"{INDENT}{entry.name}: {number(entry.total)}"
            ctx.out(f"{line} ({kinds})" if kinds else line)

    continents = statistics.partners_by_continent(municipality_id)
    if continents:
        ctx.out()
        ctx.out(_("Partners by continent:"))
        for continent in continents:
            countries = ngettext(
                "{count} country", "{count} countries", continent.countries
            ).format(count=number(continent.countries))
            ctx.out(f"{INDENT}{continent.name}: {number(continent.count)} ({countries})")
        countries_list = statistics.partners_by_country(municipality_id)
        ctx.out()
        ctx.out(_("Partners by country:"))
        for country in countries_list[:TOP_COUNTRIES]:
            ctx.out(f"{INDENT}{country.name} ({country.code}): {number(country.count)}")
        rest = len(countries_list) - TOP_COUNTRIES
        if rest > 0:
            ctx.out(
                INDENT
                + ngettext("and {count} more country", "and {count} more countries", rest).format(
                    count=number(rest)
                )
            )

    if args.year is not None:
        _print_year(ctx, statistics, args.year, municipality_id)
    _print_exchanges(ctx, statistics, args.from_year, args.to_year, municipality_id)
    return EXIT_OK


def _print_exchanges(
    ctx: CliContext,
    statistics: StatisticsService,
    first: int | None,
    last: int | None,
    municipality_id: uuid.UUID | None,
) -> None:
    """Participants per year and category, and pupils + students over the span asked for."""
    rows = statistics.participants(first, last, municipality_id=municipality_id)
    if not rows:
        return
    by_year: dict[int, dict[ParticipantCategory, int]] = {}
    for row in rows:
        counts = by_year.setdefault(row.year, {})
        counts[row.category] = counts.get(row.category, 0) + row.count
    ctx.out()
    ctx.out(_("Exchange participants by year:"))
    for year, categories in sorted(by_year.items()):
        parts = ", ".join(
            f"{category.label()} {number(count)}" for category, count in categories.items()
        )
        ctx.out(f"{INDENT}{year}: {number(sum(categories.values()))} ({parts})")
    years = sorted(by_year)
    young = statistics.participants_total(
        years[0],
        years[-1],
        categories=(ParticipantCategory.PUPILS, ParticipantCategory.STUDENTS),
        municipality_id=municipality_id,
    )
    span = years[-1] - years[0] + 1
    ctx.out(
        ngettext(
            "Pupils and students in {first}–{last} ({years} year): {count}",
            "Pupils and students in {first}–{last} ({years} years): {count}",
            span,
        ).format(first=years[0], last=years[-1], years=span, count=number(young))
    )


def _print_summary(ctx: CliContext, s: Summary, municipality: str) -> None:
    if s.year is not None and municipality:
        title = _("Statistics of {municipality} for {year}").format(
            municipality=municipality, year=s.year
        )
    elif s.year is not None:
        title = _("Statistics for {year}").format(year=s.year)
    elif municipality:
        title = _("Statistics of {municipality}").format(municipality=municipality)
    else:
        title = _("Statistics")
    ctx.out(title)
    ctx.out(_("Own municipalities: {count}").format(count=number(s.municipalities)))
    ctx.out(
        _("Partners: {count} in {countries}").format(
            count=number(s.partners),
            countries=ngettext("{count} country", "{count} countries", s.partner_countries).format(
                count=number(s.partner_countries)
            ),
        )
    )
    ctx.out(_("Current partnerships: {count}").format(count=number(s.partnerships)))
    ctx.out(_("Agreements: {count}").format(count=number(s.agreements)))
    for status in AgreementStatus:
        count = s.agreements_by_status.get(status, 0)
        if count:
            ctx.out(f"{INDENT}{status.label()}: {number(count)}")
    if s.year is not None:
        ctx.out(
            _("Agreements concluded in {year}: {count}").format(
                year=s.year, count=number(s.agreements_concluded or 0)
            )
        )
        ctx.out(
            _("Agreements expired in {year}: {count}").format(
                year=s.year, count=number(s.agreements_expired or 0)
            )
        )
    ctx.out(_("Delegations: {count}").format(count=number(s.delegations)))
    for direction in DelegationDirection:
        count = s.delegations_by_direction.get(direction, 0)
        if count:
            ctx.out(f"{INDENT}{direction.label()}: {number(count)}")
    ctx.out(_("International events: {count}").format(count=number(s.events)))
    ctx.out(_("Exchange programmes: {count}").format(count=number(s.exchange_programmes)))
    ctx.out(_("Exchange participants: {count}").format(count=number(s.participants)))


def _print_year(
    ctx: CliContext, statistics: StatisticsService, year: int, municipality_id: uuid.UUID | None
) -> None:
    ctx.out()
    ctx.out(_("Events by quarter:"))
    for entry in statistics.events_by_quarter(year, municipality_id):
        ctx.out(f"{INDENT}{quarter_name(year, entry.quarter)}: {number(entry.count)}")
    kinds = statistics.events_by_kind(year, municipality_id=municipality_id)
    if kinds:
        ctx.out(_("Events by kind:"))
        for kind in kinds:
            ctx.out(f"{INDENT}{kind.kind.label()}: {number(kind.count)}")
    formats = statistics.events_by_format(year, municipality_id=municipality_id)
    if formats:
        ctx.out(_("Events by format:"))
        for fmt in formats:
            ctx.out(f"{INDENT}{fmt.format.label()}: {number(fmt.count)}")

    participants: dict[Any, int] = {}
    for row in statistics.participants(year, year, municipality_id=municipality_id):
        participants[row.category] = participants.get(row.category, 0) + row.count
    if participants:
        ctx.out(_("Exchange participants by category:"))
        for category, count in participants.items():
            ctx.out(f"{INDENT}{category.label()}: {number(count)}")

    agreements = statistics.agreements_of_year(year, municipality_id)
    _print_agreements(ctx, _("Agreements concluded in {year}:"), year, agreements.concluded)
    _print_agreements(ctx, _("Agreements expired in {year}:"), year, agreements.expired)


def _print_agreements(
    ctx: CliContext, heading: str, year: int, refs: tuple[AgreementRef, ...]
) -> None:
    if not refs:
        return
    ctx.out(heading.format(year=year))
    for ref in refs:
        when = day(ref.date) if ref.date else "—"
        ctx.out(f"{INDENT}{when} · {ref.title}")


# --- deadlines ----------------------------------------------------------------------------


def _parse_today(value: str | None) -> dt.date:
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError.single(
            "--today", _("“{value}” is not a date in the form YYYY-MM-DD").format(value=value)
        ) from None


def deadlines(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.within < 0:
        raise ValidationError.single("--within", _("must not be negative"))
    if args.within > MAX_HORIZON_DAYS:
        raise ValidationError.single(
            "--within", _("must be at most {limit}").format(limit=number(MAX_HORIZON_DAYS))
        )
    today = _parse_today(args.today)
    municipality = _municipality(ctx, args.municipality)
    found = ctx.services.deadlines.due_within(
        args.within, today, municipality.id if municipality else None
    )
    horizon = today + dt.timedelta(days=args.within)
    if municipality is None:
        title = _("Deadlines from {start} to {end}")
    else:
        title = _("Deadlines of {municipality} from {start} to {end}")
    ctx.out(title.format(municipality=_name(municipality), start=day(today), end=day(horizon)))
    if not found:
        ctx.out(_("Nothing falls due."))
        return EXIT_OK
    overdue = sum(1 for d in found if d.is_overdue(today))
    if overdue:
        ctx.out(
            ngettext(
                "{count} deadline is overdue.", "{count} deadlines are overdue.", overdue
            ).format(count=number(overdue))
        )
    for deadline in found:
        ctx.out(_deadline_line(deadline, today))
    return EXIT_OK


def _when(due: dt.date, today: dt.date) -> str:
    delta = (due - today).days
    if delta == 0:
        return _("today")
    if delta > 0:
        return ngettext("in {count} day", "in {count} days", delta).format(count=number(delta))
    late = -delta
    return ngettext("overdue by {count} day", "overdue by {count} days", late).format(
        count=number(late)
    )


def _subject(deadline: Deadline) -> str:
    kind = deadline.kind
    target = deadline.target_date
    if kind is DeadlineKind.QUARTERLY_REPORT and target is not None:
        return quarter_name(target.year, (target.month - 1) // 3 + 1)
    if kind is DeadlineKind.ANNUAL_REPORT and target is not None:
        return _("the year {year}").format(year=target.year)
    if target is None:
        return deadline.subject_title
    if kind is DeadlineKind.APPROVAL_REQUEST:
        detail = _("signing planned for {date}")
    elif kind is DeadlineKind.REGISTRATION:
        detail = _("signed on {date}")
    elif kind is DeadlineKind.DELEGATION_REPORT:
        detail = _("returned on {date}")
    elif kind is DeadlineKind.PROLONGATION_NOTICE:
        detail = _("prolongs itself after {date}")
    else:
        detail = _("expires on {date}")
    return _("{title} ({detail})").format(
        title=deadline.subject_title, detail=detail.format(date=day(target))
    )


def _deadline_line(deadline: Deadline, today: dt.date) -> str:
    mark = "!" if deadline.is_overdue(today) else " "
    return _("{mark} {due} · {what}: {subject} — {when}").format(
        mark=mark,
        due=day(deadline.due),
        what=deadline.kind.label(),
        subject=_subject(deadline),
        when=_when(deadline.due, today),
    )


# --- search -------------------------------------------------------------------------------


def search(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise ValidationError.single("--limit", _("must be at least 1"))
    if not args.query.strip():
        raise ValidationError.single("QUERY", _("is required"))
    hits = ctx.services.search.search(
        args.query, kinds=[args.kind] if args.kind else None, limit=args.limit
    )
    if not hits:
        ctx.out(_("Nothing found for “{query}”.").format(query=args.query))
        return EXIT_OK
    labels = {service.kind: service.label() for service in searchable_services(ctx.db)}
    for hit in hits:
        ctx.out(f"{labels.get(hit.kind, hit.kind)}: {hit.title}  [{hit.id}]")
    return EXIT_OK
