"""`mumidesk draft AGREEMENT --template ID --langs ru,en -o draft.pdf|draft.docx`: an agreement's
draft from a template, in one language or two side by side; `mumidesk draft --list-templates`:
the templates there are (shipped, and the user's own)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mumidesk.cli.context import EXIT_OK, CliContext
from mumidesk.cli.lookup import find_by_title
from mumidesk.cli.report import options
from mumidesk.domain.agreements import Agreement
from mumidesk.domain.errors import ValidationError
from mumidesk.i18n import _, current_language
from mumidesk.reports import catalog
from mumidesk.reports.drafts import defaults
from mumidesk.reports.drafts.fill import list_templates
from mumidesk.reports.drafts.templates import DraftTemplate

FORMATS = catalog.document_type(catalog.DRAFT).formats


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "draft",
        help=_("the draft of an agreement from a template, as PDF or Word (DOCX)"),
        description=_(
            "Fill a template with an agreement's data (parties, signatories, areas, term) and "
            "write the draft in one language or two side by side, Russian first. Unsigned "
            "agreements are marked as drafts on every page."
        ),
    )
    p.add_argument(
        "agreement",
        nargs="?",
        metavar=_("AGREEMENT"),
        help=_("the agreement's title (or a part of it that only it has) or its id"),
    )
    p.add_argument(
        "--template",
        metavar="ID",
        help=_("the template's id (see --list-templates); default: the only one of its kind"),
    )
    p.add_argument(
        "--langs",
        metavar="ru,en",
        help=_(
            "one language, or two printed side by side (ru,en; ru,de; ru,zh …); "
            "default: the agreement's languages"
        ),
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        help=_("the file to write; its extension chooses the format: {formats}").format(
            formats=", ".join(FORMATS)
        ),
    )
    p.add_argument(
        "--list-templates",
        action="store_true",
        help=_("list the templates (shipped and your own) and exit"),
    )
    p.set_defaults(handler=run)


def run(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.list_templates:
        return show_templates(ctx)
    if not args.agreement:
        raise ValidationError.single(
            "agreement", _("name the agreement (or give --list-templates)")
        )
    if args.output is None:
        raise ValidationError.single(
            "--output",
            _("give the file to write with -o: a .{formats} file").format(
                formats=", .".join(FORMATS)
            ),
        )
    kind = options.output_format(args.output, FORMATS)
    languages = parse_languages(args.langs) if args.langs else None
    agreement = find_agreement(ctx, args.agreement)
    assert agreement.id is not None
    request = catalog.DocumentRequest(
        catalog.DRAFT,
        record_id=agreement.id,
        template_id=args.template or default_template(agreement).id,
        languages=languages or agreement_languages(agreement),
    )
    catalog.render(ctx.services, request, args.output, kind)
    options.written(ctx, args.output)
    return EXIT_OK


def show_templates(ctx: CliContext) -> int:
    """One line a template: id, name, languages, and the file of a user's template."""
    templates = list_templates()
    if not templates:
        ctx.out(_("No templates."))
        return EXIT_OK
    lang = current_language()
    for template in templates:
        line = _("{id} — {name} (languages: {languages})").format(
            id=template.id,
            name=template.name(lang),
            languages=", ".join(template.languages) or "—",
        )
        if template.is_user:
            line += " " + _("[your template: {path}]").format(path=template.path)
        ctx.out(line)
    return EXIT_OK


def parse_languages(text: str) -> tuple[str, ...]:
    """ "ru,en" → ("ru", "en"); the codes themselves are checked when the draft is filled."""
    codes = tuple(code.strip() for code in text.split(",") if code.strip())
    if not 1 <= len(codes) <= 2:
        raise ValidationError.single(
            "--langs",
            _("{text!r}: give one language or two, separated by a comma (ru,en)").format(text=text),
        )
    return codes


def agreement_languages(agreement: Agreement) -> tuple[str, ...]:
    """The agreement's languages, Russian first, at most two (those printed side by side)."""
    return defaults.agreement_languages(agreement)


def default_template(agreement: Agreement) -> DraftTemplate:
    """The only template for the agreement's kind; several or none: ask for --template."""
    templates = list_templates()
    found = defaults.default_template(agreement, templates)
    if found is not None:
        return found
    matching = defaults.templates_of_kind(agreement.kind, templates)
    choices = ", ".join(t.id for t in (matching or templates)) or "—"
    raise ValidationError.single(
        "--template",
        _("choose the template with --template: {choices}").format(choices=choices),
    )


def find_agreement(ctx: CliContext, text: str) -> Agreement:
    """The agreement with that id, or the one whose title is ``text`` (or the only one whose
    title contains it)."""
    return find_by_title(
        text,
        ctx.services.agreements,
        ctx.services.search,
        field="agreement",
        title_of=lambda a: a.title,
        describe=lambda a: _choices([a]),
        several=lambda count, choices: _(
            "{count} agreements match {text!r}: {choices}; give the title or the id"
        ).format(count=count, text=text, choices=choices),
        none=lambda: _("no agreement called {text!r}").format(text=text),
    )


def _choices(agreements: list[Agreement]) -> str:
    return "; ".join(
        _("{title} ({status}, id {id})").format(title=a.title, status=a.status.label(), id=a.id)
        for a in agreements
    )
