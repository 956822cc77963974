"""Arbitration views on the demo seminar: the booth at one laptop, the console, reveal and decisions."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from exercises.arbitration import logic, screen_state, view_commands
from exercises.arbitration.ballot_widgets import MajorityEditor, ScoringEditor
from exercises.arbitration.console_dialogs import RoundDialog
from exercises.arbitration.console_models import (DecisionLogModel, DecisionsModel, OptionsModel,
                                                  PaperTotalsModel, ParticipationModel, ResultsModel,
                                                  RoundsModel)
from exercises.arbitration.views import ConsoleView, SharedView
from exercises.arbitration import sources
from ui.session import Session
from exercises.demo import build_demo
from workshop_app.participants import list_participants
from workshop_app.store import open_store


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.workshop"
    build_demo(path, "fr").close()
    return path


@pytest.fixture
def session(demo_path, tmp_path, clock, qtbot):
    source = open_store(demo_path, read_only=True)
    source.backup_to(tmp_path / "demo.workshop")
    source.close()
    s = Session(open_store(tmp_path / "demo.workshop"), clock)
    yield s
    s.close()


@pytest.fixture
def messages(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    return shown


@pytest.fixture
def room(session, qtbot):
    """The console tab and the shared screen's view, both open on the demo seminar."""
    console = ConsoleView(session)
    shared = SharedView(session)
    for widget in (console, shared):
        qtbot.addWidget(widget)
        widget.resize(1280, 720)
        widget.show()
    return console, shared


def click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.LeftButton)


def checked_on_screen(booth) -> list[str]:
    page = booth.pages.currentWidget()
    return [b.text() for b in page.findChildren(QPushButton) if b.isChecked()]


def open_booth(qtbot, session, console, shared, method: str, config: dict | None = None) -> int:
    options = sources.ready_ids(session.store)
    rid = view_commands.create_round(session, f"Vote by {method}", method, options, "secret", config or {})
    console.rounds.select_round(rid)
    click(qtbot, console.rounds.booth_button)
    assert session.presented == "arbitration" and shared.mode == "vote"
    qtbot.addWidget(console.rounds.booth_window)
    assert console.rounds.booth_window.isVisible() and session.room.booth.round_id == rid
    return rid


def booth_of(console):
    """The booth page, in its own window on the laptop's screen."""
    return console.rounds.booth_window.page


def vote_at_the_laptop(qtbot, session, console, shared, fill) -> None:
    """Each of the 12 participants takes the laptop in turn and casts a ballot through the widgets."""
    people = list_participants(session.store)
    booth = booth_of(console)
    for count, person in enumerate(people, start=1):
        click(qtbot, booth.next_button)
        assert set(booth.name_buttons) == {p.id for p in people[count - 1:]}  # only those who have not voted
        click(qtbot, booth.name_buttons[person.id])
        assert session.room.booth.voter_id == person.id and session.room.booth.step == "ballot"
        assert person.name in console.rounds.at_booth.text()
        assert checked_on_screen(booth) == []  # a fresh ballot: nothing of the previous voter's
        assert not booth.review_button.isEnabled()
        fill(booth.editor, count)
        click(qtbot, booth.review_button)
        click(qtbot, booth.confirm_button)
        assert booth.booth["step"] == "thanks" and booth.editor is None
        assert checked_on_screen(booth) == []
        assert "Thank you" in booth.pages.currentWidget().findChildren(type(console.rounds.progress))[0].text()
        assert console.rounds.progress.text() == f"{count}/12 voted"
        assert not console.rounds.results_box.isVisibleTo(console) and console.rounds.results.rowCount() == 0
    assert booth.pages.currentWidget().findChildren(QPushButton) == []  # everyone has voted: no next voter
    shared_state = vars(session.room.booth)
    assert set(shared_state) == {"round_id", "kind", "voter_id", "step"}  # no ballot in the shared state


