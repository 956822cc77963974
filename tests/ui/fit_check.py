"""Does every label of a widget tree fit its space? (the 1366×768 fit tests)

Each text's needed width (QFontMetrics.horizontalAdvance, plus the widget's own padding)
is compared with the width the widget has.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QHeaderView, QLabel,
                               QTabBar, QWidget)

BUTTON_PADDING = 20  # the theme's push-button padding, both sides, and the frame
COMBO_ARROW = 30


def _visible(w: QWidget) -> bool:
    return w.isVisible() and w.width() > 0


def clipped(root: QWidget) -> list[str]:
    """Descriptions of the texts under ``root`` that do not fit."""
    problems = []
    for w in [root] + root.findChildren(QWidget):
        if not _visible(w):
            continue
        metrics = QFontMetrics(w.font())
        if isinstance(w, QTabBar):
            if w.sizeHint().width() > w.width() + 1 and w.parentWidget() is not None \
                    and w.sizeHint().width() > w.parentWidget().width():
                problems.append(f"tab bar needs {w.sizeHint().width()} px, has {w.parentWidget().width()}")
        elif isinstance(w, QAbstractButton) and w.text() and type(w).__name__ in ("QPushButton", "QToolButton"):
            need = metrics.horizontalAdvance(w.text().replace("&", "")) + BUTTON_PADDING
            if type(w).__name__ == "QToolButton":  # the style's own size: its text, padding and arrow
                need = max(metrics.horizontalAdvance(w.text().replace("&", "")), w.sizeHint().width())
            if need > w.width():
                problems.append(f"button {w.text()!r} needs {need} px, has {w.width()}")
        elif isinstance(w, QLabel) and w.text() and not w.wordWrap() and w.pixmap().isNull() \
                and w.textFormat() != 1 and "<" not in w.text():
            need = max(metrics.horizontalAdvance(line) for line in w.text().split("\n"))
            if need > w.contentsRect().width() + 1:
                problems.append(f"label {w.text()!r} needs {need} px, has {w.contentsRect().width()}")
        elif isinstance(w, QComboBox) and (w.currentText() or w.placeholderText()):
            text = w.currentText() or w.placeholderText()
            need = metrics.horizontalAdvance(text) + COMBO_ARROW
            if need > w.width():
                problems.append(f"combo {w.currentText()!r} needs {need} px, has {w.width()}")
        elif isinstance(w, QHeaderView) and w.model() is not None:
            bold = QFontMetrics(w.font())
            count = w.count()
            for section in range(count):
                if w.isSectionHidden(section):
                    continue
                text = w.model().headerData(section, w.orientation())
                if not text:
                    continue
                wraps = bool(int(w.defaultAlignment()) & int(Qt.TextWordWrap))
                pieces = str(text).split() if wraps else str(text).split("\n")
                need = max(bold.horizontalAdvance(piece) for piece in pieces) + 12
                size = w.sectionSize(section) if w.orientation() == 1 else w.width()
                if need > size:
                    problems.append(f"header {str(text)!r} needs {need} px, has {size}")
        if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) and hasattr(w, "horizontalHeader") \
                and w.model() is not None and w.model().rowCount() and w.horizontalScrollBarPolicy() != 1:
            header = w.horizontalHeader()
            if header.length() > w.viewport().width() + 1:
                problems.append(f"{type(w).__name__}: columns need {header.length()} px, "
                                f"the view shows {w.viewport().width()}")
    return problems
