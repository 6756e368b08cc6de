"""TrueType fonts registered once, embedded in every PDF.

The built-in Helvetica/Times have no Cyrillic and print black boxes without an error, so no style
may use them. Liberation Serif is metric-compatible with Times New Roman (official documents);
Liberation Sans with Arial (dense tables). Both: SIL Open Font License, resources/fonts.

Chinese, Japanese and Korean text needs a font with those glyphs: WenQuanYi Micro Hei (Apache
License 2.0, resources/fonts), the smallest TrueType-outline CJK font packaged by Debian (5 MB;
it also has Latin and Cyrillic, so digits and names inside a Chinese sentence print). ReportLab
reads only TrueType outlines, not the CFF (OpenType .otf) of Noto CJK. It is registered on
first use only, as few documents need it.
"""

from __future__ import annotations

import copy
from functools import cache
from weakref import WeakKeyDictionary

from reportlab.lib import textsplit
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import paragraph

from mumidesk.resources import FONTS_DIR

SERIF = "MumiSerif"
SANS = "MumiSans"
CJK = "MumiCJK"
CJK_LANGUAGES = frozenset({"zh", "ja", "ko"})
_CJK_FILE = "wqy-microhei.ttc"
# Full-width punctuation that may not begin a line, missing from ReportLab's list (which has
# 、 。 ） but not ， ： ； ！ ？): without them a Chinese line may start with a comma.
_CANNOT_START_LINE = "\uff0c\uff1a\uff1b\uff01\uff1f\uff0e"

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


@cache
def register_cjk_font() -> None:
    """Register the CJK family (idempotent). It has one face: its bold and italic names print
    the regular face, so a style may still ask for ``bold(CJK)``."""
    regular = TTFont(CJK, str(FONTS_DIR / _CJK_FILE), subfontIndex=0)
    pdfmetrics.registerFont(regular)
    for suffix in ("-Bold", "-Italic", "-BoldItalic"):
        pdfmetrics.registerFont(_alias(regular, CJK + suffix))
    addMapping(CJK, 0, 0, CJK)
    addMapping(CJK, 1, 0, bold(CJK))
    addMapping(CJK, 0, 1, italic(CJK))
    addMapping(CJK, 1, 1, f"{CJK}-BoldItalic")
    # Both of ReportLab's CJK line breakers read their module's list at each call.
    for module in (textsplit, paragraph):
        missing = "".join(c for c in _CANNOT_START_LINE if c not in module.ALL_CANNOT_START)
        module.ALL_CANNOT_START += missing


def _alias(font: TTFont, name: str) -> TTFont:
    """The same parsed font file under another name (parsing the 5 MB file again costs
    0.1 s); each name keeps its own per-document subsets."""
    alias = copy.copy(font)
    alias.fontName = name
    alias.state = WeakKeyDictionary()
    return alias


def is_cjk(language: str) -> bool:
    return language.split("-")[0].split("_")[0].lower() in CJK_LANGUAGES


def family_for(language: str, family: str = SERIF) -> str:
    """The family that prints ``language``: ``family`` itself, or the CJK family (registered
    here) for Chinese, Japanese and Korean."""
    if is_cjk(language):
        register_cjk_font()
        return CJK
    register_fonts()
    return family