def test_secret_majority_judgment_round_at_one_laptop(qtbot, session, room):
    console, shared = room
    rid = open_booth(qtbot, session, console, shared, "majority")
    rng = random.Random(8)
    grades_given = []

    def fill(editor, _count):
        assert isinstance(editor, MajorityEditor)
        for option in editor.order:
            grade = rng.randrange(6)
            grades_given.append(grade)
            click(qtbot, editor.rows[option].buttons[grade])

    vote_at_the_laptop(qtbot, session, console, shared, fill)
    store = session.store
    assert store.scalar("SELECT count(*) FROM ballots WHERE round_id = ? AND voter_id IS NULL", (rid,)) == 12
    assert "Everyone has voted" in " ".join(w.text() for w in booth_of(console).pages.currentWidget().findChildren(
        type(console.rounds.progress)))
    click(qtbot, console.rounds.buttons["close"])
    assert logic.get_round(store, rid).status == "closed"
    assert console.rounds.results_box.isVisibleTo(console) and console.rounds.results.rowCount() == 9
    assert shared.mode != "vote" and shared.results.round_id != rid  # not revealed yet
    assert sorted(g for c in logic.ballot_contents(store, rid) for g in c.values()) == sorted(grades_given)
    click(qtbot, console.rounds.buttons["reveal"])
    assert logic.get_round(store, rid).status == "revealed"
    assert shared.mode == "results" and shared.results.round_id == rid and shared.results.view == "ranking"
    merit = console.rounds.chart_choice.findData("merit")
    console.rounds.chart_choice.setCurrentIndex(merit)
    console.rounds.chart_choice.activated.emit(merit)
    assert shared.results.view == "merit"
    assert shared.results.chart.image() is not None
    session.undo_stack.undo()  # undo the reveal
    assert logic.get_round(store, rid).status == "closed"
    session.undo_stack.undo()  # undo the close
    assert logic.get_round(store, rid).is_open


def test_scoring_round_at_the_laptop_with_described_levels(qtbot, session, room):
    console, shared = room
    rid = open_booth(qtbot, session, console, shared, "scoring")

    def fill(editor, count):
        assert isinstance(editor, ScoringEditor)
        for page, option in enumerate(editor.order):
            assert editor.pages.currentIndex() == page
            for criterion in editor.criteria:
                choices = editor.scores[option][criterion["key"]]
                assert choices.buttons[0].toolTip().startswith("1: ")
                click(qtbot, choices.buttons[(count + page) % 5])
            if page < len(editor.order) - 1:
                click(qtbot, editor.next)

    vote_at_the_laptop(qtbot, session, console, shared, fill)
    click(qtbot, console.rounds.buttons["close"])
    result = logic.round_result(session.store, rid)
    assert result.tally.voters == 12 and result.sensitivity is not None
    click(qtbot, console.rounds.buttons["reveal"])
    views = [console.rounds.chart_choice.itemData(i) for i in range(console.rounds.chart_choice.count())]
    assert views == ["ranking", "value_effort", "sensitivity"]
    assert shared.mode == "results"


def test_paper_dot_vote_typed_in_by_the_facilitator(qtbot, session, room):
    console, shared = room
    options = sources.ready_ids(session.store)[:5]
    rid = view_commands.create_round(session, "Dots on the wall", "dot", options, "paper",
                                     {"budget": 3, "cap": 2})
    console.rounds.select_round(rid)
    panel = console.rounds
    assert panel.paper_box.isVisibleTo(console) and not panel.booth_box.isVisibleTo(console)
    assert shared.mode == "message" and "Dots on the wall" in shared.message.title.text()
    for row, dots in enumerate((7, 2, 9, 0, 4)):
        assert panel.paper.setData(panel.paper.index(row, 1), dots)
    panel.paper_voters.setValue(8)
    click(qtbot, panel.paper_save)
    assert logic.paper_totals(session.store, rid) == ({options[0]: 7, options[1]: 2, options[2]: 9,
                                                       options[4]: 4}, 8)
    click(qtbot, panel.paper_close)
    click(qtbot, panel.buttons["reveal"])
    tally = logic.tally_round(session.store, rid)
    assert tally.winners == (options[2],) and tally.voters == 8
    assert shared.mode == "results" and shared.results.round_id == rid


def test_voiding_from_the_console_lets_the_person_vote_again(qtbot, session, room):
    console, shared = room
    rid = open_booth(qtbot, session, console, shared, "approval")
    booth = booth_of(console)
    person = list_participants(session.store)[0]
    click(qtbot, booth.next_button)
    click(qtbot, booth.name_buttons[person.id])
    click(qtbot, next(iter(booth.editor.toggles.values())))
    click(qtbot, booth.review_button)
    click(qtbot, booth.confirm_button)
    view_commands.void_ballot(session, rid, person.id, "Pressed the wrong name")
    assert not logic.has_voted(session.store, rid, person.id)
    assert console.rounds.progress.text() == "0/12 voted"
    session.undo_stack.undo()
    assert logic.has_voted(session.store, rid, person.id)


def test_a_ballot_for_someone_who_already_voted_is_refused(qtbot, session, room, messages):
    console, shared = room
    rid = open_booth(qtbot, session, console, shared, "approval")
    person = list_participants(session.store)[0]
    logic.cast_ballot(session.store, rid, person.id, [])
    booth_of(console).next_voter()
    booth_of(console).choose(person.id)
    assert messages and booth_of(console).booth["voter_id"] is None


