"""A seminar on disk, the room's writer and reader over it, and a phone-like test client."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from exercises.arbitration.rounds import create_round
from room.app import Room
from room.reader import Reader
from room.security import RoomConfig
from room.writer import ThreadWriter
from workshop_app.join_codes import ensure_codes, list_codes
from workshop_app.participants import add_participant
from workshop_app.store import create_store

BASE = "http://127.0.0.1:8765"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class Seminar:
    path: Path
    people: list[int]
    initiatives: list[int]
    codes: dict[int, str]


def make_seminar(path: Path, people: int = 6, hostile: bool = False) -> Seminar:
    store = create_store(path, "Room seminar", "Org", "en")
    ids = [add_participant(store, f"Person {i}") for i in range(people)]
    titles = [f"Initiative {i}" for i in range(4)]
    if hostile:
        titles[0] = '<script>window.HACKED=1</script><img src=x onerror="window.HACKED=2">'
    with store.action() as db:
        initiatives = [db["initiatives"].insert({"title": t, "effort": "M", "position": i}).last_pk
                       for i, t in enumerate(titles)]
    ensure_codes(store)
    codes = {c.participant_id: c.code for c in list_codes(store)}
    store.close()
    return Seminar(path, ids, initiatives, codes)


def open_round(path: Path, method: str, initiatives: list[int], visibility: str = "secret",
               config: dict | None = None) -> int:
    from workshop_app.store import open_store

    store = open_store(path)
    try:
        return create_round(store, f"Which first? ({method})", method, initiatives, visibility, config or {})
    finally:
        store.close()


class Phone:
    """One phone: its own cookies, talking to the app in process."""

    def __init__(self, app, base: str = BASE, language: str = "en"):
        self.client = TestClient(app, base_url=base, follow_redirects=True,
                                 headers={"accept-language": language, "origin": base})
        self.base = base

    def csrf(self, html: str) -> str:
        return CSRF.search(html).group(1)

    def join(self, code: str):
        page = self.client.get(f"/j/{code}")  # the join card's QR code
        return self.client.post("/join", data={"csrf": self.csrf(page.text), "code": code})

    def ballot(self):
        return self.client.get("/vote")

    def post(self, round_id: int, fields: dict, step: str, page: str | None = None):
        html = page if page is not None else self.ballot().text
        return self.client.post(f"/vote/{round_id}", data={"csrf": self.csrf(html), "step": step, **fields})

    def cast(self, round_id: int, fields: dict):
        review = self.post(round_id, fields, "review")
        assert review.status_code == 200, review.text
        return self.post(round_id, fields, "cast", review.text)

    def close(self):
        self.client.close()


@pytest.fixture
def seminar(tmp_path):
    return make_seminar(tmp_path / "room.workshop")


@pytest.fixture
def room_factory(seminar):
    made = []

    def make(config: RoomConfig | None = None, sem: Seminar | None = None) -> Room:
        sem = sem or seminar
        room_box: list[Room] = []
        writer = ThreadWriter(sem.path, on_commit=lambda: room_box[0].notify() if room_box else None)
        reader = Reader(sem.path)
        room = Room(reader, writer, config or RoomConfig(port=8765))
        room_box.append(room)
        made.append((writer, reader))
        return room

    yield make
    for writer, reader in made:
        writer.close()
        reader.close()


@pytest.fixture
def room(room_factory):
    return room_factory()


@pytest.fixture
def phones(room):
    made = []

    def make(language: str = "en") -> Phone:
        phone = Phone(room, language=language)
        made.append(phone)
        return phone

    yield make
    for phone in made:
        phone.close()


@pytest.fixture
def made():
    """What a stage-input test opens (rooms as (writer, reader, room) tuples, or stores), closed after it."""
    things: list = []
    yield things
    for thing in reversed(things):
        if isinstance(thing, tuple):
            for part in thing[:3]:
                part.close()
        else:
            thing.close()
