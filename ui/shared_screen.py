"""The shared screen (projector): a second view of the session, never a copy of its state.

It shows the current block (title, instructions, a big timer) or, during an exercise,
that exercise's shared view with the timer in a strip. Black screen and freeze come
from the stored screen mode, so reopening the window shows the same thing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from workshop_app import run as run_core
from workshop_app.i18n import _
from workshop_app.timer import current_step, format_seconds

from .kit import theme
from .kit.legibility import room_px
from .timer_widget import BigTimer


class BlockPage(QWidget):
    """Title, instructions and the big timer of the current block."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.kind = QLabel()
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignCenter)
        self.instructions = QLabel()
        self.instructions.setWordWrap(True)
        self.instructions.setAlignment(Qt.AlignCenter)
        self.timer = BigTimer(base_colour="white", fill=0.92)
        self.step = QLabel()
        self.step.setAlignment(Qt.AlignCenter)
        self.next_label = QLabel()
        self.next_label.setAlignment(Qt.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title, 2)
        layout.addWidget(self.instructions, 2)
        layout.addWidget(self.timer, 5)
        layout.addWidget(self.step, 1)
        layout.addWidget(self.next_label, 1)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.apply_sizes()

    def apply_sizes(self) -> None:
        h = self.window().height()  # sizes follow the projector window, read from 12 m
        self.title.setStyleSheet(f"color: white; font-weight: bold; font-size: {room_px(h, 1.6)}px;")
        self.instructions.setStyleSheet(f"color: #D9E2EC; font-size: {room_px(h)}px;")
        self.step.setStyleSheet(f"color: {theme.ACCENT_2}; font-weight: bold; font-size: {room_px(h)}px;")
        self.next_label.setStyleSheet(f"color: #9FB3C8; font-size: {room_px(h)}px;")


class SharedScreen(QWidget):
    """The projector window. Subscribes to the session; renders only."""

    def __init__(self, session, parent=None):
        super().__init__(parent, Qt.Window)
        self.session = session
        self.setWindowTitle(_("Shared screen"))
        self.setObjectName("SharedScreen")
        self.setStyleSheet(f"#SharedScreen {{ background: {theme.ACCENT}; }}")
        self.setAttribute(Qt.WA_StyledBackground, True)
        self.header_title = QLabel()
        self.logo = QLabel()
        self.clock_strip = QLabel()
        header = QHBoxLayout()
        header.addWidget(self.logo)
        header.addWidget(self.header_title, 1)
        header.addWidget(self.clock_strip)
        self.pages = QStackedWidget()
        self.block_page = BlockPage()
        self.pages.addWidget(self.block_page)
        self.exercise_view: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 16, 28, 16)
        layout.addLayout(header)
        layout.addWidget(self.pages, 1)
        self._frozen: QPixmap | None = None
        self.curtain = BlackCurtain(self)
        self.resize(1280, 720)
        self.apply_sizes()
        self._connect_signals()
        self.refresh()
        self._apply_mode()

    def _connect_signals(self) -> None:
        self.session.changed.connect(self._on_changed)
        self.session.ticked.connect(self._on_ticked)

    # --- what is shown -----------------------------------------------------
    @property
    def mode(self) -> str:
        return run_core.screen_mode(self.session.store)

    def set_exercise_view(self, view: QWidget | None) -> None:
        """Host an exercise's shared view (None: back to the block page)."""
        if self.exercise_view is not None:
            self.pages.removeWidget(self.exercise_view)
            self.exercise_view.deleteLater()
        self.exercise_view = view
        if view is not None:
            self.pages.addWidget(view)
            self.pages.setCurrentWidget(view)
        else:
            self.pages.setCurrentWidget(self.block_page)
        self.refresh()

    def refresh(self) -> None:
        seminar = self.session.seminar
        self.header_title.setText(seminar.title)
        if seminar.logo_png:
            pix = QPixmap()
            pix.loadFromData(seminar.logo_png)
            self.logo.setPixmap(pix.scaledToHeight(max(24, self.height() // 14), Qt.SmoothTransformation))
        else:
            self.logo.clear()
        self._refresh_block()

    def _refresh_block(self) -> None:
        runner = self.session.runner
        block = runner.current()
        state = runner.state(block) if block else None
        warning = self.session.seminar.warning_seconds
        page = self.block_page
        if block is None:
            page.title.setText(_("Welcome"))
            page.instructions.setText("")
            page.step.setText("")
            page.next_label.setText("")
        else:
            page.title.setText(block.title)
            page.instructions.setText(block.instructions)
            step = current_step(block.steps, state.elapsed) if state and state.status != "ready" else None
            page.step.setText(
                f"{step.step.title} · {format_seconds(step.remaining)}" if step and not state.overtime else "")
            blocks = runner.blocks()
            index = next((i for i, b in enumerate(blocks) if b.id == block.id), -1)
            upcoming = blocks[index + 1] if 0 <= index < len(blocks) - 1 else None
            page.next_label.setText(_("Next: {title}").format(title=upcoming.title) if upcoming else "")
        page.timer.show_state(state, warning)
        self.clock_strip.setText(format_seconds(state.remaining) if state and self.exercise_view else "")
        self.update()

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind == "screen":
            self._apply_mode()
        if kind in ("run", "agenda", "seminar", "screen"):
            self.refresh()

    def _on_ticked(self) -> None:
        if not self.curtain.isVisible():
            self._refresh_block()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.curtain.setGeometry(self.rect())
        self.apply_sizes()

    def apply_sizes(self) -> None:
        """Text sizes from the window's height (also before the window is first shown, for
        the console's thumbnail: a hidden window gets its resize event only when shown)."""
        self.block_page.apply_sizes()
        h = self.height()
        self.header_title.setStyleSheet(f"color: #D9E2EC; font-size: {room_px(h)}px;")
        self.clock_strip.setStyleSheet(f"color: white; font-weight: bold; font-size: {room_px(h, 1.1)}px;")

    def _apply_mode(self) -> None:
        mode = self.mode
        if mode == "live":
            self._frozen = None
            self.curtain.hide()
            return
        if mode == "frozen" and self._frozen is None:
            self.curtain.hide()
            self._frozen = self.grab()
        self.curtain.setGeometry(self.rect())
        self.curtain.show()
        self.curtain.raise_()
        self.curtain.update()

    def render_frame(self) -> QPixmap:
        """What the room sees now (used by the console's thumbnail)."""
        mode = self.mode
        if mode == "black":
            pix = QPixmap(self.size())
            pix.fill(QColor("black"))
            return pix
        if mode == "frozen" and self._frozen is not None:
            return self._frozen
        return self.grab()

    # --- full screen ---------------------------------------------------------
    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()


class BlackCurtain(QWidget):
    """Covers the shared screen in black (B) or with the frozen frame."""

    def __init__(self, screen: SharedScreen):
        super().__init__(screen)
        self.screen_window = screen
        self.setAttribute(Qt.WA_TransparentForMouseEvents, False)
        self.hide()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        mode = self.screen_window.mode
        if mode == "frozen" and self.screen_window._frozen is not None:
            painter.drawPixmap(self.rect(), self.screen_window._frozen)
        else:
            painter.fillRect(self.rect(), QColor("black"))
