"""Secret rounds: no link from a ballot to its voter or to the voting order; one vote each.

The arbitration stage's tests (tests/exercises/test_arbitration_logic.py) prove the booth
itself: no voter, no time and random tokens in ``ballots``
(``test_secret_ballots_keep_no_voter_no_time_and_random_tokens``), no byte keeping the
casting order once a round is closed (``test_closing_rewrites_the_file_so_no_byte_keeps_the_casting_order``),
a second ballot refused (``test_a_second_ballot_is_refused``) also when two connections
race in threads (``test_two_connections_racing_for_one_person_give_one_ballot``), voiding
only while the app runs. Here: that casting leaves no trace anywhere else in the file,
and the single vote when two *processes* race.
"""

from __future__ import annotations

import random
import sqlite3

import pytest

from exercises.arbitration import logic as arbitration
from exercises.ideation import initiatives
from workshop_app import participants
from workshop_app.store import create_store

from .killing import dump, kill, spawn, wait_for

VOTERS = 12


@pytest.fixture
def secret_round(tmp_path):
    store = create_store(tmp_path / "vote.workshop", "Secret vote", "Org", "en")
    people = [participants.add_participant(store, f"Voter {n}") for n in range(VOTERS)]
    options = [initiatives.create_initiative(store, title=f"Initiative {n}") for n in range(2)]
    rid = arbitration.create_round(store, "Split 100 points", "points100", options, "secret")
    yield store, rid, people, options
    if store.conn is not None:
        store.close()


def test_casting_secret_ballots_leaves_no_trace_outside_the_booth(secret_round):
    store, rid, people, options = secret_round
    before = dump(store.path)
    keys = arbitration.VoteKeys()
    for rank, pid in enumerate(random.Random(7).sample(people, len(people))):
        arbitration.cast_ballot(store, rid, pid, {options[0]: 3 + 7 * rank, options[1]: 97 - 7 * rank},
                                seal_key=keys.key(rid))
    after = dump(store.path)
    # no log, no counter, no timestamp anywhere else: only the two tables of the booth changed
    assert {t for t in after if after[t] != before[t]} == {"ballots", "vote_marks"}
    assert [r[1] for r in store.conn.execute("PRAGMA table_info(ballots)")] == \
        ["token", "round_id", "voter_id", "seal", "content"]
    assert store.scalar("SELECT count(*) FROM ballots WHERE voter_id IS NOT NULL") == 0
    assert "WITHOUT ROWID" in store.scalar("SELECT sql FROM sqlite_master WHERE name = 'vote_marks'")
    assert store.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'") == 0


def test_two_processes_racing_for_the_same_voter_record_one_ballot(secret_round, tmp_path):
    store, rid, people, _options = secret_round
    store.close()
    for attempt, pid in enumerate(people[:3]):
        go = tmp_path / f"go-{attempt}"
        procs = [spawn("race", store.path, rid, pid, go) for _ in range(2)]
        try:
            for proc in procs:
                wait_for(proc, "ready")
            go.touch()  # both cast at once
            outcomes = []
            for proc in procs:
                out, err = proc.communicate(timeout=60)
                assert proc.returncode == 0, err
                outcomes.append(out.strip())
        finally:
            for proc in procs:
                if proc.poll() is None:
                    kill(proc)
        assert sorted(o.split()[0] for o in outcomes) == ["ok", "refused"], outcomes
        assert any("has already voted" in o for o in outcomes), outcomes
    conn = sqlite3.connect(store.path)
    counts = conn.execute("SELECT (SELECT count(*) FROM ballots), (SELECT count(*) FROM vote_marks)").fetchone()
    conn.close()
    assert counts == (3, 3)
