"""Self-diagnosis views: the facilitator's grid edits scores; the shared screen rates and shows the radar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from exercises.diagnosis import logic
from exercises.diagnosis.models import ResultsModel, ScoreGridModel
from exercises.diagnosis.views import ConsoleView, SharedView, state, update
from ui.session import Session
from workshop_app.participants import add_participant, list_participants


from tests.qt_fixtures import app_style, messages  # noqa: E402,F401 - fixtures

pytestmark = pytest.mark.usefixtures("app_style")


@pytest.fixture
def session(store, clock, qtbot):
    with store.action():
        for name in ("Ann Lee", "Bob Ray", "Chloé Duc"):
            add_participant(store, name)
    s = Session(store, clock)
    yield s
    s.close()


def test_models_pass_the_qt_model_tester(session, qtmodeltester):
    ann = list_participants(session.store)[0]
    logic.set_score(session.store, "data", ann.id, 3)
    for model in (ScoreGridModel(session), ResultsModel(session)):
        qtmodeltester.check(model)


def test_the_grid_edits_a_score_and_the_results_follow(session, qtbot, messages):
    view = ConsoleView(session)
    qtbot.addWidget(view)
    grid = view.grid
    assert grid.rowCount() == 14 and grid.columnCount() == 4
    assert grid.headerData(0, Qt.Horizontal) == "Ann"
    assert grid.headerData(3, Qt.Horizontal) == "Mean"
    row = logic.keys().index("speed")
    ann, bob = (p.id for p in list_participants(session.store)[:2])
    assert grid.setData(grid.index(row, 0), "2")
    assert grid.setData(grid.index(row, 1), " 5 ")
    assert logic.get_score(session.store, "speed", ann) == 2
    assert grid.index(row, 0).data() == "2"
    assert grid.index(row, 3).data() == "3.5"
    assert view.results.index(row, 2).data() == "3.5"
    assert "Speed" in view.weakest.text()
    assert not grid.setData(grid.index(row, 0), "7")
    assert not grid.setData(grid.index(row, 0), "bad")
    assert len(messages) == 2 and "1" in messages[0] and "5" in messages[1]
    assert logic.get_score(session.store, "speed", ann) == 2
    assert grid.setData(grid.index(row, 1), "")
    assert logic.get_score(session.store, "speed", bob) is None
    session.undo_stack.undo()
    assert logic.get_score(session.store, "speed", bob) == 5
    assert not grid.flags(grid.index(row, 3)) & Qt.ItemIsEditable


def test_a_participant_rates_on_the_shared_screen(session, qtbot):
    console = ConsoleView(session)
    shared = SharedView(session)
    qtbot.addWidget(console)
    qtbot.addWidget(shared)
    ann = list_participants(session.store)[0]
    page = shared.rate
    assert set(page.names.buttons) == {p.id for p in list_participants(session.store)}
    qtbot.mouseClick(page.names.buttons[ann.id], Qt.LeftButton)
    assert state(session).rater_id == ann.id
    assert page.stack.currentWidget() is page.card
    first = logic.characteristics("en")[0]
    assert page.name.text() == first.name
    qtbot.mouseClick(page.scores.buttons[4], Qt.LeftButton)
    assert logic.get_score(session.store, first.key, ann.id) == 4
    assert state(session).index == 1
    assert page.name.text() == logic.characteristics("en")[1].name
    assert console.grid.index(0, 0).data() == "4"
    qtbot.mouseClick(page.back, Qt.LeftButton)
    assert page.scores.buttons[4].isChecked()
    for score in [3] * 14:
        qtbot.mouseClick(page.scores.buttons[score], Qt.LeftButton)
    assert state(session).rater_id is None
    assert len([k for (pid, k) in logic.score_grid(session.store) if pid == ann.id]) == 14
    assert ann.id not in page.names.buttons
    assert console.rater.findData(ann.id) == -1


def test_console_starts_a_rater_and_switches_to_the_radar(session, qtbot):
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    console = ConsoleView(session)
    shared = SharedView(session)
    qtbot.addWidget(console)
    qtbot.addWidget(shared)
    bob = list_participants(session.store)[1]
    console.rater.setCurrentIndex(console.rater.findData(bob.id))
    qtbot.mouseClick(console.start, Qt.LeftButton)
    assert state(session).rater_id == bob.id
    assert "Bob Ray" in shared.rate.who.text()
    for key in logic.keys():
        logic.set_score(session.store, key, bob.id, 2 if key == "omnichannel" else 4)
    session.notify("diagnosis")
    shared.resize(1100, 620)
    shared.show()
    qtbot.waitExposed(shared)
    qtbot.mouseClick(console.screen_buttons.button(1), Qt.LeftButton)
    assert state(session).screen == "radar"
    assert shared.pages.currentWidget() is shared.radar
    assert isinstance(shared.radar.canvas, FigureCanvasQTAgg)
    assert shared.radar.weakest.text().startswith("1. Omnichannel access")
    update(session, screen="rate")
    assert shared.pages.currentWidget() is shared.rate
