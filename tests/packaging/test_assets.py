"""The shipped data (fonts, templates, demo data, icons, catalogs, migrations) reaches every way
mumidesk is installed through the package: resources/ is the package mumidesk.assets (setup.py),
found by importlib.resources in a source checkout and carried whole in the wheel."""

from __future__ import annotations

import struct
import subprocess
import sys
import zipfile
from importlib.resources import files
from pathlib import Path

from mumidesk.resources import FONTS_DIR, ICONS_DIR, RESOURCES

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "resources"


def shipped_files() -> set[str]:
    return {
        path.relative_to(SHIPPED).as_posix()
        for path in SHIPPED.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


def test_the_data_package_is_the_resources_folder_found_through_importlib() -> None:
    assets = files("mumidesk.assets")
    assert Path(str(assets)) == RESOURCES
    assert (assets / "fonts" / "LiberationSans-Regular.ttf").is_file()
    assert (assets / "templates" / "twinning.toml").read_text(encoding="utf-8")
    assert (assets / "demo" / "20_smolensk.json").is_file()
    assert (FONTS_DIR / "wqy-microhei.ttc").is_file()
    assert (ICONS_DIR / "mumidesk.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"


def test_the_windows_icon_holds_every_size_windows_asks_for() -> None:
    data = (ICONS_DIR / "mumidesk.ico").read_bytes()
    _reserved, kind, count = struct.unpack("<HHH", data[:6])
    sides = set()
    for number in range(count):
        side, _h, _c, _r, _planes, _bits, size, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * number : 22 + 16 * number]
        )
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + size <= len(data)
        sides.add(side or 256)
    assert kind == 1 and sides >= {16, 32, 48, 256}


def test_the_wheel_carries_every_shipped_file_catalog_and_migration(tmp_path: Path) -> None:
    # No build isolation: the backend comes from the dev extra, so this runs offline.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("mumidesk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assets = {name.removeprefix("mumidesk/assets/") for name in names}
    missing = shipped_files() - assets
    assert not missing, f"not in the wheel: {sorted(missing)}"
    for lang in ("ru", "en"):
        assert f"mumidesk/locale/{lang}/LC_MESSAGES/mumidesk.mo" in names
    assert "mumidesk/db/migrations/script.py.mako" in names
    assert any(name.startswith("mumidesk/db/migrations/versions/0005") for name in names)
    assert not any("__pycache__" in name for name in names)
