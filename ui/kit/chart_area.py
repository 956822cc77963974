"""A matplotlib Figure drawn to fit its area, for the projector's chart pages.

``make_figure(width_px, height_px)`` returns a fresh Figure; the area redraws it when it
is shown, resized, or told its data changed (``invalidate``). matplotlib's Qt canvas is
imported on the first draw, never at start-up.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

MIN_WIDTH, MIN_HEIGHT = 400, 300


class ChartArea(QWidget):
    def __init__(self, make_figure: Callable[[int, int], object], parent=None):
        super().__init__(parent)
        self.make_figure = make_figure
        self.canvas = None
        self._drawn_for: tuple[int, int] | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def invalidate(self) -> None:
        """The data changed: redraw now if visible, else at the next show."""
        self._drawn_for = None
        if self.isVisible():
            self.draw()

    def draw(self) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        size = (max(self.width(), MIN_WIDTH), max(self.height(), MIN_HEIGHT))
        if self._drawn_for == size:
            return
        self._drawn_for = size
        figure = self.make_figure(*size)
        if self.canvas is not None:
            self._layout.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.canvas = FigureCanvasQTAgg(figure)
        self.canvas.setStyleSheet("background: transparent;")
        self._layout.addWidget(self.canvas)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.draw()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self.draw()
