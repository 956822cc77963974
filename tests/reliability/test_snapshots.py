"""Snapshots: one at the start of each seminar day, one before a migration, a retention
limit, and restores that keep the state they replace."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from workshop_app import agenda, participants
from workshop_app.snapshots import (KEEP, folder_for, list_snapshots, restore_snapshot,
                                    snapshot_before_migration, take_snapshot)
from workshop_app.store import StoreError, check_file, create_store, open_store

from .conftest import digest, folder_state
from .killing import dump

FIXTURE_V1 = Path(__file__).parents[1] / "fixtures" / "v1.workshop"


@pytest.fixture
def no_exercise_tabs(monkeypatch):
    """The console without the exercises' tabs: these tests are about the file, not the stages."""
    import ui.console

    monkeypatch.setattr(ui.console, "exercise_tabs", lambda session: [])


def _two_days(path: Path):
    store = create_store(path, "Two days", "Org", "en")
    days = [agenda.add_day(store, date, "09:00", "12:00") for date in ("2026-12-03", "2026-12-04")]
    blocks = {day: [agenda.add_block(store, day, f"Block {n}", planned_minutes=30) for n in range(2)]
              for day in days}
    return store, days, blocks


def test_a_snapshot_is_taken_when_the_first_block_of_each_day_starts(tmp_path, qtbot, clock):
    from ui.run_panel import RunPanel
    from ui.session import Session
    from ui.shared_screen import SharedScreen

    store, days, _blocks = _two_days(tmp_path / "days.workshop")
    session = Session(store, clock)
    screen = SharedScreen(session)
    panel = RunPanel(session, screen)
    qtbot.addWidget(panel)
    qtbot.addWidget(screen)
    assert list_snapshots(store.path) == []
    participants.add_participant(store, "Ann")
    panel.start_or_pause()  # day 1, first block
    snaps = list_snapshots(store.path)
    assert [s.reason for s in snaps] == [f"day-{days[0]}"]
    assert [p.name for p in participants.list_participants(open_store(snaps[0].path, read_only=True))] == ["Ann"]
    clock.advance(60)
    panel.start_or_pause()  # pause, resume, next block: still day 1
    panel.start_or_pause()
    panel.next_block()
    assert len(list_snapshots(store.path)) == 1
    panel.next_block()  # day 2's first block, shown (PageDown no longer starts it)
    panel.start_or_pause()  # day 2's first block starts
    assert sorted(s.reason for s in list_snapshots(store.path)) == sorted(f"day-{d}" for d in days)
    panel.previous_block()
    panel.next_block()
    assert len(list_snapshots(store.path)) == 2  # once per day, however often it is entered
    for snap in list_snapshots(store.path):
        check_file(snap.path)
    session.close()


def test_opening_an_old_file_keeps_a_copy_before_the_migration(tmp_path, qtbot, messages, no_exercise_tabs):
    from ui.main_window import MainWindow

    path = tmp_path / "old.workshop"
    shutil.copy(FIXTURE_V1, path)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_file(str(path)) is True
    assert messages == []
    window.close_seminar()
    snaps = list_snapshots(path)
    assert [s.reason for s in snaps] == ["migration-v1"]
    assert check_file(snaps[0].path) == 1
    assert digest(snaps[0].path) != digest(path)
    assert dump(snaps[0].path) == dump(FIXTURE_V1)  # the file exactly as it was before the update


def test_no_migration_without_its_safety_copy(tmp_path, qtbot, messages):
    from ui.main_window import MainWindow

    path = tmp_path / "old.workshop"
    shutil.copy(FIXTURE_V1, path)
    folder_for(path).write_text("a file where the snapshot folder should be")  # the copy cannot be written
    before = folder_state(tmp_path)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_file(str(path)) is False
    assert "safety copy could not be written" in messages[0][1]
    assert folder_state(tmp_path) == before  # left unchanged, at version 1
    assert check_file(path) == 1


