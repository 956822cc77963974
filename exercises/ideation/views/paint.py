"""Small painting helpers shared by the board and the projector views."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics

from ui.kit import theme


def font(px: float, bold: bool = False, italic: bool = False) -> QFont:
    """A font of ``px`` pixels (rounded up, so a floor stays a floor)."""
    f = QFont()
    f.setPixelSize(max(1, int(math.ceil(px))))
    f.setBold(bold)
    f.setItalic(italic)
    return f


def ink_on(colour: str) -> QColor:
    """White or dark text, whichever reads better on ``colour``."""
    c = QColor(colour)
    luminance = 0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()
    return QColor(theme.INK) if luminance > 170 else QColor("white")


def wrap_lines(text: str, metrics: QFontMetrics, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap into at most ``max_lines`` lines, the last one elided if needed."""
    words, lines, line = text.split(), [], ""
    for index, word in enumerate(words):
        candidate = f"{line} {word}".strip()
        if not line or metrics.horizontalAdvance(candidate) <= width:
            line = candidate
            continue
        if len(lines) == max_lines - 1:  # the last line allowed takes the rest, elided
            line = " ".join([line] + words[index:])
            break
        lines.append(line)
        line = word
    if line:
        lines.append(line)
    if lines:
        lines[-1] = metrics.elidedText(lines[-1], Qt.ElideRight, width)
    return lines
