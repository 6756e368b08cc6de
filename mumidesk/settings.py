"""Where the data lives and which language to speak: platformdirs defaults, a settings file,
an environment variable and the ``--db`` option, in rising priority."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

APP_NAME = "mumidesk"
ENV_DB = "MUMIDESK_DB"
ENV_CONFIG_DIR = "MUMIDESK_CONFIG_DIR"
ENV_DATA_DIR = "MUMIDESK_DATA_DIR"
PORTABLE_MARKER = "portable.txt"  # beside the frozen executable: the portable zip's build


def portable_dir() -> Path | None:
    """``<exe folder>/data`` when a frozen build has the portable marker beside its executable:
    settings and database then travel with the folder (a USB stick, a network share)."""
    if not getattr(sys, "frozen", False):
        return None
    folder = Path(sys.executable).resolve().parent
    if (folder / PORTABLE_MARKER).is_file():
        return folder / "data"
    return None


def config_dir() -> Path:
    override = os.environ.get(ENV_CONFIG_DIR)
    if override:
        return Path(override)
    return portable_dir() or Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    return portable_dir() or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """The error log: beside the data when that folder is set (a test, the portable build),
    else the platform's place for logs (%LOCALAPPDATA%\\mumidesk\\Logs on Windows)."""
    if os.environ.get(ENV_DATA_DIR) or portable_dir():
        return data_dir() / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return data_dir() / "mumidesk.db"


def backup_dir_for(database_path: Path | None) -> Path:
    if database_path is not None:
        return database_path.parent / "backups"
    return data_dir() / "backups"


@dataclass
class Settings:
    database_url: str = ""
    language: str = ""
    region_id: str = ""  # the region whose reports this install prints
    municipality_id: str = ""  # the municipality new records belong to by default
    user_name: str = ""  # stamped on changes; empty: the operating-system user
    reminder_days: int = 30  # deadlines this close are shown as due
    urgent_days: int = 7  # and this close as urgent
    backup_dir: str = ""  # where backups go; empty: a "backups" folder beside the database
    keep_daily: int = 7  # automatic backups kept: the newest of this many days
    keep_weekly: int = 4  # and, older than those, the newest of this many ISO weeks
    auto_backup: bool = True  # back up on start and daily while the window is open

    @classmethod
    def path(cls) -> Path:
        return config_dir() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        path = cls.path()
        if not path.exists():
            return cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):  # valid JSON but not our object: start from defaults
            return cls()
        # A null or a number is not a setting we wrote: str(None) would become a file "None".
        fields = cls.__dataclass_fields__
        defaults = asdict(cls())
        known = {
            k: v
            for k, v in raw.items()
            if k in fields and type(v) is type(defaults[k])  # bool is no int here
        }
        return cls(**known)

    def save(self) -> None:
        path = self.path()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(path)


def to_url(value: str) -> str:
    """A database URL from what a person typed: a URL as it is, a file path made absolute."""
    if "://" in value:
        return value
    return "sqlite:///" + Path(value).expanduser().resolve().as_posix()


def resolve_database_url(cli_value: str | None = None) -> str:
    """``--db`` beats MUMIDESK_DB beats the settings file beats the platform default."""
    for candidate in (cli_value, os.environ.get(ENV_DB), Settings.load().database_url):
        if candidate:
            return to_url(candidate)
    return to_url(str(default_database_path()))
