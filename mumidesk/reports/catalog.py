"""Every document the application prints, in one list: its id, its translated title, the formats
it is written in and the parameters it needs; and one way to make any of them from a request.

The command line and the window's Documents page both go through here, so a document is built
the same way wherever it is asked for.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from mumidesk.domain.enums import AgreementStatus
from mumidesk.domain.errors import FieldProblem, ValidationError
from mumidesk.i18n import N_, SUPPORTED, _, current_language, language
from mumidesk.reports.annual import build_annual
from mumidesk.reports.annual_pdf import write_annual_pdf
from mumidesk.reports.dossier import build_dossier
from mumidesk.reports.dossier_pdf import write_dossier_pdf
from mumidesk.reports.drafts.defaults import agreement_languages, default_template
from mumidesk.reports.drafts.draft_docx import write_draft_docx
from mumidesk.reports.drafts.draft_pdf import write_draft_pdf
from mumidesk.reports.drafts.fill import fill_draft
from mumidesk.reports.period import Period
from mumidesk.reports.quarterly import build_quarterly
from mumidesk.reports.quarterly_docx import write_quarterly_docx
from mumidesk.reports.quarterly_pdf import write_quarterly_pdf
from mumidesk.reports.quarterly_xlsx import write_quarterly_xlsx
from mumidesk.reports.registry import build_registry
from mumidesk.reports.registry_pdf import write_registry_pdf
from mumidesk.reports.registry_xlsx import write_registry_xlsx
from mumidesk.reports.visit_programme import ENGLISH, build_programme
from mumidesk.reports.visit_programme_pdf import write_programme_pdf
from mumidesk.services.registry import Services

PDF = "pdf"
XLSX = "xlsx"
DOCX = "docx"

QUARTERLY = "quarterly"
ANNUAL = "annual"
REGISTRY = "registry"
DOSSIER = "dossier"
PROGRAMME = "programme"
DRAFT = "draft"

# The parameters a document may need (each is also the field a ValidationError names).
PERIOD = "period"  # a period (year, quarter or two dates); required
PERIOD_OPTIONAL = "period_optional"  # a period, or none: everything
YEAR = "year"
PLACE = "place"  # a region and/or own municipalities
MUNICIPALITY = "municipality"  # at most one own municipality
STATUSES = "statuses"
PARTNER_FILTER = "partner_filter"  # an optional partner the document is limited to
RECORD = "record"  # the one record the document is about (see DocumentType.record_kind)
TEMPLATE = "template"
LANGUAGES = "languages"  # the draft's one or two languages
SECOND_LANGUAGE = "second_language"  # printed beside Russian (visit programme)

Target = Path | IO[bytes]
Writer = Callable[[Any, Target], None]


@dataclass(frozen=True)
class DocumentType:
    id: str
    title_message: str  # marked with N_, translated by title()
    formats: tuple[str, ...]
    parameters: frozenset[str]
    record_kind: str = ""  # the search-index kind of the record it is about, if any

    def title(self) -> str:
        return _(self.title_message)

    def needs(self, parameter: str) -> bool:
        return parameter in self.parameters


DOCUMENTS: tuple[DocumentType, ...] = (
    DocumentType(
        QUARTERLY,
        N_("Quarterly report of international events"),
        (PDF, XLSX, DOCX),
        frozenset({PERIOD, PLACE}),
    ),
    DocumentType(
        ANNUAL, N_("Annual report of international ties"), (PDF,), frozenset({YEAR, PLACE})
    ),
    DocumentType(
        REGISTRY,
        N_("Registry of agreements"),
        (PDF, XLSX),
        frozenset({PERIOD_OPTIONAL, MUNICIPALITY, STATUSES, PARTNER_FILTER}),
    ),
    DocumentType(DOSSIER, N_("Partner dossier"), (PDF,), frozenset({RECORD}), "partner"),
    DocumentType(
        PROGRAMME,
        N_("Visit programme"),
        (PDF,),
        frozenset({RECORD, SECOND_LANGUAGE}),
        "delegation",
    ),
    DocumentType(
        DRAFT,
        N_("Agreement draft"),
        (PDF, DOCX),
        frozenset({RECORD, TEMPLATE, LANGUAGES}),
        "agreement",
    ),
)


def document_type(document_id: str) -> DocumentType:
    for document in DOCUMENTS:
        if document.id == document_id:
            return document
    raise ValidationError.single(
        "document",
        _("no document {id!r}; available: {ids}").format(
            id=document_id, ids=", ".join(d.id for d in DOCUMENTS)
        ),
    )


def format_label(fmt: str) -> str:
    """How a save dialog names a format."""
    return {
        PDF: _("PDF document (*.pdf)"),
        XLSX: _("Excel workbook (*.xlsx)"),
        DOCX: _("Word document (*.docx)"),
    }[fmt]


@dataclass(frozen=True)
class DocumentRequest:
    """What to print; the fields a document does not need are ignored."""

    document_id: str
    language: str = ""  # of the document; "" means the current language
    period: Period | None = None
    year: int | None = None
    region_id: uuid.UUID | None = None
    municipality_ids: tuple[uuid.UUID, ...] = ()
    record_id: uuid.UUID | None = None  # the partner, delegation or agreement it is about
    partner_id: uuid.UUID | None = None  # registry: only agreements with this partner
    statuses: tuple[AgreementStatus, ...] = ()
    template_id: str = ""  # draft: "" chooses the only template of the agreement's kind
    languages: tuple[str, ...] = ()  # draft: "" chooses the agreement's own languages
    second_language: str = ENGLISH  # visit programme


@dataclass(frozen=True)
class BuiltDocument:
    """A document's content, built once, writable in each of its formats."""

    type: DocumentType
    model: Any
    language: str

    @property
    def title(self) -> str:
        """The document's own title ("Отчет о мероприятиях … во II квартале 2020 года")."""
        title = getattr(self.model, "title", "")
        if isinstance(title, dict):  # a draft: its title in each of its languages
            title = getattr(self.model, "meta_title", "") or next(iter(title.values()), "")
        return str(title) or self.type.title()

    def write(self, target: Target, fmt: str = PDF) -> None:
        writer = _WRITERS[self.type.id].get(fmt)
        if writer is None:
            raise ValidationError.single(
                "format",
                _("{document} is written as {formats}, not as {format}").format(
                    document=self.type.title(),
                    formats=", ".join(f.upper() for f in self.type.formats),
                    format=fmt.upper(),
                ),
            )
        with language(self.language):
            writer(self.model, target)


