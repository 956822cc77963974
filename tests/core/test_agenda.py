from __future__ import annotations

import pytest

from workshop_app import agenda as core
from workshop_app.domain import BlockStep, ValidationError
from workshop_app.templates import apply_template


def titles(store, day_id):
    return [b.title for b in core.list_blocks(store, day_id)]


def test_start_times_follow_durations(store):
    day = core.add_day(store, "2026-12-03", "09:00", "12:00")
    core.add_block(store, day, "A", planned_minutes=30)
    core.add_block(store, day, "B", planned_minutes=45)
    core.add_block(store, day, "C", planned_minutes=20)
    sched = core.schedule(store)[0]
    assert [(core.format_hhmm(b.start), core.format_hhmm(b.end)) for b in sched.blocks] == [
        ("09:00", "09:30"), ("09:30", "10:15"), ("10:15", "10:35")]
    assert sched.overflow_minutes == 0


def test_overflow_is_reported(store):
    day = core.add_day(store, "2026-12-03", "09:00", "10:00")
    core.add_block(store, day, "A", planned_minutes=50)
    core.add_block(store, day, "B", planned_minutes=25)
    assert core.schedule(store)[0].overflow_minutes == 15


def test_reorder_within_and_across_days(store):
    d1 = core.add_day(store, "2026-12-03")
    d2 = core.add_day(store, "2026-12-04")
    a, b, c = (core.add_block(store, d1, t) for t in "ABC")
    x = core.add_block(store, d2, "X")
    core.move_block(store, c, d1, 0)
    assert titles(store, d1) == ["C", "A", "B"]
    core.move_block(store, a, d2, 1)
    assert titles(store, d1) == ["C", "B"] and titles(store, d2) == ["X", "A"]
    assert [b.position for b in core.list_blocks(store, d1)] == [0, 1]
    core.move_block(store, x, d1, 99)
    assert titles(store, d1) == ["C", "B", "X"]


def test_duplicate_keeps_steps_and_places_after(store):
    day = core.add_day(store, "2026-12-03")
    a = core.add_block(store, day, "A", steps=(BlockStep("Silent", 8), BlockStep("Share", 12)))
    core.add_block(store, day, "B")
    dup = core.duplicate_block(store, a)
    assert titles(store, day) == ["A", "A", "B"]
    assert core.get_block(store, dup).steps == (BlockStep("Silent", 8), BlockStep("Share", 12))


@pytest.mark.parametrize("minutes", [0, -5, 721, 10**9])
def test_out_of_range_durations_are_refused(store, minutes):
    day = core.add_day(store, "2026-12-03")
    with pytest.raises(ValidationError, match="between 1 and"):
        core.add_block(store, day, "A", planned_minutes=minutes)


@pytest.mark.parametrize("date, start, end", [
    ("2026-13-01", "09:00", "17:00"), ("tomorrow", "09:00", "17:00"),
    ("2026-12-03", "25:00", "17:00"), ("2026-12-03", "9h", "17:00"),
    ("2026-12-03", "17:00", "09:00"),
])
def test_bad_days_are_refused(store, date, start, end):
    with pytest.raises(ValidationError):
        core.add_day(store, date, start, end)
    assert core.list_days(store) == []


def test_deleting_a_day_deletes_its_blocks(store):
    day = core.add_day(store, "2026-12-03")
    core.add_block(store, day, "A")
    core.remove_day(store, day)
    assert core.list_blocks(store) == []


def test_two_day_template_follows_the_method(store):
    apply_template(store, "two_day", ["2026-12-03", "2026-12-04"], "en")
    days = core.schedule(store)
    assert len(days) == 2
    exercises = [b.block.exercise for d in days for b in d.blocks if b.block.exercise]
    assert exercises.index("trends") < exercises.index("ideation") < exercises.index("arbitration") \
        < exercises.index("governance") < exercises.index("roadmap")
    assert all(d.overflow_minutes == 0 for d in days)


def test_template_titles_are_in_the_seminar_language(store):
    apply_template(store, "one_day", ["2026-12-03"], "fr")
    assert "Déjeuner" in [b.title for b in core.list_blocks(store)]
