"""The layout kit: escaping, wrapping, the paged table (header on every page, headings kept with
their rows, rows taller than a page, empty cells, hostile text) and the period phrases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from mumidesk.domain.errors import ValidationError
from mumidesk.i18n import language
from mumidesk.reports.kit.document import MARGINS_PORTRAIT, PdfMeta, build_pdf, frame_size
from mumidesk.reports.kit.fonts import SANS, SERIF, bold, register_fonts
from mumidesk.reports.kit.paged_table import Column, GroupHeading, PagedTable, TableLook
from mumidesk.reports.kit.styles import styles
from mumidesk.reports.kit.text import escape, wrap_text
from mumidesk.reports.period import Period
from tests.reports.pdf_text import HeadingItem, RowItem, TableText, pdf_lines, read_table, squeeze

HOSTILE = "Tom & Jerry <b>bold</b> «ёлка» \"quoted\" 'single' a<b & c>d &amp; &lt;"
LETTERS = "ў і ї є ß ä é ç Ўладзімір Їжак Єва Straße Ärger café garçon"
LOOK = TableLook()  # the kit's default: sans 8 pt
WIDTH, _HEIGHT = frame_size(is_landscape=False)
COLUMNS = [
    Column("No.", 30, "CENTER"),
    Column("Name", 150),
    Column("Place", 90),
    Column("Content", WIDTH - 30 - 150 - 90 - 80),
    Column("Amount", 80, "RIGHT"),
]
TITLES = tuple(c.title for c in COLUMNS)
Row = Sequence[str] | GroupHeading


@pytest.fixture(autouse=True)
def _fonts() -> None:
    register_fonts()


def write_table(path: Path, rows: Sequence[Row], *, title: str = "") -> TableText:
    story: list[Flowable] = []
    if title:
        story.append(Paragraph(escape(title), styles().title))
    story.append(PagedTable(COLUMNS, rows, LOOK))
    build_pdf(path, story, PdfMeta(title="kit test"))
    left, _right, _top, bottom = MARGINS_PORTRAIT
    return read_table(path, COLUMNS, LOOK, left, bottom)


def numbered(count: int, start: int = 1, content: str = "") -> list[list[str]]:
    return [
        [f"{n}.", f"Name {n}", f"Place {n}", content or f"Content {n}", f"{n * 10}"]
        for n in range(start, start + count)
    ]


# --- escape ----------------------------------------------------------------------------------


def test_escape_markup_characters_and_line_breaks() -> None:
    assert escape("a & b < c > d") == "a &amp; b &lt; c &gt; d"
    assert escape("&amp;") == "&amp;amp;"
    assert escape("one\ntwo\r\nthree") == "one<br/>two<br/>three"
    assert escape("«ёлка» \"q\" 'q'") == "«ёлка» \"q\" 'q'"
    assert escape("") == ""


def test_escaped_paragraph_prints_hostile_text_literally(tmp_path: Path) -> None:
    path = tmp_path / "paragraph.pdf"
    story = [Paragraph(escape(f"{HOSTILE}\n{LETTERS}"), styles().body)]
    build_pdf(path, story, PdfMeta(title=HOSTILE))
    lines = [line.text for line in pdf_lines(path)[0]]
    assert squeeze(HOSTILE) in squeeze(" ".join(lines))
    assert LETTERS in lines  # its own line: the user's line break kept


# --- wrap_text -------------------------------------------------------------------------------


def fits(lines: list[str], font: str, size: float, width: float) -> bool:
    return all(stringWidth(line, font, size) <= width for line in lines)


def test_wrap_breaks_at_spaces_within_the_width() -> None:
    text = "Участники собрания рассмотрели вопросы вступления в Международный союз «ГАНЗА»"
    lines = wrap_text(text, SERIF, 9, 120)
    assert len(lines) > 1
    assert fits(lines, SERIF, 9, 120)
    assert " ".join(lines) == text


def test_wrap_cuts_a_word_longer_than_the_width() -> None:
    url = "https://example.org/" + "очень-длинный-адрес/" * 10
    lines = wrap_text(f"см. {url} далее", SANS, 8, 100)
    assert fits(lines, SANS, 8, 100)
    assert lines[0] == "см."
    assert "".join(lines[1:-1]) + lines[-1].removesuffix(" далее") == url
    assert lines[-1].endswith("далее")


def test_wrap_keeps_line_breaks_and_handles_empty_text() -> None:
    assert wrap_text("", SANS, 8, 100) == [""]
    assert wrap_text("   ", SANS, 8, 100) == [""]
    assert wrap_text("one\ntwo", SANS, 8, 100) == ["one", "two"]
    assert wrap_text("one\r\n\r\ntwo\n\n", SANS, 8, 100) == ["one", "", "two"]
    assert wrap_text("a   b\tc", SANS, 8, 100) == ["a b c"]


def test_wrap_never_breaks_at_a_no_break_space() -> None:
    text = "Сотрудники Администрации г.\u00a0Смоленска"
    width = stringWidth("Сотрудники Администрации г.", SERIF, 9) + 1
    lines = wrap_text(text, SERIF, 9, width)
    assert lines == ["Сотрудники Администрации", "г.\u00a0Смоленска"]


def test_wrap_a_single_character_wider_than_the_width() -> None:
    assert wrap_text("ЖЖЖ", SANS, 8, 1) == ["Ж", "Ж", "Ж"]


# --- PagedTable in a document ----------------------------------------------------------------


def test_header_on_every_page_and_rows_in_order(tmp_path: Path) -> None:
    table = write_table(tmp_path / "t.pdf", numbered(150), title="Many rows")
    assert len(table.headers) >= 3
    assert table.headers == [TITLES] * len(table.headers)
    assert table.outline() == [tuple(row) for row in numbered(150)]
    for row in table.rows:
        assert len(row.pages) == 1  # one-line rows are never split


def test_group_heading_never_alone_at_the_foot_of_a_page(tmp_path: Path) -> None:
    # A heading at each position around the first page's foot: one of them would land last.
    pushed = 0
    for position in range(40, 52):
        rows: list[Row] = [*numbered(position), GroupHeading("Группа «Б»"), *numbered(5, 100)]
        table = write_table(tmp_path / f"g{position}.pdf", rows)
        index = next(i for i, item in enumerate(table.items) if isinstance(item, HeadingItem))
        heading, following = table.items[index], table.items[index + 1]
        assert isinstance(heading, HeadingItem) and isinstance(following, RowItem)
        assert following.pages[0] == heading.page
        rows_on_first = sum(1 for row in table.rows if row.pages == [0])
        if heading.page == 1 and rows_on_first < max_rows_on_first_page():
            pushed += 1  # it would have fitted, but alone: moved to the next page
    assert pushed >= 1


def max_rows_on_first_page() -> int:
    _width, height = frame_size(is_landscape=False)
    line = LOOK.leading + 2 * LOOK.padding
    return int((height - line) // line)  # under a one-line header


def test_split_keeps_the_heading_with_its_row() -> None:
    line = LOOK.leading + 2 * LOOK.padding  # every row here has one line, as the header
    rows: list[Row] = [*numbered(2), GroupHeading("Heading"), *numbered(1, 3)]
    table = PagedTable(COLUMNS, rows, LOOK)
    # Room for the header, two rows and the heading, but not the row under it.
    first, rest = table.split(WIDTH, 4 * line + line / 2)
    assert first.wrap(WIDTH, 1000) == (WIDTH, 3 * line)  # header + two rows
    assert rest.wrap(WIDTH, 1000) == (WIDTH, 3 * line)  # header + heading + row


def test_row_taller_than_a_page_is_split_across_pages(tmp_path: Path) -> None:
    words = " ".join(f"слово{n}" for n in range(2600))[:20_000]
    assert len(words) == 20_000
    rows = [*numbered(3), ["4.", "Long", "", words, "1"], *numbered(2, 5)]
    table = write_table(tmp_path / "long.pdf", rows)
    long_row = table.rows[3]
    assert len(long_row.pages) >= 2
    assert long_row.texts == ("4.", "Long", "", squeeze(words), "1")
    assert [row.texts[0] for row in table.rows] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert table.headers == [TITLES] * len(table.headers)


def test_unbroken_20000_characters_are_cut_and_printed_whole(tmp_path: Path) -> None:
    blob = ("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ" * 700)[:20_000]
    table = write_table(tmp_path / "blob.pdf", [["1.", "Blob", "", blob, ""]])
    row = table.rows[0]
    assert len(row.pages) >= 2
    assert "".join(row.cells[3]) == blob


def test_empty_cells(tmp_path: Path) -> None:
    rows: list[Row] = [["1.", "Online meeting", "", "", ""], ["2.", "", "", "", ""]]
    table = write_table(tmp_path / "empty.pdf", rows)
    assert table.outline() == [("1.", "Online meeting", "", "", ""), ("2.", "", "", "", "")]


def test_hostile_text_in_cells_prints_literally(tmp_path: Path) -> None:
    rows: list[Row] = [
        GroupHeading(f"{HOSTILE} {LETTERS}"),
        ["1.", HOSTILE, LETTERS, f"{HOSTILE}\n{LETTERS}", "<0>"],
    ]
    table = write_table(tmp_path / "hostile.pdf", rows)
    assert table.outline() == [
        squeeze(f"{HOSTILE} {LETTERS}"),
        ("1.", squeeze(HOSTILE), LETTERS, squeeze(f"{HOSTILE} {LETTERS}"), "<0>"),
    ]
    content = table.rows[0].cells[3]  # the user's line break kept: the letters start a line
    assert any(line.startswith(LETTERS[:5]) for line in content)


def test_a_row_with_the_wrong_number_of_cells_is_refused() -> None:
    with pytest.raises(ValueError, match="2 cells for 5 columns"):
        PagedTable(COLUMNS, [["1.", "two"]], LOOK)


def test_bold_header_wraps_within_its_column(tmp_path: Path) -> None:
    columns = [Column("A very long column title that has to wrap", 60), Column("B", 100)]
    path = tmp_path / "header.pdf"
    build_pdf(path, [PagedTable(columns, [["x", "y"]], LOOK)], PdfMeta(title="h"))
    header = [line for line in pdf_lines(path)[0] if line.is_bold]
    assert len(header) > 2
    assert all(stringWidth(line.text, bold(LOOK.font), LOOK.size) <= 60 for line in header)


# --- Period ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quarter", "russian", "english"),
    [
        (1, "в I квартале 2021 года", "in the 1st quarter of 2021"),
        (2, "во II квартале 2021 года", "in the 2nd quarter of 2021"),
        (3, "в III квартале 2021 года", "in the 3rd quarter of 2021"),
        (4, "в IV квартале 2021 года", "in the 4th quarter of 2021"),
    ],
)
def test_quarter_phrases(quarter: int, russian: str, english: str) -> None:
    period = Period.of_quarter(2021, quarter)
    with language("ru"):
        assert period.phrase() == russian
    with language("en"):
        assert period.phrase() == english


def test_period_bounds_and_other_phrases() -> None:
    q2 = Period.of_quarter(2020, 2)
    assert (q2.start, q2.end, q2.quarter) == (dt.date(2020, 4, 1), dt.date(2020, 6, 30), 2)
    assert Period.between(dt.date(2020, 4, 1), dt.date(2020, 6, 30)) == q2
    year = Period.of_year(2020)
    span = Period.between(dt.date(2020, 3, 1), dt.date(2020, 4, 15))
    assert span.quarter is None
    with language("ru"):
        assert year.phrase() == "в 2020 году"
        assert span.phrase() == "в период с 1 марта 2020\u202fг. по 15 апреля 2020\u202fг."
    with language("en"):
        assert year.phrase() == "in 2020"
        assert span.phrase() == "from March 1, 2020 to April 15, 2020"


def test_period_refuses_bad_input() -> None:
    with pytest.raises(ValidationError) as bad_quarter:
        Period.of_quarter(2020, 5)
    assert bad_quarter.value.fields == ["quarter"]
    with pytest.raises(ValidationError) as backwards:
        Period.between(dt.date(2020, 5, 1), dt.date(2020, 4, 1))
    assert backwards.value.fields == ["to"]
