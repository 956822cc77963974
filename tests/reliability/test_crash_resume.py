"""Crash mid-block: the next start resumes on the same block with the exact elapsed time.

The child runs the agenda with a fake clock (start, pause, resume, next block, pause,
resume) and is killed while the second block runs. Timers are stored as events, so
the reopened seminar computes the same state from the clock alone.
"""

from __future__ import annotations

from workshop_app import agenda
from workshop_app.clock import FakeClock
from workshop_app.run import Runner, current_block_id
from workshop_app.store import create_store, open_store

from .killing import kill, spawn, wait_for

T0 = 1_796_000_000.0  # the child's fake "now" when it starts the first block


def _agenda(path):
    store = create_store(path, "Resume", "Org", "en")
    day = agenda.add_day(store, "2026-12-03", "09:00", "12:00")
    blocks = [agenda.add_block(store, day, title, planned_minutes=minutes)
              for title, minutes in (("Opening", 20), ("Trends", 45), ("Break", 15))]
    store.close()
    return blocks


def _crash_mid_block(path) -> list[str]:
    proc = spawn("resume", path, T0)
    try:
        wait_for(proc, "paused mid-block")
    finally:
        lines = kill(proc)
    return lines


def test_reopening_after_a_kill_resumes_the_block_with_the_exact_time(tmp_path):
    path = tmp_path / "resume.workshop"
    opening, trends, _break = _agenda(path)
    _crash_mid_block(path)
    # the child: Opening ran 125 s, paused 40 s, ran 300 s more; Trends ran 200 s, paused 15 s, resumed
    resumed_at = T0 + 125 + 40 + 300 + 200 + 15
    clock = FakeClock(resumed_at + 3600)  # the laptop restarted an hour later
    store = open_store(path)
    runner = Runner(store, clock)
    assert current_block_id(store) == trends
    assert runner.current().title == "Trends"
    state = runner.state()
    assert state.status == "running"
    assert state.elapsed == 200 + 3600
    first = runner.state(agenda.get_block(store, opening))
    assert first.status == "finished" and first.elapsed == 125 + 300
    store.close()


def test_the_console_shows_the_resumed_block_and_its_timer(tmp_path, qtbot):
    from ui.run_panel import RunPanel
    from ui.session import Session
    from ui.shared_screen import SharedScreen

    path = tmp_path / "resume.workshop"
    _agenda(path)
    _crash_mid_block(path)
    resumed_at = T0 + 125 + 40 + 300 + 200 + 15
    clock = FakeClock(resumed_at + 61)
    session = Session(open_store(path), clock)
    screen = SharedScreen(session)
    panel = RunPanel(session, screen)
    qtbot.addWidget(panel)
    qtbot.addWidget(screen)
    assert panel.block_title.text() == "Trends"
    assert panel.timer.text() == "40:39"  # 45 min planned - (200 s + 61 s) elapsed
    assert screen.block_page.title.text() == "Trends"
    assert screen.block_page.timer.text() == "40:39"
    assert panel.buttons["start"].text() == "Pause"  # it is still running
    clock.advance(39)
    session.ticked.emit()
    assert panel.timer.text() == "40:00"
    session.close()
