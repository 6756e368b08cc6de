"""Roles on a shared PostgreSQL server: three NOLOGIN group roles, their grants, and which of them
the connected user holds.

- ``mumidesk_viewer``: reads every table (and the sequences, so that pg_dump works).
- ``mumidesk_editor`` (member of viewer): inserts, updates and deletes rows of the data tables;
  no DDL, no TRUNCATE, no role management; the schema version is read-only and the audit log
  append-only, so an editor can neither fake a migration nor erase the trail of a change.
- ``mumidesk_admin`` (member of editor): owns the tables (DDL: migrations), may create tables in
  the schema, and holds the ADMIN OPTION on the three roles (grants them to people).

People are LOGIN roles made members of one group. DEFAULT PRIVILEGES give tables that later
migrations create the same grants; ``refresh_grants`` re-applies everything after a migration
(a table created by one administrator's own login is handed to ``mumidesk_admin``).

SQLite has no users: a file belongs to whoever opens it, who is always the administrator.

Statements take a ``Connection`` or ``Session`` (anything with ``execute``); the services run
them inside one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from mumidesk.db.engine import Database
from mumidesk.domain.errors import DomainError
from mumidesk.domain.roles import Role
from mumidesk.i18n import _

GROUP_ROLES: dict[Role, str] = {
    Role.VIEWER: "mumidesk_viewer",
    Role.EDITOR: "mumidesk_editor",
    Role.ADMIN: "mumidesk_admin",
}
SCHEMA = "public"
# Editors read these but never change them: the schema version belongs to migrations.
READ_ONLY_TABLES = ("alembic_version",)
# Editors add rows but never change or remove them: the trail of who changed what.
APPEND_ONLY_TABLES = ("audit_log",)
MAX_NAME_BYTES = 63  # PostgreSQL's identifier length


class Executor(Protocol):
    def execute(self, statement: Any, parameters: Any = None) -> Any: ...


class RoleError(DomainError):
    """A role cannot be set up, granted or read; the message says why."""


def quote(name: str) -> str:
    """A PostgreSQL identifier, always quoted: user names may hold capitals, dots or quotes."""
    return '"' + name.replace('"', '""') + '"'


def check_user_name(user: str) -> str:
    name = user.strip()
    if not name or "\x00" in name or len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise RoleError(_("{user!r} is not a valid user name on the server").format(user=user))
    if name in GROUP_ROLES.values() or name.startswith("pg_") or name.lower() == "public":
        raise RoleError(
            _("{user} is a group role, not a person; name a login user").format(user=name)
        )
    return name


def _names(roles: Sequence[str]) -> str:
    return ", ".join(quote(r) for r in roles)


def existing_groups(conn: Executor) -> set[str]:
    rows = conn.execute(
        text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"),
        {"names": list(GROUP_ROLES.values())},
    )
    return {str(r[0]) for r in rows}


def _relations(conn: Executor, kinds: str, free_only: bool = False) -> list[tuple[str, str]]:
    """(name, owner) of the schema's relations of ``kinds`` that the current user may hand to
    another owner (a table of somebody else's stays theirs)."""
    free = (
        " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid"
        " AND d.deptype IN ('a', 'i'))"
        if free_only
        else ""
    )
    rows = conn.execute(
        text(
            "SELECT c.relname, pg_get_userbyid(c.relowner) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            f"WHERE n.nspname = :schema AND c.relkind = ANY(:kinds){free} "
            "AND pg_has_role(current_user, c.relowner, 'USAGE') ORDER BY c.relname"
        ),
        {"schema": SCHEMA, "kinds": list(kinds)},
    )
    return [(str(r[0]), str(r[1])) for r in rows]


def _tables(conn: Executor) -> list[tuple[str, str]]:
    return _relations(conn, "rp")


def _free_sequences(conn: Executor) -> list[tuple[str, str]]:
    """Sequences no table column owns (those move with their table)."""
    return _relations(conn, "S", free_only=True)


def _all_tables(conn: Executor) -> set[str]:
    rows = conn.execute(
        text(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = :schema AND c.relkind IN ('r', 'p')"
        ),
        {"schema": SCHEMA},
    )
    return {str(r[0]) for r in rows}


def setup_statements(conn: Executor) -> list[str]:
    """What ``setup_roles`` runs, for the server's state now (missing roles are created)."""
    viewer, editor, admin = (GROUP_ROLES[r] for r in Role)
    runner = str(conn.execute(text("SELECT current_user")).scalar())
    database = str(conn.execute(text("SELECT current_database()")).scalar())
    found = existing_groups(conn)
    statements = [
        f"CREATE ROLE {quote(name)} NOLOGIN"
        for name in (viewer, editor, admin)
        if name not in found
    ]
    statements += [
        f"GRANT {quote(viewer)} TO {quote(editor)}",
        f"GRANT {quote(editor)} TO {quote(admin)}",
        f"GRANT CONNECT, TEMPORARY ON DATABASE {quote(database)} TO {quote(viewer)}",
        f"GRANT USAGE ON SCHEMA {quote(SCHEMA)} TO {quote(viewer)}",
        f"GRANT CREATE ON SCHEMA {quote(SCHEMA)} TO {quote(admin)}",
        # Before PostgreSQL 15 everybody could create tables in "public"; editors may not.
        f"REVOKE CREATE ON SCHEMA {quote(SCHEMA)} FROM PUBLIC",
    ]
    superuser = bool(
        conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar()
    )
    if not superuser:  # the owner who sets the roles up stays an administrator
        statements.append(f"GRANT {quote(admin)} TO {quote(runner)} WITH ADMIN OPTION")
    # Tables of later migrations: whoever runs them as mumidesk_admin or as this owner.
    creators = [admin] if runner == admin else [admin, runner]
    for creator in creators:
        prefix = f"ALTER DEFAULT PRIVILEGES FOR ROLE {quote(creator)} IN SCHEMA {quote(SCHEMA)}"
        statements += [
            f"{prefix} GRANT SELECT ON TABLES TO {quote(viewer)}",
            f"{prefix} GRANT SELECT ON SEQUENCES TO {quote(viewer)}",
            f"{prefix} GRANT INSERT, UPDATE, DELETE ON TABLES TO {quote(editor)}",
            f"{prefix} GRANT USAGE ON SEQUENCES TO {quote(editor)}",
        ]
    return statements


def grant_statements(conn: Executor) -> list[str]:
    """Ownership and grants of every table and sequence there is now (repeatable)."""
    viewer, editor, admin = (GROUP_ROLES[r] for r in Role)
    schema = quote(SCHEMA)
    statements = [
        f"ALTER TABLE {schema}.{quote(name)} OWNER TO {quote(admin)}"
        for name, owner in _tables(conn)
        if owner != admin
    ]
    statements += [
        f"ALTER SEQUENCE {schema}.{quote(name)} OWNER TO {quote(admin)}"
        for name, owner in _free_sequences(conn)
        if owner != admin
    ]
    statements += [
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {quote(viewer)}",
        f"GRANT SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {quote(viewer)}",
        f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {quote(editor)}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {quote(editor)}",
        f"GRANT ALL ON ALL TABLES IN SCHEMA {schema} TO {quote(admin)}",
        f"GRANT ALL ON ALL SEQUENCES IN SCHEMA {schema} TO {quote(admin)}",
    ]
    tables = _all_tables(conn)
    statements += [
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {schema}.{quote(t)} FROM {quote(editor)}"
        for t in READ_ONLY_TABLES
        if t in tables
    ]
    statements += [
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {schema}.{quote(t)} FROM {quote(editor)}"
        for t in APPEND_ONLY_TABLES
        if t in tables
    ]
    return statements


def _run(conn: Executor, statements: Sequence[str]) -> None:
    for statement in statements:
        conn.execute(text(statement))


def setup_roles(conn: Executor) -> None:
    """Create the group roles (if missing) and grant them the schema; run it as a superuser or
    as the database's owner. Repeatable."""
    _run(conn, setup_statements(conn))
    _run(conn, grant_statements(conn))


def refresh_grants(conn: Executor) -> bool:
    """After a migration: the new tables get the roles' grants. False when the roles were
    never set up on this server (then nothing is done)."""
    if GROUP_ROLES[Role.ADMIN] not in existing_groups(conn):
        return False
    _run(conn, grant_statements(conn))
    return True


def _require_set_up(conn: Executor) -> None:
    if set(GROUP_ROLES.values()) - existing_groups(conn):
        raise RoleError(
            _("the roles are not set up on this server; run `mumidesk roles setup` first")
        )


def _require_user(conn: Executor, user: str) -> None:
    found = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": user})
    if found.first() is None:
        raise RoleError(
            _(
                "there is no user {user} on the server; create the login first "
                "(CREATE ROLE … LOGIN PASSWORD …)"
            ).format(user=user)
        )


def _held(conn: Executor, user: str) -> dict[str, bool]:
    """The mumidesk groups a user is a direct member of → whether with the ADMIN OPTION."""
    rows = conn.execute(
        text(
            "SELECT g.rolname, m.admin_option FROM pg_auth_members m "
            "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
            "WHERE u.rolname = :user AND g.rolname = ANY(:groups)"
        ),
        {"user": user, "groups": list(GROUP_ROLES.values())},
    )
    held: dict[str, bool] = {}
    for group, admin_option in rows:
        held[str(group)] = held.get(str(group), False) or bool(admin_option)
    return held


def revoke_role(conn: Executor, user: str) -> None:
    """Take every mumidesk role from a user (the login itself stays)."""
    name = check_user_name(user)
    _require_set_up(conn)
    _require_user(conn, name)
    held = _held(conn, name)
    if held:
        _run(conn, [f"REVOKE {_names(sorted(held))} FROM {quote(name)}"])


def grant_role(conn: Executor, user: str, role: Role) -> None:
    """Make a user exactly ``role``: the new grant first, then a former role and a former
    ADMIN OPTION are taken away (so an administrator may also step down). Administrators get
    the ADMIN OPTION on every group, so that they can grant roles in turn."""
    name = check_user_name(user)
    _require_set_up(conn)
    _require_user(conn, name)
    if role is Role.ADMIN:
        groups = _names(list(GROUP_ROLES.values()))
        _run(conn, [f"GRANT {groups} TO {quote(name)} WITH ADMIN OPTION"])
        return
    wanted = GROUP_ROLES[role]
    _run(conn, [f"GRANT {quote(wanted)} TO {quote(name)}"])
    held = _held(conn, name)
    statements = []
    if held.get(wanted):
        statements.append(f"REVOKE ADMIN OPTION FOR {quote(wanted)} FROM {quote(name)}")
    others = sorted(g for g in held if g != wanted)
    if others:
        statements.append(f"REVOKE {_names(others)} FROM {quote(name)}")
    _run(conn, statements)


def members(conn: Executor) -> list[tuple[str, Role]]:
    """Every user holding a mumidesk role, with the highest one, by name."""
    _require_set_up(conn)
    by_name = {name: role for role, name in GROUP_ROLES.items()}
    rows = conn.execute(
        text(
            "SELECT u.rolname, g.rolname FROM pg_auth_members m "
            "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
            "WHERE g.rolname = ANY(:groups) AND NOT (u.rolname = ANY(:groups))"
        ),
        {"groups": list(GROUP_ROLES.values())},
    )
    best: dict[str, Role] = {}
    for user, group in rows:
        role = by_name[str(group)]
        if str(user) not in best or role.rank > best[str(user)].rank:
            best[str(user)] = role
    return sorted(best.items())


def role_of_connection(conn: Executor) -> Role:
    """The role of the logged-in user (``session_user``): a superuser or the database's owner
    is an administrator; so is everybody while the roles are not set up (the server's own
    grants still decide). A user outside the three groups is treated as a viewer."""
    row = conn.execute(
        text(
            "SELECT r.rolsuper, d.datdba = r.oid FROM pg_roles r, pg_database d "
            "WHERE r.rolname = session_user AND d.datname = current_database()"
        )
    ).first()
    if row is not None and (row[0] or row[1]):
        return Role.ADMIN
    if set(GROUP_ROLES.values()) - existing_groups(conn):
        return Role.ADMIN
    for role in (Role.ADMIN, Role.EDITOR, Role.VIEWER):
        held = conn.execute(
            text("SELECT pg_has_role(session_user, :group, 'MEMBER')"),
            {"group": GROUP_ROLES[role]},
        ).scalar()
        if held:
            return role
    return Role.VIEWER


def current_role(db: Database) -> Role:
    """What the user connected to ``db`` may do; a SQLite file: always the administrator."""
    if db.is_sqlite:
        return Role.ADMIN
    try:
        with db.engine.connect() as conn:
            return role_of_connection(conn)
    except DBAPIError as exc:
        raise RoleError(
            _("cannot read your role on the server: {reason}").format(reason=exc.orig)
        ) from exc


def after_upgrade(db: Database) -> bool:
    """Re-apply the grants after a migration on a server with roles; nothing on SQLite."""
    if db.is_sqlite:
        return False
    with db.engine.begin() as conn:
        return refresh_grants(conn)
