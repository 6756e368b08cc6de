"""A small map of the partner cities: an equirectangular projection fitted to the points, a
graticule and a dot per city, drawn in one QPainter call. Hovering names a city, a click opens
it. No map tiles, no network: it stays fast with tens of thousands of points."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from mumidesk.i18n import _, current_locale
from mumidesk.services.partner_map import MapPoint

MIN_LON_SPAN = 30.0
MIN_LAT_SPAN = 15.0
MARGIN_DEGREES = 4.0
HIT_RADIUS = 7.0
SEA = "#eaf1f8"
GRID = "#cfdbe8"
DOT = "#c0392b"


class PartnerMap(QWidget):
    """``open_record("partner", id)`` when a city is clicked."""

    open_record = Signal(str, object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.points: list[MapPoint] = []
        self._bounds = (-180.0, 180.0, -60.0, 80.0)  # west, east, south, north
        self._projected: list[QPointF] = []
        self._projected_for: QSize | None = None
        self.setMouseTracking(False)
        self.setMinimumSize(220, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_points(self, points: Sequence[MapPoint]) -> None:
        self.points = list(points)
        self._bounds = _fit(self.points)
        self._projected_for = None
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, 220)

    # --- projection ------------------------------------------------------------------------
    def _frame(self) -> QRectF:
        """The drawing area keeping the map's proportions (longitudes shrunk by the cosine of
        the middle latitude, so the shapes look right away from the equator)."""
        west, east, south, north = self._bounds
        squeeze = math.cos(math.radians((south + north) / 2))
        ratio = (east - west) * squeeze / (north - south)
        width, height = float(self.width() - 2), float(self.height() - 2)
        if width / height > ratio:
            w, h = height * ratio, height
        else:
            w, h = width, width / ratio
        return QRectF(1 + (width - w) / 2, 1 + (height - h) / 2, w, h)

    def project(self, latitude: float, longitude: float) -> QPointF:
        west, east, south, north = self._bounds
        frame = self._frame()
        x = frame.left() + (longitude - west) / (east - west) * frame.width()
        y = frame.top() + (north - latitude) / (north - south) * frame.height()
        return QPointF(x, y)

    def _projected_points(self) -> list[QPointF]:
        if self._projected_for != self.size():
            # The frame once, not per point: 26,000 partners are projected in a few ms.
            west, east, south, north = self._bounds
            frame = self._frame()
            left, top = frame.left(), frame.top()
            x_scale = frame.width() / (east - west)
            y_scale = frame.height() / (north - south)
            self._projected = [
                QPointF(left + (p.longitude - west) * x_scale, top + (north - p.latitude) * y_scale)
                for p in self.points
            ]
            self._projected_for = self.size()
        return self._projected

    def point_at(self, x: float, y: float) -> MapPoint | None:
        best, best_distance = None, HIT_RADIUS**2
        for point, spot in zip(self.points, self._projected_points(), strict=True):
            distance = (spot.x() - x) ** 2 + (spot.y() - y) ** 2
            if distance <= best_distance:
                best, best_distance = point, distance
        return best

    # --- painting and mouse ----------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        if not self.points:
            painter.setPen(QColor("#6b7380"))
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                _("No partner city has coordinates yet."),
            )
            return
        frame = self._frame()
        painter.fillRect(frame, QColor(SEA))
        self._draw_graticule(painter, frame)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(DOT))
        pen.setWidthF(6.0 if len(self.points) < 500 else 3.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawPoints(QPolygonF(self._projected_points()))

    def _draw_graticule(self, painter: QPainter, frame: QRectF) -> None:
        west, east, south, north = self._bounds
        step = 10 if east - west <= 120 else 30
        painter.setPen(QPen(QColor(GRID), 1))
        small = painter.font()
        small.setPointSizeF(max(small.pointSizeF() - 2, 6))
        painter.setFont(small)
        for lon in range(math.ceil(west / step) * step, int(east) + 1, step):
            x = self.project(north, lon).x()
            painter.drawLine(QPointF(x, frame.top()), QPointF(x, frame.bottom()))
            painter.drawText(QPointF(x + 2, frame.bottom() - 3), f"{lon}°")
        for lat in range(math.ceil(south / step) * step, int(north) + 1, step):
            y = self.project(lat, west).y()
            painter.drawLine(QPointF(frame.left(), y), QPointF(frame.right(), y))
            painter.drawText(QPointF(frame.left() + 2, y - 2), f"{lat}°")

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            point = self.point_at(event.pos().x(), event.pos().y())
            if point is None:
                QToolTip.hideText()
            else:
                country = current_locale().territories.get(point.country_code, point.country_code)
                QToolTip.showText(event.globalPos(), f"{point.name} ({country})", self)
            return True
        return super().event(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            point = self.point_at(event.position().x(), event.position().y())
            if point is not None:
                self.open_record.emit("partner", point.id)
        super().mouseReleaseEvent(event)


def _fit(points: Sequence[MapPoint]) -> tuple[float, float, float, float]:
    """West, east, south, north around the points, with a margin and a sensible least span."""
    if not points:
        return (-180.0, 180.0, -60.0, 80.0)
    west = min(p.longitude for p in points) - MARGIN_DEGREES
    east = max(p.longitude for p in points) + MARGIN_DEGREES
    south = min(p.latitude for p in points) - MARGIN_DEGREES
    north = max(p.latitude for p in points) + MARGIN_DEGREES
    if east - west < MIN_LON_SPAN:
        middle = (east + west) / 2
        west, east = middle - MIN_LON_SPAN / 2, middle + MIN_LON_SPAN / 2
    if north - south < MIN_LAT_SPAN:
        middle = (north + south) / 2
        south, north = middle - MIN_LAT_SPAN / 2, middle + MIN_LAT_SPAN / 2
    return (max(west, -180.0), min(east, 180.0), max(south, -85.0), min(north, 85.0))
