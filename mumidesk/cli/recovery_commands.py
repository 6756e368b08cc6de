"""`mumidesk db check` looks at the file before anything opens it, and `mumidesk db recover` puts
the newest good backup in the place of a damaged file (which is kept, renamed).

Both live under the `db` command that db_commands registers; this module is listed after it in
COMMAND_MODULES, adds `recover` and wraps `check`: a damaged file or one that is not a mumidesk
database gets one line saying so and a hint, instead of the engine opening (and touching) it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from babel.dates import format_datetime

from mumidesk.cli.context import EXIT_ERROR, EXIT_OK, CliContext
from mumidesk.i18n import _, current_locale
from mumidesk.services.recovery import (
    BackupFile,
    Verdict,
    backup_folders,
    check_file,
    check_on_open,
    good_backup_for,
    recover,
    sqlite_path_of,
)


def register(subparsers: Any) -> None:
    actions = _db_actions(subparsers)
    check = actions.choices["check"]
    check.set_defaults(handler=_checking_first(check.get_default("handler")))

    p = actions.add_parser(
        "recover",
        help=_("replace a damaged database file by the newest good backup (the file is kept)"),
    )
    p.add_argument(
        "--from",
        dest="source",
        type=Path,
        metavar=_("FILE"),
        help=_("this backup instead of the newest good one"),
    )
    p.set_defaults(handler=recover_database)


def _db_actions(subparsers: Any) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    """The sub-commands of `db`, as db_commands registered them."""
    db = subparsers.choices["db"]
    for action in db._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise LookupError("the db command has no actions")  # a programming error, not the user's


def _checking_first(details: Any) -> Any:
    def check(ctx: CliContext, args: argparse.Namespace) -> int:
        verdict = check_on_open(ctx.database_url)
        if not verdict.ok:
            report_unusable(ctx, verdict)
            return EXIT_ERROR
        result: int = details(ctx, args)  # schema, integrity, references, journal mode
        return result

    return check


def report_unusable(ctx: CliContext, verdict: Verdict) -> None:
    """The verdict in one line, then what to do about it."""
    ctx.error(verdict.line())
    if verdict.detail and verdict.detail not in verdict.reason:
        ctx.info(_("SQLite says: {detail}").format(detail=verdict.detail))
    if not verdict.recoverable or verdict.path is None:
        return
    found = good_backup_for(verdict)
    if found is not None:
        ctx.info(
            _(
                "`mumidesk db recover` restores the newest good backup, taken {date} "
                "({path}); the damaged file is kept"
            ).format(date=_when(found), path=found.path)
        )
    else:
        ctx.info(
            _("No good backup was found in {folders}; open another file with --db").format(
                folders=", ".join(str(f) for f in backup_folders(verdict.path))
            )
        )


def recover_database(ctx: CliContext, args: argparse.Namespace) -> int:
    path = sqlite_path_of(ctx.database_url)
    if path is None:
        ctx.error(
            _(
                "only a database file can be recovered here; restore a server database from "
                "its dump with `mumidesk db restore FILE`"
            )
        )
        return EXIT_ERROR
    done = recover(path, args.source)  # RecoveryError: main prints it as one line
    ctx.out(
        _("Restored {path} from the backup taken {date} ({backup})").format(
            path=path, date=_when(done.restored_from), backup=done.restored_from.path
        )
    )
    if done.damaged_copy is not None:
        ctx.out(_("The damaged file was kept as {path}").format(path=done.damaged_copy))
    ctx.out(check_file(path).line())
    return EXIT_OK


def _when(found: BackupFile) -> str:
    return format_datetime(found.taken_at, "short", locale=current_locale())
