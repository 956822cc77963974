"""The trends on the shared screen: the current trend's card with big rating buttons, the
trend map, or the ranked list, as chosen in the room state's trends screen (``state.TrendScreen``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QStackedWidget,
                               QTableView, QVBoxLayout, QWidget)

from ui.kit.chart_area import ChartArea
from ui.kit.errors import show_error
from workshop_app.domain import ValidationError
from workshop_app.i18n import _

from . import commands
from .charts import LIFECYCLE_COLOURS
from . import store_ops as ops
from .logic import HORIZONS, KEY, LIFECYCLES, RELEVANCE, horizon_label, lifecycle_label
from .models import RankingModel
from .state import ensure_current, state, update
from ui.kit.touch import ChoiceRow, NamePicker, role_label, shared_style, touch_button


class RatingPad(QWidget):
    """Who is rating, three rows of big buttons, and Validate / Cancel."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.who = role_label("", "prompt")
        self.relevance = ChoiceRow(_("Relevance for our segments"), [(v, str(v)) for v in RELEVANCE])
        self.horizon = ChoiceRow(_("Time horizon"), [(h, horizon_label(h)) for h in HORIZONS])
        self.lifecycle = ChoiceRow(_("Life cycle"), [(c, lifecycle_label(c)) for c in LIFECYCLES])
        self.validate = touch_button(_("Validate"), "primary")
        self.cancel = touch_button(_("Cancel"), "quiet")
        buttons = QHBoxLayout()
        buttons.addWidget(self.who, 3)
        buttons.addWidget(self.cancel, 1)
        buttons.addWidget(self.validate, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.relevance)
        layout.addWidget(self.horizon)
        layout.addWidget(self.lifecycle)
        layout.addLayout(buttons)

    def show_draft(self, draft: dict) -> None:
        self.relevance.set_value(draft.get("relevance"))
        self.horizon.set_value(draft.get("horizon"))
        self.lifecycle.set_value(draft.get("lifecycle"))
        self.validate.setEnabled(all(draft.get(k) is not None for k in ("relevance", "horizon", "lifecycle")))


class CardPage(QWidget):
    """The current trend, large, and below it the name picker or the rating pad."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.counter = role_label("", "muted", wrap=False)
        self.previous = touch_button("◀  " + _("Previous"), "quiet")
        self.next = touch_button(_("Next") + "  ▶", "quiet")
        top = QHBoxLayout()
        top.addWidget(self.previous)
        top.addStretch(1)
        top.addWidget(self.counter)
        top.addStretch(1)
        top.addWidget(self.next)
        self.title = role_label("", "big-title")
        self.description = role_label("", "body")
        self.example = role_label("", "example")
        self.prompt = role_label("", "prompt")
        self.progress = role_label("", "muted", wrap=False)
        self.names = NamePicker()
        self.pad = RatingPad()
        self.bottom = QStackedWidget()
        picker = QWidget()
        picker_layout = QVBoxLayout(picker)
        picker_layout.setContentsMargins(0, 0, 0, 0)
        prompt_row = QHBoxLayout()
        prompt_row.addWidget(self.prompt, 1)
        prompt_row.addWidget(self.progress)
        picker_layout.addLayout(prompt_row)
        picker_layout.addWidget(self.names)
        picker_layout.addStretch(1)
        self.bottom.addWidget(picker)
        self.bottom.addWidget(self.pad)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        layout.addWidget(self.example)
        layout.addSpacing(12)
        layout.addWidget(self.bottom, 1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.previous.clicked.connect(lambda: self._on_step(-1))
        self.next.clicked.connect(lambda: self._on_step(+1))
        self.names.picked.connect(self._on_picked)
        self.pad.relevance.chosen.connect(lambda v: self._on_chosen("relevance", v))
        self.pad.horizon.chosen.connect(lambda v: self._on_chosen("horizon", v))
        self.pad.lifecycle.chosen.connect(lambda v: self._on_chosen("lifecycle", v))
        self.pad.validate.clicked.connect(self._on_validate)
        self.pad.cancel.clicked.connect(lambda: update(self.session, rater_id=None))

    def refresh(self, trends) -> None:
        st = state(self.session)
        ids = [t.id for t in trends]
        trend = next((t for t in trends if t.id == st.trend_id), None)
        if trend is None:
            self.counter.setText("")
            self.title.setText(_("Usage trends"))
            self.description.setText(_("The next trend is on its way."))
            self.example.hide()
            self.bottom.hide()
            self.previous.setEnabled(False)
            self.next.setEnabled(False)
            return
        index = ids.index(trend.id)
        self.counter.setText(_("Trend {n} of {total}").format(n=index + 1, total=len(ids)))
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < len(ids) - 1)
        self.title.setText(trend.title)
        self.description.setText(trend.description)
        self.example.setText(_("For example: {text}").format(text=trend.example))
        self.example.setVisible(bool(trend.example))
        self.bottom.show()
        self.bottom.setEnabled(not self.session.read_only)
        pending = ops.pending_raters(self.session.store, trend.id)
        rater = next((p for p in pending if p.id == st.rater_id), None)
        if rater is None:
            total = len(pending) + len([r for r in ops.list_ratings(self.session.store, trend.id)
                                        if not r.is_consensus])
            self.progress.setText(_("{done} of {total} have rated").format(
                done=total - len(pending), total=total))
            self.prompt.setText(_("Who is rating? Touch your name.") if pending
                                else _("Everyone has rated this trend."))
            self.names.set_people([(p.id, p.name) for p in pending])
            self.bottom.setCurrentIndex(0)
        else:
            self.pad.who.setText(_("{name} is rating").format(name=rater.name))
            self.pad.show_draft(st.draft)
            self.bottom.setCurrentIndex(1)

    def _trend_ids(self) -> list[int]:
        return [t.id for t in ops.list_trends(self.session.store, include_hidden=False)]

    def _on_step(self, delta: int) -> None:
        ids = self._trend_ids()
        current = state(self.session).trend_id
        if current in ids and 0 <= ids.index(current) + delta < len(ids):
            update(self.session, trend_id=ids[ids.index(current) + delta])

    def _on_picked(self, participant_id: int) -> None:
        update(self.session, rater_id=participant_id)

    def _on_chosen(self, scale: str, value) -> None:
        draft = dict(state(self.session).draft)
        draft[scale] = value
        update(self.session, draft=draft)

    def _on_validate(self) -> None:
        st = state(self.session)
        draft = st.draft
        try:
            commands.rate(self.session, st.trend_id, st.rater_id, draft.get("relevance"),
                          draft.get("horizon"), draft.get("lifecycle"))
        except ValidationError as error:
            show_error(self, str(error))
            return
        update(self.session, rater_id=None)


class MapPage(QWidget):
    """The trend map, redrawn to the page's size (matplotlib is imported on first draw)."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.heading = role_label(_("Trend map"), "heading", wrap=False)
        self.area = ChartArea(self._make_figure)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.area, 1)

    @property
    def canvas(self):
        return self.area.canvas

    def invalidate(self) -> None:
        self.area.invalidate()

    def _make_figure(self, width: int, height: int):
        from .charts import trend_map_figure

        from ui.kit.legibility import room_pt

        window = self.window().height() if self.window() is not self else height
        text_scale = room_pt(window) / 11  # the smallest text (a bubble's rank) reads from 12 m
        scale = max(1.0, min(1.6, height / 520))
        return trend_map_figure([r for r in ops.ranked_results(self.session.store) if r.rated],
                                self.session.language, dark=True,
                                size=(width / 100, height / 100), scale=scale, text_scale=text_scale)


