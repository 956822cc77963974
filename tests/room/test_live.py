"""Following the room: the live stream over a real socket, its resumption, and polling."""

from __future__ import annotations

import threading

import httpx2
import pytest

from exercises.arbitration.rounds import close_round
from room.security import RoomConfig
from workshop_app.store import open_store
from room.server import RoomServer

from .conftest import Phone, open_round


@pytest.fixture
def served(seminar, room_factory):
    room = room_factory(RoomConfig(host="127.0.0.1", port=0))
    server = RoomServer(room)
    server.start()
    yield room, server
    server.stop()


def _joined_client(server, code) -> httpx2.Client:
    client = httpx2.Client(base_url=server.url, headers={"origin": server.url}, timeout=10, follow_redirects=True)
    page = client.get(f"/j/{code}")
    token = Phone.csrf(None, page.text)
    assert client.post("/join", data={"csrf": token, "code": code}).status_code == 200
    return client


def _events(lines, count):
    keys = []
    for line in lines:
        if line.startswith("data: "):
            keys.append(line[6:])
            if len(keys) == count:
                return keys
    return keys


def test_a_round_opened_reaches_the_phone_by_itself(seminar, served):
    room, server = served
    client = _joined_client(server, seminar.codes[seminar.people[0]])
    with client.stream("GET", "/events", params={"key": "none"}) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        lines = response.iter_lines()
        assert _events(lines, 1) == ["w"]
        rid = open_round(seminar.path, "approval", seminar.initiatives)
        threading.Timer(0.05, room.notify).start()
        assert _events(lines, 1) == [f"r{rid}"]
    assert room.connected() == {seminar.people[0]}
    client.close()


def test_the_stream_resumes_from_the_last_event(seminar, served):
    room, server = served
    rid = open_round(seminar.path, "approval", seminar.initiatives)
    client = _joined_client(server, seminar.codes[seminar.people[0]])
    with client.stream("GET", "/events", headers={"last-event-id": f"r{rid}"}) as response:
        lines = response.iter_lines()
        # nothing new since the phone locked: another phone's vote changes nothing for it...
        other = _joined_client(server, seminar.codes[seminar.people[1]])
        page = other.get("/vote").text
        review = other.post(f"/vote/{rid}", data={"csrf": Phone.csrf(None, page), "step": "review", "o0": "1"})
        other.post(f"/vote/{rid}", data={"csrf": Phone.csrf(None, review.text), "step": "cast", "o0": "1"})
        # ...and the first thing it hears is its own next state: the round closed
        store = open_store(seminar.path)
        close_round(store, rid)
        store.close()
        threading.Timer(0.05, room.notify).start()
        assert _events(lines, 1) == ["w"]
    other.close()
    rid2 = open_round(seminar.path, "dot", seminar.initiatives)
    with client.stream("GET", "/events", headers={"last-event-id": "w"}) as response:
        assert _events(response.iter_lines(), 1) == [f"r{rid2}"]  # it missed the opening: told at once
    client.close()


def test_polling_tells_the_same_state(seminar, served):
    room, server = served
    client = _joined_client(server, seminar.codes[seminar.people[0]])
    assert client.get("/state").json() == {"key": "w"}
    rid = open_round(seminar.path, "approval", seminar.initiatives)
    room.notify()
    assert client.get("/state").json() == {"key": f"r{rid}"}
    anonymous = httpx2.Client(base_url=server.url)
    assert anonymous.get("/state").json() == {"key": "out"}
    anonymous.close()
    client.close()


def test_stopping_the_server_ends_the_streams(seminar, room_factory):
    room = room_factory(RoomConfig(host="127.0.0.1", port=0))
    server = RoomServer(room)
    server.start()
    client = _joined_client(server, seminar.codes[seminar.people[0]])
    with client.stream("GET", "/events") as response:
        lines = response.iter_lines()
        assert _events(lines, 1) == ["w"]
        stopper = threading.Timer(0.1, server.stop)
        stopper.start()
        rest = list(lines)
        stopper.join()
    assert not any(line.startswith("data:") for line in rest)
    client.close()
    assert not server.running
