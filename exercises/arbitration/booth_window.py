"""The booth as a window of its own, full screen on the laptop's screen and never on the projector.

"Open the booth" turns the laptop's screen (the one the shared screen is not on) into the
booth, covering the console; with a single screen it covers everything, the shared-screen
window included. A voter cannot leave it by a stray click: Esc, the window's close button
or the small "Facilitator" button only ask, and the console comes back after a second,
deliberate choice. The clicker's keys do nothing while the booth has the focus.

One booth per session (``booth_window(session)``); the governance stage opens its votes
in the same window. The projector meanwhile shows a neutral page (``vote_progress_view``).

Signals: left(): the facilitator took the laptop back.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from ui.kit import theme
from workshop_app.i18n import _

from .ballot_widgets import _button, _label
from .booth_view import BoothPage, booth_style

_WINDOWS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def booth_window(session) -> "BoothWindow":
    """The session's booth window (created hidden on first use)."""
    window = _WINDOWS.get(session)
    if window is None:
        window = BoothWindow(session)
        _WINDOWS[session] = window
    return window


def open_booth(session, round_id: int, kind: str, console: QWidget | None = None) -> "BoothWindow":
    """Turn the laptop into the booth for ``round_id`` (works with or without a shared screen)."""
    window = booth_window(session)
    window.open_round(round_id, kind, console)
    return window


class BoothWindow(QWidget):
    """A full-screen window holding the booth page, and the confirmation to leave it."""

    left = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent, Qt.Window | Qt.WindowStaysOnTopHint)
        self.session = session
        self.setObjectName("BoothWindow")
        self.setProperty("booth", True)  # the clicker recognises it by this
        self.setWindowTitle(_("Voting booth"))
        self.setAttribute(Qt.WA_StyledBackground, True)
        self.setStyleSheet(f"#BoothWindow {{ background: {theme.ACCENT}; }}")
        self.page: BoothPage | None = None
        self._leaving = False
        self.stack = QStackedWidget()
        self.confirm = self._confirm_panel()
        self.stack.addWidget(self.confirm)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 12, 28, 16)
        layout.addWidget(self.stack, 1)
        self.corner = _button(_("Facilitator"), "muted-button")  # over the page's top right corner
        self.corner.setParent(self)
        self.corner.clicked.connect(self.ask_to_leave)
        self.resize(1366, 768)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.session.closed.connect(self._on_session_closed)
        self.session.changed.connect(self._on_changed)

    def _on_session_closed(self) -> None:
        """The seminar closes: the booth goes with it (nothing of it outlives its session)."""
        self.leave()
        _WINDOWS.pop(self.session, None)
        self.session.closed.disconnect(self._on_session_closed)
        self.session.changed.disconnect(self._on_changed)
        self.deleteLater()

    def _on_changed(self, kind: str, _ident: int) -> None:
        if self.page is not None and self.isVisible() and kind in (self.page.kind, "participants"):
            self.page.sync()

    # --- opening ----------------------------------------------------------------------
    def open_round(self, round_id: int, kind: str, console: QWidget | None = None) -> None:
        if self.page is None:
            self.page = BoothPage(self.session, round_id, kind)
            self.stack.addWidget(self.page)
        self.session.room.open_booth(round_id, kind)
        self.page.set_round(round_id, kind)
        self.stack.setCurrentWidget(self.page)
        self._leaving = False
        self._show_on(self.laptop_screen(console))

    def laptop_screen(self, console: QWidget | None = None):
        """The screen the projector is not on: the console's, else any other, else the only one."""
        screens = QGuiApplication.screens()
        shared = next((w for w in QApplication.topLevelWidgets()
                       if w.objectName() == "SharedScreen" and w.isVisible()), None)
        projector = shared.screen() if shared is not None else None
        own = console.window().screen() if console is not None else None
        if own is not None and (own is not projector or len(screens) == 1):
            return own
        return next((s for s in screens if s is not projector), QGuiApplication.primaryScreen())

    def _show_on(self, screen) -> None:
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()

    # --- leaving ------------------------------------------------------------------------
    def _confirm_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.addStretch(2)
        self.confirm_title = _label(_("Give the laptop back to the facilitator?"), "title")
        self.confirm_text = _label("", "subtitle")
        for label in (self.confirm_title, self.confirm_text):
            label.setAlignment(Qt.AlignCenter)
            layout.addWidget(label)
        row = QHBoxLayout()
        row.addStretch()
        self.stay_button = _button(_("Continue voting"), "primary")
        self.stay_button.clicked.connect(self.stay)
        self.leave_button = _button(_("Back to the console"))
        self.leave_button.clicked.connect(self.leave)
        row.addWidget(self.leave_button)
        row.addSpacing(40)
        row.addWidget(self.stay_button)
        row.addStretch()
        layout.addLayout(row)
        layout.addStretch(3)
        return panel

    def ask_to_leave(self) -> None:
        """The first gesture (Esc, close, the corner button): ask, keep the ballot for now."""
        if self.page is None:
            self.leave()
            return
        busy = self.page.booth.get("step") in ("ballot", "review")
        self.confirm_text.setText(
            _("The ballot being filled in will be discarded; nothing is cast.") if busy else
            _("Voters: touch “Continue voting”."))
        self.stack.setCurrentWidget(self.confirm)
        self.corner.hide()

    def stay(self) -> None:
        if self.page is not None:
            self.stack.setCurrentWidget(self.page)
        self.corner.show()

    def leave(self) -> None:
        """The facilitator takes the laptop back: any unconfirmed ballot is dropped, the console returns."""
        self._leaving = True
        if self.page is not None and self.page.booth.get("step") in ("choose", "ballot", "review"):
            self.page.cancel()
        if self.session.store.conn is not None:
            self.session.room.close_booth()
        self.corner.show()
        self.hide()
        self.left.emit()

    # --- events ----------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape:
            if self.stack.currentWidget() is self.confirm:
                self.stay()
            else:
                self.ask_to_leave()
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        if self._leaving or self.session.store.conn is None:
            event.accept()
            return
        event.ignore()
        self.ask_to_leave()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.confirm.setStyleSheet(booth_style(max(self.height(), 400)))
        b = max(12, int(self.height() * 0.018))
        self.corner.setStyleSheet(f"QPushButton {{ color: rgba(255,255,255,0.55); background: transparent; "
                                  f"border: 1px solid rgba(255,255,255,0.25); border-radius: 6px; "
                                  f"font-size: {b}px; padding: 2px 10px; }}")
        self.corner.adjustSize()
        self.corner.move(self.width() - self.corner.width() - 8, 6)
        self.corner.raise_()
