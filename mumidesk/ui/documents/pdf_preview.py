"""The preview of a generated PDF: its pages one under another, scaled to the width or zoomed,
drawn only when they come into view (a 60-page registry opens at once)."""

from __future__ import annotations

from typing import Any

from babel.numbers import format_percent
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mumidesk.i18n import _, current_locale, ngettext
from mumidesk.ui.documents.pdf_render import POINTS_PER_INCH, PdfPages

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
PAGE_GAP = 12  # pixels between pages and around them
KEEP_SCREENS = 3  # pages further than this many screen heights away give their pixels back
_PAGE_STYLE = "background: white; border: 1px solid #b0b0b0;"
_BACKGROUND_STYLE = "background: #e4e4e4;"


class PdfPreview(QWidget):
    """``set_pdf(data)`` shows a document; ``zoom_in``/``zoom_out``/``fit_width`` change the scale
    (1.0 is the page's real size on the screen)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._pages: PdfPages | None = None
        # What is open when the widget goes away is closed with it (PDFium holds the bytes).
        still_open: list[PdfPages] = []
        self._still_open = still_open
        self.destroyed.connect(lambda *_args: _close_all(still_open))
        self._labels: list[QLabel] = []
        self._drawn: dict[int, float] = {}  # page → the scale its pixels were drawn at
        self._zoom = 1.0
        self._fit = True
        self._update_timer = QTimer(self)
        self._update_timer.setSingleShot(True)
        self._update_timer.setInterval(0)
        self._update_timer.timeout.connect(self._draw_visible)

        self.zoom_out_button = self._tool("−", _("Zoom out"), self.zoom_out)
        self.zoom_in_button = self._tool("+", _("Zoom in"), self.zoom_in)
        self.fit_button = self._tool(
            _("Fit width"), _("Scale the pages to the width"), self.fit_width
        )
        self.fit_button.setCheckable(True)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages_label = QLabel()
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_button)
        bar.addStretch(1)
        bar.addWidget(self.pages_label)

        self._column = QWidget()
        self._column.setStyleSheet(_BACKGROUND_STYLE)
        self._column_layout = QVBoxLayout(self._column)
        self._column_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self._column_layout.setSpacing(PAGE_GAP)
        self._column_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self._column)
        self.scroll_area.setStyleSheet(_BACKGROUND_STYLE)
        self.scroll_area.verticalScrollBar().valueChanged.connect(self._schedule)
        self.scroll_area.horizontalScrollBar().valueChanged.connect(self._schedule)

        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setMargin(24)
        self.message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.scroll_area)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.clear(_("Choose a document and press Generate; its pages appear here."))

    # --- what is shown ---------------------------------------------------------------------

    def set_pdf(self, data: bytes) -> None:
        self._close_pages()
        self._pages = PdfPages(data)
        self._still_open.append(self._pages)
        for _index in range(len(self._pages)):
            label = QLabel()
            label.setStyleSheet(_PAGE_STYLE)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._column_layout.addWidget(label)
            self._labels.append(label)
        self.stack.setCurrentWidget(self.scroll_area)
        self.scroll_area.verticalScrollBar().setValue(0)
        self._relayout()
        self._show_state()

    def clear(self, message: str = "") -> None:
        """No document; ``message`` (a hint or what went wrong) in its place."""
        self._close_pages()
        self.message.setText(message)
        self.stack.setCurrentWidget(self.message)
        self._show_state()

    def page_count(self) -> int:
        return len(self._pages) if self._pages is not None else 0

    def drawn_pages(self) -> list[int]:
        """The pages whose pixels are drawn now (those in or near the view)."""
        return sorted(self._drawn)

    def page_image(self, index: int) -> QPixmap:
        return self._labels[index].pixmap()

    # --- zoom ------------------------------------------------------------------------------

    def zoom(self) -> float:
        return self._zoom

    def is_fit_width(self) -> bool:
        return self._fit

    def zoom_in(self) -> None:
        bigger = [z for z in ZOOM_STEPS if z > self._zoom + 0.001]
        self._set_zoom(bigger[0] if bigger else ZOOM_STEPS[-1])

    def zoom_out(self) -> None:
        smaller = [z for z in ZOOM_STEPS if z < self._zoom - 0.001]
        self._set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    def fit_width(self) -> None:
        self._fit = True
        self._relayout()
        self._show_state()

    def _set_zoom(self, zoom: float) -> None:
        self._fit = False
        self._zoom = zoom
        self._relayout()
        self._show_state()

    # --- layout and drawing ----------------------------------------------------------------

    def _pixels_per_point(self) -> float:
        return self._zoom * self.logicalDpiX() / POINTS_PER_INCH

    def _fitting_zoom(self) -> float:
        assert self._pages is not None
        widest = max((w for w, _h in self._pages.sizes), default=1.0)
        # The scroll bar's room is always kept: its coming and going must not change the scale.
        bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        frame = 2 * self.scroll_area.frameWidth()
        room = self.scroll_area.width() - frame - bar - 2 * PAGE_GAP - 2
        screen = self.logicalDpiX() / POINTS_PER_INCH
        return max(room / (widest * screen), ZOOM_STEPS[0] / 2)

    def _relayout(self) -> None:
        if self._pages is None:
            return
        if self._fit:
            self._zoom = self._fitting_zoom()
        scale = self._pixels_per_point()
        for index, label in enumerate(self._labels):
            width, height = self._pages.sizes[index]
            label.setFixedSize(round(width * scale), round(height * scale))
        self._drawn = {i: s for i, s in self._drawn.items() if abs(s - scale) < 1e-6}
        self._schedule()

    def _schedule(self, *_args: object) -> None:
        self._update_timer.start()

    def _draw_visible(self) -> None:
        if self._pages is None:
            return
        self._column_layout.activate()  # the pages' places, before asking which are in view
        scale = self._pixels_per_point()
        ratio = self.devicePixelRatioF()
        viewport = self.scroll_area.viewport()
        top = self.scroll_area.verticalScrollBar().value()
        left = self.scroll_area.horizontalScrollBar().value()
        visible = QRect(left, top, viewport.width(), viewport.height())
        ahead = visible.adjusted(0, -viewport.height(), 0, viewport.height())  # one screen more
        keep = visible.adjusted(
            0, -KEEP_SCREENS * viewport.height(), 0, KEEP_SCREENS * viewport.height()
        )
        for index, label in enumerate(self._labels):
            area = label.geometry()
            if area.intersects(ahead):
                if self._drawn.get(index) != scale:
                    image = self._pages.image(index, scale * ratio)
                    pixmap = QPixmap.fromImage(image)
                    pixmap.setDevicePixelRatio(ratio)
                    label.setPixmap(pixmap)
                    self._drawn[index] = scale
            elif index in self._drawn and not area.intersects(keep):
                label.clear()
                del self._drawn[index]

    def _show_state(self) -> None:
        count = self.page_count()
        has_pages = count > 0
        self.pages_label.setText(
            ngettext("{n} page", "{n} pages", count).format(n=count) if has_pages else ""
        )
        self.zoom_label.setText(
            format_percent(self._zoom, locale=current_locale()) if has_pages else ""
        )
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            button.setEnabled(has_pages)
        self.fit_button.setChecked(self._fit)

    def _close_pages(self) -> None:
        for label in self._labels:
            self._column_layout.removeWidget(label)
            label.deleteLater()
        self._labels = []
        self._drawn = {}
        if self._pages is not None:
            self._still_open.remove(self._pages)
            self._pages.close()
            self._pages = None

    def _tool(self, text: str, tip: str, slot: Any) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit:
            self._relayout()
            self._show_state()
        else:
            self._schedule()


def _close_all(documents: list[PdfPages]) -> None:
    for document in documents:
        document.close()
    documents.clear()
