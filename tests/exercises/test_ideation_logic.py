"""Ideation logic on a real store: capture, merge, moves between axes, rounds, undo by row differences."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from exercises.ideation import history, logic
from workshop_app.domain import ValidationError
from workshop_app.participants import add_participant

ROOT = Path(__file__).resolve().parents[2]


def texts(store, axis_id=logic.ALL):
    return [i.text for i in logic.list_ideas(store, axis_id=axis_id)]


@pytest.fixture
def board(store):
    """Two axes, five unclustered ideas."""
    a = logic.add_axis(store, "Onboarding", "#1F6FB2", "Ten days, not three months.")
    b = logic.add_axis(store, "Omnichannel")
    ids = logic.add_ideas(store, ["one", "two", "three", "four", "five"])
    return a, b, ids


def test_no_qt_in_the_logic_modules():
    for module in ("logic", "initiatives", "history", "report", "demo", "__init__"):
        tree = ast.parse((ROOT / "exercises" / "ideation" / f"{module}.py").read_text(encoding="utf-8"))
        names = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        names += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not any(name.startswith("PySide6") for name in names), module


def test_ideas_land_in_order_at_the_end_of_their_column(store, board):
    a, _b, ids = board
    assert texts(store) == ["one", "two", "three", "four", "five"]
    assert [i.position for i in logic.list_ideas(store)] == [0, 1, 2, 3, 4]
    new = logic.add_idea(store, "six", axis_id=a)
    assert logic.get_idea(store, new).position == 0
    assert texts(store, a) == ["six"]


def test_idea_text_is_validated(store):
    with pytest.raises(ValidationError):
        logic.add_idea(store, "   ")
    with pytest.raises(ValidationError):
        logic.add_idea(store, "two\nlines")
    with pytest.raises(ValidationError):
        logic.add_ideas(store, ["fine", "x" * (logic.IDEA_MAX + 1)])
    assert logic.list_ideas(store) == []  # all or nothing


def test_split_lines_of_a_pasted_list():
    assert logic.split_lines("- first\n\n  • second  \nthird\n   \n") == ["first", "second", "third"]


def test_move_between_axes_and_back(store, board):
    a, b, ids = board
    logic.move_ideas(store, [ids[1], ids[3]], a, 0)
    assert texts(store, a) == ["two", "four"]
    assert texts(store, None) == ["one", "three", "five"]
    assert [i.position for i in logic.list_ideas(store, axis_id=None)] == [0, 1, 2]
    logic.move_ideas(store, [ids[0]], a, 1)
    assert texts(store, a) == ["two", "one", "four"]
    logic.move_ideas(store, [ids[3]], b, 99)
    assert texts(store, b) == ["four"]
    assert texts(store, a) == ["two", "one"]
    logic.move_ideas(store, [ids[1]], None, 0)
    assert texts(store, None) == ["two", "three", "five"]


def test_reorder_within_an_axis(store, board):
    a, _b, ids = board
    logic.move_ideas(store, ids, a, 0)
    column = [i.id for i in logic.list_ideas(store, axis_id=a)]
    # dropping "one" below "three" (row 3 of the column that still shows it)
    logic.move_ideas(store, [ids[0]], a, logic.drop_position(column, [ids[0]], 3))
    assert texts(store, a) == ["two", "three", "one", "four", "five"]
    assert [i.position for i in logic.list_ideas(store, axis_id=a)] == [0, 1, 2, 3, 4]


def test_drop_position():
    assert logic.drop_position([1, 2, 3, 4], [1], 3) == 2
    assert logic.drop_position([1, 2, 3, 4], [4], 0) == 0
    assert logic.drop_position([1, 2, 3, 4], [2, 3], -1) == 2
    assert logic.drop_position([], [9], 0) == 0


def test_merge_keeps_the_sources_texts(store, board):
    a, _b, ids = board
    logic.move_ideas(store, [ids[2]], a, 0)
    target = logic.merge_ideas(store, [ids[2], ids[0], ids[4]])
    assert target == ids[0]  # the first in board order absorbs the others
    merged = logic.get_idea(store, target)
    assert merged.text == "one / five / three"
    assert {i.id for i in logic.merged_sources(store, target)} == {ids[2], ids[4]}
    assert texts(store) == ["one / five / three", "two", "four"]
    assert len(logic.list_ideas(store, include_merged=True)) == 5
    assert logic.get_idea(store, ids[2]).text == "three"
    with pytest.raises(ValidationError):
        logic.merge_ideas(store, [ids[1]])


def test_deleting_a_merged_idea_deletes_what_it_absorbed(store, board):
    _a, _b, ids = board
    target = logic.merge_ideas(store, [ids[0], ids[1]])
    logic.delete_ideas(store, [target])
    assert texts(store) == ["three", "four", "five"]
    assert len(logic.list_ideas(store, include_merged=True)) == 3
    assert [i.position for i in logic.list_ideas(store)] == [0, 1, 2]


def test_deleting_an_axis_returns_its_ideas_to_unclustered(store, board):
    a, _b, ids = board
    logic.move_ideas(store, ids[:2], a, 0)
    logic.delete_axis(store, a)
    assert texts(store, None) == ["three", "four", "five", "one", "two"]
    assert [x.name for x in logic.list_axes(store)] == ["Omnichannel"]


def test_axes_rename_recolour_reorder(store, board):
    a, b, _ids = board
    logic.update_axis(store, a, name="Seamless onboarding", colour="#abcdef")
    axis = logic.get_axis(store, a)
    assert (axis.name, axis.colour, axis.ambition) == ("Seamless onboarding", "#ABCDEF", "Ten days, not three months.")
    with pytest.raises(ValidationError):
        logic.update_axis(store, a, colour="teal")
    with pytest.raises(ValidationError):
        logic.update_axis(store, a, name=" ")
    logic.move_axis(store, b, 0)
    assert [x.id for x in logic.list_axes(store)] == [b, a]
    assert logic.get_axis(store, b).colour in logic.AXIS_PALETTE


def test_rounds_current_and_silent(store):
    assert logic.current_round_id(store) is None
    first = logic.open_round(store, "How could this trend change onboarding?", characteristic="ease")
    second = logic.open_round(store, "Silent round", hidden=True)
    assert logic.current_round_id(store) == second
    visible = logic.add_idea(store, "seen", round_id=first)
    silent = logic.add_idea(store, "unseen", round_id=second)
    hidden = logic.hidden_round_ids(store)
    shown = [i.text for i in logic.list_ideas(store) if logic.on_screen(i, hidden)]
    assert shown == ["seen"]
    logic.reveal_round(store, second)
    hidden = logic.hidden_round_ids(store)
    assert all(logic.on_screen(i, hidden) for i in logic.list_ideas(store))
    logic.set_ideas_hidden(store, [visible], True)
    assert not logic.on_screen(logic.get_idea(store, visible), set())
    logic.delete_round(store, second)
    assert logic.current_round_id(store) is None
    assert logic.get_idea(store, silent).round_id is None
    with pytest.raises(ValidationError):
        logic.open_round(store, "")


def test_link_to_journey_step(store, board):
    _a, _b, ids = board
    with store.action() as db:
        step = db["journey_steps"].insert({"title": "Waiting for the card", "position": 0}).last_pk
    logic.set_idea_step(store, ids[:2], step)
    assert logic.get_idea(store, ids[0]).journey_step_id == step
    with pytest.raises(ValidationError):
        logic.set_idea_step(store, ids, 999)


def test_history_rewinds_and_replays_a_merge_with_the_same_ids(store, board):
    a, _b, ids = board
    author = add_participant(store, "Claire")
    before = logic.list_ideas(store, include_merged=True)
    target, changes = history.record(store, history.IDEATION_TABLES,
                                     lambda: logic.merge_ideas(store, ids[:3]))
    after = logic.list_ideas(store, include_merged=True)
    history.rewind(store, changes)
    assert logic.list_ideas(store, include_merged=True) == before
    history.replay(store, changes)
    assert logic.list_ideas(store, include_merged=True) == after
    # a later change on the merged idea still applies after undo/redo
    logic.set_idea_author(store, target, author)
    assert logic.get_idea(store, target).author_id == author


def test_history_restores_a_deleted_axis_and_its_ideas(store, board):
    a, _b, ids = board
    logic.move_ideas(store, ids[:2], a, 0)
    before = (logic.list_axes(store), logic.list_ideas(store))
    _result, changes = history.record(store, history.IDEATION_TABLES, lambda: logic.delete_axis(store, a))
    assert logic.get_idea(store, ids[0]).axis_id is None
    history.rewind(store, changes)
    assert (logic.list_axes(store), logic.list_ideas(store)) == before
    history.replay(store, changes)
    assert [x.id for x in logic.list_axes(store)] == [_b]


def test_history_records_nothing_for_a_no_op(store, board):
    _result, changes = history.record(store, history.IDEATION_TABLES, lambda: None)
    assert changes == ()


def test_counts(store, board):
    a, _b, ids = board
    logic.move_ideas(store, ids[:2], a, 0)
    logic.open_round(store, "Prompt")
    assert logic.counts(store) == {"ideas": 5, "rounds": 1, "axes": 2, "clustered": 2, "unclustered": 3}
