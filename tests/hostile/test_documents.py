"""Every document of the catalog (quarterly, annual, registry, dossier, programme, draft) in
every format it has (PDF, XLSX, DOCX), built from records with hostile text in every text
field: the result is a valid file whose extracted text holds every visible character of the
input, or a clear ValidationError — never a crash.

Measures guarded: the one place that escapes user text for ReportLab's Paragraph markup
(without it "<b>&amp;</b>", "<para>" or a lone "&" crash or vanish), office_text dropping what
XML forbids in XLSX/DOCX (without it openpyxl/lxml raise on control characters), and the fixes
listed in the module docstring of test_validators (NUL and surrogates never reach a document).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import uuid
from functools import cache
from typing import Any

from docx import Document
from hypothesis import example, given
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import getFont

from mumidesk.domain.agreements import Agreement, AgreementParty, Signatory
from mumidesk.domain.delegations import Delegation, DelegationMember, ProgrammeItem
from mumidesk.domain.enums import (
    AgreementKind,
    AgreementStatus,
    BodyKind,
    CooperationArea,
    DelegationDirection,
    EventKind,
    ExchangeDirection,
    ExchangeKind,
    ParticipantCategory,
    PartySide,
)
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.events import Event
from mumidesk.domain.exchanges import ExchangeProgramme, Participation
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.domain.municipalities import MunicipalBody, Municipality, Region
from mumidesk.domain.partners import Partner, Partnership
from mumidesk.reports import catalog
from mumidesk.reports.catalog import DocumentRequest
from mumidesk.reports.kit.fonts import SANS, SERIF, register_fonts
from mumidesk.reports.period import Period
from mumidesk.services import serialization as ser
from mumidesk.services.registry import Services
from tests.hostile.strategies import PIECES, counted, hostile_text, keeps_visible, scaled

YEAR = 2020
# Codes, not text: a hostile value there is refused by its own check (tested in validators).
CODE_FIELDS = frozenset({"country_code", "code", "website", "email", "phone"})
ANCHOR = "Брест"  # the short, safe prefix a name gets when the hostile text is too long for it


def fill(item: Any, text: str) -> Any:
    """The record with ``text`` in every free-text field, nested records included."""
    changes: dict[str, Any] = {}
    for f in ser.init_fields(type(item)):
        value = getattr(item, f.name)
        if ser.hints(type(item))[f.name] is str and f.name not in CODE_FIELDS:
            changes[f.name] = text
        elif isinstance(value, list) and value and dataclasses.is_dataclass(value[0]):
            changes[f.name] = [fill(v, text) for v in value]
    return dataclasses.replace(item, **changes)


def create(service: Any, item: Any, text: str) -> Any:
    """Create with hostile text everywhere; a field too short for all of it gets its start."""
    try:
        return service.create(fill(item, text))
    except ValidationError:
        return service.create(fill(item, f"{ANCHOR} {text[:80]}"))


def hostile_world(services: Services, text: str) -> dict[str, uuid.UUID]:
    """One of every record a document prints, each with the hostile text in its text fields."""
    region = create(services.regions, Region(name_ru="Смоленская область"), text)
    own = create(
        services.municipalities,
        Municipality(
            name_ru="Смоленск",
            region_id=region.id,
            bodies=[MunicipalBody(kind=BodyKind.ADMINISTRATION, name_ru="Администрация")],
        ),
        text,
    )
    partner = create(services.partners, Partner(name_ru="Брест", country_code="BY"), text)
    services.partnerships.create(Partnership(municipality_id=own.id, partner_id=partner.id))
    agreement = create(
        services.agreements,
        Agreement(
            title="Соглашение",
            kind=AgreementKind.COOPERATION,
            municipality_id=own.id,
            languages=["ru", "be"],
            areas=[CooperationArea.CULTURE, CooperationArea.SPORT],
            term_months=60,
            parties=[
                AgreementParty(
                    side=PartySide.OWN,
                    name_ru="Администрация",
                    municipality_id=own.id,
                    signatories=[Signatory(full_name="Иванов Иван", position="Глава")],
                ),
                AgreementParty(
                    side=PartySide.PARTNER,
                    partner_id=partner.id,
                    signatories=[Signatory(full_name="Петров Пётр", position="Мэр")],
                ),
            ],
        ),
        text,
    )
    steps: list[tuple[AgreementStatus, dict[str, Any]]] = [
        (AgreementStatus.SENT_FOR_APPROVAL, {"approval_requested_on": dt.date(YEAR, 1, 10)}),
        (
            AgreementStatus.APPROVED,
            {"approval_decision_no": "7-р", "approval_decision_date": dt.date(YEAR, 3, 2)},
        ),
        (AgreementStatus.SIGNED, {"signed_date": dt.date(YEAR, 4, 9), "signed_place": "Брест"}),
        (
            AgreementStatus.SUBMITTED_FOR_REGISTRATION,
            {"registration_submitted_on": dt.date(YEAR, 4, 15)},
        ),
        (
            AgreementStatus.REGISTERED,
            {"registration_number": "RU-67-1", "registration_date": dt.date(YEAR, 5, 1)},
        ),
    ]
    for target, facts in steps:
        services.agreements.advance(agreement.id, target, **facts)
    day = dt.date(YEAR, 4, 8)
    delegation = create(
        services.delegations,
        Delegation(
            title="Визит",
            direction=DelegationDirection.INCOMING,
            municipality_id=own.id,
            partner_ids=[partner.id],
            start_date=day,
            end_date=day + dt.timedelta(days=2),
            members=[DelegationMember(full_name="Сидоров", is_head=True)],
            programme=[ProgrammeItem(day=day, start_time=dt.time(10), title_ru="Встреча")],
        ),
        text,
    )
    create(
        services.events,
        Event(
            name="Форум",
            kind=EventKind.FORUM,
            municipality_id=own.id,
            dates=FuzzyDate.range(day, day + dt.timedelta(days=12)),
            country_codes=["BY"],
            partner_ids=[partner.id],
        ),
        text,
    )
    create(
        services.exchanges,
        ExchangeProgramme(
            title="Обмен",
            kind=ExchangeKind.YOUTH,
            municipality_id=own.id,
            partner_ids=[partner.id],
            start_date=day,
            participations=[
                Participation(
                    year=YEAR,
                    category=ParticipantCategory.PUPILS,
                    direction=ExchangeDirection.INBOUND,
                    count=12,
                )
            ],
        ),
        text,
    )
    return {
        "region": region.id,
        "own": own.id,
        "partner": partner.id,
        "agreement": agreement.id,
        "delegation": delegation.id,
    }


def requests(ids: dict[str, uuid.UUID], lang: str) -> list[DocumentRequest]:
    own = (ids["own"],)
    return [
        DocumentRequest(
            "quarterly", lang, period=Period.of_quarter(YEAR, 2), region_id=ids["region"]
        ),
        DocumentRequest("annual", lang, year=YEAR, municipality_ids=own),
        DocumentRequest("registry", lang, partner_id=ids["partner"]),
        DocumentRequest("dossier", lang, record_id=ids["partner"]),
        DocumentRequest("programme", lang, record_id=ids["delegation"]),
        DocumentRequest(
            "draft",
            lang,
            record_id=ids["agreement"],
            template_id="cooperation",
            languages=("ru", "en"),
        ),
    ]


@cache
def pdf_glyphs() -> frozenset[int]:
    """The characters the fonts of a Russian or English document can draw. The rest prints
    as an empty glyph — a known gap, reported, not a crash: no shipped font has Arabic, and
    the CJK font serves Chinese, Japanese and Korean documents only (there is no per-character
    font fallback). XLSX and DOCX keep every character."""
    register_fonts()
    found: set[int] = set()
    for name in (SERIF, SANS):
        found.update(getFont(name).face.charToGlyph)
    return frozenset(found)


def drawable(text: str) -> str:
    glyphs = pdf_glyphs()
    return "".join(ch for ch in text if ord(ch) in glyphs)


def extracted(data: bytes, fmt: str) -> str:
    """The text a reader gets back from the file (which must open as its format)."""
    if fmt == "pdf":
        reader = PdfReader(io.BytesIO(data))
        assert len(reader.pages) >= 1
        return " ".join(page.extract_text() for page in reader.pages)
    if fmt == "xlsx":
        book = load_workbook(io.BytesIO(data), read_only=True)
        return " ".join(
            str(v)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for v in row
            if v is not None
        )
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(parts)


@scaled(10)
@given(text=hostile_text(nul=False), lang=st.sampled_from(["ru", "en"]))
@example(text="".join(p for p in PIECES if "\x00" not in p), lang="ru")
@example(text="<b>&amp;</b> {{ x }} %s <para> & < > ]]> \u202eexe.gpj مرحبا שלום", lang="en")
def test_every_document_in_every_format(services: Services, text: str, lang: str) -> None:
    """Each example is a fresh set of records (its own region, municipality and partner keep
    the documents to it): ten files per example, each opened and read back."""
    record = counted("documents: files written")
    ids = hostile_world(services, text)
    printed = text[:80]  # at least this much of the text is in every document
    for request in requests(ids, lang):
        document = catalog.document_type(request.document_id)
        try:
            built = catalog.build(services, request)
        except ValidationError as exc:
            assert exc.problems and all(p.message for p in exc.problems)
            record(True)
            continue
        for fmt in document.formats:
            buffer = io.BytesIO()
            built.write(buffer, fmt)
            content = extracted(buffer.getvalue(), fmt)
            expected = drawable(printed) if fmt == "pdf" else printed
            assert keeps_visible(expected, content), (request.document_id, fmt)
            record(False)
