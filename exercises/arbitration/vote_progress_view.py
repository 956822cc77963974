"""The projector's page while a booth vote runs: the question and how many have voted, nothing else.

It never shows who is at the laptop, a choice or a partial result, so the console's
thumbnail of the shared screen shows nothing secret either. Arbitration and governance
votes both use it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from ui.kit import theme
from workshop_app.i18n import _

from .booth import progress


class VoteProgressPage(QWidget):
    """Question, "Vote in progress · N of M have voted", a progress bar and how to vote."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.round_id: int | None = None
        self.title = QLabel()
        self.count = QLabel()
        self.how = QLabel()
        for label in (self.title, self.count, self.how):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignCenter)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addSpacing(24)
        layout.addWidget(self.count)
        layout.addWidget(self.bar, 0, Qt.AlignHCenter)
        layout.addSpacing(12)
        layout.addWidget(self.how)
        layout.addStretch(2)

    def show_round(self, rnd) -> None:
        self.round_id = rnd.id
        done, eligible = progress(self.session.store, rnd.id)
        self.title.setText(rnd.question)
        self.count.setText(_("Vote in progress · {done} of {eligible} have voted").format(
            done=done, eligible=eligible))
        self.bar.setRange(0, max(eligible, 1))
        self.bar.setValue(done)
        self.how.setText(_("Secret vote: one person at a time at the laptop.") if rnd.secret else
                         _("Open vote: one person at a time at the laptop."))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        h = max(self.height(), 200)
        self.title.setStyleSheet(f"color: white; font-weight: bold; font-size: {int(h * 0.075)}px;")
        self.count.setStyleSheet(f"color: {theme.WARNING}; font-weight: bold; font-size: {int(h * 0.065)}px;")
        self.how.setStyleSheet(f"color: #D9E2EC; font-size: {int(h * 0.05)}px;")
        self.bar.setFixedHeight(max(12, int(h * 0.03)))
        self.bar.setFixedWidth(int(self.width() * 0.7))
        self.bar.setStyleSheet(
            f"QProgressBar {{ background: rgba(255,255,255,0.15); border: none; border-radius: {int(h * 0.015)}px; }}"
            f"QProgressBar::chunk {{ background: {theme.ACCENT_2}; border-radius: {int(h * 0.015)}px; }}")
