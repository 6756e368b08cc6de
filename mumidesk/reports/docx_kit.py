"""What every Word document shares: the base font set over python-docx's template theme."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Pt


def set_base_font(
    document: DocxDocument, font: str, size: Length, east_asian: str | None = None
) -> None:
    """``font`` everywhere (w:ascii, w:hAnsi, w:cs and, unless given, w:eastAsia), over the
    template's theme fonts, which would otherwise win — Cyrillic included."""
    styles_element = document.styles.element
    targets = []
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is not None:
        run_defaults = defaults.find(qn("w:rPrDefault"))
        if run_defaults is not None and run_defaults.find(qn("w:rPr")) is not None:
            targets.append(run_defaults.find(qn("w:rPr")))
    normal = document.styles["Normal"]
    normal.font.name = font
    normal.font.size = size
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    targets.append(normal.element.get_or_add_rPr())
    for properties in targets:
        fonts = properties.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            properties.insert(0, fonts)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(theme), None)
        for slot in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(slot), font)
        fonts.set(qn("w:eastAsia"), east_asian or font)
