"""An agreement draft as an editable Word document (python-docx): what the legal department
edits and sends back.

Portrait A4 with the PDF's margins (GOST R 7.0.97-2016), Times New Roman 12 pt. Bilingual: a
borderless two-column table, the first language (Russian) left — a row for the title, one for
the preamble, one per article, one for the closing — so article N of both languages shares a
row however the text grows while it is edited. One language: plain paragraphs. "ПРОЕКТ / DRAFT"
in the page header while the agreement is not signed, "page N of M" in the footer, and the
parties' signature blocks side by side in a table. Every run carries its language (Word checks
the spelling and hyphenates in it); Chinese, Japanese and Korean text names an East Asian font
(w:rFonts w:eastAsia) that Windows has.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import IO

from babel.core import get_global
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from mumidesk.i18n import _
from mumidesk.reports.docx_kit import set_base_font
from mumidesk.reports.drafts import wording
from mumidesk.reports.drafts.model import DraftArticle, DraftDocument, SignatureBlock
from mumidesk.reports.kit.fonts import is_cjk
from mumidesk.reports.office_text import office_text
from mumidesk.reports.quarterly_docx import _page_numbers  # "page N of M", as every DOCX

FONT = "Times New Roman"
# East Asian fonts every Windows has, per language; Word takes them for the CJK characters.
EAST_ASIAN_FONTS = {"zh": "SimSun", "ja": "MS Mincho", "ko": "Batang"}
BODY_SIZE = Pt(12)
TITLE_SIZE = Pt(14)
MARK_SIZE = Pt(10)
MARK_COLOUR = RGBColor(0x70, 0x70, 0x70)
PAGE_WIDTH_MM = 210
# GOST R 7.0.97-2016 (the PDF's): left 30 mm, right 10, top and bottom 20.
MARGINS_MM = {"left": 30, "right": 10, "top": 20, "bottom": 20}
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"]
INDENT_SINGLE = Mm(12.5)
INDENT_COLUMN = Mm(7.5)
SIGN_LINE = "_" * 28


def write_draft_docx(doc: DraftDocument, target: Path | IO[bytes]) -> None:
    if not 1 <= len(doc.languages) <= 2:
        raise ValueError(f"a draft has one or two languages, not {doc.languages!r}")
    document = Document()
    section = document.sections[0]
    _portrait_a4(section)
    _base_font(document, doc.languages)
    _properties(document, doc)
    if doc.is_draft:
        _draft_header(section, doc.languages)
    _page_numbers(section)
    if doc.is_bilingual:
        _bilingual_table(document, doc)
    else:
        _single_column(document, doc)
    _signatures(document, doc)
    document.save(target if not isinstance(target, Path) else str(target))


# --- text -----------------------------------------------------------------------------------------
def _lines(text: str) -> list[str]:
    """A text's paragraphs: each line break starts one; blank lines are dropped."""
    return [line.strip() for line in office_text(text).split("\n") if line.strip()]


@cache
def _word_language(language: str) -> str:
    """The language tag Word wants on a run: "ru-RU", "en-US", "zh-CN"."""
    base = language.replace("-", "_").split("_")[0].lower()
    likely = get_global("likely_subtags").get(base, "")
    parts = likely.split("_")
    region = parts[-1] if len(parts) > 1 and parts[-1].isupper() else ""
    return f"{base}-{region}" if region else base


def _run(paragraph: Paragraph, text: str, language: str, *, bold: bool = False) -> Run:
    """A run in ``language``: Word spell-checks and hyphenates it so, and a CJK run names its
    East Asian font."""
    run = paragraph.add_run(text)
    if bold:
        run.bold = True
    properties = run._r.get_or_add_rPr()
    tag = _word_language(language)
    lang = OxmlElement("w:lang")
    if is_cjk(language):
        fonts = OxmlElement("w:rFonts")
        fonts.set(qn("w:eastAsia"), _east_asian_font(language))
        properties.insert(0, fonts)
        lang.set(qn("w:eastAsia"), tag)
    else:
        lang.set(qn("w:val"), tag)
    properties.append(lang)
    return run


