"""Backups as the window and the command line use them: where they go, when an automatic one is
due, which automatic ones are kept (rotation), what a folder holds, checking and restoring.

Rotation keeps the newest automatic backup of each of the last ``keep_daily`` days that have one,
and, older than those, the newest of each of the last ``keep_weekly`` ISO weeks. Manual backups
and those made before an upgrade or a restore are never removed: someone wanted them.

The clock is injectable so that the rotation can be shown over simulated months.
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from mumidesk.db import backup, migrate
from mumidesk.db.backup import BackupError, BackupFile
from mumidesk.db.engine import Database
from mumidesk.i18n import _
from mumidesk.settings import Settings, backup_dir_for

Clock = Callable[[], dt.datetime]

DAILY = "daily"
WEEKLY = "weekly"
AUTOMATIC = "automatic"  # an automatic backup the rotation has not placed yet
MANUAL = "manual"
BEFORE_UPGRADE = "before-upgrade"
BEFORE_RESTORE = "before-restore"

MIN_KEEP_DAILY = 1  # the backup just written is never rotated away
MAX_KEEP_DAILY = 365
MAX_KEEP_WEEKLY = 520
DUE_AFTER = dt.timedelta(hours=24)
STALE_PARTIAL = dt.timedelta(days=1)  # an unfinished copy this old is no longer being written


@dataclass(frozen=True, slots=True)
class BackupPolicy:
    directory: Path | None = None  # None: the default folder beside the database
    keep_daily: int = 7
    keep_weekly: int = 4
    automatic: bool = True

    @classmethod
    def from_settings(cls, settings: Settings) -> BackupPolicy:
        folder = settings.backup_dir.strip()
        return cls(
            directory=Path(folder).expanduser() if folder else None,
            keep_daily=min(max(settings.keep_daily, MIN_KEEP_DAILY), MAX_KEEP_DAILY),
            keep_weekly=min(max(settings.keep_weekly, 0), MAX_KEEP_WEEKLY),
            automatic=settings.auto_backup,
        )


@dataclass(frozen=True, slots=True)
class BackupEntry:
    """A backup as listed: the file and its role (daily, weekly, manual, before-…)."""

    file: BackupFile
    role: str

    @property
    def path(self) -> Path:
        return self.file.path

    def label(self) -> str:
        if self.role == DAILY:
            return _("daily")
        if self.role == WEEKLY:
            return _("weekly")
        if self.role == AUTOMATIC:
            return _("automatic")
        if self.role == MANUAL:
            return _("manual")
        if self.role == BEFORE_RESTORE:
            return _("before a restore")
        if self.role == BEFORE_UPGRADE:
            return _("before the upgrade of schema {revision}").format(
                revision=self.file.upgraded_from
            )
        return self.file.reason


@dataclass(frozen=True, slots=True)
class RestoreResult:
    source: Path
    kept: Path  # the backup of the database the restore replaced
    upgraded_from: str | None  # an older backup was brought up to the current schema


def plan_rotation(
    backups: Iterable[BackupFile], keep_daily: int, keep_weekly: int
) -> dict[Path, str]:
    """The role of every automatic backup: DAILY or WEEKLY to keep it, "" to remove it."""
    automatic = sorted(
        (b for b in backups if b.is_automatic), key=lambda b: b.taken_at, reverse=True
    )
    roles: dict[Path, str] = {}
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    keep_daily = max(keep_daily, MIN_KEEP_DAILY)
    oldest_daily: dt.date | None = None
    for item in automatic:
        day = item.taken_at.date()
        if len(days) < keep_daily and day not in days:
            days.add(day)
            oldest_daily = day
            roles[item.path] = DAILY
            continue
        week = day.isocalendar()[:2]
        older = oldest_daily is not None and day < oldest_daily
        if older and len(weeks) < keep_weekly and week not in weeks:
            weeks.add(week)
            roles[item.path] = WEEKLY
            continue
        roles[item.path] = ""
    return roles


class BackupService:
    """``policy`` None reads the settings at each call, so a changed folder or count takes
    effect without building the service again."""

    def __init__(
        self, db: Database, policy: BackupPolicy | None = None, *, clock: Clock | None = None
    ) -> None:
        self.db = db
        self._policy = policy
        self._clock = clock or dt.datetime.now

    @property
    def policy(self) -> BackupPolicy:
        return self._policy or BackupPolicy.from_settings(Settings.load())

    def now(self) -> dt.datetime:
        return self._clock()

    @property
    def directory(self) -> Path:
        return self.policy.directory or backup_dir_for(self.db.sqlite_path)

    # --- writing ---------------------------------------------------------------------------
    def back_up(self, directory: Path | None = None) -> BackupFile:
        """A manual backup (kept until someone deletes it)."""
        return self._write(backup.MANUAL, directory)

    def back_up_automatically(self) -> BackupFile:
        """An automatic backup, then the rotation of the automatic ones."""
        made = self._write(backup.AUTO, None)
        self.rotate()
        return made

    def _write(self, reason: str, directory: Path | None) -> BackupFile:
        folder = directory or self.directory
        path = backup.backup_database(self.db, folder, reason, now=self.now())
        for found in backup.list_backups(folder, backup.database_stem(self.db)):
            if found.path == path:
                return found
        raise BackupError(_("the backup {path} vanished after it was written").format(path=path))

    # --- when ------------------------------------------------------------------------------
    def newest_automatic(self) -> BackupFile | None:
        return next((b for b in self.files() if b.is_automatic), None)

    def is_due(self, *, on_start: bool = False) -> bool:
        """On start: when no automatic backup was made today. While open: when the newest is
        a day old. Never when automatic backups are switched off."""
        if not self.policy.automatic:
            return False
        newest = self.newest_automatic()
        if newest is None:
            return True
        now = self.now()
        if on_start:
            return newest.taken_at.date() < now.date()
        return now - newest.taken_at >= DUE_AFTER

    def run_if_due(self, *, on_start: bool = False) -> BackupFile | None:
        return self.back_up_automatically() if self.is_due(on_start=on_start) else None

    # --- what is there ---------------------------------------------------------------------
    def files(self) -> builtins.list[BackupFile]:
        return backup.list_backups(self.directory, backup.database_stem(self.db))

    def list(self) -> list[BackupEntry]:
        """Every backup of this database in the folder, newest first, with its role."""
        files = self.files()
        policy = self.policy
        plan = plan_rotation(files, policy.keep_daily, policy.keep_weekly)
        return [BackupEntry(f, _role(f, plan)) for f in files]

    def rotate(self) -> builtins.list[Path]:
        """Remove the automatic backups the policy no longer keeps; return what was removed.
        A file that cannot be removed now (locked on a share) is tried again next time."""
        policy = self.policy
        files = self.files()
        removed: builtins.list[Path] = []
        for path, role in plan_rotation(files, policy.keep_daily, policy.keep_weekly).items():
            if role:
                continue
            try:
                backup.delete_backup(path)
            except OSError:
                continue
            removed.append(path)
        stem = backup.database_stem(self.db)
        for partial in backup.stale_partials(self.directory, stem, self.now() - STALE_PARTIAL):
            try:
                partial.unlink()
            except OSError:
                continue
        return removed

    # --- checking and restoring ------------------------------------------------------------
    def verify(self, path: Path) -> str:
        """Check a backup (and note the result for the listing); returns its schema."""
        return backup.verify_and_note(path)

    def restore(self, path: Path) -> RestoreResult:
        """Replace the database by a verified backup; the replaced content is kept as a
        "before-restore" backup, an older backup is upgraded to the current schema. Whoever
        shows records must read them again afterwards."""
        kept = backup.restore_database(self.db, path, self.directory, now=self.now())
        result = migrate.prepare(self.db, self.directory)
        self.db.refresh_statistics()
        return RestoreResult(path, kept, result.upgraded_from)


def _role(file: BackupFile, plan: dict[Path, str]) -> str:
    if file.is_automatic:
        return plan.get(file.path) or AUTOMATIC
    if file.reason == backup.MANUAL:
        return MANUAL
    if file.reason == backup.BEFORE_RESTORE:
        return BEFORE_RESTORE
    if file.upgraded_from is not None:
        return BEFORE_UPGRADE
    return file.reason
