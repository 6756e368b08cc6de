"""Schema versions: create a new database, upgrade an older one after backing it up, refuse a
database written by a newer mumidesk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.exc import DatabaseError

from mumidesk.db.backup import backup_database
from mumidesk.db.engine import Database
from mumidesk.db.roles import after_upgrade
from mumidesk.domain.errors import DomainError
from mumidesk.i18n import _

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest revision, kept equal to Alembic's head by a test: a database already at it opens
# without importing Alembic (and Mako), a third of the window's start time.
HEAD_REVISION = "0005"


class SchemaError(DomainError):
    """The database cannot be used by this version of mumidesk."""


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str
    has_tables: bool

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


@dataclass(frozen=True)
class PrepareResult:
    created: bool = False
    upgraded_from: str | None = None
    backup: Path | None = None


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}


def stored_revision(db: Database) -> str | None:
    """The revision recorded in the database (None: none, or not readable as a database)."""
    try:
        with db.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DatabaseError:
        return None


def state(db: Database) -> SchemaState:
    from alembic.runtime.migration import MigrationContext

    try:
        with db.engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
    except DatabaseError as exc:
        if not db.is_sqlite:
            raise
        # --db pointed at a document or a damaged file: say so instead of a traceback.
        raise SchemaError(
            _("{path} is not a database file: {reason}").format(
                path=db.sqlite_path, reason=exc.orig
            )
        ) from exc
    return SchemaState(current=current, head=head_revision(), has_tables=bool(tables))


def upgrade(db: Database, revision: str = "head") -> None:
    from alembic import command

    cfg = _config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def prepare(db: Database, backup_dir: Path | None = None) -> PrepareResult:
    """Make the database usable: create it, or back it up and upgrade it, or refuse it."""
    if stored_revision(db) == HEAD_REVISION:
        return PrepareResult()
    st = state(db)
    if st.up_to_date:
        return PrepareResult()
    if st.current is None:
        if st.has_tables:
            raise SchemaError(
                _("{db} holds tables but is not a mumidesk database; open another file").format(
                    db=db
                )
            )
        upgrade(db)
        return PrepareResult(created=True)
    if st.current not in known_revisions():
        raise SchemaError(
            _(
                "the database was written by a newer mumidesk (schema {current}); "
                "update the application"
            ).format(current=st.current)
        )
    backup = backup_database(db, backup_dir, reason=f"before-upgrade-{st.current}")
    upgrade(db)
    after_upgrade(db)  # a shared server with roles: new tables get the grants at once
    return PrepareResult(upgraded_from=st.current, backup=backup)
