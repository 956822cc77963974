"""The typed room state: one method per transition, listeners told which part changed, no Qt."""

from __future__ import annotations

import threading

import pytest

from workshop_app.room_state import Booth, RoomState


def test_the_booth_opens_moves_through_its_steps_and_closes():
    room = RoomState()
    heard: list[str] = []
    room.subscribe(heard.append)
    assert not room.booth.is_open
    room.open_booth(7, "arbitration")
    assert room.booth == Booth(round_id=7, kind="arbitration", step="idle")
    room.booth_step("ballot", voter_id=3)
    assert room.booth.voter_id == 3 and room.booth.is_open
    room.booth_step("thanks")
    assert room.booth.voter_id is None
    room.close_booth()
    assert room.booth == Booth() and heard == ["booth"] * 4


def test_refused_transitions_change_nothing():
    room = RoomState()
    with pytest.raises(ValueError):
        room.booth_step("ballot", 1)  # the booth is not open
    room.open_booth(1, "governance")
    with pytest.raises(ValueError):
        room.booth_step("nonsense")
    with pytest.raises(ValueError):
        room.booth_step("closed")  # closing is close_booth()
    assert room.booth.step == "idle"


def test_a_repeated_state_is_not_announced_and_unsubscribing_stops_the_calls():
    room = RoomState()
    heard: list[str] = []
    stop = room.subscribe(heard.append)
    room.open_booth(2, "arbitration")
    room.open_booth(2, "arbitration")
    room.present("arbitration")
    stop()
    room.present("")
    assert heard == ["booth", "presented"] and room.presented == ""


def test_listeners_may_subscribe_from_other_threads():
    room = RoomState()
    counts: list[int] = []
    threads = [threading.Thread(target=room.subscribe, args=(lambda part, i=i: counts.append(i),))
               for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    room.present("trends")
    assert sorted(counts) == list(range(20))


def test_stage_screens_are_replaced_whole_and_announced_under_the_stage_key():
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Card:
        trend_id: int | None = None

    room = RoomState()
    heard: list[str] = []
    room.subscribe(heard.append)
    assert room.screen("trends", Card()) == Card()
    assert room.set_screen("trends", Card(4)) and room.screen("trends", Card()) == Card(4)
    assert not room.set_screen("trends", Card(4))  # the same screen: nothing announced
    assert heard == ["trends"]


def test_input_opens_for_phones_laptop_or_both_and_closes():
    room = RoomState()
    heard: list[str] = []
    room.subscribe(heard.append)
    assert not room.input_for("ideation").open and room.inputs == ()
    room.open_input("ideation", "phones", target_id=3)
    idea_input = room.input_for("ideation")
    assert idea_input.phones and not idea_input.laptop and idea_input.target_id == 3
    room.open_input("trends", "both")
    assert {i.stage for i in room.inputs} == {"ideation", "trends"}
    room.close_input("ideation")
    assert not room.input_for("ideation").phones and room.input_for("ideation").ways == "phones"
    with pytest.raises(ValueError):
        room.open_input("trends", "carrier pigeon")
    assert heard == ["input"] * 3
