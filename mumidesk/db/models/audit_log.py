"""The audit trail: one row per create, change, delete, restore or import of a record.

No foreign key to the records: the log of a record outlives the record (a purge, a restore of
an older backup merged later). Written by db.audit from SQLAlchemy's attribute history.
"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from mumidesk.db.models.base import CODE, NAME, TITLE, Base


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"  # the soft delete (tombstone)
    RESTORE = "restore"
    IMPORT = "import"  # created by an import that keeps the exported stamps
    PURGE = "purge"  # the row itself was removed through the ORM
    BULK_LOAD = "bulk_load"  # one summary entry for a load that bypasses the ORM


class AuditLogRow(Base):
    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_entity", "entity_kind", "entity_id", "at"),
        Index("ix_audit_log_at", "at"),
    )

    # An integer key (SQLite's rowid) keeps the order of entries written in the same instant.
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
    )
    at: Mapped[dt.datetime]
    # "user" is a reserved word in PostgreSQL: a plain name spares every query the quoting.
    user_name: Mapped[str] = mapped_column(String(NAME), default="")
    entity_kind: Mapped[str] = mapped_column(String(CODE))
    entity_id: Mapped[uuid.UUID | None]
    action: Mapped[str] = mapped_column(String(CODE))
    version: Mapped[int | None]
    # The record's name when the entry was written: still readable after a purge.
    title: Mapped[str] = mapped_column(String(TITLE), default="")
    # field → [old, new]; child collections as lists of their rows' values.
    changes: Mapped[dict[str, Any]] = mapped_column(JSON(), default=dict)
