"""What every stored record carries: identity, audit trail, version and tombstone."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass


@dataclass(kw_only=True)
class Record:
    id: uuid.UUID | None = None
    version: int = 0
    created_at: dt.datetime | None = None
    created_by: str | None = None
    updated_at: dt.datetime | None = None
    updated_by: str | None = None
    deleted_at: dt.datetime | None = None
    deleted_by: str | None = None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