def _east_asian_font(language: str) -> str:
    return EAST_ASIAN_FONTS.get(language.replace("-", "_").split("_")[0].lower(), "SimSun")


class _Writer:
    """Adds paragraphs to a cell or to the document body; a cell's first paragraph (which
    every new cell has, empty) is used before any is added."""

    def __init__(self, container: _Cell | DocxDocument, in_column: bool) -> None:
        self.container = container
        self.in_column = in_column
        self.used_first = not isinstance(container, _Cell)

    def paragraph(self) -> Paragraph:
        if not self.used_first:
            self.used_first = True
            assert isinstance(self.container, _Cell)
            return self.container.paragraphs[0]
        return self.container.add_paragraph()

    def title(self, text: str, language: str) -> None:
        for line in _lines(text):
            paragraph = self.paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_after = Pt(4)
            _run(paragraph, line, language, bold=True).font.size = TITLE_SIZE

    def heading(self, text: str, language: str) -> None:
        paragraph = self.paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_before = Pt(8)
        paragraph.paragraph_format.space_after = Pt(4)
        # Not in a table: there Word would keep the whole row with the next one, and the
        # chain of article rows would leave empty pages.
        paragraph.paragraph_format.keep_with_next = not self.in_column
        _run(paragraph, office_text(text), language, bold=True)

    def body(self, text: str, language: str) -> None:
        for line in _lines(text):
            paragraph = self.paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = (
                INDENT_COLUMN if self.in_column else INDENT_SINGLE
            )
            paragraph.paragraph_format.space_after = Pt(3)
            _run(paragraph, line, language)

    def plain(self, text: str, language: str, *, bold: bool = False) -> None:
        for line in _lines(text):
            _run(self.paragraph(), line, language, bold=bold)

    def article(self, article: DraftArticle, language: str) -> None:
        title = article.title.get(language, "")
        self.heading(wording.article_heading(language, article.number, title), language)
        for text in article.paragraphs.get(language, ()):
            self.body(text, language)


# --- the text ------------------------------------------------------------------------------------
def _bilingual_table(document: DocxDocument, doc: DraftDocument) -> Table:
    first, second = doc.languages
    table = _table(document, columns=2)
    cells = _row(table)
    for cell, language in zip(cells, doc.languages, strict=True):
        _Writer(cell, in_column=True).title(doc.title.get(language, ""), language)
    cells = _row(table)
    for cell, language in zip(cells, doc.languages, strict=True):
        _Writer(cell, in_column=True).body(doc.preamble.get(language, ""), language)
    for article in doc.articles:
        cells = _row(table)
        _Writer(cells[0], in_column=True).article(article, first)
        _Writer(cells[1], in_column=True).article(article, second)
    if any(doc.closing.get(language) for language in doc.languages):
        cells = _row(table)
        for cell, language in zip(cells, doc.languages, strict=True):
            _Writer(cell, in_column=True).body(doc.closing.get(language, ""), language)
            cell.paragraphs[0].paragraph_format.space_before = Pt(8)
    return table


def _single_column(document: DocxDocument, doc: DraftDocument) -> None:
    (language,) = doc.languages
    writer = _Writer(document, in_column=False)
    writer.title(doc.title.get(language, ""), language)
    writer.body(doc.preamble.get(language, ""), language)
    for article in doc.articles:
        writer.article(article, language)
    if doc.closing.get(language):
        writer.body(doc.closing[language], language)


def _table(document: DocxDocument, columns: int) -> Table:
    table = document.add_table(rows=0, cols=columns)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column in table.columns:
        column.width = Mm(TEXT_WIDTH_MM / columns)
    return table


def _row(table: Table) -> list[_Cell]:
    row = table.add_row()
    cells = list(row.cells)
    for cell in cells:
        cell.width = Mm(TEXT_WIDTH_MM / len(cells))
    return cells


