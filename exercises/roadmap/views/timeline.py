"""The roadmap timeline: swimlanes by axis, quarters across, draggable initiative bars.

One painter serves both windows: light and interactive in the console, dark and larger
on the projector. The widget only renders a ``Roadmap`` and reports what the user did:

Signals:
    item_selected(initiative_id): a bar was clicked (0: the empty background).
    placement_requested(initiative_id, start, duration): a bar was dropped elsewhere,
        resized, or moved with the arrow keys; the owner decides whether to apply it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.kit.painting import abbreviated, elided, font
from workshop_app.i18n import _, translate

from ..logic import HORIZON_LABELS, clamp_placement, horizon_bands, pack_rows, quarter_label
from ..store_ops import Roadmap, RoadmapItem

EDGE = 8  # px from a bar's right end that resize it instead of moving it
LIGHT = {"text": "#1B1F24", "muted": "#5B6673", "grid": "#D5DAE1", "lane": "#F6F7F9",
         "bands": ("#E3F1EF", "#FFFFFF", "#FBF1E1", "#F1F1F1"), "band_text": "#1F3A5F"}
DARK = {"text": "#FFFFFF", "muted": "#C5D3E2", "grid": "#3B5677", "lane": "#274870",
        "bands": ("#24527A", "#1F3A5F", "#3A4A5E", "#2B3D55"), "band_text": "#D9E2EC"}
DANGER = "#D1495B"
NO_AXIS = "#8A96A3"


@dataclass
class Drag:
    initiative_id: int
    mode: str  # 'move' or 'resize'
    press_x: float
    start: int
    duration: int
    preview: tuple[int, int]


class TimelineWidget(QWidget):
    item_selected = Signal(int)
    placement_requested = Signal(int, int, int)
    ROOM_PAINTED = True  # its painted texts are measured by the font-size tests

    def __init__(self, interactive: bool = True, dark: bool = False, parent=None):
        super().__init__(parent)
        self.interactive = interactive
        self.text_scale = 1.45 if dark else 1.0  # read from the back of the room
        self.dark = dark
        self.colours = DARK if dark else LIGHT
        self.language = "en"
        self.plan: Roadmap | None = None
        self.selected = 0
        self.drag: Drag | None = None
        self.bars: dict[int, QRectF] = {}
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(480, 260)
        self.setMouseTracking(interactive)
        self.setFocusPolicy(Qt.StrongFocus if interactive else Qt.NoFocus)

    # --- data ----------------------------------------------------------------------
    def set_plan(self, plan: Roadmap, language: str) -> None:
        self.plan, self.language = plan, language
        self.drag = None
        if self.selected and plan.item(self.selected) is None:
            self.selected = 0
        self._layout()
        self.update()

    def select(self, initiative_id: int) -> None:
        self.selected = initiative_id
        self.update()

    def placement(self, initiative_id: int) -> tuple[int, int]:
        """Where a bar is drawn now (the drag preview while dragging)."""
        if self.drag and self.drag.initiative_id == initiative_id:
            return self.drag.preview
        item = self.plan.item(initiative_id)
        return item.start, item.duration

    # --- geometry --------------------------------------------------------------------
    def _scale(self) -> float:
        """Text and spacing scale: 1 for a 1000 × 600 timeline, larger on the projector."""
        return max(min(self.height() / 600, self.width() / 1000), 0.6) * self.text_scale

    def min_px(self) -> float:
        """The smallest text: on the projector, the size read from 12 m (ui.kit.legibility); else none."""
        if not self.dark:
            return 0.0
        from ui.kit.legibility import room_px

        return float(room_px(self.window().height()))

    def room_font(self, px: float, bold: bool = False):
        return font(max(px, self.min_px()), bold)

    def _layout(self) -> None:
        """Compute the plot area, the lanes and the bar rectangles for the current size."""
        self.bars, self.lane_rects = {}, []
        if self.plan is None:
            return
        s = self._scale()
        w, h = self.width(), self.height()
        room = self.min_px()
        self.label_w = max(min(w * 0.19, 260 * s), 110, min(room * 9, w * 0.26))
        self.header_h = max(54 * s, room * 2.7)
        left, right = self.label_w, w - 6
        self.quarter_w = (right - left) / max(self.plan.horizon, 1)
        self.plot = QRectF(left, self.header_h, right - left, h - self.header_h - 4)
        self.groups = self._groups()
        sub_rows = sum(n for _name, _colour, _items, n in self.groups) or 1
        gap = 6 * s
        self.row_h = max(min((self.plot.height() - gap * len(self.groups)) / sub_rows, 84 * s), room * 1.3)
        y = self.plot.top()
        for name, colour, items, n in self.groups:
            lane_h = n * self.row_h + gap
            self.lane_rects.append((QRectF(0, y, w, lane_h), name, colour))
            for item, row in items:
                start, duration = self.placement(item.id)
                self.bars[item.id] = QRectF(left + start * self.quarter_w + 2, y + gap / 2 + row * self.row_h + 3,
                                            duration * self.quarter_w - 4, self.row_h - 6)
            y += lane_h
        self._text_limits()

    def _text_limits(self) -> None:
        """How far right each bar's text may run: to the next bar on its row, or the plot's end."""
        self.text_right = {}
        for iid, rect in self.bars.items():
            ahead = [r.left() for other, r in self.bars.items()
                     if other != iid and abs(r.top() - rect.top()) < 1 and r.left() >= rect.right() - 1]
            self.text_right[iid] = min(ahead, default=self.plot.right()) - 6

    def _groups(self):
        """(name, colour, [(item, sub-row)], rows) per axis, empty axes included.

        Rows are packed from the stored plan, not the drag preview, so bars keep their row
        while one is being dragged.
        """
        plan = self.plan
        known = {a.id for a in plan.axes}
        groups = [(a.name, a.colour, [i for i in plan.items if i.initiative.axis_id == a.id]) for a in plan.axes]
        loose = [i for i in plan.items if i.initiative.axis_id not in known]
        if loose:
            groups.append((_("Other initiatives"), NO_AXIS, loose))
        result = []
        for name, colour, items in groups:
            rows = pack_rows((i.id, i.start, i.duration) for i in items)
            result.append((name, colour, [(i, rows[i.id]) for i in items], 1 + max(rows.values(), default=0)))
        return result

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout()

    def bar_rect(self, initiative_id: int) -> QRectF:
        return QRectF(self.bars.get(initiative_id, QRectF()))

    def item_at(self, point: QPointF) -> int:
        for iid, rect in self.bars.items():
            if rect.contains(point):
                return iid
        return 0

    # --- painting -------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        if self.plan is None:
            painter.end()
            return
        c, s = self.colours, self._scale()
        plot = self.plot
        band_font = self.room_font(13 * s, True)
        for index, (key, first, stop) in enumerate(horizon_bands(self.plan.horizon)):
            band = QRectF(plot.left() + first * self.quarter_w, 0, (stop - first) * self.quarter_w, self.height())
            painter.fillRect(band, QColor(c["bands"][index % len(c["bands"])]))
            label = translate(HORIZON_LABELS[key], self.language)
            box = QRectF(band.left() + 4, 1, band.width() - 8, self.header_h * 0.55)
            if QFontMetricsF(band_font).horizontalAdvance(label) > box.width():
                label = label.replace(" (", "\n(")  # "Quick wins\n(0-6 months)" in a narrow band
            if "\n" in label and self.min_px():  # two lines do not fit at the room's size: abbreviate
                label = elided(label.split("\n")[0], band_font, box.width())
            painter.setFont(band_font if "\n" not in label else self.room_font(11 * s, True))
            painter.setPen(QColor(c["band_text"]))
            painter.drawText(box, int(Qt.AlignCenter), label)
        quarter_font = self.room_font(12 * s)
        painter.setFont(quarter_font)
        for q in range(self.plan.horizon):
            x = plot.left() + q * self.quarter_w
            painter.setPen(QPen(QColor(c["grid"]), 1))
            painter.drawLine(QPointF(x, self.header_h * 0.55), QPointF(x, self.height()))
            painter.setPen(QColor(c["muted"]))
            text = quarter_label(self.plan.start, q, self.language)
            if QFontMetricsF(quarter_font).horizontalAdvance(text) > self.quarter_w - 2:
                text = text.split()[0]  # "T3 2027" → "T3": the band above says when
            painter.drawText(QRectF(x, self.header_h * 0.55, self.quarter_w, self.header_h * 0.45),
                             int(Qt.AlignCenter), elided(text, quarter_font, self.quarter_w - 2))
        for rect, name, colour in self.lane_rects:
            painter.setPen(QPen(QColor(c["grid"]), 1))
            painter.drawLine(QPointF(0, rect.top()), QPointF(self.width(), rect.top()))
            painter.fillRect(QRectF(0, rect.top() + 1, 5 * s, rect.height() - 1), QColor(colour))
            f = self.room_font(min(14 * s, self.row_h * 0.32), True)
            painter.setFont(f)
            painter.setPen(QColor(c["text"]))
            box = QRectF(10 * s, rect.top(), self.label_w - 16 * s, rect.height())
            one_line = box.height() < QFontMetricsF(f).lineSpacing() * 2
            painter.drawText(box, int(Qt.AlignLeft | Qt.AlignVCenter | Qt.TextWordWrap),
                             elided(name, f, box.width()) if one_line else abbreviated(name, f, box))
        self._paint_dependencies(painter)
        colours = {i.id: colour for _n, colour, items, _r in self.groups for i, _row in items}
        for item in self.plan.items:
            self._paint_bar(painter, item, colours.get(item.id, NO_AXIS))
        if not self.plan.items and not self.plan.axes:
            painter.setFont(self.room_font(16 * s))
            painter.setPen(QColor(c["muted"]))
            painter.drawText(plot, int(Qt.AlignCenter), _("No Go initiative yet."))
        painter.end()

    def _violating(self) -> set[int]:
        return {v.initiative_id for v in self.plan.violations} | \
            {v.depends_on for v in self.plan.violations if v.kind == "order"}

    def _paint_bar(self, painter: QPainter, item: RoadmapItem, colour: str) -> None:
        rect = self.bars.get(item.id)
        if rect is None:
            return
        s = self._scale()
        path = QPainterPath()
        path.addRoundedRect(rect, 5 * s, 5 * s)
        painter.fillPath(path, QColor(colour))
        if item.id in self._violating():
            painter.setPen(QPen(QColor(DANGER), 3 * s, Qt.DashLine))
            painter.drawPath(path)
        if item.id == self.selected and self.interactive:
            painter.setPen(QPen(QColor("#1B1F24"), 3))
            painter.drawPath(path)
        title_px = max(min(16 * s, rect.height() * 0.34), self.min_px())
        two_lines = rect.height() > title_px * 2.6
        left = rect.left() + 8 * s
        right = max(self.text_right.get(item.id, rect.right()), rect.right() - 8 * s)
        title_font, detail_font = self.room_font(title_px, True), self.room_font(title_px * 0.8)
        if two_lines:
            # the lower part of the bar is left to the milestone diamonds
            middle = rect.top() + rect.height() * 0.5
            top = QRectF(left, rect.top(), right - left, middle - rect.top())
            bottom = QRectF(left, middle, right - left, rect.height() * 0.32)
            self._draw_text(painter, top, item.title, title_font, rect, Qt.AlignLeft | Qt.AlignBottom)
            detail = " · ".join(p for p in (item.owner, item.initiative.kpi_target) if p)
            self._draw_text(painter, bottom, detail, detail_font, rect, Qt.AlignLeft | Qt.AlignTop)
        else:
            self._draw_text(painter, QRectF(left, rect.top(), right - left, rect.height()), item.title,
                            title_font, rect, Qt.AlignLeft | Qt.AlignVCenter)
        start, _duration = self.placement(item.id)
        size = max(6 * s, min(9 * s, rect.height() * 0.16))
        for m in item.milestones:
            quarter = m.quarter + (start - item.start)
            centre = QPointF(self.plot.left() + (quarter + 0.5) * self.quarter_w, rect.bottom())
            diamond = QPolygonF([centre + QPointF(0, -size), centre + QPointF(size, 0),
                                 centre + QPointF(0, size), centre + QPointF(-size, 0)])
            painter.setPen(QPen(QColor("#1B1F24"), 1.2))
            painter.setBrush(QColor("white"))
            painter.drawPolygon(diamond)
        painter.setBrush(Qt.NoBrush)
        if self.interactive and item.id == self.selected:
            grip = QRectF(rect.right() - 5, rect.top() + rect.height() * 0.3, 2, rect.height() * 0.4)
            painter.fillRect(grip, QColor(255, 255, 255, 160))

    def _draw_text(self, painter: QPainter, box: QRectF, text: str, f, bar: QRectF, align) -> None:
        """A bar's text, never half on it and half past it (no colour change mid-word).

        White inside the bar if it fits there; else whole, in the lane's text colour, just
        after the bar if the room up to the next bar (``box``'s right) holds it; else
        abbreviated inside the bar.
        """
        painter.save()
        painter.setFont(f)
        inner = QRectF(box.left(), box.top(), max(bar.right() - 6 * self._scale() - box.left(), 0), box.height())
        width = QFontMetricsF(f).horizontalAdvance(text)
        after = QRectF(bar.right() + 6 * self._scale(), box.top(), box.right() - bar.right(), box.height())
        room_after = after.width() - 6 * self._scale()
        if width <= inner.width() + 0.5 or room_after < max(inner.width() * 1.5, 1):
            painter.setClipRect(bar)
            painter.setPen(QColor("white"))
            painter.drawText(inner, int(align), elided(text, f, inner.width()))
        else:  # more room after the bar than on it: the whole title there, or as much as fits
            painter.setPen(QColor(self.colours["text"]))
            painter.drawText(after, int(align), elided(text, f, room_after))
        painter.restore()

    def text_placement(self, initiative_id: int) -> str:
        """Where the bar's title is drawn: "inside", "after" (the bar) or "elided" (inside, shortened)."""
        rect = self.bars[initiative_id]
        s = self._scale()
        title_px = max(min(16 * s, rect.height() * 0.34), self.min_px())
        f = self.room_font(title_px, True)
        left = rect.left() + 8 * s
        right = max(self.text_right.get(initiative_id, rect.right()), rect.right() - 8 * s)
        width = QFontMetricsF(f).horizontalAdvance(self.plan.item(initiative_id).title)
        inside = rect.right() - 6 * s - left
        if width <= inside + 0.5:
            return "inside"
        return "after" if right - rect.right() - 12 * s >= max(inside * 1.5, 1) else "elided"

    def _paint_dependencies(self, painter: QPainter) -> None:
        bad = {(v.initiative_id, v.depends_on) for v in self.plan.violations}
        s = self._scale()
        for a, b in self.plan.dependencies:
            ra, rb = self.bars.get(a), self.bars.get(b)
            if ra is None or rb is None:
                continue
            start = QPointF(rb.right(), rb.center().y())
            end = QPointF(ra.left(), ra.center().y())
            colour = QColor(DANGER) if (a, b) in bad else QColor(self.colours["muted"])
            painter.setPen(QPen(colour, 2 * s, Qt.DashLine if (a, b) in bad else Qt.SolidLine))
            path = QPainterPath(start)
            bend = max(abs(end.x() - start.x()) * 0.5, 24 * s)
            # control points kept right of the lane labels: the curve (inside their hull) never
            # loops back through the axis names, even for a dependency drawn backwards
            floor = self.plot.left() + 2
            c1, c2 = start + QPointF(bend, 0), end - QPointF(bend, 0)
            c2.setX(max(c2.x(), floor))
            path.cubicTo(c1, c2, end)
            painter.drawPath(path)
            arrow = QPolygonF([end, end + QPointF(-8 * s, -5 * s), end + QPointF(-8 * s, 5 * s)])
            painter.setBrush(colour)
            painter.drawPolygon(arrow)
            painter.setBrush(Qt.NoBrush)

    # --- interaction ----------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if not self.interactive or event.button() != Qt.LeftButton or self.plan is None:
            return super().mousePressEvent(event)
        point = event.position()
        iid = self.item_at(point)
        self.selected = iid
        self.item_selected.emit(iid)
        if iid:
            item = self.plan.item(iid)
            mode = "resize" if point.x() >= self.bars[iid].right() - EDGE else "move"
            self.drag = Drag(iid, mode, point.x(), item.start, item.duration, (item.start, item.duration))
        self.update()

    def mouseMoveEvent(self, event) -> None:
        if not self.interactive or self.plan is None:
            return
        point = event.position()
        if self.drag is None:
            iid = self.item_at(point)
            if iid and point.x() >= self.bars[iid].right() - EDGE:
                self.setCursor(Qt.SizeHorCursor)
            else:
                self.setCursor(Qt.OpenHandCursor if iid else Qt.ArrowCursor)
            return
        delta = round((point.x() - self.drag.press_x) / self.quarter_w)
        if self.drag.mode == "move":
            preview = clamp_placement(self.drag.start + delta, self.drag.duration, self.plan.horizon)
        else:
            duration = max(1, min(self.drag.duration + delta, self.plan.horizon - self.drag.start))
            preview = (self.drag.start, duration)
        if preview != self.drag.preview:
            self.drag.preview = preview
            self._layout()
            self.update()

    def mouseReleaseEvent(self, event) -> None:
        if not self.interactive or self.drag is None or event.button() != Qt.LeftButton:
            return super().mouseReleaseEvent(event)
        drag, self.drag = self.drag, None
        self._layout()
        self.update()
        if drag.preview != (drag.start, drag.duration):
            self.placement_requested.emit(drag.initiative_id, *drag.preview)

    def keyPressEvent(self, event) -> None:
        item = self.plan.item(self.selected) if self.plan and self.selected else None
        step = {Qt.Key_Left: -1, Qt.Key_Right: 1}.get(event.key())
        if not self.interactive or item is None or step is None:
            return super().keyPressEvent(event)
        if event.modifiers() & Qt.ShiftModifier:
            wanted = (item.start, item.duration + step)
        else:
            wanted = (item.start + step, item.duration)
        if wanted[1] >= 1 and wanted[0] >= 0 and sum(wanted) <= self.plan.horizon:
            self.placement_requested.emit(item.id, *wanted)
