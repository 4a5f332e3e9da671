"""Render the app icon SVG into the PNG sizes and a Windows .ico, next to the SVG.

Run after editing resources/icons/app/<APP_ID>.svg:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

Rendering uses Qt's own SVG module (in PySide6-Essentials), so no system tool is needed.
The .ico holds PNG-compressed images (valid since Windows Vista); PyInstaller takes it
for the Windows executable. On macOS PyInstaller converts the 256 px PNG to .icns itself
when Pillow is installed.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing_app import APP_ID  # noqa: E402

ICON_DIR = ROOT / "resources" / "icons" / "app"
SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 32, 48, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The SVG drawn into a transparent size x size image, antialiased."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def write_ico(path: Path, images: dict[int, bytes]) -> None:
    """A multi-size .ico whose entries are PNG streams (ICONDIR + ICONDIRENTRY, LE)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in sorted(images.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    path.write_bytes(header + entries + blobs)


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = ICON_DIR / f"{APP_ID}.svg"
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        print(f"make_icons: {svg} is not a valid SVG", file=sys.stderr)
        return 1
    pngs = {size: png_bytes(render(renderer, size)) for size in SIZES}
    for size, blob in pngs.items():
        (ICON_DIR / f"{APP_ID}-{size}.png").write_bytes(blob)
    write_ico(ICON_DIR / f"{APP_ID}.ico", {s: pngs[s] for s in ICO_SIZES})
    print(f"wrote {len(pngs)} PNGs and {APP_ID}.ico into {ICON_DIR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
