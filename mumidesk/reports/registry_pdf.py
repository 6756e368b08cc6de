"""The registry of agreements as a landscape A4 PDF: a dense table in the sans font."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from mumidesk.i18n import _
from mumidesk.reports.kit.document import PdfMeta, build_pdf, frame_size
from mumidesk.reports.kit.fonts import SANS
from mumidesk.reports.kit.paged_table import Column, GroupHeading, PagedTable, TableLook
from mumidesk.reports.kit.styles import styles
from mumidesk.reports.kit.text import escape
from mumidesk.reports.registry import Registry

# Column widths in mm; the subject (the longest text) takes what is left of the frame.
_WIDTHS_MM = (10, 30, 43, 43, None, 28, 28, 30)
_ALIGNS = ("CENTER", "LEFT", "LEFT", "LEFT", "LEFT", "LEFT", "LEFT", "LEFT")
TABLE_LOOK = TableLook(font=SANS, size=8, leading=10, padding=3)


def registry_columns(titles: tuple[str, ...]) -> list[Column]:
    frame_width, _height = frame_size(is_landscape=True)
    fixed = sum(w for w in _WIDTHS_MM if w is not None) * mm
    widths = [frame_width - fixed if w is None else w * mm for w in _WIDTHS_MM]
    return [Column(t, w, a) for t, w, a in zip(titles, widths, _ALIGNS, strict=True)]


def registry_story(registry: Registry) -> list[Flowable]:
    look = styles()
    story: list[Flowable] = [Paragraph(escape(registry.title), look.title)]
    if registry.subtitle:
        story.append(Paragraph(escape(registry.subtitle), look.subtitle))
    if registry.rows:
        rows: list[list[str] | GroupHeading] = [list(row.cells()) for row in registry.rows]
        story.append(PagedTable(registry_columns(registry.columns), rows, TABLE_LOOK))
    else:
        story.append(Paragraph(escape(_("No agreements match.")), look.body))
    return story


def write_registry_pdf(registry: Registry, target: Path | IO[bytes]) -> None:
    meta = PdfMeta(title=registry.title, subject=_("Registry of agreements"))
    build_pdf(target, registry_story(registry), meta, is_landscape=True)
