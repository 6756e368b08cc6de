"""The quarterly report as a landscape A4 PDF in the layout of the region's table."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from mumidesk.i18n import _
from mumidesk.reports.kit.document import PdfMeta, build_pdf, frame_size
from mumidesk.reports.kit.fonts import SERIF
from mumidesk.reports.kit.paged_table import Column, GroupHeading, PagedTable, TableLook
from mumidesk.reports.kit.styles import styles
from mumidesk.reports.kit.text import escape
from mumidesk.reports.quarterly import QuarterlyReport

# Column widths in mm as the region's Word table has them; participants take the rest.
_WIDTHS_MM = (12, 52, 32, 26, 85)
TABLE_LOOK = TableLook(font=SERIF, size=9, leading=11, padding=3)


def quarterly_columns(titles: tuple[str, ...]) -> list[Column]:
    frame_width, _height = frame_size(is_landscape=True)
    widths = [w * mm for w in _WIDTHS_MM]
    widths.append(frame_width - sum(widths))
    aligns = ("CENTER", "LEFT", "LEFT", "LEFT", "LEFT", "LEFT")
    return [Column(t, w, a) for t, w, a in zip(titles, widths, aligns, strict=True)]


def quarterly_story(report: QuarterlyReport) -> list[Flowable]:
    rows: list[list[str] | GroupHeading] = []
    for group in report.groups:
        rows.append(GroupHeading(group.heading))
        for row in group.rows:
            rows.append(
                [f"{row.number}.", row.name, row.place, row.dates, row.content, row.participants]
            )
    story: list[Flowable] = [Paragraph(escape(report.title), styles().title)]
    if rows:
        story.append(PagedTable(quarterly_columns(report.columns), rows, TABLE_LOOK))
    else:
        story.append(Paragraph(escape(_("No events in this period.")), styles().body))
    return story


def write_quarterly_pdf(report: QuarterlyReport, target: Path | IO[bytes]) -> None:
    meta = PdfMeta(
        title=report.title,
        subject=_("Quarterly report of international events"),
        keywords=report.region,
    )
    build_pdf(target, quarterly_story(report), meta, is_landscape=True)