def test_only_the_newest_snapshots_are_kept(tmp_path):
    store = create_store(tmp_path / "keep.workshop", "Keep", "Org", "en")
    start = datetime(2026, 12, 3, 9, 0, 0)
    for n in range(KEEP + 5):
        assert take_snapshot(store.path, store.conn, f"day-{n}", now=start + timedelta(minutes=n)) is not None
    kept = list_snapshots(store.path)
    assert len(kept) == KEEP
    assert [s.reason for s in kept] == [f"day-{n}" for n in reversed(range(5, KEEP + 5))]
    assert sorted(p.name for p in folder_for(store.path).iterdir()) == sorted(s.path.name for s in kept)
    store.close()


def _state(path: Path) -> list[str]:
    store = open_store(path)
    names = [p.name for p in participants.list_participants(store)]
    store.close()
    return names


def test_restore_goes_back_and_keeps_the_state_it_replaced(tmp_path):
    path = tmp_path / "restore.workshop"
    store = create_store(path, "Restore", "Org", "en")
    participants.add_participant(store, "Ann")
    snap = take_snapshot(path, store.conn, "manual", now=datetime(2026, 12, 3, 9, 0))
    participants.add_participant(store, "Bob")
    store.close()
    restore_snapshot(path, snap)
    assert _state(path) == ["Ann"]
    before_restore = [s for s in list_snapshots(path) if s.reason == "before-restore"]
    assert len(before_restore) == 1
    restore_snapshot(path, before_restore[0].path)  # a restore can itself be undone
    assert _state(path) == ["Ann", "Bob"]
    assert check_file(path)


def test_restore_the_oldest_snapshot_when_the_folder_is_full(tmp_path):
    path = tmp_path / "full.workshop"
    store = create_store(path, "Full", "Org", "en")
    start = datetime(2020, 12, 3, 9, 0, 0)  # in the past: the restores' own snapshots come after
    for n in range(KEEP):
        participants.add_participant(store, f"Person {n}")
        take_snapshot(path, store.conn, f"day-{n}", now=start + timedelta(minutes=n))
    store.close()
    restore_snapshot(path, list_snapshots(path)[0].path)  # a first restore: KEEP + 1 snapshots now
    assert len(list_snapshots(path)) == KEEP + 1
    oldest = list_snapshots(path)[-1]
    assert oldest.reason == "day-0"
    restore_snapshot(path, oldest.path)  # the chosen one must not be pruned away on the way
    assert _state(path) == ["Person 0"]


def test_restore_over_a_damaged_file_keeps_its_bytes_aside(tmp_path):
    path = tmp_path / "damaged.workshop"
    store = create_store(path, "Damaged", "Org", "en")
    participants.add_participant(store, "Ann")
    snap = take_snapshot(path, store.conn, "manual", now=datetime(2026, 12, 3, 9, 0))
    store.close()
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)  # the disk ate it
    damaged = digest(path)
    restore_snapshot(path, snap)
    assert _state(path) == ["Ann"]
    kept = [s for s in list_snapshots(path) if s.reason == "before-restore"]
    assert len(kept) == 1 and digest(kept[0].path) == damaged


def test_restoring_a_damaged_snapshot_is_refused_and_changes_nothing(tmp_path):
    path = tmp_path / "seminar.workshop"
    store = create_store(path, "Seminar", "Org", "en")
    participants.add_many(store, [(f"Person {n}", "x" * 100, "") for n in range(300)])
    snap = take_snapshot(path, store.conn, "manual", now=datetime(2026, 12, 3, 9, 0))
    store.close()
    data = bytearray(snap.read_bytes())
    for offset in range(4096 * 2, len(data), 997):
        data[offset] ^= 0xFF
    snap.write_bytes(bytes(data))
    before = folder_state(tmp_path), folder_state(folder_for(path))
    with pytest.raises(StoreError, match="damaged"):
        restore_snapshot(path, snap)
    assert (folder_state(tmp_path), folder_state(folder_for(path))) == before


def test_before_migration_callback_refuses_when_no_copy_can_be_made(tmp_path):
    path = tmp_path / "old.workshop"
    shutil.copy(FIXTURE_V1, path)
    folder_for(path).write_text("blocked")
    before = digest(path)
    with pytest.raises(StoreError, match="left unchanged"):
        open_store(path, before_migration=snapshot_before_migration(path))
    assert digest(path) == before
