"""Settings: where the database is (``--db`` > MUMIDESK_DB > settings file > default)."""

from __future__ import annotations

import json
from pathlib import Path

import platformdirs
import pytest

from mumidesk import settings
from mumidesk.settings import (
    ENV_CONFIG_DIR,
    ENV_DB,
    Settings,
    backup_dir_for,
    config_dir,
    default_database_path,
    resolve_database_url,
    to_url,
)

PG = "postgresql+psycopg://ivanova@db.local/mumidesk"


def sqlite_url(path: Path) -> str:
    return "sqlite:///" + path.resolve().as_posix()


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "from-settings.db"
    Settings(database_url=str(path)).save()
    return path


def test_db_option_beats_everything(
    saved: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_DB, str(tmp_path / "from-env.db"))
    assert resolve_database_url(str(tmp_path / "cli.db")) == sqlite_url(tmp_path / "cli.db")
    assert resolve_database_url(PG) == PG


def test_environment_beats_the_settings_file(
    saved: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_DB, str(tmp_path / "from-env.db"))
    assert resolve_database_url() == sqlite_url(tmp_path / "from-env.db")
    assert resolve_database_url(None) == sqlite_url(tmp_path / "from-env.db")
    assert resolve_database_url("") == sqlite_url(tmp_path / "from-env.db")


def test_settings_file_beats_the_default(saved: Path) -> None:
    assert resolve_database_url() == sqlite_url(saved)


def test_an_empty_environment_variable_is_ignored(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_DB, "")
    assert resolve_database_url() == sqlite_url(saved)


def test_default_is_in_the_platform_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MUMIDESK_DATA_DIR")  # the tests' isolation sets it
    expected = Path(platformdirs.user_data_dir("mumidesk", appauthor=False)) / "mumidesk.db"
    assert default_database_path() == expected
    assert resolve_database_url() == sqlite_url(expected)


def test_paths_become_absolute_sqlite_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    url = to_url("data/m.db")
    assert url == "sqlite:///" + (tmp_path / "data" / "m.db").as_posix()
    assert url.startswith("sqlite:////")  # an absolute path after the three slashes
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert to_url("~/m.db") == "sqlite:///" + (tmp_path / "home" / "m.db").as_posix()
    assert to_url("Базы/Смоленск.db").endswith("/Базы/Смоленск.db")
    assert to_url(PG) == PG
    assert to_url("sqlite:///relative.db") == "sqlite:///relative.db"  # a URL is kept as is


def test_settings_round_trip() -> None:
    assert not Settings.path().exists()
    assert Settings.load() == Settings()
    Settings(database_url="C:/Данные/m.db", language="ru", region_id="abc").save()
    assert Settings.load() == Settings(
        database_url="C:/Данные/m.db", language="ru", region_id="abc"
    )
    assert "Данные" in Settings.path().read_text(encoding="utf-8")  # readable, not \\u-escaped


def test_config_dir_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_CONFIG_DIR, str(tmp_path / "cfg"))
    assert config_dir() == tmp_path / "cfg"
    assert Settings.path() == tmp_path / "cfg" / "settings.json"
    monkeypatch.delenv(ENV_CONFIG_DIR)
    assert config_dir() == Path(platformdirs.user_config_dir("mumidesk", appauthor=False))


@pytest.mark.parametrize(
    "content",
    [
        "{broken",
        "[]",
        '"a string"',
        "null",
        '{"database_url": null, "language": 5}',
        "",
    ],
)
def test_a_damaged_settings_file_gives_the_defaults(content: str) -> None:
    path = Settings.path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    assert Settings.load() == Settings()
    assert resolve_database_url() == sqlite_url(default_database_path())


def test_unknown_keys_are_ignored() -> None:
    path = Settings.path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"language": "en", "theme": "dark"}), encoding="utf-8")
    assert Settings.load() == Settings(language="en")


def test_backup_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert backup_dir_for(tmp_path / "m.db") == tmp_path / "backups"
    monkeypatch.setattr(settings, "data_dir", lambda: tmp_path / "data")
    assert backup_dir_for(None) == tmp_path / "data" / "backups"


def test_data_folder_can_be_moved_by_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MUMIDESK_DATA_DIR", str(tmp_path))
    assert default_database_path() == tmp_path / "mumidesk.db"
