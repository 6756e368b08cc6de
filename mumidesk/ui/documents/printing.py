"""Printing a generated PDF: the print dialog, then each page drawn by PDFium at the printer's
resolution onto the printer's page, turned to the page's own orientation (the quarterly report
is landscape, the draft portrait)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from mumidesk.domain.errors import DomainError
from mumidesk.i18n import _
from mumidesk.ui.documents.pdf_render import POINTS_PER_INCH, PdfPages

# Asks where and how to print: a ready printer, or None when the person cancelled.
PrintDialog = Callable[[QWidget, int], QPrinter | None]

MAX_DPI = 600  # more than this only costs memory: a page image is drawn whole


class PrintError(DomainError):
    """The printer could not be used."""


def ask_printer(parent: QWidget, page_count: int) -> QPrinter | None:
    """The system's print dialog, with the page range of the document."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print the document"))
    dialog.setMinMax(1, max(page_count, 1))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def pages_to_print(printer: QPrinter, page_count: int) -> list[int]:
    """The pages (from 0) the printer's range asks for; all of them when none is set."""
    first, last = 1, page_count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(printer.fromPage(), 1)
        last = min(printer.toPage() or page_count, page_count)
    return list(range(first - 1, last))


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Print the PDF ``data``; returns the number of pages sent."""
    pages = PdfPages(data)
    try:
        wanted = pages_to_print(printer, len(pages))
        if not wanted:
            return 0
        _orient(printer, pages, wanted[0])
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(_("The printer could not be started; check it and try again."))
        try:
            for number, index in enumerate(wanted):
                if number:
                    _orient(printer, pages, index)
                    if not printer.newPage():
                        raise PrintError(_("The printer refused the next page."))
                _draw_page(painter, printer, pages, index)
        finally:
            painter.end()
        return len(wanted)
    finally:
        pages.close()


def _orient(printer: QPrinter, pages: PdfPages, index: int) -> None:
    orientation = (
        QPageLayout.Orientation.Landscape
        if pages.is_landscape(index)
        else QPageLayout.Orientation.Portrait
    )
    printer.setPageOrientation(orientation)


def _draw_page(painter: QPainter, printer: QPrinter, pages: PdfPages, index: int) -> None:
    """The page as large as the printable area allows (never larger than its real size),
    centred on it."""
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    width_pt, height_pt = pages.sizes[index]
    dots_per_point = printer.resolution() / POINTS_PER_INCH
    scale = min(dots_per_point, area.width() / width_pt, area.height() / height_pt)
    target_width, target_height = width_pt * scale, height_pt * scale
    render_scale = min(printer.resolution(), MAX_DPI) / POINTS_PER_INCH
    image = pages.image(index, min(render_scale, scale))
    # The painter's origin is the printable area's corner.
    left = (area.width() - target_width) / 2
    top = (area.height() - target_height) / 2
    painter.drawImage(QRectF(left, top, target_width, target_height), image)
