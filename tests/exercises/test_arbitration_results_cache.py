"""A round's results are computed once per state of their data, and never served stale."""

from __future__ import annotations

import pytest

from exercises.arbitration import logic, tally
from tests.exercises.arbitration_fixtures import seminar  # noqa: F401  (fixture)
from workshop_app.domain import ValidationError
from workshop_app.participants import add_participant


@pytest.fixture
def counted(seminar, monkeypatch):  # noqa: F811
    store, people, options = seminar
    rid = logic.create_round(store, "Q", "dot", options, "open", {"budget": 3})
    for index, person in enumerate(people[:6]):
        logic.cast_ballot(store, rid, person, {options[index % 4]: 2, options[(index + 1) % 4]: 1})
    logic.close_round(store, rid)
    computed = []
    real = tally._compute_result
    monkeypatch.setattr(tally, "_compute_result", lambda *a, **k: computed.append(1) or real(*a, **k))
    return store, people, options, rid, computed


def test_unchanged_ballots_and_settings_are_not_counted_again(counted):
    store, people, options, rid, computed = counted
    first = tally.round_result(store, rid)
    again = [tally.round_result(store, rid) for _ in range(5)]
    assert computed == [1] and all(r is first for r in again)


def test_a_new_ballot_a_void_or_a_reveal_gives_a_fresh_result(counted):
    store, people, options, rid, computed = counted
    before = tally.round_result(store, rid)
    logic.reopen_round(store, rid)
    logic.cast_ballot(store, rid, people[7], {options[3]: 2, options[2]: 1})
    logic.close_round(store, rid)
    after = tally.round_result(store, rid)
    assert after.tally.voters == before.tally.voters + 1
    assert after.tally.get(options[3]).score == before.tally.get(options[3]).score + 2
    logic.reopen_round(store, rid)
    record = logic.void_ballot(store, rid, people[7], "typo", 0.0)
    logic.close_round(store, rid)
    assert tally.round_result(store, rid).tally.voters == before.tally.voters
    logic.reopen_round(store, rid)
    logic.undo_void(store, record)
    logic.close_round(store, rid)
    assert tally.round_result(store, rid).tally.voters == after.tally.voters
    logic.reveal_round(store, rid)
    assert tally.round_result(store, rid).round.status == "revealed"
    assert len(computed) == 5


def test_renamed_options_and_new_participants_show_at_once(counted):
    store, people, options, rid, computed = counted
    tally.round_result(store, rid)
    with store.action() as db:
        db.execute("UPDATE initiatives SET title = 'Renamed' WHERE id = ?", [options[0]])
    assert tally.round_result(store, rid).labels[options[0]] == "Renamed"
    add_participant(store, "Latecomer")
    assert tally.round_result(store, rid).eligible == len(people) + 1
    assert len(computed) == 3


def test_an_open_round_has_no_results_even_once_cached(counted):
    store, people, options, rid, computed = counted
    tally.round_result(store, rid)
    logic.reopen_round(store, rid)
    with pytest.raises(ValidationError, match="hidden until the round is closed"):
        tally.round_result(store, rid)