# --- signatures ----------------------------------------------------------------------------------
def _signatures(document: DocxDocument, doc: DraftDocument) -> None:
    """The parties side by side, two to a row of blocks; each block's parts (body and position,
    the line to sign on, the names, the seal) in rows of their own, so both lines align."""
    blocks = list(doc.signatures)
    for start in range(0, len(blocks), 2):
        spacer = document.add_paragraph()
        spacer.paragraph_format.space_before = Pt(18)
        spacer.paragraph_format.keep_with_next = True
        table = _table(document, columns=2)
        heads, lines, names, seals = (_row(table) for _ in range(4))
        for row in (heads, lines, names):
            _keep_row_with_next(row)
        for column, block in enumerate(blocks[start : start + 2]):
            _signature(doc, block, heads[column], lines[column], names[column], seals[column])


def _signature(
    doc: DraftDocument, block: SignatureBlock, head: _Cell, line: _Cell, name: _Cell, seal: _Cell
) -> None:
    writer = _Writer(head, in_column=True)
    for language, text in wording.distinct_texts(block.body, doc.languages):
        writer.plain(text, language, bold=True)
    for language, text in wording.distinct_texts(block.position, doc.languages):
        writer.plain(text, language)
    paragraph = line.paragraphs[0]
    paragraph.paragraph_format.space_before = Pt(36)  # room to sign
    _run(paragraph, SIGN_LINE, doc.languages[0])
    writer = _Writer(name, in_column=True)
    for language, text in wording.distinct_texts(block.name, doc.languages):
        writer.plain(text, language)
    paragraph = seal.paragraphs[0]
    paragraph.paragraph_format.space_before = Pt(10)
    words = dict.fromkeys(wording.seal_place(language) for language in doc.languages)
    for index, (word, language) in enumerate(_first_language(words, doc.languages)):
        if index:
            _run(paragraph, wording.SEPARATOR, doc.languages[0])
        _run(paragraph, word, language)


def _first_language(words: Iterable[str], languages: tuple[str, ...]) -> list[tuple[str, str]]:
    """Each word with the first language that says it."""
    return [
        (word, next(lang for lang in languages if wording.seal_place(lang) == word))
        for word in words
    ]


def _keep_row_with_next(cells: list[_Cell]) -> None:
    """The signature block stays on one page: each paragraph keeps with the next row."""
    for cell in cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


# --- page set-up ---------------------------------------------------------------------------------
def _portrait_a4(section: Section) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(PAGE_WIDTH_MM)
    section.page_height = Mm(297)
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.header_distance = Mm(8)
    section.footer_distance = Mm(6)


def _base_font(document: DocxDocument, languages: tuple[str, ...]) -> None:
    """Times New Roman everywhere (w:ascii, w:hAnsi, w:cs), over the template's theme fonts;
    the East Asian slot names the CJK language's font when the draft has one."""
    east_asian = next((_east_asian_font(lang) for lang in languages if is_cjk(lang)), FONT)
    set_base_font(document, FONT, BODY_SIZE, east_asian)
    settings = document.settings.element
    if settings.find(qn("w:autoHyphenation")) is None:  # as the PDF's narrow columns
        settings.append(OxmlElement("w:autoHyphenation"))


def _properties(document: DocxDocument, doc: DraftDocument) -> None:
    first = doc.languages[0]
    title = doc.meta_title or " ".join(_lines(doc.title.get(first, "")))
    properties = document.core_properties
    properties.title = office_text(title)[:255]
    properties.subject = _("Draft agreement") if doc.is_draft else _("Agreement")
    properties.author = "mumidesk"
    properties.keywords = "; ".join([doc.template_id, *doc.languages])
    properties.language = _word_language(first)


def _draft_header(section: Section, languages: tuple[str, ...]) -> None:
    """ "ПРОЕКТ / DRAFT" at the top right of every page, grey."""
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    words: dict[str, str] = {}
    for language in languages:
        words.setdefault(wording.draft_word(language), language)
    for index, (word, language) in enumerate(words.items()):
        parts = [(wording.SEPARATOR, languages[0])] if index else []
        for text, lang in [*parts, (word, language)]:
            run = _run(paragraph, text, lang)
            run.font.size = MARK_SIZE
            run.font.color.rgb = MARK_COLOUR
