"""The arbitration stage's two views: the facilitator's console tab and the shared screen.

The shared screen shows the vote in progress (how many have voted while the booth runs
on the laptop's own screen, or a paper vote's instructions) or the revealed results the
facilitator chose, else a neutral page. It never shows who is voting, a choice, or the
results of a round that is not revealed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from workshop_app.i18n import _

from . import screen_state
from .console_decisions import DecisionsPanel
from .console_rounds import RoundsPanel
from .results_view import ResultsPage
from .vote_progress_view import VoteProgressPage
from .rounds import get_round, list_rounds, option_labels

KEY = screen_state.KEY


class ConsoleView(QWidget):
    """Votes (rounds, booth progress, results) and Decisions, with the shared-screen button."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.rounds = RoundsPanel(session)
        self.decisions = DecisionsPanel(session)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.rounds, _("Votes"))
        self.tabs.addTab(self.decisions, _("Decisions"))
        self.present_button = QPushButton(_("Show on the shared screen"))
        top = QHBoxLayout()
        title = QLabel(_("Arbitration: vote, then decide Go / Later / No-go"))
        title.setProperty("role", "subtitle")
        top.addWidget(title, 1)
        top.addWidget(self.present_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.present_button.clicked.connect(self._on_present)

    def _on_present(self) -> None:
        screen_state.show(self.session, show="auto")
        self.session.present(KEY)


class MessagePage(QWidget):
    """A neutral page: a title, a line, and optionally a list (e.g. a paper vote's shortlist)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel()
        self.subtitle = QLabel()
        self.items = QLabel()
        for label in (self.title, self.subtitle, self.items):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.items)
        layout.addStretch(2)

    def show_text(self, title: str, subtitle: str = "", items: list[str] | None = None) -> None:
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self.items.setText("\n".join(f"•  {i}" for i in items or []))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        h = max(self.height(), 200)
        self.title.setStyleSheet(f"color: white; font-weight: bold; font-size: {int(h * 0.07)}px;")
        self.subtitle.setStyleSheet(f"color: #D9E2EC; font-size: {int(h * 0.04)}px;")
        self.items.setStyleSheet(f"color: white; font-size: {int(h * 0.035)}px;")


class SharedView(QWidget):
    """The projector view. Renders from the store and the room state; edits nothing."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.pages = QStackedWidget()
        self.message = MessagePage()
        self.results = ResultsPage(session)
        self.vote = VoteProgressPage(session)
        self.pages.addWidget(self.message)
        self.pages.addWidget(self.results)
        self.pages.addWidget(self.vote)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.mode = ""
        self._booth_seen = (False, None, "")
        self.session.changed.connect(self._on_changed)
        self.session.room_changed.connect(self._on_room_changed)
        self.refresh()

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind in (KEY, "participants", "ideation"):
            self.refresh()

    def _on_room_changed(self, part: str) -> None:
        booth = self.session.room.booth
        opened = (booth.is_open, booth.round_id, booth.kind)
        if part == KEY or (part == "booth" and opened != self._booth_seen):  # not each voter's step
            self._booth_seen = opened
            self.refresh()

    def _booth_round(self):
        """The booth round the room is voting in: the one open at the laptop, else the latest open."""
        booth = self.session.room.booth
        rnd = get_round(self.session.store, booth.round_id) if booth.is_open and booth.kind == KEY else None
        if rnd is None or not rnd.is_open or rnd.purpose != KEY or rnd.visibility == "paper":
            rnd = next((r for r in reversed(list_rounds(self.session.store))
                        if r.is_open and r.visibility != "paper"), None)
        return rnd

    def _results_round(self, chosen: "screen_state.ArbitrationScreen"):
        """The revealed round on screen: the one chosen, else the latest revealed (None if none)."""
        rnd = get_round(self.session.store, chosen.round_id) if chosen.round_id is not None else None
        if rnd is None or rnd.status != "revealed":
            rnd = next((r for r in reversed(list_rounds(self.session.store)) if r.status == "revealed"), None)
        return rnd

    def refresh(self) -> None:
        chosen = screen_state.screen(self.session)
        booth_round = self._booth_round()
        paper_round = next((r for r in reversed(list_rounds(self.session.store))
                            if r.is_open and r.visibility == "paper"), None)
        results_round = self._results_round(chosen)
        voting = booth_round is not None or paper_round is not None
        if results_round is not None and (chosen.show == "results" or (chosen.show == "auto" and not voting)):
            self._show_results(results_round.id, chosen.view if results_round.id == chosen.round_id else "ranking")
        elif booth_round is not None:
            self._show_vote(booth_round)
        else:
            self._show_message(paper_round)

    def _show_results(self, round_id: int, view: str) -> None:
        self.mode = "results"
        self.results.show_result(round_id, view)
        self.pages.setCurrentWidget(self.results)

    def _show_vote(self, rnd) -> None:
        self.mode = "vote"
        self.vote.show_round(rnd)
        self.pages.setCurrentWidget(self.vote)

    def _show_message(self, paper) -> None:
        self.mode = "message"
        if paper is not None:
            labels = option_labels(self.session.store, paper)
            cfg = paper.config
            self.message.show_text(paper.question, _("Place your {budget} dots on the wall, at most {cap} "
                                                     "on one initiative.").format(
                budget=cfg.get("budget"), cap=cfg.get("cap") or cfg.get("budget")),
                [labels[o] for o in paper.options])
        else:
            self.message.show_text(_("Arbitration"), _("The vote will open shortly."))
        self.pages.setCurrentWidget(self.message)
