"""Backups: SQLite through its online backup API (a consistent copy even in WAL mode),
PostgreSQL through pg_dump / pg_restore."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from mumidesk.db.engine import Database
from mumidesk.domain.errors import DomainError
from mumidesk.i18n import _
from mumidesk.settings import backup_dir_for


class BackupError(DomainError):
    pass


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def backup_database(db: Database, directory: Path | None = None, reason: str = "manual") -> Path:
    directory = directory or backup_dir_for(db.sqlite_path)
    directory.mkdir(parents=True, exist_ok=True)
    if db.is_sqlite:
        source = db.sqlite_path
        if source is None:
            raise BackupError(_("an in-memory database cannot be backed up"))
        target = directory / f"{source.stem}-{reason}-{_stamp()}.db"
        raw = db.engine.raw_connection()
        try:
            with sqlite3.connect(target) as dest:
                raw.driver_connection.backup(dest)  # type: ignore[union-attr]
        finally:
            raw.close()
        return target
    target = directory / f"{db.url.database}-{reason}-{_stamp()}.dump"
    _run_pg_tool("pg_dump", ["-Fc", "-f", str(target), _libpq_url(db)])
    return target


def restore_database(db: Database, source: Path) -> None:
    """Replace the database's content with a backup (the current content is backed up first)."""
    if not source.exists():
        raise BackupError(_("backup file not found: {path}").format(path=source))
    if db.is_sqlite:
        _check_sqlite_backup(source)
        backup_database(db, reason="before-restore")
        db.dispose()
        raw = db.engine.raw_connection()
        try:
            with sqlite3.connect(source) as src:
                src.backup(raw.driver_connection)  # type: ignore[arg-type]
        finally:
            raw.close()
        return
    backup_database(db, reason="before-restore")
    _run_pg_tool(
        "pg_restore", ["--clean", "--if-exists", "--no-owner", "-d", _libpq_url(db), str(source)]
    )


def _check_sqlite_backup(path: Path) -> None:
    from mumidesk.db.migrate import known_revisions  # migrate imports this module

    try:
        with sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True) as conn:
            found = conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            revision = (
                conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if found
                else None
            )
    except sqlite3.DatabaseError as exc:
        raise BackupError(
            _("{path} is not a database file: {reason}").format(path=path, reason=exc)
        ) from exc
    if revision is None:
        raise BackupError(_("{path} is not a mumidesk backup").format(path=path))
    if revision[0] not in known_revisions():
        # Refuse before the current data is replaced by something this version cannot open.
        raise BackupError(
            _(
                "the database was written by a newer mumidesk (schema {current}); "
                "update the application"
            ).format(current=revision[0])
        )


def _libpq_url(db: Database) -> str:
    return db.url.set(drivername="postgresql").render_as_string(hide_password=False)


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    try:
        bindir = subprocess.run(
            ["pg_config", "--bindir"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        bindir = ""
    candidate = Path(bindir) / name
    if bindir and candidate.exists():
        return str(candidate)
    raise BackupError(
        _("{tool} is not installed; install the PostgreSQL client tools").format(tool=name)
    )


def _run_pg_tool(name: str, args: list[str]) -> None:
    result = subprocess.run(
        [_pg_tool(name), *args], capture_output=True, text=True, env=dict(os.environ)
    )
    if result.returncode != 0:
        raise BackupError(f"{name}: {result.stderr.strip()}")
