"""User text on the page: one escape function for everything that enters a Paragraph, and a
fast line wrapper for table cells (plain strings are drawn literally and far faster than
Paragraphs)."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape as _xml_escape

from reportlab.pdfbase.pdfmetrics import stringWidth

_BREAKABLE = re.compile(r"[ \t]+")


def escape(text: str) -> str:
    """Paragraph markup for a user string: & < > escaped, line breaks kept."""
    return _xml_escape(text).replace("\r\n", "\n").replace("\n", "<br/>")


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """The lines of ``text`` as drawn in ``width`` points: breaks at spaces, keeps the user's
    line breaks, and cuts a word longer than the width (a URL, a long code) by characters."""
    lines: list[str] = []
    space = stringWidth(" ", font, size)
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        # Ordinary spaces only: Babel's no-break spaces ("2017\u00a0г.") keep words together.
        words = _BREAKABLE.split(paragraph.strip(" \t"))
        words = [w for w in words if w]
        if not words:
            lines.append("")
            continue
        current: list[str] = []
        used = 0.0
        for word in words:
            word_width = stringWidth(word, font, size)
            if current and used + space + word_width <= width:
                current.append(word)
                used += space + word_width
                continue
            if current:
                lines.append(" ".join(current))
            while word_width > width:
                cut = _fitting_prefix(word, font, size, width)
                lines.append(word[:cut])
                word = word[cut:]
                word_width = stringWidth(word, font, size)
            current, used = [word], word_width
        lines.append(" ".join(current))
    while len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


def _fitting_prefix(word: str, font: str, size: float, width: float) -> int:
    """How many leading characters of ``word`` fit in ``width`` (at least one)."""
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(word[:middle], font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return low
