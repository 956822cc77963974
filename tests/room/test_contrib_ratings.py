"""Trend ratings and the self-diagnosis from phones: one row per person, closing refuses."""

from __future__ import annotations

import pytest

from exercises.diagnosis import logic as diagnosis
from exercises.trends import store_ops
from room.app import Room
from workshop_app.room_state import RoomState

from .contrib import CSRF, edit, joined, make_room, post


def _trends(seminar, count=3):
    return edit(seminar.path, lambda s: [store_ops.add_trend(s, f"Trend {i}", f"About trend {i}")
                                         for i in range(count)])


def _ratings(seminar):
    return edit(seminar.path, store_ops.list_ratings)


def test_a_phone_rates_trends_one_card_at_a_time_and_can_go_back(seminar, made):
    ids = _trends(seminar)
    state = RoomState()
    room = make_room(seminar.path, state, made)
    state.open_input("trends", "phones")
    phone = joined(room, seminar.codes[seminar.people[0]], made)
    card = phone.client.get("/vote")
    assert card.url.path == "/in/trends" and "Trend 1 of 3" in card.text and "Trend 0" in card.text
    nxt = post(phone, "/in/trends", {"trend": str(ids[0]), "n": "0", "relevance": "4", "horizon": "1-2y",
                                     "lifecycle": "basic"}, card.text)
    assert nxt.status_code == 200 and "Trend 2 of 3" in nxt.text and "1 of 3 rated" in nxt.text
    back = phone.client.get("/in/trends?n=0").text
    assert 'value="4" checked' in back and 'value="1-2y" checked' in back
    post(phone, "/in/trends", {"trend": str(ids[0]), "n": "0", "relevance": "2"}, back)
    assert [(r.trend_id, r.participant_id, r.relevance, r.horizon) for r in _ratings(seminar)] == [
        (ids[0], seminar.people[0], 2, None)]
    assert post(phone, "/in/trends", {"trend": str(ids[1]), "n": "1"}).status_code == 422  # nothing chosen
    assert post(phone, "/in/trends", {"trend": str(ids[1]), "n": "0", "relevance": "3"}).status_code == 400
    assert post(phone, "/in/trends", {"trend": str(ids[1]), "n": "1", "relevance": "9"}).status_code == 400
    assert post(phone, "/in/trends", {"trend": str(ids[1]), "n": "1", "horizon": "later"}).status_code == 400
    for n in (1, 2):
        post(phone, "/in/trends", {"trend": str(ids[n]), "n": str(n), "relevance": "5"})
    assert "You have rated every trend" in phone.client.get("/in/trends").text


def test_mixed_room_the_laptop_and_the_phone_share_one_rating(seminar, made):
    ids = _trends(seminar, 1)
    state = RoomState()
    room = make_room(seminar.path, state, made)
    state.open_input("trends", "both")
    person = seminar.people[0]
    phone = joined(room, seminar.codes[person], made)
    post(phone, "/in/trends", {"trend": str(ids[0]), "n": "0", "relevance": "4"})
    edit(seminar.path, lambda s: store_ops.set_rating(s, ids[0], person, 1, "now", None))  # the laptop's screen
    post(phone, "/in/trends", {"trend": str(ids[0]), "n": "0", "relevance": "5"},
         phone.client.get("/in/trends?n=0").text)
    assert [(r.participant_id, r.relevance) for r in _ratings(seminar)] == [(person, 5)]


def test_ratings_after_closing_are_refused(seminar, made):
    ids = _trends(seminar, 1)
    state = RoomState()
    room = make_room(seminar.path, state, made)
    state.open_input("trends", "phones")
    phone = joined(room, seminar.codes[seminar.people[0]], made)
    card = phone.client.get("/in/trends").text
    state.close_input("trends")
    late = post(phone, "/in/trends", {"trend": str(ids[0]), "n": "0", "relevance": "4"}, card)
    assert late.status_code == 409 and "not recorded" in late.text and not _ratings(seminar)


def test_the_self_diagnosis_from_a_phone(seminar, made):
    state = RoomState()
    room = make_room(seminar.path, state, made)
    state.open_input("diagnosis", "phones")
    person = seminar.people[1]
    phone = joined(room, seminar.codes[person], made)
    page = phone.client.get("/vote")
    assert page.url.path == "/in/diagnosis" and "0 of 14 rated" in page.text
    saved = post(phone, "/in/diagnosis", {"c0": "2", "c3": "5"}, page.text)
    assert saved.status_code == 200 and "2 of 14 rated" in saved.text and "saved" in saved.text
    keys = diagnosis.keys()
    grid = edit(seminar.path, diagnosis.score_grid)
    assert grid == {(person, keys[0]): 2, (person, keys[3]): 5}
    post(phone, "/in/diagnosis", {"c0": "3"})
    assert edit(seminar.path, diagnosis.score_grid)[(person, keys[0])] == 3  # replaced, not added
    assert post(phone, "/in/diagnosis", {"c0": "6"}).status_code == 400
    assert post(phone, "/in/diagnosis", {"c99": "3"}).status_code == 400
    assert post(phone, "/in/diagnosis", {}).status_code == 422
    page = phone.client.get("/in/diagnosis").text
    state.close_input("diagnosis")
    assert post(phone, "/in/diagnosis", {"c1": "3"}, page).status_code == 409
    assert len(edit(seminar.path, diagnosis.score_grid)) == 2


def test_several_stages_open_at_once_and_the_state_key_follows_the_room(seminar, made):
    _trends(seminar, 1)
    state = RoomState()
    room: Room = make_room(seminar.path, state, made)
    phone = joined(room, seminar.codes[seminar.people[0]], made)
    assert phone.client.get("/state").json()["key"] == "w"
    state.open_input("diagnosis", "phones")
    state.open_input("trends", "both")
    key = phone.client.get("/state").json()["key"]
    assert key.startswith("w") and "d" in key and "t" in key and len(key) <= 12
    page = phone.client.get("/vote")
    assert page.url.path == "/in/diagnosis" and 'href="/in/trends"' in page.text
    state.open_input("trends", "laptop")
    assert 'href="/in/trends"' not in phone.client.get("/in/diagnosis").text
    assert phone.client.get("/in/trends").url.path == "/in/diagnosis"  # /vote sends it to what is open


def test_headless_serve_opens_the_stages_asked_for(seminar):
    import threading

    import httpx2

    from room import headless

    with pytest.raises(ValueError, match="No phone page for voting"):
        headless.open_stages(["voting"])
    state = headless.open_stages(["trends", "diagnosis"])
    assert state.input_for("trends").phones and state.input_for("diagnosis").phones
    assert not state.input_for("ideation").open
    lines: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(target=lambda: headless.serve(seminar.path, "127.0.0.1", 0, out=lines.append,
                                                            stop=stop, stages=["diagnosis"]))
    thread.start()
    try:
        for _i in range(100):
            if any("Ctrl+C" in line for line in lines):
                break
            threading.Event().wait(0.05)
        assert "Open to phones: diagnosis" in lines
        url = lines[0].split()[-1]
        code = seminar.codes[seminar.people[0]]
        with httpx2.Client(base_url=url, headers={"origin": url}, follow_redirects=True) as client:
            page = client.get(f"/j/{code}")
            client.post("/join", data={"csrf": CSRF.search(page.text).group(1), "code": code})
            assert client.get("/vote").url.path == "/in/diagnosis"
    finally:
        stop.set()
        thread.join(10)
