"""Driver errors the user can act on, turned into clear DomainErrors in ONE place.

``Database.transaction()`` (and ``reading()``) pass every error through
``translate_driver_error``; what it does not know stays as it was (a bug, not a user's problem).
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from mumidesk.domain.errors import DomainError
from mumidesk.i18n import _

INSUFFICIENT_PRIVILEGE = "42501"  # PostgreSQL SQLSTATE: the role lacks a grant
# PostgreSQL SQLSTATEs of a lock another session holds: lock_not_available (lock_timeout,
# NOWAIT) and deadlock_detected. Both say "someone else is writing; try again".
BUSY_SQLSTATES = frozenset({"55P03", "40P01"})
# SQLite's result codes (primary, the low byte) for a file another connection holds:
# SQLITE_BUSY (5) once the busy timeout ran out, SQLITE_LOCKED (6).
SQLITE_BUSY_CODES = frozenset({5, 6})


class DatabaseBusyError(DomainError):
    """Another user (another window, another process) held the database longer than the busy
    timeout; nothing was written and the same action can simply be tried again."""

    def __init__(self) -> None:
        super().__init__(_("the database is busy (another user is saving); try again"))


class PermissionDeniedError(DomainError):
    """The server refused the statement: the user's role does not allow it. ``reason`` is the
    server's own words ("permission denied for table partners")."""

    def __init__(self, message: str, *, reason: str, reading: bool) -> None:
        self.reason = reason
        self.reading = reading
        super().__init__(message)


def _sqlstate(exc: DBAPIError) -> str | None:
    return getattr(exc.orig, "sqlstate", None)


def _permission_denied(exc: DBAPIError) -> PermissionDeniedError:
    diag = getattr(exc.orig, "diag", None)
    reason = str(getattr(diag, "message_primary", None) or exc.orig).strip()
    statement = (exc.statement or "").lstrip().upper()
    reading = statement.startswith(("SELECT", "WITH")) and " FOR UPDATE" not in statement
    if reading:
        message = _(
            "you may not read this data on this server: your role does not allow it; ask an "
            "administrator for the viewer role"
        )
    else:
        message = _(
            "you may not change data on this server: your role does not allow it; ask an "
            "administrator for the editor role"
        )
    return PermissionDeniedError(message, reason=reason, reading=reading)


def _is_busy(exc: DBAPIError) -> bool:
    """SQLite's "database is locked" (after the busy timeout) or a PostgreSQL lock wait that
    gave up."""
    if _sqlstate(exc) in BUSY_SQLSTATES:
        return True
    code = getattr(exc.orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in SQLITE_BUSY_CODES
    message = str(exc.orig).lower()
    return "database is locked" in message or "database table is locked" in message


def translate_driver_error(exc: Exception) -> DomainError | None:
    """A clear DomainError for a driver error people can act on; None for anything else."""
    if not isinstance(exc, DBAPIError):
        return None
    if _is_busy(exc):
        return DatabaseBusyError()
    if _sqlstate(exc) == INSUFFICIENT_PRIVILEGE:
        return _permission_denied(exc)
    return None
