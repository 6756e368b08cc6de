"""The quarterly report as PDF: the demo data's Q2 2020 report of the Smolensk region reproduces
every row of the region's own report (seed 004, transcribed in data/smolensk_q2_2020.json) —
in the model exactly, and in the PDF cell by cell, in order, under the right municipality —
with the title, the header on every page, page numbers, metadata and embedded fonts."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from mumidesk.domain.events import Event
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.i18n import language
from mumidesk.reports.kit.document import MARGINS_LANDSCAPE
from mumidesk.reports.period import Period
from mumidesk.reports.quarterly import QuarterlyReport, build_quarterly
from mumidesk.reports.quarterly_pdf import TABLE_LOOK, quarterly_columns, write_quarterly_pdf
from mumidesk.services.demo import load_demo
from mumidesk.services.registry import Services
from tests.reports.pdf_text import (
    HeadingItem,
    RowItem,
    TableText,
    font_names,
    fonts_embedded,
    pdf_lines,
    read_table,
    squeeze,
)

SEED = json.loads((Path(__file__).parent / "data" / "smolensk_q2_2020.json").read_text("utf-8"))
REGION = "Смоленская область"
SMOLENSK = "Город Смоленск"
DESNOGORSK = "Муниципальное образование «город Десногорск» Смоленской области"
ROSLAVL = "Муниципальное образование «Рославльский район» Смоленской области"
SUBSET_FONT = re.compile(r"^/[A-Z]{6}\+Liberation(Serif|Sans)(-Bold|-Italic|-BoldItalic)?$")
BASE_14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")


@pytest.fixture
def demo(services: Services) -> Services:
    load_demo(services)
    return services


def report_of(services: Services, year: int, quarter: int, lang: str) -> QuarterlyReport:
    with language(lang):
        region = services.regions.find_by_name(REGION)
        assert region is not None
        return build_quarterly(services, Period.of_quarter(year, quarter), region_id=region.id)


def write(report: QuarterlyReport, path: Path, lang: str) -> Path:
    with language(lang):
        write_quarterly_pdf(report, path)
    return path


def table_of(report: QuarterlyReport, path: Path) -> TableText:
    left, _right, _top, bottom = MARGINS_LANDSCAPE
    return read_table(path, quarterly_columns(report.columns), TABLE_LOOK, left, bottom)


def seed_outline() -> list[str | tuple[str, ...]]:
    """The seed's headings and rows as the PDF shows them: whitespace as plain spaces."""
    outline: list[str | tuple[str, ...]] = []
    for group in SEED["groups"]:
        outline.append(group["heading"])
        for row in group["rows"]:
            cells = (f"{row['number']}.", row["name"], row["place"], row["dates"])
            outline.append(tuple(squeeze(c) for c in (*cells, row["content"], row["participants"])))
    return outline


def model_groups(report: QuarterlyReport) -> list[dict[str, Any]]:
    return [
        {
            "heading": group.heading,
            "rows": [
                {
                    "number": r.number,
                    "name": r.name,
                    "place": r.place,
                    "dates": r.dates,
                    "content": r.content,
                    "participants": r.participants,
                }
                for r in group.rows
            ],
        }
        for group in report.groups
    ]


# --- the demo report against the seed -------------------------------------------------------


def test_model_reproduces_the_seed_exactly(demo: Services) -> None:
    report = report_of(demo, 2020, 2, "ru")
    assert [g["heading"] for g in SEED["groups"]] == [SMOLENSK, DESNOGORSK, ROSLAVL]
    assert model_groups(report) == SEED["groups"]
    assert report.title == SEED["title"]
    assert report.columns == tuple(SEED["columns"])


def test_pdf_reproduces_every_row_of_the_seed_in_order(demo: Services, tmp_path: Path) -> None:
    report = report_of(demo, 2020, 2, "ru")
    table = table_of(report, write(report, tmp_path / "q2.pdf", "ru"))
    # Every cell of every row, in order, each under its municipality: compared as a whole.
    assert table.outline() == seed_outline()
    headings = [item.text for item in table.items if isinstance(item, HeadingItem)]
    assert headings == [SMOLENSK, DESNOGORSK, ROSLAVL]
    numbers = [row.texts[0] for row in table.rows]
    assert numbers == ["1.", "2.", "3.", "4.", "5.", "6."]
    # Spot checks a reader would make: the dates as written, the empty places.
    by_number = {row.texts[0]: row.texts for row in table.rows}
    assert by_number["3."][3] == "8\u201320 апреля"
    assert by_number["1."][3] == "5 июня"
    assert by_number["1."][2] == by_number["2."][2] == by_number["6."][2] == ""
    assert by_number["4."][2] == "г. Москва"