def test_decisions_are_recorded_with_evidence_and_undone(qtbot, session, room):
    console, _shared = room
    panel = console.decisions
    console.tabs.setCurrentWidget(panel)
    later = next(r for r in range(panel.model.rowCount()) if panel.model.decision(r).decision == "later")
    initiative = panel.model.initiative_id(later)
    panel.table.selectRow(later)
    panel.decision.setCurrentIndex(panel.decision.findData("go"))
    assert panel.horizon.isEnabled()
    panel.horizon.setCurrentIndex(panel.horizon.findData("long_term"))
    panel.reason.setText("Once the single customer file exists")
    panel.evidence_round.setCurrentIndex(panel.evidence_round.findData(logic.list_rounds(session.store)[1].id))
    from workshop_app.i18n import translate

    assert panel.evidence.text().startswith(translate("Round", session.language) + " 2")
    click(qtbot, panel.save)
    decision = logic.get_decision(session.store, initiative)
    assert (decision.decision, decision.horizon, decision.reason) == ("go", "long_term",
                                                                      "Once the single customer file exists")
    assert decision.evidence.startswith(translate("Round", session.language) + " 2")
    row = next(r for r in range(panel.model.rowCount()) if panel.model.initiative_id(r) == initiative)
    assert panel.model.index(row, 1).data() == "Go"
    assert panel.log.rowCount() == 10 and panel.log.index(0, 2).data() == "Go"
    session.undo_stack.undo()
    assert logic.get_decision(session.store, initiative).decision == "later"
    assert panel.log.rowCount() == 9


def test_models_pass_the_model_tester(qtmodeltester, session):
    store = session.store
    rounds = logic.list_rounds(store)
    participation = ParticipationModel(store)
    participation.show_round(rounds[0].id)
    paper = PaperTotalsModel(store)
    paper.show_round(rounds[2])
    results = ResultsModel()
    results.show_result(logic.round_result(store, rounds[1].id))
    options = OptionsModel(sources.list_candidates(store), {sources.ready_ids(store)[0]})
    for model in (RoundsModel(store), participation, paper, results, DecisionsModel(store),
                  DecisionLogModel(store), options):
        qtmodeltester.check(model)
    assert participation.rowCount() == 12 and paper.rowCount() == 8 and results.rowCount() == 9


def test_round_dialog_builds_a_dot_vote_on_a_shortlist(qtbot, session):
    ready = sources.ready_ids(session.store)
    dialog = RoundDialog(session.store, "fr", checked=set(ready[:4]))
    qtbot.addWidget(dialog)
    dialog.method.setCurrentIndex(dialog.method.findData("dot"))
    dialog.budget.setValue(4)
    dialog.cap.setValue(2)
    question, method, options, visibility, config = dialog.values()
    assert (method, visibility, options) == ("dot", "secret", ready[:4])
    assert config == {"shuffle": True, "budget": 4, "cap": 2}
    dialog.method.setCurrentIndex(dialog.method.findData("scoring"))
    dialog.weights["customer_value"].setValue(50)
    assert {c["key"]: c["weight"] for c in dialog.values()[4]["criteria"]}["customer_value"] == 50


def test_shared_screen_shows_the_latest_revealed_result_when_no_vote_is_open(qtbot, session):
    shared = SharedView(session)
    qtbot.addWidget(shared)
    assert shared.mode == "results"
    assert shared.results.round_id == logic.list_rounds(session.store)[-1].id


def test_dot_and_points_ballots_enforce_their_rules_on_screen(qtbot, session, room):
    console, shared = room
    person = list_participants(session.store)[0]
    rid = open_booth(qtbot, session, console, shared, "dot", {"budget": 3, "cap": 2})
    booth = booth_of(console)
    click(qtbot, booth.next_button)
    click(qtbot, booth.name_buttons[person.id])
    editor = booth.editor
    first, second = editor.order[:2]
    minus, _shown, plus = editor.rows[first]
    click(qtbot, plus)
    click(qtbot, plus)
    assert not plus.isEnabled()  # at most 2 dots on one initiative
    click(qtbot, editor.rows[second][2])
    assert not editor.rows[second][2].isEnabled() and editor.left() == 0  # the budget is spent
    assert "0 of 3" in booth.status.text()
    click(qtbot, booth.review_button)
    click(qtbot, booth.confirm_button)
    assert logic.ballot_contents(session.store, rid) == [{first: 2, second: 1}]

    rid = open_booth(qtbot, session, console, shared, "points100")
    click(qtbot, booth.next_button)
    click(qtbot, booth.name_buttons[person.id])
    editor = booth.editor
    editor.set_points(editor.order[0], 60)
    editor.set_points(editor.order[1], 30)
    assert not booth.review_button.isEnabled() and "90 / 100" in booth.status.text()
    editor.sliders[editor.order[2]].setValue(10)
    assert booth.review_button.isEnabled()
    click(qtbot, booth.review_button)
    click(qtbot, booth.confirm_button)
    assert logic.ballot_contents(session.store, rid) == [{editor.order[0]: 60, editor.order[1]: 30,
                                                          editor.order[2]: 10}]
