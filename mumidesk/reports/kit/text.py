"""User text on the page: one escape function for everything that enters a Paragraph, and a
fast line wrapper for table cells (plain strings are drawn literally and far faster than
Paragraphs)."""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.sax.saxutils import escape as _xml_escape

from reportlab.pdfbase.pdfmetrics import getFont

# Spaces that join rather than separate ("г.\u00a0Смоленска", Babel's "2020\u202fг."):
# a line never breaks there; every other run of whitespace is one break point.
_NO_BREAK = ("\u00a0", "\u202f", "\u2007")
_BREAKING_SPACE = re.compile(r"[^\S\u00a0\u202f\u2007]+")
# Word widths are cached per font and size: a report repeats its words thousands of times.
_CACHE_LIMIT = 100_000
_widths: dict[tuple[str, float], dict[str, float]] = {}


def escape(text: str) -> str:
    """Paragraph markup for a user string: & < > escaped, line breaks kept."""
    return _xml_escape(text).replace("\r\n", "\n").replace("\n", "<br/>")


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """The lines of ``text`` as drawn in ``width`` points: breaks at spaces (not at no-break
    spaces), keeps the user's line breaks, and cuts a word longer than the width (a URL, a
    long code) by characters."""
    measure = _measure(font, size)
    cache = _word_widths(font, size)
    space = measure(" ")
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        words = _words(paragraph)
        if not words:
            lines.append("")
            continue
        line = " ".join(words)
        if measure(line) <= width:  # the common short cell: one line, no word to measure
            lines.append(line)
            continue
        current: list[str] = []
        used = 0.0
        for word in words:
            word_width = cache.get(word)
            if word_width is None:
                word_width = cache[word] = measure(word)
            if current and used + space + word_width <= width:
                current.append(word)
                used += space + word_width
                continue
            if current:
                lines.append(" ".join(current))
            if word_width > width:  # cut into lines of characters, the rest goes on
                while (cut := _fitting_prefix(word, measure, width)) < len(word):
                    lines.append(word[:cut])
                    word = word[cut:]
                word_width = measure(word)
            current, used = [word], word_width
        lines.append(" ".join(current))
    while len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


def _words(paragraph: str) -> list[str]:
    if any(mark in paragraph for mark in _NO_BREAK):
        return [word for word in _BREAKING_SPACE.split(paragraph) if word]
    return paragraph.split()


def _measure(font: str, size: float) -> Callable[[str], float]:
    face = getFont(font)  # once per call, not once per word as pdfmetrics.stringWidth does
    return lambda text: face.stringWidth(text, size)


def _word_widths(font: str, size: float) -> dict[str, float]:
    cache = _widths.setdefault((font, size), {})
    if len(cache) > _CACHE_LIMIT:
        cache.clear()  # a bound on memory; the next words fill it again
    return cache


def _fitting_prefix(word: str, measure: Callable[[str], float], width: float) -> int:
    """How many leading characters of ``word`` fit in ``width`` (at least one; all of them if
    the word fits). Only prefixes up to twice the answer are measured: cutting a
    20,000-character word into lines stays linear in its length."""
    size = len(word)
    low, high = 1, min(size, 16)
    while high < size and measure(word[:high]) <= width:
        low, high = high, min(size, 2 * high)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(word[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low
