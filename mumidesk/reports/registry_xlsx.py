"""The registry of agreements as an editable XLSX workbook, the same rows as the PDF."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from mumidesk.i18n import _
from mumidesk.reports.registry import Registry
from mumidesk.reports.xlsx_table import SheetColumn, SheetRow, SheetTable, write_table_xlsx

# Excel column widths (characters) in the proportions of the PDF's columns.
_WIDTHS = (6, 20, 34, 32, 44, 20, 22, 16)
_ALIGNS = ("center", "left", "left", "left", "left", "left", "left", "left")


def registry_sheet(registry: Registry) -> SheetTable:
    rows: list[SheetRow] = []
    for row in registry.rows:
        cells: list[str | int] = [row.number]
        cells.extend(row.cells()[1:])
        rows.append(cells)
    columns = [
        SheetColumn(title, width, align)
        for title, width, align in zip(registry.columns, _WIDTHS, _ALIGNS, strict=True)
    ]
    return SheetTable(
        title=registry.title,
        subtitle=registry.subtitle,
        columns=columns,
        rows=rows,
        empty_note=_("No agreements match."),
        sheet_name=_("Registry of agreements"),
        font="Arial",
        size=9,
        subject=_("Registry of agreements"),
    )


def write_registry_xlsx(registry: Registry, target: Path | IO[bytes]) -> None:
    write_table_xlsx(registry_sheet(registry), target)
