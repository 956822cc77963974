"""Ideas from phones: sending, silent-round hiding, edits and withdrawals, closing, anonymity."""

from __future__ import annotations

import logging

from exercises.ideation import logic
from exercises.ideation.phone_page import set_anonymous
from workshop_app.room_state import RoomState

from .contrib import edit, joined, make_room, post


def _round(seminar, hidden=False, anonymous=False):
    def make(store):
        rid = logic.open_round(store, "How could we surprise our customers?", hidden=hidden)
        set_anonymous(store, rid, anonymous)
        return rid
    return edit(seminar.path, make)


def _ideas(seminar):
    return edit(seminar.path, lambda s: logic.list_ideas(s))


def test_a_phone_sends_several_ideas_in_a_row_with_its_name(seminar, made):
    rid = _round(seminar)
    state = RoomState()
    room = make_room(seminar.path, state, made)
    state.open_input("ideation", "phones", rid)
    phone = joined(room, seminar.codes[seminar.people[0]], made)
    page = phone.client.get("/vote")
    assert page.url.path == "/in/ideation" and "How could we surprise our customers?" in page.text
    assert 'maxlength="600"' in page.text
    for text in ("Call every new customer", "A lounge for waiting"):
        sent = post(phone, "/in/ideation", {"action": "send", "text": text})
        assert sent.status_code == 200 and "Idea sent" in sent.text and text in sent.text
    ideas = _ideas(seminar)
    assert [(i.text, i.author_id, i.round_id) for i in ideas] == [
        ("Call every new customer", seminar.people[0], rid), ("A lounge for waiting", seminar.people[0], rid)]


def test_the_limit_and_one_line_are_enforced_by_the_server(seminar, made):
    rid = _round(seminar)
    state = RoomState()
    room = make_room(seminar.path, state, made)
    state.open_input("ideation", "both", rid)
    phone = joined(room, seminar.codes[seminar.people[0]], made)
    too_long = post(phone, "/in/ideation", {"action": "send", "text": "x" * 601})
    assert too_long.status_code == 422 and "at most 600 characters" in too_long.text
    assert "x" * 601 in too_long.text  # the text is kept to be shortened
    assert post(phone, "/in/ideation", {"action": "send", "text": "x" * 600}).status_code == 200
    assert post(phone, "/in/ideation", {"action": "send", "text": "x" * 2001}).status_code == 400
    assert post(phone, "/in/ideation", {"action": "send", "text": "   "}).status_code == 422
    assert post(phone, "/in/ideation", {"action": "send", "text": "a", "round": "3"}).status_code == 400
    assert len(_ideas(seminar)) == 1


def test_a_silent_round_never_shows_a_phone_another_phones_idea(seminar, made):
    rid = _round(seminar, hidden=True)
    state = RoomState()
    room = make_room(seminar.path, state, made)
    state.open_input("ideation", "phones", rid)
    alice = joined(room, seminar.codes[seminar.people[0]], made)
    bob = joined(room, seminar.codes[seminar.people[1]], made)
    post(alice, "/in/ideation", {"action": "send", "text": "Alice secret idea"})
    post(bob, "/in/ideation", {"action": "send", "text": "Bob own idea"})
    for path in ("/in/ideation", "/vote", "/state"):
        assert "Alice secret idea" not in bob.client.get(path).text
    page = bob.client.get("/in/ideation").text
    assert "Bob own idea" in page and "2 ideas in this round so far." in page and "Silent round" in page
    # the reveal changes every phone's state key: their pages reload
    before = bob.client.get("/state").json()["key"]
    edit(seminar.path, lambda s: logic.reveal_round(s, rid))
    room.notify()
    assert bob.client.get("/state").json()["key"] != before


