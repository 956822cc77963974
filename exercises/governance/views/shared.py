"""The governance page on the projector: one question with its options, or the summary."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QSizePolicy, QStackedLayout, QWidget

from ui.kit import theme
from workshop_app.i18n import _

from .. import logic, votes
from ..library import help_text
from .console import KEY, screen_state
from ui.kit.painting import draw_fitted, elided, fitted_font, font

WHITE = "#FFFFFF"
LIGHT = "#D9E2EC"
DIM = "#9FB3C8"
CARD = QColor(255, 255, 255, 22)
CHOSEN = QColor(theme.ACCENT_2)


class SharedView(QWidget):
    """The projector page: the board (a question or the summary), or a vote's progress.

    Renders from the store and the shared screen state. During a vote the ballots are cast
    in the booth on the laptop's own screen; this page shows only how many have voted.
    """

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.board = ChoicesBoard(session)
        self.vote = None
        self.pages = QStackedLayout(self)
        self.pages.addWidget(self.board)
        self.session.changed.connect(self._on_changed)
        self.session.room_changed.connect(lambda part: part == KEY and self.refresh())
        self.refresh()

    @property
    def mode(self) -> str:
        return "vote" if self.vote is not None and self.pages.currentWidget() is self.vote else self.board.mode

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind in (KEY, "participants"):
            self.refresh()

    def _vote_round(self, state):
        rnd = votes.latest_round(self.session.store, state.key) if state.mode == "booth" else None
        return rnd if rnd is not None and rnd.is_open else None

    def refresh(self) -> None:
        state = screen_state(self.session)
        rnd = self._vote_round(state)
        if rnd is not None:
            if self.vote is None:
                from exercises.arbitration.views_api import VoteProgressPage

                self.vote = VoteProgressPage(self.session)
                self.pages.addWidget(self.vote)
            self.vote.show_round(rnd)
            self.pages.setCurrentWidget(self.vote)
        else:
            self.board.refresh()
            self.pages.setCurrentWidget(self.board)


class ChoicesBoard(QWidget):
    """One question with its options (and the counts once shown), or all the answers."""

    ROOM_PAINTED = True  # its painted texts are measured by the font-size tests

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(320, 200)
        self.refresh()

    def refresh(self) -> None:
        store = self.session.store
        self.choices = logic.list_choices(store)
        state = screen_state(self.session)
        self.mode = "summary" if state.mode == "summary" else "question"
        self.current = next((c for c in self.choices if c.key == state.key), None)
        if self.current is None:
            self.current = next((c for c in self.choices if not c.settled), self.choices[0] if self.choices else None)
        self.hands = logic.get_hands(store, self.current.key) if self.current else logic.Hands({})
        self.help = help_text(self.current.key, self.session.language) if self.current else ""
        self.update()

    # --- painting ------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        if not self.choices:
            draw_fitted(painter, QRectF(self.rect()), _("No governance question yet."), self.height() * 0.06,
                        self.room(), WHITE, True, Qt.AlignCenter)
        elif self.mode == "summary":
            self._paint_summary(painter)
        else:
            self._paint_question(painter)
        painter.end()

    def room(self, factor: float = 1.0) -> int:
        """The smallest size of text for the room (from the projector window's height)."""
        from ui.kit.legibility import room_px

        return room_px(self.window().height(), factor)

    def _paint_question(self, painter: QPainter) -> None:
        choice = self.current
        w, h = self.width(), self.height()
        room = self.room()
        margin = w * 0.04
        y = h * 0.02
        draw_fitted(painter, QRectF(margin, y, w - 2 * margin, h * 0.16), choice.question, h * 0.07, self.room(1.2),
                    WHITE, True)
        y += h * 0.17
        hint = self.help
        kind = {"single": _("One answer"), "multi": _("Several answers possible"),
                "ranking": _("Rank them")}.get(choice.kind, "")
        draw_fitted(painter, QRectF(margin, y, w - 2 * margin, h * 0.1), f"{kind} · {hint}" if hint else kind,
                    room, room, LIGHT)
        y += h * 0.12
        options = list(choice.options)
        if choice.kind == "ranking":  # a settled ranking reads best in its order
            options.sort(key=lambda o: choice.chosen.index(o.key) if o.key in choice.chosen else len(options))
        gap = h * 0.015
        row_h = max(min((h - y - gap) / max(len(options), 1) - gap, h * 0.13), room * 1.3)
        top = max((c for c in self.hands.counts.values()), default=0)
        show_counts = self.hands.revealed and top > 0
        rects = [QRectF(margin, y + n * (row_h + gap), w - 2 * margin, row_h) for n in range(len(options))]
        texts = [self._option_text(choice, o) for o in options]
        # one size for every option, so none looks more important than the others
        px = min((fitted_font(self._label_rect(r, show_counts), t, max(row_h * 0.42, room), room,
                              True).pixelSize() for r, t in zip(rects, texts)), default=room)
        for rect, option, text in zip(rects, options, texts):
            self._paint_option(painter, rect, choice, option, text, px, show_counts, top)
        if choice.note and rects and rects[-1].bottom() + h * 0.08 < h:
            note = QRectF(margin, rects[-1].bottom() + gap, w - 2 * margin, h - rects[-1].bottom() - gap)
            draw_fitted(painter, note, choice.note, room, room, LIGHT, False, Qt.AlignLeft | Qt.AlignTop)

    @staticmethod
    def _option_text(choice, option) -> str:
        if option.key not in choice.chosen:
            return option.label
        mark = f"{choice.chosen.index(option.key) + 1}. " if choice.kind == "ranking" else "✓ "
        return mark + option.label

    @staticmethod
    def _label_rect(rect: QRectF, show_counts: bool) -> QRectF:
        pad = rect.height() * 0.3
        bar_w = rect.width() * 0.3 if show_counts else 0
        return QRectF(rect.left() + pad, rect.top(), rect.width() - 2 * pad - bar_w - pad, rect.height())

    def _paint_option(self, painter, rect: QRectF, choice, option, text: str, px: int,
                      show_counts: bool, top: int) -> None:
        chosen = option.key in choice.chosen
        path = QPainterPath()
        path.addRoundedRect(rect, rect.height() * 0.18, rect.height() * 0.18)
        painter.fillPath(path, CHOSEN if chosen else CARD)
        count = int(self.hands.counts.get(option.key, 0))
        pad = rect.height() * 0.3
        bar_w = rect.width() * 0.3 if show_counts else 0
        if show_counts and count:
            bar = QRectF(rect.right() - bar_w - pad, rect.top() + rect.height() * 0.28,
                         (bar_w - rect.height()) * count / top, rect.height() * 0.44)
            painter.fillRect(bar, QColor(WHITE if chosen else theme.WARNING))
        if show_counts:
            painter.setFont(font(max(rect.height() * 0.45, self.room()), True))
            painter.setPen(QColor(WHITE))
            painter.drawText(QRectF(rect.right() - pad - rect.height(), rect.top(), rect.height(), rect.height()),
                             int(Qt.AlignRight | Qt.AlignVCenter), str(count))
        draw_fitted(painter, self._label_rect(rect, show_counts), text, px, px, WHITE, chosen)

    def _paint_summary(self, painter: QPainter) -> None:
        w, h = self.width(), self.height()
        margin = w * 0.03
        title_h = max(h * 0.075, self.room(1.5))
        draw_fitted(painter, QRectF(margin, 0, w - 2 * margin, title_h), _("Our governance choices"),
                    h * 0.06, self.room(1.2), WHITE, True)
        count = len(self.choices)
        columns = 2 if count > 4 else 1
        rows = (count + columns - 1) // columns
        gap = h * 0.014
        cell_w = (w - 2 * margin - gap * (columns - 1)) / columns
        cell_h = (h - title_h - gap * rows) / max(rows, 1)
        for n, choice in enumerate(self.choices):
            col, row = divmod(n, rows)
            rect = QRectF(margin + col * (cell_w + gap), title_h + row * (cell_h + gap), cell_w, cell_h)
            self._paint_card(painter, rect, choice)

    def _paint_card(self, painter: QPainter, rect: QRectF, choice) -> None:
        path = QPainterPath()
        path.addRoundedRect(rect, 8, 8)
        painter.fillPath(path, CARD)
        if choice.settled:
            painter.fillRect(QRectF(rect.left(), rect.top() + 6, 6, rect.height() - 12), CHOSEN)
        pad = rect.height() * 0.1
        inner = rect.adjusted(pad + 8, pad * 0.5, -pad, -pad * 0.4)
        room = self.room()
        q_font = font(max(rect.height() * 0.165, room))
        question = elided(choice.question, q_font, inner.width())
        painter.setFont(q_font)
        painter.setPen(QColor(DIM))
        q_h = max(rect.height() * 0.23, room * 1.3)
        painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), q_h),
                         int(Qt.AlignLeft | Qt.AlignVCenter), question)
        answer_rect = QRectF(inner.left(), inner.top() + q_h, inner.width(), inner.height() - q_h)
        if not choice.settled:
            draw_fitted(painter, answer_rect, _("To be decided"), rect.height() * 0.26, room, DIM, False)
            return
        labels = choice.chosen_labels()
        if choice.kind == "ranking":
            labels = [f"{n}. {label}" for n, label in enumerate(labels[:3], 1)]
        text = " · ".join(labels)
        draw_fitted(painter, answer_rect, text, rect.height() * 0.26, room, WHITE, True,
                    Qt.AlignLeft | Qt.AlignTop)
