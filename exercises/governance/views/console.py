"""The facilitator's governance tab: questions to settle, indicators, roles."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QHBoxLayout, QHeaderView, QInputDialog,
                               QLabel, QLineEdit, QListView, QPushButton, QRadioButton, QSplitter,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from ui.kit.errors import show_error, try_action
from workshop_app.domain import ValidationError
from workshop_app.i18n import _

from .. import votes
from ..library import help_text
from . import commands
from .models import ChoicesModel, OptionsModel
from .tables import KpisTab, RolesTab

KEY = "governance"
MODES = ("question", "summary", "booth")


@dataclass(frozen=True)
class GovernanceScreen:
    """What the projector shows: one question (``key``), the summary, or a question's vote."""

    mode: str = "question"
    key: str = ""


def screen_state(session) -> GovernanceScreen:
    """The governance screen in the room state (``session.room``), out of the file."""
    return session.room.screen(KEY, GovernanceScreen())


def show(session, **changes) -> bool:
    """Change it (``mode``, ``key``); announced as ``room_changed("governance")`` if it changed."""
    if changes.get("mode", "question") not in MODES:
        raise ValueError(f"not a governance screen: {changes!r}")
    return session.room.set_screen(KEY, replace(screen_state(session), **changes))


class ChoicesTab(QWidget):
    """Pick a question, tick the options the room agrees on or count the hands."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.choices = ChoicesModel(session, self)
        self.options = OptionsModel(session, self)
        self.list = QListView()
        self.list.setModel(self.choices)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.help.setProperty("role", "subtitle")
        self.table = QTableView()
        self.table.setModel(self.options)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                   | QAbstractItemView.SelectedClicked)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.table.verticalHeader().hide()
        self.status = QLabel()
        self.buttons = {name: QPushButton(text) for name, text in (
            ("up", _("Move up")), ("down", _("Move down")), ("own", _("Our own option…")),
            ("reveal", _("Show the count")), ("hands", _("Adopt the show of hands")),
            ("clear", _("Clear the answer")), ("vote", _("Open a vote in the booth")),
            ("booth", _("Open the booth on this laptop")),
            ("close_vote", _("Close the vote and adopt the result")))}
        self.buttons["reveal"].setCheckable(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("A note for the roadmap (who, when, how)…"))
        right = QVBoxLayout()
        right.addWidget(self.question)
        right.addWidget(self.help)
        right.addWidget(self.table, 1)
        row1 = QHBoxLayout()
        for name in ("own", "up", "down"):
            row1.addWidget(self.buttons[name])
        row1.addStretch()
        row1.addWidget(self.buttons["clear"])
        right.addLayout(row1)
        hands_title = QLabel(_("Show of hands: type the count for each option, then"))
        row2 = QHBoxLayout()
        row2.addWidget(hands_title)
        row2.addWidget(self.buttons["reveal"])
        row2.addWidget(self.buttons["hands"])
        row2.addStretch()
        right.addLayout(row2)
        self.vote_row = QWidget()
        row3 = QHBoxLayout(self.vote_row)
        row3.setContentsMargins(0, 0, 0, 0)
        self.vote_status = QLabel()
        row3.addWidget(QLabel(_("Or a vote, one person at a time:")))
        row3.addWidget(self.buttons["vote"])
        row3.addWidget(self.buttons["booth"])
        row3.addWidget(self.buttons["close_vote"])
        row3.addWidget(self.vote_status)
        row3.addStretch()
        right.addWidget(self.vote_row)
        self.vote_row.setVisible(votes.available())
        note_row = QHBoxLayout()
        note_row.addWidget(QLabel(_("Note")))
        note_row.addWidget(self.note, 1)
        right.addLayout(note_row)
        right.addWidget(self.status)
        holder = QWidget()
        holder.setLayout(right)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(holder)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        for button in self.buttons.values():
            button.setEnabled(not session.read_only)
        self.note.setReadOnly(session.read_only)
        self._connect_signals()
        self.select(screen_state(session).key or (self.choices.choice(0).key if self.choices.rowCount() else ""))

    def _connect_signals(self) -> None:
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.choices.modelReset.connect(self._on_choices_reset)
        self.options.modelReset.connect(self._update_detail)
        self.buttons["up"].clicked.connect(lambda: self._move(-1))
        self.buttons["down"].clicked.connect(lambda: self._move(1))
        self.buttons["own"].clicked.connect(self._on_own)
        self.buttons["reveal"].clicked.connect(self._on_reveal)
        self.buttons["hands"].clicked.connect(self._on_hands)
        self.buttons["clear"].clicked.connect(self._on_clear)
        self.buttons["vote"].clicked.connect(self._on_open_vote)
        self.buttons["close_vote"].clicked.connect(self._on_close_vote)
        self.buttons["booth"].clicked.connect(self._on_booth)
        self.note.editingFinished.connect(self._on_note)

    # --- selection ---------------------------------------------------------------
    @property
    def key(self) -> str:
        return self.options.key

    def select(self, key: str) -> None:
        row = self.choices.row_of(key)
        if row >= 0:
            self.list.setCurrentIndex(self.choices.index(row))
        self.options.set_key(key if row >= 0 else "")

    def _on_current_changed(self, current, _previous) -> None:
        if current.isValid():
            key = self.choices.choice(current.row()).key
            if key != self.options.key:
                self.options.set_key(key)
            show(self.session, key=key)

    def _on_choices_reset(self) -> None:
        row = self.choices.row_of(self.key)
        if row >= 0:
            self.list.selectionModel().blockSignals(True)
            self.list.setCurrentIndex(self.choices.index(row))
            self.list.selectionModel().blockSignals(False)

    def _update_detail(self) -> None:
        choice = self.options.choice
        self.question.setText(choice.question if choice else _("No question selected."))
        self.help.setText(help_text(choice.key, self.session.language) if choice else "")
        ranking = choice is not None and choice.kind == "ranking"
        self.buttons["up"].setVisible(ranking)
        self.buttons["down"].setVisible(ranking)
        hands = self.options.hands
        self.buttons["reveal"].setChecked(hands.revealed)
        self.buttons["reveal"].setText(_("Hide the count") if hands.revealed else _("Show the count"))
        self._update_vote()
        if not self.note.hasFocus():
            self.note.setText(choice.note if choice else "")
        if choice is None:
            self.status.setText("")
        elif not choice.settled:
            kind = {"single": _("one answer"), "multi": _("several answers"),
                    "ranking": _("a ranking")}.get(choice.kind, "")
            self.status.setText(_("Not settled yet — this question takes {kind}.").format(kind=kind))
        else:
            how = _("by a show of hands") if choice.settled_by == "vote" else _("by consensus")
            self.status.setText(_("Settled {how}: {answer}").format(how=how, answer=", ".join(choice.chosen_labels())))

    # --- actions -------------------------------------------------------------------
    def _selected_option(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        return self.options.option_key(rows[0].row()) if rows else ""

    def _move(self, delta: int) -> None:
        option_key = self._selected_option()
        if option_key:
            try_action(self, lambda: commands.move_option(self.session, self.key, option_key, delta))
            row = next(n for n, o in enumerate(self.options.choice.options) if o.key == option_key)
            self.table.selectRow(row)

    def _on_own(self) -> None:
        if not self.key:
            return
        text, ok = QInputDialog.getText(self, _("Our own option"), _("The option the room wants:"))
        if ok and text.strip():
            try_action(self, lambda: commands.add_own_option(self.session, self.key, text))

    def _on_reveal(self, checked: bool) -> None:
        if self.key:
            try_action(self, lambda: commands.set_revealed(self.session, self.key, checked))

    def _on_hands(self) -> None:
        if self.key:
            try_action(self, lambda: commands.settle_by_hands(self.session, self.key))

    def _on_clear(self) -> None:
        if self.key and self.options.choice and self.options.choice.settled:
            try_action(self, lambda: commands.clear_choice(self.session, self.key))

    def open_round(self):
        """The question's round still open for ballots, if any."""
        rnd = votes.latest_round(self.session.store, self.key) if self.key else None
        return rnd if rnd is not None and rnd.is_open else None

    def _update_vote(self) -> None:
        if not votes.available():
            return
        rnd = self.open_round()
        self.buttons["vote"].setEnabled(rnd is None and not self.session.read_only and bool(self.key))
        self.buttons["close_vote"].setEnabled(rnd is not None and not self.session.read_only)
        self.buttons["booth"].setEnabled(rnd is not None and rnd.visibility != "paper" and not self.session.read_only)
        if rnd is None:
            self.vote_status.setText("")
        else:
            done, eligible = votes.arbitration().progress(self.session.store, rnd.id)
            self.vote_status.setText(_("{done} of {eligible} have voted").format(done=done, eligible=eligible))

    def _on_open_vote(self) -> None:
        if not self.key:
            return
        try:
            round_id = commands.open_vote(self.session, self.key)
        except ValidationError as error:
            show_error(self, str(error))
            return
        show(self.session, mode="booth", key=self.key)
        self.session.present(KEY)
        self.open_booth(round_id)

    def _on_booth(self) -> None:
        rnd = self.open_round()
        if rnd is not None:
            show(self.session, mode="booth", key=self.key)
            self.session.present(KEY)
            self.open_booth(rnd.id)

    def open_booth(self, round_id: int) -> None:
        """The laptop becomes the booth for the question's vote; the projector shows its progress."""
        from exercises.arbitration.views_api import open_booth

        self.booth_window = open_booth(self.session, round_id, KEY, self)

    def _on_close_vote(self) -> None:
        rnd = self.open_round()
        if rnd is not None:
            from exercises.arbitration.views_api import confirm_close_with_missing

            done, eligible = votes.arbitration().progress(self.session.store, rnd.id)
            if not confirm_close_with_missing(self, done, eligible):
                return
            try_action(self, lambda: commands.close_vote(self.session, self.key, rnd.id))
            if screen_state(self.session).mode == "booth":
                show(self.session, mode="question")
            self._update_vote()

    def _on_note(self) -> None:
        choice = self.options.choice
        if choice is not None and self.note.text().strip() != choice.note:
            try_action(self, lambda: commands.set_note(self.session, self.key, self.note.text()))


