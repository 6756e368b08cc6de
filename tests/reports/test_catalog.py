"""The catalog of documents: what each needs and is written as, every missing parameter named at
once, the output language kept to the document, and a file's extension choosing the format."""

from __future__ import annotations

import io
import uuid
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from mumidesk.domain.errors import ValidationError
from mumidesk.i18n import current_language
from mumidesk.reports import catalog
from mumidesk.reports.catalog import DocumentRequest
from mumidesk.services.registry import Services


def test_every_document_is_listed_with_its_formats() -> None:
    ids = [d.id for d in catalog.DOCUMENTS]
    assert ids == ["quarterly", "annual", "registry", "dossier", "programme", "draft"]
    assert catalog.document_type("quarterly").formats == ("pdf", "xlsx", "docx")
    assert catalog.document_type("draft").record_kind == "agreement"
    assert catalog.document_type("dossier").title() == "Partner dossier"
    with pytest.raises(ValidationError) as caught:
        catalog.document_type("memo")
    assert caught.value.fields == ["document"] and "quarterly" in str(caught.value)


def test_missing_parameters_are_named_together(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        catalog.build(services, DocumentRequest("quarterly"))
    assert caught.value.fields == ["period"]
    assert catalog.problems_of(DocumentRequest("draft"))[0].message == "choose the agreement"
    two = DocumentRequest("registry", municipality_ids=(uuid.UUID(int=1), uuid.UUID(int=2)))
    assert [p.field for p in catalog.problems_of(two)] == ["municipality"]


def test_extension_chooses_the_format_and_language_is_the_request_s(
    services: Services, tmp_path: Path
) -> None:
    xlsx = tmp_path / "registry.xlsx"
    built = catalog.render(services, DocumentRequest("registry", language="ru"), xlsx)
    assert built.language == "ru" and current_language() == "en"
    sheet = load_workbook(xlsx).active
    assert sheet is not None
    assert any("Реестр" in str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)

    buffer = io.BytesIO()
    built.write(buffer, "pdf")
    assert len(PdfReader(buffer).pages) >= 1

    with pytest.raises(ValidationError) as caught:
        catalog.render(services, DocumentRequest("registry"), tmp_path / "registry.docx")
    assert caught.value.fields == ["output"] and ".pdf, .xlsx" in str(caught.value)
    with pytest.raises(ValidationError):
        built.write(io.BytesIO(), "docx")
