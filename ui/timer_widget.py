"""The big timer: a label whose text scales with its size and turns amber then red."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QLabel, QSizePolicy

from workshop_app.timer import TimerState, format_seconds

from .kit import theme


def timer_colour(state: TimerState | None, warning_seconds: int, base: str) -> str:
    if state is None:
        return base
    if state.overtime:
        return theme.DANGER
    if state.status in ("running", "paused") and state.remaining <= warning_seconds:
        return theme.WARNING
    return base


class BigTimer(QLabel):
    """Shows remaining time (``+02:13`` in overtime); the font fills the widget."""

    def __init__(self, base_colour: str = theme.INK, fill: float = 0.8, parent=None):
        super().__init__("--:--", parent)
        self.base_colour = base_colour
        self.fill = fill
        self.setAlignment(Qt.AlignCenter)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(80, 40)
        self._colour = ""
        self._size = 0
        self._font = QFont("DejaVu Sans")  # its digits are tabular: the text does not jump
        self._font.setStyleHint(QFont.SansSerif)
        self._font.setBold(True)

    def show_state(self, state: TimerState | None, warning_seconds: int) -> None:
        text = format_seconds(state.remaining) if state else "--:--"
        if state is not None and state.status == "paused":
            text = "❚❚ " + text
        colour = timer_colour(state, warning_seconds, self.base_colour)
        if text != self.text():
            self.setText(text)
            self._fit()
        if colour != self._colour:
            self._colour = colour
            self._apply_style()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Largest font whose text fits ``fill`` of the width and height."""
        sample = max(len(self.text()), 5)
        self._font.setPixelSize(100)
        metrics = QFontMetricsF(self._font)
        width = metrics.horizontalAdvance("8" * sample) or 1
        height = metrics.height() or 1
        size = min(self.width() * self.fill / width, self.height() * self.fill / height) * 100
        size = max(10, int(size))
        if size != self._size:
            self._size = size
            self._apply_style()

    def _apply_style(self) -> None:
        # A style sheet, not setFont: the application's style sheet would override the font.
        size = self._size or 10  # before the first fit (a colour set before any resize)
        self.setStyleSheet(f"color: {self._colour or self.base_colour}; font-size: {size}px; "
                           f"font-weight: bold; font-family: '{self._font.family()}';")
