"""Where the shipped resources (fonts, templates, demo data) are: beside the package in a source
tree or an editable install, or inside a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


RESOURCES = resources_dir()
FONTS_DIR = RESOURCES / "fonts"
