"""`mumidesk report annual`: the demo year to a PDF, a region, and what it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from mumidesk.cli import main


def text_of(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(tmp_path / "demo.db")
    assert main(["--db", db, "--lang", "en", "demo"]) == 0
    capsys.readouterr()
    return db


def test_annual_report_of_the_demo(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "annual-2020.pdf"
    args = ["--db", demo_db, "--lang", "en", "report", "annual", "--year", "2020", "-o", str(out)]
    assert main(args) == 0
    assert capsys.readouterr().out.strip() == f"Written: {out}"
    text = text_of(out)
    assert "Report on the international ties for 2020" in text
    assert "International events 7" in text

    region = tmp_path / "smolensk.pdf"
    args = ["--db", demo_db, "--lang", "en", "report", "annual", "--year", "2020"]
    assert main([*args, "--region", "Смоленская область", "-o", str(region)]) == 0
    text = text_of(region)
    assert "of the municipalities of Smolensk Oblast for 2020" in text
    assert "International events 6" in text

    only = tmp_path / "desnogorsk.pdf"
    assert main([*args, "--municipality", "Десногорск", "-o", str(only)]) == 0
    assert "International events 3" in text_of(only)


def test_annual_report_refuses_bad_options(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--db", demo_db, "--lang", "en", "report", "annual"]
    assert main([*base, "--year", "2020", "-o", str(tmp_path / "a.docx")]) != 0
    assert main([*base, "--year", "0", "-o", str(tmp_path / "a.pdf")]) != 0
    assert (
        main([*base, "--year", "2020", "--region", "Atlantis", "-o", str(tmp_path / "b.pdf")]) != 0
    )
    err = capsys.readouterr().err
    assert "--output" in err and "--year" in err and "Atlantis" in err
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.docx"))
