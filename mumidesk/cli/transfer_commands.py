"""`mumidesk import KIND FILE` and `mumidesk export KIND -o FILE`: CSV/JSON/XLSX transfer and the
twin-cities list."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from mumidesk.cli.context import EXIT_INVALID, EXIT_OK, CliContext
from mumidesk.domain.errors import ValidationError
from mumidesk.i18n import _, ngettext
from mumidesk.services.import_export import (
    BUNDLE,
    FORMATS,
    TRANSFER_KINDS,
    ImportExportService,
    ImportReport,
)
from mumidesk.services.twin_cities import TwinCitiesReport, import_twin_cities

TWIN_CITIES = "twin-cities"
MAX_LISTED = 20  # skipped records listed one by one; the rest are counted


def register(subparsers: Any) -> None:
    kinds = ", ".join([*TRANSFER_KINDS, BUNDLE])
    p = subparsers.add_parser(
        "import",
        help=_("import records from a CSV, JSON or XLSX file, or the public twin-cities list"),
        description=_(
            "Import is all or nothing: every bad row is listed and then nothing is written. "
            "Records whose id is already in the database are skipped."
        ),
    )
    p.add_argument(
        "kind",
        metavar="KIND",
        choices=[*TRANSFER_KINDS, BUNDLE, TWIN_CITIES],
        help=_("what the file holds: {kinds} or {twin}").format(kinds=kinds, twin=TWIN_CITIES),
    )
    p.add_argument("file", type=Path, help=_("the file to read"))
    p.add_argument(
        "--format",
        choices=FORMATS,
        help=_("csv, json or xlsx (default: from the file's extension)"),
    )
    p.add_argument("--dry-run", action="store_true", help=_("check everything, write nothing"))
    p.add_argument(
        "--own-country",
        default="RU",
        metavar="CODE",
        help=_("twin-cities: cities of this country become own municipalities (default RU)"),
    )
    p.set_defaults(handler=run_import)

    p = subparsers.add_parser("export", help=_("write records to a CSV, JSON or XLSX file"))
    p.add_argument(
        "kind",
        metavar="KIND",
        choices=[*TRANSFER_KINDS, BUNDLE],
        help=_("what to write: {kinds} ({all}: the whole database as one JSON file)").format(
            kinds=kinds, all=BUNDLE
        ),
    )
    p.add_argument("-o", "--output", type=Path, required=True, help=_("the file to write"))
    p.add_argument(
        "--format",
        choices=FORMATS,
        help=_("csv, json or xlsx (default: from the file's extension)"),
    )
    p.set_defaults(handler=run_export)


def run_import(ctx: CliContext, args: argparse.Namespace) -> int:
    try:
        if args.kind == TWIN_CITIES:
            report = import_twin_cities(ctx.db, args.file, args.own_country, args.dry_run)
            _print_twin_cities(ctx, report)
        else:
            result = ImportExportService(ctx.db).import_(
                args.kind, args.file, args.format, args.dry_run
            )
            _print_import(ctx, result)
    except ValidationError as exc:
        return _print_problems(ctx, exc)
    return EXIT_OK


def run_export(ctx: CliContext, args: argparse.Namespace) -> int:
    try:
        count = ImportExportService(ctx.db).export(args.kind, args.output, args.format)
    except ValidationError as exc:
        return _print_problems(ctx, exc)
    ctx.out(
        ngettext(
            "Exported {count} record to {path}", "Exported {count} records to {path}", count
        ).format(count=count, path=args.output)
    )
    return EXIT_OK


def _print_problems(ctx: CliContext, exc: ValidationError) -> int:
    """One line per bad value, each naming row and field, so a script can read them."""
    for problem in exc.problems:
        ctx.error(str(problem))
    return EXIT_INVALID


def _print_import(ctx: CliContext, report: ImportReport) -> None:
    skipped = Counter(s.kind for s in report.already_present)
    for kind, count in report.created.items():
        if report.dry_run:
            line = ngettext(
                "{kind}: {count} record would be imported",
                "{kind}: {count} records would be imported",
                count,
            )
        else:
            line = ngettext(
                "{kind}: {count} record imported", "{kind}: {count} records imported", count
            )
        text = line.format(kind=kind, count=count)
        if skipped[kind]:
            text += _(", {count} already present (skipped)").format(count=skipped[kind])
        ctx.out(text)
    for item in report.already_present[:MAX_LISTED]:
        ctx.out(
            "  "
            + _("row {row}, {kind} {id}: already present, skipped").format(
                row=item.row, kind=item.kind, id=item.id
            )
        )
    if len(report.already_present) > MAX_LISTED:
        ctx.out(
            "  "
            + _("… and {count} more already present").format(
                count=len(report.already_present) - MAX_LISTED
            )
        )
    if report.dry_run:
        ctx.out(_("Dry run: nothing was written"))


def _print_twin_cities(ctx: CliContext, report: TwinCitiesReport) -> None:
    ctx.out(_("Rows read: {count}").format(count=report.rows))
    if report.dry_run:
        line = _("{label}: {added} would be added, {existing} already present")
    else:
        line = _("{label}: {added} added, {existing} already present")
    for label, added, existing in (
        (_("Own municipalities"), report.municipalities_added, report.municipalities_existing),
        (_("Partner cities"), report.partners_added, report.partners_existing),
        (_("Partnerships"), report.partnerships_added, report.partnerships_existing),
        (_("Twin links between foreign cities"), report.links_added, report.links_existing),
    ):
        ctx.out(line.format(label=label, added=added, existing=existing))
    ctx.out(_("Mirrored pairs (B–A after A–B): {count}").format(count=report.mirrored))
    ctx.out(_("Duplicate lines: {count}").format(count=report.duplicates))
    ctx.out(_("The same pair spelled differently: {count}").format(count=report.respelled))
    ctx.out(_("Pairs of two own cities (not linked): {count}").format(count=report.domestic))
    ctx.out(_("Odd rows (not loaded): {count}").format(count=len(report.odd_rows)))
    for problem in report.odd_rows:
        ctx.out("  " + str(problem))
    if report.dry_run:
        ctx.out(_("Dry run: nothing was written"))
