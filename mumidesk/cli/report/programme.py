"""`mumidesk report programme "Визит делегации Могилёва" [--second-language en] -o visit.pdf`:
a delegation's visit programme, bilingual, to hand to the guests."""

from __future__ import annotations

import argparse
from typing import Any

from mumidesk.cli.context import EXIT_OK, CliContext
from mumidesk.cli.lookup import find_by_title
from mumidesk.cli.report import options
from mumidesk.domain.delegations import Delegation
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.i18n import _, current_locale
from mumidesk.reports import catalog
from mumidesk.reports.visit_programme import ENGLISH, second_language_locale

FORMATS = catalog.document_type(catalog.PROGRAMME).formats


def register(documents: Any) -> None:
    p = documents.add_parser(
        "programme", help=_("the bilingual visit programme of a delegation, for the guests")
    )
    p.add_argument(
        "delegation",
        metavar=_("DELEGATION"),
        help=_("the delegation's title (or a part of it that only it has) or its id"),
    )
    p.add_argument(
        "--second-language",
        metavar=_("LANG"),
        default=ENGLISH,
        help=_("the language printed beside Russian (en, de, fr …; default: en)"),
    )
    options.add_output_option(p, FORMATS)
    p.set_defaults(handler=run)


def run(ctx: CliContext, args: argparse.Namespace) -> int:
    fmt = options.output_format(args.output, FORMATS)
    second_language_locale(args.second_language)  # a bad code fails before any lookup
    delegation = find_delegation(ctx, args.delegation)
    request = catalog.DocumentRequest(
        catalog.PROGRAMME, record_id=delegation.id, second_language=args.second_language
    )
    catalog.render(ctx.services, request, args.output, fmt)
    options.written(ctx, args.output)
    return EXIT_OK


def find_delegation(ctx: CliContext, text: str) -> Delegation:
    """The delegation with that id, or the one whose title is ``text`` (or the only one whose
    title contains it)."""
    return find_by_title(
        text,
        ctx.services.delegations,
        ctx.services.search,
        field="delegation",
        title_of=lambda d: d.title,
        describe=lambda d: _choices([d]),
        several=lambda count, choices: _(
            "{count} delegations match {text!r}: {choices}; give the title or the id"
        ).format(count=count, text=text, choices=choices),
        none=lambda: _("no delegation called {text!r}").format(text=text),
    )


def _choices(delegations: list[Delegation]) -> str:
    return "; ".join(
        _("{title} ({dates}, id {id})").format(
            title=d.title,
            dates=FuzzyDate.range(d.start_date, d.end_date).format(
                current_locale(), with_year=True
            ),
            id=d.id,
        )
        for d in delegations
    )
