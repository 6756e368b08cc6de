"""Getting back to work after the check on open refused a database file: find the newest backup
that passes SQLite's full integrity check, then put a copy of it in the file's place. The
damaged file is moved aside under a new name (with its -wal and -shm companions: a stale
write-ahead log left beside the restored copy would be replayed into it) and is never
overwritten or deleted: whatever the backup lacks may still be dug out of it."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from mumidesk.db import backup
from mumidesk.db.backup import BackupError, BackupFile
from mumidesk.db.integrity import (
    Status,
    UnusableDatabaseError,
    Verdict,
    check_file,
    check_on_open,
    sqlite_path_of,
)
from mumidesk.domain.errors import DomainError
from mumidesk.i18n import _
from mumidesk.settings import Settings, backup_dir_for

__all__ = [
    "BackupFile",
    "Recovery",
    "RecoveryError",
    "Status",
    "UnusableDatabaseError",
    "Verdict",
    "backup_folders",
    "check_file",
    "check_on_open",
    "find_good_backup",
    "good_backup_for",
    "recover",
    "sqlite_path_of",
]

# Files SQLite keeps beside a database; they belong to whichever file sits at the main name.
COMPANIONS = ("-wal", "-shm", "-journal")


class RecoveryError(DomainError):
    """The database could not be recovered; nothing was changed unless the message says so."""


@dataclass(frozen=True, slots=True)
class Recovery:
    restored_from: BackupFile
    damaged_copy: Path | None  # where the refused file now is (None: there was no file)


def backup_folders(db_path: Path) -> list[Path]:
    """Where backups of this database may be: the folder chosen in the settings (a network
    share is typical) and the default folder beside the database."""
    folders: list[Path] = []
    chosen = Settings.load().backup_dir.strip()
    if chosen:
        folders.append(Path(chosen).expanduser())
    default = backup_dir_for(db_path)
    if default not in folders:
        folders.append(default)
    return folders


def backups_of(db_path: Path, folders: Iterable[Path]) -> list[BackupFile]:
    """The backup files of a database file, newest first (not verified yet)."""
    found: dict[Path, BackupFile] = {}
    for folder in folders:
        try:
            listed = backup.list_backups(folder, db_path.stem)
        except BackupError:  # a share that is not reachable now: look in the others
            continue
        for item in listed:
            if item.path.suffix == backup.SQLITE_SUFFIX and item.size > 0:
                found.setdefault(item.path.resolve(), item)
    return sorted(found.values(), key=lambda b: (b.taken_at, b.path.name), reverse=True)


def find_good_backup(db_path: Path, folders: Sequence[Path] | None = None) -> BackupFile | None:
    """The newest backup that passes the full integrity check and that this version opens."""
    for candidate in backups_of(db_path, backup_folders(db_path) if folders is None else folders):
        try:
            backup.verify_backup(candidate.path)
        except BackupError:
            continue
        return candidate
    return None


def good_backup_for(verdict: Verdict, folders: Sequence[Path] | None = None) -> BackupFile | None:
    """The backup to offer for a refused file (None when there is nothing to offer)."""
    if verdict.path is None or not verdict.recoverable:
        return None
    return find_good_backup(verdict.path, folders)


def recover(
    db_path: Path,
    source: Path | None = None,
    folders: Sequence[Path] | None = None,
    *,
    now: dt.datetime | None = None,
) -> Recovery:
    """Put a verified backup (``source``, or the newest good one in ``folders``, by default
    those of backup_folders) in place of a damaged or missing database file; the damaged file
    is kept as "<name>.damaged-<stamp><suffix>". RecoveryError says why not."""
    verdict = check_file(db_path)
    if verdict.status is Status.UNREADABLE:
        raise RecoveryError(verdict.line())
    if verdict.status is Status.OK:
        raise RecoveryError(
            _(
                "{path} is a sound mumidesk database; nothing to recover "
                "(to go back to a backup use `mumidesk db restore FILE`)"
            ).format(path=db_path)
        )
    candidate = _chosen_backup(db_path, source, folders)
    # Copy and verify beside the database first: if that fails, nothing has moved yet.
    incoming = db_path.with_name(db_path.name + ".restoring")
    try:
        _copy_durably(candidate.path, incoming)
    except OSError as exc:
        _remove_quietly(incoming)
        raise RecoveryError(
            _("cannot copy the backup {backup} to {folder}: {reason}").format(
                backup=candidate.path, folder=db_path.parent, reason=exc.strerror or exc
            )
        ) from exc
    try:
        backup.verify_backup(incoming)
    except BackupError as exc:
        _remove_quietly(incoming)
        raise RecoveryError(
            _("the copy of {backup} did not pass the integrity check; nothing was changed").format(
                backup=candidate.path
            )
        ) from exc
    damaged = None
    if any(Path(str(db_path) + suffix).exists() for suffix in ("", *COMPANIONS)):
        try:
            damaged = _move_aside(db_path, now or dt.datetime.now())
        except RecoveryError:
            _remove_quietly(incoming)
            raise
    try:
        os.replace(incoming, db_path)
    except OSError as exc:
        raise RecoveryError(
            _("cannot put the backup in place ({reason}); it is in {incoming}").format(
                reason=exc.strerror or exc, incoming=incoming
            )
        ) from exc
    return Recovery(candidate, damaged)


def _chosen_backup(
    db_path: Path, chosen: Path | None, folders: Sequence[Path] | None
) -> BackupFile:
    if chosen is None:
        found = find_good_backup(db_path, folders)
        if found is None:
            searched = folders if folders is not None else backup_folders(db_path)
            raise RecoveryError(
                _("no good backup of {path} was found in {folders}").format(
                    path=db_path, folders=", ".join(str(f) for f in searched)
                )
            )
        return found
    try:
        backup.verify_backup(chosen)
    except BackupError as exc:
        raise RecoveryError(str(exc)) from exc
    listed = next((b for b in backups_of(db_path, [chosen.parent]) if b.path == chosen), None)
    if listed is not None:
        return listed
    stat = chosen.stat()  # a copy renamed by hand: its own time is all there is
    return BackupFile(chosen, "", dt.datetime.fromtimestamp(stat.st_mtime), stat.st_size, True)


def _move_aside(db_path: Path, now: dt.datetime) -> Path:
    """Rename the refused file (and its companions) to a name nothing else uses."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    number = 1
    while True:
        tag = stamp if number == 1 else f"{stamp}-{number}"
        target = db_path.with_name(f"{db_path.stem}.damaged-{tag}{db_path.suffix}")
        taken = [target, *(Path(str(target) + c) for c in COMPANIONS)]
        if not any(p.exists() for p in taken):
            break
        number += 1
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in ("", *COMPANIONS):
            source, aside = Path(str(db_path) + suffix), Path(str(target) + suffix)
            if not source.exists():
                continue
            source.rename(aside)
            moved.append((source, aside))
    except OSError as exc:
        for source, aside in reversed(moved):  # a log without its file, or the reverse, is
            aside.rename(source)  # worse than the damaged file as it was: put all back
        raise RecoveryError(
            _("cannot move the damaged file {path} aside: {reason}; nothing was changed").format(
                path=db_path, reason=exc.strerror or exc
            )
        ) from exc
    return target


def _copy_durably(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    with target.open("rb+") as fh:  # on disk before the rename makes it the database
        os.fsync(fh.fileno())


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
