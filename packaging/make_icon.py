"""Draw the application icon with Qt into resources/icons/mumidesk.png and mumidesk.ico.

Pillow is not a dependency of ours, and Qt writes ICO only through an image-format plugin, so the
ICO container is written here: a 6-byte header and a 16-byte entry per size, each pointing at a
PNG image (a format Windows reads in icons since Vista).

    python packaging/make_icon.py
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SIZE = 256
ICO_SIZES = (16, 24, 32, 48, 64, 256)  # what Windows asks an icon for at 100-200 % scaling


def draw_png(size: int = SIZE) -> bytes:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = size * 0.06
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1f5fa8"))  # a document-blue tile
    p.drawRoundedRect(box, size * 0.16, size * 0.16)
    # Two linked rings: the ties between two towns.
    pen = QPen(QColor("#ffffff"), size * 0.07)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    r = size * 0.2
    p.drawEllipse(QRectF(size * 0.22, size * 0.2, 2 * r, 2 * r))
    p.drawEllipse(QRectF(size * 0.38, size * 0.2, 2 * r, 2 * r))
    font = QFont("DejaVu Sans")
    font.setPixelSize(int(size * 0.2))
    font.setBold(True)
    p.setFont(font)
    p.drawText(QRectF(0, size * 0.62, size, size * 0.3), Qt.AlignmentFlag.AlignCenter, "mu")
    p.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # PySide6 wants a str, its stubs say bytes
    buffer.close()
    del app
    return bytes(data.data())


def ico_from_pngs(images: dict[int, bytes]) -> bytes:
    """ICONDIR (reserved, type 1 = icon, count) + one ICONDIRENTRY per size (0 means 256 px),
    then the PNG images. Every size is drawn at its own resolution: Explorer, the task bar and
    the title bar pick the nearest instead of shrinking the 256-pixel one."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = [], []
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset))
        blobs.append(png)
        offset += len(png)
    return header + b"".join(entries) + b"".join(blobs)


def main() -> int:
    ICONS.mkdir(parents=True, exist_ok=True)
    png = draw_png()
    (ICONS / "mumidesk.png").write_bytes(png)
    sizes = {size: draw_png(size) for size in ICO_SIZES if size != SIZE}
    (ICONS / "mumidesk.ico").write_bytes(ico_from_pngs({**sizes, SIZE: png}))
    print(f"wrote {ICONS / 'mumidesk.png'} and {ICONS / 'mumidesk.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
