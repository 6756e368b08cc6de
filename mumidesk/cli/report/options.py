"""Options shared by the report commands: the period, the region/municipality, the output file."""

from __future__ import annotations

import argparse
import datetime as dt
import uuid
from pathlib import Path

from mumidesk.cli.context import CliContext
from mumidesk.domain.errors import ValidationError
from mumidesk.i18n import _
from mumidesk.reports import catalog
from mumidesk.reports.period import Period


def add_period_options(parser: argparse.ArgumentParser, quarter: bool = True) -> None:
    parser.add_argument("--year", type=int, help=_("the year of the report"))
    if quarter:
        parser.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help=_("the quarter"))
    parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help=_("first day"))
    parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help=_("last day"))


def add_place_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--region", metavar=_("NAME"), help=_("only the municipalities of a region")
    )
    parser.add_argument(
        "--municipality",
        metavar=_("NAME"),
        action="append",
        default=[],
        help=_("only this own municipality (may be repeated)"),
    )


def add_output_option(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help=_("the file to write; its extension chooses the format: {formats}").format(
            formats=", ".join(formats)
        ),
    )


def output_format(path: Path, formats: tuple[str, ...]) -> str:
    return catalog.output_format(path, formats, field="--output")


def parse_day(value: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError.single(
            option, _("{value!r} is not a date; write YYYY-MM-DD").format(value=value)
        ) from None


def period_from(args: argparse.Namespace, quarter: bool = True) -> Period:
    if args.date_from or args.date_to:
        if not (args.date_from and args.date_to):
            raise ValidationError.single("--from", _("give both --from and --to"))
        return Period.between(parse_day(args.date_from, "--from"), parse_day(args.date_to, "--to"))
    if args.year is None:
        raise ValidationError.single("--year", _("give --year (or --from and --to)"))
    if quarter and getattr(args, "quarter", None):
        return Period.of_quarter(args.year, args.quarter)
    return Period.of_year(args.year)


def region_id(ctx: CliContext, name: str | None) -> uuid.UUID | None:
    if not name:
        return None
    region = ctx.services.regions.find_by_name(name)
    if region is None:
        raise ValidationError.single("--region", _("no region called {name!r}").format(name=name))
    return region.id


def municipality_ids(ctx: CliContext, names: list[str]) -> tuple[uuid.UUID, ...]:
    found: list[uuid.UUID] = []
    for name in names:
        municipality = ctx.services.municipalities.find_by_name(name)
        if municipality is None or municipality.id is None:
            raise ValidationError.single(
                "--municipality", _("no own municipality called {name!r}").format(name=name)
            )
        found.append(municipality.id)
    return tuple(found)


def written(ctx: CliContext, path: Path) -> None:
    ctx.out(_("Written: {path}").format(path=path))
