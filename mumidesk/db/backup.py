"""Backups: SQLite through its online backup API (a consistent copy even in WAL mode),
PostgreSQL through pg_dump / pg_restore.

A backup folder is often a network share, so a backup is first written under a temporary name
(``….part``) in the target folder, checked, flushed to disk and only then renamed: a file with a
backup's final name is always complete. Each checked backup is noted
in a hidden ``.<database>-verified.json`` beside it (its size and schema), so a listing can say
"verified" without reading every file again.

File names: ``<database>-<reason>-<YYYYmmdd-HHMMSS-ffffff>.db|.dump``; the reason is ``auto``,
``manual``, ``before-restore`` or ``before-upgrade-<revision>``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mumidesk.db.engine import Database
from mumidesk.domain.errors import DomainError
from mumidesk.i18n import _
from mumidesk.settings import Settings, backup_dir_for

AUTO = "auto"
MANUAL = "manual"
BEFORE_RESTORE = "before-restore"
BEFORE_UPGRADE = "before-upgrade"

SQLITE_SUFFIX = ".db"
DUMP_SUFFIX = ".dump"
PARTIAL_SUFFIX = ".part"
NOTES_SUFFIX = "-verified.json"  # hidden, one per database: which backups were checked
SQLITE_MAGIC = b"SQLite format 3\x00"
DUMP_MAGIC = b"PGDMP"  # pg_dump's custom format
STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?:auto|manual|before-restore|before-upgrade-[0-9A-Za-z_]+)"
    r"-\d{8}-\d{6}-\d{6}(?:\.db|\.dump)$"
)
_REST = re.compile(
    r"^(?P<reason>auto|manual|before-restore|before-upgrade-[0-9A-Za-z_]+)"
    r"-(?P<stamp>\d{8}-\d{6}-\d{6})$"
)
# Progress of a SQLite copy: (remaining pages, total pages); called between steps.
Progress = Callable[[int, int], None]
PROGRESS_PAGES = 256


class BackupError(DomainError):
    pass


@dataclass(frozen=True, slots=True)
class BackupFile:
    """One backup found in a folder; ``taken_at`` comes from its name (local time)."""

    path: Path
    reason: str
    taken_at: dt.datetime
    size: int
    verified: bool

    @property
    def is_automatic(self) -> bool:
        return self.reason == AUTO

    @property
    def upgraded_from(self) -> str | None:
        """The schema an upgrade started from, for a before-upgrade backup."""
        prefix = BEFORE_UPGRADE + "-"
        return self.reason[len(prefix) :] if self.reason.startswith(prefix) else None


# --- where and under which name ------------------------------------------------------------


def default_backup_dir(db: Database) -> Path:
    """The folder the settings name, or ``backups`` beside the database file."""
    chosen = Settings.load().backup_dir.strip()
    if chosen:
        return Path(chosen).expanduser()
    return backup_dir_for(db.sqlite_path)


def database_stem(db: Database) -> str:
    """What a backup's file name starts with: the file's name, or the server database's."""
    if db.is_sqlite:
        if db.sqlite_path is None:
            raise BackupError(_("an in-memory database cannot be backed up"))
        return db.sqlite_path.stem
    return str(db.url.database)


def _suffix(db: Database) -> str:
    return SQLITE_SUFFIX if db.is_sqlite else DUMP_SUFFIX


def _ensure_folder(directory: Path) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        if not directory.is_dir():
            raise NotADirectoryError(str(directory))
    except OSError as exc:
        raise BackupError(
            _(
                "the backup folder {path} cannot be reached ({reason}); check that the network "
                "drive is connected or choose another folder in the settings"
            ).format(path=directory, reason=exc.strerror or exc)
        ) from exc


def _free_name(directory: Path, stem: str, reason: str, suffix: str, now: dt.datetime) -> Path:
    """A name no other backup uses, also while one is being written under its temporary name."""
    while True:
        target = directory / f"{stem}-{reason}-{now.strftime(STAMP_FORMAT)}{suffix}"
        if not target.exists() and not _partial(target).exists():
            return target
        now += dt.timedelta(microseconds=1)


