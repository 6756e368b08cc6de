"""`mumidesk demo`: load the demo data from the seed texts (a second run adds nothing)."""

from __future__ import annotations

import argparse
from typing import Any

from mumidesk.cli.context import EXIT_OK, CliContext
from mumidesk.i18n import _
from mumidesk.services.demo import load_demo


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "demo",
        help=_(
            "load demo data: Smolensk region's Q2 2020 events, Volgograd, Kaluga, Rostov-on-Don "
            "(safe to repeat: existing records are kept)"
        ),
    )
    p.set_defaults(handler=demo)


def demo(ctx: CliContext, args: argparse.Namespace) -> int:
    summary = load_demo(ctx.services)
    if summary.nothing_added:
        ctx.out(
            _(
                "The demo data is already in the database; nothing was added ({count} records)."
            ).format(count=summary.skipped)
        )
        return EXIT_OK
    ctx.out(_("Demo data loaded: {count} records added.").format(count=summary.added))
    for row in summary.counts:
        if row.added or row.skipped:
            line = _("{kind}: {added} added, {skipped} already present").format(
                kind=row.label, added=row.added, skipped=row.skipped
            )
            ctx.out("  " + line)
    if summary.steps:
        ctx.out("  " + _("Agreement lifecycle steps applied: {count}").format(count=summary.steps))
    return EXIT_OK
