"""Declarative base and the columns every top-level record carries."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, DateTime, MetaData, String, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

NAME = 300
TITLE = 1000
CODE = 40


def utcnow() -> dt.datetime:
    """Naive UTC: SQLite has no time zones, so every timestamp is stored as UTC without one."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        uuid.UUID: Uuid(),
        dt.datetime: DateTime(),
        dict[str, Any]: JSON(),
        list[int]: JSON(),
    }


class RecordMixin:
    """UUID identity, audit columns, optimistic-locking version and soft-delete tombstone."""

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(NAME), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(NAME), default="")
    version: Mapped[int] = mapped_column(default=1)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(default=None, index=True)
    deleted_by: Mapped[str | None] = mapped_column(String(NAME), default=None)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # The version is counted by db.audit, so an import can keep the version it restores.
        return {
            "version_id_col": cls.__table__.c.version,  # type: ignore[attr-defined]
            "version_id_generator": False,
        }


class ChildMixin:
    """Rows owned by one record (members, programme items …): replaced with their parent."""

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    sort_order: Mapped[int] = mapped_column(default=0)
