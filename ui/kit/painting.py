"""Painting helpers for the projector views: text that fits its box, sizes from the height."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

WRAP = int(Qt.TextWordWrap)


def font(px: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(max(int(px), 6))
    f.setBold(bold)
    return f


def fitted_font(rect: QRectF, text: str, max_px: float, min_px: float, bold: bool = False) -> QFont:
    """The largest font between ``min_px`` and ``max_px`` whose wrapped text fits ``rect``."""
    px = max_px
    while px > min_px:
        f = font(px, bold)
        bound = QFontMetricsF(f).boundingRect(rect, WRAP, text)
        if bound.height() <= rect.height() and bound.width() <= rect.width() + 0.5:
            return f
        px -= 1
    return font(min_px, bold)


def abbreviated(text: str, f: QFont, rect: QRectF) -> str:
    """``text`` wrapped in ``rect`` at font ``f``, shortened by whole words with "…" if it overflows."""
    metrics = QFontMetricsF(f)

    def fits(candidate: str) -> bool:
        bound = metrics.boundingRect(rect, WRAP, candidate)
        return bound.height() <= rect.height() + 0.5 and bound.width() <= rect.width() + 0.5

    if fits(text):
        return text
    words = text.split()
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words).rstrip(",;:·-") + "…"
        if fits(candidate):
            return candidate
    return elided(text, f, rect.width())


def draw_fitted(painter: QPainter, rect: QRectF, text: str, max_px: float, min_px: float,
                colour: str | QColor, bold: bool = False, align=Qt.AlignLeft | Qt.AlignVCenter) -> None:
    """Draw ``text`` wrapped in ``rect`` as large as it fits, never below ``min_px``: what still
    overflows at ``min_px`` is abbreviated ("…"), not shrunk."""
    painter.save()
    f = fitted_font(rect, text, max(max_px, min_px), min_px, bold)
    painter.setFont(f)
    painter.setPen(QColor(colour))
    painter.setClipRect(rect)
    painter.drawText(rect, int(align) | WRAP, abbreviated(text, f, rect))
    painter.restore()


def elided(text: str, f: QFont, width: float) -> str:
    return QFontMetricsF(f).elidedText(text, Qt.ElideRight, max(width, 0.0))
