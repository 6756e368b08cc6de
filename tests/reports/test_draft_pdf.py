"""The agreement draft as PDF: two columns with article N beside article N (also across a page
break), one column for one language, the draft mark on every page of an unsigned draft and on
none of a signed one, Chinese text that reads back, hostile text printed literally, and the
demo agreements filled from the templates."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from mumidesk.reports.drafts import wording
from mumidesk.reports.drafts.draft_pdf import write_draft_pdf
from mumidesk.reports.drafts.fill import fill_draft, list_templates
from mumidesk.reports.drafts.wording import draft_mark
from mumidesk.reports.kit.document import MARGINS_PORTRAIT, frame_size
from mumidesk.services.demo import demo_id, load_demo
from mumidesk.services.registry import Services
from tests.reports.draft_samples import (
    ARTICLES,
    END_MARK,
    HOSTILE,
    LONG_ARTICLE,
    letters,
    sample_draft,
    text,
)
from tests.reports.pdf_text import Line, font_names, fonts_embedded, page_texts, pdf_lines

LEFT, _RIGHT, _TOP, BOTTOM = MARGINS_PORTRAIT
WIDTH, _HEIGHT = frame_size(is_landscape=False)
MIDDLE = LEFT + WIDTH / 2  # between the two columns


def write(tmp_path: Path, name: str, **kwargs: object) -> Path:
    path = tmp_path / name
    write_draft_pdf(sample_draft(**kwargs), path)  # type: ignore[arg-type]
    return path


def heading_line(lines: list[list[Line]], language: str, number: int) -> Line:
    """The line of article ``number``'s heading in ``language`` (it starts the heading)."""
    start = wording.article_heading(language, number)
    found = [line for page in lines for line in page if line.text.startswith(start)]
    assert len(found) == 1, (language, number, found)
    return found[0]


def body_text(path: Path) -> str:
    return letters(" ".join(page_texts(path)))


def test_bilingual_columns_with_articles_side_by_side(tmp_path: Path) -> None:
    path = write(tmp_path, "ru_en.pdf", languages=("ru", "en"))
    lines = pdf_lines(path)
    for number in range(1, ARTICLES + 1):
        ru = heading_line(lines, "ru", number)
        en = heading_line(lines, "en", number)
        assert ru.page == en.page, number
        assert ru.y == pytest.approx(en.y), number  # both columns start the article together
        assert ru.x < MIDDLE < en.x  # Russian left, English right
        assert ru.text == f"Статья {number}. Предмет соглашения"
        assert en.text == f"Article {number}. Subject of the agreement"
    # Each text line stays in its column: no Russian on the right, no English on the left.
    for page in lines:
        for line in page:
            if line.text.startswith(("Стороны", "Статья")):
                assert line.x + 1 < MIDDLE, line
            if line.text.startswith(("The Parties", "Article")):
                assert line.x > MIDDLE, line
    text_all = body_text(path)
    for language in ("ru", "en"):
        for key in ("title", "preamble", "closing", "position", "partner_body"):
            assert letters(text(language, key)) in text_all, (language, key)


def test_a_long_article_splits_across_pages_in_both_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "long.pdf", languages=("ru", "en"), long_repeat=14)
    lines = pdf_lines(path)
    start = {lang: heading_line(lines, lang, LONG_ARTICLE).page for lang in ("ru", "en")}
    ends = [line for page in lines for line in page if END_MARK in line.text]
    end_left = [line.page for line in ends if line.x < MIDDLE]
    end_right = [line.page for line in ends if line.x > MIDDLE]
    assert start["ru"] == start["en"]
    assert len(end_left) == 1 and len(end_right) == 1
    assert end_left[0] > start["ru"] and end_right[0] > start["en"]  # went on to a next page
    # Every page the article runs over has text in both columns.
    for page in range(start["ru"], max(end_left[0], end_right[0]) + 1):
        xs = [line.x for line in lines[page] if line.y > BOTTOM]
        assert any(x < MIDDLE for x in xs) and any(x > MIDDLE for x in xs), page
    # The next article starts in both columns together again.
    ru = heading_line(lines, "ru", LONG_ARTICLE + 1)
    en = heading_line(lines, "en", LONG_ARTICLE + 1)
    assert (ru.page, ru.y) == (en.page, pytest.approx(en.y))


def test_the_draft_mark_is_on_every_page_of_a_draft_and_on_none_when_signed(
    tmp_path: Path,
) -> None:
    draft = write(tmp_path, "draft.pdf", languages=("ru", "en"))
    texts = page_texts(draft)
    assert len(texts) >= 3
    assert draft_mark(("ru", "en")) == "ПРОЕКТ / DRAFT"
    assert all("ПРОЕКТ / DRAFT" in page for page in texts)
    signed = write(tmp_path, "signed.pdf", languages=("ru", "en"), is_draft=False)
    assert not any("ПРОЕКТ" in page or "DRAFT" in page for page in page_texts(signed))
    assert len(page_texts(signed)) == len(texts)  # the same text, only unmarked


