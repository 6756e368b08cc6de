"""Bulk loading: rows inserted in batches with ``session.execute(insert(Row), rows)`` inside one
transaction, several times faster than one service call per record. For loads that bypass the
services' validation on purpose (benchmark data); the search index is rebuilt afterwards."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from mumidesk.db.engine import Database

DEFAULT_BATCH = 5000


class BulkWriter:
    """Buffers rows per table and inserts them in batches; counts the time spent in the
    database (the rest of a load is preparing the rows)."""

    def __init__(self, session: Session, batch: int = DEFAULT_BATCH) -> None:
        self.session = session
        self.batch = batch
        self.buffers: dict[Any, list[dict[str, Any]]] = {}
        self.rows = 0
        self.seconds = 0.0

    def add(self, table: Any, row: dict[str, Any]) -> None:
        buffer = self.buffers.setdefault(table, [])
        buffer.append(row)
        if len(buffer) >= self.batch:
            self.flush()  # every table, parents first: children refer to them

    def flush(self) -> None:
        for table, buffer in self.buffers.items():
            if buffer:
                self._insert(table, buffer)
        self.buffers = {table: [] for table in self.buffers}

    def _insert(self, table: Any, rows: list[dict[str, Any]]) -> None:
        started = time.perf_counter()
        self.session.execute(insert(table), rows)
        self.seconds += time.perf_counter() - started
        self.rows += len(rows)


def bulk_write(
    db: Database, fill: Callable[[BulkWriter], None], batch: int = DEFAULT_BATCH
) -> BulkWriter:
    """Run ``fill`` in one transaction; the writer's time includes the commit."""
    with db.transaction() as session:
        writer = BulkWriter(session, batch)
        fill(writer)
        writer.flush()
        commit_started = time.perf_counter()
    writer.seconds += time.perf_counter() - commit_started
    db.refresh_statistics()  # the planner must know the tables grew (see Database)
    return writer
