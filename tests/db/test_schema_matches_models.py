"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from mumidesk.db.engine import Database
from mumidesk.db.migrations.env_filter import include_object
from mumidesk.db.models import Base


def _diff(db: Database) -> list[object]:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        return list(compare_metadata(context, Base.metadata))


def test_sqlite_schema_matches_models(sqlite_db: Database) -> None:
    assert _diff(sqlite_db) == []


def test_postgresql_schema_matches_models(pg_db: Database) -> None:
    assert _diff(pg_db) == []
