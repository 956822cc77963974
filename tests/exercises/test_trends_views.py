"""Trend decoding's views: the console lists and edits, the shared screen's big buttons rate."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from exercises.trends import commands, store_ops
from exercises.trends.console_view import ConsoleView
from exercises.trends.models import RankingModel, RatingsModel, SegmentsModel, TrendIdRole, TrendsModel
from exercises.trends.shared_view import SharedRankingModel, SharedView
from exercises.trends.state import state, update
from ui.session import Session
from workshop_app.participants import add_participant


from tests.qt_fixtures import app_style, messages  # noqa: E402,F401 - fixtures

pytestmark = pytest.mark.usefixtures("app_style")


@pytest.fixture
def session(store, clock, qtbot):
    with store.action():  # one commit: the disk's sync is slow on some machines
        for name in ("Ann Lee", "Bob Ray", "Chloé Duc"):
            add_participant(store, name)
        store_ops.seed(store, "en")
    s = Session(store, clock)
    yield s
    s.close()


def people(session):
    from workshop_app.participants import list_participants

    return list_participants(session.store)


def test_models_pass_the_qt_model_tester(session, qtmodeltester):
    trends = store_ops.list_trends(session.store)
    store_ops.set_rating(session.store, trends[0].id, people(session)[0].id, 4, "now", "basic")
    store_ops.set_rating(session.store, trends[0].id, None, 5, None, None)
    store_ops.set_retained(session.store, trends[0].id, True, "Act")
    store_ops.add_segment(session.store, "Families")
    ratings = RatingsModel(session)
    ratings.set_trend(trends[0].id)
    for model in (TrendsModel(session), ratings, RankingModel(session), SharedRankingModel(session),
                  SegmentsModel(session)):
        qtmodeltester.check(model)
        assert model.rowCount() > 0


def test_console_lists_the_trends_and_selects_the_first(session, qtbot):
    view = ConsoleView(session)
    qtbot.addWidget(view)
    trends = store_ops.list_trends(session.store)
    assert view.trends.rowCount() == len(trends) >= 18
    assert view.trends.index(0, 0).data() == trends[0].title
    assert state(session).trend_id == trends[0].id
    assert trends[0].title in view.rating.heading.text()
    assert view.rating.rater.count() == 3


def test_big_buttons_on_the_shared_screen_store_a_rating(session, qtbot):
    console = ConsoleView(session)
    shared = SharedView(session)
    qtbot.addWidget(console)
    qtbot.addWidget(shared)
    trend_id = state(session).trend_id
    ann = people(session)[0]
    page = shared.card
    assert set(page.names.buttons) == {p.id for p in people(session)}
    qtbot.mouseClick(page.names.buttons[ann.id], Qt.LeftButton)
    assert state(session).rater_id == ann.id
    assert page.bottom.currentWidget() is page.pad
    assert not page.pad.validate.isEnabled()
    qtbot.mouseClick(page.pad.relevance.buttons[4], Qt.LeftButton)
    qtbot.mouseClick(page.pad.horizon.buttons["1-2y"], Qt.LeftButton)
    qtbot.mouseClick(page.pad.lifecycle.buttons["basic"], Qt.LeftButton)
    assert page.pad.relevance.buttons[4].isChecked()
    assert page.pad.validate.isEnabled()
    qtbot.mouseClick(page.pad.validate, Qt.LeftButton)

    stored = store_ops.get_rating(session.store, trend_id, ann.id)
    assert (stored.relevance, stored.horizon, stored.lifecycle) == (4, "1-2y", "basic")
    assert state(session).rater_id is None
    assert ann.id not in page.names.buttons  # Ann has rated this trend
    # the console and the results follow
    assert console.trends.index(0, 1).data() == "1"
    assert console.trends.index(0, 2).data() == "4.0"
    assert console.rating.model.rowCount() == 1
    assert console.results.model.rowCount() == 1
    assert console.results.model.index(0, 1).data() == store_ops.get_trend(session.store, trend_id).title
    assert shared.ranking.model.rowCount() == 1
    # and Edit > Undo takes it back
    session.undo_stack.undo()
    assert store_ops.get_rating(session.store, trend_id, ann.id) is None
    assert console.results.model.rowCount() == 0


def test_console_picks_the_next_rater_and_navigation_moves_the_card(session, qtbot):
    console = ConsoleView(session)
    shared = SharedView(session)
    qtbot.addWidget(console)
    qtbot.addWidget(shared)
    console.rating.rater.setCurrentIndex(1)
    qtbot.mouseClick(console.rating.start, Qt.LeftButton)
    assert state(session).rater_id == people(session)[1].id
    assert "Bob Ray" in shared.card.pad.who.text()
    assert "Bob Ray" in console.rating.heading.text()
    second = store_ops.list_trends(session.store)[1]
    qtbot.mouseClick(shared.card.next, Qt.LeftButton)
    assert state(session).trend_id == second.id
    assert state(session).rater_id is None
    assert shared.card.title.text() == second.title
    assert console.table.currentIndex().row() == 1
    console.table.selectRow(3)
    assert shared.card.title.text() == store_ops.list_trends(session.store)[3].title


def test_consensus_typed_in_the_console_overrides(session, qtbot):
    console = ConsoleView(session)
    qtbot.addWidget(console)
    trend_id = state(session).trend_id
    store_ops.set_rating(session.store, trend_id, people(session)[0].id, 1, "3y+", "innovation")
    session.notify("trends")
    panel = console.rating
    panel.relevance.setCurrentIndex(panel.relevance.findData(5))
    panel.horizon.setCurrentIndex(panel.horizon.findData("now"))
    qtbot.mouseClick(panel.save_consensus, Qt.LeftButton)
    result = next(r for r in store_ops.ranked_results(session.store) if r.trend.id == trend_id)
    assert (result.relevance, result.horizon, result.lifecycle) == (5, "now", "innovation")
    assert panel.model.index(0, 0).data() == "The room (consensus)"
    qtbot.mouseClick(panel.clear_consensus, Qt.LeftButton)
    assert store_ops.get_rating(session.store, trend_id, None) is None


def test_an_empty_consensus_is_refused_with_a_message(session, qtbot, messages):
    console = ConsoleView(session)
    qtbot.addWidget(console)
    qtbot.mouseClick(console.rating.save_consensus, Qt.LeftButton)
    assert messages and "at least" in messages[0]


def test_retained_and_implication_in_the_results(session, qtbot):
    console = ConsoleView(session)
    qtbot.addWidget(console)
    trend_id = state(session).trend_id
    commands.rate(session, trend_id, people(session)[0].id, 3, "now", "basic")
    model = console.results.model
    assert model.setData(model.index(0, RankingModel.RETAINED), Qt.Checked.value, Qt.CheckStateRole)
    assert store_ops.get_trend(session.store, trend_id).retained
    assert model.index(0, RankingModel.RETAINED).data(Qt.CheckStateRole) == Qt.Checked
    console.results.table.selectRow(0)
    console.results.implication.setPlainText("Customers expect it now.")
    qtbot.mouseClick(console.results.save, Qt.LeftButton)
    assert store_ops.get_trend(session.store, trend_id).implication == "Customers expect it now."
    assert console.results.selected_trend_id() == trend_id  # still selected after the reload
    assert console.trends.index(0, 3).data() == "✓"
    session.undo_stack.undo()
    assert store_ops.get_trend(session.store, trend_id).implication == ""


def test_hiding_and_moving_trends(session, qtbot):
    console = ConsoleView(session)
    shared = SharedView(session)
    qtbot.addWidget(console)
    qtbot.addWidget(shared)
    first, second = store_ops.list_trends(session.store)[:2]
    qtbot.mouseClick(console.hide_button, Qt.LeftButton)
    assert store_ops.get_trend(session.store, first.id).hidden
    assert "(hidden)" in console.trends.index(0, 0).data()
    assert shared.card.title.text() != first.title  # the room does not see a hidden trend
    qtbot.mouseClick(console.hide_button, Qt.LeftButton)
    assert not store_ops.get_trend(session.store, first.id).hidden
    qtbot.mouseClick(console.down, Qt.LeftButton)
    assert [t.id for t in store_ops.list_trends(session.store)[:2]] == [second.id, first.id]
    assert console.trends.index(1, 0).data(TrendIdRole) == first.id
    session.undo_stack.undo()
    assert store_ops.list_trends(session.store)[0].id == first.id


def test_adding_a_trend_and_a_segment(session, qtbot):
    console = ConsoleView(session)
    qtbot.addWidget(console)
    count = console.trends.rowCount()
    trend_id = commands.add_trend(session, "Voice banking", "Talk to the bank", "")
    assert console.trends.rowCount() == count + 1
    commands.edit_trend(session, trend_id, "Voice assistants", "Talk to the bank", "")
    assert console.trends.index(count, 0).data() == "Voice assistants"
    console.segments.name.setText("Young families")
    qtbot.mouseClick(console.segments.add, Qt.LeftButton)
    assert console.segments.model.rowCount() == 1
    model = console.segments.model
    assert model.setData(model.index(0), "Families")
    assert store_ops.list_segments(session.store)[0]["name"] == "Families"
    session.undo_stack.undo()
    assert store_ops.list_segments(session.store)[0]["name"] == "Young families"


def test_screens_switch_and_the_map_draws(session, qtbot):
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    console = ConsoleView(session)
    shared = SharedView(session)
    qtbot.addWidget(console)
    qtbot.addWidget(shared)
    trends = store_ops.list_trends(session.store)
    for person in people(session):
        store_ops.set_rating(session.store, trends[0].id, person.id, 4, "now", "basic")
    session.notify("trends")
    shared.resize(1000, 600)
    shared.show()
    qtbot.waitExposed(shared)
    qtbot.mouseClick(console.screen_buttons.button(1), Qt.LeftButton)
    assert state(session).screen == "map"
    assert shared.pages.currentWidget() is shared.map
    assert isinstance(shared.map.canvas, FigureCanvasQTAgg)
    assert shared.map.canvas.figure.axes
    update(session, screen="ranking")
    assert shared.pages.currentWidget() is shared.ranking
    assert shared.ranking.model.index(0, 1).data() == trends[0].title
    assert shared.ranking.model.index(0, RankingModel.RETAINED).data() == ""
    assert not shared.ranking.model.flags(shared.ranking.model.index(0, RankingModel.RETAINED)) \
        & Qt.ItemIsUserCheckable
