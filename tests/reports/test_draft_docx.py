"""The agreement draft as DOCX: a two-column table with article N of both languages in one row,
A4 with the GOST margins, "ПРОЕКТ / DRAFT" in the page header of a draft only, the signature
table, East Asian font and language on Chinese runs, and the demo agreements."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from mumidesk.reports.drafts import wording
from mumidesk.reports.drafts.draft_docx import write_draft_docx
from mumidesk.reports.drafts.fill import fill_draft, list_templates
from mumidesk.reports.drafts.wording import draft_mark
from mumidesk.services.demo import demo_id, load_demo
from mumidesk.services.registry import Services
from tests.reports.draft_samples import (
    ARTICLES,
    END_MARK,
    HOSTILE,
    LONG_ARTICLE,
    sample_draft,
    text,
)

TITLE_ROWS = 2  # the title, then the preamble


def write(tmp_path: Path, name: str, **kwargs: object) -> DocxDocument:
    path = tmp_path / name
    write_draft_docx(sample_draft(**kwargs), path)  # type: ignore[arg-type]
    return Document(str(path))


def header_text(document: DocxDocument) -> str:
    return "".join(p.text for p in document.sections[0].header.paragraphs).strip()


def test_bilingual_table_has_article_n_of_both_languages_in_one_row(tmp_path: Path) -> None:
    document = write(tmp_path, "ru_en.docx", languages=("ru", "en"), long_repeat=3)
    table = document.tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert len(rows) == TITLE_ROWS + ARTICLES + 1  # and the closing
    assert rows[0] == [text("ru", "title"), text("en", "title")]
    assert rows[1] == [text("ru", "preamble"), text("en", "preamble")]
    for number in range(1, ARTICLES + 1):
        ru, en = rows[TITLE_ROWS + number - 1]
        assert ru.startswith(f"Статья {number}. Предмет соглашения\n{number}.1 Стороны")
        assert en.startswith(f"Article {number}. Subject of the agreement\n{number}.1 The Parties")
    long_ru, long_en = rows[TITLE_ROWS + LONG_ARTICLE - 1]
    assert long_ru.endswith(END_MARK) and long_en.endswith(END_MARK)
    assert rows[-1] == [text("ru", "closing"), text("en", "closing")]
    assert HOSTILE in rows[1][0]  # literally, markup and all
    # The headings are bold; Russian runs say they are Russian (spelling, hyphenation).
    heading = table.rows[TITLE_ROWS].cells[0].paragraphs[0]
    assert all(run.bold for run in heading.runs)
    lang = heading.runs[0]._r.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "ru-RU"


def test_page_set_up_header_and_properties(tmp_path: Path) -> None:
    document = write(tmp_path, "ru_en.docx", languages=("ru", "en"), long_repeat=2)
    section = document.sections[0]
    sizes = [
        section.page_width,
        section.page_height,
        section.left_margin,
        section.right_margin,
        section.top_margin,
        section.bottom_margin,
    ]
    assert [size.mm if size else 0 for size in sizes] == pytest.approx(
        [210, 297, 30, 10, 20, 20], abs=0.05
    )
    assert header_text(document) == "ПРОЕКТ / DRAFT"
    properties = document.core_properties
    assert properties.title == text("ru", "title")
    assert properties.subject == "Draft agreement"
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman" and normal.size.pt == 12

    signed = write(tmp_path, "signed.docx", languages=("ru", "en"), is_draft=False)
    assert header_text(signed) == ""
    assert "ПРОЕКТ" not in "".join(p.text for p in signed.paragraphs)
    assert signed.core_properties.subject == "Agreement"


def test_signature_blocks_side_by_side(tmp_path: Path) -> None:
    document = write(tmp_path, "ru_en.docx", languages=("ru", "en"), long_repeat=2)
    signatures = document.tables[-1]
    own, partner = ([cell.text for cell in column.cells] for column in signatures.columns)
    assert own[0].split("\n") == [
        text("ru", "body"),
        text("en", "body"),
        text("ru", "position"),
        text("en", "position"),
    ]
    assert own[1].startswith("____") and partner[1].startswith("____")
    assert own[2].split("\n") == [text("ru", "name"), text("en", "name")]
    assert own[3] == partner[3] == "М.П. / L.S."
    assert partner[0].split("\n")[:2] == [text("ru", "partner_body"), text("en", "partner_body")]


def test_chinese_runs_name_an_east_asian_font(tmp_path: Path) -> None:
    document = write(tmp_path, "ru_zh.docx", languages=("ru", "zh"), long_repeat=2)
    assert header_text(document) == "ПРОЕКТ / 草案"
    table = document.tables[0]
    assert table.rows[0].cells[1].text == text("zh", "title")
    assert table.rows[TITLE_ROWS].cells[1].text.startswith("第1条 协议主题")
    run = table.rows[TITLE_ROWS].cells[1].paragraphs[0].runs[0]
    fonts = run._r.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "SimSun"
    assert run._r.rPr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    # The document's default East Asian font is the Chinese one too; Latin stays Times.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    default_fonts = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    assert default_fonts.get(qn("w:eastAsia")) == "SimSun"
    assert default_fonts.get(qn("w:ascii")) == "Times New Roman"


def test_one_language_is_plain_paragraphs(tmp_path: Path) -> None:
    document = write(tmp_path, "ru.docx", languages=("ru",), long_repeat=2)
    assert len(document.tables) == 1  # only the signatures
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[0] == text("ru", "title")
    assert texts[1] == text("ru", "preamble")
    headings = [t for t in texts if t.startswith("Статья")]
    assert headings == [f"Статья {n}. Предмет соглашения" for n in range(1, ARTICLES + 1)]
    assert header_text(document) == "ПРОЕКТ"
    assert document.tables[0].rows[3].cells[0].text == "М.П."


def test_control_characters_are_dropped(tmp_path: Path) -> None:
    doc = sample_draft(("ru", "en"), long_repeat=1)
    broken = type(doc)(**{**doc.__dict__, "preamble": {"ru": "a\x0bb\x00c", "en": "d"}})
    path = tmp_path / "broken.docx"
    write_draft_docx(broken, path)
    assert Document(str(path)).tables[0].rows[1].cells[0].text == "abc"


# --- the demo agreements ---------------------------------------------------------------------
def template_for(template_ids: tuple[str, ...], language: str) -> str:
    available = {t.id: t for t in list_templates()}
    for template_id in template_ids:
        if template_id in available and language in available[template_id].languages:
            return template_id
    raise AssertionError(f"no template of {template_ids} has {language}")


@pytest.mark.parametrize("second", ["en", "de", "zh"])
def test_demo_agreements_as_docx(services: Services, tmp_path: Path, second: str) -> None:
    load_demo(services)
    demos = (
        ("agreement/rostov/lusaka", ("cooperation",), "Логвиненко Алексея"),
        (
            "agreement/kaluga/mogilev_draft",
            ("representative_bodies", "cooperation"),
            "Иванова Александра",
        ),
    )
    for key, templates, declined in demos:
        doc = fill_draft(services, demo_id(key), template_for(templates, second), ("ru", second))
        path = tmp_path / f"{key.replace('/', '_')}_{second}.docx"
        write_draft_docx(doc, path)
        document = Document(str(path))
        assert header_text(document) == draft_mark(("ru", second))
        rows = document.tables[0].rows
        assert declined in rows[1].cells[0].text  # the declined Russian preamble
        for article in doc.articles:
            ru, other = (cell.text for cell in rows[TITLE_ROWS + article.number - 1].cells)
            assert ru.startswith(wording.article_heading("ru", article.number)), key
            assert other.startswith(wording.article_heading(second, article.number)), key
