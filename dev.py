"""Set up and run mumidesk on any OS that has Python >= 3.11.

    python dev.py run [ARGS]     create .venv, install, build catalogs, start the application
    python dev.py test [ARGS]    the same set-up, then ruff, ruff format --check, mypy and pytest
    python dev.py i18n           extract messages into i18n/messages.pot and update the catalogs
    python dev.py bench [ARGS]   run the benchmarks (benchmarks/run.py; benchmarks/ui.py: window)
    python dev.py screens [ARGS] render every page and dialog to PNG (tools/screens.py; xvfb-run)

Only the standard library is used here: this script runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCALES = ("ru", "en")
DOMAIN = "mumidesk"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def run(*args: str | os.PathLike[str], check: bool = True) -> int:
    print("+", " ".join(str(a) for a in args), flush=True)
    return subprocess.run([str(a) for a in args], cwd=ROOT, check=check).returncode


def ensure_venv() -> Path:
    py = venv_python()
    if not py.exists():
        if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs before any Python is chosen
            sys.exit("mumidesk needs Python 3.11 or newer")
        venv.EnvBuilder(with_pip=True).create(VENV)
    # Reinstall only when the project metadata changed: a second start is fast.
    metadata = (ROOT / "pyproject.toml").read_bytes() + (ROOT / "setup.py").read_bytes()
    digest = hashlib.sha256(metadata).hexdigest()
    stamp = VENV / ".mumidesk-installed"
    if not stamp.exists() or stamp.read_text() != digest:
        run(py, "-m", "pip", "install", "--upgrade", "pip")
        run(py, "-m", "pip", "install", "-e", ".[dev]")
        stamp.write_text(digest)
    compile_catalogs(py)
    return py


def compile_catalogs(py: Path) -> None:
    """Build the .mo files the application loads from the .po sources (never committed)."""
    for lang in LOCALES:
        src = ROOT / "i18n" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        out = ROOT / "mumidesk" / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
        if out.exists() and out.stat().st_mtime >= src.stat().st_mtime:
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        run(
            py,
            "-m",
            "babel.messages.frontend",
            "compile",
            "--statistics",
            "-l",
            lang,
            "-i",
            src,
            "-o",
            out,
        )


def extract_messages(py: Path) -> None:
    pot = ROOT / "i18n" / "messages.pot"
    run(
        py,
        "-m",
        "babel.messages.frontend",
        "extract",
        "-F",
        ROOT / "i18n" / "babel.cfg",
        "--no-location",
        "--sort-output",
        "--project",
        "mumidesk",
        "-o",
        pot,
        "mumidesk",
    )
    for lang in LOCALES:
        po = ROOT / "i18n" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        if po.exists():
            run(
                py,
                "-m",
                "babel.messages.frontend",
                "update",
                "--no-fuzzy-matching",
                "--ignore-obsolete",
                "-l",
                lang,
                "-i",
                pot,
                "-o",
                po,
            )
        else:
            run(py, "-m", "babel.messages.frontend", "init", "-l", lang, "-i", pot, "-o", po)
    run(py, ROOT / "i18n" / "fill_english.py", ROOT / "i18n" / "en" / "LC_MESSAGES" / "mumidesk.po")
    print("Now translate the empty msgstr entries of i18n/ru/LC_MESSAGES/mumidesk.po")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "i18n", "bench", "screens", "setup"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    py = ensure_venv()
    if command == "setup":
        return 0
    if command == "run":
        return run(py, "-m", "mumidesk", *rest, check=False)
    if command == "i18n":
        extract_messages(py)
        return 0
    if command == "bench":
        return run(py, "benchmarks/run.py", *rest, check=False)
    if command == "screens":
        xvfb = shutil.which("xvfb-run")
        if xvfb:  # a real X server: the pictures are what a user's screen shows
            screen = ["-a", "-s", "-screen 0 1600x1000x24"]
            return run(xvfb, *screen, py, "tools/screens.py", *rest, check=False)
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return run(py, "tools/screens.py", *rest, check=False)
    steps: list[list[str | Path]] = [
        [py, "-m", "ruff", "check", "."],
        [py, "-m", "ruff", "format", "--check", "."],
        [py, "-m", "mypy"],
        [py, "-m", "pytest", *rest],
    ]
    for step in steps:
        code = run(*step, check=False)
        if code != 0:
            print(f"dev.py test: failed at: {' '.join(str(s) for s in step)}", flush=True)
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
