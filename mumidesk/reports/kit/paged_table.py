"""A long table cut into page-sized ReportLab tables.

One huge ``Table`` grows worse than linearly (STACK-NOTES), so this flowable measures its rows
itself (cells are pre-wrapped plain strings, drawn literally — no markup to escape), fills each
page with one small table, repeats the column header on every page, keeps a group heading with
the row under it, and splits a row taller than the space left line by line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, Table, TableStyle

from mumidesk.reports.kit.fonts import SANS, bold
from mumidesk.reports.kit.text import wrap_text

GRID_WIDTH = 0.5
HEADER_BACKGROUND = colors.Color(0.92, 0.92, 0.92)
GROUP_BACKGROUND = colors.Color(0.96, 0.96, 0.96)


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # points
    align: str = "LEFT"  # LEFT, CENTER, RIGHT


@dataclass(frozen=True)
class GroupHeading:
    """A row spanning every column: the municipality a block of rows belongs to."""

    text: str


@dataclass(frozen=True)
class TableLook:
    font: str = SANS
    size: float = 8
    leading: float = 10
    padding: float = 3


@dataclass(frozen=True)
class _Row:
    lines: tuple[tuple[str, ...], ...]  # per cell; a group row has one cell
    is_group: bool

    def height(self, look: TableLook) -> float:
        return max(len(cell) for cell in self.lines) * look.leading + 2 * look.padding

    def split(self, line_count: int) -> tuple[_Row, _Row]:
        first = tuple(cell[:line_count] for cell in self.lines)
        rest = tuple(cell[line_count:] for cell in self.lines)
        return replace(self, lines=first), replace(self, lines=rest)


class PagedTable(Flowable):
    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str] | GroupHeading],
        look: TableLook | None = None,
        *,
        _prepared: tuple[list[_Row], _Row] | None = None,
    ) -> None:
        super().__init__()
        self.columns = list(columns)
        self.look = look or TableLook()
        if _prepared is not None:
            self._rows, self._header = _prepared
        else:
            self._header = self._prepare_header()
            self._rows = [self._prepare(row) for row in rows]
        self.width = sum(c.width for c in self.columns)
        self.height = 0.0

    # --- measuring ---------------------------------------------------------------------------
    def _cell_width(self, column: Column) -> float:
        return column.width - 2 * self.look.padding

    def _prepare_header(self) -> _Row:
        font = bold(self.look.font)
        cells = tuple(
            tuple(wrap_text(c.title, font, self.look.size, self._cell_width(c)))
            for c in self.columns
        )
        return _Row(cells, is_group=False)

    def _prepare(self, row: Sequence[str] | GroupHeading) -> _Row:
        look = self.look
        if isinstance(row, GroupHeading):
            lines = wrap_text(row.text, bold(look.font), look.size, self.width_inner())
            return _Row((tuple(lines),), is_group=True)
        if len(row) != len(self.columns):
            raise ValueError(f"a row has {len(row)} cells for {len(self.columns)} columns")
        return _Row(
            tuple(
                tuple(wrap_text(text or "", look.font, look.size, self._cell_width(column)))
                for text, column in zip(row, self.columns, strict=True)
            ),
            is_group=False,
        )

    def width_inner(self) -> float:
        return sum(c.width for c in self.columns) - 2 * self.look.padding

    # --- Flowable protocol -------------------------------------------------------------------
    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        look = self.look
        self.height = self._header.height(look) + sum(r.height(look) for r in self._rows)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        look = self.look
        space = available_height - self._header.height(look)
        one_line = look.leading + 2 * look.padding
        if space < one_line or not self._rows:
            return []  # not even one line under the header: start on the next page
        taken: list[_Row] = []
        used = 0.0
        rest = list(self._rows)
        while rest and used + rest[0].height(look) <= space:
            used += rest[0].height(look)
            taken.append(rest.pop(0))
        if not rest:
            return [self]
        # A row that does not fit goes whole to the next page, unless it would not fit on an
        # empty page either: then it is cut between lines and begins here.
        next_row = rest[0]
        lines_fit = int((space - used - 2 * look.padding) // look.leading)
        if (
            lines_fit >= 1
            and not next_row.is_group
            and next_row.height(look) > self._page_space(available_height)
        ):
            head, tail = next_row.split(lines_fit)
            taken.append(head)
            rest[0] = tail
        # A group heading never stays alone at the foot of a page.
        while taken and taken[-1].is_group:
            rest.insert(0, taken.pop())
        if not taken:
            return []
        return [self._sibling(taken), self._sibling(rest)]

    def _page_space(self, available_height: float) -> float:
        """The room for rows under the header on an empty page of the frame being filled."""
        frame = getattr(self, "_frame", None)  # set by platypus before wrap and split
        height = available_height
        if frame is not None:
            height = frame._height - frame._topPadding - frame._bottomPadding
        return height - self._header.height(self.look)

    def _sibling(self, rows: list[_Row]) -> PagedTable:
        return PagedTable(self.columns, [], self.look, _prepared=(rows, self._header))

    def draw(self) -> None:
        table = self._as_table(self._rows)
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)

    # --- drawing -------------------------------------------------------------------------------
    def _as_table(self, rows: list[_Row]) -> Table:
        look = self.look
        data: list[list[str]] = [["\n".join(cell) for cell in self._header.lines]]
        heights = [self._header.height(look)]
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), look.font, look.size, look.leading),
            ("FONT", (0, 0), (-1, 0), bold(look.font), look.size, look.leading),
            ("GRID", (0, 0), (-1, -1), GRID_WIDTH, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("ALIGN", (0, 0), (-1, 0), "CENTER"),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
            ("LEFTPADDING", (0, 0), (-1, -1), look.padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), look.padding),
            ("TOPPADDING", (0, 0), (-1, -1), look.padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), look.padding),
        ]
        for index, column in enumerate(self.columns):
            if column.align != "LEFT":
                commands.append(("ALIGN", (index, 1), (index, -1), column.align))
        for number, row in enumerate(rows, start=1):
            heights.append(row.height(look))
            if row.is_group:
                data.append(["\n".join(row.lines[0])] + [""] * (len(self.columns) - 1))
                commands += [
                    ("SPAN", (0, number), (-1, number)),
                    ("FONT", (0, number), (-1, number), bold(look.font), look.size, look.leading),
                    ("ALIGN", (0, number), (-1, number), "CENTER"),
                    ("BACKGROUND", (0, number), (-1, number), GROUP_BACKGROUND),
                ]
            else:
                data.append(["\n".join(cell) for cell in row.lines])
        return Table(
            data,
            colWidths=[c.width for c in self.columns],
            rowHeights=heights,
            style=TableStyle(commands),
        )
