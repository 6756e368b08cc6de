"""Alembic environment: always run from mumidesk.db.migrate with a live connection."""

from __future__ import annotations

from alembic import context

from mumidesk.db.migrations.env_filter import include_object
from mumidesk.db.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `mumidesk db upgrade`, not the alembic command")


context.configure(
    connection=connection,
    include_object=include_object,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
