"""The console's Votes tab: rounds, the booth's progress, paper totals, results after closing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QListView, QMessageBox, QPushButton, QSpinBox, QSplitter, QTableView, QVBoxLayout,
                               QWidget)

from ui.kit.errors import show_error
from workshop_app.domain import ValidationError
from workshop_app.i18n import _, plural
from workshop_app.store import StoreError
from workshop_app.participants import get_participant, list_participants

from . import screen_state, view_commands as commands
from .booth import paper_totals, progress, voter_ids
from .booth_window import open_booth
from .console_dialogs import RoundDialog, VoidDialog
from .console_models import ParticipationModel, PaperTotalsModel, ResultsModel, RoundsModel
from .results_view import VIEW_LABELS
from .rounds import get_round, method_label, visibility_label
from .tally import round_result

STEP_TEXT = {
    "idle": lambda: _("waiting for the next voter"),
    "choose": lambda: _("a voter is choosing their name"),
    "ballot": lambda: _("filling in the ballot"),
    "review": lambda: _("checking the ballot"),
    "thanks": lambda: _("ballot cast, waiting for the next voter"),
}


def confirm_close_with_missing(parent: QWidget, done: int, eligible: int) -> bool:
    """Ask before closing a vote that some participants have not cast yet (True: close)."""
    missing = eligible - done
    if missing <= 0:
        return True
    text = plural(missing, _("{missing} person has not voted yet ({done} of {eligible} have)."),
                  _("{missing} people have not voted yet ({done} of {eligible} have).")).format(
        missing=missing, done=done, eligible=eligible)
    answer = QMessageBox.question(
        parent, _("Close the vote?"),
        text + "\n" + _("Once the vote is closed, they can no longer vote in this round. Close it anyway?"),
        QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
    return answer == QMessageBox.Yes


def _table(model, stretch: int = 1) -> QTableView:
    """A read-only table whose ``stretch`` column takes the room left by the others."""
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.Stretch)
    return view


class RoundsPanel(QWidget):
    """Left: the rounds and their buttons. Right: the selected round (progress or results)."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        store = session.store
        self.rounds = RoundsModel(store, self)
        self.table = _table(self.rounds)
        # the question matters most: it wraps rather than hides behind "…"; so does the method
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.ElideNone)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Interactive)
        self.table.horizontalHeader().resizeSection(2, self.fontMetrics().horizontalAdvance("M" * 11))
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.buttons = {key: QPushButton(text) for key, text in (
            ("new", _("New vote…")), ("repeat", _("Repeat on a shortlist…")), ("close", _("Close the vote")),
            ("reopen", _("Reopen")), ("reveal", _("Show the results on the shared screen")),
            ("delete", _("Delete")))}
        self.buttons["new"].setProperty("primary", True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        for key in ("new", "repeat", "delete"):
            row.addWidget(self.buttons[key])
        row.addStretch()
        left_layout.addLayout(row)
        left_layout.addWidget(self.table, 1)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setProperty("role", "subtitle")
        self.progress = QLabel()
        self.progress.setProperty("role", "title")
        self.at_booth = QLabel()
        self.at_booth.setWordWrap(True)
        self.booth_button = QPushButton(_("Open the booth on this laptop"))
        self.booth_button.setProperty("primary", True)
        self.booth_button.setToolTip(_("The laptop's screen becomes the voting booth; the shared screen shows "
                                       "only how many have voted. Press Esc to come back."))
        self.void_button = QPushButton(_("Void a ballot…"))
        self.participation = ParticipationModel(store, self)
        self.people = QListView()
        self.people.setModel(self.participation)
        self.booth_box = QGroupBox(_("Booth"))
        booth_layout = QVBoxLayout(self.booth_box)
        booth_layout.addWidget(self.progress)
        booth_layout.addWidget(self.at_booth)
        booth_row = QHBoxLayout()
        booth_row.addWidget(self.booth_button)
        booth_row.addWidget(self.void_button)
        booth_row.addWidget(self.buttons["close"])
        booth_layout.addLayout(booth_row)
        booth_layout.addWidget(self.people, 1)

        self.paper = PaperTotalsModel(store, self)
        self.paper_table = _table(self.paper, 0)
        self.paper_voters = QSpinBox()
        self.paper_voters.setRange(0, 500)
        self.paper_save = QPushButton(_("Save the totals"))
        self.paper_box = QGroupBox(_("Paper vote: type the dots counted on the wall"))
        paper_layout = QVBoxLayout(self.paper_box)
        paper_layout.addWidget(self.paper_table, 1)
        paper_row = QHBoxLayout()
        paper_row.addWidget(QLabel(_("People who voted")))
        paper_row.addWidget(self.paper_voters)
        paper_row.addStretch()
        paper_row.addWidget(self.paper_save)
        paper_layout.addLayout(paper_row)
        self.paper_close = QPushButton(_("Close the vote"))
        paper_row.addWidget(self.paper_close)
        self.paper_show = QPushButton(_("Show the instructions on the shared screen"))
        paper_layout.insertWidget(0, self.paper_show)

        self.results = ResultsModel(self)
        self.results_table = _table(self.results)
        self.chart_choice = QComboBox()
        self.results_box = QGroupBox(_("Results (only you see them until you show them)"))
        results_layout = QVBoxLayout(self.results_box)
        results_layout.addWidget(self.results_table, 1)
        results_row = QHBoxLayout()
        results_row.addWidget(QLabel(_("Chart on the shared screen")))
        results_row.addWidget(self.chart_choice)
        results_row.addStretch()
        results_row.addWidget(self.buttons["reopen"])
        results_row.addWidget(self.buttons["reveal"])
        results_layout.addLayout(results_row)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.booth_box, 1)
        right_layout.addWidget(self.paper_box, 1)
        right_layout.addWidget(self.results_box, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([640, 620])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._connect_signals()
        if self.rounds.rowCount():
            self.table.selectRow(self.rounds.rowCount() - 1)
        self.refresh()

    def _connect_signals(self) -> None:
        self.session.changed.connect(self._on_changed)
        self.session.room_changed.connect(self._on_room_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.refresh_detail())
        self.buttons["new"].clicked.connect(self._on_new)
        self.buttons["repeat"].clicked.connect(self._on_repeat)
        self.buttons["close"].clicked.connect(self._on_close)
        self.paper_close.clicked.connect(self._on_close)
        self.buttons["reopen"].clicked.connect(self._on_reopen)
        self.buttons["reveal"].clicked.connect(self._on_reveal)
        self.buttons["delete"].clicked.connect(self._on_delete)
        self.booth_button.clicked.connect(self._on_booth)
        self.paper_show.clicked.connect(self._on_paper_show)
        self.void_button.clicked.connect(self._on_void)
        self.paper_save.clicked.connect(self._on_paper_save)
        self.chart_choice.activated.connect(self._on_chart_chosen)

    # --- selection ------------------------------------------------------------------
    def selected_round(self):
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return get_round(self.session.store, self.rounds.round_id(rows[0].row()))

    def select_round(self, round_id: int) -> None:
        for row in range(self.rounds.rowCount()):
            if self.rounds.round_id(row) == round_id:
                self.table.selectRow(row)
                return

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind in (screen_state.KEY, "participants", "ideation"):
            self.refresh()

    def _on_room_changed(self, part: str) -> None:
        rnd = self.selected_round()
        if part == "booth" and rnd is not None and rnd.is_open:
            self.at_booth.setText(self._booth_text(rnd.id))

    def refresh(self) -> None:
        chosen = self.selected_round()
        self.rounds.refresh()
        if chosen is not None:
            self.select_round(chosen.id)
        self.refresh_detail()

    def refresh_detail(self) -> None:
        rnd = self.selected_round()
        store = self.session.store
        read_only = self.session.read_only
        self.buttons["repeat"].setEnabled(rnd is not None and not rnd.is_open and not read_only)
        self.buttons["delete"].setEnabled(rnd is not None and not read_only)
        self.buttons["new"].setEnabled(not read_only)
        booth = rnd is not None and rnd.is_open and rnd.visibility != "paper"
        paper = rnd is not None and rnd.is_open and rnd.visibility == "paper"
        counted = rnd is not None and not rnd.is_open
        self.booth_box.setVisible(booth)
        self.paper_box.setVisible(paper)
        self.results_box.setVisible(counted)
        if rnd is None:
            self.heading.setText(_("No vote yet: start one with “New vote…”."))
            self.results.show_result(None)
            return
        self.heading.setText(f"{rnd.question}\n{method_label(rnd.method)} · {visibility_label(rnd.visibility)}")
        if booth:
            done, eligible = progress(store, rnd.id)
            self.progress.setText(_("{done}/{eligible} voted").format(done=done, eligible=eligible))
            self.participation.show_round(rnd.id)
            self.at_booth.setText(self._booth_text(rnd.id))
            self.void_button.setEnabled(done > 0 and not read_only)
            self.buttons["close"].setEnabled(not read_only)
        if paper:
            self.paper.show_round(rnd)
            self.paper_voters.setValue(paper_totals(store, rnd.id)[1] or len(self._people()))
        if not counted:
            self.results.show_result(None)  # nothing of a running vote's result, even hidden
        else:
            result = round_result(store, rnd.id)
            self.results.show_result(result)
            from . import figures

            views = figures.available(result, store)
            current = screen_state.screen(self.session)
            self.chart_choice.clear()
            for view in views:
                self.chart_choice.addItem(VIEW_LABELS[view](), view)
            if current.round_id == rnd.id:
                self.chart_choice.setCurrentIndex(max(0, self.chart_choice.findData(current.view)))
            self.buttons["reopen"].setEnabled(rnd.status == "closed" and not read_only)
            self.buttons["reveal"].setEnabled(not read_only)

    def _booth_text(self, round_id: int) -> str:
        booth = self.session.room.booth
        if not booth.is_open or booth.round_id != round_id:
            return _("The booth is not open: “Open the booth on this laptop” hands the laptop to the voters.")
        text = STEP_TEXT.get(booth.step, STEP_TEXT["idle"])()
        if booth.voter_id is not None:
            try:
                name = get_participant(self.session.store, booth.voter_id).name
            except ValidationError:
                name = "?"
            return _("At the laptop: {name} — {step}").format(name=name, step=text)
        return _("Booth: {step}").format(step=text)

    # --- actions ------------------------------------------------------------------------
    def _create(self, dialog: RoundDialog, parent_round_id: int | None = None) -> None:
        if not dialog.exec():
            return
        question, method, options, visibility, config = dialog.values()
        try:
            rid = commands.create_round(self.session, question, method, options, visibility, config,
                                        parent_round_id)
        except (ValidationError, StoreError) as error:
            show_error(self, str(error))
            return
        self.select_round(rid)

    def _on_new(self) -> None:
        self._create(RoundDialog(self.session.store, self.session.language, self))

    def _on_repeat(self) -> None:
        rnd = self.selected_round()
        if rnd is None or rnd.is_open:
            return
        ranking = round_result(self.session.store, rnd.id).tally.ranking
        keep = max(2, (len(ranking) + 1) // 2)
        shortlist = {e.option for e in ranking[:keep]}
        dialog = RoundDialog(self.session.store, self.session.language, self, rnd.question, rnd.method,
                             shortlist, "secret" if rnd.visibility == "paper" else rnd.visibility,
                             rnd.config.get("criteria"))
        dialog.setWindowTitle(_("Repeat the vote on a shortlist"))
        self._create(dialog, rnd.id)

    def _run(self, action) -> None:
        try:
            action()
        except (ValidationError, StoreError) as error:
            show_error(self, str(error))

    def _on_close(self) -> None:
        rnd = self.selected_round()
        if rnd is None or not self._confirm_close(rnd):
            return
        self._run(lambda: commands.close_round(self.session, rnd.id))

    def _confirm_close(self, rnd) -> bool:
        """Closing while people have not voted asks first, and says how many."""
        if rnd.visibility == "paper":
            return True
        done, eligible = progress(self.session.store, rnd.id)
        return confirm_close_with_missing(self, done, eligible)

    def _on_reopen(self) -> None:
        rnd = self.selected_round()
        if rnd is not None:
            self._run(lambda: commands.reopen_round(self.session, rnd.id))

    def _on_reveal(self) -> None:
        rnd = self.selected_round()
        if rnd is None:
            return
        self._run(lambda: commands.reveal_round(self.session, rnd.id, self.chart_choice.currentData() or "ranking"))
        self.session.present(screen_state.KEY)

    def _on_chart_chosen(self, _index: int) -> None:
        rnd = self.selected_round()
        if rnd is not None and rnd.status == "revealed":
            screen_state.show(self.session, show="results", round_id=rnd.id, view=self.chart_choice.currentData())

    def _on_delete(self) -> None:
        rnd = self.selected_round()
        if rnd is not None:
            self._run(lambda: commands.delete_round(self.session, rnd.id))

    def _on_booth(self) -> None:
        """The laptop becomes the booth; the shared screen shows the vote's progress only."""
        rnd = self.selected_round()
        if rnd is None or not rnd.is_open or rnd.visibility == "paper":
            return
        screen_state.show(self.session, show="booth")
        self.session.present(screen_state.KEY)
        self.booth_window = open_booth(self.session, rnd.id, screen_state.KEY, self)

    def _on_paper_show(self) -> None:
        screen_state.show(self.session, show="booth")
        self.session.present(screen_state.KEY)

    def _on_void(self) -> None:
        rnd = self.selected_round()
        if rnd is None:
            return
        done = voter_ids(self.session.store, rnd.id)
        people = [p for p in self._people() if p.id in done]
        dialog = VoidDialog(people, self)
        if dialog.exec():
            person, reason = dialog.values()
            if person is not None:
                self._run(lambda: commands.void_ballot(self.session, rnd.id, person, reason))

    def _people(self):
        return list_participants(self.session.store)

    def _on_paper_save(self) -> None:
        rnd = self.selected_round()
        if rnd is not None:
            self._run(lambda: commands.set_paper_totals(self.session, rnd.id, self.paper.totals(),
                                                        self.paper_voters.value()))
