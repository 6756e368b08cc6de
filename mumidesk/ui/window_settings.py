"""Where the window keeps its layout (geometry, columns, sort, last area) and how it names the
database it works on."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from mumidesk.db.engine import Database
from mumidesk.i18n import _
from mumidesk.settings import config_dir


def window_settings() -> QSettings:
    """An INI file beside settings.json: one folder holds all of a user's configuration (and
    tests isolate it with MUMIDESK_CONFIG_DIR), unlike the Windows registry default."""
    path = config_dir() / "window.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


def database_label(db: Database) -> str:
    path = db.sqlite_path
    if path is not None:
        return _("Database: {path}").format(path=str(path))
    return _("Database: {url} (shared server)").format(
        url=db.url.render_as_string(hide_password=True)
    )