def _partial(target: Path) -> Path:
    return target.with_name(target.name + PARTIAL_SUFFIX)


# --- writing -------------------------------------------------------------------------------


def backup_database(
    db: Database,
    directory: Path | None = None,
    reason: str = MANUAL,
    *,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
    require_valid: bool = True,
) -> Path:
    """Write a verified backup and return its path; BackupError says why it could not be made
    (and nothing with a backup's final name is left behind). ``require_valid`` False keeps a
    copy that fails the check too (unnoted): what a restore replaces is kept whatever it is."""
    stem = database_stem(db)
    directory = directory or default_backup_dir(db)
    _ensure_folder(directory)
    target = _free_name(directory, stem, reason, _suffix(db), now or dt.datetime.now())
    partial = _partial(target)
    try:
        if db.is_sqlite:
            _copy_sqlite(db, partial, progress)
        else:
            _run_pg_tool("pg_dump", ["-Fc", "-f", str(partial), _libpq_url(db)])
        revision: str | None = None
        try:
            revision = verify_backup(partial)
        except BackupError:
            if require_valid:
                raise
        _flush(partial)
        os.replace(partial, target)
        _flush_folder(directory)
    except BaseException as exc:
        partial.unlink(missing_ok=True)
        if isinstance(exc, OSError | sqlite3.Error):
            raise BackupError(
                _("the backup could not be written to {path}: {reason}").format(
                    path=directory, reason=exc
                )
            ) from exc
        raise
    if revision is not None:
        _write_note(target, revision)
    return target


def _copy_sqlite(db: Database, partial: Path, progress: Progress | None) -> None:
    raw = db.engine.raw_connection()
    try:
        dest = sqlite3.connect(partial)
        try:
            # No syncs while the temporary file is written: _flush makes it durable once,
            # before the rename publishes it (a crash before that leaves only a .part file).
            dest.execute("PRAGMA synchronous=OFF")
            source = raw.driver_connection
            assert isinstance(source, sqlite3.Connection)
            if progress is None:
                source.backup(dest)
            else:
                source.backup(
                    dest,
                    pages=PROGRESS_PAGES,
                    progress=lambda _status, remaining, total: progress(remaining, total),
                )
            # The copy inherits WAL mode; a backup must be one self-contained file.
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
    finally:
        raw.close()


def _flush(path: Path) -> None:
    """Make the bytes durable before the rename publishes them."""
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def _notes_file(target: Path) -> Path | None:
    match = _NAME.match(target.name)
    return target.with_name(f".{match['stem']}{NOTES_SUFFIX}") if match else None


