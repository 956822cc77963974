"""The panels of the facilitator's trend tab: a trend editor, the current trend's ratings and
the room's consensus, the ranking with retained trends and implications, the segments."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListView,
                               QPlainTextEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from ui.kit.errors import show_error
from workshop_app.domain import ValidationError
from workshop_app.i18n import _

from . import commands
from . import store_ops as ops
from .logic import HORIZONS, LIFECYCLES, RELEVANCE, horizon_label, lifecycle_label
from .models import RankingModel, RatingsModel, SegmentsModel, TrendIdRole
from .state import state, update


def _table(model) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    return table


class TrendDialog(QDialog):
    """Add or edit one trend: title, description, example."""

    def __init__(self, parent=None, title="", description="", example=""):
        super().__init__(parent)
        self.setWindowTitle(_("Trend"))
        self.title = QLineEdit(title)
        self.description = QPlainTextEdit(description)
        self.example = QPlainTextEdit(example)
        for edit in (self.description, self.example):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(80)
        form = QFormLayout(self)
        form.addRow(_("Title"), self.title)
        form.addRow(_("Description"), self.description)
        form.addRow(_("Example"), self.example)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, 320)

    def values(self) -> tuple[str, str, str]:
        return self.title.text(), self.description.toPlainText(), self.example.toPlainText()


class RatingPanel(QWidget):
    """The current trend: who has rated it and how, and the room's consensus."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.heading = QLabel()
        self.heading.setProperty("role", "subtitle")
        self.heading.setWordWrap(True)
        self.rater = QComboBox()
        self.start = QPushButton(_("Rate on the shared screen"))
        self.model = RatingsModel(session, self)
        self.table = _table(self.model)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.remove = QPushButton(_("Remove the selected rating"))
        self.relevance = QComboBox()
        self.relevance.addItem("—", None)
        for value in RELEVANCE:
            self.relevance.addItem(str(value), value)
        self.horizon = QComboBox()
        self.horizon.addItem("—", None)
        for value in HORIZONS:
            self.horizon.addItem(horizon_label(value), value)
        self.lifecycle = QComboBox()
        self.lifecycle.addItem("—", None)
        for value in LIFECYCLES:
            self.lifecycle.addItem(lifecycle_label(value), value)
        self.save_consensus = QPushButton(_("Save the consensus"))
        self.clear_consensus = QPushButton(_("Clear"))
        consensus = QGroupBox(_("The room’s consensus (overrides the individual ratings)"))
        row = QHBoxLayout()
        for label, combo in ((_("Relevance"), self.relevance), (_("Horizon"), self.horizon),
                             (_("Life cycle"), self.lifecycle)):
            row.addWidget(QLabel(label))
            row.addWidget(combo, 1)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.clear_consensus)
        actions.addWidget(self.save_consensus)
        box = QVBoxLayout(consensus)
        box.addLayout(row)
        box.addLayout(actions)
        who = QHBoxLayout()
        who.addWidget(QLabel(_("Next to rate:")))
        who.addWidget(self.rater, 1)
        who.addWidget(self.start)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(who)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.remove, 0, Qt.AlignLeft)
        layout.addWidget(consensus)
        for widget in (self.start, self.remove, self.save_consensus, self.clear_consensus):
            widget.setEnabled(not session.read_only)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.start.clicked.connect(self._on_start)
        self.remove.clicked.connect(self._on_remove)
        self.save_consensus.clicked.connect(self._on_save_consensus)
        self.clear_consensus.clicked.connect(self._on_clear_consensus)

    def refresh(self) -> None:
        st = state(self.session)
        trend_id = st.trend_id
        self.model.set_trend(trend_id)
        if trend_id is None:
            self.heading.setText(_("Select a trend in the list."))
            self.rater.clear()
            return
        trend = ops.get_trend(self.session.store, trend_id)
        rater = next((p.name for p in ops.pending_raters(self.session.store, trend_id)
                      if p.id == st.rater_id), None)
        status = _("{name} is rating on the shared screen.").format(name=rater) if rater else ""
        self.heading.setText(f"{trend.title}\n{status}".strip())
        pending = ops.pending_raters(self.session.store, trend_id)
        self.rater.clear()
        for person in pending:
            self.rater.addItem(person.name, person.id)
        self.start.setEnabled(bool(pending) and not self.session.read_only)
        consensus = ops.get_rating(self.session.store, trend_id, None)
        for combo, value in ((self.relevance, consensus and consensus.relevance),
                             (self.horizon, consensus and consensus.horizon),
                             (self.lifecycle, consensus and consensus.lifecycle)):
            combo.setCurrentIndex(max(0, combo.findData(value)))

    def _on_start(self) -> None:
        if self.rater.currentData() is not None:
            update(self.session, rater_id=self.rater.currentData(), screen="card")

    def _on_remove(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            rating = self.model.rating(rows[0].row())
            commands.clear_rating(self.session, rating.trend_id, rating.participant_id)

    def _on_save_consensus(self) -> None:
        trend_id = state(self.session).trend_id
        if trend_id is None:
            return
        try:
            commands.rate(self.session, trend_id, None, self.relevance.currentData(),
                          self.horizon.currentData(), self.lifecycle.currentData())
        except ValidationError as error:
            show_error(self, str(error))

    def _on_clear_consensus(self) -> None:
        trend_id = state(self.session).trend_id
        if trend_id is not None:
            commands.clear_rating(self.session, trend_id, None)


class ResultsPanel(QWidget):
    """The ranking: tick the retained trends and write what each means for our customers."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = RankingModel(session, self)
        self.table = _table(self.model)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(RankingModel.IMPLICATION, QHeaderView.Stretch)
        self.table.hideColumn(3)
        self.table.hideColumn(4)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.implication = QPlainTextEdit()
        self.implication.setPlaceholderText(_("What this trend means for our customers…"))
        self.implication.setFixedHeight(72)
        self.save = QPushButton(_("Save the implication"))
        hint = QLabel(_("Tick the trends the room retains, then write what each one means for "
                        "our customers."))
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.implication, 1)
        row.addWidget(self.save, 0, Qt.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        for widget in (self.implication, self.save):
            widget.setEnabled(not session.read_only)
        self._selected: int | None = None
        self.save.clicked.connect(self._on_save)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.model.modelReset.connect(self._on_reset)
        self._on_reset()

    def selected_trend_id(self) -> int | None:
        return self._selected

    def _on_row_changed(self, current, _previous) -> None:
        if current.isValid():
            self._selected = self.model.data(current, TrendIdRole)
            self._show_selected()

    def _on_reset(self) -> None:
        """Keep the same trend selected when the ranking reloads (it may have moved)."""
        self.table.resizeRowsToContents()
        rows = [self.model.result(r).trend.id for r in range(self.model.rowCount())]
        if self._selected in rows:
            self.table.selectRow(rows.index(self._selected))
        else:
            self._selected = None
        self._show_selected()

    def _show_selected(self) -> None:
        trend_id = self._selected
        if trend_id is None:
            self.heading.setText(_("Select a trend to write its implication."))
            self.implication.setPlainText("")
            return
        trend = ops.get_trend(self.session.store, trend_id)
        self.heading.setText(_("Implication of “{title}”:").format(title=trend.title))
        self.implication.setPlainText(trend.implication)

    def _on_save(self) -> None:
        trend_id = self.selected_trend_id()
        if trend_id is None:
            return
        try:
            commands.set_implication(self.session, trend_id, self.implication.toPlainText())
        except ValidationError as error:
            show_error(self, str(error))


class SegmentsPanel(QWidget):
    """Our strategic customer segments, against which relevance is rated."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = SegmentsModel(session, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.name = QLineEdit()
        self.name.setPlaceholderText(_("A customer segment, e.g. Young urban professionals"))
        self.add = QPushButton(_("Add"))
        self.remove = QPushButton(_("Remove"))
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.add)
        row.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Relevance is rated against these strategic segments "
                                  "(double-click to rename).")))
        layout.addWidget(self.list)
        layout.addLayout(row)
        for widget in (self.add, self.remove, self.name):
            widget.setEnabled(not session.read_only)
        self.add.clicked.connect(self._on_add)
        self.name.returnPressed.connect(self._on_add)
        self.remove.clicked.connect(self._on_remove)

    def _on_add(self) -> None:
        try:
            commands.add_segment(self.session, self.name.text())
        except ValidationError as error:
            show_error(self, str(error))
            return
        self.name.clear()

    def _on_remove(self) -> None:
        for index in self.list.selectionModel().selectedIndexes():
            commands.remove_segment(self.session, self.model.segment(index.row())["id"])
            return
