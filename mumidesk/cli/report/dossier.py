"""`mumidesk report dossier Могилёв [--country BY] -o mogilev.pdf`: one partner's dossier."""

from __future__ import annotations

import argparse
from typing import Any

from mumidesk.cli.context import EXIT_OK, CliContext
from mumidesk.cli.report import options
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.partners import Partner
from mumidesk.domain.text import fold
from mumidesk.domain.validation import is_country_code
from mumidesk.i18n import _
from mumidesk.reports import catalog
from mumidesk.reports.dossier import partner_name
from mumidesk.services.country_names import country_label
from mumidesk.services.partners import PartnerService

FORMATS = catalog.document_type(catalog.DOSSIER).formats
SEARCH_LIMIT = 200  # candidates read from the search index; a name is shared by a few at most
SUGGESTIONS = 10


def register(documents: Any) -> None:
    p = documents.add_parser(
        "dossier",
        help=_("a partner's card and its agreements, delegations, events and exchanges"),
    )
    p.add_argument(
        "partner",
        metavar=_("PARTNER_NAME"),
        help=_("the partner's name in Russian, English or its own language"),
    )
    p.add_argument(
        "--country",
        metavar=_("CODE"),
        help=_("the partner's country (ISO 3166 code, e.g. BY) when several share the name"),
    )
    options.add_output_option(p, FORMATS)
    p.set_defaults(handler=run)


def run(ctx: CliContext, args: argparse.Namespace) -> int:
    fmt = options.output_format(args.output, FORMATS)
    partner = find_partner(ctx, args.partner, args.country or "")
    request = catalog.DocumentRequest(catalog.DOSSIER, record_id=partner.id)
    catalog.render(ctx.services, request, args.output, fmt)
    options.written(ctx, args.output)
    return EXIT_OK


def find_partner(ctx: CliContext, name: str, country: str) -> Partner:
    """The one live partner called ``name`` in any language (of ``country`` when given)."""
    country = country.strip().upper()
    if country and not is_country_code(country):
        raise ValidationError.single(
            "--country",
            _("{code!r} is not an ISO 3166 country code (e.g. RU, BY, ZM)").format(code=country),
        )
    candidates = _candidates(ctx, name)
    if country:
        candidates = [p for p in candidates if p.country_code == country]
    wanted = fold(name)
    exact = [p for p in candidates if wanted in {fold(n) for n in _names(p) if n}]
    if len(exact) == 1:
        return exact[0]
    if exact:
        raise ValidationError.single(
            "partner",
            _("{count} partners are called {name!r}: {choices}; choose one with --country").format(
                count=len(exact), name=name, choices=_choices(exact)
            ),
        )
    if candidates:
        raise ValidationError.single(
            "partner",
            _("no partner called {name!r}; similar: {choices}").format(
                name=name, choices=_choices(candidates[:SUGGESTIONS])
            ),
        )
    raise ValidationError.single("partner", _("no partner called {name!r}").format(name=name))


def _candidates(ctx: CliContext, name: str) -> list[Partner]:
    hits = ctx.services.search.search(name, kinds=[PartnerService.kind], limit=SEARCH_LIMIT)
    return [ctx.services.partners.get(hit.id) for hit in hits]


def _names(partner: Partner) -> tuple[str, str, str]:
    return partner.name_ru, partner.name_en, partner.name_local


def _choices(partners: list[Partner]) -> str:
    return "; ".join(
        _("{name} ({country}, {code})").format(
            name=partner_name(p), country=country_label(p.country_code), code=p.country_code
        )
        for p in partners
    )
