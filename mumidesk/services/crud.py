"""The create / get / update / delete / restore / list use cases every area shares.

Each area module subclasses CrudService with its row and domain classes, its children, its
filters and its searchable text. Filtering, sorting and paging happen in SQL.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import (
    ColumnElement,
    ScalarSelect,
    Select,
    String,
    case,
    delete,
    func,
    insert,
    select,
)
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from mumidesk.db.engine import Database
from mumidesk.db.models import RecordMixin, SearchEntryRow, utcnow
from mumidesk.domain.errors import ConcurrentEditError, NotFoundError, ValidationError
from mumidesk.domain.records import Record
from mumidesk.domain.validation import NAME_MAX, Checker
from mumidesk.i18n import _
from mumidesk.services import search_index
from mumidesk.services.mapping import apply_to_row, from_row
from mumidesk.services.search import SearchService

D = TypeVar("D", bound=Record)
R = TypeVar("R", bound=RecordMixin)
F = TypeVar("F")

MAX_PAGE = 10_000


@dataclass(frozen=True, slots=True)
class Page(Generic[D]):
    items: list[D]
    total: int
    offset: int
    limit: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.items) < self.total


def require_row(session: Session, row_cls: type[Any], key: uuid.UUID, kind: str) -> Any:
    row = session.get(row_cls, key)
    if row is None or getattr(row, "deleted_at", None) is not None:
        raise NotFoundError(kind, key)
    return row


def check_reference(
    session: Session, c: Checker, field: str, row_cls: type[Any], key: uuid.UUID | None
) -> None:
    """A referenced record must exist and not be deleted: say so by field, not by SQL error."""
    if key is None:
        return
    row = session.get(row_cls, key)
    if row is None or getattr(row, "deleted_at", None) is not None:
        c.fail(field, _("refers to a record that does not exist: {key}").format(key=key))


class CrudService(Generic[D, R, F]):
    kind: ClassVar[str]  # stable code: "partner", "agreement" …
    row_cls: type[R]
    domain_cls: type[D]
    sort_columns: ClassVar[dict[str, str]]  # public sort key → row attribute
    default_sort: ClassVar[str]

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- hooks for the area modules -------------------------------------------------------
    def label(self) -> str:
        """The translated name of one record of this kind, for messages."""
        return self.kind

    def to_domain(self, row: R) -> D:
        return self.domain_cls(**from_row(row, self.domain_cls))

    def fill_row(self, session: Session, row: R, item: D) -> None:
        """Copy the item into the row; areas with children extend this."""
        apply_to_row(row, item)

    def check_references(self, session: Session, item: D, c: Checker) -> None:
        """Areas check the records an item points to."""

    def guard(self, session: Session, old: R | None, item: D) -> None:
        """Areas refuse writes their rules forbid (``old`` is None on create)."""

    def search_text(self, item: D) -> tuple[str, list[str]]:
        """The title shown in search results and the texts that are searched."""
        raise NotImplementedError

    def apply_filter(self, stmt: Select[Any], flt: F) -> Select[Any]:
        return stmt

    # --- use cases -------------------------------------------------------------------------
    def validate(self, session: Session, item: D, row: int | None = None) -> None:
        c = Checker(row)
        item.check(c)  # type: ignore[attr-defined]
        self.check_references(session, item, c)
        c.raise_if_any()

    def create(self, item: D) -> D:
        with self.db.transaction() as session:
            return self.create_in(session, item)

    def create_in(self, session: Session, item: D, row_no: int | None = None) -> D:
        """Create inside a caller's transaction (imports write many records in one)."""
        self.guard(session, None, item)
        self.validate(session, item, row_no)
        row = self.row_cls()
        if item.id is not None:
            row.id = item.id
            if session.get(self.row_cls, item.id) is not None:
                raise ValidationError.single(
                    "id",
                    _("a record with this id already exists: {key}").format(key=item.id),
                    row_no,
                )
        if session.info.get("preserve_audit"):
            # Names that come from a file are text like any other: no NUL, no lone surrogate.
            audit = Checker(row_no)
            for name in ("created_by", "updated_by", "deleted_by"):
                audit.length(name, getattr(item, name), NAME_MAX)
            audit.raise_if_any()
            for name in (
                "version",
                "created_at",
                "created_by",
                "updated_at",
                "updated_by",
                "deleted_at",
                "deleted_by",
            ):
                value = getattr(item, name)
                if value:
                    setattr(row, name, value)
        self.fill_row(session, row, item)
        session.add(row)
        session.flush()
        saved = self.to_domain(row)
        if row.deleted_at is None:
            self._index(session, saved)
        return saved

    def get(self, key: uuid.UUID, include_deleted: bool = False) -> D:
        with self.db.reading() as session:
            row = session.get(self.row_cls, key)
            if row is None or (row.deleted_at is not None and not include_deleted):
                raise NotFoundError(self.label(), key)
            return self.to_domain(row)

    def update(self, item: D) -> D:
        """Save an edited record; ``item.version`` is the version the editor started from."""
        if item.id is None:
            raise ValidationError.single("id", _("is required to update a record"))
        with self._edit(item.id, item.version) as session:
            row = require_row(session, self.row_cls, item.id, self.label())
            self._check_version(row, item.version)
            self.guard(session, row, item)
            self.validate(session, item)
            self.fill_row(session, row, item)
            session.flush()
            saved = self.to_domain(row)
            self._index(session, saved)
            return saved

    def delete(self, key: uuid.UUID, expected_version: int | None = None) -> None:
        """Soft delete: a tombstone with who and when, so it can be undone and merged."""
        with self._edit(key, expected_version) as session:
            row = require_row(session, self.row_cls, key, self.label())
            if expected_version is not None:
                self._check_version(row, expected_version)
            row.deleted_at = utcnow()
            row.deleted_by = self.db.user
            search_index.remove(session, self.kind, key)

    def restore(self, key: uuid.UUID) -> D:
        with self._edit(key, None) as session:
            row = session.get(self.row_cls, key)
            if row is None:
                raise NotFoundError(self.label(), key)
            row.deleted_at = None
            row.deleted_by = None
            session.flush()
            saved = self.to_domain(row)
            self._index(session, saved)
            return saved

    def list(
        self,
        flt: F | None = None,
        *,
        sort: str | None = None,
        descending: bool = False,
        offset: int = 0,
        limit: int = 100,
        include_deleted: bool = False,
    ) -> Page[D]:
        limit = max(1, min(limit, MAX_PAGE))
        offset = max(0, offset)
        base = select(self.row_cls)
        if not include_deleted:
            base = base.where(self.row_cls.deleted_at.is_(None))
        if flt is not None:
            base = self.apply_filter(base, flt)
            base = self._apply_text(base, getattr(flt, "text", ""))
        with self.db.reading() as session:
            total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
            stmt = base.order_by(*self._order(sort, descending)).offset(offset).limit(limit)
            rows = session.scalars(stmt).all()
            return Page([self.to_domain(r) for r in rows], total, offset, limit)

    def all(self, flt: F | None = None) -> builtins.list[D]:
        """Every live record in the default order (exports, reports)."""
        items: builtins.list[D] = []
        offset = 0
        while True:
            page = self.list(flt, offset=offset, limit=MAX_PAGE)
            items.extend(page.items)
            if not page.has_more:
                return items
            offset += MAX_PAGE

    # --- helpers ---------------------------------------------------------------------------
    def _apply_text(self, stmt: Select[Any], text: str) -> Select[Any]:
        """A filter's free ``text`` matches through the search index (names, titles, content,
        participants; Cyrillic case-insensitive, substrings)."""
        if not text or not text.strip():
            return stmt
        ids = SearchService(self.db).matching_ids(text, self.kind)
        return stmt if ids is None else stmt.where(self.row_cls.id.in_(ids))

    def _order(self, sort: str | None, descending: bool) -> Sequence[ColumnElement[Any]]:
        key = sort or self.default_sort
        if key not in self.sort_columns:
            raise ValidationError.single(
                "sort",
                _("cannot sort by {key!r}; choose one of: {allowed}").format(
                    key=key, allowed=", ".join(self.sort_columns)
                ),
            )
        column = self.sort_expression(key)
        # Empty values last either way: SQLite and PostgreSQL would each put NULL elsewhere,
        # and an empty name at the top of a list hides the names people look for.
        order: list[ColumnElement[Any]] = []
        # (Not for a looked-up name: a subquery in the CASE too would run twice per row.)
        if isinstance(column.type, String) and not isinstance(column, ScalarSelect):
            order.append(case((column == "", 1), else_=0).asc())
        order.append((column.desc() if descending else column.asc()).nulls_last())
        # The id breaks ties so that paging is stable.
        order.append(self.row_cls.id.asc())
        return order

    def sort_expression(self, key: str) -> ColumnElement[Any]:
        """The SQL expression a public sort key orders by (areas may sort by a computed one)."""
        return getattr(self.row_cls, self.sort_columns[key])

    @contextmanager
    def _edit(self, key: uuid.UUID, expected: int | None) -> Iterator[Session]:
        """A write transaction on one record. Another save that slipped in between our version
        check and our UPDATE makes SQLAlchemy's version guard fail: report it as the edit
        conflict it is, not as a crash."""
        try:
            with self.db.transaction() as session:
                yield session
        except StaleDataError:
            with self.db.reading() as session:
                actual = session.scalar(select(self.row_cls.version).where(self.row_cls.id == key))
            raise ConcurrentEditError(self.label(), key, expected or 0, actual or 0) from None

    def _check_version(self, row: R, expected: int) -> None:
        if expected and row.version != expected:
            raise ConcurrentEditError(self.label(), row.id, expected, row.version)

    def reindex_in(self, session: Session) -> int:
        """Rebuild this kind's search entries from its live records, in batches."""
        session.execute(delete(SearchEntryRow).where(SearchEntryRow.entity_kind == self.kind))
        batch: builtins.list[dict[str, Any]] = []
        count = 0
        live = select(self.row_cls).where(self.row_cls.deleted_at.is_(None))
        for row in session.scalars(live.execution_options(yield_per=2000)):
            item = self.to_domain(row)
            title, parts = self.search_text(item)
            batch.append(
                {
                    "entity_kind": self.kind,
                    "entity_id": row.id,
                    "title": title[:1000],
                    "folded": search_index.folded_text(title, parts),
                }
            )
            if len(batch) >= 5000:
                session.execute(insert(SearchEntryRow), batch)
                count += len(batch)
                batch = []
        if batch:
            session.execute(insert(SearchEntryRow), batch)
            count += len(batch)
        return count

    def _index(self, session: Session, item: D) -> None:
        assert item.id is not None
        title, parts = self.search_text(item)
        search_index.put(session, self.kind, item.id, title, parts)
