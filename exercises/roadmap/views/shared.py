"""The roadmap on the projector: the same timeline, large, for the room to validate."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workshop_app.i18n import _, plural

from .. import store_ops
from ..logic import quarter_label
from .models import WATCHED
from .timeline import TimelineWidget


class SharedView(QWidget):
    """Renders from the store; never edits."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.title = QLabel()
        self.timeline = TimelineWidget(interactive=False, dark=True)
        self.footer = QLabel()
        self.footer.setWordWrap(True)
        self.footer.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.timeline, 1)
        layout.addWidget(self.footer)
        self.session.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind in WATCHED:
            self.refresh()

    def refresh(self) -> None:
        plan = store_ops.load_roadmap(self.session.store)
        language = self.session.language
        self.timeline.set_plan(plan, language)
        self.title.setText(_("Our roadmap · {first} – {last}").format(
            first=quarter_label(plan.start, 0, language), last=quarter_label(plan.start, plan.horizon - 1, language)))
        parts = []
        if plan.violations:
            parts.append(plural(len(plan.violations), "⚠ {n} dependency problem to resolve",
                                "⚠ {n} dependency problems to resolve").format(n=len(plan.violations)))
        if plan.unplaced:
            parts.append(_("Still to place: {titles}").format(titles=", ".join(i.title for i in plan.unplaced)))
        if plan.parking:
            parts.append(_("Later: {titles}").format(titles=", ".join(i.title for i in plan.parking)))
        self.footer.setText("   ·   ".join(parts))
        self.footer.setVisible(bool(parts))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        from ui.kit.legibility import room_px

        h = self.window().height()
        self.title.setStyleSheet(f"color: white; font-weight: bold; font-size: {room_px(h, 1.2)}px;")
        self.footer.setStyleSheet(f"color: #D9E2EC; font-size: {room_px(h)}px;")
