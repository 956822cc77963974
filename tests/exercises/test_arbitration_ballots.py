"""Arbitration ballots, Qt-free: secrecy in storage, one vote per person, voiding."""

from __future__ import annotations

import json
import random
import threading
from pathlib import Path

import pytest

from exercises.arbitration import logic
from workshop_app.domain import ValidationError

from tests.exercises.arbitration_fixtures import (  # noqa: F401 - fixtures and helpers
    ROOT, _grades, _initiatives, _other_connections, _people, demo, demo_path, seminar)


# --- secrecy in storage ----------------------------------------------------------------------

def test_secret_ballots_keep_no_voter_no_time_and_random_tokens(seminar, clock):
    store, people, options = seminar
    rid = logic.create_round(store, "Q", "majority", options)
    keys = logic.VoteKeys()
    rng = random.Random(3)
    cast_tokens = []
    for pid in people:
        before = {r["token"] for r in store.query("SELECT token FROM ballots")}
        logic.cast_ballot(store, rid, pid, _grades(options, [rng.randrange(6) for _ in options]), keys.key(rid))
        new = {r["token"] for r in store.query("SELECT token FROM ballots")} - before
        cast_tokens.append(new.pop())
    rows = store.query("SELECT * FROM ballots WHERE round_id = ?", (rid,))
    assert len(rows) == 12 and all(r["voter_id"] is None for r in rows)
    assert cast_tokens != sorted(cast_tokens) and cast_tokens != sorted(cast_tokens, reverse=True)
    assert all(0 < t < 2 ** 63 for t in cast_tokens)
    stored_order = [r["token"] for r in store.query("SELECT token FROM ballots WHERE round_id = ?", (rid,))]
    assert stored_order == sorted(cast_tokens)  # storage follows the random key, not the casting order
    for table in ("ballots", "vote_marks"):
        columns = {r["name"] for r in store.query(f"PRAGMA table_info({table})")}
        assert not columns & {"at", "time", "created_at", "cast_at", "timestamp"}
    assert {tuple(sorted(r)) for r in store.query("SELECT * FROM vote_marks")} == {("participant_id", "round_id")}
    text = json.dumps(store.query("SELECT * FROM ballots"))
    assert str(int(clock.now())) not in text
    seals = {r["seal"] for r in rows}
    assert len(seals) == 12  # one per voter, meaningless without the key
    assert logic.seal(keys.key(rid), rid, people[0]) in seals
    assert logic.seal(logic.VoteKeys().key(rid), rid, people[0]) not in seals
    assert len(store.query("SELECT * FROM vote_marks WHERE round_id = ?", (rid,))) == 12


def _leaf_cell_offsets(path: Path, table: str) -> list[int]:
    """The cell pointers of a one-page b-tree, in key order (raw bytes of the file)."""
    import sqlite3

    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = path.read_bytes()
    start = (root - 1) * page_size
    header = start + (100 if root == 1 else 0)
    assert data[header] in (0x0D, 0x0A), "expected a single leaf page"
    count = int.from_bytes(data[header + 3:header + 5], "big")
    return [int.from_bytes(data[header + 8 + 2 * i:header + 10 + 2 * i], "big") for i in range(count)]


def test_closing_rewrites_the_file_so_no_byte_keeps_the_casting_order(seminar):
    store, people, options = seminar
    rid = logic.create_round(store, "Q", "approval", options)
    for pid in people:
        logic.cast_ballot(store, rid, pid, [options[pid % 4]])
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # Without the rewrite SQLite would keep the order of insertion in the cells' places:
    # the b-tree is in key order but the cells sit where they were appended.
    before = _leaf_cell_offsets(store.path, "ballots")
    assert before != sorted(before, reverse=True)
    logic.close_round(store, rid)
    for table in ("ballots", "vote_marks"):
        offsets = _leaf_cell_offsets(store.path, table)
        assert offsets == sorted(offsets, reverse=True), table  # laid out in key order only
    assert store.path.with_name(store.path.name + "-wal").stat().st_size == 0
    assert len(logic.ballot_contents(store, rid)) == 12


def test_open_round_records_the_voter(seminar):
    store, people, options = seminar
    rid = logic.create_round(store, "Q", "dot", options, "open", {"budget": 3, "cap": 2})
    logic.cast_ballot(store, rid, people[0], {options[0]: 2, options[1]: 1})
    assert store.query("SELECT voter_id, seal FROM ballots") == [{"voter_id": people[0], "seal": None}]


# --- one vote per participant per round ----------------------------------------------------

def test_a_second_ballot_is_refused(seminar):
    store, people, options = seminar
    rid = logic.create_round(store, "Q", "approval", options)
    logic.cast_ballot(store, rid, people[0], [options[0]])
    with pytest.raises(ValidationError, match="already voted"):
        logic.cast_ballot(store, rid, people[0], [options[1]])
    assert logic.has_voted(store, rid, people[0]) and not logic.has_voted(store, rid, people[1])
    assert len(logic.voters_missing(store, rid)) == 11
    assert logic.progress(store, rid) == (1, 12)
    assert store.scalar("SELECT count(*) FROM ballots") == 1
    other = logic.create_round(store, "Again", "approval", options)
    logic.cast_ballot(store, other, people[0], [options[1]])  # another round is another vote


