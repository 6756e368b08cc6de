"""What a command needs: the database (opened and upgraded on first use) and output helpers."""

from __future__ import annotations

import sys
from functools import cached_property

from mumidesk.db import migrate
from mumidesk.db.engine import Database
from mumidesk.db.integrity import UnusableDatabaseError, check_on_open
from mumidesk.i18n import _
from mumidesk.services.registry import Services
from mumidesk.settings import Settings, resolve_database_url

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_INVALID = 2


class CliContext:
    def __init__(self, db_option: str | None) -> None:
        self.database_url = resolve_database_url(db_option)
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        """The database, created or upgraded (after a backup) on first use."""
        if self._db is None:
            # A damaged or foreign file is refused before the engine touches it (opening would
            # rewrite its header, and an empty file would silently become a new database).
            verdict = check_on_open(self.database_url)
            if not verdict.ok:
                raise UnusableDatabaseError(verdict)  # main() prints it with the way out
            self._db = Database(self.database_url, user=Settings.load().user_name or None)
            result = migrate.prepare(self._db)
            if result.backup is not None:
                self.info(
                    _("The database was upgraded from schema {old}; a backup is in {path}").format(
                        old=result.upgraded_from, path=result.backup
                    )
                )
        return self._db

    def raw_db(self) -> Database:
        """The database without upgrading it (for `db check` and `db restore`)."""
        if self._db is None:
            self._db = Database(self.database_url, user=Settings.load().user_name or None)
        return self._db

    @cached_property
    def services(self) -> Services:
        return Services.for_database(self.db)

    def out(self, text: str = "") -> None:
        print(text)

    def info(self, text: str) -> None:
        print(text, file=sys.stderr)

    def error(self, text: str) -> None:
        print(_("error: {message}").format(message=" ".join(text.split())), file=sys.stderr)

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
