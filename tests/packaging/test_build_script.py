"""packaging/build.py (standard library only, it runs before anything is installed) repeats a few
names of the application; they must stay the same."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from mumidesk import settings
from mumidesk.ui import app

BUILD = Path(__file__).resolve().parents[2] / "packaging" / "build.py"


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mumidesk_build_script", BUILD)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_build_script_waits_for_the_line_the_window_logs() -> None:
    assert _build_script().WINDOW_SHOWN == app.WINDOW_SHOWN


def test_the_build_script_writes_the_marker_the_settings_look_for() -> None:
    assert _build_script().PORTABLE_MARKER == settings.PORTABLE_MARKER


def test_the_application_reports_the_version_the_build_and_installer_take() -> None:
    # pyproject.toml names the version of the wheel, the frozen build's file properties and the
    # installer (build.py reads it); the program prints its own: they must agree.
    from mumidesk import __version__

    assert _build_script().version() == __version__