def test_pdf_title_header_and_page_numbers_in_russian(demo: Services, tmp_path: Path) -> None:
    report = report_of(demo, 2020, 2, "ru")
    path = write(report, tmp_path / "q2.pdf", "ru")
    pages = pdf_lines(path)
    title = squeeze(" ".join(line.text for line in pages[0] if line.size == 14))
    assert title == (
        "Отчет о мероприятиях, проведенных органами местного самоуправления Смоленской области "
        "в международной сфере во II квартале 2020 года"
    )
    table = table_of(report, path)
    assert len(table.headers) == len(pages) >= 2  # the six rows fill more than one page
    for header in table.headers:  # the column header on every page, as the seed has it
        assert header == tuple(SEED["columns"])
    assert table.rows[-1].pages == [len(pages) - 1]
    footers = [[line.text for line in page if line.size == 8] for page in pages]
    assert footers == [[f"страница {n} из {len(pages)}"] for n in range(1, len(pages) + 1)]


def test_pdf_in_english(demo: Services, tmp_path: Path) -> None:
    report = report_of(demo, 2020, 2, "en")
    path = write(report, tmp_path / "q2-en.pdf", "en")
    pages = pdf_lines(path)
    title = squeeze(" ".join(line.text for line in pages[0] if line.size == 14))
    assert title == (
        "Report on the international events held by the local self-government bodies of "
        "Smolensk Oblast in the 2nd quarter of 2020"
    )
    table = table_of(report, path)
    assert table.headers[0] == (
        "No.",
        "Name of the event",
        "Venue of the event",
        "Dates of the event",
        "Content of the event (including brief information on the agreements reached)",
        "Participants of the event (full name, position)",
    )
    assert [row.texts[3] for row in table.rows] == [
        "June 5",
        "June 23",
        "April 8\u201320",
        "May 30",
        "June 5",
        "June 23",
    ]
    # The records' own text stays as entered (Russian), row for row.
    assert [row.texts[1] for row in table.rows] == [
        squeeze(r["name"]) for g in SEED["groups"] for r in g["rows"]
    ]
    assert [line.text for line in pages[0] if line.size == 8] == [f"page 1 of {len(pages)}"]


def test_pdf_metadata(demo: Services, tmp_path: Path) -> None:
    report = report_of(demo, 2020, 2, "ru")
    meta = PdfReader(write(report, tmp_path / "q2.pdf", "ru")).metadata
    assert meta is not None
    assert meta.title == report.title == SEED["title"]
    assert meta.subject == "Квартальный отчёт о международных мероприятиях"
    assert meta.author == "mumidesk"


def test_pdf_fonts_are_embedded_liberation_subsets(demo: Services, tmp_path: Path) -> None:
    report = report_of(demo, 2020, 2, "ru")
    path = write(report, tmp_path / "q2.pdf", "ru")
    names = font_names(path)
    assert names, "no fonts found"
    for name in names:
        assert SUBSET_FONT.match(name), name
        assert not any(base in name for base in BASE_14), name
    assert all(fonts_embedded(path).values()), fonts_embedded(path)


# --- titles of every quarter ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quarter", "russian", "english"),
    [
        (1, "в I квартале 2020 года", "in the 1st quarter of 2020"),
        (2, "во II квартале 2020 года", "in the 2nd quarter of 2020"),
        (3, "в III квартале 2020 года", "in the 3rd quarter of 2020"),
        (4, "в IV квартале 2020 года", "in the 4th quarter of 2020"),
    ],
)
def test_title_names_region_in_genitive_and_quarter(
    demo: Services, quarter: int, russian: str, english: str
) -> None:
    assert report_of(demo, 2020, quarter, "ru").title == (
        "Отчет о мероприятиях, проведенных органами местного самоуправления Смоленской области "
        f"в международной сфере {russian}"
    )
    assert report_of(demo, 2020, quarter, "en").title == (
        "Report on the international events held by the local self-government bodies of "
        f"Smolensk Oblast {english}"
    )


