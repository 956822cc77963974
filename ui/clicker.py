"""Presentation-clicker keys, handled wherever the focus is except in text fields.

PageDown/PageUp: next/previous block; Space/F5: start or pause; B: black screen;
Esc: leave full screen; F11: toggle full screen of the shared screen. None of them act
while the voting booth (a window with the ``booth`` property) is the active window: a
voter's key press must not move the seminar on.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

# By class name (QObject.inherits): naming the Python classes here would make PySide6
# initialise them and their enums at start-up, for a check made only on a key press.
_TEXT_INPUTS = ("QLineEdit", "QTextEdit", "QPlainTextEdit", "QAbstractSpinBox", "QComboBox")


class ClickerFilter(QObject):
    """An application event filter; ``is_active()`` says whether run keys apply now."""

    def __init__(self, run_panel, screen, is_active, parent=None):
        super().__init__(parent)
        self.run_panel = run_panel
        self.screen_window = screen
        self.is_active = is_active

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.KeyPress or event.isAutoRepeat() or event.modifiers() & (
                Qt.ControlModifier | Qt.AltModifier):
            return False
        active = QApplication.activeWindow()
        if active is not None and active.property("booth"):
            return False
        focus = QApplication.focusWidget()
        if focus is not None and any(focus.inherits(name) for name in _TEXT_INPUTS):
            return False
        if focus is not None and focus.inherits("QAbstractItemView") \
                and focus.state() == QAbstractItemView.EditingState:
            return False
        return self.handle_key(event.key())

    def handle_key(self, key: int) -> bool:
        if key == Qt.Key_F11:
            self.screen_window.toggle_full_screen()
            return True
        if key == Qt.Key_Escape and self.screen_window.isFullScreen():
            self.screen_window.showNormal()
            return True
        if not self.is_active():
            return False
        panel = self.run_panel
        actions = {
            Qt.Key_PageDown: panel.next_block,
            Qt.Key_PageUp: panel.previous_block,
            Qt.Key_Space: panel.start_or_pause,
            Qt.Key_F5: panel.start_or_pause,
            Qt.Key_B: lambda: panel.toggle_screen_mode("black"),
            Qt.Key_Period: lambda: panel.toggle_screen_mode("black"),
        }
        action = actions.get(key)
        if action is None:
            return False
        action()
        return True
