"""Results on the shared screen: a chart of a revealed round, big enough for the back of the room."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from workshop_app.domain import ValidationError
from workshop_app.i18n import _

from . import figures
from .decisions import decision_count
from .rounds import method_label
from .tally import round_result

VIEW_LABELS = {
    "ranking": lambda: _("Ranking"),
    "merit": lambda: _("Merit profile"),
    "value_effort": lambda: _("Value / effort"),
    "sensitivity": lambda: _("Weights ±20 %"),
}


class FigureView(QWidget):
    """Draws a chart shaped to the widget, fonts scaled with its height, on a white card.

    ``set_factory(f)``: ``f(size_in_inches)`` returns a Figure; it is called again when the
    widget's shape changes, so the chart always fills the screen whatever its size.
    """

    DESIGN_HEIGHT = 5.2  # inches: the fonts (12-16 pt) are sized for this height
    SMALLEST_PT = 12  # the charts' smallest text

    def __init__(self, parent=None):
        super().__init__(parent)
        self.factory = None
        self.figure = None
        self._image: QImage | None = None
        self._size = None
        self.min_font_px = 0.0  # > 0: the design height is chosen so the smallest text has this size
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumHeight(120)

    def set_factory(self, factory) -> None:
        self.factory = factory
        self.figure = None
        self._image = None
        self._size = None
        self.update()

    def image(self) -> QImage | None:
        """The chart drawn at the widget's size (drawn on demand, then cached)."""
        inner_w, inner_h = self.width() - 16, self.height() - 16
        if self.factory is None or inner_w < 50 or inner_h < 50:
            return None
        ratio = self.devicePixelRatioF()
        if self._image is None or self._size != (inner_w, inner_h, ratio):
            from matplotlib.backends.backend_agg import FigureCanvasAgg

            height = self.DESIGN_HEIGHT
            if self.min_font_px:  # dpi = inner_h / height; smallest px = SMALLEST_PT * dpi / 72
                height = min(height, self.SMALLEST_PT * inner_h / (72 * self.min_font_px))
            width = max(6.0 * height / self.DESIGN_HEIGHT, height * inner_w / inner_h)
            self.figure = self.factory((width, height))
            self.figure.set_dpi(inner_h / height * ratio)
            canvas = FigureCanvasAgg(self.figure)
            canvas.draw()
            w, h = canvas.get_width_height()
            self._image = QImage(bytes(canvas.buffer_rgba()), w, h, QImage.Format_RGBA8888).copy()
            self._image.setDevicePixelRatio(ratio)
            self._size = (inner_w, inner_h, ratio)
        return self._image

    def room_figure(self):
        """The figure last drawn (the font-size tests read its texts)."""
        return self.figure

    def paintEvent(self, event) -> None:
        image = self.image()
        if image is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        w, h = image.width() / image.devicePixelRatio(), image.height() / image.devicePixelRatio()
        x, y = (self.width() - w) / 2, (self.height() - h) / 2
        painter.setBrush(QColor("white"))
        painter.setPen(Qt.NoPen)
        painter.drawRoundedRect(QRectF(x - 8, y - 8, w + 16, h + 16), 10, 10)
        painter.drawImage(QRectF(x, y, w, h), image)
        painter.end()


class ResultsPage(QWidget):
    """Title, a one-line summary and the chart chosen by the facilitator."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.round_id: int | None = None
        self.view = "ranking"
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.chart = FigureView()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        layout.addLayout(head)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart, 1)
        self._shown = None

    def show_result(self, round_id: int, view: str) -> None:
        try:
            result = round_result(self.session.store, round_id)
        except ValidationError:
            return
        views = figures.available(result, self.session.store)
        view = view if view in views else views[0]
        marker = (round_id, view, decision_count(self.session.store))
        self.round_id, self.view = round_id, view
        self.title.setText(f"{result.round.question}")
        parts = [method_label(result.round.method), _("{n} voters").format(n=result.tally.voters),
                 VIEW_LABELS[view]()]
        if result.flagged and view in ("ranking", "merit"):
            parts.append(_("⚑ {n} to discuss before deciding").format(n=len(result.flagged)))
        if view == "sensitivity" and result.sensitivity is not None:
            parts.append(_("the top changes") if result.sensitivity.top_changes else _("the top holds"))
        self.summary.setText("  ·  ".join(parts))
        if marker != self._shown:
            self._shown = marker
            store = self.session.store
            points = figures.value_effort_points(store, result) if view == "value_effort" else None
            self.chart.set_factory(lambda size: figures.value_effort_figure(points, None, size,
                                                                            room=self.chart.min_font_px > 0)
                                   if points is not None
                                   else figures.figure(view, store, result, None, size,
                                                       room=self.chart.min_font_px > 0))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        from ui.kit.legibility import room_px

        h = self.window().height()
        self.title.setStyleSheet(f"color: white; font-weight: bold; font-size: {room_px(h, 1.2)}px;")
        self.summary.setStyleSheet(f"color: #D9E2EC; font-size: {room_px(h)}px;")
        self.chart.min_font_px = room_px(h)
