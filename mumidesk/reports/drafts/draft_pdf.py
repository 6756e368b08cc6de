"""An agreement draft as a portrait A4 PDF, laid out as Russian official documents are (GOST
R 7.0.97-2016 margins, Liberation Serif 12 pt, bold centred title, numbered articles).

Bilingual: two columns side by side, the first language (Russian) left. Each block — title,
preamble, each article, closing — is a one-row table of two cells, so article N of both
languages starts on the same line; a block longer than the rest of the page splits inside the
row and both columns go on together on the next page. One language: a plain single column.
Unsigned drafts carry "ПРОЕКТ / DRAFT" on every page (a grey line in the top margin and a light
diagonal mark under the text). The signature blocks of the parties stand side by side, each
with the body, the position, a line to sign on, the name and the seal's place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO, Any

import pyphen
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from mumidesk.i18n import _
from mumidesk.reports.drafts import wording
from mumidesk.reports.drafts.model import DraftArticle, DraftDocument, LangText, SignatureBlock
from mumidesk.reports.kit.document import MARGINS_PORTRAIT, PdfMeta, build_pdf, frame_size
from mumidesk.reports.kit.fonts import SANS, SERIF, bold, family_for, is_cjk
from mumidesk.reports.kit.text import escape

BODY_SIZE = 12
LEADING = 14.5
TITLE_SIZE = 14
COLUMN_GAP = 7 * mm
INDENT_SINGLE = 12.5 * mm  # the first line of a paragraph, as in Russian official texts
INDENT_COLUMN = 7.5 * mm
ARTICLE_SPACE = 8  # points above an article
SIGNATURE_SPACE = 14 * mm  # room to sign above the line
SIGN_LINE = "_" * 28
# A split block leaves at least two lines on the page, else it starts on the next one.
MIN_SPLIT = 2 * LEADING + 1
HEADING_ROOM = 4 * LEADING  # a heading and two lines under it
# The mark: a line in the top margin, and a large light diagonal under the text.
MARK_SIZE = 10
MARK_COLOUR = colors.Color(0.45, 0.45, 0.45)
WATERMARK_COLOUR = colors.Color(0.86, 0.86, 0.86)
WATERMARK_MAX_SIZE = 72
WATERMARK_SHARE = 0.7  # of the page's diagonal


@dataclass(frozen=True)
class _Look:
    """The paragraph styles of one text language."""

    font: str
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    sign: ParagraphStyle  # signature block lines, left-aligned
    sign_bold: ParagraphStyle


@cache
def _hyphenation(language: str) -> Any:
    """Pyphen's word splitter for ``language`` (justified text in a half-page column has wide
    gaps without it), or "" where Pyphen has no dictionary for it."""
    found = pyphen.language_fallback(language.replace("-", "_"))
    return pyphen.Pyphen(lang=found).iterate if found else ""


@cache
def _look(language: str, bilingual: bool) -> _Look:
    family = family_for(language, SERIF)
    cjk = is_cjk(language)
    extra: dict[str, Any] = {"wordWrap": "CJK"} if cjk else {}
    base = ParagraphStyle(
        f"draft-{language}", fontName=family, fontSize=BODY_SIZE, leading=LEADING, **extra
    )
    return _Look(
        font=family,
        title=ParagraphStyle(
            f"draft-title-{language}", parent=base, fontName=bold(family), fontSize=TITLE_SIZE,
            leading=TITLE_SIZE * 1.25, alignment=TA_CENTER, spaceAfter=4,
        ),
        heading=ParagraphStyle(
            f"draft-heading-{language}", parent=base, fontName=bold(family),
            alignment=TA_CENTER, spaceAfter=4,
        ),
        body=ParagraphStyle(
            f"draft-body-{language}", parent=base, alignment=TA_JUSTIFY, spaceAfter=3,
            firstLineIndent=INDENT_COLUMN if bilingual else INDENT_SINGLE,
            hyphenationLang="" if cjk else _hyphenation(language),
        ),
        sign=ParagraphStyle(f"draft-sign-{language}", parent=base, alignment=TA_LEFT),
        sign_bold=ParagraphStyle(
            f"draft-sign-bold-{language}", parent=base, alignment=TA_LEFT,
            fontName=bold(family), spaceAfter=2,
        ),
    )  # fmt: skip


def _lines(text: str) -> list[str]:
    """A text's paragraphs: each line break starts one; blank lines are dropped."""
    return [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]


def _paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    return [Paragraph(escape(line), style) for line in _lines(text)]


def _text(texts: LangText, language: str) -> str:
    return texts.get(language, "")


