"""Roles on a shared server (issue 6 point 7), tested on a real PostgreSQL as the server enforces
them: each user connects with its own login. Every test names the measure it guards."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError

from mumidesk.db import roles as db_roles
from mumidesk.db.db_errors import PermissionDeniedError, translate_driver_error
from mumidesk.db.engine import Database
from mumidesk.domain.errors import DomainError
from mumidesk.domain.partners import Partner
from mumidesk.domain.roles import Capability, Role, allows
from mumidesk.services.registry import Services
from mumidesk.services.roles import RoleMember, RoleService, RolesUnsupportedError
from tests.pg_roles import ServerUsers, create_login, server_users

# How often the server said no in this module (the closing note of issue 6 counts them).
REFUSALS: list[str] = []


@pytest.fixture
def users(pg_db: Database) -> Iterator[ServerUsers]:
    with server_users(pg_db) as found:
        yield found


def refused(db: Database, sql: str) -> PermissionDeniedError:
    """Run ``sql`` as ``db``'s user and return the server's refusal (fails if it was allowed)."""
    with pytest.raises(PermissionDeniedError) as caught, db.transaction() as session:
        session.execute(text(sql))
    REFUSALS.append(sql)
    return caught.value


def allowed(db: Database, sql: str) -> None:
    with db.transaction() as session:
        session.execute(text(sql))


# --- viewer -----------------------------------------------------------------------------------


def test_the_viewer_reads_and_the_server_refuses_its_writes(users: ServerUsers) -> None:
    # Guards: GRANT SELECT only to mumidesk_viewer, and the refusal mapped to a clear message.
    owner = Services.for_database(users.owner)
    partner = owner.partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    assert partner.id is not None
    viewer = Services.for_database(users.viewer)

    assert [p.name_ru for p in viewer.partners.all()] == ["Могилёв"]
    assert viewer.search.search("могил")  # the search index is readable too

    attempts = {
        "insert": lambda: viewer.partners.create(Partner(name_ru="Брест", country_code="BY")),
        "update": lambda: viewer.partners.update(
            dataclasses.replace(viewer.partners.get(partner.id), name_ru="Гомель")  # type: ignore[arg-type]
        ),
        "delete": lambda: viewer.partners.delete(partner.id),  # type: ignore[arg-type]
    }
    for attempt in attempts.values():
        with pytest.raises(PermissionDeniedError) as caught:
            attempt()
        REFUSALS.append("viewer service write")
        assert "you may not change data on this server" in str(caught.value)
        assert "permission denied" in caught.value.reason  # the server's own words, kept
        assert not caught.value.reading
    # Nothing changed, nothing half-written.
    assert [(p.name_ru, p.version) for p in owner.partners.all()] == [("Могилёв", 1)]


def test_the_viewer_is_refused_by_the_server_also_without_the_services(users: ServerUsers) -> None:
    # Guards: no INSERT/UPDATE/DELETE/TRUNCATE grant for the viewer on any table.
    for sql in (
        "INSERT INTO regions (id, name_ru, name_en, created_at, created_by, updated_at, "
        "updated_by, version) VALUES ('00000000-0000-0000-0000-000000000001', 'x', 'x', now(), "
        "'', now(), '', 1)",
        "UPDATE partners SET name_ru = 'x'",
        "DELETE FROM search_entries",
        "TRUNCATE partners CASCADE",
        "CREATE TABLE viewer_table (id int)",
    ):
        refused(users.viewer, sql)


# --- editor -----------------------------------------------------------------------------------


def test_the_editor_changes_data_through_the_services(users: ServerUsers) -> None:
    # Guards: INSERT/UPDATE/DELETE on the data tables and USAGE on the search index's sequence.
    editor = Services.for_database(users.editor)
    partner = editor.partners.create(Partner(name_ru="Брест", country_code="BY"))
    assert partner.id is not None
    changed = editor.partners.update(dataclasses.replace(partner, name_ru="Брест-Литовск"))
    assert changed.version == 2
    editor.partners.delete(partner.id)
    editor.partners.restore(partner.id)
    owner = Services.for_database(users.owner)
    assert [p.name_ru for p in owner.partners.all()] == ["Брест-Литовск"]
    assert owner.search.search("литовск")


def test_the_editor_may_not_run_ddl_touch_the_schema_version_or_erase_the_log(
    users: ServerUsers,
) -> None:
    # Guards: tables owned by mumidesk_admin, no CREATE on the schema, alembic_version read-only,
    # audit_log append-only, no TRUNCATE.
    _ensure_audit_log(users.owner)
    editor = users.editor
    for sql in (
        "CREATE TABLE editor_table (id int)",
        "ALTER TABLE partners ADD COLUMN secret text",
        "DROP TABLE partners",
        "TRUNCATE partners CASCADE",
        "UPDATE alembic_version SET version_num = '9999'",
        "DELETE FROM alembic_version",
        "UPDATE audit_log SET id = id",
        "DELETE FROM audit_log",
    ):
        refused(editor, sql)
    with editor.reading() as session:
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar()


def test_the_editor_may_not_grant_roles(users: ServerUsers) -> None:
    # Guards: ADMIN OPTION only for administrators; the refusal names the reason.
    create_login(users.owner, "promoted_by_editor_" + users.names[Role.EDITOR])
    service = RoleService(users.editor)
    with pytest.raises(db_roles.RoleError, match="only an administrator may grant roles"):
        service.grant("promoted_by_editor_" + users.names[Role.EDITOR], Role.ADMIN)
    REFUSALS.append("editor grant")
    with pytest.raises(db_roles.RoleError, match="only an administrator may grant roles"):
        service.grant(users.names[Role.EDITOR], Role.ADMIN)  # not even to itself
    REFUSALS.append("editor self-promotion")
    assert service.current(fresh=True) is Role.EDITOR


# --- administrator ----------------------------------------------------------------------------


def test_the_admin_grants_roles_and_runs_ddl(users: ServerUsers) -> None:
    # Guards: the ADMIN OPTION on the three groups and the tables owned by mumidesk_admin.
    newcomer = "newcomer_" + users.names[Role.ADMIN]
    create_login(users.owner, newcomer)
    admin = RoleService(users.admin)
    admin.grant(newcomer, Role.EDITOR)
    assert RoleMember(newcomer, Role.EDITOR) in admin.who_has()
    admin.grant(newcomer, Role.ADMIN)  # an administrator can make another one
    assert RoleMember(newcomer, Role.ADMIN) in admin.who_has()
    second = users.connect_as(newcomer)
    try:
        assert RoleService(second).current() is Role.ADMIN
        RoleService(second).grant(newcomer, Role.VIEWER)  # ... who can step down again
        assert RoleService(second).current(fresh=True) is Role.VIEWER
    finally:
        second.dispose()
    admin.revoke(newcomer)
    assert newcomer not in {m.user for m in admin.who_has()}

    allowed(users.admin, "ALTER TABLE partners ADD COLUMN admin_note text")
    allowed(users.admin, "ALTER TABLE partners DROP COLUMN admin_note")
    allowed(users.admin, "CREATE TABLE admin_table (id int)")


def test_a_grant_replaces_the_former_role(users: ServerUsers) -> None:
    # Guards: grant_role takes the other groups away (a demotion really demotes).
    name = users.names[Role.EDITOR]
    RoleService(users.admin).grant(name, Role.VIEWER)
    assert RoleService(users.editor).current(fresh=True) is Role.VIEWER
    with pytest.raises(PermissionDeniedError):
        Services.for_database(users.editor).partners.create(
            Partner(name_ru="Орша", country_code="BY")
        )
    REFUSALS.append("demoted editor")


def test_later_migrations_get_the_grants(users: ServerUsers) -> None:
    # Guards: ALTER DEFAULT PRIVILEGES (a table the owner creates later is readable/writable by
    # the roles at once) and refresh_grants (a table an administrator's own login created).
    allowed(users.owner, "CREATE TABLE later_owner (id serial PRIMARY KEY, name text)")
    allowed(users.editor, "INSERT INTO later_owner (name) VALUES ('x')")
    with users.viewer.reading() as session:
        assert session.execute(text("SELECT count(*) FROM later_owner")).scalar() == 1

    with users.admin.transaction() as session:
        session.execute(text("SET LOCAL ROLE NONE"))  # the admin's own login, not the group
        session.execute(text("CREATE TABLE later_admin (id serial PRIMARY KEY, name text)"))
    refused(users.viewer, "SELECT * FROM later_admin")
    assert db_roles.after_upgrade(users.admin) is True
    allowed(users.editor, "INSERT INTO later_admin (name) VALUES ('y')")
    with users.viewer.reading() as session:
        assert session.execute(text("SELECT name FROM later_admin")).scalar() == "y"
        owner = session.execute(
            text("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'later_admin'")
        ).scalar()
    assert owner == db_roles.GROUP_ROLES[Role.ADMIN]  # any administrator can migrate it later


# --- who is who -------------------------------------------------------------------------------


def test_current_role_reads_the_servers_membership(users: ServerUsers) -> None:
    assert db_roles.current_role(users.viewer) is Role.VIEWER
    assert db_roles.current_role(users.editor) is Role.EDITOR
    assert db_roles.current_role(users.admin) is Role.ADMIN
    assert db_roles.current_role(users.owner) is Role.ADMIN  # the superuser
    outsider = "outsider_" + users.names[Role.VIEWER]
    create_login(users.owner, outsider)
    db = users.connect_as(outsider)
    try:
        assert db_roles.current_role(db) is Role.VIEWER  # the least, never more
        with pytest.raises(PermissionDeniedError, match="you may not read this data") as caught:
            Services.for_database(db).partners.all()
        assert caught.value.reading
        REFUSALS.append("outsider read")
    finally:
        db.dispose()
    listed = {m.user: m.role for m in RoleService(users.owner).who_has()}
    assert {listed[name] for name in users.names.values()} == set(Role)
    assert all(listed[name] is role for role, name in users.names.items())


def test_user_names_are_quoted_never_pasted(users: ServerUsers) -> None:
    # Guards: quote() — a name is an identifier, not SQL.
    hostile = 'x"; DROP TABLE partners; --'
    with pytest.raises(db_roles.RoleError, match="there is no user"):
        RoleService(users.owner).grant(hostile, Role.ADMIN)
    create_login(users.owner, hostile.replace('"', '""'))
    RoleService(users.owner).grant(hostile, Role.VIEWER)
    assert RoleMember(hostile, Role.VIEWER) in RoleService(users.owner).who_has()
    for name in ("", "mumidesk_admin", "pg_read_all_data", "public", "x" * 64):
        with pytest.raises(db_roles.RoleError):
            RoleService(users.owner).grant(name, Role.ADMIN)
    assert Services.for_database(users.owner).partners.all() == []  # the table is still there


def test_setup_is_repeatable(users: ServerUsers) -> None:
    RoleService(users.owner).setup_roles()
    RoleService(users.owner).setup_roles()
    assert db_roles.current_role(users.viewer) is Role.VIEWER
    Services.for_database(users.editor).partners.create(
        Partner(name_ru="Витебск", country_code="BY")
    )


# --- a personal file --------------------------------------------------------------------------


def test_a_database_file_has_no_roles_and_belongs_to_its_user(sqlite_db: Database) -> None:
    service = RoleService(sqlite_db)
    assert service.current() is Role.ADMIN
    assert service.who_has() == []
    assert service.refresh_grants() is False
    assert db_roles.after_upgrade(sqlite_db) is False
    for change in (service.setup_roles, lambda: service.grant("anna", Role.EDITOR)):
        with pytest.raises(RolesUnsupportedError):
            change()


def test_what_each_role_may_do() -> None:
    assert not any(allows(Role.VIEWER, c) for c in Capability)
    assert {c for c in Capability if allows(Role.EDITOR, c)} == {
        Capability.EDIT_DATA,
        Capability.IMPORT,
        Capability.DATABASE_SETTINGS,
    }
    assert all(allows(Role.ADMIN, c) for c in Capability)


def test_only_a_refused_grant_is_translated() -> None:
    assert translate_driver_error(ValueError("x")) is None
    other = ProgrammingError("SELECT 1", {}, Exception("syntax"))
    assert translate_driver_error(other) is None
    assert isinstance(PermissionDeniedError("m", reason="r", reading=False), DomainError)


def _ensure_audit_log(owner: Database) -> None:
    """The audit trail's table comes with migration 0005; older schemas get a stand-in so that
    the append-only rule is tested either way (setup_roles runs again to cover it)."""
    with owner.transaction() as session:
        session.execute(
            text("CREATE TABLE IF NOT EXISTS audit_log (id serial PRIMARY KEY, at timestamp)")
        )
    RoleService(owner).setup_roles()
