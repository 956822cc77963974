"""The demo seminar: complete in both languages, and copied fresh from a cache."""

from __future__ import annotations

import pytest

from workshop_app import agenda, participants
from exercises.demo import open_demo_copy
from workshop_app.seminar import get_ambition, get_seminar
from workshop_app.store import check_file


@pytest.mark.parametrize("language", ["fr", "en"])
def test_fresh_copies_from_the_cache_are_independent(tmp_path, language):
    cache = tmp_path / "cache"
    first = open_demo_copy(tmp_path / "a.workshop", language, cache)
    assert len(list(cache.iterdir())) == 1
    assert get_seminar(first).language == language
    assert get_ambition(first)
    assert len(participants.list_participants(first)) == 12
    assert len(agenda.list_days(first)) == 2
    participants.add_participant(first, "Someone new")
    first.close()
    second = open_demo_copy(tmp_path / "b.workshop", language, cache)
    assert len(participants.list_participants(second)) == 12  # untouched by the first copy's edits
    second.close()
    assert check_file(tmp_path / "b.workshop")


def test_a_damaged_cache_is_rebuilt(tmp_path):
    cache = tmp_path / "cache"
    open_demo_copy(tmp_path / "a.workshop", "en", cache).close()
    cached = next(cache.iterdir())
    cached.write_bytes(b"garbage")
    store = open_demo_copy(tmp_path / "b.workshop", "en", cache)
    assert len(participants.list_participants(store)) == 12
    store.close()
