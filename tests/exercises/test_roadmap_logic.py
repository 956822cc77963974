"""Roadmap logic: quarters, horizons, placement, dependencies, load; then the store and the report."""

from __future__ import annotations

import ast
import io
from datetime import date
from pathlib import Path

import pytest

from exercises.roadmap import EXERCISE, store_ops
from exercises.roadmap.charts import roadmap_chart
from exercises.roadmap.logic import (QuarterStart, Violation, clamp_placement, creates_cycle, default_start,
                                     dependency_violations, horizon_bands, horizon_of_quarter, owner_overload,
                                     pack_rows, quarter_label, quarter_load, span_label, validate_placement)
from workshop_app.agenda import add_day
from exercises.demo import demo_content
from workshop_app.domain import ValidationError
from workshop_app.participants import add_participant
from workshop_app.report import BulletList, Card, Chart, Heading, Table

from .test_roadmap_support import add_axis, add_initiative, demo_prerequisites

ROOT = Path(__file__).resolve().parents[2]
START = QuarterStart(2027, 1)


def test_no_qt_outside_the_views_and_matplotlib_only_when_drawing():
    for path in (ROOT / "exercises" / "roadmap").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        names += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not any(name.startswith(("PySide6", "ui")) for name in names), path.name
        top = [n.module or "" for n in tree.body if isinstance(n, ast.ImportFrom)]
        top += [a.name for n in tree.body if isinstance(n, ast.Import) for a in n.names]
        assert not any(name.startswith("matplotlib") for name in top), path.name


# --- quarters and horizons -------------------------------------------------------

def test_quarter_labels_in_both_languages():
    assert quarter_label(START, 0, "fr") == "T1 2027"
    assert quarter_label(START, 0, "en") == "Q1 2027"
    assert quarter_label(START, 5, "en") == "Q2 2028"
    assert quarter_label(QuarterStart(2026, 4), 1, "fr") == "T1 2027"
    assert quarter_label(QuarterStart(2026, 3), 11, "en") == "Q2 2029"
    assert span_label(START, 1, 2, "fr") == "T2 2027 – T3 2027"
    assert span_label(START, 1, 1, "en") == "Q2 2027"


@pytest.mark.parametrize("day, start", [
    (date(2026, 12, 3), QuarterStart(2027, 1)),  # last month of a quarter: plan from the next
    (date(2027, 1, 5), QuarterStart(2027, 1)),
    (date(2027, 5, 20), QuarterStart(2027, 2)),
    (date(2027, 9, 1), QuarterStart(2027, 4)),
])
def test_default_start(day, start):
    assert default_start(day) == start


def test_horizon_of_a_quarter():
    assert [horizon_of_quarter(q) for q in range(13)] == (
        ["quick_wins"] * 2 + ["mid_term"] * 4 + ["long_term"] * 6 + ["beyond"])
    with pytest.raises(ValueError):
        horizon_of_quarter(-1)
    assert horizon_bands(12) == [("quick_wins", 0, 2), ("mid_term", 2, 6), ("long_term", 6, 12)]
    assert horizon_bands(4) == [("quick_wins", 0, 2), ("mid_term", 2, 4)]
    assert horizon_bands(16)[-1] == ("beyond", 12, 16)


def test_placement_validation():
    assert validate_placement(0, 2, 12) == (0, 2)
    assert validate_placement(10, 2, 12) == (10, 2)
    with pytest.raises(ValidationError, match="before the roadmap"):
        validate_placement(-1, 2, 12)
    with pytest.raises(ValidationError, match="at least one quarter"):
        validate_placement(0, 0, 12)
    with pytest.raises(ValidationError, match="horizon"):
        validate_placement(11, 2, 12)
    with pytest.raises(ValidationError):
        validate_placement(True, 1, 12)
    assert clamp_placement(-3, 2, 12) == (0, 2)
    assert clamp_placement(11, 3, 12) == (9, 3)
    assert clamp_placement(0, 20, 12) == (0, 12)


# --- dependencies and load -------------------------------------------------------

def test_dependency_violations():
    placements = {1: (0, 2), 2: (2, 2), 3: (1, 3), 4: (6, 1)}
    # 2 needs 1: 1 ends at 2 when 2 starts -> fine; 3 needs 1: 1 ends at 2, 3 starts at 1 -> broken
    deps = [(2, 1), (3, 1), (4, 3), (4, 9), (9, 1)]
    assert dependency_violations(placements, deps) == [
        Violation(3, 1, "order", 1),
        Violation(4, 9, "unplaced"),
    ]
    assert creates_cycle([(2, 1), (3, 2)], 1, 3)
    assert creates_cycle([], 1, 1)
    assert not creates_cycle([(2, 1), (3, 2)], 3, 1)


def test_load_and_owner_overload():
    placements = {1: (0, 2), 2: (1, 2), 3: (1, 1), 4: (5, 3)}
    assert quarter_load(placements, 8) == [1, 3, 1, 0, 0, 1, 1, 1]
    owners = {1: 7, 2: 7, 3: 7, 4: 8}
    (overload,) = owner_overload(placements, owners)
    assert (overload.owner_id, overload.quarters, overload.peak) == (7, (1,), 3)
    assert owner_overload(placements, owners, max_concurrent=3) == []
    assert owner_overload(placements, {1: None}) == []


