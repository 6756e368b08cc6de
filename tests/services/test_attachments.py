"""Attachments: the bytes are stored with the record and come back intact; owners must exist."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mumidesk.db.models import AttachmentContentRow, AttachmentRow
from mumidesk.domain.agreements import Agreement
from mumidesk.domain.attachments import MAX_ATTACHMENT_BYTES, OWNER_KINDS
from mumidesk.domain.enums import AttachmentKind
from mumidesk.domain.errors import ConcurrentEditError, NotFoundError, ValidationError
from mumidesk.domain.partners import Partner
from mumidesk.services.attachments import OWNER_ROWS, AttachmentFilter
from mumidesk.services.registry import Services

SCAN = b"%PDF-1.4\n" + bytes(range(256)) * 40


def counts(services: Services) -> tuple[int, int]:
    with services.db.reading() as session:
        meta = session.scalar(select(func.count()).select_from(AttachmentRow))
        data = session.scalar(select(func.count()).select_from(AttachmentContentRow))
    return int(meta or 0), int(data or 0)


@pytest.fixture
def agreement(services: Services) -> Agreement:
    return services.agreements.create(Agreement(title="Соглашение с Могилёвом"))


def test_attach_and_read_back(services: Services, agreement: Agreement) -> None:
    a = services.attachments.attach(
        "agreement",
        agreement.id,  # type: ignore[arg-type]
        SCAN,
        "Соглашение (подписано).pdf",
        kind=AttachmentKind.SIGNED_SCAN,
        description="скан с подписями",
    )
    assert a.version == 1 and a.created_by == "tester"
    assert (a.size, a.sha256) == (len(SCAN), hashlib.sha256(SCAN).hexdigest())
    assert a.mime_type == "application/pdf"
    assert services.attachments.get(a.id) == a  # type: ignore[arg-type]
    assert services.attachments.content(a.id) == SCAN  # type: ignore[arg-type]
    assert counts(services) == (1, 1)


def test_attach_a_file_from_disk(services: Services, agreement: Agreement, tmp_path: Path) -> None:
    path = tmp_path / "пояснительная записка.docx"
    path.write_bytes(b"PK\x03\x04 docx")
    a = services.attachments.attach_file(
        "agreement",
        agreement.id,  # type: ignore[arg-type]
        path,
        kind=AttachmentKind.EXPLANATORY_NOTE,
    )
    assert a.file_name == "пояснительная записка.docx"
    assert a.kind is AttachmentKind.EXPLANATORY_NOTE
    assert "wordprocessingml" in a.mime_type
    assert services.attachments.content(a.id) == b"PK\x03\x04 docx"  # type: ignore[arg-type]
    unknown = services.attachments.attach("agreement", agreement.id, b"x", "README")  # type: ignore[arg-type]
    assert unknown.mime_type == "application/octet-stream"


def test_owner_must_exist_and_be_alive(services: Services, agreement: Agreement) -> None:
    with pytest.raises(ValidationError) as info:
        services.attachments.attach("agreement", uuid.uuid4(), SCAN, "scan.pdf")
    assert info.value.fields == ["owner_id"]
    partner = services.partners.create(Partner(name_ru="Лусака", country_code="ZM"))
    with pytest.raises(ValidationError) as info:  # a partner id is not an agreement id
        services.attachments.attach("agreement", partner.id, SCAN, "scan.pdf")  # type: ignore[arg-type]
    assert info.value.fields == ["owner_id"]
    services.agreements.delete(agreement.id)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as info:
        services.attachments.attach("agreement", agreement.id, SCAN, "scan.pdf")  # type: ignore[arg-type]
    assert info.value.fields == ["owner_id"]
    assert services.attachments.attach("partner", partner.id, SCAN, "герб.png").id  # type: ignore[arg-type]
    assert counts(services) == (1, 1)


def test_every_owner_kind_has_its_table() -> None:
    assert set(OWNER_ROWS) == set(OWNER_KINDS)


def test_bad_attachments_write_nothing(services: Services, agreement: Agreement) -> None:
    with pytest.raises(ValidationError) as info:
        services.attachments.attach("contract", agreement.id, SCAN, "scan.pdf")  # type: ignore[arg-type]
    assert info.value.fields == ["owner_kind"]
    with pytest.raises(ValidationError) as info:
        services.attachments.attach("agreement", agreement.id, SCAN, "")  # type: ignore[arg-type]
    assert info.value.fields == ["file_name"]
    with pytest.raises(ValidationError) as info:
        services.attachments.attach(
            "agreement",
            agreement.id,  # type: ignore[arg-type]
            bytes(MAX_ATTACHMENT_BYTES + 1),
            "huge.bin",
        )
    assert info.value.fields == ["size"]
    assert "50 MB" in str(info.value)
    assert counts(services) == (0, 0)


def test_content_of_unknown_attachment(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.attachments.content(uuid.uuid4())


def test_update_delete_restore(services: Services, agreement: Agreement) -> None:
    a = services.attachments.attach("agreement", agreement.id, SCAN, "scan.pdf")  # type: ignore[arg-type]
    stale = services.attachments.get(a.id)  # type: ignore[arg-type]
    a.description = "второй экземпляр"
    a.kind = AttachmentKind.DECISION
    saved = services.attachments.update(a)
    assert saved.version == 2 and saved.kind is AttachmentKind.DECISION
    with pytest.raises(ConcurrentEditError):
        services.attachments.update(stale)
    services.attachments.delete(a.id)  # type: ignore[arg-type]
    assert services.attachments.list().total == 0
    tomb = services.attachments.get(a.id, include_deleted=True)  # type: ignore[arg-type]
    assert tomb.deleted_by == "tester"
    services.attachments.restore(a.id)  # type: ignore[arg-type]
    assert services.attachments.content(a.id) == SCAN  # type: ignore[arg-type]


def test_filters_sorts_paging(services: Services, agreement: Agreement) -> None:
    partner = services.partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    first = services.attachments.attach(
        "agreement",
        agreement.id,  # type: ignore[arg-type]
        b"1",
        "b-draft.docx",
        kind=AttachmentKind.DRAFT,
    )
    second = services.attachments.attach(
        "agreement",
        agreement.id,  # type: ignore[arg-type]
        b"2",
        "c-scan.pdf",
        kind=AttachmentKind.SIGNED_SCAN,
    )
    third = services.attachments.attach(
        "partner",
        partner.id,  # type: ignore[arg-type]
        b"3",
        "a-photo.jpg",
        kind=AttachmentKind.PHOTO,
    )

    def names(flt: AttachmentFilter | None = None, **kw: object) -> list[str]:
        return [a.file_name for a in services.attachments.list(flt, **kw).items]  # type: ignore[arg-type]

    assert names(AttachmentFilter(owner_kind="agreement"), sort="name") == [
        "b-draft.docx",
        "c-scan.pdf",
    ]
    assert names(AttachmentFilter(owner_id=partner.id)) == ["a-photo.jpg"]
    assert names(AttachmentFilter(owner_kind="partner", owner_id=agreement.id)) == []
    assert names(sort="name") == ["a-photo.jpg", "b-draft.docx", "c-scan.pdf"]
    assert names(sort="name", descending=True) == ["c-scan.pdf", "b-draft.docx", "a-photo.jpg"]
    # draft < photo < signed_scan
    assert names(sort="kind") == ["b-draft.docx", "a-photo.jpg", "c-scan.pdf"]
    assert names(sort="kind", descending=True) == ["c-scan.pdf", "a-photo.jpg", "b-draft.docx"]
    added = [a.id for a in services.attachments.list(sort="added").items]
    created = sorted([first, second, third], key=lambda a: (a.created_at, a.id))
    assert added == [a.id for a in created]
    page = services.attachments.list(sort="name", offset=1, limit=1)
    assert [a.file_name for a in page.items] == ["b-draft.docx"]
    assert page.total == 3 and page.has_more
