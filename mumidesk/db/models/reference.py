"""Reference data loaded from outside sources, not edited by people: known twin links between two
foreign cities (from the twin-cities list), kept so the partner dossier can show a partner's
other twins.

A plain reference table rather than a RecordMixin record: nobody edits, versions or soft-deletes
these rows, so audit stamps and optimistic locking would only cost space; a re-import adds what
is missing. It still has a UUID key so that an offline copy can be merged without clashes.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mumidesk.db.models.base import NAME, Base, utcnow


class TwinLinkRow(Base):
    __tablename__ = "twin_links"
    __table_args__ = (
        # One row per unordered pair: partner_a_id is always the smaller id.
        UniqueConstraint("partner_a_id", "partner_b_id"),
        CheckConstraint("partner_a_id < partner_b_id", name="ordered_pair"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    partner_a_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"))
    partner_b_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("partners.id", ondelete="CASCADE"), index=True
    )
    source: Mapped[str] = mapped_column(String(NAME), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
