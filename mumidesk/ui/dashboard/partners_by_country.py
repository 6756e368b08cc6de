"""Partners by country: the ten biggest as horizontal bars, drawn with QPainter (no chart
library), country names in the user's language (Babel, via the statistics service)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from mumidesk.i18n import _, ngettext
from mumidesk.services.statistics import CountryCount
from mumidesk.ui.dashboard.texts import number

TOP = 10
BAR_COLOUR = "#4f7fbf"
TRACK_COLOUR = "#e9eef5"


class CountryBars(QWidget):
    def __init__(self, parent: Any = None, top: int = TOP) -> None:
        super().__init__(parent)
        self.top = top
        self.rows: list[tuple[str, int]] = []  # (name, count), biggest first
        self.others = 0  # countries beyond the top
        self.others_partners = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_counts(self, counts: Sequence[CountryCount]) -> None:
        """``counts`` as the statistics service gives them: most partners first."""
        self.rows = [(c.name, c.count) for c in counts[: self.top]]
        rest = counts[self.top :]
        self.others = len(rest)
        self.others_partners = sum(c.count for c in rest)
        self.setToolTip(
            "\n".join(f"{name}: {number(count)}" for name, count in self.rows) if self.rows else ""
        )
        self.updateGeometry()
        self.update()

    def footer(self) -> str:
        if not self.rows:
            return _("No partners yet.")
        if not self.others:
            return ""
        return ngettext("and {n} more country", "and {n} more countries", self.others).format(
            n=number(self.others)
        )

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def sizeHint(self) -> QSize:
        lines = max(len(self.rows), 1) + (1 if self.footer() else 0)
        return QSize(320, lines * self._row_height() + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(220, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        row_h = self._row_height()
        width = self.width()
        text_colour = self.palette().windowText().color()
        if not self.rows:
            painter.setPen(QColor("#6b7380"))
            painter.drawText(
                QRect(0, 0, width, row_h), Qt.AlignmentFlag.AlignVCenter, self.footer()
            )
            return
        longest = max(metrics.horizontalAdvance(name) for name, _count in self.rows)
        name_w = min(longest + 12, width // 2)
        count_w = max(metrics.horizontalAdvance(number(c)) for _name, c in self.rows) + 10
        bar_w = max(width - name_w - count_w - 4, 10)
        biggest = max(count for _name, count in self.rows) or 1
        for i, (name, count) in enumerate(self.rows):
            top = 4 + i * row_h
            painter.setPen(text_colour)
            label = metrics.elidedText(name, Qt.TextElideMode.ElideRight, name_w - 8)
            painter.drawText(
                QRect(0, top, name_w - 8, row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                label,
            )
            bar = QRect(name_w, top + 3, bar_w, row_h - 6)
            painter.fillRect(bar, QColor(TRACK_COLOUR))
            filled = QRect(bar.left(), bar.top(), max(2, bar_w * count // biggest), bar.height())
            painter.fillRect(filled, QColor(BAR_COLOUR))
            painter.drawText(
                QRect(name_w + bar_w + 6, top, count_w, row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                number(count),
            )
        footer = self.footer()
        if footer:
            painter.setPen(QColor("#6b7380"))
            top = 4 + len(self.rows) * row_h
            painter.drawText(
                QRect(name_w, top, width - name_w, row_h), Qt.AlignmentFlag.AlignVCenter, footer
            )