# --- the blocks of the text, per language ------------------------------------------------------
def _title(doc: DraftDocument, language: str) -> list[Flowable]:
    look = _look(language, doc.is_bilingual)
    return _paragraphs(_text(doc.title, language), look.title)


def _preamble(doc: DraftDocument, language: str) -> list[Flowable]:
    return _paragraphs(_text(doc.preamble, language), _look(language, doc.is_bilingual).body)


def _closing(doc: DraftDocument, language: str) -> list[Flowable]:
    return _paragraphs(_text(doc.closing, language), _look(language, doc.is_bilingual).body)


def _article(doc: DraftDocument, article: DraftArticle, language: str) -> list[Flowable]:
    look = _look(language, doc.is_bilingual)
    heading = wording.article_heading(language, article.number, _text(article.title, language))
    story: list[Flowable] = [Paragraph(escape(heading), look.heading)]
    for paragraph in article.paragraphs.get(language, ()):
        story += _paragraphs(paragraph, look.body)
    return story


# --- layout --------------------------------------------------------------------------------------
def _side_by_side(cells: Sequence[list[Flowable]], space_before: float = 0) -> Table:
    """One row, a cell per language: both start on one line and split together."""
    width, _height = frame_size(is_landscape=False)
    column = width / 2
    table = Table(
        [list(cells)],
        colWidths=[column, column],
        splitByRow=0,
        splitInRow=MIN_SPLIT,
        spaceBefore=space_before,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), SERIF),  # else the canvas gets Helvetica
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), COLUMN_GAP / 2),
                ("LEFTPADDING", (1, 0), (1, -1), COLUMN_GAP / 2),
                ("RIGHTPADDING", (1, 0), (1, -1), 0),
            ]
        )
    )
    return table


def _bilingual_story(doc: DraftDocument) -> list[Flowable]:
    first, second = doc.languages
    story: list[Flowable] = [
        _side_by_side([_title(doc, first), _title(doc, second)]),
        Spacer(1, 4 * mm),
        _side_by_side([_preamble(doc, first), _preamble(doc, second)]),
    ]
    for article in doc.articles:
        cells = [_article(doc, article, first), _article(doc, article, second)]
        story.append(_side_by_side(cells, space_before=ARTICLE_SPACE))
    if any(doc.closing.get(language) for language in doc.languages):
        cells = [_closing(doc, first), _closing(doc, second)]
        story.append(_side_by_side(cells, space_before=ARTICLE_SPACE))
    return story


def _single_story(doc: DraftDocument) -> list[Flowable]:
    (language,) = doc.languages
    story: list[Flowable] = [*_title(doc, language), Spacer(1, 4 * mm), *_preamble(doc, language)]
    for article in doc.articles:
        # A heading never stays alone at the foot of a page (keepWithNext would move a long
        # first paragraph whole to the next page too).
        story += [Spacer(1, ARTICLE_SPACE), CondPageBreak(HEADING_ROOM)]
        story += _article(doc, article, language)
    if doc.closing.get(language):
        story.append(Spacer(1, ARTICLE_SPACE))
        story += _closing(doc, language)
    return story


# --- signatures ----------------------------------------------------------------------------------
def _signature_parts(doc: DraftDocument, block: SignatureBlock) -> list[list[Flowable]]:
    """A party's block in four parts — body and position, the line to sign on, the names, the
    seal's place — each a row of the signature table, so the lines of both parties align."""
    heads: list[Flowable] = []
    for field, bold_face in ((block.body, True), (block.position, False)):
        for language, text in wording.distinct_texts(field, doc.languages):
            look = _look(language, doc.is_bilingual)
            heads += _paragraphs(text, look.sign_bold if bold_face else look.sign)
    first = _look(doc.languages[0], doc.is_bilingual)
    line: list[Flowable] = [Paragraph(SIGN_LINE, first.sign)]
    names: list[Flowable] = []
    for language, text in wording.distinct_texts(block.name, doc.languages):
        names += _paragraphs(text, _look(language, doc.is_bilingual).sign)
    seal = _mixed_line(
        [(wording.seal_place(language), language) for language in doc.languages], doc
    )
    return [heads, line, names, seal]


def _mixed_line(words: list[tuple[str, str]], doc: DraftDocument) -> list[Flowable]:
    """One line of the same word in several languages ("М.П. / L.S."), each in its font."""
    parts: list[str] = []
    seen: set[str] = set()
    for word, language in words:
        if word in seen:
            continue
        seen.add(word)
        font = _look(language, doc.is_bilingual).font
        parts.append(f'<font name="{font}">{escape(word)}</font>')
    style = _look(doc.languages[0], doc.is_bilingual).sign
    return [Paragraph(escape(wording.SEPARATOR).join(parts), style)]