def test_chinese_text_renders_in_the_cjk_font(tmp_path: Path) -> None:
    path = write(tmp_path, "ru_zh.pdf", languages=("ru", "zh"))
    texts = page_texts(path)
    assert all("ПРОЕКТ / 草案" in page for page in texts)
    whole = letters(" ".join(texts))
    for key in ("title", "preamble", "article", "closing", "body", "partner_position"):
        assert letters(text("zh", key)) in whole, key
    lines = pdf_lines(path)
    for number in range(1, ARTICLES + 1):
        ru = heading_line(lines, "ru", number)
        zh = heading_line(lines, "zh", number)
        assert zh.text == f"第{number}条 协议主题"
        assert ru.page == zh.page and ru.x < MIDDLE < zh.x
        assert abs(ru.y - zh.y) < 3  # the same line, give or take the fonts' ascents
        assert "WenQuanYi" in zh.font
    embedded = fonts_embedded(path)
    assert any("WenQuanYi" in name for name in embedded) and all(embedded.values())
    assert not any("Helvetica" in name for name in font_names(path))


def test_one_language_is_one_column(tmp_path: Path) -> None:
    path = write(tmp_path, "ru.pdf", languages=("ru",), long_repeat=3)
    texts = page_texts(path)
    assert all("ПРОЕКТ" in page and "DRAFT" not in page for page in texts)
    whole = body_text(path)
    assert letters(text("ru", "preamble")) in whole and "Article" not in whole
    lines = pdf_lines(path)
    # Body lines run across the whole text width, from the left margin.
    starts = [line for page in lines for line in page if line.text.startswith("1.1 Стороны")]
    assert len(starts) == 1 and starts[0].x < LEFT + 40
    wide = [line for page in lines for line in page if line.text.startswith("Стороны")]
    assert wide and all(line.x == pytest.approx(LEFT) for line in wide)
    assert max(len(line.text) for line in wide) > 80  # a column would hold about 45 letters


def test_user_text_is_printed_literally_and_metadata_is_set(tmp_path: Path) -> None:
    path = write(tmp_path, "ru_de.pdf", languages=("ru", "de"))
    whole = " ".join(page_texts(path))
    assert letters(HOSTILE) in letters(whole)  # "<b>" printed, not taken as markup
    assert all("ПРОЕКТ / ENTWURF" in page for page in page_texts(path))
    assert "Artikel 1. Gegenstand der Vereinbarung" in whole
    meta = PdfReader(path).metadata
    assert meta is not None
    assert meta.title == text("ru", "title")
    assert meta.subject == "Draft agreement"
    assert not any("Helvetica" in name for name in font_names(path))


def test_the_words_the_layout_adds() -> None:
    assert [wording.draft_word(lang) for lang in ("ru", "en", "de", "zh")] == [
        "ПРОЕКТ",
        "DRAFT",
        "ENTWURF",
        "草案",
    ]
    assert wording.article_heading("ru", 2, "Сроки") == "Статья 2. Сроки"
    assert wording.article_heading("zh", 2) == "第2条"
    assert wording.article_heading("xx", 7, "T") == "7. T"  # a language the table lacks
    assert (wording.seal_place("ru"), wording.seal_place("en")) == ("М.П.", "L.S.")
    assert draft_mark(("ru", "bg")) == "ПРОЕКТ"  # the same word once


# --- the demo agreements, filled from the shipped templates --------------------------------------
def template_for(template_ids: tuple[str, ...], language: str) -> str:
    """The first of ``template_ids`` that has a text in ``language``."""
    available = {t.id: t for t in list_templates()}
    for template_id in template_ids:
        if template_id in available and language in available[template_id].languages:
            return template_id
    raise AssertionError(f"no template of {template_ids} has {language}")


DEMO = (
    (
        "agreement/rostov/lusaka",
        ("cooperation",),
        ("Главы администрации города Ростова-на-Дону", "Логвиненко Алексея", "действующего"),
    ),
    (
        "agreement/kaluga/mogilev_draft",
        ("representative_bodies", "cooperation"),
        ("Главы городского самоуправления города Калуги", "Иванова Александра", "действующего"),
    ),
)


@pytest.mark.parametrize("second", ["en", "de", "zh"])
def test_demo_agreements_as_pdf(services: Services, tmp_path: Path, second: str) -> None:
    load_demo(services)
    for key, templates, declined in DEMO:
        doc = fill_draft(services, demo_id(key), template_for(templates, second), ("ru", second))
        assert doc.is_draft  # neither is signed yet
        path = tmp_path / f"{key.replace('/', '_')}_{second}.pdf"
        write_draft_pdf(doc, path)
        texts = page_texts(path)
        mark = draft_mark(("ru", second))
        assert all(mark in page for page in texts), key
        whole = letters(" ".join(texts))
        for part in declined:  # the Russian preamble, declined
            assert letters(part) in whole, (key, part)
        assert letters(doc.preamble[second])[:40] in whole
        lines = pdf_lines(path)
        for article in doc.articles:
            ru = heading_line(lines, "ru", article.number)
            other = heading_line(lines, second, article.number)
            assert ru.page == other.page and abs(ru.y - other.y) < 3, (key, article.number)
