"""A frozen build with `portable.txt` beside its executable keeps settings and data in the
`data` folder beside it; without the marker, or from source, the platform folders are used."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mumidesk import settings


@pytest.fixture
def frozen_exe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "mumidesk"
    folder.mkdir()
    exe = folder / "mumidesk.exe"
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.delenv(settings.ENV_CONFIG_DIR, raising=False)
    monkeypatch.delenv(settings.ENV_DATA_DIR, raising=False)
    return folder


def test_the_marker_keeps_everything_beside_the_executable(frozen_exe: Path) -> None:
    (frozen_exe / settings.PORTABLE_MARKER).write_text("portable", encoding="utf-8")
    data = frozen_exe.resolve() / "data"
    assert settings.config_dir() == data
    assert settings.data_dir() == data
    assert settings.default_database_path() == data / "mumidesk.db"
    assert settings.Settings.path() == data / "settings.json"


def test_without_the_marker_the_platform_folders_are_used(frozen_exe: Path) -> None:
    assert settings.portable_dir() is None
    assert not settings.data_dir().is_relative_to(frozen_exe)


def test_the_environment_still_wins_and_source_runs_are_never_portable(
    frozen_exe: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (frozen_exe / settings.PORTABLE_MARKER).write_text("portable", encoding="utf-8")
    monkeypatch.setenv(settings.ENV_DATA_DIR, str(tmp_path / "elsewhere"))
    assert settings.data_dir() == tmp_path / "elsewhere"
    monkeypatch.setattr(sys, "frozen", False)
    assert settings.portable_dir() is None
