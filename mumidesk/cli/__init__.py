"""The command line: the same services as the window, for scripts and quick answers.

``mumidesk`` with no command starts the window. Every message goes through gettext; a failure
prints one line that names the row/field and the reason, and exits non-zero.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from mumidesk import __version__, i18n
from mumidesk.i18n import _
from mumidesk.settings import Settings

# Each module has register(subparsers); its commands set ``handler`` on their parser.
COMMAND_MODULES = (
    "mumidesk.cli.db_commands",
    "mumidesk.cli.recovery_commands",  # extends `db`: after db_commands
    "mumidesk.cli.demo_commands",
    "mumidesk.cli.transfer_commands",
    "mumidesk.cli.info_commands",
    "mumidesk.cli.report",
    "mumidesk.cli.draft_commands",
    "mumidesk.cli.role_commands",
    "mumidesk.cli.self_test_commands",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mumidesk",
        description=_(
            "International ties of municipalities: partners, agreements, delegations, events, "
            "exchanges and reports. Without a command the window opens."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"mumidesk {__version__}",
        help=_("show the version and exit"),
    )
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help=_(
            "database file or URL (postgresql+psycopg://user@host/db); overrides MUMIDESK_DB "
            "and the settings"
        ),
    )
    parser.add_argument(
        "--lang", choices=i18n.SUPPORTED, help=_("language of messages and documents")
    )
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def _choose_language(argv: Sequence[str]) -> None:
    """Pick the language before the parser is built, so that --help is translated too."""
    wanted = ""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            wanted = argv[i + 1]
        elif arg.startswith("--lang="):
            wanted = arg.split("=", 1)[1]
    if wanted not in i18n.SUPPORTED:
        wanted = Settings.load().language or i18n.detect_language()
    if wanted in i18n.SUPPORTED:
        i18n.set_language(wanted)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # `--self-test` as the support instructions write it is the `self-test` command.
    args_list = ["self-test" if a == "--self-test" else a for a in args_list]
    if args_list == ["--version"]:  # answered before the database layer is imported: instant
        print(f"mumidesk {__version__}")
        return 0
    return _run(args_list)


def _run(args_list: list[str]) -> int:
    from mumidesk.cli.context import EXIT_ERROR, EXIT_INVALID, CliContext
    from mumidesk.db.integrity import UnusableDatabaseError
    from mumidesk.domain.errors import DomainError, ValidationError

    _choose_language(args_list)
    _translate_argparse()
    parser = build_parser()
    args = parser.parse_args(args_list)
    context = CliContext(args.db)
    try:
        if args.command is None:
            from mumidesk.ui.app import run_app

            return run_app(context.database_url)
        result: int = args.handler(context, args)
        return result
    except ValidationError as exc:
        context.error(str(exc))
        return EXIT_INVALID
    except UnusableDatabaseError as exc:
        from mumidesk.cli.recovery_commands import report_unusable

        report_unusable(context, exc.verdict)
        return EXIT_ERROR
    except DomainError as exc:
        context.error(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    finally:
        context.close()


def _translate_argparse() -> None:
    """argparse's own words ("usage:", "options") come from our catalog too."""
    from mumidesk.cli import argparse_words

    argparse_words.install()
