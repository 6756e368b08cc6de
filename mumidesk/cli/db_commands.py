"""`mumidesk db upgrade|backup|backups|verify|restore|check`."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import Any

from babel.dates import format_datetime
from babel.units import format_unit

from mumidesk.cli.context import EXIT_ERROR, EXIT_OK, CliContext
from mumidesk.db import migrate
from mumidesk.i18n import _, current_locale
from mumidesk.services.backups import BackupService


def register(subparsers: Any) -> None:
    db = subparsers.add_parser(
        "db", help=_("create, upgrade, back up, restore or check the database")
    )
    actions = db.add_subparsers(dest="db_action", metavar=_("ACTION"), required=True)

    p = actions.add_parser(
        "upgrade", help=_("create the database or bring it to the current schema")
    )
    p.set_defaults(handler=upgrade)

    p = actions.add_parser("backup", help=_("write a consistent, verified copy of the database"))
    p.add_argument(
        "--to",
        "-o",
        "--output-dir",
        dest="to",
        type=Path,
        metavar=_("FOLDER"),
        help=_("folder for the backup file (default: the one in the settings)"),
    )
    p.add_argument(
        "--auto",
        action="store_true",
        help=_("an automatic backup: rotated like the window's daily ones (for a scheduled task)"),
    )
    p.set_defaults(handler=make_backup)

    p = actions.add_parser("backups", help=_("list the backups with dates, sizes and checks"))
    p.add_argument(
        "--dir", type=Path, metavar=_("FOLDER"), help=_("folder to list (default: the settings')")
    )
    p.set_defaults(handler=list_backups)

    p = actions.add_parser("verify", help=_("check that a file is a sound mumidesk backup"))
    p.add_argument("file", type=Path, help=_("backup file"))
    p.set_defaults(handler=verify)

    p = actions.add_parser(
        "restore", help=_("replace the database by a verified backup (keeps the replaced one)")
    )
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
    service = BackupService(ctx.db)
    if args.auto:
        if args.to is not None:
            service = BackupService(ctx.db, replace(service.policy, directory=args.to))
        made = service.back_up_automatically()
    else:
        made = service.back_up(args.to)
    ctx.out(_("Backup written: {path}").format(path=made.path))
    return EXIT_OK


def list_backups(ctx: CliContext, args: argparse.Namespace) -> int:
    service = BackupService(ctx.raw_db())
    if args.dir is not None:
        service = BackupService(ctx.raw_db(), replace(service.policy, directory=args.dir))
    entries = service.list()
    if not entries:
        ctx.out(_("No backups in {folder}").format(folder=service.directory))
        return EXIT_OK
    ctx.out(_("Backups in {folder}:").format(folder=service.directory))
    rows = [
        (
            format_datetime(e.file.taken_at, "short", locale=current_locale()),
            e.label(),
            _megabytes(e.file.size),
            _("verified") if e.file.verified else _("not verified"),
            e.path.name,
        )
        for e in entries
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        ctx.out("  ".join([*cells, row[4]]))
    return EXIT_OK


def _megabytes(size: int) -> str:
    return format_unit(
        round(size / 2**20, 1), "digital-megabyte", length="short", locale=current_locale()
    )


def verify(ctx: CliContext, args: argparse.Namespace) -> int:
    revision = BackupService(ctx.raw_db()).verify(args.file)
    ctx.out(
        _("{path} is a sound backup (schema {revision})").format(path=args.file, revision=revision)
    )
    return EXIT_OK


def restore(ctx: CliContext, args: argparse.Namespace) -> int:
    result = BackupService(ctx.raw_db()).restore(args.file)  # verifies first
    ctx.out(_("Restored from {path}").format(path=args.file))
    ctx.info(_("The replaced database was kept as {path}").format(path=result.kept))
    if result.upgraded_from:
        ctx.info(
            _("The backup was upgraded from schema {old} to {head}").format(
                old=result.upgraded_from, head=migrate.head_revision()
            )
        )
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
