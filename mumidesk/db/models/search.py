"""The search index: one row per searchable record, its text case-folded in Python.

Folding in Python (``str.casefold`` and ё→е) makes the stored text the same on SQLite and
PostgreSQL whatever the server's collation. On SQLite an FTS5 trigram table mirrors it (created by
the migration); on PostgreSQL a pg_trgm index serves ``LIKE '%…%'``.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mumidesk.db.models.base import CODE, TITLE, Base


class SearchEntryRow(Base):
    __tablename__ = "search_entries"
    __table_args__ = (
        UniqueConstraint("entity_kind", "entity_id"),
        Index("ix_search_entries_entity_id", "entity_id"),
    )

    # Integer key: the FTS5 external-content table addresses rows by rowid.
    rowid: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    entity_kind: Mapped[str] = mapped_column(String(CODE))
    entity_id: Mapped[uuid.UUID]
    title: Mapped[str] = mapped_column(String(TITLE))
    folded: Mapped[str] = mapped_column(Text)
