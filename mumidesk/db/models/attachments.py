"""Attachments: metadata in one table, the bytes in another so lists stay light."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mumidesk.db.models.base import CODE, NAME, Base, RecordMixin


class AttachmentRow(RecordMixin, Base):
    __tablename__ = "attachments"

    owner_kind: Mapped[str] = mapped_column(String(CODE))
    owner_id: Mapped[uuid.UUID] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(CODE))
    file_name: Mapped[str] = mapped_column(String(NAME))
    mime_type: Mapped[str] = mapped_column(String(NAME))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(Text, default="")


class AttachmentContentRow(Base):
    __tablename__ = "attachment_contents"

    attachment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("attachments.id", ondelete="CASCADE"), primary_key=True
    )
    data: Mapped[bytes] = mapped_column(LargeBinary)
