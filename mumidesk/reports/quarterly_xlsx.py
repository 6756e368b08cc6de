"""The quarterly report as an editable XLSX workbook, the same rows as the PDF."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from mumidesk.i18n import _
from mumidesk.reports.kit.paged_table import GroupHeading
from mumidesk.reports.quarterly import QuarterlyReport
from mumidesk.reports.xlsx_table import SheetColumn, SheetRow, SheetTable, write_table_xlsx

# Excel column widths (characters) in the proportions of the region's table.
_WIDTHS = (6, 30, 20, 16, 60, 42)
_ALIGNS = ("center", "left", "left", "left", "left", "left")


def quarterly_sheet(report: QuarterlyReport) -> SheetTable:
    rows: list[SheetRow] = []
    for group in report.groups:
        rows.append(GroupHeading(group.heading))
        for row in group.rows:
            rows.append([row.number, row.name, row.place, row.dates, row.content, row.participants])
    columns = [
        SheetColumn(title, width, align)
        for title, width, align in zip(report.columns, _WIDTHS, _ALIGNS, strict=True)
    ]
    return SheetTable(
        title=report.title,
        columns=columns,
        rows=rows,
        empty_note=_("No events in this period."),
        sheet_name=_("Quarterly report"),
        subject=_("Quarterly report of international events"),
        keywords=report.region,
    )


def write_quarterly_xlsx(report: QuarterlyReport, target: Path | IO[bytes]) -> None:
    write_table_xlsx(quarterly_sheet(report), target)
