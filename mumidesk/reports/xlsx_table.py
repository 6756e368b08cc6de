"""A report table as an editable XLSX sheet (openpyxl): the layout the region's staff expect.

A title row merged across the columns, the column header (bold, bordered, frozen under it and
repeated on every printed page), group heading rows merged across the columns, data rows with
wrapped text; landscape A4 fitted to the page width, "page N of M" in the footer.

Neither Excel nor LibreOffice reliably fits a row to wrapped text when opening a file (never for
merged cells), so every row gets its height here: its cells are wrapped with the metrics of the
metric-compatible Liberation font that the PDF uses (Liberation Serif = Times New Roman,
Liberation Sans = Arial).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from mumidesk.i18n import N_, _
from mumidesk.reports.kit.fonts import SANS, SERIF, bold, register_fonts
from mumidesk.reports.kit.paged_table import GroupHeading
from mumidesk.reports.kit.text import wrap_text
from mumidesk.reports.office_text import office_text

CELL_MAX = 32_767  # Excel refuses to open a file with a longer cell
MM_PER_INCH = 25.4
SHEET_NAME_MAX = 31
_FORBIDDEN_IN_SHEET_NAME = str.maketrans({c: " " for c in "[]:*?/\\"})
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="EBEBEB")
_GROUP_FILL = PatternFill("solid", fgColor="F5F5F5")
# Cell styles by role; the data cell style by the column's alignment.
_STYLE_NAMES = {
    "header": N_("Table header"),
    "group": N_("Table group heading"),
    "note": N_("Table note"),
    "left": N_("Table cell"),
    "center": N_("Table cell, centred"),
    "right": N_("Table cell, right-aligned"),
}
_METRIC_TWINS = {"Times New Roman": SERIF, "Arial": SANS}
# Excel's column width unit is the width of "0" in the default font (7 px, plus 5 px of margin);
# a pixel is 0.75 pt. A line takes about 1.25 × the font size; a row is at most 409 pt high.
_PIXELS_PER_UNIT = 7
_COLUMN_MARGIN_PX = 5
_POINTS_PER_PIXEL = 0.75
_CELL_PADDING = 4.0  # points lost to the cell's inner margins, both sides together
_LINE_FACTOR = 1.25
_ROW_MAX = 409.0

SheetRow = Sequence[str | int] | GroupHeading


@dataclass(frozen=True)
class SheetColumn:
    title: str
    width: float  # Excel column width (characters of the default font)
    align: str = "left"  # openpyxl horizontal alignment: left, center, right


@dataclass(frozen=True)
class SheetTable:
    title: str
    columns: Sequence[SheetColumn]
    rows: Sequence[SheetRow]
    subtitle: str = ""
    empty_note: str = ""  # written under the header when there are no rows
    sheet_name: str = ""
    font: str = "Times New Roman"
    size: float = 10
    subject: str = ""
    keywords: str = ""


def write_table_xlsx(table: SheetTable, target: Path | IO[bytes]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = _sheet_name(table.sheet_name or _("Report"))
    _Writer(sheet, table).write()
    properties = workbook.properties
    properties.title = office_text(table.title)
    properties.subject = office_text(table.subject)
    properties.keywords = office_text(table.keywords)
    properties.creator = "mumidesk"
    workbook.save(target)


def cell_text(text: str) -> str:
    """User text as a cell can hold it: no XML-forbidden characters, at most CELL_MAX long."""
    text = office_text(text)
    if len(text) <= CELL_MAX:
        return text
    mark = " … " + _("[cut: a cell holds at most {limit} characters]").format(limit=CELL_MAX)
    return text[: CELL_MAX - len(mark)] + mark


class _Writer:
    def __init__(self, sheet: Worksheet, table: SheetTable) -> None:
        self.sheet = sheet
        self.table = table
        self.width = len(table.columns)
        self.row = 0
        register_fonts()
        self.metrics = _METRIC_TWINS.get(table.font, SANS)
        self.widths = [column_points(c.width) for c in table.columns]
        # Named styles: assigning one to a cell is cheap (setting font, border and alignment one
        # by one hashes each for every cell), and staff find them in the cell-style gallery.
        self.styles = self._named_styles(sheet.parent)

    def _named_styles(self, workbook: Workbook) -> dict[str, str]:
        table = self.table
        body = Font(name=table.font, size=table.size)
        heavy = Font(name=table.font, size=table.size, bold=True)
        centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
        looks = {
            "header": (heavy, centred, _HEADER_FILL),
            "group": (heavy, centred, _GROUP_FILL),
            "note": (body, centred, PatternFill()),
        }
        for align in {c.align for c in table.columns}:
            top = Alignment(horizontal=align, vertical="top", wrap_text=True)
            looks[align] = (body, top, PatternFill())
        names: dict[str, str] = {}
        for key, (font, alignment, fill) in looks.items():
            name = _(_STYLE_NAMES.get(key, _STYLE_NAMES["left"]))
            if key not in _STYLE_NAMES:
                name = f"{name} ({key})"
            workbook.add_named_style(
                NamedStyle(name=name, font=font, alignment=alignment, fill=fill, border=_BORDER)
            )
            names[key] = name
        return names

    def write(self) -> None:
        table = self.table
        title_size = table.size + 4
        title_font = Font(name=table.font, size=title_size, bold=True)
        self._merged(table.title, title_font, title_size)
        if table.subtitle:
            self._merged(table.subtitle, Font(name=table.font, size=table.size), table.size)
        self._header()
        for row in table.rows:
            if isinstance(row, GroupHeading):
                self._group(row.text, "group", bold(self.metrics))
            else:
                self._data(row)
        if not table.rows and table.empty_note:
            self._group(table.empty_note, "note", self.metrics)
        self._columns_and_page()

    def _next_row(self) -> int:
        self.row += 1
        return self.row

    def _set(self, row: int, column: int, value: str | int) -> Cell:
        cell = self.sheet.cell(row=row, column=column)
        cell.value = cell_text(value) if isinstance(value, str) else value
        if cell.data_type == "f":  # user text starting with "=" is text, never a formula
            cell.data_type = "s"
        return cell

    def _merge_row(self, row: int) -> None:
        if self.width > 1:
            self.sheet.merge_cells(
                start_row=row, start_column=1, end_row=row, end_column=self.width
            )

    def _merged(self, text: str, font: Font, size: float) -> None:
        """A line above the table (title, subtitle): merged across it, no border."""
        row = self._next_row()
        cell = self._set(row, 1, text)
        cell.font = font
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self._merge_row(row)
        face = bold(self.metrics) if font.b else self.metrics
        self._fit(row, [(str(cell.value or ""), face, size, sum(self.widths))])

    def _group(self, text: str, style: str, face: str) -> None:
        """A row inside the table merged across it (a municipality heading, a note)."""
        row = self._next_row()
        first = self._set(row, 1, text)
        for column in range(1, self.width + 1):  # every cell, so the border is drawn whole
            self.sheet.cell(row=row, column=column).style = self.styles[style]
        self._merge_row(row)
        self._fit(row, [(str(first.value or ""), face, self.table.size, sum(self.widths))])

    def _header(self) -> None:
        row = self._next_row()
        for column, spec in enumerate(self.table.columns, start=1):
            self._set(row, column, spec.title).style = self.styles["header"]
        face, size = bold(self.metrics), self.table.size
        columns = zip(self.table.columns, self.widths, strict=True)
        self._fit(row, [(c.title, face, size, width) for c, width in columns])
        self.sheet.freeze_panes = self.sheet.cell(row=row + 1, column=1)
        self.sheet.print_title_rows = f"{row}:{row}"

    def _data(self, values: Sequence[str | int]) -> None:
        if len(values) != self.width:
            raise ValueError(f"a row has {len(values)} cells for {self.width} columns")
        row = self._next_row()
        measured: list[tuple[str, str, float, float]] = []
        for column, (value, spec) in enumerate(zip(values, self.table.columns, strict=True), 1):
            cell = self._set(row, column, value)
            cell.style = self.styles[spec.align]
            text = str(cell.value) if cell.value is not None else ""
            measured.append((text, self.metrics, self.table.size, self.widths[column - 1]))
        self._fit(row, measured)

    def _fit(self, row: int, cells: list[tuple[str, str, float, float]]) -> None:
        """Set the row's height to its tallest cell: (text, font, size, column width in pt)."""
        height = 0.0
        for text, font, size, width in cells:
            lines = len(wrap_text(text, font, size, max(1.0, width - _CELL_PADDING)))
            height = max(height, lines * size * _LINE_FACTOR + _CELL_PADDING)
        self.sheet.row_dimensions[row].height = round(min(_ROW_MAX, height), 2)

    def _columns_and_page(self) -> None:
        sheet = self.sheet
        for column, spec in enumerate(self.table.columns, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = spec.width
        setup = sheet.page_setup
        setup.orientation = sheet.ORIENTATION_LANDSCAPE
        setup.paperSize = sheet.PAPERSIZE_A4
        setup.fitToWidth = 1
        setup.fitToHeight = 0  # as many pages tall as the rows need
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        # The PDF's margins (GOST, landscape): left 20 mm, right 10, top and bottom 15.
        sheet.page_margins = PageMargins(
            left=20 / MM_PER_INCH,
            right=10 / MM_PER_INCH,
            top=15 / MM_PER_INCH,
            bottom=15 / MM_PER_INCH,
            header=5 / MM_PER_INCH,
            footer=5 / MM_PER_INCH,
        )
        footer = sheet.oddFooter.center
        footer.text = _("page {page} of {total}").format(page="&P", total="&N")
        footer.size = 8


def column_points(width: float) -> float:
    """An Excel column width (characters) in points."""
    return (width * _PIXELS_PER_UNIT + _COLUMN_MARGIN_PX) * _POINTS_PER_PIXEL


def _sheet_name(name: str) -> str:
    cleaned = office_text(name).translate(_FORBIDDEN_IN_SHEET_NAME).strip("' ")
    return cleaned[:SHEET_NAME_MAX] or "Sheet"
