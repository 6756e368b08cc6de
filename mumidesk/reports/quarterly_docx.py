"""The quarterly report as an editable DOCX document (python-docx), the same rows as the PDF.

Landscape A4 with the PDF's margins, the title, a bordered ("Table Grid") six-column table whose
header row Word repeats on every page (w:tblHeader), one merged heading row per municipality,
"page N of M" in the footer. The font is named "Times New Roman", as the region's own documents
are; where it is missing, Word and LibreOffice substitute the metric-compatible Liberation Serif.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from copy import deepcopy
from pathlib import Path
from typing import IO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Mm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from mumidesk.i18n import _
from mumidesk.reports.docx_kit import set_base_font
from mumidesk.reports.office_text import office_text
from mumidesk.reports.quarterly import QuarterlyReport

FONT = "Times New Roman"
BODY_SIZE = Pt(10)
TITLE_SIZE = Pt(14)
FOOTER_SIZE = Pt(8)
# Column widths in mm as the region's Word table has them (the PDF's); the page is 297 mm wide
# with 20 mm left and 10 mm right margins, so the columns share 267 mm.
_WIDTHS_MM = (12, 52, 32, 26, 85, 60)
_GROUP_SHADING = "F2F2F2"
_HEADER_SHADING = "EBEBEB"
_PLACEHOLDER = re.compile(r"(\{page\}|\{total\})")
_BREAKS = re.compile("(\n|\t)")


def write_quarterly_docx(report: QuarterlyReport, target: Path | IO[bytes]) -> None:
    document = Document()
    _landscape_a4(document.sections[0])
    _base_font(document)
    _properties(document, report)
    _page_numbers(document.sections[0])
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(10)
    run = title.add_run(office_text(report.title))
    run.bold = True
    run.font.size = TITLE_SIZE
    if report.row_count == 0:
        document.add_paragraph(_("No events in this period."))
    else:
        _table(document, report)
    document.save(target if not isinstance(target, Path) else str(target))


def _table(document: DocxDocument, report: QuarterlyReport) -> Table:
    table = document.add_table(rows=0, cols=len(report.columns))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, _WIDTHS_MM, strict=True):
        column.width = Mm(width)
    header = table.add_row()
    _repeat_as_header(header)
    for cell, text in zip(header.cells, report.columns, strict=True):
        _fill(cell, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(cell, _HEADER_SHADING)  # before vAlign: w:shd comes first in w:tcPr
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    template = _data_row_template(table)
    for group in report.groups:
        row = table.add_row()
        heading = row.cells[0].merge(row.cells[-1])
        paragraph = _fill(heading, group.heading, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        paragraph.paragraph_format.keep_with_next = True  # never alone at the foot of a page
        _shade(heading, _GROUP_SHADING)
        for item in group.rows:
            values = (
                f"{item.number}.",
                item.name,
                item.place,
                item.dates,
                item.content,
                item.participants,
            )
            _append_data_row(table, template, values)
    return table


def _data_row_template(table: Table) -> BaseOxmlElement:
    """An empty data row (cell widths, the number centred) that every data row copies: ten
    thousand rows built through python-docx's objects take seconds, copies take a fraction."""
    row = table.add_row()
    row.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    template = row._tr
    table._tbl.remove(template)
    return template


def _append_data_row(table: Table, template: BaseOxmlElement, values: Sequence[str]) -> None:
    tr = deepcopy(template)
    cells = tr.findall(qn("w:tc"))
    if len(cells) != len(values):
        raise ValueError(f"a row has {len(values)} cells for {len(cells)} columns")
    for tc, text in zip(cells, values, strict=True):
        tc.find(qn("w:p")).append(_run(office_text(text)))
    table._tbl.append(tr)


def _run(text: str) -> BaseOxmlElement:
    """A w:r holding ``text``, its line breaks and tabs as w:br and w:tab."""
    run = OxmlElement("w:r")
    for piece in _BREAKS.split(text):
        if piece == "\n":
            run.append(OxmlElement("w:br"))
        elif piece == "\t":
            run.append(OxmlElement("w:tab"))
        elif piece:
            shown = OxmlElement("w:t")
            shown.set(qn("xml:space"), "preserve")
            shown.text = piece
            run.append(shown)
    return run


def _fill(
    cell: _Cell, text: str, *, bold: bool = False, align: WD_ALIGN_PARAGRAPH | None = None
) -> Paragraph:
    paragraph = cell.paragraphs[0]
    if align is not None:
        paragraph.alignment = align
    run = paragraph.add_run(office_text(text))  # "\n" becomes a line break
    if bold:
        run.bold = True
    return paragraph


def _repeat_as_header(row: _Row) -> None:
    """Word repeats a row marked w:tblHeader at the top of every page the table reaches."""
    properties = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        properties.append(element)


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _landscape_a4(section: Section) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width = Mm(297)
    section.page_height = Mm(210)
    # The PDF's margins (GOST, landscape): left 20 mm, right 10, top and bottom 15.
    section.left_margin = Mm(20)
    section.right_margin = Mm(10)
    section.top_margin = Mm(15)
    section.bottom_margin = Mm(15)
    section.footer_distance = Mm(6)


def _base_font(document: DocxDocument) -> None:
    """Times New Roman everywhere, also for Cyrillic and over the template's theme fonts."""
    set_base_font(document, FONT, BODY_SIZE)


def _properties(document: DocxDocument, report: QuarterlyReport) -> None:
    properties = document.core_properties
    properties.title = office_text(report.title)[:255]
    properties.subject = _("Quarterly report of international events")
    properties.author = "mumidesk"
    properties.keywords = office_text(report.region)[:255]


def _page_numbers(section: Section) -> None:
    """ "page N of M" with Word's PAGE and NUMPAGES fields, in the sentence's own word order."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for part in _PLACEHOLDER.split(_("page {page} of {total}")):
        if part == "{page}":
            _field(paragraph, "PAGE")
        elif part == "{total}":
            _field(paragraph, "NUMPAGES")
        elif part:
            paragraph.add_run(part).font.size = FOOTER_SIZE


def _field(paragraph: Paragraph, code: str) -> None:
    run = paragraph.add_run()
    run.font.size = FOOTER_SIZE
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" {code} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instruction, separate, shown, end):
        run._r.append(element)
