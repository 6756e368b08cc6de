"""Login users of the throwaway PostgreSQL server, one per mumidesk role, each with its own
Database (its own connection URL): the roles are tested as the server enforces them.

The test server trusts local logins (initdb -A trust), so the users need no password. Role names
are cluster-wide: every set gets a fresh suffix, and nothing is dropped (the server is thrown
away at the end of the session).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import create_engine, text

from mumidesk.db.engine import Database
from mumidesk.domain.roles import Role
from mumidesk.services.roles import RoleService


@dataclass
class ServerUsers:
    owner: Database  # the superuser who created the database and set the roles up
    viewer: Database
    editor: Database
    admin: Database
    names: dict[Role, str]

    def connect_as(self, user: str) -> Database:
        url = self.owner.url.set(username=user).render_as_string(hide_password=False)
        return Database(url, user=user)


def create_login(owner: Database, name: str) -> None:
    engine = create_engine(
        owner.url.render_as_string(hide_password=False), isolation_level="AUTOCOMMIT"
    )
    with engine.connect() as conn:
        conn.execute(text(f'CREATE ROLE "{name}" LOGIN'))
    engine.dispose()


@contextmanager
def server_users(owner: Database) -> Iterator[ServerUsers]:
    """The roles set up on ``owner``'s database and a login for each role."""
    RoleService(owner).setup_roles()
    suffix = uuid.uuid4().hex[:8]
    names = {role: f"{role.value}_{suffix}" for role in Role}
    for role, name in names.items():
        create_login(owner, name)
        RoleService(owner).grant(name, role)
    users = ServerUsers(owner, *(_connect(owner, names[r]) for r in Role), names=names)
    try:
        yield users
    finally:
        for db in (users.viewer, users.editor, users.admin):
            db.dispose()


def _connect(owner: Database, user: str) -> Database:
    url = owner.url.set(username=user).render_as_string(hide_password=False)
    return Database(url, user=user)
