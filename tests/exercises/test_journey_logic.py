"""The key journey: steps, moments of truth, the emotional bank account, the report section."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from exercises.ideation import logic as ideation
from exercises.journey import EXERCISE, charts, logic
from workshop_app.domain import ValidationError
from workshop_app.report import BulletList, Chart, Table

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def journey(store):
    """Seed 003's shape: each step looks bearable, the whole journey drains the account."""
    logic.set_title(store, "Account opening")
    spec = [("Discover", False, 2), ("Meeting", True, 2), ("Documents", False, -1), ("Waiting for the card", True, -2),
            ("Direct debits", False, -2), ("Declined payment", True, -3), ("Call centre", False, -1),
            ("90-day review", True, 1)]
    return [logic.add_step(store, t, moment_of_truth=m, emotion=e) for t, m, e in spec]


def _imports(nodes) -> list[str]:
    names = [n.module or "" for n in nodes if isinstance(n, ast.ImportFrom)]
    return names + [a.name for n in nodes if isinstance(n, ast.Import) for a in n.names]


def test_no_qt_and_no_eager_matplotlib():
    for module in ("logic", "charts", "__init__"):
        tree = ast.parse((ROOT / "exercises" / "journey" / f"{module}.py").read_text(encoding="utf-8"))
        assert not any(n.startswith("PySide6") for n in _imports(ast.walk(tree))), module
        assert not any(n.startswith("matplotlib") for n in _imports(tree.body)), module


def test_balances():
    assert logic.balances([2, 2, -1, -2, -2, -3, -1, 1]) == [2, 4, 3, 1, -1, -4, -5, -4]
    assert logic.balances([]) == []


def test_negative_steps(store, journey):
    steps = logic.list_steps(store)
    assert [e.step.title for e in logic.negative_steps(steps)] == [
        "Direct debits", "Declined payment", "Call centre", "90-day review"]
    assert [e.balance for e in logic.account(steps)][-1] == -4


def test_title_and_steps(store, journey):
    assert logic.get_title(store) == "Account opening"
    logic.set_title(store, "Opening an account")
    assert logic.get_title(store) == "Opening an account"
    inserted = logic.add_step(store, "Signature", position=2)
    assert [s.title for s in logic.list_steps(store)][:4] == ["Discover", "Meeting", "Signature", "Documents"]
    assert [s.position for s in logic.list_steps(store)] == list(range(9))
    logic.move_step(store, inserted, 0)
    assert logic.list_steps(store)[0].id == inserted
    logic.update_step(store, inserted, title="E-signature", moment_of_truth=True, emotion=3)
    step = logic.get_step(store, inserted)
    assert (step.title, step.moment_of_truth, step.emotion) == ("E-signature", True, 3)
    logic.delete_step(store, inserted)
    assert [s.position for s in logic.list_steps(store)] == list(range(8))


@pytest.mark.parametrize("emotion", [-4, 4, 1.5, True, "2"])
def test_emotion_is_bounded(store, emotion):
    with pytest.raises(ValidationError):
        logic.add_step(store, "Step", emotion=emotion)


def test_linked_ideas_lose_the_link_when_the_step_goes(store, journey):
    idea = ideation.add_idea(store, "Track the card like a parcel", journey_step_id=journey[3])
    assert logic.ideas_per_step(store) == {journey[3]: 1}
    assert logic.linked_ideas(store, journey[3]) == ["Track the card like a parcel"]
    logic.delete_step(store, journey[3])
    assert ideation.get_idea(store, idea).journey_step_id is None


def test_load_template(store):
    ids = logic.load_template(store, "claim", "fr")
    assert len(ids) == len(logic.list_steps(store)) == 6
    assert logic.get_title(store) == "Un problème à résoudre"
    with pytest.raises(ValidationError):
        logic.load_template(store, "nope", "fr")


def test_chart_shades_the_overdrawn_area_and_stars_the_moments_of_truth(store, journey):
    steps = logic.list_steps(store)
    figure = charts.journey_curve([s.title for s in steps], [s.emotion for s in steps],
                                  [s.moment_of_truth for s in steps], "en")
    axes = figure.axes[0]
    assert len(axes.patches) >= 8  # one bar per step
    assert axes.collections, "the red overdrawn area and the stars are drawn"
    assert axes.get_ylim()[0] < -5
    empty = charts.journey_curve([], [], [], "fr", dark=True)
    assert empty.axes[0].texts


def test_report_section(store, journey):
    section = EXERCISE.report_section(store, "en")
    kinds = [type(b) for b in section.blocks]
    assert Chart in kinds and Table in kinds and BulletList in kinds
    table = next(b for b in section.blocks if isinstance(b, Table))
    assert len(table.rows) == 8
    assert table.rows[5][1:5] == ("Declined payment", "Yes", "−3", "−4")
    negative = next(b for b in section.blocks if isinstance(b, BulletList))
    assert negative.items[0] == "Direct debits (balance −1)"
    chart = next(b for b in section.blocks if isinstance(b, Chart))
    assert chart.figure().axes


def test_no_section_without_steps(store):
    assert EXERCISE.report_section(store, "fr") is None


def test_export_data(store, journey):
    data = EXERCISE.export_data(store)
    assert data["title"] == "Account opening"
    assert [s["emotion"] for s in data["steps"]] == [2, 2, -1, -2, -2, -3, -1, 1]
