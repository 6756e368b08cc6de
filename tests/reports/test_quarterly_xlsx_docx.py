"""The quarterly report as XLSX and DOCX: the same rows as the model, in order, under the right
municipality headings, with the header repeated on every printed page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from openpyxl.worksheet.worksheet import Worksheet

from mumidesk.cli import main
from mumidesk.domain.events import Event
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.domain.municipalities import Municipality
from mumidesk.i18n import language
from mumidesk.reports.period import Period
from mumidesk.reports.quarterly import QuarterlyReport, build_quarterly
from mumidesk.reports.quarterly_docx import write_quarterly_docx
from mumidesk.reports.quarterly_xlsx import write_quarterly_xlsx
from mumidesk.reports.xlsx_table import CELL_MAX
from mumidesk.services.demo import load_demo
from mumidesk.services.registry import Services

Line = tuple[str, ...]  # ("heading", text) or the six cell texts of a row


@pytest.fixture
def demo(services: Services) -> Services:
    load_demo(services)
    return services


def quarter_report(services: Services, lang: str = "en") -> QuarterlyReport:
    with language(lang):
        return build_quarterly(services, Period.of_quarter(2020, 2))


def expected_lines(report: QuarterlyReport, number_suffix: str) -> list[Line]:
    lines: list[Line] = []
    for group in report.groups:
        lines.append(("heading", group.heading))
        for r in group.rows:
            number = f"{r.number}{number_suffix}"
            lines.append((number, r.name, r.place, r.dates, r.content, r.participants))
    return lines


# --- XLSX ------------------------------------------------------------------------------------


def header_row(sheet: Worksheet, columns: tuple[str, ...]) -> int:
    for index, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if tuple(row[: len(columns)]) == columns:
            return index
    raise AssertionError("no header row")


def xlsx_lines(sheet: Worksheet, first: int) -> list[Line]:
    merged_rows = {r.min_row for r in sheet.merged_cells.ranges if r.min_col == 1}
    lines: list[Line] = []
    for index, row in enumerate(sheet.iter_rows(min_row=first, values_only=True), start=first):
        if index in merged_rows:
            lines.append(("heading", str(row[0])))
        else:
            lines.append(tuple("" if v is None else str(v) for v in row))
    return lines


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_xlsx_holds_the_rows_of_the_model_under_their_headings(
    demo: Services, tmp_path: Path, lang: str
) -> None:
    report = quarter_report(demo, lang)
    assert report.row_count == 7
    path = tmp_path / "q.xlsx"
    with language(lang):
        write_quarterly_xlsx(report, path)

    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    assert sheet["A1"].value == report.title
    assert sheet["A1"].font.b and sheet["A1"].alignment.wrap_text
    header = header_row(sheet, report.columns)
    assert xlsx_lines(sheet, header + 1) == expected_lines(report, "")
    # The number is a number (sortable, editable); headings and the title span all six columns.
    assert sheet.cell(row=header + 2, column=1).value == 1
    spans = {(r.min_row, r.min_col, r.max_col) for r in sheet.merged_cells.ranges}
    assert (1, 1, 6) in spans
    assert (header + 1, 1, 6) in spans
    # Header: bold, wrapped, bordered, frozen under it and printed on every page.
    for cell in sheet[header]:
        assert cell.font.b and cell.alignment.wrap_text and cell.border.left.style == "thin"
    assert sheet.freeze_panes == f"A{header + 1}"
    assert sheet.print_title_rows == f"${header}:${header}"
    data = sheet.cell(row=header + 2, column=5)
    assert data.alignment.wrap_text and data.alignment.vertical == "top"
    assert data.border.bottom.style == "thin"
    assert all(sheet.column_dimensions[c].width >= 6 for c in "ABCDEF")
    # Every row is as tall as its wrapped text (neither Excel nor LibreOffice fits it on open).
    heights = [sheet.row_dimensions[r].height for r in range(1, sheet.max_row + 1)]
    assert all(h is not None and h >= 12 for h in heights)
    assert max(heights[header:]) > 4 * min(heights[header:])
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == (
        "landscape",
        9,  # A4
        1,
        0,
    )
    assert sheet.sheet_properties.pageSetUpPr.fitToPage


# --- DOCX ------------------------------------------------------------------------------------


def docx_lines(table: docx.table.Table) -> list[Line]:
    lines: list[Line] = []
    for row in table.rows[1:]:
        tcs = row._tr.tc_lst
        if len(tcs) == 1:
            assert tcs[0].grid_span == 6
            lines.append(("heading", row.cells[0].text))
        else:
            lines.append(tuple(cell.text for cell in row.cells))
    return lines


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_docx_holds_the_rows_of_the_model_with_a_repeating_header(
    demo: Services, tmp_path: Path, lang: str
) -> None:
    report = quarter_report(demo, lang)
    path = tmp_path / "q.docx"
    with language(lang):
        write_quarterly_docx(report, path)

    document = docx.Document(str(path))
    assert document.paragraphs[0].text == report.title
    assert document.paragraphs[0].runs[0].bold
    (table,) = document.tables
    assert table.style is not None and table.style.name == "Table Grid"
    assert tuple(c.text for c in table.rows[0].cells) == report.columns
    assert docx_lines(table) == expected_lines(report, ".")
    # The first row repeats on every page; no other row does.
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(
        r._tr.trPr is None or r._tr.trPr.find(qn("w:tblHeader")) is None for r in table.rows[1:]
    )
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.core_properties.title == report.title
    footer_xml = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml


def test_an_empty_period_gives_files_that_say_so(demo: Services, tmp_path: Path) -> None:
    report = build_quarterly(demo, Period.of_quarter(1999, 1))
    assert report.row_count == 0
    write_quarterly_xlsx(report, tmp_path / "q.xlsx")
    write_quarterly_docx(report, tmp_path / "q.docx")

    sheet = openpyxl.load_workbook(tmp_path / "q.xlsx").active
    assert sheet is not None
    texts = [v for row in sheet.iter_rows(values_only=True) for v in row if v]
    assert "No events in this period." in texts
    document = docx.Document(str(tmp_path / "q.docx"))
    assert document.tables == []
    assert "No events in this period." in [p.text for p in document.paragraphs]


# --- hostile text ----------------------------------------------------------------------------

HOSTILE = "A & B <b>not bold</b> «ёлки» \"quoted\" 'single' ß é ў і ї"


def test_hostile_text_is_written_literally(services: Services, tmp_path: Path) -> None:
    town = services.municipalities.create(Municipality(name_ru="Город <&>"))
    long_content = ("Сотрудничество & обмен <опытом> " * 700)[:20_000]
    events = [
        Event(
            name=HOSTILE,
            municipality_id=town.id,
            dates=FuzzyDate.day(dt.date(2020, 4, 1)),
            place="«Дом» & <сад>",
            content=long_content,
            participants="Иванов И.И., «мэр»",
        ),
        Event(
            name="=SUM(A1:A9)", municipality_id=town.id, dates=FuzzyDate.day(dt.date(2020, 4, 2))
        ),  # no place, no participants
        Event(
            name="Tab\tand\x0bvertical tab",
            municipality_id=town.id,
            dates=FuzzyDate.month(2020, 5),
            content="line one\r\nline two",
        ),
    ]
    for event in events:
        services.events.create(event)
    report = build_quarterly(services, Period.of_quarter(2020, 2))
    assert report.row_count == 3

    write_quarterly_xlsx(report, tmp_path / "h.xlsx")
    write_quarterly_docx(report, tmp_path / "h.docx")

    sheet = openpyxl.load_workbook(tmp_path / "h.xlsx").active
    assert sheet is not None
    header = header_row(sheet, report.columns)
    lines = xlsx_lines(sheet, header + 1)
    assert lines[0] == ("heading", "Город <&>")
    assert lines[1] == (
        "1",
        HOSTILE,
        "«Дом» & <сад>",
        "April 1",
        long_content,
        "Иванов И.И., «мэр»",
    )
    assert lines[2][:3] == ("2", "=SUM(A1:A9)", "")  # text, not a formula
    assert sheet.cell(row=header + 3, column=2).data_type == "s"
    assert lines[3][1] == "Tab\tandvertical tab"  # the XML-forbidden character is dropped
    assert lines[3][4] == "line one\nline two"
    assert sheet.row_dimensions[header + 2].height == 409  # Excel's tallest row

    table = docx.Document(str(tmp_path / "h.docx")).tables[0]
    rows = docx_lines(table)
    assert rows[0] == ("heading", "Город <&>")
    assert rows[1] == (
        "1.",
        HOSTILE,
        "«Дом» & <сад>",
        "April 1",
        long_content,
        "Иванов И.И., «мэр»",
    )
    assert rows[2][:3] == ("2.", "=SUM(A1:A9)", "")
    assert rows[3][4] == "line one\nline two"


def test_a_cell_longer_than_excel_allows_is_cut_with_a_note(
    services: Services, tmp_path: Path
) -> None:
    town = services.municipalities.create(Municipality(name_ru="Смоленск"))
    services.events.create(
        Event(
            name="Long",
            municipality_id=town.id,
            dates=FuzzyDate.day(dt.date(2020, 4, 1)),
            content="слово " * 10_000,
        )
    )
    report = build_quarterly(services, Period.of_quarter(2020, 2))
    write_quarterly_xlsx(report, tmp_path / "long.xlsx")

    sheet = openpyxl.load_workbook(tmp_path / "long.xlsx").active
    assert sheet is not None
    content = sheet.cell(row=header_row(sheet, report.columns) + 2, column=5).value
    assert isinstance(content, str)
    assert len(content) == CELL_MAX
    assert content.startswith("слово слово") and "cut" in content[-60:]


# --- command line ----------------------------------------------------------------------------


def test_the_command_chooses_the_format_by_the_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "demo.db")
    assert main(["--db", db, "demo"]) == 0
    for name in ("q.xlsx", "q.docx"):
        out = tmp_path / name
        args = ["--db", db, "--lang", "ru", "report", "quarterly", "--year", "2020"]
        assert main([*args, "--quarter", "2", "-o", str(out)]) == 0
        assert out.exists()
    sheet = openpyxl.load_workbook(tmp_path / "q.xlsx").active
    assert sheet is not None
    assert str(sheet["A1"].value).endswith("во II квартале 2020 года")
    assert len(docx.Document(str(tmp_path / "q.docx")).tables[0].rows) == 1 + 4 + 7
    capsys.readouterr()

    code = main(["--db", db, "report", "quarterly", "--year", "2020", "-o", "q.odt"])
    assert code == 2
    assert ".pdf, .xlsx, .docx" in capsys.readouterr().err
