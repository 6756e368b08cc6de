"""The package list, which pyproject.toml cannot express: `resources/` (fonts, templates, demo
data, icons) is installed as the data package `mumidesk.assets`, so the application finds it
through importlib.resources wherever it runs - a source checkout (editable install), a wheel or
the frozen build. Everything else about the project is in pyproject.toml."""

from pathlib import Path

from setuptools import find_namespace_packages, setup

ASSETS = Path(__file__).resolve().parent / "resources"

setup(
    packages=[
        # Namespace search: the compiled catalogs' folders (mumidesk/locale/..) have no __init__.py.
        *find_namespace_packages(include=["mumidesk*"], exclude=["*__pycache__*"]),
        "mumidesk.assets",
        # Each folder of resources/ is a package of data files of its own (no warning from
        # setuptools about folders it would otherwise have to guess about).
        *(
            f"mumidesk.assets.{folder.name}"
            for folder in sorted(ASSETS.iterdir())
            if folder.is_dir() and not folder.name.startswith((".", "__"))
        ),
    ],
    package_dir={"mumidesk.assets": "resources"},
)