def _read_notes(notes: Path) -> dict[str, dict[str, object]]:
    try:
        raw = json.loads(notes.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def _update_notes(target: Path, note: dict[str, object] | None) -> None:
    """Record (or forget) the check of one backup; notes of vanished files are dropped. Two
    instances writing at once may lose a note: the backup then only shows as unverified."""
    notes = _notes_file(target)
    if notes is None:
        return  # not named like our backups: never listed, nothing to note
    try:
        current = _read_notes(notes)
        if note is None:
            current.pop(target.name, None)
        else:
            current[target.name] = note
        current = {name: v for name, v in current.items() if (notes.parent / name).exists()}
        tmp = _partial(notes)
        tmp.write_text(json.dumps(current, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, notes)
    except OSError:
        pass  # the backup itself is fine; it is only listed as not verified


def _flush_folder(directory: Path) -> None:
    """Make the rename durable too (POSIX; Windows has no handle for a folder)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_note(target: Path, revision: str) -> None:
    _update_notes(
        target,
        {
            "size": target.stat().st_size,
            "revision": revision,
            "verified_at": dt.datetime.now().isoformat(timespec="seconds"),
        },
    )


def is_verified(path: Path, notes: dict[str, dict[str, object]] | None = None) -> bool:
    """A check passed on this file, and it has not changed size since."""
    if notes is None:
        notes_file = _notes_file(path)
        notes = _read_notes(notes_file) if notes_file else {}
    note = notes.get(path.name)
    try:
        return isinstance(note, dict) and note.get("size") == path.stat().st_size
    except OSError:
        return False


# --- checking ------------------------------------------------------------------------------


def verify_backup(path: Path) -> str:
    """Check that a file is a whole, readable mumidesk backup this version can restore and
    return its schema revision; BackupError says what is wrong. The file is only read."""
    from mumidesk.db.integrity import Status, check_file

    if not path.is_file():
        raise BackupError(_("backup file not found: {path}").format(path=path))
    kind = _file_kind(path)
    if kind == SQLITE_SUFFIX:
        verdict = check_file(path, thorough=True)
        if verdict.status is not Status.OK:
            reason = verdict.reason or _("it holds no mumidesk data")
            raise BackupError(
                _("{path} is not a mumidesk backup: {reason}").format(path=path, reason=reason)
            )
        revision = _sqlite_revision(path)
    elif kind == DUMP_SUFFIX:
        revision = _dump_revision(path)
    else:
        raise BackupError(_("{path} is not a database file or a PostgreSQL dump").format(path=path))
    if revision not in _known_revisions():
        # Refuse before the current data is replaced by something this version cannot open.
        raise BackupError(
            _(
                "the database was written by a newer mumidesk (schema {current}); "
                "update the application"
            ).format(current=revision)
        )
    return revision


@cache
def _known_revisions() -> frozenset[str]:
    """The schemas this version can open (read once: walking Alembic's scripts costs 20 ms)."""
    from mumidesk.db.migrate import known_revisions  # migrate imports this module

    return frozenset(known_revisions())


def verify_and_note(path: Path) -> str:
    """``verify_backup`` that also records the result beside the file for listings."""
    try:
        revision = verify_backup(path)
    except BackupError:
        _update_notes(path, None)
        raise
    _write_note(path, revision)
    return revision


def _file_kind(path: Path) -> str | None:
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise BackupError(
            _("{path} cannot be read: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc
    if head.startswith(SQLITE_MAGIC):
        return SQLITE_SUFFIX
    if head.startswith(DUMP_MAGIC):
        return DUMP_SUFFIX
    return None


def _sqlite_revision(path: Path) -> str:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        conn.close()
    return str(row[0])


def _dump_revision(path: Path) -> str:
    """Read the archive's table of contents and the schema revision it holds."""
    from mumidesk.db.integrity import OUR_TABLES

    listing = _pg_output("pg_restore", ["--list", str(path)], path)
    tables = {t for line in listing.splitlines() for t in _table_of(line)}
    if not (OUR_TABLES | {"alembic_version"}) <= tables:
        raise BackupError(_("{path} is not a mumidesk backup").format(path=path))
    data = _pg_output(
        "pg_restore", ["--data-only", "--table=alembic_version", "--file=-", str(path)], path
    )
    lines = data.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("COPY ") and "alembic_version" in line and i + 1 < len(lines):
            return lines[i + 1].strip()
    raise BackupError(_("{path} is not a mumidesk backup").format(path=path))


def _table_of(line: str) -> list[str]:
    """``215; 1259 16390 TABLE public partners owner`` → ["partners"]; other lines → []."""
    parts = line.split()
    if line.startswith(";") or "TABLE" not in parts:
        return []
    at = parts.index("TABLE")
    return [parts[at + 2]] if at + 2 < len(parts) and parts[at - 1 : at] != ["DATA"] else []


# --- restoring -----------------------------------------------------------------------------


def restore_database(
    db: Database, source: Path, directory: Path | None = None, *, now: dt.datetime | None = None
) -> Path:
    """Replace the database's content with a verified backup; the content it replaces is backed
    up first ("before-restore", returned). Nothing is changed when the file is refused."""
    if not source.is_file():
        raise BackupError(_("backup file not found: {path}").format(path=source))
    kind = _file_kind(source)
    if kind is not None and kind != _suffix(db):
        message = (
            _("{path} is the backup of a database file; it cannot be restored into a server")
            if kind == SQLITE_SUFFIX
            else _("{path} is the backup of a server database; it cannot be restored into a file")
        )
        raise BackupError(message.format(path=source))
    verify_backup(source)
    kept = backup_database(db, directory, reason=BEFORE_RESTORE, now=now, require_valid=False)
    if db.is_sqlite:
        db.dispose()
        raw = db.engine.raw_connection()
        try:
            src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
            try:
                target = raw.driver_connection
                assert isinstance(target, sqlite3.Connection)
                src.backup(target)
            finally:
                src.close()
        finally:
            raw.close()
        db.dispose()  # connections opened before the copy may hold stale pages
        return kept
    _run_pg_tool(
        "pg_restore", ["--clean", "--if-exists", "--no-owner", "-d", _libpq_url(db), str(source)]
    )
    db.dispose()
    return kept


# --- listing -------------------------------------------------------------------------------


def list_backups(directory: Path, stem: str) -> list[BackupFile]:
    """The complete backups of one database in a folder, newest first (files being written,
    notes and other databases' backups are left out)."""
    try:
        entries = list(directory.iterdir()) if directory.is_dir() else []
    except OSError as exc:
        raise BackupError(
            _("the backup folder {path} cannot be read ({reason})").format(
                path=directory, reason=exc.strerror or exc
            )
        ) from exc
    found: list[BackupFile] = []
    notes = _read_notes(directory / f".{stem}{NOTES_SUFFIX}")
    prefix = stem + "-"
    for path in entries:
        parsed = _parse_name(path.name, prefix)
        if parsed is None:
            continue
        reason, taken_at = parsed
        try:
            size = path.stat().st_size
        except OSError:
            continue  # removed meanwhile (another instance rotating)
        found.append(BackupFile(path, reason, taken_at, size, is_verified(path, notes)))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def _parse_name(name: str, prefix: str) -> tuple[str, dt.datetime] | None:
    for suffix in (SQLITE_SUFFIX, DUMP_SUFFIX):
        if name.startswith(prefix) and name.endswith(suffix):
            match = _REST.match(name[len(prefix) : -len(suffix)])
            if match is None:
                return None
            try:
                return match["reason"], dt.datetime.strptime(match["stamp"], STAMP_FORMAT)
            except ValueError:
                return None
    return None


def delete_backup(path: Path) -> None:
    path.unlink(missing_ok=True)
    _update_notes(path, None)


def stale_partials(directory: Path, stem: str, older_than: dt.datetime) -> list[Path]:
    """Temporary files of backups that were interrupted (a crash, a lost network drive)."""
    try:
        entries = list(directory.glob(f"{glob_escape(stem)}-*{PARTIAL_SUFFIX}"))
        return [p for p in entries if dt.datetime.fromtimestamp(p.stat().st_mtime) < older_than]
    except OSError:
        return []


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


# --- PostgreSQL tools ----------------------------------------------------------------------


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


def _run(name: str, args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_pg_tool(name), *args], capture_output=True, text=True, env=dict(os.environ)
    )


def _run_pg_tool(name: str, args: list[str]) -> str:
    result = _run(name, args)
    if result.returncode != 0:
        raise BackupError(f"{name}: {result.stderr.strip()}")
    return result.stdout


def _pg_output(name: str, args: list[str], path: Path) -> str:
    """A tool reading a dump; its failure means the file is no readable dump."""
    result = _run(name, args)
    if result.returncode != 0:
        raise BackupError(
            _("{path} is not a readable PostgreSQL dump: {reason}").format(
                path=path, reason=result.stderr.strip()
            )
        )
    return result.stdout
