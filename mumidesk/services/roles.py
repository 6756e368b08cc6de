"""Roles on a shared server for the CLI and the window: set them up, grant and take them, list who
holds which, and say what the connected user may do. Every change is one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from mumidesk.db import roles as db_roles
from mumidesk.db.db_errors import PermissionDeniedError
from mumidesk.db.engine import Database
from mumidesk.domain.errors import DomainError
from mumidesk.domain.roles import Role
from mumidesk.i18n import _

T = TypeVar("T")


class RolesUnsupportedError(DomainError):
    """Roles exist only on a database server."""


@dataclass(frozen=True, slots=True)
class RoleMember:
    user: str
    role: Role


class RoleService:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._current: Role | None = None

    @property
    def supported(self) -> bool:
        return not self.db.is_sqlite

    def current(self, *, fresh: bool = False) -> Role:
        """The connected user's role (read once, then remembered; ``fresh`` reads again)."""
        if self._current is None or fresh:
            self._current = db_roles.current_role(self.db)
        return self._current

    def setup_roles(self) -> None:
        self._write(
            db_roles.setup_roles, _("only a superuser or the database's owner can set up roles")
        )

    def refresh_grants(self) -> bool:
        if not self.supported:
            return False
        return self._write(db_roles.refresh_grants, _("only an administrator can renew the grants"))

    def grant(self, user: str, role: Role) -> None:
        self._write(
            lambda session: db_roles.grant_role(session, user, role),
            _("only an administrator may grant roles"),
        )

    def revoke(self, user: str) -> None:
        self._write(
            lambda session: db_roles.revoke_role(session, user),
            _("only an administrator may take roles away"),
        )

    def who_has(self) -> list[RoleMember]:
        if not self.supported:
            return []
        with self.db.reading() as session:
            return [RoleMember(user, role) for user, role in db_roles.members(session)]

    def _write(self, change: Callable[[db_roles.Executor], T], refused: str) -> T:
        if not self.supported:
            raise RolesUnsupportedError(
                _(
                    "roles exist only on a database server; a database file belongs to whoever "
                    "opens it"
                )
            )
        try:
            with self.db.transaction() as session:
                return change(session)
        except PermissionDeniedError as exc:
            raise db_roles.RoleError(
                _("{refused} (the server said: {reason})").format(
                    refused=refused, reason=exc.reason
                )
            ) from exc
