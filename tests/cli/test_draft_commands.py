"""`mumidesk draft`: the demo agreements to PDF and DOCX by a part of the title or the id, the
list of templates, the default template, and what it refuses (writing nothing)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from docx import Document
from pypdf import PdfReader

from mumidesk.cli import draft_commands, main
from mumidesk.domain.agreements import Agreement
from mumidesk.domain.enums import AgreementKind
from mumidesk.domain.errors import ValidationError
from mumidesk.services.demo import demo_id

LUSAKA = demo_id("agreement/rostov/lusaka")
MOGILEV = demo_id("agreement/kaluga/mogilev_draft")
SMOLENSK = demo_id("agreement/kaluga/smolensk_council")  # registered: signed


def page_texts(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, made once for this module; each test copies it. (Made before the
    per-test isolation exists, so it isolates itself.)"""
    folder = tmp_path_factory.mktemp("demo")
    db = folder / "demo.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MUMIDESK_CONFIG_DIR", str(folder / "config"))
        patch.setenv("MUMIDESK_DATA_DIR", str(folder / "data"))
        patch.delenv("MUMIDESK_DB", raising=False)
        assert main(["--db", str(db), "--lang", "en", "demo"]) == 0
    return db


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = tmp_path / "demo.db"
    db.write_bytes(demo_template.read_bytes())
    capsys.readouterr()
    return str(db)


def test_list_templates(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "none.db")
    assert main(["--db", db, "--lang", "en", "draft", "--list-templates"]) == 0
    lines = capsys.readouterr().out.splitlines()
    cooperation = [line for line in lines if line.startswith("cooperation — ")]
    assert len(cooperation) == 1 and "ru, en" in cooperation[0]
    assert not Path(db).exists()  # listing needs no database


def test_draft_by_part_of_the_title_to_pdf(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "lusaka.pdf"
    args = ["--db", demo_db, "--lang", "en", "draft", "Лусакой", "--template", "cooperation"]
    assert main([*args, "--langs", "ru,en", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"Written: {out}"
    texts = page_texts(out)
    assert all("ПРОЕКТ / DRAFT" in page for page in texts)
    whole = " ".join(texts)
    assert "Статья 1." in whole and "Article 1." in whole
    assert PdfReader(out).metadata.title.startswith("Соглашение о сотрудничестве")  # type: ignore[union-attr]


def test_draft_by_id_to_docx_in_russian_and_chinese(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "lusaka.docx"
    args = ["--db", demo_db, "--lang", "en", "draft", str(LUSAKA), "--template", "cooperation"]
    assert main([*args, "--langs", "ru,zh", "-o", str(out)]) == 0
    document = Document(str(out))
    header = "".join(p.text for p in document.sections[0].header.paragraphs)
    assert header == "ПРОЕКТ / 草案"
    first_article = document.tables[0].rows[2].cells
    assert first_article[0].text.startswith("Статья 1.")
    assert first_article[1].text.startswith("第1条")


def test_a_signed_agreement_has_no_draft_mark(demo_db: str, tmp_path: Path) -> None:
    out = tmp_path / "smolensk.pdf"
    args = ["--db", demo_db, "--lang", "en", "draft", str(SMOLENSK), "--template", "cooperation"]
    assert main([*args, "--langs", "ru", "-o", str(out)]) == 0
    texts = page_texts(out)
    assert texts and not any("ПРОЕКТ" in page for page in texts)


def test_draft_refuses_bad_input_and_writes_nothing(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--db", demo_db, "--lang", "en", "draft"]
    pdf = str(tmp_path / "a.pdf")
    template = ["--template", "cooperation"]
    assert main([*base, str(MOGILEV), *template, "-o", str(tmp_path / "a.txt")]) != 0
    assert main([*base, str(MOGILEV), *template]) != 0  # no -o
    assert main([*base, "-o", pdf]) != 0  # no agreement
    assert main([*base, str(MOGILEV), *template, "--langs", "ru,en,de", "-o", pdf]) != 0
    assert main([*base, str(MOGILEV), *template, "--langs", "ru,qq1", "-o", pdf]) != 0
    assert main([*base, str(MOGILEV), "--template", "no-such", "-o", pdf]) != 0
    assert main([*base, "Atlantis", *template, "-o", pdf]) != 0
    assert main([*base, "Калуги", *template, "-o", pdf]) != 0  # three agreements say so
    err = capsys.readouterr().err
    for part in ("--output", "agreement", "--langs", "qq1", "no-such", "Atlantis", "3 agreements"):
        assert part in err, part
    assert not list(tmp_path.glob("a.*"))


def test_default_template_is_the_only_one_of_the_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    templates = [
        SimpleNamespace(id="twin", kind=AgreementKind.TWINNING),
        SimpleNamespace(id="coop", kind=AgreementKind.COOPERATION),
        SimpleNamespace(id="coop2", kind=AgreementKind.COOPERATION),
    ]
    monkeypatch.setattr(draft_commands, "list_templates", lambda: templates)
    twin = Agreement(title="t", kind=AgreementKind.TWINNING)
    assert draft_commands.default_template(twin).id == "twin"
    with pytest.raises(ValidationError) as caught:
        draft_commands.default_template(Agreement(title="c", kind=AgreementKind.COOPERATION))
    assert caught.value.fields == ["--template"] and "coop, coop2" in str(caught.value)


def test_languages_default_to_the_agreement_s_russian_first() -> None:
    agreement = Agreement(title="t", languages=["be", "ru", "en"])
    assert draft_commands.agreement_languages(agreement) == ("ru", "be")
    assert draft_commands.parse_languages(" ru , zh ") == ("ru", "zh")
