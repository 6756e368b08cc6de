"""`mumidesk report registry [--status CODE]… [--partner NAME [--country CC]] [--municipality NAME]
[--year Y | --from D --to D] -o registry.pdf|.xlsx`."""

from __future__ import annotations

import argparse
import uuid
from typing import Any

from mumidesk.cli.context import EXIT_OK, CliContext
from mumidesk.cli.report import options
from mumidesk.domain.enums import AgreementStatus
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.text import fold
from mumidesk.i18n import _
from mumidesk.reports import catalog
from mumidesk.reports.period import Period
from mumidesk.reports.registry import country_name

FORMATS = catalog.document_type(catalog.REGISTRY).formats
PARTNER_CANDIDATES = 1000


def register(documents: Any) -> None:
    p = documents.add_parser(
        "registry", help=_("the registry of agreements (registration, parties, term, status)")
    )
    p.add_argument(
        "--status",
        action="append",
        default=[],
        choices=[s.value for s in AgreementStatus],
        metavar=_("CODE"),
        help=_("only agreements in this status (may be repeated): {codes}").format(
            codes=", ".join(s.value for s in AgreementStatus)
        ),
    )
    p.add_argument("--partner", metavar=_("NAME"), help=_("only agreements with this partner"))
    p.add_argument(
        "--country",
        metavar="CC",
        help=_("the partner's country (ISO code), when several partners share the name"),
    )
    p.add_argument(
        "--municipality", metavar=_("NAME"), help=_("only agreements of this own municipality")
    )
    options.add_period_options(p)
    options.add_output_option(p, FORMATS)
    p.set_defaults(handler=run)


def run(ctx: CliContext, args: argparse.Namespace) -> int:
    fmt = options.output_format(args.output, FORMATS)
    municipality = _municipality_id(ctx, args.municipality)
    request = catalog.DocumentRequest(
        catalog.REGISTRY,
        statuses=tuple(AgreementStatus(code) for code in dict.fromkeys(args.status)),
        partner_id=_partner_id(ctx, args.partner, args.country),
        municipality_ids=(municipality,) if municipality else (),
        period=_period(args),
    )
    catalog.render(ctx.services, request, args.output, fmt)
    options.written(ctx, args.output)
    return EXIT_OK


def _period(args: argparse.Namespace) -> Period | None:
    """The period the signing dates fall in; none given means every agreement."""
    if args.year is None and not (args.date_from or args.date_to) and not args.quarter:
        return None
    return options.period_from(args)


def _municipality_id(ctx: CliContext, name: str | None) -> uuid.UUID | None:
    if not name:
        return None
    (found,) = options.municipality_ids(ctx, [name])
    return found


def _partner_id(ctx: CliContext, name: str | None, country: str | None) -> uuid.UUID | None:
    """The partner whose name in any language is ``name`` (case and ё/е do not matter)."""
    if not name:
        return None
    if country:
        partner = ctx.services.partners.find(name, country)
        if partner is None:
            raise ValidationError.single(
                "--partner",
                _("no partner called {name!r} in {country}").format(
                    name=name, country=country_name(country)
                ),
            )
        return partner.id
    wanted = fold(name)
    hits = ctx.services.search.search(name, kinds=["partner"], limit=PARTNER_CANDIDATES)
    matches = []
    for hit in hits:
        partner = ctx.services.partners.get(hit.id)
        if wanted in {fold(partner.name_ru), fold(partner.name_en), fold(partner.name_local)}:
            matches.append(partner)
    if not matches:
        raise ValidationError.single("--partner", _("no partner called {name!r}").format(name=name))
    if len(matches) > 1:
        countries = ", ".join(sorted({p.country_code for p in matches}))
        raise ValidationError.single(
            "--partner",
            _("several partners are called {name!r} ({countries}); add --country").format(
                name=name, countries=countries
            ),
        )
    return matches[0].id
