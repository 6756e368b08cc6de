"""`mumidesk report quarterly --year 2020 --quarter 2 -o out.pdf` (or .xlsx, .docx)."""

from __future__ import annotations

import argparse
from typing import Any

from mumidesk.cli.context import EXIT_OK, CliContext
from mumidesk.cli.report import options
from mumidesk.i18n import _
from mumidesk.reports.quarterly import build_quarterly
from mumidesk.reports.quarterly_docx import write_quarterly_docx
from mumidesk.reports.quarterly_pdf import write_quarterly_pdf
from mumidesk.reports.quarterly_xlsx import write_quarterly_xlsx

FORMATS = ("pdf", "xlsx", "docx")
WRITERS = {"pdf": write_quarterly_pdf, "xlsx": write_quarterly_xlsx, "docx": write_quarterly_docx}


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
    report = build_quarterly(
        ctx.services,
        period,
        region_id=options.region_id(ctx, args.region),
        municipality_ids=options.municipality_ids(ctx, args.municipality),
    )
    WRITERS[fmt](report, args.output)
    options.written(ctx, args.output)
    return EXIT_OK
