"""The journey views: the steps model, edits with undo, the console's buttons, the shared curve."""

from __future__ import annotations


import pytest
from PySide6.QtCore import Qt

from exercises.ideation import logic as ideation
from exercises.journey import logic
from exercises.journey.views import COLUMNS, ConsoleView, SharedView, StepsModel
from ui.session import Session


@pytest.fixture
def session(store, clock):
    logic.set_title(store, "Account opening")
    for title, moment, emotion in [("Discover", False, 2), ("Waiting for the card", True, -2),
                                   ("Declined payment", True, -3), ("90-day review", True, 1)]:
        logic.add_step(store, title, moment_of_truth=moment, emotion=emotion)
    s = Session(store, clock)
    yield s
    s.undo_stack.clear()


@pytest.fixture
def console(qtbot, session):
    view = ConsoleView(session)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    return view


def cell(model, row, column):
    return model.index(row, COLUMNS.index(column))


def test_model_passes_the_model_tester(qtmodeltester, session):
    model = StepsModel(session)
    qtmodeltester.check(model)
    assert [cell(model, r, "balance").data() for r in range(4)] == ["+2", "0", "−3", "−2"]
    assert cell(model, 1, "moment").data(Qt.CheckStateRole) == Qt.Checked


def test_rating_and_marking_are_undoable(session, monkeypatch):
    refusals = []
    monkeypatch.setattr("exercises.journey.views.show_error", lambda _parent, message: refusals.append(message))
    model = StepsModel(session)
    assert model.setData(cell(model, 0, "emotion"), 3, Qt.EditRole)
    assert logic.list_steps(session.store)[0].emotion == 3
    assert cell(model, 0, "balance").data() == "+3"
    assert model.setData(cell(model, 0, "moment"), Qt.Checked, Qt.CheckStateRole)
    assert logic.list_steps(session.store)[0].moment_of_truth
    assert model.setData(cell(model, 0, "step"), "Discovering the offer online", Qt.EditRole)
    session.undo_stack.undo()
    session.undo_stack.undo()
    session.undo_stack.undo()
    first = logic.list_steps(session.store)[0]
    assert (first.title, first.emotion, first.moment_of_truth) == ("Discover", 2, False)
    count = session.undo_stack.count()
    assert not model.setData(cell(model, 0, "emotion"), 7, Qt.EditRole)
    assert refusals and session.undo_stack.count() == count  # refused with a message, nothing pushed


def test_console_buttons(qtbot, session, console, monkeypatch):
    monkeypatch.setattr("exercises.journey.views.show_error", lambda *args: None)
    assert "overdrawn" in console.summary.text()
    console.table.selectRow(0)
    console.buttons["add"].click()
    assert [s.title for s in logic.list_steps(session.store)][1] == "New step"
    console.table.selectRow(1)
    console.buttons["down"].click()
    assert [s.title for s in logic.list_steps(session.store)][2] == "New step"
    console.buttons["delete"].click()
    assert len(logic.list_steps(session.store)) == 4
    console.title.setText("Opening an account")
    console.title.editingFinished.emit()
    assert logic.get_title(session.store) == "Opening an account"
    for _ in range(4):
        session.undo_stack.undo()
    assert [s.title for s in logic.list_steps(session.store)] == [
        "Discover", "Waiting for the card", "Declined payment", "90-day review"]
    assert logic.get_title(session.store) == "Account opening"


def test_a_template_starts_an_empty_journey(qtbot, store, clock):
    session = Session(store, clock)
    view = ConsoleView(session)
    qtbot.addWidget(view)
    assert "typical journey" in view.summary.text()
    view.template_menu.actions()[0].trigger()
    assert len(logic.list_steps(store)) == 8
    assert view.title.text() == logic.get_title(store) != ""
    session.undo_stack.undo()
    assert logic.list_steps(store) == [] and logic.get_title(store) == ""


def test_ideas_linked_to_steps_are_counted(session, console):
    steps = logic.list_steps(session.store)
    ideation.add_idea(session.store, "Track the card like a parcel", journey_step_id=steps[1].id)
    session.notify("ideation")
    assert cell(console.model, 1, "ideas").data() == "1"


def test_shared_view_shows_the_curve(qtbot, session):
    view = SharedView(session)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    assert view.title.text() == "Account opening"
    assert "Declined payment" in view.verdict.text()
    image = view.chart.image()
    assert image.width() == view.chart.width() and image.height() == view.chart.height()
    assert not view.grab().isNull()
    logic.update_step(session.store, logic.list_steps(session.store)[2].id, emotion=0)
    session.notify("journey")
    assert view.verdict.text() == ""  # balances 2, 0, 0, 1: never overdrawn
