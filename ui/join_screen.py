"""The projector's join page: a big QR code of the room's address, the address, "23 of 40 joined"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from room.server import qr_png
from workshop_app.i18n import _

from .phones_panel import pixmap


class JoinScreen(QWidget):
    """A window for the projector (Esc closes it); the Phones panel keeps its texts up to date."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Join the room"))
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setObjectName("joinScreen")
        self.setStyleSheet("#joinScreen { background: #0b3d6b; } QLabel { color: white; }")
        self.title = QLabel(title)
        self.invite = QLabel(_("Vote from your phone: scan your join card, or scan this code and type the code on your card"))
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignCenter)
        self.address = QLabel("")
        self.count = QLabel("")
        for label, size, bold in ((self.title, 28, False), (self.invite, 40, True), (self.address, 56, True),
                                  (self.count, 36, False)):
            label.setAlignment(Qt.AlignCenter)
            label.setWordWrap(True)
            label.setStyleSheet(f"font-size: {size}px; font-weight: {'700' if bold else '400'};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(self.title)
        layout.addWidget(self.invite)
        layout.addWidget(self.qr, 1)
        layout.addWidget(self.address)
        layout.addWidget(self.count)
        self._url = ""

    def update_texts(self, url: str, joined: str) -> None:
        if url != self._url:
            self._url = url
            self.address.setText(url)
            self._draw_qr()
        self.count.setText(joined)

    def _draw_qr(self) -> None:
        side = max(200, min(self.height() - 420, self.width() - 80, 640))
        self.qr.setPixmap(pixmap(qr_png(self._url, scale=16), side))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._url:
            self._draw_qr()

    def show_on_projector(self) -> None:
        from . import settings

        screens = QGuiApplication.screens()
        wanted = settings.get(settings.SHARED_SCREEN)  # where the shared screen goes
        target = next((s for s in screens if s.name() == wanted), None) or (screens[-1] if screens else None)
        if len(screens) > 1 and target is not None:
            self.setScreen(target)
            self.setGeometry(target.geometry())
            self.showFullScreen()
        else:
            self.resize(1280, 800)
            self.show()
        self.raise_()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)
