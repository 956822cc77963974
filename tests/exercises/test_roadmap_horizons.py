"""One horizon rule: a decided horizon places the bar, and a move into another one is a choice."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from exercises.arbitration.decisions import decision_log, get_decision, set_decision
from exercises.roadmap import store_ops
from exercises.roadmap.logic import HORIZONS as BANDS
from exercises.roadmap.views import ConsoleView, console as console_module
from ui.session import Session
from workshop_app import horizons
from workshop_app.agenda import add_day

from .test_roadmap_support import add_axis, add_initiative


@pytest.fixture
def decided(store):
    add_day(store, "2026-12-03")
    axis = add_axis(store, "Service")
    ids = {}
    for key, horizon in (("quick", "quick_wins"), ("mid", "mid_term"), ("long", "long_term")):
        ids[key] = add_initiative(store, f"{key} initiative", axis_id=axis, decision=None)
        set_decision(store, ids[key], "go", "The room agreed", horizon)
    return ids


def test_the_core_rule_matches_the_roadmap_bands():
    assert horizons.FIRST_QUARTER == {key: first for key, first, _end in BANDS if key in horizons.HORIZONS}
    assert [horizons.horizon_of_start(q) for q in (0, 1, 2, 5, 6, 11, 14)] == [
        "quick_wins", "quick_wins", "mid_term", "mid_term", "long_term", "long_term", "long_term"]
    assert horizons.default_start("long_term", 2, 12) == 6
    assert horizons.default_start("long_term", 2, 6) == 4  # a short roadmap pulls it earlier
    assert horizons.default_start("", 2, 12) == 0
    assert horizons.in_conflict("quick_wins", 3) and not horizons.in_conflict("quick_wins", 1)
    assert not horizons.in_conflict("", 7) and not horizons.in_conflict("mid_term", None)
    assert horizons.stated_horizon("", 7) == "long_term" and horizons.stated_horizon("mid_term", 0) == "mid_term"


def test_first_placement_starts_at_the_decided_horizon(store, decided):
    assert store_ops.first_placement(store, decided["quick"]) == (0, 2)
    assert store_ops.first_placement(store, decided["mid"]) == (2, 2)
    assert store_ops.first_placement(store, decided["long"]) == (6, 2)


def test_a_move_asks_only_when_it_enters_another_horizon(store, decided):
    store_ops.place(store, decided["quick"], 0, 2)
    assert store_ops.horizon_change(store, decided["quick"], 1) is None  # still a quick win
    assert store_ops.horizon_change(store, decided["quick"], 3) == "mid_term"
    store_ops.place(store, decided["quick"], 3, 2)  # kept: the conflict stays marked
    assert store_ops.load_roadmap(store).item(decided["quick"]).conflict
    assert store_ops.horizon_change(store, decided["quick"], 4) is None  # already there, asked once
    assert store_ops.horizon_change(store, decided["quick"], 0) is None  # back home


def test_changing_the_decision_with_the_move_is_logged_and_undone_in_one_step(store, decided):
    iid = decided["mid"]
    store_ops.place(store, iid, 2, 2)
    before = len(decision_log(store))
    done = store_ops.place_and_redecide(store, iid, 7, 2, "long_term", at=5.0)
    assert get_decision(store, iid).horizon == "long_term" and get_decision(store, iid).reason == "The room agreed"
    assert not store_ops.load_roadmap(store).item(iid).conflict
    assert len(decision_log(store)) == before + 1
    store_ops.undo_redecide(store, done)
    assert get_decision(store, iid).horizon == "mid_term" and len(decision_log(store)) == before
    assert store_ops.load_roadmap(store).item(iid).start == 2


@pytest.fixture
def console(store, clock, qtbot, decided):
    session = Session(store, clock)
    view = ConsoleView(session)
    qtbot.addWidget(view)
    yield view, session
    session.close()


@pytest.mark.parametrize("answer, horizon, start", [("change", "mid_term", 3), ("keep", "quick_wins", 3),
                                                    (None, "quick_wins", 0)])
def test_the_console_asks_what_a_move_into_another_horizon_means(console, decided, monkeypatch,
                                                                 answer, horizon, start):
    view, session = console
    store = session.store
    store_ops.place(store, decided["quick"], 0, 2)
    asked = []
    monkeypatch.setattr(console_module, "ask_horizon",
                        lambda parent, title, was, target: asked.append((title, was, target)) or answer)
    view._on_placement_requested(decided["quick"], 3, 2)
    assert asked == [("quick initiative", "quick_wins", "mid_term")]
    assert get_decision(store, decided["quick"]).horizon == horizon
    assert store_ops.load_roadmap(store).item(decided["quick"]).start == start
    if answer == "keep":
        assert "was decided for Quick wins (0–6 months) but starts in" in view.warnings.text()
    if answer == "change":
        assert session.undo_stack.undoText() == "Move an initiative and change its horizon"
        session.undo_stack.undo()
        assert get_decision(store, decided["quick"]).horizon == "quick_wins"
        assert store_ops.load_roadmap(store).item(decided["quick"]).start == 0


def test_placing_from_the_list_uses_the_decided_horizon(console, decided):
    view, session = console
    from exercises.roadmap.views import commands

    commands.place_new(session, decided["long"])
    assert store_ops.load_roadmap(session.store).item(decided["long"]).start == 6


def test_the_question_names_both_horizons(qtbot, monkeypatch):
    seen = {}

    def fake_exec(box):
        seen["text"] = box.text()
        seen["buttons"] = [b.text() for b in box.buttons()]
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert console_module.ask_horizon(None, "Reply fast", "quick_wins", "mid_term") is None
    assert seen["text"] == "“Reply fast” was decided for Quick wins (0–6 months); here it starts in 6–18 months."
    assert "Change the decision to 6–18 months" in seen["buttons"]
    assert "Keep the decision, mark the conflict" in seen["buttons"]
