"""Page templates: A4 portrait or landscape, margins of Russian official documents, "page N of M"
at the foot of every page, PDF metadata, fonts embedded."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from mumidesk.i18n import _, current_language
from mumidesk.reports.kit.fonts import SANS, register_fonts

# GOST R 7.0.97-2016: left 20 mm (30 for bound documents), right 10, top and bottom 20.
MARGINS_PORTRAIT = (30 * mm, 10 * mm, 20 * mm, 20 * mm)  # left, right, top, bottom
MARGINS_LANDSCAPE = (20 * mm, 10 * mm, 15 * mm, 15 * mm)
FOOTER_SIZE = 8


@dataclass(frozen=True)
class PdfMeta:
    title: str
    subject: str = ""
    author: str = "mumidesk"
    keywords: str = ""


def page_size(is_landscape: bool) -> tuple[float, float]:
    return landscape(A4) if is_landscape else A4


def frame_size(is_landscape: bool) -> tuple[float, float]:
    """Width and height of the text frame (what a table may use)."""
    width, height = page_size(is_landscape)
    left, right, top, bottom = MARGINS_LANDSCAPE if is_landscape else MARGINS_PORTRAIT
    return width - left - right, height - top - bottom


class _NumberedCanvas(Canvas):
    """Holds the pages back until the end so each can say "page N of M"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_page_number(total)
            super().showPage()
        super().save()

    def _draw_page_number(self, total: int) -> None:
        width, _height = self._pagesize
        self.setFont(SANS, FOOTER_SIZE)
        text = _("page {page} of {total}").format(page=self._pageNumber, total=total)
        self.drawCentredString(width / 2, 8 * mm, text)


def build_pdf(
    target: Path | IO[bytes],
    story: Sequence[Flowable],
    meta: PdfMeta,
    *,
    is_landscape: bool = False,
    on_page: Callable[[Canvas], None] | None = None,
) -> None:
    """``on_page`` draws on every page before its text (a "DRAFT" mark under the text)."""
    register_fonts()
    left, right, top, bottom = MARGINS_LANDSCAPE if is_landscape else MARGINS_PORTRAIT
    size = page_size(is_landscape)
    doc = BaseDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=size,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        keywords=meta.keywords,
        creator="mumidesk",
        lang=current_language(),
        initialFontName=SANS,  # else every page opens with an (unused) Helvetica resource
        initialFontSize=FOOTER_SIZE,
    )
    frame = Frame(left, bottom, size[0] - left - right, size[1] - top - bottom, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
    template = PageTemplate(id="page", frames=[frame])
    if on_page is not None:
        template.onPage = lambda canvas, _doc: on_page(canvas)
    doc.addPageTemplates([template])
    doc.build(list(story), canvasmaker=_NumberedCanvas)