def test_rows_never_overlap():
    rows = pack_rows([(1, 0, 2), (2, 1, 3), (3, 2, 2), (4, 4, 1)])
    assert rows == {1: 0, 2: 1, 3: 0, 4: 0}


# --- the store -------------------------------------------------------------------

@pytest.fixture
def plan(store):
    """Three Go initiatives on two axes, one Later, one without decision."""
    ann = add_participant(store, "Ann")
    a1, a2 = add_axis(store, "Onboarding", "#1F6FB2"), add_axis(store, "Service", "#D1495B")
    ids = {
        "reply": add_initiative(store, "Reply in one hour", axis_id=a2, owner_id=ann, kpi="Response time",
                                kpi_target="1 h"),
        "app": add_initiative(store, "Mobile onboarding", axis_id=a1, owner_id=ann),
        "view": add_initiative(store, "Single customer view", axis_id=a1),
        "bot": add_initiative(store, "Chatbot", decision="later", reason="Needs the single view"),
        "idea": add_initiative(store, "Undecided", decision=None),
    }
    add_day(store, "2026-12-03")
    return ids


def test_place_move_and_restore(store, plan):
    store_ops.place(store, plan["app"], 1, 2)
    mid = store_ops.add_milestone(store, plan["app"], 2, "Pilot")
    with pytest.raises(ValidationError, match="within"):
        store_ops.add_milestone(store, plan["app"], 5, "Too late")
    with pytest.raises(ValidationError, match="Place"):
        store_ops.add_milestone(store, plan["view"], 0, "Not placed")
    before = store_ops.snapshot(store, plan["app"])
    store_ops.place(store, plan["app"], 4, 3)  # the milestone moves with it
    assert store_ops.get_milestone(store, mid).quarter == 5
    store_ops.place(store, plan["app"], 4, 1)  # and stays inside a shorter span
    assert store_ops.get_milestone(store, mid).quarter == 4
    store_ops.restore(store, before)
    assert store_ops.load_roadmap(store).item(plan["app"]).start == 1
    assert store_ops.get_milestone(store, mid).quarter == 2
    with pytest.raises(ValidationError, match="Go"):
        store_ops.place(store, plan["bot"], 0, 1)
    with pytest.raises(ValidationError, match="horizon"):
        store_ops.place(store, plan["app"], 11, 2)


def test_load_roadmap(store, plan):
    store_ops.place(store, plan["reply"], 0, 2)
    store_ops.place(store, plan["app"], 1, 3)
    store_ops.add_dependency(store, plan["reply"], plan["app"])
    store_ops.add_dependency(store, plan["bot"], plan["view"])
    roadmap = store_ops.load_roadmap(store)
    assert roadmap.start == QuarterStart(2027, 1) and roadmap.horizon == 12
    assert [i.title for i in roadmap.items] == ["Reply in one hour", "Mobile onboarding"]
    assert roadmap.item(plan["reply"]).owner == "Ann"
    assert [i.title for i in roadmap.unplaced] == ["Single customer view"]
    assert [i.title for i in roadmap.parking] == ["Chatbot"]
    assert roadmap.dependencies == ((plan["reply"], plan["app"]),)  # only Go initiatives' dependencies
    assert roadmap.violations == (Violation(plan["reply"], plan["app"], "order", 4),)


def test_dependencies_refuse_loops(store, plan):
    store_ops.add_dependency(store, plan["view"], plan["app"])
    with pytest.raises(ValidationError, match="loop"):
        store_ops.add_dependency(store, plan["app"], plan["view"])
    with pytest.raises(ValidationError, match="itself"):
        store_ops.add_dependency(store, plan["app"], plan["app"])
    with pytest.raises(ValidationError, match="already"):
        store_ops.add_dependency(store, plan["view"], plan["app"])
    store_ops.remove_dependency(store, plan["view"], plan["app"])
    assert store_ops.list_dependencies(store) == []


def test_settings(store, plan):
    store_ops.place(store, plan["app"], 8, 4)
    with pytest.raises(ValidationError, match="Mobile onboarding"):
        store_ops.set_horizon(store, 8)
    with pytest.raises(ValidationError):
        store_ops.set_horizon(store, 30)
    store_ops.set_horizon(store, 16)
    store_ops.set_start(store, QuarterStart(2027, 3))
    assert (store_ops.get_horizon(store), store_ops.get_start(store)) == (16, QuarterStart(2027, 3))
    store_ops.set_start(store, None)
    assert store_ops.get_start(store) == QuarterStart(2027, 1)


