"""Keeps the search index in step with the records, inside the writing transaction.

The index table holds the case-folded text; SQLite searches it through the FTS5 trigram table
the migration created, PostgreSQL through LIKE backed by a pg_trgm index.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mumidesk.db.models import SearchEntryRow
from mumidesk.domain.text import fold

MAX_INDEXED_CHARS = 200_000


def folded_text(title: str, parts: Iterable[str]) -> str:
    text = "\n".join(p for p in (title, *parts) if p)
    return fold(text)[:MAX_INDEXED_CHARS]


def put(session: Session, kind: str, key: uuid.UUID, title: str, parts: Iterable[str]) -> None:
    text = folded_text(title, parts)
    row = session.scalar(
        select(SearchEntryRow).where(
            SearchEntryRow.entity_kind == kind, SearchEntryRow.entity_id == key
        )
    )
    if row is None:
        session.add(
            SearchEntryRow(entity_kind=kind, entity_id=key, title=title[:1000], folded=text)
        )
    elif row.folded != text or row.title != title[:1000]:
        row.title = title[:1000]
        row.folded = text


def remove(session: Session, kind: str, key: uuid.UUID) -> None:
    session.execute(
        delete(SearchEntryRow).where(
            SearchEntryRow.entity_kind == kind, SearchEntryRow.entity_id == key
        )
    )
