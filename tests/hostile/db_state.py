"""The row count of every table, to prove a refused import or save wrote nothing at all (records,
their child rows, the search index, the audit trail)."""

from __future__ import annotations

from sqlalchemy import inspect, text

from mumidesk.db.engine import Database


def table_counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        names = [n for n in inspect(conn).get_table_names() if n != "alembic_version"]
        return {
            name: int(conn.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one())
            for name in names
        }
