"""One initiative's business case, large and in two columns, for the shared screen.

Missing required fields read "Missing" in red, missing recommended ones "To be completed"
in amber; the badge says whether the initiative is ready for arbitration. Text shrinks
down to the readable floor only, then long values are cut with an ellipsis.
"""

from __future__ import annotations


from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QWidget

from ui.kit import theme
from ui.kit.legibility import ROOM_SHARE
from workshop_app.domain import ValidationError
from workshop_app.i18n import _

from .. import initiatives as ini
from .. import logic
from .paint import font, ink_on, wrap_lines

MIN_FONT = ROOM_SHARE  # read from 12 m (ui.kit.legibility): long values are cut, never shrunk below
LEFT = ("problem", "customer_value", "org_impact", "tech_impact", "trend_ids")
RIGHT = ("segments", "effort", "cost_range", "kpi", "owner_id", "sponsor_id")
LABEL_INK = QColor("#9FB3C8")
MISSING_RED = QColor("#FF9AA5")
MISSING_AMBER = QColor(theme.WARNING)


class SharedCard(QWidget):
    """Paints the business case of ``show_initiative``'s initiative."""

    ROOM_PAINTED = True  # its painted texts are measured by the font-size tests

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.initiative: ini.Initiative | None = None
        self.rows: dict[str, tuple[str, str]] = {}
        self.axis_colour = ""

    def show_initiative(self, initiative_id: int) -> None:
        store = self.session.store
        try:
            self.initiative = ini.get_initiative(store, initiative_id)
        except ValidationError:
            self.initiative = None
            self.rows = {}
        if self.initiative is not None:
            language = self.session.language
            self.rows = {key: (label, value) for key, label, value in ini.card_rows(self.initiative, store, language)}
            self.axis_colour = logic.axis_colour(store, self.initiative.axis_id)
        self.update()

    def window_height(self) -> int:
        return max(self.window().height(), 200)

    def _missing(self, key: str) -> tuple[str, QColor] | None:
        if self.initiative is None or self.rows[key][1]:
            return None
        keys = {"kpi": ("kpi", "kpi_target")}.get(key, (key,))
        if any(k in ini.missing_fields(self.initiative) for k in keys):
            return _("Missing"), MISSING_RED
        return _("To be completed"), MISSING_AMBER

    def _column(self, painter: QPainter | None, keys, rect: QRect, value_px: float, max_lines: int) -> int:
        """Lay out (and paint when ``painter`` is given) one column of rows; return its height."""
        h = self.window_height()
        label_f, value_f = font(MIN_FONT * h, bold=True), font(value_px)
        label_m, value_m = QFontMetrics(label_f), QFontMetrics(value_f)
        y = rect.top()
        for key in keys:
            label, value = self.rows[key]
            missing = self._missing(key)
            text = missing[0] if missing else value
            if key == "kpi" and value and not self.initiative.kpi_target.strip():
                text = value + " → ?"
            lines = wrap_lines(text, value_m, rect.width(), max_lines)
            if painter is not None:
                painter.setFont(label_f)
                painter.setPen(LABEL_INK)
                painter.drawText(rect.left(), y + label_m.ascent(), label)
                painter.setFont(value_f)
                painter.setPen(missing[1] if missing else QColor("white"))
                ly = y + label_m.lineSpacing() + value_m.ascent()
                for line in lines:
                    painter.drawText(rect.left(), ly, line)
                    ly += value_m.lineSpacing()
            y += label_m.lineSpacing() + len(lines) * value_m.lineSpacing() + int((0.016 if max_lines > 1 else 0.004) * h)
        return y - rect.top()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        h = self.window_height()
        margin = int(0.02 * h)
        area = self.rect().adjusted(margin, margin // 2, -margin, -margin // 2)
        if self.initiative is None:
            painter.setFont(font(MIN_FONT * h))
            painter.setPen(QColor("#D9E2EC"))
            painter.drawText(area, Qt.AlignCenter, _("This initiative no longer exists."))
            painter.end()
            return
        title_f = font(MIN_FONT * 1.2 * h, bold=True)
        title_m = QFontMetrics(title_f)
        painter.setFont(title_f)
        painter.setPen(QColor("white"))
        y = area.top() + title_m.ascent()
        for line in wrap_lines(self.initiative.title, title_m, area.width(), 2):
            painter.drawText(area.left(), y, line)
            y += title_m.lineSpacing()
        y += int(0.005 * h) - title_m.ascent() + title_m.height() // 4
        y = self._paint_badges(painter, area.left(), y, h)
        body = QRect(area.left(), y, area.width(), area.bottom() - y)
        gutter = int(0.04 * h)
        left = QRect(body.left(), body.top(), int(body.width() * 0.56) - gutter // 2, body.height())
        right = QRect(left.right() + gutter, body.top(), body.right() - left.right() - gutter, body.height())
        value_px, max_lines = MIN_FONT * h, 1
        for lines in (6, 3, 2):  # at the room's size, as many lines per value as fit
            if max(self._column(None, LEFT, left, value_px, lines),
                   self._column(None, RIGHT, right, value_px, lines)) <= body.height():
                max_lines = lines
                break
        self._column(painter, LEFT, left, value_px, max_lines)
        self._column(painter, RIGHT, right, value_px, max_lines)
        painter.end()

    def _paint_badges(self, painter: QPainter, x: int, y: int, h: int) -> int:
        badge_f = font(MIN_FONT * h, bold=True)
        metrics = QFontMetrics(badge_f)
        painter.setFont(badge_f)
        pad = int(0.01 * h)
        ready = ini.is_ready(self.initiative)
        badges = [(ini.readiness_text(self.initiative, self.session.language),
                   QColor(theme.ACCENT_2 if ready else theme.DANGER), QColor("white"))]
        axis = self.rows["axis_id"][1]
        if axis:
            colour = self.axis_colour or theme.ACCENT_2
            badges.append((axis, QColor(colour), ink_on(colour)))
        else:
            badges.append((_("No axis yet"), MISSING_AMBER, QColor(theme.INK)))
        for text, back, ink in badges:
            width = metrics.horizontalAdvance(text) + 2 * pad
            box = QRect(x, y, width, metrics.height() + pad)
            painter.setPen(Qt.NoPen)
            painter.setBrush(back)
            painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
            painter.setPen(ink)
            painter.drawText(box, Qt.AlignCenter, text)
            x += width + pad
        return y + metrics.height() + pad + int(0.03 * h)
