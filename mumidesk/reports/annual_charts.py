"""The two charts of the annual report, drawn with ReportLab graphics.

Every label, axis and bar value is set to the kit's sans: the graphics default to Helvetica,
which has no Cyrillic and would print black boxes without an error.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from babel.numbers import format_decimal
from reportlab.graphics.charts.barcharts import BarChart, HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from mumidesk.i18n import current_locale
from mumidesk.reports.kit.fonts import SANS, register_fonts
from mumidesk.reports.kit.text import wrap_text

BAR_COLOUR = colors.Color(0.27, 0.42, 0.66)
GRID_COLOUR = colors.Color(0.85, 0.85, 0.85)
LABEL_SIZE = 8
VALUE_SIZE = 7
BAR_PITCH = 17  # points per country
MAX_LABEL_WIDTH = 150  # country names wider than this wrap


def _number(value: float) -> str:
    return format_decimal(round(value), locale=current_locale())


def _bar_value(value: float) -> str:
    return _number(value) if value else ""  # no "0" over an empty month


def _scale(chart: BarChart, largest: int) -> None:
    """Whole-number ticks, about five of them, from zero."""
    step = max(1, math.ceil(largest / 5))
    magnitude = 10 ** (len(str(step)) - 1)
    step = next(n * magnitude for n in (1, 2, 5, 10) if n * magnitude >= step)
    axis = chart.valueAxis
    axis.valueMin = 0
    axis.valueStep = step
    axis.valueMax = step * max(1, math.ceil(largest / step))
    axis.labelTextFormat = _number
    axis.labels.fontName = SANS
    axis.labels.fontSize = VALUE_SIZE
    axis.visibleGrid = True
    axis.gridStrokeColor = GRID_COLOUR
    axis.gridStrokeWidth = 0.5
    axis.strokeWidth = 0.5


def _style_bars(chart: BarChart) -> None:
    chart.bars[0].fillColor = BAR_COLOUR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = _bar_value
    chart.barLabels.fontName = SANS
    chart.barLabels.fontSize = VALUE_SIZE
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.strokeWidth = 0.5
    chart.categoryAxis.visibleTicks = 0


def countries_chart(names: Sequence[str], counts: Sequence[int], width: float) -> Drawing:
    """Horizontal bars, the first country at the top, its name at the left."""
    register_fonts()
    labels = ["\n".join(wrap_text(n, SANS, LABEL_SIZE, MAX_LABEL_WIDTH)) for n in names]
    label_width = max(
        (stringWidth(line, SANS, LABEL_SIZE) for label in labels for line in label.split("\n")),
        default=0,
    )
    left = label_width + 8
    bottom = 16  # the value axis labels
    lines = max((label.count("\n") + 1 for label in labels), default=1)
    pitch = max(BAR_PITCH, lines * LABEL_SIZE * 1.2 + 6)  # a wrapped name stays in its slot
    height = pitch * len(names)
    drawing = Drawing(width, height + bottom + 4)
    chart = HorizontalBarChart()
    chart.x, chart.y = left, bottom
    chart.width, chart.height = width - left - 16, height
    chart.data = [list(counts)]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.reverseDirection = 1
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.labels.textAnchor = "end"
    chart.barWidth = 10
    chart.groupSpacing = pitch - chart.barWidth
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    _style_bars(chart)
    _scale(chart, max(counts, default=0))
    drawing.add(chart)
    return drawing


def months_chart(names: Sequence[str], counts: Sequence[int], width: float) -> Drawing:
    """Twelve vertical bars with the month names under them."""
    register_fonts()
    height = 130.0
    left, bottom = 24.0, 16.0
    drawing = Drawing(width, height + bottom + 12)
    chart = VerticalBarChart()
    chart.x, chart.y = left, bottom
    chart.width, chart.height = width - left - 4, height
    chart.data = [list(counts)]
    chart.categoryAxis.categoryNames = list(names)
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -4
    chart.barLabels.boxAnchor = "s"
    chart.barLabels.dy = 2
    chart.groupSpacing = 10
    _style_bars(chart)
    _scale(chart, max(counts, default=0))
    drawing.add(chart)
    return drawing
