"""The start screen shown when no seminar is open: New, Open, Recent, the demo.

Signals:
    new_requested(), open_requested(), demo_requested(), recent_chosen(path)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout, QWidget)

from workshop_app.i18n import _


class StartScreen(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_chosen = Signal(str)

    def __init__(self, recent_files: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        title = QLabel(_("Customer-experience seminar"))
        title.setProperty("role", "title")
        subtitle = QLabel(_("Run the seminar offline, from the trends to the roadmap."))
        subtitle.setProperty("role", "subtitle")
        self.new_button = QPushButton(_("New seminar…"))
        self.new_button.setProperty("primary", True)
        self.open_button = QPushButton(_("Open…"))
        self.demo_button = QPushButton(_("Open the demo seminar"))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setMinimumHeight(44)
            buttons.addWidget(button)
        buttons.addStretch()
        self.recent_list = QListWidget()
        self.recent_list.setMaximumWidth(720)
        recent_label = QLabel(_("Recent seminars"))
        recent_label.setProperty("role", "subtitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 50, 60, 50)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(24)
        layout.addLayout(buttons)
        layout.addSpacing(24)
        layout.addWidget(recent_label)
        layout.addWidget(self.recent_list, 1)
        self.set_recent(recent_files)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.recent_list.itemActivated.connect(self._on_item_activated)

    def set_recent(self, files: list[str]) -> None:
        self.recent_list.clear()
        for path in files:
            item = QListWidgetItem(f"{Path(path).stem}    —    {path}")
            item.setData(Qt.UserRole, path)
            self.recent_list.addItem(item)
        if not files:
            empty = QListWidgetItem(_("No recent seminar yet."))
            empty.setFlags(Qt.NoItemFlags)
            self.recent_list.addItem(empty)

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.UserRole)
        if path:
            self.recent_chosen.emit(path)
