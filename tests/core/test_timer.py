"""Timers folded from events with a fake clock: exact after pauses, restarts and sleep."""

from __future__ import annotations

from workshop_app import agenda, run
from workshop_app.domain import BlockStep
from workshop_app.store import open_store
from workshop_app.timer import TimerEvent, compute, current_step, format_seconds


def test_pause_resume_extend():
    t0 = 1000.0
    events = [TimerEvent("started", t0), TimerEvent("paused", t0 + 300), TimerEvent("resumed", t0 + 900),
              TimerEvent("extended", t0 + 950, 60)]
    state = compute(10, events, now=t0 + 1200)
    assert state.status == "running"
    assert state.elapsed == 600
    assert state.planned == 660
    assert state.remaining == 60


def test_overtime_counts_up():
    state = compute(1, [TimerEvent("started", 0)], now=60 + 133)
    assert state.overtime
    assert format_seconds(state.remaining) == "+02:13"


def test_format():
    assert format_seconds(600) == "10:00"
    assert format_seconds(59.2) == "01:00"  # never shows 00:59 while a fraction is left
    assert format_seconds(3725) == "1:02:05"
    assert format_seconds(0) == "00:00"


def test_finished_then_resumed():
    events = [TimerEvent("started", 0), TimerEvent("finished", 100), TimerEvent("resumed", 500)]
    assert compute(5, events, now=550).elapsed == 150


def test_steps_follow_elapsed_time():
    steps = (BlockStep("Silent ideation", 8), BlockStep("Sharing", 12))
    assert current_step(steps, 0).index == 0
    step = current_step(steps, 8 * 60 + 30)
    assert step.index == 1 and step.remaining == 11 * 60 + 30
    assert current_step(steps, 30 * 60).index == 1


def _day(store):
    day = agenda.add_day(store, "2026-12-03", "09:00", "12:00")
    ids = [agenda.add_block(store, day, t, planned_minutes=m) for t, m in
           (("Opening", 30), ("Trends", 60), ("Break", 15), ("Ideation", 60))]
    return day, ids


def test_reopening_mid_timer_is_exact(tmp_path, clock):
    from workshop_app.store import create_store

    path = tmp_path / "t.workshop"
    s = create_store(path, "T")
    _day(s)
    runner = run.Runner(s, clock)
    runner.start_or_pause()
    clock.advance(7 * 60)
    s.close()  # the app crashes or is closed here
    clock.advance(3 * 60)
    again = open_store(path)
    state = run.Runner(again, clock).state()
    assert state.running and state.elapsed == 10 * 60 and state.remaining == 20 * 60
    again.close()


def test_laptop_sleeps_fifty_minutes(store, clock):
    _day(store)
    runner = run.Runner(store, clock)
    runner.start_or_pause()
    clock.advance(50 * 60)  # nothing ticked meanwhile
    state = runner.state()
    assert state.overtime and format_seconds(state.remaining) == "+20:00"


def test_next_finishes_and_starts(store, clock):
    _, ids = _day(store)
    runner = run.Runner(store, clock)
    runner.start_or_pause()
    clock.advance(100)
    runner.go(+1)
    assert runner.current().id == ids[1]
    assert run.timer_state(store, agenda.get_block(store, ids[0]), clock).status == "finished"
    assert runner.state().running
    runner.go(-1)
    assert runner.current().id == ids[0]
    assert runner.state().status == "finished"
    runner.skip()
    assert runner.current().id == ids[1]