# --- a report of many pages ------------------------------------------------------------------


def add_events(services: Services, heading: str, count: int) -> list[Event]:
    """``count`` events of the municipality whose Russian heading is ``heading``, in Q3 2020,
    some with long content so rows differ in height."""
    municipality = next(m for m in services.municipalities.all() if m.heading_ru == heading)
    created = []
    for i in range(count):
        day = dt.date(2020, 7, 1) + dt.timedelta(days=i % 90)
        created.append(
            services.events.create(
                Event(
                    name=f"Мероприятие № {i + 1:03d} «Дружба городов»",
                    municipality_id=municipality.id,
                    place="г. Смоленск" if i % 3 else "",
                    dates=FuzzyDate.day(day),
                    content=" ".join(["Обсуждение сотрудничества в сфере культуры."] * (1 + i % 7)),
                    participants=f"Иванов И.И., начальник отдела № {i + 1}" if i % 4 else "",
                )
            )
        )
    return created


def test_many_events_header_on_every_page_and_every_row(demo: Services, tmp_path: Path) -> None:
    add_events(demo, SMOLENSK, 45)
    add_events(demo, ROSLAVL, 15)
    report = report_of(demo, 2020, 3, "ru")
    assert report.row_count == 60
    path = write(report, tmp_path / "q3.pdf", "ru")
    pages = pdf_lines(path)
    assert len(pages) >= 4
    title = squeeze(" ".join(line.text for line in pages[0] if line.size == 14))
    assert title.endswith("Смоленской области в международной сфере в III квартале 2020 года")
    table = table_of(report, path)
    assert table.headers == [tuple(SEED["columns"])] * len(pages)
    expected: list[str | tuple[str, ...]] = []
    for group in report.groups:
        expected.append(group.heading)
        for r in group.rows:
            cells = (f"{r.number}.", r.name, r.place, r.dates, r.content, r.participants)
            expected.append(tuple(squeeze(c) for c in cells))
    assert table.outline() == expected
    assert [row.texts[0] for row in table.rows] == [f"{n}." for n in range(1, 61)]
    # Every page holds rows, and a heading is never the last thing on a page.
    pages_with_rows = {page for row in table.rows for page in row.pages}
    assert pages_with_rows == set(range(len(pages)))
    for index, item in enumerate(table.items):
        if isinstance(item, HeadingItem):
            following = table.items[index + 1]
            assert isinstance(following, RowItem)
            assert following.pages[0] == item.page
    footers = [[line.text for line in page if line.size == 8] for page in pages]
    assert footers == [[f"страница {n} из {len(pages)}"] for n in range(1, len(pages) + 1)]


def test_empty_period_prints_a_note(demo: Services, tmp_path: Path) -> None:
    report = report_of(demo, 2019, 1, "en")
    assert report.groups == ()
    path = write(report, tmp_path / "empty.pdf", "en")
    text = squeeze(" ".join(line.text for line in pdf_lines(path)[0]))
    assert "No events in this period." in text
    assert "in the 1st quarter of 2019" in text


def test_hostile_event_prints_literally_and_long_content_splits(
    demo: Services, tmp_path: Path
) -> None:
    hostile = "Встреча «A & B» <script>alert('x')</script> \"Ўладзімір\" і ї є ß ä é ç &amp;"
    content = " ".join(f"пункт{n}" for n in range(3000))[:19_999] + "."
    assert len(content) == 20_000
    municipality = next(m for m in demo.municipalities.all() if m.heading_ru == DESNOGORSK)
    demo.events.create(
        Event(
            name=hostile,
            municipality_id=municipality.id,
            dates=FuzzyDate.month(2020, 5),
            content=content,
        )
    )
    report = report_of(demo, 2020, 2, "ru")
    path = write(report, tmp_path / "hostile.pdf", "ru")
    table = table_of(report, path)
    row = next(row for row in table.rows if row.texts[1] == squeeze(hostile))
    # After 8–20 April, before 30 May; no place and no participants: empty cells; the month
    # alone as the date.
    assert row.texts == ("4.", squeeze(hostile), "", "май", squeeze(content), "")
    assert len(row.pages) >= 2  # taller than a page: split, not lost
    assert [r.texts[0] for r in table.rows] == [f"{n}." for n in range(1, 8)]
    assert table.headers == [tuple(SEED["columns"])] * len(table.headers)
