"""Every service test runs twice: on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import pytest

from mumidesk.db.engine import Database


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Database:
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_db")
    return request.getfixturevalue("pg_db")
