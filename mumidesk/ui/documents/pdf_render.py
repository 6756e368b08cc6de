"""PDF pages as QImages, drawn by PDFium (pypdfium2): the preview and the printer share this.

PDFium is not thread-safe; every call here happens on the GUI thread.
"""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
from PySide6.QtGui import QImage

POINTS_PER_INCH = 72.0
MAX_PIXELS = 12_000  # on the longer side: a page's image stays under ~0.6 GB of RGBX at worst


class PdfPages:
    """An opened PDF: its page count, each page's size in points, and pages as images."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._pdf = pdfium.PdfDocument(data)
        self.sizes: list[tuple[float, float]] = [
            self._pdf.get_page_size(i) for i in range(len(self._pdf))
        ]

    def __len__(self) -> int:
        return len(self.sizes)

    def is_landscape(self, index: int) -> bool:
        width, height = self.sizes[index]
        return width > height

    def image(self, index: int, scale: float) -> QImage:
        """Page ``index`` (from 0) at ``scale`` pixels per point, on white."""
        width, height = self.sizes[index]
        longest = max(width, height) * scale
        if longest > MAX_PIXELS:
            scale *= MAX_PIXELS / longest
        page = self._pdf[index]
        try:
            bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
            try:
                raw = ctypes.string_at(bitmap.buffer, bitmap.stride * bitmap.height)
                image = QImage(
                    raw, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888
                )
                return image.copy()  # own the pixels: ``raw`` and the bitmap go away
            finally:
                bitmap.close()
        finally:
            page.close()

    def close(self) -> None:
        self._pdf.close()
