"""A stage's individual input, from its console tab: phones, the laptop or both; open or closed.

The facilitator picks where the room answers (phones, the laptop's touch screens, or both)
and opens or closes the input at any time; the choice lives in the session's ``RoomState``
(``open_input``/``close_input``), which the phones' server follows from its own thread.
What a phone sends after closing is refused there, with a sentence on the phone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from workshop_app.i18n import _
from workshop_app.room_state import INPUT_WAYS

from .errors import show_error


def ways_labels() -> dict[str, str]:
    return {"phones": _("Phones"), "laptop": _("The laptop"), "both": _("Phones and the laptop")}


class StageInputControl(QWidget):
    """``target(store)`` names what the input goes to (an ideation round), or None to refuse
    opening with ``missing`` as the reason; stages without a target pass no ``target``."""

    def __init__(self, session, stage: str, target: Callable | None = None, missing: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.stage = stage
        self.target = target
        self.missing = missing
        self.ways = QComboBox()
        for way in INPUT_WAYS:
            self.ways.addItem(ways_labels()[way], way)
        self.ways.setCurrentIndex(INPUT_WAYS.index("both"))
        self.toggle = QPushButton()
        self.status = QLabel()
        self.status.setProperty("role", "subtitle")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("Individual input from:")))
        layout.addWidget(self.ways)
        layout.addWidget(self.toggle)
        layout.addWidget(self.status, 1)
        self.toggle.clicked.connect(self._on_toggle)
        self.ways.activated.connect(self._on_ways)
        self._unsubscribe = session.room.subscribe(self._on_room)
        self.destroyed.connect(lambda *_a, unsubscribe=self._unsubscribe: unsubscribe())
        self.refresh()

    def _on_room(self, part: str) -> None:
        if part == "input":
            self.refresh()

    def refresh(self) -> None:
        now = self.session.room.input_for(self.stage)
        self.toggle.setText(_("Close the input") if now.open else _("Open the input"))
        self.toggle.setEnabled(not self.session.read_only)
        if now.open:
            self.ways.setCurrentIndex(INPUT_WAYS.index(now.ways))
            self.status.setText(_("Open: {ways}").format(ways=ways_labels()[now.ways]))
        else:
            self.status.setText(_("Closed: nothing is taken from phones."))

    def open(self, ways: str) -> None:
        target = None
        if self.target is not None:
            target = self.target(self.session.store)
            if target is None:
                show_error(self, self.missing)
                return
        self.session.room.open_input(self.stage, ways, target)

    def _on_toggle(self) -> None:
        if self.session.room.input_for(self.stage).open:
            self.session.room.close_input(self.stage)
        else:
            self.open(self.ways.currentData())

    def _on_ways(self, _index: int) -> None:
        if self.session.room.input_for(self.stage).open:  # switching ways keeps the input open
            self.open(self.ways.currentData())
