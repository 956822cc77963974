"""Closing a secret round seals the file, or says it could not and keeps trying (issue #17, 1-5).

"Sealed" means no byte of the file or its journal keeps the order in which the ballots
were cast: the file was rewritten in key order and the journal emptied.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from exercises.arbitration import logic as arbitration
from exercises.arbitration import rounds
from workshop_app.snapshots import list_snapshots, take_snapshot
from workshop_app.store import check_file, open_store

from .sealing import file_bytes, keeps_casting_order, secret_round_with_ballots


@pytest.fixture
def cast(tmp_path):
    found = secret_round_with_ballots(tmp_path)
    yield found
    if found[0].conn is not None:
        found[0].close()


def _wal(path: Path) -> int:
    wal = Path(f"{path}-wal")
    return wal.stat().st_size if wal.exists() else 0


class _FailingVacuum:
    """A connection on a full disk: VACUUM fails as SQLite reports it."""

    def __init__(self, conn):
        self._conn = conn

    def execute(self, sql, *args):
        if sql.strip().upper().startswith("VACUUM"):
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


# 1 ----------------------------------------------------------------------------------

def test_a_close_that_cannot_seal_says_so_shows_it_and_seals_at_the_next_open(cast):
    store, rid, *_rest = cast
    real = store.conn
    store.conn = _FailingVacuum(real)
    assert arbitration.close_round(store, rid) is False  # closed, but says it is not sealed
    store.conn = real
    rnd = arbitration.require_round(store, rid)
    assert rnd.status == "closed" and store.seal_pending
    assert rounds.round_status_text(store, rnd) == "Closed, not yet sealed"
    path = store.path
    store.conn.close()  # the app stops without closing the file cleanly
    store.conn = None
    assert keeps_casting_order(path) or _wal(path) > 0  # the secret is still in the bytes
    again = open_store(path)  # the next open seals it first
    assert not again.seal_pending
    assert rounds.round_status_text(again, arbitration.require_round(again, rid)) == "Closed"
    assert not keeps_casting_order(path) and _wal(path) == 0
    again.close()


def test_a_pending_seal_is_retried_at_the_next_idle_moment(cast):
    store, rid, *_rest = cast
    real = store.conn
    store.conn = _FailingVacuum(real)
    assert arbitration.close_round(store, rid) is False
    store.conn = real
    assert store.seal() is True  # what the app's idle timer calls
    assert not store.seal_pending
    assert not keeps_casting_order(store.path) and _wal(store.path) == 0


def test_a_sealed_close_reports_it(cast):
    store, rid, *_rest = cast
    assert arbitration.close_round(store, rid) is True
    assert not store.seal_pending
    assert not keeps_casting_order(store.path) and _wal(store.path) == 0


# 2 ----------------------------------------------------------------------------------

def test_copies_taken_while_a_round_is_open_never_keep_the_casting_order(cast, tmp_path):
    store, rid, people, _options, _keys, contents = cast
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert keeps_casting_order(store.path)  # the open round's file does, as SQLite wrote it
    snapshot = take_snapshot(store.path, store.conn, "day-1")
    copy = store.backup_to(tmp_path / "copy.workshop")
    arbitration.close_round(store, rid)
    for taken in (snapshot, copy):
        check_file(taken)
        assert not keeps_casting_order(taken), taken
        assert _wal(taken) == 0
        opened = open_store(taken, read_only=True)
        assert opened.scalar("SELECT count(*) FROM ballots") == len(people)
        assert sorted(r["content"] for r in opened.query("SELECT content FROM ballots")) == sorted(contents.values())
        opened.close()
    assert [s.path for s in list_snapshots(store.path)] == [snapshot]


# 4 ----------------------------------------------------------------------------------

def test_a_voided_ballot_leaves_no_trace_in_the_file(cast):
    store, rid, people, _options, keys, contents = cast
    assert store.scalar("PRAGMA secure_delete") == 1
    voided = people[3]
    assert contents[voided].encode() in file_bytes(store.path)
    arbitration.void_ballot(store, rid, voided, "Voted for the wrong round", 10.0, seal_key=keys.key(rid))
    data = file_bytes(store.path)
    assert contents[voided].encode() not in data  # not in a free cell, not in an old journal frame
    assert all(contents[p].encode() in data for p in people if p != voided)
    assert store.query("SELECT participant_id FROM ballot_voids") == [{"participant_id": voided}]


def test_a_deleted_round_leaves_no_ballot_in_the_file(cast):
    store, rid, people, _options, _keys, contents = cast
    arbitration.close_round(store, rid)
    arbitration.delete_round(store, rid)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = file_bytes(store.path)
    assert not [p for p in people if contents[p].encode() in data]


# 5 ----------------------------------------------------------------------------------

def test_a_busy_reader_does_not_hang_the_close(cast):
    store, rid, *_rest = cast
    reader = sqlite3.connect(store.path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM ballots").fetchone()  # holds a read transaction
    try:
        started = time.monotonic()
        sealed = arbitration.close_round(store, rid)
        elapsed = time.monotonic() - started
    finally:
        reader.rollback()
        reader.close()
    assert elapsed < 1.5, elapsed
    assert sealed is False and store.seal_pending
    assert arbitration.require_round(store, rid).status == "closed"
    assert store.seal() is True and not keeps_casting_order(store.path) and _wal(store.path) == 0


def test_the_idle_retry_does_not_hang_either(cast):
    store, rid, *_rest = cast
    store.conn = _FailingVacuum(store.conn)
    arbitration.close_round(store, rid)
    store.conn = store.conn._conn
    reader = sqlite3.connect(store.path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM ballots").fetchone()
    started = time.monotonic()
    assert store.seal() is False
    assert time.monotonic() - started < 1.5
    reader.rollback()
    reader.close()
    assert store.seal() is True


def test_sealing_from_another_thread_waits_for_the_action_in_progress(cast):
    """The phone server's thread and the UI share one store: the seal never runs inside an action."""
    store, rid, *_rest = cast
    arbitration.close_round(store, rid)
    results = []
    with store.action() as db:
        worker = threading.Thread(target=lambda: results.append(store.seal()))
        worker.start()
        time.sleep(0.2)
        db["participants"].insert({"name": "Late"})
    worker.join(5)
    assert results in ([True], [False]) and store.scalar("SELECT count(*) FROM participants WHERE name = 'Late'") == 1


def test_the_rounds_list_shows_closed_not_yet_sealed_until_the_seal(cast, qtbot):
    from exercises.arbitration.console_models import RoundsModel

    store, rid, *_rest = cast
    real = store.conn
    store.conn = _FailingVacuum(real)
    arbitration.close_round(store, rid)
    store.conn = real
    model = RoundsModel(store)
    status = model.index(0, 4)
    assert model.data(status) == "Closed, not yet sealed"
    assert store.seal()
    model.refresh()
    assert model.data(model.index(0, 4)) == "Closed"


def test_the_demo_is_written_sealed(tmp_path):
    from exercises.demo import build_demo

    store = build_demo(tmp_path / "demo.workshop", "en")
    assert not store.seal_pending
    store.close()
