"""Measure every text a shared view shows the room, in pixels (used by the font-size tests).

QLabels and buttons: their polished font; tables: their font and header's; painted widgets:
the fonts they set on their painter while painting; matplotlib charts: their text artists
(points at the figure's dpi, times the scale at which the chart is shown).
"""

from __future__ import annotations

from PySide6.QtGui import QFontInfo, QPainter
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QWidget


def _px(font) -> float:
    return float(QFontInfo(font).pixelSize())


def figure_text_px(figure, shown_scale: float = 1.0) -> list[tuple[float, str]]:
    from matplotlib.text import Text

    sizes = []
    for text in figure.findobj(Text):
        if text.get_visible() and text.get_text().strip() and text.get_figure() is not None:
            sizes.append((text.get_fontsize() * figure.dpi / 72 * shown_scale, text.get_text()))
    return sizes


def painted_px(widget: QWidget, monkeypatch) -> list[tuple[float, str]]:
    """The fonts a widget's paintEvent sets, recorded while it renders."""
    seen: list[tuple[float, str]] = []
    original = QPainter.setFont

    def recording(painter, font):
        size = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * 96 / 72
        seen.append((float(size), type(widget).__name__))
        return original(painter, font)

    monkeypatch.setattr(QPainter, "setFont", recording)
    try:
        widget.grab()
    finally:
        monkeypatch.setattr(QPainter, "setFont", original)
    return seen


def room_text_px(root: QWidget, monkeypatch) -> list[tuple[float, str]]:
    """(pixel size, what) of every visible text under ``root``."""
    sizes: list[tuple[float, str]] = []
    widgets = [root] + root.findChildren(QWidget)
    for w in widgets:
        if not w.isVisibleTo(root.window()) or not w.isVisible():
            continue
        w.ensurePolished()
        if isinstance(w, QLabel) and w.text().strip() and w.pixmap().isNull():
            sizes.append((_px(w.font()), w.text()[:40]))
        elif isinstance(w, QAbstractButton) and w.text().strip():
            sizes.append((_px(w.font()), w.text()[:40]))
        elif isinstance(w, QAbstractItemView) and w.model() is not None and w.model().rowCount() > 0:
            sizes.append((_px(w.font()), type(w).__name__))
        figure = getattr(w, "room_figure", None)
        if callable(figure) and figure() is not None:
            sizes += figure_text_px(figure(), getattr(w, "room_figure_scale", lambda: 1.0)())
        elif hasattr(w, "figure") and type(w).__name__ == "FigureCanvasQTAgg":
            sizes += figure_text_px(w.figure)
        if getattr(type(w), "ROOM_PAINTED", False):
            sizes += painted_px(w, monkeypatch)
    return sizes
