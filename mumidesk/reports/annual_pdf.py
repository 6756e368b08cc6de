"""The annual report of international ties as a portrait A4 PDF: sections with headings,
tables of counts and lists, and two charts (partner cities per country, events per month)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO

from babel.numbers import format_decimal
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from mumidesk.i18n import _, current_locale
from mumidesk.reports.annual import AgreementLine, AnnualReport, Count
from mumidesk.reports.annual_charts import countries_chart, months_chart
from mumidesk.reports.kit.document import PdfMeta, build_pdf, frame_size
from mumidesk.reports.kit.fonts import SERIF
from mumidesk.reports.kit.paged_table import Column, GroupHeading, PagedTable, TableLook
from mumidesk.reports.kit.styles import styles
from mumidesk.reports.kit.text import escape

TOP_COUNTRIES = 15
TABLE_LOOK = TableLook(font=SERIF, size=10, leading=12, padding=3)
NUMBER_WIDTH = 34 * mm
ORDINAL_WIDTH = 10 * mm

Row = list[str] | GroupHeading


def _n(value: int) -> str:
    return format_decimal(value, locale=current_locale())


def _width() -> float:
    return frame_size(is_landscape=False)[0]


def _heading(text: str) -> Paragraph:
    return Paragraph(escape(text), styles().heading)


def _para(text: str) -> Paragraph:
    return Paragraph(escape(text), styles().body)


def _caption(text: str) -> Paragraph:
    return Paragraph(escape(text), styles().note)


def _section(title: str, first: Flowable, room: float = 40 * mm) -> list[Flowable]:
    """A heading never stays alone at the foot of a page: it starts a new one unless ``room``
    is left for it and the start of what follows (all of a chart, which cannot split)."""
    return [CondPageBreak(room), _heading(title), first]


def _chart_room(chart: Drawing) -> float:
    return float(chart.height) + 20 * mm


def _count_table(title: str, rows: Sequence[Row], *, number_title: str = "") -> PagedTable:
    columns = [
        Column(title, _width() - NUMBER_WIDTH),
        Column(number_title or _("Number"), NUMBER_WIDTH, "RIGHT"),
    ]
    return PagedTable(columns, rows, TABLE_LOOK)


def _counts(counts: Sequence[Count]) -> list[Row]:
    return [[c.label, _n(c.count)] for c in counts]


def _overview(report: AnnualReport) -> list[Flowable]:
    year = report.year
    rows: list[Row] = [
        [_("Own municipalities covered"), _n(report.municipality_count)],
        [_("Partner cities (current partnerships)"), _n(report.partner_count)],
        [_("Countries of the partner cities"), _n(report.country_count)],
        GroupHeading(_("Partnerships by kind")),
        *_counts(report.partnerships_by_kind),
        [_("Partnerships in total"), _n(report.partnership_count)],
        GroupHeading(_("Agreements by status (as they stand on the day of printing)")),
        *_counts(report.agreements_by_status),
        [_("Agreements in total"), _n(report.agreement_count)],
        GroupHeading(_("In {year}").format(year=year)),
        [_("Agreements concluded"), _n(len(report.concluded))],
        [_("Agreements expired"), _n(len(report.expired))],
        [_("International events"), _n(report.event_count)],
        [_("Delegations"), _n(report.delegation_count)],
        [_("Participants of exchange programmes"), _n(report.participant_count)],
    ]
    return _section(_("Overview"), _count_table(_("Indicator"), rows))


def _countries(report: AnnualReport) -> list[Flowable]:
    title = _("Partner cities by country")
    countries = report.partners_by_country
    if not countries:
        return _section(title, _para(_("No partner cities with a current partnership.")))
    top = countries[:TOP_COUNTRIES]
    chart = countries_chart([c.name for c in top], [c.count for c in top], _width())
    if len(countries) > TOP_COUNTRIES:
        caption = _(
            "Figure 1. Partner cities per country: the {count} countries with the most"
        ).format(count=TOP_COUNTRIES)
    else:
        caption = _("Figure 1. Partner cities per country")
    rows: list[Row] = [[_n(i), c.name, _n(c.count)] for i, c in enumerate(countries, start=1)]
    rows.append(["", _("Total"), _n(report.partner_count)])
    table = PagedTable(
        [
            Column(_("No."), ORDINAL_WIDTH, "CENTER"),
            Column(_("Country"), _width() - ORDINAL_WIDTH - NUMBER_WIDTH),
            Column(_("Partner cities"), NUMBER_WIDTH, "RIGHT"),
        ],
        rows,
        TABLE_LOOK,
    )
    return [
        *_section(title, chart, _chart_room(chart)),
        _caption(caption),
        Spacer(1, 3 * mm),
        table,
    ]


def _agreements(title: str, lines: Sequence[AgreementLine], *, is_expired: bool) -> list[Flowable]:
    if not lines:
        return _section(title, _para(_("None.")))
    date_width = 34 * mm
    status_width = 30 * mm
    columns = [
        Column(_("No."), ORDINAL_WIDTH, "CENTER"),
        Column(_("Agreement"), _width() - ORDINAL_WIDTH - 2 * date_width - status_width),
        Column(_("Signed (date, place)"), date_width),
        Column(_("Ran out on") if is_expired else _("Registration"), date_width),
        Column(_("Status"), status_width),
    ]
    rows: list[Row] = [
        [_n(i), a.title, a.signed, a.ran_out if is_expired else a.registration, a.status]
        for i, a in enumerate(lines, start=1)
    ]
    return _section(title, PagedTable(columns, rows, TABLE_LOOK))


def _events(report: AnnualReport) -> list[Flowable]:
    year = report.year
    title = _("International events in {year}").format(year=year)
    if not report.event_count:
        return _section(title, _para(_("No events in {year}.").format(year=year)))
    chart = months_chart(
        [m.short for m in report.events_by_month],
        [m.count for m in report.events_by_month],
        _width(),
    )
    rows: list[Row] = [
        GroupHeading(_("By kind")),
        *_counts(report.events_by_kind),
        GroupHeading(_("By format")),
        *_counts(report.events_by_format),
        GroupHeading(_("By municipality")),
        *_counts(report.events_by_municipality),
        GroupHeading(_("By month")),
        *[[m.name, _n(m.count)] for m in report.events_by_month if m.count],
        [_("Events in total"), _n(report.event_count)],
    ]
    return [
        *_section(title, chart, _chart_room(chart)),
        _caption(_("Figure 2. International events per month of {year}").format(year=year)),
        Spacer(1, 3 * mm),
        _count_table(_("Events"), rows),
    ]


def _delegations(report: AnnualReport) -> list[Flowable]:
    title = _("Delegations in {year}").format(year=report.year)
    counts = _count_table(
        _("Direction"),
        [*_counts(report.delegations_by_direction), [_("Total"), _n(report.delegation_count)]],
    )
    if not report.delegations:
        return [*_section(title, counts)]
    dates_width, direction_width, place_width = 30 * mm, 22 * mm, 28 * mm
    rest = _width() - ORDINAL_WIDTH - dates_width - direction_width - place_width
    columns = [
        Column(_("No."), ORDINAL_WIDTH, "CENTER"),
        Column(_("Dates"), dates_width),
        Column(_("Direction"), direction_width),
        Column(_("Delegation and partners"), rest),
        Column(_("Place"), place_width),
    ]
    rows: list[Row] = [
        [
            _n(i),
            d.dates,
            d.direction,
            "\n".join(part for part in (d.title, d.partners) if part),
            d.place,
        ]
        for i, d in enumerate(report.delegations, start=1)
    ]
    return [*_section(title, counts), Spacer(1, 4 * mm), PagedTable(columns, rows, TABLE_LOOK)]


def _participants(report: AnnualReport) -> list[Flowable]:
    title = _("Participants of exchange programmes in {year}").format(year=report.year)
    if not report.participants:
        return _section(title, _para(_("No exchange participants recorded.")))
    number_width = 32 * mm
    columns = [
        Column(_("Category"), _width() - 3 * number_width),
        Column(_("Inbound (guests)"), number_width, "RIGHT"),
        Column(_("Outbound (ours abroad)"), number_width, "RIGHT"),
        Column(_("Total"), number_width, "RIGHT"),
    ]
    rows: list[Row] = [
        [p.category, _n(p.inbound), _n(p.outbound), _n(p.total)] for p in report.participants
    ]
    rows.append(
        [
            _("Total"),
            _n(sum(p.inbound for p in report.participants)),
            _n(sum(p.outbound for p in report.participants)),
            _n(report.participant_count),
        ]
    )
    return _section(title, PagedTable(columns, rows, TABLE_LOOK))


def annual_story(report: AnnualReport) -> list[Flowable]:
    year = report.year
    story: list[Flowable] = [Paragraph(escape(report.title), styles().title)]
    if report.scope:
        story.append(Paragraph(escape(report.scope), styles().subtitle))
    story += _overview(report)
    story += _countries(report)
    story += _agreements(
        _("Agreements concluded in {year}").format(year=year), report.concluded, is_expired=False
    )
    story += _agreements(
        _("Agreements expired in {year}").format(year=year), report.expired, is_expired=True
    )
    story += _events(report)
    story += _delegations(report)
    story += _participants(report)
    return story


def write_annual_pdf(report: AnnualReport, target: Path | IO[bytes]) -> None:
    meta = PdfMeta(
        title=report.title,
        subject=_("Annual report of international ties"),
        keywords=", ".join(p for p in (report.scope, str(report.year)) if p),
    )
    build_pdf(target, annual_story(report), meta, is_landscape=False)
