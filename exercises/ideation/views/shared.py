"""The projector views of ideation: the idea board (paged, never shrunk) and a business-case card.

Text never goes below ``MIN_FONT`` of the window height: with many ideas the board pages
("Page 2/3") instead of shrinking; the facilitator turns pages from the console, and the
page lives in the room state (``commands.IdeationScreen`` in ``session.room``) so both
windows agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStackedLayout, QWidget

from ui.kit import theme
from ui.kit.legibility import ROOM_SHARE
from workshop_app.i18n import _

from .. import logic
from . import commands
from .paint import font, ink_on, wrap_lines
from .card_view import SharedCard

MIN_FONT = ROOM_SHARE  # of the window height: read from 12 m (ui.kit.legibility)
PANEL = QColor("#2B4C74")
LIGHT = QColor("#D9E2EC")
CARD_LINES, NAME_LINES, AMBITION_LINES = 4, 3, 3


@dataclass
class Group:
    title: str
    colour: str
    ambition: str
    texts: list[str]


@dataclass
class Chunk:
    group: Group
    cards: list[list[str]]  # wrapped lines of each card
    continued: bool


class SharedBoard(QWidget):
    """Columns per axis with coloured headers and idea cards, paged to stay readable."""

    ROOM_PAINTED = True  # its painted texts are measured by the font-size tests

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.groups: list[Group] = []
        self.prompt = ""
        self.hidden_count = 0
        self.pages: list[list[Chunk]] = []
        self._layout_key = None
        self._wrapped: dict[tuple, list[str]] = {}  # (text, width, font px, max lines) -> lines
        self._headers: dict[tuple, int] = {}
        self.load()

    def window_height(self) -> int:
        return max(self.window().height(), 200)

    def load(self) -> None:
        store = self.session.store
        hidden_rounds = logic.hidden_round_ids(store)
        ideas = logic.list_ideas(store)
        shown = [i for i in ideas if logic.on_screen(i, hidden_rounds)]
        self.hidden_count = len(ideas) - len(shown)
        loose = [i.text for i in shown if i.axis_id is None]
        self.groups = [Group(_("Not clustered yet"), "#8A96A3", "", loose)] if loose else []
        for axis in logic.list_axes(store):
            self.groups.append(Group(axis.name, axis.colour, axis.ambition,
                                     [i.text for i in shown if i.axis_id == axis.id]))
        round_id = logic.current_round_id(store)
        self.prompt = logic.get_round(store, round_id).prompt if round_id else ""
        self._layout_key = None
        self.relayout()

    # --- geometry -------------------------------------------------------------------
    def sizes(self) -> dict[str, float]:
        h = self.window_height()
        floor = MIN_FONT * h
        return {"card": floor, "name": floor * 1.05, "ambition": floor,
                "foot": floor, "prompt": floor, "gap": 0.009 * h, "pad": 0.01 * h}

    def regions(self) -> tuple[QRect, QRect, QRect]:
        """(prompt, body, footer) rectangles."""
        s = self.sizes()
        r = self.rect()
        top = int(s["prompt"] * 1.7) if self.prompt else 0
        foot = int(s["foot"] * 1.8)
        return (QRect(r.left(), r.top(), r.width(), top),
                QRect(r.left(), r.top() + top, r.width(), r.height() - top - foot),
                QRect(r.left(), r.bottom() - foot, r.width(), foot))

    def wrap(self, text: str, metrics: QFontMetrics, width: int, max_lines: int) -> list[str]:
        """``wrap_lines``, remembered: a new idea only costs its own wrapping."""
        key = (text, width, metrics.height(), metrics.averageCharWidth(), max_lines)
        lines = self._wrapped.get(key)
        if lines is None:
            if len(self._wrapped) > 50_000:
                self._wrapped.clear()
            lines = self._wrapped[key] = wrap_lines(text, metrics, width, max_lines)
        return lines

    def _name_lines(self, group: Group, continued: bool, metrics: QFontMetrics, width: int) -> list[str]:
        """The header's name, wrapped (shorter on a group's later columns, which carry no ambition)."""
        return self.wrap(group.title, metrics, width, 2 if continued else NAME_LINES) or [""]

    def header_height(self, group: Group, width: int, continued: bool) -> int:
        """The column's header: its name in a coloured band, then its ambition (first column only)."""
        key = (group.title, group.ambition, width, continued, self.window_height())
        if key not in self._headers:
            self._headers[key] = self._header_height(group, width, continued)
        return self._headers[key]

    def _header_height(self, group: Group, width: int, continued: bool) -> int:
        s = self.sizes()
        pad = int(s["pad"])
        name_m, amb_m = QFontMetrics(font(s["name"], bold=True)), QFontMetrics(font(s["ambition"], italic=True))
        name = len(self._name_lines(group, continued, name_m, width - 2 * pad))
        height = name * name_m.lineSpacing() + 2 * pad + pad
        if continued:  # one line saying so, where the ambition stood
            return height + amb_m.lineSpacing() + pad
        if group.ambition:
            lines = len(self.wrap(group.ambition, amb_m, width - 2 * pad, AMBITION_LINES))
            height += lines * amb_m.lineSpacing() + pad
        return height

    def _split(self, group: Group, cards: list[list[str]], width: int, height: int, most: int) -> list[Chunk]:
        """Fill columns in order, at most ``most`` cards each, never past the column's height."""
        s = self.sizes()
        spacing = QFontMetrics(font(s["card"])).lineSpacing()
        chunks, current, continued = [], [], False
        room = height - self.header_height(group, width, continued)
        for lines in cards:
            tall = len(lines) * spacing + 2 * s["pad"] + s["gap"]
            if current and (tall > room or len(current) >= most):
                chunks.append(Chunk(group, current, continued))
                current, continued = [], True
                room = height - self.header_height(group, width, continued)
            current.append(lines)
            room -= tall
        chunks.append(Chunk(group, current, continued))
        return chunks

    def _chunks(self, width: int, height: int) -> list[Chunk]:
        """Each group's cards split into as few columns as fit, balanced between them."""
        metrics = QFontMetrics(font(self.sizes()["card"]))
        chunks = []
        for group in self.groups:
            text_width = width - int(3 * self.sizes()["pad"])
            cards = [self.wrap(t, metrics, text_width, CARD_LINES) for t in group.texts]
            greedy = self._split(group, cards, width, height, len(cards) or 1)
            balanced = self._split(group, cards, width, height, -(-len(cards) // len(greedy)) or 1)
            chunks.extend(balanced if len(balanced) == len(greedy) else greedy)
        return chunks

    def relayout(self) -> None:
        s = self.sizes()
        _prompt, body, _foot = self.regions()
        key = (body.width(), body.height(), self.window_height(), id(self.groups))
        if key == self._layout_key:
            return
        self._layout_key = key
        columns = max(1, int(body.width() // (s["card"] * 11)))
        chunks = self._chunks(self.column_width(columns), body.height())
        if 0 < len(chunks) < columns:
            columns = len(chunks)
            chunks = self._chunks(self.column_width(columns), body.height())
        self.columns = columns
        self.pages = [chunks[i:i + columns] for i in range(0, len(chunks), columns)] or [[]]
        commands.set_screen(self.session, pages=len(self.pages))  # the console's "Page 1/4" follows
        self.update()

    def column_width(self, columns: int) -> int:
        gap = self.sizes()["gap"] * 1.5
        return int((self.width() - gap * (columns - 1)) / columns)

    def page(self) -> int:
        return max(0, min(len(self.pages) - 1, commands.screen_state(self.session).page))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.relayout()

    # --- painting -------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        self.relayout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        s = self.sizes()
        prompt, body, foot = self.regions()
        if self.prompt:
            painter.setFont(font(s["prompt"], italic=True))
            painter.setPen(LIGHT)
            text = QFontMetrics(painter.font()).elidedText(f"« {self.prompt} »" if self.session.language == "fr"
                                                           else f"“{self.prompt}”", Qt.ElideRight, prompt.width())
            painter.drawText(prompt, Qt.AlignLeft | Qt.AlignVCenter, text)
        if not self.groups:
            painter.setFont(font(s["name"]))
            painter.setPen(LIGHT)
            painter.drawText(body, Qt.AlignCenter | Qt.TextWordWrap,
                             _("Ideas will appear here as the room shares them."))
        else:
            width = self.column_width(self.columns)
            for index, chunk in enumerate(self.pages[self.page()]):
                x = body.left() + index * (width + int(s["gap"] * 1.5))
                self._paint_column(painter, QRect(x, body.top(), width, body.height()), chunk)
        self._paint_footer(painter, foot)
        painter.end()

    def _paint_column(self, painter: QPainter, rect: QRect, chunk: Chunk) -> None:
        s = self.sizes()
        pad = int(s["pad"])
        painter.setPen(Qt.NoPen)
        painter.setBrush(PANEL)
        painter.drawRoundedRect(rect, pad, pad)
        name_font = font(s["name"], bold=True)
        name_m = QFontMetrics(name_font)
        name_lines = self._name_lines(chunk.group, chunk.continued, name_m, rect.width() - 2 * pad)
        band = QRect(rect.left(), rect.top(), rect.width(), len(name_lines) * name_m.lineSpacing() + 2 * pad)
        painter.setBrush(QColor(chunk.group.colour))
        painter.drawRoundedRect(band, pad, pad)
        painter.setFont(name_font)
        painter.setPen(ink_on(chunk.group.colour))
        y = band.top() + pad + name_m.ascent()
        for line in name_lines:
            painter.drawText(band.left() + pad, y, line)
            y += name_m.lineSpacing()
        amb_font = font(s["ambition"], italic=True)
        amb_m = QFontMetrics(amb_font)
        painter.setFont(amb_font)
        painter.setPen(LIGHT)
        y = band.bottom() + pad + amb_m.ascent()
        if chunk.continued:
            painter.drawText(rect.left() + pad, y, _("(continued)"))
        elif chunk.group.ambition:
            for line in self.wrap(chunk.group.ambition, amb_m, rect.width() - 2 * pad, AMBITION_LINES):
                painter.drawText(rect.left() + pad, y, line)
                y += amb_m.lineSpacing()
        card_font = font(s["card"])
        card_m = QFontMetrics(card_font)
        painter.setFont(card_font)
        y = rect.top() + self.header_height(chunk.group, rect.width(), chunk.continued)
        if not chunk.cards:
            painter.setPen(QColor("#9FB3C8"))
            painter.drawText(QRect(rect.left() + pad, y, rect.width() - 2 * pad, card_m.lineSpacing() * 2),
                             Qt.AlignLeft | Qt.AlignTop, _("No ideas yet"))
        for lines in chunk.cards:
            tall = len(lines) * card_m.lineSpacing() + 2 * pad
            card = QRect(rect.left() + pad // 2, y, rect.width() - pad, tall)
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor("white"))
            painter.drawRoundedRect(card, pad * 0.6, pad * 0.6)
            painter.setBrush(QColor(chunk.group.colour))
            painter.drawRoundedRect(QRect(card.left(), card.top(), max(5, pad // 2), card.height()), 3, 3)
            painter.setPen(QColor(theme.INK))
            ty = card.top() + pad + card_m.ascent()
            for line in lines:
                painter.drawText(card.left() + int(1.6 * pad), ty, line)
                ty += card_m.lineSpacing()
            y += tall + int(s["gap"])

    def _paint_footer(self, painter: QPainter, rect: QRect) -> None:
        s = self.sizes()
        painter.setFont(font(s["foot"]))
        painter.setPen(QColor("#9FB3C8"))
        shown = sum(len(g.texts) for g in self.groups)
        left = _("One idea") if shown == 1 else _("{n} ideas").format(n=shown)
        if self.hidden_count:
            left += " · " + _("hidden until revealed: {n}").format(n=self.hidden_count)
        painter.drawText(rect, Qt.AlignLeft | Qt.AlignVCenter, left)
        if len(self.pages) > 1:
            painter.setPen(QColor("white"))
            painter.setFont(font(s["foot"], bold=True))
            painter.drawText(rect, Qt.AlignRight | Qt.AlignVCenter,
                             _("Page {page}/{pages}").format(page=self.page() + 1, pages=len(self.pages)))


class SharedView(QWidget):
    """What the room sees for ideation: the board, or one initiative's business case."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("IdeationShared")
        self.setAttribute(Qt.WA_StyledBackground, True)
        self.setStyleSheet(f"#IdeationShared {{ background: {theme.ACCENT}; }}")
        self.board = SharedBoard(session)
        self.card = SharedCard(session)
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.board)
        self.stack.addWidget(self.card)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.session.changed.connect(self._on_changed)
        self.session.room_changed.connect(self._on_room_changed)

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind in ("ideation", "participants", "trends"):
            self.board.load()
            self.refresh()

    def _on_room_changed(self, part: str) -> None:
        if part == commands.KIND:
            self.refresh()

    def refresh(self) -> None:
        state = commands.screen_state(self.session)
        if state.mode == "card" and state.initiative:
            self.card.show_initiative(state.initiative)
            self.stack.setCurrentWidget(self.card)
        else:
            self.stack.setCurrentWidget(self.board)
            self.board.update()
