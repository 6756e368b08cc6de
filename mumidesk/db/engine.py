"""Engine and short transactions. SQLite gets WAL, synchronous=NORMAL, foreign keys and a busy
timeout on every connection; PostgreSQL runs through psycopg 3."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from mumidesk.db import audit
from mumidesk.db.db_errors import translate_driver_error

# How long a write waits for another connection's write (another window, another process on
# the same file) before giving up: SQLite's busy handler retries the lock until then. Past it
# the user gets DatabaseBusyError ("try again"), never a "database is locked" traceback.
BUSY_TIMEOUT_MS = 10_000


def _sqlite_pragmas(busy_timeout_ms: int) -> Any:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()

    return on_connect


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (service account, odd container): still record something
        return "unknown"


@dataclass(frozen=True, slots=True)
class Health:
    """What SQLite says about its file: page integrity, dangling references, journal mode."""

    integrity: str
    broken_references: int
    journal_mode: str

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and self.broken_references == 0


class Database:
    """One database: its engine and the short transactions the services run in."""

    def __init__(
        self,
        url: str,
        user: str | None = None,
        echo: bool = False,
        *,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> None:
        self.url = make_url(url)
        self.user = user or current_user()
        self.busy_timeout_ms = busy_timeout_ms
        kwargs: dict[str, Any] = {"echo": echo}
        if self.is_sqlite:
            path = self.sqlite_path
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"timeout": busy_timeout_ms / 1000}
        else:
            kwargs["pool_pre_ping"] = True
            # The same promise on a server: a row another session keeps locked (a hung
            # window, a long import) ends the wait with DatabaseBusyError, not a frozen window.
            kwargs["connect_args"] = {"options": f"-c lock_timeout={int(busy_timeout_ms)}"}
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas(busy_timeout_ms))
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        audit.install(self._sessions)

    @property
    def dialect(self) -> str:
        return self.url.get_backend_name()

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite or not self.url.database or self.url.database == ":memory:":
            return None
        return Path(self.url.database)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error. Driver
        errors people can act on (a refused grant …) come out as a clear DomainError."""
        try:
            with self._sessions.begin() as session:
                session.info["user"] = self.user
                yield session
        except DBAPIError as exc:
            error = translate_driver_error(exc)
            if error is None:
                raise
            raise error from exc

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only look; nothing is committed."""
        session = self._sessions()
        try:
            yield session
        except DBAPIError as exc:
            error = translate_driver_error(exc)
            if error is None:
                raise
            raise error from exc
        finally:
            session.rollback()
            session.close()

    def health(self) -> Health | None:
        """SQLite's own integrity and foreign-key checks; None for a server database."""
        if not self.is_sqlite:
            return None
        with self.engine.connect() as conn:
            integrity = str(conn.execute(text("PRAGMA integrity_check")).scalar())
            broken = len(conn.execute(text("PRAGMA foreign_key_check")).fetchall())
            journal = str(conn.execute(text("PRAGMA journal_mode")).scalar())
        return Health(integrity, broken, journal)

    def refresh_statistics(self, *, only_if_missing: bool = False) -> None:
        """Let the query planner know the table sizes (ANALYZE). Without statistics SQLite
        walks the all-NULL ``deleted_at`` index of 100,000 events for a search filter (45 ms a
        query) instead of looking up the dozen matching ids (0.5 ms). Run after bulk loads and
        imports, and on opening a file that never had them; PostgreSQL's autovacuum does it
        there."""
        if not self.is_sqlite:
            return
        with self.engine.begin() as conn:
            if (
                only_if_missing
                and conn.execute(
                    text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
                ).first()
            ):
                return
            conn.execute(text("ANALYZE"))

    def dispose(self) -> None:
        if self.is_sqlite:
            try:  # SQLite's advice for long-lived connections: refresh what went stale
                with self.engine.begin() as conn:
                    conn.execute(text("PRAGMA optimize"))
            except DBAPIError:
                pass  # a damaged or vanished file: closing must still succeed
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Database({self.url.render_as_string(hide_password=True)!r})"