def test_edit_and_withdraw_only_ones_own_ideas_until_the_input_closes(seminar, made):
    rid = _round(seminar)
    state = RoomState()
    room = make_room(seminar.path, state, made)
    state.open_input("ideation", "phones", rid)
    alice = joined(room, seminar.codes[seminar.people[0]], made)
    bob = joined(room, seminar.codes[seminar.people[1]], made)
    post(alice, "/in/ideation", {"action": "send", "text": "First draft"})
    post(alice, "/in/ideation", {"action": "send", "text": "To withdraw"})
    first, second = (i.id for i in _ideas(seminar))
    page = alice.client.get(f"/in/ideation?edit={first}")
    assert 'name="idea" value="%d"' % first in page.text and "First draft" in page.text
    saved = post(alice, "/in/ideation", {"action": "save", "idea": str(first), "text": "Better idea"}, page.text)
    assert saved.status_code == 200
    assert post(bob, "/in/ideation", {"action": "withdraw", "idea": str(second)}).status_code == 422
    assert post(bob, "/in/ideation", {"action": "save", "idea": str(first), "text": "Hijack"}).status_code == 422
    assert post(alice, "/in/ideation", {"action": "withdraw", "idea": str(second)}).status_code == 200
    assert [i.text for i in _ideas(seminar)] == ["Better idea"]
    page = alice.client.get("/in/ideation").text
    state.close_input("ideation")
    late = post(alice, "/in/ideation", {"action": "save", "idea": str(first), "text": "Too late"}, page)
    assert late.status_code == 409 and "closed" in late.text and "not recorded" in late.text
    late = post(alice, "/in/ideation", {"action": "send", "text": "Too late"}, page)
    assert late.status_code == 409
    assert [i.text for i in _ideas(seminar)] == ["Better idea"]
    assert alice.client.get("/in/ideation").url.path == "/vote"  # nothing open: the waiting page


def test_laptop_only_input_is_refused_on_phones(seminar, made):
    rid = _round(seminar)
    state = RoomState()
    room = make_room(seminar.path, state, made)
    phone = joined(room, seminar.codes[seminar.people[0]], made)
    state.open_input("ideation", "phones", rid)
    page = phone.client.get("/in/ideation").text
    state.open_input("ideation", "laptop", rid)
    refused = post(phone, "/in/ideation", {"action": "send", "text": "From my phone"}, page)
    assert refused.status_code == 409 and not _ideas(seminar)


def test_an_anonymous_idea_keeps_no_link_to_the_phone_or_person(seminar, made, caplog):
    caplog.set_level(logging.DEBUG)
    rid = _round(seminar, anonymous=True)
    state = RoomState()
    room = make_room(seminar.path, state, made)
    state.open_input("ideation", "phones", rid)
    alice = joined(room, seminar.codes[seminar.people[0]], made)
    bob = joined(room, seminar.codes[seminar.people[1]], made)
    sent = post(alice, "/in/ideation", {"action": "send", "text": "Nobody knows it is mine"})
    assert "Anonymous round" in sent.text and "Nobody knows it is mine" in sent.text
    [idea] = _ideas(seminar)
    assert idea.author_id is None
    row = edit(seminar.path, lambda s: s.query("SELECT * FROM ideas")[0])
    assert set(row) == {"id", "text", "author_id", "round_id", "axis_id", "journey_step_id", "position",
                        "hidden", "merged_into"} and row["author_id"] is None
    token = alice.client.cookies.get("room_device")

    def dump(s):
        return "\n".join(line for line in s.conn.iterdump())
    text = edit(seminar.path, dump)
    assert token not in text and str(idea.id) + "," + str(seminar.people[0]) not in text
    assert "Nobody knows" not in caplog.text and token not in caplog.text
    # the phone that sent it may still change it; another phone may not
    assert post(bob, "/in/ideation", {"action": "withdraw", "idea": str(idea.id)}).status_code == 422
    assert post(alice, "/in/ideation", {"action": "save", "idea": str(idea.id),
                                        "text": "Still mine"}).status_code == 200
    assert [i.text for i in _ideas(seminar)] == ["Still mine"]
