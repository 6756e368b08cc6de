"""The layer rules, read from the source with ast: domain ← db ← services ← (reports, ui, cli).

Every import counts, also inside functions and under ``if TYPE_CHECKING`` (no exceptions).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "mumidesk"

FRONTS = ("mumidesk.ui", "mumidesk.cli", "mumidesk.reports")
# layer → the modules it must never import (a name and everything below it)
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "mumidesk.domain": (
        "sqlalchemy",
        "alembic",
        "PySide6",
        "mumidesk.db",
        "mumidesk.services",
        *FRONTS,
    ),
    "mumidesk.db": ("PySide6", "mumidesk.services", *FRONTS),
    "mumidesk.services": ("PySide6", *FRONTS),
    "mumidesk.ui": ("sqlalchemy", "alembic"),
    "mumidesk.cli": ("sqlalchemy", "alembic"),
    "mumidesk.reports": ("sqlalchemy", "alembic"),
}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, e.g. mumidesk.cli.db_commands
    target: str  # what it imports, e.g. sqlalchemy.orm
    line: int

    def __str__(self) -> str:
        return f"{self.module}:{self.line} imports {self.target}"


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, package: Path = PACKAGE) -> list[Import]:
    module = module_name(path, package)
    is_package = path.name == "__init__.py"
    found: list[Import] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [Import(module, alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the importing package
                base = module.split(".")
                keep = len(base) - node.level + (1 if is_package else 0)
                target = ".".join(base[:keep] + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append(Import(module, target, node.lineno))
            # "from mumidesk import db" imports the sub-package mumidesk.db
            found += [Import(module, f"{target}.{a.name}", node.lineno) for a in node.names]
        elif isinstance(node, ast.Call) and _is_dynamic_import(node):
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append(Import(module, arg.value, node.lineno))
    return found


def _is_dynamic_import(node: ast.Call) -> bool:
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name in {"import_module", "__import__"} and bool(node.args)


def under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def violations(files: list[Path], package: Path = PACKAGE) -> list[str]:
    bad: list[str] = []
    for path in files:
        for imp in imports_of(path, package):
            for layer, forbidden in FORBIDDEN.items():
                if under(imp.module, layer) and any(under(imp.target, f) for f in forbidden):
                    bad.append(str(imp))
    return sorted(set(bad))


def all_sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_the_package_is_where_we_look() -> None:
    names = {module_name(p) for p in all_sources()}
    assert {"mumidesk.domain.lifecycle", "mumidesk.db.engine", "mumidesk.services.crud"} <= names


def test_the_layers_are_kept() -> None:
    bad = violations(all_sources())
    assert not bad, "layer rule broken:\n" + "\n".join(bad)


# --- the checker itself catches what it should ----------------------------------------------


@pytest.mark.parametrize(
    ("where", "source"),
    [
        ("domain/x.py", "import sqlalchemy\n"),
        ("domain/x.py", "from PySide6 import QtWidgets\n"),
        ("domain/x.py", "from mumidesk.db.models import PartnerRow\n"),
        ("domain/x.py", "from mumidesk import services\n"),
        ("domain/x.py", "from ..services import crud\n"),
        ("domain/x.py", "def f():\n    import mumidesk.services.crud\n"),
        ("db/x.py", "from mumidesk.services.registry import Services\n"),
        ("db/x.py", "import mumidesk.ui.app\n"),
        ("db/x.py", "from mumidesk.reports import quarterly\n"),
        ("services/x.py", "from PySide6.QtCore import Qt\n"),
        ("services/x.py", "from mumidesk.cli.context import CliContext\n"),
        ("services/x.py", "importlib.import_module('mumidesk.ui.app')\n"),
        ("ui/x.py", "from sqlalchemy import select\n"),
        ("cli/x.py", "from sqlalchemy import text\n"),
        ("reports/x.py", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                         "    from sqlalchemy.orm import Session\n"),
    ],
)  # fmt: skip
def test_the_checker_finds_a_broken_rule(tmp_path: Path, where: str, source: str) -> None:
    path = _fake_module(tmp_path, where, source)
    assert violations([path], tmp_path / "mumidesk")


@pytest.mark.parametrize(
    ("where", "source"),
    [
        ("domain/x.py", "from mumidesk.domain.enums import AgreementStatus\nimport babel\n"),
        ("db/x.py", "from sqlalchemy import select\nfrom mumidesk.domain import errors\n"),
        ("services/x.py", "from sqlalchemy import select\nfrom mumidesk.db import models\n"),
        ("ui/x.py", "from PySide6 import QtWidgets\nfrom mumidesk.services import registry\n"),
        ("cli/x.py", "from mumidesk.db import migrate\nfrom mumidesk.services import registry\n"),
    ],
)
def test_the_checker_allows_what_the_rules_allow(tmp_path: Path, where: str, source: str) -> None:
    path = _fake_module(tmp_path, where, source)
    assert violations([path], tmp_path / "mumidesk") == []


def _fake_module(tmp_path: Path, where: str, source: str) -> Path:
    """A module placed as if it were inside mumidesk/, to run the checker on."""
    path = tmp_path / "mumidesk" / where
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    return path
