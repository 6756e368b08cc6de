"""Stamps who, when and the next version on every flushed record, so no service can forget it.

An import that restores records from an export sets ``session.info["preserve_audit"]``: then
only missing stamps are filled and the exported ones are kept as they were.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from mumidesk.db.models.base import RecordMixin, utcnow


def _stamp(session: Session, _context: Any, _instances: Any) -> None:
    user = str(session.info.get("user", ""))
    preserve = bool(session.info.get("preserve_audit"))
    now = utcnow()
    for obj in session.new:
        if isinstance(obj, RecordMixin):
            obj.version = obj.version or 1
            obj.created_at = obj.created_at or now
            obj.created_by = obj.created_by or user
            if not (preserve and obj.updated_at):
                obj.updated_at = now
                obj.updated_by = user
    if preserve:
        return
    for obj in session.dirty:
        if isinstance(obj, RecordMixin) and session.is_modified(obj, include_collections=True):
            obj.updated_at = now
            obj.updated_by = user
            obj.version = obj.version + 1


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _stamp)