class RankingPage(QWidget):
    """The ranked trends, large, read-only."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.model = SharedRankingModel(session, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.setFocusPolicy(Qt.NoFocus)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        for column in range(RankingModel.IMPLICATION, self.model.columnCount()):
            self.table.hideColumn(column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(role_label(_("Ranked trends"), "heading", wrap=False))
        layout.addWidget(self.table, 1)

        self.model.modelReset.connect(self._fit_rows)

    def _fit_rows(self) -> None:
        """Rows as tall as the page allows (up to a limit), so the whole list fits if it can."""
        room = self.table.height() - self.table.horizontalHeader().height() - 4
        rows = max(self.model.rowCount(), 8)
        self.table.verticalHeader().setDefaultSectionSize(max(28, min(56, room // rows)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_rows()


class SharedRankingModel(RankingModel):
    """The ranking as the room sees it: nothing to click, retained trends ticked and in bold,
    a dot in the life-cycle colour of the trend map."""

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        result = self.result(index.row())
        column = index.column()
        if role == Qt.FontRole and result.trend.retained:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.DecorationRole and column == 4 and result.lifecycle:
            return QColor(LIFECYCLE_COLOURS[result.lifecycle])
        if role == Qt.TextAlignmentRole and column in (0, 2, self.RETAINED):
            return int(Qt.AlignCenter)
        if column == self.RETAINED:
            return ("✓" if result.trend.retained else "") if role == Qt.DisplayRole else None
        return super().data(index, role)

    def flags(self, index):
        return Qt.ItemIsEnabled if index.isValid() else Qt.NoItemFlags


class SharedView(QWidget):
    """The projector view of trend decoding. Renders from the store and the shared state."""

    PAGES = ("card", "map", "ranking")

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.card = CardPage(session)
        self.map = MapPage(session)
        self.ranking = RankingPage(session)
        self.pages = QStackedWidget()
        for page in (self.card, self.map, self.ranking):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.setStyleSheet(shared_style(720))
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.session.changed.connect(self._on_changed)
        self.session.room_changed.connect(self._on_room_changed)

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind in (KEY, "participants"):
            self.refresh()

    def _on_room_changed(self, part: str) -> None:
        if part == KEY:
            self.refresh()

    def refresh(self) -> None:
        st = ensure_current(self.session)
        trends = ops.list_trends(self.session.store, include_hidden=False)
        self.card.refresh(trends)
        screen = st.screen if st.screen in self.PAGES else "card"
        self.pages.setCurrentIndex(self.PAGES.index(screen))
        self.map.invalidate()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.setStyleSheet(shared_style(self.window().height() if self.window() else self.height()))
