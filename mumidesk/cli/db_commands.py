"""`mumidesk db upgrade|backup|restore|check`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mumidesk.cli.context import EXIT_ERROR, EXIT_OK, CliContext
from mumidesk.db import backup, migrate
from mumidesk.i18n import _


def register(subparsers: Any) -> None:
    db = subparsers.add_parser(
        "db", help=_("create, upgrade, back up, restore or check the database")
    )
    actions = db.add_subparsers(dest="db_action", metavar=_("ACTION"), required=True)

    p = actions.add_parser(
        "upgrade", help=_("create the database or bring it to the current schema")
    )
    p.set_defaults(handler=upgrade)

    p = actions.add_parser("backup", help=_("write a consistent copy of the database"))
    p.add_argument("-o", "--output-dir", type=Path, help=_("folder for the backup file"))
    p.set_defaults(handler=make_backup)

    p = actions.add_parser("restore", help=_("replace the database by a backup (backs up first)"))
    p.add_argument("file", type=Path, help=_("backup file"))
    p.set_defaults(handler=restore)

    p = actions.add_parser("check", help=_("report the schema version and the database's health"))
    p.set_defaults(handler=check)


def upgrade(ctx: CliContext, args: argparse.Namespace) -> int:
    db = ctx.raw_db()
    result = migrate.prepare(db)
    if result.created:
        ctx.out(_("Created a new database at schema {head}").format(head=migrate.head_revision()))
    elif result.upgraded_from:
        ctx.out(
            _("Upgraded from {old} to {head}; backup: {path}").format(
                old=result.upgraded_from, head=migrate.head_revision(), path=result.backup
            )
        )
    else:
        ctx.out(
            _("The database is up to date (schema {head})").format(head=migrate.head_revision())
        )
    return EXIT_OK


def make_backup(ctx: CliContext, args: argparse.Namespace) -> int:
    path = backup.backup_database(ctx.db, args.output_dir)
    ctx.out(_("Backup written: {path}").format(path=path))
    return EXIT_OK


def restore(ctx: CliContext, args: argparse.Namespace) -> int:
    db = ctx.raw_db()
    backup.restore_database(db, args.file)
    migrate.prepare(db)  # an older backup is brought up to the current schema
    ctx.out(_("Restored from {path}").format(path=args.file))
    return EXIT_OK


def check(ctx: CliContext, args: argparse.Namespace) -> int:
    db = ctx.raw_db()
    st = migrate.state(db)
    ctx.out(_("Database: {url}").format(url=db.url.render_as_string(hide_password=True)))
    ctx.out(
        _("Schema: {current} (this application: {head})").format(
            current=st.current or "-", head=st.head
        )
    )
    healthy = True
    health = db.health()  # SQLite only; a server checks its own pages
    if health is not None:
        ctx.out(_("Integrity: {result}").format(result=health.integrity))
        ctx.out(_("Journal mode: {mode}").format(mode=health.journal_mode))
        if not health.ok:
            healthy = False
            ctx.out(_("Broken references: {count}").format(count=health.broken_references))
    if not st.up_to_date:
        healthy = False
        ctx.out(_("Run `mumidesk db upgrade` to bring the schema up to date"))
    return EXIT_OK if healthy else EXIT_ERROR
