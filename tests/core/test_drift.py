"""Drift: planned against actual, projected end of day, and the proposal to absorb it."""

from __future__ import annotations

from datetime import datetime

from workshop_app import agenda, run


def at(hhmm: str) -> float:
    return datetime.fromisoformat(f"2026-12-03T{hhmm}:00").timestamp()


def setup_day(store, end="12:30"):
    day = agenda.add_day(store, "2026-12-03", "09:00", end)
    spec = (("Opening", 30, False), ("Trends", 60, True), ("Break", 15, False), ("Ideation", 60, True),
            ("Wrap-up", 30, True))
    ids = [agenda.add_block(store, day, t, planned_minutes=m, flexible=f,
                            kind="break" if t == "Break" else "plenary") for t, m, f in spec]
    return day, ids


def test_on_time_before_start(store, clock):
    day, _ = setup_day(store)
    clock.set(at("08:30"))
    drift = run.day_drift(store, clock, day)
    assert drift.behind_minutes == 0
    assert run.propose_absorb(store, clock, day) is None


def test_seventeen_minutes_behind(store, clock):
    day, ids = setup_day(store)
    runner = run.Runner(store, clock)
    clock.set(at("09:00"))
    runner.start_or_pause()
    clock.set(at("09:47"))  # opening ran 47 min instead of 30
    runner.go(+1)
    drift = run.day_drift(store, clock, day)
    assert round(drift.behind_minutes) == 17
    assert drift.planned_end == 12 * 60 + 15
    assert round(drift.projected_end) == 12 * 60 + 32
    assert round(drift.overrun_minutes) == 2  # the day ends at 12:30
    opening = drift.blocks[0]
    assert opening.planned_minutes == 30 and round(opening.actual_minutes) == 47


def test_absorb_shortens_flexible_blocks_in_proportion(store, clock):
    day, ids = setup_day(store, end="12:15")
    runner = run.Runner(store, clock)
    clock.set(at("09:00"))
    runner.start_or_pause()
    clock.set(at("09:45"))
    runner.go(+1)  # trends starts at 09:45, 15 min late
    proposal = run.propose_absorb(store, clock, day)
    assert proposal.behind_minutes == 15
    # trends is running (not shortened); ideation 60 and wrap-up 30 share 15 min: 10 and 5
    assert proposal.new_minutes == {ids[3]: 50, ids[4]: 25}
    assert proposal.move_to_next_day == () and proposal.unabsorbed_minutes == 0
    run.apply_absorb(store, proposal)
    after = run.day_drift(store, clock, day)
    assert round(after.overrun_minutes) == 0
    assert round(after.behind_minutes) == 15  # the room is still late now; the end is saved


def test_slack_in_the_day_needs_no_absorbing(store, clock):
    day, ids = setup_day(store, end="12:30")
    runner = run.Runner(store, clock)
    clock.set(at("09:00"))
    runner.start_or_pause()
    clock.set(at("09:40"))
    runner.go(+1)
    assert round(run.day_drift(store, clock, day).behind_minutes) == 10
    assert run.propose_absorb(store, clock, day) is None


def test_absorb_moves_blocks_to_the_next_day_when_shortening_is_not_enough(store, clock):
    day, ids = setup_day(store, end="12:15")
    day2 = agenda.add_day(store, "2026-12-04")
    agenda.add_block(store, day2, "Recap")
    runner = run.Runner(store, clock)
    clock.set(at("09:00"))
    runner.start_or_pause()
    clock.set(at("11:00"))  # a 2-hour opening
    runner.go(+1)
    proposal = run.propose_absorb(store, clock, day)
    assert proposal.behind_minutes == 90
    assert ids[4] in proposal.move_to_next_day
    run.apply_absorb(store, proposal)
    assert [b.title for b in agenda.list_blocks(store, day2)] == ["Ideation", "Wrap-up", "Recap"]
    assert [b.planned_minutes for b in agenda.list_blocks(store, day2)][:2] == [60, 30]


def test_day_two_opens_where_day_one_ended(store, clock):
    day, ids = setup_day(store)
    day2 = agenda.add_day(store, "2026-12-04")
    recap = agenda.add_block(store, day2, "Recap")
    runner = run.Runner(store, clock)
    run.set_current(store, ids[-1])
    runner.start_or_pause()
    clock.advance(60)
    runner.go(+1)
    assert runner.current().id == recap


def test_a_day_run_on_another_date_is_anchored_on_its_actual_start(store, clock):
    day, ids = setup_day(store)
    runner = run.Runner(store, clock)
    clock.set(datetime.fromisoformat("2026-11-22T16:40:00").timestamp())  # a rehearsal
    runner.start_or_pause()
    clock.advance(40 * 60)  # the opening overruns by 10 min
    drift = run.day_drift(store, clock, day)
    assert round(drift.behind_minutes) == 10
    assert round(drift.projected_end) == 16 * 60 + 40 + 40 + 60 + 15 + 60 + 30
