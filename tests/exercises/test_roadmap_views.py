"""Roadmap views: drag an initiative on the timeline, undo it, and check the models and the projector."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from exercises.roadmap import store_ops
from exercises.roadmap.views import ConsoleView, SharedView
from exercises.roadmap.views.models import DependenciesModel, InitiativeListModel, MilestonesModel
from ui.session import Session
from workshop_app.agenda import add_day
from workshop_app.participants import add_participant

from .test_roadmap_support import add_axis, add_initiative


@pytest.fixture
def messages(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    return shown


@pytest.fixture
def session(store, clock, qtbot):
    s = Session(store, clock)
    yield s
    s.close()


@pytest.fixture
def plan(session):
    store = session.store
    add_day(store, "2026-12-03")
    ann = add_participant(store, "Ann")
    axis = add_axis(store, "Onboarding", "#1F6FB2")
    ids = {"app": add_initiative(store, "Mobile onboarding", axis_id=axis, owner_id=ann, kpi_target="60 %"),
           "view": add_initiative(store, "Single customer view", axis_id=axis),
           "bot": add_initiative(store, "Chatbot", axis_id=axis, decision="later")}
    store_ops.place(store, ids["app"], 1, 2)
    store_ops.add_milestone(store, ids["app"], 2, "Pilot")
    return ids


@pytest.fixture
def console(session, plan, qtbot):
    view = ConsoleView(session)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    qtbot.waitExposed(view)
    return view


def _drag(qtbot, widget, start, end):
    QTest.mousePress(widget, Qt.LeftButton, Qt.NoModifier, start)
    QTest.mouseMove(widget, QPoint((start.x() + end.x()) // 2, start.y()))
    QTest.mouseMove(widget, end)
    QTest.mouseRelease(widget, Qt.LeftButton, Qt.NoModifier, end)


def test_drag_moves_an_initiative_and_undo_restores_it(console, session, plan, qtbot):
    timeline = console.timeline
    bar = timeline.bar_rect(plan["app"])
    assert not bar.isEmpty()
    start = QPoint(int(bar.left() + 10), int(bar.center().y()))
    end = start + QPoint(int(timeline.quarter_w * 3), 0)
    _drag(qtbot, timeline, start, end)
    item = store_ops.load_roadmap(session.store).item(plan["app"])
    assert (item.start, item.duration) == (4, 2)
    assert item.milestones[0].quarter == 5  # the milestone travelled with it
    assert timeline.bar_rect(plan["app"]).left() > bar.left()
    assert session.undo_stack.undoText() == "Move an initiative"
    session.undo_stack.undo()
    item = store_ops.load_roadmap(session.store).item(plan["app"])
    assert (item.start, item.duration, item.milestones[0].quarter) == (1, 2, 2)
    assert timeline.bar_rect(plan["app"]) == bar
    session.undo_stack.redo()
    assert store_ops.load_roadmap(session.store).item(plan["app"]).start == 4


def test_dragging_the_right_end_resizes(console, session, plan, qtbot):
    timeline = console.timeline
    bar = timeline.bar_rect(plan["app"])
    start = QPoint(int(bar.right() - 3), int(bar.center().y()))
    _drag(qtbot, timeline, start, start + QPoint(int(timeline.quarter_w * 2), 0))
    item = store_ops.load_roadmap(session.store).item(plan["app"])
    assert (item.start, item.duration) == (1, 4)


def test_dragging_past_the_horizon_is_clamped(console, session, plan, qtbot):
    timeline = console.timeline
    bar = timeline.bar_rect(plan["app"])
    start = QPoint(int(bar.left() + 10), int(bar.center().y()))
    _drag(qtbot, timeline, start, QPoint(timeline.width() - 2, start.y()))
    assert store_ops.load_roadmap(session.store).item(plan["app"]).start == 10


def test_keyboard_moves_and_resizes_the_selected_bar(console, session, plan, qtbot):
    timeline = console.timeline
    bar = timeline.bar_rect(plan["app"])
    QTest.mouseClick(timeline, Qt.LeftButton, Qt.NoModifier, QPoint(int(bar.center().x()), int(bar.center().y())))
    assert console.panel.title.text() == "Mobile onboarding"
    QTest.keyClick(timeline, Qt.Key_Right)
    QTest.keyClick(timeline, Qt.Key_Right, Qt.ShiftModifier)
    item = store_ops.load_roadmap(session.store).item(plan["app"])
    assert (item.start, item.duration) == (2, 3)
    QTest.keyClick(timeline, Qt.Key_Left)
    QTest.keyClick(timeline, Qt.Key_Left)
    QTest.keyClick(timeline, Qt.Key_Left)  # refused quietly at the first quarter
    assert store_ops.load_roadmap(session.store).item(plan["app"]).start == 0


def test_place_milestones_and_dependencies_from_the_panel(console, session, plan, messages):
    panel = console.panel
    assert panel.place_box.isVisibleTo(console) and panel.unplaced.rowCount() == 1
    panel.unplaced_list.setCurrentIndex(panel.unplaced.index(0))
    panel.place_button.click()
    assert store_ops.load_roadmap(session.store).item(plan["view"]).start == 0
    assert not panel.place_box.isVisibleTo(console)
    assert panel.title.text() == "Single customer view"
    panel.milestone_quarter.setCurrentIndex(1)
    panel.milestone_label.setText("Design done")
    panel.add_milestone_button.click()
    assert [(m.quarter, m.label) for m in store_ops.list_milestones(session.store, plan["view"])] == [(1, "Design done")]
    panel.dependency_choice.setCurrentIndex(panel.dependency_choice.findData(plan["app"]))
    panel.add_dependency_button.click()
    assert panel.dependencies.rowCount() == 1
    assert "too late" in panel.dependencies.index(0).data()
    assert "starts before" in console.warnings.text()
    session.undo_stack.undo()
    assert panel.dependencies.rowCount() == 0
    session.undo_stack.undo()
    assert store_ops.list_milestones(session.store, plan["view"]) == []
    panel.milestone_label.setText("   ")
    panel.add_milestone_button.click()
    assert messages == []


def test_horizon_and_start_settings(console, session, plan, messages):
    console.horizon.setValue(4)
    console.horizon.editingFinished.emit()
    assert store_ops.get_horizon(session.store) == 4
    console.horizon.setValue(12)
    console.horizon.editingFinished.emit()
    store_ops.place(session.store, plan["app"], 10, 2)
    session.notify("roadmap")
    console.horizon.setValue(8)
    console.horizon.editingFinished.emit()
    assert messages and "Mobile onboarding" in messages[0]
    assert console.horizon.value() == 12
    console.start_choice.setCurrentIndex(5)
    console.start_choice.activated.emit(5)
    assert console.timeline.plan.start.quarter == 2
    session.undo_stack.undo()
    assert console.timeline.plan.start.quarter == 1


def test_models(qtmodeltester, session, plan):
    unplaced = InitiativeListModel(session, "unplaced")
    parking = InitiativeListModel(session, "parking")
    milestones = MilestonesModel(session)
    milestones.set_initiative(plan["app"])
    dependencies = DependenciesModel(session)
    store_ops.add_dependency(session.store, plan["app"], plan["bot"])
    dependencies.set_initiative(plan["app"])
    for model in (unplaced, parking, milestones, dependencies):
        qtmodeltester.check(model)
    assert unplaced.index(0).data() == "Single customer view"
    assert parking.index(0).data() == "Chatbot"
    assert milestones.index(0, 0).data() == "Q3 2027" and milestones.index(0, 1).data() == "Pilot"
    assert "not on the roadmap" in dependencies.index(0).data()
    assert milestones.setData(milestones.index(0, 1), "Pilot in two branches")
    assert store_ops.list_milestones(session.store, plan["app"])[0].label == "Pilot in two branches"
    assert milestones.setData(milestones.index(0, 0), 1)
    assert store_ops.list_milestones(session.store, plan["app"])[0].quarter == 1
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert store_ops.list_milestones(session.store, plan["app"])[0].label == "Pilot"


def test_shared_view_shows_the_plan_large(session, plan, qtbot):
    view = SharedView(session)
    qtbot.addWidget(view)
    view.resize(1224, 600)
    view.show()
    qtbot.waitExposed(view)
    assert view.title.text() == "Our roadmap · Q1 2027 – Q4 2029"
    assert "Chatbot" in view.footer.text() and "Single customer view" in view.footer.text()
    assert not view.timeline.interactive
    before = view.timeline.bar_rect(plan["app"])
    store_ops.place(session.store, plan["app"], 3, 2)
    session.notify("roadmap")
    assert view.timeline.bar_rect(plan["app"]).left() > before.left()
    assert not view.grab().isNull()
