"""Attachments: files stored in the database so that a backup or a merge carries them."""

from __future__ import annotations

import hashlib
import mimetypes
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session

from mumidesk.db.models import (
    AgreementRow,
    AttachmentContentRow,
    AttachmentRow,
    DelegationRow,
    EventRow,
    ExchangeProgrammeRow,
    OrganisationRow,
    PartnerRow,
)
from mumidesk.domain.attachments import MAX_ATTACHMENT_BYTES, Attachment, clean_file_name
from mumidesk.domain.enums import AttachmentKind
from mumidesk.domain.errors import NotFoundError, ValidationError
from mumidesk.domain.validation import Checker
from mumidesk.i18n import _
from mumidesk.services.crud import CrudService, check_reference

# The table of each kind of record a file can be attached to (domain.attachments.OWNER_KINDS).
OWNER_ROWS: dict[str, type[Any]] = {
    "agreement": AgreementRow,
    "delegation": DelegationRow,
    "event": EventRow,
    "exchange": ExchangeProgrammeRow,
    "partner": PartnerRow,
    "organisation": OrganisationRow,
}


@dataclass(frozen=True)
class AttachmentFilter:
    owner_kind: str = ""
    owner_id: uuid.UUID | None = None


class AttachmentService(CrudService[Attachment, AttachmentRow, AttachmentFilter]):
    kind = "attachment"
    row_cls = AttachmentRow
    domain_cls = Attachment
    sort_columns = {"name": "file_name", "kind": "kind", "added": "created_at"}  # noqa: RUF012
    default_sort = "added"

    def label(self) -> str:
        return _("Attachment")

    def check_references(self, session: Session, item: Attachment, c: Checker) -> None:
        owner = OWNER_ROWS.get(item.owner_kind)
        if owner is not None:  # an unknown kind is reported by Attachment.check
            check_reference(session, c, "owner_id", owner, item.owner_id)

    def apply_filter(self, stmt: Select[Any], flt: AttachmentFilter) -> Select[Any]:
        if flt.owner_kind:
            stmt = stmt.where(AttachmentRow.owner_kind == flt.owner_kind)
        if flt.owner_id is not None:
            stmt = stmt.where(AttachmentRow.owner_id == flt.owner_id)
        return stmt

    def search_text(self, item: Attachment) -> tuple[str, list[str]]:
        return item.file_name, [item.description]

    def attach(
        self,
        owner_kind: str,
        owner_id: uuid.UUID,
        data: bytes,
        file_name: str,
        kind: AttachmentKind = AttachmentKind.OTHER,
        description: str = "",
    ) -> Attachment:
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise ValidationError.single(
                "size",
                _("a file may have at most {mb} MB").format(mb=MAX_ATTACHMENT_BYTES // 2**20),
            )
        file_name = clean_file_name(file_name)  # what the list shows is what the file is
        item = Attachment(
            owner_kind=owner_kind,
            owner_id=owner_id,
            kind=kind,
            file_name=file_name,
            mime_type=mimetypes.guess_type(file_name)[0] or "application/octet-stream",
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            description=description,
        )
        with self.db.transaction() as session:
            saved = self.create_in(session, item)
            assert saved.id is not None
            session.add(AttachmentContentRow(attachment_id=saved.id, data=data))
            return saved

    def attach_file(
        self, owner_kind: str, owner_id: uuid.UUID, path: Path, **kw: Any
    ) -> Attachment:
        return self.attach(owner_kind, owner_id, path.read_bytes(), path.name, **kw)

    def content(self, key: uuid.UUID) -> bytes:
        with self.db.reading() as session:
            row = session.get(AttachmentContentRow, key)
            if row is None:
                raise NotFoundError(self.label(), key)
            return bytes(row.data)

    def fill_row(self, session: Session, row: AttachmentRow, item: Attachment) -> None:
        super().fill_row(session, row, item)
