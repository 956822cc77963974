"""Kill -9 at any moment: the file stays sound and every acknowledged commit survives.

A child process (``child.py``) works on a real seminar file through the core and prints
``ack ...`` after each commit returned; the parent kills it with SIGKILL and checks the
file as the next start of the app would find it. Copies (Save a copy as, snapshots,
restore) and migrations are paused by the child at chosen points and killed there.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from workshop_app.schema import SCHEMA_VERSION
from workshop_app.snapshots import folder_for, list_snapshots, take_snapshot
from workshop_app.store import check_file, create_store, open_store

from .killing import dump, integrity, kill, kill_cycles, prepare_seminar, spawn, wait_for

FIXTURE_V1 = Path(__file__).parents[1] / "fixtures" / "v1.workshop"
V1_COLUMNS = {
    "seminar": ["id", "title", "organisation", "language", "summary", "created_at"],
    "participants": ["id", "name", "function", "email", "position"],
    "days": ["id", "date", "start", "end", "position"],
    "blocks": ["id", "day_id", "position", "title", "kind", "planned_minutes", "exercise", "instructions",
               "notes", "flexible"],
    "timer_events": ["id", "block_id", "kind", "at", "seconds"],
    "run_state": ["id", "current_block_id", "screen"],
}
KILLS = 50


def test_kill_9_loses_no_acknowledged_commit(tmp_path):
    path = tmp_path / "seminar.workshop"
    prepare_seminar(path)
    summary = kill_cycles(path, KILLS, seed=20261203)
    assert summary.kills == KILLS
    assert summary.acks > KILLS  # the children did real work between the kills
    assert summary.ballots > 10


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("WORKSHOP_STRESS"),
                    reason="on demand: WORKSHOP_STRESS=1, or python scripts/stress_kill.py")
def test_stress_500_kills(tmp_path):
    path = tmp_path / "stress.workshop"
    prepare_seminar(path)
    summary = kill_cycles(path, 500, seed=int(os.environ.get("WORKSHOP_STRESS_SEED", "1")))
    assert summary.kills == 500 and summary.acks > 500


def test_a_new_seminar_killed_before_its_first_close_opens_with_everything(tmp_path):
    """Its main file has no identity yet (written at the first checkpoint): only the journal has it."""
    from workshop_app import participants

    path = tmp_path / "fresh.workshop"
    lines = _pause_and_kill("fresh", path, 30)
    acked = [int(line.split()[2]) for line in lines if line.startswith("ack participant")]
    assert len(acked) == 30 and Path(f"{path}-wal").stat().st_size > 0
    assert check_file(path) == SCHEMA_VERSION
    store = open_store(path)
    assert [p.id for p in participants.list_participants(store)] == acked
    store.close()


def _big_seminar(path: Path) -> dict:
    from workshop_app import participants

    store = create_store(path, "Copy test", "Org", "en")
    participants.add_many(store, [(f"Person {n}", "x" * 200, "") for n in range(150)])
    store.close()
    return dump(path)


def _pause_and_kill(mode: str, *args) -> list[str]:
    proc = spawn(mode, *args)
    try:
        lines = wait_for(proc, "paused")
    except AssertionError:
        kill(proc)
        raise
    return lines + kill(proc)


def _assert_complete_copy_or_none(copy: Path, expected: dict) -> None:
    if copy.exists():
        check_file(copy)
        assert dump(copy) == expected


# --- migration ---------------------------------------------------------------------

def _calls_to_migrate(tmp_path) -> int:
    """Run the migration to the end once, counting the progress-handler calls."""
    path = tmp_path / "calibrate" / "old.workshop"
    path.parent.mkdir()
    shutil.copy(FIXTURE_V1, path)
    proc = spawn("migrate", path, -1)
    lines = wait_for(proc, "total")
    proc.wait()
    proc.stdout.close()
    proc.stderr.close()
    assert f"ack migrated {SCHEMA_VERSION}" in lines
    return int(lines[-1].split()[1])


def test_killed_during_migration_the_original_is_intact(tmp_path):
    before = dump(FIXTURE_V1, V1_COLUMNS)
    total = _calls_to_migrate(tmp_path)
    assert total > 8
    points = sorted({1, 2, *(total * k // 8 for k in range(1, 8)), total})
    versions = set()
    for point in points:
        path = tmp_path / f"at-{point}" / "old.workshop"
        path.parent.mkdir()
        shutil.copy(FIXTURE_V1, path)
        lines = _pause_and_kill("migrate", path, point)
        assert not [line for line in lines if line.startswith("ack migrated")]
        # the file is sound, its content is what it was, at the old version or a later one
        assert check_file(path) >= 1
        assert integrity(path) == "ok"
        assert dump(path, V1_COLUMNS) == before
        conn = __import__("sqlite3").connect(f"file:{path}?mode=ro", uri=True)
        versions.add(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.close()
        # the safety copy, if taken, is complete and still version 1
        for snap in list_snapshots(path):
            assert check_file(snap.path) == 1
            assert dump(snap.path, V1_COLUMNS) == before
        # and the next start finishes the migration
        store = open_store(path)
        assert store.schema_version == SCHEMA_VERSION
        store.close()
        assert check_file(path) == SCHEMA_VERSION
        assert dump(path, V1_COLUMNS) == before
    assert len(versions) >= 2, f"the kills all landed at the same version: {versions}"


# --- Save a copy as ---------------------------------------------------------------

@pytest.mark.parametrize("point", ["copy:1", "copy:20", "fsync:1", "replace:1", "after:1"])
def test_killed_during_save_a_copy(tmp_path, point):
    path = tmp_path / "seminar.workshop"
    before = _big_seminar(path)
    target = tmp_path / "copies" / "copy.workshop"
    target.parent.mkdir()
    _pause_and_kill("backup", path, target, point)
    check_file(path)
    assert dump(path) == before
    _assert_complete_copy_or_none(target, before)
    if point == "after:1":
        assert target.exists()
    # nothing but a hidden temporary file (and its journal) may be left beside it
    assert all(p.name.startswith(".backup-") and p.name.endswith((".tmp", ".tmp-journal"))
               for p in target.parent.iterdir() if p != target)


# --- snapshots ----------------------------------------------------------------------

@pytest.mark.parametrize("point", ["copy:1", "copy:20", "fsync:1", "replace:1", "after:1"])
def test_killed_during_a_snapshot(tmp_path, point):
    path = tmp_path / "seminar.workshop"
    before = _big_seminar(path)
    _pause_and_kill("snapshot", path, point)
    check_file(path)
    assert dump(path) == before
    found = list_snapshots(path)
    assert len(found) <= 1
    for snap in found:
        _assert_complete_copy_or_none(snap.path, before)
    if point == "after:1":
        assert len(found) == 1


@pytest.mark.parametrize("point", ["copy:3", "fsync:1", "replace:1", "fsync:2", "replace:2", "after:2"])
def test_killed_during_a_restore(tmp_path, point):
    from workshop_app import participants

    path = tmp_path / "seminar.workshop"
    old = _big_seminar(path)
    store = open_store(path)
    snap = take_snapshot(path, store.conn, "manual")
    participants.add_participant(store, "Added after the snapshot")
    store.close()
    new = dump(path)
    _pause_and_kill("restore", path, snap, point)
    check_file(path)
    now = dump(path)
    assert now in (old, new)
    assert dump(snap) == old  # the snapshot itself is untouched
    for found in list_snapshots(path):
        check_file(found.path)
        assert dump(found.path) in (old, new)
    if now == old:  # restored: the state it replaced was kept aside
        assert any(s.reason == "before-restore" and dump(s.path) == new for s in list_snapshots(path))
    # beside the snapshots, at most the hidden temporary file of the copy being made
    assert all(p.suffix == ".workshop" or p.name.startswith(".snap-") for p in folder_for(path).iterdir())
