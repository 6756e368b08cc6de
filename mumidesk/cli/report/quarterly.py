"""`mumidesk report quarterly --year 2020 --quarter 2 -o out.pdf` (or .xlsx, .docx)."""

from __future__ import annotations

import argparse
from typing import Any

from mumidesk.cli.context import EXIT_OK, CliContext
from mumidesk.cli.report import options
from mumidesk.i18n import _
from mumidesk.reports import catalog

FORMATS = catalog.document_type(catalog.QUARTERLY).formats


def register(documents: Any) -> None:
    p = documents.add_parser(
        "quarterly", help=_("the quarterly report of international events (any period)")
    )
    options.add_period_options(p)
    options.add_place_options(p)
    options.add_output_option(p, FORMATS)
    p.set_defaults(handler=run)


def run(ctx: CliContext, args: argparse.Namespace) -> int:
    fmt = options.output_format(args.output, FORMATS)
    period = options.period_from(args)
    request = catalog.DocumentRequest(
        catalog.QUARTERLY,
        period=period,
        region_id=options.region_id(ctx, args.region),
        municipality_ids=options.municipality_ids(ctx, args.municipality),
    )
    catalog.render(ctx.services, request, args.output, fmt)
    options.written(ctx, args.output)
    return EXIT_OK