def _signatures(doc: DraftDocument) -> list[Flowable]:
    """The parties' blocks side by side, two to a row of blocks."""
    width, _height = frame_size(is_landscape=False)
    parts = [_signature_parts(doc, block) for block in doc.signatures]
    tables: list[Flowable] = []
    for start in range(0, len(parts), 2):
        pair = parts[start : start + 2]
        rows = [[party[row] for party in pair] for row in range(4)]
        for row in rows:
            row += [[]] * (2 - len(row))  # an odd party out keeps the left half
        table = Table(rows, colWidths=[width / 2] * 2, hAlign="LEFT", spaceBefore=8 * mm)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONTNAME", (0, 0), (-1, -1), SERIF),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), COLUMN_GAP / 2),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 1), (-1, 1), SIGNATURE_SPACE),  # room to sign
                    ("TOPPADDING", (0, 3), (-1, 3), 4 * mm),
                ]
            )
        )
        tables.append(table)
    return tables


# --- the draft mark ------------------------------------------------------------------------------
def _mark_pieces(languages: Sequence[str]) -> list[tuple[str, str]]:
    """The mark as (text, font) pieces: each word in a font that has its glyphs, the separator
    with the word before it, and runs in one font as one piece (the mark reads back whole)."""
    words: dict[str, str] = {}  # word → font, in the languages' order, each word once
    for language in languages:
        words.setdefault(wording.draft_word(language), family_for(language, SANS))
    pieces: list[tuple[str, str]] = []
    for word, font in words.items():
        if pieces and pieces[-1][1] == font:
            pieces[-1] = (pieces[-1][0] + wording.SEPARATOR + word, font)
            continue
        if pieces:
            pieces[-1] = (pieces[-1][0] + wording.SEPARATOR, pieces[-1][1])
        pieces.append((word, font))
    return pieces


def _pieces_width(pieces: list[tuple[str, str]], size: float) -> float:
    return sum(stringWidth(text, font, size) for text, font in pieces)


def _draw_pieces(
    canvas: Canvas, pieces: list[tuple[str, str]], x: float, y: float, size: float
) -> None:
    for text, font in pieces:
        canvas.setFont(font, size)
        canvas.drawString(x, y, text)
        x += stringWidth(text, font, size)


def _mark_painter(languages: Sequence[str]) -> Callable[[Canvas], None]:
    pieces = _mark_pieces(languages)

    def paint(canvas: Canvas) -> None:
        page_width, page_height = canvas._pagesize
        _left, right, top, _bottom = MARGINS_PORTRAIT
        canvas.saveState()
        # The line in the top margin, right-aligned over the text.
        canvas.setFillColor(MARK_COLOUR)
        x = page_width - right - _pieces_width(pieces, MARK_SIZE)
        _draw_pieces(canvas, pieces, x, page_height - top + 4 * mm, MARK_SIZE)
        # The diagonal, centred on the page.
        diagonal = (page_width**2 + page_height**2) ** 0.5
        size = min(WATERMARK_MAX_SIZE, diagonal * WATERMARK_SHARE / _pieces_width(pieces, 1))
        canvas.setFillColor(WATERMARK_COLOUR)
        canvas.translate(page_width / 2, page_height / 2)
        canvas.rotate(45)
        half = _pieces_width(pieces, size) / 2
        _draw_pieces(canvas, pieces, -half, -size / 3, size)
        canvas.restoreState()

    return paint


# --- the document --------------------------------------------------------------------------------
def draft_story(doc: DraftDocument) -> list[Flowable]:
    """The text, then the signatures kept on one page with the text's last block (a page of
    signatures alone could be swapped)."""
    story = _bilingual_story(doc) if doc.is_bilingual else _single_story(doc)
    signatures = _signatures(doc)
    if not signatures:
        return story
    return [*story[:-1], KeepTogether([story[-1], *signatures])]


def write_draft_pdf(doc: DraftDocument, target: Path | IO[bytes]) -> None:
    if not 1 <= len(doc.languages) <= 2:
        raise ValueError(f"a draft has one or two languages, not {doc.languages!r}")
    first = doc.languages[0]
    title = doc.meta_title or " ".join(_lines(doc.title.get(first, "")))
    meta = PdfMeta(
        title=title,
        subject=_("Draft agreement") if doc.is_draft else _("Agreement"),
        keywords="; ".join([doc.template_id, *doc.languages]),
    )
    painter = _mark_painter(doc.languages) if doc.is_draft else None
    build_pdf(target, draft_story(doc), meta, on_page=painter)