class ConsoleView(QWidget):
    """The governance tab of the facilitator console."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        title = QLabel(_("Governance choices"))
        title.setProperty("role", "title")
        self.show_question = QRadioButton(_("The current question"))
        self.show_summary = QRadioButton(_("The summary"))
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.show_question)
        self.mode_group.addButton(self.show_summary)
        (self.show_summary if screen_state(session).mode == "summary" else self.show_question).setChecked(True)
        self.present_button = QPushButton(_("Show on the shared screen"))
        self.present_button.setProperty("primary", True)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch()
        top.addWidget(QLabel(_("Shared screen shows:")))
        top.addWidget(self.show_question)
        top.addWidget(self.show_summary)
        top.addWidget(self.present_button)
        self.choices_tab = ChoicesTab(session)
        self.kpis_tab = KpisTab(session)
        self.roles_tab = RolesTab(session)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.choices_tab, _("Choices"))
        self.tabs.addTab(self.kpis_tab, _("Indicators"))
        self.tabs.addTab(self.roles_tab, _("Roles"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.present_button.clicked.connect(lambda: session.present(KEY))
        self.show_question.toggled.connect(self._on_mode_toggled)

    def _on_mode_toggled(self, question: bool) -> None:
        show(self.session, mode="question" if question else "summary")
