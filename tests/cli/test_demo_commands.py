"""`mumidesk demo` loads the seed data once and says so; a second run adds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from mumidesk.cli import main


def test_demo_loads_once_and_then_reports_nothing_added(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "demo.db")

    assert main(["--db", path, "demo"]) == 0
    first = capsys.readouterr().out
    assert "records added" in first
    assert "Partner: 68 added, 0 already present" in first

    assert main(["--db", path, "demo"]) == 0
    second = capsys.readouterr().out
    assert "nothing was added" in second


def test_demo_agreements_show_up_in_the_deadlines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "demo.db")
    assert main(["--db", path, "demo"]) == 0
    capsys.readouterr()

    assert main(["--db", path, "deadlines", "--within", "60", "--today", "2026-11-22"]) == 0
    out = capsys.readouterr().out
    assert "Тульской городской Думой" in out
    assert "Смоленским городским Советом" in out
