"""Full-text search over names, titles, content and participants of every kind of record.

Case-insensitive for Cyrillic and finds substrings: "смоленск" finds "Смоленска".
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, column, select, table

from mumidesk.db.engine import Database
from mumidesk.db.models import SearchEntryRow
from mumidesk.domain.text import search_terms

# The FTS5 table the migration created; "rank" is its built-in relevance column.
_FTS = table("search_fts", column("rowid"), column("search_fts"), column("rank"))
TRIGRAM = 3  # FTS5 trigram needs three characters; shorter words are matched with LIKE


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str
    id: uuid.UUID
    title: str


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class SearchService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def search(
        self, query: str, kinds: list[str] | None = None, limit: int = 50, offset: int = 0
    ) -> list[SearchHit]:
        terms = search_terms(query)
        if not terms:
            return []
        stmt = self._statement(terms)
        if kinds:
            stmt = stmt.where(self._kind_column().in_(kinds))
        stmt = stmt.limit(max(1, min(limit, 1000))).offset(max(0, offset))
        with self.db.reading() as session:
            rows = session.execute(stmt).all()
        return [SearchHit(kind, key, title) for kind, key, title in rows]

    def title(self, kind: str, key: uuid.UUID) -> str:
        """The title a record is listed under in search results ("" when it is not indexed)."""
        stmt = select(SearchEntryRow.title).where(
            SearchEntryRow.entity_kind == kind, SearchEntryRow.entity_id == key
        )
        with self.db.reading() as session:
            return session.scalar(stmt) or ""

    def matching_ids(self, query: str, kind: str) -> Select[uuid.UUID] | None:
        """The ids of one kind's records matching ``query``, as a subquery for a list filter;
        None when the query has no searchable word (then nothing is filtered)."""
        terms = search_terms(query)
        if not terms:
            return None
        stmt = self._statement(terms, ordered=False)
        return stmt.with_only_columns(SearchEntryRow.entity_id).where(self._kind_column() == kind)

    def _kind_column(self) -> ColumnElement[str]:
        """The kind, for filtering matches. On SQLite as ``entity_kind || ''``: with the bare
        column the planner walks the kind's index (100,000 events) and runs the FTS match once
        per row — 10 s instead of 10 ms; the expression leaves the FTS table in the lead."""
        if self.db.is_sqlite:
            return SearchEntryRow.entity_kind.concat("")
        return SearchEntryRow.entity_kind.expression

    def _statement(self, terms: list[str], ordered: bool = True) -> Select[str, uuid.UUID, str]:
        columns = (SearchEntryRow.entity_kind, SearchEntryRow.entity_id, SearchEntryRow.title)
        short = [t for t in terms if len(t) < TRIGRAM]
        long = [t for t in terms if len(t) >= TRIGRAM]
        like_terms = short if self.db.is_sqlite else terms
        likes = [SearchEntryRow.folded.like(_like(t), escape="\\") for t in like_terms]
        if self.db.is_sqlite and long:
            match = " AND ".join('"' + t.replace('"', '""') + '"' for t in long)
            stmt = (
                select(*columns)
                .join(_FTS, _FTS.c.rowid == SearchEntryRow.rowid)
                .where(_FTS.c.search_fts.op("MATCH")(match))
            )
            order = [_FTS.c.rank, SearchEntryRow.title]
        else:
            stmt = select(*columns)
            order = [SearchEntryRow.title]
        if likes:
            stmt = stmt.where(and_(*likes))
        return stmt.order_by(*order) if ordered else stmt

    def rebuild(self) -> int:
        """Re-create the index from the records (after a bulk load that bypassed services)."""
        from mumidesk.services.registry import searchable_services

        count = 0
        with self.db.transaction() as session:
            for service in searchable_services(self.db):
                count += service.reindex_in(session)
        self.db.refresh_statistics()
        return count
