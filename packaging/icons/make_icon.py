"""Draw packaging/icons/workshop-app.png (256 px), the app's icon: ``python packaging/icons/make_icon.py``.

PyInstaller turns the PNG into the Windows .ico and the macOS .icns (with Pillow).
"""

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

SIZE = 256


def draw() -> QImage:
    image = QImage(SIZE, SIZE, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.Antialiasing)
    p.setPen(Qt.NoPen)
    p.setBrush(QColor("#1f3b5c"))
    p.drawRoundedRect(QRectF(8, 8, SIZE - 16, SIZE - 16), 44, 44)
    for i, (width, colour) in enumerate(((120, "#f2a541"), (170, "#7fb3d5"), (90, "#f2a541"))):
        p.setBrush(QColor(colour))
        p.drawRoundedRect(QRectF(48, 162 + i * 24, width, 14), 7, 7)  # a roadmap's bars
    p.setPen(QColor("white"))
    font = QFont("DejaVu Sans", 1)
    font.setPixelSize(118)
    font.setBold(True)
    p.setFont(font)
    p.drawText(QRectF(0, 22, SIZE, 130), Qt.AlignCenter, "W")
    p.end()
    return image


if __name__ == "__main__":
    app = QGuiApplication(sys.argv)
    target = Path(__file__).with_name("workshop-app.png")
    draw().save(str(target))
    print(target)
