"""A label/value card: "Страна — Беларусь" lines with thin rules, the width of the frame."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle

from mumidesk.reports.kit.styles import styles
from mumidesk.reports.kit.text import escape

RULE = colors.Color(0.75, 0.75, 0.75)


def card_table(
    lines: Sequence[tuple[str, str]], label_width: float, total_width: float
) -> Table | None:
    """One row per (label, value) with a value; None when no line has a value."""
    value_style = ParagraphStyle(
        "card-value", parent=styles().body, alignment=TA_LEFT, spaceAfter=0
    )
    data = [
        [Paragraph(escape(label), styles().label), Paragraph(escape(value), value_style)]
        for label, value in lines
        if value.strip()
    ]
    if not data:
        return None
    return Table(
        data,
        colWidths=[label_width, total_width - label_width],
        hAlign="LEFT",
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        ),
    )
