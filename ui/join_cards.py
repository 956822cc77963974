"""Printable join cards: A4 pages of eight cards (name, QR code, the code to type, the address)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from room.server import qr_png
from workshop_app.i18n import _
from workshop_app.join_codes import JoinCode

COLUMNS, ROWS = 2, 4


def write_join_cards(path: str | Path, codes: list[JoinCode], url: str, title: str) -> int:
    """Write the cards to a PDF at ``path``; returns the number of pages."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, QMarginsF(10, 10, 10, 10),
                                     QPageLayout.Millimeter))
    writer.setResolution(300)
    writer.setTitle(title)
    painter = QPainter(writer)
    pages = 0
    try:
        area = painter.viewport()
        width, height = area.width() / COLUMNS, area.height() / ROWS
        per_page = COLUMNS * ROWS
        for index, code in enumerate(codes):
            if index % per_page == 0:
                if index:
                    writer.newPage()
                pages += 1
            slot = index % per_page
            _card(painter, QRectF((slot % COLUMNS) * width, (slot // COLUMNS) * height, width, height),
                  code, url, title)
    finally:
        painter.end()
    return pages


def _card(painter: QPainter, box: QRectF, code: JoinCode, url: str, title: str) -> None:
    pad = box.width() * 0.05
    inner = box.adjusted(pad / 2, pad / 2, -pad / 2, -pad / 2)
    painter.setPen(QPen(Qt.gray, 3, Qt.DashLine))
    painter.drawRect(inner)  # cut along the line
    painter.setPen(Qt.black)
    qr_side = min(inner.height() - 2 * pad, inner.width() * 0.45)
    image = QImage.fromData(qr_png(f"{url}/j/{code.code}", scale=10))
    painter.drawImage(QRectF(inner.left() + pad, inner.top() + (inner.height() - qr_side) / 2, qr_side, qr_side),
                      image)
    text = QRectF(inner.left() + 2 * pad + qr_side, inner.top() + pad,
                  inner.width() - 3 * pad - qr_side, inner.height() - 2 * pad)
    painter.setFont(QFont("Sans Serif", 8))
    painter.drawText(text, Qt.AlignTop | Qt.AlignLeft | Qt.TextWordWrap, title)
    painter.setFont(QFont("Sans Serif", 13, QFont.Bold))
    painter.drawText(text.adjusted(0, text.height() * 0.18, 0, 0), Qt.AlignTop | Qt.AlignLeft | Qt.TextWordWrap,
                     code.name)
    painter.setFont(QFont("Monospace", 18, QFont.Bold))
    painter.drawText(text.adjusted(0, text.height() * 0.5, 0, 0), Qt.AlignTop | Qt.AlignLeft, code.shown)
    painter.setFont(QFont("Sans Serif", 7))
    painter.drawText(text.adjusted(0, text.height() * 0.72, 0, 0), Qt.AlignTop | Qt.AlignLeft | Qt.TextWordWrap,
                     _("Scan the code, or open {url} and type the code.").format(url=url))
