"""Where the shipped data (fonts, templates, demo data, icons) is: the package `mumidesk.assets`,
found through importlib.resources - the top-level resources/ folder in a source checkout
(setup.py maps it), the installed package in a wheel, the bundle's copy in the frozen build."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

ASSETS_PACKAGE = "mumidesk.assets"


def resources_dir() -> Path:
    # ReportLab, Qt and the template loader want real paths, and every way mumidesk is installed
    # keeps the data as plain files (no zip import), so the traversable is a folder on disk.
    folder = Path(str(files(ASSETS_PACKAGE)))
    if not folder.is_dir():
        raise RuntimeError(f"{ASSETS_PACKAGE} is not a folder on disk: {folder}")
    return folder


RESOURCES = resources_dir()
FONTS_DIR = RESOURCES / "fonts"
ICONS_DIR = RESOURCES / "icons"
