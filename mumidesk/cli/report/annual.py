"""`mumidesk report annual --year 2020 [--region …] [--municipality …] -o out.pdf`."""

from __future__ import annotations

import argparse
from typing import Any

from mumidesk.cli.context import EXIT_OK, CliContext
from mumidesk.cli.report import options
from mumidesk.domain.errors import ValidationError
from mumidesk.i18n import _
from mumidesk.reports import catalog

FORMATS = catalog.document_type(catalog.ANNUAL).formats


def register(documents: Any) -> None:
    p = documents.add_parser(
        "annual",
        help=_("the annual report of international ties with the agreements of the year"),
    )
    p.add_argument("--year", type=int, required=True, help=_("the year of the report"))
    options.add_place_options(p)
    options.add_output_option(p, FORMATS)
    p.set_defaults(handler=run)


def run(ctx: CliContext, args: argparse.Namespace) -> int:
    fmt = options.output_format(args.output, FORMATS)
    if not 1 <= args.year <= 9999:
        raise ValidationError.single("--year", _("{year} is not a year").format(year=args.year))
    request = catalog.DocumentRequest(
        catalog.ANNUAL,
        year=args.year,
        region_id=options.region_id(ctx, args.region),
        municipality_ids=options.municipality_ids(ctx, args.municipality),
    )
    catalog.render(ctx.services, request, args.output, fmt)
    options.written(ctx, args.output)
    return EXIT_OK
