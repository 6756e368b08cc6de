"""TrueType fonts registered once, embedded in every PDF.

The built-in Helvetica/Times have no Cyrillic and print black boxes without an error, so no style
may use them. Liberation Serif is metric-compatible with Times New Roman (official documents);
Liberation Sans with Arial (dense tables). Both: SIL Open Font License, resources/fonts.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from mumidesk.resources import FONTS_DIR

SERIF = "MumiSerif"
SANS = "MumiSans"

_FAMILIES = {
    SERIF: "LiberationSerif",
    SANS: "LiberationSans",
}
_FACES = {"": "Regular", "-Bold": "Bold", "-Italic": "Italic", "-BoldItalic": "BoldItalic"}


def bold(family: str) -> str:
    return f"{family}-Bold"


def italic(family: str) -> str:
    return f"{family}-Italic"


@cache
def register_fonts() -> None:
    """Register both families with their faces (idempotent; cached after the first call)."""
    for family, file_stem in _FAMILIES.items():
        for suffix, face in _FACES.items():
            path = FONTS_DIR / f"{file_stem}-{face}.ttf"
            pdfmetrics.registerFont(TTFont(family + suffix, str(path)))
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, bold(family))
        addMapping(family, 0, 1, italic(family))
        addMapping(family, 1, 1, f"{family}-BoldItalic")
