"""The facilitator's trend-decoding tab: the trend list on the left; on the right the current
trend's ratings, the ranking with retained trends, and the segments (``console_panels``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
                               QTabWidget, QVBoxLayout, QWidget)

from ui.kit import theme
from ui.kit.errors import show_error
from ui.kit.stage_input import StageInputControl
from workshop_app.domain import ValidationError
from workshop_app.i18n import _

from . import commands
from . import store_ops as ops
from .console_panels import RatingPanel, ResultsPanel, SegmentsPanel, TrendDialog, _table
from .logic import KEY
from .models import TrendIdRole, TrendsModel
from .state import SCREENS, ensure_current, state, update


class ConsoleView(QWidget):
    """The facilitator's tab. Selecting a trend puts it on the shared screen's card."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.show_button = QPushButton(_("Show on the shared screen"))
        self.show_button.setProperty("primary", True)
        self.screen_buttons = QButtonGroup(self)
        labels = {"card": _("Trend card"), "map": _("Trend map"), "ranking": _("Ranked list")}
        top = QHBoxLayout()
        self.setStyleSheet(f"QPushButton:checked {{ background: {theme.ACCENT_2}; color: white;"
                           f" border-color: {theme.ACCENT_2}; }}")
        top.addWidget(self.show_button)
        top.addSpacing(16)
        top.addWidget(QLabel(_("The room sees:")))
        for index, screen in enumerate(SCREENS):
            button = QPushButton(labels[screen])
            button.setCheckable(True)
            self.screen_buttons.addButton(button, index)
            top.addWidget(button)
        top.addStretch(1)
        self.trends = TrendsModel(session, self)
        self.table = _table(self.trends)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.setWordWrap(False)
        self.add = QPushButton(_("Add…"))
        self.edit = QPushButton(_("Edit…"))
        self.hide_button = QPushButton(_("Hide / show"))
        self.up = QPushButton("▲")
        self.down = QPushButton("▼")
        self.up.setToolTip(_("Move up"))
        self.down.setToolTip(_("Move down"))
        buttons = QHBoxLayout()
        for button in (self.add, self.edit, self.hide_button, self.up, self.down):
            buttons.addWidget(button)
            button.setEnabled(not session.read_only)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        left_layout.addLayout(buttons)
        self.rating = RatingPanel(session)
        self.results = ResultsPanel(session)
        self.segments = SegmentsPanel(session)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.rating, _("Rating"))
        self.tabs.addTab(self.results, _("Results"))
        self.tabs.addTab(self.segments, _("Segments"))
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setSizes([560, 700])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(StageInputControl(session, "trends"))  # ratings from phones too (workshop_app/phone_page.py)
        layout.addWidget(splitter, 1)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.session.changed.connect(self._on_changed)
        self.session.room_changed.connect(lambda part: part == KEY and self.refresh())
        self.show_button.clicked.connect(lambda: self.session.present(KEY))
        self.screen_buttons.idClicked.connect(lambda i: update(self.session, screen=SCREENS[i]))
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.trends.modelReset.connect(self._select_current)
        self.add.clicked.connect(self._on_add)
        self.edit.clicked.connect(self._on_edit)
        self.table.doubleClicked.connect(self._on_edit)
        self.hide_button.clicked.connect(self._on_hide)
        self.up.clicked.connect(lambda: self._on_move(-1))
        self.down.clicked.connect(lambda: self._on_move(+1))

    def _on_changed(self, kind: str, ident: int) -> None:
        if kind in (KEY, "participants"):
            self.refresh()

    def refresh(self) -> None:
        st = ensure_current(self.session)
        screen = st.screen if st.screen in SCREENS else "card"
        self.screen_buttons.button(SCREENS.index(screen)).setChecked(True)
        self._select_current()
        self.rating.refresh()

    def _select_current(self) -> None:
        row = self.trends.row_of(state(self.session).trend_id)
        if row >= 0 and self.table.currentIndex().row() != row:
            self.table.selectRow(row)

    def current_trend_id(self) -> int | None:
        return state(self.session).trend_id

    def _on_row_changed(self, current, _previous) -> None:
        if current.isValid():
            update(self.session, trend_id=self.trends.data(current, TrendIdRole))

    def _on_add(self) -> None:
        dialog = TrendDialog(self)
        if dialog.exec():
            try:
                trend_id = commands.add_trend(self.session, *dialog.values())
            except ValidationError as error:
                show_error(self, str(error))
                return
            update(self.session, trend_id=trend_id)

    def _on_edit(self, *_args) -> None:
        trend_id = self.current_trend_id()
        if trend_id is None or self.session.read_only:
            return
        trend = ops.get_trend(self.session.store, trend_id)
        dialog = TrendDialog(self, trend.title, trend.description, trend.example)
        if dialog.exec():
            try:
                commands.edit_trend(self.session, trend_id, *dialog.values())
            except ValidationError as error:
                show_error(self, str(error))

    def _on_hide(self) -> None:
        trend_id = self.current_trend_id()
        if trend_id is not None:
            trend = ops.get_trend(self.session.store, trend_id)
            commands.set_hidden(self.session, trend_id, not trend.hidden)

    def _on_move(self, delta: int) -> None:
        trend_id = self.current_trend_id()
        row = self.trends.row_of(trend_id)
        if row >= 0:
            commands.move_trend(self.session, trend_id, row + delta)
