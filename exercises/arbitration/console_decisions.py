"""The console's Decisions tab: Go / Later / No-go per initiative, with a reason and the evidence."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)
from PySide6.QtCore import Qt

from ui.kit.errors import show_error
from workshop_app.domain import ValidationError
from workshop_app.i18n import _
from workshop_app.store import StoreError

from . import screen_state, view_commands as commands
from .console_models import DecisionLogModel, DecisionsModel
from .decisions import DECISIONS, HORIZONS, decision_label, horizon_label
from .rounds import list_rounds
from .tally import evidence_text, round_result


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.verticalHeader().hide()
    view.setWordWrap(True)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class DecisionsPanel(QWidget):
    """Table of initiatives and their decisions; an editor for the selected one; the log."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = DecisionsModel(session.store, self)
        self.table = _table(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(0, 280)
        self.table.setColumnWidth(3, 300)
        self.log = DecisionLogModel(session.store, self)
        self.log_table = _table(self.log)
        log_header = self.log_table.horizontalHeader()
        log_header.setSectionResizeMode(QHeaderView.ResizeToContents)
        log_header.setSectionResizeMode(1, QHeaderView.Interactive)
        log_header.setStretchLastSection(True)
        self.log_table.setColumnWidth(1, 160)
        self.decision = QComboBox()
        for key in DECISIONS:
            self.decision.addItem(decision_label(key), key)
        self.horizon = QComboBox()
        for key in HORIZONS:
            self.horizon.addItem(horizon_label(key), key)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_("One line: why this decision"))
        self.evidence_round = QComboBox()
        self.evidence = QLabel()
        self.evidence.setWordWrap(True)
        self.evidence.setProperty("role", "subtitle")
        self.save = QPushButton(_("Record the decision"))
        self.save.setProperty("primary", True)
        self.clear = QPushButton(_("Clear"))
        editor = QGroupBox(_("Decision"))
        form = QFormLayout(editor)
        form.addRow(_("Decision"), self.decision)
        form.addRow(_("Horizon"), self.horizon)
        form.addRow(_("Reason"), self.reason)
        form.addRow(_("Evidence from"), self.evidence_round)
        form.addRow(self.evidence)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.clear)
        row.addWidget(self.save)
        form.addRow(row)
        log_box = QGroupBox(_("Decision log"))
        QVBoxLayout(log_box).addWidget(self.log_table)
        bottom = QWidget()
        bottom_layout = QHBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(editor, 1)
        bottom_layout.addWidget(log_box, 1)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.session.changed.connect(self._on_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._load_selected())
        self.decision.currentIndexChanged.connect(self._on_decision_changed)
        self.evidence_round.currentIndexChanged.connect(self._update_evidence)
        self.save.clicked.connect(self._on_save)
        self.clear.clicked.connect(self._on_clear)

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind in (screen_state.KEY, "ideation", "participants"):
            self.refresh()

    def refresh(self) -> None:
        row = self.selected_row()
        self.model.refresh()
        self.log.refresh()
        chosen = self.evidence_round.currentData()
        self.evidence_round.blockSignals(True)
        self.evidence_round.clear()
        self.evidence_round.addItem(_("No vote"), None)
        for number, rnd in enumerate(list_rounds(self.session.store), start=1):
            if not rnd.is_open:
                self.evidence_round.addItem(_("Round {n}: {question}").format(n=number, question=rnd.question),
                                            rnd.id)
        index = self.evidence_round.findData(chosen)
        self.evidence_round.setCurrentIndex(index if index >= 0 else self.evidence_round.count() - 1)
        self.evidence_round.blockSignals(False)
        if row is not None and row < self.model.rowCount():
            self.table.selectRow(row)
        self._load_selected()

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_initiative(self, initiative_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.initiative_id(row) == initiative_id:
                self.table.selectRow(row)
                return

    def _load_selected(self) -> None:
        row = self.selected_row()
        enabled = row is not None and not self.session.read_only
        for widget in (self.decision, self.horizon, self.reason, self.evidence_round, self.save, self.clear):
            widget.setEnabled(enabled)
        if row is None:
            return
        decision = self.model.decision(row)
        if decision is not None:
            self.decision.setCurrentIndex(self.decision.findData(decision.decision))
            self.horizon.setCurrentIndex(max(0, self.horizon.findData(decision.horizon)))
            self.reason.setText(decision.reason)
            if decision.round_id is not None:
                self.evidence_round.setCurrentIndex(max(0, self.evidence_round.findData(decision.round_id)))
        else:
            self.reason.clear()
        self._on_decision_changed()
        self._update_evidence()

    def _on_decision_changed(self, *_args) -> None:
        self.horizon.setEnabled(self.decision.currentData() == "go" and self.selected_row() is not None)

    def evidence_for_selection(self) -> str:
        row, round_id = self.selected_row(), self.evidence_round.currentData()
        if row is None or round_id is None:
            return ""
        result = round_result(self.session.store, round_id)
        option = self.model.initiative_id(row)
        if option not in result.round.options:
            return ""
        return evidence_text(self.session.store, result, option, self.session.language)

    def _update_evidence(self, *_args) -> None:
        self.evidence.setText(self.evidence_for_selection())

    def _on_save(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        initiative = self.model.initiative_id(row)
        try:
            commands.decide(self.session, initiative, self.decision.currentData(), self.reason.text(),
                            self.horizon.currentData() if self.decision.currentData() == "go" else "",
                            self.evidence_round.currentData(), self.evidence_for_selection())
        except (ValidationError, StoreError) as error:
            show_error(self, str(error))
            return
        self.select_initiative(initiative)

    def _on_clear(self) -> None:
        row = self.selected_row()
        if row is not None and self.model.decision(row) is not None:
            commands.clear_decision(self.session, self.model.initiative_id(row))
