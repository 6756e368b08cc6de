"""`mumidesk demo` then `mumidesk stats` prints the numbers of the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from mumidesk.cli import main


def test_stats_of_the_demo_data_give_the_seed_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "demo.db")
    assert main(["--db", db, "--lang", "en", "demo"]) == 0
    capsys.readouterr()
    assert (
        main(["--db", db, "--lang", "en", "stats", "--from-year", "2015", "--to-year", "2020"]) == 0
    )
    out = capsys.readouterr().out
    assert "Volgograd: 46 (Twin city: 24, Partner city: 22)" in out
    assert "Rostov-on-Don: 16 (Twin city: 16)" in out
    assert "Pupils and students in 2015–2020 (6 years): 780" in out


def test_stats_for_the_report_quarter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "demo.db")
    assert main(["--db", db, "--lang", "en", "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "--lang", "en", "stats", "--year", "2020"]) == 0
    out = capsys.readouterr().out
    assert "2nd quarter 2020: 7" in out
