"""The log file of the window's process: its start line, messages of the application's loggers,
rotation, the crash file for faulthandler, and no failure when the folder cannot be written."""

from __future__ import annotations

import faulthandler
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from mumidesk import __version__, app_log, settings


@pytest.fixture(autouse=True)
def no_log_left_open() -> Iterator[None]:
    yield
    app_log.stop_logging()


def test_the_log_starts_with_the_version_and_collects_the_application_messages(
    tmp_path: Path,
) -> None:
    path = app_log.start_logging(tmp_path)
    logging.getLogger("mumidesk.ui.background").error("job failed: %s", "Кириллица")
    app_log.stop_logging()
    text = path.read_text(encoding="utf-8")
    assert f"mumidesk {__version__} started (Python" in text
    assert "ERROR mumidesk.ui.background [MainThread] job failed: Кириллица" in text
    assert (tmp_path / app_log.CRASH_NAME).exists()
    assert not faulthandler.is_enabled()


def test_starting_twice_adds_no_second_handler(tmp_path: Path) -> None:
    app_log.start_logging(tmp_path)
    app_log.start_logging(tmp_path)
    logging.getLogger("mumidesk").warning("once")
    app_log.stop_logging()
    assert (tmp_path / app_log.LOG_NAME).read_text(encoding="utf-8").count("once") == 1


def test_the_log_rotates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_log, "MAX_BYTES", 2_000)
    app_log.start_logging(tmp_path)
    for number in range(200):
        logging.getLogger("mumidesk").info("line %d %s", number, "x" * 40)
    app_log.stop_logging()
    files = sorted(path.name for path in tmp_path.glob("mumidesk.log*"))
    assert files == ["mumidesk.log", *(f"mumidesk.log.{n}" for n in range(1, 6))]


def test_an_unwritable_folder_leaves_the_application_without_a_log_not_without_a_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("")
    app_log.start_logging(blocked / "logs")
    assert app_log.current_log() is None
    assert "no log file in" in capsys.readouterr().err


def test_the_log_folder_follows_the_data_folder_when_one_is_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(settings.ENV_DATA_DIR, str(tmp_path / "data"))
    assert settings.log_dir() == tmp_path / "data" / "logs"
    monkeypatch.delenv(settings.ENV_DATA_DIR)
    assert settings.log_dir().name.lower() in {"log", "logs"}