def test_report_and_chart(store, plan):
    assert EXERCISE.report_section(store, "en") is not None  # Go initiatives wait to be placed
    store_ops.place(store, plan["reply"], 0, 2)
    store_ops.place(store, plan["app"], 3, 4)
    store_ops.add_milestone(store, plan["app"], 4, "Pilot")
    store_ops.add_dependency(store, plan["reply"], plan["app"])
    section = EXERCISE.report_section(store, "en")
    assert section.in_short and section.key == "roadmap"
    headings = [b.text for b in section.blocks if isinstance(b, Heading)]
    assert headings[:2] == ["Quick wins (0–6 months)", "6–18 months"]
    assert "Parking lot: decided for later" in headings and "Go initiatives still to schedule" in headings
    table = next(b for b in section.blocks if isinstance(b, Table))
    assert table.rows == (("Reply in one hour", "Service", "Q1 2027", "Q2 2027", "Ann", "Response time — 1 h"),)
    bullets = [item for b in section.blocks if isinstance(b, BulletList) for item in b.items]
    assert "Chatbot — Needs the single view" in bullets
    assert any("starts 7 quarters before" in item for item in bullets)
    cards = [b for b in section.blocks if isinstance(b, Card)]
    assert [c.title for c in cards] == ["Reply in one hour", "Mobile onboarding", "Single customer view"]
    assert ("On the roadmap", "Q1 2027 – Q2 2027") in cards[0].fields
    chart = next(b for b in section.blocks if isinstance(b, Chart))
    figure = chart.figure()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    assert buffer.getvalue().startswith(b"\x89PNG")
    texts = [t.get_text() for t in figure.axes[0].texts]
    assert "Onboarding" in texts and "Reply in one hour" in texts
    data = EXERCISE.export_data(store)
    assert data["horizon_quarters"] == 12 and len(data["items"]) == 2 and data["milestones"][0]["label"] == "Pilot"


def test_french_chart_and_labels(store, plan):
    store_ops.place(store, plan["reply"], 0, 2)
    figure = roadmap_chart(store_ops.load_roadmap(store), "fr")
    labels = [t.get_text() for t in figure.axes[0].get_xticklabels()]
    assert labels[:4] == ["T1", "T2", "T3", "T4"]


def test_fill_demo_places_the_go_initiatives(store):
    demo_prerequisites(store, "en")
    EXERCISE.fill_demo(store, demo_content(), "en")
    roadmap = store_ops.load_roadmap(store)
    demo_go = [i for i in demo_content()["initiatives"] if i["decision"] == "go"]
    assert len(roadmap.items) == len(demo_go) and not roadmap.unplaced
    by_title = {i.title: i for i in roadmap.items}
    for item in demo_go:
        placed = by_title[item["title"]["en"]]
        assert (placed.start, placed.duration) == (item["start_quarter"], item["duration_quarters"])
        assert [m.label for m in placed.milestones] == [m["label"]["en"] for m in item["milestones"]]
    assert len(roadmap.parking) == 2
    assert len(store_ops.list_dependencies(store)) == sum(len(i["depends_on"]) for i in demo_content()["initiatives"])
    EXERCISE.fill_demo(store, demo_content(), "en")  # running twice changes nothing
    assert store_ops.load_roadmap(store) == roadmap


def test_a_long_roadmap_is_cut_into_parts_that_fit_a_page(store):
    """30 placed initiatives on 6 axes: several charts, none taller than a page, each initiative once."""
    from exercises.roadmap.charts import MAX_HEIGHT_IN, chart_height, chart_parts, lanes

    axes = [add_axis(store, f"Axis {a}") for a in range(6)]
    for n in range(30):
        iid = add_initiative(store, f"Initiative {n}", axis_id=axes[n % 6] if n < 24 else axes[0])
        store_ops.place(store, iid, n % 8, 2)
    plan = store_ops.load_roadmap(store)
    groups = lanes(plan, "en")
    assert chart_height(groups) > MAX_HEIGHT_IN  # one chart would be shrunk to an unreadable strip
    parts = chart_parts(groups)
    assert len(parts) > 1 and all(chart_height(part) <= MAX_HEIGHT_IN for part in parts)
    drawn = [item.id for part in parts for _name, _colour, items in part for item, _row in items]
    assert sorted(drawn) == sorted(i.id for i in plan.items)
    whole = [name for part in parts for name, _c, items in part
             if len(items) == next(len(i) for n, _c2, i in groups if n == name)]
    assert "Axis 1" in whole  # an axis that fits in a part is not cut
    section = EXERCISE.report_section(store, "en")
    charts = [b for b in section.blocks if isinstance(b, Chart)]
    assert len(charts) == len(parts) and all(c.tall for c in charts)
    assert charts[0].caption.startswith("The roadmap by axis and quarter, part 1 of ")
    assert [t.get_text() for t in charts[-1].figure().axes[0].texts if t.get_text().startswith("Initiative")]


def test_a_short_roadmap_is_one_chart(store, plan):
    store_ops.place(store, plan["reply"], 0, 2)
    store_ops.place(store, plan["app"], 3, 4)
    charts = [b for b in EXERCISE.report_section(store, "en").blocks if isinstance(b, Chart)]
    assert [c.caption for c in charts] == ["The roadmap by axis and quarter; diamonds mark milestones."]
