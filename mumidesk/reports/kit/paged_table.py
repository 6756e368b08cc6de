"""A long table cut into pages.

One huge platypus ``Table`` grows worse than linearly (STACK-NOTES), so this flowable measures
its rows itself (cells are pre-wrapped plain strings, drawn literally — no markup to escape),
fills each page with the rows that fit, repeats the column header on every page, keeps a group
heading with the row under it, and splits a row taller than a page line by line. Each page's
piece is drawn straight on the canvas (grid, backgrounds, one text object): measuring and
drawing stay linear in the number of rows.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from mumidesk.reports.kit.fonts import SANS, bold, register_fonts
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
    line_count: int = field(init=False, compare=False)  # of the tallest cell

    def __post_init__(self) -> None:
        object.__setattr__(self, "line_count", max(len(cell) for cell in self.lines))

    def height(self, look: TableLook) -> float:
        return self.line_count * look.leading + 2 * look.padding

    def split(self, line_count: int) -> tuple[_Row, _Row]:
        first = tuple(cell[:line_count] for cell in self.lines)
        rest = tuple(cell[line_count:] for cell in self.lines)
        return replace(self, lines=first), replace(self, lines=rest)


@dataclass(frozen=True)
class _Rows:
    """The rows of one piece of the table without copying the whole list for every page: a
    few loose rows (a split row's rest, a heading carried over), then ``shared[start:stop]``.
    ``tops[i]`` is the height of ``shared[:i]``, so a piece knows its height at once and a page
    finds its last row by bisection — measuring stays linear in the rows, not rows × pages."""

    loose: tuple[_Row, ...]
    shared: tuple[_Row, ...]
    tops: tuple[float, ...]
    start: int
    stop: int

    @classmethod
    def of(cls, rows: Sequence[_Row], look: TableLook) -> _Rows:
        shared = tuple(rows)
        tops = tuple(accumulate((r.height(look) for r in shared), initial=0.0))
        return cls((), shared, tops, 0, len(shared))

    def height(self, look: TableLook) -> float:
        loose = sum(r.height(look) for r in self.loose)
        return loose + self.tops[self.stop] - self.tops[self.start]

    def is_empty(self) -> bool:
        return not self.loose and self.start >= self.stop

    def all(self) -> list[_Row]:
        return [*self.loose, *self.shared[self.start : self.stop]]

    def head(self, space: float, look: TableLook) -> tuple[list[_Row], int]:
        """The rows that may go into ``space`` plus the first that does not fit, and the
        index in ``shared`` where the remainder continues."""
        left = space - sum(r.height(look) for r in self.loose)
        end = bisect_right(self.tops, self.tops[self.start] + left, self.start, self.stop + 1)
        end = min(max(end, self.start + 1), self.stop)
        return [*self.loose, *self.shared[self.start : end]], end

    def rest(self, loose: Sequence[_Row], start: int) -> _Rows:
        return replace(self, loose=tuple(loose), start=start)


class PagedTable(Flowable):
    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str] | GroupHeading],
        look: TableLook | None = None,
        *,
        _prepared: tuple[_Rows, _Row] | None = None,
    ) -> None:
        super().__init__()
        self.columns = list(columns)
        self.look = look or TableLook()
        if _prepared is not None:
            self._rows, self._header = _prepared
        else:
            register_fonts()  # measuring needs them, also before any style was asked for
            self._header = self._prepare_header()
            self._rows = _Rows.of([self._prepare(row) for row in rows], self.look)
        self._rows_height = self._rows.height(self.look)
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
        self.height = self._header.height(self.look) + self._rows_height
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        look = self.look
        space = available_height - self._header.height(look)
        one_line = look.leading + 2 * look.padding
        if space < one_line or self._rows.is_empty():
            return []  # not even one line under the header: start on the next page
        if self._rows_height <= space:
            return [self]
        # Only the rows around this page are looked at; the rest stay in the shared list.
        candidates, continue_at = self._rows.head(space, look)
        taken: list[_Row] = []
        used = 0.0
        index = 0
        while index < len(candidates) and used + candidates[index].height(look) <= space:
            used += candidates[index].height(look)
            taken.append(candidates[index])
            index += 1
        rest = candidates[index:]  # empty if the next page starts in the shared list
        # A row that does not fit goes whole to the next page, unless it would not fit on an
        # empty page either: then it is cut between lines and begins here.
        lines_fit = int((space - used - 2 * look.padding) // look.leading)
        if (
            rest
            and lines_fit >= 1
            and not rest[0].is_group
            and rest[0].height(look) > self._page_space(available_height)
        ):
            head, tail = rest[0].split(lines_fit)
            taken.append(head)
            rest[0] = tail
        # A group heading never stays alone at the foot of a page.
        while taken and taken[-1].is_group:
            rest.insert(0, taken.pop())
        if not taken:
            return []
        return [self._sibling(taken), self._sibling_from(rest, continue_at)]

    def _page_space(self, available_height: float) -> float:
        """The room for rows under the header on an empty page of the frame being filled."""
        frame = getattr(self, "_frame", None)  # set by platypus before wrap and split
        height = available_height
        if frame is not None:
            height = frame._height - frame._topPadding - frame._bottomPadding
        return height - self._header.height(self.look)

    def _sibling(self, rows: list[_Row]) -> PagedTable:
        """A piece holding just ``rows`` (one page's worth)."""
        return self._sibling_from(rows, self._rows.stop)

    def _sibling_from(self, loose: list[_Row], start: int) -> PagedTable:
        """A piece of ``loose`` rows followed by the shared rows from ``start`` on."""
        rows = self._rows.rest(loose, start)
        return PagedTable(self.columns, [], self.look, _prepared=(rows, self._header))

    def draw(self) -> None:
        """Backgrounds, text and grid straight on the canvas. A platypus ``Table`` per page
        drew the same lines about 20 µs each (cell styles, one text object per string) — most
        of a 10,000-row report's time; this draws each page with one text object."""
        look = self.look
        canv = self.canv
        rows = [self._header, *self._rows.all()]
        bottoms: list[float] = []  # of each row, the header first
        top = self.height
        for row in rows:
            top -= row.height(look)
            bottoms.append(top)
        edges = list(accumulate((c.width for c in self.columns), initial=0.0))
        canv.saveState()
        self._draw_backgrounds(rows, bottoms)
        self._draw_text(rows, bottoms, edges)
        self._draw_grid(rows, bottoms, edges)
        canv.restoreState()

    # --- drawing -------------------------------------------------------------------------------
    def _draw_backgrounds(self, rows: list[_Row], bottoms: list[float]) -> None:
        canv = self.canv
        for index, (row, bottom) in enumerate(zip(rows, bottoms, strict=True)):
            if index == 0 or row.is_group:
                canv.setFillColor(HEADER_BACKGROUND if index == 0 else GROUP_BACKGROUND)
                canv.rect(0, bottom, self.width, row.height(self.look), stroke=0, fill=1)

    def _draw_text(self, rows: list[_Row], bottoms: list[float], edges: list[float]) -> None:
        look = self.look
        canv = self.canv
        regular, heavy = look.font, bold(look.font)
        canv.setFillColor(colors.black)
        text = canv.beginText()
        current = ""
        for index, (row, bottom) in enumerate(zip(rows, bottoms, strict=True)):
            font = heavy if index == 0 or row.is_group else regular
            if font != current:
                text.setFont(font, look.size, look.leading)
                current = font
            height = row.height(look)
            if row.is_group:  # one cell across the table, centred
                cells = [(row.lines[0], 0.0, self.width, "CENTER")]
            else:
                cells = [
                    (lines, edges[i], column.width, "CENTER" if index == 0 else column.align)
                    for i, (lines, column) in enumerate(zip(row.lines, self.columns, strict=True))
                ]
            for lines, left, width, align in cells:
                if index == 0:  # the header is centred vertically, as a Table's MIDDLE
                    y = bottom + (height + len(lines) * look.leading) / 2 - look.size
                else:
                    y = bottom + height - look.padding - look.size
                if align == "LEFT":  # one origin per cell; textLine steps down by the leading
                    text.setTextOrigin(left + look.padding, y)
                    for line in lines:
                        text.textLine(line)
                    continue
                for line in lines:
                    if line:
                        text.setTextOrigin(self._line_x(line, font, left, width, align), y)
                        text.textLine(line)
                    y -= look.leading
        canv.drawText(text)

    def _line_x(self, line: str, font: str, left: float, width: float, align: str) -> float:
        look = self.look
        line_width = stringWidth(line, font, look.size)
        if align == "RIGHT":
            return left + width - look.padding - line_width
        return left + (width - line_width) / 2  # CENTER

    def _draw_grid(self, rows: list[_Row], bottoms: list[float], edges: list[float]) -> None:
        canv = self.canv
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(GRID_WIDTH)
        canv.setLineCap(1)  # round, as a Table's GRID
        lines = [(0.0, self.height, self.width, self.height)]
        lines += [(0.0, bottom, self.width, bottom) for bottom in bottoms]
        lines += [(0.0, 0.0, 0.0, self.height), (self.width, 0.0, self.width, self.height)]
        # Inner vertical lines stop at a group heading, which spans every column.
        top = self.height
        run_top = top
        for row, bottom in zip(rows, bottoms, strict=True):
            if row.is_group:
                if run_top > top:
                    lines += [(x, top, x, run_top) for x in edges[1:-1]]
                run_top = bottom
            top = bottom
        if run_top > top:
            lines += [(x, top, x, run_top) for x in edges[1:-1]]
        canv.lines(lines)
