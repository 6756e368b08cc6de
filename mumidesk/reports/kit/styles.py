"""Paragraph styles of every document, all on the registered TrueType fonts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from mumidesk.reports.kit.fonts import SANS, SERIF, bold, italic, register_fonts


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    label: ParagraphStyle  # "Страна:" in a card
    small: ParagraphStyle
    note: ParagraphStyle


@cache
def styles(family: str = SERIF) -> Styles:
    register_fonts()
    base = ParagraphStyle("base", fontName=family, fontSize=11, leading=14, alignment=TA_LEFT)
    return Styles(
        title=ParagraphStyle(
            "title", parent=base, fontName=bold(family), fontSize=14, leading=18,
            alignment=TA_CENTER, spaceAfter=10,
        ),
        subtitle=ParagraphStyle(
            "subtitle", parent=base, fontSize=12, leading=15, alignment=TA_CENTER, spaceAfter=8
        ),
        heading=ParagraphStyle(
            "heading", parent=base, fontName=bold(family), fontSize=12, leading=15,
            spaceBefore=10, spaceAfter=4,
        ),
        body=ParagraphStyle("body", parent=base, alignment=TA_JUSTIFY, spaceAfter=4),
        label=ParagraphStyle("label", parent=base, fontName=bold(family)),
        small=ParagraphStyle("small", parent=base, fontName=SANS, fontSize=8, leading=10),
        note=ParagraphStyle("note", parent=base, fontName=italic(family), fontSize=9, leading=11),
    )  # fmt: skip
