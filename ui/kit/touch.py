"""Big, touch-friendly controls for the shared screen (dark blue background, sizes from its height).

Used by the trend card and by the self-diagnosis: participants come to the laptop one
after another, touch their name, then touch their answers.

Signals:
    NamePicker.picked(participant_id)
    ChoiceRow.chosen(value)
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                               QSizePolicy, QWidget)

from . import theme
from .legibility import ROOM_SHARE

PALE = "#D9E2EC"
SOFT = "#9FB3C8"


def shared_style(height: int) -> str:
    """The style sheet of a shared view, its font sizes scaled to the window's height."""
    h = max(height, 300)

    def px(share: float) -> int:
        return max(10, int(h * share))

    def room(factor: float = 1.0) -> int:  # text for the room: at least ROOM_SHARE of the height
        return max(12, round(h * ROOM_SHARE * factor))

    return f"""
    QWidget {{ color: white; background: transparent; }}
    QLabel[role="heading"] {{ color: {PALE}; font-size: {room(1.1)}px; }}
    QLabel[role="big-title"] {{ color: white; font-weight: bold; font-size: {room(1.5)}px; }}
    QLabel[role="body"] {{ color: {PALE}; font-size: {room()}px; }}
    QLabel[role="example"] {{ color: {PALE}; font-style: italic; font-size: {room()}px;
                              border-left: 4px solid {theme.ACCENT_2}; padding-left: 12px; }}
    QLabel[role="prompt"] {{ color: white; font-weight: bold; font-size: {room()}px; }}
    QLabel[role="muted"] {{ color: {SOFT}; font-size: {room()}px; }}
    QLabel[role="row-label"] {{ color: {PALE}; font-size: {room()}px; }}
    QLabel[role="strong"] {{ color: white; font-weight: bold; font-size: {room()}px; }}
    QPushButton[touch="true"] {{ color: white; background: rgba(255, 255, 255, 0.10);
        border: 2px solid {SOFT}; border-radius: {px(0.016)}px; font-size: {room()}px;
        padding: {px(0.010)}px {px(0.016)}px; min-height: {px(0.075)}px; }}
    QPushButton[touch="true"]:hover {{ border-color: white; }}
    QPushButton[touch="true"]:checked {{ background: {theme.ACCENT_2}; border-color: white;
        font-weight: bold; }}
    QPushButton[touch="true"]:disabled {{ color: {SOFT}; border-color: #3E5E86; }}
    QPushButton[touch="primary"] {{ color: {theme.ACCENT}; background: white; border: none;
        border-radius: {px(0.016)}px; font-size: {room()}px; font-weight: bold;
        padding: {px(0.010)}px {px(0.03)}px; min-height: {px(0.075)}px; }}
    QPushButton[touch="primary"]:disabled {{ background: #5D7896; color: #C9D6E3; }}
    QPushButton[touch="quiet"] {{ color: {SOFT}; background: transparent; border: 1px solid #3E5E86;
        border-radius: {px(0.012)}px; font-size: {room()}px; padding: {px(0.006)}px {px(0.02)}px; }}
    QPushButton[touch="quiet"]:hover {{ color: white; border-color: {SOFT}; }}
    QTableView {{ background: transparent; border: none; font-size: {room()}px; color: white;
                  gridline-color: #3E5E86; selection-background-color: transparent; }}
    QTableView::item {{ padding: 0 {px(0.014)}px; }}
    QHeaderView::section {{ background: transparent; color: {SOFT}; border: none;
                            border-bottom: 1px solid #3E5E86; font-size: {room()}px; padding: 4px; }}
    QHeaderView {{ font-size: {room()}px; }}
    """


def touch_button(text: str, kind: str = "true", checkable: bool = False) -> QPushButton:
    """A big button; ``kind`` is "true" (a choice), "primary" (validate) or "quiet" (navigation)."""
    button = QPushButton(text)
    button.setProperty("touch", kind)
    button.setCheckable(checkable)
    button.setCursor(Qt.PointingHandCursor)
    button.setFocusPolicy(Qt.NoFocus)
    button.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
    return button


def role_label(text: str = "", role: str = "body", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.PlainText)
    return label


class NamePicker(QWidget):
    """A grid of name buttons: whoever has not answered yet touches their name."""

    picked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(10)
        self.buttons: dict[int, QPushButton] = {}

    def set_people(self, people: list[tuple[int, str]]) -> None:
        """(participant id, name) pairs; the grid is rebuilt only when they change."""
        if [(pid, b.text()) for pid, b in self.buttons.items()] == people:
            return
        for button in self.buttons.values():
            self.grid.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        columns = 3 if len(people) <= 9 else 4 if len(people) <= 16 else 5
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        for column in range(columns):  # equal columns, even when only one name is left
            self.grid.setColumnStretch(column, 1)
        for index, (pid, name) in enumerate(people):
            button = touch_button(name)
            button.clicked.connect(lambda _checked=False, p=pid: self.picked.emit(p))
            self.grid.addWidget(button, index // columns, index % columns)
            self.buttons[pid] = button


class ChoiceRow(QWidget):
    """A label and a row of exclusive big buttons, one per value."""

    chosen = Signal(object)

    def __init__(self, label: str, options: list[tuple[object, str]], parent=None):
        super().__init__(parent)
        self.label = role_label(label, "row-label", wrap=True)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[object, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.label, 60)
        for value, text in options:
            button = touch_button(text, checkable=True)
            button.clicked.connect(lambda _checked=False, v=value: self.chosen.emit(v))
            self.group.addButton(button)
            self.buttons[value] = button
            # the buttons share the same width whatever their number, so rows line up
            layout.addWidget(button, 180 // len(options))

    def set_value(self, value) -> None:
        """Show ``value`` as chosen (None: nothing chosen)."""
        self.group.setExclusive(False)
        for option, button in self.buttons.items():
            button.setChecked(option == value)
        self.group.setExclusive(True)
