"""Reading a PDF back for the report tests: its text lines with their position and font, and a
paged table rebuilt cell by cell.

``page.extract_text()`` interleaves the lines of wrapped cells across columns, so the table is
rebuilt from coordinates (pypdf's ``visitor_text``): a line belongs to the column its left edge
falls in; a bold line centred on the table is a group heading, any other bold line is the
column header; a regular line in the first column (the row number) starts a row, and every
other line belongs to the last row started — also on the next page, where a split row goes on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from reportlab.pdfbase.pdfmetrics import stringWidth

from mumidesk.reports.kit.fonts import bold, register_fonts
from mumidesk.reports.kit.paged_table import Column, TableLook

_SPACES = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Whitespace as one plain space: a PDF keeps no line breaks of a wrapped cell, and draws
    a no-break space as a space."""
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True)
class Line:
    page: int  # from 0
    x: float  # of the line's start, points from the page's left edge
    y: float  # of its baseline, points from the page's foot
    font: str  # BaseFont without the subset tag: "LiberationSerif-Bold"
    size: float
    text: str

    @property
    def is_bold(self) -> bool:
        return "Bold" in self.font


def pdf_lines(path: Path) -> list[list[Line]]:
    """Every page's text lines in drawing order."""
    pages: list[list[Line]] = []
    for number, page in enumerate(PdfReader(path).pages):
        found: list[Line] = []

        def visit(
            text: str,
            cm: Sequence[float],
            tm: Sequence[float],
            font: dict[str, Any] | None,
            size: float,
            number: int = number,
            found: list[Line] = found,
        ) -> None:
            text = text.strip()  # pypdf may add a space before a line it reached by T*
            if not text:
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            name = str((font or {}).get("/BaseFont", "")).lstrip("/").split("+")[-1]
            # One line written in pieces (a font subset switch) comes as pieces at one place.
            if found and (found[-1].x, found[-1].y, found[-1].font) == (x, y, name):
                last = found.pop()
                text = last.text + text
            found.append(Line(number, x, y, name, size, text))

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


def page_texts(path: Path) -> list[str]:
    """Each page's lines joined by one space."""
    return [squeeze(" ".join(line.text for line in page)) for page in pdf_lines(path)]


@dataclass
class HeadingItem:
    text: str
    page: int


@dataclass
class RowItem:
    cells: list[list[str]]  # lines per column
    pages: list[int] = field(default_factory=list)  # where its lines are

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(squeeze(" ".join(lines)) for lines in self.cells)


@dataclass
class TableText:
    headers: list[tuple[str, ...]]  # per page with table lines: the header's text per column
    items: list[HeadingItem | RowItem]

    @property
    def rows(self) -> list[RowItem]:
        return [item for item in self.items if isinstance(item, RowItem)]

    def outline(self) -> list[str | tuple[str, ...]]:
        """Headings as strings and rows as tuples of cell texts, in order."""
        return [item.text if isinstance(item, HeadingItem) else item.texts for item in self.items]


def read_table(
    path: Path, columns: Sequence[Column], look: TableLook, left: float, bottom: float
) -> TableText:
    """The paged table of the PDF at ``path``, drawn with ``columns`` and ``look`` from ``left``
    (points); lines below ``bottom`` (the page foot: page numbers) and in other sizes (titles)
    are not the table's."""
    register_fonts()  # to measure a heading's width
    edges = [left]
    for column in columns:
        edges.append(edges[-1] + column.width)
    middle = (edges[0] + edges[-1]) / 2
    headers: list[tuple[str, ...]] = []
    items: list[HeadingItem | RowItem] = []
    previous_heading_y: float | None = None
    for page_lines in pdf_lines(path):
        mine = [
            line
            for line in page_lines
            if abs(line.size - look.size) < 0.01 and line.y >= bottom and edges[0] <= line.x
        ]
        if not mine:
            continue
        header: list[list[str]] = [[] for _ in columns]
        # Top to bottom; on one baseline from left to right.
        for line in sorted(mine, key=lambda ln: (-round(ln.y, 1), ln.x)):
            index = max(i for i, edge in enumerate(edges[:-1]) if edge <= line.x + 0.01)
            if line.is_bold:
                width = stringWidth(line.text, bold(look.font), look.size)
                if abs(line.x + width / 2 - middle) < 1.0:  # centred on the table: a heading
                    last = items[-1] if items else None
                    if (
                        isinstance(last, HeadingItem)
                        and previous_heading_y is not None
                        and abs(previous_heading_y - look.leading - line.y) < 0.5
                    ):
                        last.text = squeeze(f"{last.text} {line.text}")  # a wrapped heading
                    else:
                        items.append(HeadingItem(squeeze(line.text), line.page))
                    previous_heading_y = line.y
                else:
                    header[index].append(line.text)
                continue
            if index == 0:
                items.append(RowItem([[] for _ in columns]))
            row = items[-1] if items else None
            if not isinstance(row, RowItem):
                raise AssertionError(f"a line outside any row: {line}")
            row.cells[index].append(line.text)
            if line.page not in row.pages:
                row.pages.append(line.page)
        headers.append(tuple(squeeze(" ".join(lines)) for lines in header))
    return TableText(headers, items)


def _fonts(path: Path) -> list[DictionaryObject]:
    """The font dictionaries of every page's resources."""
    found: list[DictionaryObject] = []
    for page in PdfReader(path).pages:
        resources = cast(DictionaryObject, page["/Resources"].get_object())
        fonts = cast(DictionaryObject, resources.get("/Font", DictionaryObject()).get_object())
        found += [cast(DictionaryObject, ref.get_object()) for ref in fonts.values()]
    return found


def font_names(path: Path) -> set[str]:
    """The BaseFont of every font any page uses (with its subset tag)."""
    return {str(font["/BaseFont"]) for font in _fonts(path)}


def fonts_embedded(path: Path) -> dict[str, bool]:
    """For every font used: is its program in the file (FontFile, FontFile2 or FontFile3)?"""
    embedded: dict[str, bool] = {}
    for font in _fonts(path):
        descriptors: list[DictionaryObject] = []
        if "/FontDescriptor" in font:
            descriptors.append(cast(DictionaryObject, font["/FontDescriptor"].get_object()))
        for child in font.get("/DescendantFonts", []):  # Type0 fonts
            descriptor = child.get_object()["/FontDescriptor"].get_object()
            descriptors.append(cast(DictionaryObject, descriptor))
        embedded[str(font["/BaseFont"])] = bool(descriptors) and all(
            any(key in d for key in ("/FontFile", "/FontFile2", "/FontFile3")) for d in descriptors
        )
    return embedded
