"""Hostile text for the property tests: what users paste and files carry.

Right-to-left scripts (Arabic, Hebrew) and bidi overrides, combining marks (alone, stacked,
leading), zero-width and other invisible format characters, every C0 control character incl.
NUL, markup- and template-like text (ReportLab paragraphs, XML, str.format, printf, Jinja,
spreadsheet formulas, the OOXML "_x0001_" escape), emoji and astral planes, and very long
strings. Python text cannot hold what UTF-8 files may: invalid_utf8 gives those bytes.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from hypothesis import settings
from hypothesis import strategies as st

RTL = [
    "مرحبا بالعالم",
    "مدينة توأم ١٢٣",
    "שלום עולם",
    "עיר תאומה",
    "\u202eexe.gpj",  # RIGHT-TO-LEFT OVERRIDE
    "\u200fעברית\u200e",  # RLM, LRM
    "\u2067\u2066\u2069",  # isolates
]
COMBINING = [
    "е\u0301",
    "\u0301",  # a mark with nothing to sit on
    "Z\u0351\u0359\u0362a\u0300\u0301\u0302\u0303l\u0308g\u0327o",
    "и\u0306",  # й decomposed
    "\u0e01\u0e34\u0e4a",  # Thai with two marks
]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e", "\u034f"]
CONTROL = [chr(c) for c in range(32)] + ["\x7f", "\x85", "\u2028", "\u2029"]
MARKUP = [
    "<b>&amp;</b>",
    "{{ x }}",
    "{% if %}",
    "%s",
    "%(name)s",
    "%d%%",
    "{0}",
    "{name}",
    "{",
    "}",
    "<",
    ">",
    "&",
    "&#0;",
    "&nbsp;",
    "<para>",
    "</para>",
    "<br/>",
    "<font name='x'>",
    "<img src='x'/>",
    "<script>alert(1)</script>",
    "]]>",
    "<![CDATA[",
    "\\",
    "\\n",
    "'",
    '"',
    "`",
    "=1+1",
    '=HYPERLINK("http://x")',
    "@SUM(A1)",
    "+7",
    "-1",
    "_x0001_",
    "NULL",
    ";",
    ",",
    "\t",
    "\r\n",
    "\n",
    "\r",
    "[",
    "[1,2]",
    "true",
]
ODD = [
    "😀",
    "👩\u200d👩\u200d👧",
    "🇷🇺",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "ß",
    "ﷺ",
    "ǅ",
    "\ufffd",
    "\U0010ffff",
    "\uffff",
    "\ue000",  # private use
    "Смоленск «ёлки» — №5",
    "ўіїє",
    "顿河畔罗斯托夫",
    "ᚠᛇᚻ",
    "\u00a0",
    "\u3000",
    " ",
]
PIECES = RTL + COMBINING + INVISIBLE + CONTROL + MARKUP + ODD


def hostile_text(max_pieces: int = 8, *, nul: bool = True) -> st.SearchStrategy[str]:
    """A mix of hostile pieces and arbitrary Unicode (surrogates aside: no file holds them)."""
    pieces = PIECES if nul else [p for p in PIECES if "\x00" not in p]
    alphabet = st.characters(exclude_categories=["Cs"], exclude_characters="" if nul else "\x00")
    return st.lists(
        st.one_of(st.sampled_from(pieces), st.text(alphabet, max_size=30)), max_size=max_pieces
    ).map("".join)


def long_text(low: int = 301, high: int = 120_000) -> st.SearchStrategy[str]:
    """One hostile piece repeated into a very long string (over the limits of names and texts)."""
    return st.builds(
        lambda piece, size: (piece * (size // len(piece) + 1))[:size],
        st.sampled_from([p for p in PIECES if "\x00" not in p] + ["я"]),
        st.integers(low, high),
    )


def named_text(nul: bool = True) -> st.SearchStrategy[str]:
    """Hostile text that also holds a readable word, so a document has something to show."""
    return st.builds(
        lambda word, noise: f"{word} {noise}",
        st.sampled_from(["Смоленск", "Brest", "مدينة", "עיר", "Mogilev"]),
        hostile_text(6, nul=nul),
    )


def invalid_utf8() -> st.SearchStrategy[bytes]:
    """Bytes that are not UTF-8: a lone continuation byte, an overlong form, an encoded
    surrogate, a truncated sequence, or cp1251/latin-1 text, inside ordinary bytes."""
    bad = st.sampled_from(
        [
            b"\x80",
            b"\xc0\xaf",
            b"\xed\xa0\x80",  # U+D800 encoded: a lone surrogate
            b"\xf4\x90\x80\x80",  # above U+10FFFF
            b"\xe2\x82",
            b"\xff\xfe",
            "Смоленск".encode("cp1251"),
            "Größe".encode("latin-1"),
        ]
    )
    return st.builds(lambda a, b, c: a + b + c, st.binary(max_size=20), bad, st.binary(max_size=20))


def visible(text: str) -> Counter[str]:
    """The characters a reader sees and a document must keep: letters and digits, compared
    without case and composition (a PDF may draw "й" as one glyph or two)."""
    normal = unicodedata.normalize("NFKC", text).casefold()
    return Counter(ch for ch in normal if ch.isalnum())


def keeps_visible(source: str, extracted: str) -> bool:
    """Does ``extracted`` (a document's text) hold every visible character of ``source``?"""
    return not (visible(source) - visible(extracted))


@dataclass
class Tally:
    """Examples tried and inputs rejected with a clear error, per test (for the closing note)."""

    tried: Counter[str] = field(default_factory=Counter)
    rejected: Counter[str] = field(default_factory=Counter)

    def count(self, name: str, rejected: bool) -> None:
        self.tried[name] += 1
        if rejected:
            self.rejected[name] += 1


TALLY = Tally()


def counted(name: str) -> Callable[[bool], None]:
    """A recorder for one test: call it with True when the input was refused."""
    return lambda rejected: TALLY.count(name, rejected)


def scaled(examples: int) -> settings:
    """``examples`` under the default "hostile" profile (40), ten times that under
    "hostile-long": slow properties (documents, imports) keep their share of the minute."""
    return settings(max_examples=max(1, examples * settings.default.max_examples // 40))