def build(services: Services, request: DocumentRequest) -> BuiltDocument:
    """The document's content from the services, in the request's language."""
    document = document_type(request.document_id)
    lang = request.language or current_language()
    if lang not in SUPPORTED:
        raise ValidationError.single(
            "language",
            _("documents are printed in {languages}, not in {language!r}").format(
                languages=", ".join(SUPPORTED), language=lang
            ),
        )
    problems = problems_of(request)
    if problems:
        raise ValidationError(problems)
    with language(lang):
        model = _BUILDERS[document.id](services, request)
    return BuiltDocument(document, model, lang)


def render(
    services: Services, request: DocumentRequest, target: Target, fmt: str | None = None
) -> BuiltDocument:
    """Build the document and write it to ``target`` (a file's extension chooses the format)."""
    if fmt is None:
        fmt = output_format(target, document_type(request.document_id).formats)
    built = build(services, request)
    built.write(target, fmt)
    return built


def output_format(target: Target, formats: tuple[str, ...], field: str = "output") -> str:
    """The format a file's extension asks for, if the document has it."""
    if not isinstance(target, Path):
        return PDF
    suffix = target.suffix.lower().lstrip(".")
    if suffix not in formats:
        raise ValidationError.single(
            field,
            _("{name}: write a .{formats} file").format(
                name=target.name, formats=", .".join(formats)
            ),
        )
    return suffix


# --- the documents -------------------------------------------------------------------------------


def problems_of(request: DocumentRequest) -> list[FieldProblem]:
    """What the document needs and the request lacks, every missing parameter at once."""
    document = document_type(request.document_id)
    problems: list[FieldProblem] = []
    if document.needs(PERIOD) and request.period is None:
        problems.append(FieldProblem(PERIOD, _("choose the period")))
    if document.needs(YEAR) and request.year is None:
        problems.append(FieldProblem(YEAR, _("choose the year")))
    if document.needs(RECORD) and request.record_id is None:
        problems.append(FieldProblem(RECORD, _record_missing(document.record_kind)))
    if document.needs(MUNICIPALITY) and len(request.municipality_ids) > 1:
        problems.append(FieldProblem(MUNICIPALITY, _("choose one municipality or none")))
    return problems


def _record_missing(kind: str) -> str:
    return {
        "partner": _("choose the partner"),
        "delegation": _("choose the delegation"),
        "agreement": _("choose the agreement"),
    }.get(kind, _("choose the record"))


def _quarterly(services: Services, request: DocumentRequest) -> Any:
    assert request.period is not None
    return build_quarterly(
        services,
        request.period,
        region_id=request.region_id,
        municipality_ids=request.municipality_ids,
    )


def _annual(services: Services, request: DocumentRequest) -> Any:
    assert request.year is not None
    return build_annual(
        services,
        request.year,
        region_id=request.region_id,
        municipality_ids=request.municipality_ids,
    )


def _registry(services: Services, request: DocumentRequest) -> Any:
    return build_registry(
        services,
        statuses=tuple(dict.fromkeys(request.statuses)),
        partner_id=request.partner_id,
        municipality_id=request.municipality_ids[0] if request.municipality_ids else None,
        period=request.period,
    )


def _dossier(services: Services, request: DocumentRequest) -> Any:
    assert request.record_id is not None
    return build_dossier(services, request.record_id)


def _programme(services: Services, request: DocumentRequest) -> Any:
    assert request.record_id is not None
    return build_programme(services, request.record_id, request.second_language or ENGLISH)


def _draft(services: Services, request: DocumentRequest) -> Any:
    assert request.record_id is not None
    agreement = services.agreements.get(request.record_id)
    template_id = request.template_id
    if not template_id:
        template = default_template(agreement)
        if template is None:
            raise ValidationError.single(
                TEMPLATE, _("choose the template: none or several fit this kind of agreement")
            )
        template_id = template.id
    languages = request.languages or agreement_languages(agreement)
    return fill_draft(services, request.record_id, template_id, languages)


_BUILDERS: dict[str, Callable[[Services, DocumentRequest], Any]] = {
    QUARTERLY: _quarterly,
    ANNUAL: _annual,
    REGISTRY: _registry,
    DOSSIER: _dossier,
    PROGRAMME: _programme,
    DRAFT: _draft,
}

_WRITERS: dict[str, dict[str, Writer]] = {
    QUARTERLY: {PDF: write_quarterly_pdf, XLSX: write_quarterly_xlsx, DOCX: write_quarterly_docx},
    ANNUAL: {PDF: write_annual_pdf},
    REGISTRY: {PDF: write_registry_pdf, XLSX: write_registry_xlsx},
    DOSSIER: {PDF: write_dossier_pdf},
    PROGRAMME: {PDF: write_programme_pdf},
    DRAFT: {PDF: write_draft_pdf, DOCX: write_draft_docx},
}