def test_two_connections_racing_for_one_person_give_one_ballot(seminar):
    store, people, options = seminar
    rid = logic.create_round(store, "Q", "majority", options)
    stores = _other_connections(store)
    barrier = threading.Barrier(2)
    outcomes: list = []

    def vote(s, grades):
        barrier.wait()
        try:
            logic.cast_ballot(s, rid, people[0], _grades(options, grades))
            outcomes.append("cast")
        except ValidationError as error:
            outcomes.append(str(error))

    threads = [threading.Thread(target=vote, args=(s, [g] * 4)) for s, g in zip(stores, (1, 5))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in stores:
        s.close()
    assert len(outcomes) == 2 and outcomes.count("cast") == 1
    assert "already voted" in [o for o in outcomes if o != "cast"][0]
    assert store.scalar("SELECT count(*) FROM ballots WHERE round_id = ?", (rid,)) == 1
    assert store.scalar("SELECT count(*) FROM vote_marks WHERE round_id = ?", (rid,)) == 1


def test_racing_different_people_both_count(seminar):
    store, people, options = seminar
    rid = logic.create_round(store, "Q", "approval", options)
    stores = _other_connections(store)
    barrier = threading.Barrier(2)
    errors: list = []

    def vote(s, pid):
        barrier.wait()
        try:
            logic.cast_ballot(s, rid, pid, [options[0]])
        except ValidationError as error:  # pragma: no cover - would be the failure
            errors.append(error)

    threads = [threading.Thread(target=vote, args=(s, p)) for s, p in zip(stores, people[:2])]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in stores:
        s.close()
    assert not errors and logic.progress(store, rid)[0] == 2


def test_closed_round_takes_no_ballot_and_hides_results_while_open(seminar):
    store, people, options = seminar
    rid = logic.create_round(store, "Q", "approval", options)
    logic.cast_ballot(store, rid, people[0], [options[0]])
    with pytest.raises(ValidationError, match="hidden"):
        logic.tally_round(store, rid)
    logic.close_round(store, rid)
    with pytest.raises(ValidationError, match="closed"):
        logic.cast_ballot(store, rid, people[1], [options[0]])
    assert not logic.has_voted(store, rid, people[1])
    with pytest.raises(ValidationError):
        logic.close_round(store, rid)
    logic.reveal_round(store, rid)
    with pytest.raises(ValidationError):
        logic.reopen_round(store, rid)


def test_invalid_ballots_are_refused_before_anything_is_stored(seminar):
    store, people, options = seminar
    dot = logic.create_round(store, "Q", "dot", options, config={"budget": 3, "cap": 2})
    with pytest.raises(ValidationError, match="cannot be counted"):
        logic.cast_ballot(store, dot, people[0], {options[0]: 3})
    mj = logic.create_round(store, "Q", "majority", options)
    with pytest.raises(ValidationError, match="every option"):
        logic.cast_ballot(store, mj, people[0], {options[0]: 2})
    assert store.scalar("SELECT count(*) FROM vote_marks") == 0


# --- voiding -----------------------------------------------------------------------------------

def test_void_a_secret_ballot_while_the_app_runs_and_undo_it(seminar, clock):
    store, people, options = seminar
    rid = logic.create_round(store, "Q", "majority", options)
    keys = logic.VoteKeys()
    for pid, grade in zip(people[:3], (0, 3, 5)):
        logic.cast_ballot(store, rid, pid, _grades(options, [grade] * 4), keys.key(rid))
    record = logic.void_ballot(store, rid, people[1], "voted for a colleague", clock.now(), keys.known(rid))
    assert not logic.has_voted(store, rid, people[1])
    contents = logic.ballot_contents(store, rid)
    assert sorted(c[options[0]] for c in contents) == [0, 5]  # exactly that person's ballot went
    voids = logic.list_voids(store, rid)
    assert voids[0]["participant_id"] == people[1] and voids[0]["reason"] == "voted for a colleague"
    logic.undo_void(store, record)
    assert logic.has_voted(store, rid, people[1]) and logic.list_voids(store, rid) == []
    assert sorted(c[options[0]] for c in logic.ballot_contents(store, rid)) == [0, 3, 5]
    logic.void_ballot(store, rid, people[1], "again", clock.now(), keys.known(rid))
    logic.cast_ballot(store, rid, people[1], _grades(options, [4] * 4), keys.key(rid))  # may vote again


def test_after_a_restart_a_secret_ballot_cannot_be_voided(seminar, clock):
    store, people, options = seminar
    rid = logic.create_round(store, "Q", "majority", options)
    logic.cast_ballot(store, rid, people[0], _grades(options, [2] * 4), logic.VoteKeys().key(rid))
    with pytest.raises(ValidationError, match="restarted"):
        logic.void_ballot(store, rid, people[0], "mistake", clock.now(), None)
    with pytest.raises(ValidationError, match="restarted"):  # a new session has a new key
        logic.void_ballot(store, rid, people[0], "mistake", clock.now(), logic.VoteKeys().key(rid))
    with pytest.raises(ValidationError):
        logic.void_ballot(store, rid, people[0], "", clock.now(), None)
    assert logic.has_voted(store, rid, people[0])
