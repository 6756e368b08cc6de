"""`mumidesk roles setup|grant|revoke|list` on a real PostgreSQL, run as different users."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from mumidesk.cli import main
from mumidesk.db.engine import Database
from mumidesk.domain.roles import Role
from mumidesk.services.roles import RoleService
from tests.pg_roles import create_login


def url_as(db: Database, user: str) -> str:
    return db.url.set(username=user).render_as_string(hide_password=False)


def run(url: str, *args: str) -> int:
    return main(["--lang", "en", "--db", url, "roles", *args])


def test_setup_grant_list_and_revoke(pg_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    owner = pg_db.url.render_as_string(hide_password=False)
    assert run(owner, "setup") == 0
    assert "are set up on the server" in capsys.readouterr().out
    anna = "anna_" + uuid.uuid4().hex[:8]
    create_login(pg_db, anna)

    assert run(owner, "grant", anna, "editor") == 0
    assert capsys.readouterr().out.strip() == f"{anna} is now: Editor"
    assert run(owner, "list") == 0
    out = capsys.readouterr().out
    assert [line.split() for line in out.splitlines() if line.startswith(anna)] == [
        [anna, "Editor"]
    ]
    assert "Your role: Administrator" in out

    # Anna herself: an editor sees her role and may not hand out roles (exit 1, one line).
    assert run(url_as(pg_db, anna), "list") == 0
    assert "Your role: Editor" in capsys.readouterr().out
    assert run(url_as(pg_db, anna), "grant", anna, "admin") == 1
    err = capsys.readouterr().err
    assert err.startswith("error: only an administrator may grant roles")
    assert len(err.strip().splitlines()) == 1
    assert RoleService(pg_db).current() is Role.ADMIN

    assert run(owner, "revoke", anna) == 0
    assert anna not in {m.user for m in RoleService(pg_db).who_has()}


def test_a_role_for_nobody_and_a_wrong_role_are_refused(
    pg_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    owner = pg_db.url.render_as_string(hide_password=False)
    assert run(owner, "setup") == 0
    capsys.readouterr()
    assert run(owner, "grant", "nobody_" + uuid.uuid4().hex[:8], "viewer") == 1
    assert "there is no user" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        run(owner, "grant", "anna", "superuser")


def test_a_database_file_has_no_roles(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(Path(str(sqlite_db.sqlite_path)))
    assert run(path, "list") == 0
    assert "whoever opens it is its administrator" in capsys.readouterr().out
    assert run(path, "setup") == 1
    assert "roles exist only on a database server" in capsys.readouterr().err
