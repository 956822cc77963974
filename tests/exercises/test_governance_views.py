"""Governance views: settle choices through the models, undo, roles, and the projector page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from exercises.governance import logic, roles, votes
from exercises.governance.library import seed_library
from exercises.governance.views import ConsoleView, SharedView
from exercises.governance.views.console import screen_state
from exercises.governance.views.models import ChoicesModel, KpiModel, OptionsModel, RaciModel
from ui.session import Session
from workshop_app.participants import add_participant

from .test_roadmap_support import add_initiative


@pytest.fixture
def messages(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    return shown


@pytest.fixture
def session(store, clock, qtbot):
    seed_library(store, "en")
    s = Session(store, clock)
    yield s
    s.close()


@pytest.fixture
def people(session):
    return [add_participant(session.store, name, "Director") for name in ("Ann", "Bob", "Cleo")]


@pytest.fixture
def initiatives(session, people):
    ann, bob, _cleo = people
    return [add_initiative(session.store, title, owner_id=ann, sponsor_id=bob)
            for title in ("Reply in one hour", "Mobile onboarding", "Single view")]


def test_models_pass_the_model_tester(qtmodeltester, session, initiatives):
    options = OptionsModel(session)
    options.set_key("kpi_priorities")
    for model in (ChoicesModel(session), options, KpiModel(session), RaciModel(session)):
        qtmodeltester.check(model)


def test_ticking_an_option_settles_by_consensus_and_undo_restores(session):
    model = OptionsModel(session)
    model.set_key("steering_body")
    chosen = model.index(1, OptionsModel.CHOSEN)
    assert model.setData(chosen, Qt.Checked, Qt.CheckStateRole)
    choice = logic.get_choice(session.store, "steering_body")
    assert choice.chosen == ("chief_customer_officer",) and choice.settled_by == "consensus"
    assert chosen.data(Qt.CheckStateRole) == Qt.Checked
    session.undo_stack.undo()
    assert not logic.get_choice(session.store, "steering_body").settled
    assert model.index(1, OptionsModel.CHOSEN).data(Qt.CheckStateRole) == Qt.Unchecked


def test_counting_hands_then_adopting_them(session, people, qtbot):
    view = ConsoleView(session)
    qtbot.addWidget(view)
    tab = view.choices_tab
    tab.select("review_cadence")
    model = tab.options
    assert model.setData(model.index(0, OptionsModel.HANDS), 2)
    assert model.setData(model.index(2, OptionsModel.HANDS), 1)
    assert model.index(0, OptionsModel.HANDS).data() == 2
    tab.buttons["hands"].click()
    choice = logic.get_choice(session.store, "review_cadence")
    assert choice.chosen == ("monthly",) and choice.settled_by == "vote"
    assert "show of hands" in tab.status.text()
    assert tab.buttons["reveal"].isChecked()
    session.undo_stack.undo()
    assert not logic.get_choice(session.store, "review_cadence").settled
    assert not logic.get_hands(session.store, "review_cadence").revealed


def test_a_tie_is_explained(session, people, messages, qtbot):
    view = ConsoleView(session)
    qtbot.addWidget(view)
    tab = view.choices_tab
    tab.select("review_cadence")
    tab.options.setData(tab.options.index(0, OptionsModel.HANDS), 2)
    tab.options.setData(tab.options.index(1, OptionsModel.HANDS), 2)
    tab.buttons["hands"].click()
    assert messages and "tied" in messages[0]


def test_ranking_moves_and_note(session, qtbot, monkeypatch):
    view = ConsoleView(session)
    qtbot.addWidget(view)
    tab = view.choices_tab
    tab.select("kpi_priorities")
    model = tab.options
    for row in (0, 3):
        model.setData(model.index(row, OptionsModel.CHOSEN), Qt.Checked, Qt.CheckStateRole)
    assert logic.get_choice(session.store, "kpi_priorities").chosen == ("nps", "churn")
    assert model.index(3, OptionsModel.CHOSEN).data() == "2"
    tab.table.selectRow(3)
    tab.buttons["up"].click()
    assert logic.get_choice(session.store, "kpi_priorities").chosen == ("churn", "nps")
    tab.note.setText("Churn first: it is in the strategic plan")
    tab.note.editingFinished.emit()
    assert logic.get_choice(session.store, "kpi_priorities").note == "Churn first: it is in the strategic plan"
    monkeypatch.setattr("exercises.governance.views.console.QInputDialog.getText",
                        staticmethod(lambda *a, **k: ("Complaints per 1,000 customers", True)))
    tab.buttons["own"].click()
    choice = logic.get_choice(session.store, "kpi_priorities")
    assert choice.chosen[-1] == "own_1" and choice.options[-1].label == "Complaints per 1,000 customers"
    assert "(ours)" in model.index(len(choice.options) - 1, 0).data()


def test_kpi_cells_are_edited_in_place(session):
    model = KpiModel(session)
    assert model.setData(model.index(0, 3), "+30")
    assert logic.list_kpis(session.store)[0].target == "+30"
    session.undo_stack.undo()
    assert logic.list_kpis(session.store)[0].target == ""


def test_raci_owner_sponsor_marks_and_overload(session, people, initiatives, qtbot):
    ann, bob, cleo = people
    view = ConsoleView(session)
    qtbot.addWidget(view)
    model = view.roles_tab.model
    assert model.rowCount() == 3 and model.columnCount() == 2 + 3
    assert model.headerData(2, Qt.Horizontal) == "⚠ Ann"  # owner of 3 Go initiatives
    assert "Ann" in view.roles_tab.flags.text()
    assert model.index(0, RaciModel.OWNER).data() == "⚠ Ann"
    assert [model.index(0, c).data() for c in (2, 3, 4)] == ["R", "A", ""]
    assert model.setData(model.index(0, RaciModel.OWNER), cleo)
    assert model.headerData(2, Qt.Horizontal) == "Ann"
    assert view.roles_tab.flags.text() == ""
    cell = model.index(1, 4)
    view.roles_tab._on_clicked(cell)
    assert model.index(1, 4).data() == "C"
    view.roles_tab._on_clicked(model.index(1, 4))
    assert roles.get_marks(session.store) == {initiatives[1]: {cleo: "I"}}
    assert not model.flags(model.index(1, 2)) & Qt.ItemIsEditable  # R is set in the owner column
    session.undo_stack.undo()
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert roles.roles_table(session.store).initiatives[0].owner_id == ann


def test_shared_view_follows_the_console(session, people, qtbot):
    console = ConsoleView(session)
    shared = SharedView(session)
    for widget in (console, shared):
        qtbot.addWidget(widget)
    shared.resize(1224, 620)
    console.choices_tab.select("shared_goal")
    assert screen_state(session).key == "shared_goal"
    assert shared.board.current.key == "shared_goal" and shared.mode == "question"
    console.show_summary.setChecked(True)
    assert shared.mode == "summary"
    with qtbot.waitSignal(session.presentation_changed) as blocker:
        console.present_button.click()
    assert blocker.args == ["governance"]
    logic.choose(session.store, "shared_goal", ["retention"])
    session.notify("governance")
    assert shared.board.current.chosen == ("retention",)
    assert not shared.grab().isNull()


@pytest.mark.skipif(not votes.available(), reason="the arbitration stage is not installed")
def test_a_booth_vote_from_the_console(session, people, qtbot):
    console = ConsoleView(session)
    shared = SharedView(session)
    for widget in (console, shared):
        qtbot.addWidget(widget)
    tab = console.choices_tab
    tab.select("review_cadence")
    tab.buttons["vote"].click()
    assert shared.mode == "vote"
    round_id = votes.latest_round(session.store, "review_cadence").id
    qtbot.addWidget(tab.booth_window)  # the booth is on the laptop's screen, not on the projector
    assert tab.booth_window.isVisible() and session.room.booth.round_id == round_id
    assert session.room.booth.kind == "governance"
    api = votes.arbitration()
    for person, pick in zip(people, ("quarterly", "quarterly", "monthly")):
        api.cast_ballot(session.store, round_id, person, [pick])
    session.notify("governance")
    assert tab.vote_status.text() == "3 of 3 have voted"
    tab.buttons["close_vote"].click()
    assert logic.get_choice(session.store, "review_cadence").chosen == ("quarterly",)
    assert shared.mode == "question" and shared.board.hands.revealed
    session.undo_stack.undo()
    assert not logic.get_choice(session.store, "review_cadence").settled
    assert api.require_round(session.store, round_id).is_open
