"""Build the frozen application on the current OS and smoke-test the result, not the source.

    python packaging/build.py               dist/mumidesk/ (one folder; PyInstaller from .venv)
    python packaging/build.py --smoke       then run the FROZEN executable: --version, self-test,
                                            a quarterly report of the demo data (checked) and
                                            the window's start (timed), in a Cyrillic folder
    python packaging/build.py --portable    also dist/mumidesk-portable.zip (data beside the exe);
                                            with --smoke, unpacked and run as well
    python packaging/build.py --installer   also the Inno Setup installer (Windows, ISCC found)

Only the standard library here; PyInstaller comes from the `build` extra (pip install -e
.[dev,build]), which this script installs into .venv when it is missing. Exits non-zero on any
failure, so a resource missing from the spec fails CI.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import dev  # noqa: E402 - dev.py is the one place that knows the venv and the catalogs

SPEC = ROOT / "packaging" / "mumidesk.spec"
ISS = ROOT / "packaging" / "mumidesk.iss"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "mumidesk"
PORTABLE_MARKER = "portable.txt"  # mumidesk/settings.py looks for it beside the executable
# The first event of the seed text of Smolensk region's second quarter of 2020.
EXPECTED_ROW = "Участие в собрании делегатов Международного Ганзейского союза"
REGION = "Смоленская область"
# The line the window's process logs once the main window is up (mumidesk/ui/app.py WINDOW_SHOWN).
WINDOW_SHOWN = "main window shown"
WINDOW_RUNS = 3
USER_FOLDER = "Иванова О. П"


class BuildError(Exception):
    pass


def version() -> str:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def executable() -> Path:
    return BUNDLE / ("mumidesk.exe" if os.name == "nt" else "mumidesk")


def ensure_pyinstaller(py: Path) -> None:
    probe = subprocess.run([str(py), "-c", "import PyInstaller"], capture_output=True)
    if probe.returncode != 0:
        dev.run(py, "-m", "pip", "install", "-e", ".[dev,build]")


def build(py: Path) -> None:
    dev.compile_catalogs(py)
    icons = ROOT / "resources" / "icons"
    if not (icons / "mumidesk.ico").exists():
        dev.run(py, ROOT / "packaging" / "make_icon.py")
    dev.run(
        py,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        DIST,
        "--workpath",
        WORK,
        SPEC,
    )
    if not executable().exists():
        raise BuildError(f"no executable at {executable()}")


def bundle_size_mb(folder: Path = BUNDLE) -> float:
    # Symbolic links (PyInstaller's on Linux) point into the folder: counted once.
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1_000_000


def frozen(
    args: list[str], env: dict[str, str], cwd: Path, exe: Path | None = None, timeout: int = 300
) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run the frozen executable (dist's, or `exe`); its output, and the wall time it took."""
    start = time.perf_counter()
    result = subprocess.run(
        [str(exe or executable()), *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
    )
    elapsed = time.perf_counter() - start
    print(f"$ mumidesk {' '.join(args)}  ({elapsed:.2f} s, exit {result.returncode})")
    for line in (result.stdout + result.stderr).splitlines():
        print("    " + line)
    if result.returncode != 0:
        raise BuildError(f"`mumidesk {' '.join(args)}` exited {result.returncode}")
    return result, elapsed


def smoke(py: Path) -> None:
    """--version, self-test and a quarterly report of the demo data, in a private data folder."""
    with tempfile.TemporaryDirectory(prefix="mumidesk-smoke-") as tmp:
        # A user's folder as on a Russian Windows desktop: Cyrillic letters and a space.
        home = Path(tmp) / USER_FOLDER
        home.mkdir()
        env = dict(os.environ)
        env.update(
            MUMIDESK_DATA_DIR=str(home / "data"),
            MUMIDESK_CONFIG_DIR=str(home / "config"),
            PYTHONIOENCODING="utf-8",
            PYTHONUTF8="1",
        )
        env.pop("MUMIDESK_DB", None)
        if sys.platform.startswith("linux") and not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"

        result, version_time = frozen(["--version"], env, home)
        if version() not in result.stdout:
            raise BuildError(f"--version printed {result.stdout!r}, not {version()}")
        _, self_test_time = frozen(["self-test"], env, home)
        frozen(["demo"], env, home)
        pdf = home / "q.pdf"
        frozen(quarterly_report_args(str(pdf)), env, home)
        check_pdf(py, pdf)
        log = home / "data" / "logs" / "mumidesk.log"
        window_times = [window_start(env, home, log) for _run in range(WINDOW_RUNS)]
    window_time = sorted(window_times)[len(window_times) // 2]
    print(f"bundle size: {bundle_size_mb():.1f} MB ({BUNDLE})")
    print(
        f"frozen start time: --version {version_time:.2f} s, main window on the demo data "
        f"{window_time:.2f} s (median of {WINDOW_RUNS}), self-test {self_test_time:.2f} s"
    )


def quarterly_report_args(output: str) -> list[str]:
    """The seed's report: Smolensk region, the second quarter of 2020 (its first row is known)."""
    return ["report", "quarterly", "--year", "2020", "--quarter", "2", "--region", REGION,
            "-o", output]  # fmt: skip


def window_start(
    env: dict[str, str], home: Path, log: Path, exe: Path | None = None, timeout: float = 120
) -> float:
    """Start the application itself (no command) on the demo data and time it until its log says
    the main window is shown; then stop it. Fails if it exits or never shows the window."""
    seen = log.read_text(encoding="utf-8").count(WINDOW_SHOWN) if log.exists() else 0
    start = time.perf_counter()
    process = subprocess.Popen(
        [str(exe or executable())],
        env=env,
        cwd=home,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    try:
        while time.perf_counter() - start < timeout:
            if log.exists() and log.read_text(encoding="utf-8").count(WINDOW_SHOWN) > seen:
                elapsed = time.perf_counter() - start
                print(f"$ mumidesk  (main window shown after {elapsed:.2f} s)")
                return elapsed
            if process.poll() is not None:
                output, _ = process.communicate()
                raise BuildError(
                    f"the window exited {process.returncode} before showing:\n{output}"
                )
            time.sleep(0.02)
        raise BuildError(f"no main window within {timeout:.0f} s (see {log})")
    finally:
        if process.poll() is None:
            process.kill()  # a throwaway data folder: nothing to save
        process.communicate()


def check_pdf(py: Path, pdf: Path) -> None:
    """The report's text through pypdf of the build environment (the bundle has no pypdf)."""
    code = (
        "import sys; from pypdf import PdfReader; "
        "text = ''.join(p.extract_text() or '' for p in PdfReader(sys.argv[1]).pages); "
        "sys.stdout.buffer.write(text.encode('utf-8'))"
    )
    out = subprocess.run([str(py), "-c", code, str(pdf)], capture_output=True, check=True)
    text = " ".join(out.stdout.decode("utf-8").split())
    if EXPECTED_ROW not in text:
        raise BuildError(f"the quarterly report lacks {EXPECTED_ROW!r}")
    print(f"ok report text: {EXPECTED_ROW}")


def smoke_portable(archive: Path) -> None:
    """Unzip the portable build into a folder with Cyrillic letters and a space, run it, and
    check that its settings, database and log stay beside the executable."""
    with tempfile.TemporaryDirectory(prefix="mumidesk-portable-") as tmp:
        target = Path(tmp) / "Флешка отдела"
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(target)
        folder = target / "mumidesk"
        exe = folder / executable().name
        exe.chmod(0o755)  # extracting restores no Unix modes (Windows has none to lose)
        env = {k: v for k, v in os.environ.items() if not k.startswith("MUMIDESK_")}
        if sys.platform.startswith("linux") and not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        frozen(["demo"], env, target, exe)
        database = folder / "data" / "mumidesk.db"
        if not database.is_file():
            raise BuildError(f"the portable build kept no database at {database}")
        window_start(env, target, folder / "data" / "logs" / "mumidesk.log", exe)
        print(f"ok portable: its database and log are in {database.parent}")


def portable(bundle: Path = BUNDLE, target: Path = DIST / "mumidesk-portable.zip") -> Path:
    """A zip of the bundle with the marker that keeps the data beside the executable."""
    (bundle / PORTABLE_MARKER).write_text(
        "mumidesk keeps its settings and database in the data folder beside this file.\n",
        encoding="utf-8",
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(bundle.rglob("*")):
                zf.write(path, Path("mumidesk") / path.relative_to(bundle))
    finally:
        (bundle / PORTABLE_MARKER).unlink()  # the installer's folder must not be portable
    print(f"portable: {target} ({target.stat().st_size / 1_000_000:.1f} MB)")
    return target


def installer() -> None:
    iscc = shutil.which("ISCC") or shutil.which("iscc")
    # Inno Setup 6 installs for all users into Program Files (x86), or, without administrator
    # rights (a per-user install, as winget may choose), into %LOCALAPPDATA%\Programs.
    local = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "Programs"
    candidates = [
        Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")),
        Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")),
        local,
    ]
    if iscc is None:
        found = (base / "Inno Setup 6" / "ISCC.exe" for base in candidates)
        iscc = next((str(path) for path in found if path.exists()), None)
    if iscc is None:
        raise BuildError("Inno Setup 6 (ISCC.exe) not found: install it from jrsoftware.org")
    dev.run(iscc, f"/DAppVersion={version()}", f"/DSourceDir={BUNDLE}", f"/O{DIST}", ISS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="smoke-test the frozen executable")
    parser.add_argument("--portable", action="store_true", help="also the portable zip")
    parser.add_argument("--installer", action="store_true", help="also the Inno Setup installer")
    parser.add_argument("--no-build", action="store_true", help="use the existing dist/mumidesk")
    args = parser.parse_args(argv)
    py = dev.ensure_venv()
    try:
        if not args.no_build:
            ensure_pyinstaller(py)
            start = time.perf_counter()
            build(py)
            print(f"built {BUNDLE} in {time.perf_counter() - start:.0f} s")
        if args.smoke:
            smoke(py)
        if args.portable:
            archive = portable()
            if args.smoke:
                smoke_portable(archive)
        if args.installer:
            installer()
    except (BuildError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
